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

#: Where a document's date comes from, most trusted first: a manifest of the crawl, the HTML page's
#: metadata, the text (a dateline, a full date in the first lines, or a month and day whose year
#: the text's context gives: then ``date_inferred``).
DATE_SOURCES = ("manifest", "html", "text")


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
    borrowed: bool = False  # not printed with the office: the committee the report is about (「甲副主席」)

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


#: Flags a career spell may carry (tests/data/bio/NOTES.md): ``in_sequence`` (one of several posts
#: under one date: 「1984年起任A、B」), ``undated`` (「曾任」「历任……等职」), ``end_inferred`` (the end
#: read from a later item, not printed), ``concurrent`` (兼任), ``secondment`` (挂职, 下派, a work team),
#: ``rank`` (a rank held as the post: 主任科员), ``elected`` (「(1999.01当选)」 on the line),
#: ``start_from_page_date`` (「今天出任」: the start is the document's month).
SPELL_FLAGS = ("in_sequence", "undated", "end_inferred", "concurrent", "secondment", "rank", "elected",
               "start_from_page_date")


@dataclass(frozen=True)
class SpellMention:
    """A dated post of a career, as a résumé or a news text prints it: its body not yet resolved.

    ``start``/``end`` are ``YYYY`` or ``YYYY-MM`` at the precision printed (None: not printed, or
    open); ``current`` for a post held at the time of the text (「现任」「至今」, an open range).
    """

    person: str
    role: str
    body: BodyMention
    evidence: Evidence
    start: str | None = None
    end: str | None = None
    current: bool = False
    flags: tuple[str, ...] = ()
    source: str = "biography"  # biography | news
    #: the career item (a résumé line or a dated clause) the post is printed in, in text order, and
    #: how: one of SPELL_FORMS; ``seq`` its place in a sequence under one date ("first", "last", "")
    item: int = 0
    form: str = "start"
    seq: str = ""


#: How a career item dates its posts: a printed range (「1998.10-2002.10」), a start only in a
#: résumé's own line (「2003年02月,……」) or in running text (「1987年任……」), no date (「曾任」),
#: a current post (「现任」), an office the news reports of the résumé's subject, posts no longer held
#: (「2012年7月起不再担任……」: an end), or a post of a parenthesis (「（其间：……兼任……）」) with dates of its own.
SPELL_FORMS = ("range", "line-start", "start", "undated", "current", "office", "ended", "aside", "other")


@dataclass(frozen=True)
class PersonMention:
    """What a résumé says about its subject: gender, ethnicity, birth (``YYYY-MM`` or ``YYYY``),
    native place as written (「湖北黄梅」), party membership and first work (``YYYY-MM``/``YYYY``),
    education as printed."""

    person: str
    evidence: Evidence
    gender: str | None = None
    ethnicity: str | None = None
    born: str | None = None
    native_place: str | None = None
    party_joined: str | None = None
    work_started: str | None = None
    education: str | None = None


@dataclass
class Mentions:
    """Everything extraction found in one document, before resolution."""

    offices: list[OfficeMention] = field(default_factory=list)
    press: list[PressCredit] = field(default_factory=list)
    concepts: list[ConceptMention] = field(default_factory=list)  # division filled by resolution
    meetings: list[MeetingMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    spells: list[SpellMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)


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


@dataclass(frozen=True)
class Spell:
    """A dated post of a career with its body resolved (see :class:`SpellMention`)."""

    person: str
    role: str
    body: Body
    evidence: Evidence
    start: str | None = None
    end: str | None = None
    current: bool = False
    flags: tuple[str, ...] = ()
    source: str = "biography"
    item: int = 0
    form: str = "start"
    seq: str = ""


@dataclass(frozen=True)
class PersonFacts:
    """A résumé's subject with the native place resolved to a division (None when it cannot be)."""

    person: str
    evidence: Evidence
    gender: str | None = None
    ethnicity: str | None = None
    born: str | None = None
    native_place: DivisionRef | None = None
    native_place_written: str | None = None
    party_joined: str | None = None
    work_started: str | None = None
    education: str | None = None


@dataclass
class Extraction:
    """Everything found in one document."""

    doc_id: str
    doc_name: str
    title: str = ""
    date: str | None = None  # ISO at the precision known: YYYY-MM-DD, YYYY-MM or YYYY
    date_source: str = ""  # where the date comes from: one of DATE_SOURCES
    date_inferred: bool = False  # the year was read from context (「今年是……」), not printed with the date
    date_as_written: str | None = None  # a month and day whose year nothing tells (「1月12日」)
    source: str = ""  # dcterms:source: the page's URL, else the file's path relative to the input root
    offices: list[Office] = field(default_factory=list)
    press: list[PressCredit] = field(default_factory=list)
    concepts: list[ConceptMention] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    divisions: list[DivisionMention] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    spells: list[Spell] = field(default_factory=list)
    people: list[PersonFacts] = field(default_factory=list)
