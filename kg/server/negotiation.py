"""HTTP content negotiation over kg's format table (:mod:`kg.formats`).

Unlike :func:`kg.formats.negotiate`, which falls back to a default, these return ``None`` when the
client accepts none of the offered types, so that the server can answer 406.

>>> choose("text/csv;q=0.9, application/sparql-results+json", RESULTS).name
'json'
>>> choose("image/png", RDF) is None
True
>>> choose("text/*", RDF).name
'turtle'
"""

from __future__ import annotations

from pyoxigraph import Quad, RdfFormat, serialize

from ..errors import UsageError
from ..formats import Format, rdf_format, result_format
from ..vocab import PREFIXES

#: What the server offers, preferred first (the first is the default for */*).
RESULTS: tuple[Format, ...] = tuple(result_format(n) for n in ("json", "xml", "csv", "tsv"))
RDF: tuple[Format, ...] = tuple(rdf_format(n) for n in ("turtle", "jsonld", "ntriples", "rdfxml", "nquads", "trig"))
HTML = "text/html"

_EXTRA_RESULT_TYPES = {"application/json": "json", "text/javascript": "json", "application/javascript": "json",
                       "application/xml": "xml", "text/xml": "xml"}
_EXTRA_RDF_TYPES = {"application/x-turtle": "turtle", "application/json": "jsonld", "text/plain": "ntriples",
                    "application/xml": "rdfxml", "text/xml": "rdfxml"}


def parse_accept(accept: str | None) -> list[str]:
    """Media ranges by preference (q > 0 only; highest q first, then order given)."""
    if not accept or not accept.strip():
        return ["*/*"]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.replace(" ", "").startswith("q="):
                try:
                    q = float(param.split("=", 1)[1])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def choose(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    extra = _EXTRA_RESULT_TYPES if offered is RESULTS else _EXTRA_RDF_TYPES
    for media in parse_accept(accept):
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            top = media[:-1]
            for f in offered:
                if f.media_type.startswith(top):
                    return f
            continue
        for f in offered:
            if f.media_type == media:
                return f
        if media in extra:
            return next(f for f in offered if f.name == extra[media])
    return None


def prefers_html(accept: str | None) -> bool:
    """Does the client rank text/html above every RDF type (a browser)?"""
    for media in parse_accept(accept):
        if media in (HTML, "application/xhtml+xml"):
            return True
        if media == "*/*" or choose(media, RDF) is not None:
            return False
    return False


def by_name(name: str, offered: tuple[Format, ...]) -> Format | None:
    """A ``format=`` parameter value (name, extension or media type) among ``offered``."""
    kind = "results" if offered is RESULTS else "rdf"
    try:
        fmt = result_format(name) if kind == "results" else rdf_format(name)
    except UsageError:
        return None
    return fmt if fmt in offered else None


def media_types(offered: tuple[Format, ...]) -> list[str]:
    return [f.media_type for f in offered]


def serialise_triples(triples, fmt: RdfFormat, prefixes: dict[str, str] = PREFIXES) -> bytes:
    """``triples`` in ``fmt``: with ``prefixes`` where the format has them (Turtle, RDF/XML, N3),
    in the default graph for the dataset formats (N-Quads, TriG)."""
    if fmt.supports_datasets:
        return serialize([Quad(t.subject, t.predicate, t.object) for t in triples], format=fmt) or b""
    if fmt in (RdfFormat.TURTLE, RdfFormat.RDF_XML, RdfFormat.N3):
        return serialize(triples, format=fmt, prefixes=prefixes) or b""
    return serialize(triples, format=fmt) or b""
