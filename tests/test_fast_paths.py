"""The build's fast paths give what the plain ones do: N-Quads written as text (no pyoxigraph term
per node), leftmost-longest lexicon matching, the title test of a name, the résumé patterns tried
only where a pre-scan finds the words they need."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from pyoxigraph import Literal, RdfFormat, parse, serialize

from kg.corpus import parse_document, read_document
from kg.extract import biography, extract_document
from kg.extract import reader
from kg.lexicon import FOREIGN_ORG_MARKERS, TITLES
from kg.mapping import _Forms, background_nquads, extraction_to_nquads, extraction_to_quads, nt_string, nt_zh
from kg.nlp import _Automaton

ROOT = Path(__file__).resolve().parents[1]


def test_nquads_equal_the_serialised_quads():
    """The mapper's N-Quads text is what pyoxigraph's serialiser writes of the quads it holds."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/dev/texts").glob("*.txt"))[:5]
    for path in paths:
        doc = read_document(path)
        extraction = extract_document(doc)
        quads = extraction_to_quads(extraction, doc, "http://example.org/kg/")
        nquads, count = extraction_to_nquads(extraction, doc, "http://example.org/kg/")
        assert nquads == serialize(list(parse(nquads, format=RdfFormat.N_QUADS)), format=RdfFormat.N_QUADS)
        assert count == len(quads) == len(set(quads))
    background = background_nquads()
    assert background == serialize(list(parse(background, format=RdfFormat.N_QUADS)), format=RdfFormat.N_QUADS)


def test_literal_forms_escape_as_pyoxigraph_does():
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        assert nt_string(f"a{c}b") == str(Literal(f"a{c}b")), hex(code)
    assert nt_zh("王某\n“主持”\t\\") == str(Literal("王某\n“主持”\t\\", language="zh"))


def test_minted_iris_are_checked():
    assert _Forms("http://example.org/kg/").role("主席") == "<http://example.org/kg/id/role/%E4%B8%BB%E5%B8%AD>"
    with pytest.raises(ValueError):
        _Forms("http://example.org/kg/").instant("2011 02")


def test_automaton_is_leftmost_longest():
    a = _Automaton({"代理县长": "title", "理县": "division", "县长": "title", "副秘书长": "title", "秘书": "title"})
    # 「代理县」 is no word: 理县 is found inside it (pyahocorasick's iter_long missed it)
    assert a.matches("代理县") == [(1, 3, "理县", "division")]
    assert a.matches("代理县长王某") == [(0, 4, "代理县长", "title")]
    assert a.matches("副秘书") == [(1, 3, "秘书", "title")]
    assert a.matches("") == []


def test_holds_one_of_is_the_substring_test():
    long_titles = [t for t in TITLES if len(t) >= 2]
    long_markers = [m for m in FOREIGN_ORG_MARKERS if len(m) >= 2]
    names = ["莫日根吉雅", "县政协主席", "王某", "副主任委员", "某某商会", "积极建言", "达瓦旺堆", "秘书长某"]
    for name in names:
        assert reader._holds_one_of(name, reader._LONG_TITLES) == any(t in name for t in long_titles)
        assert reader._holds_one_of(name, reader._LONG_MARKERS) == any(m in name for m in long_markers)


def _resume_texts() -> list[str]:
    """Every read corpus's texts, and generated ones dense in the words résumé patterns need."""
    texts = [p.read_text(encoding="utf-8") for d in ("seeds", "tests/data/dev/texts", "tests/data/bio/texts",
                                                     "tests/data/bio2/texts", "tests/data/bio3/texts",
                                                     "tests/data/real2/texts", "tests/data/real3/texts",
                                                     "tests/data/own/texts")
             for p in sorted((ROOT / d).glob("*.txt"))]
    rng = random.Random(13)
    words = ["王建华", "李明", "，", "。", "\n", "2003", "1998", "二〇〇三", "年", "3月", "任", "起任", "当选", "于", "自",
             "县委书记", "县长", "男", "汉族", "生", "出生于", "岁", "58", "他", "她", "曾任", "此前曾", "是一名回族", "的",
             "姓名：", "简历", "现年", " ", "人，", "县政协主席", "2016.09—2021.10 ", "她2008年任", "他1995年调任",
             "市长王建华，", "曾任县长的李明", "1965年4月出生的", "58岁的", "早年", "也曾", "省长王建华是一名回族", "王建华 男 ", "，2003 年", "李明同志，1965年3月生，", "（1945.4— ）"]
    texts += ["".join(rng.choice(words) for _ in range(rng.randint(5, 60))) for _ in range(600)]
    return texts


def test_subject_patterns_tried_near_their_anchors_match_as_finditer():
    """The intro pattern (a name, then 「，男，」…), tried only 2 to 8 characters before the places a
    tail starts, and the name-before-a-dated-post pattern, tried only 2 to 6 characters before a
    year, find what ``finditer`` over every position finds; the years read back from each 年 are
    every start of a year with 年."""
    for text in _resume_texts():
        anchors = biography._Anchors.of(text)
        for pattern, at, before in ((biography._INTRO, anchors.tails, 8), (biography._NAME_BEFORE_DATED, anchors.dated, 6)):
            near = [m.span("name") for m in biography._finditer_near(pattern, text, at, before, 2)]
            assert near == [m.span("name") for m in pattern.finditer(text)], text
        year = re.compile(rf"(?=(?:{biography._YEAR})[ \t]*年)")
        assert biography._year_starts(text) == [m.start() for m in year.finditer(text)], text


def test_anchor_prescan_keeps_every_subject_and_spell(monkeypatch):
    """A text's résumé extraction is the same with the anchor pre-scan as with every pattern tried
    everywhere (each anchor says yes, every position is a dated anchor)."""
    texts = _resume_texts()
    gated = [extract_document(parse_document(t.encode("utf-8"), "bio.txt")) for t in texts]

    def everywhere(text: str):
        return biography._Anchors(years=True, dated=tuple(range(len(text) + 7)),
                                  tails=tuple(range(len(text) + 9)), age=True, pronoun=True,
                                  once=True, after_name=True, ever=True, named=True, ethnic_is=True)

    monkeypatch.setattr(biography._Anchors, "of", staticmethod(everywhere))
    for text, ex in zip(texts, gated):
        plain = extract_document(parse_document(text.encode("utf-8"), "bio.txt"))
        assert (plain.spells, plain.people) == (ex.spells, ex.people), text


def _press_lines() -> list[str]:
    lines = []
    for folder in ("seeds", "tests/data/dev/texts", "tests/data/real2/texts", "tests/data/real3/texts",
                   "tests/data/press8/texts", "tests/data/press9/texts"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            lines += read_document(path).text.split("\n")
    # role words spaced by layout (「记 者」), credits with no role word, each gate's word alone
    lines += ["本报讯 记 者 王某某 通讯员 李某 近日，", "……开幕。 王某 摄", "会议现场。□张某某", "来源: 某某日报客户端  甲某 乙某",
              "发布时间:2023-01-01|作者:王某某", "全媒体记者某某报道 9月13日上午，", "本报记者李某“……”",
              "某某讯 记者某某报道：", "……问候。 通讯员 某某某 摄影报道", "……现场。某某摄", "王某 李某 摄 1月5日，会议",
              "文/张某某 图/李某", "撰稿人：王某", "采写：李某某", "摄", "记者", "来源", "□"]
    return lines


def test_press_tails_gates_are_necessary():
    """_tails tries a pattern only where the line holds what it cannot match without (a role word,
    摄, a byline mark, 来源, a metadata label): on every line of the read corpora, a pattern whose gate
    says no finds nothing."""
    from kg.extract import press

    role_gated = (press._T_AFTER_SENTENCE, press._T_CLOSING, press._T_DATELINE_REPORT, press._T_DATELINE_SPACED,
                  press._T_REPORT_OPENING, press._T_REPORTER_QUOTE)
    for line in _press_lines():
        if press._BARE_ROLE_AT.search(line) is None:
            assert not any(p.search(line) for p in role_gated), line
        if "摄" not in line:
            assert not press._T_GLUED_PHOTO.search(line) and not press._T_GLUED_CAPTION.search(line), line
        if not press._BYLINE_MARK_IN.search(line):
            assert not press._T_BYLINE_END.search(line), line
        if "来源" not in line:
            assert not press._T_SOURCE_NAMES.search(line), line
        if not any(w in line for w in press._T_META_WORDS):
            assert not press._T_META_AUTHOR.search(line), line
