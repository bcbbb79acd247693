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

import re

from ..corpus import Document
from ..nlp import Analysis, analyse
from ..records import Extraction, Mentions, PlaceMention
from .concepts import find_concepts
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
    return resolve(find_mentions(doc, analysis), analysis, doc_id=doc.id, doc_name=doc.name,
                   title=_title(doc.text), date=_date(doc.text))


def _title(text: str) -> str:
    return text.split("\n", 1)[0].strip()[:80]


def _date(text: str) -> str | None:
    m = re.search(r"(20\d\d|19\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})", text[:400])
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None
