"""A document's own date, as its text prints it.

The forms, in the order they are tried (the first that gives a date wins):

* a full date in the first lines: 「2017年12月6日上午，……」, 「发布时间: 2018-09-25 10:26」, a line that
  is only a date (「2003年03月17日 17:05」), 「（2017年1月18日）」, in Chinese numerals too
  (「二〇二三年十一月七日」) — precision ``day``;
* the dateline's or the first sentence's month and day (「本报讯 11月7日」, 「中新社北京三月十七日电」,
  「1月12日下午，……」) with the year read from the rest of the text — flagged ``inferred``:

  - 「今年是新中国成立75周年」, 「庆祝人民政协成立70周年」: an anniversary of a known founding year;
  - 「全国政协十四届二次会议」, 「十四届全国人大二次会议」: a session of a national term (the national
    terms start in 1978, 1983, ... 2023, every five years);
  - the year of the text's own event (「2023年第9次会议」, 「2022年度重点工作」), when only one is named
    (a year named otherwise, 「2025年是……收官之年」, is as often the year before);

* nothing for a chronicle (大事记: two lines or more of the head start with a month and day), whose
  dates are its entries', not its own;
* nothing otherwise: a month and day whose year nothing tells stays as written
  (:attr:`TextDate.as_written`), never a guessed year.

>>> text_date("本报讯 2023年11月7日，县政协召开会议。").value
'2023-11-07'
>>> d = text_date("中新社北京三月十七日电 今年是新中国成立七十周年。")
>>> (d.value, d.inferred)
('2019-03-17', True)
>>> text_date("1月12日下午，县政协召开常委会议。").value is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..chinese import to_simplified

#: Characters of numbers written in Chinese (〇 and 0 both serve as zero: 「二00三年」).
_CN_DIGITS = {"〇": 0, "零": 0, "0": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇零○一二三四五六七八九十0"

#: How many characters of the text's start count as "the first lines" for a full date.
HEAD_CHARS = 400
#: How many lines of the text's start hold its dateline.
HEAD_LINES = 4

_YEAR = rf"(?P<y>(?:19|20)\d\d|[一二][{_CN}]{{3}})"
_MONTH = rf"(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})"
_DAY = rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})"
# 2023年11月7日 / 2023-11-07 / 2023/11/07 / 2023.11.07: one separator throughout, so that a range
# 「1998.10-2002.10」 is not read as 1998-10-20
_FULL = re.compile(
    rf"{_YEAR}[ \t]*年[ \t]*{_MONTH}[ \t]*月[ \t]*{_DAY}[ \t]*[日号]"
    r"|(?P<y2>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?![\d.])"
)
_MONTH_DAY = re.compile(rf"(?<![\d年{_CN}]){_MONTH}[ \t]*月[ \t]*{_DAY}[ \t]*[日号]")

#: Founding years of what news counts anniversaries from (「新中国成立75周年」).
FOUNDINGS = {
    "新中国": 1949, "中华人民共和国": 1949, "人民政协": 1949, "中国人民政治协商会议": 1949,
    "中国共产党": 1921, "建党": 1921, "改革开放": 1978, "香港回归": 1997, "澳门回归": 1999,
    "抗战胜利": 1945, "抗日战争胜利": 1945, "中国人民解放军": 1927, "建军": 1927, "五四运动": 1919,
}
_ANNIVERSARY = re.compile(
    r"(?P<what>新中国|中华人民共和国|人民政协|中国人民政治协商会议|中国共产党|改革开放|香港回归|澳门回归|"
    r"抗日战争胜利|抗战胜利|中国人民解放军|五四运动|建党|建军)(?:成立|建立|创立|召开)?"
    rf"(?P<n>\d{{1,3}}|[{_CN}]{{1,4}})\s*周年"
)
#: The first year of each national term of the CPPCC and the NPC (5th: 1978, then every five years).
NATIONAL_TERMS = {5: 1978, 6: 1983, 7: 1988, 8: 1993, 9: 1998, 10: 2003, 11: 2008, 12: 2013, 13: 2018,
                  14: 2023, 15: 2028}
_NATIONAL_SESSION = re.compile(
    rf"(?:全国政协|全国人大|政协全国委员会)第?(?P<t>[{_CN}\d]{{1,3}})届(?:全国委员会)?第?(?P<s>[{_CN}\d]{{1,2}})次(?:会议|全体会议)"
    rf"|第?(?P<t2>[{_CN}\d]{{1,3}})届全国(?:人大|人民代表大会|政协|委员会)第?(?P<s2>[{_CN}\d]{{1,2}})次(?:会议|全体会议)"
)
# a year the text's own event is counted in: 「2023年第9次会议」「2022年度重点工作」「今年（2023年）」
# (a year's 「年度」 is the text's own only where work is planned or carried out in it: 「2020年度优秀委员」
# 「表彰2022年度先进」 look back on the year before)
_OWN_YEAR = re.compile(rf"(?<![\d.\-/])((?:19|20)\d\d)[ \t]*年(?:第[{_CN}\d]{{1,3}}次|度(?=重点|集中|专题|协商计划|工作要点)|[)）])")


#: a line that starts with a month and day, as a chronicle's entries do (「1月5日 市委书记……」)
_ENTRY = re.compile(rf"^[ \t]*{_MONTH}[ \t]*月[ \t]*{_DAY}[ \t]*[日号][ \t]", re.M)


@dataclass(frozen=True)
class TextDate:
    """What the text says about its own date: ``value`` (``YYYY-MM-DD``, or None), whether its year
    was ``inferred`` from context, the words that gave it (``written``) and ``as_written`` for a
    month and day whose year nothing tells (「1月12日」)."""

    value: str | None
    inferred: bool = False
    written: str = ""
    as_written: str | None = None
    reason: str = ""  # how the year was inferred

    @property
    def precision(self) -> str:
        return precision_of(self.value)


def precision_of(value: str | None) -> str:
    """``day``, ``month`` or ``year`` for ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``; "" for None.

    >>> precision_of("2011-02"), precision_of("2011"), precision_of(None)
    ('month', 'year', '')
    """
    if not value:
        return ""
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "")


def cn_number(text: str) -> int | None:
    """A number in digits or Chinese numerals: 「十七」 17, 「二十」 20, 「三十一」 31, 「二〇二三」 2023,
    「一九九0」 1990.

    >>> cn_number("十七"), cn_number("二十"), cn_number("二〇二三"), cn_number("一九九0"), cn_number("12")
    (17, 20, 2023, 1990, 12)
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit() and text.isascii():
        return int(text)
    if "十" in text:
        head, _, tail = text.partition("十")
        tens = _CN_DIGITS.get(head, None) if head else 1
        ones = _CN_DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None or len(head) > 1 or len(tail) > 1:
            return None
        return tens * 10 + ones
    digits = [_CN_DIGITS.get(c) for c in text]
    if any(d is None for d in digits):
        return None
    n = 0
    for d in digits:
        n = n * 10 + d
    return n


def _ymd(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None or not (1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _head(text: str) -> str:
    lines = text.split("\n")
    head = "\n".join(lines[:8])
    return head[:HEAD_CHARS]


def text_date(text: str) -> TextDate:
    """The document's date from its text (see the module docstring)."""
    text = to_simplified(text)
    head = _head(text)
    for m in _FULL.finditer(head):
        if m.group("y") is not None:
            value = _ymd(cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d")))
        else:
            value = _ymd(int(m.group("y2")), int(m.group("m2")), int(m.group("d2")))
        if value:
            return TextDate(value, written=m.group(0))
    dateline = "\n".join(head.split("\n")[:HEAD_LINES])
    if len(_ENTRY.findall(head)) >= 2:
        return TextDate(None)  # a chronicle (大事记): its lines' dates are its entries', not its own
    for m in _MONTH_DAY.finditer(dateline):
        month, day = cn_number(m.group("m")), cn_number(m.group("d"))
        if _ymd(2000, month, day) is None:
            continue
        year, reason = infer_year(text)
        if year is None:
            return TextDate(None, written=m.group(0), as_written=m.group(0))
        return TextDate(_ymd(year, month, day), inferred=True, written=m.group(0), reason=reason)
    return TextDate(None)


def infer_year(text: str) -> tuple[int | None, str]:
    """The year a text is written in, from what it says: an anniversary, a national session, or
    its only year; ``(None, "")`` when nothing tells or two clues disagree.

    >>> infer_year("在庆祝人民政协成立70周年之际")
    (2019, '人民政协成立70周年')
    >>> infer_year("全国政协十四届二次会议期间")
    (2024, '全国政协十四届二次会议')
    >>> infer_year("召开2023年第9次会议")
    (2023, '2023年')
    >>> infer_year("2021年以来，2025年是收官之年")
    (None, '')
    """
    clues: list[tuple[int, str]] = []
    for m in _ANNIVERSARY.finditer(text):
        n = cn_number(m.group("n"))
        if n:
            clues.append((FOUNDINGS[m.group("what")] + n, m.group(0)))
    for m in _NATIONAL_SESSION.finditer(text):
        term = cn_number(m.group("t") or m.group("t2"))
        session = cn_number(m.group("s") or m.group("s2"))
        if term in NATIONAL_TERMS and session and 1 <= session <= 5:
            clues.append((NATIONAL_TERMS[term] + session - 1, m.group(0)))
    if clues:
        years = {y for y, _ in clues}
        return (clues[0][0], clues[0][1]) if len(years) == 1 else (None, "")
    years = {int(y) for y in _OWN_YEAR.findall(text)}
    if len(years) == 1:
        year = years.pop()
        return year, f"{year}年"
    return None, ""


_ISO = re.compile(r"^\s*((?:19|20)\d\d)(?:[-/.年]\s*(\d{1,2})(?:[-/.月]\s*(\d{1,2})日?)?月?)?\s*(?:年)?(?:[T\s].*)?$")


def parse_date(text: str) -> str | None:
    """A date as a manifest or a page's metadata writes it -> ISO at its precision, or None.

    >>> parse_date("2012-09-25"), parse_date("2011-02"), parse_date("2011"), parse_date("2019/5/21")
    ('2012-09-25', '2011-02', '2011', '2019-05-21')
    >>> parse_date("2018-09-25T10:26:00+08:00"), parse_date("2012年9月25日"), parse_date("soon")
    ('2018-09-25', '2012-09-25', None)
    """
    m = _ISO.match(text or "")
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is None:
        return y
    if not 1 <= int(mo) <= 12:
        return None
    if d is None:
        return f"{y}-{int(mo):02d}"
    return _ymd(int(y), int(mo), int(d))
