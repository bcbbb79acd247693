"""People across documents: the persons of two documents known to be one (the ``graph/links`` graph).

A person's IRI is minted per document context (:meth:`kg.mapping.Iris.person`: the name and the
most specific division of its offices there), so a résumé's 张维国 and the 張維國 of a later news
article are two nodes until something links them. The link is the rule of the design: **the same
name holding the same post** (the same title in the same organisation: 十堰市人民政府 市长) in
both. Two same-name persons with no post in common stay two.

:func:`link_quads` reads every membership (offices attested in the news and résumé spells alike),
finds the pairs of persons that share a name and a post, and states

* one ``kg:PersonLink`` per pair and shared post: the two persons (``kg:linkedPerson``), the
  organisation and the title, the two documents (``prov:wasDerivedFrom``) and the reason in words;
  where a résumé's person and the other document's holder already have one IRI (the same name in
  the same division context), the link has that one person and still names the post and the two
  documents, so that every merge of a résumé with another document is explained;
* ``kg:sameHolderAs`` from every person a link joins to the one person of its group (the first in
  IRI order), so that a query groups by ``COALESCE(?same, ?person)``.

:func:`relink` recomputes the graph as a whole after a build changed documents: links depend on
every document, so no document's graph holds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from pyoxigraph import NamedNode, Quad

from .mapping import Iris, zh
from .vocab import KG, PROV, RDF

#: Pairs of persons with the same name and the same post (title and organisation) in two documents.
PAIRS_QUERY = """
SELECT ?a ?b ?name ?role ?org ?org_label (MIN(STR(?ga)) AS ?graph_a) (MIN(STR(?gb)) AS ?graph_b)
       (MIN(?doc_a) AS ?file_a) (MIN(?doc_b) AS ?file_b)
WHERE {
  GRAPH ?ga { ?ma org:member ?a ; org:organization ?org ; kg:roleName ?role ; kg:documentFileName ?doc_a .
              ?a foaf:name ?name }
  GRAPH ?gb { ?mb org:member ?b ; org:organization ?org ; kg:roleName ?role ; kg:documentFileName ?doc_b .
              ?b foaf:name ?name }
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { GRAPH ?gl { ?org skos:prefLabel ?org_label } }
}
GROUP BY ?a ?b ?name ?role ?org ?org_label
"""

#: A résumé's person whose IRI another document's holder of one of its posts already shares (the
#: same name in the same division context, :meth:`kg.mapping.Iris.person`): the post that shows it.
SAME_IRI_QUERY = """
SELECT ?a ?name ?role ?org ?org_label ?graph_a (MIN(STR(?gb)) AS ?graph_b) (SAMPLE(?doc_a) AS ?file_a)
       (MIN(?doc_b) AS ?file_b)
WHERE {
  GRAPH ?ga { ?ma a kg:CareerSpell ; org:member ?a ; org:organization ?org ; kg:roleName ?role ;
                  kg:documentFileName ?doc_a . ?a foaf:name ?name }
  GRAPH ?gb { ?mb org:member ?a ; org:organization ?org ; kg:roleName ?role ; kg:documentFileName ?doc_b }
  FILTER (?ga != ?gb)
  BIND (STR(?ga) AS ?graph_a)
  OPTIONAL { GRAPH ?gl { ?org skos:prefLabel ?org_label } }
}
GROUP BY ?a ?name ?role ?org ?org_label ?graph_a
"""


@dataclass(frozen=True)
class SharedPost:
    """Two persons of one name holding one post: the evidence of a link."""

    a: str  # person IRIs, a < b
    b: str
    name: str
    role: str
    org: str
    org_label: str
    graph_a: str
    graph_b: str
    file_a: str
    file_b: str

    @property
    def reason(self) -> str:
        where = self.org_label or self.org
        first, second = sorted((self.file_a, self.file_b))
        return f"{self.name} of {first} and {self.name} of {second} both hold {self.role} of {where}: one person"


def shared_posts(rows) -> list[SharedPost]:
    """:class:`SharedPost` of rows of :data:`PAIRS_QUERY` (dicts of lexical values)."""
    out = []
    for r in rows:
        sides = [(r["graph_a"], r["file_a"]), (r["graph_b"], r["file_b"])]
        if "b" not in r:  # one IRI in two documents: the documents in order, whichever the résumé
            sides.sort()
        (graph_a, file_a), (graph_b, file_b) = sides
        out.append(SharedPost(r["a"], r.get("b", r["a"]), r["name"], r["role"], r["org"], r.get("org_label") or "",
                              graph_a, graph_b, file_a, file_b))
    # one link per pair and post, whatever the label rows say
    seen: dict[tuple, SharedPost] = {}
    for s in sorted(out, key=lambda s: (s.a, s.b, s.role, s.org, s.graph_a, s.graph_b, s.org_label)):
        seen.setdefault((s.a, s.b, s.role, s.org) + ((s.graph_a, s.graph_b) if s.a == s.b else ()), s)
    return list(seen.values())


def groups(posts: list[SharedPost]) -> dict[str, str]:
    """Person IRI -> the first IRI of its group (union of every link), for each linked person.

    >>> p = SharedPost("x:1", "x:2", "", "", "", "", "", "", "", "")
    >>> q = SharedPost("x:2", "x:3", "", "", "", "", "", "", "", "")
    >>> sorted(groups([p, q]).items())
    [('x:1', 'x:1'), ('x:2', 'x:1'), ('x:3', 'x:1')]
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in posts:
        ra, rb = find(s.a), find(s.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def link_quads(rows, base: str) -> list[Quad]:
    """The ``graph/links`` quads of :data:`PAIRS_QUERY`'s rows."""
    posts = shared_posts(rows)
    return post_quads(posts, base) + same_holder_quads([(s.a, s.b) for s in posts], base)


def post_quads(posts: list[SharedPost], base: str) -> list[Quad]:
    """One ``kg:PersonLink`` per shared post (without the ``kg:sameHolderAs`` of the groups)."""
    iris = Iris(base)
    graph = iris.links_graph
    quads: list[Quad] = []
    doc_prefix = iris.doc_graph_prefix()
    for s in posts:
        node = iris.link(s.a, s.b, s.role, s.org, *((s.graph_a, s.graph_b) if s.a == s.b else ()))
        quads += [
            Quad(node, RDF.type, KG.PersonLink, graph),
            *(Quad(node, KG.linkedPerson, NamedNode(p), graph) for p in sorted({s.a, s.b})),
            Quad(node, KG.linkedOrganization, NamedNode(s.org), graph),
            Quad(node, KG.linkedRole, zh(s.role), graph),
            Quad(node, KG.linkReason, zh(s.reason), graph),
        ]
        for g in sorted({s.graph_a, s.graph_b}):
            if g.startswith(doc_prefix):
                quads.append(Quad(node, PROV.wasDerivedFrom, iris.doc(g[len(doc_prefix):]), graph))
    return quads


def same_holder_quads(pairs: list[tuple[str, str]], base: str) -> list[Quad]:
    """``kg:sameHolderAs`` from every person the links ``pairs`` (person IRIs; a pair of one
    person is no link between two) join to the first IRI of its group."""
    graph = Iris(base).links_graph
    posts = [SharedPost(a, b, "", "", "", "", "", "", "", "") for a, b in pairs if a != b]
    return [Quad(NamedNode(person), KG.sameHolderAs, NamedNode(first), graph)
            for person, first in sorted(groups(posts).items())]


#: The names two or more persons hold a membership under (as term parts, which a Graph Store
#: Protocol server's results give as well as the store): the only names :data:`PAIRS_QUERY` can
#: pair, given to it as ``VALUES`` so that it joins by name (a join by organisation, which the
#: bare query makes, is quadratic in the members of the largest organisation).
SHARED_NAMES_QUERY = """
SELECT (STR(?name) AS ?text) (LANG(?name) AS ?lang) (STR(DATATYPE(?name)) AS ?type)
WHERE { GRAPH ?g { ?m org:member ?a . ?a foaf:name ?name } }
GROUP BY ?name
HAVING (COUNT(DISTINCT ?a) > 1)
"""

#: :data:`PAIRS_QUERY` for some names (``%s``: a ``VALUES ?name`` clause, given twice): each side's
#: memberships of those names first, then the two joined by name, post and organisation.
PAIRS_BY_NAME_QUERY = """
SELECT ?a ?b ?name ?role ?org ?org_label (MIN(STR(?ga)) AS ?graph_a) (MIN(STR(?gb)) AS ?graph_b)
       (MIN(?doc_a) AS ?file_a) (MIN(?doc_b) AS ?file_b)
WHERE {
  { SELECT ?a ?name ?role ?org ?ga ?doc_a WHERE { %s
      GRAPH ?ga { ?ma org:member ?a ; org:organization ?org ; kg:roleName ?role ; kg:documentFileName ?doc_a .
                  ?a foaf:name ?name } } }
  { SELECT ?b ?name ?role ?org ?gb ?doc_b WHERE { %s
      GRAPH ?gb { ?mb org:member ?b ; org:organization ?org ; kg:roleName ?role ; kg:documentFileName ?doc_b .
                  ?b foaf:name ?name } } }
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { GRAPH ?gl { ?org skos:prefLabel ?org_label } }
}
GROUP BY ?a ?b ?name ?role ?org ?org_label
"""

#: The persons with a membership, and the organisations with a label, in some graphs (``VALUES ?g``).
TOUCHED_QUERY = """
SELECT DISTINCT ?a ?org WHERE { %s GRAPH ?g { { ?m org:member ?a } UNION { ?org skos:prefLabel ?label } } }
"""


def _literal(row: dict) -> str:
    """A literal in SPARQL syntax from its lexical form, language and datatype."""
    text = json.dumps(row.get("text", ""), ensure_ascii=False)
    if row.get("lang"):
        return f"{text}@{row['lang']}"
    return f"{text}^^<{row['type']}>" if row.get("type") else text


def _values(var: str, terms: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(terms)} }}"


def _restricted(query: str, values: str) -> str:
    """``query`` with ``values`` (a ``VALUES`` clause) first in its WHERE."""
    return query.replace("WHERE {", "WHERE {\n  " + values, 1)


def _pair_rows(writer, persons: set[str] | None = None) -> list[dict]:
    """The rows of :data:`PAIRS_QUERY` and :data:`SAME_IRI_QUERY`: all of them, or those of the
    pairs and résumé persons one of ``persons`` (IRIs) is in."""
    if persons is None:
        names = [_literal(r) for r in writer.select(SHARED_NAMES_QUERY)]
        rows = []
        for i in range(0, len(names), 500):
            values = _values("name", names[i:i + 500])
            rows += writer.select(PAIRS_BY_NAME_QUERY % (values, values))
        return rows + writer.select(SAME_IRI_QUERY)
    rows = []
    iris = sorted(f"<{p}>" for p in persons)
    for i in range(0, len(iris), 500):
        part = iris[i:i + 500]
        rows += writer.select(_restricted(PAIRS_QUERY, _values("a", part)))
        rows += writer.select(_restricted(PAIRS_QUERY, _values("b", part)))
        rows += writer.select(_restricted(SAME_IRI_QUERY, _values("a", part)))
    return rows


def touched(writer, graphs: Iterable) -> tuple[set[str], set[str]]:
    """The persons with a membership and the organisations with a label in ``graphs`` (named
    nodes or IRIs): what a change to those graphs can change in the links graph."""
    names = sorted({getattr(g, "value", g) for g in graphs})
    persons: set[str] = set()
    orgs: set[str] = set()
    for i in range(0, len(names), 500):
        values = _values("g", (f"<{g}>" for g in names[i:i + 500]))
        for r in writer.select(TOUCHED_QUERY % values):
            if "a" in r:
                persons.add(r["a"])
            if "org" in r:
                orgs.add(r["org"])
    return persons, orgs


def relink(writer, persons: set[str] | None = None, orgs: set[str] | None = None) -> int:
    """Recompute the ``graph/links`` graph of the dataset ``writer`` holds (a
    :class:`kg.store.KGStore` or :class:`kg.gsp.GSPWriter`); returns the number of links.

    With ``persons`` and ``orgs`` (what :func:`touched` found in the graphs a build dropped and
    wrote) and a writer that gives a graph's quads (``graph_quads``), only the links of those
    persons and of those organisations are recomputed; every other link is kept as stored: its
    two memberships, the label of its organisation and the names are in graphs the build did not
    change, so the whole recomputation would give it again. The groups (``kg:sameHolderAs``)
    are recomputed over every link.
    """
    links = Iris(writer.base).links_graph
    if persons is None or getattr(writer, "graph_quads", None) is None:
        quads = link_quads(_pair_rows(writer), writer.base)
    else:
        quads = _relink_some(writer, links, set(persons), set(orgs or ()))
    writer.replace_graph(links, quads)
    return sum(1 for q in quads if q.predicate == RDF.type)


def _relink_some(writer, links: NamedNode, persons: set[str], orgs: set[str]) -> list[Quad]:
    """The links graph with the links of ``persons`` and of ``orgs`` recomputed, the others kept."""
    by_node: dict = {}
    for q in writer.graph_quads(links):
        if q.predicate != KG.sameHolderAs:
            by_node.setdefault(q.subject, []).append(q)
    linked = {node: sorted(q.object.value for q in quads if q.predicate == KG.linkedPerson)
              for node, quads in by_node.items()}
    for node, quads in by_node.items():  # a link of a changed organisation: its persons' links are recomputed
        if any(q.predicate == KG.linkedOrganization and q.object.value in orgs for q in quads):
            persons.update(linked[node])
    kept: list[Quad] = []
    pairs: list[tuple[str, str]] = []
    for node, quads in by_node.items():
        if linked[node] and not persons.intersection(linked[node]):
            kept += quads
            pairs.append((linked[node][0], linked[node][-1]))
    posts = shared_posts(_pair_rows(writer, persons)) if persons else []
    return kept + post_quads(posts, writer.base) + same_holder_quads(pairs + [(s.a, s.b) for s in posts],
                                                                      writer.base)
