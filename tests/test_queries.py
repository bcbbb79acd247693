"""Canned queries: the registry, parameter binding as RDF terms, and each query's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Variable

from kg.errors import QueryError
from kg.queries import list_queries, load_query, parse_params, parse_query, queries_dir, run_query
from kg.store import open_store

REQUIRED = {"offices", "county-chairs", "committee-officers", "person", "concepts", "campaigns", "slogans",
            "divisions", "press", "meetings"}


def rows(store_dir: Path, query: str, /, **params: str) -> list[dict[str, str]]:
    with open_store(store_dir, read_only=True) as store:
        solutions = run_query(store, load_query(query), params)
        variables = [v.value for v in solutions.variables]
        return [{v: (s[v].value if s[v] is not None else "") for v in variables} for s in solutions]


def test_registry_has_every_query_with_a_header():
    queries = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.title and q.title != q.name, q.name
        assert q.description, q.name
        for p in q.params:
            assert p.description, (q.name, p.name)


def test_header_parsing():
    q = parse_query(
        "# title: T\n# description: one\n# description: two\n"
        "# param: name — a name (default 王军)\n# param: n:integer — a number\n"
        "SELECT ?name ?n WHERE { ?s <http://x/p> ?name ; <http://x/q> ?n }\n",
        "t",
    )
    assert (q.title, q.description) == ("T", "one two")
    assert [(p.name, p.type, p.default) for p in q.params] == [("name", "label", "王军"), ("n", "integer", None)]
    assert q.bind({}) == {Variable("name"): Literal("王军", language="zh")}
    assert q.bind({"n": "3", "name": "x"})[Variable("n")] == Literal(3)
    with pytest.raises(QueryError, match="not an integer"):
        q.bind({"n": "three"})


@pytest.mark.parametrize(
    "text, message",
    [
        ("# title: T\nSELECT ?x WHERE { ?x ", "malformed query"),
        ("# title: T\n# param: y — not used\nSELECT ?x WHERE { ?x ?p ?o }", r"needs the variable \?y"),
        ("# title: T\n# param: x:float — bad type\nSELECT ?x WHERE { ?x ?p ?o }", "unknown type 'float'"),
        ("# title: T\n# param: !!\nSELECT ?x WHERE { ?x ?p ?o }", "bad parameter line"),
        ("# title: T\n# param: o — hidden\nSELECT ?x WHERE { ?x ?p ?o }", "parameters cannot be bound"),
    ],
)
def test_malformed_queries(text, message):
    with pytest.raises(QueryError, match=message):
        parse_query(text, "t")


def test_parse_params():
    assert parse_params(["a=1", "b=x=y"]) == {"a": "1", "b": "x=y"}
    with pytest.raises(QueryError, match="--param c has an empty value; leave it out"):
        parse_params(["c="])  # `-p person=` would otherwise silently mean "everyone"
    with pytest.raises(QueryError, match="given twice"):
        parse_params(["a=1", "a=2"])


def test_unknown_query_names_the_choices():
    with pytest.raises(QueryError, match="available: .*offices"):
        load_query("nope")


def test_bound_value_cannot_change_the_query(office_store):
    """A value with quotes, braces and SPARQL in it is one literal, matched exactly."""
    injection = '王军"@zh } UNION { ?p ?q ?r } #'
    assert rows(office_store, "offices", person=injection) == []
    assert rows(office_store, "person", name="}") == []
    # a name that really has a quote and a brace is found exactly
    found = rows(office_store, "offices", person='王"军}')
    assert [(r["person"], r["role"], r["division"]) for r in found] == [('王"军}', "委员", "甘肃省")]


def test_params_bind_as_rdf_terms():
    q = load_query("committee-officers")
    assert q.bind({"committee": "高台县政协"}) == {Variable("committee"): Literal("高台县政协", language="zh")}
    iri = "https://w3id.org/kg-cppcc/id/org/cppcc/620724"
    assert q.bind({"committee": iri}) == {Variable("committee_iri"): NamedNode(iri)}
    assert load_query("offices").bind({"body": "政协"}) == {Variable("body"): Literal("政协")}


def test_offices(office_store):
    got = rows(office_store, "offices")
    assert list(got[0]) == ["person", "role", "body", "committee", "division", "division_code", "parent",
                            "province", "document", "evidence"]
    table = {(r["person"], r["role"], r["division"]): r for r in got}
    assert len(got) == 8 == len(table)  # the repeated statement of 向钧 主席 is one office
    assert table[("向钧", "党组书记", "高台县")]["evidence"] == "高台县政协党组书记、主席向钧主持会议。"
    special = table[("张三", "主任", "甘肃省")]
    assert (special["body"], special["committee"], special["parent"], special["province"]) == \
        ("政协专委会", "教育科技委员会", "", "甘肃省")
    national = table[("王沪宁", "主席", "全国")]
    assert (national["division_code"], national["parent"], national["province"]) == ("", "", "")
    flagged = table[("刘树武", "主席", "陇西市")]
    assert (flagged["division_code"], flagged["parent"], flagged["province"]) == ("", "定西市", "甘肃省")
    assert table[("王军", "主席", "天祝县")]["division_code"] == "620623"  # as written, code of 天祝藏族自治县


def test_offices_params(office_store):
    assert {r["person"] for r in rows(office_store, "offices", role="主席")} == {"向钧", "王沪宁", "刘树武", "王军"}
    assert {r["person"] for r in rows(office_store, "offices", body="政协专委会")} == {"张三"}
    assert rows(office_store, "offices", document="other.txt") == []
    assert len(rows(office_store, "offices", document="handmade.txt")) == 8


def test_county_chairs(office_store):
    got = rows(office_store, "county-chairs")
    assert list(got[0]) == ["person", "county", "code", "city", "province", "document", "evidence"]
    assert {(r["person"], r["county"], r["code"], r["city"]) for r in got} == {
        ("向钧", "高台县", "620724", "张掖市"),
        ("刘树武", "陇西市", "", "定西市"),
        ("王军", "天祝县", "620623", "武威市"),
        ("王军", "金塔县", "620921", "酒泉市"),
    }
    assert rows(office_store, "county-chairs", province="陕西省") == []
    assert len(rows(office_store, "county-chairs", province="甘肃省")) == 4


def test_committee_officers_by_label_and_iri(office_store):
    by_label = rows(office_store, "committee-officers", committee="甘肃省政协教育科技委员会")
    assert [(r["person"], r["role"]) for r in by_label] == [("张三", "主任")]
    iri = by_label[0]["committee_iri"]
    by_iri = rows(office_store, "committee-officers", committee=iri)
    assert [(r["committee"], r["person"]) for r in by_iri] == [("甘肃省政协教育科技委员会", "张三")]
    gaotai = rows(office_store, "committee-officers", committee="高台县政协")
    assert sorted(r["role"] for r in gaotai) == ["主席", "党组书记"]


def test_person_two_wang_jun_are_two_persons(office_store):
    got = rows(office_store, "person", name="王军")
    assert len(got) == 2
    assert len({r["person"] for r in got}) == 2
    xiang = rows(office_store, "person", name="向钧")
    assert {(r["kind"], r["role"], r["body"]) for r in xiang} == {("office", "主席", "高台县政协"),
                                                                   ("office", "党组书记", "高台县政协")}


def test_concepts_campaigns_slogans(office_store):
    concepts = rows(office_store, "concepts")
    assert [(r["name"], r["type"], r["division"]) for r in concepts] == [
        ("三抓三促", "campaign", "陇西市"), ("两个确立", "slogan", ""), ("有事好商量", "brand", "张掖市")]
    assert [r["name"] for r in rows(office_store, "concepts", type="brand")] == ["有事好商量"]
    campaigns = rows(office_store, "campaigns")
    assert [(r["campaign"], r["division"], r["documents"]) for r in campaigns] == [("三抓三促", "陇西市", "1")]
    assert rows(office_store, "slogans") == [{"slogan": "两个确立", "mentions": "1", "documents": "1"}]


def test_divisions_press_meetings(office_store):
    divisions = {r["division"]: r for r in rows(office_store, "divisions")}
    assert {"高台县", "甘肃省", "陇西市", "全国", "张掖市"} <= set(divisions)
    assert divisions["陇西市"]["flagged"] == "true"
    assert (divisions["高台县"]["parent"], divisions["高台县"]["province"], divisions["高台县"]["code"]) == \
        ("张掖市", "甘肃省", "620724")
    assert rows(office_store, "press") == [{"person": "苏天泰", "role": "记者", "document": "handmade.txt"}]
    meetings = rows(office_store, "meetings")
    assert [(m["meeting"], m["date"], m["organiser"], m["chair"]) for m in meetings] == [
        ("高台县政协会议", "3月1日", "高台县政协", "向钧")]


def test_every_query_runs_on_an_empty_store(store_dir):
    with open_store(store_dir) as store:
        store.ensure_background()
    for q in list_queries():
        if q.name in REQUIRED:
            assert rows(store_dir, q.name) == [], q.name


def test_queries_dir_is_the_project_folder():
    assert (queries_dir() / "offices.rq").is_file()
