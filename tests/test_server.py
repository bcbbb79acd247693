"""`kg serve` against a real running server (uvicorn in a thread, query workers in processes) over a
store built by the project's own build path from the bundled seeds, plus one hand-made document
whose names try to inject HTML."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
import requests
from pyoxigraph import RdfFormat, parse

from kg.build import build
from kg.corpus import parse_document
from kg.mapping import extraction_to_quads
from kg.records import Body, DivisionRef, Evidence, Extraction, Office
from kg.server import ServerConfig
from kg.server.testing import running_server
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
EVIL_NAME = '<script>alert("x")</script>王"军\''
EVIL_TITLE = '<script>document.title="pwned"</script> 标题 "quoted" & more'
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PEOPLE = "SELECT ?p ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"


def _evil_document(tmp: Path):
    path = tmp / "evil.txt"
    path.write_text(f"{EVIL_TITLE}\n高台县政协主席{EVIL_NAME}主持会议。\n", encoding="utf-8")
    doc = parse_document(path.read_bytes(), str(path))
    gaotai = DivisionRef("高台县", "高台县", "620724", "county", "县", "620700", "张掖市", "620000", "甘肃省")
    start = doc.text.index("主席")
    ev = Evidence(start, start + 2, *doc.source_span(start, start + 2), doc.text.splitlines()[1])
    extraction = Extraction(doc.id, doc.name, title=EVIL_TITLE,
                            offices=[Office(EVIL_NAME, "主席", Body("政协", gaotai), ev)])
    return doc, extraction


# Other test modules import these fixtures; pytest then makes one fixture per module, so the store
# and the server are kept here to be built and started once per session, whichever module asks.
_SHARED: dict = {}


@pytest.fixture(scope="session")
def served_store(tmp_path_factory) -> Path:
    if "store" not in _SHARED:
        tmp = tmp_path_factory.mktemp("served")
        store_dir = tmp / "store"
        build([ROOT / "seeds"], store_dir)
        doc, extraction = _evil_document(tmp)
        with open_store(store_dir) as store:
            store.replace_document(doc.id, str(Path(doc.path).resolve()),
                                   extraction_to_quads(extraction, doc, store.base), "test")
        _SHARED["store"] = store_dir
    return _SHARED["store"]


@pytest.fixture(scope="session")
def config(served_store) -> ServerConfig:
    with open_store(served_store, read_only=True) as store:
        base = store.base
    return ServerConfig(store=str(served_store), base=base, timeout=2.0, max_rows=2000, max_body=20_000, workers=2)


@pytest.fixture(scope="session")
def server(config, request):
    if "server" not in _SHARED:
        running = running_server(config)
        _SHARED["server"] = running.__enter__()
        request.addfinalizer(lambda: running.__exit__(None, None, None))
    return _SHARED["server"]


def sparql(server, query, accept="application/sparql-results+json", method="GET", **params):
    if method == "GET":
        return requests.get(server + "/sparql", params={"query": query, **params}, headers={"Accept": accept}, timeout=30)
    if method == "FORM":
        return requests.post(server + "/sparql", data={"query": query, **params}, headers={"Accept": accept}, timeout=30)
    return requests.post(server + "/sparql", params=params, data=query.encode("utf-8"), timeout=30,
                         headers={"Accept": accept, "Content-Type": "application/sparql-query"})


def _bindings(response):
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def _evil_person(server) -> str:
    rows = _bindings(sparql(server, f'SELECT ?p WHERE {{ ?p foaf:name {json.dumps(EVIL_NAME, ensure_ascii=False)}@zh }}'))
    return rows[0]["p"]["value"]


def _local(config, iri: str) -> str:
    assert iri.startswith(config.base)
    return "/" + iri[len(config.base):]


# -- the protocol --------------------------------------------------------------------------------

@pytest.mark.parametrize("method", ["GET", "FORM", "DIRECT"])
def test_three_ways_to_send_a_query(server, method):
    rows = _bindings(sparql(server, PEOPLE, method=method))
    names = {r["name"]["value"] for r in rows}
    assert EVIL_NAME in names and len(names) > 3


@pytest.mark.parametrize("accept,media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/html;q=0.9, text/csv", "text/csv"),
])
def test_select_media_types(server, accept, media):
    r = sparql(server, PEOPLE + " LIMIT 5", accept=accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert "Accept" in r.headers["vary"]
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["p", "name"] and len(rows) == 6
    if media.endswith("xml"):
        assert "<sparql" in r.text and "<uri>" in r.text


@pytest.mark.parametrize("fmt,expected", [("json", '"boolean":true'), ("xml", "<boolean>true</boolean>"),
                                           ("csv", "true"), ("tsv", "true")])
def test_ask(server, fmt, expected):
    r = sparql(server, "ASK { ?s a foaf:Person }", format=fmt)
    assert r.status_code == 200 and expected in r.text.replace(" ", "")


@pytest.mark.parametrize("accept,rdf_format", [
    ("text/turtle", RdfFormat.TURTLE), ("application/n-triples", RdfFormat.N_TRIPLES),
    ("application/ld+json", RdfFormat.JSON_LD), ("application/rdf+xml", RdfFormat.RDF_XML),
    ("application/n-quads", RdfFormat.N_QUADS),
])
def test_construct_media_types(server, accept, rdf_format):
    r = sparql(server, "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p a foaf:Person ; foaf:name ?n }", accept=accept)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == accept
    names = {q.object.value for q in parse(r.content, format=rdf_format)}
    assert EVIL_NAME in names


def test_format_parameter_wins_over_accept(server):
    r = sparql(server, PEOPLE + " LIMIT 2", accept="application/sparql-results+json", format="csv")
    assert r.headers["content-type"].startswith("text/csv")


def test_unacceptable_media_type_is_406(server):
    r = sparql(server, PEOPLE, accept="image/png")
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    r = sparql(server, "CONSTRUCT WHERE { ?s a foaf:Person }", accept="text/csv")
    assert r.status_code == 406 and "text/turtle" in r.text
    r = sparql(server, PEOPLE, format="bogus")
    assert r.status_code == 406 and "bogus" in r.text


def test_dataset_parameters(server, config):
    graphs = [r["g"]["value"] for r in _bindings(sparql(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } }"))]
    assert len(graphs) == 6  # five seeds and the hand-made document
    one = graphs[0]
    count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"
    assert _bindings(sparql(server, count))[0]["n"]["value"] == "6"
    assert _bindings(sparql(server, count, **{"default-graph-uri": one}))[0]["n"]["value"] == "1"
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    rows = _bindings(sparql(server, named, **{"named-graph-uri": graphs[:2]}))
    assert {r["g"]["value"] for r in rows} == set(graphs[:2])
    # the same through POST: the dataset in the query string, the query in the body
    assert _bindings(sparql(server, count, method="DIRECT", **{"default-graph-uri": one}))[0]["n"]["value"] == "1"


def _says_read_only(r, what: str) -> None:
    """The 403 says what was refused, that the endpoint is read-only, and how data changes."""
    assert r.status_code == 403 and r.headers["content-type"].startswith("text/plain"), r.text
    assert r.text.startswith(f"SPARQL Update refused: {what}. This endpoint is read-only"), r.text
    assert "never changes its data" in r.text and "run `kg build`" in r.text, r.text


def test_updates_are_refused(server):
    update = 'INSERT DATA { <http://example.com/a> <http://example.com/b> "c" }'
    r = requests.post(server + "/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    _says_read_only(r, "INSERT DATA (sent as an application/sparql-update body)")
    r = requests.post(server + "/sparql", data={"update": update})
    _says_read_only(r, "INSERT DATA (sent as the update= parameter)")
    r = requests.get(server + "/sparql", params={"update": "CLEAR ALL"})
    _says_read_only(r, "CLEAR (sent as the update= parameter)")
    r = sparql(server, "PREFIX ex: <http://example.com/>\n# sneaky\n" + update)
    _says_read_only(r, "INSERT DATA (sent as a query)")
    r = requests.post(server + "/sparql", data=b"not sparql at all", headers={"Content-Type": "application/sparql-update"})
    _says_read_only(r, "sent as an application/sparql-update body")
    assert _bindings(sparql(server, "SELECT * WHERE { <http://example.com/a> ?p ?o }")) == []


def test_malformed_query_is_400_with_the_parser_message(server):
    r = sparql(server, "SELEC ?x WHERE { ?x ?p ?o }")
    assert r.status_code == 400
    assert r.text.startswith("malformed SPARQL query: error at 1:")


def test_limits(server, config):
    r = sparql(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert r.status_code == 400 and f"more than {config.max_rows} rows" in r.text and "LIMIT" in r.text
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (config.max_body + 10)
    r = sparql(server, big, method="FORM")
    assert r.status_code == 413 and "larger than" in r.text
    r = requests.post(server + "/sparql", data=b"query=x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "application/sparql-query" in r.text


def test_timeout_kills_the_query_and_the_server_goes_on(server, config):
    started = time.monotonic()
    r = sparql(server, EXPENSIVE)
    elapsed = time.monotonic() - started
    assert r.status_code == 503, r.text[:200]
    assert "timed out" in r.text and elapsed < config.timeout + 10
    # the killed worker was replaced: every worker answers again
    for _ in range(config.workers + 1):
        assert _bindings(sparql(server, "SELECT (1 AS ?one) WHERE {}"))[0]["one"]["value"] == "1"


def test_a_slow_query_does_not_hold_the_others(server, config):
    import concurrent.futures as cf

    with cf.ThreadPoolExecutor(2) as ex:
        slow = ex.submit(sparql, server, EXPENSIVE)
        time.sleep(0.3)
        started = time.monotonic()
        fast = sparql(server, "ASK { ?s ?p ?o }")
        assert fast.status_code == 200 and time.monotonic() - started < config.timeout
        assert slow.result().status_code == 503


# -- clients ---------------------------------------------------------------------------------

def test_sparqlwrapper(server):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?name WHERE { ?p foaf:name ?name }")
    client.setReturnFormat(JSON)
    names = {b["name"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert EVIL_NAME in names
    client.setMethod("POST")
    assert EVIL_NAME in {b["name"]["value"] for b in client.query().convert()["results"]["bindings"]}
    client.setQuery("ASK { ?s ?p ?o }")
    assert client.query().convert()["boolean"] is True
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/> CONSTRUCT WHERE { ?p foaf:name ?n }")
    client.setReturnFormat(TURTLE)
    graph_text = client.query().convert()
    assert "foaf:name" in graph_text.decode() if isinstance(graph_text, bytes) else True


def test_rdflib_sparqlstore(server):
    from rdflib import Graph, Literal, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = list(graph.query("PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?p ?n WHERE { ?p foaf:name ?n }"))
    assert Literal(EVIL_NAME, lang="zh") in {r.n for r in rows}
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
    # rdflib's default return format (XML) accepts RDF/XML for graphs; with "json" a CONSTRUCT
    # would rightly be refused with 406.
    xml_graph = Graph(store=SPARQLStore(server + "/sparql"))
    assert Literal(EVIL_NAME, lang="zh") in {r.n for r in xml_graph.query(
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?n WHERE { ?p foaf:name ?n }")}
    constructed = xml_graph.query("PREFIX foaf: <http://xmlns.com/foaf/0.1/> CONSTRUCT WHERE { ?p foaf:name ?n }")
    assert len(constructed.graph) == len({(r.p, r.n) for r in rows})
    person = rows[0].p
    assert isinstance(person, URIRef) and len(list(graph.triples((person, None, None)))) >= 2


# -- descriptions ------------------------------------------------------------------------------

def test_service_description(server):
    r = requests.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    triples = list(parse(r.content, format=RdfFormat.TURTLE))
    predicates = {t.predicate.value for t in triples}
    assert "http://www.w3.org/ns/sparql-service-description#endpoint" in predicates
    assert "http://www.w3.org/ns/sparql-service-description#resultFormat" in predicates
    r = requests.get(server + "/sparql", headers={"Accept": "text/html"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


@pytest.mark.parametrize("path", ["/void", "/.well-known/void"])
def test_void(server, path):
    r = requests.get(server + path, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200
    facts = {t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]: t.object.value for t in parse(r.content, format=RdfFormat.N_TRIPLES)}
    assert int(facts["triples"]) > 1000 and facts["documents"] == "6"
    assert facts["modified"].startswith("20") and int(facts["classes"]) > 5


# -- linked data -------------------------------------------------------------------------------

def test_ids_redirect_by_accept(server, config):
    path = _local(config, _evil_person(server))
    for accept, suffix in [("text/html,application/xhtml+xml,*/*;q=0.8", ".html"), ("text/turtle", ".ttl"),
                           ("application/ld+json", ".jsonld"), ("application/n-triples", ".nt"), (None, ".ttl")]:
        r = requests.get(server + path, headers={"Accept": accept} if accept else {}, allow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == path + suffix, accept
        assert "Accept" in r.headers["vary"]
    r = requests.get(server + path, headers={"Accept": "image/png"}, allow_redirects=False)
    assert r.status_code == 406


@pytest.mark.parametrize("suffix,rdf_format", [(".ttl", RdfFormat.TURTLE), (".jsonld", RdfFormat.JSON_LD),
                                               (".nt", RdfFormat.N_TRIPLES), (".rdf", RdfFormat.RDF_XML)])
def test_rdf_representations(server, config, suffix, rdf_format):
    iri = _evil_person(server)
    r = requests.get(server + _local(config, iri) + suffix)
    assert r.status_code == 200
    triples = list(parse(r.content, format=rdf_format))
    assert any(t.subject.value == iri for t in triples)  # its own properties
    assert any(t.object.value == iri for t in triples)  # and the office pointing at it


def test_entity_pages(server, config):
    iri = _evil_person(server)
    page = requests.get(server + _local(config, iri), headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.url.endswith(".html")
    html = page.text
    assert "主席" in html and "高台县政协" in html and "/id/doc/" in html  # office, body, source
    assert "县政协主席" in html  # the evidence sentence
    division = requests.get(server + "/id/division/620724.html").text
    assert "甘肃省" in division and "张掖市" in division  # the division tree
    missing = requests.get(server + "/id/person/nobody.html")
    assert missing.status_code == 404 and "not in this knowledge graph" in missing.text


def test_data_cannot_inject_html(server, config):
    iri = _evil_person(server)
    person = requests.get(server + _local(config, iri) + ".html").text
    assert "<script>alert" not in person and "&lt;script&gt;alert(" in person
    doc_iri = _bindings(sparql(server, "SELECT ?d WHERE { ?d a kg:Document ; dcterms:title ?t FILTER(CONTAINS(?t, 'pwned')) }"))[0]["d"]["value"]
    doc = requests.get(server + _local(config, doc_iri) + ".html").text
    assert '<script>document.title' not in doc and "&lt;script&gt;document.title=" in doc
    search = requests.get(server + "/search", params={"q": "<script>"}).text
    assert "<script>alert" not in search and "<script>document" not in search
    index = requests.get(server + "/").text  # canned queries embedded as JSON: </script> escaped
    assert index.count("<script") == index.count("</script>")


# -- the UI's API --------------------------------------------------------------------------

def test_canned_queries(server):
    listed = requests.get(server + "/api/queries").json()
    names = {q["name"] for q in listed}
    assert {"offices", "concepts", "press"} <= names
    offices = next(q for q in listed if q["name"] == "offices")
    assert offices["title"] and offices["params"]
    r = requests.get(server + "/api/queries/offices", params={"format": "csv"})
    assert r.status_code == 200
    assert r.text.splitlines()[0] == "person,role,body,committee,division,division_code,parent,province,document,evidence"
    r = requests.get(server + "/api/queries/offices", params={"nosuch": "x"})
    assert r.status_code == 400 and "no parameter" in r.text
    assert requests.get(server + "/api/queries/nosuch").status_code == 404


def test_search(server, config):
    hits = requests.get(server + "/api/search", params={"q": "张掖"}).json()
    assert hits[0]["label"] == "张掖市" and hits[0]["href"] == "/id/division/620700"
    r = requests.get(server + "/search", params={"q": "张掖市"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/id/division/620700"
    r = requests.get(server + "/search", params={"q": "掖市"}, headers={"Accept": "text/html"})
    assert r.status_code == 200 and "张掖市政协" in r.text and "/id/org/cppcc/620700" in r.text


def test_ontology_terms_dereference(server):
    r = requests.get(server + "/ontology", headers={"Accept": "text/html"})
    assert r.status_code == 200 and 'id="division"' in r.text
    r = requests.get(server + "/ontology", headers={"Accept": "text/turtle"})
    triples = list(parse(r.content, format=RdfFormat.TURTLE))
    assert any(t.subject.value == "https://w3id.org/kg-cppcc/ontology#division" for t in triples)
    assert requests.get(server + "/ontology.jsonld").headers["content-type"].startswith("application/ld+json")


def test_office_links_are_labelled(server, config):
    html = requests.get(server + _local(config, _evil_person(server)) + ".html").text
    assert "高台县政协 主席" in html  # the office node in the incoming links, by body and role


def test_named_graphs_dereference_to_their_contents(server, config):
    doc = _bindings(sparql(server, "SELECT ?d ?g WHERE { ?d kg:namedGraph ?g ; dcterms:title ?t FILTER(CONTAINS(?t, 'pwned')) }"))[0]
    graph = doc["g"]["value"]
    r = requests.get(server + _local(config, graph) + ".nq")
    quads = list(parse(r.content, format=RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads} == {graph}
    assert any(q.object.value == EVIL_NAME for q in quads)
    r = requests.get(server + _local(config, graph), headers={"Accept": "text/html"})
    assert r.status_code == 200 and doc["d"]["value"] in r.text  # the document that owns it


def test_a_build_while_serving_is_seen(tmp_path):
    """Workers hold the store read-only and reopen it when its files change."""
    store_dir = tmp_path / "live"
    doc, extraction = _evil_document(tmp_path)
    with open_store(store_dir) as store:
        store.ensure_background()
        base = store.base
    count = {"query": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"}
    with running_server(ServerConfig(store=str(store_dir), base=base, workers=1)) as url:
        assert requests.get(url + "/sparql", params=count).json()["results"]["bindings"][0]["n"]["value"] == "0"
        with open_store(store_dir) as store:  # a writer next to the running server
            store.replace_document(doc.id, str(Path(doc.path).resolve()),
                                   extraction_to_quads(extraction, doc, store.base), "test")
        assert requests.get(url + "/sparql", params=count).json()["results"]["bindings"][0]["n"]["value"] == "1"


def test_cli_serve(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--timeout" in result.output and "--max-rows" in result.output
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 3 and "no store at" in result.output and "kg build" in result.output
