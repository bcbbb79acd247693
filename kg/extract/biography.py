"""Careers as résumés print them: dated posts (spell mentions) and the subject's demographics.

A résumé (「简历」「领导简介」, or the résumé paragraph of a news report) names its subject, often with
demographics (「某某，男，汉族，1968年10月生，某省某县人，中共党员，1990年7月参加工作，大学学历」),
then lists career *items*, each a date and the posts it dates:

====================================  ==========================================================
「2016.09—2021.10 某县委副书记、县长」    a range (dots, 年月, Chinese numerals, ``-`` ``—`` ``--``
「2016年9月至2021年10月」「2002—2006年」  ``——`` ``~`` 至); 「2012.09-」「——至今」 an open, current one
「2003年02月，某区委常委、副区长。」       a résumé line with a start only
「1987年任……」「2002年12月，某某出任……」  a start in running text; 「次年1月」「翌年」 count from the
「7月任……」                             year before, a bare month takes the year of its sentence
「1984年起任A、B，C」「……后历任……」      a sequence under one date: the date starts its first posts
「早年任」「曾任」「历任……等职」          no date
「现任……」「現在……」                     current posts, no start
「（其间：……学习）」                      study: no post; a parenthesis that holds a post (兼任,
                                        挂职) is an item of its own; 「（1999.01当选）」 no post
====================================  ==========================================================

Several posts on one line split as offices do (「房县县委常委、政法委书记」: the body carries along
the line: :func:`kg.extract.offices.segment_for` over :func:`kg.extract.bodies.parse_body`), with
the titles only résumés use added here (代市长, 专员, 处长, 科员 ...). Posts of schools, firms and mass
organisations give no spell (as for offices).

Extraction gives one :class:`~kg.records.SpellMention` per post and item, with the dates *printed*;
ends not printed, merging of repeated posts and which posts are current are decided after
resolution (:mod:`kg.careers`), where divisions are known. No name of a person or place is written
here: names come from the text, places from the analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import lexicon as lx
from ..chinese import key_form
from ..records import BodyMention, NameAt, OfficeMention, PersonMention, SpellMention
from .bodies import Segment
from .dates import cn_number
from .offices import _role, segment_for
from .reader import BODY_WORD, HAN, Reader, not_a_word, plausible_name

# ---------------------------------------------------------------------------------------------
# lexicon: titles only résumés use (the press lexicon is kg/lexicon.py)

_GOV = ("政府",)
_PARTY = ("党委",)


def _resume_titles() -> dict[str, lx.Title]:
    t: dict[str, lx.Title] = {}

    def add(surface, kinds, role=None, **kw):
        t[surface] = lx.Title(surface, role or surface, kinds, **kw)

    for suffix in ("省", "市", "县", "区", "州", "旗"):
        for pre in ("代", "代理"):  # acting heads are titles of their own (NOTES rule 9)
            add(f"{pre}{suffix}长", _GOV, implies_body=True, level=suffix)
    for s in ("专员", "副专员", "专员助理", "司长", "副司长", "署长", "副署长", "关长", "副关长", "副总工程师"):
        add(s, _GOV)  # 「海关总署副署长」「某海关关长」: the state's offices
    for s in ("乡长", "镇长", "副乡长", "副镇长"):  # heads of a township (NOTES rule 14)
        add(s, _GOV, implies_body=True, level=s[-2])
    for s in ("处长", "副处长", "科长", "副科长", "干事", "秘书"):
        add(s, _GOV + _PARTY)
    for s in RANKS:
        add(s, _GOV + _PARTY)
    # a Party committee's offices and research offices have directors too (县委办副主任)
    for s in ("主任", "副主任", "常务副主任"):
        add(s, ("政协专委会", "人大", "政府", "党委", "中央"))
    return t


#: Ranks that can be the whole post (「湖北省委政法委科员」): a spell flagged ``rank``.
RANKS = ("科员", "副主任科员", "主任科员", "调研员", "副调研员", "巡视员", "副巡视员", "一级巡视员", "二级巡视员",
         "一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员")
RESUME_TITLES: dict[str, lx.Title] = _resume_titles()
ALL_TITLES: dict[str, lx.Title] = {**lx.TITLES, **RESUME_TITLES}
_TITLE_LENGTHS = sorted({len(k) for k in ALL_TITLES}, reverse=True)

#: Words of an item that is study, not a post (NOTES rule 10).
STUDY = re.compile(r"学习|进修|培训|学员|研究生|博士后|本科|专科|大专|读书|毕业|学生|攻读|深造|在读|结业")

# ---------------------------------------------------------------------------------------------
# dates as résumés print them

_CND = "〇零○0一二三四五六七八九"
_YEAR = rf"(?:19|20)\d\d|[一二][{_CND}]{{3}}"
_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_SEP = r"(?:-{1,2}|—{1,2}|–{1,2}|~|～|─{1,2}|―{1,2}|至|到)"
_YEAR_RE = re.compile(_YEAR)
_SEP_RE = re.compile(rf"[ \t]*{_SEP}[ \t]*")
_MON_DOT = re.compile(r"[.．/／][ \t]*(1[0-2]|0?[1-9])(?!\d)")
_DAY_DOT = re.compile(r"[.．/／](?:[12]?\d|3[01])(?![\d.．/／])")  # 「2016.09.12」: the day after the month
_MON_CN = re.compile(rf"[ \t]*({_MON})[ \t]*月")
_NOW = re.compile(r"至今|现在|今")
_RELATIVE = re.compile(rf"(?P<rel>翌年|次年|第二年|同年|当年)(?:[ \t]*(?P<m>{_MON})[ \t]*月)?")
_BARE_MONTH = re.compile(rf"(?P<m>{_MON})[ \t]*月(?![\d{_CND}]|[ \t]*[\d{_CND}十]+[ \t]*[日号])")
#: after a date: what the item does (a sequence from that date, or a demographic, not a post)
_AFTER_DATE = re.compile(r"[ \t]*(?:(?P<seq>以后|以来|之后|后|起|开始)|)")
_DEMOGRAPHIC = re.compile(r"[ \t]*(?:出生|生人|生|参加工作|参加革命|加入|入党|入伍|毕业|获(?!任|聘)|在.{0,20}(?:学习|毕业))")
# the words before a date that let it start an item
_BEFORE_DATE = re.compile(r"(?:于|自|从|在|进入|到了|至|并于|同时于)$")
_BIRTH_BEFORE = re.compile(r"(?:出生于|生于|出生|生)$")
_BOUNDARY = set(",，;；。:：、(（)）\n")


@dataclass(frozen=True)
class When:
    """A date as printed: ``YYYY`` or ``YYYY-MM``, and whether only a year (no 年) was printed."""

    value: str
    end: int  # where the date's words end
    bare: bool = False  # 「2002」 in 「2002—2006年」


def _point(text: str, i: int) -> When | None:
    """A year, or a year and a month, starting at ``i``: 「1998.10」「1998年10月」「1998年」「二00三年一月」."""
    m = _YEAR_RE.match(text, i)
    if not m or (i > 0 and text[i - 1].isdigit()):
        return None
    year = cn_number(m.group(0))
    if year is None or not 1900 <= year <= 2100:
        return None
    j = m.end()
    if j < len(text) and text[j].isdigit():
        return None
    dot = _MON_DOT.match(text, j)
    if dot:
        day = _DAY_DOT.match(text, dot.end())
        return When(f"{year}-{int(dot.group(1)):02d}", day.end() if day else _after_day(text, dot.end()))
    k = j
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k] == "年":
        mon = _MON_CN.match(text, k + 1)
        if mon:
            return When(f"{year}-{cn_number(mon.group(1)):02d}", _after_day(text, mon.end()))
        part = _YEAR_PART.match(text, k + 1)  # 「2016年初」「2019年底」: the year only
        return When(str(year), part.end() if part else k + 1)
    return When(str(year), j, bare=True)


_DAY = re.compile(r"[ \t]*(?:[12]?\d|3[01]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[ \t]*[日号](?:[上下]午|晚|晚间)?")
_YEAR_PART = re.compile(r"(?:初|底|末)(?![中级期步])|[上下]半年")


def _after_day(text: str, j: int) -> int:
    """Past a day after a month (「2013年3月11日起」「8月2日，」): the month is the precision kept."""
    d = _DAY.match(text, j)
    return d.end() if d else j


_LATER_BY = re.compile(r"(?P<n>[一二两三四五六七八九十\d]{1,3})[ \t]*(?P<u>个多?月|年多?|周|个星期)(?:后|之后|以后)")


_LATER_WORDS = re.compile("次月|" + _LATER_BY.pattern)


def _count_on(year: int | None, month: int | None, words: str) -> str | None:
    """A date counted on from the one before: 「次月」 after 2012年5月 is 2012-06, 「两个月后」 after
    2019年9月 2019-11, 「四年后」 after 2007年 2011, 「三周后」 after 2020年8月 2020-08."""
    if year is None:
        return None
    if words.startswith("次月"):
        n, unit = 1, "月"
    else:
        m = _LATER_BY.match(words)
        n = cn_number(m.group("n").replace("两", "二")) if m else None
        unit = m.group("u") if m else ""
        if not n:
            return None
    if "年" in unit:
        return str(year + n)
    if "周" in unit or "星期" in unit:
        return f"{year}-{month:02d}" if month else str(year)
    if month is None:  # 「2016年初……，四个月后」: the same year, at the year's precision
        return str(year) if n < 12 else None
    k = year * 12 + month - 1 + n
    return f"{k // 12}-{k % 12 + 1:02d}"


@dataclass(frozen=True)
class DateExpr:
    """A career item's date: its start, its end (None: not printed), whether the range is open
    (current), and where the words end."""

    start: str | None
    end: str | None
    end_pos: int
    ranged: bool = False
    open: bool = False


def date_at(text: str, i: int) -> DateExpr | None:
    """The career date that starts at ``i``, if any (a start, a range or an open range).

    >>> date_at("1998.10-2002.10 房县县委副书记", 0)
    DateExpr(start='1998-10', end='2002-10', end_pos=15, ranged=True, open=False)
    >>> date_at("2012.09-十堰市委副书记", 0).open
    True
    >>> d = date_at("2002—2006年任某职", 0); (d.start, d.end)
    ('2002', '2006')
    >>> date_at("一九七四年五月至一九八三年十月先后任", 0).end
    '1983-10'
    """
    first = _point(text, i)
    if first is None:
        return None
    sep = _SEP_RE.match(text, first.end)
    if sep:
        k = sep.end()
        now = _NOW.match(text, k)
        if now:
            return DateExpr(first.value, None, now.end(), ranged=True, open=True)
        second = _point(text, k)
        if second is not None and not second.bare:
            if first.bare and second.value[:4] < first.value:
                return None
            return DateExpr(first.value, second.value, second.end, ranged=True)
        if second is not None and second.bare and first.bare:
            return None
        if first.bare and sep.group(0).strip() not in ("至", "到") and text[first.end:sep.end()].rstrip(" \t") != text[first.end:sep.end()] \
                and second is None:
            return DateExpr(first.value, None, sep.end(), ranged=True, open=True)  # 「2012- 中央政治局常委」
        if sep.group(0).strip() in ("至", "到") or first.bare:
            return None if first.bare else DateExpr(first.value, None, first.end)
        return DateExpr(first.value, None, sep.end(), ranged=True, open=True)  # 「2012.09-」
    if first.bare:
        return None
    return DateExpr(first.value, None, first.end)


# ---------------------------------------------------------------------------------------------
# subjects and their demographics

_GENDER = re.compile(r"(?<![\u4e00-\u9fff])(男|女)(?![\u4e00-\u9fff])")
_ETHNIC = re.compile(rf"(?<![{HAN}])([{HAN}]{{1,4}}族)(?![{HAN}])")
_BORN = re.compile(
    rf"(?:(?P<a>{_YEAR})[ \t]*年(?:[ \t]*(?P<am>{_MON})[ \t]*月)?[ \t]*(?:出生|生)(?!活|产)"
    rf"|(?P<y2>(?:19|20)\d\d)[.．](?P<m2>\d{{1,2}})[ \t]*(?:出生|生)(?!活|产)"
    rf"|(?:出生于|生于)[ \t]*(?P<b>{_YEAR})[ \t]*年(?:[ \t]*(?P<bm>{_MON})[ \t]*月)?"
    rf"|出生(?:年月|日期|时间)?[:：][ \t]*(?P<c>{_YEAR})[ \t]*[.．年]?(?:[ \t]*(?P<cm>1[0-2]|0?[1-9]|{_MON})(?!\d))?"
    # 「某某（1945.4— ）」「某某(1932年11月-1999年10月)」: the years of a life after the name
    rf"|(?<=[{HAN}])[ \t]*[(（][ \t]*(?P<d>(?:19|20)\d\d)[ \t]*(?:[.．][ \t]*(?P<dm>1[0-2]|0?[1-9])(?!\d)|年(?:[ \t]*(?P<dm2>1[0-2]|0?[1-9])[ \t]*月)?)?"
    rf"[ \t]*(?:[─—–~～-]{{1,2}}|至))"
)
#: a labelled field of a table-like header (「入党时间：1990.07」「参加工作时间：1990年7月」)
_LABELLED = rf"[:：][ \t]*(?P<y3>{_YEAR})[ \t]*[.．年]?(?:[ \t]*(?P<m3>1[0-2]|0?[1-9]|{_MON})(?!\d))?"
_NATIVE = re.compile(rf"(?:籍贯|系|是)?(?P<place>[{HAN}]{{2,12}}?)人(?=[,，;；。、\s)）(（]|$)")
_NOT_PLACE = re.compile(r"(?:族|党员|群众|人士|工作|学历|学位|干部|职务|委员|成员|主席|代表|同志|男|女|负责|领导|人员|家|者)$")
_PARTY = re.compile(
    rf"(?P<y>{_YEAR})[ \t]*年(?:[ \t]*(?P<m>{_MON})[ \t]*月)?[ \t]*(?:加入中国共产党|入党)"
    rf"|(?P<y2>(?:19|20)\d\d)[.．](?P<m2>\d{{1,2}})[ \t]*(?:加入中国共产党|入党)"
    rf"|入党(?:时间|日期|年月)" + _LABELLED
)
_WORK = re.compile(
    rf"(?P<y>{_YEAR})[ \t]*年(?:[ \t]*(?P<m>{_MON})[ \t]*月)?[ \t]*参加(?:工作|革命)"
    rf"|(?P<y2>(?:19|20)\d\d)[.．](?P<m2>\d{{1,2}})[ \t]*参加(?:工作|革命)"
    rf"|参加工作(?:时间|日期|年月)" + _LABELLED
)
_EDUCATION = re.compile(
    rf"(?P<e>(?:[{HAN}]{{0,8}}(?:研究生|大学|大专|中专|本科|专科|高中|初中|在职研究生|中央党校|省委党校)"
    rf"(?:学历|文化程度|文化|毕业)(?:[,，、]?[{HAN}]{{0,8}}(?:硕士|博士|学士)(?:学位)?)?)|[{HAN}]{{0,8}}(?:硕士|博士)(?:学位))"
)
_AGE_CN = "[二三四五六七八九]十[一二三四五六七八九]?"  # 「五十八岁」
#: a transliterated name, its parts joined by a middle dot (「某某·某某某」)
_TRANSLITERATED = re.compile(rf"[{HAN}]{{1,8}}[·•・][{HAN}]{{1,10}}(?:[·•・][{HAN}]{{1,10}})?")
_HEADING = re.compile(rf"^(?P<name>{_TRANSLITERATED.pattern}|[{HAN}·]{{2,6}}?)(?:同志)?(?:\s*[:：]?\s*(?:简历|个人简历|同志简历|简介|的简历|履历|个人履历|人物简介|人物履历|生平|个人资料|简况)"
                      rf"|\s*(?P<bracket>[\[【(（].*))?\s*$")


@dataclass
class Subject:
    name: str  # as printed
    start: int  # where the résumé of this subject starts (its intro or heading)
    facts: PersonMention | None = None
    intros: list[int] = field(default_factory=list)  # every place the text introduces the subject


def _ymd_of(m: re.Match, y: str = "y", mo: str = "m") -> str | None:
    year = m.group(y) or m.group(y + "2") if (y + "2") in m.re.groupindex else m.group(y)
    month = m.group(mo) if m.group(y) else (m.group(mo + "2") if (mo + "2") in m.re.groupindex else None)
    year_n = cn_number(year) if year else None
    if not year_n:
        return None
    month_n = cn_number(month) if month else None
    return f"{year_n}-{month_n:02d}" if month_n and 1 <= month_n <= 12 else str(year_n)


def _occurrences(word: str, text: str):
    """The starts of ``word`` in ``text``, left to right, not overlapping (``re.finditer`` of the
    word, without compiling a pattern per name: hundreds of them evict the patterns of the rules
    from ``re``'s cache)."""
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + len(word))


_ONCE = re.compile("曾任|曾担任|原任|此前任")
_AFTER_NAME = re.compile("生于|现年|此前曾|此前任|曾任|曾担任|也曾|早年")


@dataclass(frozen=True)
class _Anchors:
    """What a text holds of the words :func:`find_subjects`' patterns cannot match without (a scan
    for the years, substring tests for the words), read once per text, so that a text with no
    résumé or career sentence (most news) skips the patterns that would otherwise be tried at
    every position. Each field is a necessary condition of what it gates, never a guess: the
    subjects found are the same (tests/test_fast_paths.py)."""

    years: bool  # a year with 年
    dated: tuple[int, ...]  # where the lookahead of ``_NAME_BEFORE_DATED`` can hold: a year with 年
    tails: tuple[int, ...]  # where an intro's tail (``_TAIL``) starts
    age: bool  # 岁
    pronoun: bool  # 他 / 她
    once: bool  # 曾任 曾担任 原任 此前任 (a post of the past named before its holder)
    after_name: bool  # 生于 现年 此前曾 此前任 曾任 曾担任 也曾 早年 (after a holder's name)
    ever: bool  # 曾
    named: bool  # 姓名
    ethnic_is: bool  # 「是一名回族」

    @classmethod
    def of(cls, text: str) -> _Anchors:
        years = _year_starts(text)
        return cls(
            years=bool(years),
            dated=tuple(years),
            tails=tuple(_starts(_TAIL_AT, text)),
            age="岁" in text,
            pronoun="他" in text or "她" in text,
            once=_ONCE.search(text) is not None,
            after_name=_AFTER_NAME.search(text) is not None,
            ever="曾" in text,
            named="姓名" in text,
            ethnic_is=_ETHNIC_IS.search(text) is not None,
        )


_ETHNIC_IS = re.compile(rf"是(?:一名|一位)?[{HAN}]{{1,3}}族")
#: what follows a subject's name in an intro (「，男，」「，回族，」「，1966年10月生，」「出生于」「 男 」「，58岁」):
#: its first character is one of ``_TAIL_FIRST``
_TAIL = (rf"[,，、（(]\s*(?:男|女|[{HAN}]{{1,4}}族|(?:{_YEAR})[ \t]*年|(?:19|20)\d\d[.．]\d|出生于|生于|(?:现年|今年|年龄[:：]?)?(?:\d{{2}}|{_AGE_CN})岁|[{HAN}]{{2,8}}?人[,，])"
         rf"|[ \t]+(?:男|女)(?=[ \t,，])|出生于|出生在|生于|是(?:一名|一位)?[{HAN}]{{1,3}}族(?=[{HAN}]{{0,3}}(?:干部|人|[,，。]))|(?:现年|今年)(?:\d{{2}}|{_AGE_CN})岁|,?[ \t]*(?:{_YEAR})[ \t]*年[^,，。]{{0,6}}(?:出生|生)[,，]")
_TAIL_FIRST = ",，、（( \t出生是现今12一二"
_TAIL_AT = re.compile(rf"(?=[{_TAIL_FIRST}])(?:{_TAIL})")
#: 「某某，男，……」「某某,回族,……」「某某，1966年10月生，……」「某某出生于……」: a name (2 to 6 characters, and
#: 同志) at a clause's head, then a tail: every match starts 2 to 8 characters before a tail
_INTRO = re.compile(rf"(?:^|(?<=[\n。;；,，:：\s】」”“]))(?P<name>[{HAN}·]{{2,6}}?)(?:同志)?(?P<tail>{_TAIL})", re.M)


_DOTTED_INTRO = re.compile(rf"(?:^|(?<=[\n。;；,，:：\s】」”“]))(?P<name>{_TRANSLITERATED.pattern})(?:同志)?(?P<tail>{_TAIL})", re.M)


def _starts(pattern: re.Pattern, text: str) -> list[int]:
    """Every position where ``pattern`` (never empty) matches, overlapping ones included."""
    out = []
    m = pattern.search(text)
    while m is not None:
        out.append(m.start())
        m = pattern.search(text, m.start() + 1)
    return out


def _year_starts(text: str) -> list[int]:
    """Where a year with 年 starts (「2016年」「二〇〇三 年」), read back from each 年: the year is the
    four characters before the spaces before it (a scan for the year tries every position)."""
    out = []
    j = text.find("年")
    while j >= 0:
        q = j
        while q > 0 and text[q - 1] in " \t":
            q -= 1
        if q >= 4 and _YEAR_RE.fullmatch(text, q - 4, q):
            out.append(q - 4)
        j = text.find("年", j + 1)
    return out
# 「某某2003年任……」「某某，1998年起任……」「某某于2012年1月当选……」: a name, then (the lookahead) a dated
# post; every match starts 2 to 6 characters before a place where the lookahead holds
_DATED = rf"(?:{_YEAR})[ \t]*年[^,，。]{{0,8}}(?:任|起|后|当选|出任|担任|调任|转任)"
_NAME_BEFORE_DATED = re.compile(rf"(?P<name>[{HAN}·]{{2,4}}?)[,，]?(?:于|自|从)?(?={_DATED})")


def _finditer_near(pattern: re.Pattern, text: str, anchors: tuple[int, ...], before: int, after: int):
    """``pattern.finditer(text)``, for a pattern that never matches empty and whose every match
    starts from ``before`` to ``after`` characters before one of the ``anchors``: the same matches,
    in the same order, tried only at those starts (``match(text, k)`` sees the whole text, so
    lookaheads past the window and lookbehinds before it read what ``finditer`` reads)."""
    end = 0
    for k in sorted({k for a in anchors for k in range(max(0, a - before), a - after + 1)}):
        if k >= end:
            m = pattern.match(text, k)
            if m is not None:
                yield m
                end = m.end()


_OBITUARY = re.compile(rf"(?:^|(?<=[\n。，,]))[ \t]*(?P<name>[{HAN}·]{{2,4}})同志"
                       rf"(?:(?:因病)?逝世|讣告|生平|[,，]?(?:是|系)[{HAN}]{{2,10}}?人[,，。])")


def find_subjects(r: Reader, offices: list[OfficeMention]) -> list[Subject]:
    """The persons the text gives a résumé of, in text order: a name followed by demographics
    (「某某，男，汉族，……」「某某出生于1962年10月」「1956年出生的某某」), a heading that is a name
    (「某某简历」「某某[某市政协副主席]」, a first line that is only a name)."""
    text, surface = r.text, r.doc.text
    found: dict[str, Subject] = {}
    an = _Anchors.of(text)
    # 「某某，男，……」「某某,回族,……」「某某，1966年10月生，……」「某某出生于……」
    for m in _finditer_near(_INTRO, text, an.tails, 8, 2):
        # a gender, an ethnicity or an age: only a person has one (「某某，男，」「某某 男 58岁」「某某，年龄58岁」)
        strong = re.match(rf"[,，、（(]\s*(?:男|女|[\u4e00-\u9fff]{{1,4}}族)|[ \t]+(?:男|女)|是(?:一名|一位)?[{HAN}]{{1,3}}族|[,，、（(]?\s*(?:现年|今年|年龄[:：]?)?(?:\d{{2}}|{_AGE_CN})岁",
                          m.group("tail")) is not None
        if not _is_name(r, m.start("name"), m.end("name"), strong=strong, long=strong):
            continue
        _add_subject(found, surface[m.start("name"):m.end("name")], m.start("name"))
    # 「某某·某某某，男，维吾尔族，……」: a transliterated name longer than the intro's window
    for m in (_DOTTED_INTRO.finditer(text) if any(c in text for c in "·•・") else ()):
        if _is_name(r, m.start("name"), m.end("name"), strong=True):
            _add_subject(found, surface[m.start("name"):m.end("name")], m.start("name"))
    # 「省委决定王某同志任……」「……决定：王某任……」: the appointee of a decision the office reader does not read
    for m in (re.finditer(rf"决定[:：]?[ \t]*(?P<name>[{HAN}]{{2,3}}?)同志任(?![命职])", text) if "决定" in text else ()):
        s0, s1 = r.analysis.sentence_of(m.start())
        p0 = r.analysis.sentence_of(s0 - 1)[0] if s0 > 0 else s0
        if _is_name(r, m.start("name"), m.end("name")) and not _PROPOSED_ANYWHERE.search(text, s0, s1) \
                and _APPOINTED_ON.search(text, p0, s1):
            _add_subject(found, surface[m.start("name"):m.end("name")], m.start("name"))
    # 「1965年4月出生的某某」「生于1955年7月的某某」
    for m in () if not an.years else re.finditer(rf"(?:(?:出生于|生于)[ \t]*(?:{_YEAR})[ \t]*年(?:[ \t]*(?:{_MON})[ \t]*月)?|"
                         rf"(?:{_YEAR})[ \t]*年(?:[ \t]*(?:{_MON})[ \t]*月)?(?:出生|生))的(?P<name>[{HAN}]{{2,4}})",
                         text):
        k = m.start("name")
        dotted = r.name_at(k)
        if dotted is not None and any(c in text[k:dotted] for c in "·•・"):  # 「1940年2月出生的某某·某某某」
            _add_subject(found, surface[k:_dotted_end(text, k, dotted)], m.start())
            continue
        read = dotted - k if dotted is not None and 2 <= dotted - k <= 3 and text[m.start():k].startswith(("生于", "出生于")) else None
        for n in ((read,) if read else (3, 2, 4)):  # 「1965年4月出生的某某此前任……」: the name, not the words after it
            if k + n <= m.end("name") and k not in r.division_by_start and _is_name(r, k, k + n):
                _add_subject(found, surface[k:k + n], m.start())
                break
    for m in () if not an.age else re.finditer(rf"(?<![\d{HAN}])(?:现年|今年)?(?:\d{{2}}|{_AGE_CN})[ \t]*(?:岁|周岁)的(?P<name>[{HAN}]{{2,4}})", text):  # 「58岁的某某」
        k = m.start("name")
        e = r.name_at(k)
        if e is not None and 2 <= e - k <= 3 and _is_name(r, k, e):
            _add_subject(found, surface[k:e], m.start())
    for m in () if not an.named else re.finditer(rf"姓名[:：][ \t]*(?P<name>[{HAN}·]{{2,6}}?)(?=[ \t]*(?:\n|[,，;；]|性别|$))", text):
        if _is_name(r, m.start("name"), m.end("name"), strong=True):
            _add_subject(found, surface[m.start("name"):m.end("name")], m.start("name"))
    # 「拟任某市委书记的某某为现任市长，1972年2月出生于浙江海宁」: a name, a few words, then a birth
    for m in () if not an.years else re.finditer(rf"[,，](?:{_YEAR})[ \t]*年(?:[ \t]*(?:{_MON})[ \t]*月)?[ \t]*(?:出生|生)(?!活|产)", text):
        s0 = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 24) + 1
        for k in range(m.start() - 2, s0 - 1, -1):
            e = r.name_at(k)
            if e is not None and e - k in (2, 3) and e <= m.start() and (k == s0 or text[k - 1] in "的,，、人") \
                    and _is_name(r, k, e) and not re.search(r"[,，]", text[e:m.start()]):
                _add_subject(found, surface[k:e], k)
                break
    holders = {key_form(o.person) for o in offices}
    # 「现任某市委书记、某职的某某（1970年5月生），曾在……」: the holder of the posts a relative clause names
    for m in (re.finditer(rf"现任(?P<posts>[^。；;，,]{{2,40}}?)的(?P<name>[{HAN}]{{2,3}}?)(?=[（(,，])", text) if "现任" in text else ()):
        k = m.start("name")
        if _title_at_end(text, m.start("posts"), m.end("posts")) is not None and _is_name(r, k, m.end("name")):
            _add_subject(found, surface[k:m.end("name")], k)
    # 「……会议决定任命甲为某省副省长」「省委决定：甲同志任中共某市委书记」「甲、乙任某省副省长」: the person an
    # appointment names (a page of appointments prints no intro)
    for o in offices:
        if o.form != "election" or key_form(o.person) in found:
            continue
        s0, s1 = r.analysis.sentence_of(o.evidence.start)
        k = text.find(key_form(o.person), s0, s1)
        listed = k >= 0 and re.match(rf"(?:同志)?(?:[、和](?:[{HAN}]{{2,3}})(?:同志)?)*(?:任|出任|担任)(?![命职务])",
                                     text[k + len(key_form(o.person)):k + len(key_form(o.person)) + 16])
        earlier = k >= 0 and re.search(r"(?:此前|之前|原|曾)[,，]?[ \t]*$", text[max(s0, k - 5):k]) is not None
        # a dated appointment only (its sentence or the one before gives the day: a news report's), not a
        # session's list of posts
        p0 = r.analysis.sentence_of(s0 - 1)[0] if s0 > 0 else s0
        dated = _APPOINTED_ON.search(text, p0, s1) is not None
        if (_APPOINTING.search(text, s0, s1) or listed) and dated and not earlier and not _PROPOSED_ANYWHERE.search(text, s0, s1):
            if k >= 0 and 2 <= len(o.person) <= 4 and not re.match(r"[他她其该次同]", o.person) \
                    and not re.search(r"先后|此前|之前|以后|曾[任担]|[曾又再]$", o.person) \
                    and _is_name(r, k, k + len(key_form(o.person))):
                _add_subject(found, surface[k:k + len(key_form(o.person))], k)
    # 「曾任某省委副书记的某某与之……」: a holder of a post of the past, named after it
    for m in () if not an.once else re.finditer(rf"(?:曾任|曾担任|原任|此前任)[^，,。；;]{{2,24}}?的(?P<n>[{HAN}]{{2,3}})", text):
        e = r.name_at(m.start("n"))
        if e is not None and e - m.start("n") in (2, 3) and _is_name(r, m.start("n"), e):
            _add_subject(found, surface[m.start("n"):e], m.start("n"))
    # 「某区委书记、区长某某出生于1968年」「接任某省委书记的某某，出生于某地」「某市长某某此前曾担任过……」:
    # a name after a title
    for m in () if not an.after_name else re.finditer(rf"(?<=[长记任席员的])(?P<n>[{HAN}]{{2,3}}?)(?=(?:同志)?[,，]?(?:出生于|生于|现年|此前曾|此前任|曾任|曾担任|也曾|早年))",
                         text):
        if m.start() not in r.division_by_start and _is_name(r, m.start(), m.end()):
            holders.add(m.group("n"))
    # 「……的还有某某。她在2008年到2010年间任……」「……的某某，则一直在某地工作。\n她1992年7月加入……」: the
    # person a pronoun sentence goes on about, named last in the sentence before
    for m in () if not an.pronoun else re.finditer(rf"(?:^|(?<=[。\n]))[ \t]*(?:他|她)(?=[^。\n]{{0,12}}?(?:(?:{_YEAR})[ \t]*年|先后|曾任|历任))", text, re.M):
        end = len(text[:m.start()].rstrip())
        s0 = max(text.rfind("。", 0, end - 1), text.rfind("\n", 0, max(0, end - 1))) + 1
        before = text[s0:end]
        for k in range(len(before) - 2, -1, -1):
            e = r.name_at(s0 + k)
            if e is not None and e - (s0 + k) in (2, 3) and _is_name(r, s0 + k, e) and (
                    k == 0 or before[k - 1] in "的,，、有是人" or any(t.end == s0 + k for t in r.titles)) \
                    and text[e:e + 1] in ",，。\n" + "则也":  # (「另一位新任副省长某某，此前任……。她……」: after a title too)
                _add_subject(found, surface[s0 + k:e], s0 + k)
                _add_subject(found, surface[s0 + k:e], m.start())
                break
    # a holder of an office the text names, with a birth or a dated career after the name:
    # 「某区委书记、区长某某出生于1968年」「2007年，某某援藏归来，出任……」「某某曾长期在某市工作，2010年出任……」
    for name in sorted(holders, key=len, reverse=True):
        if len(name) < 2 or (name.endswith("出") and any(name[:-1] == h for h in holders)):
            continue  # 「某区委书记某某出生于1968年」: the office reader's 某某出 is 某某 and 出生
        for k in _occurrences(name, text):
            e = k + len(name)
            after = text[e:e + 60].split("。")[0]
            before = text[max(0, k - 12):k]
            born = re.match(rf"(?:同志)?[,，]?\s*(?:出生于|生于|(?:{_YEAR})[ \t]*年(?:[ \t]*(?:{_MON})[ \t]*月)?(?:出生|生)(?!活|产)|现年)", text[e:e + 20])
            dated_lead = an.years and re.search(rf"(?:{_YEAR})[ \t]*年[^,，。;；]{{0,8}}[,，]$", before) and re.search(
                r"(?:出任|担任|调任|转任|升任|任|当选)", after)
            sentence = text[max(text.rfind("。", 0, k), text.rfind("\n", 0, k)) + 1:k]
            # 「27日，……会议选举某某为……」: a news lead dated by its day alone too, after a dateline (「新华社某地1月27日电」)
            led = re.match(rf"\s*(?:[^。\n，,]{{2,24}}?电[ \t]*)?(?:(?:{_YEAR})[ \t]*年|今年|去年|前年|(?:(?:{_MON})[ \t]*月[ \t]*)?\d{{1,2}}[ \t]*日)", sentence)
            appointed = led and (re.search(r"(?:任命|选举|决定|提名)$", before) or re.match(
                r"(?:同志)?(?:调任|转任|出任|升任|当选为|当选)", text[e:e + 4]))
            dated_lead = dated_lead or appointed
            opens = an.years and (k == 0 or text[k - 1] in "\n。") and re.search(
                rf"(?:{_YEAR})[ \t]*年[^,，。]{{0,8}}(?:出任|担任|调任|转任|升任|任|当选)", after)
            # 「某省政协主席某某此前曾长期在某系统工作，2003年到2012年任……」「某市长某某此前曾担任过……」
            career = an.years and (re.match(rf"(?:同志)?[,，]?[ \t]*(?:(?:此前|之前|曾|也曾|早年|长期|从政)[^。]{{0,30}}?)?(?:{_YEAR})[ \t]*年"
                                            rf"[^,，。;；]{{0,12}}?(?:出任|担任|调任|转任|升任|任职|任|当选|起任)", after) or re.match(
                rf"(?:同志)?[,，]?[ \t]*(?:于)?(?:{_YEAR})[ \t]*年[^,，。;；]{{0,8}}?在[^,，。;；]{{2,40}}?(?:会议|大会|全会)上"
                rf"(?:当选|被选举|被选为|被任命)", after)) or an.ever and re.match(
                r"(?:同志)?[,，]?[ \t]*(?:此前|之前)?(?:曾|也曾)(?:任|担任|历任|先后任|先后担任|担任过)", after)
            if career and any(key_form(h) in after[:career.end()] for h in holders if h != name and len(h) >= 2):
                career = None  # the career is another holder's
            # a page title that is a post and its holder (「新任某市政协主席某某简介」), a dated career below it
            ls = text.rfind("\n", 0, k) + 1
            titled = an.years and re.match(r"(?:同志)?(?:的)?(?:简介|简历|个人简历|履历|同志简历)?[ \t]*\n", text[e:e + 12]) is not None \
                and e - ls <= 40 and r.titles_in(ls, k) and re.search(
                    rf"(?:{_YEAR})[ \t]*年[^。\n]{{0,12}}?(?:出任|担任|调任|转任|升任|任|当选)", text[e:e + 600]) is not None
            if titled and (ls == 0 or text.find(name, e) >= 0) and _is_name(r, k, e):  # named again, or the page's title
                _add_subject(found, surface[k:e], ls)
                break
            if (born or dated_lead or opens or career) and _is_name(r, k, e, strong=True):
                _add_subject(found, surface[k:e], k)
                break
    # 「某省长某某已有四个省份的任职经历，他仕途起步于……，2017年从……任上」: a title and a name at a
    # sentence's head, and a pronoun clause of the same sentence going on with a dated career (or an
    # ethnicity right after the name)
    ends = [(t.start, t.end) for t in r.titles] + [  # 「浙江省长」: a province's name and 长
        (d.start, d.end + 1) for d in r.division_by_start.values() if text[d.end:d.end + 1] == "长"
    ] if (an.pronoun and an.years) or an.ethnic_is else []
    for t0, t1 in ends:
        e = r.name_at(t1)
        s0 = max(text.rfind("。", 0, t0), text.rfind("\n", 0, t0)) + 1
        if e is None or not 2 <= e - t1 <= 3 or t0 - s0 > 16 or re.search(r"[,，、的]", text[s0:t0]):
            continue
        for e in dict.fromkeys((e, t1 + 2, t1 + 3)):  # the name jieba reads may hold the verb after it (「某某是」)
            sentence = text[e:e + 100].split("。")[0]
            # 「某自治区政府代主席某某是一名回族女干部」: an ethnicity after the name is a person's
            if (re.match(rf"[^。,，]{{0,20}}[,，](?:他|她)[^。]{{0,40}}?(?:{_YEAR})[ \t]*年", sentence)
                    or re.match(rf"是(?:一名|一位)?[{HAN}]{{1,3}}族", sentence)) and _is_name(r, t1, e, strong=True):
                _add_subject(found, surface[t1:e], t1)
                break
    # 「某某2003年任……」「某某，1998年起任……」「某某于2012年1月当选……」 in a news report
    for m in _finditer_near(_NAME_BEFORE_DATED, text, an.dated, 6, 2):
        name = m.group("name")
        k = m.start("name")
        # a name no office names yet, at a clause's head, with a dated post after it (「据了解，某某1995年任某县副县长」)
        head = (k == 0 or text[k - 1] in "\n。,，;；:：") and r.titles_in(m.end(), min(len(text), m.end() + 40)) \
            and not _BIRTH_BEFORE.search(text[max(0, k - 3):k])
        if (key_form(name) in holders or head) and _is_name(r, k, m.end("name")):
            _add_subject(found, surface[k:m.end("name")], k)
    first_line = text.split("\n", 1)[0]
    hl = re.match(rf"\s*(?P<name>[{HAN}·]{{2,6}}?)(?:同志)?(?:当选|出任|任|就任|履新|接任|被任命为|获任)", first_line)
    if hl and r.titles_in(hl.end(), len(first_line)) and _is_name(r, hl.start("name"), hl.end("name")):
        _add_subject(found, surface[hl.start("name"):hl.end("name")], hl.start("name"))  # the headline's person
    start = 0
    for line in text.split("\n"):
        h = _HEADING.match(line.strip())
        # 「某某[某市委书记]」: a page title that names a post in its bracket names a person however rare the surname
        posted = h is not None and h.group("bracket") and (
            r.titles_in(start + line.index(h.group("bracket")), start + len(line))
            or any(t in key_form(h.group("bracket")) for t in RESUME_TITLES))
        if h and _is_name(r, start + line.index(h.group("name")), start + line.index(h.group("name")) + len(h.group("name")),
                          heading=True, strong=bool(posted)):
            k = start + line.index(h.group("name"))
            _add_subject(found, surface[k:k + len(h.group("name"))], start)
        start += len(line) + 1
    # 「某市市长：某某」 on a line of its own: a heading naming a post and its holder, the résumé below
    # (a page of several résumés, each under such a heading)
    start = 0
    for line in text.split("\n"):
        ls = start + len(line) - len(line.lstrip())
        h = re.match(rf"\s*(?P<post>[{HAN}、]{{2,30}}?)(?:[ \t]*[:：][ \t]*|[ \t]+)(?P<name>[{HAN}·]{{2,4}})(?:同志)?[ \t]*$", line)
        if h and _title_at_end(text, start + h.start("post"), start + h.end("post")) is not None:
            k = start + h.start("name")
            if _is_name(r, k, k + len(h.group("name")), heading=True):
                _add_subject(found, surface[k:k + len(h.group("name"))], ls)
        # 「某某：某市政协主席」「某某，某市政协主席」「某某 主席」「【某某】」: the name first, then its post or
        # nothing, the résumé on the next line (a gender, an ethnicity or a birth, or a dated line)
        h = _NAME_HEADING.match(line)
        nxt = text[start + len(line) + 1:start + len(line) + 60]
        if h and (h.group("post") is None or _title_at_end(text, start + h.start("post"), start + h.end("post")) is not None) \
                and (_NEXT_INTRO.match(nxt) or _career_line(nxt.lstrip())):
            g = "name" if h.group("name") else "bname"
            k = start + h.start(g)
            if _is_name(r, k, k + len(h.group(g)), heading=True, strong=h.group("post") is None):
                _add_subject(found, surface[k:k + len(h.group(g))], ls)
        start += len(line) + 1
    # an obituary's 「某某同志逝世」 heading, 「某某同志是某地人」 (only where 同志 is printed at all)
    for m in (_OBITUARY.finditer(text) if "同志" in text else ()):
        k = m.start("name")
        if _is_name(r, k, m.end("name"), heading=True):
            _add_subject(found, surface[k:m.end("name")], k)
    # 「……原副主席某某同志，因病医治无效，于2020年3月5日在兰州逝世」: the person whose death the sentence
    # reports, named after a boundary or a title (an obituary's lead)
    for j in (_occurrences("同志", text) if "同志" in text and _DEATH.search(text) else ()):
        rest = re.split(r"[。\n]", text[j + 2:j + 80], maxsplit=1)[0]
        if not _DEATH.search(rest) or re.match(r"[的们]", text[j + 2:j + 3]):
            continue
        for n in (3, 2, 4):
            k = j - n
            if k < 0 or not (k == 0 or text[k - 1] in "\n。，,、 \t" or any(t.end == k for t in r.titles)):
                continue
            if _is_name(r, k, j, heading=True):
                _add_subject(found, surface[k:j], k)
                break
    subjects = sorted(found.values(), key=lambda s: s.start)
    others = sorted(k for s in subjects for k in (s.intros or [s.start]))
    for s in subjects:
        s.facts = _merged_demographics(r, s, others)
    return subjects


_NAME_HEADING = re.compile(rf"\s*(?:[【\[](?P<bname>{_TRANSLITERATED.pattern}|[{HAN}]{{2,4}})[】\]]|(?P<name>{_TRANSLITERATED.pattern}|[{HAN}]{{2,4}}?)(?:同志)?(?:[ \t]*[:：,，][ \t]*|[ \t]+)"
                           rf"(?P<post>[{HAN}、]{{2,30}}))[ \t]*$")
_NEXT_INTRO = re.compile(rf"[ \t]*(?:男|女|[{HAN}]{{1,4}}族|(?:{_YEAR})[ \t]*年[^,，。\n]{{0,6}}(?:出生|生)|(?:19|20)\d\d[.．]\d{{1,2}}[ \t]*(?:出生|生))[,，、 \t]")


def _dotted_end(text: str, k: int, e: int) -> int:
    """The end of a transliterated name 「某某·某某某」 read up to ``e``: the longest of its readings the
    text names again (「……出生的某某·某某某是唯一的」 and later 「某某·某某某已连续任该职」), else ``e``."""
    dot = max(text.rfind(c, k, e) for c in "·•・")
    for j in range(e, dot + 2, -1):
        if text.count(text[k:j]) >= 2:
            return j
    return e


def _merged_demographics(r: Reader, s: Subject, starts: list[int] = ()) -> PersonMention | None:
    """The demographics of every intro of the subject, field by field: the first intro's, completed
    (or made more precise: 1955 -> 1955-12) by the later ones (a news lead 「某某，生于1975年11月」
    and the résumé further down 「某某，男，39岁（1975年11月出生），汉族，浙江某县人，……」)."""
    mine = set(s.intros or [s.start])
    # each intro's window stops where another subject is introduced (「……任命甲为……。现任某职的乙（1970年5月生）」)
    found = [f for f in (_demographics(r, Subject(s.name, k), next((x for x in starts if x > k and x not in mine), None))
                         for k in (s.intros or [s.start])) if f is not None]
    if not found:
        return None
    best = max(found, key=lambda f: sum(1 for n in _FIELDS if getattr(f, n)))
    values = {}
    for n in _FIELDS:
        v = getattr(best, n)
        for f in found:
            w = getattr(f, n)
            if w and (not v or (n == "born" and w.startswith(v) and len(w) > len(v))):
                v = w
        values[n] = v
    return replace(best, **values)


_FIELDS = ("gender", "ethnicity", "born", "native_place", "party_joined", "work_started", "education")


def _add_subject(found: dict[str, Subject], name: str, start: int) -> None:
    key = key_form(name)
    intros = sorted(set((found[key].intros if key in found else []) + [start]))
    if key not in found or start < found[key].start:
        found[key] = Subject(name, start)
    found[key].intros = intros


def _is_name(r: Reader, start: int, end: int, heading: bool = False, strong: bool = False, long: bool = False) -> bool:
    """Is ``text[start:end]`` a person's name? ``strong``: a gender or an ethnicity follows it
    (「某某，男，」), which only a person has, so a surname outside the common ones is fine; ``long``: it
    is a gender or an ethnicity right after the name, so five or six characters are fine too."""
    text = r.text[start:end]
    if not plausible_name(text) or text in lx.TITLES or any(text.endswith(t) for t in ("简历", "简介", "族")):
        return False
    if r.divisions_in(start, end) or r.titles_in(start, end):
        return False
    if _RELATIVE.match(text) or re.match(r"(?:今年|去年|前年|年底|年初|年末)", text):
        return False  # 「同年底出任……」: a date counted from the one before, not 同 the surname
    if re.match(r"任(?:上|内|期|职|命|免)|(?:时|原|现|曾|历|后)任|都是|曾(?:在|于|经|先后|多次|长期|担|历)", text):
        return False  # 「……书记任上调任……」: 任 the verb, not the surname
    if strong and 2 <= len(text) <= 4:
        return True
    if (strong or heading) and _TRANSLITERATED.fullmatch(text):
        return True  # 「某某·某某某」: a transliterated name (Uyghur, Kazakh), dots between its parts
    if long and len(text) in (5, 6) and not_a_word(text) and not re.match(r"本报|本刊|记者|通讯员|新华社", text):
        return True  # 「某某某某某，女，蒙古族」: a Mongolian or Tibetan name of five or six characters
    if not (text[0] in lx.SURNAMES or text[:2] in lx.COMPOUND_SURNAMES):
        return False
    if heading:
        return len(text) <= 4 and not_a_word(text)
    return r.name_at(start, lenient=True) == end or (len(text) in (2, 3) and not_a_word(text))


def _demographics(r: Reader, s: Subject, limit: int | None = None) -> PersonMention | None:
    """The subject's demographics from the sentence(s) of its intro (up to the first 。 or line, and
    before ``limit``, where another subject is introduced)."""
    text = r.text
    a = s.start
    line_end = text.find("\n", a)
    line_end = len(text) if line_end < 0 else line_end
    b = min(line_end, a + 200)
    if re.search(r"姓名[:：][ \t]*$", text[max(0, a - 6):a]):  # 「姓名：某某\n性别：男\n民族：汉族\n……」
        b = min(len(text), a + 300)
    elif text[a:b].strip() in ("", key_form(s.name)) or (_HEADING.match(text[a:b].strip()) and not re.match(
            r"[^\n]{0,8}?[(（]\s*(?:男|女|[\u4e00-\u9fff]{1,4}族)[,，、]", text[a:b])):  # 「某某（男，汉族，……）」 is an intro
        nxt = text.find("\n", b + 1)  # a heading: the intro is the next line (the heading's own
        # 「某某（1945.4— ）」 is read too), past a section's heading (「人物简介」「基本信息」)
        if re.fullmatch(rf"\s*[{HAN}]{{2,8}}\s*", text[b + 1:len(text) if nxt < 0 else nxt]) and nxt >= 0 \
                and not _career_line(text[nxt + 1:nxt + 40].lstrip()):  # not a résumé's first dated line
            nxt = text.find("\n", nxt + 1)
        b = min(len(text) if nxt < 0 else nxt, b + 201)
    if limit is not None and a < limit < b:
        b = limit
    window = text[a:b]
    if key_form(s.name) not in window and not window.startswith(("男", "女")) and not re.match(r"\s*[\u4e00-\u9fff]{2,3}省", window):
        pass
    fields: dict[str, str | None] = {}
    g = _GENDER.search(window)
    fields["gender"] = g.group(1) if g else None
    e = next((m.group(1) for m in _ETHNIC.finditer(window) if m.group(1) not in ("家族", "民族", "贵族", "宗族")), None)
    fields["ethnicity"] = e
    born = _BORN.search(window)
    if born:
        fields["born"] = _date_of(born.group("a") or born.group("y2") or born.group("b") or born.group("c") or born.group("d"),
                                  born.group("am") or born.group("m2") or born.group("bm") or born.group("cm")
                                  or born.group("dm") or born.group("dm2"))
    party = _PARTY.search(window)
    fields["party_joined"] = _date_of(party.group("y") or party.group("y2") or party.group("y3"),
                                      party.group("m") or party.group("m2") or party.group("m3")) if party else None
    work = _WORK.search(window)
    fields["work_started"] = _date_of(work.group("y") or work.group("y2") or work.group("y3"),
                                      work.group("m") or work.group("m2") or work.group("m3")) if work else None
    native = None
    for m in _NATIVE.finditer(window):
        place = re.sub(rf"^.*(?:{re.escape(key_form(s.name))}|[,，、;；:：]|系|是|籍贯)", "", m.group("place"))
        if place and not _NOT_PLACE.search(place) and r.analysis.search[a + m.start("place"):].startswith(m.group("place")):
            k = a + m.end("place") - len(place)
            if r.divisions_in(k, k + len(place)) or any(k <= x.start < k + len(place) for x in r.analysis.bare):
                native = r.surface(k, k + len(place))
                break
    if native is None:  # 「籍贯河北盐山」 with no 人
        m = re.search(rf"籍贯[:：]?[ \t]*(?P<place>[{HAN}]{{2,12}}?)(?=[,，;；。、\s(（]|$)", window)
        if m:
            k = a + m.start("place")
            if r.divisions_in(k, a + m.end("place")) or any(k <= x.start < a + m.end("place") for x in r.analysis.bare):
                native = r.surface(k, a + m.end("place"))
    fields["native_place"] = native
    edu = _EDUCATION.search(window)
    fields["education"] = r.surface(a + edu.start("e"), a + edu.end("e")) if edu else None
    if not any(fields.values()):
        return None
    return PersonMention(s.name, r.evidence(a, b, (a, b)), **fields)


def _career_line(line: str) -> bool:
    """Does ``line`` begin with a career item's date (not a birth: 「1952年11月生，……」)?"""
    when = date_at(line, 0)
    return when is not None and not _DEMOGRAPHIC.match(line, when.end_pos)


def _date_of(year: str | None, month: str | None) -> str | None:
    y = cn_number(year) if year else None
    if not y:
        return None
    m = cn_number(month) if month else None
    return f"{y}-{m:02d}" if m and 1 <= m <= 12 else str(y)


# ---------------------------------------------------------------------------------------------
# career items

_CURRENT = re.compile(r"(?:现任|現任|现为|现在|目前任|目前担任|现担任|(?:现任职务|現任職務|现职|現職|职务|職務)[:：])")
_UNDATED = re.compile(r"(?:从政早期|早年|早期|毕业后|此前|之前|之后|此后|后来|其后|后|曾|先后|又|再)?(?:历任|先后任|先后担任|曾任|曾担任|担任过|任|担任|出任)")
_SEQUENCE_WORDS = re.compile(r"历任|先后|直至|直到|陆续")
_HEAD = re.compile(
    r"(?:在[^,，。;；]{2,40}?(?:会议|大会|全会)上|经[^,，。;；]{2,30}?(?:决定|批准|同意)|由[^,，。;；]{2,20}?(?:任命|提名)"
    r"|决定其|[\s,，、]|同志|他|她|先后|历任|曾任|曾|早年|从政早期|之后|此后|其后|后来|后|又|再|并|还|同时|直至|直到|随后|旋即|起|开始"
    r"|被选举为|被选为|选举为|选为|当选为|当选|正式|被任命为|任命为|被任命|被提拔为|提拔为|明确为|出任|担任过|担任|调任|转任|升任"
    r"|晋升为|晋升|改任|接任|兼任|兼|调到|调入|调往|调|到|回到|任职|被选|任命|任|为|于|是|在|南下履新|履新|主持"
    r"|不再担任|不再兼任|被免去|免去|辞去|卸任)+"
)
_TAIL = re.compile(r"(?:等职务?|等职|职务|职位|等|以来|至今|的请求|\d+年|[一二三四五六七八九十两]+年|[\s。]+)+$")
_PAREN_OPEN = "(（"
_PAREN_CLOSE = ")）"
_PIECE_BREAK = re.compile(r"[,，;；。:：\n]")
_PARTY_TITLES = ("书记", "副书记", "常委", "委员")
_BODY_WORDS = ("县委", "市委", "区委", "州委", "旗委", "盟委", "地委", "委", "县人民政府", "市人民政府", "区人民政府",
               "人民政府", "县政府", "市政府", "区政府", "政府", "县人大常委会", "市人大常委会", "人大常委会", "县人大",
               "市人大", "区人大", "人大", "县政协", "市政协", "区政协", "政协", "行署", "革委会", "革委", "县革委会")
_DEPARTMENT = re.compile(rf"^[{HAN}]{{1,14}}?(?:局|厅|委员会|委|办公室|办|署|处|室|部|司|中心|科)$")
# 「海关总署」「人事部某司」「国家环境保护总局某司」「国家发改委」「海关总署署长办公室」: the state's organs and their units
_MINISTRY = re.compile(rf"^(?:(?:国家|国务院)?(?P<m>[{HAN}]{{1,8}}?(?:部|总署|总局))|(?P<m2>(?:国家|国务院)[{HAN}]{{1,10}}?(?:委员会|发改委|计委|经贸委|委|局|办公室|办)))"
                       rf"(?P<u>[{HAN}]{{1,10}}?(?:司|局|厅|办公室|中心))?$")
_FOREIGN = tuple(m for m in lx.FOREIGN_ORG_MARKERS if m not in ("前", "原", "机关", "镇", "乡")) + (
    "乡", "镇", "公社", "社校", "厂", "校", "院", "团", "队", "站", "场", "所", "店", "矿", "部队", "军", "党校",
    "指挥部", "筹备组", "管委会", "管理委员会", "开发区", "新区", "工委会", "党支部", "党总支")


def _foreign_in(words: str) -> bool:
    """Do ``words`` name a unit of another organisation (a school, a firm, a village)? 村委 in
    「农业与农村委员会」 (a congress's committee) is no village committee."""
    return any(m in words for m in _FOREIGN) and any(m in words.replace("村委员会", "") for m in _FOREIGN)


@dataclass(frozen=True)
class TitleAt:
    """A title found at the end of a piece (what :func:`kg.extract.offices.segment_for` reads)."""

    start: int
    end: int
    text: str
    title: lx.Title


@dataclass
class Item:
    person: str
    start: int  # where the posts' words begin (after the date)
    end: int
    clause: tuple[int, int]  # for the evidence: the line or sentence
    when: DateExpr | None
    form: str  # one of kg.records.SPELL_FORMS
    sequence: bool = False
    page_date: bool = False
    flags: tuple[str, ...] = ()
    parens: list[tuple[int, int]] = field(default_factory=list)
    dates: tuple[str, ...] = ()  # one date for each of the item's titles, in order (「A年、B年，任X、Y」)


def find_spells(r: Reader, offices: list[OfficeMention]) -> tuple[list[SpellMention], list[PersonMention]]:
    """Every dated post of the text's résumés, and their subjects' demographics."""
    subjects = find_subjects(r, offices)
    if not subjects:
        return [], []
    items = _items(r, subjects)
    names = tuple(sorted({key_form(s.name) for s in subjects}, key=len, reverse=True))
    spells: list[SpellMention] = []
    carry: tuple[str, BodyMention] | None = None
    for n, item in enumerate(items):
        got = _posts(r, item, n, names, carry[1] if carry and carry[0] == item.person and item.when else None)
        spells.extend(got)
        own = [s for s in got if s.form not in ("aside", "other")]
        carry = (item.person, own[-1].body) if own and item.form != "undated" else None
    # the subject's offices the text states (「选举某某为某市政协主席」): current posts
    names = {key_form(s.name): s.name for s in subjects}
    base = len(items)
    dated_at: dict[str, list[int]] = {}
    for it in items:
        if it.when is not None and it.when.start:
            dated_at.setdefault(key_form(it.person), []).append(it.start)
    for o in offices:
        k = r.text.find(key_form(o.person), o.evidence.start)
        if key_form(o.person) not in names and key_form(o.person)[:-1] in names and o.person.endswith("出") \
                and k >= 0 and r.text.startswith("生", k + len(o.person)):
            o = replace(o, person=o.person[:-1])  # 「某区委书记某某出生于1968年」: the office reader's 某某出
        if key_form(o.person) in names:
            s0, s1 = r.analysis.sentence_of(o.evidence.start)
            at = dated_at.get(key_form(o.person), [])
            past = re.search(r"(?:时任|原任|曾任|前任|原)$", r.text[max(0, o.body.start - 3):o.body.start]) is not None or (
                k >= 0 and re.search(r"(?:此前|之前)[,，]?[ \t]*$", r.text[max(s0, k - 5):k]) is not None)  # 「此前，某某任……」
            # 「任某县政协主席某某期间」: the time of a post held then, not a post held now
            past = past or (k >= 0 and _DURING.match(r.text, k + len(key_form(o.person))) is not None)
            inside = bool(at) and min(at) < s0 and max(at) > s1 and not re.search(r"现任|今天|今日|目前", r.text[s0:s1])
            # 「原任A的某某」「此前，某某任A」: the post the appointment the text reports replaces (it ends there)
            before_now = re.search(r"(?:原任|原)$", r.text[max(0, o.body.start - 3):o.body.start]) is not None or (
                k >= 0 and re.search(r"(?:此前|之前)[,，]?[ \t]*$", r.text[max(s0, k - 5):k]) is not None)
            if past or inside:  # 「时任某县委书记某某」, or 「……后，某某出任某市委书记。2018年3月，……」: a post of the past
                spells.append(SpellMention(names[key_form(o.person)], o.role, o.body, o.evidence,
                                           flags=("undated", "in_sequence", "stated") + (("before_now",) if before_now else ()),
                                           item=base, form="undated"))
                continue
            # 「6日……选举某某为……」: elected or appointed on the day of the text
            page = o.form in ("election", "appointment") and bool(
                re.search(r"今天|今日|昨天|昨日|(?<![\d月])\d{1,2}日", r.text[s0:s1]))
            spells.append(SpellMention(names[key_form(o.person)], o.role, o.body, o.evidence, current=True,
                                       flags=("start_from_page_date",) if page else (), item=base, form="office"))
    # 「2021.10 任现职」「2021年10月任现职」: the date of the current posts the text states elsewhere (现任, a
    # heading, an office of the person): they start then, and end what was held before
    present = [s for s in spells if s.form == "present"]
    if present:
        spells = [s for s in spells if s.form != "present"]
        for p in present:
            now = [s for s in spells if key_form(s.person) == key_form(p.person) and s.current and s.form in ("current", "office")]
            seen: set = set()
            for s in now:
                if (s.role, s.body.kind, s.body.written) not in seen:
                    seen.add((s.role, s.body.kind, s.body.written))
                    spells.append(replace(s, start=p.start, end=None, current=False, form="start", item=p.item,
                                          evidence=p.evidence, flags=(), seq=""))
    # 「某某同志因病医治无效……逝世」: an obituary's subject holds no post now
    dead = {key_form(s.name) for s in subjects if _deceased(r.text, key_form(s.name))}
    if dead:
        spells = [replace(s, flags=s.flags + ("deceased",)) if key_form(s.person) in dead else s for s in spells]
    people = [s.facts for s in subjects if s.facts is not None]
    return spells, people


_DEATH = re.compile(r"逝世|去世|病逝|辞世|离世|与世长辞|不幸遇难|因公殉职|因病医治无效")


def _deceased(text: str, name: str) -> bool:
    """Does the text report the death of ``name`` (the name, then a death in the same sentence, or
    「沉痛悼念某某」)?"""
    if _DEATH.search(text) is None:
        return False
    for k in _occurrences(name, text):
        rest = re.split(r"[。\n]", text[k + len(name):k + len(name) + 80], maxsplit=1)[0]
        if _DEATH.search(rest) or re.search(r"(?:悼念|缅怀|追悼|遗体告别)[^。\n]{0,6}$", text[max(0, k - 10):k]):
            return True
    return False


def _depths(text: str) -> list[int]:
    out, d = [], 0
    for c in text:
        if c in _PAREN_OPEN:
            d += 1
            out.append(d)
            continue
        out.append(d)
        if c in _PAREN_CLOSE and d > 0:
            d -= 1
    return out


def _subject_at(subjects: list[Subject], pos: int, text: str, a: int, b: int,
                previous: tuple[str, int] | None = None) -> str | None:
    """The subject whose résumé holds ``pos``: one named in the item's first words, else the last
    one introduced before it."""
    head = key_form(text[max(0, pos - 8):pos] + text[a:b][:24])
    words = key_form(text[a:b][:24])
    def found(w: str) -> list[tuple]:  # a name after 接替 is the predecessor's, not the item's person
        return [(w.find(key_form(s.name)), -len(s.name), s.name) for s in subjects if key_form(s.name) in w
                and not re.search(r"(?:接替|接任|替)$", w[:w.find(key_form(s.name))])]

    named = found(words) or found(head)
    if named:  # the name the item's words begin with (「……，王某辞去……，李某任……」: 王某)
        return min(named)[2]
    # a news lead 「1月15日，某省人大……会议选举某某为省长」: the person elected or appointed
    chosen = [s.name for s in subjects if re.search(rf"(?:选举|补选|任命|决定任命){re.escape(key_form(s.name))}(?:同志)?为|"
                                                    rf"{re.escape(key_form(s.name))}(?:同志)?(?:被任命为|当选为|当选)",
                                                    key_form(text[a:b]))]
    if chosen:
        return chosen[0]
    if previous is not None and "\n" not in text[previous[1]:pos]:
        # 「1999年6月至2001年9月，某某担任……，2001年调任……」: the same paragraph's person, unless
        # another is introduced in between (「……。陈某，1960年9月出生，……，2012年1月调任……」)
        between = [(k, s.name) for s in subjects for k in (s.intros or [s.start]) if previous[1] <= k <= pos]
        return max(between)[1] if between else previous[0]
    before = [s for s in subjects if s.start <= pos]
    return before[-1].name if before else None


def _items(r: Reader, subjects: list[Subject]) -> list[Item]:
    text = r.text
    depth = _depths(text)
    starts: list[tuple[int, int, DateExpr | None, str, bool]] = []  # (date start, posts start, when, form, sequence)
    first = min(s.start for s in subjects)
    year: int | None = None
    month: int | None = None
    paired: list[str] = []
    pairs: dict[int, tuple[str, ...]] = {}
    page_years: dict[int, str] = {}
    # a text that prints full dates of its own: its date may be one of them, not the page's (a lead's
    # 「1月20日」 is then not counted from it)
    full_dates = re.search(rf"(?:{_YEAR})[ \t]*年[ \t]*(?:{_MON})[ \t]*月[ \t]*\d{{1,2}}[ \t]*日", text) is not None
    for m in re.finditer(rf"{_YEAR}|翌年|次年|第二年|同年|当年|今年|去年|前年|{_LATER_WORDS.pattern}|(?:{_MON})[ \t]*月|(?<=\n)(?:现任职务|現任職務|现职|現職|职务|職務)[:：]|现任|現任|现为|现在|目前任|目前担任|现担任|今天|今日",
                         text):
        i = m.start()
        if depth[i] or (starts and i < starts[-1][1]):
            continue
        if i < first and not any(key_form(s.name) in text[max(0, i - 8):i] for s in subjects) and not any(
                # 「2015年3月，某某任……」: a date opening the subject's first sentence, the name after it
                s.start == first and re.match(rf"[^,，。;；\n]{{0,10}}[,，]?[ \t]*{re.escape(key_form(s.name))}(?:同志)?[于在]?"
                                              r"(?:任|担任|出任|调任|转任|升任|当选|被任命)", text[m.end():first + 12])
                for s in subjects) and not (
                re.match(rf"(?:今年|去年|前年|(?:{_MON})[ \t]*月)", text[i:i + 3]) and any(
                    key_form(s.name) in re.split(r"[。\n]", text[i:i + 120], maxsplit=1)[0] for s in subjects)):
            continue  # before the résumé, unless the subject is named right before (「某某，今天出任」) or in
            # a news lead that dates its sentence from the document's date (「1月12日，……选举某某为……」)
        before = text[:i].rstrip(" \t")
        prev = before[-1:] if before else "\n"
        lead = _BEFORE_DATE.search(before[-4:]) is not None
        # 「……决定：……。此前的9月29日，某某已赴任……」: a month-day of the same year, before the date before
        earlier_md = re.search(r"(?:此前|之前|随后|其后)的$", before) is not None
        lead = lead or earlier_md
        named = re.search(rf"(?:[{HAN}·]{{2,4}})$", before) is not None and any(
            before.endswith(key_form(s.name)) for s in subjects)
        # 「他1995年任……」「，她2002年调任……」: a pronoun at a clause's head stands for the subject
        pronoun = re.search(r"(?:^|[\n。,，;；:：])[ \t]*(?:他|她)(?:于|在|自|从)?$", before[-6:]) is not None
        at_boundary = prev in _BOUNDARY or lead or named or pronoun
        spaced = i > 0 and text[i - 1] in " \t"  # 「俞正声简历 1963-1968年 …学习 1998-2001年 …」 on one line
        if not at_boundary and not spaced:
            continue
        word = m.group(0)
        if not at_boundary and (_CURRENT.fullmatch(word) or word in ("今天", "今日", "昨天", "昨日")):
            continue
        if _CURRENT.fullmatch(word):
            starts.append((i, m.end(), None, "current", False))
            continue
        if word in ("今天", "今日", "昨天", "昨日"):  # 「某某今天出任……」「昨日，……」: the document's own day (its month)
            starts.append((i, m.end(), DateExpr(None, None, m.end()), "today", False))
            continue
        if _BIRTH_BEFORE.search(before[-3:]):
            continue
        # 「今年3月23日，」「去年7月，」「今年，某某……」: a year counted from the document's date; and a
        # news lead's 「1月12日，」 before any year is printed: the document's year
        py = re.match(rf"(?P<w>今年|去年|前年)(?:[ \t]*(?P<m>{_MON})[ \t]*月)?", text[i:]) if word in ("今年", "去年", "前年") else None
        md_lead = re.match(rf"(?P<m>{_MON})[ \t]*月[ \t]*(?:[12]?\d|3[01])[ \t]*日", text[i:])
        # (also a month and day after dates of a year only: 「……2016年任某职。3月28日，……决定任命他为……」, a
        # résumé prints no days)
        fresh = year is None or (prev == "\n" and month is not None and md_lead is not None
                                 and (cn_number(md_lead.group("m")) or 13) <= month) or (
            md_lead is not None and month is None and prev in "。\n") or (
            # 「……2022年12月任某省代省长。1月16日，……当选为某省省长」: an earlier month than the date before
            md_lead is not None and month is not None and prev == "。" and (cn_number(md_lead.group("m")) or 13) < month)
        lead_day = md_lead if (
            fresh and not _YEAR_RE.match(text, i) and prev in "。\n" and not full_dates and re.search(
                r"选举|当选|任命|决定|出任|调任|转任|履新|就任", re.split(r"[。\n]", text[i:i + 120], maxsplit=1)[0])) else None
        if py or lead_day:
            mo = (py or lead_day).group("m")
            off = {"今年": 0, "去年": -1, "前年": -2}[py.group("w")] if py else 0
            end = _after_day(text, i + (py or lead_day).end()) if mo else i + py.end()
            after = _AFTER_DATE.match(text, end)
            page_years[i] = f"page_year:{off}:{cn_number(mo) if mo else ''}"
            starts.append((i, after.end(), DateExpr(None, None, end), "page-year", False))
            year = month = None
            continue
        when: DateExpr | None = None
        rel = _RELATIVE.match(text, i)
        later = _LATER_WORDS.match(text, i)
        if later and (prev not in ",，;；。" or year is None):
            continue
        if later:  # 「次月」「两个月后」「四年后」「三周后」: counted from the date before
            value = _count_on(year, month, later.group(0))
            if value is None:
                continue
            when = DateExpr(value, None, later.end())
        elif rel and rel.group("rel") in ("翌年", "次年", "第二年", "同年", "当年"):
            if year is None:
                continue
            y = year + (0 if rel.group("rel") in ("同年", "当年") else 1)
            value = f"{y}-{cn_number(rel.group('m')):02d}" if rel.group("m") else str(y)
            when = DateExpr(value, None, rel.end())
        elif not _YEAR_RE.match(text, i):
            bm = _BARE_MONTH.match(text, i)
            if bm is None and year is not None and month is not None and (prev in ",，;；。" or earlier_md):
                # 「2020年7月……。8月2日，某任……」: a day of a later month of the same year; 「2020年11月……。
                # 此前的9月29日，……」: an earlier one
                md = re.match(rf"(?P<m>{_MON})[ \t]*月", text[i:])
                if md and cn_number(md.group("m")) and (cn_number(md.group("m")) > month or (
                        earlier_md and cn_number(md.group("m")) <= month)):
                    bm = md
                    when = DateExpr(f"{year}-{cn_number(md.group('m')):02d}", None, _after_day(text, i + md.end()))
            if not bm or year is None or (prev not in ",，;；。" and not earlier_md):
                continue
            when = when or DateExpr(f"{year}-{cn_number(bm.group('m')):02d}", None, bm.end())
        else:
            when = date_at(text, i)
            if when is None:
                continue
            if not at_boundary and not (when.ranged or re.match(r"(?:起|以来|以后|后)?[ \t]", text[when.end_pos:])):
                continue
        if _DEMOGRAPHIC.match(text, when.end_pos) and not when.ranged:
            continue
        if not when.ranged and text[when.end_pos:when.end_pos + 1] == "、" and date_at(text, when.end_pos + 1):
            paired.append(when.start)  # 「一九九三年三月、一九九八年三月，被任命为某部副部长、部长」: one date a title
            year = int(when.start[:4])
            continue
        if paired:
            pairs[i] = tuple(paired) + (when.start,)
            paired = []
        after = _AFTER_DATE.match(text, when.end_pos)
        seq = bool(after.group("seq")) and after.group("seq") in ("后", "以后", "之后", "起", "开始") \
            and not (after.group("seq") == "起" and text[after.end():after.end() + 1] in (" ", "\t"))  # 「2013年3月11日起 任……」
        year = int(when.start[:4])
        month = int(when.start[5:7]) if len(when.start) >= 7 else None
        line_start = text.rfind("\n", 0, i) + 1
        # the first clause of the item's own line (「1992年 某县委办公室副主任\n」: 主任 is no verb 任)
        first_clause = re.split(r"[,，;；。\n]", text[after.end():after.end() + 40].lstrip(",，、 \t"), maxsplit=1)[0]
        line_form = text[line_start:i].strip() == "" and not re.search(r"(?<!主)任|当选|调|升|转|晋", first_clause)
        form = "range" if when.ranged else ("line-start" if line_form else "start")
        if re.search(r"(?:其间|其間|期间|期間|其中)[:：,，]?[ \t]*(?:于|在|从|自)?$", before[-8:]):
            form = "aside-" + form  # 「……副市长，期间于2006年4月至2007年4月挂职任……」: held along with it
        starts.append((i, after.end(), when, form, seq))
    starts.extend(_headings(r, subjects))
    starts.extend(_appointments(r, subjects, depth, starts))
    starts.sort(key=lambda x: x[0])
    items: list[Item] = []
    bounds = [s[0] for s in starts] + [len(text)]
    for k, (i, a, when, form, seq) in enumerate(starts):
        b = bounds[k + 1]
        flags: tuple[str, ...] = ()
        if form == "today":
            form, flags = "start", ("start_from_page_date",)
        if form == "page-year":
            form, flags = "start", (page_years[i],)
        if form.startswith("aside-"):
            form, flags = form[len("aside-"):], ("aside",)
        if form == "appointed-dated":
            form = "start"
            b = min(b, next((k for k in range(a, b) if text[k] in ";；"), b))
        if form.startswith("appointed-lead:"):
            form, flags = "appointed", (page_years[int(form.split(":")[1])],)
        if form.startswith("appointed-month:"):
            form, flags = "appointed", (f"page_year:0:{form.split(':')[1]}",)
        if form in ("appointed", "appointed-today"):
            # 「宣布省委决定：某某任某市委委员、常委、书记」「决定任命某某为某市副市长、代市长」: now held
            flags = ("start_from_page_date",) if form == "appointed-today" else flags
            form, when = "current", None
            b = min(b, next((k for k in range(a, b) if text[k] in ";；"), b))
        if form == "heading":
            items.append(Item(_subject_at(subjects, i, text, a, a) or subjects[0].name, a, when.end_pos,
                              (text.rfind("\n", 0, i) + 1, when.end_pos), None, "current", flags=("heading",)))
            continue
        # a résumé line ends at its line's end; running text at its sentence's end, or sooner
        line_end = text.find("\n", a)
        line_end = len(text) if line_end < 0 else line_end
        b = min(b, _depth0_end(text, depth, a, line_end))
        if form in ("start", "current") or (form == "range" and text[text.rfind("\n", 0, i) + 1:i].strip()):
            stop = _sentence_end(text, depth, a, b)  # a range in running text ends with its sentence too
            b = min(b, stop)
        line_start = text.rfind("\n", 0, i) + 1
        clause = (line_start, line_end) if form in ("range", "line-start") else (_sentence_start(text, i), b)
        person = _subject_at(subjects, i, text, a, b, (items[-1].person, items[-1].end) if items else None)
        if person is None:
            continue
        window = text[a:b] if form == "range" else text[a:min(b, a + 12)]
        sequence = seq or bool(_SEQUENCE_WORDS.search(window))
        if not sequence and form == "start":  # 「2006年11月，某离开某地到某地任职，先后任A、B、C等职」
            first_clause = re.split(r"[;；。]", text[a:b], maxsplit=1)[0].split("、", 1)[0]
            sequence = bool(re.search(r"先后(?:任|担任|在)|历任", first_clause))
        items.append(Item(person, a, b, clause, when, form, sequence, flags=flags, parens=_parens(text, depth, a, b),
                          dates=pairs.get(i, ())))
    undated = _undated_items(r, subjects, depth, starts)
    for u in undated:  # a list after a dated clause (「1989年……工作，后历任A、B等职」) is not that date's
        if "later_list" in u.flags:
            items = [replace(it, end=u.clause[0]) if it.when is not None and it.start < u.clause[0] < it.end else it
                     for it in items]
    items.extend(replace(u, flags=tuple(f for f in u.flags if f != "later_list")) for u in undated)
    items.sort(key=lambda it: it.start)
    return items


def _appointments(r: Reader, subjects: list[Subject], depth: list[int], starts) -> list[tuple]:
    """An announced appointment of a subject with no year in its sentence (「……决定：某某任……」
    「决定任命某某为……」): a current item, started in the document's month when the sentence gives
    the day (「11日上午，……宣布省委决定」)."""
    text = r.text
    out = []
    taken = [(x[0], x[1]) for x in starts]
    # 「……决定任命他为……」: a pronoun for the subject (the item's person is the paragraph's)
    for n in [re.escape(key_form(s.name)) for s in subjects] + ["(?:他|她)"]:
        for m in re.finditer(rf"任命{n}(?:同志)?为|(?<=[:：,，;；]){n}(?:同志)?任(?![命职])|(?<=决定){n}(?:同志)?任(?![命职])|{n}(?:同志)?被(?:正式)?任命为"
                             rf"|(?:选举|补选)(?P<was>[^，,。；;为]{{2,16}}?){n}(?:同志)?为", text):
            i = m.start()
            s0 = _sentence_start(text, i)
            if depth[i] or not re.search(r"决定|任命|选举|补选", text[s0:m.end()]) or _YEAR_RE.search(text[s0:i]):
                continue
            if n == "(?:他|她)" and any(s0 <= x[0] < i for x in starts):
                continue  # 「今年3月，他被任命为……」: a dated item's
            if re.search(r"(?:此前|之前|此前曾|原|曾)[,，]?[ \t]*$", text[max(s0, i - 6):i]):
                continue  # 「此前，某某任……」: the post held before the appointment, not the new one
            if m.group("was") is not None:
                # 「会议选举原某市委书记某某为某省政协副主席」: the post after 为 (the one before the name is
                # the holder's earlier post, the office reader's)
                if not r.titles_in(m.start("was"), m.end("was")):
                    continue
                i = m.end() - 1
            if any(a <= i <= b for a, b in taken):
                continue
            s1 = _sentence_end(text, depth, i, len(text))
            lead = text[text.rfind("\n", 0, s0) + 1:s0].lstrip()
            when = date_at(lead, 0) if lead else None
            if when is not None and when.start and not when.ranged:
                # 「2015年5月4日，某市召开领导干部会议，宣布……决定。省委决定：某某任……」: the paragraph's date
                out.append((i, i, DateExpr(when.start, None, i), "appointed-dated", False))
                continue
            lead_item = [x[0] for x in starts if x[3] == "page-year" and s0 <= x[0] < i]
            if lead_item:  # 「12月8日下午，……决定任命某某为……」: the lead's month, in the document's year
                out.append((i, i, None, f"appointed-lead:{lead_item[-1]}", False))
                continue
            md = re.search(rf"(?<![\d{_CND}])(?P<m>{_MON})[ \t]*月[ \t]*(?:[12]?\d|3[01])[ \t]*日", text[s0:i])
            if md is not None:  # 「1月8日上午，某市人大常委会……决定任命某某为……」: that month of the document's year
                out.append((i, i, None, f"appointed-month:{cn_number(md.group('m'))}", False))
                continue
            today = re.search(r"今天|今日|昨天|昨日|(?<![\d月])\d{1,2}日", text[s0:s1]) is not None
            out.append((i, i, None, "appointed-today" if today else "appointed", False))
    return out


def _headings(r: Reader, subjects: list[Subject]) -> list[tuple]:
    """A page title that is the subject's name and post (「某某[某市委书记]」): a current item."""
    out = []
    text = r.text
    pos = 0
    for line in text.split("\n"):
        m = re.match(rf"\s*(?P<name>[{HAN}·]{{2,6}})\s*[\[【](?P<posts>[^\]】]{{2,40}})[\]】]\s*$", line) or re.match(
            # 「某某 （1945.4— ） 某部部长、党组书记。」: a who's-who entry, the years of a life then the posts
            rf"\s*(?P<name>[{HAN}·]{{2,6}})\s*[(（][ \t]*(?:19|20)\d\d[^)）\n]{{0,20}}[)）]\s*(?P<posts>[^\n。]{{2,60}})。?\s*$", line)
        # 「某某 某市委书记」「某某：某市政协主席」「某市市长：某某」: a heading line of the name and the post
        m = m or _NAME_POST_LINE.match(line) or _POST_NAME_LINE.match(line)
        if m and any(key_form(s.name) == key_form(m.group("name")) for s in subjects) and (
                "[" in line or "【" in line or re.search(r"[(（]", line) or _title_at_end(
                    text, pos + m.start("posts"), pos + m.end("posts")) is not None):
            a, b = pos + m.start("posts"), pos + m.end("posts")
            out.append((a, a, DateExpr(None, None, b), "heading", False))
        pos += len(line) + 1
    return out


_NAME_POST_LINE = re.compile(rf"\s*(?P<name>{_TRANSLITERATED.pattern}|[{HAN}]{{2,4}}?)(?:同志)?(?:[ \t]*[:：,，][ \t]*|[ \t]+)"
                             rf"(?P<posts>[{HAN}、]{{3,30}})[ \t]*$")
_POST_NAME_LINE = re.compile(rf"\s*(?P<posts>[{HAN}、]{{3,30}}?)(?:[ \t]*[:：][ \t]*|[ \t]+)(?P<name>{_TRANSLITERATED.pattern}|[{HAN}]{{2,4}})"
                             rf"(?:同志)?[ \t]*$")


def _depth0_end(text: str, depth: list[int], a: int, b: int) -> int:
    return b


def _sentence_end(text: str, depth: list[int], a: int, b: int) -> int:
    for k in range(a, b):
        if text[k] == "。" and depth[k] == 0:
            return k
    return b


def _sentence_start(text: str, i: int) -> int:
    k = i
    while k > 0 and text[k - 1] not in "。\n":
        k -= 1
    return k


def _parens(text: str, depth: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """Top-level parentheses in ``[a, b)``: (start after the bracket, end before the closing one)."""
    out = []
    k = a
    while k < b:
        if text[k] in _PAREN_OPEN and depth[k] == 1:
            j = k + 1
            while j < len(text) and not (text[j] in _PAREN_CLOSE and depth[j] == 1):
                j += 1
            out.append((k + 1, j))
            k = j + 1
            continue
        k += 1
    return out


def _undated_items(r: Reader, subjects: list[Subject], depth: list[int], starts) -> list[Item]:
    """Sentences with no date that list posts as a career (「早年任……」「之后任……」「历任……等职」)."""
    text = r.text
    out = []
    first = min(s.start for s in subjects)
    dated = [(s[0], s[1]) for s in starts]
    pos = 0
    for sentence in re.split(r"(?<=[。\n])", text):
        s0, s1 = pos, pos + len(sentence)
        pos = s1
        if s1 <= first:
            continue
        # a sentence with dates: only the words before its first date (「某某，1953年生，曾任A，B，2010年任C」)
        limit = min((d for d, _ in dated if s0 <= d < s1), default=None)
        # 「此后某某调任某省委常委、副省长」: a later move named with the subject, no date
        moved = "(?:此后|之后|后来|其后|随后)(?:" + "|".join(re.escape(key_form(x.name)) for x in subjects) + \
            ")(?:调任|转任|升任|改任|出任|担任)"
        # 「他曾任」「某某同志曾任」「解放后历任」: a pronoun or the subject's name, a time of life before the verb
        who = "(?:他|她|(?:" + "|".join(re.escape(key_form(x.name)) for x in subjects) + ")(?:同志)?)?"
        for m in re.finditer(r"(?:^|(?<=[,，;；]))\s*" + who + "(?:(?:解放|建国|新中国成立|参加工作|参加革命)后)?(?P<w>"
                             + moved + "|" + _UNDATED.pattern + ")", sentence):
            w = m.group("w")
            if w in ("任", "担任", "出任") or depth[s0 + m.start("w")]:
                continue
            # 「1989年毕业后进入某局工作，后历任A、B等职，2006年出任C」: a list after a dated clause that names
            # no post, up to the next date
            later_list = None
            if limit is not None and s0 + m.start("w") >= limit:
                later_list = re.fullmatch(r"(?:后|之后|此后|其后|后来)(?:曾|历任|歷任|先后)[^任]{0,2}任?|(?:后|之后|此后|其后|后来)?曾(?:任|担任)", w)
                last = max((d for d, _ in dated if d < s0 + m.start("w")), default=s0)
                if later_list is not None and (r.titles_in(last, s0 + m.start("w"))
                                               or not re.search(r"[,，;；]", text[last:s0 + m.start("w")])):
                    later_list = None
                if later_list is None:
                    break
            elif limit is not None and not re.match(r"(?:此前|之前|后|之后|此后|其后|后来)?(?:曾|历任|歷任|先后)", w):
                break
            a = s0 + m.end("w")
            person = _subject_at(subjects, s0, text, s0, s1)
            if person is None:
                continue
            end = s1 - (1 if sentence.endswith(("。", "\n")) else 0)
            if later_list is not None:
                limit = min((d for d, _ in dated if a <= d < s1), default=None)
            if limit is not None:
                end = limit
                while end > a and text[end - 1] in " \t,，;；、":
                    end -= 1
            # 「历任A、B、C等职，2001年任D」「之后任……」: a succession, whose last post ends at the next date
            # of its paragraph (not an early one: 早年, 从政早期; not 毕业后)
            until: tuple[str, ...] = ()
            if re.search(r"历任|歷任|先后|先後|之后|之後|此后|其后|后来", w) and not re.search(r"早", w):
                nxt = min(((d, when) for d, _, when, *_ in starts if d >= end and when is not None and when.start),
                          key=lambda x: x[0], default=None)
                between = text[end:nxt[0]] if nxt is not None else ""
                if nxt is not None and ((not re.search("[\n任]", between)) or not between.strip(" \t\n。，,；;")):
                    until = ("until:" + nxt[1].start,)
            if later_list is not None:
                until += ("later_list",)
            out.append(Item(person, a, end, (s0 + m.start("w") if later_list is not None else s0, end), None,
                            "undated", True, flags=until,
                            parens=_parens(text, depth, a, end)))
            break
    return out


# ---------------------------------------------------------------------------------------------
# the posts of an item


def _title_at_end(text: str, a: int, b: int) -> TitleAt | None:
    for n in _TITLE_LENGTHS:
        if b - n < a:
            continue
        t = ALL_TITLES.get(text[b - n:b])
        if t is not None:
            return TitleAt(b - n, b, text[b - n:b], t)
    return None


def _pieces(r: Reader, a: int, b: int, skip: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """The pieces of ``[a, b)`` between clause breaks and 「、」 (and 兼 after a title), outside the
    spans ``skip``; each with whether a clause starts with it."""
    text = r.text
    mask = [False] * (b - a)
    for p0, p1 in skip:
        for k in range(max(a, p0 - 1), min(b, p1 + 1)):
            mask[k - a] = True
    out = []
    k = a
    clause_start = True
    while k < b:
        if mask[k - a] or _PIECE_BREAK.match(text[k]):
            clause_start = clause_start or not mask[k - a] or True
            k += 1
            continue
        j = k
        while j < b and not mask[j - a] and not _PIECE_BREAK.match(text[j]):
            j += 1
        for i0, i1 in r.items(k, j):
            # 「某司司长兼某中心主任」: 兼 after a title only résumés use (the reader splits after its own)
            for x in [x for x in range(i0 + 2, i1 - 1) if text[x] == "兼" and _title_at_end(text, i0, x) is not None]:
                out.append((i0, x, clause_start))
                clause_start, i0 = False, x + 1
            out.append((i0, i1, clause_start))
            clause_start = False
        clause_start = True
        k = j
    return out


_LATER = re.compile(r"[ \t]*(?:后|之后|随后|此后|其后|后又|后来|旋即|不久)(?:又|再)?(?:任|调任|转任|升任|担任|出任|改任|当选|兼任)")
_TINY_PAREN = re.compile(r"[(（][县市区][)）]")
_WORKED_IN = re.compile(rf"[ \t]*在(?P<unit>[{HAN}]{{3,24}}?)工作")
_UNIT_TITLE = TitleAt(0, 0, "主任", lx.Title("主任", "主任", ("政府", "党委", "人大", "政协专委会")))
_NO_LONGER = re.compile(r"[ \t,，]*(?:起)?[ \t,，]*(?:不再担任|卸任|被免去|免去|辞去|不再兼任)")
_UNIT_OF_OTHERS = re.compile(rf"(?:到|在|进入|调入|调到)(?P<unit>[{HAN}]{{2,20}}?)(?:工作|工做|任职)")
_UNTIL_NOW = re.compile(r"(?:直至|直到)(?:本次|此次|这次|今次|日前)")
#: after a holder's name: the time the post was held (「某县政协主席某某期间」「……任内」)
_DURING = re.compile(r"(?:同志)?(?:任职|在任|主政|工作)?(?:期间|期間|任内|任期内|在任时|任职时)")
#: an item that opens with a concurrent post or a secondment (「兼任……」「挂职任……」)
_HELD_ALONG = re.compile(r"[ \t,，、]*(?:同时|并)?(?:(?:兼任|兼)|(?P<s>挂职|挂任|下派))")
#: an item that dates the current post (「任现职」「起任现职」「任现职至今」)
_PRESENT_POST = re.compile(r"[ \t,，]*(?:起|开始|后)?[ \t]*(?:任|担任|出任|升任|调任|转任|改任)?现职(?:务)?(?:至今)?[ \t]*(?:[。；;，,\n]|$)")
_APPOINTING = re.compile(r"任命|决定|任免|宣布|晋升")
_APPOINTED_ON = re.compile(r"\d{1,2}[ \t]*日|[今昨]天|[今昨]日|日前|近日|(?:19|20)\d\d[ \t]*年|今年|[一二三四五六七八九十\d]{1,2}[ \t]*月")
_PROPOSED_ANYWHERE = re.compile(r"拟任|拟提名|拟推荐|候选人|提名为")
#: a proposed post (「拟任」「拟提名为」「拟推荐为」 in an appointment notice): no post held
_PROPOSED = re.compile(r"[ \t]*(?:拟任|拟提名|拟推荐|拟提拔|拟任命|拟选任|拟聘任|拟作为|拟进一步使用|拟转任|拟调任|拟担任)")
#: an item that ends a career (「2018年退休」「，2015年3月离休。」「2020年1月，到龄退休」)
_RETIRED = re.compile(r"[ \t,，]*(?:到龄|光荣|正式|办理)?(?:退休|离休|退居二线|卸任|离任|退出领导岗位)(?:[。；;,，\n]|$)")
_OTHER_ROLE = re.compile(r"(?:董事长|总经理|经理|厂长|校长|院长|社长|会长|团长|政委|主任医师|总编辑)$")
_BEFORE_THEN = re.compile(r"[^,，。;；:：\n]{0,16}(?:之前|以前)[,，]")
# 「从某省委常委、某市委书记任上调任……」「从某职的位子上转任……」: the posts left at the item's date
_LEAVING = re.compile(r"从(?P<posts>[^。；;，,\n]{2,60}?)(?P<mark>的?(?:任上|岗位上|位子上|位置上|职位上))")
# 「……任上，调赴某省，任……」: a move to a place, no post of its own; the clause after it goes on
_MOVE = re.compile(rf"[ \t]*(?:调赴|调往|调到|调入|调至|调回|前往|奔赴|赴)[{HAN}]{{2,8}}(?:工作|任职)?$")


def _posts(r: Reader, item: Item, n: int, names: tuple[str, ...] = (),
           carry: BodyMention | None = None) -> list[SpellMention]:
    """The spell mentions of one item (and of the posts in its parentheses). ``carry`` is the body of
    the item before it: a bare title that opens the item is that body's (「1992年任某县委副书记，1995年
    任书记」)."""
    from dataclasses import replace

    text = r.text
    if item.when is not None and item.when.start and _PRESENT_POST.match(text, item.start, item.end):
        # 「2021.10 任现职」: a marker, read by :func:`find_spells` once the current posts are known
        return [SpellMention(item.person, "", BodyMention("政府", item.start, level="nation", written=""),
                             r.evidence(item.start, item.end, item.clause), start=item.when.start, item=n, form="present")]
    chain: list[Segment] = []
    bodies_of_kind: dict[str, BodyMention] = {}
    found_any = False
    groups: list[list[SpellMention]] = []  # posts by clause, a clause without posts kept empty
    parens = [p for p in item.parens if p[0] >= item.start]
    # 「2012年1月起不再担任……」, and 「在今年6月调到某地任职之前，她身兼多个职务：A，B」: held until the date
    ended = _NO_LONGER.match(text, item.start) or _BEFORE_THEN.match(text, item.start)
    form = "ended" if item.when is not None and ended else item.form
    later: int | None = None  # the first clause that moves on without a date of its own (「，后任……」)
    who, clause_ends = item.person, False
    concurrent_later: set[int] = set()  # clauses 「，后兼任……」: no date of their own, no succession
    other_at: list[int] = []  # where posts of other organisations (共青团, firms, schools) begin
    last_found = -1  # where the last post of the six bodies begins
    leaving = [(m.start("posts"), m.end("posts"), m.start("mark"), m.end("mark"))
               for m in _LEAVING.finditer(text, item.start, item.end)]
    # the markers (从, 任上) are no piece: a span [i, j) is passed as (i+1, j-1), as
    # :func:`_pieces` widens each span by one character on either side (a parenthesis' brackets)
    skip = sorted(parens + [x for p0, _, m0, m1 in leaving for x in ((p0, p0 - 1), (m0 + 1, m1 - 1))])
    pending: list[NameAt] = []  # divisions named before a title that applies to each (「某市、某市市委书记」)
    pending_towns: list[NameAt] = []  # township stems before a suffixed one (「沿江、车厩公社」)
    town_peers: list[NameAt] = []
    for i0, i1, clause_start in _pieces(r, item.start, item.end, skip):
        piece = text[i0:i1]
        left = any(i0 < p1 and i1 > p0 for p0, p1, _, _ in leaving)
        if clause_start:
            # a clause that names another subject is that subject's (「……，王某辞去某职，李某任某职」), and
            # one that gives a post up ends it (辞去, 不再担任, 免去, 卸任)
            k = i0 + (2 if re.match(r"(?:接受|同意|批准)", text[i0:i0 + 2]) and any(
                text.startswith(x, i0 + 2) for x in names) else 0)  # 「接受某某辞去……职务的请求」
            for name in names:
                if text.startswith(name, k):
                    who, k = r.surface(k, k + len(name)), k + len(name)
                    break
            if _PROPOSED.match(text, k):
                break  # 「现任某县县长，拟任县委书记」: a post proposed, not held (a 公示's résumé)
            # (and in an announced appointment: 「……任某市委书记，免去其某市市长职务」 ends at the appointment)
            clause_ends = (item.when is not None or item.form == "current") and bool(_NO_LONGER.match(text, k)) \
                and (k > i0 or found_any)
            titled = _has_title(r, i0, i1)
            if found_any and not titled and leaving and _MOVE.match(text, i0, i1):
                continue  # 「……任上，调赴某省，任……」
            if found_any and not titled and re.search(r"(?:调整中|换届中|之际|期间)$", text[i0:i1]) and \
                    re.match(r"[ \t]*[,，][ \t]*(?:" + "|".join(map(re.escape, names)) + r")?(?:任|出任|调任|升任|当选)", text[i1:i1 + 12] or ""):
                continue  # 「……，十八大后的地方大员调整中，某某任某省长」: a time, then the same career
            if found_any and not titled:
                break  # running text goes on about something else
            if titled:
                groups.append([])
                if found_any and _LATER.match(text, i0):
                    if later is None and _LATER.match(text, i0).group(0).endswith("兼任"):
                        concurrent_later.add(len(groups) - 1)  # 「调任A，后兼任B」: B is held along with A
                    else:
                        later = later if later is not None else len(groups) - 1
        if STUDY.search(piece) or _TINY_PAREN.search(text, max(0, i0 - 3), min(len(text), i1 + 3)):
            chain.clear()
            continue
        work = _WORKED_IN.fullmatch(text, i0, i1)
        if work:  # 「在某省发展和改革委员会工作，历任某处副处长」: the unit the later titles belong to
            unit = _fallback_body(r, i0 + 1, work.group("unit"), _UNIT_TITLE, chain)
            if unit is not None:
                chain.append(Segment(unit, _UNIT_TITLE.title, True, i0))
            continue
        before_other = len(other_at)
        work = _UNIT_OF_OTHERS.search(text, item.start, i0)
        post = _post(r, i0, i1, chain, bodies_of_kind, names,
                     carry=carry if not found_any and not chain else None, other=other_at,
                     # 「共青团某省委常委、组织部部长」「到共青团某省委工作，先后任青农部副部长」: the league's units
                     after_other=bool(other_at and other_at[-1] > last_found
                                      and not re.search("[,，;；。]", text[other_at[-1]:i0])) or bool(
                         work and _foreign_in(work.group("unit"))))
        if len(other_at) > before_other and not found_any and groups and not groups[-1] and item.sequence:
            groups.append([])  # 「先后担任共青团某市委书记、某区区长」: the date starts the league's post only
        bare = _bare_division(r, i0, i1, names) if post is None else None
        if bare is not None:
            pending.append(bare)
            continue
        stem = _town_stem(r, i0, i1, names) if post is None else None
        if stem is not None:  # 「某县沿江、车厩公社党委副书记」: 沿江 is a commune too
            pending_towns.append(stem)
            continue
        if post is None:
            if _OTHER_ROLE.search(_TAIL.sub("", text[i0:i1])):
                other_at.append(i0)  # 「回到国企，担任某集团董事长」: a post of a firm or a school
            pending.clear()
            pending_towns.clear()
            continue
        body, title, flags = post
        if not body.names and not body.stem and body.level in _MOVE_LEVELS:
            body = _moved_to(r, item.start, max(i0, body.start), body) or body  # 「调赴某自治区工作，任自治区政协副主席」
        shared, pending = pending, []
        if body.level == TOWNSHIP:
            suffix = re.search(r"(?:公社|街道|乡|镇)$", body.names[-1].text)
            if pending_towns and suffix and body.names[-1].start >= i0:
                town_peers = [NameAt(x.text + suffix.group(0), x.start) for x in pending_towns]
            elif body.names[-1].start >= i0:
                town_peers = []
            for nm in town_peers:  # the further titles of the clause hold in every one of them
                sb = replace(body, names=body.names[:-1] + (nm,), start=nm.start)
                if not groups:
                    groups.append([])
                groups[-1].append(SpellMention(who, _role(Segment(sb, title, True, nm.start)), sb,
                                               r.evidence(nm.start, i1, item.clause), flags=item.flags + flags,
                                               item=n, form="ended" if clause_ends or left else form))
        else:
            town_peers = []
        pending_towns.clear()
        if body.names and shared:  # 「某市、某市、某市市委书记」: one post in each
            for nm in shared:
                sb = replace(body, names=(nm,), start=nm.start)
                if not groups:
                    groups.append([])
                groups[-1].append(SpellMention(who, _role(Segment(sb, title, True, nm.start)), sb,
                                               r.evidence(nm.start, i1, item.clause), flags=item.flags + flags,
                                               item=n, form="ended" if clause_ends or left else form))
        found_any = True
        last_found = i0
        role = _role(Segment(body, title, True, i0))
        if not groups:
            groups.append([])
        if re.search(r"转任|调任|调往|改任", text[i0:_strip_head(r, i0, i1, names)]):
            flags += ("moved",)  # 「五年后转任某区委书记」: a transfer ends the posts before it
        groups[-1].append(SpellMention(who, role, body, r.evidence(i0, i1, item.clause),
                                       flags=item.flags + flags, item=n, form="ended" if clause_ends or left else form))
    posts = [s for g in groups for s in g]
    if later is not None and form in ("range", "line-start", "start") and not item.sequence:
        item = Item(item.person, item.start, item.end, item.clause, item.when, item.form, True, item.page_date,
                    item.flags, item.parens, item.dates)
        groups = [[s for g in groups[:later] for s in g]] + groups[later:]
    later_ids = {id(x) for g in concurrent_later if later is None and g < len(groups) for x in groups[g]}
    out = _date_posts(item, groups, form, text)
    if later_ids:
        out = [replace(s, start=None) if id(p) in later_ids else s
               for s, p in zip(out, [x for g in groups for x in g])]
    if item.dates and len(out) == len(item.dates):
        out = [replace(s, start=d, end=None, current=False, seq="", flags=tuple(f for f in s.flags if f != "in_sequence"))
               for s, d in zip(out, item.dates)]
        out = [replace(s, end=t.start) if re.sub(r"^(?:代理|代|常务副|副)", "", s.role) == t.role and s.role != t.role
               else s for s, t in zip(out, out[1:])] + out[-1:]  # 副部长 -> 部长: the promotion ends it
    if item.when is not None and item.when.ranged and re.match(r"[ \t,，]*从[^,，。；;、]{1,12}?到", text[item.start:item.end]):
        # 「从1973年到2007年，从工人到某市委常委、某区委书记」: a path whose end is the posts, not their start
        out = [replace(s, start=None) if s.form != "aside" else s for s in out]
    now = _UNTIL_NOW.search(text, item.start, item.end)
    if now is not None and item.when is not None and form in ("range", "line-start", "start"):
        # 「2016年10月出任某厅党组书记、厅长，直至本次履新」: held up to the appointment the text reports;
        # 「……，直至此次被任命为某市副市长」: that post is the current one, with no date of its own
        out = [replace(s, start=None, end=None, current=True, form="current") if s.evidence.end > now.end()
               else replace(s, flags=s.flags + ("until_now",)) for s in out]
    if "aside" in item.flags:  # a 其间 clause's posts: their own dates, ending nothing
        out = [replace(s, form="aside", flags=s.flags + (("secondment",) if re.search(r"挂职|下派|工作队", text[item.start:item.end])
                                                           else ("concurrent",) if "兼" in text[item.start:item.end] else ()))
               for s in out]
    if other_at and not [s for s in out if s.form != "aside"] and form in ("range", "line-start", "start") \
            and item.when is not None and item.when.start and not re.search("兼", text[item.start:other_at[0]]):
        # an item that holds only posts of other organisations (「2003年1月，担任共青团某市委书记」): a move
        # that ends what was held, though it gives no spell of its own (:func:`kg.careers.assemble`)
        a = other_at[0]
        out.append(SpellMention(item.person, "", BodyMention("政府", a, level="nation", written=""),
                                r.evidence(a, item.end, item.clause), start=item.when.start, item=n, form="other"))
    if not out and form in ("range", "line-start", "start", "ended") and item.when is not None and item.when.start \
            and _RETIRED.match(text, item.start, item.end):
        # 「2018年退休」「2015年3月离休」: the career ends, every post held with it (no spell of its own)
        out.append(SpellMention(item.person, "", BodyMention("政府", item.start, level="nation", written=""),
                                r.evidence(item.start, item.end, item.clause), start=item.when.start, item=n,
                                form="other", flags=("retired",)))
    if form == "ended" and not _NO_LONGER.match(text, item.start) and re.search(
            r"调|到|赴|任职|履新", _BEFORE_THEN.match(text, item.start).group(0)):
        out = [replace(s, flags=s.flags + ("moved",)) for s in out]  # the move ends what was held before it
    if form != "ended" and item.when is not None:  # the posts a clause gives up end at the item's date
        out = [replace(s, start=None, end=item.when.start, current=False) if s.form == "ended" else s for s in out]
    along = _HELD_ALONG.match(text, item.start, item.end) if item.when is not None and form in (
        "range", "line-start", "start") else None
    if along is not None:  # 「2004.03 兼任某职」「2004年03月，挂职任某职」: held along with what the lines before list
        mark = ("secondment",) if along.group("s") else ("concurrent",)
        out = [replace(s, flags=s.flags + mark) if s.form != "aside" and mark[0] not in s.flags else s for s in out]
    # the parentheses of the line: 「（其间：2005.03-2006.09兼任……）」「（1999.01当选）」「（党组成员）」
    for p0, p1 in parens:
        until = re.fullmatch(r"\s*(?:至|到)\s*(.+?)\s*(?:止)?\s*", text[p0:p1])
        when = date_at(until.group(1), 0) if until else None
        if when is not None and when.end is None and not when.ranged:
            before = [s for s in out if s.evidence.end <= p0]
            if before:  # 「2012- ……，上海市委书记（至2012年11月）」: the end of the post before it
                last = max(before, key=lambda s: s.evidence.end)
                out[out.index(last)] = replace(last, end=when.start, current=False)
            continue
        elected = _election(text[p0:p1])
        if elected:
            before = [s for s in out if s.evidence.end <= p0]
            if before:  # 「县长(1999.01当选)」: the date of an election of the post before it
                last = max(before, key=lambda s: s.evidence.end)
                out[out.index(last)] = replace(last, flags=last.flags + ("elected",))
            continue
        out.extend(_paren_posts(r, item, n, p0, p1, [s for s in out if s.form != "aside"] or posts, names))
    return out


_MOVE_LEVELS = ("自治区", "省", "市", "州", "县", "区", "旗", "盟")
#: a move to a division before a bare level word's post: the division the level word stands for
_MOVE_TO = re.compile(r"(?:调赴|调往|调到|调入|调至|调回|调任|跨省赴任|赴任|赴|前往|到|进入|北上|南下|西进|东进|回到)$")


_MOVE_AFTER = re.compile(r"[ \t]*(?:工作|任职|挂职|[,，]|任|担任|出任)")  # the place of the move, no body of its own


def _moved_to(r: Reader, lo: int, hi: int, body: BodyMention) -> BodyMention | None:
    """「2010年调赴某自治区工作，任自治区政协副主席」「赴新疆工作，任自治区……」: a bare level word's body in
    the division the item moves to (the resolver does not count a destination as home: a visit's is
    not). The last division named in ``[lo, hi)`` after a verb of moving, with the level's suffix
    (a short form keeps the level, for resolution to check)."""
    text = r.text
    found = None
    for d in r.divisions:
        if lo <= d.start and d.end <= hi and _MOVE_TO.search(text, max(lo, d.start - 4), d.start) \
                and _MOVE_AFTER.match(text, d.end):
            if text[d.start:d.end].endswith(body.level) and not (body.level == "区" and text[d.start:d.end].endswith("自治区")):
                found = body.but(names=(NameAt(text[d.start:d.end], d.start),))
    if found is None and body.level in ("自治区", "省"):
        for m in r.analysis.bare:
            if lo <= m.start and m.end <= hi and _MOVE_TO.search(text, max(lo, m.start - 4), m.start) \
                    and _MOVE_AFTER.match(text, m.end) \
                    and not any(d.start <= m.start < d.end for d in r.divisions):
                found = body.but(stem=m.text, start=m.start)
    return found


def _bare_division(r: Reader, i0: int, i1: int, names: tuple[str, ...]) -> NameAt | None:
    """A piece that is one division's full name and nothing else (「张掖市、」 before 「酒泉市市委书记」)."""
    a = _strip_head(r, i0, i1, names)
    text = r.text
    if i1 >= len(text) or text[i1] != "、":
        return None
    m = r.division_by_start.get(a)
    if m is None or m.end != i1 or not re.search(r"(?:省|市|县|区|州|旗|盟|地区)$", text[a:i1]):
        return None
    return NameAt(text[a:i1], a)


def _town_stem(r: Reader, i0: int, i1: int, names: tuple[str, ...]) -> NameAt | None:
    """A piece that is a township's name without its suffix, listed before a suffixed one
    (「某县沿江、车厩公社」: 沿江): two to four characters after the divisions that place it."""
    text = r.text
    a = _strip_head(r, i0, i1, names)
    if i1 >= len(text) or text[i1] != "、":
        return None
    while r.division_by_start.get(a) is not None and r.division_by_start[a].end < i1:
        a = r.division_by_start[a].end
    nxt = re.match(rf"[{HAN}]{{2,4}}?(?:公社|乡|镇)", text[i1 + 1:i1 + 12])
    m = re.fullmatch(rf"(?P<county>[{HAN}]{{1,5}}?[县市旗])?(?P<stem>[{HAN}]{{2,4}})", text[a:i1])
    if nxt is None or m is None or not (m.group("county") or r.division_by_end.get(a)) or r.titles_in(a, i1):
        return None
    return NameAt(m.group("stem"), a + m.start("stem"))


def _election(inner: str) -> bool:
    """「1999.01当选」: a parenthesis that only dates an election of a title on the line."""
    when = date_at(inner.strip(), 0)
    return when is not None and bool(re.fullmatch(r"\s*(?:当选|选举|任命|转正|正式当选)\s*", inner.strip()[when.end_pos:]))


def _has_title(r: Reader, a: int, b: int) -> bool:
    piece = r.text[a:b]
    return bool(r.titles_in(a, b)) or any(t in piece for t in RESUME_TITLES) or bool(
        re.search(r"(?:长|员|主任|书记|指挥|经理|师|记|组长|主席|委员)$", _TAIL.sub("", piece)))


def _date_posts(item: Item, groups: list[list[SpellMention]], form: str, text: str = "") -> list[SpellMention]:
    """Give an item's posts its dates: every post a line's range or start; in a sequence (「1984年
    起任A、B，C」) the date starts the posts of the first clause (``seq`` "head"; resolution keeps
    it for those in the first post's division that are not its promotions) and the last post takes
    the end (``seq`` "last"); posts no longer held (「2012年7月起不再担任……」) end at the date."""
    from dataclasses import replace

    posts = [s for g in groups for s in g]
    when = item.when
    if not posts:
        return []
    if form == "current":
        return [replace(s, current=s.form != "ended") for s in posts]
    if form == "undated":
        until = next((f[6:] for f in item.flags if f.startswith("until:")), None)
        rest = text[posts[-1].evidence.end:item.end]
        if until and rest.strip() and not _TAIL.fullmatch(rest):
            until = None  # the succession's last post is not the six bodies' (「……、某省青联主席等职」)
        if until and len(posts) >= 2 and "兼" in text[posts[-2].evidence.end:posts[-1].evidence.start + 2]:
            until = None  # 「……司长兼某中心主任等职」: held along with the post before, no end of its own
        return [replace(s, end=until if s is posts[-1] else None,
                        flags=tuple(f for f in s.flags if not f.startswith("until:")) + ("undated", "in_sequence")
                        + (("end_inferred",) if until and s is posts[-1] else ())) for s in posts]
    start, end = (when.start, when.end) if when else (None, None)
    if form == "ended":
        return [replace(s, end=start) for s in posts]
    current = bool(when and when.open)
    head = groups[0] if groups else []
    if not item.sequence or (len(posts) == 1 and head):
        return [replace(s, start=start, end=end, current=current) for s in posts]
    out = []
    for s in posts:
        last = s is posts[-1]
        seq = ("head-last" if last else "head") if s in head else ("last" if last else "")
        out.append(replace(s, start=start if s in head else None, end=end if last else None,
                           current=current and last, flags=s.flags + ("in_sequence",), seq=seq))
    return out


def _paren_posts(r: Reader, item: Item, n: int, p0: int, p1: int, line_posts: list[SpellMention],
                 names: tuple[str, ...] = ()) -> list[SpellMention]:
    """A parenthesis of a career item: study (nothing), a dated post of its own (兼任, 挂职, a work
    team), a date of an election on the line (nothing), or a further title of the line's body."""
    from dataclasses import replace

    text = r.text
    out: list[SpellMention] = []
    inner = text[p0:p1]
    body_text = re.sub(r"^(?:其间|其間|期间|期間|其中)[:：,，]?", "", inner)
    offset = p0 + len(inner) - len(body_text)
    for part in re.finditer(r"[^;；]+", body_text):
        a, b = offset + part.start(), offset + part.end()
        while a < b and text[a] in " \t\n,，:：":
            a += 1
        when = date_at(text, a)
        rel = _RELATIVE.match(text, a) if when is None and item.when is not None and item.when.start else None
        if rel is not None:  # 「（同年12月起任某县委书记）」: a date counted from the item's
            y = int(item.when.start[:4]) + (0 if rel.group("rel") in ("同年", "当年") else 1)
            value = f"{y}-{cn_number(rel.group('m')):02d}" if rel.group("m") else str(y)
            when = DateExpr(value, None, _AFTER_DATE.match(text, rel.end()).end())
        seg = text[a:b]
        if STUDY.search(seg):
            continue
        start = when.end_pos if when else a
        after = re.match(r"[ \t,，]*", text[start:b])
        start += after.end() if after else 0
        flags: tuple[str, ...] = ()
        if re.search(r"兼", seg):
            flags += ("concurrent",)
        if re.search(r"挂职|下派|工作队", seg):
            flags += ("secondment",)
        chain: list[Segment] = []
        before = [s for s in line_posts if s.evidence.end <= p0]
        for i0, i1, _ in _pieces(r, start, b, []):
            post = _post(r, i0, i1, chain, {}, names, inherit=line_posts[-1].body if line_posts else None)
            if post is None:
                continue
            body, title, pflags = post
            role = _role(Segment(body, title, True, i0))
            s = SpellMention(item.person, role, body, r.evidence(i0, i1, item.clause), flags=item.flags + flags + pflags,
                             item=n, form="aside")
            if when is not None:
                out.append(replace(s, start=when.start, end=when.end, current=when.open))
            elif not flags and before:  # 「发改委副主任（党组成员）」: the dates of the post before it
                prev = max(before, key=lambda x: x.evidence.end)
                out.append(replace(s, start=prev.start, end=prev.end, current=prev.current, form=prev.form,
                                   seq=prev.seq, flags=s.flags + tuple(f for f in prev.flags if f == "in_sequence")))
    return out


_INNER_VERB = re.compile(r"(?:出任|担任|调任|转任|升任|改任|接任|任命为|(?<![主责兼信])任)(?=[\u4e00-\u9fff])")
_BODY_IN = r"委|政府|人大|政协|局|厅|办|部|处|室|司|署|院|校|团|公司|中心"


def _strip_head(r: Reader, i0: int, i1: int, names: tuple[str, ...]) -> int:
    """Where a piece's post begins: after its verbs (任, 出任, 当选为 ...) and the subject's name."""
    text = r.text
    a = i0
    while True:
        k = a
        for name in names:  # the subject's name first: 「任某某」 is a name, not the verb 任
            if text.startswith(name, k):
                k += len(name)
        head = _HEAD.match(text, k, i1)
        k = head.end() if head else k
        m = re.match(r"接替[\u4e00-\u9fff]{2,3}(?=[,，]|$)", text[k:i1])
        if m:
            k += m.end()
        if k == a:
            break
        a = k
    for name in names + ("他", "她"):  # 「……会议选举某某为某省省长」「代理省长3个月的某某当选某省省长」: the post after the name
        m = re.search(rf"(?:选举|补选|任命|决定任命){re.escape(name)}(?:同志)?为|{re.escape(name)}(?:同志)?(?:被任命为|当选为|当选|出任|就任)",
                      text[a:i1])
        if m is not None:
            a += m.end()
            break
    verb = None
    for v in _INNER_VERB.finditer(text, a, i1):
        verb = v
    if verb is not None and verb.start() > a:
        before = text[a:verb.start()]
        if not r.titles_in(a, verb.start()) and not re.search(_BODY_IN, before) and len(before) <= 12:
            return verb.end()
    return a


def _post(r: Reader, i0: int, i1: int, chain: list[Segment], bodies_of_kind: dict[str, BodyMention],
          names: tuple[str, ...] = (), inherit: BodyMention | None = None, carry: BodyMention | None = None,
          other: list[int] | None = None, after_other: bool = False
          ) -> tuple[BodyMention, lx.Title, tuple[str, ...]] | None:
    """The body and title of the piece ``[i0, i1)``: its verbs and tails stripped, its title at the
    end, its body read before the title or carried from the chain."""
    text = r.text
    a = _strip_head(r, i0, i1, names)
    tail = _TAIL.search(text, a, i1)
    b = tail.start() if tail else i1
    if b <= a:
        return None
    t = _title_at_end(text, a, b)
    if t is None:
        return None
    flags = ("rank",) if t.title.role in RANKS else ()
    if inherit is not None and not chain:
        chain.append(Segment(inherit, t.title, True, a))
    if carry is not None and t.start == a and not chain and carry.kind in t.title.kinds:
        chain.append(Segment(carry, t.title, True, a))  # a bare title: the body of the item before
    acting = re.match(r"代理(?=[\u4e00-\u9fff])", text[a:t.start]) if t.title.role in ("主席", "副主席") else None
    if acting is not None:  # 「决定其代理自治区主席」: the acting chairman (代理主席)
        a += 2
        t = TitleAt(t.start, t.end, "代理" + t.text, lx.Title("代理" + t.text, "代理" + t.title.role, t.title.kinds))
    region = text[a:t.start]
    if t.title.role.endswith("主席") and t.title.role != "主席团主席" and (region == "自治区" or (
            a in r.division_by_start and r.division_by_start[a].end == t.start and region.endswith("自治区"))):
        # 「内蒙古自治区副主席」「任命某某为自治区主席」: an autonomous region's chairman is its government's
        body = BodyMention("政府", a, names=(NameAt(region, a),) if region != "自治区" else (),
                           level="自治区" if region == "自治区" else None, written=region)
        chain.append(Segment(body, t.title, True, a))
        return body, t.title, flags
    mids = list(_MID_VERB.finditer(text, a, t.start))
    if mids:
        # 「到某厅某局挂职担副局长」「某部挂职任某司副司长」: the unit is around the verb
        mv = mids[-1]
        body = _fallback_body(r, a, text[a:mv.start()] + text[mv.end():t.start], t, chain)
        if body is None:
            return None
        chain.append(Segment(body, t.title, True, a))
        return body, t.title, flags
    region = text[a:t.start]
    town = _township(r, a, region, t, chain)
    if town is not None:
        chain.append(Segment(town, t.title, True, a))
        return town, t.title, flags
    if _foreign_in(region) and not _is_division_word(r, a, t.start):
        chain.clear()
        bodies_of_kind.clear()  # 「共青团某市委副书记、党组成员」: the Party group is the league's
        if other is not None:
            other.append(a)
        return None
    early = _unknown_division(r, a, t, chain)
    if early is None and t.title.role in ("专员", "副专员") and not text[a:t.start].strip() and chain \
            and chain[-1].body is not None and chain[-1].body.kind == "党委" and chain[-1].body.committee is None \
            and chain[-1].body.written.endswith("地委"):
        early = chain[-1].body.but(kind="政府")  # 「某地委副书记、专员」: the prefecture's 行署
    if early is None and t.title.implies_body and any(x.start == a and x.end == t.start for x in r.analysis.bare):
        early = _merged_level(r, a, region, t)  # 「当选贵州省长」: 贵州 + 省长, before any other reading
    if early is not None:  # 「某县县委委员」 for a county the gazetteer knows under another name now
        body = early
    else:
        seg = segment_for(r, a, t, chain, bodies_of_kind)
        body = seg.body if seg.valid and seg.body is not None else None
        if body is not None and body.start < a and r.divisions_in(a, t.start):
            body = None  # a unit named with its own division (「湖北省商务厅」) is not the chain's
        if body is None:
            body = _fallback_body(r, a, region, t, chain) or _merged_level(r, a, region, t)
            grade = _GRADE.search(region)
            if body is None and grade is not None and grade.start() > 0:  # 「某署办公室正处级秘书」: a grade before the title
                body = _fallback_body(r, a, region[:grade.start()], t, chain)
            if body is None:
                return None
            if after_other and body.level == "nation" and body.committee and _MINISTRY.match(region):
                if other is not None:  # a unit named alone after a post of another organisation is its unit
                    other.append(a)
                return None
    chain.append(Segment(body, t.title, True, a))
    bodies_of_kind[body.kind] = body
    return body, t.title, flags


_GRADE = re.compile(r"[正副](?:处|科|厅|局|县|部|司|地|师|团)级$")
_MID_VERB = re.compile(r"挂职担任|挂职任|挂职担|挂职|挂任|下派到|下派任|任职|(?<=[局厅委部办室处司署])任")
_SUFFIX = r"(?:地区|自治州|自治县|自治旗|自治区|特别行政区|省|县|市|区|州|盟|旗|林区|特区)"
_WORD = "|".join(sorted(map(re.escape, _BODY_WORDS), key=len, reverse=True))
_LEVEL_DEPT = re.compile(rf"^(?P<lv>[省市县区州])(?P<w>委|政府|人民政府)(?P<rest>[{HAN}]+)$")
_CENTRAL = re.compile(rf"^(?:中共)?中央(?P<c>[{HAN}]{{2,12}}?(?:室|部|委员会|委|办公室|办|组|校))$")


#: A township, a commune or a county's district of the past (「某县某乡」「某公社」「某县某区委」), which the
#: gazetteer does not list: a division of its own (NOTES rule 14), kept as printed.
_TOWN = re.compile(rf"(?P<county>[{HAN}]{{1,5}}?[县市旗])?(?P<town>[^\W县市省区乡镇旗]{{1,6}}?(?:乡|镇|公社|街道|(?<=[{HAN}]{{2}})区))"
                   rf"(?P<w>党委|委|革委会|革委|人大主席团|人大|人民政府|政府)?$")
TOWNSHIP = "乡"  # the level a township's body carries (:func:`kg.careers.resolved` keeps it as printed)
#: the level of a body of a county or prefecture the gazetteer does not know under its printed name,
#: printed inside divisions it does know (「吉林省洮安县委」「湖北省郧阳地区行署」): kept as printed too
AS_PRINTED = "旧"
_TOWN_WORDS = ("", "党委", "委", "革委会", "革委", "人大主席团", "人大", "人民政府", "政府")


def _township(r: Reader, a: int, region: str, t: TitleAt, chain: list[Segment]) -> BodyMention | None:
    """The body of a township's post (「某县某乡党委书记」「某镇长」「某公社革委会主任」「某县某区委副书记」),
    or of a further title after one (「……镇党委副书记、镇长、人大主席」)."""
    k = 0
    while region.startswith("中共", k) or (r.division_by_start.get(a + k) is not None
                                          and r.division_by_start[a + k].end <= a + len(region)):
        k = k + 2 if region.startswith("中共", k) else r.division_by_start[a + k].end - a
    rest = region[k:]
    names: tuple[NameAt, ...] = r.division_names_before(a + k, a) if k else ()
    m = _TOWN.fullmatch(rest)
    if m is not None:
        at = a + k + m.start("town")
        district = m.group("town").endswith("区")
        if r.divisions_in(at, a + k + m.end("town")) or (district and any(x.start == at for x in r.analysis.bare)):
            return None  # a division the gazetteer knows (鼓楼区), or a district named by a stem of one
        if district and not (m.group("county") or names):
            return None  # a district of a county of the past needs its county printed
        if m.group("county"):
            names += (NameAt(m.group("county"), a + k + m.start("county")),)
        name, word = NameAt(m.group("town"), at), m.group("w") or ""
    else:
        base = next((sg.body for sg in reversed(chain) if sg.valid and sg.body is not None), None)
        if base is None or base.level != TOWNSHIP or rest not in _TOWN_WORDS:
            return None
        names, name, word = base.names[:-1], base.names[-1], rest
    role = t.title.role
    head = role.lstrip("副")
    if word in ("党委", "委") or (not word and role in ("书记", "副书记", "委员")):
        kind, committee = ("党委", None) if role in ("书记", "副书记", "委员", "常委") else (None, None)
    elif word.startswith("革委"):
        kind, committee = ("政府", "革委会") if head in ("主任",) else (None, None)
    elif word.startswith("人大"):
        kind, committee = ("人大", None) if head in ("主席", "主任") else (None, None)
    else:
        level = name.text[-1] if name.text[-1] in "乡镇区" else None
        kind, committee = ("政府", None) if level and head == level + "长" else (None, None)
    if kind is None:
        return None
    return BodyMention(kind, names[0].start if names else name.start, names=names + (name,), level=TOWNSHIP,
                       committee=committee, written=region)


def _merged_level(r: Reader, a: int, region: str, t: TitleAt) -> BodyMention | None:
    """「辞去北京市长职务」「浙江台州市长」「高台副县长」: a short name whose level word is the title's
    (北京 + 市长 for 北京市 市长); the short name must be one the analysis reads as a place."""
    # 山东 + 代省长, 高台 + 副县长 (常务副县长): the title's level, not its first character
    level = t.title.level if t.title.level and t.text[:1] not in "省市县区州" else t.text[:1]
    if level not in "省市县区州" or not t.title.implies_body or not 2 <= len(region) <= 6:
        return None
    k = a + len(region)
    short = [x for x in r.analysis.bare if a <= x.start and x.end == k] + [d for d in r.divisions if a <= d.start and d.end == k]
    if not short:
        return None
    start = min(x.start for x in short)
    return BodyMention(t.title.kinds[0], start, names=(NameAt(r.text[start:k] + level, start),), written=r.text[a:t.end])


def _past_division(r: Reader, a: int, t: TitleAt) -> BodyMention | None:
    """A body of a county or prefecture of the past printed inside divisions the gazetteer knows
    (「吉林省洮安县委常委」「湖北省郧阳地区行署办公室科员」): the unknown name kept as printed."""
    region = r.text[a:t.start]
    k = 0
    while region.startswith("中共", k) or (r.division_by_start.get(a + k) is not None
                                          and r.division_by_start[a + k].end <= a + len(region)):
        k = k + 2 if region.startswith("中共", k) else r.division_by_start[a + k].end - a
    prefix = r.division_names_before(a + k, a) if k else ()
    m = re.match(rf"([{HAN}]{{1,5}}?(?:地区|县|市|旗))(?={_WORD})", region[k:])
    if not prefix or m is None or r.divisions_in(a + k, a + k + m.end()) or m.group(1).startswith(("省", "市", "县")):
        return None
    rest = region[k + m.end():]
    word = re.match(_WORD, rest).group(0)
    kind = _kind_of_word(word)
    committee = "行署" if word == "行署" else ("革委会" if word.startswith("革委") else None)
    more = rest[len(word):]
    if more:
        if not _DEPARTMENT.match(more):
            return None
        committee = (committee or "") + more
    if kind is None or (kind not in t.title.kinds and t.title.role not in ("主任", "副主任")):
        return None
    return BodyMention(kind, a + k, names=prefix + (NameAt(m.group(1), a + k),), level=AS_PRINTED,
                       committee=committee, written=region)


#: a level word alone (「自治区」「自治州」), no name of a division
_LEVEL_ONLY = re.compile(r"自治(?:区|州|县|旗)|特别行政区")


def _unknown_division(r: Reader, a: int, t: TitleAt, chain: list[Segment]) -> BodyMention | None:
    """A body word right after a suffixed name the analysis does not know as a division."""
    past = _past_division(r, a, t)
    if past is not None:
        return past
    m = re.match(rf"(?:中共)?([{HAN}]{{1,5}}?{_SUFFIX})(?:{_WORD})", r.text[a:t.start])
    if m is None or _LEVEL_ONLY.fullmatch(m.group(1)):
        return None  # 「自治区政协」: a level word alone, the level the resolver places
    end = a + m.end(1)
    if r.division_names_before(end, a) or any(d.start < end and d.end > a for d in r.divisions):
        return None
    return _fallback_body(r, a, r.text[a:t.start], t, chain)


def _is_division_word(r: Reader, a: int, b: int) -> bool:
    """Are the other-organisation words of ``[a, b)`` inside division names (乡 in 乡宁县)?"""
    text = r.text
    masked = list(text[a:b])
    for m in r.divisions_in(a, b):
        masked[m.start - a:m.end - a] = "\0" * (m.end - m.start)
    for fs, fm in r.formal.items():  # 「中国人民政治协商会议某省委员会」: 商会 in it is no chamber of commerce
        if a <= fs and fm.end() <= b:
            masked[fs - a:fm.end() - a] = "\0" * (fm.end() - fs)
    for w in BODY_WORD.finditer(text, a, b):  # 「国务院」: 院 in a body's own name
        masked[w.start() - a:w.end() - a] = "\0" * (w.end() - w.start())
    rest = "".join(masked)
    return not _foreign_in(rest)


def _fallback_body(r: Reader, a: int, region: str, t: TitleAt, chain: list[Segment]) -> BodyMention | None:
    """Bodies résumés name in ways news rarely does (``region``: the words before the title, from
    ``a``): a division the gazetteer has under another name now (「某县县委」 for a county since
    made a district), a prefecture's 地委 and 行署, 革委会, a division and a department
    (「某省统计局」), a level word and a department (「省委农村政策研究室」), a central organ
    (「中央政策研究室」), a ministry (「人事部」), a body word alone after a chain (「、行署专员」)."""
    title = t.title
    while region[:1] in ("到", "在", "赴", "调", "去"):
        a, region = a + 1, region[1:]
    for fs, fm in r.formal.items():  # 「中国人民政治协商会议某省委员会常务委员」
        if a <= fs and fm.end() == a + len(region) and "政协" in title.kinds:
            return BodyMention("政协", fs, names=r.formal_names(fm), written=region)
    written = region
    base = next((sg.body for sg in reversed(chain) if sg.valid and sg.body is not None), None)
    if region in ("行署", "革委会", "革委", "政府", "人民政府") and base is not None:
        committee = "行署" if region == "行署" else ("革委会" if region.startswith("革委") else None)
        return base.but(kind="政府", committee=committee) if "政府" in title.kinds else None
    if region in ("中央", "中共中央", "党中央") and title.level == "nation":
        return BodyMention(title.kinds[0], a, level="nation", committee=title.committee, written=written)
    c = _CENTRAL.match(region)
    if c and any(k in title.kinds for k in ("中央", "党委", "政府")):
        return BodyMention("中央", a, level="nation", committee="中央" + c.group("c"), written=written)
    if base is not None and _DEPARTMENT.match(region) and not region.startswith(("省", "市", "县", "区", "州")) \
            and base.committee and base.kind in title.kinds and not r.divisions_in(a, a + len(region)) \
            and not re.search(r"[省市县区州旗]委", region):
        return base.but(committee=base.committee + region)  # 「农村处副处长」 within the unit of the line
    lv1 = re.fullmatch(r"([省市县区州])(.+)", region)
    if lv1 and _DEPARTMENT.match(lv1.group(2)) and not lv1.group(2).startswith(("委", "政府", "人民政府")) \
            and "政府" in title.kinds:
        return BodyMention("政府", a, level=lv1.group(1), committee=lv1.group(2), written=written)
    lv = _LEVEL_DEPT.match(region)
    if lv and _DEPARTMENT.match(lv.group("rest")):
        kind = "党委" if lv.group("w") == "委" else "政府"
        if kind in title.kinds:
            return BodyMention(kind, a, level=lv.group("lv"), committee=lv.group("rest"), written=written)
    # the division: names the analysis knows, or a suffixed word it does not (a name of the past)
    k, names, unknown = 0, (), False
    while k < len(region):
        if region.startswith("中共", k):
            k += 2
            continue
        m = r.division_by_start.get(a + k)
        if m is not None and m.end <= a + len(region):
            names = r.division_names_before(m.end, a)
            unknown = False
            k = m.end - a
            continue
        u = re.match(rf"[{HAN}]{{1,6}}?{_SUFFIX}(?={_WORD}|[{HAN}]{{1,14}}(?:局|厅|委员会|委|办公室|办|署|处|室|部|司|科)$|$)",
                     region[k:])
        stem = re.match(rf"[{HAN}]{{2,4}}?(?=地委|行署)", region[k:])
        if u and not names and not _LEVEL_ONLY.fullmatch(u.group(0)):
            names, unknown = (NameAt(u.group(0), a + k),), True
            k += u.end()
            continue
        if stem and not names and any(x.start == a + k for x in r.analysis.bare):
            names, unknown = (NameAt(stem.group(0) + "地区", a + k),), True
            k += stem.end()
            continue
        break
    rest = region[k:]
    if names and re.fullmatch(r"(?:第[一二三四五六七八九十]+届)?(?:人民代表(?:大)?会常务委员会|人大常委会|人民代表(?:大)?会)", rest) \
            and "人大" in title.kinds:  # 「某省第十二届人民代表会常务委员会主任」
        return BodyMention("人大", names[0].start, names=names, written=written, unknown_name=unknown)
    if not names:
        mm = _MINISTRY.match(region)
        if mm and not r.divisions_in(a, a + len(region)) and "政府" in title.kinds:
            return BodyMention("政府", a, level="nation", committee=(mm.group("m") or mm.group("m2")) + (mm.group("u") or ""),
                               written=written)
        return None
    word = re.match(_WORD, rest)
    committee = None
    if word:
        w = word.group(0)
        kind = _kind_of_word(w)
        more = rest[word.end():]
        if w in ("行署", "革委会", "革委", "县革委会"):
            committee = "行署" if w == "行署" else "革委会"
        if w == "地委" and not names[-1].text.endswith("地区"):
            names = names[:-1] + (NameAt(names[-1].text + "地区", names[-1].start),)
            unknown = True
        if more:
            if not _DEPARTMENT.match(more):
                return None
            committee = (committee or "") + more
    elif rest:
        if not _DEPARTMENT.match(rest):
            return None
        kind = "党委" if rest.endswith(("组织部", "宣传部", "统战部", "政法委", "纪委")) else "政府"
        committee = rest
    elif title.role in _PARTY_TITLES:
        kind = "党委"
    elif title.implies_body:
        kind = title.kinds[0]
    else:
        return None
    if kind is None or (kind not in title.kinds and title.role not in ("主任", "副主任")):
        return None
    return BodyMention(kind, names[0].start, names=names, committee=committee, written=written, unknown_name=unknown)


def _kind_of_word(word: str) -> str | None:
    if word.endswith("委") and not word.endswith("革委"):
        return "党委"
    if "政府" in word or word in ("行署", "革委会", "革委", "县革委会"):
        return "政府"
    if "人大" in word:
        return "人大"
    if "政协" in word:
        return "政协"
    return None
