"""A readable HTML page of the ontology (ontology/kg.ttl): its classes and properties, with labels
in Chinese and English, comments, superclasses, domains, ranges and characteristics.

pyLODE would do this, but it is not a dependency; a small Jinja2 template (Jinja2 comes with
spaCy) keeps the page offline and self-contained.

>>> "政协委员会" in ontology_html()
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from .paths import ontology_path
from .vocab import ONTOLOGY_IRI, PREFIXES

DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


@dataclass
class Term:
    iri: str
    name: str  # prefixed name (kg:division)
    kind: str  # class | object property | datatype property | annotation property
    label_zh: str = ""
    label_en: str = ""
    comment: str = ""
    parents: list[str] = field(default_factory=list)  # subClassOf / subPropertyOf
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    inverse: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.name.replace(":", "-")


def _qname(iri: str) -> str:
    for k, v in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(v):
            return f"{k}:{iri[len(v):]}"
    return iri


def _lang(g: rdflib.Graph, s, p, lang: str) -> str:
    values = [o for o in g.objects(s, p) if isinstance(o, rdflib.Literal) and (o.language or "") == lang]
    return str(sorted(values)[0]) if values else ""


def ontology_terms(path: Path | None = None) -> tuple[dict[str, str], list[Term], list[Term]]:
    """The ontology's header (title, description, version, IRI) and its own classes and
    properties, sorted by name."""
    g = rdflib.Graph()
    g.parse(path or ontology_path(), format="turtle")
    ns = PREFIXES["kg"]
    onto = rdflib.URIRef(ONTOLOGY_IRI)
    header = {
        "iri": ONTOLOGY_IRI,
        "namespace": ns,
        "title_zh": _lang(g, onto, DCTERMS.title, "zh"),
        "title_en": _lang(g, onto, DCTERMS.title, "en"),
        "description": _lang(g, onto, DCTERMS.description, "en"),
        "version": str(g.value(onto, OWL.versionInfo) or ""),
    }
    kinds = {OWL.Class: "class", OWL.ObjectProperty: "object property",
             OWL.DatatypeProperty: "datatype property", OWL.AnnotationProperty: "annotation property"}
    characteristics = {OWL.FunctionalProperty: "functional", OWL.TransitiveProperty: "transitive",
                       OWL.SymmetricProperty: "symmetric", OWL.InverseFunctionalProperty: "inverse functional"}
    terms: dict[str, Term] = {}
    for cls, kind in kinds.items():
        for s in g.subjects(RDF.type, cls):
            if not isinstance(s, rdflib.URIRef) or not str(s).startswith(ns):
                continue
            t = terms.setdefault(str(s), Term(str(s), _qname(str(s)), kind))
            t.label_zh = _lang(g, s, RDFS.label, "zh")
            t.label_en = _lang(g, s, RDFS.label, "en")
            t.comment = _lang(g, s, RDFS.comment, "en") or _lang(g, s, RDFS.comment, "")
            parent_p = RDFS.subClassOf if kind == "class" else RDFS.subPropertyOf
            t.parents = sorted(_qname(str(o)) for o in g.objects(s, parent_p))
            t.domains = sorted(_qname(str(o)) for o in g.objects(s, RDFS.domain))
            t.ranges = sorted(_qname(str(o)) for o in g.objects(s, RDFS.range))
            t.characteristics = sorted(v for c, v in characteristics.items() if (s, RDF.type, c) in g)
            t.inverse = sorted({_qname(str(o)) for o in g.objects(s, OWL.inverseOf)}
                               | {_qname(str(o)) for o in g.subjects(OWL.inverseOf, s)})
    ordered = sorted(terms.values(), key=lambda t: t.name.lower())
    return header, [t for t in ordered if t.kind == "class"], [t for t in ordered if t.kind != "class"]


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ h.title_zh }} — {{ h.title_en }}</title>
<style>
 body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
        max-width: 60em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }
 h1 { margin-bottom: 0; } .en { color: #555; } code { background: #f4f4f4; padding: 0 .2em; }
 section.term { border-top: 1px solid #ddd; padding: .6em 0; }
 section.term h3 { margin: .2em 0; } dl { display: grid; grid-template-columns: 9em 1fr; margin: .3em 0; }
 dt { color: #666; } dd { margin: 0; } nav a { margin-right: .6em; white-space: nowrap; }
</style>
</head>
<body>
<h1>{{ h.title_zh }}</h1>
<p class="en">{{ h.title_en }}</p>
<p>{{ h.description }}</p>
<dl>
 <dt>IRI</dt><dd><code>{{ h.iri }}</code></dd>
 <dt>namespace</dt><dd><code>{{ h.namespace }}</code> (prefix <code>kg:</code>)</dd>
 {% if h.version %}<dt>version</dt><dd>{{ h.version }}</dd>{% endif %}
</dl>
<h2>类 Classes ({{ classes|length }})</h2>
<nav>{% for t in classes %}<a href="#{{ t.anchor }}">{{ t.name }}</a> {% endfor %}</nav>
<h2>属性 Properties ({{ properties|length }})</h2>
<nav>{% for t in properties %}<a href="#{{ t.anchor }}">{{ t.name }}</a> {% endfor %}</nav>
{% for title, items in [("类 Classes", classes), ("属性 Properties", properties)] %}
<h2>{{ title }}</h2>
{% for t in items %}
<section class="term" id="{{ t.anchor }}">
 <h3>{{ t.label_zh or t.name }} <span class="en">{{ t.label_en }}</span></h3>
 <dl>
  <dt>term</dt><dd><code>{{ t.name }}</code> — {{ t.kind }}</dd>
  <dt>IRI</dt><dd><code>{{ t.iri }}</code></dd>
  {% if t.comment %}<dt>comment</dt><dd>{{ t.comment }}</dd>{% endif %}
  {% if t.parents %}<dt>{{ "subclass of" if t.kind == "class" else "subproperty of" }}</dt><dd>{{ links(t.parents) }}</dd>{% endif %}
  {% if t.domains %}<dt>domain</dt><dd>{{ links(t.domains) }}</dd>{% endif %}
  {% if t.ranges %}<dt>range</dt><dd>{{ links(t.ranges) }}</dd>{% endif %}
  {% if t.characteristics %}<dt>characteristics</dt><dd>{{ t.characteristics|join(", ") }}</dd>{% endif %}
  {% if t.inverse %}<dt>inverse of</dt><dd>{{ links(t.inverse) }}</dd>{% endif %}
 </dl>
</section>
{% endfor %}
{% endfor %}
</body>
</html>
"""


def ontology_html(path: Path | None = None) -> str:
    """The ontology as one self-contained HTML page."""
    from jinja2 import Environment
    from markupsafe import Markup

    header, classes, properties = ontology_terms(path)
    own = {t.name for t in (*classes, *properties)}

    def links(names: list[str]) -> Markup:
        parts = [Markup('<a href="#{}"><code>{}</code></a>').format(n.replace(":", "-"), n) if n in own
                 else Markup("<code>{}</code>").format(n) for n in names]
        return Markup(", ").join(parts)

    env = Environment(autoescape=True)
    return env.from_string(_TEMPLATE).render(h=header, classes=classes, properties=properties, links=links)
