"""Offices as the press writes them: chains of titles followed by names.

Items are separated by 「、」, each an optional body and a title, followed by one or more names::

    市委副书记、市政协党组副书记、市委统战部长某某某     -> 3 offices of one person
    县政协副主席甲某某、乙某某、丙某某                  -> 1 office each of 3 persons
    某某某当选为十二届省政协主席                        -> election form
    甲、乙、丙当选为政协某某旗第十一届委员会副主席        -> election list (补选/任命…为 too)
    甲、乙、丙8名委员围绕……发言                        -> members of the committee named before
    港区的常委有16人。他们是:甲、乙、丙                 -> a roster: the title stated once for a list
    副主席:甲、乙(女)、丙 / 当选为副主席的是:甲、乙   -> a list under its title (election results)
    （作者系某某县政协党组书记、主席）                  -> the byline's author

Names before titles (王某总理) are :mod:`kg.extract.post_titles`.

A title without a body inherits the body of the item before it, or of the last chain in the
paragraph (「……，秘书长某某某出席」): the inherited body is the same *mention*, so a chain whose
first body cannot be resolved gives no office to any of its titles. Bodies are read from the words
before the title (:func:`kg.extract.bodies.parse_body`); a body of another organisation (民进, 妇联,
a firm) voids the office.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import lexicon as lx
from ..records import BodyMention, OfficeMention, PressCredit
from .bodies import LEVELS_BEFORE_BODY, STAFF_TITLES, Segment, invalid, parse_body, segment
from .dates import cn_number
from .post_titles import find_post_titles
from .reader import BODY_WORD, CANDIDATE_WORD, CLAUSE_BREAK, FOLLOWERS, ITEM_BREAK, RANK_NOTE, Reader, not_a_word, plausible_name

_LINK = re.compile(r"(?:同志)?(?:(?:等(?:\d+|[一二两三四五六七八九十百]+)?|(?:\d+|[一二两三四五六七八九十百]+)(?=[人名位]))"
                   r"(?:人|名|位)?(?:委员|同志)?)?"
                   r"(?:再次|再度|连任|首次)?(?:被(?:提名)?)?(?:(?:增补|补选|推选|选举|任命)?"
                   r"(?:当选为|当选|为|任|出任|担任|获任|接任)|(?<=被)任命)")  # 「甲被任命某某区人大财经委委员」
# what may stand between one title's names and the next title of the item: a conjunction, or a
# verb of leading (「主席甲率副主席乙、丙调研」)
_JOIN = re.compile("以及|及|和|与|率领|带领|率|陪同|会同|偕同")
# words before the names of an election or appointment: 「补选甲、乙为常务委员」「决定任命甲为……」
_ELECTING = re.compile("(?:选举|补选|增选|增补|改选|推选|决定任命|任命|聘任|聘请)了?|关于(?=[\u4e00-\u9fff]{2,4}(?:同志)?(?:任|为))")
# (「通过了关于甲任县政协秘书长的决定」: the decision's subject)
# the close of a list of members: 「8名委员」「等41名优秀政协委员」「6名县政协委员」「等委员」
_COUNTED_MEMBERS = re.compile(
    r"(?P<etc>等)?(?P<count>(?:\d+|[一二两三四五六七八九十]+)(?:名|位))?(?:优秀|新任|新增)?"
    r"(?P<body>(?:[省市县区州旗盟]|自治区)?政协)?(?P<title>委员)(?!会)")
_PREPOSITION = re.compile("对|向|给|为")
# a verb of taking up a post after a name and before the post: 「甲已出任省政协党组书记」
_TOOK_POST = re.compile("(?:已|又|再|现|将)?(?:出任|担任|调任|转任|改任|当选为|当选)|(?:已|现)任|(?:也|还|同时)?(?:是|系)")
# (「农业农村局局长甲是该市政协委员」「乙系县政协常委」: a post the names hold besides)
# a committee's term written before or inside its name: 「七届州政协」「政协某某县第十届委员会」
_TERM_NUMBER = re.compile(r"(?<![新上下本这])第?([一二三四五六七八九十]+|\d+)届")  # (新一届: the new term, no number)
_TERM_BEFORE = re.compile(_TERM_NUMBER.pattern + "$")
_PREVIOUS_TERM = re.compile("(?:上届|上一届|前一届)(?:中共)?$")
# the decision an election or appointment is the object of: 「通过了增补甲、乙为县政协委员的决定」
_DECISION_TAIL = re.compile("的(?:决定|建议|提议|议案|请示|报告|通知|名单)")
_FIRST_SESSION = re.compile("(?:届|委员会)第?一次(?:全体)?会议")


def find_offices(r: Reader, press: list[PressCredit]) -> list[OfficeMention]:
    """Every office mention of the document, in text order of the chains that state them."""
    out: list[OfficeMention] = []
    for start, end in r.paragraphs():
        _paragraph(r, start, end, out)
    out.extend(_author_notes(r, press))
    out.extend(_rosters(r))
    out.extend(_bracketed_posts(r))
    out.extend(_title_lists(r))
    out.extend(find_post_titles(r, out))
    out.extend(_monitors(r))
    out = _studios(r, out)
    return _current(r, out)


def _term(r: Reader, body: BodyMention) -> int | None:
    """The term a body mention names (「七届州政协」 7, 「政协某县第十届委员会」 10), if any."""
    m = _TERM_NUMBER.search(body.written) or _TERM_BEFORE.search(r.text, max(0, body.start - 6), body.start)
    return cn_number(m.group(1)) if m else None


def _current(r: Reader, offices: list[OfficeMention]) -> list[OfficeMention]:
    """Offices of earlier terms dropped: where a document names the committee's current term
    (「政协某县第十届委员会第三次会议」), 「七届县政协主席某某」 is a former chairman, no office now.
    A body that names its division is compared with the terms of that division's committee only
    (「海珠区第十四届政协委员」 leaves 「南沙区第二届政协委员」 current)."""
    current: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}

    def note(kind: str, name: str | None, n: int) -> None:
        current[kind] = max(current.get(kind, 0), n)
        if name:
            by_name[(kind, name)] = max(by_name.get((kind, name), 0), n)

    for fm in r.formal.values():
        n = _term(r, BodyMention("政协", fm.start(), written=fm.group(0)))
        if n:
            note("政协", r.formal_names(fm)[-1].text, n)
    terms = [_term(r, o.body) for o in offices]
    for o, n in zip(offices, terms):
        if n:
            note(o.body.kind, _division_name(o.body), n)

    def now_of(o: OfficeMention) -> int:
        name = _division_name(o.body)
        return by_name[(o.body.kind, name)] if name and (o.body.kind, name) in by_name else current.get(o.body.kind, 0)

    # 「上届县政协副主席某某」: the term before the current one, or a former term where none is named
    terms = [now_of(o) - 1 if _PREVIOUS_TERM.search(r.text, max(0, o.body.start - 4), o.body.start)
             else n for o, n in zip(offices, terms)]
    # the first session of a term opens before its elections: the last term's officers hold office
    # until the report names the new ones (「二届区政协主席某某」 at the 三届一次会议)
    first_session = bool(_FIRST_SESSION.search(r.text))
    of_now = [n is None or (n > 0 and n >= now_of(o)) for o, n in zip(offices, terms)]
    new_posts = {(o.body.kind, o.role) for o, now in zip(offices, of_now) if now}
    return [o for o, n, now in zip(offices, terms, of_now)
            if now or (first_session and n and n == now_of(o) - 1
                       and (o.body.kind, o.role) not in new_posts)]


def _division_name(body: BodyMention) -> str | None:
    """The division a body mention names by name (its last name), None for 「县政协」 and the like."""
    return body.names[-1].text if body.names else None


def _paragraph(r: Reader, p0: int, p1: int, out: list[OfficeMention]) -> None:
    text = r.text
    bodies_of_kind: dict[str, BodyMention] = {}  # the last explicit body of each kind in the paragraph
    # after another organisation's officer (「某某联谊会副会长甲」) a bare title (「秘书长乙」) is that
    # organisation's too, not of a body named before
    other_organisation = False
    carried: list[Segment] = []  # titles still waiting for their name at a comma
    twins: dict[BodyMention, BodyMention] = {}  # an office printed with another under one title (_office_sharing_title)
    for c0, c1 in r.clauses(p0, p1):
        if not r.titles_in(c0, c1) and text.find("委员", c0, c1) < 0:
            carried = []  # a clause with no title and no 委员 (_COUNTED_MEMBERS) states no office
            continue
        # 「全国政协委员，省政协副主席张某」: a chain cut by a comma goes on in the next clause
        chain: list[Segment] = carried if text[c0 - 1 : c0] in (",", "，") else []
        # 「某委员会委员,民盟某省委副主委甲、民建某省委副主委乙」: the title carried over the comma is
        # every listed person's, each after another organisation's post of their own
        listed_under = [sg for sg in chain if sg.valid and sg.body is not None]
        carried = []
        closed = False
        names_mode = False
        pending: list[tuple[int, int]] = []  # bare names waiting for 「当选…」
        read_until = -1  # the end of names a title's list has already read
        elected: list[tuple[int, int]] = []  # the names of an election, for its further posts
        elected_posts: list[Segment] = []
        untitled: tuple[int, int] | None = None  # the item before, when it held no title nor name
        for i0, i1 in r.items(c0, c1):
            before, untitled = untitled, None
            titles = r.titles_in(i0, i1)
            if elected and titles and _post_end(text, titles[-1]) >= i1 - 2 and r.name_at(i0) is None:
                # 「甲当选市政协副主席、秘书长(兼)」: the election's next post
                posts = _posts(r, i0, titles, elected_posts, bodies_of_kind)
                for seg in posts:
                    for ns, ne in elected:
                        out.append(_office(r, ns, ne, seg, c0, c1, "election"))
                elected_posts += posts
                continue
            elected = []
            # election: 「某某某当选十二届省政协副主席」「选举某某同志为…主席」
            elect = _ELECTING.search(text, i0, i1)
            if elect and "被" in text[max(i0, elect.start() - 3) : elect.start()]:
                elect = None  # 「甲被任命为……」「甲被提名增补为……」: the name before the verb
            lead = elect.end() if elect else i0
            in_list = text[i0 - 1 : i0] == ITEM_BREAK or text[i1 : i1 + 1] == ITEM_BREAK
            name_end = r.name_at(lead, lenient=in_list)
            if name_end is not None and titles and (_post_end(text, titles[-1]) >= i1 - 2
                                                    or _DECISION_TAIL.fullmatch(text, _post_end(text, titles[-1]), i1)):
                note = RANK_NOTE.match(text, name_end)  # 「丙(女)当选为副主席」
                link = _LINK.match(text, note.end() if note else name_end)
                if link and not r.title_at(name_end):
                    elected = pending + [(lead, name_end)]
                    elected_posts = _posts(r, link.end(), [t for t in titles if t.start >= link.end()
                                                           and not CANDIDATE_WORD.match(text, _post_end(text, t))],
                                           chain, bodies_of_kind)  # (「为县政协常委人选」: a candidate)
                    for seg in elected_posts:
                        for ns, ne in elected:
                            out.append(_office(r, ns, ne, seg, c0, c1, "election"))
                    for ns, ne in elected:  # 「丙(兼秘书长)当选为副主席」: the post noted, in the same body
                        seg = _concurrent_note(r, ne, elected_posts)
                        if seg is not None:
                            out.append(_office(r, ns, ne, seg, c0, c1, "election"))
                    pending, chain, names_mode = [], [], False
                    continue
            # a title followed by a name: the chain is complete. One item may hold several
            # (「甲县政协主席王某和乙县政协主席李某」): each reads from the end of the last.
            named = [t for t in titles if t.end < i1 and r.name_at(r.after_title(t)) is not None
                     and not r.title_at(r.after_title(t))]
            if named:
                region = max(i0, read_until)
                for title in named:
                    # 「副主席甲、乙及秘书长丙」: the next title's words start after the joining word
                    join = _join_at(r, region)
                    if join and region < title.start:
                        region = join.end()
                    if title.start < region:
                        continue  # inside names already read
                    if closed:
                        chain, closed = [], False
                        if listed_under and text[region - 1 : region] == ITEM_BREAK \
                                and _foreign_item(r, region, title):
                            chain = list(listed_under)
                    member = _member_before_employer(r, region, title)
                    if member is not None:
                        # 「区政协委员南华西街道党工委书记甲」: the membership, then the post at work
                        seg0 = _segment_for(r, region, member, chain, bodies_of_kind, not other_organisation)
                        if seg0.valid and seg0.body is not None:
                            chain.append(seg0)
                            bodies_of_kind[seg0.body.kind] = seg0.body
                            region = member.end
                            while text[region : region + 1] in (" ", "\u3000"):
                                region += 1
                    seg = _segment_for(r, region, title, chain, bodies_of_kind, not other_organisation)
                    shared = _office_sharing_title(r, before, region, title, seg) \
                        or _levels_twin(r, before, region, title, seg)
                    if shared is not None:
                        twins[seg.body] = shared.body
                    elif seg.valid and seg.body in twins and title.title is not None:
                        # 「……主任甲,副主任乙」: the deputies of both offices
                        shared = segment(twins[seg.body], title.title, region)
                    if shared is not None and shared.valid:
                        chain.append(shared)
                    if CANDIDATE_WORD.match(text, title.end):
                        # 「县委副书记、县长候选人甲」: a candidate holds the posts before, not this one
                        seg = replace(seg, valid=False)
                    chain.append(seg)
                    if seg.body is not None and seg.valid:
                        bodies_of_kind[seg.body.kind] = seg.body
                    # (a bare title voided as the post of another organisation's chain before it,
                    # 「全国工商联党组书记、副主席甲」, leaves that organisation's the paragraph's too)
                    of_another = seg.title is None or (not seg.valid and seg.body is None and len(chain) > 1
                                                       and chain[-2].title is None and not chain[-2].valid)
                    if of_another or seg.body is not None:
                        other_organisation = of_another
                        if other_organisation:
                            bodies_of_kind.clear()
                    names, _ = r.names_from(r.after_title(title), c1)
                    for ns, ne in names:
                        _record(r, chain, ns, ne, c0, c1, out)
                    region = names[-1][1] if names else title.end
                    # the next item goes on with the names only where this one ends with them (「主席甲率考察团
                    # 赴我州乙、丙等地」: 丙 is a place, not another of the titles' names)
                    closed = True
                    rest = text[region:i1].strip(" \u3000")
                    names_mode = not rest or rest in FOLLOWERS  # (「甲活佛、乙」「甲同志、乙」: an honorific)
                pending = []
                read_until = region  # names after the first one were read by names_from
                last = titles[-1]
                if last.end == i1 and last not in named and last.start >= region:
                    took = _TOOK_POST.match(text, region)
                    if took and last.title is not None:
                        # 「副省长甲已出任省政协党组书记,」: the post is the names' own, where its body is written
                        seg = parse_body(r, took.end(), last.start, last.title)
                        if seg.valid and seg.body is None and seg.same_division and "当选" in took.group(0):
                            # 「澳门委员甲当选政协常委」: elected in the committee of the title before
                            seg = _segment_for(r, took.end(), last, chain, bodies_of_kind)
                        if seg.valid and seg.body is not None:
                            for ns, ne in names:
                                out.append(_office(r, ns, ne, seg, c0, c1, "election"))
                    elif join := _join_at(r, region):
                        # 「州政协主席甲陪同省政协副秘书长、办公厅主任乙」: the next chain
                        seg = _segment_for(r, join.end(), last, [], bodies_of_kind)
                        if seg.body is not None and seg.valid:
                            bodies_of_kind[seg.body.kind] = seg.body
                        chain, closed, names_mode = [seg], False, False
                continue
            if read_until >= i1 and names_mode:
                continue
            # an item ending in a title: one link of a chain still waiting for its name — unless
            # it closes a counted list of names (「甲、乙、丙6名县政协委员,分别……」)
            closes_list = (name_end is not None and _counts(_COUNTED_MEMBERS.match(text, name_end))) \
                or (not pending and _members_after_preposition(r, i0, i1) is not None)  # 「会议对甲等41名优秀政协委员、」
            if titles and titles[-1].end == i1 and not closes_list:
                if closed:
                    chain, closed = [], False
                seg = _segment_for(r, i0, titles[-1], chain, bodies_of_kind)
                chain.append(seg)
                if seg.body is not None and seg.valid:
                    bodies_of_kind[seg.body.kind] = seg.body
                names_mode = False
                continue
            if name_end != i1 and _PREPOSITION.match(text, i0) and text[i1 : i1 + 1] == ITEM_BREAK \
                    and r.name_at(i0 + 1) == i1:  # 「向甲、乙等委员颁发证书」: the list's first name
                lead, name_end = i0 + 1, i1
            # 「甲、乙、丙8名委员围绕……」「甲、乙等委员」: members of the committee named before
            counted = _COUNTED_MEMBERS.match(text, name_end) if name_end is not None else None
            if not _counts(counted) and pending and name_end is not None and text[name_end : name_end + 1] in ("与", "和", "及"):
                # 「甲、乙与丙三位委员」: the list's last name joined by a conjunction before the count
                last_end = r.name_at(name_end + 1, lenient=True)
                last_count = _COUNTED_MEMBERS.match(text, last_end) if last_end is not None else None
                if _counts(last_count):
                    pending = pending + [(lead, name_end)]
                    lead, name_end, counted = name_end + 1, last_end, last_count
            if not _counts(counted) and not pending:
                # the names after a preposition: 「会议对甲等41名优秀政协委员进行表彰」
                after = _members_after_preposition(r, i0, i1)
                if after is not None:
                    lead, name_end, counted = after
            if _counts(counted):
                seg = _members(r, counted, bodies_of_kind)
                if seg is not None:
                    for ns, ne in pending + [(lead, name_end)]:
                        out.append(_office(r, ns, ne, seg, c0, c1, "members"))
                pending, chain, names_mode = [], [], False
                continue
            # a bare name: the next one in a list, or one waiting for 「当选」 (「乙(女)、丙当选」: a
            # note after it)
            note = RANK_NOTE.match(text, name_end) if name_end is not None else None
            if name_end is not None and r.place_in_list(lead, name_end):
                continue  # 「副主席甲、永靖、东乡等县」: places listed, no names
            if name_end is not None and (name_end == i1 or r.is_follower(name_end) or text.startswith("等", name_end)
                                         or (note is not None and (note.end() == i1 or r.boundary(note.end())))):
                if names_mode and chain:
                    _record(r, chain, i0, name_end, c0, c1, out)
                    if text.startswith("以及", name_end) and not r.title_at(name_end + 2):
                        # 「副主席甲、乙以及丙、丁等领导」: the names after 以及 are another group
                        chain, names_mode = [], False
                else:
                    pending.append((lead, name_end))
                continue
            chain, closed, names_mode, pending = [], False, False, []
            if not titles and name_end is None:
                untitled = (i0, i1)
        last = r.titles_in(c1 - 6, c1)
        if chain and not closed and last and last[-1].end == c1:
            carried = chain


# what may follow a member's title before the post at work, with no separator: an employer (a firm, a
# sub-district, a town, a school: 「委员南华西街道党工委书记」) or a department (「委员区科技局局长」)
_MEMBER_TITLES = ("委员", "常委", "常务委员")
_EMPLOYER_END = re.compile("(?:局|办|委|处|院|所|站|中心|厅|部|公司|集团|街道|社区)$")


def _member_before_employer(r: Reader, region: int, title) -> object | None:
    """The member's title (委员, 常委) in ``[region, title.start)`` written right before the employer
    of the post ``title`` with no separator (「区政协委员南华西街道党工委书记甲」), if any."""
    text = r.text
    for t0 in r.titles_in(region, title.start):
        if t0.title is None or t0.title.role not in _MEMBER_TITLES or t0.end >= title.start:
            continue
        gap = text[t0.end : title.start].strip(" \u3000")
        if len(gap) < 2 or re.search("[的和与及、]|所在|其中", gap) or r.titles_in(t0.end, title.start):
            continue
        if any(mk in gap for mk in lx.FOREIGN_ORG_MARKERS) or r.divisions_in(t0.end, title.start) \
                or _EMPLOYER_END.search(gap):
            return t0
    return None


# a post noted after a name: 「丙(兼秘书长)」
_CONCURRENT_NOTE = re.compile(r"[(（]兼任?([\u4e00-\u9fff]{2,8})[)）]")


def _concurrent_note(r: Reader, ne: int, posts: list[Segment]) -> Segment | None:
    """The post a 「(兼秘书长)」 note after the name ending at ``ne`` adds, in the body of ``posts``
    (an election's: 「甲、乙(兼秘书长)当选为县政协副主席」)."""
    m = _CONCURRENT_NOTE.match(r.text, ne)
    title = lx.TITLES.get(m.group(1)) if m else None
    if title is None or not posts:
        return None
    seg = segment(posts[-1].body.but(committee=None), title, m.start())
    return seg if seg.valid else None


# a post held concurrently, noted after its title: 「秘书长(兼)」
_CONCURRENT = re.compile(r"[(（]兼[)）]")


def _post_end(text: str, title) -> int:
    """Where a title's words end, with a 「(兼)」 note after it."""
    note = _CONCURRENT.match(text, title.end)
    return note.end() if note else title.end


def _posts(r: Reader, start: int, titles: list, chain: list[Segment],
           bodies_of_kind: dict[str, BodyMention]) -> list[Segment]:
    """The valid posts of an election's titles from ``start``: 「省政协副主席兼秘书长」 gives two,
    the second reading its body from after the first (or inheriting it)."""
    posts: list[Segment] = []
    for t in titles:
        seg = _segment_for(r, start, t, chain + posts, bodies_of_kind)
        if seg.valid and seg.body is not None:
            bodies_of_kind[seg.body.kind] = seg.body
            posts.append(seg)
        start = _post_end(r.text, t)
        start += r.text.startswith("兼", start)
    return posts


def _office_sharing_title(r: Reader, before: tuple[int, int] | None, i0: int, title, seg: Segment) -> Segment | None:
    """「中央港澳工作办公室、国务院港澳事务办公室主任甲」「县委宣传部、县文明办主任乙」: two offices
    (one organ with two names) printed with one title; the item before ``i0`` is the first office,
    when both are departments of their bodies."""
    if before is None or before[1] + 1 != i0 or not seg.valid or seg.body is None or not seg.body.committee:
        return None
    first = parse_body(r, before[0], before[1], title.title) if title.title is not None else None
    if first is None or not first.valid or first.body is None or not first.body.committee:
        return None
    return first


def _foreign_item(r: Reader, i0: int, title) -> bool:
    """Is the item from ``i0`` to ``title`` another organisation's post (a democratic party's, a
    federation's: 「民建某省委副主委」), with no body of ours?"""
    seg = parse_body(r, i0, title.start, title.title) if title.title is not None else None
    return title.title is None or (seg is not None and not seg.valid and seg.title is None)


def _levels_twin(r: Reader, before: tuple[int, int] | None, i0: int, title, seg: Segment) -> Segment | None:
    """「甲市、乙县两级政协委员丙」: the membership in the committee of the division listed before
    ``i0`` (an item of division names alone), besides the one the item names."""
    if before is None or before[1] + 1 != i0 or not seg.valid or seg.body is None or title.title is None \
            or not any(LEVELS_BEFORE_BODY.search(r.text, i0, m.start()) for m in BODY_WORD.finditer(r.text, i0, title.start)):
        return None
    names = r.division_names_before(before[1], before[0])
    if not names or r.text[before[0] : names[0].start].strip():
        return None
    twin = segment(seg.body.but(names=names, start=names[0].start, level=None, stem=None), title.title, before[0])
    return twin if twin.valid else None


def _join_at(r: Reader, i: int) -> re.Match | None:
    """A joining word at ``i`` (「及秘书长丙」), not the first character of a division's name
    (和静县, 和田地区, 会同县)."""
    return None if i in r.division_by_start else _JOIN.match(r.text, i)


def _members_after_preposition(r: Reader, i0: int, i1: int) -> tuple[int, int, re.Match] | None:
    """「对甲等41名优秀政协委员」: where a counted list of members follows a preposition in the item
    ``[i0, i1)``, the start and end of its name and the count."""
    for m in _PREPOSITION.finditer(r.text, i0, i1):
        end = r.name_at(m.end())
        counted = _COUNTED_MEMBERS.match(r.text, end) if end is not None else None
        if _counts(counted):
            return m.end(), end, counted
    return None


def _counts(counted: re.Match | None) -> bool:
    """A close of a member list that counts (「8名委员」「等委员」), not a bare 委员."""
    return bool(counted and (counted.group("count") or counted.group("etc")))


def _record(r: Reader, chain: list[Segment], ns: int, ne: int, c0: int, c1: int, out: list[OfficeMention]) -> None:
    """The person at ``text[ns:ne]`` holds every valid office of ``chain``."""
    posts = [seg for seg in chain if seg.valid and seg.body is not None]
    for seg in posts:
        out.append(_office(r, ns, ne, seg, c0, c1))
    if (seg := _concurrent_note(r, ne, posts)) is not None:  # 「副主席乙(兼秘书长)出席」
        out.append(_office(r, ns, ne, seg, c0, c1))


def _segment_for(r: Reader, i0: int, title_match, chain: list[Segment],
                 bodies_of_kind: dict[str, BodyMention], named_before: bool = True) -> Segment:
    """The segment for the title whose item starts at ``i0``, inheriting its body where needed."""
    title = title_match.title
    if title is None and title_match.text in STAFF_TITLES:  # 「县政协机关工作组副组长」
        title = STAFF_TITLES[title_match.text]
        seg = parse_body(r, i0, title_match.start, title)
        if not (seg.valid and (seg.body is not None or seg.same_division)):
            return invalid(None, i0)  # (「政协主席秘书」 with no division: the committee named before's)
        if seg.body is not None:
            return seg
    elif title is None:  # another organisation's title
        return invalid(None, i0)
    else:
        seg = parse_body(r, i0, title_match.start, title)
    if not seg.valid or seg.body is not None:
        return seg
    # inherit the body: from the chain, else the paragraph, else the body named last before it
    if chain and not chain[-1].valid and chain[-1].body is None \
            and (r.text.startswith("兼", i0) or r.text[i0 - 1 : i0] == "兼" or seg.committee_only
                 or (chain[-1].title is None and r.text[i0 - 1 : i0] == ITEM_BREAK)):
        # 「政青副主席兼秘书长」「政青副主席、对外交流委员会主任」「全国工商联党组书记、副主席」: a post held
        # with another organisation's, in a unit named right after it or listed right after it with no
        # body of its own, is that organisation's too
        return invalid(title, i0)
    base = next((sg.body for sg in reversed(chain) if sg.valid and sg.body is not None), None)
    if seg.same_division:  # 「政协主席某某」: the division of the nearest body, whatever its kind
        if base is not None and base.committee and not (
                base.kind in ("政协", "政协专委会") and seg.same_division in ("政协", "政协专委会")):
            # 「某某局局长、党委委员」: the unit's own Party committee (a CPPCC organ's officer before
            # 「政协主席秘书」 leaves the committee's division: 「省政协办公厅某处处长甲、政协主席秘书乙」)
            return invalid(title, i0)
        base = base or (list(bodies_of_kind.values())[-1] if bodies_of_kind else None) \
            or (_named_before(r, None, i0) if named_before else None)
        if base is not None and base.level == "nation" and seg.same_division == "政府" and seg.committee_only:
            # 「全国政协副主席、交通运输部党组书记」: a ministry's Party group
            return segment(base.but(kind="政府", committee=seg.committee_only), title, i0)
        if base is None or base.level == "nation":
            if seg.level:  # 「政府旗长」 with no body before it: the level its title says
                body = BodyMention(seg.same_division, i0, level=seg.level, written=title.surface)
                return segment(body.but(committee=seg.committee_only), title, i0)
            return invalid(title, i0)
        return segment(base.but(kind=seg.same_division, committee=seg.committee_only or title.committee), title, i0)
    kinds = title.kinds + (("政协",) if "政协专委会" in title.kinds else ())
    if title.role in ("主席", "副主席"):
        kinds = tuple(k for k in kinds if k != "中央")  # the Party's centre has no chairman now
    if base is None:  # the paragraph's last body of the kind this title belongs to first
        base = next((bodies_of_kind[k] for k in kinds if k in bodies_of_kind), None)
    if base is None and named_before:  # the body of one of the title's kinds named last before it
        named = [b for k in kinds if (b := _named_before(r, k, i0)) is not None]
        base = max(named, key=lambda b: b.start) if named else None
    if base is None:
        return invalid(title, i0)
    if seg.committee_only:
        kind = "政协专委会" if base.kind in ("政协", "政协专委会") else base.kind
        if kind == "政协专委会" and not re.search("委员会|委|工委|办公室$|办公厅$|研究室$|处$|中心$|[组队]$",
                                                seg.committee_only):
            return invalid(title, i0)
        if kind == "中央" and base.committee and "政治局" not in base.committee \
                and seg.committee_only.endswith("部") and not seg.committee_only.startswith(("中央", "国家")):
            # 「中联办副主任甲,协调部长乙」: a department of the central organ named before
            return segment(base.but(committee=base.committee + seg.committee_only), title, i0)
        if kind == "中央":  # 「国家发展和改革委员会主任」 after central titles: no guess
            return invalid(title, i0)
        return segment(base.but(kind=kind, committee=seg.committee_only), title, i0)
    kind = base.kind
    if kind == "政协专委会" and kind not in title.kinds:
        kind = "政协"  # 「分党组书记、主任X，副主席Y」: back to the committee itself
    if kind not in title.kinds:
        return invalid(title, i0)
    committee = base.committee if kind == base.kind else None
    if title.committee:
        committee = title.committee
    return segment(base.but(kind=kind, committee=committee), title, i0)


def _members(r: Reader, counted: re.Match, bodies_of_kind: dict[str, BodyMention]) -> Segment | None:
    """The segment of a counted members' list: 委员 of the CPPCC its words name (「县政协委员」)
    or of the one named last before it."""
    title_match = r.title_at(counted.start("title"))
    if title_match is None or title_match.title is None:
        return None
    if counted.group("body"):
        seg = parse_body(r, counted.start("body"), counted.start("title"), title_match.title)
        if seg.valid and seg.body is not None:
            return seg
    base = bodies_of_kind.get("政协") or _named_before(r, "政协", counted.start())
    if base is None:
        return None
    return segment(base.but(committee=None), title_match.title, counted.start())


def _named_before(r: Reader, kind: str | None, pos: int) -> BodyMention | None:
    """The last body of ``kind`` (any kind: None) the text names before ``pos`` in the same news
    item (:func:`kg.extract.bodies.named_bodies`)."""
    floor = r.item_start(pos)
    for body in reversed(r.named_bodies):
        if body.start < pos and body.start >= floor and (kind is None or body.kind == kind) \
                and body.committee is None:
            return body
    return None


def segment_for(r: Reader, i0: int, title_match, chain: list[Segment],
                bodies_of_kind: dict[str, BodyMention]) -> Segment:
    """The chain logic as other components read it (kg/extract/biography.py: a résumé line's
    posts), without the news text's fallback to bodies named earlier in the item."""
    return _segment_for(r, i0, title_match, chain, bodies_of_kind, named_before=False)


def _role(seg: Segment) -> str:
    role = seg.title.role
    return "常务委员" if seg.body.kind in ("政协", "人大") and role == "常委" else role


def _office(r: Reader, ns: int, ne: int, seg: Segment, c0: int, c1: int, form: str = "chain") -> OfficeMention:
    ev_start = min(seg.start, ns)
    return OfficeMention(r.surface(ns, ne), _role(seg), seg.body, r.evidence(ns, ne, (min(c0, ev_start), c1)), form)


# ---------------------------------------------------------------------------------------------
# the committee's 「班长」: its chairman


_MONITOR = re.compile("政协(?:的)?[“\"「‘]?班长[”\"」’]?")


def _monitors(r: Reader) -> list[OfficeMention]:
    """「县政协“班长”甲」「作为县政协的“班长”，甲……」: the press calls a committee's chairman its
    班长 (monitor). Only a CPPCC's, the name right after it (or opening the next clause of a
    「作为……，」 apposition)."""
    text = r.text
    out = []
    for m in _MONITOR.finditer(text):
        after = m.end()
        c0, _ = r.clause_around(m.start(), m.start() + 2)
        as_at = text.find("作为", c0, m.start())
        if as_at > c0 and r.name_at(c0) == as_at:  # 「甲作为县政协的“班长”」
            ns, ne = c0, as_at
        else:
            if text[after : after + 1] in ",，":
                if as_at != c0:
                    continue
                after += 1
            ns, ne = after, r.name_at(after)
            if ne is None or r.title_at(after) is not None:
                continue
        b0 = as_at + 2 if as_at >= 0 else c0
        seg = parse_body(r, b0, m.start() + 2, lx.TITLES["主席"])
        if seg.valid and seg.body is not None and seg.body.kind == "政协":
            out.append(_office(r, ns, ne, seg, c0, max(ne, m.end()), "monitor"))
    return out


# ---------------------------------------------------------------------------------------------
# a member's studio: 「为甲委员工作室揭牌」


_STUDIO = re.compile("委员工作室")
HAN_CHAR_RUN = re.compile("[\u4e00-\u9fff]+")


# what may stand right before a studio's name: a break, a list separator, a preposition or verb of going
_BEFORE_STUDIO_NAME = "为到在的和与及赴访"


def _studio_name(r: Reader, pos: int) -> tuple[int, int] | None:
    """The member's name ending at ``pos`` (where 「委员工作室」 starts): a name jieba segments as
    one (:meth:`~.reader.Reader.name_before`), or two or three characters from a surname after a
    break, a 「、」, a body's words or a preposition (「为|甲委员工作室」), never a place or a word
    (「澳门委员工作室」「界别委员工作室」)."""
    text = r.text
    if pos in r.division_by_end or pos in r.bare_by_end:
        return None
    name = r.name_before(pos, after_body=True)
    if name is not None:
        return None if _holds_a_place(r, *name) else name
    for ns in (pos - 3, pos - 2):
        if ns < 0 or text[ns] not in lx.SURNAMES or ns in r.title_ends:
            continue
        before = text[ns - 1] if ns > 0 else "\n"
        if not (before in CLAUSE_BREAK or before == ITEM_BREAK or before in _BEFORE_STUDIO_NAME
                or text[max(0, ns - 6) : ns].endswith(tuple(lx.BODIES))):
            continue
        word = text[ns:pos]
        if HAN_CHAR_RUN.fullmatch(word) and plausible_name(word, True) and not_a_word(word) \
                and not _holds_a_place(r, ns, pos):
            return ns, pos
    return None


def _holds_a_place(r: Reader, start: int, end: int) -> bool:
    """A division's name (full or bare) inside or ending the span: a place, not a person."""
    return bool(r.divisions_in(start, end)) or any(k in r.bare_by_end for k in range(start + 1, end + 1))


def _studios(r: Reader, found: list[OfficeMention]) -> list[OfficeMention]:
    """「县政协副主席甲为乙委员工作室揭牌」: a studio named after a member implies the membership
    (委员 of the CPPCC printed right before the name, else of the last one the news item names
    before it); and the studio's member holds none of the titles of the chain before the name
    (a list 「副主席甲、乙委员工作室」 read on into the studio)."""
    text = r.text
    studios: dict[int, tuple[int, int]] = {}
    for m in _STUDIO.finditer(text):
        name = _studio_name(r, m.start())
        if name is not None and not r.titles_in(name[0], name[1]):
            studios[name[1]] = name
    if not studios:
        return found
    out = [o for o in found if o.evidence.end not in studios or o.form == "post-title"]
    # a standing member or an officer of a committee is recorded by that post, not also as 委员
    held = {o.person for o in out if o.body.kind in ("政协", "政协专委会")}
    for ne, (ns, _) in studios.items():
        person = r.surface(ns, ne)
        if person in held:
            continue
        body = _named_before(r, "政协", ns)
        if body is None:
            continue
        title = r.title_at(ne)  # 委员 (matched only where no 委员工作 block hides it)
        seg = segment(body, lx.TITLES["委员"], ns)
        if title is not None or not seg.valid:
            continue
        out.append(_office(r, ns, ne, seg, *r.clause_around(ns, ne + 5), "studio"))
        held.add(person)
    return out


# ---------------------------------------------------------------------------------------------
# 作者系 notes


def _author_notes(r: Reader, press: list[PressCredit]) -> list[OfficeMention]:
    """「（作者系某某县政协党组书记、主席）」: the offices of the piece's author (a press credit)."""
    text = r.text
    out = []
    authors = sorted((p.evidence.start, p.person) for p in press if p.role == "作者")
    for m in re.finditer(r"(?:^|[(\n])\s*作者(?:系|为|是)(?P<body>[^)\n]{2,80})", text):
        b0, b1 = m.start("body"), m.end("body")
        before = [name for pos, name in authors if pos < m.start()]
        if not before:
            continue
        person = before[-1]
        note = (max(0, m.start()), b1 + (1 if b1 < len(text) and text[b1] in ")）" else 0))
        for seg in _chain_of(r, b0, b1):
            out.append(OfficeMention(person, _role(seg), seg.body, r.evidence(m.start("body") - 3, b1, note),
                                     "author-note"))
    return out


def _chain_of(r: Reader, b0: int, b1: int) -> list[Segment]:
    """The valid offices of a chain of titles written on its own (a note), without names."""
    chain: list[Segment] = []
    bodies_of_kind: dict[str, BodyMention] = {}
    for c0, c1 in r.clauses(b0, b1):
        for i0, i1 in r.items(c0, c1):
            titles = r.titles_in(i0, i1)
            if not titles or titles[-1].end != i1:
                continue
            seg = _segment_for(r, i0, titles[-1], chain, bodies_of_kind)
            chain.append(seg)
            if seg.valid and seg.body is not None:
                bodies_of_kind[seg.body.kind] = seg.body
    return [seg for seg in chain if seg.valid and seg.body is not None]


# a name and its posts in brackets: 「王某某(县政协主席)出席」
_BRACKETED = re.compile(r"[(（](?P<posts>[^()（）\n]{2,30})[)）]")


def _bracketed_posts(r: Reader) -> list[OfficeMention]:
    """「王某某(县政协主席)出席」: the posts in brackets right after a name that opens its clause or
    list item."""
    text = r.text
    out = []
    for m in _BRACKETED.finditer(text):
        b0, b1 = m.start("posts"), m.end("posts")
        titles = r.titles_in(b0, b1)
        if not titles or titles[-1].end != b1:
            continue
        p = m.start()
        ns = next((k for k in range(max(0, p - 4), p - 1) if r.name_at(k) == p
                   and (k == 0 or text[k - 1] in CLAUSE_BREAK or text[k - 1] == ITEM_BREAK
                        or text[k - 1] in " \u3000】]")), None)  # (a list separated by spaces; 「【本报讯】甲(…)」)
        if ns is None:
            continue
        for seg in _chain_of(r, b0, b1):
            out.append(OfficeMention(r.surface(ns, p), _role(seg), seg.body, r.evidence(ns, m.end()), "bracketed"))
    return out


# ---------------------------------------------------------------------------------------------
# rosters: the title stated once, the names listed after it


# what introduces the list: 「他们是:」「分别是」「包括」「名单如下:」, a note in brackets after it
_ROSTER_INTRO = re.compile(r"(?:他们是|她们是|分别是|分别为|依次是|包括|名单如下|成员有|成员包括|成员为)"
                           r"[:：]?\s*(?:[(（][^)）\n]{0,16}[)）])?")
# the count that makes the title one for a whole list: 「共十五名」「有16人」「8位」
_ROSTER_COUNT = re.compile(r"(?:共|有|计)?(?:\d+|[一二两三四五六七八九十百]+|多|数|几)(?:名|位|人)")  # (「多名委员,包括」)


def _item_of(r: Reader, title) -> int:
    """Where the list item holding ``title`` starts: after the clause break or 「、」 before it."""
    return max(r.clause_around(title.start, title.end)[0], r.text.rfind(ITEM_BREAK, 0, title.start) + 1)


def _rosters(r: Reader) -> list[OfficeMention]:
    """「来自港区的常委有16人。他们是:甲、乙、丙」「澳区政协委员共十五名,包括甲、乙」: a counted
    title in the sentence before the intro (or in the sentence before that one, where the intro
    opens a sentence) holds for every name of the list after it. Without a count the list may be
    of anything (「包括民族和宗教委员会、外事委员会」), so nothing is read."""
    text = r.text
    out: list[OfficeMention] = []
    for m in _ROSTER_INTRO.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        names, _ = r.names_from(m.end(), line_end)
        if len(names) < 2:
            continue
        s0, _ = r.analysis.sentence_of(m.start())
        if text[s0 : m.start()].strip() == "" and s0 > 0:  # the intro opens its sentence
            s0, _ = r.analysis.sentence_of(s0 - 1)
        s0 = max(s0, text.rfind("\n", 0, m.start()) + 1)
        titled = r.titles_in(s0, m.start())
        if not titled or not _ROSTER_COUNT.search(text, s0, m.start()):
            continue
        title = titled[-1]
        if title.title is None or r.name_at(r.after_title(title)) is not None \
                or text.startswith("等", r.after_title(title)):  # 「县委书记等2人,分别为」: several posts
            # 「副主席甲、乙等4人参加,调研组组长分别为丙、丁」: the last title is another's (组长)
            # or has its own names after it; the list is of someone else
            continue
        if re.search(r"[；;！？!?]", text[title.end : m.start()]):
            continue  # the intro belongs to another statement than the title's
        # the title's own words: 「来自港区的常委」 is 常委 of the committee named before
        i0 = max(_item_of(r, title), text.rfind("的", 0, title.start) + 1)
        seg = _segment_for(r, i0, title, [], {})
        if not seg.valid or seg.body is None:
            continue
        c0 = min(i0, m.start())
        for ns, ne in names:
            out.append(_office(r, ns, ne, seg, c0, line_end, "roster"))
    return out


# lists under a title, as election results print them: 「副主席:甲、乙(女)、丙」「当选为副主席的是:甲、
# 乙」「副主席(按姓氏笔画为序):甲、乙」「副主席 甲 乙 丙」
_LIST_LEAD = re.compile(r"[ \u3000]*(?:[(（][^)）\n]{0,16}[)）])?(?:的(?:是|有)|是|为|有)?[ \u3000]*[:：][ \u3000]*"
                        r"(?:[(（][^)）\n]{0,16}[)）][ \u3000]*\n?[ \u3000]*)?")  # 「委员:(按姓名笔画为序)」 and the names below
_SPACES = re.compile(r"[ \u3000]+")
_NAMES_LINE = re.compile(r"(?:[\u4e00-\u9fff·]{2,8}(?:[(（][^)）\n]{1,6}[)）])?[ \u3000]*)+(?:\n|$)")
_SPACED_LINES = re.compile(r"[ \u3000]+\n?[ \u3000]*|\n[ \u3000]*")
_SPACED_LEAD = re.compile(r"[ \u3000]*(?:[(（][^)）\n]{0,16}[)）])?[ \u3000]+")
_ELECTED = re.compile(r"(?:当选为|当选|选举|选出|产生)$")


def _title_lists(r: Reader) -> list[OfficeMention]:
    """Every name listed after a title and a colon (or, two names at least, after spaces): the
    title's office, its body read as in a chain (「政协某县第十届委员会副主席:」) or inherited from
    the committee named before (「当选为副主席的是:」)."""
    text = r.text
    out: list[OfficeMention] = []
    for t in r.titles:
        if t.title is None:
            continue
        lead = _LIST_LEAD.match(text, t.end)
        spaced = lead is None
        lead = lead or _SPACED_LEAD.match(text, t.end)
        if lead is None:
            continue
        names = _listed_names(r, lead.end(), spaced)
        if len(names) < (2 if spaced else 1):
            continue
        c0 = r.clause_around(t.start, t.end)[0]
        i0 = _item_of(r, t)
        verb = _ELECTED.search(text, i0, t.start)
        seg = _segment_for(r, verb.end() if verb else i0, t, [], {})
        if not seg.valid or seg.body is None:
            continue
        line_end = text.find("\n", t.end)
        for ns, ne in names:
            out.append(_office(r, ns, ne, seg, c0, len(text) if line_end < 0 else line_end, "list"))
    return out


def _listed_names(r: Reader, i: int, spaced: bool) -> list[tuple[int, int]]:
    """The names of a list from ``i``: separated by 、 or a comma (or by spaces where ``spaced``),
    each perhaps with a note in brackets (「(女)」「(回族)」: :data:`~.reader.RANK_NOTE`), up to the end
    of the line or a sentence."""
    text = r.text
    out: list[tuple[int, int]] = []
    while i < len(text):
        e = r.name_at(i, lenient=True)
        if e is None or r.title_at(i) is not None:
            break
        out.append((i, e))
        note = RANK_NOTE.match(text, e)
        j = note.end() if note else e
        # 「副主任:甲 乙」「委员:(按姓名笔画为序)\n甲 乙\n丙」: spaces and line ends where no 、 separates
        sep = (_SPACES if spaced else _SPACED_LINES).match(text, j)
        if sep is not None and "\n" in sep.group(0) and not _NAMES_LINE.match(text, sep.end()):
            break  # the list goes on below only on a line of names alone
        if sep is not None:
            i = sep.end()
        elif j < len(text) and text[j] in "、,，":
            i = j + 1
        else:
            break
    return out
