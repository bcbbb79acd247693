"""``kg build``: files -> documents -> extraction -> quads -> the store, incrementally.

Two passes over the input:

1. *plan*: read every file (cheap) to learn its document id; bad files are reported and left out;
   a file with the same text as another is a duplicate and skipped; a file whose document is
   already stored under its path, by the same pipeline, is unchanged and left alone;
2. *write*: read again, extract (the costly part), map and replace each remaining document's graph
   in one atomic update.

Documents are independent: :func:`prepare` (read + extract + map) is a plain function of a path,
ready to run in a process pool; only the writes are serial.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Quad

from . import __version__
from .corpus import Document, iter_paths, read_document
from .errors import InputError
from .mapping import MAPPING_VERSION, extraction_to_quads
from .store import DocRecord, open_store
from .vocab import ontology_path


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
    skipped: tuple[str, ...]  # one message per duplicate
    failed: tuple[str, ...]  # one message per bad file
    pruned: int
    quads_written: int
    store_quads: int  # quads in the store after the build
    background_written: bool
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class Prepared:
    """A document read, extracted and mapped: what one write needs."""

    document: Document
    quads: list[Quad] = field(repr=False)


@cache
def pipeline_fingerprint() -> str:
    """A hash of everything that shapes a document's graph: kg's code and data, the ontology.

    A stored graph made by another pipeline is rebuilt, so improving the extractor and re-running
    ``kg build`` updates the store without ``--force``.
    """
    h = hashlib.sha256(f"{__version__}|{MAPPING_VERSION}".encode())
    package = files("kg")
    root = Path(str(package))
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    h.update(ontology_path().read_bytes())
    return h.hexdigest()[:16]


def prepare(path: str | Path, base: str) -> Prepared:
    """Read, extract and map one file.

    :raises InputError: the file cannot be read as an article.
    """
    from .extract import extract_document  # the extractor loads its resources on first use

    document = read_document(path)
    extraction = extract_document(document)
    return Prepared(document, extraction_to_quads(extraction, document, base))


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
) -> BuildReport:
    """Load ``paths`` (files or folders) into the store at ``store_dir``.

    ``prune`` drops documents whose source file is not among the input; ``force`` rewrites every
    document; ``strict`` lets an unexpected error in extraction propagate instead of being
    reported as that file's failure. ``jobs`` > 1 extracts in that many worker processes (documents
    are independent); into an empty store the documents are written with one bulk load instead of
    one transaction each (an interrupted first build leaves a partial store: re-run it).

    :raises StoreError: the store cannot be opened (locked, not a kg store, another base IRI).
    """
    started = time.monotonic()
    notify = progress or (lambda _p: None)
    fingerprint = pipeline_fingerprint()
    inputs = list(iter_paths(paths))
    failed: list[str] = []
    skipped: list[str] = []

    with open_store(store_dir, base=base) as store:
        background_written = store.ensure_background()
        stored = store.documents()  # absolute path -> record
        stored_by_id = {r.doc_id: r for r in stored.values()}

        # 1. plan: which document each file holds
        found: list[tuple[Path, str, str]] = []  # (path, absolute path, doc id)
        for i, path in enumerate(inputs):
            notify(Progress("plan", i, len(inputs), str(path)))
            try:
                doc = read_document(path)
            except InputError as e:
                failed.append(str(e))
                continue
            found.append((path, str(path.resolve()), doc.id))
        notify(Progress("plan", len(inputs), len(inputs)))

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

        # 2. write: extract, map, replace (or bulk-load into an empty store)
        written = quads_written = 0
        bulk = not stored and len(todo) > 1
        bulk_file = _BulkFile(store) if bulk else None
        try:
            for i, (path, absolute, outcome) in enumerate(_prepared(todo, store.base, jobs, strict)):
                notify(Progress("write", i, len(todo), str(path)))
                if isinstance(outcome, str):
                    failed.append(outcome)
                    continue
                doc_id, quads = outcome
                if bulk_file is not None:
                    bulk_file.add(doc_id, absolute, quads, fingerprint)
                else:
                    previous = [r for r in (stored.get(absolute), stored_by_id.get(doc_id)) if r is not None]
                    store.replace_document(doc_id, absolute, quads, fingerprint, previous)
                written += 1
                quads_written += len(quads)
            if bulk_file is not None:
                bulk_file.load()
        finally:
            if bulk_file is not None:
                bulk_file.discard()
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


def _prepare_one(item: tuple[Path, str, str, bool]):
    """Worker: (path, absolute, outcome) where outcome is (doc id, quads) or a failure message."""
    path, absolute, base, strict = item
    try:
        prepared = prepare(path, base)
    except InputError as e:  # changed or vanished since the plan
        return path, absolute, str(e)
    except Exception as e:  # a bug in extraction: report it, keep going
        if strict:
            raise
        return path, absolute, f"{path}: extraction failed: {type(e).__name__}: {e}"
    return path, absolute, (prepared.document.id, prepared.quads)


def _prepared(todo: list[tuple[Path, str]], base: str, jobs: int, strict: bool):
    """Prepared documents in input order; with ``jobs`` > 1 from a pool of forked workers, which
    inherit the extractor's resources loaded here once (spaCy, jieba, lexicon automata)."""
    items = [(path, absolute, base, strict) for path, absolute in todo]
    if jobs <= 1 or len(items) < 2:
        yield from map(_prepare_one, items)
        return
    import multiprocessing as mp

    from .corpus import parse_document
    from .extract import extract_document

    extract_document(parse_document("本报讯 县政协主席王某主持会议。".encode(), "warm-up.txt"))
    with mp.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_prepare_one, items, chunksize=max(1, min(16, len(items) // (jobs * 8))))


class _BulkFile:
    """Documents' graphs and meta records as N-Quads in a temporary file, bulk-loaded at the end."""

    def __init__(self, store):
        import tempfile

        self.store = store
        self.file = tempfile.NamedTemporaryFile(prefix="kg-bulk-", suffix=".nq", delete=False,
                                                dir=str(Path(store.path).resolve().parent))

    def add(self, doc_id: str, absolute: str, quads: list[Quad], fingerprint: str) -> None:
        from pyoxigraph import RdfFormat, serialize

        self.file.write(serialize([*quads, *self.store.record_quads(doc_id, absolute, fingerprint)], format=RdfFormat.N_QUADS))

    def load(self) -> None:
        from pyoxigraph import RdfFormat

        self.file.close()
        self.store.bulk_load(self.file.name, RdfFormat.N_QUADS)

    def discard(self) -> None:
        self.file.close()
        Path(self.file.name).unlink(missing_ok=True)
