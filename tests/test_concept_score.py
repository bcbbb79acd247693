"""The scorer of shape-only concept spans (kg/extract/concept_score.py): made-up names, one form each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.corpus import parse_document
from kg.extract import concept_score, extract_document
from kg.extract.concepts import explain_quotes

ROOT = Path(__file__).resolve().parent.parent


def _concepts(text: str) -> set[str]:
    return {c.name for c in extract_document(parse_document(text.encode("utf-8"), "c.txt")).concepts}


def test_weights_cover_every_feature():
    w = json.loads((ROOT / "kg/data/concept_weights.json").read_text(encoding="utf-8"))["weights"]
    assert set(w) == {"bias", *concept_score._FEATURES}
    feats = concept_score.features("青禾惠民", "全体委员牢记", "，服务群众", 1)
    assert set(feats) == set(concept_score._FEATURES)


@pytest.mark.parametrize("before,kept", [
    ("全体委员牢记", True),   # a formula held to (践行/牢记/心系“…”)
    ("会上提出", False),      # nothing but its shape
])
def test_context_decides_a_shape_only_span(before, kept):
    """Metamorphic: one made-up coined name, two contexts; only the verb of holding to a formula changes."""
    assert ("青禾惠民" in _concepts(f"{before}“青禾惠民”，服务群众。")) is kept


def test_structured_formulas_are_left_to_the_rules():
    """Parts joined by 、, a step chain, a 就是 couplet: a structure the rules read, not the scorer."""
    assert not concept_score.applies("访民情、解民忧")
    assert not concept_score.applies("调查—商量—再调查")
    assert not concept_score.applies("青山绿水就是富民产业")
    assert "访民情、解民忧" in _concepts("做到“访民情、解民忧”。")


def test_strong_cues_are_not_scored():
    """A type word after the quotes or a head word of the name keeps a span whatever the scorer would say."""
    assert _concepts("会上提出“青禾惠民”行动。") == {"青禾惠民"}
    assert _concepts("开展“微走访”“微议事”。") == {"微走访", "微议事"}


def test_a_thing_described_is_no_concept():
    """A dictionary compound qualified by 的 (a metaphor of a place or a venue)."""
    assert _concepts("在这座城市的“文化客堂”里。") == set()
    (name, verdict), = explain_quotes("在这座城市的“文化客堂”里。")
    assert verdict.type is None and "scorer" in verdict.reason and "dictparts" in verdict.reason


def test_score_and_explain():
    w = {"bias": -1.0, "hold": 2.0}
    on = {k: False for k in concept_score._FEATURES} | {"hold": True}
    assert concept_score.score(on, w) == pytest.approx(1 / (1 + 2.718281828 ** -1.0), rel=1e-6)
    assert concept_score.explain(on, w) == "hold +2.0 -> 0.73"


def test_training_learns_the_sign_of_a_feature():
    """scripts/train_concept_scorer.py's logistic regression on rows made up here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_concept_scorer", ROOT / "scripts/train_concept_scorer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    off = {k: False for k in concept_score._FEATURES}
    rows = [(off | {"hold": True}, True)] * 8 + [(off | {"hold": True}, False)] * 2 + [(off, False)] * 8 + [(off, True)] * 2
    w = mod.train(rows)
    assert w["hold"] > 1.0 and w["bias"] < -0.5
    assert mod.prf(8, 2, 2) == "0.800 / 0.800 / 0.800 (8 2 2)"


def test_a_name_kin_to_a_strongly_cued_one_is_kept():
    """Metamorphic: 「书香某某」 shape-only names stay beside 「“书香政协”」 (a brand by its head), not alone."""
    alone = _concepts("助推“书香青禾”和“书香河岸”建设。")
    beside = _concepts("以“书香政协”助推“书香青禾”和“书香河岸”建设。")
    assert alone == set()
    assert beside == {"书香政协", "书香青禾", "书香河岸"}


def test_features_of_shape():
    f = concept_score.features("创城创卫", "打击犯罪、", "以及群众", 1)
    assert f["abab"] and not f["kin"]
    assert concept_score.features("学干比严", "", "", 1)["single_chars"]
    assert concept_score.features("青禾惠民", "", "", 1, headline=True)["headline"]
