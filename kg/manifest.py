"""A crawl's sidecar file: what a researcher who saved the pages knows about each of them.

``kg build --manifest FILE.csv`` reads a CSV file with the header ``file,url,date,title`` (any
column may be empty; other columns are ignored). ``file`` names an input file by its path relative
to the manifest's folder or to an input folder, or by its bare name when only one input file has
it. ``url`` becomes the document's ``dcterms:source``; ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``) its ``dcterms:date`` and ``title`` its ``dcterms:title``, over what the page or the text
says.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from .errors import UsageError

COLUMNS = ("file", "url", "date", "title")


@dataclass(frozen=True)
class ManifestRow:
    line: int
    file: str
    url: str = ""
    date: str = ""
    title: str = ""


def read_manifest(path: str | Path) -> list[ManifestRow]:
    """The rows of a manifest.

    :raises UsageError: a missing file, a header without ``file``, or a date that is not
        ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (the line is named).
    """
    from .extract.dates import parse_date

    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise UsageError(f"--manifest {p}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise UsageError(f"--manifest {p}: not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "file" not in header:
        raise UsageError(f"--manifest {p}: the first line must name the columns {','.join(COLUMNS)} "
                         f"(found {','.join(header) or 'nothing'})")
    rows = []
    for n, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not row.get("file"):
            continue
        date = row.get("date", "")
        if date and parse_date(date) is None:
            raise UsageError(f"--manifest {p}:{n}: date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        rows.append(ManifestRow(n, row["file"], row.get("url", ""), parse_date(date) or "" if date else "",
                                row.get("title", "")))
    return rows


def relative_names(inputs: Iterable[Path], given: Iterable[str | Path]) -> dict[Path, str]:
    """Each input file's path relative to the input folder it was found in (the innermost one),
    or its bare name when it was named on its own: what ``dcterms:source`` shows without a URL."""
    folders = sorted((Path(g).resolve() for g in given if Path(g).is_dir()), key=lambda p: -len(p.parts))
    prefixes = [str(folder).rstrip(os.sep) + os.sep for folder in folders]
    resolved: dict[str, str] = {}
    out: dict[Path, str] = {}
    for f in inputs:
        absolute = _resolved(f, resolved)
        for prefix in prefixes:
            if absolute.startswith(prefix):
                out[f] = Path(absolute[len(prefix):]).as_posix()
                break
        else:
            out[f] = f.name
    return out


def _resolved(f: Path, folders: dict[str, str]) -> str:
    """``str(f.resolve())``, each folder resolved once: a file that is not a symbolic link resolves
    to its resolved folder plus its name."""
    try:
        link = f.is_symlink()
    except OSError:
        link = True
    if link or f.name in ("", ".", ".."):
        return str(f.resolve())
    parent = str(f.parent)
    if parent not in folders:
        folders[parent] = str(f.parent.resolve())
    return os.path.join(folders[parent], f.name)


def match(rows: list[ManifestRow], inputs: list[Path], given: Iterable[str | Path],
          manifest: str | Path) -> tuple[dict[Path, dict[str, str]], list[str]]:
    """Input file -> its row's ``url``, ``date`` and ``title`` (non-empty ones), and one message
    per row that names no input file."""
    given = list(given)
    by_absolute = {f.resolve(): f for f in inputs}
    by_name: dict[str, list[Path]] = {}
    for f in inputs:
        by_name.setdefault(f.name, []).append(f)
    bases = [Path(manifest).resolve().parent] + [Path(g).resolve() for g in given if Path(g).is_dir()]
    out: dict[Path, dict[str, str]] = {}
    unmatched: list[str] = []
    for row in rows:
        found = None
        for base in bases:
            candidate = Path(os.path.normpath(base / row.file))
            if candidate in by_absolute:
                found = by_absolute[candidate]
                break
        if found is None and len(by_name.get(Path(row.file).name, [])) == 1:
            found = by_name[Path(row.file).name][0]
        if found is None:
            unmatched.append(f"{manifest}:{row.line}: {row.file}: no such input file")
            continue
        out[found] = {k: v for k, v in (("url", row.url), ("date", row.date), ("title", row.title)) if v}
    return out, unmatched


def fingerprint(metadata: Mapping[str, str]) -> str:
    """A short hash of what the build adds to a file's text (its manifest row, its relative path):
    part of the file's pipeline fingerprint, so that a changed manifest rewrites its documents."""
    import hashlib

    if not metadata:
        return ""
    text = "\n".join(f"{k}={v}" for k, v in sorted(metadata.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
