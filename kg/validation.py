"""``kg validate``: the store's data against the SHACL shapes in ontology/shapes.ttl (pyshacl).

The data graph is the union of the store's graphs, which includes the ontology (the background
graph), so instances of subclasses meet their superclasses' shapes.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat

from .store import KGStore
from .paths import shapes_path


@dataclass(frozen=True)
class Violation:
    severity: str  # Violation | Warning | Info
    focus: str
    path: str
    message: str
    shape: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool  # no result of severity Violation
    results: tuple[Violation, ...]
    triples: int

    @property
    def violations(self) -> tuple[Violation, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")


def validate_store(store: KGStore) -> ValidationReport:
    """Check the store against the shapes.

    :raises OSError: the shapes file cannot be read.
    """
    import pyshacl
    import rdflib

    data = rdflib.Graph()
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    data.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES), format="nt")
    shapes = rdflib.Graph().parse(shapes_path(), format="turtle")
    _, results_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, meta_shacl=False
    )
    rows = results_graph.query(
        """PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?severity ?focus ?path ?message ?shape WHERE {
          ?r a sh:ValidationResult ; sh:resultSeverity ?severity ; sh:focusNode ?focus ;
             sh:sourceShape ?shape .
          OPTIONAL { ?r sh:resultPath ?path }
          OPTIONAL { ?r sh:resultMessage ?message }
        }"""
    )
    results = sorted(
        (
            Violation(
                severity=str(r.severity).rsplit("#", 1)[-1],
                focus=str(r.focus),
                path=_short(r.path),
                message=str(r.message or "does not conform"),
                shape=str(r.shape),
            )
            for r in rows
        ),
        key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message),
    )
    return ValidationReport(
        conforms=not any(v.severity == "Violation" for v in results),
        results=tuple(results),
        triples=len(data),
    )


def _short(term) -> str:
    if term is None:
        return ""
    from .vocab import PREFIXES

    text = str(term)
    for prefix, iri in PREFIXES.items():
        if text.startswith(iri):
            return f"{prefix}:{text[len(iri):]}"
    return f"<{text}>" if "://" in text else text

