"""Scoring extracted facts against gold annotations (eval/SCHEMA.md).

Facts are compared as keys:

* offices: (person, role, body, division) — the fact kinds SCHEMA.md scores;
* press credits: (person, role);
* concepts: name (and, for matched names, whether the type agrees).

Keys are normalised the same way on both sides: traditional characters to simplified, spaces
removed, and a division name mapped to its GB/T 2260 code when the gazetteer knows it, so that
「天祝县」 and 「天祝藏族自治县」 are the same division while a flagged name (陇西市) compares as written.
Scores are micro-averaged over documents.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import UsageError
from .gazetteer import load as load_gazetteer
from .lexicon import canonical_role
from .chinese import key_form
from .records import BODY_KINDS


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, tuple, str]] = field(default_factory=list)  # (doc, key, evidence)
    false: list[tuple[str, tuple, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DateScore:
    """Document dates against gold ``date`` fields.

    Of the documents whose gold gives a date: ``right`` (the same value at the same precision),
    ``wrong`` (another value or precision) and ``missing`` (kg gives none). Of those whose gold
    gives none: ``none_given`` (kg gives none either) and ``invented`` (kg gives one; ``inferred``
    of them flagged as a year read from context)."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    none_given: int = 0
    invented: int = 0
    inferred: int = 0
    errors: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)  # doc, gold, kg, source

    @property
    def dated(self) -> int:
        return self.right + self.wrong + self.missing

    @property
    def accuracy(self) -> float:
        """Right among the documents whose gold gives a date."""
        return self.right / self.dated if self.dated else 1.0

    def as_dict(self) -> dict:
        return {"dated": self.dated, "right": self.right, "wrong": self.wrong, "missing": self.missing,
                "accuracy": round(self.accuracy, 4), "undated": self.none_given + self.invented,
                "invented": self.invented, "invented_inferred": self.inferred,
                "errors": [{"document": d, "gold": g, "kg": k, "source": src} for d, g, k, src in self.errors]}


def score_dates(gold: dict[str, dict], documents: Iterable[dict]) -> DateScore:
    """Score the rows of the ``documents`` query (plus ``source_of_date``/``inferred`` where
    known) against the gold files' ``date`` fields; documents without a ``date`` key in the gold
    are not scored."""
    rows = {r["document"]: r for r in documents}
    sc = DateScore()
    for doc, g in sorted(gold.items()):
        if "date" not in g:
            continue
        row = rows.get(doc, {})
        want, got = g.get("date"), row.get("date") or None
        how = (row.get("date_source") or "") + (" (year inferred)" if row.get("inferred") else "")
        if want is None:
            if got is None:
                sc.none_given += 1
            else:
                sc.invented += 1
                sc.inferred += bool(row.get("inferred"))
                sc.errors.append((doc, want, got, how))
        elif got == want:
            sc.right += 1
        elif got is None:
            sc.missing += 1
            sc.errors.append((doc, want, got, how))
        else:
            sc.wrong += 1
            sc.errors.append((doc, want, got, how))
    return sc


def format_dates(sc: DateScore, show_errors: bool = True) -> str:
    lines = ["", f"document dates: {sc.right} of {sc.dated} right ({sc.accuracy:.3f}), {sc.wrong} wrong, "
                 f"{sc.missing} missing; {sc.invented} given where the gold has none"
                 + (f" ({sc.inferred} with an inferred year)" if sc.invented else "")]
    if show_errors and sc.errors:
        lines += [f"  {'-' if k is None else '+' if g is None else '~'} {d}: gold {g or '—'}, kg {k or '—'}"
                  + (f" [{src}]" if src else "") for d, g, k, src in sc.errors]
    return "\n".join(lines)


@dataclass
class Report:
    offices: Score
    press: Score
    concepts: Score
    concept_types_right: int
    concept_types_total: int
    documents: int
    explained: list | None = None  # Explained misses, when asked for
    dates: DateScore | None = None  # when the gold has dates
    careers: "CareerScore | None" = None  # when the gold has spells

    @property
    def type_accuracy(self) -> float:
        return self.concept_types_right / self.concept_types_total if self.concept_types_total else 1.0

    def as_dict(self) -> dict:
        def s(x: Score) -> dict:
            return {"precision": round(x.precision, 4), "recall": round(x.recall, 4), "f1": round(x.f1, 4),
                    "tp": x.tp, "fp": x.fp, "fn": x.fn}

        out = {"documents": self.documents, "offices": s(self.offices), "press": s(self.press),
               "concepts": s(self.concepts), "concept_type_accuracy": round(self.type_accuracy, 4)}
        if self.dates is not None:
            out["dates"] = self.dates.as_dict()
        if self.careers is not None:
            out["careers"] = self.careers.as_dict()
        if self.explained is not None:
            out["missed_offices_by_cause"] = {c: sum(e.cause == c for e in self.explained) for c in CAUSES}
            out["missed_offices"] = [{"document": e.doc, "person": e.key[0], "role": e.key[1], "body": e.key[2],
                                      "division": e.key[3], "cause": e.cause, "detail": e.detail,
                                      "evidence": e.evidence} for e in self.explained]
        return out


def _norm(text: str | None) -> str:
    return key_form(text or "")


def _concept_key(name: str | None) -> str:
    """A concept's name as compared: quotation marks inside it do not count (「建言‘十五五’规划」)."""
    return re.sub(r"[‘’“”「」『』'\"]", "", _norm(name))


def _division_key(name: str | None, parent: str | None = None) -> str:
    name = _norm(name)
    if not name or name == "全国":
        return name
    gaz = load_gazetteer()
    found = gaz.lookup(name, include_bare=False)
    if len(found) > 1 and parent:
        inside = [d for d in found if any(a.name == _norm(parent) for a in gaz.ancestors(d))]
        found = inside or found
    return found[0].code if len(found) == 1 or (found and parent) else name


def office_key(row: dict) -> tuple:
    """(person, role, body, division): the division by the code kg gives when it gives one, else
    by its name within its parent; the role in its canonical spelling (代理县长 = 代县长)."""
    division = row.get("division_code") or _division_key(row.get("division"), row.get("parent"))
    return (_norm(row["person"]), canonical_role(_norm(row["role"])), _norm(row["body"]), division)


def load_gold(path: str | Path) -> dict[str, dict]:
    """Gold JSONL -> {document file name: annotation}."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{p}: no such gold file")
    gold = {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            gold[d["doc"]] = d
        except (json.JSONDecodeError, KeyError) as e:
            raise UsageError(f"{p}:{n}: not a gold annotation line ({e})") from None
    return gold


def select_documents(gold: dict[str, dict], names: Iterable[str]) -> dict[str, dict]:
    """The gold of the documents ``names`` (file names or their stems: ``b05`` or ``b05.txt``).

    :raises UsageError: a name the gold does not have.
    """
    wanted = [n.strip() for n in names if n.strip()]
    by_stem = {Path(doc).stem: doc for doc in gold}
    out = {}
    for n in wanted:
        doc = n if n in gold else by_stem.get(n)
        if doc is None:
            raise UsageError(f"--only {n}: no such document in the gold")
        out[doc] = gold[doc]
    return out


def score(gold: dict[str, dict], predicted: dict[str, dict]) -> Report:
    """Score predicted annotations (same shape as gold, keyed by document name) against gold.

    Only documents present in the gold file are scored.
    """
    offices, press, concepts = Score(), Score(), Score()
    types_right = types_total = 0
    for doc, g in gold.items():
        p = predicted.get(doc, {})
        _compare(doc, [office_key(o) for o in g.get("offices", [])], [office_key(o) for o in p.get("offices", [])],
                 offices, _evidence_map(g.get("offices", [])), _evidence_map(p.get("offices", [])))
        _compare(doc, [(_norm(x["person"]), x["role"]) for x in g.get("press", [])],
                 [(_norm(x["person"]), x["role"]) for x in p.get("press", [])], press, {}, {})
        gc = {(_concept_key(c["name"]),): c["type"] for c in g.get("concepts", [])}
        pc = {(_concept_key(c["name"]),): c["type"] for c in p.get("concepts", [])}
        _compare(doc, list(gc), list(pc), concepts, _concept_evidence(g.get("concepts", [])),
                 _concept_evidence(p.get("concepts", [])))
        for k in set(gc) & set(pc):
            types_total += 1
            types_right += gc[k] == pc[k]
    return Report(offices, press, concepts, types_right, types_total, len(gold))


def _evidence_map(rows: list[dict]) -> dict[tuple, str]:
    return {office_key(r): r.get("evidence") or "" for r in rows}


def _concept_evidence(rows: list[dict]) -> dict[tuple, str]:
    out: dict[tuple, str] = {}
    for r in rows:  # the first mention's sentence
        out.setdefault((_concept_key(r["name"]),), r.get("evidence") or "")
    return out


def _compare(doc, gold_keys, pred_keys, sc: Score, gold_ev, pred_ev) -> None:
    g, p = set(gold_keys), set(pred_keys)
    sc.tp += len(g & p)
    sc.fp += len(p - g)
    sc.fn += len(g - p)
    sc.misses += [(doc, k, gold_ev.get(k, "")) for k in sorted(g - p)]
    sc.false += [(doc, k, pred_ev.get(k, "")) for k in sorted(p - g)]


def predicted_from_rows(offices: Iterable[dict], press: Iterable[dict], concepts: Iterable[dict]) -> dict[str, dict]:
    """Rows of the `offices`, `press` and `concepts` queries -> annotations keyed by document."""
    out: dict[str, dict] = defaultdict(lambda: {"offices": [], "press": [], "concepts": []})
    for r in offices:
        out[r["document"]]["offices"].append(r)
    for r in press:
        out[r["document"]]["press"].append(r)
    for r in concepts:
        out[r["document"]]["concepts"].append(r)
    return dict(out)


def annotation_of(extraction) -> dict:
    """One document's Extraction in the gold annotation shape."""
    return {
        "doc": extraction.doc_name,
        "offices": [
            {"person": o.person, "role": o.role, "body": o.body.kind, "committee": o.body.committee,
             "division": o.body.division.written, "parent": o.body.division.parent_name,
             "province": o.body.division.province_name, "evidence": o.evidence.sentence}
            for o in extraction.offices
        ],
        "press": [{"person": p.person, "role": p.role} for p in extraction.press],
        "concepts": [{"name": c.name, "type": c.type} for c in extraction.concepts],
    }


def format_report(report: Report, show_errors: bool = True) -> str:
    lines = [f"documents scored: {report.documents}", "",
             f"{'facts':<10}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, sc in (("offices", report.offices), ("press", report.press), ("concepts", report.concepts)):
        lines.append(f"{name:<10}{sc.precision:>10.3f}{sc.recall:>10.3f}{sc.f1:>8.3f}{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}")
    lines.append(f"concept type accuracy (on matched names): {report.type_accuracy:.3f}")
    if report.dates is not None:
        lines.append(format_dates(report.dates, show_errors))
    if report.careers is not None:
        lines.append(format_careers(report.careers, show_errors))
    if report.explained is not None:
        lines.append(format_explained(report.explained))
    if show_errors:
        for name, sc in (("offices", report.offices), ("press", report.press), ("concepts", report.concepts)):
            if name == "offices" and report.explained is not None:
                if sc.false:
                    lines += ["", f"false {name} ({len(sc.false)}):"]
                    lines += [_error_line("+", doc, k, ev) for doc, k, ev in sc.false]
                continue
            if sc.misses:
                lines += ["", f"missed {name} ({len(sc.misses)}):"]
                lines += [_error_line("-", doc, k, ev) for doc, k, ev in sc.misses]
            if sc.false:
                lines += ["", f"false {name} ({len(sc.false)}):"]
                lines += [_error_line("+", doc, k, ev) for doc, k, ev in sc.false]
    return "\n".join(lines)


def _error_line(sign: str, doc: str, key: tuple, evidence: str) -> str:
    line = f"  {sign} {doc}: {' | '.join(map(str, key))}"
    return f"{line}    «{evidence}»" if evidence else line


def rows_of(store, name: str) -> list[dict]:
    """The rows of canned query ``name`` on an open :class:`kg.store.KGStore`, as dicts of strings."""
    from .queries import load_query, run_query

    result = run_query(store, load_query(name))
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]


#: why an office was missed, in the order of the pipeline's stages
CAUSES = ("never found", "found, unresolved", "resolved to another division", "found with another title or body")


@dataclass(frozen=True)
class Explained:
    doc: str
    key: tuple  # the gold office's key (person, role, body, division)
    evidence: str
    cause: str  # one of CAUSES
    detail: str = ""


def explain_misses(report: Report, predicted: dict[str, dict], unresolved: Iterable[dict]) -> list[Explained]:
    """For every missed office: was it never found, found but unresolved (and why), resolved to
    another division, or found with another title or body?"""
    held: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in unresolved:
        held[(row["document"], _norm(row["person"]))].append(row)
    out = []
    for doc, key, evidence in report.offices.misses:
        person, role, body, division = key
        rows = [o for o in predicted.get(doc, {}).get("offices", []) if _norm(o["person"]) == person]
        waiting = [u for u in held.get((doc, person), []) if _norm(u["role"]) == role]
        same_post = [o for o in rows if _norm(o["role"]) == role and _norm(o["body"]) == body]
        if waiting:
            u = waiting[0]
            out.append(Explained(doc, key, evidence, CAUSES[1], f"{u['written']}: {u['reason']}"))
        elif same_post:
            out.append(Explained(doc, key, evidence, CAUSES[2], ", ".join(sorted({o["division"] or "?" for o in same_post}))))
        elif rows:
            found = ", ".join(sorted({f"{o['role']}/{o['body']}" for o in rows}))
            out.append(Explained(doc, key, evidence, CAUSES[3], found))
        else:
            out.append(Explained(doc, key, evidence, CAUSES[0]))
    return out


def format_explained(explained: list[Explained]) -> str:
    counts = {c: sum(e.cause == c for e in explained) for c in CAUSES}
    lines = ["", f"why offices were missed ({len(explained)}):"]
    lines += [f"  {counts[c]:>4}  {c}" for c in CAUSES]
    for cause in CAUSES:
        rows = [e for e in explained if e.cause == cause]
        if rows:
            lines += ["", f"{cause} ({len(rows)}):"]
            for e in rows:
                line = _error_line("-", e.doc, e.key, e.evidence)
                lines.append(f"{line}    [{e.detail}]" if e.detail else line)
    return "\n".join(lines)


def evaluate_store(store, gold: dict[str, dict], explain: bool = False) -> Report:
    """Score the facts in a built store against gold annotations (see :func:`load_gold`).

    A missed fact whose gold line gives no evidence (concepts) is shown with the first sentence of
    its document that contains it, read from the document's source file when it is still there.
    """
    predicted = predicted_from_rows(rows_of(store, "offices"), rows_of(store, "press"), rows_of(store, "concepts"))
    report = score(gold, predicted)
    if any("date" in g for g in gold.values()):
        report.dates = score_dates(gold, document_rows(store))
    if any("spells" in g for g in gold.values()):
        report.careers = score_spells(gold, spell_rows(store))
        report.careers.demographics = score_demographics(gold, profile_rows(store))
        report.careers.links = score_links(gold, person_rows(store))
    if explain:
        report.explained = explain_misses(report, predicted, rows_of(store, "unresolved"))
    sources = {Path(r.source_path).name: r.source_path for r in store.documents().values()}
    texts: dict[str, str | None] = {}
    for sc in (report.offices, report.press, report.concepts):
        for i, (doc, key, evidence) in enumerate(sc.misses):
            if not evidence and doc in sources:
                if doc not in texts:
                    texts[doc] = _text_of(sources[doc])
                sc.misses[i] = (doc, key, sentence_with(texts[doc] or "", key[0]))
    return report


_SPELL_ROWS = """
SELECT ?person ?role ?body ?division ?division_code ?start ?end ?document ?evidence ?current WHERE {
  GRAPH ?g {
    ?x a kg:CareerSpell ; kg:spellHolderName ?person ; kg:roleName ?role ; kg:officeBodyKind ?body ;
       kg:divisionAsWritten ?division ; kg:documentFileName ?document ; kg:evidence ?evidence ; kg:current ?current .
    OPTIONAL { ?x kg:officeDivisionCode ?division_code }
    OPTIONAL { ?x kg:spellStart ?start }
    OPTIONAL { ?x kg:spellEnd ?end }
  }
}"""


def spell_rows(store) -> dict[str, list[dict]]:
    """Every career spell of the store by document: the ``spells`` query's columns and ``current``."""
    out: dict[str, list[dict]] = defaultdict(list)
    for s in store.query(_SPELL_ROWS):
        row = {k: (s[k].value if s[k] is not None else None) for k in
               ("person", "role", "body", "division", "division_code", "start", "end", "document", "evidence")}
        row["current"] = s["current"].value == "true"
        out[row["document"]].append(row)
    return dict(out)


def profile_rows(store) -> dict[str, list[dict]]:
    """The ``people`` query's rows (what each résumé says of its subject) by document."""
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows_of(store, "people"):
        out[r["document"]].append(r)
    return dict(out)


def document_rows(store) -> list[dict]:
    """The ``documents`` query's rows with where each date comes from (``date_source``) and whether
    its year was inferred (``inferred``)."""
    rows = rows_of(store, "documents")
    extra = {}
    query = ("SELECT ?document ?src ?inferred WHERE { GRAPH ?g { ?d a kg:Document ; kg:fileName ?document ; "
             "kg:dateSource ?src OPTIONAL { ?d kg:dateInferred ?inferred } } }")
    for s in store.query(query):
        extra[s["document"].value] = (s["src"].value, s["inferred"] is not None and s["inferred"].value == "true")
    for r in rows:
        r["date_source"], r["inferred"] = extra.get(r["document"], ("", False))
    return rows


def _text_of(path: str) -> str | None:
    from .corpus import read_document
    from .errors import InputError

    try:
        return read_document(path).text
    except InputError:
        return None


def sentence_with(text: str, name: str) -> str:
    """The first sentence of ``text`` that contains ``name`` (compared in key form), or "".

    >>> sentence_with("甲。开展「三抓三促」行动。乙。", "三抓三促")
    '开展「三抓三促」行动。'
    """
    for sentence in re.findall(r"[^。！？!?\n]+[。！？!?]?", text):
        if name and name in _norm(sentence):
            return sentence.strip()
    return ""


# ---------------------------------------------------------------------------------------------
# careers: spells and current posts


def spell_key(row: dict) -> tuple:
    """(person, role, body, division, start, end): what must be right for a spell to count
    (tests/data/seeds/SCHEMA.md, spells); dates as printed (``YYYY`` or ``YYYY-MM``), "" for none."""
    return office_key(row) + ((row.get("start") or ""), (row.get("end") or ""))


@dataclass
class CareerScore:
    """Spells (all six bodies, both dates) and current posts (person, role, body, division) of the
    documents whose gold has ``spells``."""

    spells: Score = field(default_factory=Score)
    current: Score = field(default_factory=Score)
    documents: int = 0
    demographics: "FieldScore | None" = None
    links: "LinkScore | None" = None

    def as_dict(self) -> dict:
        def s(x: Score) -> dict:
            return {"precision": round(x.precision, 4), "recall": round(x.recall, 4), "f1": round(x.f1, 4),
                    "tp": x.tp, "fp": x.fp, "fn": x.fn}

        out = {"documents": self.documents, "spells": s(self.spells), "current": s(self.current)}
        if self.demographics is not None:
            out["demographics"] = self.demographics.as_dict()
        if self.links is not None:
            out["links"] = self.links.as_dict()
        return out


#: the demographics a résumé's subject is scored on (education is printed too freely to compare)
DEMOGRAPHICS = ("gender", "ethnicity", "born", "native_place", "party_joined", "work_started")


@dataclass
class FieldScore:
    """Demographics of the résumés' subjects, field by field: right, wrong, missing (the gold gives
    it, kg does not) and extra (kg gives one where the gold has none)."""

    right: int = 0
    wrong: int = 0
    missing: int = 0
    extra: int = 0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # doc, person, field, gold, kg

    @property
    def given(self) -> int:
        return self.right + self.wrong + self.missing

    def as_dict(self) -> dict:
        return {"right": self.right, "wrong": self.wrong, "missing": self.missing, "extra": self.extra,
                "accuracy": round(self.right / self.given, 4) if self.given else 1.0}


@dataclass
class LinkScore:
    """People across documents: gold ``links_to`` pairs made one person, ``same_name_different_person``
    pairs kept two."""

    linked: int = 0
    to_link: int = 0
    apart: int = 0
    to_keep_apart: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"linked": self.linked, "to_link": self.to_link, "apart": self.apart, "to_keep_apart": self.to_keep_apart}


_GENDERS = {"男": "male", "女": "female"}


def score_demographics(gold: dict[str, dict], profiles: dict[str, list[dict]]) -> FieldScore:
    """Score the ``people`` query's rows (by document) against the gold subjects (top level and
    ``others``) of the résumés."""
    sc = FieldScore()
    for doc, g in gold.items():
        if g.get("kind") != "bio" or not g.get("person"):
            continue
        subjects = [g] + list(g.get("others") or [])
        got = {_norm(p["person"]): p for p in profiles.get(doc, [])}
        for subject in subjects:
            mine = got.get(_norm(subject["person"]), {})
            for name in DEMOGRAPHICS:
                want, have = subject.get(name), mine.get(name) or None
                if name == "gender" and want:
                    want = _GENDERS.get(want, want)
                if name in ("ethnicity", "native_place"):
                    want, have = (_norm(want) or None), (_norm(have) or None)
                if want is None:
                    sc.extra += have is not None
                    if have is not None:
                        sc.errors.append((doc, subject["person"], name, "", have))
                elif have == want:
                    sc.right += 1
                elif have is None:
                    sc.missing += 1
                    sc.errors.append((doc, subject["person"], name, want, ""))
                else:
                    sc.wrong += 1
                    sc.errors.append((doc, subject["person"], name, want, have))
    return sc


_PERSONS_OF = """
SELECT DISTINCT ?document ?name ?who ?same WHERE {
  { GRAPH ?g { ?m org:member ?who ; kg:documentFileName ?document . ?who foaf:name ?name } }
  UNION
  { GRAPH ?g { ?p kg:describes ?who ; prov:wasDerivedFrom ?d . ?d kg:fileName ?document . ?who foaf:name ?name } }
  OPTIONAL { GRAPH ?links { ?who kg:sameHolderAs ?same } }
}"""


def person_rows(store) -> dict[tuple[str, str], set[str]]:
    """(document, name in key form) -> the persons (across documents) of that name there."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in store.query(_PERSONS_OF):
        out[(r["document"].value, _norm(r["name"].value))].add((r["same"] or r["who"]).value)
    return dict(out)


def score_links(gold: dict[str, dict], persons: dict[tuple[str, str], set[str]]) -> LinkScore | None:
    sc = LinkScore()
    for doc, g in gold.items():
        for other, name in (g.get("links_to") or {}).items():
            sc.to_link += 1
            here, there = persons.get((doc, _norm(name)), set()), persons.get((other, _norm(name)), set())
            if here & there:
                sc.linked += 1
            else:
                sc.errors.append(f"  - {doc} {name} is {other}'s {name}: not linked")
        for other, name in (g.get("same_name_different_person") or {}).items():
            sc.to_keep_apart += 1
            here, there = persons.get((doc, _norm(name)), set()), persons.get((other, _norm(name)), set())
            if here & there:
                sc.errors.append(f"  + {doc} {name} is not {other}'s {name}: linked")
            else:
                sc.apart += 1
    return sc if sc.to_link or sc.to_keep_apart else None


def score_spells(gold: dict[str, dict], predicted: dict[str, list[dict]]) -> CareerScore:
    """Score predicted spell rows (keyed by document; each with person, role, body, division,
    division_code, start, end, current) against the gold ``spells`` (body 其他 is not scored)."""
    sc = CareerScore()
    for doc, g in gold.items():
        if "spells" not in g:
            continue
        sc.documents += 1
        want = [x for x in g["spells"] if x.get("body") in BODY_KINDS]
        got = [x for x in predicted.get(doc, []) if x.get("body") in BODY_KINDS]
        _compare(doc, [spell_key(x) for x in want], [spell_key(x) for x in got], sc.spells,
                 {spell_key(x): x.get("evidence") or "" for x in want}, {spell_key(x): x.get("evidence") or "" for x in got})
        cur_w = [x for x in want if x.get("current")]
        cur_g = [x for x in got if _true(x.get("current"))]
        _compare(doc, [office_key(x) for x in cur_w], [office_key(x) for x in cur_g], sc.current,
                 {office_key(x): x.get("evidence") or "" for x in cur_w}, {office_key(x): x.get("evidence") or "" for x in cur_g})
    return sc


def _true(v) -> bool:
    return v is True or v == "true" or v == "1"


def spells_of(extraction) -> list[dict]:
    """One document's Extraction's spells as rows (for scoring without a store)."""
    return [{"person": s.person, "role": s.role, "body": s.body.kind, "committee": s.body.committee,
             "division": s.body.division.written, "division_code": s.body.division.code,
             "parent": s.body.division.parent_name, "start": s.start, "end": s.end, "current": s.current,
             "evidence": s.evidence.sentence} for s in extraction.spells]


def format_careers(sc: CareerScore, show_errors: bool = True) -> str:
    lines = ["", f"careers ({sc.documents} documents with spells in the gold)",
             f"{'facts':<10}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, x in (("spells", sc.spells), ("current", sc.current)):
        lines.append(f"{name:<10}{x.precision:>10.3f}{x.recall:>10.3f}{x.f1:>8.3f}{x.tp:>6}{x.fp:>6}{x.fn:>6}")
    d = sc.demographics
    if d is not None and (d.given or d.extra):
        lines.append(f"demographics ({', '.join(DEMOGRAPHICS)}): {d.right} of {d.given} right "
                     f"({d.right / d.given if d.given else 1:.3f}), {d.wrong} wrong, {d.missing} missing; "
                     f"{d.extra} given where the gold has none")
    if sc.links is not None:
        lk = sc.links
        lines.append(f"people across documents: {lk.linked} of {lk.to_link} made one person, "
                     f"{lk.apart} of {lk.to_keep_apart} same-name pairs kept apart")
    if show_errors:
        for name, x in (("spells", sc.spells), ("current posts", sc.current)):
            if x.misses:
                lines += ["", f"missed {name} ({len(x.misses)}):"] + [_error_line("-", d, k, ev) for d, k, ev in x.misses]
            if x.false:
                lines += ["", f"false {name} ({len(x.false)}):"] + [_error_line("+", d, k, ev) for d, k, ev in x.false]
        if d is not None and d.errors:
            lines += ["", f"demographics not right ({len(d.errors)}):"]
            lines += [f"  {doc} {person} {name}: gold {want or '—'}, kg {have or '—'}"
                      for doc, person, name, want, have in d.errors]
        if sc.links is not None and sc.links.errors:
            lines += ["", "people across documents not right:"] + sc.links.errors
    return "\n".join(lines)
