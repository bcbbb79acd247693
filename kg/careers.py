"""Careers: a résumé's posts, resolved, become spells with start and end (part of resolution).

Extraction gives one spell mention per post and career item with the dates *printed*
(:mod:`kg.extract.biography`). Once bodies are placed in their divisions (:func:`resolved`, the
same :class:`~kg.resolve.Resolver` as offices), :func:`assemble` reads a person's items in order:

* a post repeated by the next item is one spell, from the first start to the last end (a change
  of the division as printed is another spell);
* an end not printed is read from a later item (flagged ``end_inferred``): in a résumé of
  start-only lines that restate what is held (「2003年02月，……」 one a line), a post ends at the
  first item that no longer lists it; in running text, a post ends when a later item

  - gives a higher post of the same ladder in the same body (副市长 -> 市长, 代县长 -> 县长,
    常委 -> 副书记 -> 书记, 党组成员 -> 党组书记);
  - moves the person to another division (a membership of a higher level, 「省委常委」, stays;
    moving up ends the lower posts unless the new ones are memberships only);
  - moves the person to a kind of body not held before in the same division: the CPPCC (党委 -> 政协),
    or the congress but for a Party secretary's post (书记 and 人大主任 are held together); a
    government post does not end the Party post of its division (副书记 and 代县长); or to another
    department of the same body;

* a post is current when the text says so (「现任」, 「至今」, an open range), when the text states
  it as an office of the person, or when it is in the last item of a résumé that names no later
  office;
* a post whose start is the document's own day (「今天出任」「6日……选举」) starts in the document's
  month (flagged ``start_from_page_date``), when the document has a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cmp_to_key

from .chinese import key_form
from .gazetteer import Gazetteer
from .lexicon import canonical_role
from .mapping import division_key
from .extract.biography import AS_PRINTED, TOWNSHIP
from .records import SPELL_FLAGS, Body, BodyMention, DivisionRef, PersonFacts, PersonMention, Spell, SpellMention

#: Roles that are memberships of a committee, held along with posts elsewhere.
MEMBERSHIPS = ("委员", "常委", "常务委员")


def resolved(m: SpellMention, resolver) -> Spell | None:
    """The spell of ``m`` with its body placed in its division (a division the gazetteer does not
    know, 「郧县」 before it became a district, is kept as written and flagged); None when the body
    names no division at all."""
    if m.body.level in (TOWNSHIP, AS_PRINTED):
        body = Body(m.body.kind, township(m.body, resolver), m.body.committee)
        return Spell(m.person, m.role, body, m.evidence, m.start, m.end, m.current, m.flags, m.source, m.item,
                     m.form, m.seq)
    if m.body.stem and m.body.level and not m.body.names:
        # 「北上河北任省委副书记」: the short form of the move, when it names one division of the level;
        # else the level word alone, from the context
        body = _of_level(m.body, resolver) or resolver.body(m.body.but(stem=None))[0]
    else:
        body, _ = resolver.body(m.body)
    if body is None:
        ref = as_written(m.body)
        if ref is None:
            return None
        body = Body(m.body.kind, ref, m.body.committee)
    if body.division.code is None:
        full = autonomous(body.division.name, resolver.gaz)
        if full is not None:
            body = Body(body.kind, full, body.committee)
    return Spell(m.person, m.role, body, m.evidence, m.start, m.end, m.current, m.flags, m.source, m.item,
                 m.form, m.seq)


def _of_level(m: BodyMention, resolver) -> Body | None:
    """The body of ``m`` in the one division its short form ``stem`` names at its ``level``."""
    from .resolve import _SUFFIX_OK, to_ref

    ok = _SUFFIX_OK.get(m.level)
    found = [d for d in resolver.gaz.lookup(m.stem, include_bare=True) if ok is not None and ok(d)]
    return Body(m.kind, to_ref(found[0], None, resolver.gaz), m.committee) if len(found) == 1 else None


def township(body: BodyMention, resolver) -> DivisionRef:
    """A township, commune or county district of the past (the gazetteer lists none), as printed,
    inside the county printed before it when the gazetteer knows that one."""
    town = body.names[-1].text
    level = "township" if body.level == TOWNSHIP else ("prefecture" if town.endswith("地区") else "county")
    note = "a township: not in the gazetteer" if body.level == TOWNSHIP else "a division of the past: not in the gazetteer"
    parent, _ = resolver.division(body.but(names=body.names[:-1], level=None)) if body.names[:-1] else (None, "")
    if parent is None:
        return DivisionRef(town, town, None, level, flagged=True, note=note)
    return DivisionRef(town, town, None, level, parent=parent.code, parent_name=parent.name,
                       province=parent.province or parent.code, province_name=parent.province_name or parent.name,
                       flagged=True, note=note)


def autonomous(name: str, gaz: Gazetteer) -> DivisionRef | None:
    """「延边自治州」「伊犁州」 for 延边朝鲜族自治州 and 伊犁哈萨克自治州: an autonomous division named by its
    stem and its kind without the nationality, when the stem names one division of that kind."""
    from .resolve import to_ref

    m = re.fullmatch(r"([\u4e00-\u9fff]{2,4}?)(自治州|自治县|自治旗|州)", name)
    if m is None:
        return None
    kind = m.group(2) if m.group(2) != "州" else "自治州"
    found = [d for d in gaz.lookup(m.group(1), include_bare=True) if d.name.endswith(kind) and d.name != name]
    return to_ref(found[0], name, gaz) if len(found) == 1 else None


def as_written(body: BodyMention) -> DivisionRef | None:
    """A division as the text prints it, for a résumé's historical names."""
    if not body.names:
        return None
    written = body.names[-1].text
    level = "province" if written.endswith(("省", "自治区")) else (
        "prefecture" if written.endswith(("地区", "州", "盟")) else "county")
    return DivisionRef(written, written, None, level, flagged=True, note="not in the gazetteer as written")


def facts(p: PersonMention, resolver) -> PersonFacts:
    """A résumé subject's demographics with the native place (「湖北黄梅」「山東棲霞」) resolved: the
    last name it prints, within the ones before it."""
    return PersonFacts(p.person, p.evidence, p.gender, p.ethnicity, p.born, native_place(p.native_place, resolver.gaz),
                       p.native_place, p.party_joined, p.work_started, p.education)


def native_place(written: str | None, gaz: Gazetteer) -> DivisionRef | None:
    """「湖北黄梅」 -> 黄梅县, 「吉林榆树」 -> 榆树市, 「福建漳州」 -> 漳州市: the longest names the
    gazetteer knows (full or short), each inside the one before it."""
    from .resolve import to_ref

    if not written:
        return None
    text = key_form(written)
    within = None
    i = 0
    found = None
    while i < len(text):
        for j in range(len(text), i, -1):
            cands = gaz.lookup(text[i:j], include_bare=True)
            if within is not None:
                cands = [d for d in cands if gaz.is_within(d, within)]
            if len(cands) == 1 or (cands and within is not None):
                found = within = cands[0]
                i = j
                break
        else:
            i += 1
    return to_ref(found, None, gaz) if found is not None else None


# ---------------------------------------------------------------------------------------------
# assembly


def _key(s: Spell) -> tuple[str, str, str]:
    return (s.role, s.body.kind, division_key(s.body.division))


def _acting_key(s: Spell) -> tuple[str, str, str]:
    """:func:`_key` with 代理X长 read as 代X长 (an acting head printed in full or short)."""
    role, kind, division = _key(s)
    return (canonical_role(role), kind, division)


@dataclass
class _Open:
    spell: Spell
    item: int  # the last item that states it
    ended: bool = False
    flags: tuple[str, ...] = ()
    merged: list[str] = field(default_factory=list)


#: Posts of a Party group (党组): held along with the body's posts, never replaced by them.
GROUP_ROLES = ("党组成员", "党组副书记", "党组书记")


def _ladder(role: str, kind: str) -> tuple[str, float] | None:
    if kind == "党委" and role in ("委员", "常委", "副书记", "书记"):
        return "party", ("委员", "常委", "副书记", "书记").index(role)
    if role in ("党组成员", "党组副书记", "党组书记"):
        return "group", ("党组成员", "党组副书记", "党组书记").index(role)
    if kind in ("政协", "人大") and role in ("委员", "常务委员", "副主席", "副主任", "主席", "主任"):
        return kind, {"委员": 0, "常务委员": 1, "副主席": 2, "副主任": 2, "主席": 3, "主任": 3}[role]
    m = re.fullmatch(r"(代理|代|常务副|副)?(.+?)(助理)?", role)
    rank = {"副": 0, "常务副": 1, "代": 2, "代理": 2, None: 3}[m.group(1)] - (3.5 if m.group(3) else 0)
    return f"head:{m.group(2)}", rank


def _higher(new: Spell, old: Spell) -> bool:
    """Is ``new`` a higher post than ``old`` on one ladder of one body?"""
    if (new.body.kind, division_key(new.body.division)) != (old.body.kind, division_key(old.body.division)):
        return False
    if (new.body.committee or "") != (old.body.committee or "") and new.body.kind != "党委":
        return False
    a, b = _ladder(new.role, new.body.kind), _ladder(old.role, old.body.kind)
    return a is not None and b is not None and a[0] == b[0] and a[1] > b[1]


def _ancestors(ref: DivisionRef, gaz: Gazetteer) -> set[str]:
    """Keys of the divisions that contain ``ref`` (the nation included), not ``ref`` itself."""
    keys = {"CN"} if division_key(ref) != "CN" else set()
    d = gaz.get(ref.code) if ref.code else None
    start = gaz.get(d.parent) if d is not None else gaz.get(ref.parent) or gaz.get(ref.province)
    while start is not None:
        keys.add(start.code)
        start = gaz.get(start.parent)
    return keys


def _leaves_for(old: Spell, new: Spell) -> bool:
    """Does a first post in body ``new`` of the same division end ``old`` of another body? The move
    to the CPPCC (or from the government to the congress) does; a Party secretary's government post
    (副书记 and 代县长, 书记 and 人大主任) is held along with the Party one."""
    return new.body.kind == "政协" or (new.body.kind == "人大" and not (old.body.kind == "党委" and old.role == "书记"))


def _ends(old: Spell, new: list[Spell], held_kinds: set[str], gaz: Gazetteer, office: bool = False,
          along: frozenset = frozenset()) -> bool:
    """Does the item of posts ``new`` end ``old`` (running text; see the module docstring)? ``along``:
    the keys of the posts an item listed together with ``old`` (held at once)."""
    old_div = division_key(old.body.division)
    member = old.role in MEMBERSHIPS or old.role in GROUP_ROLES
    if any(_higher(s, old) for s in new):
        return True
    old_up = _ancestors(old.body.division, gaz)
    down = [s for s in new if old_div in _ancestors(s.body.division, gaz)]
    same = [s for s in new if division_key(s.body.division) == old_div]
    up = [s for s in new if division_key(s.body.division) in old_up]
    if office:
        return bool(up) and not same and not member and not all(s.role in MEMBERSHIPS for s in up)
    if down and not member:
        return True  # to a division below: 「副省长」 -> 「某市委书记」
    if same:
        if old.body.kind == "政府" and old.role not in GROUP_ROLES and old.body.committee is None and any(
                s.body.kind == "党委" and s.role == "书记" and s.body.committee is None and _key(s) not in along
                for s in same):
            # 县长 -> 县委书记: the Party secretary of the division is no longer its head of government
            # (unless an item listed the two together: 「……市委副书记、书记、市长」)
            return True
        if old.body.kind not in {s.body.kind for s in same} and any(
                s.body.kind not in held_kinds and _leaves_for(old, s) for s in same):
            return True  # to a kind of body not held before (党委 -> 政协)
        return (old.role not in MEMBERSHIPS and old.body.committee is not None and
                any(s.body.kind == old.body.kind and s.body.committee != old.body.committee
                    and s.role not in MEMBERSHIPS + GROUP_ROLES for s in same))
    if down:
        return False
    if up:
        return not all(s.role in MEMBERSHIPS for s in up)
    return True  # to an unrelated division


def assemble(spells: list[Spell | None], gaz: Gazetteer, page_date: str | None = None) -> list[Spell]:
    """A document's spells from its resolved post mentions (see the module docstring)."""
    by_person: dict[str, list[Spell]] = {}
    for s in spells:
        if s is not None:
            by_person.setdefault(key_form(s.person), []).append(s)
    out: list[Spell] = []
    for posts in by_person.values():
        out.extend(_career(posts, gaz, page_date))
    # the reading's own marks (a page title, a transfer) are not the flags a spell carries
    return [s if all(f in SPELL_FLAGS for f in s.flags) else replace(s, flags=tuple(f for f in s.flags if f in SPELL_FLAGS))
            for s in out]


def _sequence_heads(posts: list[Spell]) -> list[Spell]:
    """In a sequence under one date, the date starts only the head posts in the first post's
    division that are not promotions of an earlier one (「1994年后任某省代省长、省长」: 省长 has no
    start of its own)."""
    out = []
    heads: dict[int, list[Spell]] = {}
    for s in posts:
        if s.seq.startswith("head"):
            group = heads.setdefault(s.item, [])
            lead = group[0] if group else None
            if lead is not None and (division_key(s.body.division) != division_key(lead.body.division)
                                     or (s.body.committee and lead.body.committee
                                         and s.body.committee != lead.body.committee)
                                     or any(_promotion(s, g) for g in group)):
                s = replace(s, start=None, seq="last" if s.seq == "head-last" else "")
            group.append(s)
        out.append(s)
    return out


def _promotion(s: Spell, earlier: Spell) -> bool:
    return (earlier.body.kind == s.body.kind and earlier.role != s.role
            and re.sub(r"^(代理|代|常务副|副)", "", earlier.role) == s.role)


def _career(posts: list[Spell], gaz: Gazetteer, page_date: str | None) -> list[Spell]:
    month = page_date[:7] if page_date and len(page_date) >= 7 else None
    posts = [_page_year(s, page_date) for s in posts]
    # 「……，免去其某市市长职务」 in an appointment of the document's day: the post ends in its month
    posts = [replace(s, end=month, current=False, flags=tuple(f for f in s.flags if f != "start_from_page_date"))
             if s.form == "ended" and s.end is None and "start_from_page_date" in s.flags else s for s in posts]
    posts = [replace(s, start=month) if "start_from_page_date" in s.flags and s.start is None and s.form != "office"
             else s for s in _sequence_heads(posts)]
    posts = [s if s.start is not None or s.form == "office" else replace(s, flags=tuple(
        f for f in s.flags if f != "start_from_page_date")) for s in posts]
    asides = [s for s in posts if s.form == "aside"]
    endings = [s for s in posts if s.form == "ended"]
    undated = [s for s in posts if s.form == "undated"]
    offices = [s for s in posts if s.form == "office"]
    current_items = [s for s in posts if s.form == "current"]
    # an item of posts of other organisations only (form "other", no spell of its own) ends what it moves from
    dated = [s for s in posts if s.form in ("range", "line-start", "start", "other")]
    items: dict[int, list[Spell]] = {}
    for s in dated:
        items.setdefault(s.item, []).append(s)
    # in the order of their dates (a résumé's items are; 「今天出任」 in a news lead comes first in the
    # text but last in time), the text's order among equal dates
    def when(k: int) -> tuple:
        group = items[k]
        date = next((s.start for s in group if s.start), "")
        return (any("start_from_page_date" in s.flags or "page_time" in s.flags for s in group), date, k)

    def earlier(a: int, b: int) -> int:
        # a year alone and a month of the same year (「2021年1月，……，同年底……」): the text's order
        wa, wb = when(a), when(b)
        if wa[0] == wb[0] and wa[1][:4] == wb[1][:4] and (len(wa[1]) == 4) != (len(wb[1]) == 4):
            return -1 if a < b else 1
        return -1 if wa < wb else (1 if wa > wb else 0)

    order = sorted(items, key=cmp_to_key(earlier))
    # a résumé whose items restate what is still held (each item lists the posts again)
    keys_of = [{_key(s) for s in items[k] if s.form != "other"} for k in order]
    restating = sum(1 for a, b in zip(keys_of, keys_of[1:]) if a & b) >= 2 or \
        sum(1 for k in order if items[k][0].form == "line-start") >= 3
    states: list[_Open] = []
    held_kinds: set[str] = set()
    last_item = order[-1] if order else None
    tails = {k: any(s.seq in ("", "last") for s in items[k] if "in_sequence" in s.flags) for k in order}
    for k in order:
        group = _dedupe(items[k])
        date = next((s.start for s in group if s.start), None)
        if all(s.form == "other" for s in group) and all("concurrent" in s.flags for s in group):
            continue  # 「2003.05 兼任某党校校长」: a post of another organisation held along
        if all(s.form == "other" for s in group):
            retired = any("retired" in s.flags for s in group)  # 「2018年退休」 ends every post
            for st in states:  # 「2003年1月，担任共青团某市委书记」 ends the posts held before it
                if date and not st.ended and st.spell.end is None and (not st.spell.current or retired) \
                        and (restating or retired or st.spell.role not in MEMBERSHIPS + GROUP_ROLES):
                    st.spell = replace(st.spell, end=date)
                    st.flags += ("end_inferred",)
                    st.ended = True
            continue
        keys = {_key(s) for s in group}
        if date is not None:
            for st in states:
                if st.ended or st.spell.end is not None or _key(st.spell) in keys:
                    continue
                # a line of a restating résumé ends what it no longer lists, but for a line that only
                # records an election or appointment (「1999.01 当选为某县县长」 between two lines that list
                # the Party post: held across it)
                if all("concurrent" in x.flags or "secondment" in x.flags for x in group):
                    continue  # 「2004.03 兼任某职」「2004年03月，挂职任某职」: held along, ending nothing
                line = restating and group[0].form in ("line-start", "start") and not all(
                    _ELECTED.search(x.evidence.sentence or "") for x in group)
                moved = any("moved" in s.flags for s in group) and st.spell.role not in MEMBERSHIPS + GROUP_ROLES
                along = frozenset(_key(x.spell) for x in states if x.spell.item == st.spell.item)
                if line or moved or _ends(st.spell, group, held_kinds, gaz, along=along):
                    st.spell = replace(st.spell, end=date)
                    st.flags += ("end_inferred",)
                    st.ended = True
        for s in group:
            st = _mergeable(states, s, k, order)
            if st is not None:
                if st.spell.start is None and "in_sequence" in st.spell.flags and _dates_post(s):
                    # 「1985年起任……某市市长」 then 「1993年3月……当选为某市市长」: the dated item starts it
                    st.spell = replace(st.spell, start=s.start)
                st.spell = replace(st.spell, end=s.end, current=s.current, seq=st.spell.seq or s.seq)
                st.item = k
                st.ended = s.end is not None and not s.current
                st.merged.append(s.evidence.sentence)
                continue
            # a post in the middle of a sequence has no end of its own to read; the posts the date
            # starts (its head) neither, unless the sequence is its head alone
            middle = "in_sequence" in s.flags and (s.seq == "" or (s.seq == "head" and tails.get(k)))
            states.append(_Open(s, k, ended=s.end is not None or middle))
        held_kinds |= {s.body.kind for s in group}
    # 「2012年7月起不再担任……」: the end of what is listed
    for s in _dedupe(endings):
        st = next((x for x in reversed(states) if _key(x.spell) == _key(s)), None)
        if st is not None and st.ended and "end_inferred" in st.flags and s.end and st.spell.end \
                and s.end > st.spell.end and "moved" not in s.flags:
            st.ended = False  # 「……辞去某市市长职务」 prints the end a later move had only inferred
        if st is not None and not st.ended:
            st.spell = replace(st.spell, end=s.end, current=False)
            st.ended = True
            st.flags = tuple(f for f in st.flags if f != "end_inferred")
        elif st is None:
            states.append(_Open(replace(s, start=None), s.item, ended=True))
        if "moved" in s.flags and s.end:  # 「在2016年6月调到某地任职之前，……」: the move ends what was held
            for x in states:
                if not x.ended and x.spell.end is None and x.spell.role not in MEMBERSHIPS + GROUP_ROLES \
                        and x.spell.start is not None and x.spell.start[:len(s.end)] <= s.end[:len(x.spell.start)]:
                    x.spell = replace(x.spell, end=s.end, current=False)
                    x.flags += ("end_inferred",)
                    x.ended = True
    # current posts (「现任」), then the offices the text states of the person
    for s in _dedupe(sorted(current_items, key=lambda x: "heading" in x.flags)):  # the text's 「现任」 over a title
        st = next((x for x in reversed(states) if _key(x.spell) == _key(s)), None)
        if st is not None and "heading" in s.flags and st.spell.end is not None and "end_inferred" not in st.flags:
            continue  # a page title 「某某[某职]」 does not reopen a post the résumé ends (「2002-2012年 某职」)
        if st is not None:
            st.spell = replace(st.spell, end=None, current=True)
            st.ended = False
            continue
        if s.start is not None and "heading" not in s.flags:
            # 「3月28日，……决定任命某某为某省副省长」: an announced appointment ends what it moves from
            for x in states:
                if not x.ended and x.spell.end is None and x.spell.start and x.spell.start < s.start \
                        and _ends(x.spell, [s], held_kinds, gaz, office=True):
                    x.spell = replace(x.spell, end=s.start, current=False)
                    x.flags += ("end_inferred",)
                    x.ended = True
        states.append(_Open(replace(s, current=True), s.item))
    for s in _dedupe(offices):
        # 「决定任命某某为某市副市长、代理市长」: the office reader's 代市长 is the résumé's 代理市长
        st = next((x for x in reversed(states) if _acting_key(x.spell) == _acting_key(s)), None)
        start = month if "start_from_page_date" in s.flags else None
        if st is not None:
            if not st.ended and st.spell.end is None:
                st.spell = replace(st.spell, current=True)
                if st.spell.start is None and start is not None:  # 「选举某某为……」 on the day of the text
                    st.spell = replace(st.spell, start=start, flags=st.spell.flags + ("start_from_page_date",))
            continue
        if start is not None:
            for x in states:
                if not x.ended and x.spell.end is None and _ends(x.spell, [s], held_kinds, gaz, office=True):
                    x.spell = replace(x.spell, end=start)
                    x.flags += ("end_inferred",)
                    x.ended = True
        flags = s.flags if start is not None else tuple(f for f in s.flags if f != "start_from_page_date")
        states.append(_Open(replace(s, start=start, current=True, flags=flags), s.item))
    # 「……，直至本次履新」: what the item holds ends where the appointment the text reports starts
    began = sorted(x.spell.start for x in states if x.spell.current and x.spell.start and (
        "start_from_page_date" in x.spell.flags or x.spell.form in ("current", "office")))
    for st in states:
        if "until_now" in st.spell.flags and st.spell.end is None:
            later = [d for d in began if st.spell.start is None or d > st.spell.start]
            st.spell = replace(st.spell, end=later[0] if later else None, current=False)
            st.flags += ("end_inferred",) if later else ()
            st.ended = True
    if any("deceased" in s.flags for s in posts):  # an obituary's subject: every post is of the past
        for st in states:
            st.spell = replace(st.spell, current=False)
            st.ended = True
    # the text names a post later than the résumé's last item (an office, 「现任」, a page title)
    stated = {_key(s) for s in offices} | {_key(s) for s in current_items}
    later = stated - {_key(x.spell) for x in states if x.spell.form in ("range", "line-start", "start")}
    others = bool(later)
    later_posts = [x.spell for x in states if _key(x.spell) in later]
    out = []
    for st in states:
        s = st.spell
        # a Party post the later stated posts do not end stays held (「2020年任某省委副书记，2022年任代省长」 and
        # the report of his election as 省长)
        kept = others and s.item == last_item and bool(later_posts) and s.form in ("range", "line-start", "start") \
            and not any(_key(x) == _key(s) for x in later_posts) and not _ends(s, later_posts, held_kinds, gaz) \
            and s.body.kind == "党委" and s.role in ("书记", "副书记", "常委")
        if s.end is None and not s.current and not st.ended and s.form != "office" and (
                "start_from_page_date" in s.flags or kept or (not others and (s.item == last_item or not restating))):
            s = replace(s, current=True)  # the last item of a résumé that names nothing later
        flags = tuple(dict.fromkeys(s.flags + st.flags))
        if s.end is not None:
            s = replace(s, current=False)
        out.append(replace(s, flags=flags))
    # a lower post of one ladder is not current beside a higher one of the same body (副市长 and
    # 代理市长 of 「任命某某为某市副市长、代理市长」 once he is 市长)
    now = [s for s in out if s.current and (_ladder(s.role, s.body.kind) or ("", 0))[1] == 3]  # full posts only
    out = [replace(s, current=False) if s.role not in MEMBERSHIPS + GROUP_ROLES and any(
        _higher(t, s) for t in now if t is not s) else s for s in out]
    # an office the text states of the person in passing (「时任某县委书记某某」) adds nothing to a post
    # the résumé dates
    dated_keys = {_key(s) for s in out}
    # 「此前，某某任A」「原任A的某某」: A ends where the appointment the text reports starts
    first_now = began[0] if began else None
    undated = [replace(s, end=first_now, flags=s.flags + ("end_inferred",))
               if "before_now" in s.flags and first_now and s.end is None else s for s in undated]
    out.extend(s for s in _dedupe(undated) if "stated" not in s.flags or _key(s) not in dated_keys)
    out.extend(asides)
    return out


def _mergeable(states: list[_Open], s: Spell, k: int, order: list[int]) -> _Open | None:
    """The spell ``s`` continues: the same post still open, or stated by the item just before."""
    previous = order[order.index(k) - 1] if order.index(k) > 0 else None
    for st in reversed(states):
        if _key(st.spell) != _key(s):
            continue
        if st.spell.start is None and "in_sequence" in st.spell.flags and _dates_post(s):
            return st  # a post a sequence lists undated, dated by a later election (「……当选为市委书记」)
        if not st.ended and st.spell.end is None:
            return st
        if st.item == previous and (st.spell.end is not None or st.ended) and "end_inferred" not in st.flags:
            return st
        return None
    return None


def _page_year(s: Spell, page_date: str | None) -> Spell:
    """「今年3月」「去年7月」「今年，」 and a lead's 「1月12日，」 counted from the document's year (none
    when the document has no date)."""
    mark = next((f for f in s.flags if f.startswith("page_year:")), None)
    if mark is None:
        return s
    flags = tuple(f for f in s.flags if f != mark)
    _, off, mon = mark.split(":")
    if s.form == "ended" and s.end is None:  # 「在今年6月调到某地任职之前，……」: the year of its end
        if not page_date:
            return replace(s, flags=flags)
        year = int(page_date[:4]) + int(off)
        return replace(s, end=f"{year}-{int(mon):02d}" if mon else str(year), flags=flags)
    if not page_date or s.start is not None:
        return replace(s, flags=flags + (("page_time",) if s.start is None else ()))  # the page's time: last
    year = int(page_date[:4]) + int(off)
    return replace(s, start=f"{year}-{int(mon):02d}" if mon else str(year), flags=flags)


_ELECTED = re.compile(r"当选|選|选举|选为|补选|被任命|任命为")


def _dates_post(s: Spell) -> bool:
    """Is ``s`` a dated election or appointment to its post (「1993年3月在……会议上当选为某市市长」),
    which dates a post an earlier sequence listed without a date?"""
    return s.start is not None and "in_sequence" not in s.flags and bool(
        re.search(r"当选|選|选举|选为|任命", s.evidence.sentence or ""))


def _dedupe(spells: list[Spell]) -> list[Spell]:
    seen: dict[tuple, Spell] = {}
    for s in spells:
        seen.setdefault(_key(s), s)
    return list(seen.values())
