"""Reading articles: bytes on disk -> ``Document`` (normalised text a reader sees, with offsets).

What happens to a file, in order:

1. decode: UTF-8 (with or without BOM) first, then charset-normalizer's best guess among the
   Chinese encodings (GB18030/GBK, Big5) and UTF-16; binary, empty and oversized files are refused
   with an :class:`~kg.errors.InputError` naming the file;
2. ``.html``/``.htm`` files: the article text is taken out of the page with trafilatura;
3. Unicode NFKC (full-width digits and letters become ASCII), character by character so that
   every character of the result knows which character of the decoded file it came from;
4. line joins: newspaper scans wrap lines at a fixed width and even split words across blank
   lines (「二\\n\\n十大」); in such a layout wrapped lines are joined back into paragraphs;
5. exact repeated paragraphs are dropped.

A document's identity is the hash of its normalised text, so a re-saved file with the same text
keeps its identity and any edit gives it a new one.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .lexicon import TRANSLITERATION_CHARS

#: Files larger than this are refused rather than read (a newspaper article is a few 10 kB).
MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = "。！？；…」』”’）)】"
# Lines that start a new paragraph even in a wrapped layout.
#: a line that starts with a date: a résumé's item (「1998.10-2002.10 ……」「一九八二年至一九八五年 ……」)
_DATE_ITEM = re.compile(r"^(?:(?:19|20)\d\d|[一二][〇零○0一二三四五六七八九]{3})[ \t]*(?:[.．][ \t]*\d|年|[-—–~～至])")
_PARAGRAPH_START = re.compile(r"^(本报|□|■|●|◆|▲|（作者|\(作者|作者|文/|记者|通讯员|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\*\*)")


#: a line of a roster: a label and a colon (「副主任:」), or names parted by spaces (「甲 乙(女) 丙」)
_LIST_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{1,10}[:：]|(?:[\u4e00-\u9fff·]{2,8}(?:\([^)]{1,6}\))?[ \u3000]+)+"
                        r"[\u4e00-\u9fff·]{2,8}(?:\([^)]{1,6}\))?$)")


@dataclass(frozen=True)
class Document:
    """One article, normalised.

    ``text`` is what a reader sees; ``offsets[i]`` is the index in ``source_text`` (the decoded file)
    of ``text[i]``, so evidence can point back at the original.
    """

    id: str
    path: str
    text: str
    source_text: str = field(repr=False)
    offsets: tuple[int, ...] = field(repr=False)
    encoding: str = "utf-8"
    #: what an HTML page's metadata says (``date``, ``title``, ``url``; trafilatura/htmldate), as
    #: sorted (key, value) pairs; empty for a plain text file
    page: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return Path(self.path).name

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``text`` to the decoded source file."""
        if not self.offsets or start >= end:
            return (0, 0)
        start, end = max(0, start), min(end, len(self.offsets))
        return (self.offsets[start], self.offsets[end - 1] + 1)


def document_id(text: str) -> str:
    """A stable identity from the normalised text (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# decoding


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding)``.

    :raises InputError: empty, binary (NUL bytes or no text) or undecodable input.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(path, "undecodable UTF-16 text") from None
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252"]).best()
    # charset-normalizer guesses well between GB18030 and Big5 but tends to call short Chinese
    # text "cp1252"; a guess that yields no Chinese is no guess for a Chinese article.
    candidates = ([best.encoding] if best is not None else []) + ["gb18030", "big5"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text, _canonical_encoding(encoding)
    raise InputError(path, "cannot decode: not UTF-8, GB18030/GBK or Big5 text")


def _canonical_encoding(name: str) -> str:
    return {"gb18030": "gb18030", "big5": "big5", "utf_16": "utf-16"}.get(name.lower(), name.lower())


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return controls / len(text) < 0.01 and bool(_CJK.search(text))


# ---------------------------------------------------------------------------------------------
# normalisation


# a name's middle dot lost to an encoding and printed as 「?」 between the parts of a transliterated
# name (「阿不都?热合曼」): read as the dot
_LOST_JOINER = re.compile("(?<=[{0}])\\?(?=[{0}])".format("".join(sorted(TRANSLITERATION_CHARS))))


def normalise(raw: str) -> tuple[str, tuple[int, ...]]:
    """NFKC, line joins and paragraph dedupe; returns the text and its offset map into ``raw``.

    NFKC is applied character by character (so that each character of the result knows its
    source), by one ``str.translate`` over the characters that change; the offset map is only
    rebuilt around characters that drop out (``\\r``) or grow (「㈠」 -> 「(一)」).

    >>> normalise("党的二\\n\\n十大精神。\\n")[0]
    '党的二\\n十大精神。'
    >>> normalise("１２３")[0]
    '123'
    >>> normalise("阿不都?热合曼主持。你好?我")[0]  # a lost middle dot (_LOST_JOINER), a question mark
    '阿不都·热合曼主持。你好?我'
    """
    raw = _LOST_JOINER.sub("·", raw)  # one character for one: the offsets into ``raw`` hold
    chars, origin = _nfkc(raw)

    # lines as (text stripped of surrounding whitespace, its start in ``chars``); empty ones dropped
    nonempty: list[tuple[str, int]] = []
    start = 0
    for line in chars.split("\n"):
        stripped = line.strip()  # str.strip and str.isspace agree on what whitespace is
        if stripped:
            nonempty.append((stripped, start + len(line) - len(line.lstrip())))
        start += len(line) + 1
    width = _wrap_width([t for t, _ in nonempty])

    paragraphs: list[tuple[str, list[int]]] = []
    parts: list[str] = []
    cur_o: list[int] = []
    last_line = ""
    for text, at in nonempty:
        previous, last_line = last_line, text
        if parts and width and _continues(previous, text, width):
            tail = parts[-1][-1]
            if tail.isascii() and tail.isalnum() and text[0].isascii() and text[0].isalnum():
                parts.append(" ")
                cur_o.append(cur_o[-1])
            parts.append(text)
            cur_o.extend(origin[at:at + len(text)])
            continue
        if parts:
            paragraphs.append(("".join(parts), cur_o))
        parts, cur_o = [text], origin[at:at + len(text)]
    if parts:
        paragraphs.append(("".join(parts), cur_o))

    seen: set[str] = set()
    out_t: list[str] = []
    out_o: list[int] = []
    paragraphs = [_drop_glosses(text, orig) for text, orig in paragraphs]
    for text, orig in paragraphs:
        if len(text) >= 8 and text in seen:
            continue  # an exact repeat of an earlier paragraph (a layout duplicate)
        seen.add(text)
        if out_t:
            out_t.append("\n")
            out_o.append(orig[0])
        out_t.append(text)
        out_o.extend(orig)
    return "".join(out_t), tuple(out_o)


# a pinyin gloss some sites print after a character (「政協(xié)」), and a comma doubled before 、
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,7}\)|,(?=、)")


def _drop_glosses(text: str, orig: list[int]) -> tuple[str, list[int]]:
    """``text`` without pinyin glosses and stray commas, and the offset map without them.

    >>> _drop_glosses("政協(xié)主席,、副主席", list(range(14)))
    ('政協主席、副主席', [0, 1, 7, 8, 10, 11, 12, 13])
    """
    if "(" not in text and ",、" not in text:
        return text, orig
    keep: list[int] = []
    prev = 0
    for m in _GLOSS.finditer(text):
        keep.extend(range(prev, m.start()))
        prev = m.end()
    if not keep and not prev:
        return text, orig
    keep.extend(range(prev, len(text)))
    return "".join(text[k] for k in keep), [orig[k] for k in keep]


#: Characters known to be their own NFKC form, and the others with their NFKC form ("\\r": dropped):
#: a cache over all documents of this process, filled as characters are met.
_STABLE: set[str] = {chr(i) for i in range(128)} - {"\r"}
_CHANGES: dict[str, str] = {"\r": ""}


def _nfkc(raw: str) -> tuple[str, list[int]]:
    """``raw`` without ``\\r``, each other character NFKC-normalised alone, and for each character
    of the result the index in ``raw`` of the character it came from."""
    unknown = set(raw).difference(_STABLE)
    for c in unknown.difference(_CHANGES):
        n = unicodedata.normalize("NFKC", c)
        if n == c:
            _STABLE.add(c)
        else:
            _CHANGES[c] = n
    changes = [(c, _CHANGES[c]) for c in unknown if c in _CHANGES]
    text = raw
    for c, n in changes:  # an NFKC form holds no character that NFKC changes: order is free
        text = text.replace(c, n)
    resized = [c for c, n in changes if len(n) != 1]
    if not resized:
        return text, list(range(len(raw)))
    origin: list[int] = []
    prev = 0
    for m in re.finditer("[" + "".join(map(re.escape, resized)) + "]", raw):
        i = m.start()
        origin.extend(range(prev, i))
        origin.extend([i] * len(_CHANGES[m.group()]))
        prev = i + 1
    origin.extend(range(prev, len(raw)))
    return text, origin


def _wrap_width(lines: list[str]) -> int:
    """The fixed line width of a wrapped (scanned/columned) layout, or 0 if lines are paragraphs."""
    if len(lines) < 8:
        return 0
    lengths = Counter(len(t) for t in lines)
    mode, count = lengths.most_common(1)[0]
    near = sum(n for length, n in lengths.items() if abs(length - mode) <= 2)
    if 6 <= mode <= 45 and near >= 0.5 * len(lines):
        return mode
    return 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Does ``line`` continue the paragraph whose last line is ``previous`` in a wrapped layout?"""
    if _PARAGRAPH_START.match(line):
        return False
    if _LIST_LINE.match(line) or _LIST_LINE.match(previous):
        return False  # a roster's lines (「委员:」「甲 乙(女) 丙」) are items, however even their lengths
    if _DATE_ITEM.match(line) and (_DATE_ITEM.match(previous) or previous[-1] in _SENTENCE_END):
        return False  # the dated lines of a résumé (「1982.07—1985.07 某县委书记」), each an item of its own
    if len(previous) >= width - 2:
        return True
    # a nearly full line that does not end a sentence was cut by the layout; a shorter one
    # without final punctuation is a heading
    return previous[-1] not in _SENTENCE_END and len(previous) >= 0.75 * width


# ---------------------------------------------------------------------------------------------
# files


def read_document(path: str | Path, max_bytes: int | None = MAX_BYTES) -> Document:
    """Read one file into a :class:`Document`; ``max_bytes`` None reads a file of any size.

    :raises InputError: the file is missing, unreadable, binary, empty, too large or undecodable.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(str(p), f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(p), f"cannot read: {e.strerror or e}") from None
    return parse_document(data, str(p))


def parse_document(data: bytes, path: str) -> Document:
    """Turn the bytes of a file named ``path`` into a :class:`Document`."""
    raw, encoding = decode(data, path)
    page: tuple[tuple[str, str], ...] = ()
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        html = raw
        raw = _html_to_text(html, path)
        page = html_metadata(html)
    text, offsets = normalise(raw)
    if not text.strip():
        raise InputError(path, "no text after normalisation")
    return Document(document_id(text), path, text, raw, offsets, encoding, page)


def _html_to_text(html: str, path: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise InputError(path, "no article text found in the HTML page")
    return text


def html_metadata(html: str) -> tuple[tuple[str, str], ...]:
    """The page's own metadata: its publication ``date`` as the page's markup states it (meta
    tags, JSON-LD, the URL; htmldate without its search of the running text, which guesses),
    its ``title`` and canonical ``url`` (trafilatura).

    >>> html_metadata('<html><head><meta name="pubdate" content="2019-05-21"></head><body>x</body></html>')
    (('date', '2019-05-21'),)
    """
    import htmldate
    import trafilatura

    out: dict[str, str] = {}
    try:
        date = htmldate.find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # a page htmldate cannot parse has no date to offer
        date = None
    if date:
        out["date"] = date
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:
        meta = None
    if meta is not None:
        if meta.title:
            out["title"] = " ".join(meta.title.split())
        if meta.url and re.match(r"https?://", meta.url):
            out["url"] = meta.url
    return tuple(sorted(out.items()))


def iter_paths(paths: Iterable[str | Path], ignored: list[str] | None = None) -> Iterator[Path]:
    """Expand files and folders (recursively) into article files, sorted, each once.

    A file named explicitly is always yielded; inside folders only known suffixes are (hidden
    files and folders, such as ``.git``, are passed over), and every other file is named in
    ``ignored``, one message each, so that a build can count it as skipped. Folders are read with
    ``os.scandir`` (symbolic links to folders are not followed, as ``Path.rglob`` does not), in
    the order ``sorted(folder.rglob("*"))`` gives; a file is the same file as another when both
    resolve to one path (each folder resolved once).
    """
    seen: set[str] = set()
    resolved: dict[str, str] = {}
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = []
            for parts, is_link in sorted(_files_under(str(p), ())):
                f = p.joinpath(*parts)
                if f.suffix.lower() in SUFFIXES:
                    found.append((f, is_link))
                elif ignored is not None:
                    ignored.append(f"{f}: not an article file ({f.suffix or 'no suffix'}; kg reads "
                                   f"{', '.join(sorted(SUFFIXES))})")
        else:
            found = [(p, True)]
        for f, is_link in found:
            if is_link:
                key = str(f.resolve())
            else:
                folder = str(f.parent)
                if folder not in resolved:
                    resolved[folder] = str(f.parent.resolve())
                key = os.path.join(resolved[folder], f.name)
            if key not in seen:
                seen.add(key)
                yield f


def _files_under(folder: str, parts: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], bool]]:
    """(path parts below the walk's root, is a symbolic link) of every file under ``folder`` that
    is not hidden nor inside a hidden folder."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _files_under(entry.path, parts + (entry.name,))
            elif entry.is_file():
                yield parts + (entry.name,), entry.is_symlink()
        except OSError:
            continue
