"""One table of the formats kg speaks, with the names and media types that select them.

Used by ``kg query`` (result formats), ``kg export`` (RDF formats) and ``kg serve`` (content
negotiation), so that "ttl", "turtle" and "text/turtle" mean the same thing everywhere (the model
is rdflib's plugin registry). Inside the library formats are pyoxigraph enums; strings exist only
at the edges.

>>> rdf_format("ttl") is rdf_format("text/turtle") is rdf_format("Turtle")
True
>>> result_format("csv").media_type
'text/csv'
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat

from .errors import UsageError


@dataclass(frozen=True)
class Format:
    """A serialisation: its canonical name, pyoxigraph enum (None for kg's own), media type,
    file extension and the other names that select it."""

    name: str
    kind: str  # "rdf" (graphs and datasets) or "results" (SPARQL SELECT/ASK results)
    media_type: str
    extension: str
    aliases: tuple[str, ...] = ()
    rdf: RdfFormat | None = None
    results: QueryResultsFormat | None = None

    @property
    def supports_datasets(self) -> bool:
        return self.rdf is not None and self.rdf.supports_datasets

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.media_type, self.extension, *self.aliases)


FORMATS: tuple[Format, ...] = (
    # RDF graphs and datasets
    Format("turtle", "rdf", "text/turtle", "ttl", ("application/x-turtle",), rdf=RdfFormat.TURTLE),
    Format("ntriples", "rdf", "application/n-triples", "nt", ("n-triples", "nt11"), rdf=RdfFormat.N_TRIPLES),
    Format("nquads", "rdf", "application/n-quads", "nq", ("n-quads",), rdf=RdfFormat.N_QUADS),
    Format("trig", "rdf", "application/trig", "trig", (), rdf=RdfFormat.TRIG),
    Format("jsonld", "rdf", "application/ld+json", "jsonld", ("json-ld",), rdf=RdfFormat.JSON_LD),
    Format("rdfxml", "rdf", "application/rdf+xml", "rdf", ("rdf/xml", "xml-rdf", "owl", "application/xml"), rdf=RdfFormat.RDF_XML),
    Format("n3", "rdf", "text/n3", "n3", (), rdf=RdfFormat.N3),
    # SPARQL results (SELECT / ASK)
    Format("csv", "results", "text/csv", "csv", (), results=QueryResultsFormat.CSV),
    Format("tsv", "results", "text/tab-separated-values", "tsv", (), results=QueryResultsFormat.TSV),
    Format("json", "results", "application/sparql-results+json", "srj", ("application/json", "sparql-json"), results=QueryResultsFormat.JSON),
    Format("xml", "results", "application/sparql-results+xml", "srx", ("sparql-xml",), results=QueryResultsFormat.XML),
    # kg's own: a rich table on a terminal
    Format("table", "results", "text/plain", "txt", ("text",)),
)

_BY_NAME: dict[tuple[str, str], Format] = {}
for _f in FORMATS:
    for _n in _f.names:
        _BY_NAME.setdefault((_f.kind, _n.lower()), _f)


def _find(kind: str, name: str) -> Format:
    key = name.strip().lower().split(";")[0].strip()  # "text/turtle; charset=utf-8"
    key = key.lstrip(".")
    try:
        return _BY_NAME[(kind, key)]
    except KeyError:
        valid = ", ".join(f.name for f in FORMATS if f.kind == kind)
        what = "RDF format" if kind == "rdf" else "result format"
        raise UsageError(f"unknown {what} {name!r}; available: {valid}") from None


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


def negotiate(accept: str | None, kind: str, default: str) -> Format:
    """Pick a format of ``kind`` for an HTTP Accept header (highest q first, then order given).

    >>> negotiate("text/html;q=0.5, text/turtle", "rdf", "turtle").name
    'turtle'
    >>> negotiate(None, "results", "json").name
    'json'
    """
    if not accept:
        return _find(kind, default)
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        fields = [x.strip() for x in part.split(";")]
        q = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, fields[0].lower()))
    for neg_q, _, media in sorted(ranked):
        if neg_q >= 0:
            break
        if media == "*/*" or media.endswith("/*"):
            return _find(kind, default)
        fmt = _BY_NAME.get((kind, media))
        if fmt is not None and fmt.name != "table":
            return fmt
    return _find(kind, default)
