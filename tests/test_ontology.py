"""The ontology is the source of truth: kg/vocab.py, the queries and the shapes use only its terms,
and it stays within OWL-lite."""

from __future__ import annotations

import re

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.mapping import BODY_KINDS, CONCEPT_CLASSES, DIVISION_CLASSES, LEVEL_CLASSES
from kg.queries import queries_dir
from kg.paths import ontology_path, shapes_path
from kg.vocab import KG, ONTOLOGY_IRI, ClosedNamespace

NS = KG.iri
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


def declared(graph: rdflib.Graph) -> set[str]:
    return {str(s)[len(NS):] for s, _, o in graph.triples((None, RDF.type, None))
            if o in KINDS and str(s).startswith(NS)}


def test_vocab_and_ontology_have_the_same_terms(ontology):
    assert set(KG.names) == declared(ontology)


def test_every_term_has_labels_in_chinese_and_english(ontology):
    for name in KG.names:
        term = rdflib.URIRef(NS + name)
        langs = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, name


def test_properties_have_domains_or_ranges_and_classes_a_place(ontology):
    for name in KG.names:
        term = rdflib.URIRef(NS + name)
        kinds = set(ontology.objects(term, RDF.type))
        if OWL.Class in kinds and name not in ("AdministrativeDivision", "Store"):
            assert list(ontology.objects(term, RDFS.subClassOf)) or name == "Meeting", name
        if kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            assert list(ontology.objects(term, RDFS.domain)) or list(ontology.objects(term, RDFS.range)), name


def test_owl_lite_only(ontology):
    allowed = {RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDFS.label,
               RDFS.comment, RDFS.seeAlso, OWL.inverseOf, OWL.versionInfo}
    for s, p, o in ontology:
        if str(s) == ONTOLOGY_IRI:
            continue
        assert p in allowed, (s, p)
        if p == RDF.type:
            assert o in KINDS | {OWL.FunctionalProperty, OWL.TransitiveProperty, OWL.Ontology}, (s, o)
    # inverses are declared both ways
    for s, _, o in ontology.triples((None, OWL.inverseOf, None)):
        assert (o, OWL.inverseOf, s) in ontology


def test_closed_namespace_refuses_unknown_terms():
    with pytest.raises(AttributeError, match="did you mean 'division'"):
        KG.divison
    ns = ClosedNamespace("http://x/", "a b")
    assert ns.a.value == "http://x/a" and ns["b"].value == "http://x/b"
    assert ns.a in ns and "http://x/c" not in ns


def test_mapping_uses_declared_classes():
    used = [c for _, body, unit in BODY_KINDS.values() for c in (body, unit)]
    used += list(CONCEPT_CLASSES.values()) + list(DIVISION_CLASSES.values()) + list(LEVEL_CLASSES.values())
    for term in used:
        assert term in KG or term.value.startswith("http://www.w3.org/ns/org#"), term


def _kg_terms(text: str) -> set[str]:
    return set(re.findall(r"\bkg:([A-Za-z][A-Za-z0-9]*)", text))


def test_queries_use_only_ontology_terms():
    for path in sorted(queries_dir().glob("*.rq")):
        unknown = _kg_terms(path.read_text(encoding="utf-8")) - set(KG.names)
        assert not unknown, (path.name, unknown)


def test_shapes_parse_and_use_only_ontology_terms():
    text = shapes_path().read_text(encoding="utf-8")
    rdflib.Graph().parse(data=text, format="turtle")
    unknown = _kg_terms(text) - set(KG.names)
    assert not unknown, unknown


def test_built_graph_uses_only_ontology_terms(office_store):
    """Every kg: predicate and class in a built store is declared in the ontology."""
    from pyoxigraph import NamedNode

    from kg.store import open_store

    with open_store(office_store, read_only=True) as store:
        for q in store.store:
            for term in (q.predicate, q.object):
                if isinstance(term, NamedNode) and term.value.startswith(NS):
                    assert term in KG, term


@pytest.mark.parametrize("module", ["kg.vocab", "kg.mapping", "kg.formats"])
def test_docstring_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
