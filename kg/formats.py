"""One table of the formats kg speaks, with the names, media types and extensions that select them.

Used by ``kg query`` (result formats), ``kg export`` (RDF formats) and ``kg serve`` (content
negotiation and the ``format=`` parameter), so that "ttl", "turtle" and "text/turtle" mean the
same thing everywhere (the model is rdflib's plugin registry: one name, many aliases). A name is
looked up per kind: ``xml`` is SPARQL XML results for a SELECT and RDF/XML for a CONSTRUCT, as
SPARQLWrapper means it. Inside the library formats are pyoxigraph enums; strings exist only at
the edges.

>>> rdf_format("ttl") is rdf_format("text/turtle") is rdf_format("Turtle")
True
>>> result_format("csv").media_type
'text/csv'
>>> [find(kind, "xml").name for kind in ("results", "rdf")]
['xml', 'rdfxml']
>>> choose("text/csv;q=0.9, application/sparql-results+json", "results").name
'json'
>>> choose("image/png", "rdf") is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat

from .errors import UsageError


@dataclass(frozen=True)
class Format:
    """A serialisation: its canonical name, kind, media type, file extension, the other names,
    media types and extensions that select it, and its pyoxigraph enum (None for kg's own)."""

    name: str
    kind: str  # "rdf" (graphs and datasets) or "results" (SPARQL SELECT/ASK results)
    media_type: str
    extension: str
    aliases: tuple[str, ...] = ()
    rdf: RdfFormat | None = None
    results: QueryResultsFormat | None = None
    served: bool = True  # offered by kg serve (the terminal table is not)

    @property
    def supports_datasets(self) -> bool:
        return self.rdf is not None and self.rdf.supports_datasets

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.media_type, self.extension, *self.aliases)

    @property
    def media_types(self) -> tuple[str, ...]:
        """Every media type that selects this format in an Accept header, its own first."""
        return (self.media_type, *(a for a in self.aliases if a.split("/")[0] in ("application", "text")))


#: Every format, per kind in the order a server prefers them (the first is the default for */*).
FORMATS: tuple[Format, ...] = (
    # SPARQL results (SELECT / ASK)
    Format("json", "results", "application/sparql-results+json", "srj",
           ("sparql-json", "application/json", "text/javascript", "application/javascript"),
           results=QueryResultsFormat.JSON),
    Format("xml", "results", "application/sparql-results+xml", "srx",
           ("sparql-xml", "application/xml", "text/xml"), results=QueryResultsFormat.XML),
    Format("csv", "results", "text/csv", "csv", (), results=QueryResultsFormat.CSV),
    Format("tsv", "results", "text/tab-separated-values", "tsv", (), results=QueryResultsFormat.TSV),
    Format("table", "results", "text/plain", "txt", ("text",), served=False),  # kg's own: a table on a terminal
    # RDF graphs and datasets
    Format("turtle", "rdf", "text/turtle", "ttl", ("application/x-turtle", "application/turtle"), rdf=RdfFormat.TURTLE),
    Format("jsonld", "rdf", "application/ld+json", "jsonld", ("json-ld", "json", "application/json"),
           rdf=RdfFormat.JSON_LD),
    Format("ntriples", "rdf", "application/n-triples", "nt", ("n-triples", "nt11", "text/plain"),
           rdf=RdfFormat.N_TRIPLES),
    Format("rdfxml", "rdf", "application/rdf+xml", "rdf",
           ("rdf+xml", "rdf/xml", "xml-rdf", "xml", "owl", "application/xml", "text/xml"), rdf=RdfFormat.RDF_XML),
    Format("nquads", "rdf", "application/n-quads", "nq", ("n-quads",), rdf=RdfFormat.N_QUADS),
    Format("trig", "rdf", "application/trig", "trig", (), rdf=RdfFormat.TRIG),
    Format("n3", "rdf", "text/n3", "n3", ("notation3", "text/rdf+n3", "application/n3"), rdf=RdfFormat.N3),
)

_BY_NAME: dict[tuple[str, str], Format] = {}
for _f in FORMATS:
    for _n in _f.names:
        _BY_NAME.setdefault((_f.kind, _n.lower()), _f)


def _key(name: str) -> str:
    """``" Text/Turtle; charset=utf-8"`` -> ``"text/turtle"``, ``".ttl"`` -> ``"ttl"``."""
    return name.strip().lower().split(";")[0].strip().lstrip(".")


def find(kind: str, name: str) -> Format | None:
    """The format of ``kind`` ("rdf" or "results") called ``name`` (canonical name, alias,
    extension or media type), or None."""
    return _BY_NAME.get((kind, _key(name)))


def _find(kind: str, name: str) -> Format:
    fmt = find(kind, name)
    if fmt is None:
        valid = ", ".join(names(kind))
        what = "RDF format" if kind == "rdf" else "result format"
        raise UsageError(f"unknown {what} {name!r}; available: {valid}")
    return fmt


def rdf_format(name: str) -> Format:
    """The RDF format called ``name`` (canonical name, alias, extension or media type).

    :raises UsageError: for a name no RDF format has.
    """
    return _find("rdf", name)


def result_format(name: str) -> Format:
    """The SPARQL result format (or ``table``) called ``name``.

    :raises UsageError: for a name no result format has.
    """
    return _find("results", name)


def names(kind: str) -> list[str]:
    """Canonical names of the formats of one kind ("rdf" or "results"), for CLI choices."""
    return [f.name for f in FORMATS if f.kind == kind]


def served(kind: str) -> tuple[Format, ...]:
    """The formats of ``kind`` that ``kg serve`` offers, preferred first."""
    return tuple(f for f in FORMATS if f.kind == kind and f.served)


def parse_accept(accept: str | None) -> list[str]:
    """The media ranges of an Accept header by preference (highest q first, then the order given;
    q=0 ranges dropped).

    >>> parse_accept("text/html;q=0.5, text/turtle, */*;q=0")
    ['text/turtle', 'text/html']
    """
    if not accept or not accept.strip():
        return ["*/*"]
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            if param.replace(" ", "").lower().startswith("q="):
                try:
                    q = float(param.split("=", 1)[1])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def choose(accept: str | None, kind: str, offered: tuple[Format, ...] | None = None) -> Format | None:
    """The format of ``kind`` (among ``offered``, by default what the server offers) that an HTTP
    Accept header prefers, or None when it accepts none of them (the server answers 406)."""
    offered = served(kind) if offered is None else offered
    for media in parse_accept(accept):
        if media == "*/*":
            return offered[0] if offered else None
        if media.endswith("/*"):
            top = media[:-1]
            hit = next((f for f in offered if f.media_type.startswith(top)), None)
        else:
            hit = next((f for f in offered if f.media_type == media), None) or \
                next((f for f in offered if media in f.media_types), None)
        if hit is not None:
            return hit
    return None


def negotiate(accept: str | None, kind: str, default: str) -> Format:
    """Like :func:`choose` among every format of ``kind``, falling back to ``default``.

    >>> negotiate("text/html;q=0.5, text/turtle", "rdf", "turtle").name
    'turtle'
    >>> negotiate(None, "results", "json").name
    'json'
    """
    return choose(accept, kind) or _find(kind, default)
