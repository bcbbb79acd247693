"""A first build killed (SIGKILL) during extraction resumes: the rerun extracts only the documents
the killed build had not finished, and the store ends as an uninterrupted build's."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.corpus import read_document
from kg.store import WORK_DIR, open_store
from kg.vocab import DCTERMS

DRIVER = textwrap.dedent(
    """
    import sys
    import kg.build
    from kg.cli import main
    kg.build.BULK_MIN_DOCUMENTS = 1  # the first build's bulk path even for a small corpus
    main(["build", *sys.argv[1:]])
    """
)


def corpus_of(seeds_dir: Path, folder: Path, copies: int) -> list[Path]:
    folder.mkdir()
    for i in range(copies):
        for seed in sorted(seeds_dir.glob("*.txt")):
            text = seed.read_text(encoding="utf-8")
            (folder / f"{i:03d}_{seed.name}").write_text(f"{text}\n第{i}版。\n", encoding="utf-8")
    return sorted(folder.iterdir())


def journalled(store_dir: Path) -> int:
    log = store_dir / WORK_DIR / "journal.tsv"
    try:
        return sum(1 for line in log.read_text(encoding="utf-8").splitlines() if len(line.split("\t")) == 6)
    except OSError:
        return 0


def dataset(store_dir: Path) -> set[str]:
    """Every quad but the times of change (which no two builds share)."""
    with open_store(store_dir, read_only=True) as store:
        return {str(q) for q in store.store if q.predicate != DCTERMS.modified}


@pytest.mark.slow
def test_killed_first_build_resumes_and_ends_as_an_uninterrupted_one(seeds_dir, tmp_path, monkeypatch):
    import kg.build

    files = corpus_of(seeds_dir, tmp_path / "corpus", 16)  # 80 documents
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(tmp_path / "corpus"), "--store", str(store_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while journalled(store_dir) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = journalled(store_dir)
    assert 10 <= finished < len(files), "the build was not killed mid-extraction"

    extracted: list[str] = []
    real = kg.build.prepare
    monkeypatch.setattr(kg.build, "prepare", lambda path, *a: extracted.append(path) or real(path, *a))
    monkeypatch.setattr(kg.build, "BULK_MIN_DOCUMENTS", 1)
    report = build([tmp_path / "corpus"], store_dir)
    assert (report.written, report.failed) == (len(files), ())
    assert len(extracted) == len(files) - finished  # only what the killed build had not finished
    assert not (store_dir / WORK_DIR).exists()

    monkeypatch.setattr(kg.build, "prepare", real)
    clean = build([tmp_path / "corpus"], tmp_path / "clean")
    assert clean.written == len(files)
    assert dataset(store_dir) == dataset(tmp_path / "clean")


def test_a_journal_of_other_texts_is_not_reused(seeds_dir, tmp_path, monkeypatch):
    """A chunk holding a document whose file has changed since is dropped whole: its documents
    are extracted again, the changed one with its new text."""
    import kg.build

    monkeypatch.setattr(kg.build, "BULK_MIN_DOCUMENTS", 1)
    files = corpus_of(seeds_dir, tmp_path / "corpus", 1)
    store_dir = tmp_path / "store"
    build([tmp_path / "corpus"], store_dir)
    first = dataset(store_dir)

    # a work folder as a killed build leaves it: three chunks of finished documents, the last
    # with half a quad after its journalled end
    shutil.rmtree(store_dir)
    from kg.build import Journal, PlannedFile, extract_item, pipeline_fingerprint, plan
    from kg.dataset import Written
    from kg.mapping import DEFAULT_BASE

    work = Journal(store_dir / WORK_DIR, pipeline_fingerprint(), chunk_bytes=1)  # a chunk per document
    work.resume({})
    planned: list[PlannedFile] = plan(files, {}, pipeline_fingerprint()).todo
    for f in planned[:3]:
        r = extract_item((str(f.path), f.document), DEFAULT_BASE, False)
        work.add(Written(r.doc_id, f.absolute, r.nquads, r.count, pipeline_fingerprint(), f.stat))
    work.chunks()
    with open(store_dir / WORK_DIR / "chunk-00002.nq", "ab") as f:
        f.write(b"<urn:x> <urn:y> <urn:z> <urn:half-written")  # cut short by the kill
    files[0].write_text(files[0].read_text(encoding="utf-8") + "又及。\n", encoding="utf-8")

    extracted: list[str] = []
    real = kg.build.prepare
    monkeypatch.setattr(kg.build, "prepare", lambda path, *a: extracted.append(Path(path).name) or real(path, *a))
    report = build([tmp_path / "corpus"], store_dir)
    assert report.written == len(files) and not report.failed
    assert sorted(extracted) == sorted([files[0].name] + [f.name for f in files[3:]])
    after = dataset(store_dir)
    assert after != first and len(after) > 0
    with open_store(store_dir, read_only=True) as store:
        stored = {r.doc_id for r in store.documents().values()}
    assert stored == {f.doc_id for f in planned[1:]} | {read_document(files[0]).id}
