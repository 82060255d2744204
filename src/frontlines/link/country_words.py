"""The country that the words around a place name give it: 'the Syrian town of X', 'X in
central Mali'. `link` keeps a name's namesakes to that country."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from frontlines.kb.gazetteer import WIDE_FEATURES, Place, lookup
from frontlines.kb.geometry import contains

if TYPE_CHECKING:
    from frontlines.mentions import Mention

_OF_A_COUNTRY = re.compile(
    r"\b((?:[A-Z][\w'-]+ )*[A-Z][\w'-]+) (?:\w+ )?(?:city|town|village|port|capital|region|"
    r"province|district|state|county|island) of (?:the )?$"
)


def named_country(before: str) -> str | None:
    """'the Syrian town of', 'the English city of', 'the Indian state of' → the country."""
    match = _OF_A_COUNTRY.search(before)
    if not match:
        return None
    words = match.group(1).split()
    adjectives = (" ".join(words[start:]) for start in range(len(words)))
    return _first_country(adjectives, {"country", "region"})


def _first_country(phrases: Iterable[str], features: set[str]) -> str | None:
    """The country of the first phrase that names a place of one of the features."""
    for phrase in phrases:
        places = [p for p in lookup(phrase) if p.feature in features]
        if places and places[0].country:
            return places[0].country
    return None


_IN_A_COUNTRY = re.compile(
    r"^,? in (?:the )?(?:(?:north|south|east|west|central|far|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)? )?((?:[A-Z][\w'-]+ ?){1,3})"
)


def country_after(after: str) -> str | None:
    """'Boni in central Mali', 'Gao in northern Mali' → the country that holds the place."""
    match = _IN_A_COUNTRY.match(after)
    if not match:
        return None
    words = match.group(1).split()
    return _first_country((" ".join(words[:end]) for end in range(len(words), 0, -1)), {"country"})


# "X, Oudalan Province", "X (Al Husha, Ad Dali)", "X, Donetsk Oblast, Ukraine": the units a
# report joins to a place name, finest first.
_NAME_WORD = r"(?:[A-Z][\w'’-]*|al|el|ad|as|ar)"
_CHAIN_LINK = re.compile(rf"^\s*[,(]\s*({_NAME_WORD}(?:[ -](?:{_NAME_WORD}|of|the)){{0,5}})")
CHAIN_CHARS = 80  # how far after a name its units are read
_NUMBER_NEXT = re.compile(r"^[ -]\d")  # the name read goes on past a number: only its start
_UNIT_REST = re.compile(r"^[^,()]*")
# A unit said to be one ("X, Oudalan Province", "X (Al Husha, Ad Dali)", "X (Deir ez Zor)"), not
# a list's next item
_DIVISION_WORD = re.compile(
    r"^\s*(?:\([^,()]+,|\(\s*[A-Z][^,()]{1,40}\)|,[^,.;()]{1,40}\b(?:[Pp]rovince|[Dd]istrict|[Rr]egion|[Ss]tate|"
    r"[Gg]overnorate|[Oo]blast|[Dd]epartment|[Cc]ounty|[Pp]refecture)\b)"
)
CHAIN_UNITS = {"region", "county", "country"}
WHOLE_FEATURES = {"region", "county", "country"} | WIDE_FEATURES  # never held by "X, Country"


def admin_chain(after: str) -> list[list[Place]]:
    """The divisions and countries the text joins to a place name right after it, a list of
    readings per unit, finest unit first ('Tin Edia, Oudalan Province' → the province; 'Bir Al
    Abd, Egypt' → Egypt; 'Atlanta, Georgia' → the state or the country)."""
    found: list[list[Place]] = []
    rest = after
    for _ in range(3):
        match = _CHAIN_LINK.match(rest)
        if not match:
            break
        units = [p for p in lookup(match.group(1)) if p.feature in CHAIN_UNITS]
        rest = rest[match.end() :]
        if _NUMBER_NEXT.match(rest):  # "North 24 Parganas": only its start was read
            rest, units = _UNIT_REST.sub("", rest), []
        if units:
            found.append(units)
        rest = rest.lstrip(")")
    # a unit lies in the wider ones named after it: "(North ..., West Bengal)" is not Cameroon's
    for index in range(len(found) - 1, 0, -1):
        wider = {u.country for u in found[index]}
        found[index - 1] = [u for u in found[index - 1] if u.country in wider]
    return [link for link in found if link]


# "Sinda and Yoro (Koro, Mopti)": names listed before the units they all lie in
_LISTED_BEFORE_UNITS = re.compile(
    rf"^(?:\s*(?:,|,?\s+and)\s+{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}})+(?=\s*\([^,()]+,)"
)


# "Beni territory (Nord-Kivu)", "Kadisau village (Faskari, Katsina)": the name's own unit
# word stands between it and the units it lies in
_OWN_UNIT_WORD = re.compile(
    r"^\s+(?:territory|district|province|region|county|commune|department|municipality|"
    r"village|town|city|LGA|sector|chiefdom|locality|cercle|woreda|zone|governorate|"
    r"prefecture|sub-county|subcounty|area|camp)(?=\s*\()"
)


def within_named_units(found: list[Place], after: str) -> tuple[list[Place], list[Place]]:
    """A name's entries kept to the division the text joins to it ('Tin Edia, Oudalan
    Province', 'X (Al Husha, Ad Dali)', 'X and Y (Koro, Mopti)'), and the divisions named (a
    namesake inside one is likelier). With no entry inside it, none is kept: the name is then
    placed at the unit, not at a namesake elsewhere ('Kamianka, Donetsk Oblast')."""
    own = _OWN_UNIT_WORD.match(after)
    if own:
        after = after[own.end() :]
    listed = _LISTED_BEFORE_UNITS.match(after)
    if listed:
        after = after[listed.end() :]
    if not _DIVISION_WORD.match(after):
        return within_named_country(found, after)
    chain = admin_chain(after)
    units = [u for link in chain for u in link if u.feature != "country"]
    if chain and all(p.feature != "country" for p in found):
        found = [p for p in found if p.country in {u.country for u in chain[0]}]
        named = [u for u in chain[0] if u.feature != "country"]
        if named and not any(contains(u, p) for u in named for p in found):
            found = []
    return found, units


_COMMA_NAME = re.compile(r"^\s*,\s*(?:the\s+)?[A-Z]")  # "X, Ethiopia"; not "X, as Italy says"


def within_named_country(found: list[Place], after: str) -> tuple[list[Place], list[Place]]:
    """'Moyale, Ethiopia', 'Boni, Mopti, Mali': a country the text joins to a town's name
    (after a comma, after the name's divisions) is where it lies, so a namesake elsewhere
    contradicts it and loses. Returned with it: the units named in that country, finest
    first, the country last; with no entry in it, the name is placed at the first (as
    written, precision 3). Not in a list ('Saipan, Guam, Alaska'), nor for a division or a
    sea ('Colorado, Georgia', 'the Gulf, Qatar')."""
    if not _COMMA_NAME.match(after) or any(p.feature in WHOLE_FEATURES for p in found):
        return found, []
    chain: list[list[Place]] = []
    rest = after
    for _ in range(3):
        match = _CHAIN_LINK.match(rest)
        if not match:
            return found, []
        rest = rest[match.end() :].lstrip(")")
        link = [p for p in lookup(match.group(1)) if p.feature in CHAIN_UNITS]
        chain.append(link)
        countries = [u for u in link if u.feature == "country"]
        if any(contains(u, p) for u in link for p in found) or not link:
            return found, []  # "Atlanta, Georgia": the state, which holds a namesake
        if countries:
            if _COMMA_NAME.match(rest):
                return found, []  # a list of places goes on after it
            held = {u.country for u in countries}
            units = [u for lk in chain for u in lk if u.country in held and u.feature != "country"]
            return [p for p in found if p.country in held], units + countries[:1]
    return found, []


NEAR_COUNTRY_CHARS = 60  # "in northwestern Yemen (Al Jawf)": the country beside the name


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|of|near|across|throughout|inside)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|"
    r"west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)


def countries_beside(
    candidates: Iterable[tuple[Mention, list[Place]]], text: str, mention: Mention
) -> set[str]:
    """The countries named by name (not as a demonym or a modifier, "Saudi-led") close beside
    a place name in its sentence: a namesake in one of them is the one meant, whatever
    country the rest of the report is about."""
    found = set()
    for other, looked_up in candidates:
        modifier = text[other.end : other.end + 1] == "-"
        if modifier or other.label in {"DEMONYM", "NORP"}:
            continue
        if other.sentence != mention.sentence or not _LOCATIVE_BEFORE.search(text[: other.start]):
            continue  # "the US consulate in St. Petersburg": a modifier, not where it is
        if abs(other.start - mention.start) <= NEAR_COUNTRY_CHARS:
            found |= {p.country for p in looked_up if p.feature == "country" and p.country}
    return found
