"""Script and spelling forms of Chinese text, without the NLP pipeline (cheap to import).

Traditional and simplified forms of one name are one name: 劉某偉 and 刘某伟 from a Big5 and a GB copy of
one article. kg keys persons, divisions and concepts by :func:`key_form` and keeps what was printed
as an alternative label.

>>> key_form("劉 某偉")
'刘某伟'
>>> key_form("１＋２，三")
'1+2,三'
"""

from __future__ import annotations

import unicodedata
from functools import cache


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> simplified, keeping length (falls back to character by character if a phrase
    rule would change the length, so offsets into the text stay valid)."""
    out = _converter().convert(text)
    out = out if len(out) == len(text) else "".join(_converter().convert(c) or c for c in text)
    # 巿 (fú, a rare character) is a common misprint of 市 in Hong Kong and Macau pages
    return out.replace("巿", "市") if "巿" in out else out


@cache
def key_form(text: str) -> str:
    """The form a name is keyed and searched by: NFKC (full-width punctuation and digits to
    ASCII), simplified characters, no whitespace, one middle dot (「一线协商•共同缔造」 and
    「一线协商·共同缔造」, 「买买提・艾力」 and 「买买提·艾力」 are one name).

    >>> key_form("一线协商•共同缔造") == key_form("一线协商·共同缔造")
    True
    """
    return to_simplified("".join(unicodedata.normalize("NFKC", text).split()).translate(_MIDDLE_DOTS))


# the dots that join the parts of a name or a formula, as pages print them, to U+00B7
_MIDDLE_DOTS = str.maketrans({"\u2022": "\u00b7", "\u30fb": "\u00b7", "\u2027": "\u00b7", "\u2219": "\u00b7",
                              "\u22c5": "\u00b7", "\uff65": "\u00b7", "\u0387": "\u00b7"})
