"""The layout of a kg dataset, whatever holds it (the embedded store or a SPARQL server).

* ``graph/doc/{doc id}``: what was extracted from one document;
* ``graph/background``: the ontology and the gazetteer;
* ``graph/meta``: bookkeeping: the store (kg version, base IRI, background fingerprint, last
  change) and, per document, the absolute source path it was read from, its graph, the
  fingerprint of the pipeline that produced it and the size and time of the file as read.

:class:`Layout` writes the meta graph's quads and the SPARQL Update requests that change a
dataset; both writers (:class:`kg.store.KGStore`, :class:`kg.gsp.GSPWriter`) send the same text,
each its own way. :class:`Writer` is the protocol both implement; a :class:`Written` is one
document ready to be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Protocol, Sequence, runtime_checkable

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from . import __version__
from .mapping import Iris, integer, string
from .vocab import DCTERMS, KG, RDF, XSD


@dataclass(frozen=True)
class DocRecord:
    """What the meta graph says about one stored document."""

    doc_id: str
    source_path: str  # absolute
    graph: NamedNode
    pipeline: str
    #: (size in bytes, mtime in ns) of the source file when it was read; None if not recorded
    stat: tuple[int, int] | None = None


@dataclass(frozen=True)
class Written:
    """One document to write: its id, where it was read from, its graph as N-Quads (the form in
    which it crosses processes and goes to disk) and the pipeline that made it."""

    doc_id: str
    source_path: str  # absolute
    nquads: bytes = field(repr=False)
    count: int  # quads in ``nquads``
    pipeline: str
    stat: tuple[int, int] | None = None

    def quads(self) -> list[Quad]:
        return list(parse(self.nquads, format=RdfFormat.N_QUADS))

    def triples(self) -> bytes:
        """The graph as N-Triples (for a Graph Store Protocol PUT)."""
        return serialize([q.triple for q in self.quads()], format=RdfFormat.N_TRIPLES) or b""


@runtime_checkable
class Writer(Protocol):
    """What :func:`kg.build.build` writes through (the way rdflib's ``Store`` has Memory,
    SPARQLStore and SPARQLUpdateStore behind one interface): :class:`kg.store.KGStore` (the
    embedded Oxigraph store) and :class:`kg.gsp.GSPWriter` (a SPARQL 1.1 server spoken to with
    the Graph Store Protocol). The plan, the executors and the write strategies of kg/build.py are
    written once over it; ``kg.people`` reads and writes the links graph through ``select`` and
    ``replace_graph``. tests/test_writers.py checks that both implement it."""

    base: str  # the dataset's base IRI
    layout: Layout
    #: trust a file whose size and time equal those recorded (the embedded store), or read every file
    stat_rule: bool

    @property
    def work_dir(self) -> Path | None:
        """A folder for a bulk first build (chunks and journal), or None: no bulk path."""

    def __enter__(self) -> "Writer": ...

    def __exit__(self, *exc) -> None: ...

    def ensure_background(self) -> bool:
        """Write the background graph if it is missing or stale; whether it was written."""

    def documents(self) -> dict[str, DocRecord]:
        """The stored documents' records by absolute source path."""

    def restat(self, stats: Iterable[tuple[DocRecord, tuple[int, int]]]) -> int:
        """Record new file sizes and times of documents whose text did not change."""

    def write_replacing(self, doc: Written, previous: Sequence[DocRecord]) -> None:
        """Write ``doc`` and drop the graphs and records of ``previous``, atomically where the
        writer can."""

    def write_new(self, docs: Sequence[Written]) -> None:
        """Write documents that replace nothing (one transaction where the writer has them)."""

    def bulk_load(self, files: list[Path]) -> None:
        """Load N-Quads files of documents and records into a dataset that holds none."""

    def remove_documents(self, records: Iterable[DocRecord]) -> int:
        """Drop documents' graphs and records; how many."""

    def touch(self) -> None:
        """Record that the dataset changed now."""

    def quad_count(self) -> int: ...

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT over all graphs: variable -> lexical value or IRI."""

    def replace_graph(self, graph: NamedNode, quads: Sequence[Quad]) -> None: ...

    def links_fingerprint(self) -> str | None:
        """The fingerprint of the links graph as last written, if the writer keeps it."""

    def save_state(self, links: str | None) -> None:
        """Keep what the next build can read instead of asking the dataset (or nothing)."""


def now() -> Literal:
    return Literal(datetime.now(timezone.utc).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def nt(term) -> str:
    """A term in N-Triples syntax, which SPARQL reads as is (escapes included)."""
    return str(term)


def insert_data(quads: Iterable[Quad]) -> str:
    """``INSERT DATA { GRAPH g { ... } ... }`` of ``quads``."""
    by_graph: dict[NamedNode, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


class Layout:
    """The meta graph's quads and the update requests of a dataset with base IRI ``base``."""

    def __init__(self, base: str):
        self.base = base
        self.iris = Iris(base)
        self.meta = nt(self.iris.meta_graph)
        self.store = nt(self.iris.store)

    # reading ----------------------------------------------------------------------------------
    def documents_query(self) -> str:
        return (f"SELECT ?doc ?path ?graph ?pipeline ?size ?mtime WHERE {{ GRAPH {self.meta} {{ "
                f"?doc kg:sourcePath ?path ; kg:namedGraph ?graph ; kg:pipeline ?pipeline "
                f"OPTIONAL {{ ?doc kg:sourceSize ?size ; kg:sourceModified ?mtime }} }} }}")

    @staticmethod
    def record(doc: str, path: str, graph: str, pipeline: str, size: str | None, mtime: str | None) -> DocRecord:
        """A :class:`DocRecord` from the lexical values of a :meth:`documents_query` row."""
        stat = (int(size), int(mtime)) if size is not None and mtime is not None else None
        return DocRecord(doc.rsplit("/", 1)[-1], path, NamedNode(graph), pipeline, stat)

    # the meta graph ---------------------------------------------------------------------------
    def record_quads(self, doc_id: str, source_path: str, pipeline: str,
                     stat: tuple[int, int] | None = None) -> list[Quad]:
        """The meta graph's record of a stored document; ``stat`` is (size, mtime in ns) of the
        source file as read, which lets a rebuild skip reading a file that kept both."""
        iris = self.iris
        doc, meta = iris.doc(doc_id), iris.meta_graph
        quads = [
            Quad(doc, KG.sourcePath, string(source_path), meta),
            Quad(doc, KG.namedGraph, iris.doc_graph(doc_id), meta),
            Quad(doc, KG.pipeline, string(pipeline), meta),
            Quad(doc, DCTERMS.modified, now(), meta),
        ]
        if stat is not None:
            quads.append(Quad(doc, KG.sourceSize, integer(stat[0]), meta))
            quads.append(Quad(doc, KG.sourceModified, integer(stat[1]), meta))
        return quads

    def store_quads(self, background_fingerprint: str) -> list[Quad]:
        """The store's own record (base IRI, background fingerprint)."""
        s, meta = self.iris.store, self.iris.meta_graph
        return [Quad(s, RDF.type, KG.Store, meta), Quad(s, KG.baseIRI, string(self.base), meta),
                Quad(s, KG.backgroundFingerprint, string(background_fingerprint), meta)]

    # updates ----------------------------------------------------------------------------------
    def touch(self) -> str:
        """Record the time of the last change and the kg version that made it."""
        s, meta = self.store, self.meta
        return (
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} {nt(DCTERMS.modified)} ?t }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} {nt(KG.kgVersion)} ?v }} }} ;\n"
            f"INSERT DATA {{ GRAPH {meta} {{ {s} {nt(DCTERMS.modified)} {nt(now())} ; "
            f"{nt(KG.kgVersion)} {nt(string(__version__))} . }} }}"
        )

    def forget_background(self) -> str:
        """Drop the background graph and its fingerprint (before it is written again)."""
        return (f"DROP SILENT GRAPH {nt(self.iris.background_graph)} ;\n"
                f"DELETE WHERE {{ GRAPH {self.meta} {{ {self.store} {nt(KG.backgroundFingerprint)} ?f }} }}")

    def forget(self, doc_id: str, source_path: str, graphs: Iterable[NamedNode]) -> list[str]:
        """The parts of an update that drop ``graphs`` and the records of ``doc_id`` and of
        whatever document ``source_path`` held."""
        parts = [f"DROP SILENT GRAPH {nt(g)}" for g in sorted(set(graphs), key=lambda n: n.value)]
        parts.append(f"DELETE WHERE {{ GRAPH {self.meta} {{ ?d {nt(KG.sourcePath)} {nt(string(source_path))} ; ?p ?o }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH {self.meta} {{ {nt(self.iris.doc(doc_id))} ?p ?o }} }}")
        return parts

    def remove(self, records: Iterable[DocRecord]) -> str:
        """Drop the graphs and records of ``records`` (and touch)."""
        parts = []
        for r in records:
            parts.append(f"DROP SILENT GRAPH {nt(r.graph)}")
            parts.append(f"DELETE WHERE {{ GRAPH {self.meta} {{ {nt(self.iris.doc(r.doc_id))} ?p ?o }} }}")
        parts.append(self.touch())
        return " ;\n".join(parts)

    def restat(self, stats: Iterable[tuple[DocRecord, tuple[int, int]]]) -> str:
        """New (size, mtime) for stored documents whose file was touched but kept its text."""
        parts, quads = [], []
        for record, stat in stats:
            doc = self.iris.doc(record.doc_id)
            parts.append(f"DELETE WHERE {{ GRAPH {self.meta} {{ {nt(doc)} {nt(KG.sourceSize)} ?s }} }}")
            parts.append(f"DELETE WHERE {{ GRAPH {self.meta} {{ {nt(doc)} {nt(KG.sourceModified)} ?m }} }}")
            quads.append(Quad(doc, KG.sourceSize, integer(stat[0]), self.iris.meta_graph))
            quads.append(Quad(doc, KG.sourceModified, integer(stat[1]), self.iris.meta_graph))
        if not parts:
            return ""
        parts.append(insert_data(quads))
        return " ;\n".join(parts)
