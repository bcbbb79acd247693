"""The words recognition is driven by: titles, bodies, surnames, and words that end a name.

These are lexicons of the language of Chinese official news, not of any article: no person or place
of the corpus is named here (places come from the gazetteer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Title:
    """An office title as printed and what it implies.

    ``kinds`` are the body kinds the title exists in (the first is used when the title alone
    implies its body, e.g. 县长 -> 政府). ``level`` is the division suffix a self-contained title
    implies (县长 -> 县), or "nation" (总理); ``committee`` a sub-body it names (统战部长 -> 统战部).
    """

    surface: str
    role: str
    kinds: tuple[str, ...]
    implies_body: bool = False
    level: str | None = None
    committee: str | None = None


_ACTING_IN_FULL = re.compile(r"^代理(?=[省市县区州旗盟]长$)")


def canonical_role(role: str) -> str:
    """A role as compared across spellings: an acting head printed in full is the short title
    (代理县长 -> 代县长, the title kg writes); every other role as it is.

    >>> canonical_role("代理县长"), canonical_role("代县长"), canonical_role("代理书记")
    ('代县长', '代县长', '代理书记')
    """
    return _ACTING_IN_FULL.sub("代", role)


#: Characters of transliterated (Uyghur, Kazakh, Mongolian) names: 「阿不都热合曼」「库尔班」
TRANSLITERATION_CHARS = frozenset("阿艾买提尔克甫吾依热合曼孜娜古丽木哈尼亚斯拉汗江衣坎库班吐尕努穆麦托乎伊力巴图萨塔西都吉则普赛来皮扎罕约夏米"
                                  "苏里沙布迪肉达别拜仁其格特乌兰日赫玛妮帕孜夫洛娃耶奴比")

_CPPCC = ("政协",)
_SPECIAL = ("政协专委会",)
_PARTY = ("党委",)
_NPC = ("人大",)
_GOV = ("政府",)


#: Civil-service ranks: held in a committee, not in the organ a rank-holder works in (SCHEMA.md).
RANKS = ("巡视员", "一级巡视员", "二级巡视员", "副巡视员", "调研员", "副调研员",
         "一级调研员", "二级调研员", "三级调研员", "四级调研员")


def _titles() -> dict[str, Title]:
    t: dict[str, Title] = {}

    def add(surface, kinds, role=None, **kw):
        t[surface] = Title(surface, role or surface, kinds, **kw)

    for s in ("主席", "副主席"):
        add(s, ("政协", "中央", "政府"))
    add("常务副主席", _CPPCC + _GOV)
    for s in ("秘书长", "副秘书长", "常务副秘书长"):
        add(s, ("政协", "人大", "党委", "政府"))
    add("专职副主席", ("政协",))
    for s in ("党组书记", "党组副书记", "党组成员"):
        add(s, ("政协", "人大", "政府"))
    for s in ("分党组书记", "分党组副书记", "分党组成员"):
        add(s, _SPECIAL)
    add("常务委员", ("政协", "人大"))
    add("常委", ("政协", "党委", "人大", "中央"))
    add("委员", ("政协", "政协专委会", "党委", "人大", "中央"))
    for s in ("主任", "副主任", "常务副主任", "驻会副主任", "专职副主任"):
        add(s, ("政协专委会", "人大", "政府", "中央", "党委"))  # 党委: only of a department (市委办公室主任)
    for s in ("书记", "副书记"):
        add(s, _PARTY)
    add("总书记", ("中央",), implies_body=True, level="nation")
    for s in ("部长", "副部长", "常务副部长"):
        add(s, ("党委", "政府", "中央"))
    add("统战部长", _PARTY, role="部长", committee="统战部")
    add("组织部长", _PARTY, role="部长", committee="组织部")
    add("宣传部长", _PARTY, role="部长", committee="宣传部")
    add("政治局委员", ("中央",), role="委员", implies_body=True, level="nation", committee="中共中央政治局")
    add("政治局常委", ("中央",), role="常委", implies_body=True, level="nation", committee="中共中央政治局常务委员会")
    for s in ("总理", "副总理", "国务委员"):
        add(s, _GOV, implies_body=True, level="nation")
    # the head of state and the national congress's chairs (SCHEMA.md: central organs are 中央)
    add("国家主席", ("中央",), role="主席", implies_body=True, level="nation")
    add("国家副主席", ("中央",), role="副主席", implies_body=True, level="nation")
    add("委员长", _NPC)
    add("副委员长", _NPC)
    # the heads of the Hong Kong and Macau governments and their secretaries (SCHEMA.md: the SAR's 政府)
    add("行政长官", _GOV, implies_body=True, level="特别行政区")
    for dept in ("政务司", "财政司", "律政司", "行政法务司", "经济财政司", "保安司", "社会文化司", "运输工务司"):
        for pre in ("", "副"):
            add(f"{dept}{pre}司长", _GOV, role=f"{pre}司长", implies_body=True, level="特别行政区", committee=dept)
    for suffix in ("省", "市", "县", "区", "州", "旗", "盟"):
        for pre in ("", "副", "常务副", "代", "代理"):
            role = f"代{suffix}长" if pre == "代理" else None
            add(f"{pre}{suffix}长", _GOV, role=role, implies_body=True, level=suffix)
        add(f"{suffix}长助理", _GOV, implies_body=True, level=suffix)  # 「省长助理某某」
    add("代秘书长", ("政协", "人大", "党委", "政府"))
    add("主任委员", ("人大", "政协专委会"))
    add("副主任委员", ("人大", "政协专委会"))
    # civil-service ranks of a committee's or a congress's staff, and advisers: offices of that body
    for s in RANKS:
        add(s, ("政协", "人大", "政协专委会", "中央", "党委"))  # 党委: of a department (市委统战部二级调研员)
    add("顾问", ("政协", "人大", "政协专委会", "中央", "党委", "政府"))  # 「区委顾问」「县政府顾问」
    for s in ("总工程师", "总经济师", "总会计师", "总统计师", "总规划师", "总农艺师", "总畜牧师"):
        add(s, _GOV)  # a department's chief engineer, economist ...: 「县统计局总统计师」
    for s in ("局长", "副局长"):  # (of a government's bureau, or of a CPPCC's: 「全国政协办公厅新闻局」)
        add(s, _GOV + _SPECIAL)
    for s in ("厅长", "副厅长"):
        add(s, _GOV)
    for s in ("署长", "副署长"):
        add(s, ("中央", "政府"))
    for s in ("特派员", "副特派员"):
        add(s, _GOV)
    for s in ("处长", "副处长"):  # of an organ of a committee (政协办公厅某某处) or a department
        add(s, ("政协专委会", "政府", "人大"))
    return t


TITLES: dict[str, Title] = _titles()

#: Titles that may follow a name (「某某总理」「某某主席」「王某某委员」).
POST_TITLES = {"总书记", "总理", "主席", "副主席", "书记", "副书记", "委员", "常委", "省长", "市长", "县长", "区长", "州长",
               "旗长", "盟长", "副省长", "副市长", "副县长", "副区长", "副州长", "副旗长", "副盟长"}


@dataclass(frozen=True)
class BodyWord:
    """A word naming a body: its kind and, for 县政协/市委 style words, the level it implies."""

    surface: str
    kind: str
    level: str | None = None  # division suffix (省 市 县 区 州 旗 自治区) or "nation"; None: from text
    committee: str | None = None


#: The State Council's ministries, present and past (the press of every period is read), by full and
#: short name; a short name maps to the full one.
STATE_COUNCIL_MINISTRIES: dict[str, str | None] = {
    **dict.fromkeys(
        """外交部 国防部 教育部 科学技术部 工业和信息化部 公安部 国家安全部 民政部 司法部 财政部
        人力资源和社会保障部 自然资源部 生态环境部 住房和城乡建设部 交通运输部 水利部 农业农村部 商务部
        文化和旅游部 退役军人事务部 应急管理部 审计署 文化部 卫生部 农业部 国土资源部 环境保护部 铁道部
        人事部 建设部 信息产业部 劳动和社会保障部 监察部""".split()),
    "科技部": "科学技术部", "工信部": "工业和信息化部", "人社部": "人力资源和社会保障部",
    "住建部": "住房和城乡建设部", "文旅部": "文化和旅游部", "环保部": "环境保护部",
}
#: The ministries' full names (what a ministry's body records as its committee).
MINISTRIES = frozenset(v or k for k, v in STATE_COUNCIL_MINISTRIES.items())


def _bodies() -> dict[str, BodyWord]:
    b: dict[str, BodyWord] = {}

    def add(surface, kind, level=None, committee=None):
        b[surface] = BodyWord(surface, kind, level, committee)

    levels = ("省", "市", "县", "区", "州", "旗", "盟", "自治区", "自治州", "自治县")
    for lv in levels:
        norm = {"自治州": "州", "自治县": "县"}.get(lv, lv)
        add(f"{lv}政协", "政协", norm)
        add(f"{lv}人大常委会", "人大", norm)
        add(f"{lv}人大", "人大", norm)
        add(f"{lv}政府", "政府", norm)
        add(f"{lv}人民政府", "政府", norm)
    for lv in ("省", "市", "县", "区", "州", "旗", "盟"):
        add(f"{lv}委", "党委", lv)
    # a forestry district (林区), a special district (特区, a county of Guizhou) and a prefecture (地区)
    # have a CPPCC, a congress, a Party committee (林区党委, 特区委, 地委) and a government (林区政府;
    # a prefecture's is its 行署). 「特区政府」 in Hong Kong or Macau news is the SAR's: no division of
    # kind 特区 is named there, so it stays unresolved.
    for lv in ("林区", "特区", "地区"):
        add(f"{lv}政协", "政协", lv)
        add(f"{lv}人大常委会", "人大", lv)
        add(f"{lv}人大", "人大", lv)
        add(f"{lv}政府", "政府", lv)
        add(f"{lv}党委", "党委", lv)
    add("林区委", "党委", "林区")
    add("特区委", "党委", "特区")
    add("地委", "党委", "地区")
    add("行署", "政府", committee="行署")
    add("行政公署", "政府", committee="行署")
    add("自治区党委", "党委", "自治区")
    add("自治州州委", "党委", "州")
    # an autonomous region's chairman is its government's head (「自治区副主席」)
    add("自治区", "政府", "自治区")
    add("政协", "政协")
    add("人大常委会", "人大")
    add("人民代表大会常务委员会", "人大")
    add("人大", "人大")
    add("人民政府", "政府")
    add("政府", "政府")
    add("党委", "党委")
    add("全国政协", "政协", "nation")
    add("全国人大常委会", "人大", "nation")
    add("全国人大", "人大", "nation")
    add("国务院", "政府", "nation")
    add("国家", "政府", "nation")  # 「国家发展和改革委员会主任」: a department of the State Council
    add("中共中央", "中央", "nation")
    add("中央", "中央", "nation")  # 「中央统战部部长」「中央政治局委员」
    add("党中央", "中央", "nation")
    add("中央政治局", "中央", "nation", "中共中央政治局")
    add("中共中央政治局", "中央", "nation", "中共中央政治局")
    # the central government's liaison offices in Hong Kong and Macau are central organs (SCHEMA.md),
    # the State Council's offices for Taiwan and for Hong Kong and Macau affairs its departments
    for place in ("", "香港", "澳门"):
        add(f"{place}中联办", "中央", "nation", f"{place}中联办")
    for place in ("香港", "澳门"):  # the liaison office's full name
        add(f"中央人民政府驻{place}特别行政区联络办公室", "中央", "nation", f"{place}中联办")
    # the Party's office for Hong Kong and Macau work (one organ with the State Council's 港澳办)
    add("中央港澳办", "中央", "nation", "中央港澳办")
    # the other central organs in Hong Kong and Macau (SCHEMA.md): the national-security office, central;
    # the Foreign Ministry's commissioners, the State Council's
    add("中央人民政府驻香港特别行政区维护国家安全公署", "中央", "nation", "驻港国安公署")
    for place in ("香港", "澳门"):
        add(f"外交部驻{place}特别行政区特派员公署", "政府", "nation", f"外交部驻{place}特派员公署")
    add("国台办", "政府", "nation", "国台办")
    add("港澳办", "政府", "nation", "港澳办")
    # the State Council's ministries, which no division has (a province has 厅, a city 局): 「科技部副部长」
    # 「全国政协副主席、交通运输部部长」 are the central government's (SCHEMA.md: the ministry as committee)
    for ministry in STATE_COUNCIL_MINISTRIES:
        add(ministry, "政府", "nation", STATE_COUNCIL_MINISTRIES[ministry] or ministry)
    # the Party centre's departments by their short names: 「中组部副部长」
    for short, department in (("中组部", "组织部"), ("中宣部", "宣传部"), ("中联部", "对外联络部")):
        add(short, "中央", "nation", department)
    return b


BODIES: dict[str, BodyWord] = _bodies()

#: The characters a level word of a body can be (省政协, 县委 ...).
LEVEL_CHARS = frozenset("省市县区州旗盟")

#: Words in front of a body that make it some other organisation (democratic parties, mass
#: organisations, firms): 「民进新疆区委会主委」「自治区妇联副主席」 are no offices of ours.
FOREIGN_ORG_MARKERS = (
    "民进", "民盟", "民革", "民建", "农工", "致公", "九三", "台盟", "工商联", "妇联", "共青团", "团委",
    "监委", "监察委",  # supervisory commissions: none of the schema's bodies (SCHEMA.md)
    "总工会", "工会", "侨联", "科协", "文联", "作协", "红十字", "协会", "学会", "商会", "联合会",
    "公司", "集团", "大学", "学院", "学校", "医院", "银行", "事务所", "研究院", "研究所", "支部",
    "街道", "社区", "村委", "镇", "乡", "企业", "基金会", "联谊会", "机关", "纪检组", "派驻", "监事会",
    "董事会", "前", "原",
    "经开区", "开发区", "高新区", "工业园区", "产业园区", "保税区", "自贸区",  # zones: no division (SCHEMA.md)
)

#: Special committees and departments: what may stand between a body and a title.
SPECIAL_COMMITTEE_ENDS = ("委员会", "委员会办公室", "工委", "委", "办公室")
DEPARTMENT_ENDS = ("部", "局", "厅", "委", "办", "署", "办公室", "委员会")

#: Words that end a person's name when they follow it directly.
NAME_FOLLOWERS = sorted(
    set(
        """主持 出席 参加 代表 讲话 致辞 表示 说 指出 强调 介绍 率 带领 陪同 当选 为 任 一行 作 对 和 与 及
        的 列席 宣读 通报 应邀 分别 是 也 就 围绕 先后 还 到 赴 深入 来 一同 会见 看望 调研 考察 听取 传达
        要求 希望 认为 回顾 总结 宣布 主讲 进行 发表 提出 带队 同志 等 在 向 从 以 将 把 被 于 先生 女士
        领学 领读 作了 出任 担任 接任 获 荣获 同 跟 所作 所 在会上 会上 一起 共同 亲自 专程 实地 现场
        摄影 报道 首先 最后 随后 主讲 宣讲 解读 答 问 称 谈 讲 并 又 则 即 今年 近日 日前 今日 今天 昨日 昨天 当天 当日 上午
        下午 晚上 前往 走访 慰问 检查 督导 视察 部署 安排 批示 寄语 做 作出 提议 建议 呼吁 号召 代为
        还是 已 曾 参与 召集 召开 组织 致 发言 汇报 点评 工作室 通过 参会 出镜 到会
        特邀 再次 再度 首次 连任 亲切 热情 认真 专门 一并 获邀 受邀 被 亦 均 委托
        坦言 直言 表态 调度 领衔 点题 致辞 致欢迎辞 参观 前来 指导 督查 充分 受 座谈
        作报告 作通报 作专题 作说明 作讲话 作重要讲话 作发言 作总结 作动员 作部署 作工作报告 作题为 作辅导 作交流发言 作表态发言 作“ 作《
        由 随同 经由 替 期间 之后 以来 系 活佛 大毛拉 大阿訇 法师 主教 牧师""".split()  # 「某某活佛」「某某大毛拉」: an honorific, no part of the name
    ),
    key=len,
    reverse=True,
)

#: Single surnames (the common ones cover >99% of people) and compound surnames.
SURNAMES = set(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田
    董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白
    邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 常 温
    康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包
    宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华
    喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫
    费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎
    甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌
    奚 皮 粟 冼 蔺 楼 盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿
    国 狄 平 计 索 宣 晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母 裘 亓
    修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾 茅 利 於 呼 居 揭 干 但
    尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由 钮 逄 訾 丘 过 稽 蹇 銮 鄂 滑 綦 勇 付 甯 陈
    帕 努 热 买 吐 依 古 托 肉 玛 库 塔 达 其 格 扎 次 旦 央 拉 洛 尼 多 仁 习 同 晏 钭 么
    东 户 寿 禄 邴 泮 种 冒 兀 木 火 水 果 竹 梭 阿 艾 买 库 伍 旷 弓 暴 冼 萧 傅 蔚 闰 阎 黑 晃
    卯 喜 贡 郦 郗 逮 铁 肖 谯 酆 鄯 阿 禹 韶 兴 代 侍 储 麦 澹""".split()
)
COMPOUND_SURNAMES = set(
    """欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 公冶 太史
    申屠 端木 百里 呼延 南宫 西门 独孤 万俟 闻人 赫连 拓跋 第五""".split()
)

#: Two-character words that begin like a name but are not one (kept short: jieba's dictionary
#: catches most ordinary words).
NOT_NAMES = set(
    """同志 领导 委员 主任 主席 代表 常委 书记 成员 干部 群众 全体 全市 全县 全省 全区 各级 有关 相关 部分
    大家 我们 他们 其中 一行 分别 等人 一起 同时 党员 专家 学者 记者 通讯 作者 摄影 报道 本报 市委 县委
    区委 省委 政协 人大 政府 党组 机关 会议 常务 秘书 部长 局长 市长 县长 区长 省长
    界别 联谊 沙龙 热议 文创 崇尚 建言 议政 履职 风采 心声 荣休 特邀 资深 荣誉
    候任 首任 前任 时任 现任 继任 新任 历任 曾任 卸任""".split()  # around 委员: 「委员沙龙」「委员热议」「荣休委员」
)

#: Press-credit roles as printed (longest first) and how they are recorded.
PRESS_ROLE_WORDS = {
    "实习记者": "实习记者",
    "实习生": "实习记者",
    "见习记者": "实习记者",
    "特约记者": "记者",
    "全媒体记者": "记者",
    "融媒记者": "记者",
    "驻站记者": "记者",
    "融媒体记者": "记者",
    "本报记者": "记者",
    "记者": "记者",
    "通讯员": "通讯员",
    "摄影": "摄影",
    "作者": "作者",
    "撰稿人": "作者",
    "撰稿": "作者",
    "撰文": "作者",
    "执笔": "作者",
    "采写": "作者",
}

#: Staff named in a credit line who are no press credit (the schema credits authors, reporters,
#: interns, correspondents and photographers only): their names are read past.
PRESS_STAFF_WORDS = set(
    """责任编辑 责编 编辑 值班编辑 美编 校对 审校 审核 审稿 审签 初审 二审 三审 终审 复审 编审 监制 统筹 策划
    出品 制作 排版 视频 剪辑 翻译 来源""".split()
)
