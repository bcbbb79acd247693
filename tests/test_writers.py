"""Both writers of a build implement one protocol (kg.dataset.Writer), and the build reaches them
only through it."""

from __future__ import annotations

import inspect

from kg import build as build_module
from kg.dataset import Writer
from kg.gsp import GSPWriter
from kg.store import KGStore, open_store

#: what the protocol asks for (its methods; base, layout and stat_rule are attributes)
MEMBERS = sorted(name for name, value in vars(Writer).items()
                 if not name.startswith("_") and (callable(value) or isinstance(value, property)))


def test_the_protocol_names_what_a_build_uses():
    assert {"documents", "ensure_background", "write_replacing", "write_new", "bulk_load", "remove_documents",
            "restat", "touch", "quad_count", "select", "replace_graph", "links_fingerprint", "save_state",
            "work_dir"} <= set(MEMBERS)


def test_both_writers_implement_every_member():
    for cls in (KGStore, GSPWriter):
        missing = [name for name in MEMBERS if not hasattr(cls, name)]
        assert not missing, f"{cls.__name__} lacks {missing}"
        assert hasattr(cls, "__enter__") and hasattr(cls, "__exit__")


def test_a_store_is_a_writer(tmp_path):
    with open_store(tmp_path / "s") as store:
        assert isinstance(store, Writer)
        assert store.stat_rule and store.work_dir is not None and store.base and store.layout is not None
        assert store.links_fingerprint() is None


def test_the_build_asks_nothing_outside_the_protocol():
    source = inspect.getsource(build_module)
    assert "getattr(writer" not in source and "hasattr(writer" not in source
