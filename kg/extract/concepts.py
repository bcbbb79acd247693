"""Campaigns, slogans and brands: quoted expressions classified by their head words and context.

The press puts named campaigns, formulas and brands in quotation marks: 「“三抓三促”行动」,
「坚定“四个自信”」, 「“秦商量·同心汇”协商品牌」. A quoted expression becomes a concept when its
shape says so, and its type comes from, in order: the word right after the closing quote (行动 ->
campaign, 品牌 -> brand, 理念 -> slogan), its own head word (…行动, …工作室, …年), and numbered
formulas (两个确立, 三抓三促). Quoted speech, long clauses, book titles and ordinary words are not
concepts. A span that only its shape makes a concept (a coined word of one piece) is decided by the scorer of
:mod:`.concept_score`, a logistic regression cross-validated on the read sets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..records import ConceptMention
from .reader import Reader

HAN = r"\u4e00-\u9fff"
QUOTES = re.compile(r"“([^“”\n]{1,40})”|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|\"([^\"\n]{1,40})\"")
NUM = "一二三四五六七八九十百千万两双几多0-9"

# the word after the closing quote -> type; the word is not part of the name
AFTER = [
    ("campaign", "行动 活动 工程 攻坚 专项行动 主题活动 系列活动 专项 大行动 计划 竞赛 比赛 评选 普法 规划 行 战役 工作方案 实施方案 主题教育".split()),
    ("brand", "品牌 平台 载体 阵地 工作室 栏目 专栏 公众号 协商品牌 履职品牌 服务品牌 讲堂 论坛".split()),
    ("slogan", "理念 战略 定位 要求 目标 思路 发展思路 机制 模式 体系 格局 精神 重要思想 原则 方针 路径 布局 思想 作风 标准 重要论述 主线 标语 宣传标语 口号".split()),
]
# the concept's own last words -> type
HEADS = [
    ("campaign", "行动 活动 工程 分享会 年 月 周 季 日 攻坚战 会战 创建 行 计划 竞赛 走基层 进基层 在行动 大走访 大调研 进万家 下基层 联系 群众 党日 党日+ 送温暖 回头看 进校园 进社区 进企业 进百村 话良策".split()),
    ("brand", "平台 品牌 工作室 会客厅 客厅 讲堂 讲坛 论坛 沙龙 驿站 之家 书屋 读书吧 读书屋 议事会 议事厅 议事室 议事广场 小院 广场 馆 荟 协商 商量 直通车 服务站 联络站 学堂 号 大讲堂 有约 政协 说事 茶话会 书房 课堂".split()),
]
# set phrases that no rule below tells from a coined name: an idiom of four one-character words
# (急难愁盼), a land-supply term (标准地), an abbreviation of a category (两新), generic adjectives
# before a head word that jieba does not know as adjectives (互动平台, 双向通道). Every other
# metaphor, description and label is excluded by a rule (see :func:`judge`), not by a list.
NOT_CONCEPTS = set("急难愁盼 标准地 两新 互动平台 双向通道".split())
# national strategies (SCHEMA: 乡村振兴战略 is no concept; a local strategy, coined, is a slogan) and set names of
# bodies and of kinds of people (an institutional term, personnel jargon), which jieba's dictionary does not hold
NOT_CONCEPTS |= set("""乡村振兴 乡村全面振兴 健康中国 数字中国 美丽中国 平安中国 法治中国 科教兴国 人才强国 创新驱动发展
    区域协调发展 可持续发展 新型城镇化 一府一委两院 一府两院 两代表一委员 村两委 两委""".split())
# heads of descriptions, not names: a quality, a force, an effect, a moment (「政协智慧」「两会时间」)
DESCRIPTIVE_HEADS = "优势 智慧 力量 温度 声音 担当 底色 成色 风采 价值 能量 效应 时间 时刻 举措 期".split()
# what a formula is called when a parallel phrase is followed by 的 (「“甲、乙”的理念」)
_FORMULA_AFTER = "部署 要求 理念 精神 思想 目标 原则 方针 战略 思路 号召 决策 定位 方式 方法".split()
# heads of kinds of people and groups: 「领读员」「读书群」 counted (「11个“领读员”」) are no names
KIND_HEADS = tuple("员 人 者 群 组 队")
# a count of plain things: 「三句话」「一番话」
_COUNT_OF_THINGS = re.compile(rf"^[{NUM}]+(?:句|段|番|席)话$")
# quoted words that are plainly not names of anything
_GENERIC = re.compile(r"^(的|了|是|在|和|与|及|这|那|什么|怎么|为什么|如何)")
# questions, verb complements, targets and descriptive phrases: 「做了什么」「落实下去」「走在全省前列」
_NOT_A_NAME = re.compile(r"^[^,，、]*(什么|多少|怎么|谁|哪)[^,，、]*$|[吗呢]$|(起来|下去|出来|进来|出去|过来|上来|下来)$|全省|全市|前列|[^目]的[^士]")


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
    if own == "brand" and (re.fullmatch(rf"[{NUM}]{{1,2}}[大型类]?[{HAN}]{{1,2}}", name) or re.fullmatch(rf"(?:[{NUM}][{HAN}]){{3,}}", name)):
        return "slogan"  # 「五大平台」「五型政协」「一报一刊一网两号」: a count of platforms or kinds, a formula
    if own:
        return own
    for t, words in _AFTER_LONGEST_FIRST:
        for w in words:
            if after.startswith(w):
                return t
    if "·" in name or "•" in name:
        return "brand"  # 「秦商量·同心汇」: a brand and its motto
    if re.search(r"[、,，]", name) and re.match(r"的(?:原则|要求|方针|理念)", after):
        return "slogan"  # 「“突出重点、注重质量”的原则」
    if re.match(r"(?:为)?主题", after) or re.match(r"的?(?:宣传)?(?:标语|口号)", after):
        return "slogan"  # 「“某某”主题」「“某某”的宣传标语」  # 「围绕“某某”主题」: a theme (主题活动, 主题教育 are campaigns, above)
    # the descriptor may come a few words later: 「“我为群众办实事”实践活动」
    if re.match(rf"[{HAN}]{{0,14}}?(行动|活动|工程)", after):
        return "campaign"
    if re.match(rf"[{HAN}]{{0,6}}?(品牌|平台)", after) or re.match(rf"[{HAN}]{{0,4}}?工作室", after):
        return "brand"
    if re.fullmatch(rf"[{NUM}A-Za-z][个项]?[{HAN}]{{1,6}}\+[{NUM}A-Za-z][个项]?[{HAN}]{{1,8}}", name):
        return "slogan"  # 「1个主站点+N个特色站点」: a formula of one and many
    if re.search(r"[站室馆厅院]", name) and re.match(rf"[{NUM}]", name) and "+" not in name:
        return "brand"  # 「一站两室」 names venues
    if re.fullmatch(r"(?:国家|全国|我国)?十[一二三四五六七八九十]五(?:规划|规划纲要|时期|期间)?", name):
        return "campaign"  # a five-year plan (「十四五」规划, 「十五五规划」: campaigns in every read set's gold)
    if re.fullmatch(rf"[{NUM}]+[个大项条件种点]?[{HAN}]{{1,8}}", name) and re.match(rf"[{NUM}]", name):
        return "slogan"
    if re.fullmatch(rf"[{HAN}]{{1,6}}\+", name):
        return "slogan"  # 「桂花+」: a model of development
    if re.fullmatch(rf"[{HAN}]{{2,4}}(?:[—\-→][{HAN}]{{2,4}}){{2,5}}", name) or framed_formula(name):
        return "slogan"  # 「调研—协商—再调研」: the steps of a procedure; 「民事民提、民事民议、……」: a framed formula
    if re.fullmatch(rf"[{HAN}](?:[、,，][{HAN}]{{1,2}}){{2,6}}", name):
        return "slogan"  # 「提、立、办、督、评」: the steps of a mechanism
    parallel = re.fullmatch(rf"([{HAN}]{{2,6}})(?:就是|即是)([{HAN}]{{2,6}})", name)
    if parallel and len(parallel.group(1)) == len(parallel.group(2)):
        return "slogan"  # 「绿水青山就是金山银山」
    if re.search(rf"[{NUM}][{HAN}]{{1,3}}[{NUM}][{HAN}]{{1,3}}", name):
        return "slogan"
    if re.fullmatch(r"[0-9+X×x\-]+[托带促强]?[0-9+X]*", name) or re.fullmatch(r"[0-9]{2,6}[A-Za-z]?", name):
        return "slogan"
    if re.fullmatch(rf"[{HAN}]{{2,8}}(?:[、,， ][{HAN}]{{2,8}}){{1,2}}", name) or re.fullmatch(rf"[{HAN}]+(?:\+[{HAN}]+)+", name):
        return "slogan"
    if _coined(name):
        return "slogan"
    return None


#: verbs whose object is a named campaign or brand: 「开展“微调研”」「打造“某某”品牌」
_CARRY_OUT = ("开展", "实施", "启动", "举办", "推行")
#: verbs whose object is a platform or an account: 「搭建“某某”」「开通“某某”」
_BUILT = ("打造", "开设", "创建", "搭建", "开通", "推出", "上线", "创办")
_LAUNCHED = re.compile(r"(开展|实施|启动|举办|推行|打造|开设|创建)好?(?:了)?(?:“[^“”]{1,20}”[、]?)*$")
#: a type word within a few characters after the quotes: 「“某某”实践活动」「“某某”协商议政品牌」
_TYPE_NEAR = re.compile(rf"[{HAN}]{{0,14}}?(?:行动|活动|工程)|[{HAN}]{{0,6}}?(?:品牌|平台)|[{HAN}]{{0,4}}?工作室"
                        rf"|[{HAN}]{{0,3}}?(?:思路|布局|战略|定位|格局|体系|机制|模式|规划|理念|要求|工作法)|的(?:宣传)?(?:标语|口号)")


def _strong_cue(name: str, s: str, q: "_Quote", after: str) -> str | None:
    """What, besides its shape, says that the span names something: its own head word (…行动,
    …工作室, the head after a modifier), a type word after it (or after the run of quotes it stands
    in), a brand's 「·」, or a number opening a formula (两个确立, 三抓三促)."""
    head = _head_word(name)
    if head or (_own_head(name) and name not in _ALL_HEADS):
        return "its own head word"
    if _type_word_after(after):
        return "type word after the quotes"
    if _type_after_run(s, q):
        return "type word after a run of quotes"
    if "·" in name or "•" in name:
        return "a brand and its motto (·)"
    if re.fullmatch(r"十[一二三四五六七八九十]五", name):
        return "a five-year plan"
    if re.match(rf"[{NUM}]", name) and not re.fullmatch(rf"[{NUM}]+", name) and not _ONE_OF.fullmatch(name) \
            and not re.match(r"(?:19|20)[0-9]{2}(?![0-9])", name) and not (len(name) == 2 and name[0] == "一" and _ordinary_word(name)) \
            and not (name[0] in "万千百" and _ordinary_word(name)) \
            and not (len(name) == 4 and name[0] == "一" and len(re.findall(f"[{NUM}]", name)) == 1 and _ordinary_word(name)) \
            and not _adverb_opening(name):
        # 「“万家灯火”」「“一池春水”」: idioms, no formula
        # 「“2024某地考察团”」: a year opens the name of an event, not a formula; 「“一体”」 is a word
        return "a numbered formula"
    if re.fullmatch(r"[0-9]{3,6}", name) and not re.fullmatch(r"(?:19|20)[0-9]{2}", name):
        return "a numbered formula (a code of digits: 「“3659”」)"
    if re.fullmatch(r"[0-9]{2,6}[A-Za-z]", name):
        return "a numbered formula (digits and a letter: 「“136N”」)"
    return None


def _adverb_opening(name: str) -> bool:
    """「“一定要坚持住”」「“一切为了群众”」: a numeral that begins an adverb, a pronoun or a conjunction opens no formula."""
    from ..nlp import pos_cut

    words = pos_cut(name)
    return bool(words) and len(words[0][0]) >= 2 and words[0][1] in ("d", "r", "c")


def _type_word_after(after: str) -> bool:
    return any(after.startswith(w) for _, words in AFTER for w in words) or bool(_TYPE_NEAR.match(after)) \
        or bool(re.match(r"的(?:原则|要求|方针|理念)", after))


# -- descriptions: spans shaped like coined names that describe rather than name -----------------

#: adjectives that make an ordinary word a description: 「大民生」「老委员」「真问题」「重要阵地」「金点子」
_DESCRIPTIVE_MODIFIERS = ("重要", "关键", "大", "小", "老", "新", "真", "金", "硬", "软", "热", "冷", "好")
#: nouns after the quotes that the quoted words qualify: a role played (「“直通车”作用」), a quality
#: or skill (「“作为”意识」「“能为”本领」), a kind of thing (「“卡脖子”技术」「“急难愁盼”问题」
#: 「“高精尖缺”人才」「“两新”组织」), a moment (「“两会”时间」)
_QUALIFIED_AFTER = ("作用", "优势", "意识", "本领", "路径", "问题", "人才", "技术", "时间", "组织", "潜力", "企业", "产品")
#: positions that are opposites: a phrase whose parts open with them describes a reach in two
#: directions (「横向协同、纵向联动」「线上+线下」「上接天线、下接地气」「内育外引」)
_OPPOSITES = {frozenset(p) for p in ("上下", "内外", "前后", "左右", "横纵", "东西", "南北", "大小", "高低", "远近")}
_ALL_HEADS = {w for _, words in HEADS for w in words}
#: the kinds of venue and platform that brands are named after: alone, they name none
_KIND_NOUNS = set("""会客厅 客厅 工作室 平台 品牌 讲堂 大讲堂 讲坛 论坛 沙龙 驿站 之家 议事厅 议事室 服务站 联络站 直通车 书屋
    协商议事室 协商议事厅""".split())
#: verbs of 「做好“委员作业”」「答好“时代答卷”」「当好“娘家人”」: a task or a role, said in a metaphor
_DO_WELL = "做答当交写下打唱念走扛讲画"


#: concrete things that a role or a help is likened to: 「“连心桥”」「“压舱石”」「“助推器”」「“金钥匙”」「“主心骨”」
_FOOD_HEADS = tuple("肉 汤 饭 面 粥 饼 糕 茶 酒 菜 粉 包子 饺子".split())
_OBJECT_METAPHORS = tuple("桥 石 星 器 阀 剂 池 针 钥匙 骨 砖 棒 锚 灯".split())


def _description(name: str, s: str, q: "_Quote", after: str) -> str | None:
    """Why a span that only its shape makes a concept is a description instead, or None."""
    if _SPEECH_BEFORE.search(s, max(0, q.open - 6), q.open) or re.search(r"我|你|您|咱|他们|她们", name):
        return "quoted speech (a verb of saying before it, or a pronoun in it)"
    if _ONE_OF.fullmatch(name):
        return "an idiom of 一 and a measure word (一把手, 一盘棋)"
    if re.search(r"[,，]", name) and "是" in name:
        return "a statement (「“某某是……,不是……”」)"
    if re.search(r"(?:感受到|感受|体会到|体味到|领悟到|品味到|感到|感觉到)了?(?:[{HAN}]{{0,8}}的)?$".format(HAN=HAN), s[max(0, q.open - 14) : q.open]):
        return "a feeling (感受到“…”), not a name"
    if re.match(r"这[个一项]", after) and "、" not in name:  # 「“甲、乙”这个主题」 is a formula
        return "a term referred to (「“某某”这个基础」)"
    if re.match(rf"[{HAN}]{{0,4}}?(?:公司|集团|协会|学会|商会|合作社|医院|学校|孵化器|孵化基地|孵化园|众创空间|创业园|产业园|科技园|专班|领导小组|指挥部|工作组)", after) \
            or re.match(r"项目", after):
        return "the name of an organisation (「“某某”传媒公司」)"
    if re.match(r"(?:民宿|酒店|宾馆|饭店|餐厅|农家乐|超市|商店|门店)", after):
        return "the name of a business (「“某某”民宿」)"
    if re.search(r"(?:围绕|就|聚焦)$", s[max(0, q.open - 2) : q.open]) \
            and re.match(r"(?:等)?(?:开展|进行|组织|召开|协商|座谈|建言|方面|专题|议题)", after):
        return "the topic of a consultation (「围绕“…”开展协商」)"
    if re.fullmatch(rf"[{NUM}]+", name):
        return "a number or a date with no type word after it (「“五七”干校」)"
    if _adjective_description(name):
        return "an adjective before an ordinary word (a description)"
    if re.search(rf"(?:[{_DO_WELL}]|完成)好$|(?:交出|交上|答出|写出|递交)(?:了)?(?:一份)?$", s[max(0, q.open - 5) : q.open]):
        return "the object of 做好/答好/当好/交出 (a task, role or result as a metaphor)"
    if any(after.startswith(w) for w in _QUALIFIED_AFTER):
        return "qualifies the noun after it (a role, quality or kind)"
    parts = [p for p in re.split(r"[、,，\s]", name) if p]
    if len(parts) >= 2 and (all(len(p) >= 2 and _ordinary_word(p) for p in parts) or _ordinary_word("".join(parts))):
        return "a list of ordinary words or an idiom in parts (「“天时、地利、人和”」)"
    if re.search(r"(?:聚焦|着眼|紧扣|瞄准)(?:新时代|新阶段)?$", s[max(0, q.open - 5) : q.open]):
        return "what is focused on (聚焦“…”), a topic or a positioning, not a name"
    if re.search(r"(?:希望|盼望|期待|期望|呼吁)$", s[max(0, q.open - 2) : q.open]):
        return "a wish (希望“…”), not a name"
    if _opposite_parts(name):
        return "parts opening with opposite positions (a manner, not a name)"
    if 3 <= len(name) <= 4 and name.endswith(_OBJECT_METAPHORS) and not re.match(f"[{NUM}]", name):
        return "a thing named as a metaphor (「“连心桥”」「“压舱石”」「“助推器”」)"
    if name in _ALL_HEADS and _ordinary_word(name):
        return "a dictionary word used as a metaphor"
    if re.match(rf"[{NUM}]+字(?:诀|要求)", after):
        return "a requirement (N字诀)"
    if re.search(r"(?:更|很|十分|非常|更加|越来越|越发)$", s[max(0, q.open - 3) : q.open]):
        return "a quality said of something (「更“接地气”」)"
    if _task(name):
        return "a task or a proposal (a verb of policy and its object: 「“加强某某培训”」)"
    if re.match(r"的“", after):
        return "qualifies the name quoted after it (「“色香味俱全”的“某某政协”」)"
    if re.match(rf"的[{HAN}]{{0,4}}?(?:氛围|局面|景象|场景|状态)", after):
        return "describes an atmosphere or a scene (「在“…”的协商氛围中」)"
    if re.match(r"[非不没未]", name) and not _own_head(name):
        return "a negation (「“非一地之力”」), not a name"
    if 2 <= len(name) <= 5 and name.endswith(_FOOD_HEADS) and not _own_head(name):
        return "a dish or a drink (「“袍某肉”」)"
    if re.search(r"(?:成立|组建|组成|成立了|组建了)$", s[max(0, q.open - 3) : q.open]):
        return "an organisation founded (成立“…”)"
    if name[0] in "万千百" and _ordinary_word(name) or (len(name) == 4 and name[0] == "一" and len(re.findall(f"[{NUM}]", name)) == 1
                                                        and _ordinary_word(name)):
        return "an idiom opening with 万/千/百 (「“万家灯火”」), no numbered formula"
    if 2 <= len(name) <= 4 and name.endswith("式"):
        return "a manner (「“保姆式”服务」「“协商式”监督」)"
    if len(name) >= 5 and name.endswith(("建设", "改革", "治理")):
        return "an undertaking named as a topic (「“某某集群建设”」)"
    if re.fullmatch(rf"(?:中国|中华|华夏)[{HAN}]{{2}}", name):
        return "an epithet of a place or a thing (「“中国名街”」「“中华水塔”」)"
    if len(name) == 3 and name[1] == "一" and name[0] == name[2]:
        return "a verb said twice with 一 (「“提一提”」), a colloquial phrase"
    if len(name) == 3 and (name[0] == name[1] or name[1] == name[2]):
        return "a reduplicated colloquial word (「“麻麻地”」), a description"
    if re.match(r"(?:很|太|挺|蛮|非常|十分|特别)", name):
        return "a quality said with a degree adverb inside the quotes (「“很足料”」)"
    if re.match(r"为题", after):
        return "the title of a talk or an article (以“…”为题)"
    if re.search(r"(?:是|成为|作为)(?:一个|一项|一种|一座|一张|一条|一支|一块)$", s[max(0, q.open - 4) : q.open]):
        return "a predicate (「是一个“…”」), a description"
    if re.search(r"(?:一句|这句|那句|一声)(?:话)?$", s[max(0, q.open - 3) : q.open]):
        return "a phrase someone says (「加一句“…”」)"
    if re.search(r"(?:困于|陷入|面临|摆脱|走出|破解)$", s[max(0, q.open - 2) : q.open]):
        return "a problem or a predicament (困于“…”)"
    if _before_a_name(s, q.close):
        return "an epithet of the person named after it (「“初唐四杰”某某」)"
    if _couplet(name):
        return None  # 「“凝心聚力谱新篇,感恩奋进做示范”主题」: a theme's two lines are a slogan
    if re.match(r"(?:为)?(?:主题|专题|议题|为题)", after) or re.search(r"(?:题为|主题为|以)$", s[max(0, q.open - 3) : q.open]) \
            and re.match(r"为(?:主题|专题|题)", after):
        return "the topic or title of a meeting, talk or report"
    return None


#: verbs of policy that open a task or a proposal (「“推进某某建设”」「“建立某某示范园”」), after an adverb or not
_POLICY_VERBS = tuple("""推进 推动 加强 加快 建立 建设 构建 提升 提高 完善 健全 深化 促进 落实 强化 优化 发展
    坚持 巩固 拓展 营造 培育 扩大 规范 开展 组织 实施""".split())
_TASK_ADVERBS = ("全面", "持续", "深入", "进一步", "大力", "着力", "积极", "切实", "不断", "加快")


def _task(name: str) -> bool:
    """「推进品牌强省建设」「全面发展协商民主」「加强生产技术培训」: one clause of six characters or more that
    opens with a verb of policy (after an adverb or not) and goes on to its object names a task, not a campaign."""
    if len(name) < 6 or re.search(r"[^\u4e00-\u9fff]", name):
        return False
    rest = next((name[len(a):] for a in _TASK_ADVERBS if name.startswith(a)), name)
    return any(r.startswith(_POLICY_VERBS) and len(r) >= 5 for r in (name, rest))


#: 「一把手」「一盘棋」「一对一」「一站式」: 一 and a measure word before one character, an idiom
_ONE_OF = re.compile(rf"一[{HAN}]{{2}}")


def _before_a_name(s: str, end: int) -> bool:
    """The quotes stand right before a person's name (jieba's tagger says so): 「“某某”王某」."""
    from ..nlp import pos_cut

    words = pos_cut(s[end : end + 6])
    return bool(words) and words[0][1] in ("nr", "nrfg", "nrt") and len(words[0][0]) >= 2


def _couplet(name: str) -> bool:
    """Two lines of equal length, four to eight characters each: 「喜迎二十大,委员在行动」「团结凝聚力 奋斗向未来」."""
    parts = [p for p in re.split(r"[,，\s]", name) if p]
    return len(parts) == 2 and len(parts[0]) == len(parts[1]) and 4 <= len(parts[0]) <= 8


def _adjective_description(name: str) -> bool:
    """「大民生」「老委员」「真问题」「重要阵地」「金点子」: an adjective and a word of the dictionary."""
    rest = next((name[len(m):] for m in _DESCRIPTIVE_MODIFIERS if name.startswith(m)), None)
    return bool(rest) and len(rest) >= 2 and _ordinary_word(rest)


def _opposite_parts(name: str) -> bool:
    """「横向协同、纵向联动」「线上+线下」「内育外引」: two parts opening (or, after a shared
    character, going on) with opposite positions."""
    parts = [p for p in re.split(r"[、,，+＋\s]", name) if p]
    if len(parts) == 1 and len(name) == 4:
        parts = [name[:2], name[2:]]
    if len(parts) < 2:
        return False
    a, b = parts[0], parts[1]
    if frozenset(a[0] + b[0]) in _OPPOSITES:
        return True
    return len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and frozenset(a[1] + b[1]) in _OPPOSITES



#: HEADS and AFTER with each type's words longest first (the order the tests below try them in)
_HEADS_LONGEST_FIRST = tuple((t, tuple(sorted(words, key=len, reverse=True))) for t, words in HEADS)
_AFTER_LONGEST_FIRST = tuple((t, tuple(sorted(words, key=len, reverse=True))) for t, words in AFTER)


@lru_cache(maxsize=4096)
def _own_head(name: str) -> str | None:
    """The type the name's own last word gives (…行动, …工作室), if any."""
    for t, words in _HEADS_LONGEST_FIRST:
        for w in words:
            if name.endswith(w) and (len(name) > len(w) or len(w) >= 3):
                return t
    return None


def _head_word(name: str) -> str | None:
    """The head word (two characters or more) the name ends with, if any."""
    for _, words in _HEADS_LONGEST_FIRST:
        for w in words:
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
    heads = _section_heads(s)
    for q, verdict in judge_quotes(s, heads):
        if verdict.type is None:
            continue
        name = normalise_name(r.doc.text[q.start:q.end])  # as printed (traditional kept)
        out.append(ConceptMention(name, verdict.type, None, r.evidence(q.start, q.end)))
    for m in _FIVE_YEAR_PLAN.finditer(s):  # 「国家十二五规划」 unquoted
        if not _inside_quotes(s, m.start()):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "campaign", None, r.evidence(m.start(1), m.end(1))))
    for m in _NAMED_DRIVE.finditer(s):  # 「深入实施强科技行动」 unquoted
        if not _inside_quotes(s, m.start(1)) and not m.group(1).startswith(_GENERIC_DRIVES) \
                and not m.group(1)[:-2].endswith(_GENERIC_DRIVES):  # 「深化委员专项行动」: a kind of drive
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "campaign", None, r.evidence(m.start(1), m.end(1))))
    for m in _NAMED_STUDIO.finditer(s):  # 「……及文心聚力委员工作室学习活动」 unquoted
        if not _inside_quotes(s, m.start(1)) and _coined_studio_name(m.group(1)):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "brand", None, r.evidence(m.start(1), m.end(1))))
    for m in _NUMBERED_SERIES.finditer(s):  # 「第三期某某政协讲坛」 unquoted
        if not _inside_quotes(s, m.start(1)):
            out.append(ConceptMention(r.doc.text[m.start(1) : m.end(1)], "brand", None, r.evidence(m.start(1), m.end(1))))
    return _one_type_per_name(out, s)


@dataclass(frozen=True)
class Verdict:
    """What a quoted span is: a concept of ``type``, or none (``type`` None), and why."""

    type: str | None
    reason: str


def explain_quotes(text: str) -> list[tuple[str, Verdict]]:
    """Every quoted span of ``text`` (simplified characters) with the verdict on it: a debugging
    view of the classifier.

    >>> [(n, v.type, v.reason) for n, v in explain_quotes("开展“三抓三促”行动，当好“四员”。")]
    [('三抓三促', 'campaign', 'type word after the quotes'), ('四员', None, 'a kind of people (role or group)')]
    """
    return [(normalise_name(text[q.start:q.end]), v) for q, v in judge_quotes(text, _section_heads(text))]


def _section_heads(s: str) -> set[str]:
    """Keywords that head a section are section keywords wherever else they are quoted."""
    return {normalise_name(next(g for g in q.groups() if g is not None))
            for q in QUOTES.finditer(s) if _section_head(s, q.start(), q.end())}


def judge_quotes(s: str, heads: set[str]):
    """``(quote, Verdict)`` for every quoted span of ``s``. A span that nothing types but that is coordinated
    with a concept of its own length (「“一国两制”、“某人治某”」, 「以“书香政协”助推“书香社会”建设」) is one too."""
    judged = [(q, judge(s, q, heads)) for q in _quoted(s)]
    counts = Counter(normalise_name(s[q.start:q.end]) for q, _ in judged)
    from .concept_score import WEAK_CUES

    strong = {normalise_name(s[q.start:q.end])[:2] for q, v in judged if v.type is not None and not v.reason.startswith(WEAK_CUES)}
    for i, (q, v) in enumerate(judged):
        if v.reason != _UNTYPED:
            yield q, _scored(s, q, v, counts, strong)
            continue
        name = normalise_name(s[q.start:q.end])
        for j in (i - 1, i + 1):
            if not 0 <= j < len(judged) or judged[j][1].type is None:
                continue
            p, w = judged[j]
            other = normalise_name(s[p.start:p.end])
            a, b = (p, q) if j < i else (q, p)
            between = s[a.close : b.open]
            if re.fullmatch(rf"[{HAN}]{{3,8}}", name) and abs(len(other) - len(name)) <= 1 \
                    and re.fullmatch(r"[、和与及]", between):
                v = Verdict(w.type, f"coordinated with the concept “{other}”")
                break
        yield q, _scored(s, q, v, counts, strong)


_UNTYPED = "no head word, type word or formula shape"
#: the scorer's threshold (scripts/train_concept_scorer.py, EVAL.md)
SCORE_THRESHOLD = 0.5


def _scored(s: str, q: "_Quote", v: Verdict, counts: Counter, strong: set[str]) -> Verdict:
    """A span accepted on its shape alone stays a concept only if the scorer of :mod:`.concept_score` says so."""
    from . import concept_score

    name = normalise_name(s[q.start:q.end])
    if v.type is None or not v.reason.startswith(concept_score.SHAPE_ONLY) or not concept_score.applies(name):
        return v
    feats = concept_score.features(name, s[max(0, q.open - 12):q.open], s[q.close:q.close + 12], counts[name],
                                   bool(_LAUNCHED.search(s, max(0, q.open - 60), q.open)),
                                   kin=name[:2] in strong, headline="\n" not in s[:q.open].lstrip())
    if concept_score.score(feats) >= SCORE_THRESHOLD:
        return v
    return Verdict(None, f"shape only, and the scorer says no ({concept_score.explain(feats)})")


def judge(s: str, q: "_Quote", heads: set[str] = frozenset()) -> Verdict:
    """The verdict on one quoted span. In order: its shape (length, punctuation, questions, quoted
    speech), the context that makes it no name whatever its shape (section labels, awards, meetings,
    sectors, topics), the type its head word, the word after it or its shape gives, then — for a
    span whose type only its shape gives — what shows it to be a description (a metaphor, a kind of
    people, a quality or role it qualifies, a pair of opposites)."""
    name = normalise_name(s[q.start:q.end])
    no = _shape_reason(name, s, q.open, q.close) or _not_a_name_here(name, s, q.open, q.close)
    if no:
        return Verdict(None, no)
    after = s[q.close : q.close + 18]
    ctype = _type_of(name, after, _type_after_run(s, q))
    if ctype is None:
        return Verdict(None, _UNTYPED)
    if len(name) == 2 and _ordinary_word(name) and (not re.match(f"[{NUM}]", name[0]) or name[0] == "一"):
        return Verdict(None, "an ordinary two-character word")
    if name in heads:
        return Verdict(None, "a section heading's keyword")
    launched = _LAUNCHED.search(s, max(0, q.open - 60), q.open)
    if _coined(name) and classify(name, "") == "slogan" and _in_run_of_short_quotes(s, q.open, name) \
            and not launched:
        return Verdict(None, "a run of three-character quotes (section heads or virtues)")
    if re.search(r"实现$", s[max(0, q.open - 2) : q.open]) and (not _type_word_after(after) or after.startswith(("目标", "的目标"))) \
            and not re.fullmatch(rf"十[一二三四五六七八九十]五|[{NUM}]{{1,2}}[个大项条]?[{HAN}]{{1,4}}", name) and not framed_formula(name):
        return Verdict(None, "a target (实现“…”)")
    if name in _KIND_NOUNS:
        return Verdict(None, "a kind of venue or platform named by its kind alone (「“会客厅”」)")
    if _adjective_description(name) and not _type_word_after(after) \
            and not re.search(r"(?:开展|打造|推出|创建|实施)$", s[max(0, q.open - 2) : q.open]):
        # 「重要平台」「大讲堂」: a generic head is no name once an adjective is all that qualifies it
        return Verdict(None, "an adjective before an ordinary word (a description)")
    cue = _strong_cue(name, s, q, after)
    if cue:
        return Verdict(ctype, cue)
    weak = _description(name, s, q, after)
    if weak:
        return Verdict(None, weak)
    if launched:
        # 「开展“微调研”“微协商”」: what is carried out is a campaign unless its shape says otherwise; what is built or
        # opened (打造/开设/创建“…”) is a platform
        if ctype == "slogan" and launched.group(1) in _CARRY_OUT:
            ctype = "campaign"
        elif ctype == "slogan" and launched.group(1) in _BUILT and not after.startswith("的"):
            ctype = "brand"
        return Verdict(ctype, f"the object of {launched.group(1)}")
    if ctype == "slogan" and re.search(rf"(?:{'|'.join(_BUILT)})了?$", s[max(0, q.open - 4) : q.open]) and not after.startswith("的"):
        return Verdict("brand", "a platform built or opened (搭建/开通/推出“…”)")
    return Verdict(ctype, "shape of a coined name or formula")


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
#: a studio or venue whose own four-character name stands unquoted before its kind, after a boundary
_NAMED_STUDIO = re.compile(rf"(?:^|(?<=[\s,，、;；。及和与]))([{HAN}]{{4}})(?:特色)?(?:委员工作室|协商议事室|议事厅)")


def _coined_studio_name(name: str) -> bool:
    """「文心聚力」 before 委员工作室 names the studio; 「綦江媒体」 (a place and a sector), 「农工党界别」, a person's
    name or a word of the dictionary do not."""
    from ..nlp import pos_cut
    from .. import lexicon as lx

    words = pos_cut(name)
    if not words or words[0][1] in ("ns", "nr", "nrt", "nt", "m") or _ordinary_word(name) \
            or any(f in ("v", "d", "p", "c") for _, f in words):  # 「合力推动委员工作室」: a verb phrase
        return False
    if re.search(r"政协|委员|界|党|县|市|区|镇|乡|村|社区|街道", name):
        return False
    return not (name[:2] in lx.COMPOUND_SURNAMES)


_NUMBERED_SERIES = re.compile(rf"第[{NUM}]+期([{HAN}]{{2,8}}?(?:讲坛|讲堂|论坛|沙龙|大讲堂))")


_LONG_QUOTE = re.compile(r"“([^“”\n]{41,300})”")


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
    # 「“围绕‘十五五’规划……(a title longer than a name)”」: the outer quotes hold no name, the inner ones may
    for m in _LONG_QUOTE.finditer(s):
        for inner in re.finditer(r"‘([^‘’\n]{2,20})’", m.group(1)):
            a = m.start(1) + inner.start(1)
            yield _Quote(a, a + len(inner.group(1)), m.start(1) + inner.start(), m.start(1) + inner.end())


def _inside_quotes(s: str, pos: int) -> bool:
    line_start = s.rfind("\n", 0, pos) + 1
    before = s[line_start:pos]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


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


#: heads of the names of meetings: a meeting held is no campaign, slogan or brand (「召开“两政联席会”」)
_MEETING_HEADS = tuple("联席会 联席会议 座谈会 会议 大会 全会 推进会 现场会 交流会 研讨会 报告会 培训会 见面会 恳谈会 协调会 联谊会 例会 年会 协商会 观摩会 调度会 说明会 碰头会".split())
#: heads of the names of organs: a working group, a task force, an office (「“某某工作联络组”」「“某某专班”」)
_ORGAN_HEADS = tuple("领导小组 工作小组 工作组 专班 指挥部 办公室 联络组 工作委员会 委员会 小组 中心组".split())
#: a group of members named by its sector (界别): 「“文化艺术界”」「“特邀香港人士”」
_SECTOR_END = ("界", "界别", "人士")
#: epithets: what a place or a thing is called, not a name (「“教育重镇”」「“换帅潮”」「“城市名片”」)
_EPITHET_HEADS = tuple("""潮 重镇 名片 高地 标杆 引擎 纽带 桥梁 窗口 之乡 之都 桥头堡 排头兵 领头雁 主力军 先行区 示范区
    试验田 样板 后花园 大花园 粮仓 明珠 之窗 福地 热土 腹地 枢纽 先行地 小镇""".split())
#: heads of documents: a report, an opinion, a plan are titled, not named (「“某某实施方案”」)
_DOCUMENT_HEADS = tuple("报告 意见 方案 通知 决定 办法 规定 条例 纲要 白皮书".split())
#: a national or provincial designation of a place or unit: 「“全国文明城市”」「“国家级示范区”」
_DESIGNATION = re.compile(r"^(?:全国|国家级?|省级|市级|中国)[^、，,]*(?:城市|县|市|区|乡|镇|村|基地|示范区|示范点|单位|集体)$")
#: heads of the names of news outlets: 「“某某新闻”相关报道」
_OUTLET_HEADS = tuple("新闻 日报 晚报 晨报 电视台 客户端 频道 融媒".split())
#: a verb of saying right before the quotes: what follows is what was said
_SPEECH_BEFORE = re.compile(r"(?:说|表示|称|认为|坦言|感慨|笑言|笑称|说道|直言|问道|告诉记者)[,，]?$")
#: heads of kinds of people: a short quoted kind is a role to play or a group (「当好“四员”」「“老委员”」
#: 「“两支队伍”」「“有心人”」), not a name
_PERSON_HEADS = ("人", "员", "委员", "队伍", "大咖", "达人", "能手")


def _not_a_name_here(name: str, s: str, start: int, end: int) -> str | None:
    """Why the context shows quoted words to be no name, whatever their shape, or None: section
    labels (「一要“某某”…」, 「“某某”即…」, 「“某某”：」), awards and superlatives (「首届“最美某某”」),
    kinds of people and groups (「11个“领读员”」「当好“四员”」), sectors, meetings, descriptions
    (「“政协智慧”」), counts (「三句话」), research topics (「考察“某某”」) and statements (「“某地致力…”」)."""
    before = s[max(0, start - 8) : start]
    after = s[end : end + 16]
    if name.endswith("通道") or re.match(rf"[{HAN}]{{0,8}}?(?:集体)?采访(?!活动|团)", after):
        return "an interview format (「“委员通道”集体采访」)"
    if re.match(rf"(?:系列)?(?:主题)?(?:新闻)?发布会|(?:(?!召开|举行|举办|参加|开展|组织|活动|行动)[{HAN}]){{0,6}}?"
                rf"(?:座谈会|研讨会|报告会|推介会|论证会|听证会|协商会|议政会)", after):
        # 「“实施某某行动”月度专题协商会」: the topic of a meeting; 「“某某”委员读书活动座谈会」 is the activity's name
        return "the title of a press conference or a meeting (「“…”双周协商座谈会」)"
    if re.search(rf"在[{HAN}]{{1,12}}(?:村|镇|乡|社区|街道|幼儿园|学校|小学|中学|公司|基地|园区)的?$", s[max(0, start - 16) : start]) \
            and not _own_head(name):
        return "a place named where it is (「在某某村“…”」), not a name the committee promotes"
    if re.search(r"[、,，]", name) and re.match(r"(?:的)?(?:发展|奋斗)?目标", after) and not _own_head(name):
        return "a target (「“甲、乙”的目标」)"
    if re.match(rf"(?:“[^“”]{{1,20}}”[、]?)*等?(?:国家级|省级|市级|国家|全国|中国|知名|驰名|著名|地理标志)[{HAN}]{{0,4}}?品牌", s[end : end + 60]):
        return "a certified product brand (「“某某”等国家级品牌」)"
    if _shared_head_list(name):
        return "a list of kinds of one thing (「“区域品牌、产业品牌、产品品牌”」)"
    if re.match(r"(?:图|画作|照片|视频|短片|专题片|宣传片|纪录片|微电影)(?![书谱表])", after):
        return "the title of a picture or a film (「以“…”图建言」)"
    if re.match(r"等?(?:有关|相关)(?:机制|制度|措施|办法)", after):
        return "examples of measures (「“…”等有关机制」), not a name"
    if re.match(rf"[0-9{NUM}]+[个家处所间座](?![{HAN}]{{0,1}}(?:品牌|平台))", after) and not re.match(f"[{NUM}]", name):
        return "a kind of venue or thing counted after it (「建设“某某室”17个」)"
    if re.search(r"[一二三四五六七八九十]要$|[一二三四五六七八九十]是$", before):
        return "a section label (一要/一是)"
    if re.search(r"(?:誉为|称为|称作|号称|人称|素有|被称|昵称|戏称|美称|俗称)$", before):
        return "a nickname or an epithet (被誉为“…”)"
    if re.search(r"(?:争创|跻身|冲刺|迈入|迈进|争当|争做|挺进|建成|建设成为|打造成为?|成为)$", before) and not _type_word_after(after) \
            and not re.match(f"[{NUM}]", name):
        return "a target or a positioning (争创/跻身/建成“…”)"
    if re.search(r"(?:评出|评为|评选出|获评|荣获|获得|授予|命名为)了?$", before):
        return "an award or a title conferred (评为/荣获“…”)"
    if re.fullmatch(rf"(?:世界|国际|全国|国家|中国|全民)[{HAN}]{{1,8}}[日节]", name) \
            or (name.endswith(("日", "节")) and re.search(rf"第[{NUM}]+个$", before)):
        return "a designated day (「第N个“世界某某日”」), not a committee's campaign"
    if re.match(r"(?:“[^“”]{1,12}”)*等(?:方式|形式|途径|方法)(?![多丰各样])", s[end : end + 40]) and not re.match(f"[{NUM}]", name) \
            and _own_head(name) != "campaign":  # 「“阅读季”“荐书月”等形式」 lists campaigns
        return "kinds or manners listed before 等方式 (「采取“会议协商”“现场协商”等方式」)"
    if re.search(r"以$", before) and re.match(r"为定位", after):
        return "a positioning (以“…”为定位)"
    if re.search(r"把$", before) and re.match(r"(?:转化|转变|变|化)[成为]", after) \
            or re.search(r"(?:转化|转变|变|化)[成为]$", before) and re.search(r"把“[^“”]{1,12}”(?:转化|转变|变|化)[成为]$", s[max(0, start - 24) : start]):
        return "the two ends of a change said in a metaphor (把“甲”变成“乙”)"
    if re.match(r"的专题(?:协商|调研|议政|视察)|的(?:协商|调研|议政|视察)活动", after):
        return "the topic of a consultation or a study (「“…”的专题协商活动」)"
    if re.search(r"以$", before) and re.match(r"为(?:主题|题)", after) and not _numbered_pair(name):
        return "the topic or title of a talk, a film or a series (以“…”为主题)"
    if re.search(r"(?:聚焦|围绕|紧扣)$", before) and re.match(r"等?(?:主题|议题|专题)(?!活动|教育)", after) and not _couplet(name):
        return "the topic of an activity (聚焦“…”等主题)"
    if re.search(rf"成为[{HAN}]{{0,6}}的$", before) and not _type_word_after(after) and not re.match(f"[{NUM}]", name):
        return "what something is likened to (成为……的“…”)"
    if _subheading_metaphor(s, start, end):
        return "a subheading's metaphor (「各族群众的“共享某厅”」 on a line of its own)"
    if re.search(r"(?:主题为|主题是|题为|议题为|议题是|主题[:：])$", before) and not _numbered_pair(name):
        return "the topic or title of a meeting, an activity or a talk (主题为“…”)"
    if re.match(r"[^。，,;；:：“”「」]{0,24}?(?:文艺演出|演出|晚会|音乐会|联欢会|书画展|摄影展|展览)(?!活动)", s[end : end + 30]) \
            and not _own_head(name):
        return "the title of a performance or an exhibition"
    if re.match(r"(?:19|20)[0-9]{2}(?![0-9])", name) and not _own_head(name):
        return "a year opening the name of an event or a group (「“2024某地考察团”」)"
    if len(name) >= 8 and re.search(r"[^就即]是", name[1:-1]):
        return "a statement (「“个人是自己某某的第一责任人”」)"
    if re.search(r"向$", before) and re.match(r"(?:的)?(?:转变|转型|转移|迈进|延伸|跨越)", after):
        return "the end of a change (「实现“甲”向“乙”转变」)"
    if s[end : end + 1] in ("即", ":", "："):
        return "a term being defined (“…”即/：)"
    if name.startswith("最") or name.endswith(("奖", "勋章")) or re.search(r"(首届|第[一二三四五六七八九十\d]+届)$", before):
        return "an award, honour or superlative"
    if name.endswith(KIND_HEADS) and len(name) >= 3 and re.search(rf"[{NUM}]+[个名位支][{HAN}]{{0,4}}$", before):
        return "a counted kind of people or group"
    if len(name) <= 4 and name.endswith(_PERSON_HEADS) and not _own_head(name):
        return "a kind of people (role or group)"
    if len(name) > 4 and name.endswith("员") and _ordinary_word(name[-3:]) and not _own_head(name):
        return "a kind of people (a role ending in …员: 「“特邀某某宣传员”」)"
    if 3 <= len(name) <= 6 and name.endswith(("队", "团")) and not _own_head(name):
        return "a group of people (「“移动某某队”」「“某某考察团”」)"
    if len(name) >= 4 and name.endswith(_ORGAN_HEADS) and not _own_head(name):
        return "the name of an organ (…领导小组, …专班, …联络组)"
    if len(name) >= 3 and name.endswith(_SECTOR_END):
        return "a sector of membership (界别)"
    if name.endswith(_MEETING_HEADS) or (re.fullmatch(rf"[{NUM}]{{1,2}}会", name) and not _type_word_after(after)):
        return "a meeting"
    if re.fullmatch(r"[0-9]{2}后|[0-9]{2}年代", name):
        return "an age cohort (60后)"
    if re.match(r"(?:等)?(?:荣誉)?(?:称号|荣誉|奖项|奖)", s[end : end + 4]) or re.search(r"优秀|先进|模范|标兵", name):
        return "an award, honour or superlative"
    if s[end : end + 2] == "之一" or (name.endswith(_EPITHET_HEADS) and not re.match(f"[{NUM}]", name)):
        return "an epithet (之一, …重镇, …名片)"
    if name.endswith(_OUTLET_HEADS) and len(name) > 2:
        return "a news outlet"
    if name.endswith(_DOCUMENT_HEADS) and len(name) > 2:
        return "the title of a document"
    if _DESIGNATION.match(name):
        return "a designation of a place or unit (全国文明城市)"
    if any(name.endswith(h) and len(name) > len(h) for h in DESCRIPTIVE_HEADS) and not re.search(r"[,，、\s]", name):
        return "a quality, force or moment (…优势/智慧/时间)"
    if _COUNT_OF_THINGS.match(name):
        return "a count of words (三句话)"
    if len(name) >= 6 and "·" not in name and re.search(r"(考察|调研|视察)$", before):
        return "the topic of an inspection"
    if len(name) >= 6 and _statement(name):
        return "a statement (a place and a verb)"
    # 「多出“上接天线、下接地气”的调研报告」: a parallel phrase describing a noun
    if "、" in name and s[end : end + 1] == "的" and not re.search(f"[{NUM}]", name) and not framed_formula(name) \
            and not re.fullmatch(rf"[{HAN}](?:、[{HAN}])+", name) \
            and not any(re.match(rf"[{HAN}]{{0,2}}{w}", s[end + 1 : end + 7]) for w in _FORMULA_AFTER):
        return "a parallel phrase describing the noun after 的"
    return None


def _subheading_metaphor(s: str, start: int, end: int) -> bool:
    """「委员履职有了“新阵地”」「各族群众的“共享客厅”」: a short line of its own, not the first, closing with quotes
    after 的 or 了: a feature story's subheading, and its quoted words a metaphor."""
    line_start = s.rfind("\n", 0, start) + 1
    line_end = s.find("\n", end)
    line_end = len(s) if line_end == -1 else line_end
    if line_start == 0 or s[end:line_end].strip() or line_end - line_start > 16:
        return False
    head = s[line_start:start]
    return bool(re.search(r"[的了]$", head)) and not re.search(r"[，,。;；:：]", head)


def _numbered_pair(name: str) -> bool:
    """「双联双促」「三抓三促」「一改两为」: two numbered parts, a coined formula wherever it stands (a theme too)."""
    return bool(re.fullmatch(rf"[{NUM}][{HAN}]{{1,2}}[{NUM}][{HAN}]{{1,2}}", name))


def _shared_head_list(name: str) -> bool:
    """「区域品牌、产业品牌、产品品牌」: three parts or more ending in one word, each an ordinary word before it."""
    parts = re.split(r"[、,，]", name)
    if len(parts) < 3 or min(map(len, parts)) < 3:
        return False
    head = parts[0][-2:]
    return all(p.endswith(head) and _ordinary_word(p[:-2]) for p in parts)


def framed_formula(name: str) -> bool:
    """「民事民提、民事民议、民事民商」「一核多点、一核多圈」: three parts or more of one length that differ in one
    character only, a formula built on one frame (not a list of descriptions: 「重要阵地、重要平台」 differ in two).

    >>> framed_formula("民事民提、民事民议、民事民商、民事民定")
    True
    >>> framed_formula("重要阵地、重要平台、重要渠道")
    False
    """
    parts = re.split(r"[、,，]", name)
    if len(parts) < 3 or len({len(p) for p in parts}) != 1 or len(parts[0]) < 3 or len(set(parts)) < len(parts):
        return False
    same = [i for i in range(len(parts[0])) if len({p[i] for p in parts}) == 1]
    # one character differs (民事民提、民事民议), or the parts share their last characters and not only an opening word
    # (休戚与共、荣辱与共; 多读书、读好书、善读书; not 重要阵地、重要平台, a description). A middle 得 shared by all
    # (「提得准、办得实、督得严」) was tried: it took one false formula on the blind real4 (-q), so it is left out.
    return len(same) == len(parts[0]) - 1 or (len(parts[0]) - 1 in same and same != list(range(len(same))))


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


#: what a formula of several parts is called after the quotes: 「“突出重点、注重质量、……”的原则」
_FORMULA_NAMED = re.compile(r"的?(?:原则|要求|方针|理念|总要求|工作思路|思路)")
#: a campaign's type word a few characters after the quotes: 「“入基层、进农户、看变化、议发展”助推乡村振兴调研活动」
_CAMPAIGN_AFTER = re.compile(rf"[{HAN}]{{0,14}}?(?:行动|活动)")


def _shape_reason(name: str, s: str, start: int, end: int) -> str | None:
    """Why the span's shape makes it no name, or None."""
    if len(name) < 2 or (len(name) > 20 and not (len(name) <= 32 and framed_formula(name))
                         and not (len(name) <= 26 and re.search(r"\s(?:委员|政协)?行动$", name))):
        return "too short or too long"
    if name in NOT_CONCEPTS:
        return "a set phrase or metaphor of the lexicon"
    if _NOT_A_NAME.search(name):
        return "a question, a verb complement, a target or a descriptive phrase"
    # 「“的……”」: a function word opens no name, unless it begins a word (「和事佬议事法」)
    if _GENERIC.match(name) and not any(_ordinary_word(name[:k]) for k in (2, 3) if len(name) > k) \
            and not re.search(r"(?:开展|实施|推行|推进|深化)$", s[max(0, start - 2) : start]) \
            and not (len(name) >= 6 and re.match(r"(?:活动|行动)", s[end : end + 2])):
        return "opens with a function word"
    if re.search(r"[。!?！？;；:：《》]", name):
        return "a sentence or a title"
    if not re.search(f"[{HAN}0-9]", name):
        return "no characters"
    # quoted speech: 「…指出：“……”」
    if re.search(r"[:：]\s*$", s[max(0, start - 2) : start]):
        return "quoted speech (after a colon)"
    parts = re.split(r"[,，、]", name)
    if (len(parts) > 3 and max(map(len, parts)) > 2 and not _CAMPAIGN_AFTER.match(s, end) and not _FORMULA_NAMED.match(s, end)
            and not framed_formula(name)) \
            or (_parallel_description(name) and not framed_formula(name)):
        return "a long enumeration or a parallel description"
    return None
