"""Linked-data export: the whole dataset, one graph, or a CONSTRUCT query, in any RDF format.

Everything streams: quads go from the store to the output file subject by subject, never as one
list in memory (pyoxigraph's serialisers write as they are fed; JSON-LD is written by
:class:`JsonLdWriter`, one node object at a time).

=============================  ===================================================================
what                           how
=============================  ===================================================================
dataset, N-Quads / TriG        every named graph, with its name (one graph per document, plus
                               ``graph/background`` and ``graph/meta``)
dataset, Turtle / N-Triples    the union of all graphs (a triple stated in two documents is
/ RDF/XML                      written once); memory grows with the number of distinct subjects
                               (one lookup per subject), not with the number of quads
dataset, JSON-LD               one ``{"@id": graph, "@graph": [...]}`` object per named graph
``graph``                      that graph (dataset formats keep its name)
``query``                      the triples of a CONSTRUCT or DESCRIBE query (canned or a path)
=============================  ===================================================================

Turtle and TriG use the ontology's prefixes plus short prefixes for kg's own IRIs
(``person:``, ``office:`` ...); within a subject, ``rdf:type`` and labels come first. JSON-LD
uses the published context (:func:`context_document`, shipped as kg/resources/context.jsonld and
served by ``kg serve``), inline by default or by reference (``context_url``).

>>> from kg.formats import rdf_format
>>> import io, pyoxigraph as ox
>>> s = ox.Store()
>>> s.add(ox.Quad(ox.NamedNode("http://ex.org/a"), ox.NamedNode("http://xmlns.com/foaf/0.1/name"), ox.Literal("王军", language="zh"), ox.NamedNode("http://ex.org/g")))
>>> out = io.BytesIO()
>>> export_quads(s, rdf_format("nq"), out).triples
1
>>> out.getvalue().decode()
'<http://ex.org/a> <http://xmlns.com/foaf/0.1/name> "王军"@zh <http://ex.org/g> .\\n'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import IO, Iterable, Iterator

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from .errors import QueryError, UsageError
from .formats import Format
from .vocab import PREFIXES, RDF, RDFS, SKOS, FOAF, DCTERMS, XSD

#: Where the context is published, relative to the store's base IRI (``kg serve`` answers there).
CONTEXT_PATH = "context.jsonld"

#: kg's own IRIs that get a short prefix in Turtle/TriG: prefix -> path under the base.
INSTANCE_PREFIXES = {
    "person": "id/person/",
    "office": "id/office/",
    "division": "id/division/",
    "doc": "id/doc/",
    "graph": "graph/doc/",
}

# Predicates written first within a subject, in this order; the rest sorted by IRI.
_FIRST = [RDF.type, SKOS.prefLabel, FOAF.name, DCTERMS.title, RDFS.label]
_RANK = {p: i for i, p in enumerate(_FIRST)}


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote: how many triples/quads (before serialisation), and from where."""

    triples: int
    what: str


def context_document() -> dict:
    """The published JSON-LD context, ``{"@context": {...}}`` (kg/resources/context.jsonld).

    ``kg serve`` serves it as ``application/ld+json`` at ``{base}context.jsonld``.

    >>> context_document()["@context"]["kg"]
    'https://w3id.org/kg-cppcc/ontology#'
    """
    return json.loads(context_bytes())


@cache
def context_bytes() -> bytes:
    """The context file's bytes, as served."""
    return files("kg").joinpath("resources/context.jsonld").read_bytes()


def context_url(base: str) -> str:
    """Where the context is published for a store with base IRI ``base``."""
    return base + CONTEXT_PATH


def prefixes_for(base: str) -> dict[str, str]:
    """The ontology's prefixes plus short ones for kg's IRIs under ``base``."""
    out = dict(PREFIXES)
    for name, path in INSTANCE_PREFIXES.items():
        out.setdefault(name, base + path)
    return out


# ---------------------------------------------------------------------------------------------
# sources of quads, grouped by subject


def _sorted_group(group: list) -> list:
    return sorted(group, key=lambda t: (_RANK.get(t.predicate, len(_RANK)), t.predicate.value, str(t.object)))


def _by_subject(items: Iterable) -> Iterator[list]:
    """Consecutive runs of triples/quads with the same subject (and graph), each sorted."""
    group: list = []
    key = None
    for item in items:
        k = (item.subject, getattr(item, "graph_name", None))
        if group and k != key:
            yield _sorted_group(group)
            group = []
        key = k
        group.append(item)
    if group:
        yield _sorted_group(group)


def _graphs(store: Store) -> list:
    graphs = sorted(store.named_graphs(), key=lambda g: str(g))
    return [DefaultGraph(), *graphs]


def _graph_groups(store: Store, graph) -> Iterator[list[Quad]]:
    """Subject groups of one graph (the store's GSPO order keeps a subject's quads together)."""
    return _by_subject(store.quads_for_pattern(None, None, None, graph))


def _union_groups(store: Store) -> Iterator[list[Triple]]:
    """Subject groups of the union of all graphs, each triple once."""
    subjects = store.query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    default_subjects = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")
    seen_default: set = set()
    for rows, in_default in ((default_subjects, True), (subjects, False)):
        for row in rows:
            s = row["s"]
            if in_default:
                seen_default.add(s)
            elif s in seen_default:
                continue
            triples = {Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(s, None, None)}
            if triples:
                yield _sorted_group(list(triples))


def _to_triples(groups: Iterable[list]) -> Iterator[list[Triple]]:
    for group in groups:
        yield [Triple(q.subject, q.predicate, q.object) for q in group]


class _Counter:
    def __init__(self, groups: Iterable[list]):
        self.groups = groups
        self.n = 0

    def __iter__(self):
        for group in self.groups:
            for item in group:
                self.n += 1
                yield item


# ---------------------------------------------------------------------------------------------
# JSON-LD


class JsonLdWriter:
    """Writes JSON-LD node objects one at a time, compacted against kg's context.

    Keys are the context's terms where one matches the predicate (else a compact IRI); IRI values
    of ``@id``-typed terms are plain strings; every other value is an explicit value object, so
    the document expands to exactly the quads given.
    """

    def __init__(self, output: IO[bytes], context: dict | str):
        self.out = output
        ctx = context_document()["@context"]
        self.prefixes = sorted(
            ((k, v) for k, v in ctx.items() if isinstance(v, str) and not v.startswith("@") and not k.startswith("@")),
            key=lambda kv: -len(kv[1]),
        )
        self.terms: dict[str, tuple[str, bool]] = {}
        for term, definition in ctx.items():
            if isinstance(definition, dict) and "@id" in definition:
                iri = self.expand(definition["@id"])
                self.terms.setdefault(iri, (term, definition.get("@type") == "@id"))
        self.context = context
        self._first_node = True
        self._first_graph = True
        self._in_graph = False

    def expand(self, curie: str) -> str:
        prefix, sep, local = curie.partition(":")
        for k, v in self.prefixes:
            if k == prefix and sep:
                return v + local
        return curie

    def compact(self, iri: str) -> str:
        for k, v in self.prefixes:
            if iri.startswith(v) and len(iri) > len(v):
                local = iri[len(v):]
                if "/" not in local and "#" not in local and ":" not in local:
                    return f"{k}:{local}"
        return iri

    def _id(self, term) -> str:
        if isinstance(term, BlankNode):
            return f"_:{term.value}"
        return term.value

    def _value(self, obj, iri_term: bool):
        if isinstance(obj, (NamedNode, BlankNode)):
            return self._id(obj) if iri_term else {"@id": self._id(obj)}
        if isinstance(obj, Literal):
            if obj.language:
                return {"@value": obj.value, "@language": obj.language}
            if obj.datatype == XSD.string:
                return {"@value": obj.value}
            return {"@value": obj.value, "@type": self.compact(obj.datatype.value)}
        raise ValueError(f"cannot write {obj!r} as JSON-LD")

    def node(self, subject, triples: list) -> dict:
        node: dict = {"@id": self._id(subject)}
        types = [self.compact(t.object.value) for t in triples if t.predicate == RDF.type and isinstance(t.object, NamedNode)]
        if types:
            node["@type"] = types
        for t in triples:
            if t.predicate == RDF.type and isinstance(t.object, NamedNode):
                continue
            term, iri_term = self.terms.get(t.predicate.value) or (self.compact(t.predicate.value), False)
            node.setdefault(term, []).append(self._value(t.object, iri_term))
        return node

    def _w(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def start(self) -> None:
        self._w('{\n"@context": ' + json.dumps(self.context, ensure_ascii=False) + ',\n"@graph": [\n')

    def start_graph(self, graph) -> None:
        self.end_graph()
        self._w(("" if self._first_graph else ",\n") + '{"@id": ' + json.dumps(self._id(graph)) + ', "@graph": [\n')
        self._first_graph = False
        self._first_node = True
        self._in_graph = True

    def end_graph(self) -> None:
        if self._in_graph:
            self._w("\n]}")
            self._in_graph = False
            self._first_node = False

    def write_node(self, group: list) -> None:
        node = self.node(group[0].subject, group)
        self._w(("" if self._first_node else ",\n") + json.dumps(node, ensure_ascii=False))
        self._first_node = False
        self._first_graph = False

    def finish(self) -> None:
        self.end_graph()
        self._w("\n]\n}\n")


# ---------------------------------------------------------------------------------------------
# export


def export_quads(store: Store, fmt: Format, output: IO[bytes], *, graph: NamedNode | None = None,
                 base: str = "https://w3id.org/kg-cppcc/", context: str | None = None) -> ExportSummary:
    """Write the dataset (or one ``graph``) of a pyoxigraph ``store`` to ``output`` as ``fmt``.

    ``context`` is the URL of the JSON-LD context to reference; None embeds it.

    :raises UsageError: ``fmt`` is not an RDF format, or ``graph`` is not in the store.
    """
    rdf = _rdf(fmt)
    prefixes = prefixes_for(base)
    if graph is not None:
        if not store.contains_named_graph(graph):
            raise UsageError(f"no graph {graph.value} in the store; `kg query` lists documents and their graphs")
        groups: Iterable[list] = _graph_groups(store, graph)
        what = f"graph {graph.value}"
        if not rdf.supports_datasets:
            groups = _to_triples(groups)
        if rdf == RdfFormat.JSON_LD:
            return _write_jsonld(output, [(graph, groups)], context, what)
    elif rdf.supports_datasets:
        what = "dataset"
        if rdf == RdfFormat.JSON_LD:
            return _write_jsonld(output, ((g, _graph_groups(store, g)) for g in _graphs(store)), context, what)
        groups = (grp for g in _graphs(store) for grp in _graph_groups(store, g))
    else:
        what = "dataset (union of all graphs)"
        groups = _union_groups(store)
    counter = _Counter(groups)
    serialize(iter(counter), output, rdf, prefixes=prefixes if _takes_prefixes(rdf) else None)
    return ExportSummary(counter.n, what)


def export_triples(triples: Iterable[Triple], fmt: Format, output: IO[bytes], *,
                   base: str = "https://w3id.org/kg-cppcc/", context: str | None = None,
                   what: str = "query") -> ExportSummary:
    """Write ``triples`` (e.g. a CONSTRUCT query's) to ``output`` as ``fmt``; subject groups are
    formed from consecutive triples (a subject that recurs later starts a new node)."""
    rdf = _rdf(fmt)
    groups = _by_subject(triples)
    if rdf == RdfFormat.JSON_LD:
        return _write_jsonld(output, [(None, groups)], context, what)
    counter = _Counter(groups)
    serialize(iter(counter), output, rdf, prefixes=prefixes_for(base) if _takes_prefixes(rdf) else None)
    return ExportSummary(counter.n, what)


def export(kgstore, fmt: Format, output: IO[bytes], *, graph: str | None = None, query=None,
           params: dict[str, str] | None = None, context: str | None = None) -> ExportSummary:
    """Export from a :class:`kg.store.KGStore`: the dataset, one ``graph`` (an IRI), or the result
    of ``query`` (a :class:`kg.queries.CannedQuery`, CONSTRUCT or DESCRIBE) with ``params``.

    :raises UsageError: a bad format or graph, or both ``graph`` and ``query``.
    :raises QueryError: the query is not a CONSTRUCT/DESCRIBE, or fails.
    """
    if graph is not None and query is not None:
        raise UsageError("give --graph or --query, not both")
    if query is not None:
        from .queries import run_query

        result = run_query(kgstore, query, params or {})
        if not isinstance(result, QueryTriples):
            raise QueryError(f"query {query.name} is not a CONSTRUCT or DESCRIBE query; `kg export --query` needs triples")
        return export_triples(result, fmt, output, base=kgstore.base, context=context, what=f"query {query.name}")
    node = None
    if graph is not None:
        try:
            node = NamedNode(graph)
        except ValueError:
            raise UsageError(f"--graph {graph!r} is not an IRI") from None
    return export_quads(kgstore.store, fmt, output, graph=node, base=kgstore.base, context=context)


def _rdf(fmt: Format) -> RdfFormat:
    if fmt.rdf is None:
        raise UsageError(f"{fmt.name} is not an RDF format; use one of turtle, ntriples, nquads, trig, jsonld, rdfxml")
    return fmt.rdf


def _takes_prefixes(rdf: RdfFormat) -> bool:
    return rdf in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N3, RdfFormat.RDF_XML)


def _write_jsonld(output: IO[bytes], graphs: Iterable[tuple[object, Iterable[list]]], context: str | None,
                  what: str) -> ExportSummary:
    writer = JsonLdWriter(output, context or context_document()["@context"])
    writer.start()
    n = 0
    for graph, groups in graphs:
        started = False
        for group in groups:
            if graph is not None and not isinstance(graph, DefaultGraph) and not started:
                writer.start_graph(graph)
                started = True
            writer.write_node(group)
            n += len(group)
        if started:
            writer.end_graph()
    writer.finish()
    return ExportSummary(n, what)
