"""The query side of the W3C SPARQL 1.1 Protocol test suite (w3c/rdf-tests,
sparql/sparql11/protocol/manifest.ttl), as a table of our own against a real running ``kg serve``:
the same requests (GET, POST form, POST direct, dataset parameters, content types, bad requests),
with the suite's kasei.us graphs replaced by three named graphs of the served store and the
documents they describe. The suite's update tests become refusals (the endpoint is read-only).
And SPARQLWrapper, a real client, with every return format it has for every query form."""

from __future__ import annotations

import json

import pytest
import requests
from pyoxigraph import RdfFormat, parse

from test_server import config, served_store, server  # noqa: F401

RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}
BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
RDF_TYPES = {"text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


@pytest.fixture(scope="module")
def ds(server) -> dict:
    """Three named graphs of the store ({g1}..{g3}) and the document each one describes ({d1}..{d3})."""
    r = requests.get(server + "/sparql", params={"query": "SELECT ?g ?d { GRAPH ?g { ?d a kg:Document } } ORDER BY ?g"},
                     headers={"Accept": "application/sparql-results+json"})
    rows = r.json()["results"]["bindings"][:3]
    out = {}
    for i, row in enumerate(rows, 1):
        out[f"g{i}"], out[f"d{i}"] = row["g"]["value"], row["d"]["value"]
    return out


# (test name in the manifest, method, query-string parameters, headers, body, expected status, expected answer)
# An answer is True/False (a boolean result), "tabular", "boolean", "RDF", or None (any body).
TABLE = [
    ("query_get", "GET", {"query": "ASK {}", "default-graph-uri": "{g1}"}, {}, None, 200, True),
    ("query_post_form", "POST", {"default-graph-uri": "{g1}"}, FORM, "query=ASK%20%7B%7D", 200, True),
    ("query_post_direct", "POST", {}, DIRECT, "ASK {}", 200, True),
    ("query_dataset_default_graphs_get", "GET",
     {"query": "ASK { <{d1}> a ?type . <{d2}> a ?type . }", "default-graph-uri": ["{g1}", "{g2}"]}, {}, None, 200, True),
    ("query_dataset_default_graphs_post", "POST", {"default-graph-uri": ["{g1}", "{g2}"]}, DIRECT,
     "ASK { <{d1}> a ?type . <{d2}> a ?type . }", 200, True),
    ("query_dataset_named_graphs_post", "POST", {"named-graph-uri": ["{g1}", "{g2}"]}, DIRECT,
     "ASK { GRAPH ?g1 { <{d1}> a ?type } GRAPH ?g2 { <{d2}> a ?type } }", 200, True),
    ("query_dataset_named_graphs_get", "GET",
     {"query": "ASK { GRAPH ?g1 { <{d1}> a ?type } GRAPH ?g2 { <{d2}> a ?type } }",
      "named-graph-uri": ["{g1}", "{g2}"]}, {}, None, 200, True),
    ("query_dataset_full", "POST", {"default-graph-uri": "{g3}", "named-graph-uri": ["{g1}", "{g2}"]}, DIRECT,
     "ASK { <{d3}> a ?type GRAPH ?g1 { <{d1}> a ?type } GRAPH ?g2 { <{d2}> a ?type } }", 200, True),
    # the suite's own request encodes '&' inside one IRI (an erratum); this is what it tests: the
    # protocol's dataset replaces the query's FROM
    ("query_multiple_dataset", "POST", {"named-graph-uri": ["{g1}", "{g2}"]}, DIRECT,
     "ASK FROM <{g3}> { GRAPH ?g1 { <{d1}> a ?type } GRAPH ?g2 { <{d2}> a ?type } }", 200, True),
    ("query_multiple_dataset (FROM replaced)", "POST", {"named-graph-uri": "{g1}"}, DIRECT,
     "ASK FROM <{g3}> { <{d3}> a ?type }", 200, False),
    ("query_content_type_select", "POST", {"default-graph-uri": "{g1}"}, DIRECT, "SELECT (1 AS ?value) {}", 200,
     "tabular"),
    ("query_content_type_ask", "POST", {"default-graph-uri": "{g1}"}, DIRECT, "ASK {}", 200, "boolean"),
    ("query_content_type_describe", "POST", {"default-graph-uri": "{g1}"}, DIRECT, "DESCRIBE <http://example.org/>",
     200, "RDF"),
    ("query_content_type_construct", "POST", {"default-graph-uri": "{g1}"}, DIRECT, "CONSTRUCT { <s> <p> 1 } WHERE {}",
     200, "RDF"),
    ("bad_query_method", "PUT", {"query": "ASK {}", "default-graph-uri": "{g1}"}, FORM, "", 405, None),
    ("bad_multiple_queries", "GET", {"query": ["ASK {}", "SELECT * {}"]}, {}, None, 400, None),
    ("bad_query_wrong_media_type", "POST", {}, {"Content-Type": "text/plain"}, "ASK {}", 415, None),
    ("bad_query_missing_form_type", "POST", {}, {}, "query=ASK%20%7B%7D", 415, None),
    ("bad_query_missing_direct_type", "POST", {}, {}, "ASK {}", 415, None),
    ("bad_query_non_utf8", "POST", {}, {"Content-Type": "application/sparql-query; charset=UTF-16"},
     "ASK {}".encode("utf-16"), 415, None),
    ("bad_query_syntax", "GET", {"query": "ASK {"}, {}, None, 400, None),
    # the update side of the suite: refused, with the reason
    ("update_post_form", "POST", {}, FORM, "update=CLEAR+ALL", 403, None),
    ("update_post_direct", "POST", {}, {"Content-Type": "application/sparql-update"}, "CLEAR ALL", 403, None),
    ("bad_update_get", "GET", {"update": "CLEAR ALL"}, {}, None, 403, None),
    ("update_dataset_default_graph", "POST", {"using-graph-uri": "{g1}"}, {"Content-Type": "application/sparql-update"},
     "CLEAR ALL", 403, None),
]


def _fill(value, ds):
    if isinstance(value, dict):
        return {k: _fill(v, ds) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, ds) for v in value]
    if isinstance(value, str):
        for key, iri in ds.items():
            value = value.replace("{" + key + "}", iri)
    return value


def _media(response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def _boolean(response) -> bool:
    if _media(response) == "application/sparql-results+json":
        return response.json()["boolean"]
    assert _media(response) == "application/sparql-results+xml"
    return "<boolean>true</boolean>" in response.text


@pytest.mark.parametrize("name,method,params,headers,body,status,answer", TABLE, ids=[row[0] for row in TABLE])
def test_protocol(server, ds, name, method, params, headers, body, status, answer):
    r = requests.request(method, server + "/sparql", params=_fill(params, ds), headers=headers,
                         data=_fill(body, ds) if body is not None else None, timeout=30)
    assert r.status_code == status, r.text
    if status >= 400:
        assert r.text.strip() and "\n" not in r.text.strip()  # one line saying why
        return
    if answer in (True, False):
        assert _media(r) in BOOLEAN_TYPES and _boolean(r) is answer
    elif answer == "boolean":
        assert _media(r) in BOOLEAN_TYPES
    elif answer == "tabular":
        assert _media(r) in RESULT_TYPES
    elif answer == "RDF":
        assert _media(r) in RDF_TYPES
        list(parse(r.content, format=RdfFormat.from_media_type(_media(r))))


# -- content negotiation -------------------------------------------------------------------------

SELECT = "SELECT ?d WHERE { ?d a kg:Document } LIMIT 2"
CONSTRUCT = "CONSTRUCT { ?d a kg:Document } WHERE { ?d a kg:Document } LIMIT 2"


@pytest.mark.parametrize("query,accept,media", [
    (SELECT, "application/sparql-results+json", "application/sparql-results+json"),
    (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/csv", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "application/json", "application/sparql-results+json"),
    (SELECT, "application/xml", "application/sparql-results+xml"),
    (SELECT, "*/*", "application/sparql-results+json"),
    (SELECT, "", "application/sparql-results+json"),
    (SELECT, "text/*", "text/csv"),
    (SELECT, "text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    (CONSTRUCT, "text/turtle", "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "text/n3", "text/n3"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "*/*", "text/turtle"),
    (CONSTRUCT, "application/sparql-results+json, text/turtle;q=0.5", "text/turtle"),
    (SELECT, "image/png", None),
    (CONSTRUCT, "text/csv", None),
])
def test_conneg(server, query, accept, media):
    r = requests.get(server + "/sparql", params={"query": query}, headers={"Accept": accept})
    if media is None:
        assert r.status_code == 406 and "this server offers" in r.text
        return
    assert r.status_code == 200, r.text
    assert _media(r) == media and "Accept" in r.headers["vary"]


@pytest.mark.parametrize("query,value,media", [
    (SELECT, "json", "application/sparql-results+json"), (SELECT, "xml", "application/sparql-results+xml"),
    (SELECT, "csv", "text/csv"), (SELECT, "tsv", "text/tab-separated-values"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (CONSTRUCT, "xml", "application/rdf+xml"), (CONSTRUCT, "rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "rdf", "application/rdf+xml"), (CONSTRUCT, "turtle", "text/turtle"), (CONSTRUCT, "ttl", "text/turtle"),
    (CONSTRUCT, "n3", "text/n3"), (CONSTRUCT, "json-ld", "application/ld+json"),
    (CONSTRUCT, "json", "application/ld+json"), (CONSTRUCT, "nt", "application/n-triples"),
])
@pytest.mark.parametrize("param", ["format", "output"])
def test_format_parameter(server, query, value, media, param):
    r = requests.get(server + "/sparql", params={"query": query, param: value}, headers={"Accept": "*/*"})
    assert r.status_code == 200, r.text
    assert _media(r) == media


# -- SPARQLWrapper, every return format for every query form -------------------------------------

def _sparqlwrapper_cases():
    from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML

    forms = {"SELECT": (JSON, XML, CSV, TSV), "ASK": (JSON, XML, CSV, TSV),
             "CONSTRUCT": (XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON), "DESCRIBE": (XML, RDFXML, RDF, TURTLE, N3, JSONLD, JSON)}
    return [(form, fmt, method) for form, fmts in forms.items() for fmt in fmts for method in ("GET", "POST")]


QUERIES = {
    "SELECT": "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT DISTINCT ?name WHERE { ?p foaf:name ?name } LIMIT 3",
    "ASK": "PREFIX foaf: <http://xmlns.com/foaf/0.1/> ASK { ?p foaf:name ?name }",
    "CONSTRUCT": "PREFIX foaf: <http://xmlns.com/foaf/0.1/> CONSTRUCT { ?p foaf:name ?name } "
                 "WHERE { { SELECT DISTINCT ?p ?name WHERE { ?p foaf:name ?name } LIMIT 3 } }",
    "DESCRIBE": "DESCRIBE <https://w3id.org/kg-cppcc/id/division/620724>",
}


@pytest.mark.filterwarnings("ignore:Sending Accept header:RuntimeWarning")  # SPARQLWrapper on json/rdf for graphs
@pytest.mark.parametrize("form,fmt,method", _sparqlwrapper_cases())
def test_sparqlwrapper_every_format(server, form, fmt, method):
    from rdflib import Graph
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(QUERIES[form])
    client.setReturnFormat(fmt)
    client.setMethod(method)
    result = client.query()
    assert result.response.status == 200
    converted = result.convert()
    if form == "SELECT" and fmt == "json":
        assert len(converted["results"]["bindings"]) == 3
    elif form == "ASK" and fmt == "json":
        assert converted["boolean"] is True
    elif form in ("SELECT", "ASK") and fmt == "xml":
        assert converted.getElementsByTagName("sparql")
    elif form in ("SELECT", "ASK"):  # csv, tsv: the bytes
        lines = converted.decode().strip().splitlines()
        assert len(lines) == (4 if form == "SELECT" else 2) and "true" in lines[-1].lower() if form == "ASK" else True
    elif isinstance(converted, Graph):  # RDF/XML and JSON-LD come back parsed
        assert len(converted) >= 3
    elif fmt == "json":
        assert json.loads(json.dumps(converted))
    else:  # turtle, n3: the bytes
        graph = Graph().parse(data=converted.decode(), format="turtle")
        assert len(graph) >= 3
