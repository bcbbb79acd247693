"""Biographies: every date form of a résumé, the posts of a line, current posts, demographics.

The résumés are made up (people and careers); the places are real divisions, so that resolution
places the bodies. Each case lists the spells kg must give as (role, body, division, start, end,
current), and nothing else in the six bodies.
"""

from __future__ import annotations

import pytest

from kg.chinese import key_form
from kg.corpus import parse_document
from kg.extract import extract_document, with_metadata
from kg.extract.biography import date_at


def spells(text: str, date: str | None = None) -> set[tuple]:
    doc = parse_document(text.encode("utf-8"), "bio.txt")
    if date:
        doc = with_metadata(doc, {"date": date})
    ex = extract_document(doc)
    return {(s.role, s.body.kind, s.body.division.name, s.start, s.end, s.current) for s in ex.spells}


def people(text: str):
    return extract_document(parse_document(text.encode("utf-8"), "bio.txt")).people


INTRO = "李文华，男，汉族，1965年3月生，甘肃临泽人，中共党员，1987年7月参加工作，大学学历。\n"

CASES = {
    "dot ranges with an em dash, posts split, body carried along the line": (
        INTRO + "2011.03—2016.09 高台县委副书记、县长\n2016.09—2021.10 高台县委书记\n",
        {("副书记", "党委", "高台县", "2011-03", "2016-09", False), ("县长", "政府", "高台县", "2011-03", "2016-09", False),
         ("书记", "党委", "高台县", "2016-09", "2021-10", False)}),
    "month ranges with 至": (
        INTRO + "2016年9月至2021年10月 张掖市委常委、统战部部长\n",
        {("常委", "党委", "张掖市", "2016-09", "2021-10", False), ("部长", "党委", "张掖市", "2016-09", "2021-10", False)}),
    "dot ranges with a hyphen and a double hyphen": (
        INTRO + "1998.10-2002.10 临泽县副县长\n2002.10--2006.03 临泽县委常委、常务副县长\n",
        {("副县长", "政府", "临泽县", "1998-10", "2002-10", False),
         ("常委", "党委", "临泽县", "2002-10", "2006-03", False),
         ("常务副县长", "政府", "临泽县", "2002-10", "2006-03", False)}),
    "a range of years only": (
        INTRO + "2002—2006年 山丹县县长\n",
        {("县长", "政府", "山丹县", "2002", "2006", False)}),
    "year-only narrative; an end read from the next move": (
        "李文华，男，1960年生。1992年任高台县副县长，1998年任临泽县县长，2003年任张掖市副市长。\n",
        {("副县长", "政府", "高台县", "1992", "1998", False), ("县长", "政府", "临泽县", "1998", "2003", False),
         ("副市长", "政府", "张掖市", "2003", None, True)}),
    # a membership of the city's committee does not end the county post; the move to another county does
    "次年 and a bare month of the same year": (
        "李文华，女，1962年生。2002年12月任民乐县代县长，次年1月任民乐县县长；2008年6月任张掖市委常委，7月任山丹县委书记。\n",
        {("代县长", "政府", "民乐县", "2002-12", "2003-01", False), ("县长", "政府", "民乐县", "2003-01", "2008-07", False),
         ("常委", "党委", "张掖市", "2008-06", None, True), ("书记", "党委", "山丹县", "2008-07", None, True)}),
    "study in 其间 is no post; an election date adds none": (
        INTRO + "2006.03-2011.03 临泽县委副书记、县长（2006.12当选）（其间：2008.09-2009.01中央党校学习）\n",
        {("副书记", "党委", "临泽县", "2006-03", "2011-03", False), ("县长", "政府", "临泽县", "2006-03", "2011-03", False)}),
    "现任 gives current posts without a start": (
        INTRO + "2009.02-2015.06 临泽县委书记\n现任张掖市政协党组书记、主席。\n",
        {("书记", "党委", "临泽县", "2009-02", "2015-06", False), ("党组书记", "政协", "张掖市", None, None, True),
         ("主席", "政协", "张掖市", None, None, True)}),
    "an open range is current": (
        INTRO + "2012.09- 高台县委副书记、县长\n",
        {("副书记", "党委", "高台县", "2012-09", None, True), ("县长", "政府", "高台县", "2012-09", None, True)}),
    "至今 is current": (
        INTRO + "2017年09月——至今，甘肃省人民政府副秘书长\n",
        {("副秘书长", "政府", "甘肃省", "2017-09", None, True)}),
    "Chinese numerals": (
        "李文华，男，一九五二年生。一九八三年任高台县县长，一九九0年任张掖地区行署副专员，二00三年一月任甘肃省副省长。\n",
        {("县长", "政府", "高台县", "1983", "1990", False), ("副专员", "政府", "张掖地区", "1990", "2003-01", False),
         ("副省长", "政府", "甘肃省", "2003-01", None, True)}),
    "a sequence under one date starts its first post only": (
        "李文华，男，1958年生。1984年起任高台县副县长、县长，张掖市副市长，1995年5月任甘肃省水利厅厅长。\n",
        {("副县长", "政府", "高台县", "1984", None, False), ("县长", "政府", "高台县", None, None, False),
         ("副市长", "政府", "张掖市", None, "1995-05", False), ("厅长", "政府", "甘肃省", "1995-05", None, True)}),
    "undated posts (历任……等职)": (
        "李文华，男，1950年生。早年历任高台县副县长、临泽县县长等职。2001年任张掖市市长。\n",
        {("副县长", "政府", "高台县", None, None, False), ("县长", "政府", "临泽县", None, None, False),
         ("市长", "政府", "张掖市", "2001", None, True)}),
    "start-only lines that restate what is held": (
        INTRO + "2003年02月，高台县委常委、副县长。\n2005年06月，高台县委常委、常务副县长。\n"
                "2008年09月，临泽县委副书记、县长。\n2011年10月，临泽县委书记。\n",
        {("常委", "党委", "高台县", "2003-02", "2008-09", False), ("副县长", "政府", "高台县", "2003-02", "2005-06", False),
         ("常务副县长", "政府", "高台县", "2005-06", "2008-09", False), ("副书记", "党委", "临泽县", "2008-09", "2011-10", False),
         ("县长", "政府", "临泽县", "2008-09", "2011-10", False), ("书记", "党委", "临泽县", "2011-10", None, True)}),
    "a parenthesis holding a post of its own (兼任, 挂职)": (
        INTRO + "2005.01-2008.08 张掖市副市长（其间：2006.04-2006.09挂职任甘肃省发展和改革委员会副主任）\n",
        {("副市长", "政府", "张掖市", "2005-01", "2008-08", False),
         ("副主任", "政府", "甘肃省", "2006-04", "2006-09", False)}),
    "posts of schools, firms and mass organisations give no spell": (
        INTRO + "1987.07-1990.03 高台县第一中学教师\n1990.03-1993.05 共青团高台县委书记\n"
                "1993.05-1998.10 高台县副县长\n",
        {("副县长", "政府", "高台县", "1993-05", "1998-10", False)}),
    "traditional characters": (
        "李文華，男，1965年3月生。\n2011.03—2016.09 高臺縣委副書記、縣長\n",
        {("副书记", "党委", "高台县", "2011-03", "2016-09", False), ("县长", "政府", "高台县", "2011-03", "2016-09", False)}),
    "a post no longer held ends": (
        "李文华，男，1955年生。2008年1月起任甘肃省政协常委。2013年1月起不再担任甘肃省政协常务委员职务。\n",
        {("常务委员", "政协", "甘肃省", "2008-01", "2013-01", False)}),
}


def test_today_starts_in_the_documents_month():
    text = "本报兰州电 甘肃省政协委员李文华今天出任张掖市市长。\n李文华，男，1960年生。2015年任临泽县县长。\n"
    got = spells(text, date="2021-01-20")
    assert ("市长", "政府", "张掖市", "2021-01", None, True) in got
    assert ("县长", "政府", "临泽县", "2015", "2021-01", False) in got


def test_heading_bracket_gives_the_current_post():
    text = "李文华[张掖市委书记]\n人物履历\n2012年10月，临泽县委书记。\n2015年03月，张掖市委副书记、市长。\n"
    got = spells(text)
    assert ("书记", "党委", "张掖市", None, None, True) in got
    assert ("市长", "政府", "张掖市", "2015-03", None, True) not in got  # the heading names a later post


def test_two_subjects_keep_their_own_posts():
    text = ("李文华，男，1960年生。2015年任临泽县县长。\n"
            "赵建国，男，土家族，1962年生。2016年任高台县县长。\n")
    doc = parse_document(text.encode(), "bio.txt")
    got = {(s.person, s.role, s.body.division.name) for s in extract_document(doc).spells}
    assert got == {("李文华", "县长", "临泽县"), ("赵建国", "县长", "高台县")}


def test_demographics():
    (p,) = people(INTRO)
    assert (p.person, p.gender, p.ethnicity, p.born, p.party_joined, p.work_started, p.education) == (
        "李文华", "男", "汉族", "1965-03", None, "1987-07", "大学学历")
    assert p.native_place is not None and p.native_place.name == "临泽县" and p.native_place.code == "620723"
    (q,) = people("赵建国，女，回族，1970年10月出生，1999年10月加入中国共产党，研究生学历。\n2016年任高台县县长。\n")
    assert (q.gender, q.ethnicity, q.born, q.party_joined, q.education) == ("女", "回族", "1970-10", "1999-10", "研究生学历")


@pytest.mark.parametrize("intro, expected", [
    ("李文华，女，福建漳州人（在福建厦门出生），1957年9月出生，1975年7月参加工作。",
     ("女", None, "1957-09", "漳州市", None, "1975-07")),
    ("李文华，男，汉族，籍贯河北盐山，1938年生。", ("男", "汉族", "1938", "盐山县", None, None)),
    ("李文华，男，汉族，生于1958年6月，甘肃临泽人，1980年7月入党。", ("男", "汉族", "1958-06", "临泽县", "1980-07", None)),
    ("李文华同志，男，1952.05生，浙江慈溪人，1969.03参加工作，1975.01入党。",
     ("男", None, "1952-05", "慈溪市", "1975-01", "1969-03")),
    ("李文華，男，漢族，1963年10月生，湖北黃梅人，1985年6月加入中國共產黨，1983年7月參加工作。",
     ("男", "汉族", "1963-10", "黄梅县", "1985-06", "1983-07")),
])
def test_demographic_forms(intro, expected):
    """(gender, ethnicity, born, native place, party, work); an ethnicity is no subject of its own."""
    (p,) = people(intro + "\n2016年任高台县县长。\n")
    assert p.person in ("李文华", "李文華")
    native = p.native_place.name if p.native_place is not None else None
    assert (p.gender, p.ethnicity and key_form(p.ethnicity), p.born, native, p.party_joined, p.work_started) == expected


def test_an_ethnicity_is_no_subject():
    got = people("李文华，男，蒙古族，1960年10月生，吉林磐石人。\n2016年任高台县县长。\n")
    assert [p.person for p in got] == ["李文华"]


@pytest.mark.parametrize("text, start, end, open_", [
    ("1998.10-2002.10 ", "1998-10", "2002-10", False),
    ("2004.03—2005.01", "2004-03", "2005-01", False),
    ("1986.09--1990.08", "1986-09", "1990-08", False),
    ("1972年12月-1974年8月", "1972-12", "1974-08", False),
    ("1984年07月——1986年09月", "1984-07", "1986-09", False),
    ("2016年9月至2021年10月", "2016-09", "2021-10", False),
    ("2002—2006年", "2002", "2006", False),
    ("2002年", "2002", None, False),
    ("一九七四年五月至一九八三年十月", "1974-05", "1983-10", False),
    ("二00三年一月", "2003-01", None, False),
    ("2012.09-", "2012-09", None, True),
    ("2009.02—— ", "2009-02", None, True),
    ("2017年09月——至今", "2017-09", None, True),
    ("2011年10 月", "2011-10", None, False),
])
def test_date_forms(text, start, end, open_):
    d = date_at(text, 0)
    assert (d.start, d.end, d.open) == (start, end, open_)


def test_dates_that_are_no_career_item():
    assert date_at("1963年10月出生", 0).start == "1963-10"  # a date, but the item reader skips births
    assert spells("李文华，男，1963年10月出生，1983年7月参加工作。\n") == set()


def test_a_later_clause_without_a_date_is_a_later_post():
    got = spells("李文华，男，1958年生。2001年任高台县县长，后任临泽县委书记。2009年任张掖市副市长。\n")
    assert got == {("县长", "政府", "高台县", "2001", None, False), ("书记", "党委", "临泽县", None, "2009", False),
                   ("副市长", "政府", "张掖市", "2009", None, True)}


def test_elected_at_a_session():
    got = spells("李文华，男，1958年生。2003年1月在甘肃省第十届人民代表大会第一次会议上当选为甘肃省省长。\n")
    assert got == {("省长", "政府", "甘肃省", "2003-01", None, True)}


def test_news_dates_a_post_of_a_named_person():
    text = ("本报讯 张掖市政协主席李文华出席会议。\n"
            "李文华2003年任高台县县长，2008年任张掖市副市长，2016年当选张掖市政协主席。\n")
    got = spells(text)
    assert ("县长", "政府", "高台县", "2003", "2008", False) in got
    assert ("主席", "政协", "张掖市", "2016", None, True) in got


# forms of tests/data/bio2 (made-up people; the forms as those pages print them)
NEW_FORMS = {
    "items on one line, year ranges and an open bare year": (
        "李文华，男，汉族，1955年4月生。 李文华简历 1978-1982年 兰州大学学习 1998-2003年 张掖市委书记 2003- 甘肃省委副书记\n",
        {("书记", "党委", "张掖市", "1998", "2003", False), ("副书记", "党委", "甘肃省", "2003", None, True)}),
    "次月, and a day after the month": (
        "李文华，男，1960年生。2012年5月，李文华任临泽县县长，次月任张掖市委常委。2015年3月11日起任张掖市副市长。\n",
        {("县长", "政府", "临泽县", "2012-05", "2015-03", False), ("常委", "党委", "张掖市", "2012-06", None, True),
         ("副市长", "政府", "张掖市", "2015-03", None, True)}),
    "N年后 and N个月后 counted from the date before": (
        "李文华，男，1960年生。2007年，李文华出任高台县委常委、常务副县长。四年后，他调任临泽县县长。\n",
        {("常委", "党委", "高台县", "2007", "2011", False), ("常务副县长", "政府", "高台县", "2007", "2011", False),
         ("县长", "政府", "临泽县", "2011", None, True)}),
    "年初 keeps the year": (
        "李文华，男，1960年生。2016年初任民乐县县长。\n",
        {("县长", "政府", "民乐县", "2016", None, True)}),
    "a day of a later month in the same year": (
        "李文华，男，1960年生。2020年7月任临泽县县长。8月2日，李文华任张掖市副市长。\n",
        {("县长", "政府", "临泽县", "2020-07", "2020-08", False), ("副市长", "政府", "张掖市", "2020-08", None, True)}),
    "由某县调任 and a verb after a place": (
        "李文华，男，1960年生。1999年2月，李文华由临泽县调任张掖市民政局副局长。2003年1月，李文华北上甘肃任省民政厅厅长。\n",
        {("副局长", "政府", "张掖市", "1999-02", "2003-01", False), ("厅长", "政府", "甘肃省", "2003-01", None, True)}),
    "先后任 after a first clause: a sequence": (
        "李文华，男，1960年生。2006年11月，李文华离开省直机关到地方任职，先后任张掖市委副书记、张掖市市长、武威市委书记等职。"
        "2012年5月，李文华担任甘肃省委秘书长。\n",
        {("副书记", "党委", "张掖市", "2006-11", None, False), ("市长", "政府", "张掖市", "2006-11", None, False),
         ("书记", "党委", "武威市", None, "2012-05", False), ("秘书长", "党委", "甘肃省", "2012-05", None, True)}),
}


@pytest.mark.parametrize("text, who, born", [
    ("临泽县委书记、县长李文华出生于1968年。2016年任临泽县县长。\n", "李文华", "1968"),
    ("1965年4月出生的李文华此前任甘肃省民政厅厅长。\n", "李文华", "1965-04"),
    ("接任甘肃省委书记的李文华，出生于1957年。2016年任张掖市市长。\n", "李文华", "1957"),
])
def test_subjects_introduced_by_a_birth_after_a_title(text, who, born):
    got = {p.person: p.born for p in people(text)}
    assert got.get(who) == born


def test_demographics_from_a_later_fuller_intro():
    text = ("年龄最小的是临泽县委书记李文华，生于1975年11月。\n"
            "李文华，男，39岁（1975年11月出生），汉族，甘肃高台人，1996年6月入党，1996年8月参加工作。现任临泽县委书记。\n")
    (p,) = [p for p in people(text) if p.person == "李文华"]
    assert (p.gender, p.born, p.party_joined, p.work_started, p.native_place.name) == ("男", "1975-11", "1996-06", "1996-08", "高台县")


def test_each_clause_keeps_the_person_it_names():
    text = ("李文华，男，1957年生。赵建国，男，1955年生。\n"
            "1999年6月至2001年9月，赵建国担任甘肃省委常委，2001年调任张掖市委书记。\n")
    doc = parse_document(text.encode(), "bio.txt")
    got = {(s.person, s.role, s.body.division.name) for s in extract_document(doc).spells}
    assert got == {("赵建国", "常委", "甘肃省"), ("赵建国", "书记", "张掖市")}


def test_an_until_parenthesis_ends_the_post_before_it():
    got = spells("李文华，男，1955年生。 李文华简历 2012- 甘肃省委副书记，张掖市委书记（至2012年11月） 2013年3月11日起 任甘肃省政协主席\n")
    assert ("书记", "党委", "张掖市", "2012", "2012-11", False) in got
    assert ("主席", "政协", "甘肃省", "2013-03", None, True) in got


def test_an_announced_appointment_starts_in_the_documents_month():
    text = ("11日上午，张掖市召开全市领导干部大会，宣布省委决定：李文华任张掖市委委员、常委、书记；免去赵建国张掖市委书记职务。\n"
            "李文华，男，1970年生，此前任临泽县县长。\n")
    got = spells(text, date="2020-01-11")
    for role in ("委员", "常委", "书记"):
        assert (role, "党委", "张掖市", "2020-01", None, True) in got


def test_a_clause_that_gives_a_post_up_ends_it_for_the_person_it_names():
    text = ("李文华，男，1957年生。赵建国，男，1955年生。\n"
            "2013年起，赵建国担任张掖市市长。\n2016年10月31日，赵建国辞去张掖市长职务，李文华任张掖市副市长、代市长。\n")
    doc = parse_document(text.encode(), "bio.txt")
    got = {(s.person, s.role, s.start, s.end) for s in extract_document(doc).spells}
    assert ("赵建国", "市长", "2013", "2016-10") in got
    assert ("李文华", "副市长", "2016-10", None) in got and ("李文华", "代市长", "2016-10", None) in got


def test_a_transfer_ends_the_post_before_it():
    got = spells("李文华，男，1960年生。2010年出任临泽县委常委、常务副县长，2012年当选为临泽县县长，五年后转任临泽县委书记。\n")
    assert ("县长", "政府", "临泽县", "2012", "2017", False) in got
    assert ("书记", "党委", "临泽县", "2017", None, True) in got


def test_a_post_held_at_the_time_is_not_current():
    text = "李文华，男，1960年生。2016年任临泽县县长，四个月后转任临泽县委书记。\n时任临泽县委书记李文华出席。\n"
    got = spells(text)
    assert ("书记", "党委", "临泽县", "2016", None, True) in got
    assert ("书记", "党委", "临泽县", None, None, False) not in got


def test_a_page_title_does_not_reopen_a_post_the_resume_ends():
    got = spells("李文华[甘肃省委书记]\n个人履历\n2002-2012年甘肃省委书记\n")
    assert got == {("书记", "党委", "甘肃省", "2002", "2012", False)}


@pytest.mark.parametrize("intro", [
    "姓名：李文华\n性别：男\n民族：汉族\n出生年月：1968.10\n籍贯：甘肃临泽\n入党时间：1990.07\n参加工作时间：1990.07\n学历：大学\n",
    "李文华（男，汉族，1968年10月生，甘肃临泽人，1990年7月入党，1990年7月参加工作）\n",
])
def test_table_and_parenthesis_headers(intro):
    (p,) = people(intro + "2016年任高台县县长。\n")
    assert (p.person, p.gender, key_form(p.ethnicity), p.born, p.native_place.name, p.party_joined, p.work_started) == (
        "李文华", "男", "汉族", "1968-10", "临泽县", "1990-07", "1990-07")


def test_divisions_sharing_one_title():
    got = spells("李文华，男，1955年生。2003年起历任张掖市、武威市、酒泉市市委书记。2012年1月任甘肃省政协副主席。\n")
    assert got == {("书记", "党委", "张掖市", "2003", None, False), ("书记", "党委", "武威市", None, None, False),
                   ("书记", "党委", "酒泉市", None, "2012-01", False), ("副主席", "政协", "甘肃省", "2012-01", None, True)}


def test_one_date_for_each_title():
    got = spells("李文华，男，1955年生。一九九三年三月、一九九八年三月，被任命为人事部副部长、部长。\n")
    assert got == {("副部长", "政府", "全国", "1993-03", "1998-03", False), ("部长", "政府", "全国", "1998-03", None, True)}


# forms of tests/data/bio3 and of the dev résumés' townships (made-up people and townships)
TOWN_FORMS = {
    "a township's Party and government posts, the body carried along the line": (
        "李文华，男，1965年生。\n1996.01-1998.01 高台县南华镇党委副书记、镇长\n1998.01-2000.01 临泽县沙河镇党委书记、人大主席\n",
        {("副书记", "党委", "南华镇", "1996-01", "1998-01", False), ("镇长", "政府", "南华镇", "1996-01", "1998-01", False),
         ("书记", "党委", "沙河镇", "1998-01", "2000-01", False), ("主席", "人大", "沙河镇", "1998-01", "2000-01", False)}),
    "a commune's revolutionary committee and a county's district of the past": (
        "李文华，男，1950年生。1976年起任高台县新坝公社党委书记、革委会主任，高台县巷道区委副书记、区长。\n",
        {("书记", "党委", "新坝公社", "1976", None, False), ("主任", "政府", "新坝公社", "1976", None, False),
         ("副书记", "党委", "巷道区", None, None, False), ("区长", "政府", "巷道区", None, None, True)}),
    "two communes sharing one suffix and the titles after it": (
        "李文华，男，1950年生。1974年起任高台县新坝、黑泉公社党委副书记、革委会副主任。\n",
        {("副书记", "党委", "新坝公社", "1974", None, False), ("副书记", "党委", "黑泉公社", None, None, False),
         ("副主任", "政府", "新坝公社", "1974", None, False), ("副主任", "政府", "黑泉公社", None, None, True)}),
}


def test_appointed_at_a_session_after_a_sequence_and_a_whos_who_entry():
    text = ("李文华 （1945.4— ） 张掖市委书记。\n甘肃临泽人。1985年起任高台县委副书记、县长，临泽县委书记。"
            "1993年3月在临泽县人大一次会议上当选为临泽县县长。1997年9月在张掖市委全会上当选为张掖市委书记。\n")
    got = spells(text)
    assert ("县长", "政府", "临泽县", "1993-03", "1997-09", False) in got
    assert ("书记", "党委", "张掖市", "1997-09", None, True) in got
    (p,) = people(text)
    assert p.born == "1945-04"


def test_earlier_posts_listed_before_the_first_date_of_a_sentence():
    got = spells("李文华生于1953年，甘肃临泽人，曾任高台县县长、临泽县委书记，2010年至2012年任张掖市委副书记、市长。\n")
    assert got == {("县长", "政府", "高台县", None, None, False), ("书记", "党委", "临泽县", None, None, False),
                   ("副书记", "党委", "张掖市", "2010", "2012", False), ("市长", "政府", "张掖市", "2010", "2012", False)}


def test_a_holder_with_a_career_in_the_rest_of_the_sentence_is_a_subject():
    got = spells("本报讯\n  甘肃省政协主席李文华此前曾长期在统战系统工作，2003年到2012年任张掖市委书记，2012年6月任甘肃省政协主席。\n")
    assert got == {("书记", "党委", "张掖市", "2003", "2012", False), ("主席", "政协", "甘肃省", "2012-06", None, True)}


@pytest.mark.parametrize("date, start", [("2016-02-02", "2015-07"), (None, None)])
def test_last_year_and_this_year_count_from_the_documents_date(date, start):
    text = "李文华，男，1960年生。去年7月，时任临泽县委书记李文华调任高台县委书记。\n"
    assert ("书记", "党委", "高台县", start, None, True) in spells(text, date=date)


def test_a_leads_month_and_day_take_the_documents_year():
    text = "1月12日，甘肃省人民代表大会选举李文华为甘肃省省长。李文华，男，1960年生，2013年4月任甘肃省委副书记。\n"
    got = spells(text, date="2016-02-02")
    assert ("省长", "政府", "甘肃省", "2016-01", None, True) in got
    assert ("副书记", "党委", "甘肃省", "2013-04", None, True) in got


def test_a_government_post_does_not_end_the_party_post_of_the_same_division():
    got = spells("李文华，男，1955年生。2013年4月任甘肃省委副书记，2015年11月任甘肃省代省长。\n")
    assert ("副书记", "党委", "甘肃省", "2013-04", None, True) in got


# subjects the news and the page titles name (made-up people)
@pytest.mark.parametrize("text, who", [
    ("禚文华[张掖市委书记]\n2016年03月,张掖市委书记。\n", "禚文华"),  # a rare surname in a page title with a post
    ("本报讯 现年五十八岁的李文华昨日当选。1995年任张掖市副市长。\n", "李文华"),
    ("张掖市政协主席的人选还有李文华。她在2008年到2010年间任临泽县县长，2010年1月任张掖市政协主席。\n", "李文华"),
    ("拟任张掖市委书记的李文华为现任市长，1972年2月出生于甘肃临泽，2012年3月当选张掖市市长。\n", "李文华"),
    ("本报讯\n张掖市市长李文华此前曾担任过临泽县委书记，2016年任张掖市副市长。\n", "李文华"),
    ("曾任甘肃省委副书记的李文华与之相似，2012年1月他转任甘肃省政协主席。\n", "李文华"),
])
def test_subjects_of_news_and_page_titles(text, who):
    assert {s.person for s in extract_document(parse_document(text.encode("utf-8"), "bio.txt")).spells} == {who}


def test_a_pronoun_sentence_is_the_person_named_before_it():
    text = ("李文华，男，1950年生，2003年任张掖市委书记。从省里调任的还有王建国。他在2008年到2010年间任临泽县县长，"
            "2010年1月任张掖市政协主席。\n")
    ex = extract_document(parse_document(text.encode("utf-8"), "bio.txt"))
    assert {(s.person, s.role, s.start) for s in ex.spells} == {
        ("李文华", "书记", "2003"), ("王建国", "县长", "2008"), ("王建国", "主席", "2010-01")}


def test_divisions_of_the_past_and_short_autonomous_prefectures():
    got = spells("李文华，男，1950年生。\n1975-1980年 吉林省洮安县委常委\n1985.07-1990.02 甘肃省张掖地区行署办公室科员\n"
                 "1995-1998年 吉林省委常委、延边自治州委书记\n")
    assert got == {("常委", "党委", "洮安县", "1975", "1980", False), ("科员", "政府", "张掖地区", "1985-07", "1990-02", False),
                   ("常委", "党委", "吉林省", "1995", "1998", False),
                   ("书记", "党委", "延边朝鲜族自治州", "1995", "1998", False)}


def test_a_short_name_before_an_acting_title_and_an_election_in_a_news_lead():
    text = ("4月17日，在甘肃省人大常委会会议上，李文华被任命为甘肃代省长。李文华生于1964年11月。\n"
            "1月30日，在青海省人民代表大会第四次会议上，代理省长3个月的王建国当选青海省长。王建国，男，1954年生。\n")
    got = spells(text, date="2016-05-02")
    assert ("代省长", "政府", "甘肃省", "2016-04", None, True) in got
    assert ("省长", "政府", "青海省", "2016-01", None, True) in got


def test_a_section_heading_between_the_page_title_and_the_intro():
    (p,) = people("李文华[张掖市委书记]\n人物简介\n男，汉族，1965年3月生，甘肃临泽人，1987年7月参加工作。\n2016年03月,张掖市委书记。\n")
    assert (p.gender, p.born, p.native_place.name, p.work_started) == ("男", "1965-03", "临泽县", "1987-07")


def test_dated_lines_of_even_length_stay_lines():
    lines = ["一九七五年至一九七八年 临泽县沙河公社知青", "一九七八年至一九八二年 兰州大学中文系学习",
             "一九八二年至一九八五年 临泽县委办公室干事", "一九八五年至一九九零年 临泽县人民政府副县长",
             "一九九零年至一九九五年 临泽县委副书记、县长", "一九九五年至二〇〇三年 张掖市人民政府副市长",
             "二〇〇三年至二〇〇八年 张掖市委常委、秘书长", "二〇〇八年至二〇一二年 张掖市政协党组书记"]
    got = spells("李文华，男，汉族，1958年生。\n" + "\n".join(lines) + "\n")
    assert ("副县长", "政府", "临泽县", "1985", "1990", False) in got
    assert ("县长", "政府", "临泽县", "1990", "1995", False) in got


# forms of prose résumés (made-up people; divisions of Qinghai): subjects with no demographics, a
# pronoun or 至今 around the post, the end of an undated succession
PROSE_FORMS = {
    "a pronoun before the date": (
        "马云山，男，1963年生。他1995年任湟源县副县长，她2001年调任湟中县县长。\n",  # the pronoun alone, not its gender
        {("副县长", "政府", "湟源县", "1995", "2001", False), ("县长", "政府", "湟中县", "2001", None, True)}),
    "至今 after the post": (
        "马云山，男，1963年生。2013年任海东市政协主席至今。\n",
        {("主席", "政协", "海东市", "2013", None, True)}),
    "a page title that is a post and its holder, no intro": (
        "海东市政协主席马云山\n1995年任湟源县副县长，2001年调任湟中县县长。2016年当选海东市政协主席。\n",
        {("副县长", "政府", "湟源县", "1995", "2001", False), ("县长", "政府", "湟中县", "2001", "2016", False),
         ("主席", "政协", "海东市", "2016", None, True)}),
    "a name at a clause's head before its dated post": (
        "据了解，马云山1995年任湟源县副县长，2001年调任湟中县县长。\n",
        {("副县长", "政府", "湟源县", "1995", "2001", False), ("县长", "政府", "湟中县", "2001", None, True)}),
    "a succession's last post ends at the next date of its paragraph": (
        "马云山，男，1963年生。历任湟源县副县长、县长、海东市副市长等职，2010年任西宁市委副书记。\n",
        {("副县长", "政府", "湟源县", None, None, False), ("县长", "政府", "湟源县", None, None, False),
         ("副市长", "政府", "海东市", None, "2010", False), ("副书记", "党委", "西宁市", "2010", None, True)}),
    "an early succession, or one ending in another organisation, is not ended": (
        "马云山，男，1963年生。从政早期历任湟源县副县长、县长等职。2005年历任湟中县委副书记、共青团海东市委书记等职，"
        "2010年任西宁市委副书记。\n",
        {("副县长", "政府", "湟源县", None, None, False), ("县长", "政府", "湟源县", None, None, False),
         ("副书记", "党委", "湟中县", "2005", "2010", False), ("副书记", "党委", "西宁市", "2010", None, True)}),
    "a pronoun before an undated succession; 出任; a town printed alone": (
        "马云山，男，1963年生。在家乡，他先后出任大通团县委副书记、书记，长宁镇党委副书记、镇长，后任湟中县委常委。\n",
        {("副书记", "党委", "长宁镇", None, None, False), ("镇长", "政府", "长宁镇", None, None, False),
         ("常委", "党委", "湟中县", None, None, False)}),
    "a succession's last post is not ended past another succession": (
        "马云山，男，1963年生。先后任湟源县副县长、县长。之后，他先后任湟中县委常委、副县长，2011年11月任西宁市副市长。\n",
        {("副县长", "政府", "湟源县", None, None, False), ("县长", "政府", "湟源县", None, None, False),
         ("常委", "党委", "湟中县", None, None, False), ("副县长", "政府", "湟中县", None, "2011-11", False),
         ("副市长", "政府", "西宁市", "2011-11", None, True)}),
    "a date after a closing parenthesis; 同年 inside one": (
        "马云山，男，1963年生。2005年任湟中县副县长，2008年1月调任湟源县县长，(同年12月起任湟源县委书记)2013年1月，"
        "马云山就任海东市政协主席。\n",
        {("副县长", "政府", "湟中县", "2005", "2008-01", False), ("县长", "政府", "湟源县", "2008-01", "2013-01", False),
         ("书记", "党委", "湟源县", "2008-12", None, False), ("主席", "政协", "海东市", "2013-01", None, True)}),
    "a short county name before 副县长": (
        "马云山，男，1963年生。1995年任湟源副县长，2001年任湟中县长。\n",
        {("副县长", "政府", "湟源县", "1995", "2001", False), ("县长", "政府", "湟中县", "2001", None, True)}),
}


@pytest.mark.parametrize("text", [
    "【人物简介】马云山，58岁，大学文化。1995年任湟源县副县长。\n",
    "马云山 男 58岁 大学文化。1995年任湟源县副县长。\n",
    "马云山，年龄58岁，1995年任湟源县副县长。\n",
])
def test_subjects_after_a_bracket_with_spaces_or_an_age_label(text):
    assert spells(text) == {("副县长", "政府", "湟源县", "1995", None, True)}


def test_a_transliterated_name_ends_where_the_text_names_it_again():
    text = ("1950年3月出生的扎西·多吉次仁是唯一的“50后”。自1998年起任青海省政协副主席以来，扎西·多吉次仁已连续任该职15年。\n")
    ex = extract_document(parse_document(text.encode("utf-8"), "bio.txt"))
    assert {s.person for s in ex.spells} == {"扎西·多吉次仁"}


# the session #3 forms of issue 11 (made-up people; real divisions so that resolution places them)
LEAVING_FORMS = {
    "从……任上调任: the posts left end at the date, the new ones start there": (
        "李文华，男，1960年生。2017年，李文华从甘肃省委常委、张掖市委书记任上调任青海省委常委、西宁市委书记。\n",
        {("常委", "党委", "甘肃省", None, "2017", False), ("书记", "党委", "张掖市", None, "2017", False),
         ("常委", "党委", "青海省", "2017", None, True), ("书记", "党委", "西宁市", "2017", None, True)}),
    "从……任上，调赴某地，任……: the move to a place is no post and the clause after it goes on": (
        "李文华，男，1960年生。2017年从甘肃省委常委、张掖市委书记任上，调赴青海，任青海省委常委、西宁市委书记。\n",
        {("常委", "党委", "甘肃省", None, "2017", False), ("书记", "党委", "张掖市", None, "2017", False),
         ("常委", "党委", "青海省", "2017", None, True), ("书记", "党委", "西宁市", "2017", None, True)}),
    "从……的位子上转任, with a pronoun and a short body": (
        "李文华，男，1960年生。2012年1月他从甘肃省委副书记的位子上转任甘肃省政协主席。\n",
        {("副书记", "党委", "甘肃省", None, "2012-01", False), ("主席", "政协", "甘肃省", "2012-01", None, True)}),
    "从……岗位上 in a résumé line": (
        "李文华，男，1960年生。\n2011.03—2016.09 临泽县委书记\n2016.09 从临泽县委书记岗位上调任张掖市副市长\n",
        {("书记", "党委", "临泽县", "2011-03", "2016-09", False), ("副市长", "政府", "张掖市", "2016-09", None, True)}),
    "a bare title opening a later item is the body of the item before it": (
        "李文华，男，1946年生。1992年任临泽县委副书记，1995年任书记，1998年任张掖市委常委，2001年任副书记。\n",
        {("副书记", "党委", "临泽县", "1992", "1995", False), ("书记", "党委", "临泽县", "1995", "2001", False),
         ("常委", "党委", "张掖市", "1998", "2001", False), ("副书记", "党委", "张掖市", "2001", None, True)}),
    "a bare title with a month, after a semicolon": (
        "李文华，男，1946年生。1975年3月任高台县委副书记；1981年5月任书记；1983年8月任张掖市副市长。\n",
        {("副书记", "党委", "高台县", "1975-03", "1981-05", False), ("书记", "党委", "高台县", "1981-05", "1983-08", False),
         ("副市长", "政府", "张掖市", "1983-08", None, True)}),
    "不再担任 in a later clause of the item ends the post": (
        "李文华，男，1945年生。2003年1月任张掖市委副书记，代市长，同年3月当选为市长。2008年3月任张掖市委书记，不再担任市长职务。\n",
        {("副书记", "党委", "张掖市", "2003-01", "2008-03", False), ("代市长", "政府", "张掖市", "2003-01", "2003-03", False),
         ("市长", "政府", "张掖市", "2003-03", "2008-03", False), ("书记", "党委", "张掖市", "2008-03", None, True)}),
}


def test_a_title_and_a_name_then_a_pronoun_clause_with_a_dated_career():
    text = ("多人曾任省会“一把手”\n\n甘肃省长李文华已经有三个省份的任职经历，他仕途起步于家乡青海，"
            "2017年从青海省委常委、西宁市委书记任上，调赴甘肃，任甘肃省委常委、兰州市委书记。\n")
    doc = parse_document(text.encode(), "bio.txt")
    got = {(s.person, s.role, s.body.division.name, s.start, s.end) for s in extract_document(doc).spells}
    assert ("李文华", "书记", "西宁市", None, "2017") in got
    assert ("李文华", "书记", "兰州市", "2017", None) in got


PROSE_SUBJECT_FORMS = {
    "生于……的某某": (
        "生于1955年7月的李文华已经61周岁。曾任甘肃省委常委、兰州市委书记。2008年任青海省委副书记。\n",
        {("常委", "党委", "甘肃省", None, None, False), ("书记", "党委", "兰州市", None, None, False),
         ("副书记", "党委", "青海省", "2008", None, True)}),
    "某某出生在……": (
        "李文华出生在甘肃临泽一个农民家庭。1966年参加工作。1975年任高台县委副书记，1981年任高台县委书记。\n",
        {("副书记", "党委", "高台县", "1975", "1981", False), ("书记", "党委", "高台县", "1981", None, True)}),
    "a title, a name and an ethnicity (「……代主席某某是一名回族女干部」), then pronoun sentences": (
        "宁夏回族自治区政府代主席李文华是一名回族女干部。她是甘肃定西人。\n"
        "1982年，李文华进入甘肃省委统战部。2007年起担任甘肃省副省长。\n",
        {("副省长", "政府", "甘肃省", "2007", None, True)}),
    "在……之前，身兼：the posts listed end at the move, and so do the posts held before it": (
        "李文华，女，1960年生。2007年起担任甘肃省副省长。在2016年6月调到宁夏任职之前，她身兼多个职务：甘肃省委常委，省政府常务副省长。\n",
        {("副省长", "政府", "甘肃省", "2007", "2016-06", False), ("常委", "党委", "甘肃省", None, "2016-06", False),
         ("常务副省长", "政府", "甘肃省", None, "2016-06", False)}),
}


@pytest.mark.parametrize("name", list(PROSE_SUBJECT_FORMS))
def test_prose_subject_and_move_forms(name):
    text, expected = PROSE_SUBJECT_FORMS[name]
    assert {s for s in spells(text) if s[1] in ("党委", "政府", "政协", "人大")} == expected


def test_a_move_before_a_page_year_ends_at_the_documents_year():
    text = ("李文华，女，1960年生。2007年起担任甘肃省副省长。在今年6月调到宁夏任职之前，她身兼多个职务：甘肃省委常委，"
            "省政府常务副省长。\n")
    got = spells(text, date="2016-08-20")
    assert ("常务副省长", "政府", "甘肃省", None, "2016-06", False) in got
    assert ("副省长", "政府", "甘肃省", "2007", "2016-06", False) in got


MORE_PROSE_FORMS = {
    "「调任A，后兼任B」: B has no start of its own and both end at the next move": (
        "李文华，男，1960年生。2006年，李文华调任张掖市委副书记，后兼任市委政法委书记，2011年任酒泉市委书记。\n",
        {("副书记", "党委", "张掖市", "2006", "2011", False), ("书记", "党委", "张掖市", None, "2011", False),
         ("书记", "党委", "酒泉市", "2011", None, True)}),
    "同年底 is a date, not a name (同 is a surname), and it comes after the month it follows": (
        "李文华，男，1981年1月出生。2016年12月，他出任张掖市甘州区委书记。2021年1月，李文华跨市升任酒泉市副市长，"
        "同年底出任酒泉市委常委、市政府副市长。2023年2月，他出任嘉峪关市委副书记。\n",
        {("书记", "党委", "甘州区", "2016-12", "2021-01", False), ("副市长", "政府", "酒泉市", "2021-01", "2023-02", False),
         ("常委", "党委", "酒泉市", "2021", "2023-02", False), ("副书记", "党委", "嘉峪关市", "2023-02", None, True)}),
}


def test_a_leads_month_and_day_date_an_appointment_that_follows_in_its_sentence():
    text = ("“80后”市长再添一位。12月8日下午，张掖市人大常委会举行会议，决定任命李文华为张掖市人民政府副市长，并决定其担任代理市长。\n"
            "公开资料显示，李文华出生于1980年1月。2021年5月，他调任酒泉市委常委、常务副市长。\n")
    got = spells(text, date="2024-12-09")
    assert ("副市长", "政府", "张掖市", "2024-12", None, True) in got
    assert ("代理市长", "政府", "张掖市", "2024-12", None, True) in got


def test_a_lead_that_appoints_the_subject_gives_the_current_post_and_state_offices():
    text = ("在全国人大常委会会议上，李文华被任命为水利部部长。\n"
            "李文华今年55岁，甘肃临泽人。1990年任甘肃省副省长，1998年任国务院副秘书长，2003年任海关总署副署长。\n")
    got = spells(text)
    assert ("部长", "政府", "全国", None, None, True) in got
    assert ("副署长", "政府", "全国", "2003", None, False) in got  # the appointment is the current post
    assert ("副省长", "政府", "甘肃省", "1990", "1998", False) in got


OTHER_ORGANISATION_FORMS = {
    "a start-only line of a league post ends the posts it no longer lists": (
        "李文华，男，汉族，1965年3月生。\n2003年02月，高台县委常委、副县长。\n2005年06月，高台县委常委、常务副县长。\n"
        "2008年09月，共青团张掖市委书记。\n2011年10月，临泽县委书记。\n",
        {("副县长", "政府", "高台县", "2003-02", "2005-06", False), ("常委", "党委", "高台县", "2003-02", "2008-09", False),
         ("常务副县长", "政府", "高台县", "2005-06", "2008-09", False), ("书记", "党委", "临泽县", "2011-10", None, True)}),
    "a dated move to a league post ends the post before it": (
        "李文华，男，1965年生。1999年2月，李文华由临泽县调任张掖市卫生局副局长。2003年1月，担任共青团张掖市委书记。"
        "2011年调任山丹县委书记。\n",
        {("副局长", "政府", "张掖市", "1999-02", "2003-01", False), ("书记", "党委", "山丹县", "2011", None, True)}),
    "a succession headed by a league post dates that post only; a move to a firm ends the last": (
        "李文华，男，1965年生。2011年8月，他调赴地方，先后担任共青团张掖市委书记、张掖市甘州区区长。2014年12月，"
        "李文华回到国企，担任张掖市城市建设投资集团董事长。2016年12月，他出任临泽县委书记。\n",
        {("区长", "政府", "甘州区", None, "2014-12", False), ("书记", "党委", "临泽县", "2016-12", None, True)}),
    "a bare title after a post of another organisation is no post of the six bodies": (
        "李文华，女，1963年生。1987年任临泽县妇联副主席，1993年任主席，1998年任临泽县副县长。\n",
        {("副县长", "政府", "临泽县", "1998", None, True)}),
    "a concurrent post of another organisation ends nothing": (
        "李文华，男，1965年生。2003年1月任高台县委书记。2005年3月兼任高台县人武部第一书记。2008年任张掖市副市长。\n",
        {("书记", "党委", "高台县", "2003-01", "2008", False), ("副市长", "政府", "张掖市", "2008", None, True)}),
}


def test_a_secondment_in_a_qijian_clause_or_parenthesis_keeps_the_post_it_is_held_with():
    line = ("李文华，男，1965年生。\n2005.01-2008.08 张掖市副市长（期间：2006.04-2007.04挂职任甘肃省发展和改革委员会副主任）\n"
            "2008.08-2012.01 张掖市委常委（其间2009年3月至2010年3月挂职任甘肃省水利厅副厅长）\n")
    assert spells(line) == {("副市长", "政府", "张掖市", "2005-01", "2008-08", False),
                            ("副主任", "政府", "甘肃省", "2006-04", "2007-04", False),
                            ("常委", "党委", "张掖市", "2008-08", "2012-01", False),
                            ("副厅长", "政府", "甘肃省", "2009-03", "2010-03", False)}
    prose = ("李文华，男，1965年生。2005年1月任张掖市副市长，期间于2006年4月至2007年4月挂职任甘肃省发展和改革委员会副主任。"
             "2010年8月任酒泉市委副书记。\n")
    assert spells(prose) == {("副市长", "政府", "张掖市", "2005-01", "2010-08", False),
                             ("副主任", "政府", "甘肃省", "2006-04", "2007-04", False),
                             ("副书记", "党委", "酒泉市", "2010-08", None, True)}


def test_an_election_of_a_holder_named_with_an_earlier_post_gives_the_post_after_wei():
    text = ("中新网兰州1月14日电 甘肃省政协十届五次会议14日选举原张掖市委书记李文华为甘肃省政协副主席。\n"
            "李文华，男，汉族，1949年12月生。2003年至2011年任张掖市委书记，2011年任甘肃省人大常委会副主任。\n")
    got = spells(text, date="2013-01-14")
    assert ("副主席", "政协", "甘肃省", "2013-01", None, True) in got
    assert ("副主任", "人大", "甘肃省", "2011", None, False) in got


UNTIL_NOW_FORMS = {
    "直至本次履新: held up to the appointment the lead reports (its month-day, the document's year)": (
        "据报道，1月8日上午，张掖市人大常委会召开会议，决定任命李文华为张掖市副市长、代市长。\n"
        "1965年4月出生的李文华此前任甘肃省科技厅厅长。2016年10月，李文华出任甘肃省科学技术厅党组书记、厅长，直至本次履新。\n",
        {("副市长", "政府", "张掖市", "2021-01", None, True), ("代市长", "政府", "张掖市", "2021-01", None, True),
         ("党组书记", "政府", "甘肃省", "2016-10", "2021-01", False), ("厅长", "政府", "甘肃省", "2016-10", "2021-01", False)}),
    "直至此次被任命为X: X is the current post, undated": (
        "李文华，男，汉族，1974年11月出生。2017年9月任甘肃省环境保护厅党组成员、总工程师，直至此次被任命为张掖市人民政府副市长。\n",
        {("党组成员", "政府", "甘肃省", "2017-09", None, False), ("总工程师", "政府", "甘肃省", "2017-09", None, False),
         ("副市长", "政府", "张掖市", None, None, True)}),
}


@pytest.mark.parametrize("name", list(UNTIL_NOW_FORMS))
def test_held_until_the_appointment_the_text_reports(name):
    text, expected = UNTIL_NOW_FORMS[name]
    assert {s for s in spells(text, date="2021-01-09") if s[1] != "其他"} == expected


def test_a_unit_named_alone_after_a_league_post_is_the_leagues():
    text = ("李文华，男，1965年2月生。历任共青团甘肃省委青农部副部长，共青团甘肃省委常委、组织部部长等职。"
            "1994年1月，李文华到共青团甘肃省委工作，先后任青农部副部长、组织部部长等职。2000年7月，李文华出任共青团甘肃省委副书记。"
            "2003年，李文华接任共青团甘肃省委书记。2006年11月，李文华任张掖市委副书记。2012年5月，李文华担任甘肃省委秘书长，"
            "次月晋升为甘肃省委常委。\n")
    got = spells(text)
    assert not any(s[2] == "全国" for s in got)  # no ministry 青农部 or 组织部 of the state
    assert ("副书记", "党委", "张掖市", "2006-11", "2012-05", False) in got
    assert ("秘书长", "党委", "甘肃省", "2012-05", None, True) in got  # three league items are no restated résumé


def test_a_holder_read_with_the_first_character_of_chusheng_is_the_subject():
    text = "比如，现任临泽县委书记李文出生于1975年，2014年任临泽县县长。栖霞区委书记、区长王建出生于1968年。\n"
    got = {(s.person, s.role, s.body.division.name) for s in extract_document(parse_document(text.encode(), "bio.txt")).spells}
    assert not any(p.endswith("出") for p, _, _ in got)
    assert ("李文", "书记", "临泽县") in got


def test_an_undated_later_move_with_the_name_and_a_path_from_worker_to_posts():
    text = ("接任甘肃省委书记的李文华，出生于上海。从1973年到2007年，从工人到张掖市委常委、甘州区委书记，李文华有34年的从政经验。"
            "此后李文华调任青海省委常委、副省长，后相继担任省委副书记。\n")
    got = spells(text)
    assert ("常委", "党委", "张掖市", None, "2007", False) in got and ("书记", "党委", "甘州区", None, "2007", False) in got
    assert ("常委", "党委", "青海省", None, None, False) in got and ("副省长", "政府", "青海省", None, None, False) in got
    assert ("副书记", "党委", "青海省", None, None, False) in got
    # a range that is the posts' own (「从2003年到2008年，他任某县县长」) keeps its start
    assert ("县长", "政府", "临泽县", "2003", "2008", False) in spells(
        "李文华，男，1960年生。从2003年到2008年，他任临泽县县长。\n")


def test_an_earlier_month_day_and_a_resignation_accepted():
    text = ("李文华，男，1965年生。2016年任张掖市市长。2020年11月18日，张掖市人大常委会会议决定：因工作需要，"
            "接受李文华辞去张掖市人民政府市长职务的请求。此前的9月29日，李文华已跨省赴任青海省委常委、西宁市委书记。\n")
    assert spells(text) == {("市长", "政府", "张掖市", "2016", "2020-11", False),
                            ("常委", "党委", "青海省", "2020-09", None, True),
                            ("书记", "党委", "西宁市", "2020-09", None, True)}


def test_a_time_clause_between_undated_posts_does_not_end_the_career():
    text = ("接任甘肃省委书记的李文华，出生于上海。此后李文华调任青海省委常委、副省长，后相继担任省委副书记，"
            "十八大后的地方大员调整中，李文华任甘肃省长。\n")
    got = spells(text)
    assert ("省长", "政府", "甘肃省", None, None, False) in got and ("副书记", "党委", "青海省", None, None, False) in got


def test_an_obituary_names_its_subject_with_tongzhi_and_lists_undated_posts():
    text = ("李文华同志逝世\n中国人民政治协商会议甘肃省委员会原副主席李文华同志，因病于2026年3月5日在兰州逝世，享年90岁。\n"
            "李文华同志是甘肃临泽人，1949年参加工作。新中国成立后，曾任高台县县长，临泽县委书记，张掖地委副书记，"
            "甘肃省政协副主席等职。\n")
    got = spells(text)
    assert {("县长", "政府", "高台县", None, None, False), ("书记", "党委", "临泽县", None, None, False),
            ("副书记", "党委", "张掖地区", None, None, False), ("副主席", "政协", "甘肃省", None, None, False)} <= got
    # the same list as 「同志是某地人」 only
    assert ("县长", "政府", "高台县", None, None, False) in spells(text.split("\n", 2)[2])


def test_a_heading_post_and_name_names_the_subject_of_the_resume_below():
    text = ("张掖市市长：李文华\n李文华，1960年生，甘肃临泽人。2010年1月任张掖市副市长，2015年3月任张掖市市长。\n\n"
            "酒泉市市长：王建国\n1962年生，甘肃高台人。2012年任酒泉市副市长，2016年2月任酒泉市市长。\n\n"
            "嘉峪关市长 赵明\n男，汉族，1963年生。2013年任嘉峪关市副市长，2017年2月任嘉峪关市市长。\n")
    got = {(s.person, s.role, s.body.division.name, s.start)
           for s in extract_document(parse_document(text.encode(), "bio.txt")).spells}
    assert ("王建国", "市长", "酒泉市", "2016-02") in got and ("王建国", "副市长", "酒泉市", "2012") in got
    assert not any(p == "李文华" and d in ("酒泉市", "嘉峪关市") for p, _, d, _ in got)
    assert ("赵明", "市长", "嘉峪关市", "2017-02") in got  # 「某市长 某某」: a space for the colon



def test_a_later_undated_list_after_a_dated_clause_with_no_post():
    text = ("李文华生于1964年11月，1981年进入兰州大学学习，1989年毕业后进入甘肃省农业厅工作，后历任张掖市农业局局长、"
            "高台县副县长、临泽县县长等职，2006年出任张掖市副市长。\n")
    assert spells(text) == {("局长", "政府", "张掖市", None, None, False), ("副县长", "政府", "高台县", None, None, False),
                            ("县长", "政府", "临泽县", None, "2006", False), ("副市长", "政府", "张掖市", "2006", None, True)}
    # 「2001年调任某地工作，先后担任A、B」 stays a dated sequence (NOTES rule 6)
    got = spells("李文华，男，1960年生。2001年调任张掖工作，先后担任张掖市委常委、副市长。\n")
    assert ("常委", "党委", "张掖市", "2001", None, True) in got or ("常委", "党委", "张掖市", "2001", None, False) in got


@pytest.mark.parametrize("lead", ["李文华曾任", "李文华同志曾任", "解放后历任", "建国后，曾先后担任"])
def test_an_undated_list_after_the_name_or_a_time_of_life(lead):
    text = f"李文华，男，汉族，1925年生，甘肃临泽人。{lead}高台县县长，临泽县委副书记；张掖市副市长等职。\n"
    assert spells(text) == {("县长", "政府", "高台县", None, None, False), ("副书记", "党委", "临泽县", None, None, False),
                            ("副市长", "政府", "张掖市", None, None, False)}


def test_an_appointed_acting_mayor_printed_in_full_is_one_spell():
    text = ("12月3日，张掖市人大常委会会议决定任命李文华为张掖市副市长、代理市长。李文华，男，1960年生，甘肃临泽人。"
            "2010年任高台县县长。\n")
    got = spells(text, "2026-12-04")
    assert ("代理市长", "政府", "张掖市", "2026-12", None, True) in got
    assert not any(s[0] == "代市长" for s in got)  # the office reader's short form is the same post


def test_a_date_opening_the_subjects_first_sentence_before_the_name():
    text = "2015年3月，李文华任张掖市副市长。2018年，李文华当选张掖市政协主席。\n"
    assert spells(text) == {("副市长", "政府", "张掖市", "2015-03", "2018", False),
                            ("主席", "政协", "张掖市", "2018", None, True)}


def test_a_bare_zhuanyuan_after_a_prefectures_party_committee_is_its_commissioner():
    text = "李文华，男，汉族，1925年生。新中国成立后，历任临泽县委副书记，张掖地委副书记、专员，甘肃省政协副主席等职。\n"
    got = spells(text)
    assert ("专员", "政府", "张掖地区", None, None, False) in got and ("副书记", "党委", "张掖地区", None, None, False) in got


# careers5: line structure and ends of a résumé (made-up résumés, real divisions)
STRUCTURE_FORMS = {
    "year-only lines whose next line holds 主任 stay résumé lines (主任 is no verb 任)": (
        "李文华，男，1965年生。\n1992年 山丹县委办公室副主任\n1998年 山丹县副县长\n2003年 山丹县委副书记\n",
        {("副主任", "党委", "山丹县", "1992", "1998", False), ("副县长", "政府", "山丹县", "1998", "2003", False),
         ("副书记", "党委", "山丹县", "2003", None, True)}),
    "the Party secretary of a division is no longer its head of government": (
        "李文华，女，1970年生。2019年任山丹县委副书记、县长，2021年任山丹县委书记。\n",
        {("副书记", "党委", "山丹县", "2019", "2021", False), ("县长", "政府", "山丹县", "2019", "2021", False),
         ("书记", "党委", "山丹县", "2021", None, True)}),
    "a sequence that lists the secretary and the mayor together holds them together": (
        "李文华，男，1950年生。1985年起任张掖市委副书记、书记、市长。1990年当选为张掖市市长。1992年当选为张掖市委书记。"
        "1997年任甘肃省副省长。\n",
        {("副书记", "党委", "张掖市", "1985", None, False), ("书记", "党委", "张掖市", "1992", "1997", False),
         ("市长", "政府", "张掖市", "1985", "1997", False), ("副省长", "政府", "甘肃省", "1997", None, True)}),
    "retirement ends every post, memberships too": (
        "李文华，男，1958年生。2008年任张掖市委常委、副市长。2013年任张掖市人大常委会副主任。2018年退休。\n",
        {("常委", "党委", "张掖市", "2008", "2013", False), ("副市长", "政府", "张掖市", "2008", "2013", False),
         ("副主任", "人大", "张掖市", "2013", "2018", False)}),
    "a secretary of an office is a post, its body carried to the title after it": (
        "李文华，男，1966年生。1988年毕业于兰州大学，同年到高台县工作，历任县委办公室秘书、副主任，1995年任高台县副县长。\n",
        {("秘书", "党委", "高台县", None, None, False), ("副主任", "党委", "高台县", None, "1995", False),
         ("副县长", "政府", "高台县", "1995", None, True)}),
}


def test_a_bare_year_is_neither_an_intros_tail_nor_a_dated_post():
    from kg.extract import biography
    # the year pattern is an alternation: spliced into a longer pattern it must stay one group
    assert biography._INTRO.search("会上，王建国，2003号文件") is None
    assert biography._INTRO.search("会上，王建国，2003年生") is not None
    assert biography._NAME_BEFORE_DATED.search("王建国2003号") is None
    assert biography._NAME_BEFORE_DATED.search("王建国2003年任高台县县长") is not None
    assert biography._NAME_BEFORE_DATED.search("王建国二〇〇三年任高台县县长") is not None


MORE_STRUCTURE_FORMS = {
    "a proposed post of an appointment notice is not held": (
        "李文华，男，汉族，1972年3月生，甘肃民乐人，大学学历，现任民乐县委副书记、县长，拟任县委书记。\n",
        {("副书记", "党委", "民乐县", None, None, True), ("县长", "政府", "民乐县", None, None, True)}),
    "slashes between year and month, and a day after the month in dots": (
        "李文华，男，1969年2月生。\n1990/07—1993/03 临泽县委办公室干事\n1993.03.12—1998.10.08 临泽县副县长\n",
        {("干事", "党委", "临泽县", "1990-07", "1993-03", False), ("副县长", "政府", "临泽县", "1993-03", "1998-10", False)}),
    "a bare 自治区 body is the region the page names": (
        "宁夏回族自治区政协领导简介\n马建国，男，回族，1960年生。2010年任银川市委书记，2016年任自治区政协副主席。\n",
        {("书记", "党委", "银川市", "2010", "2016", False), ("副主席", "政协", "宁夏回族自治区", "2016", None, True)}),
    "a bare level word after a move is the division moved to": (
        "马建国，男，回族，1960年生。2005年任宁夏回族自治区吴忠市委书记，2010年调赴西藏工作，任自治区政协副主席。\n",
        {("书记", "党委", "吴忠市", "2005", "2010", False), ("副主席", "政协", "西藏自治区", "2010", None, True)}),
    "a bare level word after a move to a short form in the same clause": (
        "王浩，男，1963年生。2010年任山东省烟台市委书记，2017年北上河北任省委副书记。\n",
        {("书记", "党委", "烟台市", "2010", "2017", False), ("副书记", "党委", "河北省", "2017", None, True)}),
    "an obituary's subject holds no post now": (
        "李文华同志逝世\n甘肃省政协原副主席李文华同志，因病医治无效，于2020年3月5日在兰州逝世，享年88岁。\n"
        "李文华同志是甘肃临泽人，1932年11月出生。1983年任临泽县委书记，1995年任甘肃省政协副主席。\n",
        {("书记", "党委", "临泽县", "1983", "1995", False), ("副主席", "政协", "甘肃省", "1995", None, False)}),
    "a bare 卸任 ends what was held": (
        "马建国，男，回族，1950年生。2008年任宁夏回族自治区政协副主席。2013年1月卸任。\n",
        {("副主席", "政协", "宁夏回族自治区", "2008", "2013-01", False)}),
}


def test_the_time_a_post_was_held_is_no_current_post():
    text = ("王刚，男，1958年生，甘肃高台人。2003年任高台县委副书记，2008年任高台县人大常委会主任，2013年退休。"
            "任高台县政协主席王刚期间，他推动了委员工作室建设。\n")
    assert not any(s[5] for s in spells(text))


@pytest.mark.parametrize("heading", ["马建国：自治区政协主席", "马建国，自治区政协主席", "【马建国】", "马建国 主席",
                                     "马建国\n自治区政协党组书记、主席"])
def test_a_heading_that_names_the_subject_before_its_post(heading):
    text = (f"宁夏回族自治区政协领导\n{heading}\n男，回族，1960年生。2010年任银川市委书记，2016年任自治区政协主席。\n"
            "李红：自治区政协副主席\n女，汉族，1965年生。2012年任吴忠市市长，2018年任自治区政协副主席。\n")
    doc = parse_document(text.encode("utf-8"), "bio.txt")
    got = {(s.person, s.role, s.start) for s in extract_document(doc).spells}
    assert got == {("马建国", "书记", "2010"), ("马建国", "主席", "2016"), ("李红", "市长", "2012"), ("李红", "副主席", "2018")}


def test_an_appointment_that_makes_the_appointee_acting_and_a_regions_chairman_of_its_government():
    text = ("1月5日，内蒙古自治区人大常委会会议决定任命李明为内蒙古自治区副主席，决定其代理自治区主席。"
            "李明，男，1966年生，2015年任包头市市长。\n")
    got = spells(text, "2021-01-06")
    assert ("副主席", "政府", "内蒙古自治区", "2021-01", None, True) in got
    assert ("代理主席", "政府", "内蒙古自治区", "2021-01", None, True) in got
    got = spells("12月3日，张掖市人大常委会会议决定任命王刚为张掖市副市长，决定其代理市长职务。\n王刚，男，汉族，1970年生。"
                 "2016年任高台县委书记。\n", "2020-12-04")
    assert ("代理市长", "政府", "张掖市", "2020-12", None, True) in got


@pytest.mark.parametrize("intro, name", [
    ("艾尔肯·吐尼亚孜，男，维吾尔族，1961年生，新疆伊宁人。", "艾尔肯·吐尼亚孜"),
    ("乌云其木格，女，蒙古族，1961年生。", "乌云其木格"),
    ("新疆维吾尔自治区政协领导\n努尔兰·阿不都满金\n男，哈萨克族，1962年生。", "努尔兰·阿不都满金"),
])
def test_transliterated_and_long_names_of_a_subject(intro, name):
    text = intro + "2010年任伊犁哈萨克自治州州长，2016年任新疆维吾尔自治区政协主席。\n"
    got = {(s.person, s.role, s.start) for s in extract_document(parse_document(text.encode("utf-8"), "bio.txt")).spells}
    assert got == {(name, "州长", "2010"), (name, "主席", "2016")}


def test_a_news_lead_dated_by_its_day_alone_names_the_person_it_elects():
    text = ("新华社乌鲁木齐1月27日电 27日，新疆维吾尔自治区十三届人大五次会议选举艾尔肯·吐尼亚孜为自治区人民政府主席。"
            "至此，代省长已经全部转正。\n")
    got = spells(text, "2022-01-27")
    assert ("主席", "政府", "新疆维吾尔自治区", "2022-01", None, True) in got


@pytest.mark.parametrize("lead", [
    "沉痛悼念\n中国共产党优秀党员，甘肃省政协原副主席李文华同志，因病医治无效，于2020年3月5日在兰州逝世，享年88岁。\n",
    "讣告\n甘肃省政协原副主席李文华同志，于2020年3月5日因病逝世，享年88岁。",
])
def test_an_obituarys_lead_names_its_subject_after_a_title(lead):
    text = lead + ("李文华同志1932年11月出生于甘肃临泽，1949年8月参加工作。1953年任临泽县委副书记，1965年任张掖地委副书记，"
                   "1988年任甘肃省政协副主席，1998年离休。\n")
    assert spells(text) == {("副书记", "党委", "临泽县", "1953", "1965", False),
                            ("副书记", "党委", "张掖地区", "1965", "1988", False),
                            ("副主席", "政协", "甘肃省", "1988", "1998", False)}


@pytest.mark.parametrize("appointment, ended", [
    ("3月28日，张掖市人大常委会会议决定任命他为张掖市副市长。", True),
    ("今年3月，他被任命为张掖市副市长。", True),
])
def test_an_appointment_of_the_subject_named_by_a_pronoun_takes_the_page_year(appointment, ended):
    text = "李明，男，汉族，1970年生，2016年任高台县委书记。" + appointment + "\n"
    got = spells(text, "2021-03-29")
    assert ("副市长", "政府", "张掖市", "2021-03", None, True) in got
    assert ("书记", "党委", "高台县", "2016", "2021-03" if ended else None, False) in got


@pytest.mark.parametrize("middle, held", [
    ("2003年05月，兼任高台县委党校校长；", set()),
    ("2004年03月，挂职任甘肃省发展和改革委员会副主任；", {("副主任", "政府", "甘肃省", "2004-03", "2005-03", False)}),
    ("2004年03月，兼任张掖市委委员；", {("委员", "党委", "张掖市", "2004-03", "2005-03", False)}),
])
def test_a_restating_line_of_a_concurrent_post_or_a_secondment_ends_nothing(middle, held):
    text = ("李明，男，汉族，1965年3月生。\n2001年06月，高台县委副书记、县长；\n" + middle
            + "\n2005年03月，高台县委副书记、县长；\n2006年09月，高台县委书记。\n")
    assert spells(text) == {("副书记", "党委", "高台县", "2001-06", "2006-09", False),
                            ("县长", "政府", "高台县", "2001-06", "2006-09", False),
                            ("书记", "党委", "高台县", "2006-09", None, True)} | held


def test_an_election_line_between_two_restating_lines_is_one_spell_across_it():
    text = ("李明，男，汉族，1965年3月生。\n1998.03 高台县委副书记、代县长\n1999.01 当选为高台县县长\n"
            "2001.06 高台县委副书记、县长\n2006.09 高台县委书记\n")
    assert spells(text) == {("副书记", "党委", "高台县", "1998-03", "2006-09", False),
                            ("代县长", "政府", "高台县", "1998-03", "1999-01", False),
                            ("县长", "政府", "高台县", "1999-01", "2006-09", False),
                            ("书记", "党委", "高台县", "2006-09", None, True)}


def test_a_civil_service_rank_of_a_government_department_and_a_tables_post_field():
    text = "李明，男，汉族，1962年3月生。\n2011.06—2016.09 高台县委书记\n2016.09— 甘肃省农业农村厅副巡视员\n"
    assert ("副巡视员", "政府", "甘肃省", "2016-09", None, True) in spells(text)
    for field in ("职务", "现任职务"):
        text = f"姓名：李明\n性别：男\n出生年月：1962.03\n{field}：张掖市政协党组书记、主席\n"
        assert spells(text) == {("党组书记", "政协", "张掖市", None, None, True), ("主席", "政协", "张掖市", None, None, True)}


STATE_ORGAN_FORMS = {
    "a state administration's department, 兼 after a résumé title, no end for a post held along": (
        "李文华，男，1964年生。后历任国家环境保护总局核安全司司长兼核安全中心主任等职，2006年任甘肃省副省长。\n",
        {("司长", "政府", "全国", None, None, False), ("主任", "政府", "全国", None, None, False),
         ("副省长", "政府", "甘肃省", "2006", None, True)}),
    "a state commission by its short name": (
        "李文华，男，1964年生。2006年任甘肃省副省长，2010年任国家发改委副主任。\n",
        {("副省长", "政府", "甘肃省", "2006", "2010", False), ("副主任", "政府", "全国", "2010", None, True)}),
    "a grade before the title, units of the organ after it": (
        "李文华，男，1960年生。历任海关总署署长办公室正处级秘书、业务规范司副司长、政策法规司司长等职，2001年任甘肃省副省长。\n",
        {("秘书", "政府", "全国", None, None, False), ("副司长", "政府", "全国", None, None, False),
         ("司长", "政府", "全国", None, "2001", False), ("副省长", "政府", "甘肃省", "2001", None, True)}),
}


def test_a_congress_committee_on_rural_affairs_is_no_village_committee():
    text = "李明，男，汉族，1962年3月生。\n2009.01—2010.01 甘肃省人大常委会农业与农村委员会主任委员\n"
    assert spells(text) == {("主任委员", "人大", "甘肃省", "2009-01", "2010-01", False)}


@pytest.mark.parametrize("text", [
    "王刚 张掖市委书记\n王刚，男，汉族，1965年3月生，甘肃高台人。\n2011.06—2016.09 高台县委书记\n"
    "2016.09—2021.10 张掖市委副书记、市长\n2021.10 任现职\n",
    "张掖市委书记王刚简历\n王刚，男，汉族，1965年3月生，甘肃高台人。2011年6月任高台县委书记，2016年9月任张掖市委副书记、市长，"
    "2021年10月任现职。\n",
    "王刚，男，汉族，1965年3月生，甘肃高台人，现任张掖市委书记。2011年6月任高台县委书记，2016年9月任张掖市委副书记、市长，"
    "2021年10月任现职。\n",
])
def test_ren_xianzhi_dates_the_current_post_the_text_states_elsewhere(text):
    assert spells(text) == {("书记", "党委", "高台县", "2011-06", "2016-09", False),
                            ("副书记", "党委", "张掖市", "2016-09", "2021-10", False),
                            ("市长", "政府", "张掖市", "2016-09", "2021-10", False),
                            ("书记", "党委", "张掖市", "2021-10", None, True)}


@pytest.mark.parametrize("text, expected", [
    ("本报讯 3月28日，甘肃省第十四届人大常委会第五次会议决定任命王建国为甘肃省副省长，任命李红为甘肃省农业农村厅厅长。\n",
     {("副省长", "政府", "甘肃省", "2023-03", None, True), ("厅长", "政府", "甘肃省", "2023-03", None, True)}),
    ("3月28日，省委决定王建国同志任中共张掖市委书记，免去其张掖市人民政府市长职务。\n",
     {("书记", "党委", "张掖市", "2023-03", None, True), ("市长", "政府", "张掖市", None, "2023-03", False)}),
    ("近日，中组部宣布中央决定，任命王建国为甘肃省副省长。\n", {("副省长", "政府", "甘肃省", None, None, True)}),
])
def test_a_dated_appointment_names_its_appointee_with_no_intro(text, expected):
    assert spells(text, "2023-03-29") == expected


def test_an_appointment_with_no_day_a_post_held_before_and_a_candidate_name_no_subject():
    # a session's list of posts (no date near it), 「此前，某某任……」, 「提名为……候选人」
    for text in ("会议决定，张左己为经济委员会主任，张福森为社会和法制委员会主任。\n",
                 "此前，王建国任甘肃省自然资源厅厅长、党组书记。\n",
                 "1月4日，省委决定，王建国同志任中共张掖市委副书记，提名为张掖市人民政府市长候选人。\n"):
        assert spells(text, "2021-01-08") == set()


def test_the_post_held_before_an_appointment_ends_where_the_appointment_starts():
    text = "本报讯 3月28日，甘肃省人大常委会会议决定任命王建国为甘肃省副省长。此前，王建国任张掖市委书记。\n"
    assert spells(text, "2023-03-29") == {("副省长", "政府", "甘肃省", "2023-03", None, True),
                                          ("书记", "党委", "张掖市", None, "2023-03", False)}


def test_an_election_on_a_month_day_after_a_later_month_is_in_the_pages_year_and_keeps_the_party_post():
    text = ("李明，男，汉族，1965年生。2022年12月任甘肃省委副书记、代省长。1月16日，在甘肃省第十四届人民代表大会第一次会议上，"
            "李明当选为甘肃省省长。\n")
    assert spells(text, "2023-01-17") == {("副书记", "党委", "甘肃省", "2022-12", None, True),
                                          ("代省长", "政府", "甘肃省", "2022-12", "2023-01", False),
                                          ("省长", "政府", "甘肃省", "2023-01", None, True)}


def test_a_pronoun_after_a_second_appointee_named_after_a_title_and_an_appointment_ends_the_post_before():
    text = ("本报讯 3月28日，甘肃省人大常委会会议决定任命王建国为甘肃省副省长。王建国，男，1965年生，2016年任张掖市委书记。"
            "另一位新任副省长李红，此前任甘肃省发展和改革委员会主任。她1970年生于兰州，2015年任酒泉市市长。\n")
    doc = with_metadata(parse_document(text.encode("utf-8"), "bio.txt"), {"date": "2023-03-29"})
    got = {(s.person, s.role, s.start, s.end) for s in extract_document(doc).spells}
    assert ("李红", "市长", "2015", None) in got or ("李红", "市长", "2015", "2019") in got
    assert not any(p == "王建国" and r == "市长" for p, r, _, _ in got)
    assert ("王建国", "书记", "2016", "2023-03") in got


def test_the_holder_a_relative_clause_of_current_posts_names_and_a_second_subjects_birth():
    text = ("本报讯 3月28日，甘肃省人大常委会会议决定任命王建国为甘肃省副省长。现任张掖市委书记、张掖军分区党委第一书记的"
            "李红（1970年5月生），曾在2010年至2015年间担任酒泉市市长。\n")
    doc = with_metadata(parse_document(text.encode("utf-8"), "bio.txt"), {"date": "2023-03-29"})
    ex = extract_document(doc)
    got = {(s.person, s.role, s.body.division.name, s.start, s.end, s.current) for s in ex.spells}
    assert got == {("王建国", "副省长", "甘肃省", "2023-03", None, True), ("李红", "书记", "张掖市", None, None, True),
                   ("李红", "市长", "酒泉市", "2010", "2015", False)}
    assert {p.person: p.born for p in ex.people}.get("王建国") is None  # 「（1970年5月生）」 is 李红's


#: The tables of résumé forms above, each {case: (text, the spells expected)}, by what they test.
SPELL_FORMS = {
    "resume_forms": CASES,
    "new_resume_forms": NEW_FORMS,
    "township_posts": TOWN_FORMS,
    "prose_resume_forms": PROSE_FORMS,
    "leaving_and_carried_forms": LEAVING_FORMS,
    "more_prose_forms": MORE_PROSE_FORMS,
    "posts_of_other_organisations_end_what_they_move_from": OTHER_ORGANISATION_FORMS,
    "structure_forms": STRUCTURE_FORMS,
    "more_structure_forms": MORE_STRUCTURE_FORMS,
    "state_organ_forms": STATE_ORGAN_FORMS,
}


@pytest.mark.parametrize("table, name", [(t, n) for t, forms in SPELL_FORMS.items() for n in forms])
def test_spell_forms(table, name):
    text, expected = SPELL_FORMS[table][name]
    assert spells(text) == expected
