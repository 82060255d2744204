"""How likely each gazetteer entry is the place a name means: the scores the linker ranks
namesakes by (population, the report's country, own name over alternate names, capitals,
nearness to the places the report names without ambiguity). Part of the `link` stage."""

from __future__ import annotations

import math

from frontlines.kb.divisions import town_named_unit
from frontlines.kb.gazetteer import (
    WIDE_FEATURES,
    Place,
    km,
    region_demonym,
)
from frontlines.kb.names import name_key
from frontlines.link.country_words import contains
from frontlines.mentions import Mention

FOCUS_BONUS = 6.0  # a candidate place in the document's main country beats a bigger one abroad
FEATURE_BONUS = 4.0  # our supplement (bases, airports) is meant to win where it matches
OWN_NAME_BONUS = 2.5  # a place's own name beats a namesake's alternate or former name
NEAR_BONUS = 2.0  # a namesake near the document's unambiguous places beats a bigger one far off
NEAR_SCALE_KM = 300.0
COUNTRY_SCORE = 14.0  # a country by its name beats any namesake town (China, Texas), not a state
CAPITAL_BONUS = 4.0  # by its own name: "Washington" the capital, "London" not a namesake
TOWN_OVER_DIVISION_BONUS = 1.0
TOWN_OR_DIVISION = {"city", "region", "county"}
EXONYM_RATIO = 100  # a town 100 times as large keeps its English name ("Cologne", "Munich")
ABROAD_ALIAS_POPULATION = 100_000  # abroad, a town known by another name must be this big


def acronym(text: str) -> bool:
    """'TTC', 'PSI', 'MoD': letters, two or more of them capitals, no lower-case run of two."""
    capitals = sum(c.isupper() for c in text)
    return text.isalpha() and capitals >= 2 and (text.isupper() or len(text) <= 4)


def plausible(place: Place, focus: str | None, text: str) -> bool:
    """Abroad, only a place's own name counts, not one of its many alternate names: a small
    town in the report's country missing from the gazetteer must not become a city abroad."""
    if acronym(text) and place.feature == "city" and name_key(place.name) != name_key(text):
        return False  # "TTC", "MoD": an acronym, not a town one of whose codes it is
    if len(name_key(text)) < 3 and not text.isupper() and place.feature == "city":
        return False  # "Al" of "Al-Yamamah": a fragment, not the town of Ål
    if place.feature == "city" and town_named_unit(text):  # "Zari District": at its town,
        return place.country == focus  # only the town of the report's country
    if focus is None or place.country == focus or place.feature not in TOWN_OR_DIVISION:
        return True
    own = name_key(place.name) == name_key(text)  # a capital: by all its names ("Vatican")
    return place.capital or own or place.population >= ABROAD_ALIAS_POPULATION


def place_score(
    place: Place,
    focus: str | None,
    text: str,
    anchors: list[Place] = (),
    divisions: tuple[Place, ...] = (),
    largest: int = 0,
) -> float:
    """Higher is likelier. `divisions` are the divisions among the candidates: a town beats the
    province or county named after it that holds it ("Idlib", "New York", "Birmingham").
    `largest` is the largest town's population among them: a hamlet's own name does not beat a
    city's English name ("Cologne" is Köln, not the Italian village)."""
    own = name_key(place.name) == name_key(text)
    if place.feature == "country":  # by a name, or an abbreviation in capitals ("US", "DPRK")
        score = COUNTRY_SCORE if own or len(text) > 3 or text.isupper() else 0.0
    elif place.feature in WIDE_FEATURES:  # "Africa", "Atlantic": not the namesake towns
        score = COUNTRY_SCORE - 1.0
    else:
        score = math.log10(place.population + 10)
        if place.feature not in TOWN_OR_DIVISION:
            score += FEATURE_BONUS
    if focus and place.country == focus:
        score += FOCUS_BONUS
    if own and (place.feature != "city" or place.population * EXONYM_RATIO >= largest):
        score += OWN_NAME_BONUS  # 'Florida' the state, not a town whose old name it was
    if place.capital and own:
        score += CAPITAL_BONUS
    if place.feature == "city" and any(contains(d, place) for d in divisions):
        score += TOWN_OVER_DIVISION_BONUS
    if anchors and place.feature in {"city", "county"}:
        nearest = min(km(place.lat, place.lon, a.lat, a.lon) for a in anchors)
        score += NEAR_BONUS * math.exp(-nearest / NEAR_SCALE_KM)
    return score


def most_specific(places: list[Place], text: str) -> list[Place]:
    """'Wales' is the division of that name, not the country it is also a name of ('Mexico'
    stays the country: it is the country's own name)."""
    key = name_key(text)
    divided = {
        p.country for p in places if p.feature in {"region", "county"} and name_key(p.name) == key
    }
    divided |= {p.country for p in region_demonym(text)}  # 'English' is England's
    return [
        p
        for p in places
        if not (p.feature == "country" and p.country in divided and name_key(p.name) != key)
    ]


def unambiguous_places(
    candidates: list[tuple[Mention, list[Place]]], focus: str | None
) -> list[Place]:
    """Places the document names without ambiguity: the others are chosen near them."""
    anchors = []
    for mention, places in candidates:
        found = [p for p in places if p.feature == "city" and plausible(p, focus, mention.text)]
        if len(found) == 1:
            anchors.append(found[0])
    return anchors
