"""People across documents and the career queries, end to end over a real store and the CLI.

A made-up résumé and two made-up news articles (real divisions, so that resolution places the
bodies): the résumé's 李文华 and the news' 张掖市副市长李文华 hold one post and are one person; the
酒泉市政协主席李文华 of the other article shares none and stays another. Then the same on the
biography set's dev pairs (tests/data/bio/NOTES.md, "News and linking").
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
BIO = ROOT / "tests" / "data" / "bio"

RESUME = """李文华简历
李文华，男，汉族，1965年3月生，甘肃临泽人，1985年6月加入中国共产党，1987年7月参加工作，大学学历。
2011.03—2016.09 高台县委副书记、县长
2016.09— 张掖市委常委、副市长
"""
NEWS = "本报讯 2018年5月8日，张掖市召开城乡建设工作会议。市长王明出席会议并讲话，副市长李文华主持会议。\n"
OTHER = "本报讯 2019年3月2日，酒泉市政协召开常委会议，市政协主席李文华主持会议。\n"
LATER = "本报讯 2020年6月1日，高台县召开全县工作会议，县长赵强出席。\n"

CAREER_HEADER = ("person,role,body,committee,division,division_code,start,end,attested,current,kind,document,"
                 "evidence,person_iri")
COLLEAGUES_HEADER = ("person,colleague,body,division,from,to,role,colleague_role,document,colleague_document,"
                     "person_iri,colleague_iri,body_iri")


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def query(store, name, *params, header: str | None = None) -> list[dict]:
    args = ["query", name, "--store", store, "--format", "csv"]
    for p in params:
        args += ["-p", p]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    if header is not None:
        assert result.stdout.splitlines()[0] == header
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.fixture(scope="module")
def made_up(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("people")
    texts = root / "texts"
    texts.mkdir()
    for name, text in (("r1.txt", RESUME), ("n1.txt", NEWS), ("n2.txt", OTHER), ("n3.txt", LATER)):
        (texts / name).write_text(text, encoding="utf-8")
    store = root / "store"
    assert build([texts], store).ok
    return store


def _links(store) -> list[dict]:
    with open_store(store, read_only=True) as s:
        rows = s.select("""SELECT ?reason ?person ?doc WHERE { GRAPH ?g {
            ?l a kg:PersonLink ; kg:linkReason ?reason ; kg:linkedPerson ?person ; prov:wasDerivedFrom ?doc } }""")
    return rows


def test_a_resume_and_a_news_holder_of_one_post_are_one_person(made_up):
    rows = query(made_up, "career", "person=李文华", header=CAREER_HEADER)
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["document"], set()).add(r["person_iri"])
    assert by_doc["r1.txt"] == by_doc["n1.txt"]  # one person
    assert by_doc["n2.txt"].isdisjoint(by_doc["r1.txt"])  # same name, no shared post: another
    # the career in order: the résumé's spells, then the attestation of 2018
    mine = [(r["role"], r["division"], r["start"], r["end"], r["attested"], r["kind"]) for r in rows
            if r["person_iri"] in by_doc["r1.txt"]]
    assert mine == [("副书记", "高台县", "2011-03", "2016-09", "", "spell"), ("县长", "高台县", "2011-03", "2016-09", "", "spell"),
                    ("常委", "张掖市", "2016-09", "", "", "spell"), ("副市长", "张掖市", "2016-09", "", "", "spell"),
                    ("副市长", "张掖市", "", "", "2018-05-08", "office")]
    assert [r["current"] for r in rows if r["kind"] == "spell"] == ["no", "no", "yes", "yes"]


def test_the_merge_is_explained_in_the_data(made_up):
    links = _links(made_up)
    reasons = {r["reason"] for r in links}
    assert reasons == {"李文华 of n1.txt and 李文华 of r1.txt both hold 副市长 of 张掖市人民政府: one person"}
    assert len({r["person"] for r in links}) == 2 and len({r["doc"] for r in links}) == 2
    result = invoke("validate", "--store", made_up)
    assert result.exit_code == 0 and result.stdout.startswith("conforms"), result.output


def test_links_follow_the_documents(made_up, tmp_path):
    """The links graph is recomputed when a document changes: without the news, no link."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "r1.txt").write_text(RESUME, encoding="utf-8")
    (texts / "n1.txt").write_text(NEWS, encoding="utf-8")
    store = tmp_path / "store"
    build([texts], store)
    assert len({r["reason"] for r in _links(store)}) == 1
    (texts / "n1.txt").unlink()
    build([texts], store, prune=True)
    assert _links(store) == []
    rerun = build([texts], store)
    assert rerun.written == 0 and _links(store) == []


def test_people_gives_the_demographics_with_the_native_place_coded(made_up):
    rows = query(made_up, "people", "person=李文华")
    assert len(rows) == 1
    r = rows[0]
    assert (r["gender"], r["ethnicity"], r["born"], r["native_place"], r["native_place_code"], r["native_province"],
            r["party_joined"], r["work_started"], r["education"], r["document"]) == (
        "male", "汉族", "1965-03", "临泽县", "620723", "甘肃省", "1985-06", "1987-07", "大学学历", "r1.txt")
    career = query(made_up, "career", "person=李文华")
    assert r["person_iri"] in {c["person_iri"] for c in career if c["document"] == "n1.txt"}


def test_chairs_of_a_committee_in_order(made_up):
    rows = query(made_up, "chairs-of", "committee=高台县人民政府")
    assert [(r["person"], r["role"], r["start"], r["end"], r["attested"]) for r in rows] == [
        ("李文华", "县长", "2011-03", "2016-09", ""), ("赵强", "县长", "", "", "2020-06-01")]
    assert query(made_up, "chairs-of", "committee=酒泉市政协")[0]["person"] == "李文华"


def test_holders_in_a_division_in_a_year(made_up):
    def held(division, year):
        return {(r["person"], r["role"]) for r in query(made_up, "holders-in", f"division={division}", f"year={year}")}

    assert held("高台县", 2013) == {("李文华", "副书记"), ("李文华", "县长")}
    assert held("高台县", 2020) == {("赵强", "县长")}
    assert held("张掖市", 2018) == {("王明", "市长"), ("李文华", "副市长")}
    assert held("张掖市", 2010) == set()


def test_colleagues_are_people_of_one_body_in_overlapping_years(made_up):
    rows = query(made_up, "colleagues", "person=李文华", header=COLLEAGUES_HEADER)
    assert [(r["colleague"], r["body"], r["from"], r["to"], r["role"], r["colleague_role"]) for r in rows] == [
        ("王明", "张掖市人民政府", "2018", "2018", "副市长", "市长")]
    # the résumé's county years (2011-2016) and 赵强's attestation (2020) do not overlap
    assert query(made_up, "colleagues", "person=赵强") == []


# ---------------------------------------------------------------------------------------------
# the biography set's dev pairs


@pytest.fixture(scope="module")
def bio_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("bio-people") / "store"
    assert build([BIO / "texts"], store, manifest=BIO / "manifest.csv").ok
    return store


def _persons(store, name, document) -> set[str]:
    return {r["person_iri"] for r in query(store, "career", f"person={name}") if r["document"] == document}


def test_dev_resumes_and_news_of_one_person(bio_store):
    # n03 (traditional 張維國, 十堰市长) is b01's 张维国; n04's 周先旺 is b18's second subject
    assert _persons(bio_store, "张维国", "b01.txt") == _persons(bio_store, "張維國", "n03.txt")
    assert _persons(bio_store, "周先旺", "b18.txt") == _persons(bio_store, "周先旺", "n04.txt")
    # n02's 張健 (山西省政协) shares no post with b04's 张健 (厦门市政协主席): two people
    assert _persons(bio_store, "张健", "n02.txt").isdisjoint(_persons(bio_store, "张健", "b04.txt"))
    reasons = {r["reason"] for r in _links(bio_store)}
    assert "周先旺 of b18.txt and 周先旺 of n04.txt both hold 副省长 of 湖北省人民政府: one person" in reasons
    assert "张维国 of b01.txt and 张维国 of n03.txt both hold 市长 of 十堰市人民政府: one person" in reasons


# ---------------------------------------------------------------------------------------------
# kg export --table


def test_export_careers_table(made_up, tmp_path):
    out = tmp_path / "careers.csv"
    result = invoke("export", "--table", "careers", "--store", made_up, "-o", out)
    assert result.exit_code == 0, result.output
    assert "wrote 8 rows (table careers) as csv" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ("person,gender,ethnicity,born,native_place,native_place_code,sequence,start,end,"
                                    "role,body,committee,division,division_code,level,province,document,evidence,"
                                    "attested,kind,person_id")
    rows = list(csv.DictReader(io.StringIO(text)))
    mine = [r for r in rows if r["document"] in ("r1.txt", "n1.txt") and r["person"] == "李文华"]
    assert [r["sequence"] for r in mine] == ["1", "2", "3", "4", "5"]
    assert {r["person_id"] for r in mine} == {mine[0]["person_id"]}
    first = mine[0]
    assert (first["gender"], first["born"], first["native_place"], first["native_place_code"], first["start"],
            first["end"], first["role"], first["body"], first["division"], first["division_code"], first["level"],
            first["province"]) == ("male", "1965-03", "临泽县", "620723", "2011-03", "2016-09", "副书记", "党委", "高台县",
                                   "620724", "county", "甘肃省")
    assert (mine[-1]["kind"], mine[-1]["attested"], mine[-1]["gender"]) == ("office", "2018-05-08", "male")
    other = [r for r in rows if r["document"] == "n2.txt"]
    assert [(r["sequence"], r["gender"], r["role"]) for r in other] == [("1", "", "主席")]


def test_export_colleagues_edge_list(made_up, tmp_path):
    out = tmp_path / "colleagues.tsv"
    result = invoke("export", "--table", "colleagues", "--store", made_up, "-o", out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")), delimiter="\t"))
    assert [(r["source_name"], r["target_name"], r["body"], r["from"], r["to"]) for r in rows] in (
        [("李文华", "王明", "张掖市人民政府", "2018", "2018")], [("王明", "李文华", "张掖市人民政府", "2018", "2018")])
    assert rows[0]["source"] < rows[0]["target"]


def test_export_table_messages(made_up):
    result = CliRunner().invoke(cli, ["export", "--table", "spells", "--store", str(made_up)])
    assert result.exit_code != 0 and "no table named 'spells'; tables: careers, colleagues" in result.output
    result = CliRunner().invoke(cli, ["export", "--table", "careers", "--store", str(made_up), "-f", "turtle"])
    assert result.exit_code != 0 and "--table writes csv or tsv" in result.output


# ---------------------------------------------------------------------------------------------
# kg viz --colleagues


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is absent (apt-get install graphviz)")
def test_viz_colleagues_draws_the_network(bio_store, tmp_path):
    out = tmp_path / "net.svg"
    result = invoke("viz", "--colleagues", "周先旺", "--store", bio_store, "-o", out)
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    # b18 and n04: 周先旺 and 黄楚平 in 湖北省人民政府 (副省长 and 常务副省长) and in 湖北省政协
    assert "周先旺" in svg and "黄楚平" in svg and "湖北省人民政府 2017–2018" in svg


def test_viz_colleagues_writes_html_without_graphviz(bio_store, tmp_path):
    html = tmp_path / "net.html"
    result = invoke("viz", "--colleagues", "周先旺", "--store", bio_store, "-o", html)
    assert result.exit_code == 0 and "people" in result.stderr
    assert "周先旺 的同事" in html.read_text(encoding="utf-8")


def test_viz_colleagues_of_nobody_says_what_to_do(made_up, tmp_path):
    result = CliRunner().invoke(cli, ["viz", "--colleagues", "无名氏", "--store", str(made_up), "-o",
                                      str(tmp_path / "x.html")])
    assert result.exit_code != 0
    assert "no colleagues of '无名氏'" in result.output and "kg query career -p person=无名氏" in result.output


# ---------------------------------------------------------------------------------------------
# the links graph recomputed for what a build changed


def _whole_links(store_dir) -> set[str]:
    """The links graph as the whole pairs query gives it (the definition)."""
    from kg.people import PAIRS_QUERY, SAME_IRI_QUERY, link_quads

    with open_store(store_dir, read_only=True) as s:
        return {str(q) for q in link_quads(s.select(PAIRS_QUERY) + s.select(SAME_IRI_QUERY), s.base)}


def _stored_links(store_dir) -> set[str]:
    with open_store(store_dir, read_only=True) as s:
        return {str(q) for q in s.graph_quads(s.iris.links_graph)}


def test_links_by_shared_name_are_the_whole_query(bio_store):
    from kg.people import _pair_rows, link_quads

    whole = _whole_links(bio_store)
    assert len(whole) > 20 and _stored_links(bio_store) == whole
    with open_store(bio_store, read_only=True) as s:
        assert {str(q) for q in link_quads(_pair_rows(s), s.base)} == whole


def test_a_rebuild_relinks_only_what_it_changed(tmp_path, monkeypatch):
    import shutil

    import kg.people as people

    texts = tmp_path / "texts"
    shutil.copytree(BIO / "texts", texts)
    for name, text in (("r1.txt", RESUME), ("n1.txt", NEWS), ("n2.txt", OTHER)):
        (texts / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert build([texts], store).ok
    assert _stored_links(store) == _whole_links(store)
    some = []
    real = people._relink_some
    monkeypatch.setattr(people, "_relink_some", lambda *a: some.append(1) or real(*a))
    steps = [
        lambda: (texts / "n1.txt").unlink(),  # a link goes
        lambda: (texts / "n1.txt").write_text(NEWS, encoding="utf-8"),  # and comes back
        lambda: (texts / "n3.txt").write_text(NEWS.replace("李文华", "李文化"), encoding="utf-8"),
        lambda: (texts / "n2.txt").write_text(OTHER + "会议强调，要加强委员队伍建设。\n", encoding="utf-8"),
        lambda: [(texts / n).unlink() for n in sorted(p.name for p in texts.glob("n0*.txt"))[:2]],
        lambda: (texts / "r1.txt").write_text(RESUME.replace("张掖市委常委、副市长", "张掖市委常委、副市长，酒泉市政协主席"),
                                              encoding="utf-8"),
    ]
    before = _stored_links(store)
    changed = 0
    for k, step in enumerate(steps):
        step()
        report = build([texts], store, prune=True)
        assert report.ok and report.written + report.pruned >= 1
        assert len(some) == k + 1  # the links of what changed, not the whole graph
        now = _stored_links(store)
        assert now == _whole_links(store), k
        changed += now != before
        before = now
        with open_store(store, read_only=True) as s:
            assert report.store_quads == len(s)  # counted from what the writes changed
    assert changed >= 3


# ---------------------------------------------------------------------------------------------
# the career queries answer from the bound parameter's index (BENCHMARKS.md figure 4)


@pytest.mark.parametrize("name", ["career", "chairs-of", "holders-in", "colleagues"])
def test_career_queries_start_from_the_bound_parameter(name):
    text = (Path(__file__).resolve().parents[1] / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    where = "\n".join(line.split("#")[0] for line in text[text.index("WHERE {"):].splitlines())
    # a pattern inside GRAPH ?g, or the path kg:holderName|kg:spellHolderName, is evaluated over every
    # membership before the parameter is joined: seconds at 10^6 office facts instead of milliseconds
    assert "GRAPH ?g {" not in where and "holderName|" not in where
    assert "SELECT DISTINCT" in text  # the union graph repeats a person's name once per document


@pytest.mark.parametrize("name, params", [("career", ("person=张维国",)), ("colleagues", ("person=周先旺",)),
                                          ("colleagues", ()), ("chairs-of", ("committee=十堰市人民政府",)),
                                          ("holders-in", ("division=十堰市", "year=2012"))])
def test_career_queries_give_each_row_once(bio_store, name, params):
    rows = [tuple(r.values()) for r in query(bio_store, name, *params)]
    assert rows and len(rows) == len(set(rows))
