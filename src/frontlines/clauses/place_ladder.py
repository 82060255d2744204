"""The last rungs of the ladder that places an event (`circumstances.location_of`): where
neither its clause, nor its sentence, nor the sentences just before name a place it happened
at, the country its sentence names by a demonym only ("Syrian troops shell ...", "Bahraini
authorities ban protests"). Only the country is known, so ACLED's geo_precision 3.

Which demonym: the one of the report's own country (its focus), which a report names its
actors by far more often than foreigners; else the first one (mostly the doer's: "Somali
pirates hijack a German ship").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

from frontlines.kb import gazetteer
from frontlines.mentions import demonym_country as country_of_demonym
from frontlines.models import PlaceMention

# (start, end, place, preposition), as `location_of` holds its candidates
Candidate = tuple[int, int, Any, str | None]


def actor_demonyms(sentence: Span, taken: list[tuple[int, int]]) -> list[Candidate]:
    """The countries' demonyms the mentions stage left inside actors' names ("Syrian troops",
    "Bahraini police": the actor's, not a place of their own), as candidates of the country."""
    found = []
    for token in sentence:
        start, end = token.idx, token.idx + len(token.text)
        iso3 = country_of_demonym(token.text) if token.text[:1].isupper() else None
        if iso3 is None or any(s < end and start < e for s, e in taken):
            continue
        places = [p for p in gazetteer.lookup(token.text) if p.feature == "country"]
        place = next((p for p in places if p.country == iso3), None)
        if place is None:
            continue
        mention = PlaceMention(
            text=token.text,
            start=start,
            end=end,
            name=place.name,
            lat=place.lat,
            lon=place.lon,
            country=place.country,
            feature="country",
        )
        found.append((start, end, mention, None))
    return found


def demonym_country(demonyms: list[Candidate], focus: str | None) -> Candidate | None:
    """The demonym whose country places the event, or None."""
    placed = [c for c in demonyms if c[2].lat is not None and c[2].country]
    if not placed:
        return None
    own = [c for c in placed if c[2].country == focus]
    return (own or placed)[0]
