"""Where extraction runs: in this process, in a ``fork`` pool, or on a Dask cluster.

An executor maps a picklable function over a list of items and yields the results in the items'
order, so that the writer sees documents in input order whatever ran them. Settings travel with
the function (``functools.partial``), never through module state. :func:`kg.build.build` picks
one with :func:`executor_for`; extraction's unit of work is :class:`Extracted`.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass, field
from typing import Callable, Iterator, Protocol, Sequence

from .errors import UsageError


@dataclass(frozen=True)
class Extracted:
    """One document read, extracted and mapped: its id and graph as N-Quads, or why it failed."""

    path: str
    doc_id: str = ""
    nquads: bytes = field(default=b"", repr=False)
    count: int = 0  # quads in ``nquads``
    error: str = ""


class Executor(Protocol):
    def map(self, fn: Callable, items: Sequence) -> Iterator: ...


class Serial:
    """In this process, one item after the other."""

    def map(self, fn: Callable, items: Sequence) -> Iterator:
        return map(fn, items)


class ForkPool:
    """``jobs`` worker processes forked from this one after ``warm_up`` ran, so that they share
    what it loaded (lexicons, automata, spaCy) copy-on-write."""

    def __init__(self, jobs: int, warm_up: Callable[[], object] | None = None):
        self.jobs = jobs
        self.warm_up = warm_up

    def map(self, fn: Callable, items: Sequence) -> Iterator:
        if self.jobs <= 1 or len(items) < 2:
            yield from map(fn, items)
            return
        if self.warm_up is not None:
            self.warm_up()
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(16, len(items) // (self.jobs * 4)))
        with context.Pool(min(self.jobs, len(items))) as pool:
            yield from pool.imap(fn, items, chunksize=chunk)


def executor_for(name: str | None, jobs: int, warm_up: Callable[[], object] | None = None) -> Executor:
    """``None``: a :class:`ForkPool` of ``jobs`` (serial for 1); ``dask``, ``dask://HOST:PORT`` or
    ``tcp://HOST:PORT``: :class:`kg.distributed.DaskExecutor`.

    :raises UsageError: another name.
    """
    if name is None:
        return ForkPool(jobs, warm_up) if jobs > 1 else Serial()
    if name == "dask" or name.startswith(("dask://", "tcp://")):
        from .distributed import DaskExecutor

        return DaskExecutor(name, jobs, warm_up)
    raise UsageError(f"executor {name!r}: expected dask://HOST:PORT, tcp://HOST:PORT or dask (a local cluster)")
