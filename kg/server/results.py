"""SPARQL SELECT/ASK results serialised from plain rows, so that the worker can cap the row count.

pyoxigraph serialises a whole ``QuerySolutions`` iterator but offers no way to serialise part of
one; the worker reads at most ``max_rows + 1`` solutions and writes them with these functions,
which follow the W3C formats (SPARQL 1.1 Query Results JSON, XML, CSV and TSV).

>>> from pyoxigraph import NamedNode, Literal
>>> print(to_csv(["s", "o"], [[NamedNode("http://a"), Literal("x,y")]]).decode())
s,o\r
http://a,"x,y"\r
<BLANKLINE>
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Row = list  # one value (term or None) per variable, in variable order


def _json_term(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    raise TypeError(f"not an RDF term: {term!r}")


def to_json(variables: list[str], rows: list[Row]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, Triple):
        parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'


def to_xml(variables: list[str], rows: list[Row]) -> bytes:
    out = [_XML_HEAD, "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode("utf-8")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    return str(term)


def to_csv(variables: list[str], rows: list[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue().encode("utf-8")


def to_tsv(variables: list[str], rows: list[Row]) -> bytes:
    # TSV carries terms in SPARQL/Turtle syntax, which is pyoxigraph's str() of a term.
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def boolean(value: bool, fmt: str) -> bytes:
    """An ASK result in the result format ``fmt`` (json, xml, csv or tsv)."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        return f"{_XML_HEAD}<head/><boolean>{word}</boolean></sparql>\n".encode()
    if fmt == "csv":
        return f"_askResult\r\n{word}\r\n".encode()
    return f"?_askResult\n{word}\n".encode()


SERIALISERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
