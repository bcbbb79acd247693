"""HTTP content negotiation for the server, over kg's one table of formats (:mod:`kg.formats`).

These return ``None`` when the client accepts none of the offered types, so that the server can
answer 406.

>>> choose("text/csv;q=0.9, application/sparql-results+json", RESULTS).name
'json'
>>> choose("image/png", RDF) is None
True
>>> choose("text/*", RDF).name
'turtle'
>>> by_name("rdf+xml", RDF).media_type, by_name("rdf+xml", RESULTS)
('application/rdf+xml', None)
"""

from __future__ import annotations

from pyoxigraph import Quad, RdfFormat, serialize

from .. import formats
from ..formats import Format, parse_accept
from ..vocab import PREFIXES

#: What the server offers, preferred first (the first is the default for */*).
RESULTS: tuple[Format, ...] = formats.served("results")
RDF: tuple[Format, ...] = formats.served("rdf")
HTML = "text/html"


def choose(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The format among ``offered`` that ``accept`` prefers, or None."""
    return formats.choose(accept, offered[0].kind, offered)


def prefers_html(accept: str | None) -> bool:
    """Does the client rank text/html above every RDF type (a browser)?"""
    for media in parse_accept(accept):
        if media in (HTML, "application/xhtml+xml"):
            return True
        if media == "*/*" or choose(media, RDF) is not None:
            return False
    return False


def by_name(name: str, offered: tuple[Format, ...]) -> Format | None:
    """A ``format=`` parameter value (name, alias, extension or media type) among ``offered``."""
    fmt = formats.find(offered[0].kind, name)
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
