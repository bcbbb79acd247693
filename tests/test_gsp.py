"""``kg build --target URL`` against a real Oxigraph server (``oxigraph serve``)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.gsp import GSPClient
from kg.queries import load_query, run_query
from kg.store import open_store

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server binary is absent (pip install oxigraph)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start on {url}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def build(*args):
    result = CliRunner().invoke(cli, ["build", *map(str, args)], catch_exceptions=False)
    return result


def graphs(client: GSPClient) -> dict[str, int]:
    rows = client.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


def doc_graphs(client: GSPClient) -> dict[str, int]:
    return {g: n for g, n in graphs(client).items() if "/graph/doc/" in g}


def test_build_into_server_matches_the_embedded_store(server, seeds_dir, seeds_store, tmp_path):
    first = build(seeds_dir, "--target", server)
    assert first.exit_code == 0, first.output
    assert "documents: 5 read, 0 unchanged, 5 written, 0 skipped, 0 failed" in first.stdout
    client = GSPClient(server)
    assert len(doc_graphs(client)) == 5

    # the offices canned query gives the same rows on the server (union of the named graphs) as on
    # an embedded build of the seeds
    offices = load_query("offices")
    remote = {tuple(sorted(row.items())) for row in client.query(offices.text, union_default_graph=True)}
    with open_store(seeds_store, read_only=True) as store:
        solutions = run_query(store, offices)
        names = [v.value for v in solutions.variables]
        local = {tuple(sorted((n, s[n].value) for n in names if s[n] is not None)) for s in solutions}
    assert remote and remote == local

    # a rebuild writes nothing
    before = graphs(client)
    second = build(seeds_dir, "--target", server)
    assert second.exit_code == 0, second.output
    assert "documents: 5 read, 5 unchanged, 0 written" in second.stdout
    assert graphs(client) == before

    # a changed file replaces only its own graph
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    build(corpus, "--target", server)  # the copies: same texts under new paths
    before = doc_graphs(client)
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本报讯 县政协主席王某主持会议。\n", encoding="utf-8")
    third = build(corpus, "--target", server)
    assert third.exit_code == 0, third.output
    assert "1 written" in third.stdout
    after = doc_graphs(client)
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1
    assert {g: n for g, n in after.items() if g in before} == {g: n for g, n in before.items() if g in after}


def test_unreachable_server_is_one_line_and_nonzero(seeds_dir):
    url = f"http://127.0.0.1:{_free_port()}"
    result = build(seeds_dir, "--target", url)
    assert result.exit_code != 0
    assert f"SPARQL server at {url} unreachable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_http_error_names_the_status(server, seeds_dir):
    result = build(seeds_dir, "--target", server + "/nowhere/")
    assert result.exit_code != 0
    assert "HTTP 404" in result.stderr and server in result.stderr
