"""Extraction mapped over Dask (kg.distributed): a LocalCluster at tiny size gives the same graphs
as a local build, through per-shard N-Quads files."""

from __future__ import annotations

import shutil

import pytest

from kg.build import build
from kg.store import open_store

distributed = pytest.importorskip("dask.distributed")


def doc_graphs(store_dir) -> dict[str, set]:
    with open_store(store_dir, read_only=True) as store:
        out: dict[str, set] = {}
        for q in store.store:
            if "/graph/doc/" in q.graph_name.value:
                out.setdefault(q.graph_name.value, set()).add((q.subject, q.predicate, q.object))
        return out


def test_dask_local_cluster_builds_the_same_graphs(seeds_dir, tmp_path, monkeypatch):
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "SHARD_DOCUMENTS", 2)  # 5 seeds -> 3 shards
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    local = build([corpus], tmp_path / "local")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    try:
        report = build([corpus], tmp_path / "dask", executor=cluster.scheduler_address.replace("tcp://", "dask://"))
        assert (report.written, report.failed) == (local.written, ())
        assert doc_graphs(tmp_path / "dask") == doc_graphs(tmp_path / "local")

        # a changed file goes through the cluster too and replaces its own graph only
        target = sorted(corpus.glob("*.txt"))[0]
        target.write_text(target.read_text(encoding="utf-8") + "\n会议强调，要切实加强委员队伍建设。\n", encoding="utf-8")
        again = build([corpus], tmp_path / "dask", executor=cluster.scheduler_address)
        assert (again.written, again.unchanged) == (1, 4)
    finally:
        cluster.close()


def test_shard_files_are_plain_nquads(seeds_dir, tmp_path):
    from pyoxigraph import RdfFormat, parse

    from functools import partial

    from kg.build import extract_item
    from kg.distributed import extract_shard
    from kg.mapping import DEFAULT_BASE

    paths = [str(p) for p in sorted(seeds_dir.glob("*.txt"))[:2]] + [str(tmp_path / "missing.txt")]
    fn = partial(extract_item, base=DEFAULT_BASE, strict=False)
    out, entries = extract_shard(fn, [(p, None) for p in paths], str(tmp_path / "shard-00000.nq"))
    quads = list(parse(path=out, format=RdfFormat.N_QUADS))
    assert len(quads) == sum(e.count for e in entries) > 0
    assert entries[2].error and not entries[0].error
    assert {q.graph_name.value.rsplit("/", 1)[-1] for q in quads} == {e.doc_id for e in entries[:2]}


def test_unknown_executor_is_refused(tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError):
        build([tmp_path], tmp_path / "s", executor="spark://x")
