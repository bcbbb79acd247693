"""The ``>>>`` examples in the docstrings of every kg module run as tests, as pyoxigraph's
python/tests/test_doc.py does for its package, so that no example goes stale."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg

# __main__ modules run the CLI when imported
MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if not m.name.endswith(".__main__"))


def test_every_module_is_collected():
    assert {"kg.formats", "kg.server.query_text", "kg.server.worker", "kg.cli"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False,
                             report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (see above)"
