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

Then ``starved``: the cheap query from one client while ``SLOW_CLIENTS`` clients send a query that
runs until the timeout, on ``kg serve`` alone (Oxigraph's server has no timeout to compare with):
req/s and refusals of the cheap client (issue 12, item 9).
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
SLOW_CLIENTS = 2


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


def load(url: str, sparql: str, expect_rows: int, clients: int = CLIENTS, seconds: float = SECONDS) -> dict:
    """Bounded closed-loop load: ``clients`` threads, one request in flight each."""
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
    t0 = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    if errors:
        raise RuntimeError(f"{url}: {errors[0]}")
    from .harness import percentile

    lat = sorted(x for xs in latencies for x in xs)
    return dict(requests=sum(counts), seconds=elapsed, rps=sum(counts) / elapsed,
                p50_ms=percentile(lat, .5) * 1000, p95_ms=percentile(lat, .95) * 1000)


def starved(url: str, cheap: str, seconds: float = SECONDS, slow_clients: int = SLOW_CLIENTS) -> dict:
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
    out = dict(offices=offices, query=QUERY, clients=CLIENTS, seconds=SECONDS, rows=expect, **info, queries={})
    env = dict(os.environ)
    log = open(work / "endpoint-servers.log", "wb")  # a pipe nobody reads would block the servers
    # kg serve
    port = _free_port()
    kg = subprocess.Popen([sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", "serve",
                           "--store", str(store_dir), "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
                           "--max-rows", "100000"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", kg)
        for name, (text, rows) in queries.items():
            out["queries"][name] = {"rows": rows, "kg": load(f"http://127.0.0.1:{port}/sparql", text, rows)}
        out["kg"] = out["queries"][QUERY]["kg"]
        out["starved"] = starved(f"http://127.0.0.1:{port}/sparql", LIMIT10)
    finally:
        _stop(kg)
    # oxigraph serve-read-only
    oxigraph = shutil.which("oxigraph")
    if oxigraph is None:
        out["oxigraph"] = None
        out["note"] = "the `oxigraph` command (PyPI package oxigraph) is not installed"
    else:
        port = _free_port()
        ox = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(store_dir), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", ox)
            for name, (text, rows) in queries.items():
                q = out["queries"][name]
                q["oxigraph"] = load(f"http://127.0.0.1:{port}/query", text, rows)
                q["ratio"] = q["kg"]["rps"] / q["oxigraph"]["rps"]
        finally:
            _stop(ox)
        out["oxigraph"] = out["queries"][QUERY]["oxigraph"]
        out["ratio"] = out["kg"]["rps"] / out["oxigraph"]["rps"]
    log.close()
    shutil.rmtree(store_dir, ignore_errors=True)
    return out
