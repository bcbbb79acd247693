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
from dataclasses import dataclass

from ..records import ConceptMention
from .reader import Reader

HAN = r"\u4e00-\u9fff"
QUOTES = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|\"([^\"\n]{1,40})\"")
NUM = "一二三四五六七八九十百千万两双几多0-9"

# the word after the closing quote -> type; the word is not part of the name
AFTER = [
    ("campaign", "行动 活动 工程 攻坚 专项行动 主题活动 系列活动 专项 大行动 计划 竞赛 比赛 评选 普法 规划 行 战役 工作方案 实施方案 主题教育".split()),
    ("brand", "品牌 平台 载体 阵地 工作室 栏目 公众号 协商品牌 履职品牌 服务品牌 讲堂 论坛".split()),
    ("slogan", "理念 战略 定位 要求 目标 思路 发展思路 机制 模式 体系 格局 精神 重要思想 原则 方针 路径 布局 思想 作风 标准 重要论述".split()),
]
# the concept's own last words -> type
HEADS = [
    ("campaign", "行动 活动 工程 分享会 年 月 周 季 日 攻坚战 会战 创建 行 计划 竞赛 走基层 进基层 在行动 大走访 大调研 进万家 下基层 联系 群众 党日 党日+ 送温暖 回头看 进校园 进社区 进企业 进百村 话良策".split()),
    ("brand", "平台 品牌 工作室 会客厅 客厅 讲堂 讲坛 论坛 沙龙 驿站 之家 书屋 读书吧 读书屋 议事会 议事厅 议事室 议事广场 小院 广场 馆 荟 协商 商量 直通车 服务站 联络站 学堂 号 大讲堂 有约 政协 说事 茶话会".split()),
]
NOT_CONCEPTS = set(
    """重要阵地 重要平台 重要渠道 急难愁盼 最后一公里 卡脖子 清一色 单打一 直通车 富矿 验方 新方 互动平台 双向通道
    零距离 最前沿 联络站 真声音 真问题 真药方 有心人 知心人 热心人 关键小事 人才库 智囊团 必修课 专业课 委员作业
    时代答卷 标准地 友谊勋章 四风 两新 两支队伍 国之大者 两会""".split()
) - {"四风", "国之大者"}
# heads of descriptions, not names: a quality, a force, an effect, a moment (「政协智慧」「两会时间」)
DESCRIPTIVE_HEADS = "优势 智慧 力量 温度 声音 担当 底色 成色 风采 价值 能量 效应 时间 时刻 举措".split()
# what a formula is called when a parallel phrase is followed by 的 (「“甲、乙”的理念」)
_FORMULA_AFTER = "部署 要求 理念 精神 思想 目标 原则 方针 战略 思路 号召 决策 定位".split()
# heads of kinds of people and groups: 「领读员」「读书群」 counted (「11个“领读员”」) are no names
KIND_HEADS = tuple("员 人 者 群 组 队")
# a count of plain things: 「三句话」「一番话」
_COUNT_OF_THINGS = re.compile(rf"^[{NUM}]+(?:句|段|番|席)话$")
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
    if re.match(rf"[{HAN}]{{0,6}}?(品牌|平台)", after) or re.match(rf"[{HAN}]{{0,4}}?工作室", after):
        return "brand"
    if re.search(r"[站室馆厅院]", name) and re.match(rf"[{NUM}]", name):
        return "brand"  # 「一站两室」 names venues
    if re.fullmatch(r"十[一二三四五六七八九十]五", name):
        return "campaign"  # a five-year plan (「十四五」规划)
    if re.fullmatch(rf"[{NUM}]+[个大项条件种点]?[{HAN}]{{1,8}}", name) and re.match(rf"[{NUM}]", name):
        return "slogan"
    if re.fullmatch(rf"[{HAN}]{{1,6}}\+", name):
        return "slogan"  # 「桂花+」: a model of development
    if re.fullmatch(rf"[{HAN}](?:[、,，][{HAN}]{{1,2}}){{2,6}}", name):
        return "slogan"  # 「提、立、办、督、评」: the steps of a mechanism
    parallel = re.fullmatch(rf"([{HAN}]{{2,6}})(?:就是|即是)([{HAN}]{{2,6}})", name)
    if parallel and len(parallel.group(1)) == len(parallel.group(2)):
        return "slogan"  # 「绿水青山就是金山银山」
    if re.search(rf"[{NUM}][{HAN}]{{1,3}}[{NUM}][{HAN}]{{1,3}}", name):
        return "slogan"
    if re.fullmatch(r"[0-9+X×x\-]+[托带促强]?[0-9+X]*", name) or re.fullmatch(r"[0-9]{2,6}", name):
        return "slogan"
    if re.fullmatch(rf"[{HAN}]{{2,8}}(?:[、,， ][{HAN}]{{2,8}}){{1,2}}", name) or re.fullmatch(rf"[{HAN}]+\+[{HAN}]+", name):
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


def _head_word(name: str) -> str | None:
    """The head word (two characters or more) the name ends with, if any."""
    for _, words in HEADS:
        for w in sorted(words, key=len, reverse=True):
            if len(w) >= 2 and name.endswith(w) and len(name) > len(w):
                return w
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
    name = re.sub(r"[‘’“”「」『』'\"]", "", raw).strip()
    name = re.sub(rf"(?<=[^{HAN}])\s+|\s+(?=[^{HAN}])", "", name)
    return name


def find_concepts(r: Reader) -> list[ConceptMention]:
    """Every concept mention of the document; their divisions are filled in by resolution."""
    s = r.text
    out: list[ConceptMention] = []
    # keywords that head a section are section keywords wherever else they are quoted
    heads = {normalise_name(next(g for g in q.groups() if g is not None))
             for q in QUOTES.finditer(s) if _section_head(s, q.start(), q.end())}
    for q in _quoted(s):
        name_s = normalise_name(s[q.start:q.end])
        if not _shape_ok(name_s, s, q.open, q.close) or _not_a_name_here(name_s, s, q.open, q.close):
            continue
        after = s[q.close : q.close + 12]
        ctype = _type_of(name_s, after, _type_after_run(s, q))
        if ctype is None or (len(name_s) == 2 and _ordinary_word(name_s) and not re.match(f"[{NUM}]", name_s[0])):
            continue
        if name_s in heads or (_coined(name_s) and classify(name_s, "") == "slogan"
                               and _in_run_of_short_quotes(s, q.open, name_s)):
            continue
        name = normalise_name(r.doc.text[q.start:q.end])  # as printed (traditional kept)
        out.append(ConceptMention(name, ctype, None, r.evidence(q.start, q.end)))
    for m in _FIVE_YEAR_PLAN.finditer(s):  # 「国家十二五规划」 unquoted
        if not _inside_quotes(s, m.start()):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "campaign", None, r.evidence(m.start(1), m.end(1))))
    for m in _NAMED_DRIVE.finditer(s):  # 「深入实施强科技行动」 unquoted
        if not _inside_quotes(s, m.start(1)) and not m.group(1).startswith(_GENERIC_DRIVES):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "campaign", None, r.evidence(m.start(1), m.end(1))))
    for m in _NUMBERED_SERIES.finditer(s):  # 「第三期某某政协讲坛」 unquoted
        if not _inside_quotes(s, m.start(1)):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "brand", None, r.evidence(m.start(1), m.end(1))))
    return _one_type_per_name(out, s)


@dataclass(frozen=True)
class _Quote:
    start: int  # the quoted text
    end: int
    open: int  # the quotation marks around it
    close: int


_FIVE_YEAR_PLAN = re.compile(r"(十[一二三四五六七八九十]五)(?=规划|时期)")
_NAMED_DRIVE = re.compile(rf"(?:实施|推进|开展|深化|启动)([{HAN}]{{2,7}}?行动)(?=[^{HAN}]|和|及|与|$)")
# 「开展专项行动」「推进集中整治行动」 name no drive of their own
_GENERIC_DRIVES = tuple("专项 系列 主题 集中 联合 整治 一系列 各项 相关 有关 这一 此次 本次 年度".split())
_NUMBERED_SERIES = re.compile(rf"第[{NUM}]+期([{HAN}]{{2,8}}?(?:讲坛|讲堂|论坛|沙龙|大讲堂))")


def _quoted(s: str):
    """Every quoted expression: the outer quotes, the quotes inside them (「“建言‘十五五’规划…”」),
    and a one-character quote that begins a name (「“赣”事好商量」: the name runs on to a head word)."""
    for m in QUOTES.finditer(s):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        a, b = m.start(g), m.end(g)
        if b - a == 1:
            run = re.match(rf"[{HAN}]{{1,6}}(?![{HAN}])", s[m.end() :])
            if run and len(run.group(0)) >= 2 and _head_word(s[a] + run.group(0)):
                yield _Quote(a, m.end() + run.end(), m.start(), m.end() + run.end())
                continue
        yield _Quote(a, b, m.start(), m.end())
        for inner in re.finditer(r"[‘']([^‘’'\n]{2,20})[’']", s[a:b]):
            yield _Quote(a + inner.start(1), a + inner.end(1), a + inner.start(), a + inner.end())


def _inside_quotes(s: str, pos: int) -> bool:
    line_start = s.rfind("\n", 0, pos) + 1
    before = s[line_start:pos]
    return before.count("“") > before.count("”")


def _type_of(name: str, after: str, run: str | None) -> str | None:
    """The name's own head first, then the word right after it, then the word after a run of quotes
    it stands in, then what its shape says."""
    told = classify(name, after)
    if _own_head(name) or told != classify(name, ""):
        return told
    return run or told


def _type_after_run(s: str, q: _Quote) -> str | None:
    """「“甲议事室”“乙议事广场”“丙议事法”等基层协商议事品牌」: the word after a run of quotes types each."""
    end = q.close
    while True:
        nxt = QUOTES.match(s, end + (1 if s[end : end + 1] == "、" else 0))
        if not nxt:
            break
        end = nxt.end()
    after = s[end : end + 16]
    if end == q.close and not after.startswith("等"):
        return None
    after = after[1:] if after.startswith("等") else after
    for t, words in AFTER:
        if any(re.match(rf"[{HAN}]{{0,12}}?{w}", after) for w in ("品牌", "平台", "活动", "行动") if w in words):
            return t
    return None


def _not_a_name_here(name: str, s: str, start: int, end: int) -> bool:
    """Quoted words that the context shows to be no name: section labels (「一要“某某”…」, 「“某某”即…」,
    「“某某”：」), awards and superlatives (「首届“最美某某”」), counted kinds (「11个“领读员”」), descriptions
    (「“政协智慧”」), counts (「三句话」), research topics (「考察“某某”」) and statements (「“某地致力…”」)."""
    before = s[max(0, start - 8) : start]
    if re.search(r"[一二三四五六七八九十]要$|[一二三四五六七八九十]是$", before):
        return True
    if s[end : end + 1] in ("即", ":", "："):
        return True
    if name.startswith("最") or name.endswith("奖") or re.search(r"(首届|第[一二三四五六七八九十\d]+届)$", before):
        return True
    if name.endswith(KIND_HEADS) and len(name) >= 3 and re.search(rf"[{NUM}]+[个名位支][{HAN}]{{0,4}}$", before):
        return True
    if any(name.endswith(h) and len(name) > len(h) for h in DESCRIPTIVE_HEADS):
        return True
    if _COUNT_OF_THINGS.match(name):
        return True
    if len(name) >= 6 and "·" not in name and re.search(r"(考察|调研|视察)$", before):
        return True
    if len(name) >= 6 and _statement(name):
        return True
    # 「多出“上接天线、下接地气”的调研报告」: a parallel phrase describing a noun
    if "、" in name and s[end : end + 1] == "的" and not re.search(f"[{NUM}]", name) \
            and not any(re.match(rf"[{HAN}]{{0,2}}{w}", s[end + 1 : end + 7]) for w in _FORMULA_AFTER):
        return True
    return False


def _statement(name: str) -> bool:
    """「某地致力打造……」: a place followed by a verb is a sentence, not a name."""
    from ..nlp import pos_cut

    words = pos_cut(name)
    return "·" not in name and len(words) >= 3 and words[0][1] == "ns" and any(f == "v" for _, f in words[1:3])


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


def _in_run_of_short_quotes(s: str, pos: int, name: str) -> bool:
    """「“懂政协”“会协商”“善议政”」: a run of three-character quotes is a list of section heads
    or virtues, not of names (numbered formulas such as 四个意识 are exempt)."""
    if len(name) != 3 or re.match(f"[{NUM}]", name):
        return False
    run = re.compile(r"(?:“[^“”]{3}”[、，,]?){3,}")
    for r in run.finditer(s, max(0, pos - 30), min(len(s), pos + 35)):
        if r.start() <= pos < r.end():
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
    if name in NOT_CONCEPTS or _NOT_A_NAME.search(name):
        return False
    # 「“的……”」: a function word opens no name, unless it begins a word (「和事佬议事法」)
    if _GENERIC.match(name) and not any(_ordinary_word(name[:k]) for k in (2, 3) if len(name) > k):
        return False
    if re.search(r"[。!?！？;；:：《》]", name):
        return False
    if not re.search(f"[{HAN}0-9]", name):
        return False
    # quoted speech: 「…指出：“……”」
    if re.search(r"[:：]\s*$", s[max(0, start - 2) : start]):
        return False
    parts = re.split(r"[,，、]", name)
    if (len(parts) > 3 and max(map(len, parts)) > 2) or _parallel_description(name):
        return False
    return True
