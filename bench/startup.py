"""``python -m bench.startup FILE [--runs N]``: where a one-file build's start-up CPU goes.

Each run is a fresh interpreter that does a one-file build's steps one after the other into a new
store, reading ``time.process_time()`` between them (the interpreter's own start is not in it: the
whole-process figure is the one-file build measured from outside). The table gives, per step, the
median and best over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile

STEPS = r'''
import json, sys, time, shutil
T = time.process_time
out = []
def mark(name):
    out.append((name, T()))
mark("start")
import kg.cli
mark("import kg.cli (click, pyoxigraph, store, mapping)")
from kg.store import open_store
from kg.build import pipeline_fingerprint
pipeline_fingerprint()
mark("pipeline fingerprint")
with open_store(sys.argv[2]) as store:
    mark("open store")
    store.ensure_background()
    mark("background graph (build its quads, write)")
import rjieba
mark("import rjieba (jieba-rs builds its dictionary)")
from kg.nlp import _automata
_automata()
mark("gazetteer, lexicons, automata")
from kg.build import prepare
prepare(sys.argv[1], "https://w3id.org/kg-cppcc/")
mark("read, extract, map the file")
import spacy
mark("import spacy (not needed by the build; for comparison)")
print(json.dumps([(name, t - out[i][1]) for i, (name, t) in enumerate(out[1:])]
                 + [("jieba loaded by the build", float("jieba" in sys.modules))]))
'''


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.startup")
    ap.add_argument("file")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as d:
            out = subprocess.run([sys.executable, "-c", STEPS, args.file, f"{d}/store"], capture_output=True,
                                 text=True, check=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    print(f"| step (fresh process, {args.runs} runs) | CPU s median | CPU s best |")
    print("|---|---:|---:|")
    total_med = 0.0
    for k, (name, _) in enumerate(runs[0]):
        xs = [r[k][1] for r in runs]
        if name.startswith("jieba loaded"):
            print(f"| {name} | {'yes' if max(xs) else 'no'} | |")
            continue
        med = statistics.median(xs)
        if not name.startswith("import spacy"):
            total_med += med
        print(f"| {name} | {med:.3f} | {min(xs):.3f} |")
    print(f"| sum of the build's steps (medians) | {total_med:.3f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
