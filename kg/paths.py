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

#: folder at the repository root -> the same folder inside an installed package
_INSIDE = {"ontology": "ontology", "queries": "queries_rq", "seeds": "seeds"}


def bundled(name: str) -> Path:
    """The bundled folder ``name`` (ontology, queries or seeds): the checkout's when the package
    sits in a checkout (the repository root beside it holds ontology/kg.ttl), else the package's own.

    :raises KeyError: ``name`` is not one of the bundled folders.
    """
    inside = _INSIDE[name]
    package = Path(str(files("kg")))
    root = package.parent
    if (root / "ontology" / "kg.ttl").is_file() and (root / name).is_dir():
        return root / name
    return package / inside


def ontology_path() -> Path:
    """ontology/kg.ttl, the source of truth for the ``KG`` terms."""
    return bundled("ontology") / "kg.ttl"


def shapes_path() -> Path:
    """ontology/shapes.ttl, the SHACL shapes ``kg validate`` checks."""
    return bundled("ontology") / "shapes.ttl"
