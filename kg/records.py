"""Plain data passed between the stages: what extraction finds, before it becomes RDF.

Extraction gives *mentions*: an office as written, its body as the text names it
(:class:`BodyMention`: 「县政协」 is a level word and a body kind, 「张掖市高台县政协」 two names
and a kind), nothing looked up in the gazetteer yet. Resolution turns them into *records* whose
bodies carry a :class:`DivisionRef`, or into an :class:`Unresolved` record that says why not.
Mapping reads records only.

Every fact carries an :class:`Evidence`: character offsets into the document's normalised text
(``Document.text``), the same span in the decoded source file, and the sentence that states it,
copied from the source with line breaks removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of body an office belongs to (eval/SCHEMA.md).
BODY_KINDS = ("政协", "政协专委会", "党委", "人大", "政府", "中央")
#: The kinds of concept.
CONCEPT_TYPES = ("campaign", "slogan", "brand")
#: Press credit roles.
PRESS_ROLES = ("作者", "记者", "实习记者", "通讯员", "摄影")

NATIONAL = "全国"  # the name of the national level, which has no GB/T 2260 code


@dataclass(frozen=True)
class Evidence:
    start: int  # offsets into Document.text
    end: int
    source_start: int  # the same span in Document.source_text
    source_end: int
    sentence: str  # the sentence (or clause) that states the fact, as printed


@dataclass(frozen=True)
class DivisionRef:
    """A division as resolved from the text.

    ``code`` is the GB/T 2260 code when the gazetteer knows the division; otherwise the division is
    kept as written (``flagged`` true) with whatever parent/province the context gives.
    For the national level ``name`` is 全国 and ``level`` is "nation".
    """

    name: str  # official full name (天祝藏族自治县), or the text's own when flagged
    written: str  # as the text prints it with its suffix (天祝县); equals name when printed in full
    code: str | None
    level: str  # nation | province | prefecture | county
    kind: str = ""  # 县, 自治县, 市辖区, 县级市, 地级市, 省, 自治区 ... ("" when unknown)
    parent: str | None = None  # parent division's code
    parent_name: str | None = None
    province: str | None = None  # province code
    province_name: str | None = None
    flagged: bool = False  # not in the gazetteer as written (a wrong or outdated name)
    note: str = ""

    @property
    def is_national(self) -> bool:
        return self.level == "nation"


@dataclass(frozen=True)
class Body:
    """An organisation: a CPPCC committee, one of its special committees, a Party committee, a
    people's congress, a government (or its department), or a central organ."""

    kind: str  # one of BODY_KINDS
    division: DivisionRef
    committee: str | None = None  # special committee / department / central organ name


@dataclass(frozen=True)
class Office:
    person: str
    role: str  # one short title: 主席, 副主席, 党组书记 ...
    body: Body
    evidence: Evidence


@dataclass(frozen=True)
class PressCredit:
    person: str
    role: str  # one of PRESS_ROLES
    evidence: Evidence


@dataclass(frozen=True)
class ConceptMention:
    name: str
    type: str  # one of CONCEPT_TYPES
    division: DivisionRef | None
    evidence: Evidence


@dataclass(frozen=True)
class Meeting:
    name: str
    evidence: Evidence
    date: str | None = None  # as printed, e.g. "1月29日"
    organiser: Body | None = None
    chair: str | None = None  # person name


@dataclass(frozen=True)
class DivisionMention:
    division: DivisionRef
    evidence: Evidence


# ---------------------------------------------------------------------------------------------
# mentions: what extraction finds, before resolution


@dataclass(frozen=True)
class NameAt:
    """A division name as printed (full or with its suffix: 张掖市, 天祝县) and where it starts."""

    text: str
    start: int


@dataclass(frozen=True)
class BodyMention:
    """A body as the text names it, its division not yet resolved.

    One of: ``names`` (the division names printed before the body word, outermost first:
    张掖市, 高台县), ``stem`` + ``level`` (陇西 + 市 in 「陇西市政协」, a short form and its level
    word), ``stem`` alone (鹿城 in 「鹿城政协」), ``level`` alone (县 in 「县政协」, resolved from
    context; "nation" for 全国政协, 国务院, 总书记).
    """

    kind: str  # one of BODY_KINDS
    start: int  # where the body's words begin in the text: resolution looks for context from here
    names: tuple[NameAt, ...] = ()
    level: str | None = None  # 省 市 县 区 州 旗 盟 地区 林区 自治区 ... or "nation"
    stem: str | None = None
    committee: str | None = None  # special committee, department or central organ
    written: str = ""  # the body's words as printed, for messages
    unknown_name: bool = False  # ``names`` holds one suffixed word the analysis did not find as a division

    def but(self, **changes) -> "BodyMention":
        from dataclasses import replace

        return replace(self, **changes)


@dataclass(frozen=True)
class OfficeMention:
    person: str
    role: str
    body: BodyMention
    evidence: Evidence
    form: str = "chain"  # chain | election | appointment | author-note | post-title


@dataclass(frozen=True)
class MeetingMention:
    name: str
    evidence: Evidence
    date: str | None = None
    organiser: BodyMention | None = None
    chair: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A division's name where the text prints it in full or with its suffix (张掖市, 天祝县)."""

    text: str
    evidence: Evidence


@dataclass
class Mentions:
    """Everything extraction found in one document, before resolution."""

    offices: list[OfficeMention] = field(default_factory=list)
    press: list[PressCredit] = field(default_factory=list)
    concepts: list[ConceptMention] = field(default_factory=list)  # division filled by resolution
    meetings: list[MeetingMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)


@dataclass(frozen=True)
class Unresolved:
    """An office kg read but could not place: no fact is better than a wrong fact, but the miss is
    kept, counted and explained (``kg query unresolved``, ``kg eval --explain``)."""

    person: str
    role: str
    kind: str  # body kind
    written: str  # the body as printed (县政协, 政协某某县委员会)
    reason: str
    evidence: Evidence


# ---------------------------------------------------------------------------------------------
# records: what resolution gives and mapping writes


@dataclass
class Extraction:
    """Everything found in one document."""

    doc_id: str
    doc_name: str
    title: str = ""
    date: str | None = None  # ISO date when the text gives a full one
    offices: list[Office] = field(default_factory=list)
    press: list[PressCredit] = field(default_factory=list)
    concepts: list[ConceptMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    divisions: list[DivisionMention] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
