"""Post-titles: a name before its title (「王某总理」「某某副主席作报告」「王某某委员」).

The press puts a title after the name of a leader it has named before, or of one everybody knows.
Which body the title belongs to is read from context: the national leadership where the sentence is
national (「李某总理所作的报告、王某主席所作的……」) or the person is the general secretary, else the
committee the report is about (the first CPPCC body of the document's chains). A person placed next
to a foreign country gets no office.
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..records import BodyMention, OfficeMention
from .reader import HAN_CHAR, Reader

FOREIGN_COUNTRIES = ("越南", "老挝", "朝鲜", "古巴", "柬埔寨", "俄罗斯", "美国", "日本", "韩国", "蒙古国")
NATIONAL = BodyMention("中央", 0, level="nation", written="")



def find_post_titles(r: Reader, found: list[OfficeMention]) -> list[OfficeMention]:
    """Offices written as a name before its title, for people the chains did not already give
    that role."""
    out: list[OfficeMention] = []
    known = {(o.person, o.role) for o in found}
    holders = {o.person for o in found}
    main_cppcc = next((o.body.but(kind="政协", committee=None, borrowed=True) for o in found
                       if o.body.kind in ("政协", "政协专委会")), None)
    # a report that names its committee but no officer (「市政协十一届一次会议……甲委员建议」): that committee's
    named_cppcc = main_cppcc or next((b.but(borrowed=True) for b in r.named_bodies
                                      if b.kind == "政协" and b.committee is None), None)
    for t, ns, ne in _names_before_titles(r):
        person = r.surface(ns, ne)
        title = t.title
        if (person, title.role) in known or any(p == person and k.endswith(title.role) for p, k in known) \
                or _foreign_context(r, ns):
            continue  # (「甲主席」 for a vice-chairman, 常务副主席 or 专职副主席 named before, 「乙书记」 for a
            # 党组书记 or 副书记: a courtesy, not a second post)
        body = _named_right_before(r, ns, title.kinds)
        if body is not None:
            pass  # 「某某市政协某某副主席」「中共某某区委某某副书记」: the body printed before the name
        elif _BODY_END.search(r.text, max(0, ns - 4), ns):
            continue  # a body of another kind, or one the text does not place
        elif t.text == "总书记":
            body = NATIONAL.but(start=t.start, written=t.text)
        elif t.text == "总理":
            body = NATIONAL.but(kind="政府", start=t.start, written=t.text)
        elif t.text in ("主席", "副主席"):
            general_secretary = any(o.person == person and o.role == "总书记" for o in found + out) \
                or re.search(re.escape(person) + "总书记", r.text)
            if general_secretary:
                body = NATIONAL.but(start=t.start, written=t.text) if t.text == "主席" else None
            elif main_cppcc is not None and main_cppcc.level != "nation" and not _national_before(r, ns):
                body = main_cppcc  # 「某某副主席作工作报告」 in a report of one committee
            elif _national_context(r, ns):
                body = NATIONAL.but(kind="政协", start=t.start, written=t.text)
            elif (named := _named_in_sentence(r, "政协", ns)) is not None and named.level != "nation":
                body = named  # 「在区政协会议上,某某主席作……」
            elif (named := _named_in_paragraph(r, "政协", ns)) is not None and named.level != "nation":
                body = named  # 「在区政协会议上,甲主席作……;乙副主席作……」: the next sentence
        elif t.text in ("书记", "副书记"):
            # 「中共某某区委某某书记作讲话」「市委全会和某某书记的讲话」: the Party committee named
            # just before, in the same sentence
            body = _named_in_sentence(r, "党委", ns, within=16) or _meeting_of_after(r, t.end)
        elif title.level and "政府" in title.kinds:  # 「某某区长作政府工作报告」: the level's government
            body = BodyMention("政府", t.start, level=title.level, written=t.text)
        elif t.text in ("委员", "常委") and person not in holders:
            body = named_cppcc
        if body is None:
            continue
        role = title.role if not (t.text == "常委" and body.kind == "政协") else "常务委员"
        clause = r.clause_around(ns, t.end)
        out.append(OfficeMention(person, role, body, r.evidence(ns, t.end, clause), "post-title"))
        known.add((person, role))
    return out


def _names_before_titles(r: Reader):
    """(title, start, end) of each name right before a post-title, and of the names listed before
    that one (「甲、乙、丙副主席出席」: each of them)."""
    for t in r.titles:
        if t.text not in lx.POST_TITLES:
            continue
        name = r.name_before(t.start, after_body=True)
        if name is None:
            continue
        listed = [name]
        while listed[0][0] > 1 and r.text[listed[0][0] - 1] == "、":
            end = listed[0][0] - 1
            start = next((k for k in range(max(0, end - 6), end - 1) if r.name_at(k, lenient=True) == end
                          and (k == 0 or not HAN_CHAR.match(r.text[k - 1]) or r.text[k - 1] == "、")), None)
            if start is None:
                break
            listed.insert(0, (start, end))
        for ns, ne in listed:
            yield t, ns, ne


# the last words of a body printed right before a name: which kind of body it is
_BODY_END = re.compile(r"(?:(政协)|(人大常委会|人大)|(?<!委员)(委)|(政府))$")


def _named_right_before(r: Reader, ns: int, kinds: tuple[str, ...]) -> BodyMention | None:
    """The body whose words end where the name begins (「某某市政协」 before 「某某副主席」), if the
    title is one of that kind of body's."""
    m = _BODY_END.search(r.text, max(0, ns - 4), ns)
    if not m:
        return None
    kind = ("政协", "人大", "党委", "政府")[m.lastindex - 1]
    if kind not in kinds:
        return None
    body = next((b for b in reversed(r.named_bodies) if b.start < ns <= b.start + 24), None)
    if body is None or body.kind != kind or body.committee is not None or r.titles_in(body.start, ns):
        return None
    return body


def _named_in_sentence(r: Reader, kind: str, pos: int, within: int | None = None) -> BodyMention | None:
    """The last body of ``kind`` named before ``pos`` in its sentence (and at most ``within``
    characters before it), a committee's own, not one of its organs."""
    s0, _ = r.analysis.sentence_of(pos)
    floor = s0 if within is None else max(s0, pos - within)
    for body in reversed(r.named_bodies):
        if floor <= body.start < pos and body.kind == kind and body.committee is None:
            return body
    return None


# a Party committee's meeting right after 「甲书记在」: 「中共某省委十四届三次全会上」「市委常委会上」
_AT_MEETING = re.compile(r"在(?:中共)?[\u4e00-\u9fff]{2,14}?委(?:[^，,。；;\n]{0,12}?)(?:全会|会议|常委会)上")


def _meeting_of_after(r: Reader, pos: int) -> BodyMention | None:
    """「甲书记在中共某省委十四届三次全会上强调」: the Party committee whose meeting the secretary
    speaks at, named right after the title."""
    m = _AT_MEETING.match(r.text, pos)
    if not m:
        return None
    return next((b for b in r.named_bodies if b.kind == "党委" and b.committee is None
                 and pos < b.start < m.end() and b.start <= pos + 3), None)


def _named_in_paragraph(r: Reader, kind: str, pos: int) -> BodyMention | None:
    """The last body of ``kind`` named before ``pos`` in its paragraph (line), a committee's own,
    with no other organisation's words (民建, 工商联 …) between it and ``pos``."""
    floor = r.text.rfind("\n", 0, pos) + 1
    for body in reversed(r.named_bodies):
        if floor <= body.start < pos and body.kind == kind and body.committee is None:
            end = r.text.find(body.written, body.start, pos)
            between = r.text[(end + len(body.written)) if end >= 0 else body.start : pos]
            return None if any(mk in between for mk in _CHAIRED_ELSEWHERE) else body
    return None


# organisations with chairmen of their own: a 「某某副主席」 after them may be theirs
_CHAIRED_ELSEWHERE = ("民进", "民盟", "民革", "民建", "农工", "致公", "九三", "台盟", "工商联", "妇联", "侨联", "科协",
                      "文联", "作协", "总工会", "残联", "联谊会", "商会", "协会", "自治区")


def _foreign_context(r: Reader, pos: int) -> bool:
    window = r.text[max(0, pos - 12) : pos]
    return any(f in window for f in FOREIGN_COUNTRIES) or _foreign_person(r, pos)


def _foreign_person(r: Reader, pos: int) -> bool:
    """Someone the document places next to a foreign country (「以阮某总书记为首的越南共产党」)."""
    text = r.text
    name = None
    for length in (3, 2):
        if r.name_at(pos) == pos + length:
            name = text[pos : pos + length]
    if not name:
        return False
    for m in re.finditer(re.escape(name), text):
        window = text[max(0, m.start() - 12) : m.end() + 15]
        if any(f in window for f in FOREIGN_COUNTRIES):
            return True
    # a person who only ever appears in a paragraph about a foreign country
    paras = [p for p in text.split("\n") if name in p]
    return bool(paras) and all(any(f in p for f in FOREIGN_COUNTRIES) for p in paras) and not any(
        re.search(r"(中共|党中央|全国政协)", p[: p.find(name)][-6:]) for p in paras
    )


def _national_before(r: Reader, pos: int) -> bool:
    """National words earlier in the clause (「李某总理所作的报告、王某主席所作的……」); an earlier
    clause about the national committee (「甲副主席传达全国政协会议精神,乙副主席作报告」) is none."""
    s0, _ = r.clause_around(pos, pos)
    return bool(re.search("全国|总书记|总理|国务院|中央|国家", r.text[s0:pos]))


def _national_context(r: Reader, pos: int) -> bool:
    s0, s1 = r.analysis.sentence_of(pos)
    return bool(re.search("全国|总书记|总理|国务院|中央", r.text[s0:s1]))

