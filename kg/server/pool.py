"""A small pool of query worker processes, each holding the store read-only.

Why processes: pyoxigraph's ``Store.query`` cannot be cancelled. It releases the GIL, so a thread
would not block the server, but a runaway query would keep a core busy (and a thread) for as long
as it runs. A process can be killed. So every query runs in a worker process; the server waits
for its answer at most ``timeout`` seconds, then kills the worker (SIGKILL), starts a fresh one in
its place and answers 503. Workers serialise the whole answer before sending it, so a response is
either complete or a refusal, never a truncated 200.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import time
from dataclasses import dataclass, field

from . import problems
from .problems import Problem
from .worker import main as worker_main

# "spawn": a fresh interpreter, safe whatever threads the server (uvicorn, asyncio) runs.
_CTX = mp.get_context("spawn")


def _answer(conn, timeout: float):
    """(True, the worker's reply), or (False, None) when none came within ``timeout`` seconds."""
    if not conn.poll(timeout):
        return False, None
    return True, conn.recv()


@dataclass(eq=False)  # hashable by identity: kept in a set
class _Worker:
    process: mp.process.BaseProcess
    conn: object
    started: float = field(default_factory=time.monotonic)

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(5)
        finally:
            self.conn.close()


class QueryPool:
    """``size`` worker processes over the store at ``store_path``.

    ``await pool.run(job, timeout=..., **kwargs)`` returns the job's value.

    :raises Problem: 503 on timeout (the worker is killed and replaced), when every worker stays
        busy longer than the timeout, or when a worker dies; the job's own refusals (400, 406 ...).
    """

    def __init__(self, store_path: str, size: int = 2, timeout: float = 5.0, allow_service: tuple[str, ...] = ()):
        self.store_path = str(store_path)
        self.allow_service = tuple(allow_service)
        self.size = size
        self.timeout = timeout
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self.killed = 0  # workers killed for running too long (for tests and /status)

    def _spawn(self) -> _Worker:
        parent, child = _CTX.Pipe()
        process = _CTX.Process(target=worker_main, args=(child, self.store_path, self.allow_service), daemon=True,
                               name="kg-query-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    async def close(self) -> None:
        for worker in list(self._all):
            await asyncio.to_thread(worker.kill)
        self._all.clear()

    def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()
        self._idle.put_nowait(self._spawn())

    async def run(self, job: str, timeout: float | None = None, **kwargs):
        if self._idle is None:
            raise RuntimeError("QueryPool.start() was not awaited")
        timeout = self.timeout if timeout is None else timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            raise problems.busy(timeout) from None
        healthy = False
        try:
            worker.conn.send((job, kwargs))
            # poll() and recv() block: run them in a thread so that the event loop stays free
            # (one thread hop per request, not two: it is a good part of a short query's cost)
            ready, reply = await asyncio.to_thread(_answer, worker.conn, timeout)
            if not ready:
                self.killed += 1
                raise problems.timeout(timeout)
            healthy = True
        except (EOFError, OSError, BrokenPipeError) as e:
            raise problems.worker_died(type(e).__name__) from None
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:  # timed out, died, or the request was cancelled mid-query: never reuse it
                await asyncio.to_thread(self._replace, worker)
        if reply[0] == "ok":
            return reply[1]
        raise Problem(reply[1], reply[2])
