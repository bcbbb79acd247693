"""The web UI at / and its small JSON API: canned queries, running them with parameters, search,
labels and links for a result's values (/api/lookup), the map's outlines and places (/api/map)."""

from __future__ import annotations

import json
from functools import cache

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from ..errors import QueryError
from ..queries import list_queries, load_query
from .. import geo
from ..viz import CATEGORIES
from ..vocab import OWL, PREFIXES, RDF, RDFS
from .pages import curie, render
from .pool import job_key
from .views import MAX_LOOKUP
from .problems import Problem
from .sparql import formats


def _query_json(q) -> dict:
    return {"name": q.name, "title": q.title, "description": q.description, "query": q.text,
            "params": [{"name": p.name, "type": p.type, "description": p.description,
                        "default": p.default, "required": p.required} for p in q.params]}


#: the legend of the graph view, the same colours as ``kg viz``
CATEGORY_LIST = [{"key": k, "name": name, "color": color} for k, (name, color) in CATEGORIES.items()]


@cache
def completions() -> dict:
    """What the editor completes: the prefixes the endpoint predeclares, and every term of those
    namespaces that ontology/kg.ttl names (kg's own and the reused ORG, FOAF, SKOS, PROV ... terms),
    with its kind (class or property) and Chinese label."""
    from pyoxigraph import Literal as Lit

    from .ontology import _triples

    rdf_type, label = RDF.type.value, RDFS.label.value
    class_links = {RDFS.iri + "subClassOf", RDFS.iri + "domain", RDFS.iri + "range"}
    kinds: dict[str, str] = {}
    names: dict[str, str] = {}
    seen: set[str] = set()
    for t in _triples():
        p = t.predicate.value
        for x in (t.subject, t.predicate, t.object):
            if hasattr(x, "value") and not isinstance(x, Lit):
                seen.add(x.value)
        if p == rdf_type and t.object.value.startswith(OWL.iri):
            kind = "class" if t.object.value.endswith("Class") else "property"
            kinds.setdefault(t.subject.value, kind)
        elif p in class_links and hasattr(t.object, "value"):
            kinds.setdefault(t.object.value, "class")
        elif p == label and isinstance(t.object, Lit) and t.object.language == "zh":
            names[t.subject.value] = t.object.value
    terms = []
    for iri in sorted(seen):
        short = curie(iri)
        if short == iri:
            continue
        kind = kinds.get(iri) or ("class" if short.split(":", 1)[1][:1].isupper() else "property")
        terms.append({"curie": short, "kind": kind, "label": names.get(iri, "")})
    return {"prefixes": PREFIXES, "terms": terms}


def _canned() -> list:
    try:
        return list_queries()
    except QueryError as e:
        raise Problem(500, f"a canned query is broken: {e}") from None


async def index(request: Request) -> Response:
    return render(request, "index.html", queries=[_query_json(q) for q in _canned()], completions=completions(),
                  categories=CATEGORY_LIST)


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
        "canned", key=job_key("canned", canned.name, sorted(values.items())), name=canned.name, values=values, results_fmt=results_fmt or "json",
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


async def api_lookup(request: Request) -> Response:
    """POST /api/lookup ``{"iris": [...], "names": [...]}``: labels, categories and division codes of
    IRIs, and the entities short literals name (see :func:`kg.server.views.lookup`)."""
    from .sparql import read_body

    body = await read_body(request, request.app.state.config.max_body * 10)
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise Problem(400, "send a JSON object {\"iris\": [...], \"names\": [...]}") from None
    if not isinstance(data, dict):
        raise Problem(400, "send a JSON object {\"iris\": [...], \"names\": [...]}")
    iris, names = data.get("iris", []), data.get("names", [])
    if not (isinstance(iris, list) and isinstance(names, list)
            and all(isinstance(x, str) for x in iris + names)):
        raise Problem(400, "iris and names must be lists of strings")
    if len(iris) > MAX_LOOKUP or len(names) > MAX_LOOKUP:
        raise Problem(413, f"at most {MAX_LOOKUP} iris and {MAX_LOOKUP} names in one request")
    found = await request.app.state.pool.run("lookup", iris=iris, names=names)
    return JSONResponse(found)


async def api_map(request: Request) -> Response:
    """GET /api/map: province outlines (SVG path data) and x, y per division code, projected once."""
    return JSONResponse(geo.base_map(), headers={"Cache-Control": "public, max-age=86400"})
