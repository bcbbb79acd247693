"""Regenerate kg/data/word_tags.tsv: the words of jieba's dictionary that jieba-rs (rjieba) cuts in
pieces when asked to tag them alone, with jieba's part-of-speech tag for each.

:func:`kg.nlp.word_tag` answers every other dictionary word from jieba-rs itself (the same
dictionary and tags), and these from the file, so that a build never loads jieba's own 349,045-entry
table (about 1 s of CPU). tests/test_segmenter.py checks every dictionary word against jieba.

    python scripts/build_word_tags.py
"""

from __future__ import annotations

from pathlib import Path

import jieba
import rjieba

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "word_tags.tsv"


def main() -> None:
    tags: dict[str, str] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, _, tag = line.strip().split(" ")
            tags[word] = tag  # a later line wins, as in jieba.posseg's load_word_tag
    split = sorted(w for w in tags if len(rjieba.tag(w, hmm=False)) != 1)
    lines = [f"# jieba {jieba.__version__} dictionary words that rjieba "
             "tags in pieces; word<TAB>jieba's tag (scripts/build_word_tags.py)"]
    lines += [f"{w}\t{tags[w]}" for w in split]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(split)} words -> {OUT}")


if __name__ == "__main__":
    main()
