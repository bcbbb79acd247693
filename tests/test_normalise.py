"""``kg.corpus.normalise`` (one ``str.translate``, string splits) gives exactly the text and offset
map of the per-character reference it replaced (kept here as the oracle)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.corpus import _continues, _wrap_width, iter_paths, normalise

ROOT = Path(__file__).resolve().parent.parent


def reference(raw: str) -> tuple[str, tuple[int, ...]]:
    """The per-character normalise of kg 0.1 (before the fast path), with the lost middle dot read
    back (one character for one, as kg.corpus does first)."""
    from kg.corpus import _LOST_JOINER

    raw = _LOST_JOINER.sub("·", raw)
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(raw):
        if c == "\r":
            continue
        n = unicodedata.normalize("NFKC", c) if ord(c) > 127 else c
        for d in n:
            chars.append(d)
            origin.append(i)

    # split into lines of (text, origins), stripped of surrounding whitespace
    lines: list[tuple[str, list[int]]] = []
    start = 0
    for i in range(len(chars) + 1):
        if i == len(chars) or chars[i] == "\n":
            seg_c, seg_o = chars[start:i], origin[start:i]
            a, b = 0, len(seg_c)
            while a < b and seg_c[a].isspace():
                a += 1
            while b > a and seg_c[b - 1].isspace():
                b -= 1
            lines.append(("".join(seg_c[a:b]), seg_o[a:b]))
            start = i + 1
    nonempty = [ln for ln in lines if ln[0]]
    width = _wrap_width([t for t, _ in nonempty])

    paragraphs: list[tuple[str, list[int]]] = []
    cur_t, cur_o = "", []
    last_line = ""
    for text, orig in nonempty:
        previous, last_line = last_line, text
        if cur_t and width and _continues(previous, text, width):
            if cur_t[-1].isascii() and cur_t[-1].isalnum() and text[0].isascii() and text[0].isalnum():
                cur_t += " "
                cur_o = cur_o + [cur_o[-1]]
            cur_t += text
            cur_o = cur_o + orig
            continue
        if cur_t:
            paragraphs.append((cur_t, cur_o))
        cur_t, cur_o = text, list(orig)
    if cur_t:
        paragraphs.append((cur_t, cur_o))

    paragraphs = [without_glosses(t, o) for t, o in paragraphs]
    seen: set[str] = set()
    out_t: list[str] = []
    out_o: list[int] = []
    for text, orig in paragraphs:
        if len(text) >= 8 and text in seen:
            continue  # an exact repeat of an earlier paragraph (a layout duplicate)
        seen.add(text)
        if out_t:
            out_t.append("\n")
            out_o.append(orig[0])
        out_t.append(text)
        out_o.extend(orig)
    return "".join(out_t), tuple(out_o)


PINYIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ")


def without_glosses(text: str, orig: list[int]) -> tuple[str, list[int]]:
    """Pinyin glosses after a Han character (「協(xié)」) and a comma before 、 dropped, by scanning."""
    keep_t, keep_o = [], []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "(" and i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
            j = i + 1
            while j < len(text) and text[j] in PINYIN:
                j += 1
            if 1 <= j - i - 1 <= 7 and j < len(text) and text[j] == ")":
                i = j + 1
                continue
        if c == "," and text[i + 1 : i + 2] == "、":
            i += 1
            continue
        keep_t.append(c)
        keep_o.append(orig[i])
        i += 1
    return "".join(keep_t), keep_o


LAYOUT = st.sampled_from(list("政协主席王某会议县委员二十大。，、“”（）；：") + ["１２", "ＡＢ", "abc", "12", "㈠", "\u3000", " ", "\t",
                                                                          "\n", "\r\n", "\n\n", "\r", "本报讯", "作者", "e\u0301",
                                                                          "(xié)", "(qū)", ",", "(ab)"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LAYOUT, max_size=120).map("".join))
def test_same_as_reference_on_layout_text(raw):
    assert normalise(raw) == reference(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_same_as_reference_on_any_text(raw):
    assert normalise(raw) == reference(raw)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("政协主席王某二十大１２ab ，。")), min_size=10, max_size=24),
                min_size=8, max_size=30), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_same_as_reference_on_wrapped_columns(lines, sep):
    raw = sep.join(lines)
    assert normalise(raw) == reference(raw)


def test_same_as_reference_on_every_corpus_file():
    paths = list(iter_paths([ROOT / "seeds", ROOT / "tests" / "data"]))
    assert len(paths) >= 30
    for p in paths:
        raw = p.read_bytes().decode("utf-8-sig", "replace")
        assert normalise(raw) == reference(raw), p.name


def test_a_rosters_lines_are_not_joined_in_a_wrapped_layout():
    from kg.corpus import parse_document

    lines = ["委员:(按姓名笔画为序)", "丁一凡 马晓东 王建军", "刘志强 张小燕(女)", "陈大海 李明华 王刚",
             "孙大伟 赵国庆 钱文忠", "周小川 吴敬琏 郑必坚", "冯仑 何振梁 许家印", "蒋介一 沈国放 韩正"]
    text = parse_document("\n".join(lines).encode(), "r.txt").text
    assert text.split("\n") == lines
