"""The SPARQL 1.1 Protocol endpoint at /sparql (query only; updates are refused).

* ``GET /sparql?query=...``, ``POST`` form-encoded (``query=``) or ``application/sparql-query``;
* ``default-graph-uri`` / ``named-graph-uri`` select the dataset; without them the default graph
  is the union of all graphs (documents, background, meta);
* the answer's media type comes from ``Accept`` or a ``format`` parameter (406 when none fits);
* ``GET /sparql`` without a query answers the SPARQL 1.1 Service Description.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from . import negotiation as neg
from . import problems
from .problems import Problem
from .service import service_description

_COMMENT = re.compile(r"#[^\n]*")
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^:\s]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.I)
_UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def looks_like_update(text: str) -> bool:
    """Is ``text`` a SPARQL Update request (after its prologue)?

    >>> looks_like_update("PREFIX a: <http://a#>\\n# hi\\nINSERT DATA { a:b a:c a:d }")
    True
    >>> looks_like_update("SELECT * { ?s ?p ?o }")
    False
    """
    text = _COMMENT.sub("", text)  # crude (a '#' inside an IRI) but only for this check
    rest = text[_PROLOGUE.match(text).end():]
    return bool(_UPDATE.match(rest))


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

    :raises Problem: 403 for an update, 413 for a large body, 415 for another body type.
    """
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await read_body(request, max_body)
        if ctype == "application/sparql-update":
            raise problems.read_only()
        if ctype == "application/sparql-query":
            params["query"] = [_decode(body)]
        elif ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(_decode(body), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            raise Problem(415, f"unsupported request body type {ctype or '(none)'!r}; send "
                               "application/x-www-form-urlencoded (query=...) or application/sparql-query")
    if "update" in params:
        raise problems.read_only()
    return params


def formats(params: dict[str, list[str]], accept: str | None) -> tuple[str | None, str | None]:
    """The (results format, RDF format) names for a request: ``format`` wins over ``Accept``.

    :raises Problem: 406 for a ``format`` no format has.
    """
    results = neg.choose(accept, neg.RESULTS)
    rdf = neg.choose(accept, neg.RDF)
    wanted = (params.get("format") or params.get("output") or [""])[0].strip()
    if wanted:
        by_results, by_rdf = neg.by_name(wanted, neg.RESULTS), neg.by_name(wanted, neg.RDF)
        if by_results is None and by_rdf is None:
            raise problems.unknown_format(wanted, [f.name for f in neg.RESULTS + neg.RDF])
        results, rdf = by_results or results, by_rdf or rdf
    return (results.name if results else None, rdf.name if rdf else None)


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
    if looks_like_update(query):
        raise problems.read_only()
    results_fmt, rdf_fmt = formats(params, request.headers.get("accept"))
    media_type, body = await pool.run(
        "sparql", query=query, results_fmt=results_fmt, rdf_fmt=rdf_fmt,
        default_graph=params.get("default-graph-uri"), named_graphs=params.get("named-graph-uri"),
        max_rows=config.max_rows,
    )
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})
