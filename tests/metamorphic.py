"""Metamorphic tests of office extraction: substitute a division, a person or a title in a gold
sentence and check that kg's offices follow the substitution exactly.

A *unit* is one sentence of a real document (tests/data/dev, real2, real3, real5, real6, own, the seeds;
never the blind tests/data/real7, real8, real9, real10 and real11) that gold offices are evidenced by, extracted on its own: the sentence,
preceded by a heading line naming the gold's division chain (「湖南省常德市桃源县」) only when the
sentence alone does not let kg place its offices. A *variant* is the unit with one substitution σ:

* ``division``: a division of the gold, with its parent and province, becomes another division of
  the same level drawn by kind from the whole gazetteer (县 自治县 市辖区 县级市 旗 自治旗 林区 特区,
  地级市 自治州 盟 地区, 省 自治区 直辖市); every written form is replaced in the same form (full
  name, suffixed short form 天祝县, bare short form 天祝), and level words follow the kind
  (县政协 -> 旗政协, 县长 -> 旗长, 全县 -> 全旗);
* ``person``: a gold person becomes a generated name (:func:`generate_name`: Han names of 2-4
  characters with common, rare and compound surnames, Mongolian and Tibetan names of 2-6
  characters, Uyghur names with the · joiner);
* ``title``: a gold title becomes another of its family in kg's title lexicon (主席 <-> 副主席 <->
  秘书长, 书记 <-> 副书记 <-> 常委, 县长 <-> 副县长 ...).

kg's output on the variant must be the image under σ of its output on the unit (offices compared as
``kg eval`` keys them: person, role, body, division code), and every gold office kg found on the
unit must be found, substituted, on the variant. Units where kg misses every gold office are not
varied (that is a recall question, not an invariance one); substitutions that would be ambiguous
(a name inside another name, a title printed twice, a level word two divisions could own, a bare
short form outside a body or dateline) are skipped and counted.

Everything is derived from a seed: the same seed gives the same variants.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent

#: The real sets whose gold sentences are varied: name -> (gold file, texts folder). real7, real8, real9, real10 and real11
#: are blind; real4 is read since 2026-12-04 (session 4).
SETS = {
    "seeds": ("tests/data/seeds/seeds_gold.jsonl", "seeds"),
    "dev": ("tests/data/dev/gold.jsonl", "tests/data/dev/texts"),
    "real2": ("tests/data/real2/gold.jsonl", "tests/data/real2/texts"),
    "real3": ("tests/data/real3/gold.jsonl", "tests/data/real3/texts"),
    "own": ("tests/data/own/gold.jsonl", "tests/data/own/texts"),
    "real5": ("tests/data/real5/gold.jsonl", "tests/data/real5/texts"),
    "real6": ("tests/data/real6/gold.jsonl", "tests/data/real6/texts"),
    "real4": ("tests/data/real4/gold.jsonl", "tests/data/real4/texts"),
}
BLIND = ("real7", "real8", "real9", "real10", "real11", "bio4", "bio5")
assert not any(f"/{b}/" in g or f"/{b}/" in t for g, t in SETS.values() for b in BLIND)

KINDS = ("division", "person", "title")

_HAN = re.compile("[\u3400-\u9fff]")
_SENTENCE_END = re.compile("[。！？!?；;\n]")

# ---------------------------------------------------------------------------------------------
# person names


#: Surnames for generated Han names: common ones, rarer ones, and compound ones.
COMMON_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁"
                       "沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹孟熊秦邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严覃戴莫孔")
RARE_SURNAMES = list("禤仉郄笪戢厍遆嵺覃逄郗靳隗眭郜宓佴蒯冮詹昝鄞暨琚咸缑闾亓")
COMPOUND_SURNAMES = ["欧阳", "司马", "上官", "诸葛", "皇甫", "尉迟", "公孙", "慕容", "司徒", "夏侯", "令狐",
                     "钟离", "端木", "东方", "独孤", "南宫", "呼延", "长孙", "宇文", "申屠", "澹台", "万俟"]
#: Characters of given names: chosen not to be title, body or verb characters kg stops a name at.
GIVEN = list("伟芳娜敏静丽强磊洋勇艳杰娟涛明超秀霞刚桂英华玉兰文辉建志红春海斌晓飞林鹏宇婷雪琳峰波"
             "凯俊丹萍鑫浩宁欣颖莉倩佳毅晨旭磊东永忠庆德彬瑞雯璐慧晶蕾昊泽琪")
#: Syllables of minority names, as Chinese papers transcribe them.
MONGOLIAN = ["巴特尔", "乌力吉", "额尔敦", "巴雅尔", "其木格", "那顺", "乌日图", "孟和", "朝鲁", "阿拉坦", "苏和",
             "宝音", "图雅", "斯琴", "满都拉", "达来", "哈斯", "格日勒", "敖其尔", "毕力格", "额尔德尼", "呼和",
             "吉雅", "德力格尔", "布和", "赛音", "乌兰", "包力高"]
TIBETAN = ["扎西", "次仁", "多吉", "旺堆", "格桑", "洛桑", "达瓦", "尼玛", "卓玛", "拉巴", "平措", "顿珠", "央金",
           "白玛", "索朗", "旦增", "边巴", "普布", "曲珍", "德吉", "益西", "贡嘎", "强巴", "群培"]
UYGHUR = ["艾力", "买买提", "阿不都", "热合曼", "吐尔逊", "艾尔肯", "阿迪力", "努尔兰", "玉素甫", "阿布来提", "依明",
          "买合木提", "帕尔哈提", "米吉提", "阿依古丽", "热依拉", "艾则孜", "托合提", "库尔班", "吾买尔"]
JOINER = "·"

NAME_CLASSES = ("han2", "han3", "rare3", "compound3", "compound4", "mongolian", "tibetan", "uyghur")


def generate_name(rng: random.Random, cls: str) -> str:
    """A made-up name of class ``cls`` (one of :data:`NAME_CLASSES`).

    >>> len(generate_name(random.Random(1), "han2")), JOINER in generate_name(random.Random(1), "uyghur")
    (2, True)
    """
    given = lambda n: "".join(rng.choice(GIVEN) for _ in range(n))  # noqa: E731
    if cls == "han2":
        return rng.choice(COMMON_SURNAMES) + given(1)
    if cls == "han3":
        return rng.choice(COMMON_SURNAMES) + given(2)
    if cls == "rare3":
        return rng.choice(RARE_SURNAMES) + given(2)
    if cls == "compound3":
        return rng.choice(COMPOUND_SURNAMES) + given(1)
    if cls == "compound4":
        return rng.choice(COMPOUND_SURNAMES) + given(2)
    if cls == "mongolian":  # 2-6 characters, no surname
        while True:
            name = "".join(rng.sample(MONGOLIAN, rng.choice((1, 1, 2))))
            if 2 <= len(name) <= 6:
                return name
    if cls == "tibetan":  # 2, 4 or 6 characters
        return "".join(rng.sample(TIBETAN, rng.choice((1, 2, 2, 3))))
    if cls == "uyghur":  # given name · father's name
        a, b = rng.sample(UYGHUR, 2)
        return a + JOINER + b
    raise ValueError(f"unknown name class {cls!r}; available: {', '.join(NAME_CLASSES)}")


# ---------------------------------------------------------------------------------------------
# divisions


@cache
def gazetteer():
    from kg.gazetteer import load

    return load()


#: Kinds of the gazetteer grouped by level; divisions are drawn kind by kind.
LEVEL_KINDS = {
    "county": ("县", "自治县", "市辖区", "县级市", "旗", "自治旗", "林区", "特区"),
    "prefecture": ("地级市", "自治州", "盟", "地区"),
    "province": ("省", "自治区", "直辖市"),
}
#: The level word a division's bodies and titles are named by (县政协, 旗长, 州委).
LEVEL_WORD = {"县": "县", "自治县": "县", "市辖区": "区", "县级市": "市", "旗": "旗", "自治旗": "旗", "林区": "林区",
              "特区": "特区", "地级市": "市", "自治州": "州", "盟": "盟", "地区": "地区", "省": "省", "自治区": "自治区",
              "直辖市": "市"}
# characters that make 区/市/县 part of an ordinary word (社区委员会, 城市, 园区)
_LEVEL_WORD_PRECEDERS = set("社园景街小辖地城新片山矿特林省市县区州旗盟都郊港商校营")
# what a bare short form may stand before (桃源政协, 本报桃源讯): anywhere else it is left alone
_BARE_FOLLOWERS = ("政协", "县委", "市委", "区委", "旗委", "州委", "盟委", "人大", "政府", "讯", "两会", "委员会")


def short_form(d) -> str | None:
    """The suffixed short form (天祝县 for 天祝藏族自治县, 恩施州) when the gazetteer knows one."""
    from kg.gazetteer import _written_forms

    for text, bare in _written_forms(d):
        if not bare and text != d.name:
            return text
    return None


def bare_form(d) -> str | None:
    from kg.gazetteer import _written_forms

    for text, bare in _written_forms(d):
        if bare:
            return text
    return None


def _unique(text: str, d, include_bare: bool = False) -> bool:
    found = gazetteer().lookup(text, include_bare=include_bare)
    return len(found) == 1 and found[0].code == d.code


@cache
def _division_automaton():
    import ahocorasick_rs

    words = [text for text in gazetteer().aliases if len(text) >= 2]
    return words, ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def division_spans(text: str) -> list[Span]:
    """Leftmost-longest occurrences of any written form of any division (text in simplified form)."""
    words, automaton = _division_automaton()
    return [Span(s, e, words[i]) for i, s, e in automaton.find_matches_as_indexes(text)]


@cache
def _kinds_index() -> dict[str, list]:
    by_kind: dict[str, list] = defaultdict(list)
    for d in gazetteer().by_code.values():
        by_kind[d.kind].append(d)
    return {k: sorted(v, key=lambda d: d.code) for k, v in by_kind.items()}


def chain_of(d) -> list:
    """The division and its ancestors, outermost first (甘肃省, 张掖市, 高台县)."""
    return list(reversed(gazetteer().ancestors(d))) + [d]


# ---------------------------------------------------------------------------------------------
# titles


#: Families of titles that stand for one another in place (same body kind): 主席 <-> 副主席 <-> 秘书长.
TITLE_FAMILIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("主席", "副主席", "常务副主席", "专职副主席", "秘书长", "副秘书长"), ("政协",)),
    (("委员", "常务委员"), ("政协",)),  # 政协常委 is recorded as 常务委员: not a family member
    (("党组书记", "党组副书记", "党组成员"), ("政协", "人大", "政府")),
    (("书记", "副书记", "常委"), ("党委",)),
    (("主任", "副主任", "常务副主任"), ("人大", "政协专委会", "政府")),
    (("秘书长", "副秘书长"), ("人大", "党委", "政府")),
    (("部长", "副部长", "常务副部长"), ("党委", "政府")),
    (("局长", "副局长"), ("政府",)),
    (("厅长", "副厅长"), ("政府",)),
) + tuple(((f"{lv}长", f"副{lv}长", f"常务副{lv}长"), ("政府",)) for lv in "省市县区州旗")


def title_family(role: str, body: str) -> tuple[str, ...]:
    for family, bodies in TITLE_FAMILIES:
        if role in family and body in bodies:
            return family
    return ()


@cache
def _title_automaton():
    import ahocorasick_rs

    from kg.lexicon import TITLES

    blockers = ("委员会", "常务委员会", "常委会", "主席团", "主席台", "书记处", "秘书处", "委员长", "主任委员")
    values = {surface: surface for surface in TITLES} | {surface: "" for surface in blockers}
    words = list(values)
    return words, [values[w] for w in words], ahocorasick_rs.AhoCorasick(
        words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def title_spans(text: str) -> list[Span]:
    words, values, automaton = _title_automaton()
    return [Span(s, e, values[i]) for i, s, e in automaton.find_matches_as_indexes(text) if values[i]]


# ---------------------------------------------------------------------------------------------
# gold units


@dataclass(frozen=True)
class Fact:
    person: str
    role: str
    body: str
    division: str  # code, 全国, or the name as written when the gazetteer does not know it

    def but(self, **kw) -> "Fact":
        from dataclasses import replace

        return replace(self, **kw)


@dataclass
class Unit:
    set: str
    doc: str
    sentence: str  # as the document prints it (NFKC text)
    header: str  # "" or a heading line naming the gold's division chain
    gold: tuple[Fact, ...]  # the gold offices evidenced by this sentence
    found: frozenset = frozenset()  # kg's offices on the unit (filled by prepare)
    persons: tuple[str, ...] = ()  # every gold person of the document (to avoid names inside names)

    @property
    def text(self) -> str:
        return (self.header + "\n" + self.sentence) if self.header else self.sentence

    @property
    def base(self) -> frozenset:
        """Gold offices kg finds on the unit."""
        return frozenset(self.gold) & self.found


def _fact(row: dict) -> Fact:
    from kg.evaluate import office_key

    p, r, b, d = office_key(row)
    return Fact(p, r, b, d)


def extract_facts(text: str) -> tuple[frozenset, list]:
    """kg's offices on ``text`` (as :class:`Fact`) and its unresolved records."""
    from kg.corpus import parse_document
    from kg.extract import extract_document

    ex = extract_document(parse_document(text.encode("utf-8"), "variant.txt"))
    facts = frozenset(_fact({"person": o.person, "role": o.role, "body": o.body.kind,
                             "division_code": o.body.division.code, "division": o.body.division.written,
                             "parent": o.body.division.parent_name}) for o in ex.offices)
    return facts, ex.unresolved


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and not _SENTENCE_END.match(text[s - 1]):
        s -= 1
    e = end
    while e < len(text) and not _SENTENCE_END.match(text[e]):
        e += 1
    if e < len(text) and text[e] != "\n":
        e += 1  # keep the sentence's own full stop
    return s, e


def _locate(text: str, row: dict) -> tuple[int, int] | None:
    ev = unicodedata.normalize("NFKC", row.get("evidence") or "").strip()
    if ev and ev in text:
        i = text.index(ev)
        return _sentence_around(text, i, i + len(ev))
    # no evidence (or not as printed): the first sentence with the person and the role
    person = row["person"]
    for m in re.finditer(re.escape(person), text):
        s, e = _sentence_around(text, m.start(), m.end())
        if row["role"] in text[s:e]:
            return s, e
    return None


def _header_for(facts: Iterable[Fact]) -> str:
    """The division chain of the deepest gold division, as a heading line."""
    gaz = gazetteer()
    divisions = [gaz.get(f.division) for f in facts]
    divisions = [d for d in divisions if d is not None]
    if not divisions:
        return ""
    depth = {"province": 0, "prefecture": 1, "county": 2}
    deepest = max(divisions, key=lambda d: (depth.get(d.level, 0), d.code))
    return "".join(d.name for d in chain_of(deepest))


def load_units(sets: Iterable[str] = tuple(SETS), root: Path = ROOT) -> list[Unit]:
    """The gold sentences of ``sets`` as units (not yet extracted: see :func:`prepare`)."""
    from kg.corpus import read_document

    units: list[Unit] = []
    for name in sets:
        gold_path, texts = SETS[name]
        for line in (root / gold_path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            path = root / texts / g["doc"]
            if not path.is_file() or not g.get("offices"):
                continue
            text = read_document(path).text
            persons = tuple(sorted({unicodedata.normalize("NFKC", o["person"]).replace(" ", "")
                                    for o in g["offices"]}))
            by_span: dict[tuple[int, int], list[Fact]] = defaultdict(list)
            for row in g["offices"]:
                span = _locate(text, row)
                if span is not None:
                    by_span[span].append(_fact(row))
            for (s, e), facts in sorted(by_span.items()):
                sentence = text[s:e].strip()
                if sentence:
                    units.append(Unit(name, g["doc"], sentence, "", tuple(sorted(set(facts), key=repr)),
                                      persons=persons))
    return units


def prepare(units: list[Unit]) -> list[Unit]:
    """Extract every unit; add the heading line where the sentence alone places fewer gold offices."""
    for u in units:
        u.found, _ = extract_facts(u.text)
        if u.base != frozenset(u.gold):
            header = _header_for(u.gold)
            if header and header not in u.sentence:
                found, _ = extract_facts(header + "\n" + u.sentence)
                if len(frozenset(u.gold) & found) > len(u.base):
                    u.header, u.found = header, found
    return units


# ---------------------------------------------------------------------------------------------
# substitutions


class Skip(Exception):
    """A substitution that would be ambiguous, with the reason (counted, not scored)."""


@dataclass
class Variant:
    unit: Unit
    kind: str  # one of KINDS
    text: str
    persons: dict = field(default_factory=dict)  # old -> new
    roles: dict = field(default_factory=dict)
    divisions: dict = field(default_factory=dict)  # old code -> new code
    label: str = ""  # what was substituted, for reports: the name class, the new kind, old->new title
    note: str = ""  # old -> new, for examples

    def image(self, facts: Iterable[Fact]) -> frozenset:
        """σ(facts): the offices a variant should give."""
        out = set()
        for f in facts:
            role = self.roles.get((f.role, f.body), self.roles.get(f.role, f.role))
            out.add(Fact(self.persons.get(f.person, f.person), role, f.body,
                         self.divisions.get(f.division, f.division)))
        return frozenset(out)


def _replace_spans(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for s, e, new in sorted(edits):
        if s < pos:
            raise Skip("overlapping substitutions")
        out += [text[pos:s], new]
        pos = e
    return "".join(out) + text[pos:]


def _occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


#: what makes a name part of a set phrase rather than a mention of its bearer
_NAME_PHRASES = ("新时代", "思想", "同志为核心", "同志为总书记")


def substitute_person(unit: Unit, old: str, new: str) -> str:
    """``unit.text`` with the person ``old`` written ``new`` wherever it stands alone.

    :raises Skip: the name is inside another name or a division, or ``new`` is in the text already.
    """
    from kg.chinese import to_simplified

    text = unit.text
    search = to_simplified(text)
    old_s = to_simplified(old)
    if any(old_s in to_simplified(p) and to_simplified(p) != old_s for p in unit.persons):
        raise Skip("name inside another name")
    if new in search or to_simplified(new) in search:
        raise Skip("new name already in the text")
    # a name may be printed with spaces inside (「罗  琼」)
    pattern = re.compile(r"\s*".join(map(re.escape, old_s)))
    hits = list(pattern.finditer(search))
    if not hits:
        raise Skip("name not printed in the sentence")
    gaz = gazetteer()
    taken = [(d.start, d.end) for d in division_spans(search)
             if any(not a.bare for a in gaz.aliases.get(d.text, []))] + [(t.start, t.end) for t in title_spans(search)]
    edits = []
    for m in hits:
        if search.startswith(_NAME_PHRASES, m.end()):
            continue  # 「习近平新时代中国特色社会主义思想」 is a phrase, not a mention of the person
        if any(s < m.end() and m.start() < e for s, e in taken):
            raise Skip("name overlaps a division or title")
        edits.append((m.start(), m.end(), new))
    if not edits:
        raise Skip("name printed only inside a phrase")
    return _replace_spans(text, edits)


def substitute_title(unit: Unit, old: str, new: str) -> str:
    """``unit.text`` with the one title ``old`` printed as ``new``.

    :raises Skip: the title is printed more (or less) than once, or the new title would not read as one.
    """
    from kg.chinese import to_simplified

    text = unit.text
    search = to_simplified(text)
    spans = [t for t in title_spans(search) if t.text == old]
    if len(spans) != 1:
        raise Skip(f"title printed {len(spans)} times")
    t = spans[0]
    out = text[: t.start] + new + text[t.end:]
    again = [x for x in title_spans(to_simplified(out)) if x.start == t.start]
    if not again or again[0].text != new:
        raise Skip("the new title merges with its neighbours")
    return out


def _form_of(written: str, d) -> str:
    if written == d.name:
        return "full"
    return "bare" if any(a.bare and a.division.code == d.code for a in gazetteer().aliases.get(written, [])) else "short"


def _write(d, form: str) -> str | None:
    if form == "full":
        return d.name if _unique(d.name, d) else None
    if form == "short":
        s = short_form(d)
        return s if s and _unique(s, d) else (d.name if _unique(d.name, d) else None)
    b = bare_form(d)
    return b if b and _unique(b, d, include_bare=True) else None


_HEAD_PREFIXES = ("常务副", "副", "代", "")


def _head(level: str, pre: str) -> str:
    """The head of a level's government: 县长, 副旗长, 自治区副主席 -> its role (副主席)."""
    return f"{pre}主席" if level == "自治区" else f"{pre}{level}长"


def _level_word_at(search: str, s: int, lo: str) -> tuple[str, int, int, str] | None:
    """A level word ``lo`` at ``s`` used as one (县政协, 县委, 副县长, 全县, 自治区党委, 自治区副主席):
    (slot, start, end, prefix of a head title), or None where ``lo`` is part of another word."""
    e = s + len(lo)
    before = search[s - 1] if s else ""
    if lo == "自治区":
        if search.startswith("党委", e):
            return "党委", s, e + 2, ""
        for pre in _HEAD_PREFIXES:
            if search.startswith(pre + "主席", e):
                return "head", s, e + len(pre) + 2, pre
    for f in ("人民政府", "人大常委会", "人大", "政协", "政府"):
        if search.startswith(f, e) and before not in _LEVEL_WORD_PRECEDERS:
            return f, s, e + len(f), ""
    if lo != "自治区" and search.startswith("委", e) and before not in _LEVEL_WORD_PRECEDERS:
        return "党委", s, e + 1, ""
    if search.startswith("长", e) and lo != "自治区" and before not in set("社园景街小辖地城新片山矿特林"):
        for pre in _HEAD_PREFIXES:
            if pre and search.startswith(pre, s - len(pre)):
                return "head", s - len(pre), e + 1, pre
        return "head", s, e + 1, ""
    if before == "全" and (s < 2 or search[s - 2] not in "健完安齐周保"):  # 全县, not 健全县级
        return "whole", s, e, ""
    if lo == "自治区":  # 自治区妇联 -> 省妇联: no ordinary word holds it
        return "bare", s, e, ""
    return None


#: level words that have each slot (县委 but 自治区党委; 县长 but 自治区主席; no 地区长)
_SLOT_OK = {
    "党委": {"省", "市", "县", "区", "州", "旗", "盟", "林区", "特区", "自治区"},
    "head": {"省", "市", "县", "区", "州", "旗", "盟", "自治区"},
}


def _write_level_word(slot: str, ln: str, pre: str, follower: str) -> str:
    bare = ln.removeprefix("自治") if ln != "自治区" else ln
    if slot in _SLOT_OK and bare not in _SLOT_OK[slot]:
        raise Skip(f"no {ln} form of a {slot} level word")
    if slot == "党委":
        return "自治区党委" if ln == "自治区" else f"{ln}委"
    if slot == "head":
        return f"自治区{pre}主席" if ln == "自治区" else f"{pre}{ln}长"
    if slot == "whole":
        return ln
    return ln + follower if slot not in ("bare",) else ln



def plan_division(unit: Unit, old, new, prefer_short: bool = False) -> tuple[str, dict, dict]:
    """``unit.text`` with division ``old`` (and its ancestors) replaced by ``new`` (and its ancestors),
    the map of codes, and the map of level-bound titles (县长 -> 旗长).

    :raises Skip: the substitution would be ambiguous or impossible.
    """
    from kg.chinese import to_simplified

    gaz = gazetteer()
    by_level = lambda chain: {d.level: d for d in chain}  # noqa: E731
    olds, news = by_level(chain_of(old)), by_level(chain_of(new))
    # a level the new chain has and the old one not (东城区 of 北京市 -> 高台县 of 张掖市 of 甘肃省) is
    # simply not printed; a level the old one has and the new one not must not be printed
    dropped = [d for lv, d in olds.items() if lv not in news]  # 神农架林区 has no prefecture
    old_chain = [d for lv, d in olds.items() if lv in news]
    new_chain = [news[d.level] for d in old_chain]
    mapping = {o.code: n for o, n in zip(old_chain, new_chain)}
    text = unit.sentence  # a heading line is written anew for the new chain
    search = to_simplified(text)
    # no form of the new chain may be printed already
    new_forms = {f for n in new_chain for f in (n.name, short_form(n), bare_form(n)) if f}
    if any(f in search for f in new_forms):
        raise Skip("new division already in the text")
    edits: list[tuple[int, int, str]] = []
    masked: list[tuple[int, int]] = []
    other_levels: set[str] = set()
    for sp in division_spans(search):
        candidates = [a.division for a in gaz.aliases.get(sp.text, [])]
        mine = [d for d in candidates if d.code in mapping]
        if any(d.code == x.code for d in candidates for x in dropped):
            raise Skip(f"a {dropped[0].level} printed, and the new division has none")
        if not mine:
            if not any(a.bare for a in gaz.aliases.get(sp.text, [])):
                other_levels |= {LEVEL_WORD.get(d.kind, "") for d in candidates}
            # 山丹县 stays in 张掖市 when 张掖市 moves to 赤峰市: the text would contradict itself
            if any(gaz.is_within(d, gaz.get(code)) for d in candidates for code in mapping):
                raise Skip("another division inside the old one is printed")
            continue
        d = mine[0]
        # a longer division name ending here would be the real one (城东区 holds no 东区)
        if any(sp.start - k >= 0 and search[sp.start - k: sp.end] in gaz.aliases for k in range(1, 6)):
            raise Skip("division name inside another")
        form = _form_of(sp.text, d)
        if form == "bare" and not search.startswith(_BARE_FOLLOWERS, sp.end) and not search.startswith("本报", max(0, sp.start - 2)):
            raise Skip("bare short form outside a body or dateline")
        n = mapping[d.code]
        if form == "full" and prefer_short and short_form(n):
            form = "short"
        written = _write(n, form)
        if written is None:
            raise Skip(f"no unambiguous {form} form of the new division")
        edits.append((sp.start, sp.end, written))
        masked.append((sp.start, sp.end))
    # level words: 县政协 -> 旗政协 where the kind changes
    levels: dict[str, str] = {}
    autonomous = {LEVEL_WORD.get(o.kind): n.kind.startswith("自治") for o, n in zip(old_chain, new_chain)}
    for o, n in zip(old_chain, new_chain):
        lo, ln = LEVEL_WORD.get(o.kind), LEVEL_WORD.get(n.kind)
        if lo is None or ln is None:
            raise Skip(f"no level word for {o.kind}/{n.kind}")
        if ln in levels.values() and levels.get(lo) != ln:
            raise Skip(f"two level words would both become {ln}")
        if lo in levels and levels[lo] != ln:
            levels[lo] = None  # two divisions of the chain share a level word and go different ways
        else:
            levels.setdefault(lo, ln)
    for d in dropped:
        levels.setdefault(LEVEL_WORD.get(d.kind, "?"), None)
    roles: dict = {}
    for lo, ln in levels.items():
        for m in re.finditer(re.escape(lo), search):
            s, e = m.start(), m.end()
            if any(a <= s < b for a, b in masked):
                continue
            word = _level_word_at(search, s, lo)
            if word is None:
                continue
            if ln is None:
                raise Skip(f"level word {lo} of two divisions")
            if lo in other_levels:
                raise Skip(f"level word {lo} shared with another division in the text")
            if ln == lo:
                continue
            slot, ws, we, pre = word
            if search.startswith("自治", ws - 2) and ws >= 2 and lo in "州县旗":  # 自治州政协 -> 盟政协
                ws -= 2
                ln_written = ("自治" + ln) if autonomous.get(lo) and ln in "州县旗" else ln
            else:
                ln_written = ln
            edits.append((ws, we, _write_level_word(slot, ln_written, pre, search[e:we])))
            if slot == "head":
                roles[(_head(lo, pre), "政府")] = _head(ln, pre)
    if not edits and not unit.header:
        raise Skip("division not printed")
    out = _replace_spans(text, edits)
    if unit.header:
        out = "".join(d.name for d in chain_of(new)) + "\n" + out
    return out, {o: n.code for o, n in mapping.items()}, roles


# ---------------------------------------------------------------------------------------------
# variants


def _rng(seed: int, *parts) -> random.Random:
    return random.Random(":".join(map(str, (seed,) + parts)))


def _target_division(unit: Unit):
    """The deepest gold division of the unit's found offices (what a division variant moves)."""
    gaz = gazetteer()
    depth = {"province": 0, "prefecture": 1, "county": 2}
    found = [gaz.get(f.division) for f in unit.base]
    found = [d for d in found if d is not None]
    return max(found, key=lambda d: (depth.get(d.level, 0), d.code)) if found else None


def division_variants(unit: Unit, seed: int, skips: Counter, draws: int = 1) -> Iterator[Variant]:
    old = _target_division(unit)
    if old is None:
        skips["division: no gazetteer division in the gold"] += 1
        return
    for kind, k in ((kind, k) for kind in LEVEL_KINDS[old.level] for k in range(draws)):
        rng = _rng(seed, unit.set, unit.doc, unit.sentence, "division", kind, k)
        pool = [d for d in _kinds_index().get(kind, []) if d.level == old.level and d.code != old.code]
        if not pool:
            skips[f"division: no {kind} of that level"] += 1
            continue
        reason = "no candidate"
        for _ in range(8):
            new = rng.choice(pool)
            try:
                text, codes, roles = plan_division(unit, old, new, prefer_short=rng.random() < 0.5)
            except Skip as e:
                reason = str(e)
                continue
            yield Variant(unit, "division", text, divisions=codes, roles=roles, label=kind,
                          note=f"{old.name}->{new.name}")
            break
        else:
            skips[f"division: {reason}"] += 1


def person_variants(unit: Unit, seed: int, skips: Counter, draws: int = 1) -> Iterator[Variant]:
    people = sorted({f.person for f in unit.base})
    for cls, k in ((cls, k) for cls in NAME_CLASSES for k in range(draws)):
        rng = _rng(seed, unit.set, unit.doc, unit.sentence, "person", cls, k)
        old = rng.choice(people)
        new = generate_name(rng, cls)
        try:
            text = substitute_person(unit, old, new)
        except Skip as e:
            skips[f"person: {e}"] += 1
            continue
        yield Variant(unit, "person", text, persons={old: new}, label=cls, note=f"{old}->{new}")


def title_variants(unit: Unit, seed: int, skips: Counter, draws: int = 1) -> Iterator[Variant]:
    """Every other title of the family of each found title (``draws`` does not apply)."""
    done = set()
    for f in sorted(unit.base, key=repr):
        family = title_family(f.role, f.body)
        if not family:
            skips[f"title: {f.role}/{f.body} has no family"] += 1
            continue
        if f.role in done:
            continue
        done.add(f.role)
        for new in family:
            if new == f.role:
                continue
            try:
                text = substitute_title(unit, f.role, new)
            except Skip as e:
                skips[f"title: {e}"] += 1
                continue
            # a title shared by two bodies in the unit (常委 of 党委 and of 政协) cannot be told apart
            if len({g.body for g in unit.found if g.role == f.role}) > 1:
                skips["title: one title of two bodies"] += 1
                continue
            yield Variant(unit, "title", text, roles={f.role: new}, label=f"{f.role}->{new}", note=f"{f.role}->{new}")


GENERATORS = {"division": division_variants, "person": person_variants, "title": title_variants}


def variants(units: list[Unit], seed: int = 0, kinds: Iterable[str] = KINDS,
             skips: Counter | None = None, draws: int = 1) -> Iterator[Variant]:
    """Every variant of every unit whose gold kg finds (deterministic for a seed): per unit, ``draws``
    divisions of each kind of its level, ``draws`` names of each class, every title of the family."""
    skips = skips if skips is not None else Counter()
    for u in units:
        if not u.base:
            skips["unit: kg finds no gold office of the sentence"] += 1
            continue
        for kind in kinds:
            yield from GENERATORS[kind](u, seed, skips, draws)


# ---------------------------------------------------------------------------------------------
# checking


@dataclass
class Outcome:
    variant: Variant
    ok: bool
    missing: frozenset  # σ(found) - got
    extra: frozenset  # got - σ(found)
    cause: str = ""  # the failure class
    got: frozenset = frozenset()


def check(v: Variant) -> Outcome:
    """Extract the variant and compare with the image of the unit's offices."""
    got, unresolved = extract_facts(v.text)
    want = v.image(v.unit.found)
    missing, extra = want - got, got - want
    ok = not missing and not extra
    return Outcome(v, ok, missing, extra, "" if ok else classify(v, missing, extra, got, unresolved), got)


def classify(v: Variant, missing, extra, got, unresolved) -> str:
    """The failure class of an outcome: what happened to the first missing office (or the extra one)."""
    cause = _cause(v, missing, extra, got, unresolved)
    if v.kind == "person":
        name = next(iter(v.persons.values()))
        return f"{cause} ({person_context(v.text, name)})"
    return cause


def person_context(text: str, name: str) -> str:
    """Where a name stands: before its title (某某总书记), right after a title (主席某某), in a list
    after 、 or a comma, or elsewhere."""
    from kg.chinese import to_simplified

    search = to_simplified(text)
    i = search.find(to_simplified(name))
    if i < 0:
        return "not printed"
    j = i + len(name)
    titles = title_spans(search)
    if any(t.start == j for t in titles):
        return "name before its title"
    if any(t.end == i for t in titles):
        return "right after a title"
    if i and search[i - 1] in "、,，和及与":
        return "in a list"
    return "elsewhere"


def _cause(v: Variant, missing, extra, got, unresolved) -> str:
    if missing:
        m = sorted(missing, key=repr)[0]
        same = [g for g in got if g.person == m.person and g.role == m.role and g.body == m.body]
        if same:
            return "resolved to another division"
        held = [u for u in unresolved if u.person == m.person]
        if held:
            return f"unresolved: {re.sub(r'^[^:]*: ', '', held[0].reason)}"
        near = [g for g in got | extra if g.person != m.person and (g.person in m.person or m.person in g.person)]
        if near:
            return "name cut or extended"
        if any(g.person == m.person for g in got):
            return "found with another title or body"
        return "never found"
    e = sorted(extra, key=repr)[0]
    if any(e.person != p and (e.person in p or p in e.person) for p in v.persons.values()):
        return "extra: name cut or extended"
    return "extra office"


@dataclass
class Report:
    outcomes: list[Outcome]
    skips: Counter
    units: list[Unit]

    def rate(self, pred=lambda o: True) -> tuple[int, int]:
        sel = [o for o in self.outcomes if pred(o)]
        return sum(o.ok for o in sel), len(sel)


def run(sets: Iterable[str] = tuple(SETS), seed: int = 0, kinds: Iterable[str] = KINDS,
        sample: int | None = None, root: Path = ROOT, draws: int = 1) -> Report:
    """Load, prepare, vary and check; ``sample``: check only that many variants, drawn by the seed."""
    units = prepare(load_units(sets, root))
    skips: Counter = Counter()
    vs = list(variants(units, seed, kinds, skips, draws))
    if sample is not None and sample < len(vs):
        vs = random.Random(seed).sample(vs, sample)
    return Report([check(v) for v in vs], skips, units)


def format_report(report: Report, examples: int = 3) -> str:
    lines = []
    units = report.units
    base = sum(bool(u.base) for u in units)
    gold = sum(len(u.gold) for u in units)
    found = sum(len(u.base) for u in units)
    lines.append(f"units (gold sentences): {len(units)}, of which kg finds a gold office: {base}; "
                 f"gold offices {gold}, found on the unit alone: {found}")
    lines.append(f"variants checked: {len(report.outcomes)}; skipped substitutions: {sum(report.skips.values())}")
    lines.append("")
    sets = sorted({o.variant.unit.set for o in report.outcomes}, key=list(SETS).index)
    kinds = [k for k in KINDS if any(o.variant.kind == k for o in report.outcomes)]
    head = f"{'set':<8}" + "".join(f"{k:>18}" for k in kinds) + f"{'all':>18}"
    lines += [head, "-" * len(head)]

    def cell(pred) -> str:
        ok, n = report.rate(pred)
        return f"{ok / n:>8.3f} ({ok}/{n})".rjust(18) if n else f"{'—':>18}"

    for s in sets + ["all"]:
        row = f"{s:<8}"
        for k in kinds + ["all"]:
            row += cell(lambda o, s=s, k=k: (s == "all" or o.variant.unit.set == s) and (k == "all" or o.variant.kind == k))
        lines.append(row)
    for kind in kinds:
        labels = Counter(o.variant.label for o in report.outcomes if o.variant.kind == kind)
        if kind == "title":
            labels = Counter(o.variant.label.split("->")[1] for o in report.outcomes if o.variant.kind == kind)
        lines += ["", f"{kind} by {'new kind' if kind == 'division' else 'name class' if kind == 'person' else 'new title'}:"]
        for label in sorted(labels):
            ok, n = report.rate(lambda o, label=label, kind=kind: o.variant.kind == kind and (
                o.variant.label == label if kind != "title" else o.variant.label.endswith("->" + label)))
            lines.append(f"  {label:<12}{ok / n:>7.3f} ({ok}/{n})")
    causes = Counter((o.variant.kind, o.cause) for o in report.outcomes if not o.ok)
    if causes:
        lines += ["", "failure classes (kind, cause, count) with examples:"]
        for (kind, cause), n in causes.most_common():
            lines.append(f"  {n:>5}  {kind:<9} {cause}")
            shown = [o for o in report.outcomes if not o.ok and o.variant.kind == kind and o.cause == cause][:examples]
            for o in shown:
                want = sorted(o.missing, key=repr)
                lines.append(f"           [{o.variant.unit.set}/{o.variant.unit.doc} {o.variant.note}] "
                             f"«{o.variant.text.replace(chr(10), ' / ')[:110]}»")
                if want:
                    lines.append(f"             want {_fmt(want[0])}; got {', '.join(_fmt(g) for g in sorted(o.got, key=repr)[:3]) or 'nothing'}")
                elif o.extra:
                    lines.append(f"             extra {_fmt(sorted(o.extra, key=repr)[0])}")
    if report.skips:
        lines += ["", "skipped substitutions:"]
        lines += [f"  {n:>5}  {reason}" for reason, n in report.skips.most_common()]
    return "\n".join(lines)


def _fmt(f: Fact) -> str:
    d = gazetteer().get(f.division)
    return f"{f.person}/{f.role}/{f.body}/{d.name if d else f.division}"


# ---------------------------------------------------------------------------------------------
# the gazetteer sweep: every division in fixed sentences


@dataclass(frozen=True)
class SweepTemplate:
    """A sentence every division is put in, and the offices kg must give for its person ``{n}``.

    Slots: ``{w}`` the division as written in each of ``forms`` (full name; suffixed short form 天祝县,
    falling back to the full name), ``{L}`` its level word (县 旗 州 盟), ``{P}`` its level's party
    committee (县委, 自治区党委), ``{short}`` its bare short form (镇康), ``{city}`` its prefecture,
    ``{province}`` its province, ``{other}`` a division of the same kind in another province, ``{n}`` a
    generated name and ``{m}`` another. A division a slot cannot be written for (no unique short form,
    no prefecture above it, a two-character name where ``admits`` says so) is left out of that
    template. A text that names no division itself is preceded by a heading line with the chain
    (「甘肃省\n张掖市\n高台县」 as one line), as a page's headline would give it.
    """

    key: str
    text: str
    roles: tuple[str, ...]
    body: str
    note: str = ""  # what the text says, for the table
    forms: tuple[str, ...] = ("full",)
    admits: Callable | None = None  # division -> bool: whether the template is tried on it
    of_parent: bool = False  # the offices are the division's parent's (its city), not its own


#: Written forms: every division, full and short, with its committee, its Party committee or its level word.
SWEEP_TEMPLATES = (
    SweepTemplate("X政协主席", "{w}政协主席{n}出席会议。", ("主席",), "政协", forms=("full", "short")),
    SweepTemplate("政协X委员会", "政协{w}委员会副主席{n}出席会议。", ("副主席",), "政协", forms=("full", "short")),
    SweepTemplate("X委书记", "{w}委书记{n}出席会议。", ("书记",), "党委", forms=("full", "short")),
    SweepTemplate("L政协主席", "{L}政协主席{n}主持会议。", ("主席",), "政协"),
    SweepTemplate("L委书记", "{P}书记{n}讲话。", ("书记",), "党委",
                  admits=lambda d: LEVEL_WORD[d.kind].removeprefix("自治") in _SLOT_OK["党委"]),
)

#: Resolution: the committee named by its level word alone is placed in the division the text names, wherever
#: and however the text names it (the table "Resolution over the whole gazetteer" in EVAL.md).
RESOLUTION_TEMPLATES = (
    SweepTemplate("full-then-level", "近日，{w}政协组织委员视察。\n\n{L}政协主席{n}表示，要加强团结。",
                  ("主席",), "政协", "the full name, then the level word in the next paragraph"),
    SweepTemplate("city-chain", "近日，{city}{w}政协组织委员视察。\n\n{L}政协主席{n}表示，要加强团结。",
                  ("主席",), "政协", "city + county (「陇南市礼县」, which jieba cuts 陇南/市礼/县政协), then the level word"),
    SweepTemplate("late-possessive", "{L}政协主席{n}主持会议。\n\n会议强调，要为推动{w}的高质量发展贡献力量。",
                  ("主席",), "政协", "the level word, then the division later in a possessive"),
    SweepTemplate("dateline-short", "本报{short}讯 {L}政协主席{n}主持会议。",
                  ("主席",), "政协", "a dateline's short form (「本报镇康讯 县政协主席…」)"),
    SweepTemplate("short-body", "{short}政协主席{n}主持会议。\n{L}政协副主席{m}出席。",
                  ("主席",), "政协", "a short-form body (「镇康政协主席…」)"),
    SweepTemplate("headline", "{w}政协召开十届三次常委会议\n\n会议由{L}政协主席{n}主持。",
                  ("主席",), "政协", "a headline naming the committee"),
    SweepTemplate("province-first", "近日，{province}{w}政协组织委员视察。{L}政协主席{n}表示。",
                  ("主席",), "政协", "province + division (「辽宁省铁西区」)"),
    SweepTemplate("byline", "□ {n}\n\n基层协商是政协工作的重要内容。\n\n（作者系{city}{w}政协党组书记、主席）",
                  ("党组书记", "主席"), "政协", "a byline's 作者系 note"),
    SweepTemplate("visit-away", "{w}政协主席{n}率队赴{other}考察学习。\n\n{L}政协副主席{m}参加。",
                  ("主席",), "政协", "the chair goes to another division (赴)"),
    # jieba cuts 「来古县」 as 来古/县: a two-character name is one only where jieba keeps it
    SweepTemplate("visit-hosted", "{other}政协考察团来{w}考察。{L}政协主席{n}陪同。", ("主席",), "政协",
                  "visitors come to the division (「乙县政协考察团来甲县考察。县政协主席丙陪同」)",
                  admits=lambda d: len(d.name) > 2),
    # the city's committee goes to one of its counties: the hosts are the county's, the visitors the city's
    SweepTemplate("visit-hosts", "本报讯 {PL}政协主席{m}率调研组到{w}调研。{L}政协主席{n}陪同。", ("主席",), "政协",
                  "the city's chair goes to one of its counties (到), the county's chair accompanies",
                  admits=lambda d: len(d.name) > 2 and d.kind != "县级市"),  # (市 and 市: nothing tells which)
    SweepTemplate("visit-own-city", "本报讯 {PL}政协主席{n}率调研组到{w}调研。{L}政协主席{m}陪同。", ("主席",), "政协",
                  "the same text: the visitors' 市政协 is the county's city",
                  admits=lambda d: len(d.name) > 2 and d.kind != "县级市", of_parent=True),
)


@dataclass(frozen=True)
class SweepCase:
    template: str
    division: object
    form: str  # full | short (of {w}), script: simplified | traditional
    script: str
    text: str
    # right: exactly the expected offices | wrong: the person placed in another division | none: not placed
    # (or another role) | extra: placed right, and a fact of a name the text does not have
    outcome: str
    got: frozenset

    @property
    def ok(self) -> bool:
        return self.outcome == "right"


def _sweep_divisions(step: int, per_kind: int | None) -> list:
    """Every ``step``-th division of each kind (or ``per_kind`` of each, evenly spread), but the SARs."""
    chosen = []
    for kind, ds in _kinds_index().items():
        if kind == "特别行政区":
            continue
        take = ds[:: max(1, len(ds) // per_kind)][:per_kind] if per_kind else ds[::step]
        chosen += take
    return sorted(chosen, key=lambda d: d.code)


def _other(d):
    """A division of the same kind in another province whose name no other division has (by the code)."""
    others = [x for x in _kinds_index()[d.kind] if x.province != d.province and _unique(x.name, x)]
    return others[int(d.code) % len(others)] if others else gazetteer().get("110000")


def _sweep_slots(d, t: SweepTemplate, form: str) -> dict | None:
    """The slot values for ``d`` in ``t`` (None where one cannot be written)."""
    gaz = gazetteer()
    level = LEVEL_WORD[d.kind]
    slots = {"L": level}
    if "{w}" in t.text:
        slots["w"] = _write(d, form)
    if "{P}" in t.text:
        slots["P"] = _write_level_word("党委", level, "", "")
    if "{short}" in t.text:
        short = bare_form(d)
        slots["short"] = short if short and len(gaz.lookup(short)) == 1 else None
    if "{city}" in t.text:
        city = gaz.get(d.parent)
        slots["city"] = city.name if city and city.level == "prefecture" else None
    if "{province}" in t.text:
        slots["province"] = gaz.get(d.province).name if d.province != d.code else None
    if "{other}" in t.text:
        slots["other"] = _other(d).name
    if "{PL}" in t.text:  # the level word of the division's prefecture, where it has one
        city = gaz.get(d.parent)
        slots["PL"] = LEVEL_WORD[city.kind] if city and city.level == "prefecture" and d.level == "county" else None
    return None if None in slots.values() else slots


def sweep(seed: int = 0, templates=SWEEP_TEMPLATES, step: int = 1, per_kind: int | None = None,
          scripts: tuple[str, ...] = ("simplified",)) -> list[SweepCase]:
    """Every division of the gazetteer (every ``step``-th of each kind, or ``per_kind`` of each) in each
    template, in each written form and script, with generated Han names."""
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    out = []
    for d in _sweep_divisions(step, per_kind):
        rng = _rng(seed, "sweep", d.code)
        n, m = generate_name(rng, "han3"), generate_name(rng, "han3")
        if m == n:
            m = generate_name(rng, "han3")
        for t in templates:
            if t.admits and not t.admits(d):
                continue
            for form in t.forms:
                if form == "short" and _write(d, "short") in (None, d.name):
                    continue
                slots = _sweep_slots(d, t, form)
                if slots is None:
                    continue
                text = t.text.format(n=n, m=m, **slots)
                if not any(k in slots for k in ("w", "short", "city", "province")):
                    text = "".join(x.name for x in chain_of(d)) + "\n" + text
                code = d.parent if t.of_parent else d.code
                want = {Fact(n, role, t.body, code) for role in t.roles}
                for script in scripts:
                    written = to_traditional(text) if script == "traditional" else text
                    got, _ = extract_facts(written)
                    own = {f for f in got if f.person == n}
                    stray = {f for f in got if f.person not in (n, m)}
                    outcome = ("wrong" if any(f.division != code for f in own) else
                               "right" if own == want and not stray else
                               "extra" if own == want else "none")
                    out.append(SweepCase(t.key, d, form if "{w}" in t.text else "level", script, written,
                                         outcome, got))
    return out


def format_sweep(cases: list[SweepCase], examples: int = 6) -> str:
    """The share exactly right per kind and template, then each template's right / none / wrong counts
    and the failures grouped by template, kind and form, with examples."""
    present = {c.template for c in cases}
    keys = [t.key for t in SWEEP_TEMPLATES + RESOLUTION_TEMPLATES if t.key in present]
    notes = {t.key: t.note for t in SWEEP_TEMPLATES + RESOLUTION_TEMPLATES}
    kinds = [k for ks in LEVEL_KINDS.values() for k in ks]
    head = f"{'kind':<8}" + "".join(f"{k:>18}" for k in keys)
    lines = ["gazetteer sweep: every division in fixed sentences (share exactly right, number wrong)", "",
             head, "-" * len(head)]
    for kind in kinds + ["all"]:
        row = f"{kind:<8}"
        for key in keys:
            sel = [c for c in cases if c.template == key and (kind == "all" or c.division.kind == kind)]
            wrong = sum(c.outcome == "wrong" for c in sel)
            row += (f"{sum(c.ok for c in sel) / len(sel):.3f} {wrong:>4}✗" if sel else "—").rjust(18)
        lines.append(row)
    lines += ["", f"{'template':<18}{'cases':>7}{'right':>8}{'none':>7}{'wrong':>7}{'extra':>7}  what the text says"]
    for key in keys:
        sel = [c for c in cases if c.template == key]
        count = Counter(c.outcome for c in sel)
        lines.append(f"{key:<18}{len(sel):>7}{count['right'] / len(sel):>8.3f}{count['none']:>7}{count['wrong']:>7}"
                     f"{count['extra']:>7}  {notes.get(key, '')}")
    failed = [c for c in cases if not c.ok]
    by = defaultdict(list)
    for c in failed:
        by[(c.template, c.outcome, c.division.kind, c.form, c.script)].append(c)
    lines += ["", f"failures ({len(failed)}) by template, outcome, kind, form and script, with examples:"]
    for (key, outcome, kind, form, script), cs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        shown = ", ".join(c.text.split("\n")[-1][:40] for c in cs[:examples])
        lines.append(f"  {len(cs):>5}  {key} / {outcome} / {kind} / {form} / {script}: {shown}")
    return "\n".join(lines)
