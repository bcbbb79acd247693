"""Extraction: an analysed document -> mentions of offices, press credits, concepts, meetings.

One module per component, each a function of the document as read (:class:`~.reader.Reader`)
that returns mentions and touches nothing else:

* :mod:`.offices` — chains of titles and names, elections and appointments, 作者系 notes;
* :mod:`.post_titles` — names before titles (「王某总理」);
* :mod:`.bodies` — the body a title belongs to, as written;
* :mod:`.press` — bylines and credits;
* :mod:`.meetings` — meetings reported as held;
* :mod:`.concepts` — campaigns, slogans and brands in quotation marks.

None of them reads the gazetteer. :func:`extract_document` runs the whole path for one document:
analysis, the components, then resolution (:func:`kg.resolve.resolve`), which places each body in
its division or records why it cannot.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from ..corpus import Document
from ..nlp import Analysis, analyse
from ..records import Extraction, Mentions, PlaceMention
from .concepts import find_concepts
from .biography import find_spells
from .dates import parse_date, text_date
from .meetings import find_meetings
from .offices import find_offices
from .press import find_press
from .reader import Reader


def find_mentions(doc: Document, analysis: Analysis) -> Mentions:
    """Every mention in one analysed document, nothing resolved."""
    r = Reader(doc, analysis)
    press = find_press(r)
    offices = find_offices(r, press)
    spells, people = find_spells(r, offices)
    return Mentions(
        offices=offices,
        press=press,
        concepts=find_concepts(r),
        meetings=find_meetings(r, offices),
        places=[PlaceMention(m.text, r.evidence(m.start, m.end)) for m in r.divisions],
        spells=spells,
        people=people,
    )


def extract_document(doc: Document) -> Extraction:
    """Extract and resolve every fact of one document.

    >>> from kg.corpus import parse_document
    >>> ex = extract_document(parse_document("本报讯 县委书记林某某出席。".encode(), "x.txt"))
    >>> [o.role for o in ex.offices], [(u.role, u.reason) for u in ex.unresolved]
    ([], [('书记', '县: no division of that level named in the text around it')])
    """
    from ..resolve import resolve

    analysis = analyse(doc.text)
    page = dict(doc.page)
    dated = _date_fields(doc.text, page)
    headline = page.get("manifest:title") or page.get("title") or ""
    source = page.get("manifest:url") or page.get("url") or page.get("path", "")
    extraction = resolve(find_mentions(doc, analysis), analysis, doc_id=doc.id, doc_name=doc.name,
                         title=headline or _title(doc.text), date=dated.get("date"), headline=headline,
                         site=source)
    return replace(extraction, source=source, **dated)


def _title(text: str) -> str:
    return text.split("\n", 1)[0].strip()[:80]


def _date_fields(text: str, page: dict[str, str]) -> dict:
    """The document's date: a manifest's, else the HTML page's metadata, else the text's
    (:mod:`.dates`)."""
    for key, source in (("manifest:date", "manifest"), ("date", "html")):
        if page.get(key) and parse_date(page[key]):
            return {"date": parse_date(page[key]), "date_source": source}
    found = text_date(text)
    if found.value:
        return {"date": found.value, "date_source": "text", "date_inferred": found.inferred}
    return {"date_as_written": found.as_written}


def with_metadata(doc: Document, metadata: Mapping[str, str]) -> Document:
    """``doc`` with what the build knows of its file besides its text: a manifest's ``url``,
    ``date`` and ``title`` (each over what the page or the text says) and the file's ``path``
    relative to the input folder (``dcterms:source`` when no URL is known).

    >>> from kg.corpus import parse_document
    >>> doc = with_metadata(parse_document("县政协开会。".encode(), "a.txt"), {"date": "2021-03", "path": "texts/a.txt"})
    >>> ex = extract_document(doc)
    >>> ex.date, ex.date_source, ex.source
    ('2021-03', 'manifest', 'texts/a.txt')
    """
    page = dict(doc.page)
    for key in ("url", "date", "title"):
        if metadata.get(key):
            page[f"manifest:{key}"] = metadata[key]
    if metadata.get("path"):
        page["path"] = metadata["path"]
    return replace(doc, page=tuple(sorted(page.items())))
