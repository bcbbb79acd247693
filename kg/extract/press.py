"""Press credits: authors, reporters, interns, correspondents and photographers.

Credits stand in brackets after a dateline (「(记者 甲 实习记者 乙)」), on a byline of their own
(「□ 甲」「文/甲」「作者：甲」), or at the end of a piece (「……。 通讯员 甲 摄影报道」).
"""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..records import PressCredit
from .reader import HAN, Reader

_ROLES = sorted(lx.PRESS_ROLE_WORDS, key=len, reverse=True)
ROLE = "|".join(map(re.escape, _ROLES))


def find_press(r: Reader) -> list[PressCredit]:
    """Every press credit of the document, each (person, role) once."""
    out: list[PressCredit] = []
    text = r.text
    spans: list[tuple[int, int, bool]] = []  # (start, end, names alone are authors)
    for m in re.finditer(r"[(（【\[]([^()（）【】\[\]\n]{2,60})[)）】\]]", text):
        spans.append((m.start(1), m.end(1), _at_end_of_item(text, m.end())))
    offset = 0
    for line in text.split("\n"):
        st = line.strip()
        lead = offset + (len(line) - len(line.lstrip()))
        if re.match(r"^[□■●]\s*", st):
            spans.append((lead + 1, lead + len(st), True))
        elif re.match(rf"^(文/|作者[:：]|[{HAN}]{{0,8}}?({ROLE}))", st) and len(st) <= 40:
            spans.append((lead, lead + len(st), False))
        else:
            # 「……问候。 通讯员 某某某 摄影报道」 at the end of a piece (layout may run on)
            for tail in re.finditer(rf"[。!?！？]\s*((?:{ROLE})\s*[{HAN}](?: ?[{HAN}]){{1,3}}\s*(?:摄影报道|报道|摄)?)(?=\s|$|[{HAN}])", line):
                spans.append((offset + tail.start(1), offset + tail.end(1), False))
            hm = re.search(rf"(?:^|\s|\|)(?:文/|作者[:：])\s*([{HAN}·]{{2,8}})", line)
            if hm:
                out.append(_credit(r, offset + hm.start(1), offset + hm.end(1), "作者"))
        offset += len(line) + 1
    for a, b, names_author in spans:
        out.extend(_credit_string(r, a, b, names_author))
    seen = set()
    unique = []
    for p in out:
        if (p.person, p.role) not in seen:
            seen.add((p.person, p.role))
            unique.append(p)
    return unique


def _at_end_of_item(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3]
    return not rest.strip() or rest.startswith("\n")


def _credit_string(r: Reader, a: int, b: int, names_author: bool) -> list[PressCredit]:
    """Parse 「实习记者 闫某 记者 李某」「某某日报全媒体记者黎某 通讯员李某某」「程某 高吕某某」."""
    text = re.sub(r"[一二三四五六七八九十\d]+日电$", "", r.text[a:b])
    if text.startswith("文/") or text.startswith("作者:") or text.startswith("作者："):
        k = 2 if text.startswith("文/") else 3
        text, a = text[k:], a + k
        names_author = True
    first = re.search(ROLE, text)
    if first is None and not names_author:
        return []
    if first is not None and first.start() > 0:
        junk = text[: first.start()]
        if not re.fullmatch(rf"[{HAN}]{{0,10}}", junk.strip()) or len(junk.strip()) > 10:
            return []
        if junk.strip() and not re.search("报|台|网|社|刊|媒|线|新闻|日报", junk):
            return []
    out = []
    role = "作者" if first is None else None
    i = first.start() if first is not None else 0
    pending_names: list[tuple[int, int]] = []
    while i < len(text):
        if text[i] in " \u3000、,，:：":
            i += 1
            continue
        rm = re.match(ROLE, text[i:])
        if rm:
            role = lx.PRESS_ROLE_WORDS[rm.group(0)]
            i += rm.end()
            continue
        if text.startswith("摄影报道", i) or text.startswith("摄", i):
            for ns, ne in pending_names:
                out.append(_credit(r, a + ns, a + ne, "摄影"))
            i += 4 if text.startswith("摄影报道", i) else 1
            continue
        if text.startswith("报道", i):
            i += 2
            continue
        m = re.match(rf"[{HAN}]{{1,6}}[·•][{HAN}]{{1,10}}|[{HAN}]{{2,4}}(?=$|[\s、,，])|[{HAN}] [{HAN}](?=$|[\s、,，])", text[i:])
        if not m:
            m2 = re.match(rf"[{HAN}]{{2,4}}", text[i:])
            if m2 and role is not None:
                # 「记者黎某 通讯员…」: the name ends where the next role word starts
                cut = re.search(ROLE, text[i : i + 6])
                n = cut.start() if cut and cut.start() >= 2 else None
                if n:
                    m = re.match(rf"[{HAN}]{{{n}}}", text[i:])
            if not m:
                return []  # not a credit line after all
        name = m.group(0)
        if role is None or name in lx.NOT_NAMES or name in lx.PRESS_ROLE_WORDS:
            return []
        out.append(_credit(r, a + i, a + i + len(name), role))
        pending_names = [(i, i + len(name))]
        i += len(name)
    return out


def _credit(r: Reader, ns: int, ne: int, role: str) -> PressCredit:
    return PressCredit(r.surface(ns, ne), role, r.evidence(ns, ne, r.line_of(ns)))
