"""The last rungs of the ladder that places an event (`event_place.location_of`): where
neither its clause, nor its sentence, nor the sentences just before name a place it happened
at, a place its sentence names otherwise (a call's: "urges Turkey to withdraw from northern
Iraq"), else the country its sentence names by a demonym only ("Syrian troops shell ...",
"Bahraini authorities ban protests": only the country is known, so ACLED's geo_precision 3).

Which demonym: the one of the report's own country (its focus), which a report names its
actors by far more often than foreigners; else the first one (mostly the doer's: "Somali
pirates hijack a German ship").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from frontlines.kb import gazetteer
from frontlines.kb.countries import countries
from frontlines.mentions import demonym_country as country_of_demonym
from frontlines.models import PlaceMention

WHOLE = {"country", "region", "county"}  # units, never a village's
# (start, end, place, preposition), as `location_of` holds its candidates
Candidate = tuple[int, int, Any, str | None]


_UNITS_OPENED = re.compile(r"\(\s*(?:[A-Z][^,()]{0,40},\s*)+")


def without_units_of_others(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less those written after another as where it lies ("Boni, Mopti, Mali",
    "Kalehe (South Kivu)"): the unit says where the village is, the village where it happened."""
    ordered = sorted(candidates, key=lambda c: c[0])
    units = set()
    for before, after in zip(ordered, ordered[1:], strict=False):
        gap = text[before[1] : after[0]].strip()
        # "Boni (Hombori, Mopti)": units the gazetteer does not know may stand between
        joined = gap in {",", "("} or bool(_UNITS_OPENED.fullmatch(gap))
        finer = before[2].feature not in WHOLE  # not "in Iraq, Rawa": a list, or an apposition
        if joined and finer and (before[2].country == after[2].country or before[0] in units):
            units.add(after[0])
    return [c for c in candidates if c[0] not in units] or candidates


def actor_demonyms(sentence: Span, taken: list[tuple[int, int]]) -> list[Candidate]:
    """The countries' demonyms the mentions stage left inside actors' names ("Syrian troops",
    "Bahraini police": the actor's, not a place of their own), as candidates of the country."""
    found = []
    for token in sentence:
        start, end = token.idx, token.idx + len(token.text)
        iso3 = country_of_demonym(token.text) if token.text[:1].isupper() else None
        if iso3 is None or any(s < end and start < e for s, e in taken):
            continue
        mention = _country_mention(iso3, token.text, start, end)
        if mention is not None:
            found.append((start, end, mention, None))
    return found


def countries_of(in_names: list[Candidate]) -> list[Candidate]:
    """The countries of places named inside a party's name ("the Yemen Army", "the Mayor of
    Nagasaki"): the name never places the party's deeds, but its country is where they are
    most likely, where the sentence says nothing else."""
    found = []
    for start, end, place, preposition in in_names:
        mention = _country_mention(place.country, place.text, start, end) if place.country else None
        if mention is not None:
            found.append((start, end, mention, preposition))
    return found


def _country_mention(iso3: str, text: str, start: int, end: int) -> PlaceMention | None:
    """The country `iso3` as a place mention of the words `text` (its point, no finer)."""
    country = countries().get(iso3)
    found = gazetteer.lookup(country.name) if country else []
    places = [p for p in found if p.feature == "country"]
    place = next((p for p in places if p.country == iso3), None)
    if place is None:
        return None
    return PlaceMention(
        text=text,
        start=start,
        end=end,
        name=place.name,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        feature="country",
    )


def sentence_place(
    named: list[Candidate], demonyms: list[Candidate], focus: str | None, spoken: bool = False
) -> Candidate | None:
    """The last rung: a place the sentence names though not as where the event happened (a
    call's or a statement's: "calls on Sudan to withdraw", "urges Turkey to leave northern
    Iraq"), the finest first, else the country of a demonym. A thing said is placed so only
    where all the sentence names lies in one country: a call between a German and a Turkish
    leader about aid to Syria took place nowhere the sentence says."""
    if spoken and len({c[2].country for c in named + demonyms if c[2].country}) != 1:
        return None
    finer = [c for c in named if c[2].feature != "country"]
    return (finer or named or [None])[0] or demonym_country(demonyms, focus)


def demonym_country(demonyms: list[Candidate], focus: str | None) -> Candidate | None:
    """The demonym whose country places the event, or None."""
    placed = [c for c in demonyms if c[2].lat is not None and c[2].country]
    if not placed:
        return None
    own = [c for c in placed if c[2].country == focus]
    return (own or placed)[0]


def speaker_country(trigger: Token, named: list[Candidate]) -> Candidate | None:
    """Where a thing said names places in several countries, the speaker's country where the
    speaker's own words name it ("the German Chancellor spoke with the Turkish President about
    aid to Syria": Germany, only the country), as news agencies place a statement."""
    verb = trigger
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head  # "Venezuela breaks relations with Colombia and expels its diplomats"
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for start, end, place, _preposition in sorted(named, key=lambda c: c[0]):
        inside = any(
            s.left_edge.idx <= start and end <= s.right_edge.idx + len(s.right_edge)
            for s in subjects
        )
        country = _country_mention(place.country, place.text, start, end) if place.country else None
        if inside and country is not None:
            return (start, end, country, None)
    return None


def first_country(named: list[Candidate]) -> Candidate | None:
    """The last rung, where nothing says where the event happened but the sentence names places
    ("Joshua Wong urges Germany to stop military aid to China", "killed by a Syrian sniper"):
    the country of the place it names first, only the country (geo_precision 3), else the
    first region no country holds."""
    ordered = sorted(named, key=lambda c: c[0])
    for start, end, place, _preposition in ordered:
        country = _country_mention(place.country, place.text, start, end) if place.country else None
        if country is not None:
            return (start, end, country, None)
    # A region no country holds ("Kurdish rebels", "West African leaders"): the region itself
    wide = [(s, e, p, None) for s, e, p, _ in ordered if p.lat is not None and not p.country]
    return wide[0] if wide else None


def report_country(focus: str) -> Candidate | None:
    """The very last rung, where the sentence names no place at all: the country the report
    is about (`link`'s focus, from the places, peoples and parties it names), only the
    country (geo_precision 3)."""
    country = countries().get(focus)
    mention = _country_mention(focus, country.name, 0, 0) if country else None
    return (0, 0, mention, None) if mention is not None else None
