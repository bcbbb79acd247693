"""Descriptions of the endpoint and the data: SPARQL 1.1 Service Description (GET /sparql without
a query) and VoID (/void and /.well-known/void), in any RDF format the client accepts."""

from __future__ import annotations

from pyoxigraph import RdfFormat, parse
from starlette.requests import Request
from starlette.responses import Response

from ..vocab import PREFIXES
from . import negotiation as neg
from . import problems

_FORMATS_NS = "http://www.w3.org/ns/formats/"
_FORMAT_NAMES = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
                 "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples",
                 "rdfxml": "RDF_XML", "nquads": "N-Quads", "trig": "TriG", "n3": "N3"}
_PREFIXES = {**PREFIXES, "sd": "http://www.w3.org/ns/sparql-service-description#",
             "void": "http://rdfs.org/ns/void#", "formats": _FORMATS_NS}


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _respond(request: Request, turtle: str) -> Response:
    fmt = neg.choose(request.headers.get("accept"), neg.RDF)
    if fmt is None:
        raise problems.not_acceptable("description", neg.media_types(neg.RDF))
    prologue = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in _PREFIXES.items())
    triples = list(parse(prologue + turtle, format=RdfFormat.TURTLE))
    body = neg.serialise_triples(triples, fmt.rdf, _PREFIXES)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def _root(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def service_description(request: Request) -> Response:
    config = request.app.state.config
    endpoint = _root(request) + "/sparql"
    formats = ", ".join(f"formats:{_FORMAT_NAMES[f.name]}" for f in neg.RESULTS + neg.RDF)
    features = "sd:UnionDefaultGraph" + (", sd:BasicFederatedQuery" if config.allow_service else "")
    federation = (f"SERVICE may call only {', '.join(config.allow_service)}. " if config.allow_service
                  else "Federated query (SERVICE) is off. ")
    turtle = f"""
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature {features} ;
  sd:resultFormat {formats} ;
  rdfs:comment {_lit(f"kg knowledge graph of CPPCC news. Read-only: SPARQL Update is refused. "
                     f"Queries time out after {config.timeout:g} s and may return at most {config.max_rows} rows. "
                     f"{federation}"
                     "Without default-graph-uri the default graph is the union of all graphs.")} ;
  sd:defaultDataset [ a sd:Dataset ; void:sparqlEndpoint <{endpoint}> ;
      sd:defaultGraph [ a sd:Graph ] ] ;
  sd:availableGraphs <{_root(request)}/void#dataset> .
"""
    return _respond(request, turtle)


async def void(request: Request) -> Response:
    config, pool = request.app.state.config, request.app.state.pool
    stats = await pool.run("void")
    root = _root(request)
    partitions = " ,\n".join(f"    [ void:class <{c}> ; void:entities {n} ]" for c, n in stats["classes"])
    modified = f'  dcterms:modified "{stats["modified"]}"^^xsd:dateTime ;\n' if stats["modified"] else ""
    turtle = f"""
<{root}/void#dataset> a void:Dataset ;
  dcterms:title "kg: CPPCC news knowledge graph"@en, "政协新闻知识图谱"@zh ;
  void:sparqlEndpoint <{root}/sparql> ;
  void:uriSpace {_lit(config.base)} ;
  void:uriLookupEndpoint <{root}/search?q=> ;
  void:triples {stats["triples"] or 0} ;
  void:entities {stats["entities"] or 0} ;
  void:properties {stats["properties"] or 0} ;
  void:classes {len(stats["classes"])} ;
  void:documents {stats["documents"] or 0} ;
{modified}  void:vocabulary <{PREFIXES["kg"].rstrip("#")}>, <{PREFIXES["org"]}>, <{PREFIXES["foaf"]}>, <{PREFIXES["prov"]}>, <{PREFIXES["skos"]}>, <{PREFIXES["dcterms"]}> ;
  void:feature <{_FORMATS_NS}Turtle>, <{_FORMATS_NS}JSON-LD>, <{_FORMATS_NS}N-Triples> ;
  void:classPartition
{partitions or '    [ void:entities 0 ]'} .
"""
    return _respond(request, turtle)
