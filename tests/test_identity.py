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
