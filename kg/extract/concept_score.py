"""A small transparent scorer for the quoted spans that only their shape makes concepts.

The rules of :mod:`.concepts` accept a quoted span on a strong cue (its own head word 「…行动」, a type word after
the quotes 「“…”品牌」, a numbered formula 「三抓三促」, a brand's 「·」) or, failing one, on its shape alone: three to
eight characters that jieba's dictionary does not hold. Scored with the rules as they stood before press8 and press9
were read (their first contact, ``scripts/train_concept_scorer.py``), the names accepted on their shape alone were
right 29 times in 63, the others 148 times in 179: the shape is where a rule written from one set fails on the next.

This scorer decides the shape-only spans of one piece (a formula of parts joined by 、, —, + or 就是 keeps the rules'
verdict: its structure is evidence). It is a logistic regression over fifteen binary features of the span and its
context (below), with weights in ``kg/data/concept_weights.json``, trained by ``scripts/train_concept_scorer.py`` on
the read sets' spans that the generic rules accept on their shape (the narrow rules written from those sets' own
negatives left out, so that the rows look like an unseen article's) and cross-validated by leaving one set out
(EVAL.md). A span stays a concept where the score is 0.5 or more. Every verdict can be explained: :func:`explain`
lists the features that fired and their weights, and ``explain_quotes`` of :mod:`.concepts` prints it.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

NUM = "一二三四五六七八九十百千万两双几多0-9"
#: words of the committees' own work inside the span: 「界别同心汇」「小菜议市」「人民政协为人民」
_DOMAIN = re.compile(r"政协|委员|协商|商量|商议|议事|议政|履职|界别|书香|读书|人民|群众|为民|同心|共识|民主")
#: verbs of holding to a formula: 践行“…”, 牢记“…”, 心系“…”, 落实“…”
_HOLD = re.compile(r"(?:践行|牢记|胸怀|心系|落实|体现|书写|树立|弘扬|贯彻|秉持|秉承|坚守|坚持|锚定|深化|推进|做到|把牢|把握|坚定"
                   r"|增强|发展|探索|唱响|擦亮|叫响)(?:了|好)?$")
#: verbs of carrying out or founding: 开展“…”, 举办“…”, 筹办两届“…”
_CARRY = re.compile(r"(?:开展|举办|举行|筹办|启动|实施|推行|创新|推出|打造|组织)(?:了|好)?[^，。、“”]{0,3}$")
#: a count or a determiner before the quotes: 「10张“…”」「设立“…”」「参与该村“…”」 — a thing among things
_THING_BEFORE = re.compile(rf"(?:[{NUM}]+[个张家所处名只件座间条位支种]|设立|设置|开发|研发|成立|建设|参与|该[村镇乡县区市]|要有|以)$")
_FEATURES = ("long", "short", "domain", "hold", "carry", "thing", "dictparts", "place", "de_after", "punct_after",
             "repeated", "verb_inside", "de_before", "run", "launched", "single_chars", "abab", "kin", "headline")


#: separators of a formula's parts: a span of parts (「勇攀高峰、勇立潮头」「调研—协商—再调研」「党建+履职」) has a structure
#: of its own, which the rules read; the scorer decides only spans of one piece
_PARTS = re.compile(r"[、,，—\-+＋\s·•]")


#: the verdict reasons of :mod:`.concepts` for spans accepted on their shape alone (not 「开展“…”」「搭建“…”」: what is
#: carried out or built is named by its verb)
SHAPE_ONLY = ("shape of a coined name or formula", "coordinated with ")
#: the reasons that are no strong cue (a name accepted on one of the others lends its first characters to ``kin``)
WEAK_CUES = SHAPE_ONLY + ("the object of ", "a platform built")


def applies(name: str) -> bool:
    """Whether the scorer decides this shape-only span: one piece, no separators of parts.

    >>> applies("体育小镇"), applies("勇攀高峰、勇立潮头"), applies("青山绿水就是富民产业")
    (True, False, False)
    """
    return not _PARTS.search(name) and not re.search(r"就是|即是", name)  # 「绿水青山就是金山银山」: two parts too


def features(name: str, before: str, after: str, count: int, launched: bool = False, kin: bool = False,
             headline: bool = False) -> dict[str, bool]:
    """The binary features of a quoted span ``name`` between ``before`` and ``after`` (a dozen characters each),
    quoted ``count`` times in its document; ``launched``: a verb of carrying out or building stands before the run of
    quotes it closes (「开展“甲”“乙”」, the rules' ``_LAUNCHED``); ``kin``: it opens with the first two characters of
    a name the rules accept on a strong cue in the same document (「“书香政协”助推“书香社区”」); ``headline``: it stands
    in the document's first line."""
    from ..nlp import pos_cut, word_tag

    words = pos_cut(name)
    return {
        "long": len(name) >= 8,
        "short": len(name) <= 4,
        "domain": bool(_DOMAIN.search(name)),
        "hold": bool(_HOLD.search(before)),
        "carry": bool(_CARRY.search(before)),
        "thing": bool(_THING_BEFORE.search(before)),
        # two or three words of the dictionary and nothing else: 「体育小镇」「直播大咖」「政治引领」
        "dictparts": 2 <= len(words) <= 3 and all(word_tag(w) is not None and len(w) >= 2 for w, _ in words),
        "place": bool(words) and words[0][1] == "ns",
        "de_after": after[:1] == "的",
        "punct_after": bool(re.match(r"[，,。、；;！!？?）)]|$", after)),
        "repeated": count >= 2,
        "verb_inside": any(f == "v" for _, f in words[1:]),
        # 「…的“关键小事”」: a noun phrase qualified by what comes before it
        "de_before": before[-1:] == "的",
        # one of a run of quotes: 「“微调研”“微协商”」「“甲”、“乙”」
        "launched": launched,
        # words of one character (a coined abbreviation: 「逢会必学」「学干比严」)
        "single_chars": sum(len(w) == 1 for w, _ in words) >= 2,
        # one character repeated in a frame: 「创文创卫」「民事民议」
        "abab": len(name) == 4 and name[0] == name[2] and name[1] != name[3],
        "kin": kin,
        "headline": headline,
        "run": before[-1:] in ("”", "」") or before[-2:] in ("”、", "」、") or after[:1] in ("“", "「") or after[:2] in ("、“", "、「"),
    }


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    text = resources.files("kg").joinpath("data/concept_weights.json").read_text(encoding="utf-8")
    return json.loads(text)["weights"]


def score(feats: dict[str, bool], weights: dict[str, float] | None = None) -> float:
    """The probability that a shape-only span names a concept."""
    w = weights if weights is not None else _weights()
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) for k, on in feats.items() if on)
    return 1.0 / (1.0 + math.exp(-z))


def explain(feats: dict[str, bool], weights: dict[str, float] | None = None) -> str:
    """The features that fired and their weights: 「hold +2.6, short -0.3 -> 0.72」."""
    w = weights if weights is not None else _weights()
    on = [f"{k} {w.get(k, 0.0):+.1f}" for k in _FEATURES if feats.get(k)]
    return f"{', '.join(on) or 'no feature'} -> {score(feats, w):.2f}"
