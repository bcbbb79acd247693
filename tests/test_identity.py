"""Persons across documents: one IRI where the committee context shows one person, two otherwise."""

from __future__ import annotations

from kg.build import build
from kg.store import open_store

PERSONS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT ?p (COUNT(DISTINCT ?g) AS ?docs) WHERE {
  GRAPH ?g { ?m org:member ?p . ?p foaf:name "赵立新"@zh }
} GROUP BY ?p
"""


def test_same_name_same_county_is_one_person_across_documents(tmp_path):
    texts = {
        "a.txt": "本报岷县讯（通讯员 李某某）3月1日，县政协主席赵立新主持召开常委会议。",
        "b.txt": "本报岷县讯（通讯员 王某某）5月9日，岷县政协主席赵立新带队调研。",
        "c.txt": "本报临潭讯（通讯员 张某某）6月2日，县政协主席赵立新主持会议。",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store_dir = tmp_path / "store"
    report = build([tmp_path], store_dir)
    assert report.ok and report.written == 3
    with open_store(store_dir, read_only=True) as store:
        rows = sorted(int(r["docs"].value) for r in store.query(PERSONS))
    # 赵立新 of 岷县 in a.txt and b.txt is one person; 赵立新 of 临潭县 is another
    assert rows == [1, 2]


def test_traditional_and_simplified_copies_name_one_person(tmp_path):
    """A Big5 copy in traditional characters and a GB copy in simplified ones of one county's news:
    one person, keyed and searched in simplified form, the printed form kept as skos:altLabel."""
    from click.testing import CliRunner

    from kg.cli import cli

    (tmp_path / "gb.txt").write_bytes("本报岷县讯 3月1日，县政协主席黎志辉主持召开常委会议。".encode("gb18030"))
    (tmp_path / "big5.txt").write_bytes("本報岷縣訊 5月9日，縣政協主席黎志輝帶隊調研。".encode("big5"))
    store_dir = tmp_path / "store"
    assert build([tmp_path], store_dir).written == 2
    labels = """PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?p ?name ?alt WHERE { ?p a foaf:Person ; foaf:name ?name . OPTIONAL { ?p skos:altLabel ?alt } }"""
    with open_store(store_dir, read_only=True) as store:
        rows = [(r["name"].value, r["alt"].value if r["alt"] else None) for r in store.query(labels)]
    assert rows == [("黎志辉", "黎志輝")]
    runner = CliRunner()
    for spelling in ("黎志輝", "黎志辉"):
        result = runner.invoke(cli, ["query", "person", "--store", str(store_dir), "-p", f"name={spelling}",
                                     "--format", "csv"])
        assert result.exit_code == 0, result.output
        documents = sorted(line.split(",")[4] for line in result.stdout.splitlines()[1:])
        assert documents == ["big5.txt", "gb.txt"], result.stdout
