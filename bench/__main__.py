"""``python -m bench run --scale small|medium|large`` (see bench/harness.py); ``build`` is the
subprocess entry the harness measures (peak RSS, wall time)."""

from __future__ import annotations

import argparse
import json
import sys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench")
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="run the benchmarks and write BENCHMARKS.md")
    run.add_argument("--scale", default="small", help="tiny, small, medium, large, or a comma list (small,medium)")
    run.add_argument("--out", default="BENCHMARKS.md", help="markdown file to write ('-' for none)")
    run.add_argument("--work", default=None, help="scratch folder (default: a temporary one)")
    run.add_argument("--jobs", type=int, default=2)
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--rounds", type=int, default=3, help="interleaved rounds of each whole-process measurement")
    run.add_argument("--only", default="", help="comma list of figures to run: build,store,incremental,query,endpoint")
    run.add_argument("--plot", default="docs/scaling.png")
    run.add_argument("--results", default=None, help="folder of per-scale JSON results (default bench/results)")
    b = sub.add_parser("build", help="(internal) one build, JSON report on stdout")
    b.add_argument("paths", nargs="+")
    b.add_argument("--store", required=True)
    b.add_argument("--jobs", type=int, default=1)
    b.add_argument("--no-bulk", action="store_true")
    b.add_argument("--keep-nquads")
    g = sub.add_parser("generate", help="write a synthetic corpus and its gold")
    g.add_argument("out")
    g.add_argument("--chars", type=float, default=1e5)
    g.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    if args.cmd == "build":
        from .pipeline import build

        rep = build(args.paths, args.store, jobs=args.jobs, bulk=not args.no_bulk, keep_nquads=args.keep_nquads)
        d = dict(rep.__dict__)
        d["offices"] = [list(o) for o in rep.offices]
        json.dump(d, sys.stdout, ensure_ascii=False)
        return 0
    if args.cmd == "generate":
        from .corpus import generate

        gold = generate(args.out, int(args.chars), seed=args.seed)
        print(f"{len(gold)} gold offices")
        return 0
    from .harness import run_all

    run_all(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
