"""The SPARQL 1.1 Protocol endpoint at /sparql (query only; updates are refused).

* ``GET /sparql?query=...``, ``POST`` form-encoded (``query=``) or ``application/sparql-query``;
* ``default-graph-uri`` / ``named-graph-uri`` select the dataset; without them the default graph
  is the union of all graphs (documents, background, meta);
* the answer's media type comes from ``Accept`` or a ``format`` parameter (406 when none fits);
* ``GET /sparql`` without a query answers the SPARQL 1.1 Service Description.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from pyoxigraph import NamedNode
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from . import negotiation as neg
from . import problems
from .pool import job_key
from .problems import Problem
from .query_text import update_operation
from .service import service_description


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise problems.body_too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise problems.body_too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "request body is not UTF-8; send the query as UTF-8") from None


async def request_params(request: Request, max_body: int) -> dict[str, list[str]]:
    """The protocol parameters of a request, from its query string and (POST) its body.

    :raises Problem: 403 for an update, 413 for a large body, 415 for another body type or charset.
    """
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        header = request.headers.get("content-type", "")
        ctype = header.split(";")[0].strip().lower()
        charset = next((p.split("=", 1)[1].strip(' "').lower() for p in header.split(";")[1:]
                        if p.strip().lower().startswith("charset=")), "utf-8")
        if charset not in ("utf-8", "utf8"):
            raise Problem(415, f"request body in {charset!r}; send the query as UTF-8")
        body = await read_body(request, max_body)
        if ctype == "application/sparql-update":
            raise problems.read_only("sent as an application/sparql-update body",
                                     update_operation(body.decode("utf-8", "replace")))
        if ctype == "application/sparql-query":
            params["query"] = [_decode(body)]
        elif ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(_decode(body), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            raise Problem(415, f"unsupported request body type {ctype or '(none)'!r}; send "
                               "application/x-www-form-urlencoded (query=...) or application/sparql-query")
    if "update" in params:
        raise problems.read_only("sent as the update= parameter", update_operation(params["update"][0]))
    return params


#: the parameters clients name a result format with: ``format`` (the protocol's common practice),
#: ``output`` (Joseki, Fuseki), ``results`` (SPARQLWrapper sends all three)
FORMAT_PARAMS = ("format", "output", "results")


def formats(params: dict[str, list[str]], accept: str | None) -> tuple[str | None, str | None]:
    """The (results format, RDF format) names for a request: a format parameter wins over
    ``Accept``. Each value is looked up per kind, so ``format=xml`` means SPARQL XML for a SELECT
    and RDF/XML for a CONSTRUCT; of several values, the first one a kind knows counts for it.

    :raises Problem: 406 when no format parameter value names any format.
    """
    results = neg.choose(accept, neg.RESULTS)
    rdf = neg.choose(accept, neg.RDF)
    wanted = [v.strip() for key in FORMAT_PARAMS for v in params.get(key, ()) if v.strip()]
    if wanted:
        by_results = next((f for f in (neg.by_name(w, neg.RESULTS) for w in wanted) if f), None)
        by_rdf = next((f for f in (neg.by_name(w, neg.RDF) for w in wanted) if f), None)
        if by_results is None and by_rdf is None:
            raise problems.unknown_format(wanted[0], [f.name for f in neg.RESULTS + neg.RDF])
        results, rdf = by_results or results, by_rdf or rdf
    return (results.name if results else None, rdf.name if rdf else None)


def graph_iris(params: dict[str, list[str]], key: str) -> list[str] | None:
    """The ``default-graph-uri`` / ``named-graph-uri`` values, each an absolute IRI ("" stands for
    the store's own default graph).

    :raises Problem: 400 for a value that is not an IRI.
    """
    values = params.get(key)
    if values is None:
        return None
    for value in values:
        if value:
            try:
                NamedNode(value)
            except ValueError:
                raise problems.bad_graph_iri(key, value) from None
    return values


def base_iri(request: Request) -> str:
    """The base IRI a query's relative IRIs resolve against: the endpoint's own URL."""
    return str(request.url.replace(query="", fragment=""))


async def endpoint(request: Request) -> Response:
    config, pool = request.app.state.config, request.app.state.pool
    params = await request_params(request, config.max_body)
    queries = params.get("query")
    if not queries:
        if request.method == "GET":
            if neg.prefers_html(request.headers.get("accept")):
                return RedirectResponse("/", status_code=303, headers={"Vary": "Accept"})
            return await service_description(request)
        raise Problem(400, "no query given; send query=... (form) or an application/sparql-query body")
    if len(queries) > 1:
        raise Problem(400, "more than one query parameter given; send exactly one")
    query = queries[0]
    if len(query.encode("utf-8")) > config.max_body:
        raise problems.body_too_large(config.max_body)
    operation = update_operation(query)
    if operation:
        raise problems.read_only("sent as a query", operation)
    results_fmt, rdf_fmt = formats(params, request.headers.get("accept"))
    default_graph, named_graphs = graph_iris(params, "default-graph-uri"), graph_iris(params, "named-graph-uri")
    media_type, body = await pool.run(
        "sparql", key=job_key(query, default_graph, named_graphs), query=query, results_fmt=results_fmt, rdf_fmt=rdf_fmt,
        default_graph=default_graph, named_graphs=named_graphs, max_rows=config.max_rows,
        base_iri=base_iri(request),
    )
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})
