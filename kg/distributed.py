"""Extraction mapped over a Dask cluster: ``kg build --executor dask://HOST:PORT`` (or ``dask`` for a
local cluster of ``--jobs`` worker processes).

Extraction is a pure function of one document plus the static resources, so the driver only plans
(which files are new or changed, see :mod:`kg.build`) and writes the store; the workers do the rest:

1. the files to extract are cut into shards of :data:`SHARD_DOCUMENTS` paths;
2. each shard is one Dask task (:func:`extract_shard`): it reads, extracts and maps its documents
   and writes their graphs as one N-Quads file ``shard-NNNNN.nq`` in a folder that the driver and
   the workers share (a local folder next to the store for a cluster on this machine, a shared
   file system otherwise), returning for each document its id, quad count and byte range in the
   shard (or the message of its failure);
3. the driver reads each shard back as it completes, in input order, and hands each document's
   N-Quads to the same writer as a local build: one bulk load of every shard for the first build
   into an empty store, one atomic ``replace_document`` per changed document otherwise.

A shard file is plain N-Quads of documents' named graphs, so it can also be loaded by any other
tool (``oxigraph load``, a Graph Store Protocol ``POST``). Workers load the extractor once per
process (a warm-up task per worker before the shards).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

#: Documents per task: big enough that task overhead (~1 ms) is noise, small enough to balance.
SHARD_DOCUMENTS = 64


@dataclass(frozen=True)
class ShardEntry:
    """One document of a shard: where its N-Quads are in the shard file, or why it failed."""

    path: str
    doc_id: str = ""
    count: int = 0
    start: int = 0
    end: int = 0
    error: str = ""


def extract_shard(paths: list[str], base: str, strict: bool, out: str) -> tuple[str, list[ShardEntry]]:
    """(Runs on a worker.) Read, extract and map ``paths``; write their N-Quads to ``out``."""
    from .build import _prepare_one

    entries: list[ShardEntry] = []
    tmp = out + ".part"
    with open(tmp, "wb") as f:
        for path in paths:
            result = _prepare_one(path, base, strict)
            if result.error:
                entries.append(ShardEntry(path, error=result.error))
                continue
            data = result.serialised()
            start = f.tell()
            f.write(data)
            entries.append(ShardEntry(path, result.doc_id, result.count, start, start + len(data)))
    os.replace(tmp, out)
    return out, entries


def warm_up() -> bool:
    """(Runs on each worker.) Load the extractor's resources once per worker process."""
    from .build import _warm_up

    _warm_up()
    return True


def _client(executor: str, jobs: int):
    """A distributed Client for ``dask://host:port`` / ``tcp://host:port``, or a LocalCluster of
    ``jobs`` single-threaded worker processes for ``dask`` / ``dask://local``."""
    from dask.distributed import Client, LocalCluster

    address = executor.split("://", 1)[1] if "://" in executor else ""
    if address in ("", "local"):
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        return Client(cluster), cluster
    return Client(address if "://" in address or ":" not in address else f"tcp://{address}"), None


def dask_results(todo: list[tuple[Path, str]], base: str, strict: bool, executor: str, jobs: int,
                 shard_dir: str | Path | None = None) -> Iterator[tuple[Path, str, object]]:
    """Yield ``(path, absolute path, kg.build._Result)`` for each document of ``todo`` in order,
    extracted shard by shard on the Dask cluster ``executor``."""
    from .build import _Result

    if not todo:
        return
    own_dir = shard_dir is None
    folder = Path(tempfile.mkdtemp(prefix="kg-shards-")) if own_dir else Path(shard_dir)
    folder.mkdir(parents=True, exist_ok=True)
    client, cluster = _client(executor, jobs)
    try:
        client.run(warm_up)
        shards = [todo[i:i + SHARD_DOCUMENTS] for i in range(0, len(todo), SHARD_DOCUMENTS)]
        futures = [
            client.submit(extract_shard, [str(p) for p, _ in shard], base, strict,
                          str(folder / f"shard-{k:05d}.nq"), key=f"kg-shard-{k:05d}-{os.getpid()}", pure=False)
            for k, shard in enumerate(shards)
        ]
        for shard, future in zip(shards, futures):
            out, entries = future.result()
            data = Path(out).read_bytes()
            for (path, absolute), entry in zip(shard, entries):
                if entry.error:
                    yield path, absolute, _Result(entry.path, error=entry.error)
                else:
                    yield path, absolute, _Result(entry.path, entry.doc_id, None, data[entry.start:entry.end],
                                                  entry.count)
            if own_dir:
                os.unlink(out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(folder, ignore_errors=True)
