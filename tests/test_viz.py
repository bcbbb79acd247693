"""kg viz: the subgraph it picks, an offline HTML page (checked in headless Chromium), and
Graphviz SVG/PNG pictures with legible Chinese labels."""

from __future__ import annotations

import os
import re
import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import UsageError
from kg.queries import load_query
from kg.store import open_store
from kg.viz import CYTOSCAPE_VERSION, FONT, VizEdge, VizGraph, VizNode, render, subgraph, to_dot, to_html
from kg.paths import bundled

SEEDS = bundled("seeds")
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is absent (apt-get install graphviz)")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture()
def store_dir(seeds_store) -> Path:
    return seeds_store


@pytest.fixture()
def store(store_dir):
    with open_store(store_dir, read_only=True) as s:
        yield s


def _labels(graph: VizGraph, category: str) -> set[str]:
    return {n.label for n in graph.nodes.values() if n.category == category}


def test_default_is_committees_chairs_and_divisions(store):
    g = subgraph(store)
    assert not g.truncated
    committees = _labels(g, "committee")
    assert "高台县政协" in committees and "全国政协" in committees
    assert {"高台县", "张掖市", "甘肃省"} <= _labels(g, "division")
    assert _labels(g, "person")
    chair_edges = [e for e in g.edges if e.label == "主席"]
    assert chair_edges
    for e in chair_edges:
        assert g.nodes[e.source].category == "person" and g.nodes[e.target].category == "committee"
    assert set(_labels(g, "committee")) and not _labels(g, "document")


def test_center_by_name_and_by_iri(store):
    g = subgraph(store, center="高台县政协", depth=1)
    center = next(n for n in g.nodes.values() if n.label == "高台县政协")
    assert any(e.label == "主席" and e.target == center.id for e in g.edges)
    assert "高台县" in _labels(g, "division")
    by_iri = subgraph(store, center=center.id, depth=1)
    assert set(by_iri.nodes) == set(g.nodes)
    deeper = subgraph(store, center="高台县政协", depth=2)
    assert len(deeper.nodes) > len(g.nodes)
    # a node's panel data: its literal properties
    assert ("kg:bodyKind", "政协") in center.props


def test_unknown_center_is_one_line_naming_it(store, store_dir, tmp_path):
    with pytest.raises(UsageError, match="no node named '不存在的县'"):
        subgraph(store, center="不存在的县")
    result = CliRunner().invoke(cli, ["viz", "--store", str(store_dir), "--center", "不存在的县",
                                      "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "kg: error: no node named '不存在的县' in the store; give an IRI or a name as printed (高台县政协, a person's name)"
    ]
    assert not (tmp_path / "x.html").exists()


def test_max_nodes_cuts_with_a_message(store_dir, tmp_path):
    out = tmp_path / "cut.html"
    result = CliRunner().invoke(cli, ["viz", "--store", str(store_dir), "--center", "甘肃省", "--depth", "4",
                                      "--max-nodes", "15", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "more than 15 nodes; drew the first 15" in result.output
    assert "wrote" in result.output and out.exists()


def test_construct_query(store):
    g = subgraph(store, query=load_query("county-chairs-graph"))
    assert "高台县政协" in _labels(g, "committee")
    assert not any(n.types == ["org:Membership"] for n in g.nodes.values())  # drawn as edges
    assert any(e.label == "主席" for e in g.edges)


def _tiny() -> VizGraph:
    g = VizGraph(title="测试</script><b>")
    g.nodes["http://ex.org/p"] = VizNode("http://ex.org/p", "王军", "person", ["foaf:Person"], [("foaf:name", "王军")])
    g.nodes["http://ex.org/c"] = VizNode("http://ex.org/c", "高台县政协</script>", "committee", ["kg:CPPCCCommittee"])
    g.edges.append(VizEdge("http://ex.org/p", "http://ex.org/c", "主席", "http://www.w3.org/ns/org#role"))
    return g


def test_html_is_self_contained_and_escaped():
    page = to_html(_tiny())
    assert "cytoscape" in page and f'"{CYTOSCAPE_VERSION}"' in page  # the library, inlined
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=", page)
    assert "http://ex.org/c" in page and "王军" in page
    # the payload cannot end the script element early
    assert page.count("</script>") == 2
    assert "<title>测试&lt;/script&gt;&lt;b&gt;</title>" in page


def test_vendored_cytoscape_is_recorded():
    viz_dir = Path(str(files("kg"))) / "resources" / "viz"
    versions = (viz_dir / "VERSIONS.md").read_text(encoding="utf-8")
    assert CYTOSCAPE_VERSION in versions and "MIT" in versions
    assert (viz_dir / "LICENSE.cytoscape").is_file()
    assert f'"{CYTOSCAPE_VERSION}"' in (viz_dir / "cytoscape.min.js").read_text(encoding="utf-8")


def test_dot_names_the_cjk_font():
    dot = to_dot(_tiny())
    assert f'fontname="{FONT}"' in dot
    assert '"王军"' in dot and "主席" in dot
    assert '高台县政协</script>' in dot  # quoted, not HTML


@needs_dot
def test_svg_has_chinese_labels_and_the_font(store, tmp_path):
    out = tmp_path / "g.svg"
    render(subgraph(store), out)
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") or svg.lstrip().startswith("<svg")
    assert ">高台县政协<" in svg and ">主席<" in svg
    assert FONT in svg


@needs_dot
def test_png_is_a_real_picture_with_cjk_glyphs(store, tmp_path):
    from PIL import Image, ImageStat

    out = tmp_path / "g.png"
    render(subgraph(store, center="高台县政协", depth=1), out)
    image = Image.open(out).convert("RGB")
    width, height = image.size
    assert width > 300 and height > 200
    stat = ImageStat.Stat(image.convert("L"))
    assert stat.stddev[0] > 20  # not blank
    assert len(image.getcolors(1 << 20) or []) > 50  # antialiased text and coloured shapes
    keep = os.environ.get("KG_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / "viz-center.png")


@needs_dot
def test_cjk_font_is_installed_for_graphviz():
    """Without the font Graphviz falls back to boxes (tofu); fc-match must find it."""
    fc = shutil.which("fc-match")
    if fc is None:
        pytest.skip("fontconfig tools absent")
    import subprocess

    found = subprocess.run([fc, FONT], capture_output=True, text=True).stdout
    assert "Noto Sans CJK" in found, f"fc-match {FONT!r} gave {found!r}; apt-get install fonts-noto-cjk"


def test_cli_writes_html(store_dir, tmp_path):
    out = tmp_path / "g.html"
    result = CliRunner().invoke(cli, ["viz", "--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = CliRunner().invoke(cli, ["viz", "--store", str(store_dir), "-o", str(tmp_path / "g.gif")])
    assert result.exit_code == 2 and "must end in .html, .svg or .png" in result.output


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_html_works_offline_in_chromium(store, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    out = tmp_path / "g.html"
    render(subgraph(store), out)
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu",
                                          "--disable-background-networking", "--no-first-run"])
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
            context.route("**/*", lambda route: (requests.append(route.request.url),
                                                 route.continue_() if route.request.url.startswith("file:")
                                                 else route.abort()))
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(out.as_uri())
            page.wait_for_function("window.kgCy && window.kgCy.nodes().length > 0")
            n = page.evaluate("window.kgCy.nodes().length")
            assert n == len(subgraph(store).nodes)
            # laid out: nodes spread over the canvas, not piled at one point
            spread = page.evaluate("(() => { const b = window.kgCy.nodes().boundingBox(); return [b.w, b.h]; })()")
            assert spread[0] > 200 and spread[1] > 200
            # filter by class
            page.locator("#legend input[data-category=person]").uncheck()
            assert page.evaluate("window.kgCy.nodes('[category = \"person\"]').every(n => n.hasClass('hidden'))")
            page.locator("#legend input[data-category=person]").check()
            # search, which also shows the single hit's properties
            page.fill("#search", "高台县政协")
            page.wait_for_selector("#info h1")
            assert page.inner_text("#info h1") == "高台县政协"
            assert "主席" in page.inner_text("#info")
            # click a node
            page.fill("#search", "")
            page.evaluate("window.kgCy.nodes('[category = \"division\"]')[0].emit('tap')")
            assert page.inner_text("#info table")
            shot = tmp_path / "viz.png"
            page.screenshot(path=str(shot))
            keep = os.environ.get("KG_SCREENSHOTS")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(shot, Path(keep) / "viz-html.png")
            assert not errors, errors
        finally:
            browser.close()
    assert all(u.startswith("file:") for u in requests), [u for u in requests if not u.startswith("file:")]


# -- kg viz --map ------------------------------------------------------------------------------

def _county_codes(store) -> set[str]:
    from kg.queries import run_query

    rows = run_query(store, load_query("county-chairs"))
    return {r["code"].value for r in rows if r["code"] is not None}


def test_map_picture_places_the_county_chairs(store):
    from kg.viz import map_picture

    picture = map_picture(store)
    codes = _county_codes(store)
    assert codes and codes <= {p.code for p in picture.points}
    gaotai = next(p for p in picture.points if p.code == "620724")
    assert gaotai.name == "高台县" and gaotai.level == 2
    assert {"person", "county", "code"} <= set(gaotai.rows[0])
    assert sum(len(p.rows) for p in picture.points) + picture.without == picture.rows


def test_map_rows_pick_the_finest_division():
    from pyoxigraph import Literal, NamedNode

    from kg.viz import map_rows

    places = {"620000": [0, 0, "甘肃省", 0], "620700": [0, 0, "张掖市", 1], "620724": [0, 0, "高台县", 2]}
    info = {"iris": {"https://x/id/division/620700": {"code": "620700"}},
            "names": {"甘肃省": {"count": 1, "code": "620000"}, "朝阳区": {"count": 2, "code": "110105"}}}
    rows = [[Literal("甘肃省"), NamedNode("https://x/id/division/620700"), Literal("620724")],  # the county
            [Literal("甘肃省"), NamedNode("https://x/id/division/620700"), None],  # the city
            [Literal("甘肃省"), None, None],
            [Literal("朝阳区"), None, Literal("主席")]]  # two 朝阳区: no place
    groups, without = map_rows(["province", "city", "code"], rows, info, places)
    assert groups == {"620724": [0], "620700": [1], "620000": [2]} and without == 1


def test_viz_map_cli_writes_svg_html_and_png(store_dir, tmp_path):
    runner = CliRunner()
    svg = tmp_path / "map.svg"
    r = runner.invoke(cli, ["viz", "--map", "--store", str(store_dir), "-o", str(svg)])
    assert r.exit_code == 0, r.output
    assert re.search(r"wrote .*map\.svg \(\d+ places from \d+ of \d+ rows\)", r.output)
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and text.count("<path") >= 34
    with open_store(store_dir, read_only=True) as s:
        codes = _county_codes(s)
    assert text.count("<circle") >= len(codes) and ">高台县</text>" in text and "County CPPCC chairs" in text
    html_out = tmp_path / "map.html"
    assert runner.invoke(cli, ["viz", "--map", "--store", str(store_dir), "-o", str(html_out)]).exit_code == 0
    assert "<svg" in html_out.read_text(encoding="utf-8") and "<script" not in html_out.read_text(encoding="utf-8")
    r = runner.invoke(cli, ["viz", "--map", "--store", str(store_dir), "--query", "offices", "-p", "role=主席",
                            "-o", str(tmp_path / "offices.svg")])
    assert r.exit_code == 0, r.output
    if shutil.which("rsvg-convert"):
        png = tmp_path / "map.png"
        r = runner.invoke(cli, ["viz", "--map", "--store", str(store_dir), "-o", str(png)])
        assert r.exit_code == 0, r.output
        from PIL import Image

        with Image.open(png) as im:
            assert im.size[0] >= 1500  # drawn at twice the SVG's size, for print
            keep = os.environ.get("KG_SCREENSHOTS")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(png, Path(keep) / "viz-map.png")


def test_viz_map_refuses_what_it_cannot_draw(store_dir, tmp_path):
    runner = CliRunner()
    out = str(tmp_path / "m.svg")
    r = runner.invoke(cli, ["viz", "--map", "--center", "高台县政协", "--store", str(store_dir), "-o", out])
    assert r.exit_code != 0 and "--map draws a query's rows" in r.output
    r = runner.invoke(cli, ["viz", "--map", "--query", "county-chairs-graph", "--store", str(store_dir), "-o", out])
    assert r.exit_code != 0 and "is not a SELECT query" in r.output
    r = runner.invoke(cli, ["viz", "--map", "--store", str(store_dir), "-o", str(tmp_path / "m.pdf")])
    assert r.exit_code != 0 and "must end in .html, .svg or .png" in r.output
