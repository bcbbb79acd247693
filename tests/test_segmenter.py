"""kg's segmenter (jieba-rs) gives jieba's own tokens, and spaCy Docs built on them equal those of
spaCy's ``jieba`` segmenter; ``word_tag`` answers jieba's dictionary tags. jieba itself is the oracle."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.corpus import iter_paths, read_document
from kg.nlp import Segmenter, pipeline, segment, to_simplified, word_tag

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "seeds", *sorted(p for p in (ROOT / "tests" / "data").glob("*/texts") if p.is_dir())]

jieba = pytest.importorskip("jieba")
jieba.setLogLevel(logging.WARNING)


def corpus_texts() -> list[tuple[str, str]]:
    return [(p.name, to_simplified(read_document(p).text)) for p in iter_paths(CORPORA)]


def test_every_test_corpus_segments_as_jieba():
    texts = corpus_texts()
    assert len(texts) >= 30
    for name, text in texts:
        assert segment(text) == jieba.lcut(text), name
        ours, theirs = pipeline().make_doc(text), _spacy_jieba().make_doc(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs], name


# Han characters of the corpora's words, letters, digits, the symbols jieba treats specially, and
# whitespace of every kind: where a segmenter's rules for mixed text can differ.
ALPHABET = list("政协主席王某会议张掖市高台县的了和委员常务副秘书长") + list("0123456789abcXYZ") + \
    list("-.%+#&_ ,。：:/（）()\n\t\u3000") + ["\r\n", "  ", "2022-12-29", "28-29", "3.5%", "AT&T", "c#", "B超", "v1.2"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=40).map("".join))
def test_mixed_text_segments_as_jieba(text):
    assert segment(text) == jieba.lcut(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=40).map("".join))
def test_docs_equal_spacys_jieba_docs(text):
    theirs = _spacy_jieba().make_doc(text)
    ours = Segmenter(pipeline().vocab)(text)
    assert [(t.text, t.whitespace_, t.idx) for t in ours] == [(t.text, t.whitespace_, t.idx) for t in theirs]


@cache
def _spacy_jieba():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def test_word_tag_is_jiebas_dictionary_tag():
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    assert len(table) > 300_000
    wrong = [w for w, tag in table.items() if word_tag(w) != tag]
    assert wrong == []
    # words jieba does not know: substrings of the corpora that are not dictionary words
    text = "".join(t for _, t in corpus_texts()[:10])
    unknown = {text[i:i + n] for n in (2, 3, 4) for i in range(0, len(text) - n, 7)} - set(table)
    assert len(unknown) > 1000
    assert [w for w in unknown if word_tag(w) is not None] == []



def test_analysis_reads_what_the_doc_holds():
    """Tokens and sentences read from the segmentation are the lazily built Doc's."""
    from kg.nlp import analyse

    for name, text in corpus_texts():
        a = analyse(text)
        assert "doc" not in a.__dict__  # not built until asked for
        doc = a.doc
        assert doc.text == a.search, name
        assert a._token_spans == {t.idx: t.idx + len(t) for t in doc}, name
        assert a.sentences == [(s.start_char, s.end_char) for s in doc.sents], name
        assert [s.label_ for s in doc.spans["kg"]] == [m.kind.upper() for m in a.matches
                                                       if doc.char_span(m.start, m.end, alignment_mode="expand")]


def test_extraction_loads_neither_spacy_nor_jiebas_dictionary_for_plain_text():
    import subprocess
    import sys

    code = ("import sys; from kg.build import prepare; prepare(sys.argv[1], 'https://w3id.org/kg-cppcc/'); "
            "print('spacy' in sys.modules, 'jieba' in sys.modules)")
    # o04: plain text; the seed: names before titles, which ask the part-of-speech tagger (pos_cut)
    for text in (ROOT / "tests" / "data" / "own" / "texts" / "o04.txt", ROOT / "seeds" / "000_157ccbf3c41ff8ee.txt"):
        out = subprocess.run([sys.executable, "-c", code, str(text)], capture_output=True, text=True, check=True)
        assert out.stdout.split() == ["False", "False"], (text.name, out.stdout + out.stderr)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET + ["\n", "\n", "政协主席"]), min_size=0, max_size=40).map("".join))
def test_tokens_are_spacys_get_words_and_spaces(text):
    from kg.nlp import _tokens

    words, spaces, starts = _tokens(segment(text), text)
    doc = _spacy_jieba().make_doc(text)
    assert (words, spaces, starts) == ([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.idx for t in doc])


def test_pos_cut_is_jiebas_posseg_on_every_window_of_the_corpora():
    """kg's part-of-speech cut (jieba-rs's dictionary path, jieba.posseg's HMM for unknown runs)
    equals ``jieba.posseg.cut`` on windows of every length extraction asks about, and on whole texts."""
    import random

    import jieba.posseg

    from kg.nlp import pos_cut

    rnd = random.Random(0)
    checked = 0
    for name, text in corpus_texts():
        assert pos_cut(text) == [(w.word, w.flag) for w in jieba.posseg.cut(text)], name
        for i in range(0, len(text), 5):
            window = text[i:i + rnd.randint(5, 14)]
            assert pos_cut(window) == [(w.word, w.flag) for w in jieba.posseg.cut(window)], (name, window)
            checked += 1
    assert checked > 10_000


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET + ["秘秘", "谢谢", "王某某", "\r"]), min_size=1, max_size=30).map("".join))
def test_mixed_text_pos_cut_as_jiebas_posseg(text):
    import jieba.posseg

    from kg.nlp import pos_cut

    assert pos_cut(text) == [(w.word, w.flag) for w in jieba.posseg.cut(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET + ["秘秘", "政秘秘秘政", "12.5%", "ab"]), min_size=1, max_size=20).map("".join))
def test_finalseg_cut_is_jiebas(text):
    """kg's copy of jieba.finalseg (jieba's HMM for runs its dictionary leaves single, loaded
    without importing jieba) cuts as jieba's own does."""
    import jieba.finalseg

    from kg.nlp import _finalseg_cut

    assert _finalseg_cut(text) == list(jieba.finalseg.cut(text))


def test_a_text_of_unknown_doubled_characters_does_not_import_jieba():
    import subprocess
    import sys

    code = ("import sys; from kg.nlp import segment; print(segment('政秘秘秘政'), 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['政秘',", "'秘秘政']", "False"], out.stdout + out.stderr
