"""The conflict-region supplement (kb/data/conflict_regions.yaml): every record lies in the country
it names, by the shipped world-atlas borders, and a few are found in text (sentences written for
these tests)."""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pytest

from frontlines.kb import borders, gazetteer, load_data
from frontlines.kb.names import name_key
from frontlines.link import link
from frontlines.mentions import find_mentions
from frontlines.normalize import normalize
from frontlines.parse import parse
from frontlines.read import make_document

FILE = "conflict_regions.yaml"
NEAR_KM = 60.0  # a crossing sits on the border, a coastal point may round into the sea
FEATURES = {"area", "region", "crossing", "base", "site"}
# world-atlas shapes without a numeric ISO code, and the country whose records they hold.
UNCODED = {"Somaliland": "SOM", "N. Cyprus": "CYP", "Siachen Glacier": "IND"}

Ring = list[tuple[float, float]]  # (lon, lat)


def _records() -> list[dict]:
    return load_data(FILE) or []


@lru_cache(maxsize=1)
def _country_polygons() -> dict[str, list[list[Ring]]]:
    """ISO3 → its polygons, each a list of rings (the outer one, then holes)."""
    text = borders._borders_text()
    if text is None:
        return {}
    topology = json.loads(text)
    arcs = borders.decode_arcs(topology)
    polygons: dict[str, list[list[Ring]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        iso3 = borders._iso3(geometry["id"]) if geometry.get("id") else UNCODED.get(name)
        kind = geometry.get("type")
        if iso3 is None or kind not in {"Polygon", "MultiPolygon"}:
            continue
        parts = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"]
        for polygon in parts:
            rings = [borders._ring(arcs, ring) for ring in polygon]
            polygons.setdefault(iso3, []).append(rings)
    return polygons


def _inside(lon: float, lat: float, rings: list[Ring]) -> bool:
    """Even-odd rule over a polygon's rings (holes count against)."""
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def _segment_km(lon: float, lat: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance from the point to the segment a-b, on a plane tangent at the point."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    ax, ay = (a[0] - lon) * kx, (a[1] - lat) * ky
    bx, by = (b[0] - lon) * kx, (b[1] - lat) * ky
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if not length else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
    return math.hypot(ax + t * dx, ay + t * dy)


def _km_from_land(lon: float, lat: float, iso3: str) -> float:
    """0 inside the country's shapes, else the distance to their nearest edge (within a few
    degrees: farther counts as infinitely far)."""
    polygons = _country_polygons()[iso3]
    if any(_inside(lon, lat, rings) for rings in polygons):
        return 0.0
    distances = [
        _segment_km(lon, lat, a, b)
        for rings in polygons
        for ring in rings
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
        if abs(a[1] - lat) < 5 and abs(a[0] - lon) < 8
    ]
    return min(distances, default=math.inf)


def _places(text: str) -> dict[str, gazetteer.Place | None]:
    doc = make_document(text, published="2021-03-02")
    linked = link(find_mentions(parse(doc, normalize(doc))))
    return {p.mention.text: p.place for p in linked.places}


def test_records_are_well_formed_and_new():
    records = _records()
    assert 80 <= len(records) <= 150
    others = {
        name_key(alias)
        for file in ("places.yaml", "world_regions.yaml")
        for raw in load_data(file) or []
        for alias in [raw["name"], *(raw.get("aliases") or [])]
    }
    seen: dict[str, str] = {}
    for raw in records:
        assert raw["feature"] in FEATURES, raw["name"]
        assert -90 <= raw["lat"] <= 90 and -180 <= raw["lon"] <= 180, raw["name"]
        assert raw["feature"] != "area" or "admin1" not in raw, raw["name"]
        for alias in [raw["name"], *(raw.get("aliases") or [])]:
            key = name_key(alias)
            assert key not in others, f"{alias} is already in another supplement file"
            assert seen.setdefault(key, raw["name"]) == raw["name"], f"{alias} names two records"


def test_every_record_lies_in_or_near_its_country():
    if not _country_polygons():
        pytest.skip("the world-atlas borders are not installed (make setup copies them)")
    far = []
    for raw in _records():
        country = raw.get("country")
        if not country:
            continue
        assert country in _country_polygons(), f"{raw['name']}: no shape for {country}"
        distance = _km_from_land(float(raw["lon"]), float(raw["lat"]), country)
        if distance > NEAR_KM:
            far.append(f"{raw['name']} ({country}): {distance:.0f} km from its land")
    assert not far, far


def test_the_land_check_tells_a_country_from_its_neighbour():
    if not _country_polygons():
        pytest.skip("the world-atlas borders are not installed (make setup copies them)")
    assert _km_from_land(46.70, 39.85, "AZE") == 0.0  # Nagorno-Karabakh
    assert _km_from_land(46.70, 39.85, "IRN") > NEAR_KM
    assert _km_from_land(38.62, 33.50, "SYR") == 0.0  # al-Tanf
    assert _km_from_land(38.62, 33.50, "EGY") > NEAR_KM


def test_the_file_is_part_of_the_supplement():
    assert FILE in gazetteer.SUPPLEMENT_FILES
    [tanf] = gazetteer.lookup("al-Tanf")
    assert (tanf.feature, tanf.country, tanf.admin1) == ("base", "SYR", "Ḩimş")
    [waziristan] = gazetteer.lookup("North Waziristan")
    assert waziristan.admin1 == "Khyber Pakhtunkhwa"  # a region: the division it lies in
    [karabakh] = gazetteer.lookup("Artsakh")
    assert karabakh.name == "Nagorno-Karabakh" and karabakh.admin1 is None  # an area: none


def test_a_breakaway_region_is_found_in_text():
    places = _places("Azerbaijani forces shelled positions in Nagorno-Karabakh on Tuesday.")
    karabakh = places["Nagorno-Karabakh"]
    assert (karabakh.name, karabakh.country) == ("Nagorno-Karabakh", "AZE")
    places = _places("Georgian police detained two men near the boundary with South Ossetia.")
    assert places["South Ossetia"].country == "GEO"


def test_a_garrison_is_found_by_its_short_name():
    places = _places("US troops at the al-Tanf garrison came under drone attack overnight.")
    [tanf] = [p for p in places.values() if p is not None and p.country == "SYR"]
    assert tanf.feature == "base"
    assert abs(tanf.lat - 33.5) < 0.1 and abs(tanf.lon - 38.6) < 0.1


def test_tribal_districts_and_crossings_are_found():
    places = _places("Militants ambushed a convoy in North Waziristan near the Afghan border.")
    assert places["North Waziristan"].country == "PAK"
    assert places["North Waziristan"].feature == "region"
    places = _places("Dozens of drone strikes hit the Federally Administered Tribal Areas in 2010.")
    assert places["Federally Administered Tribal Areas"].country == "PAK"
    places = _places("Aid convoys entered Syria through the Bab al-Salam crossing on Monday.")
    crossing = places["Bab al-Salam crossing"]
    assert (crossing.feature, crossing.country) == ("crossing", "SYR")


def test_somali_member_states_and_the_anglophone_regions_are_found():
    places = _places("Troops were sent to Somaliland after the disputed vote.")
    assert places["Somaliland"].country == "SOM"
    places = _places("Villages were burned in the Anglophone regions of Cameroon last week.")
    [anglophone] = [p for p in places.values() if p is not None and p.feature == "area"]
    assert (anglophone.name, anglophone.country) == ("Ambazonia", "CMR")
