"""The ontology at its own IRI: ``/ontology`` (``https://w3id.org/kg-cppcc/ontology#Term`` ->
``/ontology#Term``): an HTML page listing every term with its labels and comment, or the Turtle
of ontology/kg.ttl in any RDF format, by ``Accept`` or suffix."""

from __future__ import annotations

from functools import cache

from pyoxigraph import RdfFormat, parse
from starlette.requests import Request
from starlette.responses import Response

from ..paths import ontology_path
from ..vocab import KG, PREFIXES
from . import negotiation as neg
from . import problems
from .pages import curie, render

_SUFFIXES = {".ttl": "turtle", ".jsonld": "jsonld", ".nt": "ntriples", ".rdf": "rdfxml", ".html": None}
_KINDS = {"http://www.w3.org/2002/07/owl#Class": "class", "http://www.w3.org/2002/07/owl#ObjectProperty": "property",
          "http://www.w3.org/2002/07/owl#DatatypeProperty": "property"}


@cache
def _triples() -> tuple:
    return tuple(parse(path=str(ontology_path()), format=RdfFormat.TURTLE))


@cache
def terms() -> list[dict]:
    """kg's own terms: name, kind, labels, comment and the links (subClassOf, domain, range)."""
    by_term: dict[str, dict] = {}
    for t in _triples():
        s = t.subject.value
        if not s.startswith(KG.iri):
            continue
        entry = by_term.setdefault(s, {"iri": s, "name": s[len(KG.iri):], "kind": "", "labels": [],
                                       "comment": "", "links": []})
        p, o = t.predicate.value, t.object
        if p.endswith("#type") and o.value in _KINDS:
            entry["kind"] = entry["kind"] or _KINDS[o.value]
        elif p.endswith("#label"):
            entry["labels"].append(o.value)
        elif p.endswith("#comment"):
            entry["comment"] = o.value
        elif not p.endswith("#type"):
            entry["links"].append((curie(p), o.value, curie(o.value) if hasattr(o, "value") else str(o)))
    return sorted(by_term.values(), key=lambda e: (e["kind"] != "class", e["name"]))


async def ontology(request: Request) -> Response:
    path = request.url.path
    suffix = next((s for s in _SUFFIXES if path.endswith(s)), None)
    accept = request.headers.get("accept")
    if suffix == ".html" or (suffix is None and neg.prefers_html(accept)):
        return render(request, "ontology.html", terms=terms(), ontology_iri=KG.iri.rstrip("#"))
    fmt = neg.by_name(_SUFFIXES[suffix], neg.RDF) if suffix else neg.choose(accept, neg.RDF)
    if fmt is None:
        raise problems.not_acceptable("ontology", ["text/html", *neg.media_types(neg.RDF)])
    triples = list(_triples())
    body = neg.serialise_triples(triples, fmt.rdf, PREFIXES)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})
