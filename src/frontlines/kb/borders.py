"""Country centroids from the `world-atlas` borders that `make setup` installs from npm and
copies into the package (`web/static/vendor/countries-50m.json`).

The country packages give each country one published point (the World Factbook's, rounded
to whole degrees), which for a large country can lie a few hundred kilometres from its
centre (the United States' is in southern Kansas, India's in the Deccan). The borders give a
second, independent estimate: the area centroid of the country's largest polygon, its main
landmass. `country_point` keeps the published point where the two agree within a degree and
averages them where they do not; see `frontlines.kb.gazetteer._country_places`.

TopoJSON keeps each shared border once as an arc of quantized, delta-encoded points; a
polygon ring lists arc indexes, `~i` meaning arc `i` reversed. Features carry their numeric
ISO 3166 code as `id`. Decoding takes most of a second, so the centroids are cached, keyed
by a hash of the borders file.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources

import pycountry

from frontlines.kb.cache import cached
from frontlines.kb.geometry import km

BORDERS = "static/vendor/countries-50m.json"
Ring = list[tuple[float, float]]  # (lon, lat)


def _borders_text() -> str | None:
    try:
        # through the top package: importing `frontlines.web` would load the web framework
        return resources.files("frontlines").joinpath("web", BORDERS).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None


def decode_arcs(topology: dict) -> list[Ring]:
    """A TopoJSON topology's arcs as (lon, lat) points, quantised or not."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if not transform:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """A ring's points, with longitudes unwrapped so that a ring crossing the 180th meridian
    (eastern Russia, Fiji) stays one shape."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    unwrapped: Ring = ring[:1]
    for lon, lat in ring[1:]:
        previous = unwrapped[-1][0]
        lon += 360.0 * round((previous - lon) / 360.0)
        unwrapped.append((lon, lat))
    return unwrapped


def _area_and_centroid(ring: Ring) -> tuple[float, float, float]:
    """(absolute area in square degrees, lat, lon) of a closed ring (planar, in degrees)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return 0.0, 0.0, 0.0
    lon = cx / (3 * area)
    return abs(area / 2), cy / (3 * area), (lon + 180.0) % 360.0 - 180.0


def _iso3(numeric: object) -> str | None:
    record = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return record.alpha_3 if record else None


def _centroids_from(text: str) -> dict[str, tuple[float, float]]:
    topology = json.loads(text)
    arcs = decode_arcs(topology)
    largest: dict[str, tuple[float, float, float]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = _iso3(geometry.get("id")) if geometry.get("id") else None
        kind = geometry.get("type")
        parts = [geometry["arcs"]] if kind == "Polygon" else geometry.get("arcs") or []
        if iso3 is None or kind not in {"Polygon", "MultiPolygon"} or not parts:
            continue
        # Some territories share their country's code (Ashmore and Cartier Islands, 036):
        # the largest polygon of them all is the country's main landmass.
        outer = [_area_and_centroid(_ring(arcs, polygon[0])) for polygon in parts if polygon]
        largest[iso3] = max([*outer, largest.get(iso3, (0.0, 0.0, 0.0))])
    return {
        iso3: (round(lat, 4), round(lon, 4)) for iso3, (area, lat, lon) in largest.items() if area
    }


@lru_cache(maxsize=1)
def landmass_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 → (lat, lon) of the area centroid of the country's largest polygon; empty
    when the borders are not installed (before `make setup` has copied them)."""
    text = _borders_text()
    if text is None:
        return {}
    return cached(f"landmass-centroids-{borders_digest()}", lambda: _centroids_from(text))


@lru_cache(maxsize=1)
def borders_digest() -> str:
    """A digest of the installed borders ('none' before `make setup` copies them)."""
    text = _borders_text()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] if text else "none"


def midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway between two nearby points (longitudes across the 180th meridian
    handled)."""
    dlon = (b[1] - a[1] + 180.0) % 360.0 - 180.0
    lon = (a[1] + dlon / 2 + 180.0) % 360.0 - 180.0
    return round((a[0] + b[0]) / 2, 4), round(lon, 4)


AGREE_KM = 111.0  # a degree: the published points are rounded to whole degrees


def country_point(iso3: str, published: tuple[float, float] | None) -> tuple[float, float] | None:
    """A country's representative point: the packages' published point where its main
    landmass's centroid lies within a degree of it (the two agree, up to the rounding), else
    the midpoint of the two; whichever exists when only one does."""
    centroid = landmass_centroids().get(iso3)
    if published is None or centroid is None:
        return published or centroid
    if km(*published, *centroid) <= AGREE_KM:
        return published
    return midpoint(published, centroid)
