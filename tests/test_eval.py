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
