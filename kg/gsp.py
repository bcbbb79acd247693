"""``kg build --target URL``: build into an external SPARQL 1.1 server instead of the embedded store.

The server is spoken to with the SPARQL 1.1 Graph Store Protocol (a document's graph is replaced
by one ``PUT {store}?graph=IRI`` of N-Triples), SPARQL 1.1 Update (the meta records) and SPARQL
1.1 Query (what the server holds). ``URL`` is the server's base; the endpoints are Oxigraph's:

* ``URL/store``: Graph Store Protocol;
* ``URL/query``: SPARQL Query;
* ``URL/update``: SPARQL Update.

(A URL ending in ``/store``, ``/query`` or ``/update`` is taken as that server's base.) The
dataset layout is the embedded store's (:mod:`kg.store`): one named graph per document, the
background graph and the meta graph. A build:

1. asks the meta graph, in one query, for the recorded document id and pipeline of every source
   path, and for the background fingerprint and base IRI;
2. PUTs the background graph if it is missing or changed;
3. reads every input file (no stat rule: the server holds no file sizes worth trusting across
   machines) and, for each new or changed document, PUTs its graph, then writes its meta record
   (dropping the graph the path held before, if another) in one SPARQL Update.

A server that applies each request in one transaction (Oxigraph does) replaces each graph
atomically; a crash between the PUT and the record leaves a graph without a record, which the next
build writes again.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable

from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from .errors import StoreError
from .mapping import DEFAULT_BASE, Iris, background_fingerprint, background_quads, string
from .store import DocRecord, KGStore, _insert_data, _now, _nt
from .vocab import DCTERMS, KG, PREFIXES, RDF

ENDPOINT_PATHS = {"store": "/store", "query": "/query", "update": "/update"}

_PREFIX_TEXT = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


class RemoteError(StoreError):
    """The SPARQL server is unreachable or refused a request."""


class GSPClient:
    """A small client of one SPARQL 1.1 server (Graph Store Protocol, Query, Update)."""

    def __init__(self, url: str, timeout: float = 60.0):
        base = url.rstrip("/")
        for suffix in ENDPOINT_PATHS.values():
            if base.endswith(suffix):
                base = base[: -len(suffix)]
                break
        if not base.startswith(("http://", "https://")):
            raise RemoteError(f"target {url!r}: expected an http(s) URL such as http://127.0.0.1:7878")
        self.url = base
        self.store_url, self.query_url, self.update_url = (base + ENDPOINT_PATHS[k] for k in ("store", "query", "update"))
        self.timeout = timeout

    def _request(self, method: str, url: str, data: bytes | None = None, content_type: str | None = None,
                 accept: str | None = None) -> bytes:
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip().splitlines()
            first = body[0] if body else e.reason
            raise RemoteError(f"{method} {url}: HTTP {e.code}: {first}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise RemoteError(f"SPARQL server at {self.url} unreachable: {reason}") from None

    def _graph_url(self, graph_iri: str) -> str:
        return f"{self.store_url}?{urllib.parse.urlencode({'graph': graph_iri})}"

    def replace_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace the named graph ``graph_iri`` by ``ntriples`` (one PUT)."""
        self._request("PUT", self._graph_url(graph_iri), ntriples, "application/n-triples")

    def delete_graph(self, graph_iri: str) -> None:
        """Delete the named graph ``graph_iri``; a missing graph is not an error."""
        try:
            self._request("DELETE", self._graph_url(graph_iri))
        except RemoteError as e:
            if "HTTP 404" not in str(e):
                raise

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (kg's prefixes are declared)."""
        self._request("POST", self.update_url, (_PREFIX_TEXT + sparql).encode(), "application/sparql-update")

    def query(self, sparql: str, union_default_graph: bool = False) -> list[dict[str, str]]:
        """Run a SELECT query (kg's prefixes are declared unless the query declares its own);
        returns one dict per row: variable -> value (the term's lexical value or IRI).

        ``union_default_graph`` asks for all graphs as the default graph, as kg's own queries
        expect (Oxigraph's ``union-default-graph`` parameter; other servers have their own)."""
        text = sparql if sparql.lstrip().upper().startswith("PREFIX") else _PREFIX_TEXT + sparql
        url = self.query_url + ("?union-default-graph" if union_default_graph else "")
        body = self._request("POST", url, text.encode(), "application/sparql-query",
                             "application/sparql-results+json")
        try:
            data = json.loads(body)
            return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as e:
            raise RemoteError(f"POST {self.query_url}: not SPARQL JSON results: {e}") from None


def _ntriples(quads: Iterable[Quad]) -> bytes:
    return serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b""


class _Records:
    """:meth:`KGStore.record_quads` without a store."""

    def __init__(self, base: str):
        self.iris = Iris(base)

    record_quads = KGStore.record_quads


def build_remote(paths, target: str, *, prune: bool = False, base: str | None = None, force: bool = False,
                 strict: bool = False, progress=None, jobs: int = 1, executor: str | None = None,
                 max_bytes: int | None = None):
    """:func:`kg.build.build` into the SPARQL server at ``target``; returns a :class:`BuildReport`.

    :raises RemoteError: the server is unreachable, refuses a request, or holds another base IRI.
    """
    from .build import BuildReport, Progress, _results, pipeline_fingerprint, plan_writes
    from .corpus import MAX_BYTES, iter_paths, read_document
    from .errors import InputError

    started = time.monotonic()
    notify = progress or (lambda _p: None)
    client = GSPClient(target)
    fingerprint = pipeline_fingerprint()
    ignored: list[str] = []
    inputs = list(iter_paths(paths, ignored=ignored))

    # what the server holds: the store's record and every document's (one query each)
    probe = Iris(base or DEFAULT_BASE)
    meta = _nt(probe.meta_graph)
    store_rows = client.query(
        f"SELECT ?p ?o WHERE {{ GRAPH {meta} {{ ?s a kg:Store ; ?p ?o }} }}")
    store_meta = {r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]: r["o"] for r in store_rows}
    stored_base = store_meta.get("baseIRI")
    if base is not None and stored_base is not None and base != stored_base:
        raise RemoteError(f"SPARQL server at {client.url} holds base IRI {stored_base}, not {base}")
    base = stored_base or base or DEFAULT_BASE
    iris = Iris(base)
    records = _Records(base)
    meta, s = _nt(iris.meta_graph), _nt(iris.store)

    background_written = False
    background = background_fingerprint(base)
    if store_meta.get("backgroundFingerprint") != background:
        client.replace_graph(iris.background_graph.value, _ntriples(background_quads(base)))
        client.update(
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} ?p ?o }} }} ;\n"
            f"INSERT DATA {{ GRAPH {meta} {{ {s} {_nt(RDF.type)} {_nt(KG.Store)} ; "
            f"{_nt(KG.baseIRI)} {_nt(string(base))} ; {_nt(KG.backgroundFingerprint)} {_nt(string(background))} ; "
            f"{_nt(DCTERMS.modified)} {_nt(_now())} . }} }}")
        background_written = True

    rows = client.query(
        f"SELECT ?doc ?path ?graph ?pipeline WHERE {{ GRAPH {meta} {{ "
        f"?doc kg:sourcePath ?path ; kg:namedGraph ?graph ; kg:pipeline ?pipeline }} }}")
    stored = {r["path"]: DocRecord(r["doc"].rsplit("/", 1)[-1], r["path"], NamedNode(r["graph"]), r["pipeline"])
              for r in rows}
    stored_by_id = {r.doc_id: r for r in stored.values()}

    # 1. plan: read every file (its document id is the hash of its text)
    failed: list[str] = []
    skipped: list[str] = ignored
    found: list[tuple[Path, str, str]] = []
    for i, path in enumerate(inputs):
        notify(Progress("plan", i, len(inputs), str(path)))
        try:
            doc = read_document(path, MAX_BYTES if max_bytes is None else max_bytes)
        except InputError as e:
            failed.append(str(e))
            continue
        except Exception as e:  # whatever one file raises fails that file only
            if strict:
                raise
            failed.append(f"{path}: cannot read: unexpected {type(e).__name__}: {' '.join(str(e).split())}")
            continue
        found.append((Path(path), str(Path(path).resolve()), doc.id))
    notify(Progress("plan", len(inputs), len(inputs)))
    todo, unchanged = plan_writes(found, stored, fingerprint, force, skipped)

    # 2. write: one PUT per document graph, one update per meta record
    written = quads_written = 0
    for i, (path, absolute, result) in enumerate(_results(todo, base, jobs, strict, executor)):
        notify(Progress("write", i, len(todo), str(path)))
        if result.error:
            failed.append(result.error)
            continue
        doc_id = result.doc_id
        graph = iris.doc_graph(doc_id)
        client.replace_graph(graph.value, _ntriples(result.quad_list()))
        previous = [r for r in (stored.get(absolute), stored_by_id.get(doc_id)) if r is not None]
        parts = [f"DROP SILENT GRAPH {_nt(g)}" for g in sorted({r.graph for r in previous} - {graph},
                                                                key=lambda n: n.value)]
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ ?d {_nt(KG.sourcePath)} {_nt(string(absolute))} ; ?p ?o }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(iris.doc(doc_id))} ?p ?o }} }}")
        parts.append(_insert_data(records.record_quads(doc_id, absolute, fingerprint)))
        client.update(" ;\n".join(parts))
        written += 1
        quads_written += result.count
    notify(Progress("write", len(todo), len(todo)))

    # 3. prune documents whose file is not among the input
    pruned = 0
    if prune:
        current = {absolute for _, absolute, _ in found} | {str(Path(p).resolve()) for p in inputs}
        gone = [r for p, r in stored.items() if p not in current]
        if gone:
            parts = []
            for r in gone:
                parts.append(f"DROP SILENT GRAPH {_nt(r.graph)}")
                parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(iris.doc(r.doc_id))} ?p ?o }} }}")
            client.update(" ;\n".join(parts))
        pruned = len(gone)

    if written or pruned:
        client.update(f"DELETE WHERE {{ GRAPH {meta} {{ {s} {_nt(DCTERMS.modified)} ?t }} }} ;\n"
                      f"INSERT DATA {{ GRAPH {meta} {{ {s} {_nt(DCTERMS.modified)} {_nt(_now())} }} }}")
    total = int(client.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])
    return BuildReport(
        files=len(inputs), read=len(found), unchanged=unchanged, written=written, skipped=tuple(skipped),
        failed=tuple(failed), pruned=pruned, quads_written=quads_written, store_quads=total,
        background_written=background_written, seconds=time.monotonic() - started,
    )
