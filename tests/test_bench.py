"""The benchmark harness runs end to end at a tiny size (no timing assertions: CI is noisy)."""

import json

from bench.__main__ import main
from bench.corpus import Generator, generate


def test_generator_is_deterministic_and_has_gold(tmp_path):
    a = Generator(seed=3).article(7)
    b = Generator(seed=3).article(7)
    assert a == b
    name, text, gold = a
    assert gold and all(g.doc == name and g.person in text for g in gold)
    gold_all = generate(tmp_path / "c", 5000, seed=1)
    assert sum(len(p.read_text(encoding="utf-8")) for p in (tmp_path / "c").glob("*.txt")) >= 5000
    assert len(gold_all) == sum(1 for _ in open(tmp_path / "c.gold.jsonl", encoding="utf-8"))


def test_harness_tiny(tmp_path):
    out = tmp_path / "B.md"
    main(["run", "--scale", "tiny", "--only", "build,incremental", "--out", str(out),
          "--rounds", "1", "--results", str(tmp_path / "res"), "--plot", str(tmp_path / "s.png"), "--work", str(tmp_path / "w")])
    res = json.loads((tmp_path / "res" / "tiny.json").read_text())
    builds = res["build"]["builds"]
    assert builds and all(b["recall"] > 0.5 and b["written"] > 0 and b["cpu"]["median"] > 0 for b in builds.values())
    assert res["build"]["jieba"]["cpu"]["median"] > 0 and res["build"]["extract"]["ratio"] > 0
    assert res["incremental"]["one_changed"] == 1
    text = out.read_text(encoding="utf-8")
    assert "jieba/kg by CPU" in text and "Incremental rebuild" in text and "Method." in text
