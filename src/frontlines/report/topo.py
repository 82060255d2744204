"""Country borders for the report's map, decoded from the `world-atlas` TopoJSON that the web
UI ships (`web/static/vendor/countries-50m.json`, installed from npm by `make setup`).

TopoJSON keeps each shared border once as an arc of quantized, delta-encoded points; a
polygon ring lists arc indexes, a negative index `~i` meaning arc `i` reversed. Features keep
their numeric ISO 3166 code as `id`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from frontlines.kb.borders import decode_arcs

Ring = list[tuple[float, float]]
BORDERS = "static/vendor/countries-50m.json"


@dataclass
class Country:
    numeric: str
    name: str
    polygons: list[list[Ring]]  # polygon → rings (outer first) → (lon, lat)

    def bbox(self, largest_only: bool = False) -> tuple[float, float, float, float] | None:
        polygons = self.polygons
        if largest_only and polygons:
            polygons = [max(polygons, key=lambda p: _area(p[0]))]
        points = [pt for polygon in polygons for ring in polygon[:1] for pt in ring]
        if not points:
            return None
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        return min(lons), min(lats), max(lons), max(lats)


def _area(ring: Ring) -> float:
    return abs(
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


@cache
def countries() -> tuple[Country, ...]:
    """Every country of the shipped borders; empty when they are not installed."""
    try:
        text = resources.files("frontlines.web").joinpath(BORDERS).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return ()
    topology = json.loads(text)
    arcs = decode_arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            parts = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            parts = geometry["arcs"]
        else:
            continue
        polygons = [[_ring(arcs, ring) for ring in polygon] for polygon in parts]
        found.append(
            Country(
                numeric=str(geometry.get("id", "")),
                name=(geometry.get("properties") or {}).get("name", ""),
                polygons=polygons,
            )
        )
    return tuple(found)
