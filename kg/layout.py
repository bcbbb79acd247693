"""The layout of a news text: datelines and paragraph heads, which start news items.

A page often holds several news items (a digest, 「综合消息」): 「本报两当讯」 or a paragraph that
opens with a body's name (「汉中市政协 10月29日，……」) starts a new one. Extraction and resolution
both need to know where items start, so the rule lives here, once.

>>> item_breaks("本报两当讯 县政协召开会议。\\n汉中市政协 10月29日，……")
[0, 15]
"""

from __future__ import annotations

import re

# 「本报两当讯」「本报嘉峪关1月24日讯」「张掖讯」
DATELINE = re.compile(r"(?:本报|本刊)?(?P<place>[\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?讯")
# a paragraph head: a body name then a space/date, e.g. 「汉中市政协 10月29日，」
PARAGRAPH_HEAD = re.compile(r"^(?P<head>[\u4e00-\u9fff]{2,12}?(?:政协|市委|县委|区委))[\s:：]")


#: the longest text a :data:`DATELINE` match can span: 本报 + eight characters + 12月31日 + 讯
_DATELINE_SPAN = 2 + 8 + 6 + 1


def datelines(text: str) -> list[int]:
    """The starts of ``DATELINE.finditer(text)`` (:func:`dateline_spans`).

    >>> datelines("本报两当讯 县政协召开会议。通讯员王某")
    [0]
    """
    return [start for start, _ in dateline_spans(text)]


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``DATELINE.finditer(text)``, searched only near a 「讯」: a match ends at one
    and is at most :data:`_DATELINE_SPAN` long, so the windows before each 「讯」, merged where
    they overlap, hold every match, and a match never crosses from one window into the next.

    >>> dateline_spans("本报两当讯 县政协召开会议。通讯员王某")
    [(0, 5)]
    """
    out: list[tuple[int, int]] = []
    x = text.find("讯")
    last = 0  # where the previous match ended (finditer goes on from there)
    while x >= 0:
        lo, hi = max(last, x - _DATELINE_SPAN + 1), x + 1
        nxt = text.find("讯", hi)
        while 0 <= nxt and nxt - _DATELINE_SPAN + 1 <= hi:  # overlapping windows: one window
            hi = nxt + 1
            nxt = text.find("讯", hi)
        for m in DATELINE.finditer(text, lo, hi):
            out.append((m.start(), m.end()))
            last = m.end()
        x = nxt
    return out


def item_breaks(text: str) -> list[int]:
    """Where news items start: 0, every dateline and every paragraph head, in order."""
    breaks = {0}
    breaks.update(datelines(text))
    offset = 0
    for para in text.split("\n"):
        if PARAGRAPH_HEAD.match(para):
            breaks.add(offset)
        offset += len(para) + 1
    return sorted(breaks)
