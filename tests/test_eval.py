"""`kg eval` end to end: build a real store from the dev articles, score it through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli

DATA = Path(__file__).resolve().parent / "data"


def test_kg_eval_scores_a_built_store(tmp_path):
    store = tmp_path / "store"
    runner = CliRunner()
    built = runner.invoke(cli, ["build", str(DATA / "dev" / "texts"), "--store", str(store)])
    assert built.exit_code == 0, built.output
    result = runner.invoke(cli, ["eval", "--gold", str(DATA / "dev" / "gold.jsonl"), "--store", str(store),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 20
    assert report["offices"]["f1"] >= 0.92
    assert report["press"]["f1"] >= 0.95

    text = runner.invoke(cli, ["eval", "--gold", str(DATA / "dev" / "gold.jsonl"), "--store", str(store)])
    assert "missed offices" in text.output  # every miss is listed with its evidence, to be read
    assert "«" in text.output


def test_kg_eval_names_a_missing_gold_file(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(tmp_path / "nope.jsonl"), "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert "nope.jsonl: no such gold file" in result.stderr


def test_scoring_normalises_both_sides_alike():
    """A concept printed with a full-width comma in the gold and an ASCII one by kg (whose corpus
    applies NFKC) is one concept, not a miss plus a false fact; so are traditional and simplified."""
    from kg.evaluate import score

    gold = {"a.txt": {"offices": [], "press": [{"person": "黎輝", "role": "记者"}],
                      "concepts": [{"name": "转变作风，追赶进位", "type": "slogan"}]}}
    predicted = {"a.txt": {"offices": [], "press": [{"person": "黎辉", "role": "记者"}],
                           "concepts": [{"name": "转变作风,追赶进位", "type": "slogan", "evidence": "……"}]}}
    report = score(gold, predicted)
    assert (report.concepts.tp, report.concepts.fp, report.concepts.fn) == (1, 0, 0)
    assert (report.press.tp, report.press.fp, report.press.fn) == (1, 0, 0)


def test_an_acting_head_printed_in_full_is_the_short_title():
    """The gold writes 代理县长 as printed, kg writes 代县长: one role; 代理书记 stays its own."""
    from kg.evaluate import score

    def office(role):
        return {"person": "周定龙", "role": role, "body": "政府", "division": "富民县", "division_code": "530125"}

    gold = {"a.txt": {"offices": [office("代理县长"), office("代理书记")], "press": [], "concepts": []}}
    predicted = {"a.txt": {"offices": [office("代县长"), office("代书记")], "press": [], "concepts": []}}
    report = score(gold, predicted)
    assert (report.offices.tp, report.offices.fp, report.offices.fn) == (1, 1, 1)


def test_a_missed_concept_is_shown_with_its_sentence(tmp_path):
    """Gold concepts carry no evidence: the miss is listed with the document's sentence holding it."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("本报讯 县政协开展工作。会议部署同心圆工程建设工作。", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a.txt", "offices": [], "press": [],
                                "concepts": [{"name": "同心圆工程", "type": "campaign"},
                                             {"name": "不在文中", "type": "slogan"}]}, ensure_ascii=False),
                    encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(texts), "--store", str(tmp_path / "s")]).exit_code == 0
    out = runner.invoke(cli, ["eval", "--gold", str(gold), "--store", str(tmp_path / "s")]).output
    misses = out.split("missed concepts")[1].splitlines()
    assert any("同心圆工程" in m and "«会议部署同心圆工程建设工作。»" in m for m in misses), out
    assert any(m.strip() == "- a.txt: 不在文中" for m in misses), out
