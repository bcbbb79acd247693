"""The on-disk Oxigraph store: one named graph per document, replaced atomically.

Layout of the dataset (IRIs under the store's base, see :mod:`kg.mapping`):

* ``graph/doc/{doc id}``: what was extracted from one document;
* ``graph/background``: the ontology and the gazetteer;
* ``graph/meta``: bookkeeping: the store (kg version, base IRI, background fingerprint, last
  change) and, per document, the absolute source path it was read from, its graph and the
  fingerprint of the pipeline that produced it.

Every write is one SPARQL Update request, which Oxigraph applies as one transaction: a crash (even
``kill -9``) leaves a document either in its old state or its new one, never half written.
Queries see all graphs as the default graph (``use_default_graph_as_union``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, Variable

from . import __version__
from .errors import StoreError
from .mapping import DEFAULT_BASE, Iris, background_fingerprint, background_quads, boolean, integer, string
from .vocab import DCTERMS, KG, PREFIXES, RDF, XSD

DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"


def default_store_dir() -> Path:
    """``$KG_STORE`` if set, else ./kg-store."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


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
class Stats:
    documents: int
    quads: int
    persons: int
    offices: int
    press_credits: int
    bodies: int
    divisions: int  # divisions referenced by the documents
    concepts: int
    concept_mentions: int
    base: str
    kg_version: str
    modified: str

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("documents", str(self.documents)),
            ("quads", str(self.quads)),
            ("persons", str(self.persons)),
            ("offices", str(self.offices)),
            ("press credits", str(self.press_credits)),
            ("bodies", str(self.bodies)),
            ("divisions", str(self.divisions)),
            ("concepts", str(self.concepts)),
            ("concept mentions", str(self.concept_mentions)),
            ("base IRI", self.base),
            ("kg version", self.kg_version),
            ("last change", self.modified),
        ]


def _now() -> Literal:
    return Literal(datetime.now(timezone.utc).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def _nt(term) -> str:
    """A term in N-Triples syntax, which SPARQL reads as is (escapes included)."""
    return str(term)


def _insert_data(quads: Iterable[Quad]) -> str:
    by_graph: dict[NamedNode, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(f"{_nt(q.subject)} {_nt(q.predicate)} {_nt(q.object)} .")
    blocks = [f"GRAPH {_nt(g)} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


class KGStore:
    """A kg store on disk. Open it with :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, store: Store, path: Path, base: str, read_only: bool):
        self.store = store
        self.path = path
        self.base = base
        self.read_only = read_only
        self.iris = Iris(base)

    # context management ---------------------------------------------------------------------
    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the store (and its lock); closing twice is harmless."""
        store = self.__dict__.pop("store", None)
        if store is not None and not self.read_only:
            store.flush()

    # reading ------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.store)

    def query(self, sparql: str, substitutions: dict[Variable, object] | None = None):
        """Run a SPARQL query over the union of all graphs.

        :raises SyntaxError: the query does not parse.
        """
        return self.store.query(
            sparql,
            use_default_graph_as_union=True,
            prefixes=PREFIXES,
            substitutions=substitutions or None,
        )

    def documents(self) -> dict[str, DocRecord]:
        """Stored documents by absolute source path."""
        rows = self.store.query(
            f"""SELECT ?doc ?path ?graph ?pipeline ?size ?mtime WHERE {{ GRAPH {_nt(self.iris.meta_graph)} {{
                 ?doc kg:sourcePath ?path ; kg:namedGraph ?graph ; kg:pipeline ?pipeline
                 OPTIONAL {{ ?doc kg:sourceSize ?size ; kg:sourceModified ?mtime }} }} }}""",
            prefixes=PREFIXES,
        )
        out = {}
        for r in rows:
            doc_id = r["doc"].value.rsplit("/", 1)[-1]
            size, mtime = r["size"], r["mtime"]
            stat = (int(size.value), int(mtime.value)) if size is not None and mtime is not None else None
            out[r["path"].value] = DocRecord(doc_id, r["path"].value, r["graph"], r["pipeline"].value, stat)
        return out

    def stats(self) -> Stats:
        def count(where: str) -> int:
            rows = list(self.query(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}"))
            return int(rows[0]["n"].value)

        meta = self._meta()
        return Stats(
            documents=len(self.documents()),
            quads=len(self.store),
            persons=count("?x a foaf:Person"),
            offices=count("?x a org:Membership"),
            press_credits=count("?x a kg:PressCredit"),
            bodies=count("?m org:organization ?x"),
            divisions=count("{ ?o kg:division ?x } UNION { ?m kg:aboutDivision ?x } UNION { ?m kg:mentionedDivision ?x }"),
            concepts=count("?m kg:concept ?x"),
            concept_mentions=count("?x a kg:ConceptMention"),
            base=self.base,
            kg_version=meta.get("kgVersion", ""),
            modified=meta.get("modified", ""),
        )

    def _meta(self) -> dict[str, str]:
        return _read_meta(self.store)

    # writing ------------------------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store at {self.path} is open read-only")

    def _touch(self) -> str:
        s = _nt(self.iris.store)
        meta = _nt(self.iris.meta_graph)
        return (
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} {_nt(DCTERMS.modified)} ?t }} }} ;\n"
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} {_nt(KG.kgVersion)} ?v }} }} ;\n"
            f"INSERT DATA {{ GRAPH {meta} {{ {s} {_nt(DCTERMS.modified)} {_nt(_now())} ; "
            f"{_nt(KG.kgVersion)} {_nt(string(__version__))} . }} }}"
        )

    def ensure_background(self) -> bool:
        """(Re)write the background graph if the ontology, gazetteer or mapping changed.

        Returns whether anything was written.
        """
        self._check_writable()
        fingerprint = background_fingerprint(self.base)
        if self._meta().get("backgroundFingerprint") == fingerprint:
            return False
        iris, s = self.iris, _nt(self.iris.store)
        meta = _nt(iris.meta_graph)
        update = ";\n".join([
            f"DROP SILENT GRAPH {_nt(iris.background_graph)}",
            f"DELETE WHERE {{ GRAPH {meta} {{ {s} {_nt(KG.backgroundFingerprint)} ?f }} }}",
            _insert_data(background_quads(self.base)),
            f"INSERT DATA {{ GRAPH {meta} {{ {s} {_nt(RDF.type)} {_nt(KG.Store)} ; "
            f"{_nt(KG.baseIRI)} {_nt(string(self.base))} ; "
            f"{_nt(KG.backgroundFingerprint)} {_nt(string(fingerprint))} . }} }}",
            self._touch(),
        ])
        self.store.update(update)
        return True

    def replace_document(self, doc_id: str, source_path: str, quads: list[Quad], pipeline: str,
                         previous: Iterable[DocRecord] = (), stat: tuple[int, int] | None = None) -> None:
        """Atomically replace what is stored for ``source_path`` (and for ``doc_id``) by ``quads``.

        ``previous`` are the records stored for that path (or for that document under another
        path): their graphs are dropped in the same update that inserts the new graph.

        :raises StoreError: the store is read-only.
        """
        self._check_writable()
        iris = self.iris
        graph, doc = iris.doc_graph(doc_id), iris.doc(doc_id)
        meta = _nt(iris.meta_graph)
        drops = {graph} | {r.graph for r in previous}
        parts = [f"DROP SILENT GRAPH {_nt(g)}" for g in sorted(drops, key=lambda n: n.value)]
        parts.append(
            f"DELETE WHERE {{ GRAPH {meta} {{ ?d {_nt(KG.sourcePath)} {_nt(string(source_path))} ; ?p ?o }} }}"
        )
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(doc)} ?p ?o }} }}")
        for q in quads:
            if q.graph_name != graph:
                raise ValueError(f"quad {q} is not in the document's graph {graph.value}")
        parts.append(_insert_data([*quads, *self.record_quads(doc_id, source_path, pipeline, stat)]))
        parts.append(self._touch())
        self.store.update(";\n".join(parts))

    def record_quads(self, doc_id: str, source_path: str, pipeline: str,
                     stat: tuple[int, int] | None = None) -> list[Quad]:
        """The meta graph's record of a stored document; ``stat`` is (size, mtime in ns) of the
        source file as read, which lets a rebuild skip reading a file that kept both."""
        iris = self.iris
        doc = iris.doc(doc_id)
        quads = [
            Quad(doc, KG.sourcePath, string(source_path), iris.meta_graph),
            Quad(doc, KG.namedGraph, iris.doc_graph(doc_id), iris.meta_graph),
            Quad(doc, KG.pipeline, string(pipeline), iris.meta_graph),
            Quad(doc, DCTERMS.modified, _now(), iris.meta_graph),
        ]
        if stat is not None:
            quads.append(Quad(doc, KG.sourceSize, integer(stat[0]), iris.meta_graph))
            quads.append(Quad(doc, KG.sourceModified, integer(stat[1]), iris.meta_graph))
        return quads

    def update_stats(self, stats: Iterable[tuple[DocRecord, tuple[int, int]]]) -> int:
        """Record new (size, mtime) for stored documents whose file was touched but kept its
        text, in one update. Returns how many."""
        self._check_writable()
        meta = _nt(self.iris.meta_graph)
        parts, quads = [], []
        for record, stat in stats:
            doc = self.iris.doc(record.doc_id)
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(doc)} {_nt(KG.sourceSize)} ?s }} }}")
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(doc)} {_nt(KG.sourceModified)} ?m }} }}")
            quads.append(Quad(doc, KG.sourceSize, integer(stat[0]), self.iris.meta_graph))
            quads.append(Quad(doc, KG.sourceModified, integer(stat[1]), self.iris.meta_graph))
        if parts:
            parts.append(_insert_data(quads))
            self.store.update(";\n".join(parts))
        return len(quads) // 2

    def add_documents(self, items: Iterable[tuple]) -> int:
        """Insert new documents ``(doc id, absolute source path, quads, pipeline[, stat])`` in one
        transaction (all or none); for documents the store does not hold yet, under any path.

        Returns the number of quads inserted (records included).
        """
        self._check_writable()
        quads: list[Quad] = []
        for doc_id, source_path, doc_quads, pipeline, *stat in items:
            quads.extend(doc_quads)
            quads.extend(self.record_quads(doc_id, source_path, pipeline, stat[0] if stat else None))
        if quads:
            self.store.extend(quads)
        return len(quads)

    def bulk_load(self, path: str | Path | list, format: RdfFormat = RdfFormat.N_QUADS) -> None:
        """Load documents' graphs and records (N-Quads; one file or a list of files, loaded one
        after the other) into a store that holds no documents, with pyoxigraph's fast,
        non-transactional bulk loader.

        The load is marked in the meta graph while it runs: if it is cut short, a read-only open
        refuses the store and the next writable open removes the partial documents.

        :raises StoreError: the store already holds documents, or is read-only.
        """
        self._check_writable()
        if self.documents():
            raise StoreError(f"store at {self.path} holds documents; bulk loading is for an empty store")
        flag = f"{_nt(self.iris.store)} {_nt(KG.loadInProgress)} {_nt(boolean(True))}"
        meta = _nt(self.iris.meta_graph)
        self.store.update(f"INSERT DATA {{ GRAPH {meta} {{ {flag} . }} }}")
        self.store.flush()
        for one in (path if isinstance(path, (list, tuple)) else [path]):
            self.store.bulk_load(path=str(one), format=format)
        self.store.flush()
        self.store.update(f"DELETE DATA {{ GRAPH {meta} {{ {flag} . }} }} ;\n" + self._touch())

    def recover(self) -> int:
        """Undo a bulk load that was cut short: drop every document (the store held none before
        it). Returns the number of graphs dropped; 0 if there was nothing to undo."""
        self._check_writable()
        if not _read_meta(self.store).get("loadInProgress"):
            return 0
        keep = {self.iris.background_graph, self.iris.meta_graph}
        graphs = [g for g in self.store.named_graphs() if g not in keep]
        meta = _nt(self.iris.meta_graph)
        parts = [f"DROP SILENT GRAPH {_nt(g)}" for g in graphs]
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ ?d {_nt(KG.sourcePath)} ?path ; ?p ?o }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ ?s {_nt(KG.loadInProgress)} ?f }} }}")
        parts.append(self._touch())
        self.store.update(";\n".join(parts))
        return len(graphs)

    def touch(self) -> None:
        """Record the time of the last change (and the kg version that made it)."""
        self._check_writable()
        self.store.update(self._touch())

    def remove_documents(self, records: Iterable[DocRecord]) -> int:
        """Atomically drop the graphs and meta records of ``records``; returns how many."""
        self._check_writable()
        records = list(records)
        if not records:
            return 0
        meta = _nt(self.iris.meta_graph)
        parts = []
        for r in records:
            parts.append(f"DROP SILENT GRAPH {_nt(r.graph)}")
            parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ {_nt(self.iris.doc(r.doc_id))} ?p ?o }} }}")
        parts.append(self._touch())
        self.store.update(";\n".join(parts))
        return len(records)


def _read_meta(store: Store) -> dict[str, str]:
    rows = store.query(
        """SELECT ?p ?o WHERE { GRAPH ?g { ?s a kg:Store ; ?p ?o } }""",
        prefixes=PREFIXES,
    )
    out: dict[str, str] = {}
    for r in rows:
        out[r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]] = r["o"].value
    return out


def _is_store_dir(path: Path) -> bool:
    return (path / "CURRENT").is_file()


_ROCKSDB_FILE = re.compile(r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?|\d+\.(log|sst|dbtmp))$")


def _may_be_store_dir(path: Path) -> bool:
    """Empty, or holding only RocksDB's files (a store, perhaps cut short while being created)."""
    return all(_ROCKSDB_FILE.match(child.name) for child in path.iterdir())


def open_store(path: str | Path | None = None, *, read_only: bool = False, base: str | None = None) -> KGStore:
    """Open (for writing: create if missing) the kg store at ``path`` (default
    :func:`default_store_dir`).

    ``base`` is checked against the base the store was built with; None takes the store's own
    (or :data:`~kg.mapping.DEFAULT_BASE` for a new store).

    :raises StoreError: missing (read-only), not a kg store, locked by another process, or built
        with another base IRI.
    """
    p = Path(path) if path is not None else default_store_dir()
    if read_only:
        if not _is_store_dir(p):
            raise StoreError(f"no store at {p}; run `kg build` first")
    elif p.exists() and (not p.is_dir() or not (_is_store_dir(p) or _may_be_store_dir(p))):
        raise StoreError(f"{p} exists and is not a kg store; choose another --store")
    try:
        store = Store.read_only(str(p)) if read_only else Store(str(p))
    except OSError as e:
        message = str(e)
        if "lock" in message.lower():
            raise StoreError(f"store at {p} is locked by another process (is a `kg build` running?)") from None
        raise StoreError(f"cannot open store at {p}: {message}") from None
    meta = _read_meta(store)
    stored_base = meta.get("baseIRI")
    if read_only and stored_base is None:
        raise StoreError(f"{p} is not a kg store (no metadata); run `kg build` first")
    if read_only and meta.get("loadInProgress"):
        raise StoreError(f"store at {p} is incomplete: a bulk load was interrupted; run `kg build` again")
    if base is not None and stored_base is not None and base != stored_base:
        raise StoreError(
            f"store at {p} was built with base IRI {stored_base}, not {base}; use a new --store for another base"
        )
    kg_store = KGStore(store, p, stored_base or base or DEFAULT_BASE, read_only)
    if not read_only:
        kg_store.recover()
    return kg_store
