"""Extraction: an analysed document -> offices, press credits, concepts, meetings (with evidence).

Offices are read the way the press writes them, as *chains*: items separated by 「、」, each an
optional body and a title, followed by one or more names::

    市委副书记、市政协党组副书记、市委统战部长某某某     -> 3 offices of one person
    县政协副主席甲某某、乙某某、丙某某                  -> 1 office each of 3 persons
    某某某当选为十二届省政协主席                        -> election form
    （作者系某某县政协党组书记、主席）                  -> the byline's author
    王某总理 / 李某总书记                             -> a name before a title

A title without a body inherits the body of the item before it, or of the last chain in the
paragraph (「……，秘书长某某某出席」). Bodies are parsed from the words before the title
(:func:`parse_body`); a body of another organisation (民进, 妇联, a firm) voids the office.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lexicon as lx
from .corpus import Document
from .nlp import Analysis, Match, analyse
from .records import (
    Body,
    ConceptMention,
    DivisionMention,
    DivisionRef,
    Evidence,
    Extraction,
    Meeting,
    Office,
    PressCredit,
)
from .resolve import DivisionContext, flagged_ref, national, to_ref

HAN = r"\u4e00-\u9fff"
_HAN = re.compile(f"[{HAN}]")
CLAUSE_BREAK = set(",，;；。！？!?:：\n()（）“”\"「」『』《》")
ITEM_BREAK = "、"

_BODY_RE = re.compile("|".join(sorted(map(re.escape, lx.BODIES), key=len, reverse=True)))
_CPPCC_FORMAL = re.compile(
    r"(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十百零〇\d]+届)?"
    rf"(?P<div>[{HAN}]{{2,12}}?(?:自治区|自治州|自治县|地区|省|市|县|区|州|旗|盟))"
    r"(?:第?[一二三四五六七八九十百零〇\d]+届)?(?P<end>委员会|工委)"
)
# a rank or status note after a title: 「副主席(正县级)」「主任(兼)」
_RANK_NOTE = re.compile(r"[(（](?:正|副)?(?:省部|厅局|县处|乡科|厅|县|处|科|局|部)?级?(?:待遇)?[)）]|[(（](?:兼|挂职|兼任|代|女|正县级|副县级|正处级|副处级|正厅级|副厅级)[)）]")
_CLAUSE = re.compile("(?:" + _RANK_NOTE.pattern + "|[^" + re.escape("".join(sorted(CLAUSE_BREAK))) + "])+")
_ITEM = re.compile("[^" + ITEM_BREAK + "]+")
_LINK = re.compile(r"(?:同志)?(?:等\d*人)?(?:当选为|当选|为|任|出任|担任)")
_FOLLOWERS = frozenset(lx.NAME_FOLLOWERS)
_FOLLOWER_LENGTHS = sorted({len(w) for w in _FOLLOWERS}, reverse=True)
_FOREIGN = ("越南", "老挝", "朝鲜", "古巴", "柬埔寨", "俄罗斯", "美国", "日本", "韩国", "蒙古国")


@dataclass
class Segment:
    """One item of a chain: a body (or None: inherit) and a title."""

    body: Body | None
    title: lx.Title | None  # None: a title of another organisation (voids the item)
    valid: bool
    start: int
    committee_only: str | None = None  # 「统战部部长」: a sub-body of the inherited body


def extract_document(doc: Document) -> Extraction:
    """Extract every fact of one document.

    >>> from kg.corpus import parse_document
    >>> ex = extract_document(parse_document("本报讯 县委书记林某某出席。".encode(), "x.txt"))
    >>> [o.role for o in ex.offices]
    []
    """
    analysis = analyse(doc.text)
    ctx = DivisionContext(analysis)
    ex = Extraction(doc_id=doc.id, doc_name=doc.name, title=_title(doc.text))
    finder = _Finder(doc, analysis, ctx)
    ex.press = finder.press_credits()
    ex.offices = finder.offices(ex.press)
    ex.concepts = finder.concepts()
    ex.meetings = finder.meetings(ex.offices)
    ex.divisions = [DivisionMention(to_ref(d, m.text, ctx.gaz), finder.evidence(m.start, m.end)) for m, d in ctx.mentions]
    ex.date = _date(doc.text)
    return ex


def _title(text: str) -> str:
    first = text.split("\n", 1)[0].strip()
    return first[:80]


def _date(text: str) -> str | None:
    m = re.search(r"(20\d\d|19\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})", text[:400])
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


class _Finder:
    def __init__(self, doc: Document, analysis: Analysis, ctx: DivisionContext):
        self.doc = doc
        self.a = analysis
        self.s = analysis.search
        self.ctx = ctx
        self.titles = [m for m in analysis.matches if m.kind in ("title", "other-title")]
        self._title_starts = [m.start for m in self.titles]
        self._title_by_start = {m.start: m for m in self.titles}
        self._title_ends = {m.end for m in self.titles}
        self.divs = {m.start: m for m in analysis.matches if m.kind == "division"}
        self.div_list = [m for m in analysis.matches if m.kind == "division"]
        self._div_by_end = {m.end: m for m in self.div_list}
        self._div_ends = [m.end for m in self.div_list]
        bare_ok = [m for m in analysis.bare if not any(d.start <= m.start < d.end for d in self.div_list)]
        self._bare_by_end = {m.end: m for m in bare_ok}
        self.formal = {m.start(): m for m in _CPPCC_FORMAL.finditer(self.s)}

    # ------------------------------------------------------------------ evidence

    def evidence(self, start: int, end: int, clause: tuple[int, int] | None = None) -> Evidence:
        s0, s1 = clause or self.a.sentence_of(start)
        s0, s1 = min(s0, start), max(s1, end)
        src0, src1 = self.doc.source_span(s0, s1)
        sentence = self.doc.source_text[src0:src1].replace("\r", "").replace("\n", "").strip()
        sentence = sentence.rstrip("。;；,，")
        ss, se = self.doc.source_span(start, end)
        return Evidence(start, end, ss, se, sentence)

    def surface(self, start: int, end: int) -> str:
        """The text as printed (traditional stays traditional), layout spaces removed."""
        return re.sub(r"\s+", "", self.doc.text[start:end])

    # ------------------------------------------------------------------ names

    def name_at(self, i: int, lenient: bool = False) -> int | None:
        """End of a person's name starting at ``i`` (one layout space allowed inside), or None.

        ``strict``: the name has no delimiter after it, so its end is inferred from the words
        that follow (a follower word or a title) and jieba's tokens.
        """
        s = self.s
        if i >= len(s) or not _HAN.match(s[i]):
            return None
        m = re.match(rf"[{HAN}]{{1,6}}[·•・](?:[{HAN}]{{1,10}}[·•・])?", s[i:])
        if m:  # 「艾某·某某某主持」: the last part ends where a follower word starts
            k = i + m.end()
            ends = []
            for e in range(k + 2, min(k + 11, len(s) + 1)):
                if e == len(s) or not _HAN.match(s[e]):
                    ends.append(e)
                    break
                if self._is_follower(e):
                    ends.append(e)
            if not ends:
                return None
            # 「某某某出席。」: prefer the end after which a whole follower word closes the clause,
            # then the first follower (「某某某主持会议」), then the end of the clause
            followers = [e for e in ends if e < len(s) and _HAN.match(s[e])]
            for e in followers:
                w = next((s[e : e + k] for k in _FOLLOWER_LENGTHS if s[e : e + k] in _FOLLOWERS), "")
                if w and (e + len(w) == len(s) or not _HAN.match(s[e + len(w)])):
                    return e
            return followers[0] if followers else ends[-1]
        # a layout space inside a two-character name: 「罗 琼」
        if i + 3 <= len(s) and s[i + 1] == " " and _HAN.match(s[i + 2]) and s[i] in lx.SURNAMES:
            after = s[i + 3 : i + 4]
            if not after or not _HAN.match(after) or self._boundary(i + 3):
                return i + 3
        sur = 2 if s[i : i + 2] in lx.COMPOUND_SURNAMES else 1 if s[i] in lx.SURNAMES else 0
        if not sur:
            return None
        options = [i + sur + 1, i + sur + 2]
        good = [e for e in options if e <= len(s) and all(_HAN.match(c) for c in s[i:e]) and self._boundary(e)]
        good = [e for e in good if self._plausible(s[i:e]) and (lenient or self._not_a_word(s[i:e]))]
        if not good:
            # no word after the name says where it ends: jieba's token does (「某某通过」)
            tok = self.a.token_at(i)
            if tok and 2 <= len(tok) <= 3 and all(_HAN.match(c) for c in tok) and self._plausible(tok) \
                    and (_word_tag(tok) in ("nr", "nrfg", "nrt") or (lenient and _word_tag(tok) is None)):
                return i + len(tok)
            return None
        if len(good) == 2:
            # both ends look possible (「王为民主持」 vs 「王为」): trust jieba's token
            tok = self.a.token_at(i)
            if tok and len(tok) == good[1] - i:
                return good[1]
            tok2 = self.a.token_at(good[0])
            if tok2 is not None and self._is_follower(good[0]):
                return good[0]
            return good[1] if not self._is_follower(good[0]) else good[0]
        return good[0]

    def _is_follower(self, e: int) -> bool:
        rest = self.s[e : e + 6]
        return any(rest[:k] in _FOLLOWERS for k in _FOLLOWER_LENGTHS) or e in self._title_by_start

    def _boundary(self, e: int) -> bool:
        s = self.s
        if e >= len(s):
            return True
        c = s[e]
        if not _HAN.match(c):
            return True
        return self._is_follower(e)

    def _div_index(self, pos: int) -> int:
        """Index of the first division match ending after ``pos``."""
        return bisect.bisect_right(self._div_ends, pos)

    def _title_at(self, i: int) -> Match | None:
        return self._title_by_start.get(i)

    def _titles_in(self, i0: int, i1: int) -> list[Match]:
        """The title matches inside ``[i0, i1)``."""
        k = bisect.bisect_left(self._title_starts, i0)
        out = []
        while k < len(self.titles) and self.titles[k].start < i1:
            if self.titles[k].end <= i1:
                out.append(self.titles[k])
            k += 1
        return out

    @staticmethod
    def _not_a_word(name: str) -> bool:
        """jieba's dictionary does not know ``name`` as an ordinary word (「应邀」 is a verb)."""
        tag = _word_tag(name)
        return tag is None or tag.startswith("nr") or tag == "ns"  # people are named after places

    @staticmethod
    def _plausible(name: str) -> bool:
        if name in lx.NOT_NAMES or name in lx.TITLES or name in lx.BODIES:
            return False
        if any(name.endswith(w) for w in ("同志", "等", "和", "与", "及")):
            return False
        return True

    def names_from(self, i: int, end: int) -> tuple[list[tuple[int, int]], int]:
        """Names separated by 、 starting at ``i``: [(start, end)], and where the list stops."""
        out = []
        while i < end:
            e = self.name_at(i, lenient=bool(out))
            if e is None or e > end:
                break
            out.append((i, e))
            j = e
            if self.s.startswith("同志", j):
                j += 2
            if j < end and self.s[j] == ITEM_BREAK:
                nxt = self.name_at(j + 1, lenient=True)
                # a following item that starts a new chain is not another name
                if nxt is not None and not self._starts_chain(j + 1):
                    i = j + 1
                    continue
            # 「副主席王某和李某出席」: the last name joined by 和/及/与, if a name ends the list there
            if j + 1 < end and self.s[j] in "和及与":
                nxt = self.name_at(j + 1)
                if nxt is not None and nxt <= end and not self._starts_chain(j + 1) and (
                        nxt == end or not _HAN.match(self.s[nxt]) or self.s.startswith(("等", "同志"), nxt)
                        or self._is_follower(nxt)) and _word_tag(self.s[j + 1 : nxt]) in (None, "nr", "nrfg", "nrt"):
                    i = j + 1
                    continue
            return out, j
        return out, i

    def _starts_chain(self, i: int) -> bool:
        """Is the item at ``i`` a title chain (body/title), not a name?"""
        t = self._title_at(i)
        if t is not None:
            return True
        if i in self.divs or i in self.formal:
            return True
        return bool(_BODY_RE.match(self.s, i))

    # ------------------------------------------------------------------ bodies

    def parse_body(self, start: int, end: int, title: lx.Title, clause_start: int) -> Segment:
        """Read the body named in ``s[start:end]``, the words of an item before its title."""
        s = self.s
        region = s[start:end]
        # mask division names: body words inside them (自治区 in 新疆维吾尔自治区) do not count, and
        # neither do another organisation's words (镇 in 镇原县 is a place, not a town committee)
        masked = list(region)
        div_spans = []
        k = self._div_index(start)
        while k < len(self.div_list) and self.div_list[k].start < end:
            m = self.div_list[k]
            if start <= m.start and m.end <= end:
                div_spans.append(m)
                masked[m.start - start : m.end - start] = "\0" * (m.end - m.start)
            k += 1
        masked_s = "".join(masked)
        if any(mk in masked_s for mk in lx.FOREIGN_ORG_MARKERS) or re.search(r"[省市县区]委会", masked_s):
            return Segment(None, title, False, start)
        # 「政协两当县第十届委员会」「政协吐鲁番地区工委」
        for fs, fm in self.formal.items():
            if start <= fs and fm.end() == end:
                written = fm.group("div")
                ref = self.ctx.resolve_written(written, fs)
                if ref is None:
                    return Segment(None, title, False, start)
                return self._segment("政协", ref, None, title, start, allow_extra=("主任", "副主任"))
        bodies = list(_BODY_RE.finditer(masked_s))
        # 「温州市委」: a division directly followed by 委
        after_div = [m for m in div_spans if m.end < end and s[m.end] == "委" and not s.startswith("委员", m.end)]
        if after_div:
            m = after_div[-1]
            if not bodies or bodies[-1].start() < m.end - start:
                rest = s[m.end + 1 : end]
                ref = self._division_before(m.end, start)
                return self._with_rest("党委", ref, rest, title, start)
        if not bodies:
            return self._bodiless(start, end, title)
        b = bodies[-1]
        word = lx.BODIES[b.group(0)]
        bstart, bend = start + b.start(), start + b.end()
        rest = s[bend:end]
        # the division: the chain of names right before the body word
        ref = None
        div_before = self._division_before(bstart, start)
        if div_before is not None:
            ref = div_before
        elif word.level == "nation":
            ref = national()
        elif word.level and (stem := self._stem_before(bstart, start)):
            # 「陇西市政协」「张掖市委」: the level character belongs to a name before it
            ref = self.ctx.resolve_written(stem + word.level, bstart - len(stem))
        elif word.level:
            ref = self.ctx.resolve_level(word.level, bstart)
        else:
            # 「鹿城政协」: a bare short form before a body word, or a name the gazetteer lacks
            ref = self._bare_before(bstart, start) or self._flagged_before(bstart, start)
        if ref is None:
            return Segment(None, title, False, start)
        if word.committee:
            return self._segment(word.kind, ref, word.committee, title, start) if not rest else Segment(None, title, False, start)
        return self._with_rest(word.kind, ref, rest, title, start)

    def _with_rest(self, kind: str, ref: DivisionRef, rest: str, title: lx.Title, start: int) -> Segment:
        """The words between a body and its title: nothing, a standing committee, a special
        committee (政协教育科技委员会) or a department (市委统战部)."""
        rest = rest.strip()
        if rest in ("", "常委会", "常务委员会", "党组"):
            return self._segment(kind, ref, title.committee, title, start)
        if kind == "政协":
            if re.fullmatch(rf"[{HAN}]{{1,16}}?(委员会|委|工委)(办公室)?", rest) and not rest.startswith("机关"):
                return self._segment("政协专委会", ref, rest, title, start)
            return Segment(None, title, False, start)
        if kind in ("党委", "政府", "人大") and re.fullmatch(rf"[{HAN}]{{1,16}}?(部|局|厅|委|办|署|办公室|委员会)", rest):
            return self._segment(kind, ref, rest, title, start)
        return Segment(None, title, False, start)

    def _segment(self, kind, ref, committee, title, start, allow_extra=()) -> Segment:
        if title is None or not title.kinds:
            return Segment(None, title, False, start)
        if kind not in title.kinds and title.role not in allow_extra:
            # 「市政协主任」 is no office; a special committee's 委员 is a member of the committee
            return Segment(None, title, False, start)
        return Segment(Body(kind, ref, committee), title, True, start)

    def _bodiless(self, start: int, end: int, title: lx.Title) -> Segment:
        s = self.s
        region = s[start:end].strip()
        if title is not None and title.implies_body and title.level:
            if region and not re.fullmatch(r"(第?[一二三四五六七八九十百\d]+届|新一届|新任|原任)?", region):
                div_before = self._division_before(end, start)
                if div_before is None:
                    return Segment(None, title, False, start)
                return Segment(Body(title.kinds[0], div_before, title.committee), title, True, start)
            if title.level == "nation":
                return Segment(Body(title.kinds[0], national(), title.committee), title, True, start)
            ref = self.ctx.resolve_level(title.level, start)
            return Segment(Body(title.kinds[0], ref, title.committee), title, True, start) if ref else Segment(None, title, False, start)
        if not region or re.fullmatch(r"(第?[一二三四五六七八九十百\d]+届|新一届|新任|兼|其中)", region):
            return Segment(None, title, True, start)  # inherit
        # 「统战部部长」 after 「省委常委、」, 「文化文史和学习委主任」: a sub-body of the inherited body
        if re.fullmatch(rf"[{HAN}]{{1,16}}?(部|委员会|委|工委|办公室|局|厅)", region) and region[0] not in "省市县区州":
            return Segment(None, title, True, start, committee_only=region)
        # 「市卫生健康委」: a level word and a department is a government department
        m = re.fullmatch(rf"([省市县区州])([{HAN}]{{1,14}}?(局|厅|委|办))", region)
        if m and "政府" in (title.kinds if title else ()):
            ref = self.ctx.resolve_level(m.group(1), start)
            if ref:
                return Segment(Body("政府", ref, m.group(2)), title, True, start)
        return Segment(None, title, False, start)

    def _division_before(self, pos: int, floor: int) -> DivisionRef | None:
        """The division named by the chain of names ending exactly at ``pos`` (中共 allowed)."""
        chain: list[Match] = []
        p = pos
        while True:
            m = self._div_by_end.get(p)
            m = m if m is not None and m.start >= floor else None
            if m is None:
                if self.s[max(floor, p - 2) : p] == "中共":
                    p -= 2
                    continue
                break
            chain.insert(0, m)
            p = m.start
        if not chain:
            return None
        within = None
        for m in chain:
            ref = self.ctx.resolve_written(m.text, m.start, within)
            if ref is None:
                return None
            within = ref
        return within

    def _stem_before(self, pos: int, floor: int) -> str | None:
        """A bare short form of a division ending right at ``pos`` (陇西 in 陇西市政协)."""
        m = self._bare_by_end.get(pos)
        return m.text if m is not None and m.start >= floor else None

    def _bare_before(self, pos: int, floor: int) -> DivisionRef | None:
        m = self._bare_by_end.get(pos)
        if m is None or m.start < floor:
            return None
        d = self.ctx.choose(m.divisions, m.start, None)
        return to_ref(d, None, self.ctx.gaz) if d is not None else None

    def _flagged_before(self, pos: int, floor: int) -> DivisionRef | None:
        seg = self.s[floor:pos]
        m = re.search(rf"([{HAN}]{{2,6}}?(?:地区|市|县|区|州|旗|盟))$", seg)
        if not m:
            return None
        word = m.group(1)
        for k in range(len(word) - 2, -1, -1):  # the shortest suffix-ending word that is a stem
            ref = flagged_ref(word[k:], self.ctx.gaz)
            if ref is not None:
                return ref
        return None

    # ------------------------------------------------------------------ offices

    def offices(self, press: list[PressCredit]) -> list[Office]:
        out: list[Office] = []
        s = self.s
        para_start = 0
        for para in s.split("\n"):
            self._paragraph(para_start, para_start + len(para), out)
            para_start += len(para) + 1
        out.extend(self._author_notes(press))
        out.extend(self._post_titles(out))
        return _dedupe(out)

    def _clauses(self, start: int, end: int):
        """Spans between clause punctuation; a rank note after a title (「副主席(正县级)王某」) is
        no break."""
        for m in _CLAUSE.finditer(self.s, start, end):
            yield m.start(), m.end()

    def _after_title(self, t: Match) -> int:
        """Where a name after title ``t`` starts: right after it, or after a rank note."""
        note = _RANK_NOTE.match(self.s, t.end)
        return note.end() if note else t.end

    def _items(self, start: int, end: int):
        """Spans between 「、」, and at 「兼」 right after a title (「常委兼副秘书长」)."""
        for m in _ITEM.finditer(self.s, start, end):
            i = m.start()
            k = self.s.find("兼", i, m.end())
            while k >= 0:
                if k in self._title_ends:
                    if k > i:
                        yield i, k
                    i = k + 1
                k = self.s.find("兼", k + 1, m.end())
            if m.end() > i:
                yield i, m.end()

    def _paragraph(self, p0: int, p1: int, out: list[Office]) -> None:
        org_ctx: dict[str, Body] = {}  # the last explicit body of each kind in the paragraph
        carried: list[Segment] = []  # titles still waiting for their name at a comma
        for c0, c1 in self._clauses(p0, p1):
            # 「全国政协委员，省政协副主席张某」: a chain cut by a comma goes on in the next clause
            chain: list[Segment] = carried if self.s[c0 - 1 : c0] in (",", "，") else []
            carried = []
            closed = False
            names_mode = False
            pending: list[tuple[int, int]] = []  # bare names waiting for 「当选…」
            skip_until = -1  # the end of names a title's list has already read
            for i0, i1 in self._items(c0, c1):
                titles = self._titles_in(i0, i1)
                # election: 「某某某当选十二届省政协副主席」「选举某某同志为…主席」
                k = self.s.find("选举", i0, i1)  # 「会议选举某某同志为……主席」
                lead = k + 2 if k >= 0 else i0
                ne = self.name_at(lead, lenient=self.s[i0 - 1 : i0] == ITEM_BREAK or self.s[i1 : i1 + 1] == ITEM_BREAK)
                if ne is not None and titles and titles[-1].end >= i1 - 2:
                    link = _LINK.match(self.s, ne)
                    if link and not self._title_at(ne):
                        t = titles[-1]
                        seg = self._seg(link.end(), t, c0, chain, org_ctx)
                        if seg.valid and seg.body is not None:
                            org_ctx[seg.body.kind] = seg.body
                            for ns, nend in pending + [(lead, ne)]:
                                out.append(self._office(ns, nend, seg, c0, c1))
                        pending, chain, names_mode = [], [], False
                        continue
                # a title followed by a name: the chain is complete. One item may hold several
                # (「岷县政协主席王某和临潭县政协主席王某」): each reads from the end of the last.
                named = [t for t in titles if t.end < i1 and self.name_at(self._after_title(t)) is not None
                         and not self._title_at(self._after_title(t))]
                if named:
                    region = i0
                    for t_named in named:
                        if t_named.start < region:
                            continue  # inside names already read
                        if closed:
                            chain, closed = [], False
                        seg = self._seg(region, t_named, c0, chain, org_ctx)
                        chain.append(seg)
                        if seg.body is not None and seg.valid:
                            org_ctx[seg.body.kind] = seg.body
                        names, _ = self.names_from(self._after_title(t_named), c1)
                        for ns, nend in names:
                            self._record(chain, ns, nend, c0, c1, out)
                        closed, names_mode = True, True
                        region = names[-1][1] if names else t_named.end
                    pending = []
                    # names after the first one are consumed by names_from: skip their items
                    skip_until = region
                    continue
                if skip_until >= i1 and names_mode:
                    continue
                # an item ending in a title: one link of a chain still waiting for its name
                if titles and titles[-1].end == i1:
                    if closed:
                        chain, closed = [], False
                    seg = self._seg(i0, titles[-1], c0, chain, org_ctx)
                    chain.append(seg)
                    if seg.body is not None and seg.valid:
                        org_ctx[seg.body.kind] = seg.body
                    names_mode = False
                    continue
                # a bare name: the next one in a list, or one waiting for 「当选」
                if ne is not None and (ne == i1 or self._is_follower(ne) or self.s.startswith("等", ne)):
                    if names_mode and chain:
                        self._record(chain, i0, ne, c0, c1, out)
                    else:
                        pending.append((i0, ne))
                    continue
                chain, closed, names_mode, pending = [], False, False, []
            last = self._titles_in(c1 - 6, c1)
            if chain and not closed and last and last[-1].end == c1:
                carried = chain

    def _record(self, chain: list[Segment], ns: int, ne: int, c0: int, c1: int, out: list[Office]) -> None:
        """The person at ``s[ns:ne]`` holds every valid office of ``chain``."""
        for sg in chain:
            if sg.valid and sg.body is not None:
                out.append(self._office(ns, ne, sg, c0, c1))

    def _seg(self, i0: int, t: Match, c0: int, chain: list[Segment], org_ctx: dict[str, Body]) -> Segment:
        """The segment for title ``t`` whose item starts at ``i0``, inheriting where needed."""
        title = t.title
        if title is None:  # another organisation's title
            return Segment(None, None, False, i0)
        seg = self.parse_body(i0, t.start, title, c0)
        if not seg.valid or seg.body is not None:
            return seg
        # inherit the body: from the chain, else the paragraph
        base = next((sg.body for sg in reversed(chain) if sg.valid and sg.body is not None), None)
        if base is None:  # the paragraph's last body of the kind this title belongs to first
            kinds = title.kinds + (("政协",) if "政协专委会" in title.kinds else ())
            base = next((org_ctx[k] for k in kinds if k in org_ctx), None)
        if base is None:
            return Segment(None, title, False, i0)
        if seg.committee_only:
            kind = "政协专委会" if base.kind in ("政协", "政协专委会") else base.kind
            if kind == "政协专委会" and not re.search("委员会|委|工委|办公室$", seg.committee_only):
                return Segment(None, title, False, i0)
            if kind == "中央":  # 「国家发展和改革委员会主任」 after central titles: no guess
                return Segment(None, title, False, i0)
            return self._segment(kind, base.division, seg.committee_only, title, i0)
        kind = base.kind
        if kind == "政协专委会" and kind not in title.kinds:
            kind = "政协"  # 「分党组书记、主任X，副主席Y」: back to the committee itself
        if kind not in title.kinds:
            return Segment(None, title, False, i0)
        committee = base.committee if kind == base.kind else None
        if title.committee:
            committee = title.committee
        return Segment(Body(kind, base.division, committee), title, True, i0)

    def _office(self, ns: int, ne: int, seg: Segment, c0: int, c1: int) -> Office:
        role = seg.title.role
        if seg.body.kind in ("政协", "人大") and role == "常委":
            role = "常务委员"
        ev_start = min(seg.start, ns)
        return Office(self.surface(ns, ne), role, seg.body, self.evidence(ns, ne, (min(c0, ev_start), c1)))

    # ------------------------------------------------------------------ 作者系 notes

    def _author_notes(self, press: list[PressCredit]) -> list[Office]:
        out = []
        authors = sorted((p.evidence.start, p.person) for p in press if p.role == "作者")
        for m in re.finditer(r"(?:^|[(\n])\s*作者(?:系|为|是)(?P<body>[^)\n]{2,80})", self.s):
            b0, b1 = m.start("body"), m.end("body")
            before = [name for pos, name in authors if pos < m.start()]
            if not before:
                continue
            person = before[-1]
            chain: list[Segment] = []
            org_ctx: dict[str, Body] = {}
            for c0, c1 in self._clauses(b0, b1):
                for i0, i1 in self._items(c0, c1):
                    titles = self._titles_in(i0, i1)
                    if not titles or titles[-1].end != i1:
                        continue
                    seg = self._seg(i0, titles[-1], c0, chain, org_ctx)
                    chain.append(seg)
                    if seg.valid and seg.body is not None:
                        org_ctx[seg.body.kind] = seg.body
            for seg in chain:
                if seg.valid and seg.body is not None:
                    role = seg.title.role
                    if seg.body.kind in ("政协", "人大") and role == "常委":
                        role = "常务委员"
                    start = m.start("body") - 3
                    note = (max(0, m.start()), b1 + (1 if b1 < len(self.s) and self.s[b1] in ")）" else 0))
                    ev = self.evidence(start, b1, note)
                    out.append(Office(person, role, seg.body, ev))
        return out

    # ------------------------------------------------------------------ name before title: 王某总理

    def _post_titles(self, found: list[Office]) -> list[Office]:
        out = []
        known = {(o.person, o.role) for o in found}
        holders = {o.person: o for o in found}
        for t in self.titles:
            if t.text not in lx.POST_TITLES:
                continue
            name = self._name_before(t.start)
            if name is None:
                continue
            ns, ne = name
            person = self.surface(ns, ne)
            title = t.title
            if (person, title.role) in known:
                continue
            foreign = self._foreign_context(ns)
            if foreign:
                continue
            body = None
            if t.text == "总书记":
                body = Body("中央", national())
            elif t.text == "总理":
                body = Body("政府", national())
            elif t.text in ("主席", "副主席"):
                if any(o.person == person and o.role == "总书记" for o in found + out) or self._is_gensec(person):
                    body = Body("中央", national()) if t.text == "主席" else None
                elif self._national_context(ns):
                    body = Body("政协", national())
            elif t.text in ("委员", "常委") and person not in holders:
                cppcc = self._main_cppcc(found)
                body = cppcc
            if body is None:
                continue
            role = title.role if not (t.text == "常委" and body.kind == "政协") else "常务委员"
            sent = self.a.sentence_of(ns)
            clause = self._clause_around(ns, t.end)
            out.append(Office(person, role, body, self.evidence(ns, t.end, clause if clause else sent)))
            known.add((person, role))
        return out

    def _is_gensec(self, person: str) -> bool:
        return bool(re.search(re.escape(person) + "总书记", self.s))

    def _clause_around(self, a: int, b: int) -> tuple[int, int]:
        s = self.s
        i = a
        while i > 0 and s[i - 1] not in CLAUSE_BREAK:
            i -= 1
        j = b
        while j < len(s) and s[j] not in CLAUSE_BREAK:
            j += 1
        return i, j

    def _name_before(self, pos: int) -> tuple[int, int] | None:
        """A name ending at ``pos`` that jieba segments as its own word(s)."""
        if pos not in self.a.token_starts:
            return None
        for length in (3, 2, 4):
            ns = pos - length
            if ns < 0 or ns not in self.a.token_starts:
                continue
            if self.name_at(ns) == pos and self._word_is_name(ns, pos) and _tagged_name(self.s[max(0, ns - 4) : pos + 3], self.s[ns:pos]):
                # the characters before the name must not be a body or title (then it is a chain)
                if ns in self._title_ends or ns in self._div_by_end:
                    return None
                if _BODY_RE.search(self.s[max(0, ns - 4) : ns] + "\0") and self.s[max(0, ns - 4) : ns].endswith(
                    tuple(lx.BODIES)
                ):
                    return None
                return ns, pos
        return None

    def _word_is_name(self, ns: int, ne: int) -> bool:
        """jieba agrees that ``s[ns:ne]`` is a name: one token (or surname + given name) that its
        dictionary does not know as an ordinary word, and not a count (「30余位」)."""
        if ns > 0 and (self.s[ns - 1].isdigit() or self.s[ns - 1] in "各每全本该"):
            return False
        name = self.s[ns:ne]
        tag = _word_tag(name)
        if tag is not None and not tag.startswith("nr"):
            return False
        tok = self.a.token_at(ns)
        if tok == name:
            return True
        # surname alone then the given name (jieba splits unknown names this way)
        return tok is not None and len(tok) <= 2 and ns + len(tok) < ne and (ns + len(tok)) in self.a.token_starts \
            and _word_tag(self.s[ns + len(tok) : ne]) in (None, "nr", "nrfg", "nrt", "ng")

    def _foreign_context(self, pos: int) -> bool:
        window = self.s[max(0, pos - 12) : pos]
        return any(f in window for f in _FOREIGN) or self._foreign_person(pos)

    def _foreign_person(self, pos: int) -> bool:
        """Someone the document places next to a foreign country (「以阮某总书记为首的越南共产党」)."""
        name = None
        for length in (3, 2):
            if self.name_at(pos) == pos + length:
                name = self.s[pos : pos + length]
        if not name:
            return False
        for m in re.finditer(re.escape(name), self.s):
            window = self.s[max(0, m.start() - 12) : m.end() + 15]
            if any(f in window for f in _FOREIGN):
                return True
        # a person who only ever appears in a paragraph about a foreign country
        paras = [p for p in self.s.split("\n") if name in p]
        return bool(paras) and all(any(f in p for f in _FOREIGN) for p in paras) and not any(
            re.search(r"(中共|党中央|全国政协)", p[: p.find(name)][-6:]) for p in paras
        )

    def _national_context(self, pos: int) -> bool:
        s0, s1 = self.a.sentence_of(pos)
        sent = self.s[s0:s1]
        return bool(re.search("全国|总书记|总理|国务院|中央", sent))

    def _main_cppcc(self, found: list[Office]) -> Body | None:
        bodies = [o.body for o in found if o.body.kind in ("政协", "政协专委会")]
        if bodies:
            return Body("政协", bodies[0].division)
        return None

    # ------------------------------------------------------------------ press credits

    def press_credits(self) -> list[PressCredit]:
        out: list[PressCredit] = []
        s = self.s
        roles = sorted(lx.PRESS_ROLE_WORDS, key=len, reverse=True)
        role_re = "|".join(map(re.escape, roles))
        spans: list[tuple[int, int, bool]] = []  # (start, end, names_only_is_author)
        for m in re.finditer(r"[(（【\[]([^()（）【】\[\]\n]{2,60})[)）】\]]", s):
            spans.append((m.start(1), m.end(1), self._at_end_of_item(m.end())))
        offset = 0
        for line in s.split("\n"):
            st = line.strip()
            lead = offset + (len(line) - len(line.lstrip()))
            if re.match(r"^[□■●]\s*", st):
                spans.append((lead + 1, lead + len(st), True))
            elif re.match(rf"^(文/|作者[:：]|[{HAN}]{{0,8}}?({role_re}))", st) and len(st) <= 40:
                spans.append((lead, lead + len(st), False))
            else:
                # 「……问候。 通讯员 某某某 摄影报道」 at the end of a piece (layout may run on)
                for tail in re.finditer(rf"[。!?！？]\s*((?:{role_re})\s*[{HAN}](?: ?[{HAN}]){{1,3}}\s*(?:摄影报道|报道|摄)?)(?=\s|$|[{HAN}])", line):
                    spans.append((offset + tail.start(1), offset + tail.end(1), False))
                hm = re.search(rf"(?:^|\s|\|)(?:文/|作者[:：])\s*([{HAN}·]{{2,8}})", line)
                if hm:
                    out.append(self._credit(offset + hm.start(1), offset + hm.end(1), "作者"))
            offset += len(line) + 1
        for a, b, names_author in spans:
            out.extend(self._credit_string(a, b, names_author, role_re))
        seen = set()
        uniq = []
        for p in out:
            if (p.person, p.role) not in seen:
                seen.add((p.person, p.role))
                uniq.append(p)
        return uniq

    def _at_end_of_item(self, pos: int) -> bool:
        rest = self.s[pos : pos + 3]
        return not rest.strip() or rest.startswith("\n")

    def _credit_string(self, a: int, b: int, names_author: bool, role_re: str) -> list[PressCredit]:
        """Parse 「实习记者 闫智 记者 李荣」「海南日报全媒体记者黎鹏 通讯员李发强」「程卓 高吕艳杏」."""
        s = self.s
        text = re.sub(r"[一二三四五六七八九十\d]+日电$", "", s[a:b])
        b = a + len(text)
        if text.startswith("文/") or text.startswith("作者:") or text.startswith("作者："):
            k = 2 if text.startswith("文/") else 3
            text, a = text[k:], a + k
            names_author = True
        first = re.search(role_re, text)
        if first is None and not names_author:
            return []
        if first is not None and first.start() > 0:
            junk = text[: first.start()]
            if not re.fullmatch(rf"[{HAN}]{{0,10}}", junk.strip()) or len(junk.strip()) > 10:
                return []
            if junk.strip() and not re.search("报|台|网|社|刊|媒|线|新闻|日报", junk):
                return []
        out = []
        role = "作者" if first is None else None
        i = first.start() if first is not None else 0
        pending_names: list[tuple[int, int]] = []
        while i < len(text):
            if text[i] in " \u3000、,，:：":
                i += 1
                continue
            rm = re.match(role_re, text[i:])
            if rm:
                role = lx.PRESS_ROLE_WORDS[rm.group(0)]
                i += rm.end()
                continue
            if text.startswith("摄影报道", i) or text.startswith("摄", i):
                for ns, ne in pending_names:
                    out.append(self._credit(a + ns, a + ne, "摄影"))
                i += 4 if text.startswith("摄影报道", i) else 1
                continue
            if text.startswith("报道", i):
                i += 2
                continue
            m = re.match(rf"[{HAN}]{{1,6}}[·•][{HAN}]{{1,10}}|[{HAN}]{{2,4}}(?=$|[\s、,，])|[{HAN}] [{HAN}](?=$|[\s、,，])", text[i:])
            if not m:
                m2 = re.match(rf"[{HAN}]{{2,4}}", text[i:])
                if m2 and role is not None:
                    # 「记者黎鹏 通讯员…」: the name ends where the next role word starts
                    cut = re.search(role_re, text[i : i + 6])
                    n = cut.start() if cut and cut.start() >= 2 else None
                    if n:
                        m = re.match(rf"[{HAN}]{{{n}}}", text[i:])
                if not m:
                    return []  # not a credit line after all
            name = m.group(0)
            if role is None or name in lx.NOT_NAMES or name in lx.PRESS_ROLE_WORDS:
                return []
            out.append(self._credit(a + i, a + i + len(name), role))
            pending_names = [(i, i + len(name))]
            i += len(name)
        return out

    def _credit(self, ns: int, ne: int, role: str) -> PressCredit:
        return PressCredit(self.surface(ns, ne), role, self.evidence(ns, ne, self._line_of(ns)))

    def _line_of(self, pos: int) -> tuple[int, int]:
        a = self.s.rfind("\n", 0, pos) + 1
        b = self.s.find("\n", pos)
        b = len(self.s) if b < 0 else b
        # a long paragraph: the bracketed credit only
        if b - a > 80:
            o = max(self.s.rfind("(", a, pos), self.s.rfind("（", a, pos))
            c = min([x for x in (self.s.find(")", pos, b), self.s.find("）", pos, b)) if x >= 0] or [b])
            if o >= 0:
                return o, c + 1
            return max(a, pos - 10), min(b, pos + 20)
        return a, b

    # ------------------------------------------------------------------ concepts

    def concepts(self) -> list[ConceptMention]:
        from .concepts import find_concepts

        return find_concepts(self)

    # ------------------------------------------------------------------ meetings

    def meetings(self, offices: list[Office]) -> list[Meeting]:
        """Meetings the text reports as held: 「（X主持）召开……会议」, with the date of the
        sentence or the item's dateline, the chair (the office holder who 主持召开) and the
        organiser (that holder's body, or the body named just before 召开). A meeting named again
        in the same news item (headline and body) is one meeting."""
        out: dict[tuple[int, str], Meeting] = {}
        for m in _MEETING.finditer(self.s):
            name = self.surface(m.start("name"), m.end("name"))
            s0, s1 = self.a.sentence_of(m.start())
            date = _DAY.search(self.s, max(self.ctx.item_start(m.start()), s0 - 60), m.start())
            chair = organiser = None
            if m.group("chair"):
                holders = [o for o in offices if s0 <= o.evidence.start < m.start() and self.s.find(
                    _simplified_name(o.person), s0, m.start()) >= 0]
                if holders:
                    chair, organiser = holders[-1].person, holders[-1].body
            if organiser is None:
                bm = list(_BODY_RE.finditer(self.s, max(s0, m.start() - 12), m.start()))
                if bm:
                    word = lx.BODIES[bm[-1].group(0)]
                    ref = self.ctx.resolve_level(word.level, m.start()) if word.level else None
                    if ref:
                        organiser = Body(word.kind, ref)
            meeting = Meeting(
                name=name,
                evidence=self.evidence(m.start("name"), m.end("name"), (s0, s1)),
                date=f"{date.group(1)}月{date.group(2)}日" if date else None,
                organiser=organiser,
                chair=chair,
            )
            key = (self.ctx.item_start(m.start()), re.sub(r"^[省市县区]政协", "", name))
            known = out.get(key)
            if known is None or _richer(meeting, known):
                out[key] = meeting
        return list(out.values())


_MEETING = re.compile(
    r"(?P<chair>主持)?召开(?!的|在即)(?P<name>[^,，。;；、\s召]{2,40}?(?:常委会议|会议|座谈会|协商会|常委会|全会))"
)
_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _richer(a: Meeting, b: Meeting) -> bool:
    """Does ``a`` say more about the meeting than ``b``?"""
    return sum(x is not None for x in (a.date, a.chair, a.organiser)) > sum(
        x is not None for x in (b.date, b.chair, b.organiser))


def _simplified_name(name: str) -> str:
    from .chinese import to_simplified

    return to_simplified(name)


def _tagged_name(window: str, name: str) -> bool:
    """jieba's part-of-speech tagger, run on a short window only (it is slow), calls ``name`` a
    person's name."""
    import jieba.posseg

    pos = 0
    for w in jieba.posseg.cut(window):
        if w.word == name or (name.startswith(w.word) and len(w.word) >= 1 and w.flag.startswith("nr")):
            return w.flag.startswith("nr")
        pos += len(w.word)
    return False


def _word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word, None for words it does not know."""
    from .nlp import word_tag

    return word_tag(word)


def _dedupe(offices: list[Office]) -> list[Office]:
    seen = set()
    out = []
    for o in offices:
        key = (o.person, o.role, o.body.kind, o.body.committee, o.body.division.name)
        if key not in seen:
            seen.add(key)
            out.append(o)
    return out
