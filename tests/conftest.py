"""Shared fixtures: the bundled seeds, fresh on-disk stores, and a store built from hand-made
records (so that store, query and CLI tests do not depend on what the extractor finds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from kg import gazetteer
from kg.corpus import parse_document
from kg.mapping import extraction_to_quads
from kg.records import (
    Body,
    ConceptMention,
    DivisionMention,
    DivisionRef,
    Evidence,
    Extraction,
    Meeting,
    Office,
    PressCredit,
)
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Property tests draw the same examples on every run (a clean CI checkout has no example database, and a
# rare generated name must not fail one run and pass the next); HYPOTHESIS_PROFILE=explore draws new ones.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", max_examples=500, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def fake_extractor(monkeypatch):
    """Replace the extractor by a fast, deterministic one (one slogan mention per document), so
    that build mechanics are tested apart from extraction quality. Returns the list of documents
    extracted, in order."""
    import kg.extract

    calls = []

    def extract(doc):
        calls.append(doc)
        end = min(len(doc.text), 10)
        ev = Evidence(0, end, *doc.source_span(0, end), doc.text[:end])
        return Extraction(doc_id=doc.id, doc_name=doc.name, title=doc.text.splitlines()[0][:40],
                          concepts=[ConceptMention(doc.text[:4], "slogan", None, ev)])

    monkeypatch.setattr(kg.extract, "extract_document", extract)
    return calls


# ---------------------------------------------------------------------------------------------
# hand-made records


def ref(name: str, written: str | None = None) -> DivisionRef:
    """A DivisionRef for a gazetteer division, as the resolver would give it."""
    if name == "全国":
        return DivisionRef("全国", "全国", None, "nation")
    gaz = gazetteer.load()
    d = gaz.lookup(name)[0]
    parent = gaz.get(d.parent)
    province = gaz.get(d.province)
    return DivisionRef(d.name, written or d.name, d.code, d.level, d.kind, d.parent,
                       parent.name if parent else None, d.province, province.name if province else None)


LONGXI = DivisionRef("陇西市", "陇西市", None, "county", "", "621100", "定西市", "620000", "甘肃省", flagged=True)

HANDMADE_TEXT = (
    "本报高台讯 高台县政协党组书记、主席向钧主持会议。\n"
    "甘肃省政协教育科技委员会主任张三出席，全国政协主席王沪宁讲话。\n"
    "陇西市政协主席刘树武参加“三抓三促”行动，学习“两个确立”。\n"
    "天祝县政协主席王军、金塔县政协主席王军发言，张掖市“有事好商量”。\n"
    "奇怪的名字王\"军}也在场。\n"
    "记者 苏天泰"
)


def _ev(doc, phrase: str, sentence: str | None = None) -> Evidence:
    start = doc.text.index(phrase)
    end = start + len(phrase)
    return Evidence(start, end, *doc.source_span(start, end), sentence or phrase)


def handmade_extraction(doc) -> Extraction:
    gaotai, gansu, tianzhu, jinta = ref("高台县"), ref("甘肃省"), ref("天祝藏族自治县", "天祝县"), ref("金塔县")
    cppcc = Body("政协", gaotai)
    line1 = "高台县政协党组书记、主席向钧主持会议。"
    offices = [
        Office("向钧", "党组书记", cppcc, _ev(doc, "高台县政协党组书记", line1)),
        Office("向钧", "主席", cppcc, _ev(doc, "主席向钧", line1)),
        Office("向钧", "主席", cppcc, _ev(doc, "主席向钧", line1)),  # stated twice: one office
        Office("张三", "主任", Body("政协专委会", gansu, "教育科技委员会"), _ev(doc, "教育科技委员会主任张三")),
        Office("王沪宁", "主席", Body("政协", ref("全国")), _ev(doc, "全国政协主席王沪宁")),
        Office("刘树武", "主席", Body("政协", LONGXI), _ev(doc, "陇西市政协主席刘树武")),
        Office("王军", "主席", Body("政协", tianzhu), _ev(doc, "天祝县政协主席王军")),
        Office("王军", "主席", Body("政协", jinta), _ev(doc, "金塔县政协主席王军")),
        Office('王"军}', "委员", Body("政协", gansu), _ev(doc, '王"军}')),
    ]
    concepts = [
        ConceptMention("三抓三促", "campaign", LONGXI, _ev(doc, "三抓三促")),
        ConceptMention("两个确立", "slogan", None, _ev(doc, "两个确立")),
        ConceptMention("有事好商量", "brand", ref("张掖市"), _ev(doc, "有事好商量")),
    ]
    return Extraction(
        doc_id=doc.id, doc_name=doc.name, title="高台县政协会议", date="2023-03-01",
        offices=offices,
        press=[PressCredit("苏天泰", "记者", _ev(doc, "记者 苏天泰"))],
        concepts=concepts,
        meetings=[Meeting("高台县政协会议", _ev(doc, "主持会议"), "3月1日", cppcc, "向钧")],
        divisions=[DivisionMention(gaotai, _ev(doc, "高台"))],
    )


@pytest.fixture(name="handmade_extraction")
def handmade_extraction_fixture():
    """The function that makes the hand-made extraction of a document."""
    return handmade_extraction


@pytest.fixture
def handmade_doc(tmp_path):
    path = tmp_path / "input" / "handmade.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HANDMADE_TEXT, encoding="utf-8")
    return parse_document(path.read_bytes(), str(path))


@pytest.fixture
def office_store(store_dir, handmade_doc) -> Path:
    """A store holding the hand-made document (closed; returns its directory)."""
    with open_store(store_dir) as store:
        store.ensure_background()
        quads = extraction_to_quads(handmade_extraction(handmade_doc), handmade_doc, store.base)
        store.replace_document(handmade_doc.id, str(Path(handmade_doc.path).resolve()), quads, "test")
    return store_dir


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: spawns `kg build` processes (crash-safety tests)")


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> Path:
    """A store built once per test session from the bundled seeds with the real extractor.
    Tests must only read it."""
    from kg.build import build

    path = tmp_path_factory.mktemp("seeds") / "store"
    report = build([Path(__file__).resolve().parent.parent / "seeds"], path)
    assert report.ok and report.written > 0
    return path

