"""Careers end to end: the biography set built into a real store, the spells contract, golden spells
of the dev résumés, shapes, the careers scores in kg eval.

Refresh the golden files after an intended change with ``KG_UPDATE_GOLDEN=1 pytest tests/test_careers.py``
(and read the diff).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.evaluate import load_gold, score_spells, spell_rows
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
BIO = ROOT / "tests" / "data" / "bio"
GOLDEN = ROOT / "tests" / "golden" / "spells"
SPELLS_HEADER = "person,role,body,committee,division,division_code,start,end,document,evidence"
#: the résumés rules may be written from (tests/data/bio/NOTES.md); the rest is only scored
DEV = ("b01", "b02", "b03", "b04", "b06", "b08", "b10", "b13", "b16", "b17", "b18", "b20")


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def bio_store(tmp_path_factory) -> Path:
    store_dir = tmp_path_factory.mktemp("bio") / "store"
    report = build([BIO / "texts"], store_dir, manifest=BIO / "manifest.csv")
    assert report.ok and report.written == 27
    return store_dir


def _spells(store_dir, *params) -> list[dict]:
    result = invoke("query", "spells", "--store", store_dir, "--format", "csv", *params)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == SPELLS_HEADER
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("name", DEV)
def test_golden_spells(bio_store, name):
    rows = _spells(bio_store, "-p", f"document={name}.txt")
    golden = GOLDEN / f"{name}.spells.json"
    if os.environ.get("KG_UPDATE_GOLDEN") or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert rows == json.loads(golden.read_text(encoding="utf-8"))


def test_spells_of_a_line_range(bio_store):
    rows = _spells(bio_store, "-p", "person=张维国", "-p", "document=b01.txt")
    got = {(r["role"], r["body"], r["division"], r["division_code"], r["start"], r["end"]) for r in rows}
    assert ("副书记", "党委", "房县", "420325", "1998-10", "2002-10") in got
    assert ("县长", "政府", "房县", "420325", "1998-10", "2002-10") in got
    assert ("书记", "党委", "房县", "420325", "2002-10", "2005-04") in got  # two lines, one spell
    assert ("市长", "政府", "十堰市", "420300", "2012-09", "") in got  # an open range: current, no end
    evidence = {r["evidence"] for r in rows if r["role"] == "县长"}
    assert evidence == {"1998.10-2002.10 房县县委副书记、县长(1999.01当选)(其间:1997.06-1999.09华中科技大学科技哲学硕士研究生班学习)"}


def test_dev_scores_in_kg_eval(bio_store, tmp_path):
    """kg eval prints the careers section; the dev résumés score as the rules were written for."""
    gold = tmp_path / "dev.jsonl"
    gold.write_text("".join(line + "\n" for line in (BIO / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                            if json.loads(line)["doc"][:3] in DEV), encoding="utf-8")
    result = invoke("eval", "--gold", gold, "--store", bio_store, "-q")
    assert "careers (12 documents with spells in the gold)" in result.stdout
    with open_store(bio_store, read_only=True) as store:
        sc = score_spells(load_gold(gold), spell_rows(store))
    assert sc.spells.f1 >= 0.88 and sc.current.f1 >= 0.9
    data = json.loads(invoke("eval", "--gold", gold, "--store", bio_store, "-f", "json").stdout)
    assert data["careers"]["spells"]["f1"] == round(sc.spells.f1, 4)


def test_store_conforms_to_the_career_shapes(bio_store):
    result = invoke("validate", "--store", bio_store)
    assert result.exit_code == 0 and "conforms" in result.stdout


def test_spells_are_memberships_during_owl_time_intervals(bio_store):
    with open_store(bio_store, read_only=True) as store:
        rows = [(s["b"].value, s["e"].value) for s in store.query(
            "SELECT DISTINCT ?b ?e WHERE { GRAPH ?g { ?s a kg:CareerSpell , org:Membership ; kg:spellHolderName '张维国'@zh ; "
            "kg:roleName '县长'@zh ; org:memberDuring ?i } ?i a time:Interval ; time:hasBeginning/time:inXSDgYearMonth ?b ; "
            "time:hasEnd/time:inXSDgYearMonth ?e }")]
        offices = [s["o"] for s in store.query(
            "SELECT ?o WHERE { GRAPH ?g { ?o kg:holderName ?n ; a kg:CareerSpell } }")]
    assert rows == [("1998-10", "2002-10")]
    assert offices == []  # a spell is not an office attested on the document's date


def test_profiles(bio_store):
    with open_store(bio_store, read_only=True) as store:
        rows = {(s["n"].value, s["g"].value if s["g"] else None, s["b"].value if s["b"] else None,
                 s["p"].value if s["p"] else None) for s in store.query(
            "SELECT ?n ?g ?b ?p WHERE { GRAPH ?x { ?f a kg:Profile ; kg:describes ?person . ?person foaf:name ?n "
            "FILTER(?n IN ('张维国'@zh, '罗开莲'@zh)) OPTIONAL { ?f foaf:gender ?g } OPTIONAL { ?f schema:birthDate ?b } "
            "OPTIONAL { ?f kg:nativePlace ?place GRAPH ?bg { ?place skos:prefLabel ?p } } } }")}
    assert rows == {("张维国", "male", "1963-10", "黄梅县"), ("罗开莲", "female", "1963-12", None)}
