"""Where kg's bundled folders are: ``ontology/``, ``queries/`` and ``seeds/``.

In a checkout (or an editable install) they sit at the repository root beside the package, as
DESIGN.md lays them out; a wheel carries them inside the package as ``kg/ontology``,
``kg/queries_rq`` and ``kg/seeds`` (pyproject.toml). They are found by what exists, never by a
folder's name: a clone of the repository is often itself called ``kg``.

>>> (bundled("queries") / "offices.rq").is_file()
True
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: folder at the repository root -> (folder inside an installed package, a file that must be there)
_LAYOUT = {
    "ontology": ("ontology", "kg.ttl"),
    "queries": ("queries_rq", "offices.rq"),
    "seeds": ("seeds", None),
}


def bundled(name: str) -> Path:
    """The bundled folder ``name`` (ontology, queries or seeds).

    :raises KeyError: ``name`` is not one of the bundled folders.
    """
    inside, marker = _LAYOUT[name]
    package = Path(str(files("kg")))
    checkout = package.parent
    candidate = checkout / name
    if (checkout / "pyproject.toml").is_file() and candidate.is_dir() and (marker is None or (candidate / marker).is_file()):
        return candidate
    return package / inside


def ontology_path() -> Path:
    """ontology/kg.ttl, the source of truth for the ``KG`` terms."""
    return bundled("ontology") / "kg.ttl"


def shapes_path() -> Path:
    """ontology/shapes.ttl, the SHACL shapes ``kg validate`` checks."""
    return bundled("ontology") / "shapes.ttl"
