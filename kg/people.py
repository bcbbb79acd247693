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

from dataclasses import dataclass

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
    iris = Iris(base)
    graph = iris.links_graph
    posts = shared_posts(rows)
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
    for person, first in sorted(groups([s for s in posts if s.a != s.b]).items()):
        quads.append(Quad(NamedNode(person), KG.sameHolderAs, NamedNode(first), graph))
    return quads


def relink(writer) -> int:
    """Recompute the ``graph/links`` graph of the dataset ``writer`` holds (a
    :class:`kg.store.KGStore` or :class:`kg.gsp.GSPWriter`); returns the number of links."""
    quads = link_quads(writer.select(PAIRS_QUERY) + writer.select(SAME_IRI_QUERY), writer.base)
    writer.replace_graph(Iris(writer.base).links_graph, quads)
    return sum(1 for q in quads if q.predicate == RDF.type)

