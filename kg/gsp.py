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

:class:`GSPWriter` is the second writer of :func:`kg.build.build` (the first is
:class:`kg.store.KGStore`): the same plan, executors and write strategies, requests instead of
transactions. It has no bulk path: a first build writes document by document, so one cut short
resumes by itself (what was written is unchanged for the next build).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable, Sequence

from pyoxigraph import RdfFormat, serialize

from .dataset import DocRecord, Layout, Written, insert_data
from .errors import StoreError
from .mapping import DEFAULT_BASE, background_fingerprint, background_ntriples
from .vocab import PREFIXES

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


class GSPWriter:
    """A kg dataset on a SPARQL 1.1 server, as a writer of :func:`kg.build.build`.

    :raises RemoteError: (on creation) the server is unreachable, refuses a request, or holds a
        dataset of another base IRI than ``base``.
    """

    #: the server's recorded file sizes and times are not trusted across machines: every file is read
    stat_rule = False
    #: no bulk path (see the module docstring)
    work_dir = None

    def __init__(self, url: str, base: str | None = None):
        self.client = GSPClient(url)
        self.url = self.client.url
        probe = Layout(base or DEFAULT_BASE)
        rows = self.client.query(f"SELECT ?p ?o WHERE {{ GRAPH {probe.meta} {{ ?s a kg:Store ; ?p ?o }} }}")
        self._store_meta = {r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]: r["o"] for r in rows}
        stored_base = self._store_meta.get("baseIRI")
        if base is not None and stored_base is not None and base != stored_base:
            raise RemoteError(f"SPARQL server at {self.url} holds base IRI {stored_base}, not {base}")
        self.base = stored_base or base or DEFAULT_BASE
        self.layout = Layout(self.base)

    def __enter__(self) -> "GSPWriter":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def documents(self) -> dict[str, DocRecord]:
        rows = self.client.query(self.layout.documents_query())
        records = (Layout.record(r["doc"], r["path"], r["graph"], r["pipeline"], r.get("size"), r.get("mtime"))
                   for r in rows)
        return {r.source_path: r for r in records}

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT query over all graphs: variable -> lexical value or IRI."""
        return self.client.query(sparql, union_default_graph=True)

    def replace_graph(self, graph, quads) -> None:
        """PUT ``quads`` as the named graph ``graph`` (DELETE it when there are none)."""
        if quads:
            self.client.replace_graph(graph.value, _ntriples(quads))
        else:
            self.client.delete_graph(graph.value)

    def ensure_background(self) -> bool:
        fingerprint = background_fingerprint(self.base)
        if self._store_meta.get("backgroundFingerprint") == fingerprint:
            return False
        self.client.replace_graph(self.layout.iris.background_graph.value, background_ntriples(self.base))
        self.client.update(f"DELETE WHERE {{ GRAPH {self.layout.meta} {{ {self.layout.store} ?p ?o }} }} ;\n"
                           + insert_data(self.layout.store_quads(fingerprint)) + " ;\n" + self.layout.touch())
        self._store_meta["backgroundFingerprint"] = fingerprint
        return True

    def restat(self, stats) -> int:
        return 0

    def write_replacing(self, doc: Written, previous: Sequence[DocRecord]) -> None:
        """PUT the document's graph, then one update: drop the graphs ``previous`` held (other
        than this one) and replace the records."""
        graph = self.layout.iris.doc_graph(doc.doc_id)
        self.client.replace_graph(graph.value, doc.triples())
        parts = self.layout.forget(doc.doc_id, doc.source_path, {r.graph for r in previous} - {graph})
        parts.append(insert_data(self.layout.record_quads(doc.doc_id, doc.source_path, doc.pipeline, doc.stat)))
        self.client.update(" ;\n".join(parts))

    def write_new(self, docs: Sequence[Written]) -> None:
        for doc in docs:
            self.write_replacing(doc, ())

    def remove_documents(self, records: Iterable[DocRecord]) -> int:
        records = list(records)
        if records:
            self.client.update(self.layout.remove(records))
        return len(records)

    def touch(self) -> None:
        self.client.update(self.layout.touch())

    def quad_count(self) -> int:
        return int(self.client.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])

    def bulk_load(self, files) -> None:
        raise RemoteError("a SPARQL server target has no bulk path")

    def links_fingerprint(self) -> str | None:
        return None  # not kept: every build that writes recomputes the links graph

    def save_state(self, links: str | None) -> None:
        pass  # the server is asked again by the next build


def _ntriples(quads: Iterable) -> bytes:
    return serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b""


def build_remote(paths, target: str, **options):
    """:func:`kg.build.build` into the SPARQL server at ``target``; returns a :class:`BuildReport`.

    :raises RemoteError: the server is unreachable, refuses a request, or holds another base IRI.
    """
    from .build import build

    return build(paths, target=target, **options)
