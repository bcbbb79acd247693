"""The web UI of `kg serve` in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; `playwright install` is never run). Screenshots go to tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is absent (apt-get install -y chromium fonts-noto-cjk)")

# the server fixtures live with the protocol tests
from test_server import EVIL_NAME, config, served_store, server  # noqa: E402,F401

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.errors = errors
    yield page
    context.close()


def _shot(page, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.png"
    page.screenshot(path=str(out), full_page=False)
    keep = os.environ.get("KG_SCREENSHOTS")  # a folder to keep them in, to look at
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(keep) / f"{name}.png"), full_page=False)
    assert out.stat().st_size > 10_000
    return out


def test_canned_query_table_graph_and_entity_page(page, server, tmp_path):
    page.goto(server + "/")
    assert page.locator(".CodeMirror").is_visible()  # the editor, with highlighting
    assert page.locator(".CodeMirror .cm-keyword").count() > 0
    page.locator("button.canned[data-name=offices]").click()
    page.wait_for_selector("#table-view table.rows tbody tr")
    headers = page.locator("#table-view thead th").all_inner_texts()
    assert headers[:3] == ["person", "role", "body"]
    assert "canned=offices" in page.url  # a shareable URL
    assert "/api/queries/offices" in page.locator("#dl-csv").get_attribute("href")
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, tmp_path, "ui-table")

    page.locator("#tab-graph").click()
    page.wait_for_function("document.querySelector('#graph-view canvas') !== null")
    page.wait_for_timeout(500)
    assert page.locator("#graph-view").is_visible()
    assert int(page.locator("#count").inner_text().split()[0]) > 5
    page.locator(".results").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.results').scrollIntoView()")
    _shot(page, tmp_path, "ui-graph")

    # clicking a node of the graph opens its page (Cytoscape draws on a canvas: tap by API)
    page.evaluate("""() => {
        const container = document.querySelector('#graph-view');
        const cy = container._cyreg && container._cyreg.cy;
        const node = cy.nodes('[kind = "literal"]').filter(n => n.data('label') === '主席')[0]
                  || cy.nodes()[0];
        node.emit('tap');
    }""")
    page.wait_for_url("**/search?q=*")
    assert page.locator("h1").inner_text().startswith("搜索")
    assert page.errors == []


def test_shared_query_url_and_entity_page(page, server, config, tmp_path):
    query = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
             "SELECT ?person ?name WHERE { ?person a foaf:Person ; foaf:name ?name } ORDER BY ?name")
    page.goto(server + "/?" + __import__("urllib.parse").parse.urlencode({"query": query}))
    page.wait_for_selector("#table-view table.rows tbody tr")
    link = page.locator("#table-view tbody td a").first
    link.click()
    page.wait_for_url("**/id/person/*.html")
    assert page.locator(".kind").inner_text().startswith("人物")
    assert page.locator("table.rows").first.is_visible()  # offices held, with evidence
    _shot(page, tmp_path, "person")
    assert page.errors == []


def test_entity_pages_and_search(page, server, tmp_path):
    page.goto(server + "/")
    page.fill("#search-box", "张掖市")
    page.press("#search-box", "Enter")
    page.wait_for_url("**/id/division/620700.html")
    assert page.locator("h1").inner_text() == "张掖市"
    assert "甘肃省" in page.locator("ol.tree").inner_text()
    _shot(page, tmp_path, "division")
    page.locator("a", has_text="张掖市政协").first.click()
    page.wait_for_url("**/id/org/**.html")
    _shot(page, tmp_path, "committee")
    assert page.errors == []


def test_injected_names_stay_text(page, server, tmp_path):
    page.goto(server + "/?" + __import__("urllib.parse").parse.urlencode(
        {"query": "SELECT ?name ?p WHERE { ?p foaf:name ?name FILTER(CONTAINS(?name, 'script')) }"}))
    page.wait_for_selector("#table-view table.rows tbody tr")
    assert EVIL_NAME in page.locator("#table-view tbody").inner_text()
    page.locator("#table-view tbody td a").first.click()
    page.wait_for_url("**/id/person/*.html")
    assert page.locator("h1").inner_text() == EVIL_NAME
    page.locator("a.doc").first.click()
    page.wait_for_url("**/id/doc/*.html")
    assert page.title().startswith("<script>")  # shown as text, not run
    assert page.errors == []
    _shot(page, tmp_path, "document")


def test_construct_query_as_triples_and_graph(page, server, tmp_path):
    page.goto(server + "/?canned=county-chairs-graph")
    page.wait_for_selector("#table-view table.rows tbody tr")
    assert page.locator("#table-view thead th").all_inner_texts() == ["subject", "predicate", "object"]
    assert page.locator("#count").inner_text().endswith("triples")
    page.locator("#tab-graph").click()
    page.wait_for_function("document.querySelector('#graph-view canvas') !== null")
    assert int(page.locator("#count").inner_text().split()[0]) > 3
    page.evaluate("document.querySelector('.results').scrollIntoView()")
    _shot(page, tmp_path, "ui-construct-graph")
    assert page.errors == []
