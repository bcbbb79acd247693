"""Does a change to extraction or mapping keep every document's N-Quads byte for byte?

    python -m bench.nquads_identity dump OUT.json PATH [PATH ...]   # in the tree to measure
    python -m bench.nquads_identity compare BEFORE.json AFTER.json

``dump`` extracts and maps every file under the PATHs (folders or files, as ``kg build`` walks
them) with :func:`kg.build.prepare` and writes the sha256 and length of each document's N-Quads.
Run it once from a snapshot of the code before the change (``PYTHONPATH=/that/snapshot``) and once
after; ``compare`` lists the documents whose bytes differ (exit status 1 if any). Blind sets may be
dumped: nothing but hashes is written or printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def dump(out: Path, paths: list[str]) -> int:
    from kg.build import prepare, warm_up
    from kg.corpus import iter_paths
    from kg.mapping import DEFAULT_BASE

    warm_up()
    rows = {}
    for path in paths:
        root = Path(path)
        for p in iter_paths([path]):
            p = Path(p)
            key = f"{root.name}/{p.relative_to(root).as_posix()}" if root.is_dir() else p.name
            nq = prepare(p, DEFAULT_BASE).nquads
            rows[key] = [hashlib.sha256(nq).hexdigest(), len(nq)]
    out.write_text(json.dumps(rows, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(rows)} documents, {sum(n for _, n in rows.values()):,} bytes of N-Quads -> {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    before = json.loads(a.read_text(encoding="utf-8"))
    after = json.loads(b.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    only = sorted(before.keys() ^ after.keys())
    for k in differ:
        print(f"differs: {k} ({before[k][1]:,} -> {after[k][1]:,} bytes)")
    for k in only:
        print(f"in one only: {k}")
    same = len(before.keys() & after.keys()) - len(differ)
    print(f"{same} of {len(before.keys() | after.keys())} documents byte-identical")
    return 1 if differ or only else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.nquads_identity")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("paths", nargs="+")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    return dump(args.out, args.paths) if args.cmd == "dump" else compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
