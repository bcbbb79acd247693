"""The web UI of `kg serve` in a real headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright; `playwright install` is never run). Every page is served under the Content-Security-
Policy the server is to send (added to each response here), so an inline script or handler would
fail these tests. Screenshots go to tmp_path (and to $KG_SCREENSHOTS when set, to look at)."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest
import requests

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"{CHROMIUM} is absent (apt-get install -y chromium fonts-noto-cjk)")

# the server fixtures live with the protocol tests
from test_server import EVIL_NAME, config, served_store, server  # noqa: E402,F401

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
       "form-action 'self'")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _with_csp(route):
    try:
        response = route.fetch(max_redirects=0)  # a 303 goes to the browser as it is
        headers = dict(response.headers)
        if headers.get("content-type", "").startswith("text/html"):
            headers["content-security-policy"] = CSP
        route.fulfill(response=response, headers=headers)
    except Exception:  # the page went on to another URL meanwhile: nothing to answer
        pass


def _wait(page, condition: str, timeout: float = 20.0):
    """Wait until ``condition`` (a JS expression) is true. (Playwright's wait_for_function evaluates a
    string in the page, which the CSP refuses: this polls from outside instead.)"""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({condition})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        page.wait_for_timeout(50)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-CN")
    context.route(re.compile(re.escape(server) + ".*"), _with_csp)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.on("console", lambda m: errors.append("console: " + m.text)
            if m.type == "error" and "status of 400" not in m.text else None)
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


def _labels_loaded(page):
    """The table, once /api/lookup's labels and links are in."""
    page.wait_for_selector("#table-view table.rows tbody tr a")


def _cy(page, script: str):
    return page.evaluate("(() => { const cy = document.querySelector('#graph-canvas')._cyreg.cy; " + script + " })()")


def test_canned_query_table_graph_and_entity_page(page, server, tmp_path):
    page.goto(server + "/")
    assert page.locator(".CodeMirror").is_visible()  # the editor, with highlighting
    assert page.locator(".CodeMirror .cm-keyword").count() > 0
    page.locator("button.canned[data-name=offices]").click()
    _labels_loaded(page)
    headers = page.locator("#table-view thead th").all_inner_texts()
    assert [h.strip() for h in headers[:3]] == ["person", "role", "body"]
    assert "canned=offices" in page.url  # a shareable URL
    assert "/api/queries/offices" in page.locator("#dl-csv").get_attribute("href")
    page.evaluate("window.scrollTo(0, 0)")
    _shot(page, tmp_path, "ui-table")

    page.locator("#tab-graph").click()
    _wait(page, "document.querySelector('#graph-canvas canvas') !== null")
    assert page.locator("#graph-view").is_visible()
    assert int(page.locator("#count").inner_text().split()[0]) > 5
    # names that are one entity's are that entity's node, coloured as a person
    assert _cy(page, "return cy.nodes('[category = \"person\"]').length") > 3
    page.evaluate("document.querySelector('.results').scrollIntoView()")
    _shot(page, tmp_path, "ui-graph")
    _cy(page, "cy.nodes('[category = \"person\"]')[0].emit('tap')")
    page.wait_for_url("**/id/person/*.html")
    assert page.locator(".kind").inner_text().startswith("人物")
    assert page.errors == []


def test_names_and_committees_link_to_their_pages(page, server):
    page.goto(server + "/?canned=county-chairs")
    _labels_loaded(page)
    row = page.locator("#table-view tbody tr", has_text="向钧").first
    person = row.locator("td").nth(0).locator("a")
    assert person.inner_text() == "向钧" and "cat-person" in person.get_attribute("class")
    county = row.locator("td").nth(1).locator("a")
    assert county.get_attribute("href") == "/id/division/620724"
    person.click()
    page.wait_for_url("**/id/person/*.html")
    assert page.locator("h1").inner_text() == "向钧"
    page.go_back()
    page.goto(server + "/?canned=offices&p.person=%E5%90%91%E9%92%A7")  # 向钧's offices
    _labels_loaded(page)
    committee = page.locator("#table-view tbody td a", has_text="高台县政协").first
    assert committee.count() == 0 or "cat-committee" in committee.get_attribute("class")
    body = page.locator("#table-view tbody td a.cat-division").first
    body.click()
    page.wait_for_url("**/id/division/*.html")
    assert page.errors == []


def test_iris_show_labels_not_hashes(page, server):
    query = ("SELECT ?person ?org WHERE { ?m org:member ?person ; org:organization ?org ; kg:roleName \"主席\"@zh } "
             "ORDER BY ?person LIMIT 20")
    page.goto(server + "/?" + urllib.parse.urlencode({"query": query}))
    page.wait_for_selector("#table-view tbody td a.cat-person")
    persons = page.locator("#table-view tbody td:first-child a").all()
    assert persons
    for a in persons:
        assert not a.inner_text().startswith("id/"), a.inner_text()  # a name, not id/person/…
        assert a.get_attribute("href").startswith("/id/person/")
        assert a.get_attribute("title").startswith("http")  # the IRI on hover
    orgs = page.locator("#table-view tbody td:nth-child(2) a").all_inner_texts()
    assert any(t.endswith("政协") for t in orgs)
    assert page.errors == []


def test_table_sorts_and_filters(page, server):
    page.goto(server + "/?canned=offices")
    _labels_loaded(page)
    total = page.locator("#table-view tbody tr").count()
    page.locator("#table-view th button.sort", has_text="role").click()
    assert page.locator("#table-view th[aria-sort=ascending]").inner_text().startswith("role")
    up = page.locator("#table-view tbody td:nth-child(2)").all_inner_texts()
    page.locator("#table-view th button.sort", has_text="role").click()
    assert page.locator("#table-view th[aria-sort=descending]").count() == 1
    down = page.locator("#table-view tbody td:nth-child(2)").all_inner_texts()
    filled_up, filled_down = [t for t in up if t], [t for t in down if t]
    assert filled_down == filled_up[::-1] and filled_up != filled_down  # reversed, empty cells last
    assert len(set(filled_up[:filled_up.count(filled_up[0])])) == 1  # equal titles sit together
    page.fill("#filter", "高台")
    _wait(page, f"document.querySelectorAll('#table-view tbody tr').length < {total}")
    rows = page.locator("#table-view tbody tr").all_inner_texts()
    assert rows and all("高台" in r for r in rows)
    assert re.match(rf"{len(rows)} of {total} rows", page.locator("#count").inner_text())
    page.fill("#filter", "")
    _wait(page, f"document.querySelectorAll('#table-view tbody tr').length === {total}")
    assert page.errors == []


def test_construct_graph_draws_offices_as_labelled_edges(page, server, tmp_path):
    page.goto(server + "/?canned=county-chairs-graph")
    _labels_loaded(page)
    assert page.locator("#table-view thead th").all_inner_texts() == ["subject", "predicate", "object"]
    assert page.locator("#count").inner_text().endswith("triples")
    page.locator("#tab-graph").click()
    _wait(page, "document.querySelector('#graph-canvas canvas') !== null")
    edges = _cy(page, """return cy.edges('[office = "yes"]').map(e => [e.data('label'), e.source().data('category'),
                                   e.target().data('category'), e.data('iri')]);""")
    assert edges and all(label == "主席" for label, *_ in edges)
    assert all(src == "person" and dst == "committee" for _, src, dst, _ in edges)
    assert all("/id/office/" in iri or "office" in iri for *_, iri in edges)
    # no office node: the hash nodes are edges now; nodes carry names
    assert _cy(page, "return cy.nodes().filter(n => /office/.test(n.data('iri') || '')).length") == 0
    labels = _cy(page, "return cy.nodes().map(n => n.data('label'))")
    assert "高台县政协" in labels and not any(re.fullmatch(r"[0-9a-f]{16}", label) for label in labels)
    legend = page.locator("#graph-legend").inner_text()
    assert "政协" in legend and "人物" in legend and "行政区" in legend and "主席" in legend
    # the layout spreads: no two nodes on one spot
    spots = _cy(page, "return cy.nodes().map(n => [Math.round(n.position('x') / 8), Math.round(n.position('y') / 8)])")
    assert len({tuple(s) for s in spots}) >= 0.9 * len(spots)
    page.evaluate("document.querySelector('.results').scrollIntoView()")
    _shot(page, tmp_path, "ui-construct-graph")
    # the office itself is one click away: tapping its edge opens its page
    _cy(page, "cy.edges('[office = \"yes\"]')[0].emit('tap')")
    page.wait_for_url("**/id/office/**.html")
    assert page.locator(".kind").inner_text().startswith("职务")
    assert page.errors == []


def test_map_draws_points_for_county_chairs(page, server, tmp_path):
    rows = requests.get(server + "/api/queries/county-chairs", params={"format": "json"}).json()["results"]["bindings"]
    codes = {r["code"]["value"] for r in rows if "code" in r}
    assert codes
    # a row without a county code (陇西市, flagged: not in the gazetteer as written) sits at its city
    uncoded = {r["city"]["value"] for r in rows if "code" not in r}
    page.goto(server + "/?canned=county-chairs&view=map")
    page.wait_for_selector("svg.map circle.point")
    _wait(page, f"document.querySelectorAll('svg.map circle.point').length === {len(codes) + len(uncoded)}")
    drawn = set(page.eval_on_selector_all("svg.map circle.point", "cs => cs.map(c => c.dataset.code)"))
    assert codes <= drawn
    if "定西市" in uncoded:
        assert "621100" in drawn
    assert page.locator("svg.map path.province").count() >= 34  # outlines, offline
    assert page.locator("svg.map path.province.has-points[data-code='620000']").count() == 1  # Gansu
    assert page.locator("svg.map text.place", has_text="高台县").count() == 1
    page.evaluate("document.querySelector('.results').scrollIntoView()")
    _shot(page, tmp_path, "ui-map")
    assert "view=map" in page.locator("#share").get_attribute("href")  # a shared link opens the map
    page.dispatch_event("svg.map circle.point[data-code='620724']", "click")
    detail = page.locator(".map-detail")
    assert "高台县" in detail.locator("h3").inner_text()
    assert "向钧" in detail.locator(".detail-rows").inner_text() and EVIL_NAME in detail.inner_text()  # as text
    assert detail.locator("dl a.cat-person", has_text="向钧").count() == 1
    detail.locator("h3 a").click()
    page.wait_for_url("**/id/division/620724.html")
    assert page.errors == []


def test_syntax_error_is_marked_in_the_editor(page, server, tmp_path):
    query = "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?x WHERE {\n  ?x foaf:name }"
    page.goto(server + "/?" + urllib.parse.urlencode({"query": query}))
    page.wait_for_selector(".cm-syntax-error")
    line = page.locator(".CodeMirror-line", has=page.locator(".cm-syntax-error")).inner_text()
    assert "foaf:name" in line  # the third line, where the parser stopped
    assert page.locator(".error-marker").count() == 1
    head = page.locator("#error .error-head").inner_text()
    assert "line 3, column" in head
    chips = page.locator("#error .error-expected code").all_inner_texts()
    assert chips and len(chips) == len(set(chips))  # each expected token once, in words
    assert "a variable" in chips and not any(c.startswith("[") for c in chips)
    run = page.locator("#run").bounding_box()
    assert run["width"] > 2 * run["height"]  # the Run button keeps its shape
    assert page.locator("#status").bounding_box()["height"] < 30
    _shot(page, tmp_path, "ui-error")
    assert "failed" in page.locator("#table-view").inner_text()  # no stale result below the error
    page.locator(".CodeMirror").click()
    page.keyboard.press("End")
    page.keyboard.type(" ?n }")  # editing clears the mark
    assert page.locator(".cm-syntax-error").count() == 0 and page.locator("#error").is_hidden()
    assert page.errors == []


def test_history_keeps_queries_in_this_browser(page, server):
    page.goto(server + "/?canned=press")
    page.wait_for_selector("#table-view table.rows")
    first = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name LIMIT 3"
    page.goto(server + "/?" + urllib.parse.urlencode({"query": first}))
    page.wait_for_selector("#table-view table.rows tbody tr")
    page.goto(server + "/")
    entries = page.locator("#history button.past")
    assert entries.count() == 2
    assert entries.nth(0).inner_text().startswith("SELECT ?name")
    assert "3 rows" in entries.nth(0).inner_text()
    stored = json.loads(page.evaluate("localStorage.getItem('kg.history.v1')"))
    assert stored[1]["canned"] == "press"
    entries.nth(1).click()  # the canned query again, with its form
    page.wait_for_selector("#table-view table.rows")
    assert page.locator("#canned-form").is_visible() and page.locator("#canned-title").inner_text()
    assert page.locator("#history button.past").count() == 2  # run again: moved up, not doubled
    page.locator("#history-clear").click()
    assert page.locator("#history button.past").count() == 0
    assert page.errors == []


def test_completion_offers_prefixes_classes_and_properties(page, server):
    page.goto(server + "/")
    page.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("?x a kg:Coun")
    page.wait_for_selector(".CodeMirror-hints")
    hints = page.locator(".CodeMirror-hint").all_inner_texts()
    assert any(h.startswith("kg:County ") and "县" in h for h in hints)
    assert any(h.startswith("kg:CountyLevelCity") for h in hints)
    page.keyboard.press("Enter")  # picks the first
    assert "?x a kg:County" in page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    page.keyboard.type(" ; org:mem")
    page.wait_for_selector(".CodeMirror-hints")
    assert any(h.startswith("org:member") for h in page.locator(".CodeMirror-hint").all_inner_texts())
    page.keyboard.press("Escape")
    assert page.errors == []


def test_shared_query_url_and_entity_page(page, server, config, tmp_path):
    query = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
             "SELECT ?person ?name WHERE { ?person a foaf:Person ; foaf:name ?name } ORDER BY ?name")
    page.goto(server + "/?" + urllib.parse.urlencode({"query": query}))
    _labels_loaded(page)
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
    page.goto(server + "/?" + urllib.parse.urlencode(
        {"query": "SELECT ?name ?p WHERE { ?p foaf:name ?name FILTER(CONTAINS(?name, 'script')) }"}))
    _labels_loaded(page)
    assert EVIL_NAME in page.locator("#table-view tbody").inner_text()
    page.locator("#table-view tbody td a").first.click()
    page.wait_for_url("**/id/person/*.html")
    assert page.locator("h1").inner_text() == EVIL_NAME
    page.locator("a.doc").first.click()
    page.wait_for_url("**/id/doc/*.html")
    assert page.title().startswith("<script>")  # shown as text, not run
    assert page.errors == []
    _shot(page, tmp_path, "document")


def test_only_web_iris_become_links(page, server):
    query = ("SELECT ?x ?label WHERE { VALUES (?x ?label) { (<javascript:alert(1)> \"j\") (<data:text/html,hi> \"d\") "
             "(<urn:x:y> \"u\") (<https://example.org/a> \"h\") } }")
    page.goto(server + "/?" + urllib.parse.urlencode({"query": query}))
    page.wait_for_selector("#table-view tbody tr")
    page.wait_for_timeout(300)  # the lookup's answer
    hrefs = page.eval_on_selector_all("#table-view a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs == ["https://example.org/a"]
    assert "javascript:alert(1)" in page.locator("#table-view tbody").inner_text()  # shown, as text
    page.locator("#tab-graph").click()
    _wait(page, "document.querySelector('#graph-canvas canvas') !== null")
    _cy(page, "cy.nodes().filter(n => n.data('iri') === 'javascript:alert(1)')[0].emit('tap')")
    page.wait_for_url("**/search?q=*")  # a search for its label, never the IRI itself
    assert page.errors == []


def test_favicon(page, server):
    page.goto(server + "/")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    r = requests.get(server + icon)
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml") and b"<svg" in r.content
    assert page.errors == []  # no 404 for /favicon.ico either


def test_committee_page_draws_its_chairs_over_time(browser, tmp_path):
    """The committee page of a store with a résumé and a dated news report, in Chromium: the chairs'
    bars in the order of their years, each bar a link to the post's page, under the page's CSP."""
    from kg.server import ServerConfig
    from kg.server.testing import running_server
    from test_ui import _chairs_store

    store, base, org = _chairs_store(tmp_path)
    with running_server(ServerConfig(store=str(store), base=base, workers=1)) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-CN")
        context.route(re.compile(re.escape(url) + ".*"), _with_csp)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            page.goto(url + "/" + org[len(base):] + ".html")
            section = page.locator("section.chairs")
            assert "历任 Chairs over time" in section.locator("h2").inner_text()
            rows = section.locator("tr.chair")
            assert rows.count() == 2
            assert "李文华" in rows.nth(0).inner_text() and "王建国" in rows.nth(1).inner_text()
            assert section.locator("rect.attested").count() == 1 and section.locator("rect.closed").count() == 1
            _shot(page, tmp_path, "committee-chairs")
            section.locator("svg.bar a").first.click()  # the bar links to the post (its evidence)
            page.wait_for_url("**/id/**.html")
            assert "高台县政协主席" in page.content()
            assert errors == []
        finally:
            context.close()
