"""Meetings the text reports as held: 「（某某主持）召开……会议」, with date, chair and organiser."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..chinese import to_simplified
from ..records import BodyMention, MeetingMention, OfficeMention
from .reader import BODY_WORD, Reader

_MEETING = re.compile(
    r"(?P<chair>主持)?召开(?!的|在即)(?P<name>[^,，。;；、\s召]{2,40}?(?:常委会议|会议|座谈会|协商会|常委会|全会))"
)
_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def find_meetings(r: Reader, offices: list[OfficeMention]) -> list[MeetingMention]:
    """The date is the sentence's or the item's dateline's, the chair the office holder who
    主持召开, the organiser that holder's body or the body named just before 召开. A meeting named
    again in the same news item (headline and body) is one meeting."""
    text = r.text
    out: dict[tuple[int, str], MeetingMention] = {}
    for m in _MEETING.finditer(text):
        name = r.surface(m.start("name"), m.end("name"))
        s0, s1 = r.analysis.sentence_of(m.start())
        date = _DAY.search(text, max(r.item_start(m.start()), s0 - 60), m.start())
        chair = organiser = None
        if m.group("chair"):
            holders = [o for o in offices if s0 <= o.evidence.start < m.start()
                       and text.find(to_simplified(o.person), s0, m.start()) >= 0]
            if holders:
                chair, organiser = holders[-1].person, holders[-1].body
        if organiser is None:
            words = list(BODY_WORD.finditer(text, max(s0, m.start() - 12), m.start()))
            if words:
                word = lx.BODIES[words[-1].group(0)]
                if word.level:
                    organiser = BodyMention(word.kind, words[-1].start(), level=word.level, written=words[-1].group(0))
        meeting = MeetingMention(
            name=name,
            evidence=r.evidence(m.start("name"), m.end("name"), (s0, s1)),
            date=f"{date.group(1)}月{date.group(2)}日" if date else None,
            organiser=organiser,
            chair=chair,
        )
        key = (r.item_start(m.start()), re.sub(r"^[省市县区]政协", "", name))
        known = out.get(key)
        if known is None or _richer(meeting, known):
            out[key] = meeting
    return list(out.values())


def _richer(a: MeetingMention, b: MeetingMention) -> bool:
    """Does ``a`` say more about the meeting than ``b``?"""
    return sum(x is not None for x in (a.date, a.chair, a.organiser)) > sum(
        x is not None for x in (b.date, b.chair, b.organiser))
