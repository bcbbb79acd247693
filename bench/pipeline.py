"""The build path the benchmarks drive: read -> extract -> map (a process pool) -> store.

Uses ``kg.build`` when it offers ``jobs``; until then this module is the reference
implementation of the two performance paths the issue asks for, meant to move into kg/build.py:

* extraction over a ``fork`` process pool whose workers inherit the warmed-up pipeline (spaCy,
  jieba dictionary, Aho-Corasick automata: ~8 s to load) from the parent; each worker returns one
  document's N-Quads as bytes, so nothing but text crosses the process boundary;
* into an empty store, one ``Store.bulk_load`` of all documents' N-Quads (streamed through a
  temporary file); into a non-empty store, ``KGStore.replace_document`` per changed document (one
  atomic update each).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, serialize

from kg import __version__
from kg.corpus import iter_paths, read_document
from kg.extract import extract_document
from kg.mapping import MAPPING_VERSION, extraction_to_quads
from kg.store import open_store

PIPELINE = f"kg {__version__} mapping {MAPPING_VERSION}"


@dataclass
class DocResult:
    path: str
    doc_id: str
    chars: int
    nquads: bytes
    offices: list[tuple]


@dataclass
class BuildReport:
    documents: int = 0
    changed: int = 0
    chars: int = 0
    quads_bytes: int = 0
    extract_s: float = 0.0  # read + extract + map (wall, includes pool)
    store_s: float = 0.0
    total_s: float = 0.0
    bulk: bool = False
    offices: list[tuple] = field(default_factory=list)


def warm_up() -> None:
    """Load every lazy resource of the extractor once (before forking workers)."""
    from kg.corpus import parse_document

    extract_document(parse_document("本报讯 县政协主席王某主持会议。".encode(), "warm.txt"))


def process(path: str) -> DocResult:
    doc = read_document(path)
    ex = extract_document(doc)
    quads = extraction_to_quads(ex, doc)
    offices = [(doc.name, o.person, o.role, o.body.kind, o.body.division.name) for o in ex.offices]
    return DocResult(str(Path(path).resolve()), doc.id, len(doc.text), serialize(quads, format=RdfFormat.N_QUADS), offices)


def _results(paths: list[str], jobs: int):
    if jobs <= 1:
        for p in paths:
            yield process(p)
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs) as pool:
        yield from pool.imap_unordered(process, paths, chunksize=max(1, min(32, len(paths) // (jobs * 8) or 1)))


def _meta_quads(store, r: DocResult) -> list[Quad]:
    from kg.mapping import string
    from kg.dataset import now as _now
    from kg.vocab import DCTERMS, KG

    iris = store.iris
    doc = iris.doc(r.doc_id)
    return [
        Quad(doc, KG.sourcePath, string(r.path), iris.meta_graph),
        Quad(doc, KG.namedGraph, iris.doc_graph(r.doc_id), iris.meta_graph),
        Quad(doc, KG.pipeline, string(PIPELINE), iris.meta_graph),
        Quad(doc, DCTERMS.modified, _now(), iris.meta_graph),
    ]


def build(paths, store_dir: str | Path, jobs: int = 1, bulk: bool = True, keep_nquads: str | None = None) -> BuildReport:
    """Build (or update) the store at ``store_dir`` from ``paths``; see the module docstring."""
    t0 = time.perf_counter()
    rep = BuildReport()
    all_paths = [str(p) for p in iter_paths(paths)]
    rep.documents = len(all_paths)
    store = open_store(store_dir)
    try:
        store.ensure_background()
        stored = store.documents()
        fresh = not stored
        todo = []
        if fresh:
            todo = all_paths
        else:
            for p in all_paths:
                rec = stored.get(str(Path(p).resolve()))
                if rec is None or rec.pipeline != PIPELINE or rec.doc_id != read_document(p).id:
                    todo.append(p)
        rep.changed = len(todo)
        if todo:
            warm_up()  # before forking, so that workers share the loaded resources
        rep.bulk = fresh and bulk
        t_store = 0.0
        t1 = time.perf_counter()
        if rep.bulk:
            with tempfile.NamedTemporaryFile(suffix=".nq", dir=os.path.dirname(os.path.abspath(store_dir)) or ".", delete=False) as tmp:
                for r in _results(todo, jobs):
                    rep.chars += r.chars
                    rep.offices.extend(r.offices)
                    tmp.write(r.nquads)
                    tmp.write(serialize(_meta_quads(store, r), format=RdfFormat.N_QUADS))
                    rep.quads_bytes += len(r.nquads)
            rep.extract_s = time.perf_counter() - t1
            t2 = time.perf_counter()
            store.store.bulk_load(path=tmp.name, format=RdfFormat.N_QUADS)
            t_store = time.perf_counter() - t2
            if keep_nquads:
                os.replace(tmp.name, keep_nquads)
            else:
                os.unlink(tmp.name)
        else:
            from pyoxigraph import parse

            for r in _results(todo, jobs):
                rep.chars += r.chars
                rep.offices.extend(r.offices)
                rep.quads_bytes += len(r.nquads)
                t2 = time.perf_counter()
                quads = list(parse(r.nquads, format=RdfFormat.N_QUADS))
                previous = [rec for rec in stored.values() if rec.source_path == r.path or rec.doc_id == r.doc_id]
                store.replace_document(r.doc_id, r.path, quads, PIPELINE, previous)
                t_store += time.perf_counter() - t2
            rep.extract_s = time.perf_counter() - t1 - t_store
        rep.store_s = t_store
    finally:
        store.close()
    rep.total_s = time.perf_counter() - t0
    return rep
