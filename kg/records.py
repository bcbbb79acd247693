"""Plain data passed between the stages: what extraction finds, before it becomes RDF.

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
