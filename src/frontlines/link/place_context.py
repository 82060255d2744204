"""Places no gazetteer entry fits, placed at the place the text names around them.

A named street or building ('Royal Street', 'Colchester General Hospital'), a place the
gazetteer does not know ('in Khayelitsha', 'the Marigny Canal') or a name whose only entries
are implausible namesakes abroad lies in or near the town the report is about there. A user
would rather have it there, said plainly, than lose it: it keeps its own name, takes the
town's point, country and admin1, and its feature says what it is ('landmark' for a named
street or building, 'unresolved' for any other), both of them ACLED geo_precision 2 (a name
followed by 'region' or 'province' is 'unresolved_region', precision 3, at that point). Where
the text names no town, only the province or the country, it takes that place's point and
feature 'unresolved_region' (geo_precision 3): all that is known is that it lies there. It
never becomes the province or country itself (taking a village is not taking its province).

Which town: the one the text joins to the name ('Percy French Hotel, Ballyjamesduff', 'the
Colony Theatre in Los Angeles'), a town whose name begins it ('Colchester General
Hospital'), else the nearest before it ('Seoul's Jamsil Stadium'; a town the report has
moved on to is named before its streets), else the first after it.
"""

from __future__ import annotations

import re

from frontlines.kb.countries import countries
from frontlines.kb.divisions import town_named_unit
from frontlines.kb.gazetteer import Place, lookup
from frontlines.kb.names import name_key
from frontlines.kb.spellings import spelled_alike_within
from frontlines.link.country_words import country_after
from frontlines.mentions import TOWN_FEATURE, UNRESOLVED, Mention, looks_like_acronym

NO_ENTRY = {TOWN_FEATURE, UNRESOLVED}  # found as places by their form: no gazetteer entry
UNRESOLVED_WIDE = "unresolved_region"  # placed at its province's or country's point
PLACED_IN_CONTEXT = {"landmark", "unresolved", UNRESOLVED_WIDE}  # the features given here
TOWN_LEVEL = {"city", "county", "district"}
WHOLE_PLACES = ("region", "country")  # what is left, finest first, when no town is named
# The words that join a town to the name before it: "X, Dublin", "X in Los Angeles", "X near
# Dunshaughlin", "X in the town of Y".
_JOINED = re.compile(
    r"^(?:,|\s*\()?\s*(?:(?:in|near|at|outside|of)\s+)?(?:the\s+)?(?:(?:town|city|village|"
    r"suburb|district) of\s+)?$"
)
JOIN_CHARS = 40
# A division's word after an unknown name ("the Lower Shabelle region"): the name is a
# province's or a district's, larger than the town the text names with it.
_DIVISION_AFTER = re.compile(
    r"\s+(?:region|province|state|governorate|county|prefecture|oblast|department|district)\b"
)


def _town(
    mention: Mention,
    towns: list[tuple[Mention, Place]],
    text: str,
    joinable: list[tuple[Mention, Place]],
) -> Place | None:
    """The town of the text that `mention` lies in, by the order in the module's docstring.
    `joinable` are the towns and the known landmarks in text order: a landmark joined to the
    name counts as its town ('St George's Chapel at Windsor Castle')."""
    after = [(m, p) for m, p in joinable if 0 <= m.start - mention.end <= JOIN_CHARS]
    if after and _JOINED.match(text[mention.end : after[0][0].start]):
        return after[0][1]
    named = {name_key(p.name): p for _m, p in towns}
    words = mention.text.split()
    for length in range(len(words) - 1, 0, -1):  # 'Colchester General Hospital'
        if name_key(" ".join(words[:length])) in named:
            return named[name_key(" ".join(words[:length]))]
    before = [p for m, p in towns if m.end <= mention.start]
    later = [p for m, p in towns if m.start >= mention.end]
    return before[-1] if before else later[0] if later else None


def place_in_context(
    mentions: list[Mention],
    chosen: list[Place | None],
    text: str,
    focus: str | None,
    clues: list[tuple[Mention, Place]] | None = None,
) -> list[Place | None]:
    """`chosen`, with each mention that has no place placed at its town, else at the region
    or the country of the document's country (`focus`) that it names (see the module's
    docstring). Where the text names no town, the towns inside its organisations' names
    (`clues`: 'the Winnipeg Fire Service') stand in for them."""
    settled = [(m, p) for m, p in zip(mentions, chosen, strict=True) if p is not None]
    towns = [(m, p) for m, p in settled if p.feature in TOWN_LEVEL] or list(clues or [])
    landmarks = [(m, p) for m, p in settled if p.feature == "landmark" and m.label not in NO_ENTRY]
    joinable = sorted([*towns, *landmarks], key=lambda pair: pair[0].start)
    wholes = [
        p
        for feature in WHOLE_PLACES
        for _m, p in settled
        if p.feature == feature and p.country == focus  # not a country named in passing
    ]
    result = list(chosen)
    unknown = {m.text for m in mentions if m.label in NO_ENTRY}
    divisions = {
        m.text for m in mentions if m.text in unknown and _DIVISION_AFTER.match(text[m.end :])
    }
    for i, (mention, place) in enumerate(zip(mentions, chosen, strict=True)):
        unknown_here = mention.text in unknown or town_named_unit(mention.text)  # "Zari District"
        if place is not None or not (mention.label in NO_ENTRY or unknown_here):
            continue  # a name the gazetteer knows, with only namesakes far off: left out
        if looks_like_acronym(mention.text):
            continue  # "the MoD", which NER may call a place: not one to put on a map
        town = _town(mention, towns, text, joinable)
        holder = _holding_country(text[mention.end : mention.end + 40])
        if holder is not None and (town is None or town.country != holder.country):
            town, wholes_here = None, [holder]  # "Ain Issa in northern Syria": not abroad
        else:
            wholes_here = wholes
        feature = "landmark" if mention.label == TOWN_FEATURE else "unresolved"  # see above
        if mention.text in divisions:  # "the Lower Shabelle region": holds the town, no more
            feature = UNRESOLVED_WIDE
        if town is not None:
            anchor, admin1 = town, town.admin1
        elif wholes_here:  # only the province or the country: its point, and said to be no more
            anchor, feature = wholes_here[0], UNRESOLVED_WIDE
            admin1 = anchor.name if anchor.feature == "region" else None
        else:
            continue
        result[i] = _named_at(mention.text, anchor, feature, admin1)
    return result


def _holding_country(after: str) -> Place | None:
    """The country the words after a name say holds it ('in northern Syria'), as a place."""
    iso3 = country_after(after)
    country = countries().get(iso3) if iso3 else None
    places = [p for p in lookup(country.name) if p.feature == "country"] if country else []
    return next((p for p in places if p.country == iso3), None)


def at_unit(name: str, unit: Place) -> Place:
    """A name the gazetteer has no entry for inside the division or country the text gives
    it: the unit's one town whose name it is, spelled another way ('Bulo Burde, Hiraan
    region': Buulobarde), else the unit's point under the name as written ('Kamianka, Donetsk
    Oblast'; geo_precision 3: only the unit is known)."""
    town = spelled_alike_within(name, unit)
    if town is not None:
        return town
    admin1 = unit.name if unit.feature == "region" else unit.admin1
    return _named_at(name, unit, UNRESOLVED_WIDE, admin1)


def _named_at(name: str, anchor: Place, feature: str, admin1: str | None) -> Place:
    return Place(
        name=name,
        lat=anchor.lat,
        lon=anchor.lon,
        country=anchor.country,
        feature=feature,
        admin1=admin1,
    )
