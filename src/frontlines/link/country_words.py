"""The country that the words around a place name give it: 'the Syrian town of X', 'X in
central Mali'. `link` keeps a name's namesakes to that country."""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontlines.kb.gazetteer import lookup

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
