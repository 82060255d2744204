"""Airports with scheduled service (an IATA code) from the `airportsdata` package, by the names
the news uses: the full name ("Benina International Airport"), its distinctive part
("Benina", "Mitiga", "Aden Adde"), that part with "airport" or "international
airport", and "<city> airport" where the city has one such airport ("Kabul airport").

A distinctive part that is the city's own name ("Tripoli" of Tripoli International Airport)
is never indexed alone: "Tripoli" stays the city.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from frontlines.kb.cache import cached
from frontlines.kb.names import name_key

# Words that say what an airport is, not which one (also inside a name: "<city> Airport <name>").
GENERIC_WORDS = {
    "airport", "international", "intl", "regional", "municipal", "national", "domestic",
    "air", "base", "airbase", "airfield", "aerodrome", "terminal",
    # what is left of "Lajes Field", "Camp Bastion" without them would be a common word
    "field", "camp", "station", "heliport", "airpark", "airstrip", "strip", "naval", "afb",
}  # fmt: skip
MIN_SHORT_NAME = 4  # "Ali" would be every man called Ali


def _distinctive(name: str, city: str) -> str:
    """'Benina International Airport' → 'Benina'; '<city> Mitiga Airport' → 'Mitiga'."""
    words = [w for w in name.replace("-", " - ").split() if w.lower() not in GENERIC_WORDS]
    while words and words[-1] == "-":
        words.pop()
    core = " ".join(words).replace(" - ", "-")
    city_words = city.split()
    if city and core.split()[: len(city_words)] == city_words:
        core = " ".join(core.split()[len(city_words) :]).strip(" -")
    return core


def _version() -> str:
    try:
        return metadata.version("airportsdata")
    except metadata.PackageNotFoundError:
        return "absent"


def _build() -> list[tuple[str, str, float, float, str, str]]:
    """(name, ISO alpha-2, lat, lon, city, distinctive part) of every airport with an IATA
    code; empty when the package is not installed."""
    try:
        import airportsdata
    except ImportError:
        return []
    rows = []
    for record in airportsdata.load("IATA").values():
        name, city = str(record.get("name") or ""), str(record.get("city") or "")
        if not name or not record.get("country"):
            continue
        rows.append(
            (
                name,
                str(record["country"]),
                float(record["lat"]),
                float(record["lon"]),
                city,
                _distinctive(name, city),
            )
        )
    return rows


@lru_cache(maxsize=1)
def airport_rows() -> list[tuple[str, str, float, float, str, str]]:
    return cached(f"airports-{_version()}", _build)


@lru_cache(maxsize=1)
def airport_names() -> dict[str, list[int]]:
    """Name key → rows of `airport_rows()` that the name may mean (cached with the rows)."""
    return cached(f"airport-names-{_version()}", _build_names)


def _build_names() -> dict[str, list[int]]:
    rows = airport_rows()
    per_city: dict[str, int] = {}  # airports per city name, across countries ("Tripoli")
    per_short: dict[str, int] = {}  # "County", "Executive": generic, not one airport's
    for _name, _country, _lat, _lon, city, short in rows:
        per_city[name_key(city)] = per_city.get(name_key(city), 0) + 1
        per_short[name_key(short)] = per_short.get(name_key(short), 0) + 1
    index: dict[str, list[int]] = {}

    def add(name: str, row_id: int) -> None:
        key = name_key(name)
        if key and row_id not in index.setdefault(key, []):
            index[key].append(row_id)

    for row_id, (name, _country, _lat, _lon, city, short) in enumerate(rows):
        add(name, row_id)
        key = name_key(short)
        if len(key) >= MIN_SHORT_NAME and key != name_key(city) and per_short[key] < 3:
            for form in (short, f"{short} airport", f"{short} international airport"):
                add(form, row_id)
        if city and per_city[name_key(city)] == 1:
            add(f"{city} airport", row_id)
            add(f"{city} international airport", row_id)
    return index


def phrase_names() -> list[str]:
    """The names to find in running text (each with 'airport' in it, so that a distinctive
    part alone is found only where the text makes it a place)."""
    return [key for key in airport_names() if "airport" in key.split()]
