"""Campaigns, slogans and brands: quoted expressions classified by their head words and context.

The press puts named campaigns, formulas and brands in quotation marks: 「“三抓三促”行动」,
「坚定“四个自信”」, 「“秦商量·同心汇”协商品牌」. A quoted expression becomes a concept when its
shape says so, and its type comes from, in order: the word right after the closing quote (行动 ->
campaign, 品牌 -> brand, 理念 -> slogan), its own head word (…行动, …工作室, …年), and numbered
formulas (两个确立, 三抓三促). Quoted speech, long clauses, book titles and ordinary words are not
concepts.
"""

from __future__ import annotations

import re

from ..records import ConceptMention
from .reader import Reader

HAN = r"\u4e00-\u9fff"
QUOTES = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|\"([^\"\n]{1,40})\"")
NUM = "一二三四五六七八九十百千万两双几多0-9"

# the word after the closing quote -> type; the word is not part of the name
AFTER = [
    ("campaign", "行动 活动 工程 攻坚 专项行动 主题活动 系列活动 专项 大行动 计划 竞赛 比赛 评选 普法 规划 行 战役".split()),
    ("brand", "品牌 平台 载体 阵地 工作室 栏目 公众号 协商品牌 履职品牌 服务品牌 讲堂 论坛".split()),
    ("slogan", "理念 战略 定位 要求 目标 思路 发展思路 机制 模式 体系 格局 精神 重要思想 原则 方针 路径 布局 思想 作风 标准 重要论述".split()),
]
# the concept's own last words -> type
HEADS = [
    ("campaign", "行动 活动 工程 分享会 年 月 周 季 日 攻坚战 行 计划 竞赛 走基层 进基层 在行动 大走访 大调研 进万家 下基层 联系 群众 党日 党日+ 送温暖 回头看 进校园 进社区 进企业 进百村 话良策".split()),
    ("brand", "平台 品牌 工作室 会客厅 客厅 讲堂 讲坛 论坛 沙龙 驿站 之家 书屋 读书吧 读书屋 议事会 议事厅 议事室 议事广场 小院 广场 馆 荟 协商 商量 直通车 服务站 联络站 学堂 号 大讲堂 有约 政协 说事 茶话会".split()),
]
NOT_CONCEPTS = set(
    """重要阵地 重要平台 重要渠道 急难愁盼 最后一公里 卡脖子 清一色 单打一 直通车 富矿 验方 新方 互动平台 双向通道
    零距离 最前沿 联络站 真声音 真问题 真药方 有心人 知心人 热心人 关键小事 人才库 智囊团 必修课 专业课 委员作业
    时代答卷 标准地 友谊勋章 四风 两新 两支队伍 国之大者 两会""".split()
) - {"四风", "国之大者"}
# quoted words that are plainly not names of anything
_GENERIC = re.compile(r"^(的|了|是|在|和|与|及|这|那|什么|怎么|为什么|如何)")
# questions, verb complements, targets and descriptive phrases: 「做了什么」「落实下去」「走在全省前列」
_NOT_A_NAME = re.compile(r"^[^,，、]*(什么|多少|怎么)[^,，、]*$|[吗呢]$|(起来|下去|出来)$|全省|全市|前列|[^目]的[^士]")


def classify(name: str, after: str) -> str | None:
    """The type of a quoted expression ``name`` followed by the text ``after``, or None.

    >>> classify("三抓三促", "行动，")
    'campaign'
    >>> classify("秦商量·同心汇", "")
    'brand'
    >>> classify("两个确立", "、")
    'slogan'
    """
    # the name's own head word first: the quotes include it (「“三项活动”要求」)
    own = _own_head(name)
    if own:
        return own
    for t, words in AFTER:
        for w in sorted(words, key=len, reverse=True):
            if after.startswith(w):
                return t
    if "·" in name or "•" in name:
        return "brand"  # 「秦商量·同心汇」: a brand and its motto
    # the descriptor may come a few words later: 「“我为群众办实事”实践活动」
    if re.match(rf"[{HAN}]{{0,10}}?(行动|活动|工程)", after):
        return "campaign"
    if re.match(rf"[{HAN}]{{0,6}}?(品牌|平台)", after):
        return "brand"
    if re.search(r"[站室馆厅院]", name) and re.match(rf"[{NUM}]", name):
        return "brand"  # 「一站两室」 names venues
    if re.fullmatch(r"十[一二三四五六七八九十]五", name):
        return "campaign"  # a five-year plan (「十四五」规划)
    if re.fullmatch(rf"[{NUM}][个大项条件种点]?[{HAN}]{{1,8}}", name) and re.match(rf"[{NUM}]", name):
        return "slogan"
    if re.search(rf"[{NUM}][{HAN}]{{1,3}}[{NUM}][{HAN}]{{1,3}}", name):
        return "slogan"
    if re.fullmatch(r"[0-9+X×x\-]+[托带促强]?[0-9+X]*", name) or re.fullmatch(r"[0-9]{2,6}", name):
        return "slogan"
    if re.fullmatch(rf"[{HAN}]{{2,8}}(?:[、,，][{HAN}]{{2,8}}){{1,2}}", name) or re.fullmatch(rf"[{HAN}]+\+[{HAN}]+", name):
        return "slogan"
    if _coined(name):
        return "slogan"
    return None


def _own_head(name: str) -> str | None:
    """The type the name's own last word gives (…行动, …工作室), if any."""
    for t, words in HEADS:
        for w in sorted(words, key=len, reverse=True):
            if name.endswith(w) and (len(name) > len(w) or len(w) >= 3):
                return t
    return None


def _coined(name: str) -> bool:
    """A coined expression with nothing else telling its type (typed slogan by default)."""
    return bool(re.fullmatch(rf"[{HAN}]{{3,8}}", name)) and not _ordinary_word(name)


def _ordinary_word(name: str) -> bool:
    """A word jieba's dictionary knows (an idiom, a common noun or verb) is no coined slogan."""
    from ..nlp import word_tag

    return word_tag(name) is not None


def normalise_name(raw: str) -> str:
    """Quoted text -> concept name: outer spaces and layout spaces next to non-CJK dropped."""
    name = raw.strip()
    name = re.sub(rf"(?<=[^{HAN}])\s+|\s+(?=[^{HAN}])", "", name)
    return name


def find_concepts(r: Reader) -> list[ConceptMention]:
    """Every concept mention of the document; their divisions are filled in by resolution."""
    s = r.text
    out: list[ConceptMention] = []
    # keywords that head a section are section keywords wherever else they are quoted
    heads = {normalise_name(next(g for g in q.groups() if g is not None))
             for q in QUOTES.finditer(s) if _section_head(s, q.start(), q.end())}
    for m in QUOTES.finditer(s):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        raw_start, raw_end = m.start(g), m.end(g)
        name_s = normalise_name(s[raw_start:raw_end])
        if not _shape_ok(name_s, s, m.start(), m.end()):
            continue
        after = s[m.end() : m.end() + 12]
        ctype = classify(name_s, after)
        if ctype is None or (len(name_s) == 2 and _ordinary_word(name_s) and not re.match(f"[{NUM}]", name_s[0])):
            continue
        if name_s in heads or (_coined(name_s) and classify(name_s, "") == "slogan"
                               and _in_run_of_short_quotes(s, m, name_s)):
            continue
        name = normalise_name(r.doc.text[raw_start:raw_end])  # as printed (traditional kept)
        out.append(ConceptMention(name, ctype, None, r.evidence(raw_start, raw_end)))
    return _one_type_per_name(out, s)


def _one_type_per_name(mentions: list[ConceptMention], s: str) -> list[ConceptMention]:
    """「“三抓三促”行动」 once makes every 「三抓三促」 of the document a campaign."""
    from collections import Counter
    from dataclasses import replace

    told: dict[str, str] = {}
    for c in mentions:
        if _own_head(c.name):
            continue  # the name says what it is (「三项活动」)
        after = s[c.evidence.end + 1 : c.evidence.end + 13]
        for t, words in AFTER:
            if any(after.startswith(w) for w in words):
                told.setdefault(c.name, t)
    votes = Counter((c.name, c.type) for c in mentions)
    out = []
    for c in mentions:
        best = told.get(c.name) or max((t for (n, t) in votes if n == c.name), key=lambda t: votes[(c.name, t)])
        out.append(replace(c, type=best) if best != c.type else c)
    return out


def _in_run_of_short_quotes(s: str, m: re.Match, name: str) -> bool:
    """「“懂政协”“会协商”“善议政”」: a run of three-character quotes is a list of section heads
    or virtues, not of names (numbered formulas such as 四个意识 are exempt)."""
    if len(name) != 3 or re.match(f"[{NUM}]", name):
        return False
    run = re.compile(r"(?:“[^“”]{3}”[、，,]?){3,}")
    for r in run.finditer(s, max(0, m.start() - 30), min(len(s), m.end() + 30)):
        if r.start() <= m.start() < r.end():
            return True
    return False


def _section_head(s: str, start: int, end: int) -> bool:
    """「**“懂政协”，是……**」: a quoted keyword opening a paragraph, followed by a comma, heads a
    section of an essay; it names no campaign, slogan or brand."""
    line_start = s.rfind("\n", 0, start) + 1
    return bool(re.fullmatch(r"[*#\s]*(?:[一二三四五六七八九十]+、)?", s[line_start:start])) and s[end : end + 1] in (",", "，", ":", "：")


def _parallel_description(name: str) -> bool:
    """「重要阵地、重要平台、重要渠道」: parts that repeat one opening word describe, not name."""
    parts = re.split(r"[、,，]", name)
    return len(parts) >= 3 and len({p[:2] for p in parts}) == 1


def _shape_ok(name: str, s: str, start: int, end: int) -> bool:
    if len(name) < 2 or len(name) > 20:
        return False
    if name in NOT_CONCEPTS or _GENERIC.match(name) or _NOT_A_NAME.search(name):
        return False
    if re.search(r"[。!?！？;；:：《》]", name):
        return False
    if not re.search(f"[{HAN}0-9]", name):
        return False
    # quoted speech: 「…指出：“……”」
    if re.search(r"[:：]\s*$", s[max(0, start - 2) : start]):
        return False
    if len(re.findall(r"[,，、]", name)) > 2 or _parallel_description(name):
        return False
    return True
