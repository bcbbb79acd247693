"""The NLP layer: spaCy's blank Chinese pipeline (jieba's segmentation) plus lexicon recognition.

``analyse(text)`` returns an :class:`Analysis`: the spaCy ``Doc`` of the text (tokens from jieba's
segmentation, sentences from a punctuation sentencizer), the text in simplified characters used for all lookups
(traditional articles match the same lexicons; the conversion keeps offsets since it is character
for character), and the lexicon matches: divisions from the gazetteer and titles.

Recognition is by Aho-Corasick automata (ahocorasick_rs, leftmost-longest) over characters rather than over jieba
tokens: jieba glues titles to bodies (「政协主席」 is one token), so token-level matching would miss
them. Token boundaries are still used where they help, to decide where a person's name ends.
The matches are also written onto the Doc as spans (``doc.spans["kg"]``) for inspection.

Segmentation is jieba's (its dictionary, its HMM for unknown words) computed by jieba-rs through the
rjieba binding (:func:`segment`), about 20x faster than jieba's own Python code: the tokens equal
``jieba.lcut`` (tests/test_segmenter.py checks it against jieba itself). jieba stays for what only it
has: its part-of-speech tagger, run by extraction on short windows (:func:`word_tag` answers the
dictionary's tags without loading it).
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import accumulate

import ahocorasick_rs

from . import gazetteer
from .chinese import to_simplified
from .lexicon import TITLES, Title

# Words that contain a title but are none: 「常务委员会」 is not 常务委员 + 会.
_TITLE_BLOCKERS = (
    "委员会", "常务委员会", "常委会", "主席团", "主席会议", "主席台", "主席办公会", "书记处", "秘书处",
    "委员们", "党组会", "党组会议", "主任会议", "县长办公会", "市长热线", "主任委员会",
    "书记员", "委员履职", "委员作用", "委员风采", "委员队伍", "委员联系", "委员读书", "委员工作",
    "委员之家", "委员会客厅", "常委会议", "副主席会议",
)
# Titles of other organisations: recognised so that a name after them is found, never an office.
FOREIGN_TITLES = (
    "会长", "副会长", "执行会长", "名誉会长", "常务副会长", "主委", "副主委", "专职副主委", "召集人",
    "董事长", "副董事长", "总经理", "副总经理", "院长",
    "副院长", "校长", "副校长", "理事长", "副理事长", "社长", "主编", "负责人", "馆长", "行长", "所长",
    "经理", "合伙人", "高级合伙人", "监事长", "组长", "副组长", "队长", "副队长", "站长", "庭长", "检察长",
    "教授", "研究员", "工程师", "律师", "医师", "主任医师", "总工程师", "会计师", "创始人", "首席",
    "大使", "专员", "秘书", "干事", "处长", "副处长", "科长", "团长", "支书", "村长", "镇长", "乡长",
    # occupations written before a name like titles (「市政协委员、某医院医生某某」「…立法会议员某某」)
    "议员", "医生", "教师", "总裁", "副总裁", "行政总裁", "董事", "执行董事", "总监", "厂长", "副厂长",
    "园长", "主治医师", "副主任医师", "护士长", "总编辑", "副总编辑",
)

SENTENCE_PUNCT = ["。", "！", "？", "!", "?", "；", ";", "\n"]


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str  # "division" | "bare" (a bare short form of a division) | "title" | "other-title"
    text: str

    @property
    def divisions(self) -> list[gazetteer.Division]:
        return gazetteer.load().lookup(self.text, include_bare=self.kind == "bare")

    @property
    def title(self) -> Title | None:
        return TITLES.get(self.text)


# jieba reports at DEBUG level on stderr when it loads its dictionary (for the part-of-speech tagger),
# and sets its logger to DEBUG when imported: a filter on the logger outlasts that.
logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)

# jieba's finalseg cuts a run of letters, digits and symbols that its dictionary does not know at
# each letter/digit group (「2022-12-29」 -> 2022 - 12 - 29); jieba-rs keeps such a run whole.
_HAN = re.compile("[\u4e00-\u9fd5]")
_SYMBOL_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]*[+#&._%\-][a-zA-Z0-9+#&._%\-]*")
_ALNUM = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?")
_ALNUM_SPLIT = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


# jieba-rs's HMM breaks ties between equally likely paths otherwise than jieba's finalseg; ties need
# a character repeated inside a run of characters the dictionary does not join (「政秘秘秘政」).
_DOUBLED = re.compile("([\u4e00-\u9fd5])\\1")


def segment(text: str) -> list[str]:
    """``jieba.lcut(text)`` (accurate mode, HMM on), computed by jieba-rs.

    >>> segment("县政协主席王某2022-12-29主持会议")
    ['县政协', '主席', '王某', '2022', '-', '12', '-', '29', '主持会议']
    >>> segment("政秘秘秘政")
    ['政秘', '秘秘政']
    """
    import rjieba

    words = rjieba.cut(text)
    if _DOUBLED.search(text):
        words = _unknown_runs_as_jieba(text, words)
    if not _SYMBOL_RUN.search(text):
        return words
    out: list[str] = []
    for w in words:
        if len(w) > 1 and not _HAN.search(w) and not _ALNUM.fullmatch(w) and not rjieba.has_word(w):
            out.extend(x for x in _ALNUM_SPLIT.split(w) if x)
        else:
            out.append(w)
    return out


def _unknown_runs_as_jieba(text: str, words: list[str]) -> list[str]:
    """``words`` with each run of two or more Han characters that the dictionary leaves single
    and that repeats a character cut by jieba's own HMM (``jieba.finalseg``, no dictionary)."""
    import rjieba

    runs: list[tuple[int, int]] = []  # (start, end) of runs of single Han characters
    pos = 0
    for w in rjieba.cut(text, hmm=False):
        if len(w) == 1 and _HAN.match(w):
            if runs and runs[-1][1] == pos:
                runs[-1] = (runs[-1][0], pos + 1)
            else:
                runs.append((pos, pos + 1))
        pos += len(w)
    runs = [(s, e) for s, e in runs if e - s > 1 and _DOUBLED.search(text, s, e) and not rjieba.has_word(text[s:e])]
    if not runs:
        return words
    starts, pos = {}, 0
    for k, w in enumerate(words):
        starts[pos] = k
        pos += len(w)
    starts[pos] = len(words)
    out: list[str] = []
    k = 0
    for s, e in runs:
        if s not in starts or e not in starts:
            continue  # not on jieba-rs's token boundaries: left as it cut it
        out.extend(words[k:starts[s]])
        out.extend(_finalseg_cut(text[s:e]))
        k = starts[e]
    out.extend(words[k:])
    return out


@cache
def _jieba_tables(package: str, names: tuple[str, ...]) -> tuple:
    """Modules of jieba's subpackage ``package`` (its HMM tables, its viterbi), loaded from jieba's
    files as plain modules: importing jieba (its ``_compat`` imports pkg_resources) costs ~0.2 s
    of CPU that extraction does not otherwise need."""
    import importlib.util
    import os

    folder = os.path.join(importlib.util.find_spec("jieba").submodule_search_locations[0], package)
    out = []
    for name in names:
        spec = importlib.util.spec_from_file_location(f"kg._jieba_{package}_{name}", os.path.join(folder, f"{name}.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.append(module)
    return tuple(out)


# jieba.finalseg's own (jieba/finalseg/__init__.py, MIT licence), without importing jieba
_FINALSEG_MIN_FLOAT = -3.14e100
_FINALSEG_PREV = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}
_FINALSEG_HAN = re.compile("([\u4E00-\u9FD5]+)")
_FINALSEG_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def _finalseg_viterbi(obs: str, states: str, start_p, trans_p, emit_p):
    V = [{}]
    path = {}
    for y in states:
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], _FINALSEG_MIN_FLOAT)
        path[y] = [y]
    for t in range(1, len(obs)):
        V.append({})
        newpath = {}
        for y in states:
            em_p = emit_p[y].get(obs[t], _FINALSEG_MIN_FLOAT)
            (prob, state) = max([(V[t - 1][y0] + trans_p[y0].get(y, _FINALSEG_MIN_FLOAT) + em_p, y0)
                                 for y0 in _FINALSEG_PREV[y]])
            V[t][y] = prob
            newpath[y] = path[state] + [y]
        path = newpath
    (prob, state) = max((V[len(obs) - 1][y], y) for y in "ES")
    return (prob, path[state])


def _finalseg_cut(sentence: str) -> list[str]:
    """``list(jieba.finalseg.cut(sentence))``: jieba's HMM for words its dictionary does not know
    (tests/test_segmenter.py checks it against jieba's own)."""
    start, trans, emit = (m.P for m in _jieba_tables("finalseg", ("prob_start", "prob_trans", "prob_emit")))
    out: list[str] = []
    for blk in _FINALSEG_HAN.split(sentence):
        if _FINALSEG_HAN.match(blk):
            _, pos_list = _finalseg_viterbi(blk, "BMES", start, trans, emit)
            begin = nexti = 0
            for i, char in enumerate(blk):
                pos = pos_list[i]
                if pos == "B":
                    begin = i
                elif pos == "E":
                    out.append(blk[begin:i + 1])
                    nexti = i + 1
                elif pos == "S":
                    out.append(char)
                    nexti = i + 1
            if nexti < len(blk):
                out.append(blk[nexti:])
        else:
            out.extend(x for x in _FINALSEG_SKIP.split(blk) if x)
    return out


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spaCy's ``util.get_words_and_spaces`` for ``words`` that cover ``text`` exactly, in one pass
    (spaCy's searches the rest of the text for every word): whitespace tokens are dropped, a single
    space after a word becomes that word's trailing space, other whitespace stays a token."""
    out, spaces, _ = _tokens(words, text)
    return out, spaces


# Where spaCy's tokens differ from the segmenter's words: a space (a word's trailing space) or
# whitespace of two characters or more (one token however the segmenter cut it).
_SPACY_WHITESPACE = re.compile(r" |\s\s")


def _tokens(words: list[str], text: str) -> tuple[list[str], list[bool], list[int]]:
    """:func:`words_and_spaces` and the start of each token in ``text`` (a spaCy token's ``idx``)."""
    if not _SPACY_WHITESPACE.search(text):  # every word is a token, none has a trailing space
        return words, [False] * len(words), list(accumulate(map(len, words), initial=0))[:-1]
    out: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    pos = end = 0
    n = len(text)
    for w in words:
        start = end
        end += len(w)
        if w.isspace():
            continue
        if start > pos:
            out.append(text[pos:start])
            spaces.append(False)
            starts.append(pos)
        out.append(w)
        starts.append(start)
        pos = end
        if pos < n and text[pos] == " ":
            spaces.append(True)
            pos += 1
        else:
            spaces.append(False)
    if pos < n:
        out.append(text[pos:])
        spaces.append(False)
        starts.append(pos)
    return out, spaces, starts


class Segmenter:
    """spaCy tokenizer: ``text`` -> ``Doc`` with jieba's tokens (the ``jieba`` segmenter of
    spaCy's ``zh`` tokenizer, without jieba's Python code)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words, spaces, _ = _tokens(segment(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)


@cache
def pipeline():
    """spaCy's blank "zh" with jieba's segmentation and a sentencizer (built once per process)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("kg_sentences"):
        Language.component("kg_sentences", func=kg_sentences)
    nlp = spacy.blank("zh")  # the "char" segmenter: nothing loaded, replaced at once
    nlp.tokenizer = Segmenter(nlp.vocab)
    nlp.add_pipe("kg_sentences")
    return nlp


@cache
def _split_word_tags() -> dict[str, str]:
    """The dictionary words jieba-rs tags in pieces, with jieba's tag (kg/data/word_tags.tsv,
    made by scripts/build_word_tags.py)."""
    from importlib.resources import files

    text = files("kg").joinpath("data/word_tags.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1 << 16)  # extraction asks of the same few words again and again
def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a word of its dictionary (``jieba.posseg.dt.word_tag_tab``),
    None for a word it does not know. Asked of jieba-rs (the same dictionary, same tags); the ~2% of
    dictionary words that jieba-rs would cut in pieces come from kg/data/word_tags.tsv, so that
    jieba's own table is never loaded.

    >>> word_tag("主席"), word_tag("应邀"), word_tag("某某某某")
    ('n', 'v', None)
    """
    import rjieba

    if not word or not rjieba.has_word(word):
        return None
    tagged = rjieba.tag(word, hmm=False)
    if len(tagged) == 1:
        return tagged[0][1]
    return _split_word_tags().get(word)


@lru_cache(maxsize=1 << 16)
def word_frequency(word: str) -> int:
    """How often jieba's dictionary saw ``word`` (0 for a word it does not know): 认真 4703, 看望
    627, but 旺堆 2 and 增白 39 — syllables of names from the minorities are rare words at most.

    >>> word_frequency("主持") > 1000, word_frequency("某某某某")
    (True, 0)
    """
    import rjieba

    if not word or not rjieba.has_word(word):
        return 0
    # jieba's suggest_freq of a word its dictionary holds whole is its frequency + 1
    return rjieba.suggest_freq(word) - 1


# jieba.posseg's own splitting of a text (jieba/posseg/__init__.py)
_POS_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_POS_SKIP = re.compile(r"(\r\n|\s)")
_POS_HAN = re.compile("([\u4e00-\u9fd5]+)")
_POS_DETAIL_SKIP = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_POS_ENG = re.compile("[a-zA-Z0-9]+")
_POS_NUM = re.compile(r"[.0-9]+")
_ASCII_ALNUM = re.compile("[a-zA-Z0-9]+")


def _posseg_model():
    """jieba.posseg's HMM (its ``viterbi`` and the four tables), loaded from jieba's files as
    plain modules: importing ``jieba.posseg`` would load jieba's whole dictionary and tag table
    (~1.6 s of CPU), which :func:`pos_cut` asks of jieba-rs instead."""
    viterbi, states, start, trans, emit = _jieba_tables(
        "posseg", ("viterbi", "char_state_tab", "prob_start", "prob_trans", "prob_emit"))
    return viterbi.viterbi, states.P, start.P, trans.P, emit.P


def pos_cut(text: str) -> list[tuple[str, str]]:
    """``[(w.word, w.flag) for w in jieba.posseg.cut(text)]`` (HMM on), without loading jieba's
    dictionary: the dictionary's best path is jieba-rs's (:func:`segment` without the HMM), the
    tags of dictionary words :func:`word_tag`'s, and runs of characters the dictionary leaves
    single go through jieba.posseg's own HMM (:func:`_posseg_model`). tests/test_segmenter.py
    checks it against jieba.posseg itself.

    >>> pos_cut("会上，李文辉主持会议")
    [('会上', 't'), ('，', 'x'), ('李文辉', 'nr'), ('主持会议', 'n')]
    """
    out: list[tuple[str, str]] = []
    for block in _POS_BLOCK.split(text):
        if not block:
            continue
        if _POS_BLOCK.fullmatch(block):
            out.extend(_pos_cut_block(block))
            continue
        for x in _POS_SKIP.split(block):
            if _POS_SKIP.fullmatch(x):
                out.append((x, "x"))
                continue
            for ch in x:
                out.append((ch, "m" if _POS_NUM.match(ch) else "eng" if _POS_ENG.match(x) else "x"))
    return out


def _route(block: str) -> list[str]:
    """jieba's dictionary path through ``block`` (``Tokenizer.calc``): jieba-rs's cut without the
    HMM, with the runs of single letters and digits it glues together taken apart again."""
    import rjieba

    out: list[str] = []
    for w in rjieba.cut(block, hmm=False):
        if len(w) > 1 and w.isascii() and _ASCII_ALNUM.fullmatch(w) and not rjieba.has_word(w):
            out.extend(w)
        else:
            out.append(w)
    return out


def _pos_cut_block(block: str) -> list[tuple[str, str]]:
    """jieba.posseg's ``__cut_DAG`` of one block."""
    import rjieba

    out: list[tuple[str, str]] = []
    buf = ""

    def flush():
        if len(buf) == 1:
            out.append((buf, word_tag(buf) or "x"))
        elif not rjieba.has_word(buf):
            out.extend(_pos_cut_detail(buf))
        else:
            out.extend((ch, word_tag(ch) or "x") for ch in buf)

    for word in _route(block):
        if len(word) == 1:
            buf += word
            continue
        if buf:
            flush()
            buf = ""
        out.append((word, word_tag(word) or "x"))
    if buf:
        flush()
    return out


def _pos_cut_detail(text: str) -> list[tuple[str, str]]:
    """jieba.posseg's ``__cut_detail``: Han runs through its HMM, the rest as numbers and words."""
    out: list[tuple[str, str]] = []
    for block in _POS_HAN.split(text):
        if not block:
            continue
        if _POS_HAN.fullmatch(block):
            out.extend(_pos_hmm(block))
            continue
        for x in _POS_DETAIL_SKIP.split(block):
            if x:
                out.append((x, "m" if _POS_NUM.match(x) else "eng" if _POS_ENG.match(x) else "x"))
    return out


def _pos_hmm(text: str) -> list[tuple[str, str]]:
    """jieba.posseg's ``__cut``: words and tags from its HMM's best state path."""
    viterbi, states, start, trans, emit = _posseg_model()
    _, path = viterbi(text, states, start, trans, emit)
    out: list[tuple[str, str]] = []
    begin = nexti = 0
    for i, ch in enumerate(text):
        pos = path[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            out.append((text[begin:i + 1], path[i][1]))
            nexti = i + 1
        elif pos == "S":
            out.append((ch, path[i][1]))
            nexti = i + 1
    if nexti < len(text):
        out.append((text[nexti:], path[nexti][1]))
    return out


_SENTENCE_END = re.compile("[" + "".join(SENTENCE_PUNCT) + "]+")


def kg_sentences(doc):
    """(The ``kg_sentences`` pipeline component.) Sentence starts after 。！？；and line ends, set
    with array operations: spaCy's sentencizer does the same token by token."""
    return set_sentences(doc, doc.text)


def set_sentences(doc, text: str):
    """Mark sentence starts on ``doc`` (whose text is ``text``: ``Doc.text`` rebuilds the string
    from the tokens on every call) and keep them as character spans in ``doc.user_data``."""
    import numpy
    from spacy.attrs import IDX, SENT_START

    if len(doc) == 0:
        return doc
    starts = doc.to_array([IDX]).ravel()
    ends = numpy.fromiter((m.end() for m in _SENTENCE_END.finditer(text)), dtype=starts.dtype)
    flags = numpy.full(len(doc), -1, dtype="int64")
    flags[0] = 1
    is_start = numpy.isin(starts, ends)
    flags[is_start] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    first = sorted({0, *starts[is_start].tolist()})
    doc.user_data["kg_sentences"] = list(zip(first, first[1:] + [len(text)]))
    return doc


class _Automaton:
    """Leftmost-longest matching of a fixed set of words (ahocorasick_rs, the Rust aho-corasick
    crate: ~15x pyahocorasick's ``iter_long`` over Chinese text), each word with its kind."""

    def __init__(self, words: dict[str, str]):
        self.words = list(words)
        self.kinds = list(words.values())
        self._ac = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def matches(self, text: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, word, kind)`` of the leftmost-longest matches, in text order."""
        words, kinds = self.words, self.kinds
        return [(s, e, words[i], kinds[i]) for i, s, e in self._ac.find_matches_as_indexes(text)]


@cache
def _automata():
    gaz = gazetteer.load()
    main: dict[str, str] = {}
    bare: dict[str, str] = {}
    for text, aliases in gaz.aliases.items():
        if any(not a.bare for a in aliases):
            main[text] = "division"
        if any(a.bare for a in aliases):
            bare[text] = "bare"
    for surface in TITLES:
        main[surface] = "title"
    for surface in FOREIGN_TITLES:
        if surface not in TITLES:
            main[surface] = "other-title"
    for surface in _TITLE_BLOCKERS:
        main[surface] = "block"
    return _Automaton(main), _Automaton(bare)


def _longest(automaton: _Automaton, text: str) -> list[Match]:
    return [Match(s, e, kind, surface) for s, e, surface, kind in automaton.matches(text) if kind != "block"]


@dataclass
class Analysis:
    """A text segmented and matched against the lexicons. Tokens and sentences are read from the
    segmentation directly; the spaCy ``Doc`` (with the same tokens, sentence starts and the matches
    as ``doc.spans["kg"]``) is built the first time :attr:`doc` is asked for, so that extraction,
    which needs only token and sentence boundaries, neither imports spaCy nor builds a Doc."""

    text: str  # the document text as printed
    search: str  # the same text in simplified characters (same length)
    words: list[str] = field(repr=False)  # spaCy's tokens of ``search`` (whitespace as spaCy keeps it)
    spaces: list[bool] = field(repr=False)  # whether each token has a trailing space
    starts: list[int] = field(repr=False)  # each token's first character
    matches: list[Match] = field(default_factory=list)  # divisions (full forms) and titles, leftmost-longest
    bare: list[Match] = field(default_factory=list)  # bare short forms of divisions (張掖, 两当): trusted only in context

    @cached_property
    def doc(self):
        """The spaCy ``Doc`` over ``search`` (as ``pipeline()(search)`` makes it), with the
        matches as spans ``doc.spans["kg"]``."""
        from spacy.tokens import Doc

        doc = set_sentences(Doc(pipeline().vocab, words=self.words, spaces=self.spaces), self.search)
        spans = []
        for m in self.matches:
            span = doc.char_span(m.start, m.end, label=m.kind.upper(), alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["kg"] = spans
        return doc

    @cached_property
    def _token_spans(self) -> dict[int, int]:
        """token start -> token end."""
        return {s: s + len(w) for s, w in zip(self.starts, self.words)}

    @cached_property
    def token_starts(self) -> set[int]:
        return set(self._token_spans)

    @cached_property
    def token_ends(self) -> set[int]:
        return set(self._token_spans.values())

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Character spans of the Doc's sentences (the same as ``doc.sents``: a sentence starts
        at a token that follows 。！？；or a line end)."""
        if not self.starts:
            return []
        token_starts = self.token_starts
        first = sorted({0, *(m.end() for m in _SENTENCE_END.finditer(self.search) if m.end() in token_starts)})
        return list(zip(first, first[1:] + [len(self.search)]))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def token_at(self, i: int) -> str | None:
        """The jieba token starting at character ``i``, if one does."""
        end = self._token_spans.get(i)
        return None if end is None else self.search[i:end]

    def sentence_of(self, i: int) -> tuple[int, int]:
        """The sentence containing character ``i``."""
        if not self.sentences:
            return (0, len(self.text))
        k = max(0, bisect.bisect_right(self._sentence_starts, i) - 1)
        return self.sentences[k]


def _stands_alone(m: Match, a: Analysis) -> bool:
    """A two-character division name (代县, 和县, 礼县) is one only where jieba keeps it whole:
    「新时代县域」 holds no 代县 and 「省市和县委」 no 和县, but 「礼县政协」 is 礼县's CPPCC."""
    if m.end - m.start > 2:
        # 「赵立新和县委」 (赵立新/和/县委): a name that jieba cuts on neither side and across words is
        # inside other words; inside one word it is the word's (中共山东省委)
        return m.start in a.token_starts or m.end in a.token_ends \
            or not any(k in a.token_starts for k in range(m.start + 1, m.end)) or _after_its_parent(m, a)
    if m.start not in a.token_starts:
        return _after_its_parent(m, a)
    bodies = ("政协", "人大", "政府", "人民")
    text = a.search
    if text[m.start] in "和与及同" and m.start > 0 and "\u4e00" <= text[m.start - 1] <= "\u9fff" \
            and not text.startswith(bodies, m.end) \
            and _division_ending_at(a, m.start) is None:
        return False  # 「会议和县第十六届人大」: a conjunction and a level word; 「马鞍山市和县」 is one
    if m.end in a.token_ends or text.startswith(bodies, m.end):
        return True
    # 「涉县委书记」 (jieba: 涉/县委书记): the county's own Party committee, where the name opens its clause
    # or follows its city; 「应县委邀请」「新县委书记」「代县委书记」 are a preposition, "new" and "acting"
    return text.startswith("委", m.end) and text[m.start] not in "应新代和" and (
        m.start == 0 or not "\u4e00" <= text[m.start - 1] <= "\u9fff"
        or _division_ending_at(a, m.start) is not None)


def _after_its_parent(m: Match, a: Analysis) -> bool:
    """「陇南市礼县」「山南市错那市」 (jieba: 陇南/市礼/县政协, 山南/市错/那/市政协): a division right
    after its own city is one, however jieba cut them."""
    before = _division_ending_at(a, m.start)
    return before is not None and any(x.parent in {p.code for p in before.divisions} for x in m.divisions)


def _division_ending_at(a: Analysis, pos: int) -> Match | None:
    """The division match (before the dropping) that ends at ``pos``, if any."""
    return next((d for d in a.matches if d.kind == "division" and d.end == pos), None)


def analyse(text: str) -> Analysis:
    """Segment ``text`` (in simplified characters) and match it against the lexicons."""
    search = to_simplified(text)
    words, spaces, starts = _tokens(segment(search), search)
    main, bare = _automata()
    analysis = Analysis(text, search, words, spaces, starts, _longest(main, search), _longest(bare, search))
    kept, dropped = [], []
    for m in analysis.matches:
        (kept if m.kind != "division" or _stands_alone(m, analysis) else dropped).append(m)
    if dropped:
        kept = _recover_overlapped(kept, dropped, main, search)
    analysis.matches = kept
    return analysis


def _recover_overlapped(kept: list[Match], dropped: list[Match], main: "_Automaton", search: str) -> list[Match]:
    """The matches a dropped division hid (「和县长」: the leftmost-longest pass took 和县, which is a
    conjunction and 县长 here): the automaton again from the character after its start."""
    starts = {m.start for m in kept}
    added = []
    for d in dropped:
        lo = d.start + 1
        nxt = min((m.start for m in kept if m.start >= d.end), default=len(search))
        for m in _longest(main, search[lo:nxt]):
            m = Match(m.start + lo, m.end + lo, m.kind, m.text)
            if m.kind != "division" and m.start < d.end and m.start not in starts:
                added.append(m)
    return sorted(kept + added, key=lambda m: m.start) if added else kept
