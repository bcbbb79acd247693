"""Bodies as the press names them, read from the words before a title.

「张掖市高台县政协主席」 names a CPPCC committee by two division names, 「县政协主席」 by a level word
only, 「鹿城政协」 by a bare short form, 「政协两当县第十届委员会」 by its formal name, 「市卫生健康委
主任」 a government department by its level, 「县长」 a government by the title alone. Each gives a
:class:`~kg.records.BodyMention` that keeps what was written; which division it is, is decided by
resolution (:mod:`kg.resolve`), never here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as lx
from ..records import BodyMention, NameAt
from .reader import BODY_WORD, HAN, Reader

# 「第十届」「新一届」 before a title that implies its body: no body words
_TERM = re.compile(r"(第?[一二三四五六七八九十百\d]+届|新一届|新任|原任)?")
_TERM_COMMITTEE = re.compile(r"第?[一二三四五六七八九十百\d]+届(?:委员会|常委会|常务委员会)?")
_INHERIT = re.compile(r"(第?[一二三四五六七八九十百\d]+届|新一届|新任|兼|其中)")
# a suffix-ending word the gazetteer may not know (梁平县, 陇西市): kept as written
# a preposition before a head of government's title (「受代省长某某委托」)
_PREPOSITIONS = re.compile("^(?:受|由|经|请|据|向|同|邀请)")
# a subject led by an officer, no body named: 「会议由」「座谈会由」「活动由」
_LED_BY = re.compile(rf"[{HAN}]{{0,8}}由")
# titles a Party committee has only in its departments
_DEPARTMENT_HEADS = frozenset(("主任", "副主任", "常务副主任", "驻会副主任", "专职副主任"))
# the organs of a CPPCC besides its special committees: its office, divisions, research units
_CPPCC_ORGAN = re.compile(rf"(?:机关)?(?:办公厅|办公室)?(?:办公室|办公厅|研究室|[{HAN}]{{1,10}}?处|[{HAN}]{{2,10}}?中心)|机关[{HAN}]{{1,8}}?[组队]|(?:机关)?驻[{HAN}]{{1,10}}?工作[组队]"
                          rf"|办公厅[{HAN}]{{1,8}}?局")  # (「全国政协办公厅新闻局」)
# the organs an officer of a committee also heads, written without the body (not a 中心 or a 处,
# which may be anyone's: 「商务部广交会中心主任」)
_OFFICE_ORGAN = re.compile("(?:办公厅|办公室)?(?:办公室|办公厅|研究室)")
#: a head of a working team of a committee's staff (「县政协机关工作组副组长」), only there: 组长 elsewhere is
#: another organisation's (a research team's, a discipline team's)
STAFF_TITLES = {s: lx.Title(s, s, ("政协专委会",)) for s in ("组长", "副组长", "队长", "副队长")}
#: a chairman's secretary (「政协主席秘书」): staff of the committee itself
STAFF_TITLES["秘书"] = lx.Title("秘书", "秘书", ("政协",))
# the national committee's formal name: 「中国人民政治协商会议第十四届全国委员会」「政协十一届全国委员会」
NATIONAL_FORMAL = re.compile(r"(?:中国人民政治协商会议|政协)第?[一二三四五六七八九十百\d]+届全国委员会")
# a level character and a term before a body word: 「县第十届政协」「市十六届人大」
_LEVEL_TERM = re.compile(r"([省市县区州旗盟])第?[一二三四五六七八九十百\d]+届$")
# a term between a division's name and its body: 「南沙区第二届政协」
_TERM_BEFORE_BODY = re.compile(r"第?[一二三四五六七八九十百\d]+届$")
# the levels of a membership held in several committees: 「甲市、乙县两级政协委员」
LEVELS_BEFORE_BODY = re.compile("[两三四]级$")
_SUFFIXED = re.compile(rf"([{HAN}]{{2,6}}?(?:地区|林区|特区|市|县|区|州|旗|盟))$")


# a clause qualifying the title between the body and it: 「县政协分管日常工作的副主席」「州政协不是中共党员的
# 副主席」 (no unit word in it: 「市委组织部的」 names a department)
_QUALIFYING = re.compile(rf"[{HAN}]{{2,16}}的")
_UNIT_WORD = re.compile("委|部|局|厅|办|会|组|处|室|中心|公司|单位|机关")
# the same clause with no body before it, inheriting one: only with a verb of a portfolio; and a duty
# ending the words before a title (「……办公室分管日常工作的副主任」「主持工作的副主席」): one clause, two uses
_PORTFOLIO_WORDS = rf"(?:分管|负责|联系|协助|主持|挂钩|牵头|对口|包联)[{HAN}]{{1,14}}?的"
_PORTFOLIO = re.compile(_PORTFOLIO_WORDS)
_DUTY = re.compile(_PORTFOLIO_WORDS + "$")
# a clause setting some of the officers apart by a post they do not hold: 「不是党组成员的副主席」
_NEGATED = re.compile(rf"(?:不是|并非|非|不担任|未担任)[{HAN}]{{1,14}}的")


def qualifying(rest: str, portfolio: bool = False) -> bool:
    """Is ``rest`` a clause qualifying the title after it (「分管日常工作的」「不是党组成员的」), not a
    unit or a post? ``portfolio``: with no body before it, only a verb of a portfolio or a negation."""
    if _NEGATED.fullmatch(rest):
        return not BODY_WORD.search(rest)
    rx = _PORTFOLIO if portfolio else _QUALIFYING
    return bool(rx.fullmatch(rest)) and not _UNIT_WORD.search(rest) and not BODY_WORD.search(rest) \
        and not any(t in rest for t in lx.TITLES)


# a sector right before the committee's word: 「民进界别政协委员」
_SECTOR_BEFORE = re.compile(rf"[{HAN}]{{1,8}}?界别?(?=政协)")
# where a person comes from or stands for, before the body: 「来自官渡镇的」「作为农工党界别的」
_ORIGIN = re.compile(rf"(?:来自|作为|身为)[{HAN}]{{1,16}}?的(?=[{HAN}])")


# a division's departments: the Party committee's own, and the government's (「交通运输厅」「公安局」
# 「发展和改革委员会」「卫生健康委」)
_PARTY_DEPARTMENT = re.compile("宣传部|组织部|统战部|政法委|纪委|政研室|农办|编办")
_DEPARTMENT = re.compile(rf"[{HAN}]{{1,14}}?(?:局|厅|委员会|委|办公室|办|中心)")
# what a body the lexicon does not know has, that no department has: a term, a congress's words
_NOT_A_DEPARTMENT = re.compile("届|人民代表|政治协商|常务委员会|常委会")
# where members of a committee come from when they live outside the mainland
_FROM_ABROAD = re.compile("(?:港区|澳区|港澳区|港澳|香港|澳门|台湾|台港澳|港澳台)(?:地区|籍)?")


@dataclass(frozen=True)
class Segment:
    """One item of a chain: a title and the body it belongs to (None: inherit from the chain)."""

    body: BodyMention | None
    title: lx.Title | None  # None: a title of another organisation (voids the item)
    valid: bool
    start: int
    committee_only: str | None = None  # 「统战部部长」: a sub-body of the inherited body
    same_division: str | None = None  # 「政协主席」: a body of this kind in the division named before
    level: str | None = None  # with ``same_division``: the level to fall back on (「政府旗长」: 旗)


def named_bodies(r: Reader) -> list[BodyMention]:
    """Every body the text names with its division, offices or not (「乌审旗政协召开……」), in text
    order: what a bare 「副主席某某」 or 「政协主席某某」 later in the document belongs to."""
    out = []
    for fs, fm in r.formal.items():
        out.append(BodyMention("政协", fs, names=r.formal_names(fm), written=fm.group(0)))
    for fm in NATIONAL_FORMAL.finditer(r.text):  # 「政协第十一届全国委员会」
        out.append(BodyMention("政协", fm.start(), level="nation", written=fm.group(0)))
    for d in r.divisions:  # 「中共某某区委」: a division directly followed by 委
        if r.text.startswith("委", d.end) and not r.text.startswith(("委员", "委会"), d.end):
            names = r.division_names_before(d.end, max(0, d.start - 24))
            out.append(BodyMention("党委", names[0].start, names=names, written=r.text[names[0].start : d.end + 1]))
    masked = list(r.text)  # body words inside division names (自治区 in 某某自治区) do not count
    for d in r.divisions:
        masked[d.start : d.end] = "\0" * (d.end - d.start)
    for m in BODY_WORD.finditer("".join(masked)):
        word = lx.BODIES[m.group(0)]
        body = body_of_word(r, word, m.start(), max(0, m.start() - 24), m.group(0))
        if body is not None:
            out.append(body.but(committee=word.committee))
    return sorted(out, key=lambda b: b.start)


def body_of_word(r: Reader, word: lx.BodyWord, body_start: int, floor: int, written: str) -> BodyMention | None:
    """The body a body word at ``body_start`` names, by what is written before it (from ``floor``
    on): a chain of division names, 全国-style words, a bare short form and the word's level
    (「陇西市政协」), the level alone (「县政协」), a bare short form alone (「鹿城政协」); None if
    nothing says which division."""
    names = r.division_names_before(body_start, floor)
    if not names and (term := _TERM_BEFORE_BODY.search(r.text, floor, body_start)):
        names = r.division_names_before(term.start(), floor)  # 「南沙区第二届政协委员」
    if not names and (levels := LEVELS_BEFORE_BODY.search(r.text, floor, body_start)):
        names = r.division_names_before(levels.start(), floor)  # 「甲市、乙县两级政协委员」: 乙县's (and 甲市's)
    if names:
        return BodyMention(word.kind, names[0].start, names=names, written=written)
    if word.level == "区" and body_start - 1 >= floor and r.text[body_start - 1] in "澳港":
        # 「某某省澳区政协委员」「省港区政协常委」: a committee's members from Macau or Hong Kong
        return body_of_word(r, lx.BodyWord(word.surface, word.kind), body_start - 1, floor, written) \
            or _level_before(r, word, body_start - 1, floor, written)
    if word.level == "nation":
        return BodyMention(word.kind, body_start, level="nation", written=written)
    if not word.level and (term := _LEVEL_TERM.search(r.text, floor, body_start)):
        # 「县第十届政协委员会」: the level character before the committee's term; 「甘肃省第十四届人民代表
        # 大会常务委员会」: the division the character ends
        if names := r.division_names_before(term.start() + 1, floor):
            return BodyMention(word.kind, names[0].start, names=names, written=written)
        return BodyMention(word.kind, term.start(), level=term.group(1), written=written)
    if word.level and body_start - 2 >= floor and r.text[body_start - 1] == word.level \
            and (stem := re.search(rf"[{HAN}]{{1,4}}$", r.text[floor : body_start - 1])):
        # 「郧县县委」: a name with the level's suffix the gazetteer does not know (郧县 is now
        # 郧阳区) is a division of its own, not the nearest county
        at = floor + stem.start()
        return BodyMention(word.kind, at, names=(NameAt(r.text[at:body_start], at),), unknown_name=True,
                           written=written)
    if word.level and (stem := r.bare_before(body_start, floor)):
        # 「陇西市政协」「张掖市委」: the level character belongs to a name before it
        return BodyMention(word.kind, stem.start, names=(NameAt(stem.text + word.level, stem.start),), written=written)
    if word.level:
        return BodyMention(word.kind, body_start, level=word.level, written=written)
    if bare := r.bare_before(body_start, floor):
        # 「鹿城政协」: a bare short form before a body word
        return BodyMention(word.kind, bare.start, stem=bare.text, written=written)
    return None


def _level_before(r: Reader, word: lx.BodyWord, at: int, floor: int, written: str) -> BodyMention | None:
    """The level character right before ``at`` (省 in 「省澳区政协」), as the body's level."""
    level = r.text[at - 1 : at] if at - 1 >= floor else ""
    return BodyMention(word.kind, at - 1, level=level, written=written) if level in lx.LEVEL_CHARS and level else None


def invalid(title: lx.Title | None, start: int) -> Segment:
    return Segment(None, title, False, start)


def parse_body(r: Reader, start: int, end: int, title: lx.Title) -> Segment:
    """Read the body named in ``text[start:end]``, the words of an item before its title."""
    text = r.text
    if origin := _ORIGIN.match(text, start, end):
        start = origin.end()  # 「来自官渡镇的政协委员」「作为农工党界别的市政协委员」: the body follows
    if duty := _DUTY.search(text, start, end):  # 「……办公室分管日常工作的副主任」: the duty is no body word
        end = duty.start()
    region = text[start:end]
    # mask division names: body words inside them (自治区 in 新疆维吾尔自治区) do not count, and
    # neither do another organisation's words (镇 in 镇原县 is a place, not a town committee)
    masked = list(region)
    # body words that hold a division's name (中央人民政府驻香港特别行政区联络办公室) keep it
    divisions = r.divisions_in(start, end)
    holding = [(start + m.start(), start + m.end()) for m in BODY_WORD.finditer(region)
               if any(start + m.start() <= d.start and d.end <= start + m.end() for d in divisions)]
    div_spans = [d for d in divisions if not any(s0 <= d.start and d.end <= e0 for s0, e0 in holding)]
    for m in div_spans:
        masked[m.start - start : m.end - start] = "\0" * (m.end - m.start)
    for pos in range(start + 2, end):  # and a bare short form before a body word (镇 in 「镇康政协」)
        bare = r.bare_before(pos, start)
        if bare is not None and BODY_WORD.match(text, pos):
            masked[bare.start - start : pos - start] = "\0" * (pos - bare.start)
    masked_s = "".join(masked)
    written = r.surface(start, end)
    # 「政协两当县第十届委员会」「中国人民政治协商会议某某自治县第十一届委员会」(商会 in it is none)
    for fs, fm in r.formal.items():
        if start <= fs and fm.end() == end:
            body = BodyMention("政协", fs, names=r.formal_names(fm), written=written)
            return segment(body, title, start, allow_extra=("主任", "副主任"))
        if start <= fs and fm.end() < end and title.role in lx.RANKS and text[fm.end() : end] == "机关":
            # 「政协某县委员会机关四级调研员」: a rank of the committee
            return segment(BodyMention("政协", fs, names=r.formal_names(fm), written=written), title, start)
    # (农村委 is a congress's or committee's 农业农村委员会, not a village committee, 村委)
    unmarked = masked_s.replace("农村委", "农\0\0").replace("政协机关", "政协\0\0")  # (a committee's own staff)
    # only the body's own words and the few before them say whose it is (「民进某某省委」「原县长」), not
    # the clause's opening (「在主席台前排就座的有鸡西市委书记」: 前排 is no former post)
    bodies = list(BODY_WORD.finditer(masked_s))
    named_at = min([m.start - start for m in div_spans] + [m.start() for m in bodies], default=0)
    unmarked = unmarked[max(0, named_at - 4):]
    # a sector of the committee named by a party or an organisation (「民进界别政协委员」「工商联界政协
    # 委员」) is no organ of that party
    unmarked = _SECTOR_BEFORE.sub(lambda m: "\0" * len(m.group(0)), unmarked)
    if any(mk in unmarked for mk in lx.FOREIGN_ORG_MARKERS) or re.search(r"[省市县区]委会", masked_s):
        # another organisation's office is read as another organisation's title (「全国工商联党组书记、
        # 副主席甲」: the bare 副主席 after it is the federation's too); a former post (原, 前) is ours, void
        former = any(mk in unmarked for mk in ("原", "前")) and not any(
            mk in unmarked for mk in lx.FOREIGN_ORG_MARKERS if mk not in ("原", "前"))
        return invalid(title if former else None, start)
    # 「温州市委」: a division directly followed by 委
    after_div = [m for m in div_spans if m.end < end and text[m.end] == "委" and not text.startswith("委员", m.end)]
    if after_div:
        m = after_div[-1]
        if not bodies or bodies[-1].start() < m.end - start:
            names = r.division_names_before(m.end, start)
            body = BodyMention("党委", names[0].start if names else m.start, names=names, written=written)
            return with_rest(body, text[m.end + 1 : end], title, start)
    if not bodies:
        return bodiless(r, start, end, title)
    b = bodies[-1]
    word = lx.BODIES[b.group(0)]
    body_start, body_end = start + b.start(), start + b.end()
    rest = text[body_end:end]
    body = body_of_word(r, word, body_start, start, written)
    if body is None and title.implies_body and title.level and title.level != "nation" \
            and word.kind in title.kinds and not rest:
        # 「政府旗长」「行署副盟长」: the government of the division named before (「林区党委副书记、
        # 政府区长」), else of the level the title says
        return Segment(None, title, True, start, committee_only=word.committee, same_division=word.kind,
                       level=title.level)
    body = body or _body_unnamed(r, word, body_start, start, written)
    if body is None:
        if not rest or rest in ("常委会", "党组"):
            # 「政协主席某某」 with no division: the division of the body named before it
            return Segment(None, title, True, start, committee_only=word.committee, same_division=word.kind)
        if word.kind == "政协" and _CPPCC_ORGAN.fullmatch(rest):  # 「政协办公室主任某某」: the same, an organ of it
            return Segment(None, title, True, start, committee_only=rest, same_division="政协专委会")
        if word.kind == "政协" and title.role == "秘书" and rest in _SECRETARIES_OF:  # 「政协主席秘书某某」
            return Segment(None, title, True, start, same_division="政协")
        return invalid(title, start)
    if word.committee:
        if rest and (word.kind == "中央" or word.surface in lx.STATE_COUNCIL_MINISTRIES):
            # 「中联办协调部副部长」「商务部广交会中心主任」: a department or unit of the organ
            return with_rest(body.but(committee=word.committee), rest, title, start)
        return segment(body.but(committee=word.committee), title, start) if not rest else invalid(title, start)
    return with_rest(body, rest, title, start)


def _body_unnamed(r: Reader, word: lx.BodyWord, body_start: int, start: int, written: str) -> BodyMention | None:
    """A body no division name of the analysis names: a suffixed word the gazetteer lacks
    (「梁平县政协」), or a province's Macau/Hong Kong members (「省澳区政协」)."""
    text = r.text
    if suffixed := _SUFFIXED.search(text[start:body_start]):
        # the shortest suffixed word that names a stem
        at = start + suffixed.start(1)
        return BodyMention(word.kind, at, names=(NameAt(suffixed.group(1), at),), unknown_name=True, written=written)
    if start <= body_start - 2 and text[body_start - 2 : body_start] in ("澳区", "港区") \
            and text[body_start - 3 : body_start - 2] in lx.LEVEL_CHARS:
        return BodyMention(word.kind, body_start - 3, level=text[body_start - 3], written=written)
    return None


# the officers of a committee whose secretaries are staff of the committee (「政协副主席秘书」)
_SECRETARIES_OF = ("主席", "副主席", "秘书长", "党组书记")


def with_rest(body: BodyMention, rest: str, title: lx.Title, start: int) -> Segment:
    """The words between a body and its title: nothing, a standing committee, a special
    committee (政协教育科技委员会) or a department (市委统战部)."""
    rest = rest.strip()
    if rest.endswith("由"):
        rest = rest[:-1]  # 「省政协农业和农村委员会由专职副主任甲带队」「县政协由副主席乙带队」
    kind = body.kind
    if qualifying(rest):
        rest = ""  # 「县政协分管日常工作的副主席」: the body's own title
    if rest in ("", "常委会", "常务委员会", "党组") or _TERM_COMMITTEE.fullmatch(rest) \
            or (kind == "政协" and rest in ("委员会", "工委")):  # 「县第十届政协委员会副主席」
        # (「地区政协工委主任」: a prefecture's CPPCC working committee is its committee, headed by a 主任)
        if kind == "政协" and rest == "工委":
            return segment(body.but(committee=title.committee), title, start, allow_extra=("主任", "副主任"))
        # 「自治州政协第十四届委员会常务委员」「市人大十六届常委会主任」: the body in one of its terms
        return segment(body.but(committee=title.committee), title, start)
    if kind == "政协":
        if title.role == "秘书":  # 「政协副主席秘书」: the secretary of one of its officers
            return segment(body, title, start) if rest in _SECRETARIES_OF else invalid(title, start)
        if re.fullmatch(rf"[{HAN}]{{1,8}}界(?:别)?|港区|澳区|港澳区|香港区|澳门区", rest) and title.role in ("委员", "常委", "常务委员"):
            return segment(body, title, start)  # 「政协宗教界委员」「省政协港区委员」: a member for a sector
        if re.fullmatch(rf"[{HAN}]{{1,16}}?(?:[(（][{HAN}]{{1,6}}[)）][{HAN}]{{0,6}}?)?(委员会|委|工委)(办公室)?", rest) \
                and not rest.startswith("机关"):  # (「港澳台侨(外事)委员会」)
            return segment(body.but(kind="政协专委会", committee=rest), title, start)
        if rest == "机关" and title.role in ("党组书记", "党组副书记", "党组成员"):
            # 「全国政协机关党组副书记」: the Party group of the committee's staff, an organ of it
            return segment(body.but(kind="政协专委会", committee="机关"), title, start, allow_extra=(title.role,))
        if (rest == "机关" or _CPPCC_ORGAN.fullmatch(rest)) and title.role in lx.RANKS:
            return segment(body, title, start)  # 「省政协办公厅一级巡视员」: a rank of the committee
        if _CPPCC_ORGAN.fullmatch(rest):
            # 「县政协办公室主任」「区政协社会文教处处长」「县政协文史研究中心主任」: an organ of
            # the committee (SCHEMA.md: body 政协专委会, the organ as committee)
            return segment(body.but(kind="政协专委会", committee=rest), title, start)
        return invalid(title, start)
    if kind in ("政府", "党委") and rest in ("办", "办公室"):  # 「县政府办主任」「区委办公室主任」
        return segment(body.but(committee=kind + rest), title, start)
    if kind in ("党委", "政府", "人大", "中央") and (re.fullmatch(rf"[{HAN}]{{1,16}}?(部|局|厅|委|办|署|办公室|委员会)", rest)
                                              or (body.committee in lx.MINISTRIES
                                                  and re.fullmatch(rf"[{HAN}]{{1,16}}?(司|中心)", rest))):
        # 「市委统战部」, 「中联办协调部」 (a department of an organ: both named)
        return segment(body.but(committee=(body.committee or "") + rest), title, start)
    return invalid(title, start)


def segment(body: BodyMention, title: lx.Title | None, start: int, allow_extra: tuple[str, ...] = ()) -> Segment:
    if title is None or not title.kinds:
        return invalid(title, start)
    if body.kind == "党委" and title.role in _DEPARTMENT_HEADS and not body.committee:
        return invalid(title, start)  # a Party committee's 主任 heads one of its departments (市委办公室)
    if body.kind not in title.kinds and title.role not in allow_extra:
        # 「市政协主任」 is no office; a special committee's 委员 is a member of the committee
        return invalid(title, start)
    return Segment(body, title, True, start)


SAR = "特别行政区"
# a term or time before a head's title: a former, first, future or acting one (「首任行政长官」「候任」)
_TERM_BEFORE_TITLE = re.compile("(?:首|候|时|前|历|原|上|新|第[一二三四五六七八九十]+)任?$|任$|届$")
_SAR_SUFFIX = re.compile("(?:特别行政区|特区)(?:政府)?$")


def _sar_head(r: Reader, start: int, end: int, title: lx.Title, region: str, written: str) -> Segment:
    """「行政长官某某」「澳门特区行政长官某某」「香港特别行政区行政长官」: the head of a special
    administrative region's government, the region written before the title (in full or by its short
    form) or else the one the text is about; words of the clause before it (「拜会行政长官某某」「在行政长官
    某某为首的」) name no other body, a term before it (「首任」「前」) makes it no current post."""
    if _TERM_BEFORE_TITLE.search(region):
        return invalid(title, start)
    names = r.division_names_before(end, start)
    committee = title.committee  # 「政务司司长」: a department of the region's government
    if names:
        return Segment(BodyMention("政府", names[0].start, names=names, committee=committee, written=written),
                       title, True, start)
    suffix = _SAR_SUFFIX.search(r.text, start, end)
    bare = r.bare_before(suffix.start() if suffix else end, start)
    if bare is not None:
        return Segment(BodyMention("政府", bare.start, stem=bare.text, committee=committee, written=written),
                       title, True, start)
    return Segment(BodyMention("政府", end, level=SAR, committee=committee, written=written or title.surface),
                   title, True, start)


def bodiless(r: Reader, start: int, end: int, title: lx.Title) -> Segment:
    """An item with no body word: a title that implies its body (县长, 总理), a sub-body of the
    inherited body (统战部部长), a level word and a department (市卫生健康委), or an inheritor."""
    text = r.text
    region = text[start:end].strip()
    written = r.surface(start, end)
    if title is not None and title.level == SAR:
        return _sar_head(r, start, end, title, region, written)
    if title is not None and title.implies_body and title.level:
        region = _PREPOSITIONS.sub("", region)  # 「受代省长某某委托」「由副省长某某作报告」
        if region and not _TERM.fullmatch(region):
            names = r.division_names_before(end, start)
            if not names:
                return invalid(title, start)
            body = BodyMention(title.kinds[0], names[0].start, names=names, committee=title.committee, written=written)
            return Segment(body, title, True, start)
        body = BodyMention(title.kinds[0], start, level=title.level, committee=title.committee,
                           written=written or title.surface)
        return Segment(body, title, True, start)
    if not region or _INHERIT.fullmatch(region) or qualifying(region, portfolio=True) or _LED_BY.fullmatch(region):
        # inherit (「,分管日常工作的副主席乙」 too, and 「会议由副主席乙主持」: the meeting's own officer)
        return Segment(None, title, True, start)
    if title is not None and title.role in ("主席", "副主席"):
        # 「山西省副主席某某」: a province's, city's or county's chairman is its CPPCC's; an
        # autonomous region's is its government's (自治区主席), which no rule here guesses
        names = r.division_names_before(end, start)
        if names and names[0].start == start and not names[-1].text.endswith("自治区") \
                and not text.startswith("中共", start):
            body = BodyMention("政协", names[0].start, names=names, written=written)
            return Segment(body, title, True, start)
    # 「党组成员、办公室主任」「副秘书长、办公厅研究室主任」: an organ of the inherited body (a CPPCC's is
    # 政协专委会, a Party committee's or a government's its department)
    if _OFFICE_ORGAN.fullmatch(region) and title is not None and title.role not in lx.RANKS:
        return Segment(None, title, True, start, committee_only=region)
    # 「全国政协副主席、交通运输部党组书记」: a ministry's or department's Party group is the government's
    # (SCHEMA.md), in the division of the body before it
    if title is not None and title.role.startswith("党组") \
            and re.fullmatch(rf"[{HAN}]{{2,12}}?(?:部|厅|局)", region) and region[0] not in "省市县区州" \
            and not region.endswith(("组织部", "宣传部", "统战部")) and not r.divisions_in(start, end):
        return Segment(None, title, True, start, committee_only=region, same_division="政府")
    if title is not None and title.role in ("委员", "常委", "常务委员") and _FROM_ABROAD.fullmatch(region):
        # 「澳门委员甲、乙出席」「港区常委丙」: members from Hong Kong, Macau or Taiwan of the committee
        # the text is about, the first it names
        first = next((b for b in r.named_bodies if b.kind == "政协" and b.committee is None), None)
        if first is None:
            return invalid(title, start)
        return Segment(first.but(borrowed=True), title, True, start)
    # 「协调部长」 after 「中联办副主任甲,」: 部长 of the 部 its first words name (协调部), as 统战部长 is
    if title is not None and title.surface in ("部长", "副部长") and re.fullmatch(rf"[{HAN}]{{2,4}}", region) \
            and not region.endswith("部") and not r.divisions_in(start, end):
        return Segment(None, title, True, start, committee_only=region + "部")
    # 「统战部部长」 after 「省委常委、」, 「文化文史和学习委主任」: a sub-body of the inherited body
    # (a region that names a division is no sub-body of the inherited body: 「河北省第十二届人民代表会常务委员会主任」)
    if re.fullmatch(rf"[{HAN}]{{1,16}}?(?:[(（][{HAN}]{{1,6}}[)）][{HAN}]{{0,6}}?)?(部|委员会|委|工委|办公室|办公厅|局|厅)", region) \
            and region[0] not in "省市县区州" \
            and not r.divisions_in(start, end):
        return Segment(None, title, True, start, committee_only=region)
    # 「州宣传部」「县纪委」: a level word and one of the Party committee's own departments
    m = re.fullmatch(r"([省市县区州旗盟])(宣传部|组织部|统战部|政法委|纪委|政研室|农办|编办)", region)
    if m and "党委" in (title.kinds if title else ()):
        return Segment(BodyMention("党委", start, level=m.group(1), committee=m.group(2), written=written), title, True, start)
    # 「市卫生健康委」「县国有资产运营中心」: a level word and a department is a government department
    m = re.fullmatch(rf"([省市县区州旗盟])([{HAN}]{{1,14}}?(局|厅|委|办|中心))", region)
    if m and "政府" in (title.kinds if title else ()):
        return Segment(BodyMention("政府", start, level=m.group(1), committee=m.group(2), written=written), title, True, start)
    # 「甘肃省交通厅」「兰州市公安局」「某某县纪委」: a division's name and one of its departments
    divs = r.divisions_in(start, end)
    if divs and title is not None and text[start:divs[0].start].strip() == "":
        names = r.division_names_before(divs[-1].end, start)
        dept = text[divs[-1].end : end].strip()
        kind = "党委" if _PARTY_DEPARTMENT.fullmatch(dept) else "政府" \
            if _DEPARTMENT.fullmatch(dept) and not _NOT_A_DEPARTMENT.search(dept) else None
        if names and kind in title.kinds:
            body = BodyMention(kind, names[0].start, names=names, committee=dept, written=written)
            return Segment(body, title, True, start)
    return invalid(title, start)
