"""Country actors generated from country data packages, not hand lists.

Every country gets the state itself, its military and its police (ACLED inter 1) and the
generic ACLED classes (protesters, rioters, civilians, unidentified armed group), with the
country's names and demonym as aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from countryinfo import all_countries

from frontlines.kb.base import ActorRecord, data_text, load_data, parse_yaml
from frontlines.kb.names import name_key

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
    ("pirates", "Pirates ({name})", "armed_group", 3),  # ACLED's own class for sea raiders
)
GENERIC_SUFFIXES = tuple(f"-{suffix}" for suffix, *_ in GENERIC_CLASSES)


def is_generic_class(actor_id: str) -> bool:
    """An ACLED generic class ("Civilians (Sudan)"): a kind of party, not a named one."""
    return actor_id.endswith(GENERIC_SUFFIXES)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    demonyms: tuple[str, ...]
    names: tuple[str, ...]
    region: str | None
    subregion: str | None


def _extra_demonyms() -> dict[str, list[str]]:

    data = parse_yaml(data_text("country_demonyms.yaml")) or {}
    return {str(k): [str(v) for v in values] for k, values in data.items()}


def _extra_aliases() -> dict[str, list[str]]:

    data = parse_yaml(data_text("country_aliases.yaml")) or {}
    return {str(k): [str(v) for v in values] for k, values in data.items()}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Countries by ISO alpha-3, with every name and demonym the data packages know.

    countryinfo has several entries for some codes (England, Scotland and Wales are all GBR):
    the most populous gives the country's name and demonym, every entry adds names. A demonym
    shared by several codes ("French" for France and Martinique, "American" for the United
    States and the Northern Marianas) belongs to the most populous of today's countries.
    """
    extra = _extra_aliases()
    extra_demonyms = _extra_demonyms()
    entries: dict[str, list[dict]] = {}
    for info in all_countries():
        data = info.info()
        iso = data.get("ISO") or {}
        if iso.get("alpha3") and iso.get("alpha2"):
            entries.setdefault(iso["alpha3"], []).append(data)
    population: dict[str, int] = {}
    claims: dict[str, list[str]] = {}
    found: dict[str, Country] = {}
    for iso3, group in entries.items():
        group.sort(key=lambda d: -(d.get("population") or 0))
        main = group[0]
        record = pycountry.countries.get(alpha_3=iso3)
        name = getattr(record, "common_name", None) or (
            main.get("name") if len(group) == 1 else None
        )
        name = name or getattr(record, "name", None) or main.get("name")
        if "," in name:  # "Palestine, State of"
            name = main.get("name") or name
        names = [name]
        for data in group:
            names.append(data.get("name") or "")
            names += [
                a
                for a in data.get("altSpellings") or []
                if len(a) > 3 or (a.isupper() and len(a) == 3 and a != iso3)
            ]
        if record is not None:
            names += [
                getattr(record, k)
                for k in ("name", "common_name", "official_name")
                if hasattr(record, k)
            ]
        names += extra.get(iso3, [])
        demonyms = [d.strip() for d in re.split(r"[,/]", main.get("demonym") or "") if d.strip()]
        demonyms += extra_demonyms.get(iso3, [])
        for demonym in demonyms:
            claims.setdefault(demonym, []).append(iso3)
        population[iso3] = main.get("population") or 0
        found[iso3] = Country(
            iso3=iso3,
            iso2=main["ISO"]["alpha2"],
            name=name,
            demonyms=tuple(dict.fromkeys(demonyms)),
            names=tuple(dict.fromkeys(n for n in names if n)),
            region=main.get("region"),
            subregion=main.get("subregion"),
        )
    for demonym, codes in claims.items():
        # a country of today before a dissolved one ("Serbian": Serbia, not Serbia and
        # Montenegro), then the most populous
        owner = max(
            codes,
            key=lambda c: (pycountry.countries.get(alpha_3=c) is not None, population.get(c, 0)),
        )
        for code in codes:
            if code != owner:
                country = found[code]
                kept = tuple(d for d in country.demonyms if d != demonym)
                found[code] = Country(
                    country.iso3,
                    country.iso2,
                    country.name,
                    kept,
                    country.names,
                    country.region,
                    country.subregion,
                )
    return found


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Name key of each national capital → the country's ISO alpha-3 code."""
    found: dict[str, str] = {}
    for info in all_countries():
        data = info.info()
        iso3 = (data.get("ISO") or {}).get("alpha3")
        names = data.get("capital") or []
        for capital in [names] if isinstance(names, str) else names:  # some list several
            if iso3 and capital and iso3 in countries():
                found.setdefault(name_key(str(capital)), iso3)
    return found


def country_code(value: str) -> str | None:
    """The ISO 3166 alpha-3 code a user means by `value`: an alpha-3 or alpha-2 code, or an
    English name or common alias of the country ('Syria', 'DR Congo', 'Ivory Coast'); None
    when it names no country."""
    wanted = value.strip()
    if not wanted:
        return None
    known = countries()
    if wanted.upper() in known:
        return wanted.upper()
    if len(wanted) == 2:
        found = country_by_iso2(wanted.upper())
        return found.iso3 if found else None
    key = name_key(wanted)
    for country in known.values():
        if key in {name_key(n) for n in (country.name, *country.names)}:
            return country.iso3
    try:
        return pycountry.countries.lookup(wanted).alpha_3
    except LookupError:
        return None


def country_by_iso2(iso2: str) -> Country | None:
    for country in countries().values():
        if country.iso2 == iso2:
            return country
    return None


def country_actors() -> list[ActorRecord]:
    """The generated actors for every country."""

    records: list[ActorRecord] = []
    for country in countries().values():
        names = list(country.names)
        prefixes = list(country.demonyms)
        prefixes += [country.name]
        # ACLED's spelling in generated names: "Military Forces of Democratic Republic of Congo"
        acled = acled_spelling(country.iso3) or country.name
        prefixes += [acled] if acled != country.name else []
        records.append(
            ActorRecord(
                id=country.iso3,
                name=country.name,
                type="state",
                inter=1,
                country=country.iso3,
                aliases=names[1:] + list(country.demonyms),
            )
        )
        records.append(
            ActorRecord(
                id=f"{country.iso3}-military",
                name=f"Military Forces of {acled}",
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
                name=f"Police Forces of {acled}",
                type="police",
                inter=1,
                country=country.iso3,
                aliases=[f"{p} {w}" for p in prefixes for w in POLICE_WORDS],
            )
        )
        records.append(  # the state as a civil authority (ACLED: curfews, bans, accords)
            ActorRecord(
                id=f"{country.iso3}-government",
                name=f"Government of {acled}",
                type="government",
                inter=1,
                country=country.iso3,
                aliases=[],
            )
        )
        for suffix, pattern, kind, inter in GENERIC_CLASSES:
            records.append(
                ActorRecord(
                    id=f"{country.iso3}-{suffix}",
                    name=pattern.format(name=acled),
                    type=kind,
                    inter=inter,
                    country=country.iso3,
                )
            )
    return records


def acled_spelling(iso3: str) -> str | None:
    """ACLED's name for a country where it differs from ISO 3166's common name."""
    return load_data("acled_regions.yaml")["names"].get(iso3)


def acled_country_name(iso3: str) -> str:
    """The country's name in a generated actor ("Unidentified Tribal Militia (Yemen)"): ACLED's
    spelling, else the country's name, else the code itself."""
    known = countries().get(iso3)
    return acled_spelling(iso3) or (known.name if known else iso3)


def country_codes(iso3: str | None) -> tuple[str, str, str]:
    """(numeric ISO 3166 code, ACLED's country name, ACLED region) for an alpha-3 code."""
    if not iso3:
        return "", "", ""
    regions = load_data("acled_regions.yaml")
    region = next((r for r, codes in regions["regions"].items() if iso3 in codes), "")
    found = pycountry.countries.get(alpha_3=iso3)
    if found is None:
        return "", acled_spelling(iso3) or iso3, region
    name = acled_spelling(iso3) or getattr(found, "common_name", None) or found.name
    return str(int(found.numeric)), name, region
