"""The data behind the entity pages, search and VoID: SPARQL over the store, plain dicts out.

Runs inside a query worker (see :mod:`kg.server.worker`); ``q(query, **kwargs)`` runs one query
there. Terms leave as dicts ``{"type": "iri"|"literal"|"bnode", "value", "lang", "datatype"}`` so
that they pickle cheaply and the templates stay simple.
"""

from __future__ import annotations

import re
from typing import Callable

from pyoxigraph import BlankNode, Literal, NamedNode

from ..viz import category as _category
from ..vocab import FOAF, KG, ORG, RDF
from .problems import not_found

Q = Callable[..., object]

LABEL_PATH = "skos:prefLabel|foaf:name|dcterms:title|rdfs:label"

#: class -> (kind of page, human name of the kind)
KINDS: dict[str, tuple[str, str]] = {
    FOAF.Person.value: ("person", "人物 person"),
    ORG.Organization.value: ("org", "机构 body"),
    KG.CPPCCCommittee.value: ("org", "政协 CPPCC committee"),
    ORG.Membership.value: ("office", "职务 office"),
    KG.Campaign.value: ("concept", "活动 campaign"),
    KG.Slogan.value: ("concept", "口号 slogan"),
    KG.Brand.value: ("concept", "品牌 brand"),
    KG.Document.value: ("document", "文档 document"),
    KG.Nation.value: ("division", "国家 nation"),
}
DIVISION_CLASSES = {c.value for c in (
    KG.AdministrativeDivision, KG.Province, KG.AutonomousRegion, KG.Municipality,
    KG.SpecialAdministrativeRegion, KG.PrefectureLevelDivision, KG.PrefectureCity,
    KG.AutonomousPrefecture, KG.Prefecture, KG.League, KG.CountyLevelDivision, KG.County,
    KG.AutonomousCounty, KG.CountyLevelCity, KG.District, KG.Banner, KG.AutonomousBanner)}

MAX_LINKS = 500  # properties / incoming links listed on one page


def term(t) -> dict | None:
    if t is None:
        return None
    if isinstance(t, NamedNode):
        return {"type": "iri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        dt = t.datatype.value if t.datatype else ""
        return {"type": "literal", "value": t.value, "lang": t.language or "",
                "datatype": "" if t.language or dt.endswith("#string") else dt}
    return {"type": "literal", "value": str(t), "lang": "", "datatype": ""}


def bind(query: str, **terms) -> str:
    """``query`` with each ``?name`` replaced by the term's SPARQL syntax.

    pyoxigraph's substitutions need the variable in the SELECT projection, which these queries
    do not want; the terms are pyoxigraph terms, whose ``str()`` is validated, escaped N-Triples
    syntax (a NamedNode cannot contain ``>`` or spaces), so no value can change the query.

    >>> bind("SELECT * { ?x ?p ?xo }", x=NamedNode("http://a/b"))
    'SELECT * { <http://a/b> ?p ?xo }'
    """
    for name, value in terms.items():
        query = re.sub(rf"\?{name}\b", lambda _m: str(value), query)
    return query


def _rows(q: Q, query: str, iri: str | None = None, **terms) -> list[dict]:
    if iri is not None:
        terms["x"] = NamedNode(iri)
    result = q(bind(query, **terms))
    variables = [v.value for v in result.variables]
    return [{v: term(s[v]) for v in variables} for s in result]


def _v(row: dict, key: str) -> str:
    cell = row.get(key)
    return cell["value"] if cell else ""


def labels(q: Q, iris: set[str]) -> dict[str, str]:
    """A label per IRI (Chinese first), for those that have one."""
    out: dict[str, str] = {}
    iris = sorted(iris)
    for i in range(0, len(iris), 200):
        values = " ".join(f"<{x}>" for x in iris[i:i + 200])
        rows = _rows(q, f"""SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {LABEL_PATH} ?l }}
                           ORDER BY DESC(LANGMATCHES(LANG(?l), "zh")) STRLEN(STR(?l))""")
        for r in rows:
            out.setdefault(_v(r, "s"), _v(r, "l"))
    # nodes without a label of their own: offices, mentions, credits ("高台县政协 主席")
    rest = [x for x in iris if x not in out]
    for i in range(0, len(rest), 200):
        values = " ".join(f"<{x}>" for x in rest[i:i + 200])
        rows = _rows(q, f"""SELECT ?s (SAMPLE(?a) AS ?first) (SAMPLE(?b) AS ?second) WHERE {{
                              VALUES ?s {{ {values} }}
                              {{ ?s org:organization/skos:prefLabel ?a ; kg:roleName ?b }}
                              UNION {{ ?s prov:agent/foaf:name ?a ; kg:roleName ?b }}
                              UNION {{ ?s kg:concept/skos:prefLabel ?a . BIND("" AS ?b) }}
                              UNION {{ ?s kg:mentionedDivision ?d ; kg:divisionAsWritten ?a . BIND("" AS ?b) }}
                            }} GROUP BY ?s""")
        for r in rows:
            out.setdefault(_v(r, "s"), " ".join(x for x in (_v(r, "first"), _v(r, "second")) if x))
    return out


def _check_iri(iri: str) -> None:
    try:
        NamedNode(iri)
    except ValueError:
        raise not_found(f"<{iri}> (not a valid IRI)") from None


def resource(q: Q, iri: str) -> dict:
    """Everything an entity page shows about ``iri``.

    :raises Problem: 404 when the store says nothing about ``iri``.
    """
    _check_iri(iri)
    props = _rows(q, f"SELECT ?p ?o WHERE {{ ?x ?p ?o }} LIMIT {MAX_LINKS}", iri)
    incoming = _rows(q, f"SELECT ?s ?p WHERE {{ ?s ?p ?x }} LIMIT {MAX_LINKS}", iri)
    if not props and not incoming:
        raise not_found(f"<{iri}>")
    types = [p["o"]["value"] for p in props if _v(p, "p") == RDF.type.value]
    kind, kind_name = "other", ""
    for t in types:
        if t in KINDS:
            kind, kind_name = KINDS[t]
            if kind != "org":
                break
        elif t in DIVISION_CLASSES and kind == "other":
            kind, kind_name = "division", "行政区划 division"
    # the text of a document is long: shown in its own section, not in the property table
    text = next((_v(p, "o") for p in props if _v(p, "p") == KG.text.value), "")
    props = [p for p in props if _v(p, "p") != KG.text.value]
    page = {
        "iri": iri, "kind": kind, "kind_name": kind_name, "types": types,
        "props": props, "incoming": incoming, "text": text,
        "truncated": len(props) >= MAX_LINKS or len(incoming) >= MAX_LINKS,
    }
    section = {"person": _person, "org": _org, "division": _division, "concept": _concept,
               "document": _document, "office": _office}.get(kind)
    if section:
        page.update(section(q, iri))
    mentioned = {iri, *types}
    for p in props:
        mentioned.add(_v(p, "p"))
        if p["o"]["type"] == "iri":
            mentioned.add(_v(p, "o"))
    for r in incoming:
        mentioned.update((_v(r, "s"), _v(r, "p")))
    page["labels"] = labels(q, {m for m in mentioned if m})
    page["label"] = page["labels"].get(iri) or iri.rstrip("/").rsplit("/", 1)[-1]
    return page


_OFFICE_COLUMNS = """
    OPTIONAL { ?office kg:evidence ?evidence }
    OPTIONAL { ?office prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?docTitle } }
"""


def _person(q: Q, iri: str) -> dict:
    offices = _rows(q, """
        SELECT ?office ?role ?org (SAMPLE(?ol) AS ?orgLabel) (SAMPLE(?d) AS ?division)
               (SAMPLE(?dl) AS ?divisionLabel) ?evidence ?doc (SAMPLE(?dt) AS ?docTitle)
        WHERE {
          ?office org:member ?x ; org:organization ?org ; kg:roleName ?role .
          OPTIONAL { ?org skos:prefLabel ?ol }
          OPTIONAL { ?org kg:division ?d . ?d skos:prefLabel ?dl FILTER(LANGMATCHES(LANG(?dl), "zh")) }
          OPTIONAL { ?office kg:evidence ?evidence }
          OPTIONAL { ?office prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
        } GROUP BY ?office ?role ?org ?evidence ?doc ORDER BY ?orgLabel ?role""", iri)
    credits = _rows(q, """
        SELECT ?credit ?role ?evidence ?doc (SAMPLE(?dt) AS ?docTitle) WHERE {
          ?credit prov:agent ?x ; kg:roleName ?role .
          OPTIONAL { ?credit kg:evidence ?evidence }
          OPTIONAL { ?credit prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
        } GROUP BY ?credit ?role ?evidence ?doc""", iri)
    career = _rows(q, """
        SELECT ?spell ?role ?org (SAMPLE(?ol) AS ?orgLabel) ?start ?end ?current ?evidence ?doc (SAMPLE(?dt) AS ?docTitle)
        WHERE {
          # the person's own spells and those of the persons links join to it (kg:sameHolderAs names
          # the first of them): a news report's holder shows the résumé's career too
          { BIND(?x AS ?y) } UNION { ?y kg:sameHolderAs ?x } UNION { ?x kg:sameHolderAs ?y }
          UNION { ?x kg:sameHolderAs ?c . ?y kg:sameHolderAs ?c FILTER(?y != ?x) }
          ?spell a kg:CareerSpell ; org:member ?y ; org:organization ?org ; kg:roleName ?role .
          OPTIONAL { ?org skos:prefLabel ?ol }
          OPTIONAL { ?spell kg:spellStart ?start } OPTIONAL { ?spell kg:spellEnd ?end }
          OPTIONAL { ?spell kg:current ?current } OPTIONAL { ?spell kg:evidence ?evidence }
          OPTIONAL { ?spell prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
        } GROUP BY ?spell ?role ?org ?start ?end ?current ?evidence ?doc""", iri)
    return {"offices": offices, "credits": credits, "timeline": timeline(career)}


def timeline(rows: list[dict]) -> dict | None:
    """A career as bars over years: each dated spell from its start to its end (a current post, or
    one whose end nothing tells, to the last year the career names), in the order of their starts;
    undated spells listed apart. Positions are percentages of the span, for an SVG that needs no
    script.

    >>> t = timeline([{"role": {"value": "县长"}, "start": {"value": "2010-03"}, "end": {"value": "2015"}},
    ...               {"role": {"value": "书记"}, "start": {"value": "2015"}, "current": {"value": "true"}}])
    >>> (t["first"], t["last"], [(b["x"], b["width"]) for b in t["bars"]])
    (2010, 2016, [(0.0, 83.333), (83.333, 16.667)])
    """
    def year(row, key):
        v = (row.get(key) or {}).get("value") or ""
        return int(v[:4]) if v[:4].isdigit() else None

    dated = [r for r in rows if year(r, "start") is not None or year(r, "end") is not None]
    undated = [r for r in rows if r not in dated]
    if not dated and not undated:
        return None
    years = [y for r in dated for y in (year(r, "start"), year(r, "end")) if y is not None]
    first = min(years) if years else 0
    last = max(years) + 1 if years else 1
    span = max(last - first, 1)
    bars = []
    for r in sorted(dated, key=lambda r: (year(r, "start") or year(r, "end"), (r.get("start") or {}).get("value", ""))):
        a = year(r, "start") or year(r, "end")
        end = year(r, "end")
        b = max(end if end is not None else (last if (r.get("current") or {}).get("value") == "true" else a + 1), a + 1)
        bars.append({**r, "x": round((a - first) / span * 100, 3), "width": round(max(b - a, 1) / span * 100, 3),
                     "open": not r.get("end")})
    return {"first": first, "last": last, "bars": bars, "undated": undated,
            "ticks": [{"year": y, "x": round((y - first) / span * 100, 3)}
                      for y in range(first, last + 1, max(1, span // 8))]}


def _office(q: Q, iri: str) -> dict:
    rows = _rows(q, """
        SELECT ?person (SAMPLE(?pn) AS ?personName) ?role ?org (SAMPLE(?ol) AS ?orgLabel) ?evidence ?doc
               (SAMPLE(?dt) AS ?docTitle) WHERE {
          ?x org:member ?person ; org:organization ?org ; kg:roleName ?role .
          OPTIONAL { ?person foaf:name ?pn } OPTIONAL { ?org skos:prefLabel ?ol }
          OPTIONAL { ?x kg:evidence ?evidence }
          OPTIONAL { ?x prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
        } GROUP BY ?person ?role ?org ?evidence ?doc""", iri)
    return {"holding": rows[0] if rows else None}


def _org(q: Q, iri: str) -> dict:
    officers = _rows(q, """
        SELECT ?office ?person (SAMPLE(?pn) AS ?personName) ?role ?evidence ?doc (SAMPLE(?dt) AS ?docTitle)
        WHERE {
          ?office org:organization ?x ; org:member ?person ; kg:roleName ?role .
          OPTIONAL { ?person foaf:name ?pn }
          OPTIONAL { ?office kg:evidence ?evidence }
          OPTIONAL { ?office prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
        } GROUP BY ?office ?person ?role ?evidence ?doc ORDER BY ?role ?personName""", iri)
    units = _rows(q, """
        SELECT ?unit (SAMPLE(?l) AS ?label) WHERE { ?unit org:subOrganizationOf ?x .
          OPTIONAL { ?unit skos:prefLabel ?l } } GROUP BY ?unit ORDER BY ?label""", iri)
    division = _rows(q, """
        SELECT ?division (SAMPLE(?l) AS ?label) WHERE { ?x kg:division ?division .
          OPTIONAL { ?division skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), "zh")) } } GROUP BY ?division""", iri)
    out = {"officers": officers, "units": units, "chairs": chairs(_rows(q, _CHAIRS, iri))}
    if division:
        out["tree"] = _tree(q, _v(division[0], "division"))
    return out


#: The heads of a body whose succession a committee page draws (as queries/chairs-of.rq lists them).
CHAIR_ROLES = ("主席", "主任", "书记", "省长", "市长", "县长", "区长", "州长", "旗长", "盟长", "专员", "代省长", "代市长",
               "代县长", "代区长", "代理市长", "代理县长", "代州长", "代旗长")

_CHAIRS = """
    SELECT ?spell ?person (SAMPLE(?pn) AS ?personName) ?role ?start ?end ?on ?current ?evidence ?doc
           (SAMPLE(?dt) AS ?docTitle) WHERE {
      ?spell org:organization ?x ; org:member ?person ; kg:roleName ?role .
      FILTER (STR(?role) IN (%s))
      OPTIONAL { ?person foaf:name ?pn }
      OPTIONAL { ?spell kg:spellStart ?start } OPTIONAL { ?spell kg:spellEnd ?end }
      OPTIONAL { ?spell kg:attestedOn ?on } OPTIONAL { ?spell kg:current ?current }
      OPTIONAL { ?spell kg:evidence ?evidence }
      OPTIONAL { ?spell prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
    } GROUP BY ?spell ?person ?role ?start ?end ?on ?current ?evidence ?doc""" % ", ".join(f'"{r}"' for r in CHAIR_ROLES)


def chairs(rows: list[dict]) -> dict | None:
    """A committee's heads over time: the timeline of :func:`timeline`, a bar a dated spell of a
    résumé and a one-year mark an office attested on its document's date; the undated listed apart.

    >>> c = chairs([{"role": {"value": "主席"}, "start": {"value": "2012"}, "end": {"value": "2017-01"}},
    ...             {"role": {"value": "主席"}, "on": {"value": "2018-05-02"}}])
    >>> [(b["x"], b["width"], b["attested"]) for b in c["bars"]]
    [(0.0, 71.429, False), (85.714, 14.286, True)]
    """
    dated = []
    for r in rows:
        if not r.get("start") and not r.get("end") and r.get("on"):  # an office: attested on a date
            r = {**r, "start": r["on"], "end": r["on"], "attested": True}
        dated.append({"attested": False, **r})
    return timeline(dated)


def _tree(q: Q, iri: str) -> dict:
    """The division's ancestors (nation first), itself and its children."""
    chain = []
    current, seen = iri, set()
    while current and current not in seen and len(chain) < 8:
        seen.add(current)
        rows = _rows(q, """SELECT ?parent (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?code) WHERE {
                             OPTIONAL { ?x skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), "zh")) }
                             OPTIONAL { ?x kg:divisionCode ?c }
                             OPTIONAL { ?x kg:partOf ?parent } } GROUP BY ?parent""", current)
        row = rows[0] if rows else {}
        chain.append({"iri": current, "label": _v(row, "label") or current.rsplit("/", 1)[-1],
                      "code": _v(row, "code")})
        current = _v(row, "parent")
    children = _rows(q, """SELECT ?child (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?code) WHERE {
                             ?child kg:partOf ?x .
                             OPTIONAL { ?child skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), "zh")) }
                             OPTIONAL { ?child kg:divisionCode ?c } } GROUP BY ?child ORDER BY ?code ?label
                             LIMIT 400""", iri)
    return {"ancestors": list(reversed(chain[1:])), "self": chain[0], "children": children}


def _division(q: Q, iri: str) -> dict:
    bodies = _rows(q, """SELECT ?body (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?office) AS ?offices) WHERE {
                           ?body kg:division ?x . OPTIONAL { ?body skos:prefLabel ?l }
                           OPTIONAL { ?office org:organization ?body } } GROUP BY ?body ORDER BY ?label""", iri)
    concepts = _rows(q, """SELECT ?concept (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type)
                             (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
                             ?m kg:aboutDivision ?x ; kg:concept ?concept ; prov:wasDerivedFrom ?doc .
                             OPTIONAL { ?concept skos:prefLabel ?l } OPTIONAL { ?concept kg:conceptType ?t }
                           } GROUP BY ?concept ORDER BY DESC(?documents) ?label""", iri)
    return {"tree": _tree(q, iri), "bodies": bodies, "concepts": concepts}


def _concept(q: Q, iri: str) -> dict:
    mentions = _rows(q, """
        SELECT ?mention ?evidence ?doc (SAMPLE(?dt) AS ?docTitle) (SAMPLE(?d) AS ?division)
               (SAMPLE(?dl) AS ?divisionLabel) WHERE {
          ?mention kg:concept ?x .
          OPTIONAL { ?mention kg:evidence ?evidence }
          OPTIONAL { ?mention prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:title ?dt } }
          OPTIONAL { ?mention kg:aboutDivision ?d . OPTIONAL { ?d skos:prefLabel ?dl FILTER(LANGMATCHES(LANG(?dl), "zh")) } }
        } GROUP BY ?mention ?evidence ?doc ORDER BY ?doc""", iri)
    return {"mentions": mentions}


def _document(q: Q, iri: str) -> dict:
    offices = _rows(q, """
        SELECT ?office ?person (SAMPLE(?pn) AS ?personName) ?role ?org (SAMPLE(?ol) AS ?orgLabel) ?evidence
               (MIN(?s) AS ?start) WHERE {
          ?office a org:Membership ; prov:wasDerivedFrom ?x ; org:member ?person ; kg:roleName ?role ;
                  org:organization ?org .
          OPTIONAL { ?person foaf:name ?pn } OPTIONAL { ?org skos:prefLabel ?ol }
          OPTIONAL { ?office kg:evidence ?evidence } OPTIONAL { ?office kg:startOffset ?s }
        } GROUP BY ?office ?person ?role ?org ?evidence ORDER BY ?start""", iri)
    concepts = _rows(q, """
        SELECT ?concept (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) ?evidence (MIN(?s) AS ?start) WHERE {
          ?m a kg:ConceptMention ; prov:wasDerivedFrom ?x ; kg:concept ?concept .
          OPTIONAL { ?concept skos:prefLabel ?l } OPTIONAL { ?concept kg:conceptType ?t }
          OPTIONAL { ?m kg:evidence ?evidence } OPTIONAL { ?m kg:startOffset ?s }
        } GROUP BY ?concept ?evidence ORDER BY ?start""", iri)
    credits = _rows(q, """
        SELECT ?person (SAMPLE(?pn) AS ?personName) ?role WHERE {
          ?c a kg:PressCredit ; prov:wasDerivedFrom ?x ; prov:agent ?person ; kg:roleName ?role .
          OPTIONAL { ?person foaf:name ?pn } } GROUP BY ?person ?role""", iri)
    return {"doc_offices": offices, "doc_concepts": concepts, "doc_credits": credits}


def describe(q: Q, iri: str) -> list:
    """The triples about ``iri`` (as subject or object), for its RDF representations.

    :raises Problem: 404 when there are none.
    """
    _check_iri(iri)
    result = q(bind("CONSTRUCT { ?x ?p ?o . ?s ?q ?x } WHERE { { ?x ?p ?o } UNION { ?s ?q ?x } }",
                    x=NamedNode(iri)))
    triples = list(result)
    if not triples:
        raise not_found(f"<{iri}>")
    return triples


SEARCH_TYPES = {
    FOAF.Person.value: "person", ORG.Organization.value: "committee", KG.Campaign.value: "campaign",
    KG.Slogan.value: "slogan", KG.Brand.value: "brand", KG.Document.value: "document",
}


def search(q: Q, text: str, limit: int = 20) -> list[dict]:
    """Entities (people, bodies, divisions, campaigns, slogans, brands, documents) whose label
    contains ``text``, exact matches and short labels first."""
    text = " ".join(text.split())
    if not text:
        return []
    rows = _rows(q, f"""
        SELECT ?s (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (MAX(?exact) AS ?isExact) WHERE {{
          ?s skos:prefLabel|skos:altLabel|foaf:name|dcterms:title ?l .
          FILTER(CONTAINS(STR(?l), STR(?needle)))
          ?s a ?t .
          FILTER(?t IN (foaf:Person, org:Organization, kg:Campaign, kg:Slogan, kg:Brand, kg:Document)
                 || EXISTS {{ ?t rdfs:subClassOf* kg:AdministrativeDivision }})
          BIND(STR(?l) = STR(?needle) AS ?exact)
        }} GROUP BY ?s ORDER BY DESC(?isExact) STRLEN(STR(?label)) ?label LIMIT {int(limit)}""",
                 needle=Literal(text))
    out = []
    for r in rows:
        t = _v(r, "type")
        out.append({"iri": _v(r, "s"), "label": _v(r, "label"),
                    "type": SEARCH_TYPES.get(t, "division"), "exact": _v(r, "isExact") == "true"})
    return out


def void_stats(q: Q) -> dict:
    """Counts for the VoID description."""
    def one(query: str) -> str:
        rows = _rows(q, query)
        return _v(rows[0], "n") if rows else ""

    classes = _rows(q, "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class")
    return {
        "triples": one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        "entities": one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        "documents": one("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"),
        "classes": [(_v(c, "class"), _v(c, "n")) for c in classes],
        "modified": one("SELECT (MAX(?m) AS ?n) WHERE { ?s a kg:Store ; dcterms:modified ?m }"),
        "graphs": one("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    }


_NAME_PATH = "skos:prefLabel|foaf:name|kg:fileName|skos:altLabel"
#: categories whose names become links in a result table (roles, mentions ... stay text)
LINKED_CATEGORIES = {"person", "committee", "body", "division", "campaign", "slogan", "brand", "document"}
MAX_LOOKUP = 5000  # IRIs or names looked up in one request


def _values(terms: list[str]) -> str:
    return " ".join(terms)


def lookup(q: Q, iris: list[str], names: list[str]) -> dict:
    """What the UI shows for the IRIs and short literals of a result, in a few queries.

    ``iris``: label, category (:data:`kg.viz.CATEGORIES`) and, for a division, its GB/T 2260 code.
    ``names``: the entities (people, bodies, divisions, concepts, documents) whose name, label or
    file name is exactly that text; one entity makes the cell a link to it, several a link to the
    search page that lists them.

    >>> # lookup(q, ["https://…/id/division/620724"], ["王某某"])
    >>> # {"iris": {"https://…/620724": {"label": "高台县", "category": "division", "code": "620724"}},
    >>> #  "names": {"王某某": {"iri": "https://…/id/person/…", "label": "王某某", "category": "person", "count": 1}}}

    A division named by several entities (two 朝阳区) gives the first by IRI and ``count`` 2.
    """
    valid = []
    for iri in dict.fromkeys(iris[:MAX_LOOKUP]):
        try:
            valid.append(NamedNode(iri))
        except ValueError:
            continue
    out_iris: dict[str, dict] = {}
    if valid:
        names_of = labels(q, {n.value for n in valid})
        types: dict[str, list[str]] = {}
        codes: dict[str, str] = {}
        for i in range(0, len(valid), 500):
            chunk = _values([str(n) for n in valid[i:i + 500]])
            for r in _rows(q, f"SELECT ?s ?t WHERE {{ VALUES ?s {{ {chunk} }} ?s a ?t }}"):
                types.setdefault(_v(r, "s"), []).append(_v(r, "t"))
            for r in _rows(q, f"SELECT ?s ?c WHERE {{ VALUES ?s {{ {chunk} }} ?s kg:divisionCode ?c }}"):
                codes[_v(r, "s")] = _v(r, "c")
        for n in valid:
            iri = n.value
            entry = {"category": _category(types.get(iri, []))}
            if iri in names_of:
                entry["label"] = names_of[iri]
            if iri in codes:
                entry["code"] = codes[iri]
            out_iris[iri] = entry
    out_names: dict[str, dict] = {}
    texts = [t for t in dict.fromkeys(names[:MAX_LOOKUP]) if t and len(t) <= 80]
    for i in range(0, len(texts), 300):
        chunk = texts[i:i + 300]
        values = _values([f"{Literal(t, language='zh')} {Literal(t)}" for t in chunk])
        rows = _rows(q, f"""SELECT ?l ?s (SAMPLE(?pl) AS ?label) (SAMPLE(?c) AS ?code)
                                   (GROUP_CONCAT(DISTINCT STR(?t)) AS ?types) WHERE {{
                              VALUES ?l {{ {values} }} ?s {_NAME_PATH} ?l ; a ?t .
                              OPTIONAL {{ ?s skos:prefLabel|foaf:name ?pl }} OPTIONAL {{ ?s kg:divisionCode ?c }}
                            }} GROUP BY ?l ?s""")
        found: dict[str, dict[str, dict]] = {}
        for r in rows:
            category = _category(_v(r, "types").split())
            if category not in LINKED_CATEGORIES:
                continue
            entity = {"iri": _v(r, "s"), "category": category, "label": _v(r, "label") or _v(r, "l")}
            if _v(r, "code"):
                entity["code"] = _v(r, "code")
            found.setdefault(_v(r, "l"), {})[_v(r, "s")] = entity
        for text, entities in found.items():
            first = entities[min(entities)]
            out_names[text] = {**first, "count": len(entities)}
    return {"iris": out_iris, "names": out_names}


def lookup_terms(rows: list[list]) -> tuple[list[str], list[str]]:
    """The IRIs and short plain literals of result rows (pyoxigraph terms) that :func:`lookup`
    takes, as the web UI picks them (static/views.js ``lookupRequest``)."""
    iris: dict[str, None] = {}
    names: dict[str, None] = {}
    plain = {"", "http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
    for row in rows:
        for t in row:
            if isinstance(t, NamedNode):
                iris.setdefault(t.value)
            elif isinstance(t, Literal) and (t.datatype.value if t.datatype else "") in plain \
                    and len(t.value) <= 40 and not re.fullmatch(r"[\d\s.:+-]+", t.value):
                names.setdefault(t.value)
    return list(iris)[:MAX_LOOKUP], list(names)[:MAX_LOOKUP]
