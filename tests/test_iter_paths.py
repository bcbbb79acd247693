"""``kg.corpus.iter_paths`` (os.scandir, folders resolved once) finds the same files in the same
order, with the same messages, as the ``rglob`` + ``resolve`` per file it replaced (the oracle)."""

from __future__ import annotations

import os
from pathlib import Path

from kg.corpus import SUFFIXES, iter_paths


def reference(paths, ignored=None):
    seen = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = []
            for f in sorted(p.rglob("*")):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if f.suffix.lower() in SUFFIXES:
                    found.append(f)
                elif ignored is not None:
                    ignored.append(f"{f}: not an article file ({f.suffix or 'no suffix'}; kg reads "
                                   f"{', '.join(sorted(SUFFIXES))})")
        else:
            found = [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def test_same_files_order_and_messages_as_rglob(tmp_path):
    root = tmp_path / "in"
    for rel in ["a/b.txt", "a-b/c.txt", "a/b/d.md", "A.txt", "z.HTML", "x.png", "noext", ".hidden.txt",
                ".git/e.txt", "deep/.cache/f.txt", "deep/g/h.htm", "deep/g/i.jpg", "same/one.txt"]:
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("政协", encoding="utf-8")
    os.symlink(root / "a" / "b.txt", root / "link.txt")  # the same file twice
    os.symlink(root / "deep", root / "linked-folder")  # not followed
    os.symlink(root / "missing.txt", root / "dangling.txt")
    (tmp_path / "outside.txt").write_text("政协", encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", root / "a" / "out.txt")
    for given in ([root], [root, root / "a"], [root / "A.txt", root], [root / "a", tmp_path / "outside.txt"],
                  [tmp_path / "nothing-here"]):
        ours, theirs = [], []
        assert list(iter_paths(given, ignored=ours)) == list(reference(given, ignored=theirs)), given
        assert ours == theirs
