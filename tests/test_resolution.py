"""Resolution over the whole gazetteer: a body named by its level word alone (「县政协」「旗政协」) is
placed in the division the text names, whatever that division is.

The first test puts 25 divisions of every kind (县 自治县 市辖区 县级市 旗 自治旗 林区 特区, 地级市 自治州
盟 地区, 省 自治区 直辖市) in each of the resolution templates of tests/metamorphic.py
(``RESOLUTION_TEMPLATES``, the sweep EVAL.md tabulates over the whole gazetteer with
``scripts/metamorphic.py --resolution``), in simplified and in traditional characters, and wants
exactly the chair's offices in that division. Divisions whose name two divisions share (南山区) are
left out: nothing in these texts tells which is meant, and there no fact is the right answer (tested
apart).
"""

from __future__ import annotations

import opencc
import pytest

from kg.chinese import to_simplified
from kg.corpus import parse_document
from kg.extract import extract_document
from kg.gazetteer import SEARCHED_FORM, TRADITIONAL_SEARCHED, load

import metamorphic as mm


def _chair_division(text: str) -> str | None:
    ex = extract_document(parse_document(text.encode(), "t.txt"))
    return next((o.body.division.code for o in ex.offices if to_simplified(o.person) == "孙大伟"), None)


@pytest.mark.parametrize("template", mm.RESOLUTION_TEMPLATES, ids=lambda t: t.key)
def test_level_word_resolves_to_the_named_division_of_any_kind(template):
    cases = mm.sweep(templates=(template,), per_kind=25, scripts=("simplified", "traditional"))
    assert len({c.division.kind for c in cases}) >= 6 and len(cases) > 150  # the sample holds every kind it can
    failed = [(c.outcome, c.division.name, c.division.kind, c.text[:40]) for c in cases if not c.ok]
    assert not failed, failed[:10]


@pytest.mark.parametrize("level, expected", [("市", "东港市"), ("区", "东港区"), ("县", None)])
def test_an_ambiguous_dateline_is_decided_by_the_level_word(level, expected):
    # 东港 is 东港市 (丹东) and 东港区 (日照): only the level word of the body tells which
    ex = extract_document(parse_document(f"本报东港讯 {level}政协主席孙大伟主持会议。".encode(), "t.txt"))
    got = [o.body.division.name for o in ex.offices]
    assert got == ([expected] if expected else [])
    if expected is None:
        assert [u.person for u in ex.unresolved] == ["孙大伟"]


def test_an_ambiguous_name_gives_no_fact():
    # 南山区: 深圳 and 鹤岗; the text says nothing more
    ex = extract_document(parse_document("近日，南山区政协组织委员视察。\n\n区政协主席孙大伟表示。".encode(), "t.txt"))
    assert ex.offices == []
    assert [u.person for u in ex.unresolved] == ["孙大伟"]
    # and the city decides it
    ex = extract_document(parse_document("近日，鹤岗市南山区政协组织委员视察。\n\n区政协主席孙大伟表示。".encode(), "t.txt"))
    assert [o.body.division.code for o in ex.offices] == [next(d.code for d in load().lookup("南山区") if d.parent == "230400")]


def test_a_name_two_divisions_of_the_province_share_gives_no_fact():
    # 铁西区: 沈阳 and 鞍山 in 辽宁, 四平 in 吉林
    def chair(text):
        return _chair_division(text)
    assert chair("近日，辽宁省铁西区政协组织委员视察。区政协主席孙大伟表示。") is None
    assert chair("近日，吉林省铁西区政协组织委员视察。区政协主席孙大伟表示。") == "220302"
    assert chair("近日，辽宁省沈阳市铁西区政协组织委员视察。区政协主席孙大伟表示。") == "210106"


def test_the_visitors_chair_is_not_the_destinations():
    # 「县政协主席甲率队来乙县」: the clause before 来 is the visitors'; the host who accompanies is 乙县's
    ex = extract_document(parse_document("县政协主席孙大伟率队来永靖县考察。县政协副主席李明华陪同。".encode(), "t.txt"))
    assert [(o.person, o.body.division.name) for o in ex.offices] == [("李明华", "永靖县")]
    assert [u.person for u in ex.unresolved] == ["孙大伟"]
    # 「近年来永靖县」 is no arrival
    assert _chair_division("近年来永靖县政协主席孙大伟积极履职。") == "622923"


def test_a_short_form_before_a_body_word_is_no_town():
    # 镇 (town) marks another organisation's body, but not inside 镇康/镇巴
    ex = extract_document(parse_document("镇康政协主席孙大伟主持会议。镇巴县委书记李明华出席。".encode(), "t.txt"))
    assert sorted((o.person, o.body.division.name) for o in ex.offices) == [("孙大伟", "镇康县"), ("李明华", "镇巴县")]
    assert extract_document(parse_document("镇政协主席孙大伟主持会议。".encode(), "t.txt")).offices == []


def test_searched_form_table_matches_opencc():
    """Every gazetteer name that OpenCC's t2s changes is indexed in its changed form: the table
    kg.gazetteer.SEARCHED_FORM must say exactly what to_simplified does to official names."""
    gaz = load()
    for text in {a.text for forms in gaz.aliases.values() for a in forms}:
        assert to_simplified(text) == text.translate(SEARCHED_FORM), text


def test_every_name_printed_in_traditional_characters_is_found():
    """OpenCC's s2t then t2s (what a traditional-script page goes through) gives every name back,
    or a form the gazetteer also indexes (TRADITIONAL_SEARCHED: 濬县 for 浚县)."""
    gaz = load()
    to_traditional = opencc.OpenCC("s2t")
    expected = {}
    for text in {a.text for forms in gaz.aliases.values() for a in forms}:
        searched = to_simplified(to_traditional.convert(text))
        assert text in {a.text for a in gaz.aliases.get(searched, [])}, (text, searched)
        if searched not in (text, text.translate(SEARCHED_FORM)):
            expected[text] = searched
    assert expected == TRADITIONAL_SEARCHED


def test_a_place_only_mentioned_does_not_override_the_dateline():
    # the paper's city (dateline) against a county-level city the delegation inspected
    text = ("遵义日报讯 11月25日，市政协组织委员视察。以市政协副主席甲乙丙为团长的视察团视察了赤水市第一中学；"
            "以市政协副主席孙大伟为团长的视察团视察了仁怀市。")
    assert _chair_division(text) == "520300"
    # another city's committee named in between does override it
    text2 = "遵义日报讯 市政协组织视察。赤水市政协主席李明华陪同。市政协副主席孙大伟出席。"
    assert _chair_division(text2) == "520381"


def test_the_other_side_of_a_meeting_is_not_the_reports_committee():
    text = ("孙大伟副主席率专委会一行7人赴昆明，与云南省政协进行对口交流。云南省政协主席李明华看望了考察组成员。"
            "\n\n省政协副秘书长王刚参加。")
    ex = extract_document(parse_document(text.encode(), "t.txt"))
    got = {(o.person, o.role): o.body.division.name for o in ex.offices}
    assert got == {("李明华", "主席"): "云南省"}  # neither the visitor nor his secretary-general is 云南's
    assert {u.person for u in ex.unresolved} == {"孙大伟", "王刚"}
    # without the meeting, the report's committee is the one named
    plain = "云南省政协主席李明华主持会议。孙大伟副主席出席。"
    ex = extract_document(parse_document(plain.encode(), "t.txt"))
    assert {(o.person, o.body.division.name) for o in ex.offices} == {("李明华", "云南省"), ("孙大伟", "云南省")}


@pytest.mark.parametrize("stem, city", [("长沙", "430100"), ("岳阳", "430600"), ("乌鲁木齐", "650100"), ("承德", "130800")])
def test_a_short_form_a_city_shares_with_its_county_is_the_citys(stem, city):
    assert _chair_division(f"{stem}政协主席孙大伟主持会议。") == city


def test_a_short_form_two_unrelated_divisions_share_gives_no_fact():
    assert _chair_division("新兴政协主席孙大伟主持会议。") is None  # 新兴县 (云浮) and 新兴区 (七台河)


@pytest.mark.parametrize("url, text, expected", [
    # a city's site printing the province's committee by its level word
    ("http://wzzx.wenzhou.gov.cn/art/2021/2/23/a.html", "省政协副主席孙大伟率调研组来我市调研。", "330000"),
    # a portal's provincial section
    ("http://www.example.com/news/gansu/2023/a.html", "省政协主席孙大伟主持会议。", "620000"),
    # a county's own site, with the committee's affix
    ("http://www.gaotaizx.gov.cn/a.html", "县政协主席孙大伟主持会议。", "620724"),
    # a banner's site with its level's and the committee's affixes
    ("http://www.alukeerqinqizx.gov.cn/a.html", "旗政协主席孙大伟主持会议。", "150421"),
    ("http://zx.etuokeqianqi.gov.cn/a.html", "旗政协主席孙大伟主持会议。", "150623"),
    # two divisions read so (竹山县 十堰, 珠山区 景德镇): none
    ("http://www.zhushan.cn/p/1.html", "市政协主席孙大伟主持会议。", None),
    # a national site's sections name no division
    ("http://www.news.cn/politics/art/a.html", "省政协主席孙大伟主持会议。", None),
    # a county's site named by initials after its province's (四川 sc, 丹棱 dl); its city for 市政协
    ("https://www.scdl.gov.cn/info/3002/1.htm", "县政协主席孙大伟主持会议。", "511424"),
    ("https://www.scdl.gov.cn/info/3002/1.htm", "市政协主席孙大伟一行调研。", "511400"),
    # a province's committee's or congress's initials are no county (湖南/河南/海南 hn, 政协 zx)
    ("http://www.hnzx.gov.cn/a.html", "县政协主席孙大伟主持会议。", None),
    # initials that several counties of the province share: none (湖北/河北 hb, 大冶 dy ...)
    ("http://www.hbdy.gov.cn/a.html", "县政协主席孙大伟主持会议。", None),
])
def test_the_publishing_site_places_a_text_that_names_no_division(url, text, expected):
    from kg.extract import with_metadata

    ex = extract_document(with_metadata(parse_document(text.encode(), "a.txt"), {"url": url}))
    assert [o.body.division.code for o in ex.offices] == ([expected] if expected else [])


@pytest.mark.parametrize("abbreviation, province", [("宁", "640000"), ("琼", "460000"), ("桂", "450000"), ("黔", "520000")])
def test_members_residing_in_a_province_place_its_committee(abbreviation, province):
    # 「住宁全国政协委员」: national members residing in 宁夏; the visited region is not home
    text = (f"住{abbreviation}全国政协委员活动召集人、自治区政协主席孙大伟率住{abbreviation}全国政协委员考察团赴西藏自治区考察。"
            if province in ("640000", "450000") else
            f"住{abbreviation}全国政协委员活动召集人、省政协主席孙大伟率考察团赴云南省考察。")
    assert _chair_division(text) == province


def test_province_abbreviations_name_provinces():
    from kg.gazetteer import PROVINCE_ABBREVIATIONS

    gaz = load()
    assert all(gaz.get(code).level == "province" for code in PROVINCE_ABBREVIATIONS.values())
    assert len(set(PROVINCE_ABBREVIATIONS.values())) == 33  # 31 provinces, Hong Kong, Macau (台湾: none here)


def test_a_division_inside_a_name_is_none():
    # 「赵立新和县委」: 新和县 is a county of 新疆, and 新和 its short form; here they are a name and a conjunction
    ex = extract_document(parse_document("县政协主席赵立新和县委书记李明华出席。永靖县".encode(), "t.txt"))
    assert {(o.person, o.body.division.code) for o in ex.offices} == {("赵立新", "622923"), ("李明华", "622923")}
    assert _chair_division("新和县政协主席孙大伟出席。") == "652925"


def test_visitors_to_us_are_never_home():
    # 「甲市政协…来我市」 in the host's paper: the visitors' city, wherever named again, is not the 市 of the
    # host's officers; the paper's site places them
    from kg.extract import with_metadata

    text = "北京市政协副主席王刚一行来我市考察。\n\n考察组参观了北京市对口帮扶项目。市政协主席李明华陪同。"
    ex = extract_document(with_metadata(parse_document(text.encode(), "a.txt"), {"url": "http://www.lanzhou.gov.cn/a.html"}))
    assert {(o.person, o.body.division.name) for o in ex.offices} == {("王刚", "北京市"), ("李明华", "兰州市")}
    ex = extract_document(parse_document(text.encode(), "a.txt"))
    assert {(o.person, o.body.division.name) for o in ex.offices} == {("王刚", "北京市")}


def test_a_division_inside_one_word_is_that_words():
    # jieba keeps 「中共山东省委」 as one word: 山东省 is inside it, not across words
    ex = extract_document(parse_document("中共山东省委常委王刚出席会议。".encode(), "t.txt"))
    assert {(o.person, o.role, o.body.division.code) for o in ex.offices} == {("王刚", "常委", "370000")}


@pytest.mark.parametrize("text, expected", [
    ("涉县委书记孙大伟出席会议。", "130426"),  # jieba: 涉/县委书记
    ("河北省邯郸市磁县委书记孙大伟出席会议。", "130427"),
    ("会上，芒市委书记孙大伟讲话。", "533103"),
    ("应县委邀请，孙大伟作报告。县委书记孙大伟主持。", None),  # 应: a preposition, not 应县
    ("新县委书记孙大伟到任。", None),  # the new county secretary, not 新县's
    ("代县委书记孙大伟主持会议。", None),  # acting
])
def test_a_two_character_county_before_its_party_committee(text, expected):
    ex = extract_document(parse_document(text.encode(), "t.txt"))
    got = {o.body.division.code for o in ex.offices if o.person == "孙大伟" and o.body.kind == "党委"}
    assert got == ({expected} if expected else set())


def test_a_county_level_city_after_its_city_is_the_committees():
    # jieba: 山南/市错/那/市政协; the committee named is 错那市's, and so is 「市政协」 after it
    text = "近日，山南市错那市政协组织委员视察。\n\n市政协主席孙大伟表示，要加强团结。"
    assert _chair_division(text) == "540581"


@pytest.mark.parametrize("text, expected", [
    # a city's committee visits one of its districts: the district's bodies are the hosts', the 市 the district's city
    ("本报讯 市政协主席孙大伟率调研组到吉阳区调研。区委书记李明华、区政协主席张国强陪同。",
     {("孙大伟", "460200"), ("李明华", "460203"), ("张国强", "460203")}),
    ("市政协到吉阳区开展专题调研\n\n本报讯 市政协主席孙大伟率调研组到区里调研。区委书记李明华陪同。",
     {("孙大伟", "460200"), ("李明华", "460203")}),
    ("省政协主席孙大伟到礼县调研。县委书记李明华陪同。", {("孙大伟", "620000"), ("李明华", "621226")}),
    # the destination written with its city: the visitors are another city's, not placed
    ("市政协主席孙大伟率队赴上海市浦东新区考察。区政协主席张国强陪同。", {("张国强", "310115")}),
    # a committee of the destination's own level went there: its 县政协 is not the destination's
    ("县政协主席孙大伟率队赴礼县考察。县政协副主席张国强参加。", set()),
])
def test_the_place_visitors_went_to_places_its_hosts_and_lies_in_the_visitors_city(text, expected):
    ex = extract_document(parse_document(text.encode(), "t.txt"))
    assert {(o.person, o.body.division.code) for o in ex.offices} == expected


@pytest.mark.parametrize("text, expected", [
    # a province named only in running text by its short form, which a prefecture shares (海南省, 海南藏族自治州)
    ("省政协主席孙大伟主持会议，要求委员为海南自贸港建设建言献策，更好服务海南高质量发展。", "460000"),
    ("本报海南讯 州政协主席孙大伟主持会议。", "632500"),  # a dateline: the level word decides
    ("州政协主席孙大伟主持会议，推动海南高质量发展。", None),  # running text names no prefecture
])
def test_a_provinces_short_form_in_running_text_is_the_provinces(text, expected):
    assert _chair_division(text) == expected


def test_a_provinces_short_form_shared_with_a_county_is_the_province():
    # 「海南日报讯」: 海南 is 海南省 (not 海南区 of 乌海, nor 海南藏族自治州); 河北/河南 alike
    for paper, province in (("海南日报讯", "460000"), ("河北日报讯", "130000"), ("河南日报讯", "410000")):
        text = f"{paper}（记者 张三）近日，省政协主席孙大伟主持会议。区政协主席李明华发言。"
        ex = extract_document(parse_document(text.encode(), "p.txt"))
        assert {(o.person, o.body.division.code) for o in ex.offices} == {("孙大伟", province)}


def test_a_headline_visit_of_a_committee_to_a_division_of_its_own():
    from kg.extract import with_metadata

    text = "海南日报讯（记者 张三）近日，市政协主席孙大伟一行调研。区委书记李明华，区政协主席王刚陪同。"

    def placed(title):
        ex = extract_document(with_metadata(parse_document(text.encode(), "v.txt"), {"title": title}))
        return {(o.person, o.body.division.code) for o in ex.offices}

    # a city's committee visiting one of its districts: the district hosts, the city is the visitors'
    assert placed("市政协主席孙大伟到美兰区调研") == {("孙大伟", "460100"), ("李明华", "460108"), ("王刚", "460108")}
    # a committee visiting a division of its own level: the destination is no home
    assert placed("区政协一行赴美兰区考察") == set()


def test_a_division_named_later_through_its_city():
    # 「酒泉市玉门市」 named only after the bare 市政协: the county-level city, not two candidates
    text = "日前,市政协主席孙大伟带队调研。孙大伟指出,要为酒泉市玉门市的高质量发展贡献力量。"
    assert _chair_division(text) == "620981"
    # two cities listed: no guess
    assert _chair_division("日前,市政协主席孙大伟带队调研。孙大伟指出,酒泉市、玉门市要加强合作。") is None
