"""The RDF vocabulary kg writes and reads, as closed namespaces of pyoxigraph terms.

``KG`` holds every term of the project ontology (ontology/kg.ttl); the reused vocabularies (ORG,
FOAF, PROV, SKOS, DCTERMS ...) hold only the terms kg uses. A term that is not declared is an
``AttributeError`` at the point of use, never a silent new IRI (the idea of rdflib's
``DefinedNamespace`` with ``_fail = True``). tests/test_ontology.py checks ``KG`` against kg.ttl.

>>> KG.division.value
'https://w3id.org/kg-cppcc/ontology#division'
>>> KG.divison
Traceback (most recent call last):
...
AttributeError: 'divison' is not a term of https://w3id.org/kg-cppcc/ontology# (did you mean 'division'?)
"""

from __future__ import annotations

import difflib

from pyoxigraph import NamedNode


class ClosedNamespace:
    """A fixed set of terms under one namespace IRI; attribute access yields :class:`NamedNode`.

    :raises AttributeError: for a name that is not one of the terms.
    """

    def __init__(self, iri: str, terms: str | list[str]):
        names = terms.split() if isinstance(terms, str) else list(terms)
        self._iri = iri
        self._terms = {name: NamedNode(iri + name) for name in names}
        # each term as an attribute of its own: ``KG.division`` is a plain attribute read, and only
        # a name that is no term reaches __getattr__ (mapping reads terms ~10^5 times a megabyte)
        self.__dict__.update((name, term) for name, term in self._terms.items() if not name.startswith("_"))
        #: the same terms in N-Triples form (``KG.nt.division`` is ``"<...ontology#division>"``), for
        #: code that writes N-Triples text (kg.mapping) rather than pyoxigraph terms
        self.nt = NTForms(self)

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._terms[name]
        except KeyError:
            close = difflib.get_close_matches(name, self._terms, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise AttributeError(f"{name!r} is not a term of {self._iri}{hint}") from None

    def __getitem__(self, name: str) -> NamedNode:
        return self.__getattr__(name)

    def __contains__(self, term: object) -> bool:
        value = term.value if isinstance(term, NamedNode) else str(term)
        return value.startswith(self._iri) and value[len(self._iri):] in self._terms

    def __iter__(self):
        return iter(self._terms.values())

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def names(self) -> list[str]:
        return list(self._terms)

    def __repr__(self) -> str:
        return f"ClosedNamespace({self._iri!r}, {len(self._terms)} terms)"


class NTForms:
    """The terms of a :class:`ClosedNamespace` as N-Triples strings (``<iri>``); a name that is no
    term raises the namespace's own ``AttributeError``."""

    def __init__(self, namespace: ClosedNamespace):
        self._namespace = namespace
        self.__dict__.update((name, f"<{term.value}>") for name, term in namespace._terms.items()
                             if not name.startswith("_"))

    def __getattr__(self, name: str) -> str:
        getattr(self._namespace, name)  # raises: a term would have been found in __dict__
        raise AttributeError(name)


ONTOLOGY_IRI = "https://w3id.org/kg-cppcc/ontology"

KG = ClosedNamespace(
    ONTOLOGY_IRI + "#",
    """
    CPPCCCommittee SpecialCommittee PartyCommittee PeoplesCongress Government GovernmentDepartment
    CentralOrgan
    AdministrativeDivision Nation Province AutonomousRegion Municipality SpecialAdministrativeRegion
    PrefectureLevelDivision PrefectureCity AutonomousPrefecture Prefecture League
    CountyLevelDivision County AutonomousCounty CountyLevelCity District Banner AutonomousBanner
    Campaign Slogan Brand
    Document Mention ConceptMention DivisionMention UnresolvedOffice PressCredit Meeting Store
    divisionCode within partOf hasPart inProvince flagged
    division bodyKind committeeName
    roleName divisionAsWritten bodyAsWritten unresolvedReason evidence startOffset endOffset sourceStartOffset
    sourceEndOffset
    concept conceptType aboutDivision mentionedDivision organisedBy chairedBy dateAsWritten
    fileName text encoding
    holderName documentFileName officeBody officeBodyKind officeCommittee officeDivisionCode
    officeDivisionLevel officeParent officeProvince
    kgVersion baseIRI backgroundFingerprint sourcePath namedGraph pipeline loadInProgress
    sourceSize sourceModified
    datePrecision dateSource dateInferred attestedOn fromYear toYear
    CareerSpell Profile PersonLink spellHolderName spellStart spellEnd current spellFlag
    describes ethnicity partyJoined workStarted nativePlace nativePlaceAsWritten education
    linkedPerson linkedOrganization linkedRole linkReason sameHolderAs
    """,
)

RDF = ClosedNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type langString")
RDFS = ClosedNamespace("http://www.w3.org/2000/01/rdf-schema#", "label comment subClassOf")
OWL = ClosedNamespace("http://www.w3.org/2002/07/owl#", "Ontology Class")
XSD = ClosedNamespace("http://www.w3.org/2001/XMLSchema#", "string integer boolean date dateTime gYear gYearMonth")
ORG = ClosedNamespace(
    "http://www.w3.org/ns/org#",
    "Organization OrganizationalUnit Membership Role member organization role subOrganizationOf memberDuring",
)
FOAF = ClosedNamespace("http://xmlns.com/foaf/0.1/", "Person name gender")
SCHEMA = ClosedNamespace("https://schema.org/", "birthDate")
TIME = ClosedNamespace("http://www.w3.org/2006/time#", "Interval Instant hasBeginning hasEnd inXSDgYear inXSDgYearMonth")
PROV = ClosedNamespace(
    "http://www.w3.org/ns/prov#",
    "Entity Attribution Role wasDerivedFrom agent hadRole qualifiedAttribution",
)
SKOS = ClosedNamespace("http://www.w3.org/2004/02/skos/core#", "Concept prefLabel altLabel notation")
DCTERMS = ClosedNamespace(
    "http://purl.org/dc/terms/", "title date source identifier modified description"
)

#: Prefixes for queries and serialisations.
PREFIXES: dict[str, str] = {
    "kg": KG.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "owl": OWL.iri,
    "xsd": XSD.iri,
    "org": ORG.iri,
    "foaf": FOAF.iri,
    "prov": PROV.iri,
    "skos": SKOS.iri,
    "dcterms": DCTERMS.iri,
    "time": TIME.iri,
    "schema": SCHEMA.iri,
}
