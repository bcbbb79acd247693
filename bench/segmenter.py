"""Token agreement of kg's segmenter (rjieba: jieba-rs, jieba's dictionary) with ``jieba.lcut``.

``python -m bench.segmenter PATH...`` reads every article under each PATH the way a build does
(:func:`kg.corpus.read_document`, then simplified characters as :func:`kg.nlp.analyse` sees them),
segments it with jieba, bare rjieba and kg.nlp.segment and prints, per PATH, the documents, characters, jieba's tokens, the share of
jieba's tokens that rjieba gives with the same start and end, and the documents whose
segmentations differ at all. ``--show N`` prints the first N differing tokens with their context.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Agreement:
    corpus: str
    documents: int = 0
    chars: int = 0
    jieba_tokens: int = 0
    same_tokens: int = 0
    documents_differing: int = 0
    kg_same_tokens: int = 0  # the same with kg's segmenter (kg.nlp.segment: rjieba plus its fixes)
    kg_documents_differing: int = 0

    @property
    def share(self) -> float:
        return self.same_tokens / self.jieba_tokens if self.jieba_tokens else 1.0

    @property
    def kg_share(self) -> float:
        return self.kg_same_tokens / self.jieba_tokens if self.jieba_tokens else 1.0


def spans(words: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out


def agreement(name: str, paths: list[Path], show: int = 0, out=sys.stdout) -> Agreement:
    import jieba
    import rjieba

    from kg.corpus import iter_paths, read_document
    from kg.errors import InputError
    from kg.nlp import segment, to_simplified

    jieba.setLogLevel(60)
    a = Agreement(name)
    for path in iter_paths(paths):
        try:
            text = to_simplified(read_document(path).text)
        except InputError:
            continue
        ours = set(spans(rjieba.cut(text)))
        theirs = spans(jieba.lcut(text))
        same = sum(1 for s in theirs if s in ours)
        a.documents += 1
        a.chars += len(text)
        a.jieba_tokens += len(theirs)
        a.same_tokens += same
        kg_ours = set(spans(segment(text)))
        kg_same = sum(1 for s in theirs if s in kg_ours)
        a.kg_same_tokens += kg_same
        a.kg_documents_differing += kg_same != len(theirs) or len(kg_ours) != len(theirs)
        if same != len(theirs) or len(ours) != len(theirs):
            a.documents_differing += 1
            for s, e in theirs:
                if (s, e) not in ours and show > 0:
                    show -= 1
                    print(f"  {path.name}: jieba {text[s:e]!r} in …{text[max(0, s - 8):e + 8]}…; "
                          f"rjieba {[text[x:y] for x, y in sorted(ours) if x < e and y > s]}", file=out)
    return a


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.segmenter")
    ap.add_argument("paths", nargs="+", help="NAME=PATH (a folder of articles) or PATH")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args(argv)
    print("| corpus | documents | characters | jieba tokens | bare rjieba: same tokens | agreement | documents differing "
          "| kg.nlp.segment: agreement | documents differing |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for given in args.paths:
        name, _, path = given.rpartition("=")
        a = agreement(name or Path(path).name, [Path(path)], args.show, out=sys.stderr)
        rows.append(a)
        print(f"| {a.corpus} | {a.documents:,} | {a.chars:,} | {a.jieba_tokens:,} | {a.same_tokens:,} | "
              f"{100 * a.share:.3f}% | {a.documents_differing} | {100 * a.kg_share:.3f}% | {a.kg_documents_differing} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
