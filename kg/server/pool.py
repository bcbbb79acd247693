"""A small pool of query worker processes, each holding the store read-only.

Why processes: pyoxigraph's ``Store.query`` cannot be cancelled. It releases the GIL, so a thread
would not block the server, but a runaway query would keep a core busy (and a thread) for as long
as it runs. A process can be killed. So every query runs in a worker process; the server waits
for its answer at most ``timeout`` seconds, then kills the worker (SIGKILL), starts a fresh one in
its place and answers 503. Workers serialise the whole answer before sending it, so a response is
either complete or a refusal, never a truncated 200.

Beside the ``size`` workers the pool keeps one *quick* worker (unless ``quick`` is 0): a job runs
there only when every other worker is busy, and is stopped after ``quick`` seconds. So clients
whose heavy queries hold every worker cannot starve the rest: a cheap lookup still finds the quick
worker, and a heavy query that lands there is stopped soon (503) instead of holding it.

A query that was stopped for running long (on any worker) is remembered for ``HEAVY_FOR`` seconds
by its text (the caller's ``key``): sent again, it waits for one of the ``size`` workers and never
takes the quick one. So clients repeating a heavy query, more of them than there are workers,
share the ``size`` workers among themselves, and the quick worker stays with everyone else.

The server waits for a worker's answer on the event loop itself (``add_reader`` on the pipe), not
in a thread: no thread hop and no GIL hand-off per query. A new worker joins the pool only when it
says it is ready (store open), so no job pays for a worker's start-up.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field

from . import problems
from .problems import Problem
from .worker import main as worker_main

# "spawn": a fresh interpreter, safe whatever threads the server (uvicorn, asyncio) runs.
_CTX = mp.get_context("spawn")

#: seconds a new worker may take to open the store and say it is ready
START_TIMEOUT = 60.0
#: seconds a query stopped for running long is kept off the quick worker, and how many are kept
HEAVY_FOR = 600.0
HEAVY_KEPT = 4096


def job_key(*parts) -> str:
    """A short key for a job (a query's text and dataset): a hash, so that remembering thousands
    of long queries costs little.

    >>> job_key("SELECT * {}", None, None) == job_key("SELECT * {}", None, None) != job_key("ASK {}", None, None)
    True
    """
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass(eq=False)  # hashable by identity: kept in a set
class _Worker:
    process: mp.process.BaseProcess
    conn: object
    quick: bool = False  # the worker kept for quick jobs
    started: float = field(default_factory=time.monotonic)

    def kill(self) -> None:
        """Kill the process (it is reaped later, see :meth:`reap`)."""
        try:
            self.process.kill()
        finally:
            self.conn.close()

    def reap(self) -> None:
        self.process.join(5)


async def _readable(conn, timeout: float) -> bool:
    """Wait on the event loop until ``conn`` has something to read (an answer, or EOF when the
    worker died); False after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
    try:
        await asyncio.wait_for(ready, timeout)
        return True
    except asyncio.TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)
        os.set_blocking(fd, True)  # uvloop made it non-blocking; recv() of a long answer needs it blocking


class QueryPool:
    """``size`` worker processes over the store at ``store_path``, and a quick one (``quick`` > 0).

    ``await pool.run(job, timeout=..., **kwargs)`` returns the job's value.

    :raises Problem: 503 on timeout (the worker is killed and replaced), when every worker stays
        busy longer than the timeout, or when a worker dies; the job's own refusals (400, 406 ...).
    """

    def __init__(self, store_path: str, size: int = 2, timeout: float = 5.0, allow_service: tuple[str, ...] = (),
                 quick: float = 1.0):
        self.store_path = str(store_path)
        self.allow_service = tuple(allow_service)
        self.size = size
        self.timeout = timeout
        self.quick = quick
        self._idle: list[_Worker] = []
        #: jobs waiting for a worker: (future, may it take the quick worker?)
        self._waiters: collections.deque[tuple[asyncio.Future, bool]] = collections.deque()
        #: keys of jobs stopped for running long -> when (monotonic), oldest first
        self._heavy: collections.OrderedDict[str, float] = collections.OrderedDict()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task] = set()
        self._started = False
        self.killed = 0  # workers killed for running too long (for tests and /status)
        self.quick_stopped = 0  # of those, jobs stopped on the quick worker

    # -- workers -------------------------------------------------------------------------------

    def _spawn(self, quick: bool) -> _Worker:
        parent, child = _CTX.Pipe()
        process = _CTX.Process(target=worker_main, args=(child, self.store_path, self.allow_service), daemon=True,
                               name="kg-query-worker-quick" if quick else "kg-query-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent, quick)
        self._all.add(worker)
        return worker

    async def _ready(self, worker: _Worker) -> None:
        """Wait for the worker's "ready" (it opened the store).

        :raises RuntimeError: it did not start (no store, a crash).
        """
        if await _readable(worker.conn, START_TIMEOUT):
            try:
                if worker.conn.recv() == ("ready",):
                    return
            except (EOFError, OSError):
                pass
        self._all.discard(worker)
        worker.kill()
        raise RuntimeError(f"a query worker over {self.store_path} did not start")

    async def _start_one(self, quick: bool) -> None:
        worker = self._spawn(quick)
        await self._ready(worker)
        self._release(worker)

    async def start(self) -> None:
        self._started = True
        kinds = [False] * self.size + ([True] if self.quick > 0 else [])
        await asyncio.gather(*(self._start_one(quick) for quick in kinds))

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._all):
            worker.kill()
        for worker in list(self._all):
            await asyncio.to_thread(worker.reap)
        self._all.clear()
        self._idle.clear()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another of its kind in the background (it joins when ready)."""
        self._all.discard(worker)
        worker.kill()

        async def replace():
            await asyncio.to_thread(worker.reap)
            while True:
                try:
                    return await self._start_one(worker.quick)
                except RuntimeError:
                    await asyncio.sleep(1)  # the store is being rebuilt, or the machine is short of memory

        task = asyncio.get_running_loop().create_task(replace())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- lending workers -----------------------------------------------------------------------

    def _release(self, worker: _Worker) -> None:
        """Hand ``worker`` to the longest-waiting job that may take it, or keep it idle."""
        for entry in list(self._waiters):
            waiter, any_worker = entry
            if waiter.done():
                self._waiters.remove(entry)
            elif any_worker or not worker.quick:
                self._waiters.remove(entry)
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _take_idle(self, any_worker: bool = True) -> _Worker | None:
        for worker in self._idle:  # a regular worker first; the quick one only when none is idle
            if not worker.quick:
                self._idle.remove(worker)
                return worker
        return self._idle.pop() if self._idle and any_worker else None

    def is_heavy(self, key: str | None) -> bool:
        """Was a job of this ``key`` stopped for running long in the last ``HEAVY_FOR`` seconds?"""
        if key is None:
            return False
        when = self._heavy.get(key)
        if when is not None and time.monotonic() - when > HEAVY_FOR:
            del self._heavy[key]
            return False
        return when is not None

    def _mark_heavy(self, key: str | None) -> None:
        if key is None:
            return
        self._heavy[key] = time.monotonic()
        self._heavy.move_to_end(key)
        while len(self._heavy) > HEAVY_KEPT:
            self._heavy.popitem(last=False)

    async def _acquire(self, timeout: float, any_worker: bool = True) -> _Worker:
        worker = self._take_idle(any_worker)
        if worker is not None:
            return worker
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append((waiter, any_worker))
        try:
            done, _ = await asyncio.wait({waiter}, timeout=timeout)
        except asyncio.CancelledError:  # the client went away while waiting
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())
            waiter.cancel()
            raise
        if not done:
            waiter.cancel()
            raise problems.busy(timeout) if any_worker else problems.busy_heavy(timeout, self.size)
        return waiter.result()

    async def run(self, job: str, timeout: float | None = None, key: str | None = None, **kwargs):
        """Run ``job`` on a worker; ``key`` names the job (a query's text and dataset) so that one
        stopped for running long is kept off the quick worker next time."""
        if not self._started:
            raise RuntimeError("QueryPool.start() was not awaited")
        timeout = self.timeout if timeout is None else timeout
        worker = await self._acquire(timeout, any_worker=not self.is_heavy(key))
        limit = min(timeout, self.quick) if worker.quick else timeout
        healthy = False
        try:
            worker.conn.send((job, kwargs))
            if not await _readable(worker.conn, limit):
                self.killed += 1
                self._mark_heavy(key)
                if worker.quick and limit < timeout:
                    self.quick_stopped += 1
                    raise problems.quick_stopped(limit, self.size)
                raise problems.timeout(timeout)
            reply = worker.conn.recv()
            healthy = True
        except (EOFError, OSError) as e:
            raise problems.worker_died(type(e).__name__) from None
        finally:
            if healthy:
                self._release(worker)
            else:  # timed out, died, or the request was cancelled mid-query: never reuse it
                self._replace(worker)
        if reply[0] == "ok":
            return reply[1]
        raise Problem(reply[1], reply[2])
