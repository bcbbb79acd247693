"""The web UI at / and its small JSON API: canned queries, running them with parameters, search."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ..errors import QueryError
from ..queries import list_queries, load_query
from .pages import render
from .problems import Problem
from .sparql import formats


def _query_json(q) -> dict:
    return {"name": q.name, "title": q.title, "description": q.description, "query": q.text,
            "params": [{"name": p.name, "type": p.type, "description": p.description,
                        "default": p.default, "required": p.required} for p in q.params]}


def _canned() -> list:
    try:
        return list_queries()
    except QueryError as e:
        raise Problem(500, f"a canned query is broken: {e}") from None


async def index(request: Request) -> Response:
    return render(request, "index.html", queries=[_query_json(q) for q in _canned()])


async def api_queries(request: Request) -> Response:
    return JSONResponse([_query_json(q) for q in _canned()])


async def api_run(request: Request) -> Response:
    """GET /api/queries/{name}?param=value... : run a canned query, parameters bound as RDF terms."""
    name = request.path_params["name"]
    try:
        canned = load_query(name)
    except QueryError as e:
        raise Problem(404, str(e)) from None
    params = dict(request.query_params)
    wanted = params.pop("format", None)
    results_fmt, rdf_fmt = formats({"format": [wanted]} if wanted else {}, request.headers.get("accept"))
    values = {k: v for k, v in params.items() if v != ""}
    try:
        canned.bind(values)  # refuse bad parameters here, with the registry's message
    except QueryError as e:
        raise Problem(400, str(e)) from None
    config = request.app.state.config
    media_type, body = await request.app.state.pool.run(
        "canned", name=canned.name, values=values, results_fmt=results_fmt or "json",
        rdf_fmt=rdf_fmt or "turtle", max_rows=config.max_rows)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def api_search(request: Request) -> Response:
    text = request.query_params.get("q", "")
    raw = request.query_params.get("limit", "20") or "20"
    if not raw.isdigit():
        raise Problem(400, f"limit must be a whole number, not {raw!r}")
    limit = min(int(raw), 100)
    hits = await request.app.state.pool.run("search", text=text, limit=limit)
    for hit in hits:
        hit["href"] = "/" + hit["iri"][len(request.app.state.config.base):] \
            if hit["iri"].startswith(request.app.state.config.base) else hit["iri"]
    return JSONResponse(hits)


async def search_page(request: Request) -> Response:
    """GET /search?q=...: straight to the entity when exactly one label matches exactly."""
    text = request.query_params.get("q", "").strip()
    hits = await request.app.state.pool.run("search", text=text, limit=50) if text else []
    exact = [h for h in hits if h["exact"]]
    base = request.app.state.config.base
    if len(exact) == 1 and exact[0]["iri"].startswith(base):
        return RedirectResponse("/" + exact[0]["iri"][len(base):], status_code=303)
    return render(request, "search.html", q=text, hits=hits)
