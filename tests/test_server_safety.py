"""`kg serve` on a network: what an attacker or a careless client can make it do (issue 12), each
against a real running server (uvicorn in a thread, query workers in processes)."""

from __future__ import annotations

import asyncio
import platform
import socket
import threading
import time

import pytest
import requests
from pyoxigraph import RdfFormat, parse

from kg.server import ServerConfig
from kg.server.testing import running_server
from test_server import _bindings, config, served_store, server, sparql  # noqa: F401


class Listener:
    """A TCP port on 127.0.0.1 that records every connection made to it (and answers nothing)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.sock.close()


def _count(server, query, **params):
    return int(_bindings(sparql(server, query, **params))[0]["n"]["value"])


# -- 1. SERVICE is not executed -----------------------------------------------------------------

SERVICE_QUERIES = [
    "SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE SILENT <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "select * {{ service silent <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
    "PREFIX : <http://127.0.0.1:{port}/> SELECT * {{ SERVICE:x {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE <http://127.0.0.1:{port}/a> {{ SERVICE <http://127.0.0.1:{port}/b> {{ ?s ?p ?o }} }} }}",
    "ASK {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * {{ BIND(<http://127.0.0.1:{port}/x> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    # '<' read as "less than" by the parser, as an IRI by a naive scanner that then misses SERVICE
    "PREFIX : <http://x/> SELECT * {{ ?a ?b ?c FILTER(?a<:b&&'>')SERVICE<http://127.0.0.1:{port}/>{{}}#'\n}}",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused_and_calls_nobody(server, listener, template):
    query = template.format(port=listener.port)
    for method in ("GET", "DIRECT"):
        r = sparql(server, query, method=method)
        assert r.status_code == 403, r.text
        assert "federated query is off" in r.text and "--allow-service" in r.text
        assert r.headers["content-type"].startswith("text/plain")
    time.sleep(0.2)
    assert listener.connections == 0


def test_service_refusals_name_the_call(server, listener):
    r = sparql(server, f"SELECT * {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}")
    assert r.text.startswith(f"federated query is off on this endpoint: SERVICE <http://127.0.0.1:{listener.port}/x> "
                             "would make the server call another host"), r.text
    r = sparql(server, "SELECT * { BIND(<http://127.0.0.1:1/> AS ?e) SERVICE ?e { ?s ?p ?o } }")
    assert r.text.startswith("federated query is off on this endpoint: a SERVICE with a variable endpoint "
                             "would make the server call another host"), r.text


def test_the_word_service_elsewhere_is_fine(server):
    r = sparql(server, "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\n"
                       "# a comment about the service\n"
                       "SELECT ?s ('service' AS ?x) WHERE { ?s a sd:Service }")
    assert r.status_code == 200 and _bindings(r) == []


def test_service_description_does_not_offer_federation(server):
    r = requests.get(server + "/sparql", headers={"Accept": "application/n-triples"})
    triples = list(parse(r.content, format=RdfFormat.N_TRIPLES))
    features = {t.object.value for t in triples if t.predicate.value.endswith("#feature")}
    assert "http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph" in features
    assert not any(f.endswith("BasicFederatedQuery") for f in features)


def test_allow_service_calls_only_the_allowed_host(server, config, listener):
    """A second server whose SERVICE may call the first one (and nothing else)."""
    remote = server.split("//", 1)[1]  # 127.0.0.1:PORT of the shared test server
    allowed = ServerConfig(store=config.store, base=config.base, timeout=10, workers=1, allow_service=(remote,))
    with running_server(allowed) as url:
        query = ("SELECT ?name WHERE { SERVICE <http://%s/sparql> { ?p <http://xmlns.com/foaf/0.1/name> ?name } }"
                 " ORDER BY ?name LIMIT 3" % remote)
        rows = _bindings(sparql(url, query))
        assert len(rows) == 3 and all(r["name"]["value"] for r in rows)
        for other in (f"<http://127.0.0.1:{listener.port}/x>", f"<http://{remote}@127.0.0.1:{listener.port}/x>",
                      "?e", "<relative>"):
            r = sparql(url, "SELECT * { BIND(<http://a/> AS ?e) SERVICE %s { ?s ?p ?o } }" % other)
            assert r.status_code == 403 and "is not allowed" in r.text and remote in r.text, (other, r.text)
        features = requests.get(url + "/sparql", headers={"Accept": "text/turtle"}).text
        assert "BasicFederatedQuery" in features
    assert listener.connections == 0


def test_allow_service_takes_host_names_only(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path), "--allow-service", "http://evil/"])
    assert result.exit_code == 2 and "--allow-service takes a host name" in result.output


# -- 2. FROM in the query text -------------------------------------------------------------------

def _graphs(server) -> list[str]:
    rows = _bindings(sparql(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } } ORDER BY ?g"))
    return [r["g"]["value"] for r in rows]


def test_from_in_the_query_is_its_dataset(server):
    one, two = _graphs(server)[:2]
    docs = "SELECT (COUNT(DISTINCT ?d) AS ?n) {} WHERE { ?d a kg:Document }"
    assert _count(server, docs.replace("{}", "", 1)) == 6  # no dataset: the union of all graphs
    assert _count(server, docs.replace("{}", f"FROM <{one}>", 1)) == 1
    assert _count(server, docs.replace("{}", f"FROM <{one}> FROM <{two}>", 1)) == 2
    named = f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{one}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(server, named) == 1
    # the protocol's dataset wins over the query's (W3C test query_multiple_dataset)
    assert _count(server, docs.replace("{}", f"FROM <{one}>", 1), **{"default-graph-uri": [one, two]}) == 2
    # a FROM inside a string or an IRI is not a clause
    assert _count(server, docs.replace("{}", "", 1) + " # FROM <x>") == 6


# -- 3. invalid dataset IRIs ---------------------------------------------------------------------

@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["not an iri", "relative/path", "http://a b/", "<http://a/>"])
def test_invalid_graph_iri_is_400(server, param, value):
    for method in ("GET", "FORM", "DIRECT"):
        r = sparql(server, "ASK {}", method=method, **{param: value})
        assert r.status_code == 400, (method, r.status_code, r.text)
        assert r.text.startswith(f"{param} must be an absolute IRI")


# -- 5. relative IRIs resolve against the endpoint -----------------------------------------------

def test_relative_iris_resolve_against_the_endpoint(server):
    r = sparql(server, "CONSTRUCT { <s> <p> 1 } WHERE {}", accept="application/n-triples", method="DIRECT")
    assert r.status_code == 200, r.text
    [triple] = parse(r.content, format=RdfFormat.N_TRIPLES)
    assert triple.subject.value == server + "/s" and triple.predicate.value == server + "/p"
    rows = _bindings(sparql(server, "BASE <http://example.org/a/> SELECT (<b> AS ?x) {}"))
    assert rows[0]["x"]["value"] == "http://example.org/a/b"


# -- 6. updates whose prologue has '#' in an IRI ---------------------------------------------------

@pytest.mark.parametrize("update", [
    "PREFIX kg: <https://w3id.org/kg-cppcc/ontology#>\nDELETE WHERE { ?s kg:name ?o }",
    "PREFIX a: <http://a#> PREFIX b: <http://b#> # note\nINSERT DATA { a:x b:y a:z }",
    "BASE <http://a/#> CLEAR ALL",
    "prefix kg: <https://w3id.org/kg-cppcc/ontology#> with <http://g> delete { ?s ?p ?o } where { ?s ?p ?o }",
])
def test_updates_with_fragment_prefixes_are_403(server, update):
    for method in ("GET", "FORM", "DIRECT"):
        r = sparql(server, update, method=method)
        assert r.status_code == 403 and "read-only" in r.text, (method, r.text)


@pytest.mark.skipif(platform.system() != "Linux" or platform.machine() not in ("x86_64", "aarch64"),
                    reason="the seccomp filter is for Linux x86-64 and arm64")
def test_workers_cannot_open_connections(config, listener):
    """The second wall: with federation off, the query workers' own connect() fails (seccomp)."""
    from kg.server.pool import QueryPool

    async def probe(allow):
        pool = QueryPool(config.store, size=1, allow_service=allow)
        await pool.start()
        try:
            return await pool.run("connect", host="127.0.0.1", port=listener.port)
        finally:
            await pool.close()

    before = listener.connections
    assert asyncio.run(probe(())) == "PermissionError: Operation not permitted"
    time.sleep(0.2)
    assert listener.connections == before
    assert asyncio.run(probe(("127.0.0.1",))) == "connected"  # federation on: the network is there
    time.sleep(0.2)
    assert listener.connections == before + 1


# -- 7. headers: nosniff everywhere, a CSP on HTML; echoes stay text/plain -------------------------

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
       "form-action 'self'")


@pytest.mark.parametrize("path,accept,status,html", [
    ("/", "text/html", 200, True),
    ("/search?q=%E6%8E%96%E5%B8%82", "text/html", 200, True),
    ("/id/division/620724.html", "text/html", 200, True),
    ("/ontology", "text/html", 200, True),
    ("/no/such/page", "text/html", 404, True),
    ("/id/person/nobody.html", "text/html", 404, True),
    ("/sparql?query=ASK%7B%7D", "application/sparql-results+json", 200, False),
    ("/sparql?query=SELEC%20%3Cscript%3Ealert(1)%3C/script%3E", "text/html", 400, False),
    ("/sparql?query=ASK%7B%7D", "image/png", 406, False),
    ("/sparql", "text/turtle", 200, False),
    ("/sparql", "text/html", 303, False),
    ("/void", "text/turtle", 200, False),
    ("/api/queries", "application/json", 200, False),
    ("/api/search?q=%3Cscript%3E", "*/*", 200, False),
    ("/static/app.js", "*/*", 200, False),
    ("/static/app.css", "*/*", 200, False),
    ("/id/division/620724", "text/turtle", 303, False),
    ("/id/division/620724.ttl", "*/*", 200, False),
])
def test_security_headers(server, path, accept, status, html):
    r = requests.get(server + path, headers={"Accept": accept}, allow_redirects=False)
    assert r.status_code == status, r.text[:200]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers.get("content-security-policy") == (CSP if html else None)
    assert r.headers.get("content-type", "").startswith("text/html") == html


def test_errors_that_echo_input_are_plain_text(server):
    evil = "<script>alert(1)</script>"
    for r in (sparql(server, "ASK {}", accept="text/html", format=evil),
              sparql(server, "ASK {}", accept="text/html", **{"default-graph-uri": evil}),
              requests.post(server + "/sparql", data=evil.encode(), headers={"Content-Type": evil})):
        assert 400 <= r.status_code < 500 and evil in r.text
        assert r.headers["content-type"].startswith("text/plain") and r.headers["x-content-type-options"] == "nosniff"


# -- 8. odd paths: 404 or 400, never a 500 --------------------------------------------------------

BAD = {400}
NOT_THERE = {303, 404, 406}  # a thing's IRI first answers 303 to a document, which then is 404


@pytest.mark.parametrize("path,allowed", [
    ("/static/app.js%00.css", BAD), ("/static/%00", BAD), ("/vendor/%00/x", BAD), ("/id/%00", BAD),
    ("/sparql%00", BAD), ("/static/app.js%0a", BAD), ("/%7f", BAD), ("/api/queries/%00x", BAD),
    ("/static/..%2f..%2f..%2fetc%2fpasswd", NOT_THERE), ("/static/%2e%2e/%2e%2e/etc/passwd", NOT_THERE),
    ("/static/%ff%fe", NOT_THERE), ("/static/" + "a" * 5000, NOT_THERE), ("/static/", NOT_THERE),
    ("/vendor/../../pyproject.toml", NOT_THERE), ("/id/", NOT_THERE), ("/id/%ff", NOT_THERE),
    ("/id/%ff.html", NOT_THERE), ("/id/%25.ttl", NOT_THERE), ("/graph/%25.nq", NOT_THERE),
    ("/api/queries/..%2f..%2fpyproject", NOT_THERE),
    ("/id/" + "%e4%b8%ad" * 3000 + ".ttl", NOT_THERE),
])
def test_odd_paths_are_refused_cleanly(server, path, allowed):
    with socket.create_connection(("127.0.0.1", int(server.rsplit(":", 1)[1])), timeout=30) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nConnection: close\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = s.recv(65536)
            if not chunk:
                break
            head += chunk
    status_line, *header_lines = head.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    assert int(status_line.split()[1]) in allowed, head[:300]
    assert "x-content-type-options: nosniff" in [h.lower() for h in header_lines]
