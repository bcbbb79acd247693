"""``kg build``: files -> documents -> extraction -> quads -> the store, incrementally.

Two passes over the input:

1. *plan*: learn every file's document id; bad files are reported and left out; a file with the
   same text as another is a duplicate and skipped; a file whose document is already stored under
   its path, by the same pipeline, is unchanged and left alone. **The stat rule**: a file whose
   size and modification time (ns) equal those the store recorded when it last read that path,
   under the same pipeline fingerprint, is taken to hold the recorded document without being read;
   any other file is read and hashed (its document id is the hash of its normalised text), and one
   whose text turns out unchanged only has its recorded size and time refreshed. ``force`` reads
   every file;
2. *write*: read again, extract (the costly part), map and replace each remaining document's graph
   in one atomic update.

Documents are independent: :func:`prepare` (read + extract + map) is a plain function of a path;
with ``jobs`` > 1 it runs in a ``fork`` process pool whose workers inherit the warmed-up extractor
and send back N-Quads. Only the writes are serial, and each is a transaction:

* a document that replaces a stored one: one SPARQL update that drops the old graph and inserts
  the new (:meth:`KGStore.replace_document`);
* new documents: batches of whole documents, one transaction each (:meth:`KGStore.add_documents`);
* the first build of many documents into an empty store: one bulk load, marked in the meta graph
  while it runs so that a crash is undone on the next open (:meth:`KGStore.bulk_load`).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat as stat_module
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Quad, RdfFormat, parse, serialize

from . import __version__
from .corpus import MAX_BYTES, Document, iter_paths, read_document
from .errors import InputError
from .mapping import MAPPING_VERSION, extraction_to_quads
from .store import DocRecord, open_store
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
    quads: list[Quad] = field(repr=False)


@dataclass(frozen=True)
class _Result:
    """One document prepared: its id and quads (as N-Quads bytes when they crossed a process
    boundary), or the message of its failure."""

    path: str
    doc_id: str = ""
    quads: list[Quad] | None = field(default=None, repr=False)
    nquads: bytes = field(default=b"", repr=False)
    count: int = 0
    error: str = ""

    def quad_list(self) -> list[Quad]:
        return self.quads if self.quads is not None else list(parse(self.nquads, format=RdfFormat.N_QUADS))

    def serialised(self) -> bytes:
        return self.nquads if self.quads is None else serialize(self.quads, format=RdfFormat.N_QUADS)

    def portable(self) -> "_Result":
        """The same result with its quads as bytes, to send to another process."""
        if self.quads is None:
            return self
        return _Result(self.path, self.doc_id, None, self.serialised(), self.count, self.error)


#: The modules of kg that determine a document's graph (what :func:`prepare` runs); a test checks
#: that extraction loads no other kg module. The server, UI, CLI, export and the store are not
#: among them: editing those does not make stored graphs stale.
EXTRACTION_MODULES = ("corpus", "nlp", "extract", "resolve", "concepts", "lexicon", "gazetteer", "records",
                      "mapping", "vocab", "paths", "chinese")


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
    paths = [root / f"{name}.py" for name in EXTRACTION_MODULES]
    paths += sorted(p for p in (root / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    h.update(ontology_path().read_bytes())
    return h.hexdigest()[:16]


def prepare(path: str | Path, base: str) -> Prepared:
    """Read, extract and map one file.

    :raises InputError: the file cannot be read as an article.
    """
    from . import extract  # looked up at call time: the extractor loads its resources on first use

    document = read_document(path, max_bytes=None)  # the plan has applied the size limit
    extract_document = extract.extract_document
    extraction = extract_document(document)
    return Prepared(document, extraction_to_quads(extraction, document, base))


def plan_writes(found: list[tuple[Path, str, str]], stored: dict, fingerprint: str, force: bool,
                skipped: list[str]) -> tuple[list[tuple[Path, str]], int]:
    """Which of the ``found`` files (path, absolute path, doc id) must be (re)written, given the
    ``stored`` records by absolute path: returns the files to write and the number unchanged, and
    appends one message to ``skipped`` per file whose text another file already has."""
    owners = _owners(found, stored)
    todo: list[tuple[Path, str]] = []
    unchanged = 0
    for path, absolute, doc_id in found:
        owner = owners[doc_id]
        if owner[1] != absolute:
            skipped.append(f"{path}: same text as {owner[0]}; skipped")
            continue
        record = stored.get(absolute)
        if not force and record is not None and record.doc_id == doc_id and record.pipeline == fingerprint:
            unchanged += 1
        else:
            todo.append((path, absolute))
    return todo, unchanged


def build(
    paths: Iterable[str | Path],
    store_dir: str | Path | None = None,
    *,
    prune: bool = False,
    base: str | None = None,
    force: bool = False,
    strict: bool = False,
    progress: ProgressCallback | None = None,
    jobs: int = 1,
    executor: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> BuildReport:
    """Load ``paths`` (files or folders) into the store at ``store_dir``.

    ``prune`` drops documents whose source file is not among the input; ``force`` rewrites every
    document; ``strict`` lets an unexpected error in extraction propagate instead of being
    reported as that file's failure; ``jobs`` > 1 extracts in that many worker processes;
    ``executor`` ``dask://HOST:PORT`` (or ``dask`` for a local cluster of ``jobs`` workers)
    extracts on a Dask cluster instead, shard by shard (:mod:`kg.distributed`). A file larger than
    ``max_bytes`` fails with a message saying so (``kg build --max-file-size``).
    The first build of many documents into an empty store is one bulk load; if it is cut short,
    the next open of the store undoes it.

    :raises StoreError: the store cannot be opened (locked, not a kg store, another base IRI).
    """
    started = time.monotonic()
    if executor is not None and not (executor == "dask" or executor.startswith(("dask://", "tcp://"))):
        from .errors import UsageError

        raise UsageError(f"executor {executor!r}: expected dask://HOST:PORT, tcp://HOST:PORT or dask (a local cluster)")
    notify = progress or (lambda _p: None)
    fingerprint = pipeline_fingerprint()
    failed: list[str] = []
    skipped: list[str] = []
    inputs = list(iter_paths(paths, ignored=skipped))

    with open_store(store_dir, base=base) as store:
        background_written = store.ensure_background()
        stored = store.documents()  # absolute path -> record
        stored_by_id = {r.doc_id: r for r in stored.values()}

        # 1. plan: which document each file holds (the stat rule: see the module docstring)
        found: list[tuple[Path, str, str]] = []  # (path, absolute path, doc id)
        stats: dict[str, tuple[int, int]] = {}  # absolute path -> (size, mtime ns) before reading
        touched: list[tuple[DocRecord, tuple[int, int]]] = []  # same text, new stat
        resolved_dirs: dict[str, str] = {}
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
            if (not force and stat is not None and record is not None and record.stat == stat
                    and record.pipeline == fingerprint):
                found.append((path, absolute, record.doc_id))
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
            if stat is not None:
                stats[absolute] = stat
                if record is not None and record.doc_id == doc.id and record.stat != stat:
                    touched.append((record, stat))
            found.append((path, absolute, doc.id))
        notify(Progress("plan", len(inputs), len(inputs)))

        todo, unchanged = plan_writes(found, stored, fingerprint, force, skipped)
        todo_paths = {absolute for _, absolute in todo}
        touched = [(r, s) for r, s in touched if r.source_path not in todo_paths and r.pipeline == fingerprint]
        if touched:
            store.update_stats(touched)

        # 2. write: extract, map, store
        bulk = not stored and len(todo) >= BULK_MIN_DOCUMENTS
        written, quads_written = _write(store, todo, stored, stored_by_id, fingerprint, jobs, bulk, strict,
                                        failed, notify, stats, executor)
        notify(Progress("write", len(todo), len(todo)))

        # 3. prune documents whose file is no longer among the input
        pruned = 0
        if prune:
            current = {absolute for _, absolute, _ in found} | {str(p.resolve()) for p in inputs}
            gone = [r for path, r in store.documents().items() if path not in current]
            notify(Progress("prune", 0, len(gone)))
            pruned = store.remove_documents(gone)
            notify(Progress("prune", len(gone), len(gone)))

        total = len(store)

    return BuildReport(
        files=len(inputs),
        read=len(found),
        unchanged=unchanged,
        written=written,
        skipped=tuple(skipped),
        failed=tuple(failed),
        pruned=pruned,
        quads_written=quads_written,
        store_quads=total,
        background_written=background_written,
        seconds=time.monotonic() - started,
    )


def _write(store, todo, stored, stored_by_id, fingerprint, jobs, bulk, strict, failed, notify, stats=None,
           executor=None) -> tuple[int, int]:
    """Extract and store the documents of ``todo``; returns (documents written, quads written)."""
    written = quads_written = 0
    batch: list[tuple] = []
    batch_size = 0
    bulk_file = None
    chunks: list[str] = []  # N-Quads files of the bulk load, each at most about BULK_CHUNK_BYTES

    def new_chunk():
        f = tempfile.NamedTemporaryFile(suffix=".nq", dir=store.path.parent, delete=False)
        chunks.append(f.name)
        return f

    if bulk:
        bulk_file = new_chunk()

    def flush() -> None:
        nonlocal batch, batch_size
        if batch:
            store.add_documents(batch)
        batch, batch_size = [], 0

    try:
        for i, (path, absolute, result) in enumerate(_results(todo, store.base, jobs, strict, executor)):
            notify(Progress("write", i, len(todo), str(path)))
            if result.error:
                failed.append(result.error)
                continue
            doc_id = result.doc_id
            # the stat taken before the plan read the file: if the file changed since, the stat
            # no longer matches it, and the next build reads it again
            stat = (stats or {}).get(absolute)
            previous = [r for r in (stored.get(absolute), stored_by_id.get(doc_id)) if r is not None]
            written += 1
            quads_written += result.count
            if bulk_file is not None:
                if bulk_file.tell() >= BULK_CHUNK_BYTES:
                    bulk_file.close()
                    bulk_file = new_chunk()
                bulk_file.write(result.serialised())
                bulk_file.write(serialize(store.record_quads(doc_id, absolute, fingerprint, stat), format=RdfFormat.N_QUADS))
                continue
            quads = result.quad_list()
            if previous:
                flush()
                store.replace_document(doc_id, absolute, quads, fingerprint, previous, stat)
            else:
                batch.append((doc_id, absolute, quads, fingerprint, stat))
                batch_size += len(quads)
                if batch_size >= BATCH_QUADS:
                    flush()
        flush()
        if bulk_file is not None:
            bulk_file.close()
            if written:
                store.bulk_load(chunks, RdfFormat.N_QUADS)
        elif written:
            store.touch()
    finally:
        if bulk_file is not None:
            bulk_file.close()
        for name in chunks:
            os.unlink(name)
    return written, quads_written


def _prepare_one(path: str, base: str, strict: bool) -> _Result:
    try:
        prepared = prepare(path, base)
    except InputError as e:  # changed or vanished since the plan
        return _Result(path, error=str(e))
    except Exception as e:  # a bug in extraction: report it, keep going
        if strict:
            raise
        return _Result(path, error=f"{path}: extraction failed: {type(e).__name__}: {e}")
    return _Result(path, prepared.document.id, prepared.quads, count=len(prepared.quads))


_WORKER: dict = {}


def _worker(path: str) -> _Result:
    return _prepare_one(path, _WORKER["base"], _WORKER["strict"]).portable()


def _results(todo: list[tuple[Path, str]], base: str, jobs: int, strict: bool, executor: str | None = None):
    """Yield ``(path, absolute path, _Result)`` for each document of ``todo``, in order."""
    if executor and todo:
        from .distributed import dask_results

        yield from dask_results(todo, base, strict, executor, jobs)
        return
    if jobs <= 1 or len(todo) < 2:
        for path, absolute in todo:
            yield path, absolute, _prepare_one(str(path), base, strict)
        return
    _warm_up()  # before forking, so that the workers share the loaded resources
    _WORKER.update(base=base, strict=strict)
    context = multiprocessing.get_context("fork")
    chunk = max(1, min(16, len(todo) // (jobs * 4)))
    with context.Pool(min(jobs, len(todo))) as pool:
        results = pool.imap(_worker, [str(p) for p, _ in todo], chunksize=chunk)
        for (path, absolute), result in zip(todo, results):
            yield path, absolute, result


def _warm_up() -> None:
    """Load the extractor's resources (lexicons, spaCy, jieba) once, in this process."""
    from .corpus import parse_document
    from .extract import extract_document

    try:
        extract_document(parse_document("本报讯 县政协主席王某主持会议。".encode(), "warm-up.txt"))
    except Exception:  # a broken extractor fails each document instead, with its name
        pass


def _absolute(path: Path, lst: os.stat_result | None, resolved_dirs: dict[str, str]) -> str:
    """``str(path.resolve())``, resolving each folder once: a file that is not a symbolic link
    resolves to its resolved folder plus its name."""
    if lst is None or stat_module.S_ISLNK(lst.st_mode) or path.name in ("", ".", ".."):
        return str(path.resolve())
    folder = str(path.parent)
    if folder not in resolved_dirs:
        resolved_dirs[folder] = str(path.parent.resolve())
    return os.path.join(resolved_dirs[folder], path.name)


def _owners(found: list[tuple[Path, str, str]], stored: dict[str, DocRecord]) -> dict[str, tuple[Path, str]]:
    """doc id -> the (path, absolute path) that holds it: the file it is stored under if that file
    still has this text, else the first file (in input order) with it."""
    owners: dict[str, tuple[Path, str]] = {}
    for path, absolute, doc_id in found:
        record = stored.get(absolute)
        if record is not None and record.doc_id == doc_id:
            owners[doc_id] = (path, absolute)
    for path, absolute, doc_id in found:
        owners.setdefault(doc_id, (path, absolute))
    return owners
