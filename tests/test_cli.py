"""The `kg` command as a user meets it: messages, exit codes, exact CSV headers."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import cli

OFFICES_HEADER = "person,role,body,committee,division,division_code,parent,province,document,evidence"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner, *args, **kw):
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def test_build_summary_and_idempotent_rebuild(runner, seeds_dir, store_dir, fake_extractor):
    first = invoke(runner, "build", seeds_dir, "--store", store_dir)
    assert first.exit_code == 0, first.output
    assert "documents: 5 read, 0 unchanged, 5 written, 0 skipped, 0 failed" in first.stdout
    assert "quads:" in first.stdout and "time:" in first.stdout
    second = invoke(runner, "build", seeds_dir, "--store", store_dir)
    assert second.exit_code == 0
    assert "documents: 5 read, 5 unchanged, 0 written, 0 skipped, 0 failed" in second.stdout
    assert "quads: 0 written" in second.stdout


def test_build_uses_the_store_environment_variable(runner, seeds_dir, tmp_path, fake_extractor, monkeypatch):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert invoke(runner, "build", seeds_dir).exit_code == 0
    assert (tmp_path / "env-store" / "CURRENT").exists()
    result = invoke(runner, "stats")
    assert result.exit_code == 0
    assert "documents:" in result.stdout and " 5" in result.stdout.splitlines()[0]


def test_bad_files_named_good_ones_loaded_exit_1(runner, seeds_dir, tmp_path, store_dir, fake_extractor):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "empty.txt").write_bytes(b"")
    result = invoke(runner, "build", corpus, "--store", store_dir)
    assert result.exit_code == 1
    assert "5 written" in result.stdout and "2 failed" in result.stdout
    failures = [line for line in result.stderr.splitlines() if line.startswith("kg: failed")]
    assert len(failures) == 2
    assert any("binary.txt" in line and "binary" in line for line in failures)
    assert any("empty.txt" in line and "empty" in line for line in failures)


def test_an_html_page_and_other_files_beside_the_articles(runner, seeds_dir, tmp_path, store_dir, fake_extractor):
    """An HTML page is read (trafilatura and its cleaner are installed dependencies); a picture in
    the folder is counted as skipped and named, never silently ignored."""
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    paragraphs = "".join(f"<p>{p}</p>" for p in sorted(seeds_dir.glob("*.txt"))[1].read_text(encoding="utf-8")
                         .split("\n\n")[:20])
    (corpus / "page.html").write_text(f"<html><body><article>{paragraphs.replace('政协', '政协 ')}</article></body></html>",
                                      encoding="utf-8")
    (corpus / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "x.bin").write_bytes(b"\0")
    result = invoke(runner, "build", corpus, "--store", store_dir)
    assert result.exit_code == 0, result.output
    assert "6 read, 0 unchanged, 6 written, 1 skipped, 0 failed" in result.stdout
    assert "kg: skipped " in result.stderr and "photo.png: not an article file (.png" in result.stderr
    assert "x.bin" not in result.stderr


def test_one_file_raising_fails_that_file_only(runner, seeds_dir, tmp_path, store_dir, fake_extractor, monkeypatch):
    """Whatever a single file raises while it is read fails that file, in one line; the others load."""
    import kg.corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    (corpus / "page.html").write_text("<html><body><p>政协</p></body></html>", encoding="utf-8")

    def broken(html, path):
        raise ImportError("a missing module\nsecond line")

    monkeypatch.setattr(kg.corpus, "_html_to_text", broken)
    result = invoke(runner, "build", corpus, "--store", store_dir)
    assert result.exit_code == 1
    assert "5 written, 0 skipped, 1 failed" in result.stdout
    (failure,) = [line for line in result.stderr.splitlines() if line.startswith("kg: failed")]
    assert "page.html" in failure and "ImportError: a missing module second line" in failure


def test_max_file_size(runner, seeds_dir, tmp_path, store_dir, fake_extractor):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    sizes = sorted(p.stat().st_size for p in corpus.glob("*.txt"))
    limit = sizes[-1] - 1  # the largest seed is over the limit
    result = invoke(runner, "build", corpus, "--store", store_dir, "--max-file-size", str(limit))
    assert result.exit_code == 1
    assert "4 written" in result.stdout and "1 failed" in result.stdout
    assert f"the limit is {limit:,}" in result.stderr
    again = invoke(runner, "build", corpus, "--store", store_dir, "--max-file-size", "1M")
    assert again.exit_code == 0 and "1 written" in again.stdout
    bad = runner.invoke(cli, ["build", str(corpus), "--store", str(store_dir), "--max-file-size", "lots"])
    assert bad.exit_code == 2 and "'lots' is not a size" in bad.output


def test_duplicate_reported_as_skipped(runner, seeds_dir, tmp_path, store_dir, fake_extractor):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    shutil.copy(seed, corpus / "a.txt")
    (corpus / "b.txt").write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    result = invoke(runner, "build", corpus, "--store", store_dir)
    assert result.exit_code == 0
    assert "1 written, 1 skipped" in result.stdout
    assert "b.txt: same text as" in result.stderr


def test_query_offices_csv_exact_header(runner, office_store):
    result = invoke(runner, "query", "offices", "--store", office_store, "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == OFFICES_HEADER
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"person": "向钧", "role": "主席", "body": "政协", "division": "高台县", "division_code": "620724",
            "parent": "张掖市", "province": "甘肃省", "document": "handmade.txt"}.items() <= rows[1].items()


def test_query_concepts_and_press_headers(runner, office_store):
    concepts = invoke(runner, "query", "concepts", "--store", office_store, "-f", "csv")
    assert concepts.stdout.splitlines()[0] == "name,type,division,document,evidence"
    press = invoke(runner, "query", "press", "--store", office_store, "-f", "csv")
    assert press.stdout.splitlines() == ["person,role,document", "苏天泰,记者,handmade.txt"]


def test_query_formats(runner, office_store):
    tsv = invoke(runner, "query", "press", "--store", office_store, "-f", "tsv")
    assert tsv.stdout.splitlines()[0] == "?person\t?role\t?document"
    js = json.loads(invoke(runner, "query", "press", "--store", office_store, "-f", "json").stdout)
    assert js["head"]["vars"] == ["person", "role", "document"]
    assert js["results"]["bindings"][0]["person"]["value"] == "苏天泰"
    table = invoke(runner, "query", "press", "--store", office_store)
    assert table.exit_code == 0 and "苏天泰" in table.stdout
    assert "1 row" in table.stderr


def test_query_param(runner, office_store):
    result = invoke(runner, "query", "offices", "--store", office_store, "-f", "csv", "--param", "person=王军")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["division"] for r in rows] == ["天祝县", "金塔县"]


def test_query_list_shows_titles(runner):
    result = invoke(runner, "query", "--list")
    assert result.exit_code == 0
    assert "offices" in result.stdout and "Offices" in result.stdout
    assert "county-chairs" in result.stdout and "County CPPCC chairs" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "no-such-query"], "no query named 'no-such-query'; available: "),
        (["query", "offices", "--param", "nobody=x"], "query offices has no parameter 'nobody'"),
        (["query", "offices", "--param", "person"], "bad --param 'person'; expected NAME=VALUE"),
        (["query", "offices", "--param", "person="], "--param person has an empty value; leave it out to mean any"),
        (["query", "offices", "-f", "yaml"], "unknown result format 'yaml'"),
        (["query"], "give a query NAME or --list"),
    ],
)
def test_query_errors_are_one_line_exit_2(runner, office_store, args, message):
    result = invoke(runner, *args, "--store", office_store)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kg: error: ")
    assert message in result.stderr


def test_malformed_query_file(runner, office_store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("# title: Broken\nSELECT ?x WHERE { ?x ?y \n", encoding="utf-8")
    result = invoke(runner, "query", bad, "--store", office_store)
    assert result.exit_code == 2
    assert "bad.rq: malformed query" in result.stderr
    assert result.stderr.count("\n") == 1


def test_query_file_by_path(runner, office_store, tmp_path):
    q = tmp_path / "count.rq"
    q.write_text("# title: Count persons\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                 "SELECT (COUNT(?p) AS ?n) WHERE { ?p a foaf:Person }\n", encoding="utf-8")
    result = invoke(runner, "query", q, "--store", office_store, "-f", "csv")
    assert result.stdout.splitlines() == ["n", "8"]


def test_missing_store(runner, tmp_path):
    for command in (["stats"], ["validate"], ["query", "offices"]):
        result = invoke(runner, *command, "--store", tmp_path / "nowhere")
        assert result.exit_code == 3
        assert result.stderr == f"kg: error: no store at {tmp_path / 'nowhere'}; run `kg build` first\n"


def test_traceback_flag_shows_the_real_exception(runner, tmp_path):
    from kg.errors import StoreError

    with pytest.raises(StoreError):
        invoke(runner, "--traceback", "stats", "--store", tmp_path / "nowhere")


def test_stats(runner, office_store):
    result = invoke(runner, "stats", "--store", office_store)
    assert result.exit_code == 0
    values = dict(line.split(":", 1) for line in result.stdout.splitlines())
    assert values["documents"].strip() == "1"
    assert values["offices"].strip() == "8"
    assert values["persons"].strip() == "8"
    assert int(values["quads"]) > 19000
    for key in ("divisions", "concepts"):
        assert key in values


def test_validate_conforms(runner, office_store):
    result = invoke(runner, "validate", "--store", office_store)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("conforms")


def test_validate_reports_violations(runner, office_store):
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import open_store
    from kg.vocab import KG, ORG, RDF

    with open_store(office_store) as store:  # an office without member, role or evidence
        bad = NamedNode("https://w3id.org/kg-cppcc/id/office/broken")
        g = store.iris.doc_graph("broken")
        store.store.add(Quad(bad, RDF.type, ORG.Membership, g))
        store.store.add(Quad(bad, KG.roleName, Literal("主席", language="zh"), g))
    result = invoke(runner, "validate", "--store", office_store)
    assert result.exit_code == 1
    assert "violations" in result.stdout
    assert "id/office/broken" in result.stdout
    assert "exactly one member" in result.stdout


def test_version(runner):
    result = invoke(runner, "--version")
    assert result.exit_code == 0 and "kg" in result.stdout


def test_construct_query_writes_rdf(runner, office_store, tmp_path):
    q = tmp_path / "persons.rq"
    q.write_text("# title: Persons as a graph\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                 "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p a foaf:Person ; foaf:name ?n }\n", encoding="utf-8")
    turtle = invoke(runner, "query", q, "--store", office_store)
    assert turtle.exit_code == 0
    assert "@prefix foaf: <http://xmlns.com/foaf/0.1/>" in turtle.stdout and '"向钧"@zh' in turtle.stdout
    nt = invoke(runner, "query", q, "--store", office_store, "-f", "ntriples")
    assert len(nt.stdout.splitlines()) == 8
    bad = invoke(runner, "query", q, "--store", office_store, "-f", "csv")
    assert bad.exit_code == 2 and "unknown RDF format 'csv'" in bad.stderr
