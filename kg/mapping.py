"""Records -> RDF: stable IRIs and the quads of one document's named graph (and of the background).

Pure functions, no I/O beyond reading the bundled ontology and gazetteer: the same extraction
always gives the same quads, so a rebuild is a no-op and documents map independently.

IRIs (``base`` defaults to :data:`DEFAULT_BASE`; every part is derived from content):

==========================  =====================================================================
division                    ``id/division/{GB/T 2260 code}``; the nation ``id/division/CN``;
                            a division the gazetteer does not know ``id/division/x-{name}`` or
                            ``id/division/x-{parent code}-{name}`` (name percent-encoded)
body                        ``id/org/{kind slug}/{division key}[/{hash of committee name}]``
person                      ``id/person/{hash(name + "|" + context)}``: context is the key of the
                            most specific division among the person's offices in the document
                            (offices in unrelated divisions make two persons), ``press`` for a
                            person with press credits only
office (org:Membership)     ``id/office/{hash(person IRI, role, body IRI, doc id)}``
role                        ``id/role/{title}``
document                    ``id/doc/{doc id}``, its graph ``graph/doc/{doc id}``
concept                     ``id/concept/{type}/{hash(name)}``
mention, credit, meeting    ``id/mention/{doc id}/{hash}``, ``id/credit/{doc id}/{hash}``,
                            ``id/meeting/{doc id}/{hash}``
graphs                      ``graph/background`` (ontology + gazetteer), ``graph/meta`` (store)
==========================  =====================================================================

Hashes are the first 16 hex digits of SHA-256 over UTF-8.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from . import __version__
from . import gazetteer as gaz
from .chinese import key_form
from .corpus import Document
from .records import (
    NATIONAL,
    Body,
    ConceptMention,
    DivisionMention,
    DivisionRef,
    Evidence,
    Extraction,
    Meeting,
    Office,
    PersonFacts,
    PressCredit,
    Spell,
    Unresolved,
)
from .paths import ontology_path
from .vocab import DCTERMS, FOAF, KG, ORG, PROV, RDF, SCHEMA, SKOS, TIME, XSD

DEFAULT_BASE = "https://w3id.org/kg-cppcc/"

#: Body kind -> (IRI slug, class of the body itself, class of a named unit under it)
BODY_KINDS: dict[str, tuple[str, NamedNode, NamedNode]] = {
    "政协": ("cppcc", KG.CPPCCCommittee, ORG.OrganizationalUnit),
    "政协专委会": ("cppcc-special", KG.CPPCCCommittee, KG.SpecialCommittee),
    "党委": ("party", KG.PartyCommittee, ORG.OrganizationalUnit),
    "人大": ("congress", KG.PeoplesCongress, ORG.OrganizationalUnit),
    "政府": ("government", KG.Government, KG.GovernmentDepartment),
    "中央": ("central", KG.CentralOrgan, KG.CentralOrgan),
}

CONCEPT_CLASSES: dict[str, NamedNode] = {
    "campaign": KG.Campaign,
    "slogan": KG.Slogan,
    "brand": KG.Brand,
}

#: gazetteer kind -> division class
DIVISION_CLASSES: dict[str, NamedNode] = {
    "省": KG.Province,
    "自治区": KG.AutonomousRegion,
    "直辖市": KG.Municipality,
    "特别行政区": KG.SpecialAdministrativeRegion,
    "地级市": KG.PrefectureCity,
    "自治州": KG.AutonomousPrefecture,
    "地区": KG.Prefecture,
    "盟": KG.League,
    "县": KG.County,
    "自治县": KG.AutonomousCounty,
    "县级市": KG.CountyLevelCity,
    "市辖区": KG.District,
    "区": KG.District,
    "旗": KG.Banner,
    "自治旗": KG.AutonomousBanner,
}
LEVEL_CLASSES: dict[str, NamedNode] = {
    "nation": KG.Nation,
    "province": KG.Province,
    "prefecture": KG.PrefectureLevelDivision,
    "county": KG.CountyLevelDivision,
}
_LEVEL_DEPTH = {"nation": 0, "province": 1, "prefecture": 2, "county": 3}

#: Bump when the shape of the mapped graphs changes, so that stores rebuild their graphs.
MAPPING_VERSION = "7"  # 2: denormalised copies on offices and credits (kg:holderName ...); 3: names keyed in simplified form; 4: unresolved offices; 5: document dates with precision and source, offices attested on them, dcterms:source relative; 6: career spells (org:memberDuring a time:Interval) and résumé profiles; 7: kg:fromYear/kg:toYear on every office and spell


def short_hash(*parts: str) -> str:
    """First 16 hex digits of SHA-256 over the parts joined by "|".

    >>> short_hash("王某", "620723")
    '99be791b51a6488e'
    """
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _q(text: str) -> str:
    return quote(text, safe="")


@dataclass(frozen=True)
class Iris:
    """Mints kg's IRIs under one base (which must end in "/" or "#")."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S*[/#]$", self.base):
            from .errors import UsageError

            raise UsageError(f"base IRI {self.base!r} must be an absolute IRI ending in '/' or '#'")

    def _n(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    # graphs -------------------------------------------------------------------------------
    @property
    def background_graph(self) -> NamedNode:
        return self._n("graph/background")

    @property
    def meta_graph(self) -> NamedNode:
        return self._n("graph/meta")

    @property
    def links_graph(self) -> NamedNode:
        """The persons of several documents known to be one (:mod:`kg.people`)."""
        return self._n("graph/links")

    @property
    def store(self) -> NamedNode:
        return self._n("id/store")

    def doc_graph(self, doc_id: str) -> NamedNode:
        return self._n(f"graph/doc/{doc_id}")

    def doc_graph_prefix(self) -> str:
        return self.base + "graph/doc/"

    # resources ------------------------------------------------------------------------------
    def doc(self, doc_id: str) -> NamedNode:
        return self._n(f"id/doc/{doc_id}")

    @property
    def nation(self) -> NamedNode:
        return self._n("id/division/CN")

    def division_code(self, code: str) -> NamedNode:
        return self._n(f"id/division/{code}")

    def division(self, ref: DivisionRef) -> NamedNode:
        return self._n(f"id/division/{division_key(ref)}")

    def org(self, body: Body) -> NamedNode:
        slug = BODY_KINDS[body.kind][0]
        path = f"id/org/{slug}/{division_key(body.division)}"
        if body.committee:
            path += f"/{short_hash(body.committee)}"
        return self._n(path)

    def parent_org(self, body: Body) -> NamedNode | None:
        """The body a named unit belongs to (a special committee's CPPCC, a department's
        government); None for a body that is not a unit of another."""
        if not body.committee or body.kind == "中央":
            return None
        parent_kind = "政协" if body.kind == "政协专委会" else body.kind
        return self.org(Body(parent_kind, body.division))

    def person(self, name: str, context: str) -> NamedNode:
        """A person by the key form of their name (劉某偉 = 刘某伟) and the context that tells
        same-name people apart."""
        return self._n(f"id/person/{short_hash(key_form(name) + '|' + context)}")

    def office(self, person: NamedNode, role: str, org: NamedNode, doc_id: str) -> NamedNode:
        return self._n(f"id/office/{short_hash(_value(person), role, _value(org), doc_id)}")

    def spell(self, person: NamedNode, role: str, org: NamedNode, start: str | None, end: str | None,
              doc_id: str) -> NamedNode:
        return self._n(f"id/spell/{short_hash(_value(person), role, _value(org), start or '', end or '', doc_id)}")

    def interval(self, start: str | None, end: str | None) -> NamedNode:
        return self._n(f"id/interval/{start or 'unknown'}--{end or 'open'}")

    def instant(self, value: str) -> NamedNode:
        return self._n(f"id/time/{value}")

    def link(self, a: str, b: str, role: str, org: str, *graphs: str) -> NamedNode:
        """The link of persons ``a`` and ``b`` (IRIs) by the post ``role`` of ``org`` (and, when
        ``a`` is ``b``, the two documents' ``graphs``)."""
        return self._n(f"id/link/{short_hash(a, b, role, org, *graphs)}")

    def profile(self, doc_id: str, person: NamedNode) -> NamedNode:
        return self._n(f"id/profile/{doc_id}/{short_hash(_value(person))}")

    def role(self, title: str) -> NamedNode:
        return self._n(f"id/role/{_q(title)}")

    def concept(self, type_: str, name: str) -> NamedNode:
        return self._n(f"id/concept/{type_}/{short_hash(key_form(name))}")

    def mention(self, doc_id: str, *parts: str) -> NamedNode:
        return self._n(f"id/mention/{doc_id}/{short_hash(*parts)}")

    def credit(self, doc_id: str, *parts: str) -> NamedNode:
        return self._n(f"id/credit/{doc_id}/{short_hash(*parts)}")

    def meeting(self, doc_id: str, *parts: str) -> NamedNode:
        return self._n(f"id/meeting/{doc_id}/{short_hash(*parts)}")


class _Forms(Iris):
    """The same IRIs in N-Triples form (``"<iri>"`` strings), as the mapper writes them."""

    def _n(self, path: str) -> str:
        iri = self.base + path
        if _NOT_IRI.search(iri):
            raise ValueError(f"not an IRI: {iri!r}")
        return f"<{iri}>"


def _value(node: NamedNode | str) -> str:
    """The IRI of a node of :class:`Iris` or of :class:`_Forms`."""
    return node[1:-1] if isinstance(node, str) else node.value


def division_key(ref: DivisionRef) -> str:
    """The last IRI segment of a division: its code, ``CN``, or ``x-[parent-]name``.

    >>> division_key(DivisionRef("全国", "全国", None, "nation"))
    'CN'
    >>> division_key(DivisionRef("陇西市", "陇西市", None, "county", parent="621100", flagged=True))
    'x-621100-%E9%99%87%E8%A5%BF%E5%B8%82'
    """
    if not ref.flagged:
        if ref.code and gaz.load().get(ref.code) is not None:
            return ref.code
        if ref.code is None and ref.name == NATIONAL:
            return "CN"
    prefix = f"x-{ref.parent}-" if ref.parent else "x-"
    return prefix + _q(ref.name)


def is_known(ref: DivisionRef) -> bool:
    """Is the division in the background graph (the gazetteer or the nation)?"""
    key = division_key(ref)
    return key == "CN" or key == ref.code


def body_label(body: Body) -> str:
    """The name of a body as a reader would write it (高台县政协, 甘肃省政协教育科技委员会, 国务院).

    >>> body_label(Body("政协", DivisionRef("全国", "全国", None, "nation")))
    '全国政协'
    """
    div = body.division
    national = division_key(div) == "CN"
    name = div.name
    if body.kind == "中央":
        return body.committee or "中共中央"
    base = {
        "政协": "全国政协" if national else f"{name}政协",
        "政协专委会": "全国政协" if national else f"{name}政协",
        "党委": "中共中央" if national else f"{name}委",
        "人大": "全国人大" if national else f"{name}人大",
        "政府": "国务院" if national else f"{name}人民政府",
    }[body.kind]
    if not body.committee:
        return base
    if body.kind == "政府":
        if national or body.committee.startswith(name):
            return body.committee
        return f"{name}{body.committee}"
    return base + body.committee


# ---------------------------------------------------------------------------------------------
# literals


# (literals are immutable: the ones that recur, role names, labels, offsets, are made once)
@lru_cache(maxsize=1 << 14)
def zh(text: str) -> Literal:
    return Literal(text, language="zh")


def en(text: str) -> Literal:
    return Literal(text, language="en")


@lru_cache(maxsize=1 << 14)
def string(text: str) -> Literal:
    return Literal(text)


@lru_cache(maxsize=1 << 14)
def integer(n: int) -> Literal:
    return Literal(str(int(n)), datatype=XSD.integer)


def boolean(b: bool) -> Literal:
    return Literal("true" if b else "false", datatype=XSD.boolean)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PRECISION = {10: "day", 7: "month", 4: "year"}


def date_literal(value: str | None) -> Literal | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as an ``xsd:date``, ``xsd:gYearMonth`` or
    ``xsd:gYear`` literal (None for anything else).

    >>> date_literal("2011-02").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    if not value:
        return None
    if _ISO_DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return None


# the same terms as N-Triples text, which is what the mapper writes: a document's graph is built as
# strings and written as N-Quads without a pyoxigraph term made (and hashed) for each node

#: The vocabulary in N-Triples form (``kg.division`` is ``"<...ontology#division>"``).
kg, rdf, org, foaf, prov, skos, dcterms, owltime, schema = (
    ns.nt for ns in (KG, RDF, ORG, FOAF, PROV, SKOS, DCTERMS, TIME, SCHEMA))

#: What the N-Triples serialiser escapes in a literal's lexical form (pyoxigraph's ``str`` of a
#: literal; tests/test_fast_paths.py checks every character against it).
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)},
            0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_NEEDS_ESCAPE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ESCAPES)) + "]")


def _quoted(text: str) -> str:
    return f'"{text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text}"'


@lru_cache(maxsize=1 << 14)
def nt_zh(text: str) -> str:
    """:func:`zh` in N-Triples form."""
    return _quoted(text) + "@zh"


@lru_cache(maxsize=1 << 14)
def nt_string(text: str) -> str:
    return _quoted(text)


@lru_cache(maxsize=1 << 14)
def nt_integer(n: int) -> str:
    return f'"{int(n)}"^^<{XSD.integer.value}>'


_NT_TRUE, _NT_FALSE = (f'"{v}"^^<{XSD.boolean.value}>' for v in ("true", "false"))


def nt_boolean(b: bool) -> str:
    return _NT_TRUE if b else _NT_FALSE


def nt_date(value: str | None) -> str | None:
    """:func:`date_literal` in N-Triples form."""
    literal = date_literal(value)
    return None if literal is None else f'"{literal.value}"^^<{literal.datatype.value}>'


#: What may not stand in an IRI (pyoxigraph's ``NamedNode`` refuses it); every IRI kg mints is
#: checked, as making a ``NamedNode`` did.
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class _GraphBuilder:
    """Collects the triples of one named graph, once each, in insertion order: each term in
    N-Triples form (an IRI ``<...>``, a literal from :func:`nt_zh`, :func:`nt_string` ...)."""

    def __init__(self, graph: str):
        self.graph = graph
        self._seen: dict[tuple[str, str, str], None] = {}

    def add(self, s: str, p: str, o: str) -> None:
        self._seen.setdefault((s, p, o), None)

    def nquads(self) -> tuple[bytes, int]:
        """The quads as N-Quads (the bytes ``serialize`` writes of the same quads), and how many."""
        tail = f" {self.graph} .\n"
        return "".join([f"{s} {p} {o}{tail}" for s, p, o in self._seen]).encode(), len(self._seen)

    def ntriples(self) -> bytes:
        return "".join([f"{s} {p} {o} .\n" for s, p, o in self._seen]).encode()

    def quads(self) -> list[Quad]:
        return list(parse(self.nquads()[0], format=RdfFormat.N_QUADS))


# ---------------------------------------------------------------------------------------------
# a document


def extraction_to_quads(extraction: Extraction, document: Document, base: str = DEFAULT_BASE) -> list[Quad]:
    """The quads of one document's named graph ``graph/doc/{doc id}``.

    :raises ValueError: the extraction belongs to another document, or has a body kind or
        concept type that is not one of :data:`kg.records.BODY_KINDS` / ``CONCEPT_TYPES``.
    """
    return _graph(extraction, document, base).quads()


def extraction_to_nquads(extraction: Extraction, document: Document, base: str = DEFAULT_BASE) -> tuple[bytes, int]:
    """:func:`extraction_to_quads` as N-Quads, and the number of quads (what a build writes)."""
    return _graph(extraction, document, base).nquads()


def _graph(extraction: Extraction, document: Document, base: str) -> _GraphBuilder:
    if extraction.doc_id != document.id:
        raise ValueError(f"extraction of {extraction.doc_id} given with document {document.id}")
    return _DocumentMapper(extraction, document, _Forms(base)).run()


class _DocumentMapper:
    def __init__(self, extraction: Extraction, document: Document, iris: Iris):
        self.x = extraction
        self.d = document
        self.iris = iris
        self.doc = iris.doc(document.id)
        self.file_name = nt_string(document.name)  # (kg:documentFileName of every office, credit ...)
        self.g = _GraphBuilder(iris.doc_graph(document.id))
        self.contexts = _person_contexts(extraction.offices)
        # a person named without an office (press credit, meeting chair) is the first person of
        # that name among the offices (the most specific), else a press-only person
        self.by_name: dict[str, str] = {}
        for (name, _), context in self.contexts.items():
            self.by_name.setdefault(name, context)
        self.by_key = {key_form(name): context for name, context in self.by_name.items()}

    def run(self) -> _GraphBuilder:
        self.document()
        seen_offices: set[str] = set()
        for office in sorted(self.x.offices, key=lambda o: (o.evidence.start, o.evidence.end)):
            self.office(office, seen_offices)
        seen_credits: set[str] = set()
        for credit in sorted(self.x.press, key=lambda c: (c.evidence.start, c.evidence.end)):
            self.press_credit(credit, seen_credits)
        for mention in self.x.concepts:
            self.concept_mention(mention)
        for meeting in self.x.meetings:
            self.meeting(meeting)
        for mention in self.x.divisions:
            self.division_mention(mention)
        for unresolved in self.x.unresolved:
            self.unresolved_office(unresolved)
        for spell in self.x.spells:
            self.spell(spell)
        for facts in self.x.people:
            self.profile(facts)
        return self.g

    # nodes ---------------------------------------------------------------------------------
    def document(self) -> None:
        add, doc, d = self.g.add, self.doc, self.d
        add(doc, rdf.type, kg.Document)
        add(doc, rdf.type, prov.Entity)
        add(doc, dcterms.identifier, nt_string(d.id))
        add(doc, dcterms.title, nt_zh(self.x.title.strip() or _first_line(d.text) or d.name))
        add(doc, kg.fileName, nt_string(d.name))
        # the page's URL or the path relative to the input root: never a path of this machine
        add(doc, dcterms.source, nt_string(self.x.source or d.name))
        add(doc, kg.text, nt_zh(d.text))
        add(doc, kg.encoding, nt_string(d.encoding))
        date = nt_date(self.x.date)
        if date is not None:
            add(doc, dcterms.date, date)
            add(doc, kg.datePrecision, nt_string(_PRECISION[len(self.x.date)]))
            add(doc, kg.dateSource, nt_string(self.x.date_source or "text"))
            if self.x.date_inferred:
                add(doc, kg.dateInferred, nt_boolean(True))
        elif self.x.date:
            add(doc, kg.dateAsWritten, nt_string(self.x.date))
        if self.x.date_as_written and date is None:
            add(doc, kg.dateAsWritten, nt_string(self.x.date_as_written))

    def evidence(self, node: str, ev: Evidence) -> None:
        add = self.g.add
        add(node, kg.evidence, nt_zh(ev.sentence))
        add(node, kg.startOffset, nt_integer(ev.start))
        add(node, kg.endOffset, nt_integer(ev.end))
        add(node, kg.sourceStartOffset, nt_integer(ev.source_start))
        add(node, kg.sourceEndOffset, nt_integer(ev.source_end))
        add(node, prov.wasDerivedFrom, self.doc)

    def division(self, ref: DivisionRef) -> str:
        """The division's IRI; a division the background lacks is described in the doc graph."""
        node = self.iris.division(ref)
        if is_known(ref):
            return node
        add = self.g.add
        cls = DIVISION_CLASSES.get(ref.kind) or LEVEL_CLASSES.get(ref.level, KG.AdministrativeDivision)
        add(node, rdf.type, str(cls))
        add(node, skos.prefLabel, nt_zh(ref.name))
        add(node, kg.flagged, nt_boolean(True))
        parent = gaz.load().get(ref.parent)
        if parent is not None:
            add(node, kg.partOf, self.iris.division_code(parent.code))
        province = gaz.load().get(ref.province) or (gaz.load().get(parent.province) if parent else None)
        if province is not None:
            add(node, kg.inProvince, self.iris.division_code(province.code))
        return node

    def body(self, body: Body) -> str:
        if body.kind not in BODY_KINDS:
            raise ValueError(f"unknown body kind {body.kind!r}; expected one of {', '.join(BODY_KINDS)}")
        add = self.g.add
        node = self.iris.org(body)
        _, body_class, unit_class = BODY_KINDS[body.kind]
        parent = self.iris.parent_org(body)
        add(node, rdf.type, org.Organization)
        if body.committee:
            add(node, rdf.type, str(unit_class))
            add(node, kg.committeeName, nt_zh(body.committee))
        else:
            add(node, rdf.type, str(body_class))
        add(node, skos.prefLabel, nt_zh(body_label(body)))
        add(node, kg.bodyKind, nt_string(body.kind))
        add(node, kg.division, self.division(body.division))
        if parent is not None:
            parent_body = Body("政协" if body.kind == "政协专委会" else body.kind, body.division)
            self.body(parent_body)
            add(node, org.subOrganizationOf, parent)
        return node

    def person(self, name: str, context: str | None = None) -> str:
        node = self.iris.person(name, context or self.by_name.get(name, "press"))
        self.g.add(node, rdf.type, foaf.Person)
        self._labels(node, foaf.name, name)
        return node

    def _labels(self, node: str, predicate: str, printed: str) -> None:
        """``predicate`` the key form (simplified), skos:altLabel the form printed when it differs."""
        key = key_form(printed)
        self.g.add(node, predicate, nt_zh(key))
        if printed != key:
            self.g.add(node, skos.altLabel, nt_zh(printed))

    def role(self, title: str, cls: str) -> str:
        node = self.iris.role(title)
        self.g.add(node, rdf.type, cls)
        self.g.add(node, skos.prefLabel, nt_zh(title))
        return node

    def office(self, office: Office, seen: set[str]) -> None:
        context = self.contexts[(office.person, office.body.division)]
        person = self.iris.person(office.person, context)
        body_node = self.iris.org(office.body)
        node = self.iris.office(person, office.role, body_node, self.d.id)
        if node in seen:
            return  # the same office stated again: the first statement is its evidence
        seen.add(node)
        add = self.g.add
        self.person(office.person, context)
        self.body(office.body)
        add(node, rdf.type, org.Membership)
        add(node, org.member, person)
        add(node, org.organization, body_node)
        add(node, org.role, self.role(office.role, org.Role))
        add(node, kg.roleName, nt_zh(office.role))
        add(node, kg.divisionAsWritten, nt_zh(office.body.division.written or office.body.division.name))
        self.evidence(node, office.evidence)
        attested = nt_date(self.x.date)
        if attested is not None:  # the office is attested on its document's date
            add(node, kg.attestedOn, attested)
            self.years(node, self.x.date[:4], self.x.date[:4])
        # copies of what the whole-table queries need, so that they are one star per office
        add(node, kg.holderName, nt_zh(key_form(office.person)))
        add(node, kg.documentFileName, self.file_name)
        add(node, kg.officeBody, nt_zh(body_label(office.body)))
        add(node, kg.officeBodyKind, nt_string(office.body.kind))
        if office.body.committee:
            add(node, kg.officeCommittee, nt_zh(office.body.committee))
        facts = division_facts(office.body.division)
        if facts.code:
            add(node, kg.officeDivisionCode, nt_string(facts.code))
        if facts.level:
            add(node, kg.officeDivisionLevel, nt_string(facts.level))
        if facts.parent:
            add(node, kg.officeParent, nt_zh(facts.parent))
        if facts.province:
            add(node, kg.officeProvince, nt_zh(facts.province))

    def years(self, node: str, first: str, last: str) -> None:
        """kg:fromYear and kg:toYear (xsd:integer): the years a membership covers, computed here so
        that a query compares two literals of the membership instead of reading its dates through
        OPTIONAL patterns (BENCHMARKS.md, figure 4)."""
        if first.isdigit() and last.isdigit():
            self.g.add(node, kg.fromYear, nt_integer(int(first)))
            self.g.add(node, kg.toYear, nt_integer(int(last)))

    def career_person(self, name: str) -> str:
        """The person of a résumé: the one its offices in this document name, else one of this
        document (linked to others across documents by :mod:`kg.people`)."""
        context = self.by_name.get(name) or self.by_key.get(key_form(name)) or f"doc:{self.d.id}"
        return self.person(name, context)

    def spell(self, spell: Spell) -> None:
        """A dated post: an org:Membership (kg:CareerSpell) with org:memberDuring a time:Interval."""
        if spell.body.kind not in BODY_KINDS:
            raise ValueError(f"unknown body kind {spell.body.kind!r}; expected one of {', '.join(BODY_KINDS)}")
        person = self.career_person(spell.person)
        body_node = self.body(spell.body)
        node = self.iris.spell(person, spell.role, body_node, spell.start, spell.end, self.d.id)
        add = self.g.add
        add(node, rdf.type, kg.CareerSpell)
        add(node, rdf.type, org.Membership)
        add(node, org.member, person)
        add(node, org.organization, body_node)
        add(node, org.role, self.role(spell.role, org.Role))
        add(node, kg.roleName, nt_zh(spell.role))
        add(node, kg.divisionAsWritten, nt_zh(spell.body.division.written or spell.body.division.name))
        self.evidence(node, spell.evidence)
        if spell.start or spell.end:
            interval = self.iris.interval(spell.start, spell.end)
            add(node, org.memberDuring, interval)
            add(interval, rdf.type, owltime.Interval)
            for value, predicate in ((spell.start, owltime.hasBeginning), (spell.end, owltime.hasEnd)):
                if value:
                    instant = self.iris.instant(value)
                    add(interval, predicate, instant)
                    add(instant, rdf.type, owltime.Instant)
                    add(instant, owltime.inXSDgYearMonth if len(value) == 7 else owltime.inXSDgYear, nt_date(value))
        # copies for one-star queries (kg:spellHolderName, not kg:holderName: a spell is no office
        # the document attests on its date, and the offices queries leave it out)
        add(node, kg.spellHolderName, nt_zh(key_form(spell.person)))
        # the years the post covers, for queries that filter on years (holders-in, colleagues): from
        # its start (else its end) to its end, else the document's year for a current post, else its start
        first = spell.start or spell.end
        last = spell.end or (self.x.date if spell.current and self.x.date else None) or spell.start
        if first and last:
            self.years(node, first[:4], last[:4])
        if spell.start:
            add(node, kg.spellStart, nt_string(spell.start))
        if spell.end:
            add(node, kg.spellEnd, nt_string(spell.end))
        add(node, kg.current, nt_boolean(spell.current))
        for flag in spell.flags:
            add(node, kg.spellFlag, nt_string(flag))
        add(node, kg.documentFileName, self.file_name)
        add(node, kg.officeBody, nt_zh(body_label(spell.body)))
        add(node, kg.officeBodyKind, nt_string(spell.body.kind))
        if spell.body.committee:
            add(node, kg.officeCommittee, nt_zh(spell.body.committee))
        facts = division_facts(spell.body.division)
        if facts.code:
            add(node, kg.officeDivisionCode, nt_string(facts.code))
        if facts.level:
            add(node, kg.officeDivisionLevel, nt_string(facts.level))
        if facts.parent:
            add(node, kg.officeParent, nt_zh(facts.parent))
        if facts.province:
            add(node, kg.officeProvince, nt_zh(facts.province))

    def profile(self, p: PersonFacts) -> None:
        """What a résumé says of its subject, as a node of its own (another résumé may say otherwise)."""
        person = self.career_person(p.person)
        node = self.iris.profile(self.d.id, person)
        add = self.g.add
        add(node, rdf.type, kg.Profile)
        add(node, kg.describes, person)
        self.evidence(node, p.evidence)
        if p.gender:
            add(node, foaf.gender, nt_string({"男": "male", "女": "female"}.get(p.gender, p.gender)))
        if p.ethnicity:
            add(node, kg.ethnicity, nt_zh(key_form(p.ethnicity)))
        for value, predicate in ((p.born, schema.birthDate), (p.party_joined, kg.partyJoined),
                                 (p.work_started, kg.workStarted)):
            if value and nt_date(value) is not None:
                add(node, predicate, nt_date(value))
        if p.native_place is not None:
            add(node, kg.nativePlace, self.division(p.native_place))
        if p.native_place_written:
            add(node, kg.nativePlaceAsWritten, nt_zh(p.native_place_written))
        if p.education:
            add(node, kg.education, nt_zh(p.education))

    def press_credit(self, credit: PressCredit, seen: set[str]) -> None:
        node = self.iris.credit(self.d.id, credit.person, credit.role)
        if node in seen:
            return
        seen.add(node)
        add = self.g.add
        add(node, rdf.type, kg.PressCredit)
        add(node, prov.agent, self.person(credit.person))
        add(node, prov.hadRole, self.role(credit.role, prov.Role))
        add(node, kg.roleName, nt_zh(credit.role))
        self.evidence(node, credit.evidence)
        add(node, kg.holderName, nt_zh(key_form(credit.person)))
        add(node, kg.documentFileName, self.file_name)
        add(self.doc, prov.qualifiedAttribution, node)

    def concept_mention(self, mention: ConceptMention) -> None:
        cls = CONCEPT_CLASSES.get(mention.type)
        if cls is None:
            raise ValueError(f"unknown concept type {mention.type!r}; expected one of {', '.join(CONCEPT_CLASSES)}")
        add = self.g.add
        concept = self.iris.concept(mention.type, mention.name)
        add(concept, rdf.type, str(cls))
        self._labels(concept, skos.prefLabel, mention.name)
        add(concept, kg.conceptType, nt_string(mention.type))
        ev = mention.evidence
        node = self.iris.mention(self.d.id, concept[1:-1], str(ev.start), str(ev.end))
        add(node, rdf.type, kg.ConceptMention)
        add(node, kg.concept, concept)
        if mention.division is not None:
            add(node, kg.aboutDivision, self.division(mention.division))
        self.evidence(node, ev)

    def division_mention(self, mention: DivisionMention) -> None:
        division = self.division(mention.division)
        ev = mention.evidence
        node = self.iris.mention(self.d.id, division[1:-1], str(ev.start), str(ev.end))
        self.g.add(node, rdf.type, kg.DivisionMention)
        self.g.add(node, kg.mentionedDivision, division)
        self.g.add(node, kg.divisionAsWritten, nt_zh(mention.division.written or mention.division.name))
        self.evidence(node, ev)

    def unresolved_office(self, u: Unresolved) -> None:
        """An office whose division could not be told: its words and why, nothing guessed."""
        ev = u.evidence
        node = self.iris.mention(self.d.id, "unresolved", u.person, u.role, u.kind, u.written, str(ev.start))
        add = self.g.add
        add(node, rdf.type, kg.UnresolvedOffice)
        add(node, kg.holderName, nt_zh(key_form(u.person)))
        add(node, kg.roleName, nt_zh(u.role))
        add(node, kg.officeBodyKind, nt_string(u.kind))
        add(node, kg.bodyAsWritten, nt_zh(u.written))
        add(node, kg.unresolvedReason, nt_string(u.reason))
        add(node, kg.documentFileName, self.file_name)
        self.evidence(node, ev)

    def meeting(self, meeting: Meeting) -> None:
        add = self.g.add
        ev = meeting.evidence
        node = self.iris.meeting(self.d.id, meeting.name, meeting.date or "", str(ev.start))
        add(node, rdf.type, kg.Meeting)
        add(node, skos.prefLabel, nt_zh(meeting.name))
        if meeting.date:
            if _ISO_DATE.match(meeting.date):
                add(node, dcterms.date, nt_date(meeting.date))
            else:
                add(node, kg.dateAsWritten, nt_string(meeting.date))
        if meeting.organiser is not None:
            add(node, kg.organisedBy, self.body(meeting.organiser))
            add(node, kg.aboutDivision, self.division(meeting.organiser.division))
        if meeting.chair:
            add(node, kg.chairedBy, self.person(meeting.chair))
        self.evidence(node, ev)


@dataclass(frozen=True)
class DivisionFacts:
    """What the graphs say about a division, as the whole-table queries read it: its GB/T 2260
    code (``kg:divisionCode``), its level from its class (nation, province, prefecture, county),
    the label of the prefecture-level division it is ``kg:partOf`` and of its ``kg:inProvince``."""

    code: str | None
    level: str | None
    parent: str | None
    province: str | None


@cache
def _superclasses() -> dict[NamedNode, set[NamedNode]]:
    """rdfs:subClassOf* of the ontology's classes (each class includes itself)."""
    direct: dict[NamedNode, set[NamedNode]] = {}
    sub_class_of = NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    for t in parse(path=str(ontology_path()), format=RdfFormat.TURTLE):
        if t.predicate == sub_class_of and isinstance(t.object, NamedNode):
            direct.setdefault(t.subject, set()).add(t.object)
    closure: dict[NamedNode, set[NamedNode]] = {}

    def up(c: NamedNode) -> set[NamedNode]:
        if c not in closure:
            closure[c] = {c}
            for d in direct.get(c, ()):
                closure[c] |= up(d)
        return closure[c]

    for c in list(direct):
        up(c)
    return closure


def _level_of(cls: NamedNode) -> str | None:
    sup = _superclasses().get(cls, {cls})
    for level, top in (("county", KG.CountyLevelDivision), ("prefecture", KG.PrefectureLevelDivision),
                       ("province", KG.Province), ("nation", KG.Nation)):
        if top in sup:
            return level
    return None


def _gazetteer_class(d: "gaz.Division") -> NamedNode:
    return DIVISION_CLASSES.get(d.kind) or LEVEL_CLASSES[d.level]


@cache
def division_facts(ref: DivisionRef) -> DivisionFacts:
    """The :class:`DivisionFacts` of a division, from the same sources as its triples: the
    gazetteer (background graph) for a known division, :meth:`_DocumentMapper.division` for
    another."""
    gazetteer = gaz.load()
    key = division_key(ref)
    if key == "CN":
        return DivisionFacts(None, "nation", None, None)
    if key == ref.code:
        d = gazetteer.get(ref.code)
        parent = gazetteer.get(d.parent) if d.parent else None
        province = gazetteer.get(d.province) if d.province else None
        return DivisionFacts(d.code, _level_of(_gazetteer_class(d)), _city_of(parent),
                             province.name if province is not None else None)
    cls = DIVISION_CLASSES.get(ref.kind) or LEVEL_CLASSES.get(ref.level, KG.AdministrativeDivision)
    parent = gazetteer.get(ref.parent)
    province = gazetteer.get(ref.province) or (gazetteer.get(parent.province) if parent else None)
    return DivisionFacts(None, _level_of(cls), _city_of(parent), province.name if province is not None else None)


def _city_of(parent: gaz.Division | None) -> str | None:
    """The name a county-level division's city column shows: its prefecture-level parent, or the
    municipality a district of 北京/天津/上海/重庆 lies in directly."""
    if parent is None:
        return None
    if _level_of(_gazetteer_class(parent)) == "prefecture" or parent.kind == "直辖市":
        return parent.name
    return None


def _person_contexts(offices: list[Office]) -> dict[tuple[str, DivisionRef], str]:
    """(name, division) -> person context: the key of the most specific division of the person.

    Within one document, offices of one name whose divisions lie on one line of descent (省政协委员
    and 张掖市政协主席, or 总书记 and anything) are one person, with the most specific division as
    context; the same name in two unrelated divisions (天祝县 and 金塔县) is two persons.
    """
    out: dict[tuple[str, DivisionRef], str] = {}
    by_name: dict[str, list[DivisionRef]] = {}
    for office in offices:
        divisions = by_name.setdefault(office.person, [])
        if office.body.division not in divisions:
            divisions.append(office.body.division)
    for name, divisions in by_name.items():
        clusters: list[tuple[str, set[str]]] = []  # (context key, keys of the line of descent)
        ordered = sorted(divisions, key=lambda d: (-_LEVEL_DEPTH.get(d.level, 0), division_key(d)))
        for div in ordered:
            key = division_key(div)
            for context, line in clusters:
                if key in line:
                    out[(name, div)] = context
                    break
            else:
                clusters.append((key, _line_of_descent(div)))
                out[(name, div)] = key
    return out


def _line_of_descent(ref: DivisionRef) -> set[str]:
    """Keys of the division, its ancestors and the nation."""
    gazetteer = gaz.load()
    keys = {division_key(ref), "CN"}
    start = gazetteer.get(ref.code if division_key(ref) == ref.code else ref.parent)
    if start is None and ref.province:
        start = gazetteer.get(ref.province)
    while start is not None:
        keys.add(start.code)
        start = gazetteer.get(start.parent)
    return keys


def _first_line(text: str, limit: int = 120) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:limit]


# ---------------------------------------------------------------------------------------------
# the background graph: ontology + gazetteer


def background_quads(base: str = DEFAULT_BASE) -> list[Quad]:
    """The ``graph/background`` quads: the ontology and every division of the gazetteer (class,
    label, short forms as altLabels, code, partOf, inProvince), plus the nation."""
    return _background(base).quads()


def background_nquads(base: str = DEFAULT_BASE) -> bytes:
    """:func:`background_quads` as N-Quads (what the store bulk loads)."""
    return _background(base).nquads()[0]


def background_ntriples(base: str = DEFAULT_BASE) -> bytes:
    """:func:`background_quads` as N-Triples (what a Graph Store Protocol PUT sends)."""
    return _background(base).ntriples()


def _background(base: str) -> _GraphBuilder:
    iris = _Forms(base)
    g = _GraphBuilder(iris.background_graph)
    for triple in parse(path=str(ontology_path()), format=RdfFormat.TURTLE):
        g.add(str(triple.subject), str(triple.predicate), str(triple.object))

    nation = iris.nation
    g.add(nation, rdf.type, kg.Nation)
    g.add(nation, skos.prefLabel, nt_zh(NATIONAL))  # how bodies name their level: 全国政协
    g.add(nation, skos.prefLabel, _quoted("China") + "@en")
    g.add(nation, skos.altLabel, nt_zh("中国"))
    g.add(nation, skos.altLabel, nt_zh("中华人民共和国"))
    g.add(nation, skos.notation, nt_string("CN"))

    gazetteer = gaz.load()
    alt_labels: dict[str, set[str]] = {}
    for aliases in gazetteer.aliases.values():
        for alias in aliases:  # as written (乾安), not as searched (干安: see gazetteer.SEARCHED_FORM)
            if alias.text != alias.division.name:
                alt_labels.setdefault(alias.division.code, set()).add(alias.text)
    for d in gazetteer.by_code.values():
        node = iris.division_code(d.code)
        g.add(node, rdf.type, str(DIVISION_CLASSES.get(d.kind) or LEVEL_CLASSES[d.level]))
        g.add(node, skos.prefLabel, nt_zh(d.name))
        for alt in sorted(alt_labels.get(d.code, [])):
            g.add(node, skos.altLabel, nt_zh(alt))
        g.add(node, kg.divisionCode, nt_string(d.code))
        parent = iris.division_code(d.parent) if d.parent else nation
        g.add(node, kg.partOf, parent)
        if d.province:
            g.add(node, kg.inProvince, iris.division_code(d.province))
    return g


@cache
def background_fingerprint(base: str = DEFAULT_BASE) -> str:
    """Changes whenever the background graph would: ontology, gazetteer, mapping or base."""
    h = hashlib.sha256()
    h.update(ontology_path().read_bytes())
    h.update(files("kg").joinpath("data/gazetteer.tsv").read_bytes())
    h.update(f"{MAPPING_VERSION}|{base}|{__version__}".encode())
    return h.hexdigest()[:16]
