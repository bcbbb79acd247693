"""Train and cross-validate the scorer of shape-only concept spans (kg/extract/concept_score.py).

    python scripts/train_concept_scorer.py            # leave-one-set-out figures, then writes kg/data/concept_weights.json
    python scripts/train_concept_scorer.py --check    # figures only, weights untouched

Data: every quoted span of the read sets (never a blind set: real7, real8, real9, real10, real11, bio4 and the held-out
biographies are not opened) with the verdict of the rules and the gold label (is its name a gold concept of its
document?). Two kinds of rows:

* ``current``: the rules as they are, on every read set (the rules were written from these sets, so their shape-only
  spans that survive are mostly right);
* ``first contact``: the rules as they stood before a set was read (``FIRST_CONTACT`` below: the commit each set's
  first contact was scored with, EVAL.md), run from ``git archive`` of that commit — the spans a rule writer had not
  seen, where shape-only spans were right four times in ten.

The scorer sees only the spans the rules accept on their shape alone (``concept_score.SHAPE_ONLY``). Leaving one set out: the weights are
trained without any row of the held-out set (neither kind), then the held-out set is scored as kg scores it (names
per document) — on its first-contact rows where it has them, the honest estimate for an unseen article.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_SETS = ["seeds", "dev", "own", "real2", "real3", "real4", "real5", "real6", "press8", "press9"]
BLIND = {"real7", "real8", "real9", "bio4", "real10", "real11", "bio5"}
#: the commit whose rules had seen none of the set (its first contact, EVAL.md)
#: (None: the rules as they are — real4 was blind until session 4 and no concept rule was written from it)
FIRST_CONTACT = {"press8": "58880de", "press9": "3d02163", "real6": "c6cf151", "real4": None}


def _set_paths(name: str, root: Path) -> tuple[Path, Path]:
    if name == "seeds":
        return root / "seeds", root / "tests/data/seeds/seeds_gold.jsonl"
    return root / "tests/data" / name / "texts", root / "tests/data" / name / "gold.jsonl"


def dump(sets: list[str], root: Path) -> list[dict]:
    """Every quoted span of ``sets`` with the verdict of the rules importable as ``kg`` (this checkout or an older
    one on PYTHONPATH) and the names kg gives per document."""
    from kg.corpus import read_document
    from kg.evaluate import _concept_key
    from kg.extract import concepts as C
    from kg.extract import extract_document
    from kg.extract.reader import Reader
    from kg.nlp import analyse

    if hasattr(C, "SCORE_THRESHOLD"):
        C.SCORE_THRESHOLD = 0.0  # the rules alone: the scorer is what is being trained
    rows = []
    for st in sets:
        assert st not in BLIND, st
        texts, gold_f = _set_paths(st, root)
        gold = [json.loads(line) for line in gold_f.read_text(encoding="utf-8").splitlines() if line.strip()]
        for g in gold:
            path = texts / g["doc"]
            if not path.exists():
                path = next(texts.rglob(g["doc"]))
            doc = read_document(path)
            r = Reader(doc, analyse(doc.text))
            s = r.text
            gnames = {_concept_key(c["name"]) for c in g.get("concepts", [])}
            quoted = []
            heads = C._section_heads(s)
            for q, v in C.judge_quotes(s, heads):
                key = _concept_key(C.normalise_name(doc.text[q.start:q.end]))
                quoted.append(key)
                rows.append({"set": st, "doc": g["doc"], "key": key, "name": C.normalise_name(s[q.start:q.end]),
                             "type": v.type, "reason": v.reason, "gold": key in gnames, "raw": raw_weak(C, s, q, heads),
                             "launched": bool(C._LAUNCHED.search(s, max(0, q.open - 60), q.open)),
                             "headline": "\n" not in s[:q.open].lstrip(),
                             "before": s[max(0, q.open - 12):q.open], "after": s[q.close:q.close + 12]})
            counts = collections.Counter(quoted)
            for row in rows:
                if row["doc"] == g["doc"] and row["set"] == st and "count" not in row:
                    row["count"] = counts[row["key"]]
            # names kg gives that are no quoted span (unquoted patterns), and gold names it never quoted
            given = {_concept_key(c.name) for c in extract_document(doc).concepts}
            for key in (given | gnames) - set(quoted):
                rows.append({"set": st, "doc": g["doc"], "key": key, "name": key, "type": "x" if key in given else None,
                             "reason": "unquoted", "gold": key in gnames, "count": 1})
    return rows


def raw_weak(C, s: str, q, heads) -> bool | None:
    """Would the span be accepted on its shape alone by the generic rules, without the narrow ones written from
    the read sets' negatives (``_not_a_name_here``, ``_description``)? None where the rules of ``C`` cannot say."""
    if not hasattr(C, "_strong_cue"):
        return None
    name = C.normalise_name(s[q.start:q.end])
    if C._shape_reason(name, s, q.open, q.close):
        return False
    after = s[q.close:q.close + 18]
    if C._type_of(name, after, C._type_after_run(s, q)) is None or name in heads or name in C._KIND_NOUNS:
        return False
    if len(name) == 2 and C._ordinary_word(name):
        return False
    return C._strong_cue(name, s, q, after) is None


def first_contact_rows(st: str, commit: str) -> list[dict]:
    """The rows of ``st`` as the rules of ``commit`` judged them (run from a ``git archive`` of it)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "kg"], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = dict(os.environ, PYTHONPATH=tmp)
        out = subprocess.run([sys.executable, __file__, "--dump", st], env=env, check=True, capture_output=True,
                             cwd=tmp).stdout
    return [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]


def is_weak(row: dict) -> bool:
    from kg.extract.concept_score import SHAPE_ONLY, applies

    return row["type"] is not None and row["reason"].startswith(SHAPE_ONLY) and applies(row["name"])


def _strong_prefixes(rows: list[dict]) -> dict[tuple, set[str]]:
    """Per document, the first two characters of the names the rules accept on a strong cue."""
    from kg.extract.concept_score import WEAK_CUES

    out: dict[tuple, set[str]] = collections.defaultdict(set)
    for r in rows:
        if r["type"] is not None and r["reason"] != "unquoted" and not r["reason"].startswith(WEAK_CUES):
            out[r["set"], r["doc"]].add(r["name"][:2])
    return out


def _features(r: dict, strong: dict[tuple, set[str]]) -> dict:
    from kg.extract.concept_score import features

    return features(r["name"], r["before"], r["after"], r["count"], r.get("launched", False),
                    kin=r["name"][:2] in strong[r["set"], r["doc"]], headline=r.get("headline", False))


def feature_rows(rows: list[dict], population: str = "raw") -> list[tuple[dict, bool]]:
    """Training rows: the spans the generic rules accept on their shape alone (``raw``, the narrow rules left out),
    or those the rules accept on it (``weak``)."""

    from kg.extract.concept_score import applies

    keep = (lambda r: r.get("raw") and applies(r["name"])) if population == "raw" else is_weak
    strong = _strong_prefixes(rows)
    return [(_features(r, strong), r["gold"]) for r in rows if keep(r)]


def train(data: list[tuple[dict, bool]], l2: float = 1.0, steps: int = 3000, lr: float = 0.3) -> dict[str, float]:
    """Logistic regression by gradient descent, an L2 penalty on every weight but the bias."""
    import numpy as np
    from kg.extract.concept_score import _FEATURES

    X = np.array([[1.0] + [float(f[k]) for k in _FEATURES] for f, _ in data])
    y = np.array([float(g) for _, g in data])
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], l2)
    pen[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        w -= lr * (X.T @ (p - y) / len(y) + pen * w / len(y))
    return {"bias": round(float(w[0]), 3), **{k: round(float(v), 3) for k, v in zip(_FEATURES, w[1:])}}


THRESHOLD = 0.5


def doc_scores(rows: list[dict], weights: dict[str, float] | None) -> tuple[int, int, int]:
    """(tp, fp, fn) over names per document, the weak spans kept only where ``weights`` score them >= 0.5
    (``weights`` None: the rules alone)."""
    from kg.extract.concept_score import score

    given, gold = collections.defaultdict(set), collections.defaultdict(set)
    strong = _strong_prefixes(rows)
    for r in rows:
        k = (r["set"], r["doc"])
        if r["gold"]:
            gold[k].add(r["key"])
        if r["type"] is None:
            continue
        if weights is not None and is_weak(r) and score(_features(r, strong), weights) < THRESHOLD:
            continue
        given[k].add(r["key"])
    tp = sum(len(given[k] & gold[k]) for k in given)
    fp = sum(len(given[k] - gold[k]) for k in given)
    fn = sum(len(gold[k] - given[k]) for k in gold)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f:.3f} ({tp} {fp} {fn})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--check", action="store_true", help="print the figures, do not write the weights")
    ap.add_argument("--population", default="raw", choices=["raw", "weak"])
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--cache", default=None, help="a JSON file keeping the rows between runs")
    a = ap.parse_args(argv)
    if a.dump:
        for row in dump(a.dump, ROOT if (ROOT / "tests").is_dir() else Path(os.environ.get("KG_ROOT", "."))):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    sys.path.insert(0, str(ROOT))
    if a.cache and Path(a.cache).exists():
        cur, fc = json.loads(Path(a.cache).read_text(encoding="utf-8"))
    else:
        cur = dump(READ_SETS, ROOT)
        fc = [row for st, c in FIRST_CONTACT.items() if c for row in first_contact_rows(st, c)]
        fc += [row for row in cur if FIRST_CONTACT.get(row["set"], "") is None]  # real4: its rows once, as first contact
        cur = [row for row in cur if FIRST_CONTACT.get(row["set"], "") is not None]
        if a.cache:
            Path(a.cache).write_text(json.dumps([cur, fc], ensure_ascii=False), encoding="utf-8")
    global THRESHOLD
    THRESHOLD = a.threshold
    POP = a.population
    everything = feature_rows(cur, POP) + feature_rows(fc, POP)
    print(f"shape-only spans: {len(everything)} ({sum(g for _, g in everything)} right)")
    print("leave one set out: set, rows | rules alone P / R / F1 (tp fp fn) | rules + scorer")
    tot = collections.defaultdict(collections.Counter)
    for st in READ_SETS:
        for kind, rows in (("current", cur), ("first contact", fc)):
            held = [r for r in rows if r["set"] == st]
            if not held:
                continue
            w = train(feature_rows([r for r in cur if r["set"] != st], POP) + feature_rows([r for r in fc if r["set"] != st], POP),
                      l2=a.l2)
            before, after = doc_scores(held, None), doc_scores(held, w)
            print(f"  {st:7} {kind:13} | {prf(*before)} | {prf(*after)}")
            tot[kind, "before"] += collections.Counter(dict(zip("tp fp fn".split(), before)))
            tot[kind, "after"] += collections.Counter(dict(zip("tp fp fn".split(), after)))
    for kind in ("current", "first contact"):
        b, f = tot[kind, "before"], tot[kind, "after"]
        print(f"  pooled  {kind:13} | {prf(b['tp'], b['fp'], b['fn'])} | {prf(f['tp'], f['fp'], f['fn'])}")
    w = train(everything, l2=a.l2)
    print("weights (all rows):", json.dumps(w, ensure_ascii=False))
    if not a.check:
        out = ROOT / "kg/data/concept_weights.json"
        out.write_text(json.dumps({"about": "scripts/train_concept_scorer.py: logistic weights of kg/extract/concept_score.py",
                                   "weights": w}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
