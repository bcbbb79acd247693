"""README.md is the front door: its two set-up lines are the ones CI runs, and every command output
it shows is what kg prints today (scripts/readme_examples.py regenerates them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_exactly_two_set_up_lines_and_ci_runs_the_second():
    block = README.split("## Set up", 1)[1].split("```", 2)[1].strip().splitlines()
    assert block == ["pip install -e . && kg build && kg query county-chairs",
                     "pip install -e '.[test]' && python -m pytest -q"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m venv" in ci or "python3 -m venv" in ci  # nothing installed by hand can hide a gap
    assert "pip install -q -e '.[test]'" in ci and ci.rstrip().endswith("python -m pytest -q")


def test_shown_outputs_are_what_kg_prints():
    assert len(re.findall(r"<!-- run: ", README)) >= 6
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_examples.py"), "--check"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
