"""``kg.layout.datelines`` (the dateline regex searched only before each 「讯」) finds what the
regex finds over the whole text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.corpus import iter_paths, read_document
from kg.layout import DATELINE, datelines

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "data").glob("*/texts") if p.is_dir() and not {"real7", "real8", "real9", "real10", "real11", "bio4", "bio5"} & set(p.parts))]


def whole(text: str) -> list[int]:
    return [m.start() for m in DATELINE.finditer(text)]


def test_corpora():
    texts = [read_document(p).text for p in iter_paths(CORPORA)]
    assert sum(len(whole(t)) for t in texts) > 20
    assert [datelines(t) for t in texts] == [whole(t) for t in texts]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(list("本报刊讯两当县市张掖12月3日 通员，\n") + ["讯", "讯", "本报讯", "通讯员"]),
                max_size=60).map("".join))
def test_any_text(text):
    assert datelines(text) == whole(text)
