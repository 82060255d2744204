"""Country actors generated from country data packages, not hand lists.

Every country gets the state itself, its military and its police (ACLED inter 1) and the
generic ACLED classes (protesters, rioters, civilians, unidentified armed group), with the
country's names and demonym as aliases.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pycountry
import yaml
from countryinfo import all_countries

if TYPE_CHECKING:
    from frontlines.kb import ActorRecord

MILITARY_WORDS = (
    "army",
    "military",
    "armed forces",
    "troops",
    "soldiers",
    "forces",
    "air force",
    "navy",
    "warplanes",
    "jets",
    "drones",
    "government forces",
)
POLICE_WORDS = ("police", "security forces", "riot police", "gendarmerie", "police forces")
# Generic ACLED classes: (id suffix, name pattern, type, inter).
GENERIC_CLASSES = (
    ("protesters", "Protesters ({name})", "protesters", 6),
    ("rioters", "Rioters ({name})", "rioters", 5),
    ("civilians", "Civilians ({name})", "civilians", 7),
    ("unidentified", "Unidentified Armed Group ({name})", "armed_group", 3),
)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    demonym: str | None
    names: tuple[str, ...]
    region: str | None
    subregion: str | None


def _extra_aliases() -> dict[str, list[str]]:
    from frontlines.kb import data_text

    data = yaml.safe_load(data_text("country_aliases.yaml")) or {}
    return {str(k): [str(v) for v in values] for k, values in data.items()}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-3, with every name the data packages know."""
    extra = _extra_aliases()
    found: dict[str, Country] = {}
    for info in all_countries():
        data = info.info()
        iso = data.get("ISO") or {}
        iso3, iso2 = iso.get("alpha3"), iso.get("alpha2")
        if not iso3 or not iso2:
            continue
        names = [data.get("name") or ""]
        names += [
            s
            for s in data.get("altSpellings") or []
            if len(s) > 3 or s.isupper() and len(s) == 3 and s != iso3
        ]
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names += [
                getattr(record, key)
                for key in ("name", "common_name", "official_name")
                if hasattr(record, key)
            ]
        names += extra.get(iso3, [])
        unique = tuple(dict.fromkeys(n for n in names if n))
        found[iso3] = Country(
            iso3=iso3,
            iso2=iso2,
            name=data.get("name") or unique[0],
            demonym=data.get("demonym") or None,
            names=unique,
            region=data.get("region"),
            subregion=data.get("subregion"),
        )
    return found


def country_by_iso2(iso2: str) -> Country | None:
    for country in countries().values():
        if country.iso2 == iso2:
            return country
    return None


def country_actors() -> list[ActorRecord]:
    """The generated actors for every country."""
    from frontlines.kb import ActorRecord

    records: list[ActorRecord] = []
    for country in countries().values():
        names = list(country.names)
        prefixes = [country.demonym] if country.demonym else []
        prefixes += [country.name]
        records.append(
            ActorRecord(
                id=country.iso3,
                name=country.name,
                type="state",
                inter=1,
                country=country.iso3,
                aliases=names[1:] + ([country.demonym] if country.demonym else []),
            )
        )
        records.append(
            ActorRecord(
                id=f"{country.iso3}-military",
                name=f"Military Forces of {country.name}",
                type="military",
                inter=1,
                country=country.iso3,
                aliases=[f"{p} {w}" for p in prefixes for w in MILITARY_WORDS]
                + [
                    f"army of {country.name}",
                    f"{country.name}'s army",
                    f"{country.name} army",
                    f"Armed Forces of {country.name}",
                    f"Armed Forces of the {country.name}",
                    f"{country.name} Armed Forces",
                    f"military of {country.name}",
                ],
            )
        )
        records.append(
            ActorRecord(
                id=f"{country.iso3}-police",
                name=f"Police Forces of {country.name}",
                type="police",
                inter=1,
                country=country.iso3,
                aliases=[f"{p} {w}" for p in prefixes for w in POLICE_WORDS],
            )
        )
        for suffix, pattern, kind, inter in GENERIC_CLASSES:
            records.append(
                ActorRecord(
                    id=f"{country.iso3}-{suffix}",
                    name=pattern.format(name=country.name),
                    type=kind,
                    inter=inter,
                    country=country.iso3,
                )
            )
    return records
