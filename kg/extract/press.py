"""Press credits: authors, reporters, interns, correspondents and photographers.

Where credits stand (each a *credit string*, read by :func:`parse_credit`):

- in brackets after a dateline: 「本报讯(记者 甲 实习记者 乙 通讯员 丙)」, 「某某网讯(记者甲见习记者乙)」,
  「【本报驻某地记者甲十日电】」, 「某某网讯(甲 乙)」 (names alone after 讯/电 are the authors);
- in brackets at the end of a paragraph: 「……。(记者 甲)」, 「(撰稿人:甲 审核人:乙)」, 「(某某政协 甲 乙 供稿)」,
  and after a photo caption: 「(甲摄)」「(甲/摄)」;
- on a byline of their own: 「□ 甲」, 「文/甲」, 「作者:甲」, 「文/记者 甲 图/乙」, 「某某报记者 甲」;
- at the end of a piece or a caption: 「……问候。 通讯员 甲 摄影报道」, 「……。新华社记者 甲 摄」,
  「……开幕 乙 摄」, 「……致辞 摄影 甲」, 「……。□甲」;
- after a dateline without brackets: 「某某讯 记者甲报道:」.

A credit string is a sequence of role words (an outlet may stand before one: 「东北网记者」), labels
(文/, 图/, 文/图, 撰稿人), names and closing words (摄, 摄影报道, 报道, 供稿, 电); anything else in it means
it is no credit after all. Editors and reviewers (责任编辑, 审核人) are read past but not credited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as lx
from ..records import PressCredit
from .reader import HAN, Reader, not_a_word

#: role words of the lexicon and the ranks and kinds of reporter printed before 记者/通讯员
ROLE_WORDS = {**lx.PRESS_ROLE_WORDS, "首席记者": "记者", "特派记者": "记者", "主任记者": "记者", "高级记者": "记者",
              "新媒体记者": "记者", "特约通讯员": "通讯员", "委员记者": "记者", "特邀委员记者": "记者"}
_ROLES = sorted(ROLE_WORDS, key=len, reverse=True)
#: a role word as printed, a layout space allowed between its characters (「记 者」)
ROLE = "|".join(r"\s?".join(map(re.escape, w)) for w in _ROLES)
_STAFF = "|".join(map(re.escape, sorted(lx.PRESS_STAFF_WORDS, key=len, reverse=True)))
#: an outlet right before a role word: 「东北网记者」「海南日报全媒体记者」「本报驻北京记者」「政协联线记者」
OUTLET = (rf"(?:(?:[{HAN}]{{1,8}}[-－/])?[{HAN}·]{{0,12}}?(?:报|台|网|社|刊|媒体|媒|线|新闻|端|频道|融媒体中心|传媒中心)"
          rf"(?:驻[{HAN}]{{1,5}}?)?|驻[{HAN}]{{1,3}}?(?=记者))")  # a site before its paper: 「天山网-新疆日报记者」「石榴云/新疆日报记者」;
#                                                             「驻京记者」 with no outlet before it
_ROLE_AT = re.compile(rf"(?:{OUTLET})?({ROLE})")
_BARE_ROLE_AT = re.compile(rf"({ROLE})")
_STAFF_AT = re.compile(rf"(?:{_STAFF})(?:人)?")
_SEPARATORS = " \u3000、,，:：;；|/\n"
# labels before names: 文/图 (text and pictures), 文/ (text), 图/ (pictures)
_LABELS = (("【作者】", "文"), ("【文】", "文"), ("文/图", "文图"), ("图/文", "文图"), ("图文/", "文图"), ("图文:", "文图"), ("图文：", "文图"), ("文/", "文"), ("图/", "图"), ("图:", "图"), ("图：", "图"),
           ("文|", "文"), ("图|", "图"), ("文:", "文"), ("文：", "文"), ("图片:", "图"), ("图片：", "图"),
           ("文字:", "文"), ("文字：", "文"), ("供稿:", "文"), ("供稿：", "文"), ("供图:", "图"), ("供图：", "图"), ("图片/", "图"),
           ("文·图/", "文图"), ("文、图/", "文图"), ("文图/", "文图"), ("文·图:", "文图"), ("文·图：", "文图"),
           ("文.", "文"), ("文．", "文"), ("图.", "图"), ("图．", "图"))  # 「文.某某」: a dot as the label's mark
#: 「文字/剪辑:某某」: the writer's label joined to another job of the same person
_LABELS = tuple((f"{w}/{job}{colon}", v) for w, v in (("文字", "文"), ("摄影", "图")) for job in ("剪辑", "编辑", "摄像", "制作", "配音")
                for colon in ":：") + _LABELS
#: closing words after a slash: 「记者 某某/文」「某某/图」
_SLASH_CLOSERS = (("/摄影", "/摄影"), ("/摄", "/摄"), ("/图", "/摄"), ("/文", "/文"))
#: marks opening a byline of names alone: 「□ 某某」; other marks open one only before a role word
#: (「◎ 记者 某某」; 「▲……记者 某某 摄」 is a caption, 「◆ 某某」 a section)
_BYLINE_MARKS = "□■●"
_ROLE_MARKS = "◎○◆◇★☆▪"
# closing words after names, longest first
_CLOSERS = ("摄影报道", "/摄影", "/摄", "摄影", "摄", "报道", "供稿", "供图", "文/图", "图/文")
#: a date and 电 closing a dateline bracket: 「十日电」「1月29日电」
_DATELINE_END = re.compile(r"(?:[一二三四五六七八九十\d]+月)?[一二三四五六七八九十\d]+日(?:[\u4e00-\u9fff]{2,4}?专)?电$")
#: words of a section's label, never of a name: 「【图片新闻】」「(视频)」
_SECTION_WORDS = re.compile("新闻|图片|视频|专题|要闻|动态|头条|快讯|聚焦|关注|资讯|图集|专栏|简讯|照片|资料")
#: an outlet naming itself where a name would stand: 「(本刊)」「(本网)」
_SELF_OUTLETS = {"本刊", "本网", "本台", "本站", "本报", "本社", "本部"}
#: what a page prints in an author's field when it names no one: 「作者:佚名」「作者:小编」「作者:网络」
_NO_ONE = {"佚名", "小编", "管理员", "网络", "综合", "原创", "转载", "网友", "编辑部", "未知", "匿名", "不详", "本站编辑"}
#: where a person stands in a photo: 「(前排左三)」「(左起)」
_PHOTO_POSITION = re.compile(r"[前后中]排|[左右][起一二三四五六七八九十]|[一二三四五六七八九十]排|居中")
#: labels of a page's metadata line that may follow a name with no space: 「作者:某某源自:某某」
_META_LABELS = "来源|源自|编辑|责编|发布|时间|点击|浏览|阅读|字号|审核|审签|审稿|初审|复审|终审|摄影|图片"
#: words opening the label of a metadata line's next field (「文章来源:」「语音阅读:」「发布时间:」)
_LABEL_PREFIXES = ("文章", "信息", "稿件", "新闻", "图片", "语音", "发布", "刊发", "更新", "原文", "转载")
#: a page's widgets and headings after a credit: 「作者:甲 乙 字号」「作者简介:」; the next field's label
_WIDGETS = re.compile(rf"(?:字号|打印|收藏|分享|关闭|纠错|简介|语音|朗读|评论|点赞|(?:{'|'.join(_LABEL_PREFIXES)})?(?:{_META_LABELS})[:：]|[{HAN}]{{2,5}}[:：])")
#: a unit, not a person, before 供稿: 「(政协办供稿)」
_UNIT_INSIDE = re.compile("政协|人大|党委|委员会|县|市|区|镇|乡|街道|局|办|部")
_UNIT_END = ("政协", "委员会", "委", "局", "办", "部", "会", "院", "中心", "室", "处", "厅", "所", "站", "组", "馆", "团")


@dataclass(frozen=True)
class _Item:
    kind: str  # role, staff, label, closer, name
    start: int
    end: int
    value: str = ""


def find_press(r: Reader) -> list[PressCredit]:
    """Every press credit of the document, each (person, role) once."""
    out: list[PressCredit] = []
    for a, b, alone in _credit_spans(r):
        out.extend(_credits(r, a, b, alone))
    out.extend(_photos_of_the_credited(r, out))
    seen = set()
    unique = []
    for p in out:
        if (p.person, p.role) not in seen:
            seen.add((p.person, p.role))
            unique.append(p)
    return unique


def _photos_of_the_credited(r: Reader, found: list[PressCredit]) -> list[PressCredit]:
    """「本报讯(记者 甲)……。 甲 摄」: a person the text credits already, printed before 摄 anywhere else, took
    pictures too (a name credited once is the text's own reporter, not someone in a photo)."""
    if "摄" not in r.text:
        return []
    text = r.text
    out = []
    for person in sorted({p.person for p in found if p.role != "摄影"} - {p.person for p in found if p.role == "摄影"}):
        for m in re.finditer(re.escape(person), r.doc.text):  # the printed name; offsets as in the reader's text
            s, e = m.start(), m.end()
            if re.match(r"[ \u3000]*/?摄(?=\s|$|[)）\]】。,，;；]|[0-9])", text[e : e + 4]) and (s == 0 or not re.match(rf"[{HAN}]", text[s - 1])
                                                                              or text[s - 1] in "者员"):
                out.append(_credit(r, s, e, "摄影"))
                break
    return out


# -- where credits stand ------------------------------------------------------------------------


_NEXT_LABEL = re.compile(rf"\s+(?:{_META_LABELS})[:：]")
_GLUED_LABEL = re.compile(rf"(?<![\s|;；,，、]){''.join(f'(?<!{p})' for p in _LABEL_PREFIXES)}"
                          rf"(?:(?:{'|'.join(_LABEL_PREFIXES)})?(?:{_META_LABELS}))[:：]")
_BRACKETED = re.compile(r"[(（【\[〔]([^()（）【】\[\]〔〕\n]{1,80})[)）】\]〕]")
#: a dateline's bracket broken across two lines by the page: 「本报讯(记者\n某某)10月23日,……」
_BRACKETED_BROKEN = re.compile(r"[(（]([^()（）【】\[\]\n]{1,30}\n[^()（）【】\[\]\n]{1,30})[)）]")
_SPACES_3000 = re.compile(r"[\s\u3000、]+")
_SPACES_DUN = re.compile(r"[\s、]+")
_SPACE_OR_DUN = re.compile(r"[\s、]")
_PHOTO_END = re.compile(r"(?:摄影报道|摄影|摄)$")
_OPEN_BRACKET = re.compile(r"[(（]")
_BYLINE_LINE = re.compile(rf"^[{_BYLINE_MARKS}]\s*")
_BYLINE_MARK_IN = re.compile(rf"[{_BYLINE_MARKS}]")
_ROLE_MARK_LINE = re.compile(rf"^[{_ROLE_MARKS}]\s*(?:[文图]\s*[/／|:：]|(?:{OUTLET})?(?:{ROLE}))")
_DASH_ROLE_LINE = re.compile(rf"^(?:——|—|--)\s*(?=(?:{OUTLET})?(?:{ROLE}))")
_SLASH_CREDIT_LINE = re.compile(rf"(?:[{HAN}]{{2,4}}\s*/\s*(?:文|图|摄影|摄)\s*){{1,3}}")
_NAME_PHOTO_LINE = re.compile(rf"[{HAN}]{{2,3}}(?:摄影报道|摄影|摄)")
_PHOTOGRAPHERS_OPENING = re.compile(rf"[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}}\s*/摄(?:影)?(?=\s|$)")
_PHOTOGRAPHERS_OPENING_SPAN = re.compile(rf"[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}}\s*/摄(?:影)?")
_SOURCE_LINE = re.compile(r"(?:(?:文章|信息|稿件|新闻)?来源|发布时间|时间)[:：]")
_AUTHOR_FIELD = re.compile(r"\s作者[:：]\s*")
_LABEL_LINE = re.compile(r"^(?:【(?:作者|文)】|图文\s*[/／:：]|文\s*[·、]\s*图\s*[/／:：]|[文图]\s*[/／|丨｜:：.．]|图片\s*[:：/]|供图\s*[:：]|文字\s*(?:/\s*[\u4e00-\u9fff]{2}\s*)?[:：]|作者[:：]|撰稿|撰文)")
_EDITOR_LINE = re.compile(r"(?:责任编辑|编辑|責任編輯|編輯|责编|責編)\s*[:：]")


def _field_end(st: str, start: int) -> int:
    """Where the metadata field starting at ``start`` of the line ``st`` ends: at the next label or the line's end."""
    nxt = _NEXT_LABEL.search(st, start)
    return nxt.start() if nxt else len(st)


def _column_heading(text: str, start: int, end: int) -> bool:
    """「【两会闻】」「【导报说】」: a 【】 bracket that is a whole line with more text after it heads a column;
    the words in it name no author (a credit there needs a role word: 「【记者 某某】」)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[start] == "【" and not text[line_start:start].strip() \
        and line_end != -1 and not text[end:line_end].strip() and bool(text[line_end:].strip())


def _credit_spans(r: Reader):
    """``(start, end, alone)`` of every candidate credit string; ``alone``: names without a role
    word are the authors."""
    text = r.text
    brackets = list(_BRACKETED.finditer(text))
    # 「(张 北)」「(宁 陕)」: a round-up's source tags, two or more brackets holding only a division's short name
    tags = {m.start() for m in brackets if _place_tag(m.group(1))}
    tags = tags if len(tags) >= 2 else set()
    for m in brackets:
        if _column_heading(text, m.start(), m.end()):
            yield m.start(1), m.end(1), False  # 「【两会闻】」 heading the paragraph after it: a column, no author
            continue
        if m.start() in tags:
            continue
        if k := _ATTRIBUTED.match(m.group(1)):
            # 「(据《某某日报》甲)」: the paper a text was taken from, then its author
            yield m.start(1) + k.end(), m.end(1), "spaced-alone"
            continue
        yield m.start(1), m.end(1), _at_end_of_item(text, m.end()) or _after_dateline(text, m.start()) \
            or _before_outlet(text, m.end())
    if "\n" in text:
        for m in _BRACKETED_BROKEN.finditer(text):
            if _after_dateline(text, m.start()):
                yield m.start(1), m.end(1), True
    offset = 0
    lines = text.split("\n")
    last = max((i for i, ln in enumerate(lines) if ln.strip()), default=-1)
    for i, line in enumerate(lines):
        st = line.strip()
        lead = offset + (len(line) - len(line.lstrip()))
        if (i == last or (i <= 3 and _MEDIA_UNIT.match(st))) and (m := _SIGNED_BY_UNIT.fullmatch(st)) \
                and (i == last or all(_surnamed(w) for w in _SPACES_3000.split(m.group(1)))):
            # 「某某民建 甲」 closing the text: the unit that sent it in, then its author
            yield lead + m.start(1), lead + m.end(1), "spaced-alone"
        if 1 <= i <= 6 and (m := _UNIT_BYLINE.fullmatch(st)) and _under_title(lines, i, titles=4) \
                and all(_surnamed(w) for w in _SPACES_3000.split(m.group(1))):
            # 「中国政协文史馆 甲」: a unit and its author on a line of their own under the title (and subtitles)
            yield lead + m.start(1), lead + m.end(1), "spaced-alone"
        if 1 <= i <= 3 and _SPREAD_NAME.fullmatch(st) and _under_title(lines, i):
            # 「马  榕」: one name spread by layout spaces right under the title is the piece's byline (a speaker's
            # name under the occasion of a work report 「—在……会议上」 is none: p32 of press8)
            yield lead, lead + len(st), "spread"
        if i == last and _SUPPLIED_UNOPENED.fullmatch(st):
            # 「某某办公室  甲  供稿)」 closing the text, its opening bracket lost by the page
            yield lead, lead + len(st.rstrip(")）")), True
        if (i == last or 1 <= i <= 3 or _before_editor(lines, i)) and _bare_names_line(st):
            # 「董 某 张某某」: a line of names alone closing the text, under the title or before the editor's line
            yield lead, lead + len(st), "spaced-alone"
        elif _BYLINE_LINE.match(st):
            yield lead + 1, lead + len(st), True
        elif _ROLE_MARK_LINE.match(st) and len(st) <= 40:
            yield lead + 1, lead + len(st), False
        elif (m := _DASH_ROLE_LINE.match(st)) and len(st) <= 40:
            yield lead + m.end(), lead + len(st), False  # 「——记者 某某」 closing a piece
        elif _SLASH_CREDIT_LINE.fullmatch(st):
            yield lead, lead + len(st), "photo-line"  # 「甲/文 乙/图」 on a line of its own
        elif _PHOTOGRAPHERS_LINE.fullmatch(st) \
                and all(_surnamed(w) for w in _SPACES_DUN.split(_PHOTO_END.sub("", st).strip())):
            yield lead, lead + len(st), "photo-line"  # 「甲 乙 摄」: a line of photographers' names alone
        elif _NAME_PHOTO_LINE.fullmatch(st):
            yield lead, lead + len(st), "photo-line"  # 「某某摄影报道」 on a line of its own, closing a picture story
        elif _PHOTOGRAPHERS_OPENING.match(st):
            # 「某某 某某/摄 肩负……」: photographers opening a caption or a paragraph
            m = _PHOTOGRAPHERS_OPENING_SPAN.match(st)
            yield lead, lead + m.end(), "photo-line"
        elif _SOURCE_LINE.match(st) and (m := _AUTHOR_FIELD.search(st)) \
                and 0 < _field_end(st, m.end()) - m.end() <= 40:
            # 「来源:某某网   作者:记者 甲 乙/文 丙/图   编辑:丁」: a metadata line's author field, up to the next label
            yield lead + m.end(), lead + _field_end(st, m.end()), False
            yield from _tails(line, offset)
        elif len(st) <= (40 if not _ROLE_AT.match(st) else 64) and (_LABEL_LINE.match(st) or _ROLE_AT.match(st)):
            # 「作者:某某(系某某县政协委员)」: a note in brackets after the names is no part of the credit, nor
            # the next label of a metadata line glued to the name (「作者:某某来源:某某网站」)
            cut = len(_OPEN_BRACKET.split(st)[0].rstrip())
            glued = _GLUED_LABEL.search(st, 3)  # 「文字:甲 摄影:乙」 is one credit
            yield lead, lead + min(cut, glued.start() if glued else cut), False
            if _ROLE_AT.match(st):
                # 「本报记者某某“……”」: the line may be text after a credit (but 「记者:甲 乙 摄影报道」's last name
                # is no caption's photographer: the credit opening the line covers it)
                yield from _tails(line, offset, caption=False)
        else:
            yield from _tails(line, offset)
        offset += len(line) + 1


#: a unit and the names of the people it sent the text in for, closing the document: 「某某民建 甲」
#: 「某某县融媒体中心 甲 乙 丙」 under the title: a newsroom and its reporters
_MEDIA_UNIT = re.compile(rf"[{HAN}]{{1,10}}(?:融媒体中心|新闻中心|日报社|报社|电视台)[\s\u3000]")
_SIGNED_BY_UNIT = re.compile(
    rf"[{HAN}]{{1,10}}(?:民建|民盟|民革|民进|农工党|致公党|九三学社|台盟|工商联|政协|委员会|办公室|统战部|宣传部|支部|小组"
    rf"|融媒体中心|新闻中心|日报社|报社|电视台)"
    rf"[\s\u3000]+([{HAN}]{{2,3}}(?:[\s\u3000、]+[{HAN}]{{2,3}}){{0,3}})")


#: a name standing between spaces: two to four characters, or a transliterated name with its dot
_SPACED_NAME = rf"(?:[{HAN}]{{1,8}}[·•・](?:(?!摄|报道)[{HAN}]){{1,10}}|[{HAN}]{{2,4}})"
_PHOTOGRAPHERS_LINE = re.compile(rf"{_SPACED_NAME}(?:[ \u3000、]+{_SPACED_NAME}){{1,3}}[ \u3000]*(?:摄影报道|摄影|摄)")
_BARE_NAMES = re.compile(rf"(?:{_SPACED_NAME}|[{HAN}])(?:[ \u3000、]+(?:{_SPACED_NAME}|[{HAN}])){{1,5}}")


def _bare_names_line(st: str) -> bool:
    """「甘某某 柏某」「董 某 张某某」: two to four names and nothing else (each checked as a name later); one
    name alone on a line is as often a photo's caption."""
    return len(st) <= 30 and bool(_BARE_NAMES.fullmatch(st)) \
        and len(_SPACE_OR_DUN.sub("", st)) >= 4 and st[-1] not in "摄报"


_SUPPLIED_UNOPENED = re.compile(r"[^()（）\n]{2,40}供稿[)）]")
_SPREAD_NAME = re.compile(rf"[{HAN}][ \u3000]{{1,3}}[{HAN}](?:[ \u3000]{{1,3}}[{HAN}])?")


def _under_title(lines: list[str], i: int, titles: int = 1) -> bool:
    """Line ``i`` comes right after the first line of the text (its title; up to ``titles`` lines of title and
    subtitles, none a sentence), and the text after it opens with no address (「各位委员、同志们:」)."""
    before = [lines[k].strip() for k in range(i) if lines[k].strip()]
    nxt = next((ln.strip() for ln in lines[i + 1 :] if ln.strip()), "")
    return 1 <= len(before) <= titles and not any(b.endswith(("。", "！", "？", "!", "?")) for b in before) \
        and bool(nxt) and not nxt.endswith((":", "："))


_UNIT_BYLINE = re.compile(rf"[{HAN}]{{2,16}}(?:政协|委员会|办公室|文史馆|博物馆|纪念馆|图书馆|研究院|研究所|研究中心|党校|大学|学院)"
                          rf"[\s\u3000]+([{HAN}]{{2,3}}(?:[\s\u3000、]+[{HAN}]{{2,3}}){{0,2}})")


def _before_editor(lines: list[str], i: int) -> bool:
    """The next line that is not empty is an editor's: 「编辑: 某某」 (the text ends before it)."""
    nxt = next((ln.strip() for ln in lines[i + 1 :] if ln.strip()), "")
    return bool(_EDITOR_LINE.match(nxt))


_TAIL_NAME = rf"(?:[{HAN}] [{HAN}](?![{HAN}])|[{HAN}]{{1,8}}[·•・](?:(?!摄|报道)[{HAN}]){{1,10}}|[{HAN}](?:(?!摄|报道)[{HAN}·]){{1,5}})"
_TAIL_NAMES = rf"(?!摄|报道|供稿){_TAIL_NAME}(?:[\s、]+(?!摄|报道|供稿){_TAIL_NAME}){{0,4}}"
_TAIL_CLOSE = r"(?:摄影报道|报道|/?摄影|/?摄)?"
_T_AFTER_SENTENCE = re.compile(rf"[。!?！？]\s*((?:{OUTLET})?(?:{ROLE})[:：]?\s*{_TAIL_NAMES}\s*{_TAIL_CLOSE})(?=\s|$|[{HAN}])")
_T_CLOSING = re.compile(rf"\s((?:{OUTLET})?(?:{ROLE})[:：]?\s*{_TAIL_NAMES}\s*{_TAIL_CLOSE})\s*$")
_T_CAPTION = re.compile(rf"(?<![{HAN}·•・])([{HAN}]{{2,}})\s+(?:摄影报道|摄影|摄)\s*$")
_T_GLUED_PHOTO = re.compile(rf"\s*((?:(?:{OUTLET})?(?:{ROLE})\s*)?[{HAN}]{{2,3}}(?:[ \u3000、][{HAN}]{{2,3}}){{0,3}}[ \u3000]*(?:摄影|摄))(?:[ \u3000]+(?=\S)|(?=[0-9０-９]))")
_T_BYLINE_END = re.compile(rf"[。!?！？]\s*[{_BYLINE_MARKS}]\s*([{HAN}·]{{2,8}})\s*$")
_T_DATELINE_REPORT = re.compile(rf"(?:讯|电)[】\]]?\s*((?:{ROLE})[^:：。\n()（）]{{2,24}}?报道)\s*[:：]")
_T_DATELINE_SPACED = re.compile(rf"\s*[{HAN}]{{0,12}}?(?:讯|电)[\s:：]+[■●◎]?\s*((?:{OUTLET})?(?:{ROLE})[:：]?\s*{_SPACED_NAME}"
                                rf"(?:[\s、]+(?:(?:{OUTLET})?(?:{ROLE})[:：]?\s*)?{_SPACED_NAME}){{0,5}})(?=[\s\u3000]+\S|[0-9０-９])")
#: 「……新图景 新华社某某分社记者 甲 乙 丙 春节是……」: an outlet's byline between spaces inside a running line
_T_SPACED_BYLINE = re.compile(rf"(?:^|(?<=[ \u3000]))((?:{OUTLET})(?:{ROLE})[ \u3000]+{_SPACED_NAME}(?:[ \u3000]+{_SPACED_NAME}){{0,5}})"
                              rf"(?=[ \u3000]+\S)")
#: 「本报驻京记者甲6日北京专电 ……」: a dateline without brackets, the date and place glued to the name
_T_NAMED_DATELINE = re.compile(rf"\s*[【\[]?((?:(?:{OUTLET})|驻[{HAN}]{{1,4}}?)?(?:{ROLE})[ \u3000]?([{HAN}]{{2,4}}?))[ \u3000]?"
                               rf"(?=[0-9０-９一二三四五六七八九十]{{1,3}}日[{HAN}]{{0,4}}?专?电)")
#: 「……。甲 乙 摄影报道」: two to four photographers' names between spaces closing a caption after its sentence
_T_PHOTO_REPORTERS = re.compile(rf"(?:^|[。!?！？]|(?<=[ \u3000]))\s*({_SPACED_NAME}(?:[ \u3000、]+{_SPACED_NAME}){{1,3}}[ \u3000]*摄影报道)\s*$")
#: 「……进场。 甲 乙 摄」: photographers' names between spaces right after the caption's sentence (after other words
#: they may be people in the photo: 「……开幕 甲 乙 摄」 keeps the last name only)
_T_PHOTOGRAPHERS_AFTER_SENTENCE = re.compile(rf"[。!?！？]\s*({_SPACED_NAME}(?:[ \u3000、]+{_SPACED_NAME}){{1,3}}[ \u3000]*/?摄)\s*$")
#: 「……开幕。 乙 摄崔波说,……」: a caption's credit run into the next paragraph by the page
_T_CAPTION_RUN_ON = re.compile(rf"[。!?！？][ \u3000]+([{HAN}]{{2,3}}[ \u3000]+摄)(?=[{HAN}])(?![影像制取入氏])")
_T_GLUED_CAPTION = re.compile(rf"[。!?！？]\s*([{HAN}]{{2,3}}(?:摄影|/摄|摄))\s*$")
_T_REPORT_OPENING = re.compile(rf"\s*((?:{OUTLET})?(?:{ROLE})[:：]?\s*[{HAN}]{{2,4}}(?:[\s、]+(?:(?:{OUTLET})?(?:{ROLE})[:：]?\s*)?"
                               rf"[{HAN}]{{2,4}}){{0,5}}\s*报道)(?=[\s\u3000:：])")
_T_REPORTER_QUOTE = re.compile(rf"\s*((?:{OUTLET})?(?:{ROLE})\s*[{HAN}]{{2,3}})(?=[“「])")
_T_SOURCE_NAMES = re.compile(rf"\s*(?:[0-9:：\- ]+\s*)?(?:信息|稿件|文章)?来源[:：]\s*[{HAN}·]{{2,16}}?(?:报|网|台|社|端|刊|媒体|中心|新闻|频道|政协|委员会|办公室)[\s\u3000]+"
                             rf"([{HAN}]{{2,3}}(?:[\s\u3000]+[{HAN}]{{2,3}}){{0,5}})\s*$")
_T_META_AUTHOR = re.compile(rf"(?:^|\s|\||(?<=[0-9]))(?:文章)?((?:文/|作者[:：]|撰稿(?:人)?[:：]|采写[:：])\s*[{HAN}·]{{2,8}}?)(?=\s|\||$|{_META_LABELS})(?!\s*[文图](?:[)）]|$))")
_T_META_WORDS = ("文/", "作者", "撰稿", "采写")


def _tails(line: str, offset: int, caption: bool = True):
    """Credits inside or at the end of a running line.

    Each pattern is tried only where the line holds what it cannot match without (a role word, 摄,
    a byline mark, 来源, a metadata label): the same matches as trying them all."""
    role = _BARE_ROLE_AT.search(line) is not None
    photo = "摄" in line
    # 「……问候。 通讯员 某某某 摄影报道」「……。新华社记者 某某 摄」「……。作者:某某」 (layout may run on)
    if role:
        for m in _T_AFTER_SENTENCE.finditer(line):
            yield offset + m.start(1), offset + m.end(1), False
        # 「……开幕 摄影 某某」「……工程。记者 某某 摄」: a caption line closing with a credit
        m = _T_CLOSING.search(line)
        if m:
            yield offset + m.start(1), offset + m.end(1), False
    # 「……隆重开幕 某某 摄」「大会主席台某某 摄」
    # (searched only in a line that ends so: the pattern tries every start in a run of Han)
    m = _T_CAPTION.search(line) if caption and line.rstrip().endswith(("摄影报道", "摄影", "摄")) else None
    if m:
        yield offset + m.start(1), offset + m.end(0), "caption"
    # 「某某 某某 摄 1月5日,……」: a photo credit glued to the paragraph after it
    m = _T_GLUED_PHOTO.match(line) if photo else None
    if m:
        yield offset + m.start(1), offset + m.end(1), "photo-line"
    # 「……。□某某」 at the end of a paragraph
    m = _T_BYLINE_END.search(line) if _BYLINE_MARK_IN.search(line) else None
    if m:
        yield offset + m.start(1), offset + m.end(1), True
    if role:
        # 「某某讯 记者某某报道:」 (a dateline without brackets)
        m = _T_DATELINE_REPORT.search(line[:80])
        if m:
            yield offset + m.start(1), offset + m.end(1), False
        # 「本报讯 记者 某某 通讯员 某某 近日,……」: a dateline whose credits stand between spaces, the text after
        m = _T_DATELINE_SPACED.match(line[:120])
        if m:
            yield offset + m.start(1), offset + m.end(1), "spaced"
        for m in _T_SPACED_BYLINE.finditer(line):
            yield offset + m.start(1), offset + m.end(1), "spaced"
        m = _T_NAMED_DATELINE.match(line)
        if m and not _place_tag(m.group(2)) and not _is_place(m.group(2)):  # 「本报记者广州二十日电」: a place
            yield offset + m.start(1), offset + m.end(1), False
    if caption and line.rstrip().endswith("摄影报道") and (m := _T_PHOTO_REPORTERS.search(line)):
        yield offset + m.start(1), offset + m.end(1), "photo-line"
    if caption and line.rstrip().endswith("摄") and (m := _T_PHOTOGRAPHERS_AFTER_SENTENCE.search(line)):
        yield offset + m.start(1), offset + m.end(1), "photo-line"
    if photo:
        for m in _T_CAPTION_RUN_ON.finditer(line):
            yield offset + m.start(1), offset + m.end(1), "photo-line"
    # 「……现场。某某摄」: a caption whose photographer's name is glued to 摄 after the sentence
    m = _T_GLUED_CAPTION.search(line) if photo else None
    if m:
        yield offset + m.start(1), offset + m.end(1), "photo-line"
    if role:
        # 「全媒体记者某某报道 9月13日上午,……」: a credit with 报道 opening the text of the paragraph
        m = _T_REPORT_OPENING.match(line[:120])
        if m:
            yield offset + m.start(1), offset + m.end(1), "spaced"
        # 「本报记者某某“……”」: a reporter's credit opening a line, the text (a quotation) right after the name
        m = _T_REPORTER_QUOTE.match(line)
        if m:
            yield offset + m.start(1), offset + m.end(1), "spaced"
    # 「来源: 某某日报客户端  甲 乙 丙」: names after the outlet of a source line are the authors
    m = _T_SOURCE_NAMES.match(line) if "来源" in line else None
    if m:
        yield offset + m.start(1), offset + m.end(1), "spaced-alone"
    # 「发布时间:…|作者:某某」 metadata lines
    m = _T_META_AUTHOR.search(line) if any(w in line for w in _T_META_WORDS) else None
    if m:
        yield offset + m.start(1), offset + m.end(1), False


_ATTRIBUTED = re.compile(r"(?:据|转自|摘自|选自)\s*《[^》]{1,20}》\s*(?=\S)")
_OUTLET_CLOSING = re.compile(rf"[ \u3000]*[{HAN}]{{2,10}}(?:日报|晚报|报|网|客户端|电视台|融媒体中心)[ \u3000]*(?:\n|$)")


def _place_tag(content: str) -> bool:
    from ..gazetteer import load

    word = re.sub(r"[\s\u3000]", "", content)
    return 2 <= len(word) <= 3 and bool(re.fullmatch(rf"[{HAN}]+", word)) and bool(load().lookup(word))


def _before_outlet(text: str, pos: int) -> bool:
    """「……。(甲)某某日报」: a bracket followed by the outlet's name ending the line closes the text."""
    return bool(_OUTLET_CLOSING.match(text, pos))


def _at_end_of_item(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3]
    return not rest.strip() or rest.startswith("\n")


def _after_dateline(text: str, pos: int) -> bool:
    """A bracket right after 「……讯」「……电」 opens a dateline: 「某某网讯(甲 乙)」."""
    before = text[max(0, pos - 5) : pos].rstrip().rstrip(":：").rstrip()  # 「某某网讯  (甲 乙)」「本报讯:(甲)」
    return before.endswith(("讯", "电", "消息", "报道"))  # 「某某网消息(甲 乙)」「某某在线报道(记者 甲)」


# -- reading a credit string --------------------------------------------------------------------


def _credits(r: Reader, a: int, b: int, alone) -> list[PressCredit]:
    if alone == "caption":
        return _caption_credit(r, a, b)
    if alone == "spread":  # 「马  榕」: one name, its characters spread by layout spaces
        return [_credit(r, a, b, "作者")] if _surnamed(r.text[a:b]) else []
    if alone == "photo-line":  # 「会议现场 某某/摄」: the words before the names are a caption
        found = parse_credit(r.text[a:b])
        return [_credit(r, a + ns, a + ne, role) for ns, ne, role in found if _surnamed(r.text[a + ns : a + ne])]
    if alone in ("spaced", "spaced-alone"):  # names between spaces, the text after: each must look like a name
        found = parse_credit(r.text[a:b], alone == "spaced-alone")
        if not all(_surnamed(r.text[a + ns : a + ne]) for ns, ne, _ in found):
            return []
        return [_credit(r, a + ns, a + ne, role) for ns, ne, role in found]
    return [_credit(r, a + ns, a + ne, role) for ns, ne, role in parse_credit(r.text[a:b], bool(alone))]


_NAMES_BEFORE_LABELS = re.compile(rf"[{HAN}]{{2,4}}(?:[ \u3000][{HAN}]{{2,4}})*[ \u3000][文图]/[{HAN}]{{2,4}}(?:[ \u3000][{HAN}]{{2,4}})*[ \u3000][文图]")
_LABEL_AFTER_NAME = re.compile(r"([ \u3000])([文图])/")


def parse_credit(text: str, alone: bool = False) -> list[tuple[int, int, str]]:
    """``(start, end, role)`` of each credited name of the credit string ``text``; [] when
    ``text`` is no credit. ``alone``: names with no role word are authors.

    >>> [(t[s:e], role) for t in ["记者 甲某某 实习记者 乙某"] for s, e, role in parse_credit(t)]
    [('甲某某', '记者'), ('乙某', '实习记者')]
    >>> [role for s, e, role in parse_credit("某某摄")]
    ['摄影']
    >>> parse_credit("图片来源于网络")
    []
    """
    # 「文丨某某」「文／圖：某某」: bars and full-width slashes as their ASCII forms (same length)
    text = _strip_dateline(text).replace("丨", "|").replace("｜", "|").replace("／", "/")
    # 「文 | 某某」「图 / 某某」: a space between a label's word and its mark (moved after the mark, same length)
    text = re.sub(r"(?:(?<=^)|(?<=[\s]))([文图])(\s+)([/|:：])", lambda m: m.group(1) + m.group(3) + m.group(2), text)
    if _NAMES_BEFORE_LABELS.fullmatch(text):
        # 「甲 文/乙 图」: each name before its job (the same length as 「甲/文 乙/图」, which is read so)
        text = _LABEL_AFTER_NAME.sub(lambda m: "/" + m.group(2) + m.group(1), text)
        text = text[:-2] + "/" + text[-1]
    items = _items(text)
    if items is None:
        return []
    out: list[tuple[int, int, str]] = []
    role: str | None = None
    group: list[_Item] = []  # the names since the last role word or label
    photo_label = False  # 文/图: the names credited wrote and photographed
    pictures = False  # 「图/记者 乙」: the role word after 图/ names a reporter who took the pictures
    for it in items:
        if it.kind == "role":
            pictures = role == "摄影" and not group
            if role is None and group and alone is True and not out \
                    and all(_surnamed_before_role(text[n.start : n.end]) and not _organisation(text[n.start : n.end]) for n in group):
                # 「(甲 通讯员 乙)」 after 讯/电: the name before the first role word is the piece's author
                out.extend((n.start, n.end, "作者") for n in group)
            role, group = it.value, []
        elif it.kind == "staff":
            role, group, pictures = "", [], False  # 责任编辑, 审核人: read past, not credited
        elif it.kind == "label":
            role, group, pictures = ("摄影" if it.value == "图" else "作者"), [], False
            photo_label = photo_label or it.value == "文图"
        elif it.kind == "name":
            group.append(it)
            if role:
                out.append((it.start, it.end, role))
                if pictures and role != "摄影":
                    out.append((it.start, it.end, "摄影"))
        elif it.kind == "closer":
            if it.value in ("文/图", "图/文"):
                photo_label = True
            elif it.value == "摄影报道" and role and role != "摄影" and len(group) > 1:
                pass  # 「记者:甲 乙 丙 摄影报道」: a newsroom's picture story, the role word credits them (as 文/图)
            elif "摄" in it.value:
                out.extend((n.start, n.end, "摄影") for n in group)
            elif it.value == "/文":  # 「某某/文」: the writer
                out.extend((n.start, n.end, "作者") for n in group if not role)
            elif it.value in ("供稿", "供图"):
                out.extend((n.start, n.end, "作者" if it.value == "供稿" else "摄影") for n in group if not role)
            group = []
    if role is None and not out:
        if not alone:
            return []
        out = [(n.start, n.end, "作者") for n in items if n.kind == "name"]
        if any(_SECTION_WORDS.search(text[s:e]) for s, e, _ in out):
            return []  # 「【图片新闻】」: a section's label in brackets, no author
        if any(_PHOTO_POSITION.search(text[s:e]) for s, e, _ in out):
            return []  # 「(前排左三)」 places a person in a photo
    if photo_label:
        people = {text[s:e] for s, e, _ in out}
        if len(people) == 1:  # 「(文/图 记者 某某)」: one reporter wrote and photographed
            s, e, _ = out[0]
            out.append((s, e, "摄影"))
    return [(s, e, role) for s, e, role in out if role]


def _strip_dateline(text: str) -> str:
    """Drop the closing date and 电 of a dateline bracket, and a place right before it:
    「本报记者广州二十日电」 -> 「本报记者」; a name before the date stays (「本报驻某地记者某某十日电」)."""
    m = _DATELINE_END.search(text)
    if not m:
        return text
    head = text[: m.start()]
    for k in (2, 3, 4):
        if len(head) >= k and re.fullmatch(rf"[{HAN}]+", head[-k:]) and _is_place(head[-k:]):
            return head[:-k]
    return head


def _items(text: str) -> list[_Item] | None:
    """The words of a credit string, or None when something in it is no part of a credit."""
    items: list[_Item] = []
    supplied = bool(re.search(r"供[稿图]\s*$", text))
    glued = not re.search(rf"[^{HAN}]", text)  # 「记者甲通讯员乙丙」: no separator anywhere
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        slash = next((v for w, v in _SLASH_CLOSERS if text.startswith(w, i)), None) if c == "/" else None
        if slash and items and items[-1].kind == "name":
            w = next(w for w, v in _SLASH_CLOSERS if text.startswith(w, i))
            items.append(_Item("closer", i, i + len(w), slash))
            i += len(w)
            continue
        if c in _SEPARATORS or c == "\u00a0":
            i += 1
            continue
        label = next((v for w, v in _LABELS if text.startswith(w, i)), None)
        if label:
            if label == "文图" and items and items[-1].kind == "name":
                items.append(_Item("closer", i, i + 3, "文/图"))
                i += 3
                continue
            w = next(w for w, v in _LABELS if text.startswith(w, i))
            items.append(_Item("label", i, i + len(w), label))
            i += len(w)
            continue
        closer = next((w for w in _CLOSERS if text.startswith(w, i)), None) or ("电" if text[i:].strip() == "电" else None)
        if closer and items and items[-1].kind == "name" and not (closer == "摄影" and _name_follows(text, i + 2)):
            if closer == "报道" and _is_place(text[items[-1].start : items[-1].end]):
                items.pop()  # 「(记者某某 某地报道)」: where the report comes from
            items.append(_Item("closer", i, i + len(closer), closer))
            i += len(closer)
            continue
        sm = _STAFF_AT.match(text, i)
        if sm:
            items.append(_Item("staff", i, sm.end()))
            i = sm.end()
            continue
        rm = _ROLE_AT.match(text, i)
        if rm and (not items or rm.start(1) == i or _outlet_ok(text[i : rm.start(1)])):
            role = ROLE_WORDS[re.sub(r"\s", "", rm.group(1))]
            items.append(_Item("role", i, rm.end(), role))
            i = rm.end()
            continue
        om = _OUTLET_BEFORE_NAME.match(text, i)
        if om and text[om.end() : om.end() + 1] in _SEPARATORS + "\u00a0" and _name_follows(text, om.end()):
            i = om.end()  # 「(中评社 甲摄)」「(新华社 甲 摄)」: the outlet the person works for
            continue
        if _WIDGETS.match(text, i):
            break  # 「作者:甲 乙 字号」「作者:  语音阅读:」「文章来源:」: what follows is the page's, not the credit's
        um = re.match(rf"[{HAN}]{{3,12}}", text[i:])
        if um and _unit_word(um.group(0)) and text[i + um.end() : i + um.end() + 1] in _SEPARATORS + "\u00a0" \
                and _name_follows(text, i + um.end()):
            i += um.end()  # 「(通讯员 某某县政协 甲)」「作者:某某县政协办公室 甲」: the unit the person writes for
            continue
        e = _name_end(text, i, glued)
        if e is None:
            if supplied and not any(x.kind == "name" for x in items):
                # 「(某某县政协 甲 乙 供稿)」: the supplying unit before the names
                m = re.match(rf"[{HAN}]+", text[i:])
                if m and m.group(0).endswith(_UNIT_END):
                    i += m.end()
                    continue
            return None
        name = re.sub(r"\s", "", text[i:e])
        if supplied and len(name) >= 3 and name.endswith(_UNIT_END) and _UNIT_INSIDE.search(name[:-1]):
            i = e  # 「(政协办供稿)」: the supplying unit is credited to no one
            continue
        if name in lx.NOT_NAMES or name in ROLE_WORDS or name in _SELF_OUTLETS or name in _NO_ONE or _organisation(name):
            return None
        prev = items[-1] if items else None
        if prev and prev.kind == "name" and text[prev.end : i] in (" ", "\u3000") and _transliterated(text[prev.start : prev.end]) \
                and _transliterated(name):
            items[-1] = _Item("name", prev.start, e)  # 「艾某 买某提」: a Uyghur name and its father's, one person
        else:
            items.append(_Item("name", i, e))
        i = e
    return items


_OUTLET_BEFORE_NAME = re.compile(rf"[{HAN}]{{2,6}}(?:社|网|台|日报|晚报)")
_PARTIES = ("民建", "民盟", "民革", "民进", "农工党", "致公党", "九三学社", "台盟", "工商联")


def _unit_word(word: str) -> bool:
    """「某某县政协」「县政协办公室」「某某民建」: a unit standing before the names of a credit."""
    return len(word) >= 3 and (word.endswith(_PARTIES) or (word.endswith(_UNIT_END) and bool(_UNIT_INSIDE.search(word[:-1]))))


def _organisation(name: str) -> bool:
    """「区政协」「中央社」: a committee, a unit or a news agency where a name would stand is no person."""
    from ..nlp import word_tag

    return bool(re.search("政协|委员会|人大|党委|政府", name)) or word_tag(name) == "nt"


def _is_place(word: str) -> bool:
    from ..nlp import word_tag

    return word_tag(word) == "ns"


def _outlet_ok(prefix: str) -> bool:
    """An outlet between two credits (「甲 东北网记者 乙」), not a name glued to a role."""
    return len(prefix) >= 2 and bool(re.search("报|台|网|社|刊|媒|线|新闻|端|频道", prefix))


def _name_follows(text: str, i: int) -> bool:
    while i < len(text) and text[i] in _SEPARATORS:
        i += 1
    return i < len(text) and _name_end(text, i) is not None


def _name_end(text: str, i: int, glued: bool = False) -> int | None:
    """End of a name starting at ``i`` of a credit string, or None. ``glued``: the credit string has no
    separator at all, so two names may stand glued after one role word (「通讯员乙某丙某」)."""
    # 「约某·某某提摄」: a closing word glued to a transliterated name is no part of it
    dot = re.match(rf"[{HAN}]{{1,8}}[·•・](?:(?!摄|报道|供稿|供图)[{HAN}]){{1,10}}", text[i:])
    if dot:
        return i + dot.end()
    run = re.match(rf"[{HAN}]+", text[i:])
    if not run:
        return None
    chunk = run.group(0)
    if chunk.startswith(("报道", "摄", "供稿")):
        return None
    # the name ends where a role word, a label or a closing word starts inside the run
    for k in range(2, min(len(chunk), 6) + 1):
        rest = chunk[k:]
        if not rest:
            break
        if k <= 4 and re.fullmatch(rf"[{HAN}]{{2,4}}报道", rest) and _is_place(rest[:-2]):
            return i + k  # 「记者某某北京报道」: the place of the report follows the name
        if _BARE_ROLE_AT.match(rest) or _STAFF_AT.match(rest) or rest.startswith(_CLOSERS) \
                or (rest == "电") or re.match(rf"(?:{OUTLET})(?:{ROLE})", rest) and k <= 4 \
                or _DATELINE_END.match(rest):
            if k <= 4:
                return i + k
            break
    if glued and 4 <= len(chunk) <= 6 and (k := _two_names(chunk)):
        return i + k
    if 2 <= len(chunk) <= 4:
        return i + len(chunk)
    # 「记者甲某某乙某某」: two names glued, each a surname and a given name (jieba's tagger cuts them so)
    first = _glued_pair(chunk)
    if first:
        return i + first
    # 「记者 巴特尔其其格」: a name of five or six characters (Mongolian, Tibetan) standing alone between
    # separators, with nothing of a sentence in it
    end = i + len(chunk)
    if 5 <= len(chunk) <= 6 and (end == len(text) or text[end] in _SEPARATORS) and i > 0 and text[i - 1] in _SEPARATORS \
            and not re.search(r"[的了在从和与及等获悉说表示是为对向将把被]", chunk) \
            and all(not_a_word(chunk[:k]) for k in (2, 3, len(chunk))):  # no word of the dictionary opens it
        return end
    # 「刘 睿」: a two-character name with a layout space
    if len(chunk) == 1 and re.match(rf"[{HAN}] [{HAN}](?![{HAN}])", text[i:]) and text[i] in lx.SURNAMES:
        return i + 3
    return None


#: characters of Uyghur, Kazakh and Mongolian names as transliterated (阿不都, 买买提, 古丽, 巴特尔)
_TRANSLIT = lx.TRANSLITERATION_CHARS
#: and of Tibetan names (one name each, never joined to the next: 「(某某雍措 拉巴某玛)」 are two people)
_TIBETAN = set("扎西顿珠次仁卓玛格桑梅朵拉巴泽塔雍措旺堆平达娃央金多吉尼德白曲珍群培罗嘎索朗强贡"
               "庆占丹增来松边普布姆宗旦加洛益阿赤列土登琼")


def _transliterated(name: str) -> bool:
    """「艾某」「买某提」: every character one of a transliterated name (a Han name has a Han given name)."""
    name = re.sub(r"\s", "", name)
    return len(name) >= 2 and all(c in _TRANSLIT for c in name)


def _two_names(chunk: str) -> int | None:
    """The length of the first of two names glued in a credit with no separator (「乙某丙某」, 「乙某某丙某」),
    or None: each part opens with a surname and is no word, and the run is no name of its own (a compound
    surname, a transliterated name)."""
    if chunk[:2] in lx.COMPOUND_SURNAMES or _transliterated(chunk) or not not_a_word(chunk):
        return None
    from ..nlp import pos_cut

    cuts = {0}
    for w, _ in pos_cut(chunk):
        cuts.add(max(cuts) + len(w))
    ok = [k for k in {4: (2,), 5: (3, 2), 6: (3,)}[len(chunk)]
          if chunk[0] in lx.SURNAMES and chunk[k] in lx.SURNAMES and not_a_word(chunk[:k]) and not_a_word(chunk[k:])]
    return next((k for k in ok if k in cuts), ok[0] if ok else None)


def _glued_pair(chunk: str) -> int | None:
    """The length of the first of two names glued together (「马某梅乔某明」), or None."""
    if not 5 <= len(chunk) <= 6:
        return None
    from ..nlp import pos_cut

    words = pos_cut(chunk)
    if len(words) == 2 and all(f == "nr" and 2 <= len(w) <= 3 and w[0] in lx.SURNAMES for w, f in words):
        return len(words[0][0])
    return None


def _caption_credit(r: Reader, a: int, b: int) -> list[PressCredit]:
    """「……开幕 某某 摄」: the last word before 摄 is the photographer; in 「主席台某某 摄」 the name
    is the last two or three characters that jieba keeps as a word of their own."""
    text = r.text
    chunk_end = a + len(re.match(rf"[{HAN}]+", text[a:b]).group(0))
    chunk = text[a:chunk_end]
    if 2 <= len(chunk) <= 4 and _name_like(chunk):
        return [_credit(r, a, chunk_end, "摄影")]
    for k in (3, 2):
        ns = chunk_end - k
        name = text[ns:chunk_end]
        if ns > a and ns in r.analysis.token_starts and (text[ns] in lx.SURNAMES or text[ns : ns + 2] in lx.COMPOUND_SURNAMES) \
                and _name_like(name):
            return [_credit(r, ns, chunk_end, "摄影")]
    return []


def _surnamed(name: str) -> bool:
    """A name read with nothing but spaces around it: two or three characters, a surname first,
    no word of the dictionary (「会议现场」 is none)."""
    name = re.sub(r"\s", "", name)
    if re.fullmatch(rf"[{HAN}]{{1,8}}[·•・][{HAN}]{{1,10}}", name):
        return True  # 「艾某·某某提」: a transliterated name, its dot says so
    if name[:2] in lx.COMPOUND_SURNAMES:
        return 3 <= len(name) <= 4 and _name_like(name)  # 「欧阳某某」
    if 4 <= len(name) <= 6 and (_transliterated(name) or all(c in _TIBETAN for c in name)) and _name_like(name):
        return True  # 「拉巴顿珠」「巴特尔其其格」: a Tibetan or Mongolian name, no surname
    return 2 <= len(name) <= 3 and name[0] in lx.SURNAMES and _name_like(name)


def _surnamed_before_role(name: str) -> bool:
    """A bare name right before the first role word of a dateline's bracket (「(甲 通讯员 乙)」): the place vouches for
    it, so a name that is also a word (金星, 方圆) stands if a surname opens it and it names no place."""
    name = re.sub(r"\s", "", name)
    return _surnamed(name) or (2 <= len(name) <= 3 and name[0] in lx.SURNAMES and name not in lx.NOT_NAMES
                               and name not in ROLE_WORDS and not _is_place(name) and not _place_tag(name))


def _name_like(name: str) -> bool:
    return name not in lx.NOT_NAMES and name not in ROLE_WORDS and not_a_word(name)


def _credit(r: Reader, ns: int, ne: int, role: str) -> PressCredit:
    return PressCredit(r.surface(ns, ne), role, r.evidence(ns, ne, r.line_of(ns)))
