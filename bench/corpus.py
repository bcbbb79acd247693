"""A synthetic CPPCC-news corpus for benchmarks, deterministic by seed, with gold office facts.

Articles are assembled from sentence patterns of the bundled seeds (datelines
「本报X讯（通讯员Y）」, 「X市政协主席Y主持召开…」, lists of vice-chairs, quoted campaigns
「“三抓三促”行动」, bylines 「□ Y」 with 「（作者系X县政协党组书记、主席）」), persons from a name
generator (surnames × given characters) and divisions drawn from the gazetteer
(:func:`kg.gazetteer.load`). Every office a pattern states is recorded as gold, so a speed run also
measures recall.

The text is for benchmarks only: it names no real office holder (names are random) and says
nothing true.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path

from kg import gazetteer

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("建国晓明丽华志强海燕伟军秀英敏静玉兰红霞春梅桂芳文斌永刚振兴德胜福荣家宝金凤雪松云飞鹏涛博宇浩然佳怡思远俊杰婷娜琳瑶欣悦子轩嘉豪晨阳")

CAMPAIGNS = ["三抓三促", "强县域", "书香政协", "委员进万家", "协商在基层", "有事好商量", "千名委员联系万名界别群众",
             "四强四优", "双联双促", "作风建设年", "营商环境提升年", "乡村振兴示范"]
MEETINGS = ["党组理论学习中心组（扩大）会议", "主席会议", "常委会议", "专题协商会", "党组（扩大）会议", "月度协商座谈会"]
TOPICS = ["乡村振兴", "营商环境", "生态保护", "文旅融合", "基层治理", "民营经济", "教育发展", "医疗保障", "产业升级"]

FILLER = [
    "会议传达学习了党中央和省委有关会议精神，研究部署了下一阶段重点工作。",
    "会议强调，要坚持围绕中心、服务大局，把政协工作融入经济社会发展全局。",
    "与会人员围绕{topic}工作深入交流讨论，提出了许多具有针对性和可操作性的意见建议。",
    "大家一致认为，要进一步发挥政协专门协商机构作用，推动协商成果转化落地。",
    "会议要求，各专门委员会要聚焦{topic}，深入开展调研视察，形成高质量调研报告。",
    "近年来，当地坚持以{topic}为抓手，不断完善工作机制，取得了明显成效。",
    "要切实加强委员队伍建设，引导广大委员懂政协、会协商、善议政。",
    "要坚持把学习贯彻党的二十大精神作为首要政治任务，持续在学懂弄通做实上下功夫。",
]


@dataclass(frozen=True)
class GoldOffice:
    doc: str  # file name
    person: str
    role: str
    body: str
    division: str

    def key(self) -> tuple[str, str, str, str, str]:
        return (self.doc, self.person, self.role, self.body, self.division)


class Names:
    """Person names, unique within one corpus (so gold never merges two people)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            n = self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            if n not in self.used:
                self.used.add(n)
                return n


def _counties():
    gz = gazetteer.load()
    out = [d for d in gz.by_code.values()
           if d.level == "county" and d.kind in ("县", "县级市") and gz.city_of(d) is not None
           and len(gz.lookup(d.name, include_bare=False)) == 1
           and len(gz.lookup(gz.city_of(d).name, include_bare=False)) == 1]
    out.sort(key=lambda d: d.code)
    return gz, out


class Generator:
    """Makes articles; ``article(i)`` is a pure function of (seed, i)."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.gz, self.counties = _counties()

    def article(self, i: int, target_chars: int = 1000) -> tuple[str, str, list[GoldOffice]]:
        rng = random.Random(f"{self.seed}:{i}")
        names = Names(rng)
        name = f"gen_{i:07d}.txt"
        county = rng.choice(self.counties)
        city = self.gz.city_of(county)
        gold: list[GoldOffice] = []
        paras: list[str] = []

        def office(person, role, div):
            gold.append(GoldOffice(name, person, role, "政协", div.name))

        byline = rng.random() < 0.4
        topic = rng.choice(TOPICS)
        campaign = rng.choice(CAMPAIGNS)
        meeting = rng.choice(MEETINGS)
        if byline:
            author = names()
            paras.append(f"深化“{campaign}”行动 推动{topic}高质量发展")
            paras.append(f"□ {author}")
        else:
            reporter = names()
            chair = names()
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            paras.append(f"{county.name}政协召开{meeting}")
            paras.append(
                f"本报{city.name[:-1]}讯（通讯员{reporter}）{month}月{day}日，{county.name}政协主席{chair}"
                f"主持召开县政协{meeting}，研究部署“{campaign}”行动相关工作。"
            )
            office(chair, "主席", county)
            vices = [names() for _ in range(rng.randint(2, 4))]
            paras.append(f"{county.name}政协副主席{'、'.join(vices)}出席会议。")
            for v in vices:
                office(v, "副主席", county)
        secretary = False
        while sum(map(len, paras)) < target_chars - 60:
            r = rng.random()
            if r < 0.12:
                city_chair = names()
                paras.append(f"{city.name}政协主席{city_chair}在讲话中指出，要以“{rng.choice(CAMPAIGNS)}”行动为抓手，"
                             f"持续推动{rng.choice(TOPICS)}工作走深走实。")
                office(city_chair, "主席", city)
            elif r < 0.2 and not secretary:
                secretary = True
                sg = names()
                paras.append(f"{county.name}政协秘书长{sg}通报了近期工作情况。")
                office(sg, "秘书长", county)
            else:
                paras.append("".join(rng.choice(FILLER).format(topic=rng.choice(TOPICS)) for _ in range(rng.randint(2, 4))))
        if byline:
            paras.append(f"（作者系{county.name}政协党组书记、主席）")
            office(author, "党组书记", county)
            office(author, "主席", county)
        return name, "\n\n".join(paras) + "\n", gold


def generate(out_dir: str | Path, total_chars: int, seed: int = 0, doc_chars: int = 1000) -> list[GoldOffice]:
    """Write articles ``gen_*.txt`` into ``out_dir`` until ``total_chars`` characters; return the gold.

    The gold is also written to ``out_dir/../<dir name>.gold.jsonl``, outside the corpus folder.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    total, i, gold = 0, 0, []
    while total < total_chars:
        name, text, g = gen.article(i, doc_chars)
        (out / name).write_text(text, encoding="utf-8")
        total += len(text)
        gold.extend(g)
        i += 1
    with open(out.parent / f"{out.name}.gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(asdict(g), ensure_ascii=False) + "\n")
    return gold


def recall(gold: list[GoldOffice], predicted: set[tuple]) -> float:
    """Share of gold offices (doc, person, role, body, division) among ``predicted``."""
    if not gold:
        return 1.0
    return sum(g.key() in predicted for g in gold) / len(gold)
