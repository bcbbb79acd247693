"""Resolution: mentions + the gazetteer -> records, or an explicit unresolved record and why.

This is the one stage that decides which division a body belongs to. A document's
:class:`DivisionContext` collects its division *anchors* — every place where the text names a
division: full names (张掖市高台县, 天祝县), and bare short forms where the layout makes them
unambiguous (the dateline 「本报两当讯」, 「鹿城政协」 in a headline). A bare 「县政协」 at position
p is then resolved to the county-level anchor a careful reader would take: the nearest earlier one
in the same news item (items are delimited by datelines and paragraph heads), then in the
document, then the only one of its kind. Derived anchors stand in where the text names a county but
says 「市政协」: the county's city is the city meant.

Where nothing fits, nothing is returned: no fact is better than a wrong fact. :func:`resolve`
keeps every office it cannot place as an :class:`~kg.records.Unresolved` record with the reason,
so that a resolution miss can be seen, counted and fixed apart from an extraction miss.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import urlsplit

from .gazetteer import PROVINCE_ABBREVIATIONS, Division, Gazetteer
from .gazetteer import load as load_gazetteer
from .layout import item_breaks
from .nlp import Analysis, Match
from .records import (
    NATIONAL,
    Body,
    BodyMention,
    DivisionMention,
    DivisionRef,
    Extraction,
    Meeting,
    Mentions,
    Office,
    Unresolved,
)

# which anchors a level word (县 in 县政协) can mean
_SUFFIX_OK = {
    "县": lambda d: d.level == "county" and d.name.endswith("县"),
    "区": lambda d: d.level == "county" and d.kind == "市辖区",
    "市": lambda d: d.name.endswith("市"),
    "省": lambda d: d.level == "province" and d.name.endswith("省"),
    "自治区": lambda d: d.level == "province" and d.kind == "自治区",
    "州": lambda d: d.kind == "自治州",
    "旗": lambda d: d.kind in ("旗", "自治旗"),
    "盟": lambda d: d.kind == "盟",
    "林区": lambda d: d.kind == "林区",
    "特区": lambda d: d.kind == "特区",
    "地区": lambda d: d.kind == "地区",
    "特别行政区": lambda d: d.kind == "特别行政区",
}


# a body named by its level word alone (「自治区政协」「县委」)
_LEVEL_BODY = re.compile("(自治区|地区|林区|特区|[省市县区州旗盟])(?:政协|人大|政府|委)")
# what a site adds to a division's pinyin in its host: 「gaotaizx」「zxgaotai」「gaotaixian」
_SITE_AFFIXES = ("zhengxie", "zxw", "zx", "xian", "shi", "qu", "qi", "meng", "zhou", "diqu", "rd", "news", "xw", "gov")
# members residing in a province, by its one-character abbreviation: 「住宁全国政协委员」「住琼省政协委员」
_RESIDENT = re.compile("住([" + "".join(PROVINCE_ABBREVIATIONS) + "])(?=(?:全国|省|区)?(?:政协|人大))")
# the other side of a meeting: 「与广东省政协进行对口交流」「同乙县政协签订结对协议」
_WITH = ("与", "同", "跟", "和")
_EXCHANGE = re.compile(r"[^，,；;。！？\n]{0,14}?(?:交流|座谈|对接|签订|签署|结对|联谊|会谈|洽谈|合作)")
# what follows a division that names a body: 「某某县政协」「某某市委」「某某区人民政府」
_BODY_AFTER = ("政协", "人大", "人民代表大会", "政府", "人民政府", "委", "党委", "纪委", "行署", "工委")
# a bare county short form seen as a word more often than this in jieba's dictionary is an
# ordinary word too often to place a text (和平 7998, 新兴 1215; 西昌 83, 大丰 16)
_FAINT_FREQUENCY = 100

# a place named right after a verb of going there, and a visitor coming to the writer's place:
# going there (the writer stays home) and coming here (the writer is where they come: 「甲县政协考察团
# 来乙县考察。县政协主席丙陪同」 is written in 乙县, and 丙 is 乙县's)
_GOING = re.compile(r"(?:赴|到|走进|前往|深入|抵达|奔赴|远赴)(?:中共)?$")
_ARRIVAL = re.compile(r"(?<![以未原本近将从后带起出回过进上下])(?:来|莅临|莅)(?:中共)?$")
_ARRIVAL_AHEAD = re.compile(r"[^，,。；;！？\n]{0,16}?(?<![以未原本近将从后带起出回过进上下])(?:来|莅临|莅)(?=[\u4e00-\u9fff]{2})")
_HOSTED = re.compile(r"(?:到|赴|来|莅临|莅)(?:我|本)[省市县区州旗盟]")
# an outlet named after a place: 「海南日报」「河北新闻网」
_OUTLET = re.compile("日报|晚报|新闻网|电视台|广播电视台|融媒|在线|网")
# a special administrative region by its abbreviation after a verb of being or going there: 「在澳期间」「访港」
_IN_REGION = re.compile("(?:在|来|访|赴|抵|驻|莅|返|离)([港澳])(?![区澳台])")
_VISITOR = re.compile(r"[^，,。；;！？\n]{0,16}?(?:到|赴|来|莅临|莅)(?:我|本)[省市县区州旗盟]")


def national() -> DivisionRef:
    return DivisionRef(NATIONAL, NATIONAL, None, "nation")


def to_ref(d: Division, written: str | None = None, gaz: Gazetteer | None = None) -> DivisionRef:
    gaz = gaz or load_gazetteer()
    if not d.code:  # a division as the text writes it, not in the gazetteer
        return flagged_ref(d.name, gaz)
    parent = gaz.get(d.parent)
    province = gaz.get(d.province)
    written = written if written and written[-1] in "省市县区州旗盟" else d.name
    return DivisionRef(
        name=d.name,
        written=written,
        code=d.code,
        level=d.level,
        kind=d.kind,
        parent=parent.code if parent else None,
        parent_name=parent.name if parent else None,
        province=province.code if province else None,
        province_name=province.name if province else None,
    )


def flagged_ref(written: str, gaz: Gazetteer | None = None) -> DivisionRef | None:
    """A division the gazetteer does not know as written (陇西市, 吐鲁番地区), kept as written when
    its stem names a real division (陇西县, 吐鲁番市), whose parent and province it borrows."""
    gaz = gaz or load_gazetteer()
    m = re.fullmatch(r"([\u4e00-\u9fff]{2,8}?)(地区|自治州|自治县|市|县|区|州|旗|盟)", written)
    if not m:
        return None
    near = gaz.lookup(m.group(1))
    if len(near) != 1:
        return None
    d = near[0]
    parent = gaz.get(d.parent) if d.level == "county" else None
    province = gaz.get(d.province)
    return DivisionRef(
        name=written,
        written=written,
        code=None,
        level=d.level,
        kind="",
        parent=parent.code if parent else None,
        parent_name=parent.name if parent else None,
        province=province.code if province else None,
        province_name=province.name if province else None,
        flagged=True,
        note=f"not in the gazetteer as written; nearest: {d.name} ({d.code})",
    )


@dataclass(frozen=True)
class Anchor:
    pos: int
    end: int
    division: Division
    written: str
    derived: bool = False  # an ancestor of a named division, not itself named
    strong: bool = False  # a dateline, paragraph head or headline
    weak: bool = False  # a bare short form in running text (「陕西」): used when nothing better is
    away: bool = False  # a place visited (「赴乙县」) or a visitor's (「甲区政协考察团到我市」): never home
    faint: bool = False  # a county's bare short form in running text (「在西昌」): the last resort
    names_body: bool = False  # the name of a body (「陆丰市政协」「政协陆丰市委员会」), not a place
    # mentioned (「视察了陆丰市龙山中学」)
    ambiguous: bool = False  # one of several divisions a trusted bare form can be (「本报东港讯」:
    # 东港市 or 东港区): only a level word that fits one of them alone decides (「市政协」)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last comma, semicolon, full stop or line break)."""
    return max(text.rfind(c, 0, pos) for c in "，,；;。\n") + 1


class DivisionContext:
    """Division anchors of one document and the resolution of 「县/市/区/省」 words against them."""

    def __init__(self, analysis: Analysis, gaz: Gazetteer | None = None, hosts: bool = False):
        self.gaz = gaz or load_gazetteer()
        self.analysis = analysis
        self._hosted_elsewhere = hosts  # the article this text heads receives visitors
        # (clause start, verb, destination) of each 「…来乙县」: the visitors' clause before the verb
        # is not the destination's
        self._arrivals: list[tuple[int, int, int]] = []
        self.counterparts: set[str] = set()  # divisions whose bodies the subject meets (set by _collect)
        self._visitors: set[int] = set()  # where a visitors' own division is named (「甲市…来我市」)
        self._decided: dict[str, object] = {}  # level -> its test of ambiguous anchors (_decided_by)
        self._own_level_visits: set[str] = set()  # destinations a committee of their own level went to
        self._visitor_levels: dict[int, set[str]] = {}  # a destination's position -> the visitors' level words
        self._division_starts = {m.start for m in analysis.matches if m.kind == "division"} \
            | {m.start for m in analysis.bare}
        self.anchors: list[Anchor] = []
        self.breaks: list[int] = [0]  # starts of news items (set by _collect)
        self.mentions: list[tuple[Match, Division]] = []  # resolved full-name mentions
        self._collect()
        # at one position the named division comes last, so that a backward scan meets it first
        self.anchors.sort(key=lambda a: (a.pos, not a.derived))
        self._positions = [a.pos for a in self.anchors]

    # -- collection ---------------------------------------------------------------------------

    def _collect(self) -> None:
        a = self.analysis
        text = a.search
        divs = [m for m in a.matches if m.kind == "division"]
        # chains like 张掖市高台县 resolve their last element within the earlier ones
        previous: tuple[Match, Division] | None = None
        for m in divs:
            within = previous[1] if previous and previous[0].end == m.start else None
            d = self.choose(m.divisions, m.start, within)
            if d is None:
                previous = None
                continue
            self.mentions.append((m, d))
            self._add(m.start, m.end, d, m.text)
            previous = (m, d)
        covered = [(m.start, m.end) for m in divs]
        named = {d.code for _, d in self.mentions}
        # what places a county's bare short form as a last resort (_faint): divisions named in full
        # or by an unambiguous bare form
        placed = named | {b.divisions[0].code for b in a.bare if len(b.divisions) == 1}
        for m in a.bare:
            if any(s <= m.start < e for s, e in covered):
                continue
            if self._add_outdated(m, text):
                continue
            strong = self._bare_is_trusted(m, text)
            if strong is None and not (m.start in a.token_starts and m.end in a.token_ends):
                continue  # inside a word: 「玉林」 in the name 施玉林
            cands = m.divisions
            if len(cands) > 1 and sum(d.level == "province" for d in cands) == 1 \
                    and (strong is None or _OUTLET.match(text, m.end)):
                # a province's short form that a county or a prefecture shares (海南: 海南省, 海南区,
                # 海南藏族自治州; 河北区, 河南蒙古族自治县), in running text or naming an outlet (「海南日报讯」):
                # the province; a place's dateline (「本报海南讯」) leaves the level word to decide
                cands = [d for d in cands if d.level == "province"]
            if strong is None:
                # bare names of provinces and prefecture-level cities are distinctive enough, and
                # so is a county's when the document names its city (分宜 beside 新余市)
                cands = [d for d in cands if d.level in ("province", "prefecture")
                         or (d.parent in named and len(m.text) >= 2)]
                if not cands:
                    if self._faint(m, text, placed):
                        self._add(m.start, m.end, m.divisions[0], m.text, faint=True)
                    continue
            d = self.choose(cands, m.start, None)
            if d is not None:
                self._add(m.start, m.end, d, m.text, strong=bool(strong), weak=strong is None)
            elif strong:
                for c in cands:
                    self.anchors.append(Anchor(m.start, m.end, c, m.text, strong=True, ambiguous=True,
                                               away=self._is_away(m.start, m.end)))
        for m in _RESIDENT.finditer(text):  # 「住宁全国政协委员」: 宁夏's
            d = self.gaz.get(PROVINCE_ABBREVIATIONS[m.group(1)])
            if d is not None:
                self._add(m.start(1), m.end(1), d, d.name)
        self.breaks = item_breaks(text)
        self._away_everywhere()

    def _away_everywhere(self) -> None:
        """A destination visited by a committee of its own level (「自治区政协主席甲率团赴乙自治区」)
        is never home, wherever the text names it again (「乙自治区在……方面」): the bare 「自治区政协」
        is the visitors'. A destination of another level (「市政协主席赴乙县」) stays a possible
        home of that level's bodies (「县委书记丙陪同」: 乙县's)."""
        text = self.analysis.search
        self.counterparts = visited = self._counterparts()
        if self._hosts:
            visited |= {a.division.code for a in self.anchors if a.pos in self._visitors and not a.derived
                        and a.division.code}
            if visited:
                self.anchors = [replace(a, away=True) if a.division.code in visited else a for a in self.anchors]
            return
        named = [(m.start, m.end) for m, _ in self.mentions]
        for a in self.anchors:
            if not a.away or a.derived or not a.division.code \
                    or not _GOING.search(text, max(0, a.pos - 4), a.pos):
                continue
            c0 = _clause_start(text, a.pos)  # the visitors named in the clause
            for m in _LEVEL_BODY.finditer(text, c0, a.pos):
                if any(s <= m.start() < e for s, e in named):
                    continue  # 「襄阳市委」: a named body, not the level word alone
                self._visitor_levels.setdefault(a.pos, set()).add(m.group(1))
                ok = _SUFFIX_OK.get(m.group(1))
                if ok is not None and ok(a.division):
                    visited.add(a.division.code)
        self._own_level_visits = set(visited)
        if visited:
            self.anchors = [replace(a, away=True) if a.division.code in visited else a for a in self.anchors]

    def _counterparts(self) -> set[str]:
        """The divisions whose bodies the text's subject meets as the other side (「赴广州，与广东省政协
        进行对口交流」「与乙县政协签订合作协议」): never home, wherever the text names them again
        (「广东省政协主席丙看望了考察组」 does not make the bare 「省政协」 of the visitors 广东's),
        unless the clause before names the same division (「甲县政协与甲县工商联座谈」)."""
        text = self.analysis.search
        out: set[str] = set()
        for a in self.anchors:
            if a.derived or not a.names_body or not a.division.code or text[a.pos - 1 : a.pos] not in _WITH \
                    or not _EXCHANGE.match(text, a.end):
                continue
            c0 = _clause_start(text, a.pos)
            if not any(b.division.code == a.division.code and c0 <= b.pos < a.pos for b in self.anchors):
                out.add(a.division.code)
        return out

    def _add_outdated(self, m: Match, text: str) -> bool:
        """「梁平县」 (now 梁平区), 「陇西市」 (a misprint of 陇西县): a short form with a suffix the
        gazetteer does not have is an anchor of its own, kept as written (flagged, no code) with
        the real division's parent, so that a later 「县政协」 resolves to it."""
        suffix = re.match(r"地区|县|市|区|州|旗|盟", text[m.end : m.end + 2])
        if not suffix or len(m.divisions) != 1 or self.gaz.lookup(m.text + suffix.group(0)):
            return False
        real = m.divisions[0]
        kind = {"县": "县", "区": "市辖区", "地区": "地区", "州": "自治州", "旗": "旗", "盟": "盟",
                "市": "县级市" if real.level == "county" else "地级市"}[suffix.group(0)]
        outdated = Division("", m.text + suffix.group(0), real.level, kind, real.parent, real.province)
        self._add(m.start, m.end + len(suffix.group(0)), outdated, outdated.name, strong=True)
        return True

    def _bare_is_trusted(self, m: Match, text: str) -> bool | None:
        """True where the layout vouches for a bare short form: a dateline (本报两当讯) or a body
        word right after it (鹿城政协, 张掖市委 is a full form anyway)."""
        before = text[max(0, m.start - 2) : m.start]
        after = text[m.end : m.end + 8]
        if before.endswith("本报") or before.endswith("本刊") or re.match(
                r"(?:日报|晚报|新闻网|在线|融媒|电视台|广播电视台|网)?(?:消息|(?:\d{1,2}月\d{1,2}日)?讯)", after):
            return True
        if re.match(r"(政协|县委|市委|区委|人大|政府)", after) and m.start in self.analysis.token_starts:
            return True  # (not inside a name: 「赵立新和县委」 holds no 新和)
        return None

    def _faint(self, m: Match, text: str, placed: set[str]) -> bool:
        """Is the bare short form ``m`` one county's, no ordinary word (「西昌」「大丰」, not 「和平」
        「新兴」 or the many 「城关」: jieba's dictionary counts how often it is a word), and placed:
        after 在/于 (「州委州政府在西昌……」) or in a text that names its city or province
        (「盐城大丰」)? 「和睦和顺」 is none."""
        from .nlp import word_frequency

        if len(m.text) < 2 or len(m.divisions) != 1 or m.divisions[0].level != "county" \
                or word_frequency(m.text) >= _FAINT_FREQUENCY:
            return False
        d = m.divisions[0]
        return text[m.start - 1 : m.start] in ("在", "于") or bool({d.parent, d.province} & placed)

    def _add(self, start: int, end: int, d: Division, written: str, strong: bool = False, weak: bool = False,
             faint: bool = False) -> None:
        away = self._is_away(start, end)
        self.anchors.append(Anchor(start, end, d, written, strong=strong and not away, weak=weak, away=away,
                                   faint=faint, names_body=self._names_body(start, end)))
        for anc in self.gaz.ancestors(d):
            self.anchors.append(Anchor(start, end, anc, anc.name, derived=True, weak=weak, away=away, faint=faint))

    def _names_body(self, start: int, end: int) -> bool:
        """Is the division at ``[start, end)`` (with the divisions right after it: 张掖市高台县) the
        name of a body, 「…政协」「…县委」「政协…委员会」?"""
        text = self.analysis.search
        pos = end
        while pos in self._chained:
            pos = self._chained[pos]
        return (text.startswith(_BODY_AFTER, pos) and not text.startswith("委员", pos)) \
            or text.startswith("政协", max(0, start - 2))

    @cached_property
    def _chained(self) -> dict[int, int]:
        return {m.start: m.end for m in self.analysis.matches if m.kind == "division"}

    def _is_away(self, start: int, end: int) -> bool:
        """Is the division named at ``[start, end)`` a destination (「赴乙县调研」「莅临乙市」) or a
        visitor's home (「甲区政协考察团到我市」)? Either way not the home of the text's committees."""
        text = self.analysis.search
        if _VISITOR.match(text, end):
            self._visitors.add(start)  # 「甲市政协考察团来我市」: 甲市 is the visitors' wherever it is named
            return True
        ahead = _ARRIVAL_AHEAD.match(text, end)
        if ahead and ahead.end() in self._division_starts:
            return True  # 「甲县政协考察团来乙县」: 甲县 is the visitors'
        if arrival := _ARRIVAL.search(text, max(0, start - 4), start):
            c0 = max(text.rfind(c, 0, arrival.start()) for c in "，,；;。！？\n") + 1
            self._arrivals.append((c0, arrival.start(), start))
            return False  # 「来乙县考察」: written in 乙县
        # a text that receives visitors (「……到我县考察」) is written where they go: there the
        # destination is home
        return not self._hosts and bool(_GOING.search(text, max(0, start - 4), start))

    @cached_property
    def _hosts(self) -> bool:
        text = self.analysis.search
        return self._hosted_elsewhere or bool(_HOSTED.search(text)) \
            or any(_ARRIVAL.search(text, max(0, p - 4), p) for p in self._division_starts)

    def choose(self, candidates: list[Division], pos: int, within: Division | None) -> Division | None:
        """Pick among same-named divisions: inside ``within`` if given, else the one whose
        ancestors the document names, else the only one."""
        if not candidates:
            return None
        if within is not None:
            # 「辽宁省铁西区」: inside the division written before it, which may leave two (沈阳, 鞍山)
            candidates = [d for d in candidates if self.gaz.is_within(d, within)] or candidates
        if len(candidates) == 1:
            return candidates[0]
        named = {anc.division.code for anc in self.anchors if not anc.derived and not anc.ambiguous}
        fits = [d for d in candidates if any(x.code in named for x in self.gaz.ancestors(d))]
        if len(fits) == 1:
            return fits[0]
        provinces = {anc.division.province for anc in self.anchors if not (anc.ambiguous or anc.weak or anc.faint)}
        fits = [d for d in candidates if d.province in provinces]
        return fits[0] if len(fits) == 1 else None

    # -- resolution -----------------------------------------------------------------------------

    def item_start(self, pos: int) -> int:
        k = bisect.bisect_right(self.breaks, pos) - 1
        return self.breaks[max(0, k)]

    def resolve_level(self, level: str, pos: int) -> DivisionRef | None:
        """The division a bare level word (县 in 县政协 at ``pos``) stands for, or None."""
        if level == "nation":
            return national()
        ok = _SUFFIX_OK.get(level)
        if ok is None:
            return None
        k = bisect.bisect_right(self._positions, pos)
        start = self.item_start(pos)
        decided = self._decided_by(level)
        # a body in the visitors' clause (「县政协主席甲率团来乙县」) is not the destination's
        visited = {dest for c0, verb, dest in self._arrivals if c0 <= pos < verb}

        def usable(a: Anchor) -> bool:
            return decided(a) and a.pos not in visited

        before_all = [a for a in self.anchors[:k] if a.end <= pos and not a.away and not a.faint and usable(a)]
        later_all = [a for a in self.anchors[k:] if not a.away and not a.faint and usable(a)]
        for weak in (False, True):  # bare short forms in running text only when nothing else fits
            before = [a for a in before_all if a.weak == weak or not a.weak]
            in_item = [a for a in before if a.pos >= start]
            for group in (in_item, before):
                found = self._nearest(group, ok)
                if found is not None:
                    return to_ref(found.division, found.written if not found.derived else None, self.gaz)
            # named only later (a report that names its county further down)
            later = [a for a in later_all if ok(a.division) and (a.weak == weak or not a.weak)]
            later = [a for a in later if not a.derived] or later
            # a division written before one inside it (「酒泉市玉门市」) names that one
            later = [a for a in later if not any(b.pos == a.end and b.division.code != a.division.code
                                                 and self.gaz.is_within(b.division, a.division) for b in later)]
            # only when the text names one such division: a list of other places is no guide
            if later and len({a.division.code or a.division.name for a in later}) == 1:
                return to_ref(later[0].division, later[0].written if not later[0].derived else None, self.gaz)
        # last: a county's short form in running text (「州委州政府在西昌……」 is 西昌's 州), when the
        # text names only one such place of that level
        faint = [a for a in self.anchors if a.faint and not a.away and ok(a.division)]
        faint = [a for a in faint if not a.derived] or faint
        if faint and len({a.division.code for a in faint}) == 1:
            return to_ref(faint[0].division, None, self.gaz)
        return None

    def _decided_by(self, level: str):
        """A test of anchors: False for an ambiguous one that ``level`` does not single out among the
        divisions its bare form can be (「本报岳阳讯」 and 「市政协」: 岳阳县 or 岳阳市). Counted once per
        level (the anchors do not change after collection)."""
        if level not in self._decided:
            ok = _SUFFIX_OK[level]
            fitting: dict[int, int] = {}
            for a in self.anchors:
                if a.ambiguous and ok(a.division):
                    fitting[a.pos] = fitting.get(a.pos, 0) + 1
            self._decided[level] = lambda a: not a.ambiguous or (ok(a.division) and fitting[a.pos] == 1)
        return self._decided[level]

    def destination(self, level: str, pos: int) -> DivisionRef | None:
        """Where nothing else places a level word (:meth:`resolve_level`, the headline, the site): the place
        the text's visitors went to, for its hosts (「市政协主席甲率队到乙区调研。区委书记丙陪同」: 乙区's
        区委), where no committee of the place's own level went there; or the city or province the place
        lies in, for the visitors' own bodies of the level that went (that 市政协 is 乙区's city), where the
        text names no division of that level at all (「赴上海市浦东新区」 names 上海市: the visitors are
        another city's). ``pos`` -1: a body outside the text the context reads (a page's headline)."""
        ok = _SUFFIX_OK.get(level)
        if ok is None or self._hosts:
            return None
        text = self.analysis.search
        places = [a for a in self.anchors if a.away and not a.derived and a.division.code
                  and a.pos not in self._visitors and _GOING.search(text, max(0, a.pos - 4), a.pos)]

        def in_visitors_clause(a: Anchor) -> bool:
            return _clause_start(text, a.pos) <= pos < a.pos

        hosts = {a.division.code: a for a in places if ok(a.division)
                 and a.division.code not in self._own_level_visits and not in_visitors_clause(a)}
        if len(hosts) == 1:
            a = next(iter(hosts.values()))
            return to_ref(a.division, a.written, self.gaz)
        if hosts or any(ok(a.division) and not a.derived for a in self.anchors):
            return None
        # (only for the level of the committee that went: 「区政协一行赴乙区」 says nothing of a 市政协)
        around = {x.code: x for a in places if level in self._visitor_levels.get(a.pos, ())
                  for x in self.gaz.ancestors(a.division) if ok(x)}
        return to_ref(next(iter(around.values())), None, self.gaz) if len(around) == 1 else None

    def only_division(self, level: str) -> DivisionRef | None:
        """The one division of ``level`` this text names as home (none visited), or None when it
        names none or several."""
        ok = _SUFFIX_OK.get(level)
        if ok is None:
            return None
        found = [a for a in self.anchors if ok(a.division) and not a.away and not a.ambiguous]
        named = [a for a in found if not a.derived] or found
        if self._hosts:  # 「甲区政协来乙区考察」 over a text that receives the visitors: 乙区
            text = self.analysis.search
            named = [a for a in named if _GOING.search(text, max(0, a.pos - 4), a.pos)
                     or _ARRIVAL.search(text, max(0, a.pos - 4), a.pos)] or named
        if len({a.division.code or a.division.name for a in named}) != 1:
            return None
        return to_ref(named[0].division, named[0].written if not named[0].derived else None, self.gaz)

    def region_in_sentence(self, pos: int) -> DivisionRef | None:
        """The special administrative region last named in the sentence of ``pos`` before it: by
        name (an anchor) or by abbreviation after a verb of being or going there (「在澳」「访港」)."""
        ok = _SUFFIX_OK["特别行政区"]
        s0, _ = self.analysis.sentence_of(pos)
        found = [(a.pos, a.division) for a in self.anchors
                 if s0 <= a.pos and a.end <= pos and ok(a.division) and not a.ambiguous]
        found += [(m.start(1), self.gaz.get(PROVINCE_ABBREVIATIONS[m.group(1)]))
                  for m in _IN_REGION.finditer(self.analysis.search, s0, pos)]
        found = [(p, d) for p, d in found if d is not None]
        return to_ref(max(found, key=lambda f: f[0])[1], None, self.gaz) if found else None

    def _nearest(self, group: list[Anchor], ok) -> Anchor | None:
        # a strong anchor (dateline/head) of the item wins over incidental mentions after it
        for a in group:
            if a.strong and ok(a.division):
                strong = a
                break
        else:
            strong = None
        for a in reversed(group):
            if ok(a.division):
                # a place only mentioned (「视察了陆丰市龙山中学」) does not override it; another
                # body's name (「陆丰市政协」) does
                if strong is not None and a.division.code != strong.division.code \
                        and (a.derived or not a.names_body):
                    continue
                return a
        return strong

    def province_of_document(self) -> Division | None:
        counts: dict[str, int] = {}
        for a in self.anchors:
            if a.ambiguous or a.away:  # (a place visited or the visitors' is not what the text is about)
                continue
            counts[a.division.province] = counts.get(a.division.province, 0) + 1
        if not counts:
            return None
        best = max(counts, key=counts.get)
        return self.gaz.get(best)

    def resolve_written(self, written: str, pos: int, within: DivisionRef | None = None) -> DivisionRef | None:
        """A division name as written (full or suffixed short form), resolved in context."""
        cands = self.gaz.lookup(written, include_bare=False)
        w = self.gaz.get(within.code) if within and within.code else None
        d = self.choose(cands, pos, w)
        if d is not None:
            return to_ref(d, written, self.gaz)
        if not cands:
            return flagged_ref(written, self.gaz)
        return None


# ---------------------------------------------------------------------------------------------
# the stage: mentions -> records


class Resolver:
    """Resolves one document's body mentions against its :class:`DivisionContext`, and where the
    text names no division of a level, against the page's headline (``headline``: a title from
    the page's metadata or the crawl's manifest that the text itself does not print)."""

    def __init__(self, context: DivisionContext, headline: str = "", site: str = ""):
        self.ctx = context
        self.gaz = context.gaz
        self.headline = headline
        self.site = site
        self._cache: dict[tuple, tuple[DivisionRef | None, str]] = {}

    @cached_property
    def _headline_context(self) -> DivisionContext | None:
        if not self.headline or self.headline in self.ctx.analysis.search:
            return None
        from .nlp import analyse

        return DivisionContext(analyse(self.headline), self.gaz, hosts=self.ctx._hosts)

    def division(self, body: BodyMention) -> tuple[DivisionRef | None, str]:
        """The division ``body`` belongs to, or None and the reason why it cannot be told."""
        key = (body.names, body.level, body.stem, body.start, body.unknown_name, body.borrowed)
        if key not in self._cache:
            self._cache[key] = self._division(body)
        return self._cache[key]

    def _division(self, body: BodyMention) -> tuple[DivisionRef | None, str]:
        ctx = self.ctx
        if body.level == "nation" and not body.names:
            return national(), ""
        if body.names and body.unknown_name:
            word = body.names[0].text
            for k in range(len(word) - 2, -1, -1):  # the shortest suffixed tail that names a stem
                ref = flagged_ref(word[k:], self.gaz)
                if ref is not None:
                    return ref, ""
            return None, f"{word}: no division of that name"
        if body.names:
            within = None
            for name in body.names:
                ref = ctx.resolve_written(name.text, name.start, within)
                if ref is None:
                    found = self.gaz.lookup(name.text, include_bare=False)
                    return None, (f"{name.text}: {len(found)} divisions of that name and nothing in the text tells which"
                                  if found else f"{name.text}: no division of that name")
                within = ref
            if body.borrowed and within is not None and within.code in ctx.counterparts:
                # 「甲副主席率团赴广州，与广东省政协交流」: the first committee named is the other side
                return None, f"{within.name}: the committee the report is about is the other side of the meeting"
            return within, ""
        if body.stem:
            candidates = self.gaz.lookup(body.stem, include_bare=True)
            d = ctx.choose(candidates, body.start, None) or self._city_of_its_name(candidates)
            if d is None:
                return None, f"{body.stem}: the short form names no one division here"
            return to_ref(d, None, self.gaz), ""
        if body.level == "特别行政区":
            # 「行政长官某某」: the region its sentence names before it, by name (「澳门近年在行政长官某某为首的
            # 特区政府领导下」) or by its one-character abbreviation after a verb of being there (「在澳期间,
            # 将拜会行政长官某某」; the nearest region named before is 「从香港抵达澳门」's 香港), else as a level
            # word is resolved
            ref = ctx.region_in_sentence(body.start)
            if ref is not None:
                return ref, ""
        if body.level:
            ref = ctx.resolve_level(body.level, body.start)
            if ref is None and body.level == "区":
                # 「区党委」「区政协」 in an autonomous region's press: the region's, where no district fits
                ref = ctx.resolve_level("自治区", body.start)
            if ref is None and self._headline_context is not None:
                # 「市政协主席某某出席」 under the headline 「……会议在某某举行」
                ref = self._headline_context.only_division(body.level)
                if ref is None:
                    # 「市政协主席甲到乙区调研」 over a text that names no division: the district hosts
                    # the report's 区 bodies, its city is the visitors' 市 (the text's clauses are none of
                    # the headline's)
                    ref = self._headline_context.destination(body.level, -1)
            if ref is None:
                ref = self._site_division(body.level)
            if ref is None:
                ref = ctx.destination(body.level, body.start)
            if ref is None:
                return None, f"{body.level}: no division of that level named in the text around it"
            return ref, ""
        return None, "no division named"

    def _city_of_its_name(self, candidates: list[Division]) -> Division | None:
        """「长沙政协」: a bare name that a city and a county of that city share (长沙市, 长沙县) is
        the city's; the press writes the county's in full."""
        cities = [d for d in candidates if d.level == "prefecture"]
        if len(cities) == 1 and all(d is cities[0] or d.parent == cities[0].code for d in candidates):
            return cities[0]
        return None

    def _site_division(self, level: str) -> DivisionRef | None:
        """Last: the division the publishing site names in pinyin, in its host (a county's own site,
        xiaochang.gov.cn, prints 「县政协」 and never the county; wzzx.wenzhou.gov.cn prints 「省政协」
        for 温州's province) or else in its path (a portal's section …/news/gansu/…), when one
        division of the level reads so or contains the one that does, and it lies in the province the
        text is about, if the text names one."""
        parts = urlsplit(self.site) if "://" in self.site else None
        ok = _SUFFIX_OK.get(level)
        if not parts or not parts.hostname or ok is None:
            return None
        province = self.ctx.province_of_document()
        host_labels = parts.hostname.split(".")[:-1]
        path_labels = [w for w in re.split(r"[/._\-]", parts.path.lower()) if w.isalpha()]
        for labels in (host_labels, path_labels):
            found: dict[str, Division] = {}
            for label in labels:
                named_by = self._read_as_divisions(label.lower())
                if not named_by and labels is host_labels:
                    named_by = self._read_as_initials(label.lower())
                for named in named_by:
                    d = named if ok(named) else next((a for a in self.gaz.ancestors(named) if ok(a)), None)
                    if d is not None:
                        found[d.code] = d
            if len(found) == 1:
                d = next(iter(found.values()))
                if province is not None and d.province != province.code:
                    return None
                return to_ref(d, None, self.gaz)
            if found:
                return None
        return None

    def _read_as_divisions(self, label: str) -> list[Division]:
        """The divisions a site label reads as: 「gaotai」, also with a committee's or level's affix
        (gaotaizx, zxgaotai, gaotaixian)."""
        found = self.gaz.by_pinyin(label)
        if found or len(label) < 5:
            return found
        # one affix, then two (「alukeerqinqizx」: the banner's level and the committee's)
        readings = [label]
        for _ in range(2):
            readings = [r for x in readings for a in _SITE_AFFIXES
                        for r in ((x[: -len(a)],) if x.endswith(a) else ()) + ((x[len(a):],) if x.startswith(a) else ())
                        if len(r) >= 4]
            for r in readings:
                if found := self.gaz.by_pinyin(r):
                    return found
        return []

    def _read_as_initials(self, label: str) -> list[Division]:
        """The county or city a host label reads as in initials after its province's (「scdl」: 四川's
        sc, then dl, 丹棱), when one division of that province reads so; an affix (「hnzx」「gsrd」: a
        committee's or a congress's) is no county."""
        for k in (2, 3):
            head, rest = label[:k], label[k:]
            if not 2 <= len(rest) <= 4 or rest in _SITE_AFFIXES or not rest.isalpha():
                continue
            provinces = {d.code for d in self.gaz.by_initials(head) if d.level == "province"}
            found = [d for d in self.gaz.by_initials(rest) if d.province in provinces and d.level != "province"]
            if len(found) == 1:
                return found
        return []

    def body(self, mention: BodyMention) -> tuple[Body | None, str]:
        ref, reason = self.division(mention)
        return (Body(mention.kind, ref, mention.committee) if ref is not None else None), reason


def resolve(mentions: Mentions, analysis: Analysis, gaz: Gazetteer | None = None, *, doc_id: str = "",
            doc_name: str = "", title: str = "", date: str | None = None, headline: str = "",
            site: str = "") -> Extraction:
    """Records for one document's ``mentions``: offices with their divisions (each fact once),
    press credits, concepts and meetings with theirs, every named division, and an
    :class:`Unresolved` record for each office whose division cannot be told. ``headline``: the
    page's title where it comes from outside the text (see :class:`Resolver`)."""
    resolver = Resolver(DivisionContext(analysis, gaz or load_gazetteer()), headline, site)
    ex = Extraction(doc_id=doc_id, doc_name=doc_name, title=title, date=date, press=list(mentions.press))
    seen: set[tuple] = set()
    unresolved: set[tuple] = set()
    for o in mentions.offices:
        body, reason = resolver.body(o.body)
        if body is None:
            key = (o.person, o.role, o.body.kind, o.body.written)
            if key not in unresolved:
                unresolved.add(key)
                ex.unresolved.append(Unresolved(o.person, o.role, o.body.kind, o.body.written or o.body.kind,
                                                reason, o.evidence))
            continue
        key = (o.person, o.role, body.kind, body.committee, body.division.name)
        if key not in seen:
            seen.add(key)
            ex.offices.append(Office(o.person, o.role, body, o.evidence))
    ctx = resolver.ctx
    ex.concepts = [replace(c, division=_division_at(ctx, c.evidence.start - 1)) for c in mentions.concepts]
    for m in mentions.meetings:
        organiser = resolver.body(m.organiser)[0] if m.organiser is not None else None
        ex.meetings.append(Meeting(m.name, m.evidence, m.date, organiser, m.chair))
    # careers: each post placed as an office is, then merged and dated along the person's items
    from . import careers

    ex.spells = careers.assemble([careers.resolved(m, resolver) for m in mentions.spells], ctx.gaz, date)
    ex.people = [careers.facts(p, resolver) for p in mentions.people]
    by_start = {match.start: d for match, d in ctx.mentions}
    for place in mentions.places:
        d = by_start.get(place.evidence.start)
        if d is not None:
            ex.divisions.append(DivisionMention(to_ref(d, place.text, ctx.gaz), place.evidence))
    return ex


def _division_at(ctx: DivisionContext, pos: int) -> DivisionRef | None:
    """The division a concept at ``pos`` belongs to: the nearest county, district, city or
    province of its context."""
    for level in ("县", "区", "市", "省", "自治区"):
        ref = ctx.resolve_level(level, pos)
        if ref is not None:
            return ref
    return None
