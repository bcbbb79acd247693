"""Linked data: every IRI the store mints under its base dereferences at its path on this server.

Choice (documented in the README and the tests): the IRI of a *thing* (``/id/person/…``) answers
``303 See Other`` to a *document* about it, picked by ``Accept`` — ``/id/person/….html`` for a
browser, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` or ``.nq`` for RDF clients — with
``Vary: Accept``. This is the "303 URI" pattern of *Cool URIs for the Semantic Web*: the thing and
the pages about it have different IRIs, and each document IRI is stable and linkable.

A named graph (``/graph/doc/…``) answers the same way; its RDF representations hold the graph's
own quads (``.nq`` keeps the graph name), its HTML page what the store says about it.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..formats import rdf_format
from . import negotiation as neg
from . import problems
from .pages import render

#: suffix of a document IRI -> RDF format name (None: HTML)
SUFFIXES: dict[str, str | None] = {".html": None, ".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples",
                                   ".rdf": "rdfxml", ".nq": "nquads"}
_BY_FORMAT = {v: k for k, v in SUFFIXES.items() if v}


def _split(path: str) -> tuple[str, str | None]:
    for suffix in SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)], suffix
    return path, None


def iri_for(request: Request, path: str) -> str:
    """The store IRI a server path (``/id/…``, raw, percent-encoded) stands for."""
    return request.app.state.config.base + path.lstrip("/")


async def dereference(request: Request) -> Response:
    raw = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?", 1)[0]
    path, suffix = _split(raw)
    iri = iri_for(request, path)
    pool = request.app.state.pool
    if suffix is None:
        accept = request.headers.get("accept")
        if neg.prefers_html(accept):
            target = ".html"
        else:
            fmt = neg.choose(accept, neg.RDF)
            if fmt is None:
                raise problems.not_acceptable("resource", ["text/html", *neg.media_types(neg.RDF)])
            target = _BY_FORMAT.get(fmt.name, ".ttl")
        return RedirectResponse(path + target, status_code=303, headers={"Vary": "Accept"})
    if SUFFIXES[suffix] is None:
        page = await pool.run("resource", iri=iri)
        return render(request, "resource.html", page=page,
                      alternates=[(s, rdf_format(f).media_type) for s, f in SUFFIXES.items() if f],
                      path=path)
    if path.startswith("/graph/"):  # a named graph: its contents, not what is said about it
        media_type, body = await pool.run("graph", iri=iri, rdf_fmt=SUFFIXES[suffix],
                                          max_rows=request.app.state.config.max_rows)
        return Response(body, media_type=media_type, headers={"Content-Location": path + suffix})
    media_type, body = await pool.run("describe", iri=iri, rdf_fmt=SUFFIXES[suffix])
    return Response(body, media_type=media_type, headers={"Content-Location": path + suffix})
