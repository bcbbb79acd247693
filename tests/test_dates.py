"""Document dates: every form the text, an HTML page or a manifest gives, their precision and source,
dcterms:source without local paths, the `documents` query and the date scorer."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.extract.dates import cn_number, infer_year, parse_date, text_date
from kg.store import open_store

DOCUMENTS_HEADER = "document,date,precision,source,title"
ROOT = Path(__file__).resolve().parent.parent


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------------------------------------
# the text's own date


@pytest.mark.parametrize("text, value, inferred", [
    # a full date in the first lines, every separator, Chinese numerals, a line of its own
    ("本报讯 2023年11月7日，县政协召开常委会议。", "2023-11-07", False),
    ("县政协开会\n发布时间: 2018-09-25 10:26 | 来源: 某某日报", "2018-09-25", False),
    ("某某县政协开会\n2009-04-30\n某某当选为市政协主席。", "2009-04-30", False),
    ("题目\n2003年03月17日 17:05\n正文", "2003-03-17", False),
    ("《某某报》(2017/1/18) 01版", "2017-01-18", False),
    ("二〇二三年十一月七日，县政协召开会议。", "2023-11-07", False),
    ("二00三年一月二十日电 省政协开会。", "2003-01-20", False),
    ("2017年12月6日上午，政协某某旗第十四届委员会第一次会议开幕。", "2017-12-06", False),
    # 「X月X日」 with the year from context, flagged
    ("1月12日，县政协召开会议，纪念人民政协成立75周年。", "2024-01-12", True),
    ("中新社北京三月十七日电 今年是新中国成立七十周年。", "2019-03-17", True),
    ("3月5日，委员们赴京出席全国政协十四届二次会议。", "2024-03-05", True),
    ("3月5日，委员们出席十三届全国人大一次会议。", "2018-03-05", True),
    ("7月28日，盟政协党组召开2023年第9次会议。", "2023-07-28", True),
    ("10月13日，召开2022年度重点工作专题协商座谈会。", "2022-10-13", True),
    ("9月27日，市政协召开座谈会（2019年）。", "2019-09-27", True),
])
def test_text_date_forms(text, value, inferred):
    found = text_date(text)
    assert (found.value, found.inferred) == (value, inferred)
    assert found.precision == "day"


@pytest.mark.parametrize("text", [
    "1月12日，县政协召开常委会议。",  # no year anywhere
    "1月6日，会议表彰2022年度先进集体。",  # a year looked back on is no clue
    "1月8日，2021年以来的工作，2025年是收官之年。",  # years named otherwise are no clue
    "1月8日，纪念新中国成立75周年，全国政协十三届一次会议。",  # two clues that disagree
])
def test_no_year_is_invented(text):
    found = text_date(text)
    assert found.value is None
    assert found.as_written is not None and "月" in found.as_written


@pytest.mark.parametrize("text", [
    "1998.10-2002.10 某县委副书记、县长",  # a résumé's range is not a date of the document
    "张某，男，1963年10月出生，1983年7月参加工作。",
    "县政协开会。",
    "2015年\n1月5日 某某市召开会议",  # a year and a day on two lines (a chronicle) are not one date
    # a chronicle's entries (大事记) are not its date, whatever year the text names (2014年第3次会议)
    "1月5日 市委书记率队考察。\n1月7日 培训班在市里举办，召开2014年第3次会议。\n",
])
def test_not_a_document_date(text):
    assert text_date(text).value is None


def test_date_helpers():
    assert [cn_number(x) for x in ("二十一", "十", "三十", "一九九0", "7")] == [21, 10, 30, 1990, 7]
    assert infer_year("在庆祝中国共产党成立100周年之际") == (2021, "中国共产党成立100周年")
    assert infer_year("入党50周年") == (None, "")
    assert parse_date("2011-2") == "2011-02"
    assert parse_date("2011-13") is None and parse_date("") is None


# ---------------------------------------------------------------------------------------------
# HTML metadata, manifests, dcterms:source


PAGE = ("<html><head><title>县政协召开常委会议</title>"
        '<meta property="article:published_time" content="2021-06-02T09:00:00+08:00"></head>'
        "<body><article><h1>县政协召开常委会议</h1><p>本报讯 6月1日，某某县政协召开常委会议，"
        "会议听取了各专委会的工作汇报，研究部署下一阶段的重点工作任务。</p></article></body></html>")


def _documents(store_dir) -> list[dict]:
    result = invoke("query", "documents", "--store", store_dir, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == DOCUMENTS_HEADER
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_html_metadata_date_and_relative_source(tmp_path, store_dir):
    corpus = tmp_path / "crawl"
    (corpus / "pages").mkdir(parents=True)
    (corpus / "pages" / "a.html").write_text(PAGE, encoding="utf-8")
    (corpus / "b.txt").write_text("县政协召开会议\n1月12日，县政协召开会议。\n", encoding="utf-8")
    assert build([corpus], store_dir).ok
    rows = {r["document"]: r for r in _documents(store_dir)}
    assert rows["a.html"]["date"] == "2021-06-02" and rows["a.html"]["precision"] == "day"
    assert rows["a.html"]["source"] == "pages/a.html"  # relative to the input folder
    assert rows["a.html"]["title"] == "县政协召开常委会议"
    assert rows["b.txt"]["date"] == "" and rows["b.txt"]["precision"] == ""  # 1月12日: no year, none invented
    assert rows["b.txt"]["source"] == "b.txt"
    with open_store(store_dir, read_only=True) as store:
        sources = [s["s"].value for s in store.query("SELECT ?s WHERE { ?d dcterms:source ?s }")]
        src = {s["d"].value: s["w"].value for s in store.query(
            "SELECT ?d ?w WHERE { ?d kg:dateSource ?w }")}
        written = [s["w"].value for s in store.query("SELECT ?w WHERE { ?d a kg:Document ; kg:dateAsWritten ?w }")]
    assert not any(os.path.isabs(s) or str(tmp_path) in s for s in sources)
    assert list(src.values()) == ["html"]
    assert written == ["1月12日"]


def test_manifest_gives_url_date_and_title_and_a_change_rewrites_only_its_file(tmp_path, store_dir):
    corpus = tmp_path / "crawl"
    (corpus / "texts").mkdir(parents=True)
    (corpus / "texts" / "a.txt").write_text("甲县政协开会\n1月12日，甲县政协召开会议。\n", encoding="utf-8")
    (corpus / "texts" / "b.txt").write_text("乙县政协开会\n2月3日，乙县政协召开会议。\n", encoding="utf-8")
    manifest = corpus / "manifest.csv"
    manifest.write_text("file,url,date,title\n"
                        "a.txt,http://example.org/2021/a.html,2021-01-13,甲县政协召开全体会议\n"
                        "texts/b.txt,,2011-02,\n"
                        "gone.txt,http://example.org/gone,,\n", encoding="utf-8")
    result = invoke("build", corpus / "texts", "--store", store_dir, "--manifest", manifest)
    assert result.exit_code == 0, result.output
    assert "gone.txt: no such input file" in result.stderr
    rows = {r["document"]: r for r in _documents(store_dir)}
    assert rows["a.txt"] == {"document": "a.txt", "date": "2021-01-13", "precision": "day",
                             "source": "http://example.org/2021/a.html", "title": "甲县政协召开全体会议"}
    assert (rows["b.txt"]["date"], rows["b.txt"]["precision"], rows["b.txt"]["source"]) == ("2011-02", "month", "b.txt")

    again = invoke("build", corpus / "texts", "--store", store_dir, "--manifest", manifest)
    assert "2 unchanged, 0 written" in again.stdout
    manifest.write_text("file,url,date,title\na.txt,http://example.org/2021/a.html,2021-01-14,\n"
                        "texts/b.txt,,2011-02,\n", encoding="utf-8")
    changed = invoke("build", corpus / "texts", "--store", store_dir, "--manifest", manifest)
    assert "1 unchanged, 1 written" in changed.stdout
    rows = {r["document"]: r for r in _documents(store_dir)}
    assert rows["a.txt"]["date"] == "2021-01-14" and rows["a.txt"]["title"] == "甲县政协开会"


def test_manifest_errors_are_named(tmp_path, store_dir):
    (tmp_path / "a.txt").write_text("县政协开会。\n", encoding="utf-8")
    bad = tmp_path / "m.csv"
    bad.write_text("file,url,date,title\na.txt,,next week,\n", encoding="utf-8")
    result = invoke("build", tmp_path / "a.txt", "--store", store_dir, "--manifest", bad)
    assert result.exit_code == 2
    assert "m.csv:2: date 'next week' is not YYYY-MM-DD, YYYY-MM or YYYY" in result.stderr
    bad.write_text("name,url\n", encoding="utf-8")
    result = invoke("build", tmp_path / "a.txt", "--store", store_dir, "--manifest", bad)
    assert result.exit_code == 2 and "must name the columns file,url,date,title" in result.stderr


def test_offices_are_attested_on_their_documents_date(tmp_path, store_dir):
    (tmp_path / "a.txt").write_text("本报高台讯 2021年3月2日，高台县政协主席向某主持会议。\n", encoding="utf-8")
    assert build([tmp_path / "a.txt"], store_dir).ok
    with open_store(store_dir, read_only=True) as store:
        rows = [(s["r"].value, s["d"].value, s["d"].datatype.value) for s in store.query(
            "SELECT ?r ?d WHERE { ?o a org:Membership ; kg:roleName ?r ; kg:attestedOn ?d ; prov:wasDerivedFrom ?doc . "
            "?doc dcterms:date ?d }")]
    assert rows == [("主席", "2021-03-02", "http://www.w3.org/2001/XMLSchema#date")]


# ---------------------------------------------------------------------------------------------
# the date scorer


def test_eval_scores_dates_against_gold(tmp_path, store_dir):
    (tmp_path / "a.txt").write_text("本报讯 2023年11月7日，县政协开会。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("县政协开会。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("本报讯 2020年1月2日，县政协开会。\n", encoding="utf-8")
    assert build([tmp_path], store_dir).ok
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"doc": "a.txt", "date": "2023-11-07", "offices": []},
        {"doc": "b.txt", "date": "2023-11", "offices": []},
        {"doc": "c.txt", "date": None, "offices": []}]) + "\n", encoding="utf-8")
    result = invoke("eval", "--gold", gold, "--store", store_dir)
    assert "document dates: 1 of 2 right (0.500), 0 wrong, 1 missing; 1 given where the gold has none" in result.stdout
    assert "  - b.txt: gold 2023-11, kg —" in result.stdout
    assert "  + c.txt: gold —, kg 2020-01-02 [text]" in result.stdout
    data = json.loads(invoke("eval", "--gold", gold, "--store", store_dir, "-f", "json").stdout)
    assert data["dates"]["right"] == 1 and data["dates"]["invented"] == 1


@pytest.mark.parametrize("name", ["dev", "real2", "real3", "bio"])
def test_real_sets_dates_with_their_manifest(name, tmp_path):
    """With its manifest every real set's documents are dated as the gold dates them, none invented
    beyond flagged inferences."""
    data = ROOT / "tests" / "data" / name
    store_dir = tmp_path / "store"
    assert build([data / "texts"], store_dir, manifest=data / "manifest.csv").ok
    from kg.evaluate import document_rows, load_gold, score_dates

    with open_store(store_dir, read_only=True) as store:
        sc = score_dates(load_gold(data / "gold.jsonl"), document_rows(store))
    assert sc.dated > 0 and sc.accuracy >= 0.95
    assert sc.invented == sc.inferred


def test_tenures_span_the_first_and_last_attestation(tmp_path, store_dir):
    for name, date in (("a.txt", "2019年3月2日"), ("b.txt", "2021年5月6日"), ("c.txt", "2020年1月2日")):
        (tmp_path / name).write_text(f"本报高台讯 {date}，高台县政协主席向某主持会议。\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("本报金塔讯 2022年1月2日，金塔县政协主席向某主持会议。\n", encoding="utf-8")
    assert build([tmp_path], store_dir).ok
    result = invoke("query", "tenures", "--store", store_dir, "-p", "person=向某", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    got = sorted((r["division"], r["first"], r["last"], r["documents"]) for r in rows)
    # two people of one name in two counties: two tenures
    assert got == [("金塔县", "2022-01-02", "2022-01-02", "1"), ("高台县", "2019-03-02", "2021-05-06", "3")]


def test_dated_store_conforms_to_the_shapes(tmp_path, store_dir):
    (tmp_path / "a.txt").write_text("本报高台讯 2021年3月2日，高台县政协主席向某主持会议。\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text("file,url,date,title\na.txt,,2021-03,\n", encoding="utf-8")
    assert build([tmp_path / "a.txt"], store_dir, manifest=tmp_path / "m.csv").ok
    result = invoke("validate", "--store", store_dir)
    assert result.exit_code == 0 and "conforms" in result.stdout, result.output
