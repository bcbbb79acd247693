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


def _tracked_copy(destination: Path) -> Path:
    """The checkout's tracked files copied into ``destination`` (a fresh clone, in effect)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    return destination


def _kg(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=600)


def test_a_clone_named_kg_finds_its_queries_ontology_and_seeds(tmp_path):
    """`git clone …/kg` gives a checkout whose folder is itself named kg: the README's first line
    must work there (the bundled folders are found by what exists, not by a folder's name)."""
    clone = _tracked_copy(tmp_path / "kg")
    listing = _kg(clone, "query", "--list")
    assert listing.returncode == 0, listing.stderr
    assert "county-chairs" in listing.stdout and "offices" in listing.stdout
    built = _kg(clone, "build", "--store", str(tmp_path / "store"))
    assert built.returncode == 0, built.stderr
    assert "5 written" in built.stdout
    chairs = _kg(clone, "query", "county-chairs", "--store", str(tmp_path / "store"), "--format", "csv")
    assert chairs.returncode == 0, chairs.stderr
    assert chairs.stdout.startswith("person,county,code,city,province,document,evidence")
    assert len(chairs.stdout.splitlines()) > 3


def test_an_installed_wheel_finds_its_resources_inside_the_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("kg-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = ("from kg.paths import bundled, ontology_path; import kg;"
             "print(bundled('queries')); print(ontology_path().is_file()); print(kg.__file__)")
    import os

    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == str(site / "kg" / "queries_rq"), out
    assert out[1] == "True"
    assert out[2].startswith(str(site)), out
    listing = _kg(elsewhere, "query", "--list", env=env)
    assert listing.returncode == 0 and "county-chairs" in listing.stdout, listing.stderr
