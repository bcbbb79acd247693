"""Canned SPARQL queries: files in queries/ with a header comment, and their parameters.

A query file starts with comment lines::

    # title: Offices
    # description: One row per office holding, with its evidence.
    # param: person — a person's name as printed (default: everyone)
    # param: body:string — 政协, 政协专委会, 党委, 人大, 政府 or 中央

``# param: NAME[:TYPE] — DESCRIPTION [(default VALUE)]`` declares a parameter bound to the
variable ``?NAME``. Values are bound as RDF terms through pyoxigraph's ``substitutions`` (SEP-0007),
never pasted into the query text, so no value can change the query's meaning. TYPE is one of

* ``label`` (the default): a Chinese label, bound as ``"VALUE"@zh``; an absolute IRI is bound as
  that IRI;
* ``node``: an IRI binds ``?NAME_iri``; anything else binds ``?NAME`` as ``"VALUE"@zh``
  (a committee given by IRI or by label);
* ``string``: a plain literal; ``integer``: an ``xsd:integer``; ``iri``: an IRI.

A parameter without a default that is not given stays unbound: the query then covers everything.
Oxigraph binds a substituted variable at the top level of the query, so the variable must be in
the SELECT projection and in required patterns (a binding used only inside OPTIONAL, a subquery
or a HAVING clause does not filter). It plans the query as if the parameters were unbound, then
evaluates that plan with them bound: a lookup that must start from its parameter puts the
parameter's pattern first and wraps each later step in ``LATERAL { }``, which no plan reorders or
hashes (queries/holders-in.rq; BENCHMARKS.md, figure 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Store, Variable

from .chinese import key_form
from .errors import QueryError
from .paths import bundled
from .vocab import PREFIXES, XSD

PARAM_TYPES = ("label", "node", "string", "integer", "iri")

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?P<type>[a-z]+))?\s*(?:—|–|--|-|:)\s*(?P<desc>.*?)"
    r"(?:\s*\((?:default[:\s]\s*(?P<default>[^)]*)|(?P<required>required))\))?$"
)
_IRI = re.compile(r"^(?:https?|urn|file|tag|mailto):\S+$")


def queries_dir() -> Path:
    """The folder of canned queries (queries/ at the project root)."""
    return bundled("queries")


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    type: str = "label"
    default: str | None = None
    required: bool = False

    def variables(self, value: str) -> dict[Variable, NamedNode | Literal]:
        """The substitution(s) for ``value``.

        :raises QueryError: a value that is not of the parameter's type.
        """
        def fail(expected: str) -> QueryError:
            return QueryError(f"parameter {self.name}: {value!r} is not {expected}")

        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise fail("an integer")
            return {Variable(self.name): Literal(str(int(value)), datatype=XSD.integer)}
        if self.type == "string":
            return {Variable(self.name): Literal(value)}
        if _IRI.match(value) or self.type == "iri":
            try:
                node = NamedNode(value)
            except ValueError:
                raise fail("an IRI") from None
            return {Variable(self.name + "_iri" if self.type == "node" else self.name): node}
        # labels are stored in key form (simplified, NFKC): 劉某偉 finds 刘某伟 and the other way round
        return {Variable(self.name): Literal(key_form(value), language="zh")}


@dataclass(frozen=True)
class CannedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        valid = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name} has no parameter {name!r}; its parameters: {valid}")

    def bind(self, values: dict[str, str]) -> dict[Variable, NamedNode | Literal]:
        """Substitutions for the given parameter values plus defaults.

        :raises QueryError: an unknown parameter, a missing required one, or a bad value.
        """
        for name in values:
            self.param(name)
        out: dict[Variable, NamedNode | Literal] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None or value == "":
                if p.required:
                    raise QueryError(f"query {self.name} needs --param {p.name}=VALUE ({p.description})")
                continue
            out.update(p.variables(value))
        return out


def parse_query(text: str, name: str, path: Path | None = None) -> CannedQuery:
    """Read a query file's header and check the query parses.

    :raises QueryError: a malformed header line, a parameter the query does not use, or a query
        that does not parse.
    """
    where = str(path) if path else name
    title, description, params = "", "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        else:
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{where}: bad parameter line {stripped!r}; expected '# param: name — description (default value)'")
            ptype = pm["type"] or "label"
            if ptype not in PARAM_TYPES:
                raise QueryError(f"{where}: parameter {pm['name']} has unknown type {ptype!r}; types: {', '.join(PARAM_TYPES)}")
            params.append(Param(pm["name"], pm["desc"].strip(), ptype,
                                pm["default"].strip() if pm["default"] is not None else None,
                                bool(pm["required"])))
    for p in params:
        names = [p.name] + ([p.name + "_iri"] if p.type == "node" else [])
        for n in names:
            if not re.search(rf"[?$]{n}\b", text):
                raise QueryError(f"{where}: parameter {p.name} needs the variable ?{n} in the query")
    query = CannedQuery(name, path or Path(name), title or name, description, tuple(params), text)
    try:
        _empty_store().query(text, prefixes=PREFIXES)
    except SyntaxError as e:
        raise QueryError(f"{where}: malformed query: {_one_line(e)}") from None
    # every parameter bound at once: Oxigraph refuses a substitution it cannot apply
    trial = {p.name: ("http://example.org/x" if p.type == "iri" else "1") for p in params}
    try:
        _empty_store().query(text, prefixes=PREFIXES, substitutions=query.bind(trial) or None)
    except (SyntaxError, RuntimeError, ValueError) as e:
        raise QueryError(f"{where}: parameters cannot be bound: {_one_line(e)}") from None
    return query


@cache
def _empty_store() -> Store:
    return Store()


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


def load_query(name: str, directory: Path | None = None) -> CannedQuery:
    """A canned query by name (a file in queries/ without ``.rq``) or by path to a .rq file.

    :raises QueryError: no such query, unreadable, or malformed.
    """
    directory = directory or queries_dir()
    if name.endswith(".rq") or "/" in name or "\\" in name:
        path = Path(name)
    else:
        path = directory / f"{name}.rq"
        if not path.is_file():
            available = ", ".join(q.stem for q in sorted(directory.glob("*.rq"))) or "none"
            raise QueryError(f"no query named {name!r}; available: {available}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"{path}: cannot read query: {getattr(e, 'strerror', None) or e}") from None
    return parse_query(text, path.stem, path)


def list_queries(directory: Path | None = None) -> list[CannedQuery]:
    """Every canned query, by name.

    :raises QueryError: one of them is malformed.
    """
    directory = directory or queries_dir()
    return [load_query(p.stem, directory) for p in sorted(directory.glob("*.rq"))]


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["k=v", ...]`` -> ``{"k": "v"}``.

    :raises QueryError: an item without "=", an empty value (leave the parameter out to mean
        "any"), or a parameter given twice.
    """
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"bad --param {pair!r}; expected NAME=VALUE")
        if not value.strip():
            raise QueryError(f"--param {key} has an empty value; leave it out to mean any {key}")
        if key in out:
            raise QueryError(f"--param {key} given twice")
        out[key] = value
    return out


def run_query(store, query: CannedQuery, values: dict[str, str] | None = None):
    """Run ``query`` on a :class:`kg.store.KGStore` with parameter ``values``; returns pyoxigraph
    solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE).

    :raises QueryError: bad parameters, or the query fails on this store.
    """
    substitutions = query.bind(values or {})
    try:
        return store.query(query.text, substitutions)
    except (SyntaxError, RuntimeError, ValueError) as e:
        raise QueryError(f"{query.path}: {_one_line(e)}") from None
