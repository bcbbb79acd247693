"""Extraction: an analysed document -> mentions of offices, press credits, concepts, meetings.

One module per component, each a function of the document as read (:class:`~.reader.Reader`)
that returns mentions and touches nothing else:

* :mod:`.offices` — chains of titles and names, 作者系 notes, names before titles;
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
    return Mentions(
        offices=offices,
        press=press,
        concepts=find_concepts(r),
        meetings=find_meetings(r, offices),
        places=[PlaceMention(m.text, r.evidence(m.start, m.end)) for m in r.divisions],
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
    extraction = resolve(find_mentions(doc, analysis), analysis, doc_id=doc.id, doc_name=doc.name,
                         title=page.get("title") or _title(doc.text))
    return replace(extraction, source=page.get("url", ""), **_date_fields(doc.text, page))


def _title(text: str) -> str:
    return text.split("\n", 1)[0].strip()[:80]


def _date_fields(text: str, page: dict[str, str]) -> dict:
    """The document's date: the HTML page's metadata, else the text's (:mod:`.dates`)."""
    if page.get("date") and parse_date(page["date"]):
        return {"date": parse_date(page["date"]), "date_source": "html"}
    found = text_date(text)
    if found.value:
        return {"date": found.value, "date_source": "text", "date_inferred": found.inferred}
    return {"date_as_written": found.as_written}


def apply_metadata(extraction: Extraction, metadata: Mapping[str, str]) -> Extraction:
    """What the build knows of the file besides its text: a manifest's ``url``, ``date`` and
    ``title`` (each overrides what the page or the text says), and the file's ``path`` relative to
    the input root (``dcterms:source`` when no URL is known).

    >>> ex = apply_metadata(Extraction("d", "a.txt", date="2020-01-02", date_source="text"),
    ...                     {"date": "2021-03", "path": "texts/a.txt"})
    >>> ex.date, ex.date_source, ex.source
    ('2021-03', 'manifest', 'texts/a.txt')
    """
    changes: dict = {}
    if metadata.get("url"):
        changes["source"] = metadata["url"]
    elif not extraction.source and metadata.get("path"):
        changes["source"] = metadata["path"]
    if metadata.get("title"):
        changes["title"] = metadata["title"]
    date = parse_date(metadata.get("date") or "")
    if date:
        changes.update(date=date, date_source="manifest", date_inferred=False, date_as_written=None)
    return replace(extraction, **changes) if changes else extraction
