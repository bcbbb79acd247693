"""``kg build``: files -> documents -> extraction -> quads -> a writer, incrementally.

One build, three parts, each written once:

1. **the plan** (:func:`plan`): learn every file's document id; bad files are reported and left
   out; a file with the same text as another is a duplicate and skipped; a file whose document is
   already stored under its path, by the same pipeline, is unchanged and left alone. **The stat
   rule** (for writers that keep file stats): a file whose size and modification time (ns) equal
   those recorded when it was last read, under the same pipeline fingerprint, is taken to hold the
   recorded document without being read; any other file is read and hashed (its document id is
   the hash of its normalised text), and one whose text turns out unchanged only has its
   recorded size and time refreshed. ``force`` reads every file. The plan keeps the documents it
   read (up to :data:`KEEP_CHARS`), so extraction does not read them again;
2. **an executor** (:mod:`kg.executors`: serial, ``fork`` pool, Dask) runs :func:`extract_item`
   (read if needed, extract, map to N-Quads) over the files to write, in input order;
3. **a write strategy** (:class:`Writes`) over a **writer** (:class:`kg.store.KGStore` or
   :class:`kg.gsp.GSPWriter`: the protocol :class:`kg.dataset.Writer`):

   * a document that replaces a stored one: one atomic write that drops the old graph and
     inserts the new (``write_replacing``);
   * new documents: batches of whole documents, one transaction each (``write_new``);
   * the first build of many documents into an empty store (writers with a ``work_dir``): every
     finished document is appended to N-Quads chunks in the work folder with a journal line,
     then all are bulk loaded at once. A build killed before the load ends leaves them there,
     and the next build extracts only the documents the journal does not hold.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat as stat_module
import time
from dataclasses import dataclass, field
from functools import cache, partial
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable, Mapping

from pyoxigraph import Quad, RdfFormat, parse, serialize

from . import __version__
from .corpus import MAX_BYTES, Document, iter_paths, read_document
from .dataset import DocRecord, Writer, Written
from .errors import InputError
from .executors import Executor, Extracted
from .mapping import MAPPING_VERSION, extraction_to_nquads
from .store import open_store
from .paths import ontology_path


@dataclass(frozen=True)
class Progress:
    """One step of a build, for a progress display."""

    stage: str  # "plan" | "write" | "prune"
    done: int
    total: int
    path: str = ""


ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class BuildReport:
    files: int  # input files found
    read: int  # documents read without error
    unchanged: int  # already stored, not rewritten
    written: int  # graphs (re)written
    skipped: tuple[str, ...]  # one message per duplicate or non-article file
    failed: tuple[str, ...]  # one message per bad file
    pruned: int
    quads_written: int
    store_quads: int  # quads in the store after the build
    background_written: bool
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.failed


#: Bulk-load the first build of at least this many documents into an empty store.
BULK_MIN_DOCUMENTS = 200
#: Bulk-load in files of about this size: Oxigraph's bulk loader holds a whole batch in memory, so
#: loading one file of the whole corpus makes the build's peak memory grow with the corpus.
BULK_CHUNK_BYTES = 64 * 2**20
#: Close a transaction of new documents once it holds this many quads.
BATCH_QUADS = 50_000


@dataclass(frozen=True)
class Prepared:
    """A document read, extracted and mapped: what one write needs."""

    document: Document
    nquads: bytes = field(repr=False)  # the document's graph
    count: int = 0  # quads in ``nquads``

    @property
    def quads(self) -> list[Quad]:
        return list(parse(self.nquads, format=RdfFormat.N_QUADS))


#: The modules of kg that determine a document's graph (what :func:`prepare` runs); a test checks
#: that extraction loads no other kg module. The server, UI, CLI, export and the store are not
#: among them: editing those does not make stored graphs stale.
EXTRACTION_MODULES = ("corpus", "nlp", "extract", "resolve", "careers", "lexicon", "gazetteer", "records",
                      "mapping", "vocab", "paths", "chinese", "layout")


@cache
def pipeline_fingerprint() -> str:
    """A hash of everything that shapes a document's graph: kg's version, the extraction and
    mapping code (:data:`EXTRACTION_MODULES`), the package data (kg/data: gazetteer) and the
    ontology.

    A stored graph made by another pipeline is rebuilt, so improving the extractor and re-running
    ``kg build`` updates the store without ``--force``.
    """
    h = hashlib.sha256(f"{__version__}|{MAPPING_VERSION}".encode())
    root = Path(str(files("kg")))
    paths = []
    for name in EXTRACTION_MODULES:  # a module, or a package of modules (kg/extract/)
        module = root / f"{name}.py"
        paths += [module] if module.is_file() else sorted((root / name).glob("*.py"))
    paths += sorted(p for p in (root / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    h.update(ontology_path().read_bytes())
    return h.hexdigest()[:16]



def prepare(path: str | Path, base: str, document: Document | None = None,
            metadata: Mapping[str, str] | None = None) -> Prepared:
    """Read (unless ``document`` is given), extract and map one file; ``metadata`` is what the
    build knows of the file besides its text (its manifest row, its path relative to the input
    root: :func:`kg.extract.with_metadata`).

    :raises InputError: the file cannot be read as an article.
    """
    from . import extract  # looked up at call time: the extractor loads its resources on first use

    # the plan has applied the size limit
    document = document if document is not None else read_document(path, max_bytes=None)
    if metadata:
        document = extract.with_metadata(document, metadata)
    extraction = extract.extract_document(document)
    return Prepared(document, *extraction_to_nquads(extraction, document, base))


def extract_item(item: tuple, base: str, strict: bool) -> Extracted:
    """(An executor's function.) :func:`prepare` one ``(path, document or None[, metadata])``; a
    file that cannot be read or an error in extraction is that file's failure, unless ``strict``."""
    path, document, *rest = item
    try:
        prepared = prepare(path, base, document, *rest)
    except InputError as e:  # changed or vanished since the plan
        return Extracted(path, error=str(e))
    except Exception as e:  # a bug in extraction: report it, keep going
        if strict:
            raise
        return Extracted(path, error=f"{path}: extraction failed: {type(e).__name__}: {e}")
    return Extracted(path, prepared.document.id, prepared.nquads, prepared.count)


def warm_up() -> None:
    """Load the extractor's resources (lexicons, automata, spaCy, the segmenter) once, in this
    process (before a fork pool forks, on each Dask worker)."""
    from .corpus import parse_document
    from .extract import extract_document

    try:
        extract_document(parse_document("本报讯 县政协主席王某主持会议。".encode(), "warm-up.txt"))
    except Exception:  # a broken extractor fails each document instead, with its name
        pass


# ---------------------------------------------------------------------------------------------
# the plan

#: The plan keeps the documents it read for extraction up to this many characters in all (a
#: document with its offset map costs ~40 bytes a character); beyond, extraction reads again.
KEEP_CHARS = 4_000_000


@dataclass(frozen=True)
class PlannedFile:
    """One input file as the plan found it."""

    path: Path
    absolute: str
    doc_id: str
    stat: tuple[int, int] | None = None  # (size, mtime ns) before the plan read it
    document: Document | None = field(default=None, repr=False, compare=False)  # as read, if kept
    #: what the build knows of the file besides its text: its manifest row (url, date, title)
    #: and its path relative to the input root; empty when there is nothing to add
    metadata: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: the pipeline fingerprint of this file's graph (the build's, plus a hash of ``metadata``)
    pipeline: str = ""


def file_pipeline(fingerprint: str, metadata: Mapping[str, str]) -> str:
    """The pipeline fingerprint of one file's graph: a changed manifest row rewrites the file's
    document, an unchanged one leaves it alone."""
    from .manifest import fingerprint as metadata_fingerprint

    extra = metadata_fingerprint(metadata)
    return f"{fingerprint}~{extra}" if extra else fingerprint


@dataclass
class Plan:
    inputs: list[Path]
    found: list[PlannedFile]  # every file read or known by the stat rule
    todo: list[PlannedFile]  # to extract and write, in input order
    unchanged: int
    skipped: list[str]  # one message per duplicate
    failed: list[str]  # one message per bad file
    touched: list[tuple[DocRecord, tuple[int, int]]]  # same text, new stat


def plan(inputs: list[Path], stored: dict[str, DocRecord], fingerprint: str, *, force: bool = False,
         stat_rule: bool = True, max_bytes: int | None = MAX_BYTES, strict: bool = False,
         metadata: Mapping[str, Mapping[str, str]] | None = None,
         notify: ProgressCallback = lambda _p: None) -> Plan:
    """Which of ``inputs`` to write, given the ``stored`` records by absolute path (see the module
    docstring). A file larger than ``max_bytes`` fails; whatever one file raises fails that file
    only (unless ``strict``). ``metadata`` maps an absolute path to what a manifest says about
    that file."""
    metadata = metadata or {}
    found: list[PlannedFile] = []
    pipelines: dict[str, str] = {}
    failed: list[str] = []
    touched: list[tuple[DocRecord, tuple[int, int]]] = []
    resolved_dirs: dict[str, str] = {}
    kept = 0
    for i, path in enumerate(inputs):
        notify(Progress("plan", i, len(inputs), str(path)))
        try:
            lst = os.lstat(path)
            st = os.stat(path) if stat_module.S_ISLNK(lst.st_mode) else lst
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            lst, stat = None, None
        absolute = _absolute(path, lst, resolved_dirs)
        record = stored.get(absolute)
        meta = metadata.get(absolute, {})
        pipeline = pipelines[absolute] = file_pipeline(fingerprint, meta)
        if (stat_rule and not force and stat is not None and record is not None and record.stat == stat
                and record.pipeline == pipeline):
            found.append(PlannedFile(path, absolute, record.doc_id, stat, None, meta, pipeline))
            continue
        try:
            doc = read_document(path, max_bytes)
        except InputError as e:
            failed.append(str(e))
            continue
        except Exception as e:  # whatever one file raises fails that file only
            if strict:
                raise
            failed.append(f"{path}: cannot read: unexpected {type(e).__name__}: {' '.join(str(e).split())}")
            continue
        if record is not None and record.doc_id == doc.id and record.stat != stat and stat is not None:
            touched.append((record, stat))
        keep = kept + len(doc.text) <= KEEP_CHARS
        kept += len(doc.text) if keep else 0
        found.append(PlannedFile(path, absolute, doc.id, stat, doc if keep else None, meta, pipeline))
    notify(Progress("plan", len(inputs), len(inputs)))

    owners = _owners(found, stored)
    todo: list[PlannedFile] = []
    skipped: list[str] = []
    unchanged = 0
    for f in found:
        owner = owners[f.doc_id]
        if owner.absolute != f.absolute:
            skipped.append(f"{f.path}: same text as {owner.path}; skipped")
            continue
        record = stored.get(f.absolute)
        if not force and record is not None and record.doc_id == f.doc_id and record.pipeline == f.pipeline:
            unchanged += 1
        else:
            todo.append(f)
    todo_paths = {f.absolute for f in todo}
    touched = [(r, s) for r, s in touched
               if r.source_path not in todo_paths and r.pipeline == pipelines.get(r.source_path, fingerprint)]
    if not stat_rule:
        touched = []
    return Plan(list(inputs), found, todo, unchanged, skipped, failed, touched)


def _owners(found: list[PlannedFile], stored: dict[str, DocRecord]) -> dict[str, PlannedFile]:
    """doc id -> the file that holds it: the file it is stored under if that file still has this
    text, else the first file (in input order) with it."""
    owners: dict[str, PlannedFile] = {}
    for f in found:
        record = stored.get(f.absolute)
        if record is not None and record.doc_id == f.doc_id:
            owners[f.doc_id] = f
    for f in found:
        owners.setdefault(f.doc_id, f)
    return owners


def _absolute(path: Path, lst: os.stat_result | None, resolved_dirs: dict[str, str]) -> str:
    """``str(path.resolve())``, resolving each folder once: a file that is not a symbolic link
    resolves to its resolved folder plus its name."""
    if lst is None or stat_module.S_ISLNK(lst.st_mode) or path.name in ("", ".", ".."):
        return str(path.resolve())
    folder = str(path.parent)
    if folder not in resolved_dirs:
        resolved_dirs[folder] = str(path.parent.resolve())
    return os.path.join(resolved_dirs[folder], path.name)


# ---------------------------------------------------------------------------------------------
# the build


@dataclass(frozen=True)
class WritePolicy:
    """When the build bulk loads and how big its transactions are (defaults: the module's
    constants, read when the build starts)."""

    bulk_min_documents: int
    batch_quads: int
    bulk_chunk_bytes: int

    @classmethod
    def default(cls) -> "WritePolicy":
        return cls(BULK_MIN_DOCUMENTS, BATCH_QUADS, BULK_CHUNK_BYTES)


def build(
    paths: Iterable[str | Path],
    store_dir: str | Path | None = None,
    *,
    target: str | None = None,
    prune: bool = False,
    base: str | None = None,
    force: bool = False,
    strict: bool = False,
    progress: ProgressCallback | None = None,
    jobs: int = 1,
    executor: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    policy: WritePolicy | None = None,
    manifest: str | Path | None = None,
) -> BuildReport:
    """Load ``paths`` (files or folders) into the store at ``store_dir``, or into the SPARQL 1.1
    server at ``target`` (:mod:`kg.gsp`).

    ``prune`` drops documents whose source file is not among the input; ``force`` rewrites every
    document; ``strict`` lets an unexpected error in extraction propagate instead of being
    reported as that file's failure; ``jobs`` > 1 extracts in that many worker processes;
    ``executor`` ``dask://HOST:PORT`` (or ``dask`` for a local cluster of ``jobs`` workers)
    extracts on a Dask cluster instead (:mod:`kg.distributed`). A file larger than ``max_bytes``
    fails with a message saying so (``kg build --max-file-size``; None: no limit). ``manifest``
    is a CSV file ``file,url,date,title`` of what the crawl knows of each file (:mod:`kg.manifest`);
    a row that names no input file is reported among the skipped.

    :raises StoreError: the store cannot be opened (locked, not a kg store, another base IRI), or
        the server is unreachable or refuses a request (:class:`kg.gsp.RemoteError`).
    :raises UsageError: an unknown executor.
    """
    from .executors import executor_for

    started = time.monotonic()
    run = executor_for(executor, jobs, warm_up)
    notify = progress or (lambda _p: None)
    policy = policy or WritePolicy.default()
    fingerprint = pipeline_fingerprint()
    ignored: list[str] = []
    paths = list(paths)
    inputs = list(iter_paths(paths, ignored=ignored))
    metadata = _file_metadata(inputs, paths, manifest, ignored)
    writer: Writer
    if target is not None:
        from .gsp import GSPWriter

        writer = GSPWriter(target, base)
    else:
        writer = open_store(store_dir, base=base)

    with writer:
        background_written = writer.ensure_background()
        stored = writer.documents()  # absolute path -> record
        the_plan = plan(inputs, stored, fingerprint, force=force, stat_rule=writer.stat_rule,
                        max_bytes=max_bytes, strict=strict, metadata=metadata, notify=notify)
        if the_plan.touched:
            writer.restat(the_plan.touched)
        failed = list(the_plan.failed)

        todo = the_plan.todo
        # the links graph is recomputed for the persons and organisations of the graphs the build
        # drops and writes, when it was current and few documents change (kg.people.relink)
        links = links_fingerprint(fingerprint)
        incremental = not background_written and links == writer.links_fingerprint() and len(todo) <= RELINK_SOME_MAX
        some: tuple[set[str], set[str]] | None = None
        if incremental:
            some = _touched(writer, _previous_graphs(todo, stored))
        writes = Writes(writer, run, partial(extract_item, base=writer.base, strict=strict), fingerprint, policy,
                        failed, notify)
        written, quads_written = writes.write(todo, stored)
        notify(Progress("write", len(todo), len(todo)))

        pruned = 0
        if prune:
            current = {f.absolute for f in the_plan.found} | {str(p.resolve()) for p in inputs}
            gone = [r for path, r in writer.documents().items() if path not in current]
            if some is not None and len(gone) <= RELINK_SOME_MAX:
                _add(some, _touched(writer, [r.graph for r in gone]))
            else:
                some = None
            notify(Progress("prune", 0, len(gone)))
            pruned = writer.remove_documents(gone)
            notify(Progress("prune", len(gone), len(gone)))
        if written or pruned:  # links depend on every document
            from .people import relink

            if some is not None:
                now = writer.documents()
                if all(now[f.absolute].doc_id == f.doc_id for f in todo if f.absolute in now):
                    _add(some, _touched(writer, [now[f.absolute].graph for f in todo if f.absolute in now]))
                else:  # a file changed between the plan and its extraction: what it dropped is not known
                    some = None
            if some is not None:
                relink(writer, *some)
            else:
                relink(writer)
            links_ok = True
        else:
            links_ok = links == writer.links_fingerprint()
        total = writer.quad_count()
        writer.save_state(links if links_ok else None)

    return BuildReport(
        files=len(inputs),
        read=len(the_plan.found),
        unchanged=the_plan.unchanged,
        written=written,
        skipped=tuple(ignored + the_plan.skipped),
        failed=tuple(failed),
        pruned=pruned,
        quads_written=quads_written,
        store_quads=total,
        background_written=background_written,
        seconds=time.monotonic() - started,
    )


#: A build that writes or prunes at most this many documents recomputes only the links of what
#: they touch; more, and it recomputes the links graph as a whole.
RELINK_SOME_MAX = 256


def links_fingerprint(pipeline: str) -> str:
    """What the links graph is made by: the pipeline (which makes the graphs it reads) and the
    linking code (kg/people.py)."""
    h = hashlib.sha256(pipeline.encode())
    h.update((Path(str(files("kg"))) / "people.py").read_bytes())
    return h.hexdigest()[:16]


def _previous_graphs(todo: list[PlannedFile], stored: dict[str, DocRecord]) -> list:
    """The graphs the writes of ``todo`` drop (as :func:`_write_each` finds them): the one stored
    under each file's path and the one of its text."""
    by_id = {r.doc_id: r for r in stored.values()}
    return [r.graph for f in todo for r in (stored.get(f.absolute), by_id.get(f.doc_id)) if r is not None]


def _touched(writer, graphs) -> tuple[set[str], set[str]]:
    from .people import touched

    return touched(writer, graphs) if graphs else (set(), set())


def _add(into: tuple[set[str], set[str]], more: tuple[set[str], set[str]]) -> None:
    into[0].update(more[0])
    into[1].update(more[1])


def _file_metadata(inputs: list[Path], given: list, manifest: str | Path | None,
                   messages: list[str]) -> dict[str, dict[str, str]]:
    """Absolute path -> what the build adds to the file's text: its path relative to its input
    folder (where that differs from its name) and its manifest row."""
    from .manifest import match, read_manifest, relative_names

    rows = match(read_manifest(manifest), inputs, given, manifest) if manifest is not None else ({}, [])
    messages.extend(rows[1])
    out: dict[str, dict[str, str]] = {}
    for f, name in relative_names(inputs, given).items():
        meta = dict(rows[0].get(f, {}))
        if name != f.name:
            meta["path"] = name
        if meta:
            out[str(f.resolve())] = meta
    return out


def _items(files: list[PlannedFile]) -> list[tuple]:
    return [(str(f.path), f.document, dict(f.metadata)) if f.metadata else (str(f.path), f.document)
            for f in files]


@dataclass
class Writes:
    """The write strategies of one build (see the module docstring), over any :class:`Writer`:
    extraction runs on ``run`` (an executor of :mod:`kg.executors`) with ``extract``
    (:func:`extract_item` with the build's settings); a file that fails is added to ``failed``."""

    writer: Writer
    run: Executor
    extract: Callable[[tuple], Extracted]
    fingerprint: str
    policy: WritePolicy
    failed: list[str]
    notify: ProgressCallback = lambda _p: None

    def write(self, todo: list[PlannedFile], stored: dict[str, DocRecord]) -> tuple[int, int]:
        """Extract and write ``todo``: bulk into an empty writer that has a work folder, when
        there are many; else document by document. Returns (documents, quads) written."""
        if self.writer.work_dir is not None and not stored and len(todo) >= self.policy.bulk_min_documents:
            return self.bulk(todo)
        return self.each(todo, stored)

    def _written(self, f: PlannedFile, result: Extracted, stat_rule: bool) -> Written:
        # the stat taken before the plan read the file: if the file changed since, the stat no
        # longer matches it, and the next build reads it again
        return Written(result.doc_id, f.absolute, result.nquads, result.count, f.pipeline or self.fingerprint,
                       f.stat if stat_rule else None)

    def each(self, todo: list[PlannedFile], stored: dict[str, DocRecord]) -> tuple[int, int]:
        """Replace each changed document in its own write; batch new documents by ``batch_quads``."""
        writer = self.writer
        stored_by_id = {r.doc_id: r for r in stored.values()}
        written = quads_written = 0
        batch: list[Written] = []
        batch_quads = 0
        for i, (f, result) in enumerate(zip(todo, self.run.map(self.extract, _items(todo)))):
            self.notify(Progress("write", i, len(todo), str(f.path)))
            if result.error:
                self.failed.append(result.error)
                continue
            doc = self._written(f, result, writer.stat_rule)
            previous = [r for r in (stored.get(f.absolute), stored_by_id.get(doc.doc_id)) if r is not None]
            written += 1
            quads_written += doc.count
            if previous:
                writer.write_replacing(doc, previous)
                continue
            batch.append(doc)
            batch_quads += doc.count
            if batch_quads >= self.policy.batch_quads:
                writer.write_new(batch)
                batch, batch_quads = [], 0
        if batch:
            writer.write_new(batch)
        if written:
            writer.touch()
        return written, quads_written

    def bulk(self, todo: list[PlannedFile]) -> tuple[int, int]:
        """Extract into the writer's work folder (resuming what a build cut short had finished),
        then bulk load it all; the work folder goes once the load is done."""
        writer = self.writer
        work = Journal(writer.work_dir, self.fingerprint, self.policy.bulk_chunk_bytes)
        done = work.resume({f.absolute: f.doc_id for f in todo}, {f.absolute: f.pipeline for f in todo if f.pipeline})
        results: list[Written] = []
        fresh = [f for f in todo if f.absolute not in done]
        extracted = iter(self.run.map(self.extract, _items(fresh)))
        for i, f in enumerate(todo):
            self.notify(Progress("write", i, len(todo), str(f.path)))
            if f.absolute in done:
                doc_id, count = done[f.absolute]
                results.append(Written(doc_id, f.absolute, b"", count, f.pipeline or self.fingerprint, f.stat))
                continue
            result = next(extracted)
            if result.error:
                self.failed.append(result.error)
                continue
            doc = self._written(f, result, True)
            work.add(doc)
            results.append(doc)
        if results:
            layout = writer.layout
            records = work.records(serialize([q for d in results for q in
                                              layout.record_quads(d.doc_id, d.source_path, d.pipeline, d.stat)],
                                             format=RdfFormat.N_QUADS))
            writer.bulk_load([*work.chunks(), records])
        work.remove()
        return len(results), sum(d.count for d in results)


class Journal:
    """A first build's finished documents in a work folder: N-Quads chunks of about
    ``chunk_bytes`` and ``journal.tsv``, one line per document once its graph is in a chunk
    (doc id, absolute path, pipeline, chunk, end offset, quads)."""

    def __init__(self, folder: Path, pipeline: str, chunk_bytes: int):
        self.folder = Path(folder)
        self.pipeline = pipeline
        self.chunk_bytes = chunk_bytes
        self._chunk = None
        self._log = None
        self._names: list[str] = []  # the chunks to load, in order

    def resume(self, wanted: dict[str, str], pipelines: dict[str, str] | None = None) -> dict[str, tuple[str, int]]:
        """Keep the chunks whose every journalled document is ``wanted`` (absolute path -> doc
        id) by this pipeline (or the file's own, ``pipelines``: absolute path -> fingerprint), cut
        after their last journalled document; drop the rest. Returns absolute path -> (doc id,
        quads) of the documents kept."""
        pipelines = pipelines or {}
        log = self.folder / "journal.tsv"
        by_chunk: dict[str, list[tuple[str, str, int, int]]] = {}
        if log.is_file():
            for line in log.read_text(encoding="utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) != 6:
                    continue  # a line cut short
                doc_id, absolute, pipeline, chunk, end, count = parts
                ok = pipeline == pipelines.get(absolute, self.pipeline) and wanted.get(absolute) == doc_id
                by_chunk.setdefault(chunk, []).append((absolute, doc_id, int(end), int(count), pipeline) if ok
                                                      else ("", "", -1, 0, ""))
        kept: dict[str, tuple[str, int]] = {}
        lines: list[str] = []
        for chunk, docs in sorted(by_chunk.items()):
            path = self.folder / chunk
            end = max(d[2] for d in docs)
            if any(d[2] < 0 for d in docs) or not path.is_file() or path.stat().st_size < end:
                continue
            with open(path, "r+b") as f:
                f.truncate(end)
            self._names.append(chunk)
            for absolute, doc_id, e, count, pipeline in docs:
                kept[absolute] = (doc_id, count)
                lines.append(f"{doc_id}\t{absolute}\t{pipeline}\t{chunk}\t{e}\t{count}\n")
        for stale in self.folder.glob("*.nq") if self.folder.exists() else ():
            if stale.name not in self._names:
                stale.unlink()
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(log, "w", encoding="utf-8") as f:
            f.writelines(lines)
        return kept

    def add(self, doc: Written) -> None:
        """Append ``doc``'s graph to the current chunk, then its journal line."""
        if self._chunk is None or self._chunk.tell() >= self.chunk_bytes:
            if self._chunk is not None:
                self._chunk.close()
            n = len(self._names)
            while (self.folder / f"chunk-{n:05d}.nq").exists():
                n += 1
            name = f"chunk-{n:05d}.nq"
            self._names.append(name)
            self._chunk = open(self.folder / name, "wb")
        self._chunk.write(doc.nquads)
        self._chunk.flush()
        if self._log is None:
            self._log = open(self.folder / "journal.tsv", "a", encoding="utf-8")
        self._log.write(f"{doc.doc_id}\t{doc.source_path}\t{doc.pipeline}\t{self._names[-1]}\t"
                        f"{self._chunk.tell()}\t{doc.count}\n")
        self._log.flush()

    def records(self, nquads: bytes) -> Path:
        """The meta records of the documents, as one more file to load."""
        path = self.folder / "records.nq"
        path.write_bytes(nquads)
        return path

    def chunks(self) -> list[Path]:
        self._close()
        return [self.folder / n for n in self._names]

    def _close(self) -> None:
        for f in (self._chunk, self._log):
            if f is not None:
                f.close()
        self._chunk = self._log = None

    def remove(self) -> None:
        self._close()
        shutil.rmtree(self.folder, ignore_errors=True)
