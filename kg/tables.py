"""Tables for a spreadsheet or a statistics package: ``kg export --table careers|colleagues``.

* ``careers``: one row per person per post, in the manner of the Chinese Political Elite Database
  (CPED): the person and what a résumé says of them (gender, ethnicity, birth, native place and
  its code), then each post with a sequence number in career order, its start and end as printed
  (a résumé's spell) or the date a news article attests it, the title, the body, the division with
  its GB/T 2260 code, level and province, and the document and evidence. A person is the person
  across documents (``graph/links``, :mod:`kg.people`): ``person_id`` is that IRI.
* ``colleagues``: the colleague network as an edge list (``source,target`` as Gephi reads them):
  two people who held posts in the same body in overlapping years, once per pair, body and pair
  of posts (the ``colleagues`` query without a person, each pair once).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Callable, TextIO

from .errors import UsageError
from .queries import load_query, run_query

CAREERS_HEADER = ("person", "gender", "ethnicity", "born", "native_place", "native_place_code", "sequence",
                  "start", "end", "role", "body", "committee", "division", "division_code", "level", "province",
                  "document", "evidence", "attested", "kind", "person_id")

COLLEAGUES_HEADER = ("source", "target", "source_name", "target_name", "body", "division", "from", "to",
                     "source_role", "target_role", "source_document", "target_document", "body_id")

#: every membership (résumé spells and news offices) with what the careers table needs
_POSTS = """
SELECT ?who ?person ?role ?body ?committee ?division ?division_code ?level ?province ?start ?end ?on
       ?document ?offset ?evidence ?same ?spell
WHERE {
  GRAPH ?g {
    ?m org:member ?who ;
       kg:roleName ?role ;
       kg:officeBodyKind ?body ;
       kg:divisionAsWritten ?division ;
       kg:documentFileName ?document ;
       kg:startOffset ?offset ;
       kg:evidence ?evidence .
    ?who foaf:name ?person .
    OPTIONAL { ?m kg:officeCommittee ?committee }
    OPTIONAL { ?m kg:officeDivisionCode ?division_code }
    OPTIONAL { ?m kg:officeDivisionLevel ?level }
    OPTIONAL { ?m kg:officeProvince ?province }
    OPTIONAL { ?m kg:spellStart ?start }
    OPTIONAL { ?m kg:spellEnd ?end }
    OPTIONAL { ?m kg:attestedOn ?on }
    OPTIONAL { ?m a ?spell . FILTER (?spell = kg:CareerSpell) }
  }
  OPTIONAL { GRAPH ?links { ?who kg:sameHolderAs ?same } }
}
"""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    write: Callable[[object, TextIO], int]


def _value(term) -> str:
    return "" if term is None else term.value


def careers_rows(store) -> list[dict[str, str]]:
    """The careers table's rows (dicts keyed by :data:`CAREERS_HEADER`), persons by name (then IRI),
    each person's posts in career order."""
    profiles: dict[str, dict[str, str]] = {}
    for r in run_query(store, load_query("people")):
        person = r["person_iri"].value
        row = profiles.setdefault(person, {})
        for key in ("gender", "ethnicity", "born", "native_place", "native_place_code"):
            if not row.get(key) and r[key] is not None:  # the first résumé (by document) that says it
                row[key] = r[key].value
    posts: dict[str, list[dict[str, str]]] = {}
    for r in store.query(_POSTS):
        person = _value(r["same"]) or r["who"].value
        posts.setdefault(person, []).append({
            "person": r["person"].value, "role": r["role"].value, "body": r["body"].value,
            "committee": _value(r["committee"]), "division": r["division"].value,
            "division_code": _value(r["division_code"]), "level": _value(r["level"]),
            "province": _value(r["province"]), "start": _value(r["start"]), "end": _value(r["end"]),
            "attested": _value(r["on"]), "document": r["document"].value, "evidence": r["evidence"].value,
            "kind": "office" if r["spell"] is None else "spell", "_offset": int(r["offset"].value),
        })
    out = []
    for person in sorted(posts, key=lambda p: (min(x["person"] for x in posts[p]), p)):
        profile = profiles.get(person, {})
        ordered = sorted(posts[person], key=lambda p: (p["start"] or p["attested"] or p["end"] or "~", p["document"],
                                                       p["_offset"], p["role"]))
        for n, p in enumerate(ordered, 1):
            row = {k: "" for k in CAREERS_HEADER}
            row.update({k: v for k, v in p.items() if not k.startswith("_")})
            row.update(profile)
            row.update(sequence=str(n), person_id=person)
            out.append(row)
    return out


def colleagues_rows(store) -> list[dict[str, str]]:
    """The colleague edge list (dicts keyed by :data:`COLLEAGUES_HEADER`), each pair once."""
    out, seen = [], set()
    for r in run_query(store, load_query("colleagues")):
        a, b = r["person_iri"].value, r["colleague_iri"].value
        if a > b:
            continue
        row = {"source": a, "target": b, "source_name": r["person"].value, "target_name": r["colleague"].value,
               "body": r["body"].value, "division": r["division"].value, "from": r["from"].value,
               "to": r["to"].value, "source_role": r["role"].value, "target_role": r["colleague_role"].value,
               "source_document": r["document"].value, "target_document": r["colleague_document"].value,
               "body_id": r["body_iri"].value}
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _writer(header: tuple[str, ...], rows_of: Callable[[object], list[dict[str, str]]]):
    def write(store, out: TextIO, delimiter: str = ",") -> int:
        w = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        rows = rows_of(store)
        w.writerows(rows)
        return len(rows)

    return write


TABLES: dict[str, Table] = {
    "careers": Table("careers", "one row per person per post (CPED-style)", _writer(CAREERS_HEADER, careers_rows)),
    "colleagues": Table("colleagues", "the colleague network as an edge list",
                        _writer(COLLEAGUES_HEADER, colleagues_rows)),
}


def table(name: str) -> Table:
    """The table ``name``.

    :raises UsageError: no such table (the message lists them).
    """
    try:
        return TABLES[name]
    except KeyError:
        raise UsageError(f"no table named {name!r}; tables: {', '.join(TABLES)}") from None


def write_table(store, name: str, out: TextIO, delimiter: str = ",") -> int:
    """Write table ``name`` of ``store`` (a :class:`kg.store.KGStore`) to ``out`` as CSV (or TSV
    with ``delimiter="\\t"``); returns the number of rows.

    :raises UsageError: no such table.
    """
    return table(name).write(store, out, delimiter)
