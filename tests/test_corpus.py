"""Reading articles: encodings, HTML, bad input, normalisation and its offset map."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.corpus import iter_paths, normalise, parse_document, read_document
from kg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_ee4d71fc7cc600b3.txt"
TRAD = "省政協主席葉冬松向大會作政協河北省第十二屆委員會常務委員會工作報告。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_simplified_encodings_give_the_same_document(tmp_path, encoding):
    text = SEED.read_text(encoding="utf-8")
    f = tmp_path / f"a-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    assert read_document(f).id == read_document(SEED).id


def test_big5_traditional_text(tmp_path):
    f = tmp_path / "big5.txt"
    f.write_bytes((TRAD * 3).encode("big5"))
    doc = read_document(f)
    assert doc.encoding == "big5"
    assert doc.text.startswith("省政協主席葉冬松")


def test_html_page_gives_the_article_text(tmp_path):
    page = tmp_path / "page.html"
    body = "".join(f"<p>{p}</p>" for p in SEED.read_text(encoding="utf-8").split("\n\n")[:40])
    page.write_text(f"<html><head><title>t</title></head><body><nav>首页 | 新闻</nav><article>{body}</article>"
                    "<footer>版权所有</footer></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert "嘉峪关市政协主席" in doc.text
    assert "<p>" not in doc.text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (bytes(range(128, 256)) * 4, "cannot decode"),
])
def test_bad_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(InputError) as e:
        parse_document(data, "bad.txt")
    assert str(e.value).startswith("bad.txt: ") and reason in str(e.value)


def test_huge_file_is_refused_before_reading(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes("政协".encode() * 1000)
    with pytest.raises(InputError, match="too large"):
        read_document(f, max_bytes=1000)


def test_layout_is_undone():
    # a newspaper column: words broken across blank lines, full-width digits, a repeated paragraph
    first = ["会议传达学习了党的二", "", "十大精神，审议通过了", "", "２０２３年工作要点，", "", "由王某主持。"]
    second = ["县政协召开常委会议，", "", "研究部署下一阶段工作", "", "安排，会议由副主席李", "", "某主持。"]
    text, offsets = normalise("\n".join(first + [""] + second + [""] + first))
    assert text.split("\n") == ["会议传达学习了党的二十大精神,审议通过了2023年工作要点,由王某主持。",
                                 "县政协召开常委会议,研究部署下一阶段工作安排,会议由副主席李某主持。"]


def test_folders_expand_to_article_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("政协", encoding="utf-8")
    (tmp_path / "a" / "y.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "z.md").write_text("政协", encoding="utf-8")
    ignored: list[str] = []
    assert [p.name for p in iter_paths([tmp_path, tmp_path / "z.md"], ignored)] == ["x.txt", "z.md"]
    assert len(ignored) == 1 and "y.jpg: not an article file (.jpg" in ignored[0]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政协主席　１２ＡＢ，。\n\r \t“”二十大（）")), max_size=200))
def test_offset_map_points_back_at_the_source(raw):
    text, offsets = normalise(raw)
    assert len(offsets) == len(text)
    assert list(offsets) == sorted(offsets)  # reading order is kept
    for i, c in enumerate(text):
        if c == "\n":
            continue  # paragraph breaks stand for layout, not for a source character
        src = raw[offsets[i]]
        assert c in unicodedata.normalize("NFKC", src) or c == " "


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_normalising_twice_changes_nothing(raw):
    once, _ = normalise(raw)
    assert normalise(once)[0] == once
