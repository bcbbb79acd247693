"""HTML rendering: Jinja2 templates from kg/resources/web/templates, autoescaped.

Every piece of text from the data goes through Jinja2's autoescape; templates never mark data
``|safe``. Links to IRIs under the store's base become server paths (``/id/…``); only http(s)
IRIs become links at all (never ``javascript:`` or ``data:``).
"""

from __future__ import annotations

from importlib.resources import files

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..vocab import PREFIXES

WEB_DIR = files("kg") / "resources" / "web"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(WEB_DIR / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


ENV = _environment()


def curie(iri: str) -> str:
    """``http://xmlns.com/foaf/0.1/name`` -> ``foaf:name``; other IRIs unchanged."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def linkable(iri) -> bool:
    """May ``iri`` be a link's target? Only http(s) IRIs (a ``javascript:`` IRI is shown as text).

    >>> linkable("https://w3id.org/kg-cppcc/id/x"), linkable("javascript:alert(1)"), linkable("urn:a:b")
    (True, False, False)
    """
    return isinstance(iri, str) and iri[:8].lower().startswith(("http://", "https://"))


def make_href(base: str):
    def href(iri: str) -> str:
        if iri.startswith(PREFIXES["kg"]):  # ontology terms: their entry on /ontology
            return "/ontology#" + iri[len(PREFIXES["kg"]):]
        if iri.startswith(base):
            return "/" + iri[len(base):]
        return iri if linkable(iri) else "#"  # never a javascript: or data: target
    return href


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    config = request.app.state.config
    env = request.app.state.jinja
    html = env.get_template(template).render(request=request, base=config.base, config=config, **context)
    return HTMLResponse(html, status_code=status, headers={"Vary": "Accept"})


def environment_for(base: str) -> Environment:
    env = _environment()
    env.filters["href"] = make_href(base)
    env.filters["curie"] = curie
    env.tests["linkable"] = linkable
    env.globals["is_local"] = lambda iri: isinstance(iri, str) and iri.startswith(base)
    return env
