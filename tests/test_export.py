"""kg export: every format parses back (rdflib; JSON-LD also pyld) to the same graph or quads."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad, Store, Triple
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.errors import QueryError, UsageError
from kg.export import context_document, export, export_quads
from kg.formats import rdf_format
from kg.queries import load_query, run_query
from kg.store import open_store
from kg.paths import bundled, ontology_path

SEEDS = bundled("seeds")
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                 "jsonld": "json-ld", "rdfxml": "xml"}
FORMATS = list(RDFLIB_FORMAT)


@pytest.fixture()
def store_dir(seeds_store) -> Path:
    return seeds_store


@pytest.fixture()
def store(store_dir):
    with open_store(store_dir, read_only=True) as s:
        yield s


def _rdflib_term(term):
    from pyoxigraph import BlankNode, Literal

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == str(rdflib.XSD.string):
        return rdflib.Literal(term.value)  # RDF 1.1 simple literal, as rdflib parses it
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _expected_quads(store: Store, graph: NamedNode | None = None) -> set[tuple]:
    return {
        tuple(_rdflib_term(t) for t in (q.subject, q.predicate, q.object)) + (rdflib.URIRef(q.graph_name.value),)
        for q in store.quads_for_pattern(None, None, None, graph)
    }


def _expected_graph(triples) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in triples:
        g.add((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object)))
    return g


def _quads_of(ds: rdflib.Dataset) -> set[tuple]:
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None)) if g is not None
            and g != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}


def _normalise_literals(items):
    # rdflib canonicalises some lexical forms (e.g. "01" -> 1); compare lexical forms as written
    out = set()
    for item in items:
        out.add(tuple((type(x), str(x), getattr(x, "language", None), getattr(x, "datatype", None)) for x in item))
    return out


def _export(store, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    export(store, rdf_format(fmt), out, **kw)
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_whole_dataset_round_trips(store, fmt):
    data = _export(store, fmt)
    if rdf_format(fmt).supports_datasets:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        assert _normalise_literals(_quads_of(ds)) == _normalise_literals(_expected_quads(store.store))
    else:
        g = rdflib.Graph()
        g.parse(data=data, format=RDFLIB_FORMAT[fmt])
        expected = _expected_graph(Triple(q.subject, q.predicate, q.object) for q in store.store)
        assert len(g) == len(expected)
        assert isomorphic(g, expected)


def _doc_graph(store) -> NamedNode:
    return sorted((g for g in store.store.named_graphs() if "/graph/doc/" in g.value), key=str)[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_graph_round_trips(store, fmt):
    graph = _doc_graph(store)
    data = _export(store, fmt, graph=graph.value)
    expected = _expected_graph(Triple(q.subject, q.predicate, q.object)
                               for q in store.store.quads_for_pattern(None, None, None, graph))
    if rdf_format(fmt).supports_datasets:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        # dataset formats keep the graph's name
        assert {g for *_, g in ds.quads((None, None, None, None))} == {rdflib.URIRef(graph.value)}
        got = ds.graph(rdflib.URIRef(graph.value))
    else:
        got = rdflib.Graph()
        got.parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert len(got) == len(expected) > 20
    assert isomorphic(got, expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_construct_query_round_trips(store, fmt):
    query = load_query("county-chairs-graph")
    expected = _expected_graph(run_query(store, query, {}))
    assert len(expected) > 10
    data = _export(store, fmt, query=query)
    got = rdflib.Graph()
    if rdf_format(fmt).supports_datasets:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        for s, p, o, _ in ds.quads((None, None, None, None)):
            got.add((s, p, o))
    else:
        got.parse(data=data, format=RDFLIB_FORMAT[fmt])
    assert isomorphic(got, expected)


def test_jsonld_round_trips_through_pyld(store):
    from pyld import jsonld

    graph = _doc_graph(store)
    doc = json.loads(_export(store, "jsonld", graph=graph.value))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    ds = rdflib.Dataset()
    ds.parse(data=nquads, format="nquads")
    assert {g for *_, g in ds.quads((None, None, None, None))} == {rdflib.URIRef(graph.value)}
    got = ds.graph(rdflib.URIRef(graph.value))
    expected = _expected_graph(Triple(q.subject, q.predicate, q.object)
                               for q in store.store.quads_for_pattern(None, None, None, graph))
    assert isomorphic(got, expected)


def test_jsonld_dataset_keeps_graphs_through_pyld(store):
    from pyld import jsonld

    doc = json.loads(_export(store, "jsonld"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    ds = rdflib.Dataset()
    ds.parse(data=nquads, format="nquads")
    assert _normalise_literals(_quads_of(ds)) == _normalise_literals(_expected_quads(store.store))


def test_jsonld_by_reference_to_the_published_context(store):
    from pyld import jsonld

    url = store.base + "context.jsonld"
    graph = _doc_graph(store)
    doc = json.loads(_export(store, "jsonld", graph=graph.value, context=url))
    assert doc["@context"] == url

    def loader(requested, options=None):
        assert requested == url
        return {"contextUrl": None, "documentUrl": url, "document": context_document()}

    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    assert len(nquads.splitlines()) == len(list(store.store.quads_for_pattern(None, None, None, graph)))


def test_context_covers_every_project_property():
    ctx = context_document()["@context"]
    ttl = ontology_path().read_text(encoding="utf-8")
    import re

    props = re.findall(r"^kg:(\w+) a owl:(?:Object|Datatype)Property", ttl, re.M)
    assert props
    missing = [p for p in props if ctx.get(p, {}).get("@id") != f"kg:{p}"]
    assert not missing


def test_turtle_is_readable(store):
    text = _export(store, "turtle", graph=_doc_graph(store).value).decode("utf-8")
    assert "@prefix kg: <https://w3id.org/kg-cppcc/ontology#>" in text
    assert "@prefix org: <http://www.w3.org/ns/org#>" in text
    assert "a org:Membership ;" in text
    assert "office:" in text and "person:" in text
    assert "政协" in text  # Chinese written as is, not escaped


def test_nquads_keeps_per_document_graphs(store):
    text = _export(store, "nquads").decode("utf-8")
    graphs = {line.rsplit(" ", 2)[-2] for line in text.splitlines() if line}
    docs = [g for g in graphs if "/graph/doc/" in g]
    assert len(docs) == len(store.documents()) >= 3


def test_export_streams_from_a_generator_not_a_list(monkeypatch):
    """The serialiser is fed an iterator: nothing builds the full list of quads first."""
    import kg.export as ex

    seen = {}
    real = ex.serialize

    def spy(input, output, fmt, **kw):
        seen["type"] = type(input)
        return real(input, output, fmt, **kw)

    monkeypatch.setattr(ex, "serialize", spy)
    s = Store()
    for i in range(50):
        s.add(Quad(NamedNode(f"http://ex.org/s{i}"), NamedNode("http://ex.org/p"), NamedNode("http://ex.org/o"),
                   NamedNode("http://ex.org/g")))
    out = io.BytesIO()
    assert export_quads(s, rdf_format("nt"), out).triples == 50
    assert seen["type"] is not list


def test_errors(store):
    with pytest.raises(UsageError, match="no graph"):
        _export(store, "nq", graph="https://example.org/nope")
    with pytest.raises(QueryError, match="not a CONSTRUCT"):
        _export(store, "ttl", query=load_query("county-chairs"))
    with pytest.raises(UsageError, match="unknown RDF format"):
        rdf_format("yaml")


def test_cli_export(store_dir, tmp_path):
    runner = CliRunner()
    out = tmp_path / "all.nq"
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "as nquads" in result.output
    assert out.stat().st_size > 1000
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "--format", "text/turtle",
                                 "--query", "county-chairs-graph", "-p", "province=甘肃省"])
    assert result.exit_code == 0, result.output
    assert "@prefix kg:" in result.output
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "-f", "yaml"])
    assert result.exit_code == 2
    assert "unknown RDF format 'yaml'" in result.output


def test_ontology_html(tmp_path):
    from kg.ontology_doc import ontology_html, ontology_terms

    header, classes, properties = ontology_terms()
    names = {t.name for t in classes} | {t.name for t in properties}
    assert {"kg:CPPCCCommittee", "kg:County", "kg:Campaign", "kg:division", "kg:partOf"} <= names
    division = next(t for t in properties if t.name == "kg:division")
    assert division.label_zh and division.label_en and division.comment
    assert division.domains == ["org:Organization"] and division.ranges == ["kg:AdministrativeDivision"]
    assert "functional" in division.characteristics
    page = ontology_html()
    assert page.startswith("<!DOCTYPE html>") and 'id="kg-CPPCCCommittee"' in page
    assert "政协委员会" in page and "CPPCC committee" in page
    assert '<a href="#kg-AdministrativeDivision">' in page
    out = tmp_path / "onto.html"
    result = CliRunner().invoke(cli, ["ontology", "--html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == page
