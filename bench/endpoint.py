"""Figure 6: SPARQL endpoint throughput, ``kg serve`` against the ``oxigraph`` PyPI package's own
``oxigraph serve-read-only`` on the same store.

Both servers listen on 127.0.0.1 only and are measured one after the other (never at once: the
machine has 2 cores). The load generator is bounded: ``CLIENTS`` threads with keep-alive
connections, each sending the next request when the previous answer has been read in full, for
``SECONDS`` seconds after one warm-up request each; requests/s = answered requests / seconds. Every
answer must be 200 with the expected row count, or the run fails.

Two queries, each on both servers in the same run: ``SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10``
(the cost of the server itself) and the canned ``person`` lookup (the bound lookup most clients
make), its name given as a literal in the text, so both servers get the same SPARQL; its rows are
checked against ``kg.queries.run_query``.

The machine is shared (2 cores, other sessions' builds and tests), so the measurement is repeated
``ROUNDS`` times, the two servers alternating which goes first (kg, oxigraph; oxigraph, kg; ...),
each server started afresh per round; the figure gives the median of the rounds' req/s (and of
their latency percentiles), the ratio of the medians, the range of the per-round ratios and the
1-minute load average of the machine before each round.

Then ``starved``: the cheap query from one client while ``SLOW_CLIENTS`` clients send a query that
runs until the timeout, on ``kg serve`` alone (Oxigraph's server has no timeout to compare with):
req/s and refusals of the cheap client (issue 12, item 9); with no slow client first, for the
baseline, and with more slow clients than ``--workers``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

CLIENTS = 4
SECONDS = 8.0
QUERY = "person"
LIMIT10 = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SLOW_CLIENTS = (0, 2, 3)
ROUNDS = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _wait(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    import requests

    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start")


def _tree_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) so far of process ``pid`` and its live descendants."""
    if pid is None:
        return None
    import psutil

    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.NoSuchProcess:
        return None
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def load(url: str, sparql: str, expect_rows: int, clients: int = CLIENTS, seconds: float = SECONDS,
         pid: int | None = None) -> dict:
    """Bounded closed-loop load: ``clients`` threads, one request in flight each. With ``pid``
    (the server's process), also the server's CPU per answered request (its process tree), which
    other load on a shared machine disturbs much less than requests/s."""
    import requests

    headers = {"Accept": "application/sparql-results+json"}
    counts = [0] * clients
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    stop = threading.Event()
    start = threading.Barrier(clients + 1)

    def one(session) -> None:
        r = session.get(url, params={"query": sparql}, headers=headers, timeout=30)
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code}: {r.text[:200]}")
        n = len(r.json()["results"]["bindings"])
        if n != expect_rows:
            raise RuntimeError(f"{n} rows, expected {expect_rows}")

    def client(i: int) -> None:
        with requests.Session() as session:
            try:
                one(session)  # warm-up: connection, server caches
            except Exception as e:  # noqa: BLE001
                errors.append(str(e))
            start.wait()
            while not stop.is_set():
                t0 = time.perf_counter()
                try:
                    one(session)
                except Exception as e:  # noqa: BLE001
                    errors.append(str(e))
                    return
                latencies[i].append(time.perf_counter() - t0)
                counts[i] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    cpu0 = _tree_cpu(pid)
    t0 = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    cpu1 = _tree_cpu(pid)
    if errors:
        raise RuntimeError(f"{url}: {errors[0]}")
    from .harness import percentile

    lat = sorted(x for xs in latencies for x in xs)
    cpu_ms = (cpu1 - cpu0) * 1000 / sum(counts) if cpu0 is not None and cpu1 is not None and sum(counts) else None
    return dict(requests=sum(counts), seconds=elapsed, rps=sum(counts) / elapsed,
                p50_ms=percentile(lat, .5) * 1000, p95_ms=percentile(lat, .95) * 1000, cpu_ms=cpu_ms)


def starved(url: str, cheap: str, seconds: float = SECONDS, slow_clients: int = 2) -> dict:
    """One client sending ``cheap`` in a closed loop while ``slow_clients`` send ``SLOW``."""
    import requests

    headers = {"Accept": "application/sparql-results+json"}
    stop = threading.Event()
    slow_answers: list[int] = []

    def slow() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                slow_answers.append(session.get(url, params={"query": SLOW}, headers=headers, timeout=60).status_code)

    threads = [threading.Thread(target=slow, daemon=True) for _ in range(slow_clients)]
    for t in threads:
        t.start()
    if slow_clients:
        time.sleep(1.0)  # the slow queries hold their workers
    ok = refused = 0
    lat: list[float] = []
    t0 = time.perf_counter()
    with requests.Session() as session:
        while time.perf_counter() - t0 < seconds:
            t1 = time.perf_counter()
            r = session.get(url, params={"query": cheap}, headers=headers, timeout=60)
            if r.status_code == 200:
                ok += 1
                lat.append(time.perf_counter() - t1)
            else:
                refused += 1
    elapsed = time.perf_counter() - t0
    stop.set()
    for t in threads:
        t.join()
    from .harness import percentile

    lat.sort()
    return dict(slow_clients=slow_clients, seconds=elapsed, rps=ok / elapsed, refused=refused,
                p50_ms=percentile(lat, .5) * 1000 if lat else None, p95_ms=percentile(lat, .95) * 1000 if lat else None,
                slow_answers=len(slow_answers))


def fig_endpoint(work: Path, offices: int, seed: int) -> dict:
    from kg.queries import load_query, run_query

    from .queries import make_store

    st, info = make_store(work, offices, seed)
    store_dir = Path(st.path)
    try:
        row = next(iter(st.query("SELECT ?name WHERE { ?o a org:Membership ; kg:holderName ?name } LIMIT 1")))
        name = row["name"].value
        q = load_query(QUERY)
        expect = sum(1 for _ in run_query(st, q, {"name": name}))
    finally:
        st.close()
    # the same query text for both servers: the name as a literal (no parameter binding over HTTP)
    sparql = q.text.replace("WHERE {", "WHERE {\n  VALUES ?name { " + json.dumps(name, ensure_ascii=False) + "@zh }", 1)

    queries = {"limit10": (LIMIT10, 10), QUERY: (sparql, expect)}
    out = dict(offices=offices, query=QUERY, clients=CLIENTS, seconds=SECONDS, rows=expect, rounds=ROUNDS, **info,
               queries={name: {"rows": rows, "kg_rounds": [], "oxigraph_rounds": []}
                        for name, (_, rows) in queries.items()},
               load_average=[])
    log = open(work / "endpoint-servers.log", "wb")  # a pipe nobody reads would block the servers
    oxigraph = shutil.which("oxigraph")
    servers = ["kg"] + (["oxigraph"] if oxigraph else [])
    try:
        for r in range(ROUNDS):
            out["load_average"].append(round(os.getloadavg()[0], 2))
            for server in servers if r % 2 == 0 else servers[::-1]:
                with _serving(server, store_dir, log, oxigraph) as (url, pid):
                    for name, (text, rows) in queries.items():
                        out["queries"][name][f"{server}_rounds"].append(load(url, text, rows, pid=pid))
        with _serving("kg", store_dir, log, oxigraph) as (url, _):
            out["starved_runs"] = [starved(url, LIMIT10, slow_clients=n) for n in SLOW_CLIENTS]
    finally:
        log.close()
        shutil.rmtree(store_dir, ignore_errors=True)
    out["starved"] = next((x for x in out["starved_runs"] if x["slow_clients"] == 2), None)
    for q in out["queries"].values():
        for server in servers:
            q[server] = _median(q[f"{server}_rounds"])
        if oxigraph:
            q["ratio"] = q["kg"]["rps"] / q["oxigraph"]["rps"]
            q["cpu_ratio"] = q["oxigraph"]["cpu_ms"] / q["kg"]["cpu_ms"] if q["kg"]["cpu_ms"] else None
            q["ratios"] = [k["rps"] / o["rps"] for k, o in zip(q["kg_rounds"], q["oxigraph_rounds"])]
    out["kg"] = out["queries"][QUERY]["kg"]
    if oxigraph:
        out["oxigraph"] = out["queries"][QUERY]["oxigraph"]
        out["ratio"] = out["queries"][QUERY]["ratio"]
    else:
        out["oxigraph"] = None
        out["note"] = "the `oxigraph` command (PyPI package oxigraph) is not installed"
    return out


def _median(runs: list[dict]) -> dict:
    from statistics import median

    return {key: median(run[key] for run in runs) if all(run.get(key) is not None for run in runs) else None
            for key in ("requests", "seconds", "rps", "p50_ms", "p95_ms", "cpu_ms")}


class _serving:
    """``with _serving("kg" | "oxigraph", store_dir, log, oxigraph) as (url, pid)``: a fresh server
    on 127.0.0.1 for the block; ``url`` is its query endpoint, ``pid`` its process."""

    def __init__(self, server: str, store_dir: Path, log, oxigraph: str | None):
        self.server, self.store_dir, self.log, self.oxigraph = server, store_dir, log, oxigraph

    def __enter__(self) -> tuple[str, int]:
        port = _free_port()
        if self.server == "kg":
            cmd = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "serve",
                   "--store", str(self.store_dir), "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
                   "--max-rows", "100000"]
            url = f"http://127.0.0.1:{port}/sparql"
        else:
            cmd = [self.oxigraph, "serve-read-only", "--location", str(self.store_dir), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph"]
            url = f"http://127.0.0.1:{port}/query"
        self.proc = subprocess.Popen(cmd, env=dict(os.environ), stdout=self.log, stderr=subprocess.STDOUT)
        try:
            _wait(url + "?query=ASK%7B%7D", self.proc)
        except BaseException:
            _stop(self.proc)
            raise
        return url, self.proc.pid

    def __exit__(self, *exc) -> None:
        _stop(self.proc)
