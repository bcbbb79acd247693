"""Extraction mapped over a Dask cluster: ``kg build --executor dask://HOST:PORT`` (or ``dask`` for a
local cluster of ``--jobs`` worker processes).

Extraction is a pure function of one document plus the static resources, so the driver only plans
(which files are new or changed, see :mod:`kg.build`) and writes; the workers do the rest.
:class:`DaskExecutor` is one of the executors of :mod:`kg.executors`:

1. the items (documents the plan read, or paths) are cut into shards of ``shard_documents``;
2. each shard is one Dask task (:func:`extract_shard`): it runs the build's function on each item
   and writes the graphs as one N-Quads file ``shard-NNNNN.nq`` in a folder that the driver and
   the workers share (a local folder for a cluster on this machine, a shared file system
   otherwise), returning for each document its id, quad count and byte range in the shard (or
   the message of its failure);
3. the driver reads each shard back as it completes, in input order, and yields each document to
   the same writer as a local build.

A shard file is plain N-Quads of documents' named graphs, so it can also be loaded by any other
tool (``oxigraph load``, a Graph Store Protocol ``POST``). Workers load the extractor once per
process (a warm-up on every worker before the shards).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .executors import Extracted

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


def extract_shard(fn: Callable[[object], Extracted], items: list, out: str) -> tuple[str, list[ShardEntry]]:
    """(Runs on a worker.) ``fn`` on each item; the graphs go to the N-Quads file ``out``."""
    entries: list[ShardEntry] = []
    tmp = out + ".part"
    with open(tmp, "wb") as f:
        for item in items:
            result = fn(item)
            if result.error:
                entries.append(ShardEntry(result.path, error=result.error))
                continue
            start = f.tell()
            f.write(result.nquads)
            entries.append(ShardEntry(result.path, result.doc_id, result.count, start, start + len(result.nquads)))
    os.replace(tmp, out)
    return out, entries


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


class DaskExecutor:
    """Shards of items as Dask tasks on the cluster ``address`` (``dask`` for a local one of
    ``jobs`` workers); ``shard_dir`` is the folder the driver and workers share (default: a
    temporary folder on this machine)."""

    def __init__(self, address: str, jobs: int = 1, warm_up: Callable[[], object] | None = None,
                 shard_dir: str | Path | None = None, shard_documents: int | None = None):
        self.address = address
        self.jobs = jobs
        self.warm_up = warm_up
        self.shard_dir = shard_dir
        self.shard_documents = shard_documents or SHARD_DOCUMENTS

    def map(self, fn: Callable[[object], Extracted], items: Sequence) -> Iterator[Extracted]:
        if not items:
            return
        own_dir = self.shard_dir is None
        folder = Path(tempfile.mkdtemp(prefix="kg-shards-")) if own_dir else Path(self.shard_dir)
        folder.mkdir(parents=True, exist_ok=True)
        client, cluster = _client(self.address, self.jobs)
        try:
            if self.warm_up is not None:
                client.run(self.warm_up)
            n = self.shard_documents
            shards = [list(items[i:i + n]) for i in range(0, len(items), n)]
            futures = [client.submit(extract_shard, fn, shard, str(folder / f"shard-{k:05d}.nq"),
                                     key=f"kg-shard-{k:05d}-{os.getpid()}-{id(self)}", pure=False)
                       for k, shard in enumerate(shards)]
            for future in futures:
                out, entries = future.result()
                data = Path(out).read_bytes()
                for entry in entries:
                    if entry.error:
                        yield Extracted(entry.path, error=entry.error)
                    else:
                        yield Extracted(entry.path, entry.doc_id, data[entry.start:entry.end], entry.count)
                if own_dir:
                    os.unlink(out)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
            if own_dir:
                shutil.rmtree(folder, ignore_errors=True)
