"""Regenerate (or check) the command outputs that README.md shows, so that they are what kg prints.

A README block to keep true is a fenced block right after a comment naming its commands::

    <!-- run: kg query county-chairs --format csv | head -6 -->
    ```
    $ kg query county-chairs --format csv | head -6
    person,county,...
    ```

Several commands may be given, separated by `` ;; ``. The commands run in a scratch folder that
holds links to the checkout's seeds/ and tests/, with ``KG_STORE`` pointing at a scratch store, in
README order (the first is normally ``kg build``), with the ``kg`` of this Python on PATH; what
they print on stdout and stderr is shown together. Lines
that report elapsed time (``time: 2.9 s``) are compared loosely.

    python scripts/readme_examples.py          # rewrite README.md in place
    python scripts/readme_examples.py --check  # exit 1 and show the difference if README is stale
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- run: (?P<commands>.+?) -->\n```\n)(?P<body>.*?)(```\n)", re.S)
TIME = re.compile(r"^(time: )\d+(\.\d+)? s$", re.M)
# `-o FILE` outputs and other scratch files land in the scratch folder, not in the checkout
LINKED = ("seeds", "tests", "queries")


def run_blocks(text: str, scratch: Path) -> str:
    """``text`` with every run block's body replaced by what its commands print now."""
    env = {**os.environ, "KG_STORE": str(scratch / "kg-store"), "COLUMNS": "100", "NO_COLOR": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for name in LINKED:
        if not (scratch / name).exists():
            (scratch / name).symlink_to(ROOT / name)

    def render(match: re.Match) -> str:
        lines = []
        for command in match["commands"].split(" ;; "):
            done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=scratch, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
            if done.returncode not in (0, 141):  # 141: `| head` closed the pipe, as intended
                raise SystemExit(f"README command failed ({done.returncode}): {command}\n{done.stdout}")
            lines.append(f"$ {command}")
            lines += done.stdout.rstrip("\n").splitlines()
        return match[1] + "\n".join(lines) + "\n" + match[4]

    return BLOCK.sub(render, text)


def loose(text: str) -> str:
    return TIME.sub(r"\1… s", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="Only compare; exit 1 if README.md is stale.")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = run_blocks(current, Path(tmp))
    if args.check:
        if loose(fresh) == loose(current):
            return 0
        sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True),
                                                   "README.md", "what kg prints now"))
        print("\nREADME.md is stale: run `python scripts/readme_examples.py` and read the diff.")
        return 1
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
