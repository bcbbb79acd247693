"""A wheel carries everything kg reads at run time: gazetteer, ontology, canned queries, seeds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_the_resources(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"kg/data/gazetteer.tsv", "kg/ontology/kg.ttl", "kg/ontology/shapes.ttl",
                "kg/queries_rq/offices.rq", "kg/queries_rq/county-chairs.rq", "kg/resources/context.jsonld"}
    expected |= {f"kg/seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
    assert expected <= names, sorted(expected - names)
    assert any(n.startswith("kg/resources/web/vendor/") for n in names)
