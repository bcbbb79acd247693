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


def item_breaks(text: str) -> list[int]:
    """Where news items start: 0, every dateline and every paragraph head, in order."""
    breaks = {0}
    breaks.update(m.start() for m in DATELINE.finditer(text))
    offset = 0
    for para in text.split("\n"):
        if PARAGRAPH_HEAD.match(para):
            breaks.add(offset)
        offset += len(para) + 1
    return sorted(breaks)
