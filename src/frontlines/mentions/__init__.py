"""Stage `mentions`: actor, place, date and number mentions in a parsed document.

Sources: spaCy's entities, the knowledge base's actor aliases and the gazetteer (so a name
the small model mislabels, such as a town tagged PERSON, is still found), and patterns.
Offsets here are into the normalised text; `link` maps them back to the document.
"""

from __future__ import annotations

import re

from frontlines.kb.countries import capitals
from frontlines.kb.cues import cues
from frontlines.kb.names import name_key
from frontlines.mentions.actors import actor_index, actor_mentions, actor_records, force_words
from frontlines.mentions.base import Mention, MentionSet, mention
from frontlines.mentions.clues import country_references, town_clues
from frontlines.mentions.dates import explicit_dates
from frontlines.mentions.demonyms import demonym_country, is_demonym
from frontlines.mentions.place_names import COMPASS_WORD
from frontlines.mentions.places import TOWN_FEATURE, place_mentions
from frontlines.mentions.unresolved import UNRESOLVED, looks_like_acronym
from frontlines.parse import ParsedDocument, char_span, entities_of, sentence_starts

__all__ = [
    "COMPASS_WORD",
    "TOWN_FEATURE",
    "UNRESOLVED",
    "Mention",
    "MentionSet",
    "country_references",
    "demonym_country",
    "is_demonym",
    "looks_like_acronym",
    "actor_index",
    "actor_records",
    "find_mentions",
    "force_words",
    "number_value",
]
_DIGITS = re.compile(r"\d[\d,]*")
SPEAKING_ROLES = {"nsubj", "nsubjpass", "poss", "agent"}


def number_value(text: str) -> int | None:
    """The integer a number phrase states: '100', '1,200', 'about 100', 'twelve'."""
    lowered = text.lower().replace("about ", "").replace("around ", "").strip()
    match = _DIGITS.search(lowered)
    if match:
        return int(match.group(0).replace(",", ""))
    words = {str(k): int(v) for k, v in (cues().get("number_words") or {}).items()}
    total = 0
    for word in lowered.replace("-", " ").split():
        if word in words:
            value = words[word]
            total = total * value if value == 100 and total else total + value
    return total or None


def _capitals_speaking(
    parsed: ParsedDocument, places: list[Mention], records: dict
) -> list[Mention]:
    """'Tehran rejected the offer', 'Baku's position': a capital as the subject or owner of a
    statement stands for its state (the place mention stays too)."""
    doc = parsed.doc
    found = []
    for place in places:
        iso3 = capitals().get(name_key(place.text))
        span = char_span(doc, place.start, place.end)
        if iso3 and iso3 in records and span is not None and span.root.dep_ in SPEAKING_ROLES:
            found.append(
                Mention(
                    "actor",
                    place.start,
                    place.end,
                    place.text,
                    place.sentence,
                    "capital",
                    label="GPE",
                    candidates=[iso3],
                )
            )
    return found


def find_mentions(parsed: ParsedDocument, user_kb: str | None = None) -> MentionSet:
    """Stage entry point."""
    doc = parsed.doc
    sentences = sentence_starts(doc)
    actors = actor_mentions(parsed, user_kb)
    places = place_mentions(parsed, actors, user_kb)
    # A place is not also an actor unless the name is a country's (metonymy: "Egypt backs").
    records = actor_records(user_kb)
    kept = _capitals_speaking(parsed, places, records)
    for item in actors:
        is_place = any(p.start <= item.start and item.end <= p.end for p in places)
        is_state = any(records[i].type == "state" for i in item.candidates if i in records)
        if is_place and not (is_state or item.attached):
            continue
        kept.append(item)
    dates = [
        mention("date", e, sentences, "ner", label="DATE")
        for e in entities_of(doc)
        if e.label_ == "DATE"
    ]
    dates = sorted(explicit_dates(doc, dates, sentences), key=lambda m: m.start)
    numbers = [
        mention("number", e, sentences, "ner", label="CARDINAL", value=number_value(e.text))
        for e in entities_of(doc)
        if e.label_ == "CARDINAL"
    ]
    clues = town_clues(doc, places)
    return MentionSet(parsed, kept, places, dates, numbers, clues)
