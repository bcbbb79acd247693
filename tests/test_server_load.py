"""`kg serve` under load and behind caches (issue 12, items 9 and 11), against real running servers:
a cheap query is answered while heavy ones hold every worker; GET answers carry an ETag from the
store's last change and a Cache-Control, and a client that has the tag gets 304 until the store
changes."""

from __future__ import annotations

import concurrent.futures as cf
import time
from pathlib import Path

import requests

from kg.server import ServerConfig
from kg.server.testing import running_server
from kg.store import open_store
from test_server import EXPENSIVE, _bindings, _evil_document, config, served_store, server, sparql  # noqa: F401

CHEAP = "ASK { ?s ?p ?o }"


def _heavy(tag: str) -> str:
    """A heavy query no earlier test sent (the server remembers the text of a query it stopped)."""
    return f"{EXPENSIVE} # {tag}"


def _settle():
    """Give workers killed by an earlier test time to be replaced (a new one joins when ready)."""
    time.sleep(2.0)


def test_a_cheap_query_is_answered_while_heavy_ones_hold_every_worker(server, config):
    assert config.quick > 0
    _settle()
    with cf.ThreadPoolExecutor(config.workers) as ex:
        heavy = [ex.submit(sparql, server, _heavy("cheap answered")) for _ in range(config.workers)]
        time.sleep(0.5)  # every regular worker now runs a heavy query
        times = []
        for _ in range(5):
            t0 = time.monotonic()
            r = sparql(server, CHEAP)
            times.append(time.monotonic() - t0)
            assert r.status_code == 200 and r.json()["boolean"] is True
        # answered by the quick worker, long before the heavy ones end
        assert max(times) < config.quick, times
        assert [h.result().status_code for h in heavy] == [503] * config.workers


def test_a_heavy_query_on_the_quick_worker_is_stopped_soon(server, config):
    _settle()
    with cf.ThreadPoolExecutor(config.workers + 1) as ex:
        heavy = [ex.submit(sparql, server, _heavy("stopped soon")) for _ in range(config.workers)]
        time.sleep(0.5)
        t0 = time.monotonic()
        third = sparql(server, _heavy("stopped soon, the third"))
        elapsed = time.monotonic() - t0
        assert third.status_code == 503 and "quick queries" in third.text, third.text
        assert config.quick <= elapsed < config.timeout
        assert [h.result().status_code for h in heavy] == [503] * config.workers
    # the stopped workers were replaced: cheap queries go on
    for _ in range(config.workers + 2):
        assert sparql(server, CHEAP).status_code == 200


def test_more_heavy_clients_than_workers_leave_the_quick_worker_alone(server, config):
    """Clients repeating a heavy query, one more of them than there are workers: once stopped, the
    query no longer takes the quick worker, so a cheap query is answered quickly all along."""
    _settle()
    query = _heavy("repeated")
    assert sparql(server, query).status_code == 503  # stopped once: remembered as heavy
    _settle()
    stop = time.monotonic() + 3 * config.timeout
    answers: list[str] = []

    def repeat():
        while time.monotonic() < stop:
            answers.append(sparql(server, query).text)

    with cf.ThreadPoolExecutor(config.workers + 1) as ex:
        clients = [ex.submit(repeat) for _ in range(config.workers + 1)]
        time.sleep(0.5)
        times = []
        while time.monotonic() < stop:
            t0 = time.monotonic()
            r = sparql(server, CHEAP)
            times.append(time.monotonic() - t0)
            assert r.status_code == 200, r.text
        for c in clients:
            c.result()
    times.sort()
    assert len(times) > 20 and times[len(times) // 2] < 0.2 and times[-1] < config.quick, times
    assert not any("quick queries" in a and "was stopped" in a for a in answers), answers
    assert any("does not take the worker kept for quick queries" in a for a in answers), answers


def _tagged(server, query, **headers):
    return requests.get(server + "/sparql", params={"query": query}, timeout=30,
                        headers={"Accept": "application/sparql-results+json", **headers})


def test_answers_carry_an_etag_and_304_while_the_store_is_unchanged(server):
    r = _tagged(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert r.status_code == 200
    tag = r.headers["ETag"]
    assert tag.startswith('"') and r.headers["Cache-Control"] == "public, no-cache" and "Accept" in r.headers["Vary"]
    again = _tagged(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3", **{"If-None-Match": tag, "Origin": "https://a.example"})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == tag
    assert again.headers["Access-Control-Allow-Origin"] == "*"
    # another query, or another format of the same one, is another representation: another tag
    assert _tagged(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 4").headers["ETag"] != tag
    csv = requests.get(server + "/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"},
                       headers={"Accept": "text/csv", "If-None-Match": tag}, timeout=30)
    assert csv.status_code == 200 and csv.headers["ETag"] != tag
    # pages too; errors are not tagged, and 5xx are not to be stored
    page = requests.get(server + "/void", headers={"Accept": "text/turtle"}, timeout=30)
    assert page.status_code == 200 and "ETag" in page.headers
    bad = _tagged(server, "SELEC nothing")
    assert bad.status_code == 400 and "ETag" not in bad.headers
    slow = _tagged(server, EXPENSIVE)
    assert slow.status_code == 503 and slow.headers["Cache-Control"] == "no-store" and "ETag" not in slow.headers


def test_the_tag_changes_when_the_store_does(tmp_path):
    store_dir = tmp_path / "store"
    doc, extraction = _evil_document(tmp_path)
    from kg.mapping import extraction_to_quads

    with open_store(store_dir) as st:
        st.ensure_background()
        base = st.base
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with running_server(ServerConfig(store=str(store_dir), base=base, timeout=5, workers=1, max_age=30)) as url:
        first = _tagged(url, count)
        tag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "public, max-age=30"
        assert _tagged(url, count, **{"If-None-Match": tag}).status_code == 304
        with open_store(store_dir) as st:  # a build while serving
            st.replace_document(doc.id, str(Path(doc.path).resolve()), extraction_to_quads(extraction, doc, base), "t")
        second = _tagged(url, count, **{"If-None-Match": tag})
        assert second.status_code == 200 and second.headers["ETag"] != tag
        assert int(_bindings(second)[0]["n"]["value"]) > int(_bindings(first)[0]["n"]["value"])


def test_a_long_answer_comes_through_the_pipe_whole(server, config):
    # longer than a pipe's buffer (64 KiB): the server reads it from a worker whose pipe the event
    # loop watched (uvloop leaves such a file descriptor non-blocking unless told otherwise)
    r = sparql(server, f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {config.max_rows}")
    assert r.status_code == 200 and len(r.content) > 200_000
    assert len(r.json()["results"]["bindings"]) == config.max_rows
