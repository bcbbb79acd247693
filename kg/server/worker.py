"""What runs inside a query worker process: a read-only store and the jobs the server sends it.

A worker opens ``Store.read_only(path)``, then answers ``(job, kwargs)`` messages on its pipe
with ``("ok", value)`` or ``("problem", status, message)``. Every job *fully* materialises and
serialises its answer before sending it, so the server never starts a 200 it cannot finish.
A worker reopens the store when the files under it change (a ``kg build`` while serving).
"""

from __future__ import annotations

import signal
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QuerySolutions, Store, serialize

from ..formats import rdf_format, result_format, served
from ..queries import load_query
from ..vocab import PREFIXES
from . import results as res
from . import views
from .caching import store_state
from .negotiation import serialise_triples
from .problems import Problem, malformed, not_acceptable, too_many_rows
from .query_text import check_services, names_dataset
from .sandbox import forbid_network


class WorkerStore:
    """The read-only store a worker holds, reopened when the store's files change, and the hosts
    SERVICE may call (none: federation off)."""

    def __init__(self, path: str, allow_service: tuple[str, ...] = ()):
        self.path = Path(path)
        self.allow_service = tuple(allow_service)
        self._signature = None
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        sig = store_state(self.path)
        if self._store is None or sig != self._signature:
            self._store = Store.read_only(str(self.path))
            self._signature = sig
        return self._store


def _graphs(iris: list[str] | None):
    if iris is None:
        return None
    return [DefaultGraph() if iri == "" else NamedNode(iri) for iri in iris]


def _query(ws: WorkerStore, query: str, default_graph=None, named_graphs=None, substitutions=None,
           base_iri: str | None = None):
    """Run ``query`` (its SERVICE calls checked first). A dataset from the request (default and
    named graphs, either list possibly empty) replaces the query's own; without one, the query's
    FROM / FROM NAMED apply, and without those the default graph is the union of all graphs.

    :raises Problem: 400 for a malformed query, 403 for a SERVICE call that is not allowed.
    """
    check_services(query, ws.allow_service, PREFIXES)
    kwargs = {"prefixes": PREFIXES}
    if base_iri:
        kwargs["base_iri"] = base_iri
    if default_graph is None and named_graphs is None:
        if not names_dataset(query):
            kwargs["use_default_graph_as_union"] = True
    else:  # the request's dataset replaces the query's: graphs it does not name are not in it
        kwargs["default_graph"] = _graphs(default_graph or [])
        kwargs["named_graphs"] = _graphs(named_graphs or [])
    if substitutions:
        kwargs["substitutions"] = substitutions
    try:
        return ws.store.query(query, **kwargs)
    except SyntaxError as e:
        raise malformed(str(e)) from None


def _serialise(result, results_fmt: str | None, rdf_fmt: str | None, max_rows: int) -> tuple[str, bytes]:
    """(media type, bytes) of a query result in the negotiated format."""
    if isinstance(result, QueryBoolean):
        if results_fmt is None:
            raise not_acceptable("boolean (ASK) result", _RESULT_TYPES)
        fmt = result_format(results_fmt)
        return fmt.media_type, res.boolean(bool(result), fmt.name)
    if isinstance(result, QuerySolutions):
        if results_fmt is None:
            raise not_acceptable("SELECT result", _RESULT_TYPES)
        fmt = result_format(results_fmt)
        variables = [v.value for v in result.variables]
        rows = []
        for solution in result:
            if len(rows) == max_rows:
                raise too_many_rows(max_rows)
            rows.append([solution[v] for v in variables])
        return fmt.media_type, res.SERIALISERS[fmt.name](variables, rows)
    if rdf_fmt is None:
        raise not_acceptable("graph (CONSTRUCT/DESCRIBE) result", _RDF_TYPES)
    fmt = rdf_format(rdf_fmt)
    triples = []
    for triple in result:
        if len(triples) == max_rows:
            raise too_many_rows(max_rows)
        triples.append(triple)
    return fmt.media_type, serialise_triples(triples, fmt.rdf)


_RESULT_TYPES = [f.media_type for f in served("results")]
_RDF_TYPES = [f.media_type for f in served("rdf")]


# jobs -------------------------------------------------------------------------------------------

def job_sparql(ws: WorkerStore, query: str, results_fmt: str | None, rdf_fmt: str | None,
               default_graph: list[str] | None, named_graphs: list[str] | None, max_rows: int,
               base_iri: str | None = None):
    result = _query(ws, query, default_graph, named_graphs, base_iri=base_iri)
    return _serialise(result, results_fmt, rdf_fmt, max_rows)


def job_canned(ws: WorkerStore, name: str, values: dict[str, str], results_fmt: str, rdf_fmt: str, max_rows: int):
    canned = load_query(name)
    substitutions = canned.bind(values)
    return _serialise(_query(ws, canned.text, substitutions=substitutions), results_fmt, rdf_fmt, max_rows)


def job_resource(ws: WorkerStore, iri: str):
    return views.resource(lambda q, **kw: _query(ws, q, **kw), iri)


def job_describe(ws: WorkerStore, iri: str, rdf_fmt: str):
    fmt = rdf_format(rdf_fmt)
    triples = views.describe(lambda q, **kw: _query(ws, q, **kw), iri)
    return fmt.media_type, serialise_triples(triples, fmt.rdf)


def job_graph(ws: WorkerStore, iri: str, rdf_fmt: str, max_rows: int):
    """The quads of one named graph (a document's extraction), in ``rdf_fmt``."""
    fmt = rdf_format(rdf_fmt)
    graph = NamedNode(iri)
    quads = []
    for quad in ws.store.quads_for_pattern(None, None, None, graph):
        if len(quads) == max_rows:
            raise too_many_rows(max_rows)
        quads.append(quad)
    if not quads:
        raise Problem(404, f"<{iri}> is not a named graph of this knowledge graph")
    if fmt.rdf.supports_datasets:
        return fmt.media_type, serialize(quads, format=fmt.rdf)
    return fmt.media_type, serialise_triples([q.triple for q in quads], fmt.rdf)


def job_search(ws: WorkerStore, text: str, limit: int):
    return views.search(lambda q, **kw: _query(ws, q, **kw), text, limit)


def job_lookup(ws: WorkerStore, iris: list[str], names: list[str]):
    return views.lookup(lambda q, **kw: _query(ws, q, **kw), iris, names)


def job_void(ws: WorkerStore):
    return views.void_stats(lambda q, **kw: _query(ws, q, **kw))


def job_sleep(ws: WorkerStore, seconds: float):  # for tests of the pool itself
    import time
    time.sleep(seconds)
    return seconds


def job_connect(ws: WorkerStore, host: str, port: int):  # for tests of the sandbox
    """Try a TCP connection from the worker: "connected", or the error."""
    import socket

    try:
        socket.create_connection((host, port), timeout=2).close()
        return "connected"
    except OSError as e:
        return f"{type(e).__name__}: {e.strerror or e}"


JOBS = {name[4:]: fn for name, fn in globals().items() if name.startswith("job_")}


def main(conn, store_path: str, allow_service: tuple[str, ...] = ()) -> None:
    """The worker loop (the target of the worker process)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    if not allow_service:  # federation off: no network for this process at all (see .sandbox)
        forbid_network()
    ws = WorkerStore(store_path, allow_service)
    try:
        ws.store  # open it now, so that the first job does not pay for it
    except Exception:  # noqa: BLE001
        return  # no store (yet): the pool sees EOF and tries again later
    conn.send(("ready",))
    while True:
        try:
            job, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            value = JOBS[job](ws, **kwargs)
            reply = ("ok", value)
        except Problem as p:
            reply = ("problem", p.status, p.message)
        except Exception as e:  # a KGError (bad parameter ...) or a store error
            from ..errors import KGError
            status = 400 if isinstance(e, KGError) else 500
            reply = ("problem", status, " ".join(str(e).split()) or type(e).__name__)
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
