"""Reading an analysed document: where names end, clauses and items, evidence sentences.

The extraction components (offices, press, meetings, concepts) share one :class:`Reader` per
document: the text in simplified characters (``text``, what every rule reads), the lexicon matches
of the analysis indexed by position, and the helpers that decide where a person's name ends. A
reader knows division names only as the spans the analysis found; it never looks them up in the
gazetteer (that is resolution's work).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .. import lexicon as lx
from .. import nlp
from ..corpus import Document
from ..layout import dateline_spans, item_breaks
from ..nlp import Analysis, Match
from ..records import Evidence, NameAt

HAN = r"\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")  # (on one character: the same as "\u4e00" <= c <= "\u9fff", which is faster)
_HAN_RUN = re.compile(f"[{HAN}]+")
CLAUSE_BREAK = set(",，;；。！？!?:：\n()（）“”\"「」『』《》")
ITEM_BREAK = "、"
# a rank or status note after a title: 「副主席(正县级)」「主任(兼)」
RANK_NOTE = re.compile(
    r"[(（](?:正|副)?(?:省部|厅局|县处|乡科|厅|县|处|科|局|部)?级?(?:待遇)?[)）]"
    r"|[(（](?:兼|挂职|兼任|代|女|正县级|副县级|正处级|副处级|正厅级|副厅级)[)）]"
    r"|[(（](?:主持|负责)(?:日常|全面)?工作[)）]"  # 「副书记(主持工作)」: a duty, no other post
    # 「孙某(兼秘书长)当选为副主席」: a concurrent post noted after a name (read by _bracketed_posts)
    r"|[(（]兼任?(?:" + "|".join(sorted(map(re.escape, lx.TITLES), key=len, reverse=True)) + r")[)）]"
    r"|[(（](?:男|女)?[,，、]?[\u4e00-\u9fff]{1,3}族[)）]"  # 「孙某(女)」「李某(回族)」 after a name
    # a photograph's place after a name: 「李某(中)」「赵某(左二)」「王某(前排右一)」
    r"|[(（](?:[前后]排)?(?:[左右][一二三四五六七八九十\d]{1,2}|中|居中)[)）]"
)
# a part of a committee's name in brackets: 「港澳台侨(外事)委员会」
COMMITTEE_NOTE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）](?=[\u4e00-\u9fff]{0,6}?(?:委员会|委))")
# a part of a firm's name in brackets: 「某某(集团)有限责任公司总经理」
EMPLOYER_NOTE = re.compile(r"[(（](?:集团|控股|股份|中国|国际|香港|澳门)[)）](?=[\u4e00-\u9fff])")
_CLAUSE = re.compile("(?:" + RANK_NOTE.pattern + "|" + COMMITTEE_NOTE.pattern + "|" + EMPLOYER_NOTE.pattern + "|[^"
                     + re.escape("".join(sorted(CLAUSE_BREAK))) + "])+")
_ITEM = re.compile("[^" + ITEM_BREAK + "]+")
# (a ministry's word before 门 is the generic 「部门」: 「公安部门」「民政部门」 name no ministry)
BODY_WORD = re.compile("|".join(re.escape(w) + ("(?!门)" if w.endswith("部") else "")
                                for w in sorted(lx.BODIES, key=len, reverse=True)))
# 「政协两当县第十届委员会」「中国人民政治协商会议某某自治州第十三届委员会」「政协某某地区工委」
# 「政协岚县第九届委员会」 (a one-character stem)
CPPCC_FORMAL = re.compile(
    r"(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十百零〇\d]+届)?"
    rf"(?P<div>[{HAN}]{{1,12}}?(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|特区|省|市|县|区|州|旗|盟))"
    r"(?:第?[一二三四五六七八九十百零〇\d]+届)?(?P<end>委员会|工委)"
)
FOLLOWERS = frozenset(lx.NAME_FOLLOWERS)
FOLLOWER_LENGTHS = sorted({len(w) for w in FOLLOWERS}, reverse=True)
_FOLLOWER_FIRSTS = frozenset(w[0] for w in FOLLOWERS if w)
# the first parts of a name joined by ·: 「艾某·某某某」
_JOINED_NAME = re.compile(rf"[{HAN}]{{1,6}}[·•・\-](?:[{HAN}]{{1,10}}[·•・\-])?(?=[{HAN}])")


# the close of a list of places: 「永靖、东乡等县」「临夏、和政等地」
_PLACES_CLOSE = re.compile("等(?:县市|县区|市县|乡镇|[省市县区州旗盟乡镇地])")
# a post stated as what its holder is before the name: 「身为全国政协委员的甲」
_AS_A = re.compile("(?:作为|身为|身兼|同为)(?:一名|一位)?(?=[^，,。；;！？!?\n]*$)")
_CLAUSE_CUT = re.compile("[，,。；;！？!?\n].*(?:作为|身为|身兼|同为)")
# a count closing a list of names: 「甲、乙、丙三位同志为……」「丁等四名委员」
_COUNT_AFTER_NAME = re.compile("[一二两三四五六七八九十]+(?:位|名)(?:同志|委员|代表)")
# the last character of a unit's name (农水委, 办公厅, 研究室), never of a person's
_UNIT_ENDS = "委会部办局厅处组室"


class Reader:
    """One document as the extraction components read it."""

    def __init__(self, doc: Document, analysis: Analysis):
        self.doc = doc
        self.analysis = analysis
        self.text = analysis.search  # simplified characters, offsets as in doc.text
        self.titles = [m for m in analysis.matches if m.kind in ("title", "other-title")]
        self._title_starts = [m.start for m in self.titles]
        self.title_by_start = {m.start: m for m in self.titles}
        self.title_ends = {m.end for m in self.titles}
        self.divisions = [m for m in analysis.matches if m.kind == "division"]
        self.division_by_start = {m.start: m for m in self.divisions}
        self.division_by_end = {m.end: m for m in self.divisions}
        self._division_ends = [m.end for m in self.divisions]
        inside_full = [m for m in analysis.bare if not any(d.start <= m.start < d.end for d in self.divisions)]
        self.bare_by_end = {m.end: m for m in inside_full}
        self.formal = {m.start(): m for m in CPPCC_FORMAL.finditer(self.text)}

    @cached_property
    def named_bodies(self):
        """Every body the text names with its division (:func:`kg.extract.bodies.named_bodies`)."""
        from .bodies import named_bodies

        return named_bodies(self)

    # -- evidence -------------------------------------------------------------------------------

    def evidence(self, start: int, end: int, clause: tuple[int, int] | None = None) -> Evidence:
        """Evidence for the fact at ``[start, end)``: the clause (or the sentence) around it, as
        printed in the source file."""
        s0, s1 = clause or self.analysis.sentence_of(start)
        s0, s1 = min(s0, start), max(s1, end)
        # a joined line break maps to the next line's first character: keep it out of the span
        s1 = min(s1, len(self.text))
        while s1 > max(s0, end) and self.text[s1 - 1].isspace():
            s1 -= 1
        src0, src1 = self.doc.source_span(s0, s1)
        sentence = self.doc.source_text[src0:src1].replace("\r", "").replace("\n", "").strip()
        sentence = sentence.rstrip("。;；,，")
        ss, se = self.doc.source_span(start, end)
        return Evidence(start, end, ss, se, sentence)

    def surface(self, start: int, end: int) -> str:
        """The text as printed (traditional stays traditional), layout spaces removed."""
        return re.sub(r"\s+", "", self.doc.text[start:end])

    def clause_around(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        i = start
        while i > 0 and text[i - 1] not in CLAUSE_BREAK:
            i -= 1
        j = end
        while j < len(text) and text[j] not in CLAUSE_BREAK:
            j += 1
        return i, j

    def line_of(self, pos: int) -> tuple[int, int]:
        """The line holding ``pos``; in a long paragraph, the bracketed span (or a window) around it."""
        text = self.text
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        b = len(text) if b < 0 else b
        if b - a > 80:
            o = max(text.rfind("(", a, pos), text.rfind("（", a, pos))
            c = min([x for x in (text.find(")", pos, b), text.find("）", pos, b)) if x >= 0] or [b])
            if o >= 0:
                return o, c + 1
            return max(a, pos - 10), min(b, pos + 20)
        return a, b

    # -- structure ------------------------------------------------------------------------------

    def paragraphs(self):
        """``(start, end)`` of each line of the text."""
        start = 0
        for line in self.text.split("\n"):
            yield start, start + len(line)
            start += len(line) + 1

    def clauses(self, start: int, end: int):
        """Spans between clause punctuation; a rank note after a title (「副主席(正县级)王某」) is
        no break, the end of a dateline is (「本报镇康讯 县政协主席某某」: 镇 is no town's)."""
        cuts = self._dateline_ends
        for m in _CLAUSE.finditer(self.text, start, end):
            s, e = m.start(), m.end()
            k = bisect.bisect_right(cuts, s)
            while k < len(cuts) and cuts[k] < e:
                yield s, cuts[k]
                s = cuts[k]
                while s < e and self.text[s].isspace():
                    s += 1
                k += 1
            if s < e:
                yield s, e

    @cached_property
    def _dateline_ends(self) -> list[int]:
        """Where a dateline that opens a line or names the paper ends (「本报两当讯」「张掖讯 」),
        not 「通讯」 inside a sentence."""
        text = self.text
        out = []
        for s, e in dateline_spans(text):
            opens = text.startswith(("本报", "本刊"), s) or s == 0 or text[s - 1] in "\n】]"
            if opens and (e == len(text) or text[e].isspace() or text[e] in "（(电"):
                out.append(e)
        return out

    def items(self, start: int, end: int):
        """Spans between 「、」, and at 「兼」 right after a title (「常委兼副秘书长」)."""
        text = self.text
        for m in _ITEM.finditer(text, start, end):
            i = m.start()
            k = text.find("兼", i, m.end())
            while k >= 0:
                if k in self.title_ends:
                    if k > i:
                        yield i, k
                    i = k + 1
                k = text.find("兼", k + 1, m.end())
            if m.end() > i:
                yield i, m.end()

    @cached_property
    def item_breaks(self) -> list[int]:
        """Where news items start (:func:`kg.layout.item_breaks`)."""
        return item_breaks(self.text)

    def item_start(self, pos: int) -> int:
        """The start of the news item holding ``pos``."""
        k = bisect.bisect_right(self.item_breaks, pos) - 1
        return self.item_breaks[max(0, k)]

    # -- titles and divisions ---------------------------------------------------------------------

    def title_at(self, i: int) -> Match | None:
        return self.title_by_start.get(i)

    def titles_in(self, start: int, end: int) -> list[Match]:
        """The title matches inside ``[start, end)``."""
        k = bisect.bisect_left(self._title_starts, start)
        out = []
        while k < len(self.titles) and self.titles[k].start < end:
            if self.titles[k].end <= end:
                out.append(self.titles[k])
            k += 1
        return out

    def after_title(self, title: Match) -> int:
        """Where a name after ``title`` starts: right after it, or after a rank note."""
        note = RANK_NOTE.match(self.text, title.end) or CANDIDATE_WORD.match(self.text, title.end)
        if note:
            return note.end()
        if self.text.startswith("的", title.end) and _AS_A.search(self.text, max(0, title.start - 16), title.start) \
                and not _CLAUSE_CUT.search(self.text, max(0, title.start - 16), title.start):
            return title.end + 1  # 「身为全国政协委员的甲」「作为县政协主席的乙」: the post, then its holder
        return title.end

    def divisions_in(self, start: int, end: int) -> list[Match]:
        k = bisect.bisect_right(self._division_ends, start)
        out = []
        while k < len(self.divisions) and self.divisions[k].start < end:
            m = self.divisions[k]
            if start <= m.start and m.end <= end:
                out.append(m)
            k += 1
        return out

    def division_names_before(self, pos: int, floor: int) -> tuple[NameAt, ...]:
        """The chain of division names ending exactly at ``pos`` (张掖市高台县; 中共 allowed)."""
        chain: list[NameAt] = []
        p = pos
        while True:
            m = self.division_by_end.get(p)
            if m is None or m.start < floor:
                if self.text[max(floor, p - 2) : p] == "中共":
                    p -= 2
                    continue
                break
            chain.insert(0, NameAt(m.text, m.start))
            p = m.start
        return tuple(chain)

    def formal_names(self, fm: re.Match) -> tuple[NameAt, ...]:
        """The division names of a formal committee name (「政协某某市某某区第十四届委员会」): the
        chain the analysis found there when it spans the whole name, else the name as printed."""
        chain = self.division_names_before(fm.end("div"), fm.start("div"))
        if chain and chain[0].start == fm.start("div"):
            return chain
        return (NameAt(fm.group("div"), fm.start("div")),)

    def bare_before(self, pos: int, floor: int) -> Match | None:
        """A bare short form of a division ending right at ``pos`` (陇西 in 陇西市政协)."""
        m = self.bare_by_end.get(pos)
        return m if m is not None and m.start >= floor else None

    def starts_chain(self, i: int) -> bool:
        """Is the item at ``i`` a title chain (body/title), not a name?"""
        if self.title_at(i) is not None or i in self.division_by_start or i in self.formal:
            return True
        return bool(BODY_WORD.match(self.text, i))

    # -- names ----------------------------------------------------------------------------------

    def name_at(self, i: int, lenient: bool = False) -> int | None:
        """End of a person's name starting at ``i`` (see :meth:`_name_end`); a name that ends in
        和/与/及 right before a list separator keeps it (「巴图孟和、王某」), and so does a name that
        ends in a one-character verb before 「、」 (「旗长孟和达来、」: no verb stands before 、)."""
        e = self._name_end(i, lenient)
        text = self.text
        if e is not None and e - i < 6 and e + 1 < len(text) and text[e + 1 : e + 2] in ("、", ",", "，") \
                and (text[e] in "和与及" or (text[e + 1] == "、" and HAN_CHAR.match(text[e])
                                             and text[e] not in _CLOSES_A_NAME and e not in self.title_by_start)):
            return e + 1
        return e

    def _name_end(self, i: int, lenient: bool = False) -> int | None:
        """End of a person's name starting at ``i`` (one layout space allowed inside), or None.

        ``lenient``: the name is an item of a list, so a dictionary word is taken as a name too.
        """
        text = self.text
        if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff":
            return None
        if i in self.division_by_start:
            return None  # 「张掖市、高台县两级……」: a division's full name is no person's
        m = _JOINED_NAME.match(text, i)
        if m and any(p in self.title_by_start for p in range(i, m.end())):
            return None  # 「副省长某某·某某当选」: a title before the name is none of it
        if m:  # 「艾某·某某某主持」: the last part ends where a follower word starts
            k = m.end()
            ends = []
            for e in range(k + 2, min(k + 11, len(text) + 1)):
                if e == len(text) or not HAN_CHAR.match(text[e]):
                    ends.append(e)
                    break
                if text.startswith("来", e) and not text.startswith(("来到", "来自"), e):
                    continue  # 来 inside a transliterated name (「某某·阿布来提」), not 「来到」
                if self.is_follower(e) or text[e] in _CLOSES_A_NAME:
                    ends.append(e)
            if not ends:
                return None
            # the first follower word of two characters or more (「某某·某某来提主持会议并讲话」) that
            # no other follower starts inside (「某某·某某提出席」: 提出 or 出席) or a character that
            # closes a name (在, 率), else the first follower (「某某·某某说」), else the clause's end
            followers = [e for e in ends if e < len(text) and HAN_CHAR.match(text[e])]
            for e in followers:
                w = next(n for n in FOLLOWER_LENGTHS if text[e : e + n] in FOLLOWERS or n == 1)
                if text[e] in _CLOSES_A_NAME or (w >= 2 and e - k <= 6
                                                 and not any(e < f < e + w and self._long_follower(f) for f in followers)):
                    return e
            return followers[0] if followers else ends[-1]
        # a layout space inside a two-character name: 「罗 琼」
        if i + 3 <= len(text) and text[i + 1] == " " and HAN_CHAR.match(text[i + 2]) and text[i] in lx.SURNAMES:
            after = text[i + 3 : i + 4]
            if not after or not HAN_CHAR.match(after) or self.boundary(i + 3):
                return i + 3
        surname = 2 if text[i : i + 2] in lx.COMPOUND_SURNAMES else 1 if text[i] in lx.SURNAMES else 0
        if not surname:
            return self.bounded_name(i, lenient)
        options = [i + surname + 1, i + surname + 2]
        # a known verb after a two-character given name ends it (「某丽娟感慨」); after one character it
        # may be the rest of a longer name (「满都|拉布|和」)
        good = [e for e in options if e <= len(text) and _HAN_RUN.fullmatch(text, i, e)
                and (self.boundary(e) or (e == options[1] and self._verb_at(e))
                     or (e == options[0] and self._verb_at(e) and surname == 1
                         and self.analysis.token_at(i) == text[i:e] and word_tag(text[i:e]) in ("nr", None)))]
        # (a one-character given name before a verb jieba segments apart: 「刘洋继续」, where jieba
        # keeps the name one token; 「满都|拉布|和」 is cut inside the name)
        good = [e for e in good if not self._cuts_a_verb(e)]  # 「委员普遍认为」: no 普遍认
        good = [e for e in good if (plausible_name(text[i:e], self._closes_a_name(e)) or _ends_before_separator(text, e))
                and (((lenient or text[e : e + 1] == ITEM_BREAK) and not _function_word(text[i:e]))
                     or (not_a_word(text[i:e]) and not self._starts_with_a_word(i, e)))
                and text[i + surname : e] not in _TITLE_PARTS]
        if not good:
            bounded = self.bounded_name(i, lenient)
            if bounded is not None:
                return bounded
            # no word after the name says where it ends: jieba's token does (「某某通过」)
            tok = self.analysis.token_at(i)
            if tok and 2 <= len(tok) <= 3 and all(HAN_CHAR.match(c) for c in tok) and plausible_name(tok) \
                    and (word_tag(tok) in ("nr", "nrfg", "nrt") or (lenient and word_tag(tok) is None)):
                return i + len(tok)
            return None
        if text[good[-1] : good[-1] + 1] == "和" and self.bounded_name(i, lenient) == good[-1] + 1:
            return good[-1] + 1  # 「乌兰孟和出席」: a Mongolian name ending in 和, its first syllable a surname
        if len(good) == 2:
            if text[good[0]] in "任为" and self.titles_in(good[0] + 1, good[0] + 10) \
                    and text[good[1] : good[1] + 1] not in ("、", ",", "，", ";", "；", "。", ""):
                return good[0]  # 「某某任视察团顾问」: 任 starts the post, not the given name
            if text[good[0]] == "说" and (good[1] >= len(text) or not HAN_CHAR.match(text[good[1]])):
                return good[0]  # 「……主任崔某说。」
            if text[good[0]] == "作" and self._follower_at(good[0], 2):
                return good[0]  # 「州长曾某作通报」「主任委员金某作“……”专题讲座」 (jieba: 曾某作/通报)
            if text[good[0]] in "和及与" and (good[1] == len(text) or not HAN_CHAR.match(text[good[1]])
                                             or (self.is_follower(good[1]) and not self.starts_chain(good[1]))):
                return good[1]  # 「王建和出席」「张国和在会上讲话」: a joining word needs something to join
            # both ends look possible (「王为民主持」 vs 「王为」): trust jieba's token
            tok = self.analysis.token_at(i)
            if tok and len(tok) == good[1] - i:
                return good[1]
            # 「晏永和、张某」: a list separator after the longer name outweighs a joining word
            if lenient or (good[1] < len(text) and text[good[1]] in "、,，"):
                if text[good[0]] in "和及与" and (good[1] == len(text) or text[good[1]] in "、,，;；。"):
                    return good[1]
            if text[good[1] : good[1] + 1] == ITEM_BREAK:
                return good[1]  # 「李大为、王某」: a one-character word before a list's 、 governs nothing
            tok2 = self.analysis.token_at(good[0])
            if tok2 is not None and self.is_follower(good[0]):
                return good[0]
            return good[1] if not self.is_follower(good[0]) else good[0]
        return good[0]

    def bounded_name(self, i: int, lenient: bool = False) -> int | None:
        """End of a name no surname list vouches for (Mongolian, Tibetan, Uyghur names: 4–6
        characters, often no Han surname): the run from ``i`` to the first word that bounds a name
        (a list separator or clause break, a follower word, a title, a count), if that run reads as
        a name. Two- and three-character runs only inside a list (``lenient``)."""
        text = self.text
        if self.is_follower(i) or i in self.division_by_start:
            return None
        for e in range(i + 2, min(i + 7, len(text)) + 1):
            if e < len(text) and "\u4e00" <= text[e] <= "\u9fff" and not self._bounds_name(e) \
                    and (text[e] not in _COUNT_FIRSTS or not COUNT.match(text, e)):
                if e in self.division_by_start:
                    return None
                continue
            if text[e : e + 1] in "和及与" and e + 1 < i + 7 and self._closes_a_name(e + 1):
                continue
            # a short one only in a list, or closed by punctuation and unknown to the dictionary
            # as a word (「州政协主席才让,」)
            closed = self._closes_a_name(e)
            run = text[i:e]
            if text[e : e + 1] == "的" and self._holds_a_common_word(i, e, common=1):
                return None  # 「委员既要学好党的理论」: a clause; 「某某某某的讲话」 holds no word
            # a short run only when the dictionary does not know it (「州政协主席才让,」), or knows
            # it as a name, a place or a rare word and a verb follows (「主任德吉主持」)
            if e - i < 4 and not lenient and not ((word_tag(run) is None and (e - i == 3 or closed))
                                                  or (_unknown_word(run) and self._long_follower(e))):
                return None
            return e if looks_like_a_name(run, self.analysis, i, closed) and not self._ends_in_a_word(i, e) else None
        return None

    def _starts_with_a_word(self, i: int, e: int) -> bool:
        """A three-character run that jieba reads as an ordinary word and a character (「满意度」
        「同心大」) is no name."""
        if e - i != 3 or self.analysis.token_at(i) == self.text[i:e]:
            return False
        head = self.text[i : i + 2]
        tag = word_tag(head)
        if self.analysis.token_at(i) != head or tag is None:
            return False
        # a word whose next token the end would cut (同心|大讲堂)
        cut = self.analysis.token_at(i + 2)  # the word the name's end would cut
        return e not in self.analysis.token_ends and not tag.startswith("nr") and cut is not None \
            and len(cut) > 1 and word_tag(cut) is not None

    def _ends_in_a_word(self, i: int, e: int) -> bool:
        """Does ``text[i:e]`` end in an ordinary word (「某某某再次」「某某某特邀」)? A name does not.
        A long run that ends in a rare word and holds no common one is a name cut into rare pieces
        (达瓦|旺堆, 那顺|宝音), not a phrase."""
        for k in range(e - 2, i, -1):
            tok = self.analysis.token_at(k)
            if tok is not None and k + len(tok) == e:
                if len(tok) < 2 or not _ordinary(tok):
                    return False
                return not (e - i >= 4 and word_tag(tok).startswith("n") and word_frequency(tok) < _RARE
                            and not self._holds_a_common_word(i, k))
        return False

    def _holds_a_common_word(self, i: int, e: int, common: int | None = None) -> bool:
        """Does jieba cut an ordinary word of two characters or more, seen ``common`` times or
        more (default: :data:`_COMMON`), out of ``text[i:e]``?"""
        common = _COMMON if common is None else common
        k = i
        while k < e:
            tok = self.analysis.token_at(k)
            if tok is None:
                k += 1
                continue
            if k + len(tok) <= e and len(tok) >= 2 and _ordinary(tok) and word_frequency(tok) >= common:
                return True
            k += len(tok)
        return False

    def _long_follower(self, e: int) -> bool:
        """A follower word of two characters or more starts at ``e`` (参加, 出席, 主持会议)."""
        return self._follower_at(e, 2)

    def _bounds_name(self, e: int) -> bool:
        """A follower word at ``e`` that can end a name no surname vouches for: a word of two
        characters or more, a title, or one of the few single characters that close a list."""
        if e in self.title_by_start:
            return True
        return self._long_follower(e) or self.text[e : e + 1] in _BOUNDS_A_NAME

    def _cuts_a_verb(self, e: int) -> bool:
        """Does ``e`` fall inside a common word jieba segments as one (「普遍认为」)? A name does not
        end there."""
        a = self.analysis
        if e in a.token_starts or e >= len(self.text):
            return False
        k = bisect.bisect_right(a.starts, e) - 1
        if k < 0:
            return False
        token = a.words[k]
        return a.starts[k] < e < a.starts[k] + len(token) and len(token) >= 2 \
            and not (word_tag(token) or "nr").startswith("nr") \
            and word_frequency(token) >= (_COMMON if len(token) == 2 else 1)  # an idiom is rare but a word

    def _verb_at(self, e: int) -> bool:
        """Does jieba's segmentation start a verb or an adverb of two characters or more at ``e``
        (「感慨」「逐一」)? The follower list cannot hold every verb the press puts after a name
        (nouns are no guide: 「政协委员和社会各界」 is no 委员 和社会)."""
        token = self.analysis.token_at(e)
        if token is None or len(token) < 2:
            return False
        tag = word_tag(token)
        return tag in ("v", "vd", "d", "ad")  # not 「有关」 (vn): 「政协主席和市有关部门」

    def _closes_a_name(self, e: int) -> bool:
        """Does what starts at ``e`` close a name (a verb of two characters or more, punctuation, the
        text's end, or 在/为/等/向)? Then a 和 before it is the name's last character (「苏和向大会作报告」)."""
        return e >= len(self.text) or not "\u4e00" <= self.text[e] <= "\u9fff" or self._long_follower(e) \
            or self.text[e] in "在为等向对被"

    def is_follower(self, e: int) -> bool:
        """Does a word that ends a name (主持, 出席, a title ...) start at ``e``?"""
        return self._follower_at(e, 1) or e in self.title_by_start

    def _follower_at(self, e: int, shortest: int) -> bool:
        """Does a follower word of ``shortest`` characters or more start at ``e``?"""
        if self.text[e : e + 1] not in _FOLLOWER_FIRSTS:
            return False
        rest = self.text[e : e + 6]
        return any(rest[:n] in FOLLOWERS for n in FOLLOWER_LENGTHS if n >= shortest)

    def boundary(self, e: int) -> bool:
        text = self.text
        if e >= len(text):
            return True
        if not "\u4e00" <= text[e] <= "\u9fff":
            return True
        return self.is_follower(e) or _COUNT_AFTER_NAME.match(text, e) is not None

    def names_from(self, i: int, end: int) -> tuple[list[tuple[int, int]], int]:
        """Names separated by 、 starting at ``i``: [(start, end)], and where the list stops."""
        text = self.text
        out = []
        while i < end:
            e = self.name_at(i, lenient=bool(out))
            if e is None or e > end:
                break
            out.append((i, e))
            j = e
            if text.startswith("同志", j):
                j += 2
            if (note := RANK_NOTE.match(text, j)) is not None:
                j = note.end()  # 「李某(中)、赵某(右)」
            if j < end and text[j] == ITEM_BREAK:
                nxt = self.name_at(j + 1, lenient=True)
                # a following item that starts a new chain is not another name
                if nxt is not None and not self.starts_chain(j + 1):
                    i = j + 1
                    continue
            # 「副主席王某和李某出席」: the last name joined by 和/及/与, if a name ends the list there
            if j + 1 < end and text[j] in "和及与":
                nxt = self.name_at(j + 1)
                if nxt is not None and nxt <= end and not self.starts_chain(j + 1) and (
                        nxt == end or not HAN_CHAR.match(text[nxt]) or text.startswith(("等", "同志"), nxt)
                        or self.is_follower(nxt)) and word_tag(text[j + 1 : nxt]) in (None, "nr", "nrfg", "nrt"):
                    i = j + 1
                    continue
            return self._places_listed(out), j
        return self._places_listed(out), i

    def _places_listed(self, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``names`` without the places of a list that closes as one of places (「甲、永靖、东乡等县」)."""
        return [n for n in names if not self.place_in_list(*n)]

    @cached_property
    def _place_spans(self) -> dict[int, int]:
        return {m.start: m.end for m in self.analysis.bare} | {m.start: m.end for m in self.divisions}

    def place_in_list(self, i: int, e: int) -> bool:
        """Is ``text[i:e]`` a division's name (full or bare) in a list of places, one that closes with
        「等县」「等地」 after more places (「永靖、东乡、积石山等县」)?"""
        spans = self._place_spans
        if spans.get(i) != e:
            return False
        k = e
        while k < len(self.text) and self.text[k] == ITEM_BREAK and (k + 1) in spans:
            k = spans[k + 1]
        return bool(_PLACES_CLOSE.match(self.text, k))

    def name_before(self, pos: int, after_body: bool = False) -> tuple[int, int] | None:
        """A name ending at ``pos`` that jieba segments as its own word(s) (「王某总理」), the longest
        one (「端木某某总书记」, not 某某). With ``after_body``, also one right after a body's words
        (「某某市政协甲副主席」), which opens its words as a name opening a clause does."""
        tokens = self.analysis.token_starts
        if pos not in tokens:
            return None
        text = self.text
        dotted = self._dotted_name_before(pos)
        if dotted is not None:
            return dotted
        for ns in range(max(0, pos - 4), pos - 1):
            body_before = BODY_WORD.search(text[max(0, ns - 4) : ns] + "\0") is not None \
                and text[max(0, ns - 4) : ns].endswith(tuple(lx.BODIES))
            # (jieba may join a body's last character to the name: 「区委|曾某某」 as 「委曾|某某」)
            if (ns not in tokens and not (after_body and body_before)) or self.name_at(ns) != pos:
                continue
            # 「,唐某某副主席传达……」「甲、乙、孙明亮副主席」: a name that opens its clause or list
            # item needs no tag from jieba's dictionary, only a surname and no word it knows
            if body_before and after_body and (text[pos - 1] in _UNIT_ENDS or "兼" in text[ns:pos]
                                               or any(k in self.title_by_start for k in range(ns, pos))):
                continue  # 「某某区人大农水委委员」「全国政协常委兼主席」: a unit or a title, not a name
            opens_clause = (ns == 0 or text[ns - 1] in CLAUSE_BREAK or self._after_a_listed_name(ns)
                            or (after_body and body_before)) \
                and text[ns] in lx.SURNAMES \
                and text[ns] not in _CLAUSE_OPENERS \
                and pos - ns in (2, 3) and not_a_word(text[ns:pos]) and self._no_word_inside(ns, pos) \
                and pos not in self.division_by_end and pos not in self.bare_by_end
            if not opens_clause and not self._word_is_name(ns, pos):
                continue
            if text[ns] in "和与及" and ns + 2 < pos:  # 「全会和某某书记的讲话」: a conjunction, not a surname
                continue
            if not opens_clause and text[ns : ns + 2] not in lx.COMPOUND_SURNAMES \
                    and not tagged_name(text[max(0, ns - 4) : pos + 3], text[ns:pos]):
                continue
            # the characters before the name must not be a body or title (then it is a chain)
            if ns in self.title_ends or ns in self.division_by_end:
                return None
            if body_before and not after_body:
                return None
            return ns, pos
        return None

    def _dotted_name_before(self, pos: int) -> tuple[int, int] | None:
        """A ·-joined name ending at ``pos`` (「……期间,帕尔哈提·米吉提总书记」): its first part
        reaches back over the tokens that are no common word, up to a break."""
        text = self.text
        m = re.search(rf"[{HAN}]{{1,6}}[·•・\-][{HAN}]{{1,10}}$", text[max(0, pos - 18) : pos])
        if not m:
            return None
        dot = pos - len(m.group(0)) + re.search("[·•・\\-]", m.group(0)).start()
        starts = sorted(p for p in self.analysis.token_starts if dot - 8 <= p < dot)
        ns, end = dot, dot
        for p in reversed(starts):
            word = text[p:end]
            if not all(HAN_CHAR.match(c) for c in word) or (len(word) >= 2 and _ordinary(word)
                                                              and word_frequency(word) >= _COMMON):
                break
            ns, end = p, p
        if ns == dot or dot - ns > 6 or ns in self.title_ends or ns in self.division_by_end:
            return None
        return ns, pos

    def _after_a_listed_name(self, ns: int) -> bool:
        """Does a list of names reach ``ns`` (「陈某某、」 right before it, itself opening its clause)?"""
        end = ns - 1
        if end < 2 or self.text[end] != ITEM_BREAK:
            return False
        return any(self.name_at(k, lenient=True) == end and (k == 0 or self.text[k - 1] in CLAUSE_BREAK
                                                              or self.text[k - 1] == ITEM_BREAK)
                   for k in range(max(0, end - 4), end - 1))

    def _no_word_inside(self, ns: int, ne: int) -> bool:
        """No token of two characters or more in ``text[ns:ne]`` is a verb or function word
        (「宣布了」 holds 宣布, 「都直言」 直言); given names are often adjectives or nouns (孙|明亮)."""
        starts = sorted(p for p in self.analysis.token_starts if ns <= p < ne)
        for a, b in zip(starts, starts[1:] + [ne]):
            tag = word_tag(self.text[a:b]) if b - a >= 2 else None
            if tag and tag[0] in "vdcprum":
                return False
        return True

    def _word_is_name(self, ns: int, ne: int) -> bool:
        """jieba agrees that ``text[ns:ne]`` is a name: one token (or surname + given name) that its
        dictionary does not know as an ordinary word, and not a count (「30余位」)."""
        text = self.text
        if ns > 0 and (text[ns - 1].isdigit() or text[ns - 1] in "各每全本该"):
            return False
        name = text[ns:ne]
        tag = word_tag(name)
        if tag is not None and not tag.startswith("nr"):
            return False
        tok = self.analysis.token_at(ns)
        if tok == name:
            return True
        # surname alone then the given name (jieba splits unknown names this way)
        return tok is not None and len(tok) <= 2 and ns + len(tok) < ne and (ns + len(tok)) in self.analysis.token_starts \
            and word_tag(text[ns + len(tok) : ne]) in (None, "nr", "nrfg", "nrt", "ng")


# surnames that open a clause far more often as a conjunction or adverb (「但更多委员」「都直言」)
_CLAUSE_OPENERS = frozenset("但都也还就又更并和与及而才再却仍即便且亦")
# a candidate's word between a title and the name (「县长候选人某某」; offices.py keeps no such office)
CANDIDATE_WORD = re.compile("候选人|提名人选|建议人选|人选")
# single characters that end a name no surname vouches for (「主席某某某向大会作报告」「某某某的讲话」)
_BOUNDS_A_NAME = "等为和及与说率在向的作对以亦也获赴"
# single characters that end a ·-joined name wherever they follow it (「某某·某某在会上说」)
_CLOSES_A_NAME = "在等为率的被对向作以亦也获赴"  # (「某某·某某被提名增补为」「某某·某某对新当选的」)
# a count that closes a list of names: 「甲、乙、丙8名委员」「甲、乙等委员」
# the characters a COUNT starting with a Han character starts with
_COUNT_FIRSTS = frozenset("等一二两三四五六七八九十")
COUNT = re.compile(r"(?:等)?(?:\d+|[一二两三四五六七八九十]+)(?:名|位|人)|等(?:[{HAN}]{{0,4}}委员|人|同志)".format(HAN=HAN))
# what ends a place or an organisation, never a name
_NOT_NAME_ENDS = tuple("市县区省州旗盟镇乡村局委办部会厅院校所站队组处科室社团馆人"
                       ) + ("中心", "公司", "集团", "街道", "社区", "人员", "代表", "干部", "群众", "领导")
# characters of grammar, never inside a name
_GRAMMAR = set("的了们这个之着过吗呢吧")  # not 那: 那顺, 那木 begin Mongolian names


def looks_like_a_name(name: str, analysis: Analysis | None = None, start: int = 0, closed: bool = False) -> bool:
    """Could ``name`` (bounded by the words around it, not by a surname list) be a person's name?
    Not a title, a body, a place or an organisation; no grammar words; no common word that jieba's
    dictionary knows as something other than a name. ``closed``: a verb or punctuation follows, so
    a last 和 is part of the name (「呼和主持」), not a conjunction.

    >>> looks_like_a_name("莫日根吉雅"), looks_like_a_name("积极建言"), looks_like_a_name("市委")
    (True, False, False)
    """
    if not 2 <= len(name) <= 6 or not _HAN_RUN.fullmatch(name):
        return False
    if not plausible_name(name, closed) or name.endswith(_NOT_NAME_ENDS) or _GRAMMAR.intersection(name):
        return False
    if BODY_WORD.search(name) or _holds_one_of(name, _LONG_TITLES) or _holds_one_of(name, _LONG_MARKERS):
        return False
    tag = word_tag(name)
    if tag is not None and not tag.startswith("nr") and tag not in ("nz", "ns", "n", "ng") \
            and not (closed and len(name) == 2 and word_frequency(name) < _COMMON):  # 「主席达来主持」
        return False
    # a noun or place of the dictionary, unless a place it has hardly seen (洛桑久美 ns 1: a name);
    # two characters: a noun the dictionary has seen often (「委员书屋」「委员感言」, where 边巴 and 宝音 are
    # seen at most a few times)
    if len(name) == 2 and tag in ("n", "ng") and word_frequency(name) >= _RARE:
        return False
    if len(name) > 2 and (tag == "n" or (tag == "ns" and word_frequency(name) >= _RARE)):
        return False
    # jieba's words inside: ordinary words covering most of it say it is a phrase (候选人名单,
    # 积极建言); names are cut into unknown pieces or tagged as names (哈斯/巴/雅尔)
    if len(name) > 2:
        if analysis is None:
            from ..nlp import segment

            tokens = segment(name)
        else:
            tokens = []
            k = start
            while k < start + len(name):
                tok = analysis.token_at(k)
                if tok is None:
                    k += 1
                    continue
                if k + len(tok) <= start + len(name):
                    tokens.append(tok)
                k += len(tok)
        words = sum(len(t) for t in tokens if len(t) >= 2 and _ordinary(t) and word_frequency(t) >= _COMMON)
        if 2 * words >= len(name):
            return False
        # a clause, not a name: a preposition inside (「会议对某某」), or a very common word first
        if any(len(t) == 1 and t not in "和与及同跟" and word_tag(t) == "p" for t in tokens[1:]):
            return False
        if tokens and len(tokens[0]) >= 2 and _ordinary(tokens[0]) and word_frequency(tokens[0]) >= _VERY_COMMON:
            return False
    return True


# the titles and markers of other organisations of two characters or more, which no name holds
_LONG_TITLES = frozenset(t for t in lx.TITLES if len(t) >= 2)
_LONG_MARKERS = frozenset(m for m in lx.FOREIGN_ORG_MARKERS if len(m) >= 2)


def _holds_one_of(name: str, words: frozenset[str]) -> bool:
    """Does ``name`` (a few characters) hold one of ``words`` (each of two characters or more)?"""
    n = len(name)
    return any(name[a:b] in words for a in range(n - 1) for b in range(a + 2, n + 1))


# how often jieba's dictionary must have seen a word for it to count as an ordinary word inside a
# run that might be a name: the pieces of minority names are rare words (旺堆 2, 增白 39), the words
# of a phrase common ones (认真 4703, 看望 627)
_COMMON = 100
# a word this common never begins a name (会议 28362; the Uyghur name 买买提 271)
_VERY_COMMON = 1000
# a noun seen this rarely ends a name cut into rare pieces (旺堆 1, 宝音 4), not a phrase
_RARE = 20


def word_frequency(word: str) -> int:
    return nlp.word_frequency(word)


# a number written in characters (「委员六百余人」「廿八日」) is no name
_NUMERALS = re.compile("[一二两三四五六七八九十百千万廿卅零〇]+")
# the first words of titles: 「秘书长和常务委员」 holds no person 和常务
_TITLE_PARTS = frozenset(("常务", "专职", "驻会", "党组", "秘书", "主任", "主席"))


def _ends_before_separator(text: str, e: int) -> bool:
    """「晏某和、」: a name ending in 和/与/及 right before a list separator is whole."""
    return text[e - 1] in "和与及" and e < len(text) and (text[e] in "、,，;；。" or text[e] in "为任等")


def _function_word(word: str) -> bool:
    """An adverb, conjunction, preposition, pronoun, particle or numeral (「其实」「同时」), or a
    common verb (「委员管理、群众参与」: 管理 27190): never a name, even inside a list."""
    tag = word_tag(word)
    if tag == "m" and not _NUMERALS.search(word[1:]):
        return False  # 「万峰」 (m): the surname 万 and a given name, no number
    return tag is not None and (tag[0] in "dcprum" or (tag[0] == "v" and word_frequency(word) >= _VERY_COMMON))


def _ordinary(word: str) -> bool:
    """A word jieba's dictionary knows as something other than a name."""
    tag = word_tag(word)
    return tag is not None and not tag.startswith("nr") and tag not in ("nz", "ns")


# jieba's tags of verbs, idioms, adjectives and adverbs: what a four-character name does not open with
_VERBAL_TAGS = frozenset(("v", "vn", "vd", "i", "l", "a", "ad", "d"))
# characters that are surnames too rarely to outweigh their use as a preposition or an adverb
_FUNCTION_CHARS = frozenset("由在对为从将把被也都就还又均已正自至")


def plausible_name(name: str, closed: bool = False) -> bool:
    if name in lx.NOT_NAMES or name in lx.TITLES or name in lx.BODIES or _NUMERALS.fullmatch(name):
        return False
    if len(name) == 3 and name[-1] in "度率性":  # 满意度, 覆盖率: abstract nouns
        return False
    if len(name) == 3 and name[0] in _FUNCTION_CHARS and word_tag(name[1:]) in ("t", "f", "r", "j"):
        return False  # 「由上届」「在今年」「均以来」: a preposition or adverb and a time or place word
    if len(name) == 4 and name[:2] not in lx.COMPOUND_SURNAMES and word_tag(name[:2]) in _VERBAL_TAGS \
            and not all(c in lx.TRANSLITERATION_CHARS for c in name):
        return False  # 「政协委员汇聚一堂」: four characters opening with a verb (not 买买提某某)
    if len(name) >= 3 and (name[1:] in lx.TITLES or (name[2:] in lx.TITLES and name[:2] in lx.COMPOUND_SURNAMES)):
        return False  # 「委员和常委」「王主席」: a surname (or a conjunction) and a title, not a given name
    if name[0] in "各每该此" or (len(name) >= 3 and name[-1] == "界"):
        return False  # 「委员各尽其才」: a distributive, no surname; 「港澳委员和侨界委员」: a sector (侨界, 工商界)
    return not name.endswith(("同志", "等") if closed else ("同志", "等", "和", "与", "及"))


def _unknown_word(word: str) -> bool:
    """Not a common ordinary word of jieba's dictionary: unknown, a name or place (德吉 ns), or rare
    (达来 6)."""
    return not _ordinary(word) or word_frequency(word) < _COMMON


def not_a_word(name: str) -> bool:
    """jieba's dictionary does not know ``name`` as an ordinary word (「应邀」 is a verb)."""
    tag = word_tag(name)
    # people are named after places (ns), and after rare proper nouns (江华 nz 36; not 和平 nz 7998)
    return tag is None or tag.startswith("nr") or tag == "ns" or (tag == "nz" and word_frequency(name) < _COMMON)


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word, None for words it does not know."""
    return nlp.word_tag(word)


def tagged_name(window: str, name: str) -> bool:
    """jieba's part-of-speech tagger, run on a short window only (it is slow), calls ``name`` a
    person's name."""
    from ..nlp import pos_cut

    for word, flag in pos_cut(window):
        if word == name or (name.startswith(word) and len(word) >= 1 and flag.startswith("nr")):
            return flag.startswith("nr")
    return False
