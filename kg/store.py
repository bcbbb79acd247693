"""The on-disk Oxigraph store: one named graph per document, replaced atomically.

The dataset's layout (document graphs, background graph, meta graph) is :mod:`kg.dataset`'s.
Every write is one SPARQL Update request or one ``Store.extend``, which Oxigraph applies as one
transaction: a crash (even ``kill -9``) leaves a document either in its old state or its new one,
never half written. The first build of many documents is a bulk load instead, marked in the meta
graph while it runs so that a load cut short is undone on the next open; the documents it had
finished wait in the store's work folder (:attr:`KGStore.work_dir`) for the next build.
Queries see all graphs as the default graph (``use_default_graph_as_union``).

:class:`KGStore` is one of the two writers of :func:`kg.build.build` (the other is
:class:`kg.gsp.GSPWriter`): ``documents``, ``ensure_background``, ``restat``, ``write_replacing``,
``write_new``, ``remove_documents``, ``touch``, ``quad_count``, and the bulk path (``work_dir``,
``bulk_load``).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Variable

from .dataset import DocRecord, Layout, Written, insert_data, nt
from .errors import StoreError
from .mapping import DEFAULT_BASE, Iris, background_fingerprint, background_nquads, boolean, string
from .vocab import KG, PREFIXES

__all__ = ["DEFAULT_STORE", "STORE_ENV", "DocRecord", "KGStore", "Stats", "default_store_dir", "open_store"]

#: The folder inside a store where a first build keeps the documents it has finished (N-Quads)
#: until they are bulk loaded: a build killed before that resumes from them.
WORK_DIR = "kg-work"

#: A file beside RocksDB's where a build leaves what it knows when it ends: the documents' meta
#: records, the number of quads, the fingerprint of the links graph (:mod:`kg.people`). The next
#: build that opens the store takes them from it instead of reading them from the store (a
#: no-change rebuild of 10^4 documents spent most of its time there). A writable open removes
#: the file before anything can be written, and only a build that ends writes it again, so it
#: never outlives a change; it is also ignored unless it names the store's last change.
STATE_FILE = "kg-state.json"
#: Writes whose effect on the quad count is counted (a few small queries each); past this many a
#: build counts the store instead.
COUNTED_WRITES = 16

DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"


def default_store_dir() -> Path:
    """``$KG_STORE`` if set, else ./kg-store."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


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


class KGStore:
    """A kg store on disk. Open it with :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, store: Store, path: Path, base: str, read_only: bool):
        self.store = store
        self.path = path
        self.base = base
        self.read_only = read_only
        self.iris = Iris(base)
        self.layout = Layout(base)
        #: what the store holds, while known without asking it (:data:`STATE_FILE`): documents
        #: by absolute path, the number of quads, the links graph's fingerprint
        self._records: dict[str, DocRecord] | None = None
        self._quads: int | None = None
        self._links: str | None = None
        self._counted = 0

    #: a build may trust a file's recorded size and mtime (the stat rule)
    stat_rule = True

    @property
    def work_dir(self) -> Path:
        """Where a first build keeps finished documents until the bulk load (:data:`WORK_DIR`)."""
        return self.path / WORK_DIR

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

    def select(self, sparql: str) -> list[dict[str, str]]:
        """(Writer) Rows of a SELECT query over all graphs: variable -> lexical value or IRI."""
        rows = self.query(sparql)
        names = [v.value for v in rows.variables]
        return [{n: r[n].value for n in names if r[n] is not None} for r in rows]

    def replace_graph(self, graph: NamedNode, quads: Sequence[Quad]) -> None:
        """(Writer) Replace the named graph ``graph`` by ``quads`` in one update."""
        self._check_writable()
        update = f"DROP SILENT GRAPH {nt(graph)}"
        if quads:
            update += " ;\n" + insert_data(quads)
        self._write(lambda: self.store.update(update), [graph])

    def documents(self) -> dict[str, DocRecord]:
        """Stored documents by absolute source path."""
        if self._records is not None:
            return dict(self._records)
        out = {}
        for r in self.store.query(self.layout.documents_query(), prefixes=PREFIXES):
            size, mtime = r["size"], r["mtime"]
            record = Layout.record(r["doc"].value, r["path"].value, r["graph"].value, r["pipeline"].value,
                                   size.value if size is not None else None, mtime.value if mtime is not None else None)
            out[record.source_path] = record
        return out

    def quad_count(self) -> int:
        if self._quads is None:
            self._quads = len(self.store)
        return self._quads

    def graph_quads(self, graph: NamedNode) -> list[Quad]:
        """(Writer) The quads of one named graph."""
        return list(self.store.quads_for_pattern(None, None, None, graph))

    # what the last build left ---------------------------------------------------------------
    def links_fingerprint(self) -> str | None:
        """(Writer) The fingerprint the last build gave the links graph, if it holds."""
        return self._links

    def _load_state(self, meta: dict[str, str]) -> None:
        """Take :data:`STATE_FILE` (if it names this store's last change) and remove it."""
        path = self.path / STATE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        try:
            path.unlink()
        except OSError:
            pass
        if (not isinstance(data, dict) or data.get("version") != 1 or data.get("base") != self.base
                or not meta.get("modified") or data.get("modified") != meta.get("modified")):
            return
        try:
            self._records = {path: DocRecord(doc_id, path, NamedNode(graph), pipeline,
                                             (size, mtime) if size is not None and mtime is not None else None)
                             for doc_id, path, graph, pipeline, size, mtime in data["documents"]}
            self._quads = int(data["quads"])
            self._links = data.get("links")
        except (KeyError, TypeError, ValueError):
            self._records = self._quads = self._links = None

    def save_state(self, links: str | None) -> None:
        """(Writer) Leave :data:`STATE_FILE` for the next build (at the end of a build: any
        later write removes it again); ``links``: the links graph's fingerprint if it is current."""
        self._check_writable()
        records = self.documents()
        data = dict(version=1, base=self.base, modified=self._meta().get("modified", ""), quads=self.quad_count(),
                    links=links, documents=[[r.doc_id, r.source_path, r.graph.value, r.pipeline,
                                             *(r.stat if r.stat is not None else (None, None))]
                                            for r in records.values()])
        self._records, self._links = records, links
        self.store.flush()
        tmp = self.path / (STATE_FILE + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path / STATE_FILE)
        self._saved = True

    _saved = False

    def _write(self, update, graphs: Iterable[NamedNode] = (), subjects: Iterable[NamedNode] = ()) -> None:
        """Run ``update`` (a callable that writes), keeping the quad count if it is known: the
        quads of ``graphs`` and the meta graph's quads of ``subjects`` (all the write can change)
        are counted before and after."""
        if self._saved:
            self._saved = False
            try:
                (self.path / STATE_FILE).unlink()
            except OSError:
                pass
        graphs, subjects = sorted({g.value for g in graphs}), sorted({s.value for s in subjects})
        if self._quads is None or self._counted >= COUNTED_WRITES:
            self._quads = None
            update()
            return
        self._counted += 1
        before = self._count(graphs, subjects)
        update()
        self._quads += self._count(graphs, subjects) - before

    def _count(self, graphs: list[str], subjects: list[str]) -> int:
        parts = []
        if graphs:
            parts.append(f"{{ VALUES ?g {{ {' '.join(f'<{g}>' for g in graphs)} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        if subjects:
            parts.append(f"{{ VALUES ?s {{ {' '.join(f'<{x}>' for x in subjects)} }} "
                         f"GRAPH {self.layout.meta} {{ ?s ?p ?o }} }}")
        if not parts:
            return 0
        rows = list(self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {' UNION '.join(parts)} }}"))
        return int(rows[0]["n"].value)

    def _forget_records(self, doc_ids: Iterable[str] = (), paths: Iterable[str] = ()) -> None:
        if self._records is None:
            return
        doc_ids, paths = set(doc_ids), set(paths)
        for path in [p for p, r in self._records.items() if p in paths or r.doc_id in doc_ids]:
            del self._records[path]

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

    def ensure_background(self) -> bool:
        """(Re)write the background graph if the ontology, gazetteer or mapping changed: its quads
        go in with the bulk loader as N-Quads (no SPARQL text to build and parse, no transaction); its fingerprint is recorded last, so a write cut short is dropped and done
        again by the next build.

        Returns whether anything was written.
        """
        self._check_writable()
        fingerprint = background_fingerprint(self.base)
        if self._meta().get("backgroundFingerprint") == fingerprint:
            return False
        self._quads = None  # counted again when asked

        def write():
            self.store.update(self.layout.forget_background())
            self.store.bulk_load(background_nquads(self.base), format=RdfFormat.N_QUADS)
            self.store.flush()
            self.store.update(insert_data(self.layout.store_quads(fingerprint)) + " ;\n" + self.layout.touch())

        self._write(write)
        return True

    def replace_document(self, doc_id: str, source_path: str, quads: list[Quad], pipeline: str,
                         previous: Iterable[DocRecord] = (), stat: tuple[int, int] | None = None) -> None:
        """Atomically replace what is stored for ``source_path`` (and for ``doc_id``) by ``quads``.

        ``previous`` are the records stored for that path (or for that document under another
        path): their graphs are dropped in the same update that inserts the new graph.

        :raises StoreError: the store is read-only.
        """
        self._check_writable()
        graph = self.iris.doc_graph(doc_id)
        for q in quads:
            if q.graph_name != graph:
                raise ValueError(f"quad {q} is not in the document's graph {graph.value}")
        previous = list(previous)
        graphs = {graph} | {r.graph for r in previous}
        parts = self.layout.forget(doc_id, source_path, graphs)
        parts.append(insert_data([*quads, *self.layout.record_quads(doc_id, source_path, pipeline, stat)]))
        parts.append(self.layout.touch())
        # the records the update drops: the document's, and whatever record names the path
        held = {r["d"].value.rsplit("/", 1)[-1] for r in self.store.query(
            f"SELECT ?d WHERE {{ GRAPH {self.layout.meta} {{ ?d {nt(KG.sourcePath)} {nt(string(source_path))} }} }}")}
        ids = {doc_id} | {r.doc_id for r in previous} | held
        self._write(lambda: self.store.update(";\n".join(parts)), graphs,
                    [self.iris.store, *(self.iris.doc(i) for i in ids)])
        self._forget_records([doc_id], [source_path])
        if self._records is not None:
            self._records[source_path] = DocRecord(doc_id, source_path, graph, pipeline, stat)

    def write_replacing(self, doc: Written, previous: Sequence[DocRecord]) -> None:
        """(Writer) :meth:`replace_document` for a prepared document."""
        self.replace_document(doc.doc_id, doc.source_path, doc.quads(), doc.pipeline, previous, doc.stat)

    def write_new(self, docs: Sequence[Written]) -> None:
        """(Writer) Insert documents the store does not hold under any path, in one transaction."""
        self._check_writable()
        quads: list[Quad] = []
        for doc in docs:
            quads.extend(doc.quads())
            quads.extend(self.layout.record_quads(doc.doc_id, doc.source_path, doc.pipeline, doc.stat))
        if quads:
            self._write(lambda: self.store.extend(quads), [self.iris.doc_graph(d.doc_id) for d in docs],
                        [self.iris.doc(d.doc_id) for d in docs])
            self._forget_records([d.doc_id for d in docs], [d.source_path for d in docs])
            if self._records is not None:
                for d in docs:
                    self._records[d.source_path] = DocRecord(d.doc_id, d.source_path, self.iris.doc_graph(d.doc_id),
                                                             d.pipeline, d.stat)

    def record_quads(self, doc_id: str, source_path: str, pipeline: str,
                     stat: tuple[int, int] | None = None) -> list[Quad]:
        """The meta graph's record of a stored document (:meth:`kg.dataset.Layout.record_quads`)."""
        return self.layout.record_quads(doc_id, source_path, pipeline, stat)

    def restat(self, stats: Iterable[tuple[DocRecord, tuple[int, int]]]) -> int:
        """Record new (size, mtime) for stored documents whose file was touched but kept its
        text, in one update. Returns how many."""
        self._check_writable()
        stats = list(stats)
        update = self.layout.restat(stats)
        if update:
            self._write(lambda: self.store.update(update), (), [self.iris.doc(r.doc_id) for r, _ in stats])
            if self._records is not None:
                new = {r.doc_id: st for r, st in stats}
                for path, r in list(self._records.items()):
                    if r.doc_id in new:
                        self._records[path] = DocRecord(r.doc_id, r.source_path, r.graph, r.pipeline,
                                                        tuple(new[r.doc_id]))
        return len(stats)

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
        self._write(lambda: None)
        self._quads = self._records = None  # counted and read again when asked
        flag = f"{nt(self.iris.store)} {nt(KG.loadInProgress)} {nt(boolean(True))}"
        meta = nt(self.iris.meta_graph)
        self.store.update(f"INSERT DATA {{ GRAPH {meta} {{ {flag} . }} }}")
        self.store.flush()
        for one in (path if isinstance(path, (list, tuple)) else [path]):
            self.store.bulk_load(path=str(one), format=format)
        self.store.flush()
        self.store.update(f"DELETE DATA {{ GRAPH {meta} {{ {flag} . }} }} ;\n" + self.layout.touch())

    def recover(self) -> int:
        """Undo a bulk load that was cut short: drop every document (the store held none before
        it). Returns the number of graphs dropped; 0 if there was nothing to undo."""
        self._check_writable()
        if not _read_meta(self.store).get("loadInProgress"):
            return 0
        self._quads = self._records = None
        keep = {self.iris.background_graph, self.iris.meta_graph}
        graphs = [g for g in self.store.named_graphs() if g not in keep]
        meta = nt(self.iris.meta_graph)
        parts = [f"DROP SILENT GRAPH {nt(g)}" for g in graphs]
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ ?d {nt(KG.sourcePath)} ?path ; ?p ?o }} }}")
        parts.append(f"DELETE WHERE {{ GRAPH {meta} {{ ?s {nt(KG.loadInProgress)} ?f }} }}")
        parts.append(self.layout.touch())
        self.store.update(";\n".join(parts))
        return len(graphs)

    def touch(self) -> None:
        """Record the time of the last change (and the kg version that made it)."""
        self._check_writable()
        self._write(lambda: self.store.update(self.layout.touch()), (), [self.iris.store])

    def remove_documents(self, records: Iterable[DocRecord]) -> int:
        """Atomically drop the graphs and meta records of ``records``; returns how many."""
        self._check_writable()
        records = list(records)
        if records:
            update = self.layout.remove(records)
            self._write(lambda: self.store.update(update), [r.graph for r in records],
                        [self.iris.store, *(self.iris.doc(r.doc_id) for r in records)])
            self._forget_records([r.doc_id for r in records])
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


_ROCKSDB_FILE = re.compile(r"^(kg-work|kg-state\.json(\.tmp)?|CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+(\.dbtmp)?|\d+\.(log|sst|dbtmp))$")


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
        kg_store._load_state(meta)
        kg_store.recover()
    return kg_store
