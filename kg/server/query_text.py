"""What the server reads from a query's text before it runs it.

* :func:`looks_like_update`: an update sent as a query (refused 403 with its own message);
* :func:`names_dataset`: a ``FROM`` / ``FROM NAMED`` clause, so that the query's own dataset wins
  over the union default graph when the request names none;
* :func:`service_calls`: the ``SERVICE`` endpoints a query would call (federation is off unless
  the operator allows hosts, see :func:`check_services`).

The first two use a small tokenizer of SPARQL's lexical rules (strings, IRIs, comments,
prefixed names), so that a ``#`` inside ``<http://a#>`` is not a comment and a ``FROM`` inside a
string is not a clause. ``SERVICE`` is a security boundary, so it is found by a real SPARQL
parser (rdflib's), which resolves the ambiguities of the grammar (``<`` as an IRI or as "less
than") the way Oxigraph's parser does; it runs only for texts that contain the letters "service"
at all, in any case, which every text with a SERVICE clause does.
"""

from __future__ import annotations

import re
from typing import Iterator

from .config import HOST

_TOKEN = re.compile(r"""
  (?P<ws>\s+)
| (?P<comment>\#[^\n\r]*)
| (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
| (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
             |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
| (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
| (?P<pname>(?:[^\W\d_][\w.\-\u00B7]*)?:(?:[\w:%\-\u00B7]|\\[_~.\-!$&'()*+,;=/?\#@%]|\.(?=[\w:%\\-]))*)
| (?P<bnode>_:[\w.\-\u00B7]*)
| (?P<word>[A-Za-z_]\w*)
| (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
| (?P<punct>.)
""", re.X | re.S)

_UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """``(kind, text)`` of each token, without whitespace and comments.

    >>> list(tokens('PREFIX a: <http://a#> # hi\\nSELECT ?x { ?x a:b "c#" }'))[:4]
    [('word', 'PREFIX'), ('pname', 'a:'), ('iri', '<http://a#>'), ('word', 'SELECT')]
    """
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind not in ("ws", "comment"):
            yield kind, m.group()


def _after_prologue(text: str) -> Iterator[tuple[str, str]]:
    """The tokens after the prologue (``PREFIX p: <iri>`` and ``BASE <iri>`` declarations)."""
    it = tokens(text)
    for kind, value in it:
        word = value.upper() if kind == "word" else ""
        if word == "PREFIX":
            next(it, None)  # the prefix
            next(it, None)  # its IRI
        elif word == "BASE":
            next(it, None)
        else:
            yield kind, value
            yield from it
            return


def update_operation(text: str) -> str | None:
    """The operation a SPARQL Update request starts with (after its prologue), upper case, with
    the word after INSERT/DELETE when it is DATA or WHERE; ``None`` for anything else.

    >>> update_operation("PREFIX a: <http://a#> insert data { a:b a:c a:d }")
    'INSERT DATA'
    >>> update_operation("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'WITH'
    >>> update_operation("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"), update_operation("SELECT * {}")
    ('DELETE', None)
    """
    it = _after_prologue(text)
    kind, value = next(it, ("", ""))
    word = value.upper()
    if kind != "word" or word not in _UPDATES:
        return None
    if word in ("INSERT", "DELETE"):
        kind, value = next(it, ("", ""))
        if kind == "word" and value.upper() in ("DATA", "WHERE"):
            return f"{word} {value.upper()}"
    return word


def looks_like_update(text: str) -> bool:
    """Is ``text`` a SPARQL Update request (after its prologue)?

    >>> looks_like_update("PREFIX a: <http://a#>\\n# hi\\nINSERT DATA { a:b a:c a:d }")
    True
    >>> looks_like_update("PREFIX kg: <https://w3id.org/kg-cppcc/ontology#> DELETE WHERE { ?s kg:x ?o }")
    True
    >>> looks_like_update("SELECT * { ?s ?p ?o }")
    False
    """
    return update_operation(text) is not None


def names_dataset(text: str) -> bool:
    """Does the query name its own dataset (``FROM`` or ``FROM NAMED``, outside every group)?

    >>> names_dataset("SELECT * FROM <http://g> { ?s ?p ?o }")
    True
    >>> names_dataset("CONSTRUCT { ?s ?p 'from' } WHERE { ?s ?p ?o }  # no FROM <g> here")
    False
    """
    depth = 0
    for kind, value in _after_prologue(text):
        if kind == "punct":
            depth += value == "{"
            depth -= value == "}"
        elif kind == "word" and depth == 0 and value.upper() == "FROM":
            return True
    return False


# -- SERVICE -------------------------------------------------------------------------------------

class Unchecked(Exception):
    """The text mentions "service" but could not be parsed to say where its SERVICE calls go."""


def _walk(node, found: list) -> None:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            found.append(node.get("term"))
        for value in node.values():
            _walk(value, found)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            _walk(value, found)


def service_calls(text: str, prefixes: dict[str, str] | None = None) -> list[str | None]:
    """The endpoint IRI of every ``SERVICE`` clause in ``text``, nested ones included: the IRI as
    written or expanded from a prefixed name, ``None`` for a variable (``SERVICE ?x``).

    :raises Unchecked: the text contains "service" and rdflib's parser cannot read it (a syntax
        error, SPARQL beyond 1.1, or a nested SERVICE, which rdflib cannot parse).

    >>> service_calls("SELECT * { ?s ?p ?o }")
    []
    >>> service_calls("PREFIX e: <http://a.example/> SELECT * { SERVICE SILENT e:sparql { ?s ?p ?o } }")
    ['http://a.example/sparql']
    >>> service_calls("SELECT * { ?x a <http://www.w3.org/ns/sparql-service-description#Service> }")
    []
    """
    if "service" not in text.lower():  # every SERVICE keyword, in any case, contains these letters
        return []
    try:
        from rdflib.plugins.sparql.parser import parseQuery

        tree = parseQuery(text)
    except RecursionError:  # rdflib re-parses the text for each SERVICE clause it meets
        raise Unchecked("a nested SERVICE cannot be checked") from None
    except Exception as e:  # a ParseException
        raise Unchecked("it is not SPARQL 1.1 as rdflib reads it: " + " ".join(str(e).split())[:200]) from None
    declared = dict(prefixes or {})
    for decl in tree[0] if len(tree) else ():
        if getattr(decl, "name", "") == "PrefixDecl":
            declared[decl.get("prefix") or ""] = str(decl.get("iri"))
    found: list = []
    _walk(tree, found)
    out: list[str | None] = []
    for term in found:
        if getattr(term, "name", "") == "pname":
            base = declared.get(term.get("prefix") or "")
            out.append(None if base is None else base + (term.get("localname") or ""))
        elif term.__class__.__name__ == "Variable":
            out.append(None)
        else:
            out.append(str(term))
    return out


def _authority(iri: str) -> str | None:
    """``host[:port]`` of an absolute http(s) IRI without user info, lower case; else None."""
    m = re.match(r"^https?://([^/?#]*)", iri, re.I)
    if not m or not HOST.match(m.group(1)):
        return None
    return m.group(1).lower()


def allowed(iri: str | None, hosts: tuple[str, ...]) -> bool:
    """May a SERVICE call go to ``iri``? ``hosts`` holds ``host`` (any port) or ``host:port``.

    >>> allowed("http://dbpedia.org/sparql", ("dbpedia.org",))
    True
    >>> allowed("http://dbpedia.org@10.0.0.1/sparql", ("dbpedia.org",))
    False
    >>> allowed("https://query.example:8443/q", ("query.example:443",))
    False
    """
    authority = _authority(iri) if iri else None
    if authority is None:
        return False
    host = authority.rsplit(":", 1)[0] if not authority.endswith("]") else authority
    return any(h.lower() in (authority, host) for h in hosts)


def check_services(text: str, hosts: tuple[str, ...], prefixes: dict[str, str] | None = None) -> None:
    """Refuse a query whose SERVICE calls are not all to allowed hosts.

    :raises Problem: 403 when federation is off (``hosts`` empty) and the query has a SERVICE
        clause (or mentions "service" in a way that cannot be checked), or when a call goes to a
        host not in ``hosts``, to a variable endpoint, or to anything but an absolute http(s) IRI.
    """
    from . import problems

    try:
        calls = service_calls(text, prefixes)
    except Unchecked as e:
        raise problems.service_unchecked(str(e), bool(hosts)) from None
    for iri in calls:
        if not hosts:
            raise problems.federation_off(iri)
        if not allowed(iri, hosts):
            raise problems.service_refused(iri, hosts)


__all__ = ["Unchecked", "allowed", "check_services", "looks_like_update", "names_dataset", "service_calls",
           "tokens", "update_operation"]
