"""Explicit dates the statistical tagger misses: "1 May 2020", "May 1", "18/07", "2020-05-01",
"the night of 18/07", "on Saturday night", "last night" (the tagger makes these times, not
dates), "the day prior", "two days earlier". A date the text states is the best clue to when an
event happened."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from frontlines.mentions.base import Mention, mention
from frontlines.parse import char_span, text_of

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_ROUGHLY = r"(?:(?:around|about|approximately|circa)\s+)?"  # kept: it makes the day rough
EXPLICIT_DATE = re.compile(
    rf"\b{_ROUGHLY}(?:{_DAY}\s*(?:-|–|/|and|to)\s*{_DAY}\s+{_MONTH}(?:,?\s+\d{{4}})?"  # 3-4 May
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"  # 1 May 2020, 1st of May
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?"  # May 1, 2020
    r"|[0-3]?\d/[01]?\d(?:/(?:\d{4}|\d{2}))?"  # 18/07, 18/07/2020 (day first)
    r"|\d{4}-[01]\d-[0-3]\d"  # 2020-05-01
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:night|morning|evening|afternoon))?"
    r"|(?:last|yesterday)\s+(?:night|morning|evening|afternoon)"  # the day before
    # days counted back from the report, not from a named occasion ("the day before the vote")
    r"|(?:[Tt]he\s+)?previous\s+day"
    r"|(?:[Tt]he|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d)\s+days?\s+(?:prior|earlier)"
    r"|[Tt]he\s+day\s+before(?=\s*[,.;)]))\b"
)


def explicit_dates(doc: Doc, tagged: list[Mention], sentences: dict[int, int]) -> list[Mention]:
    """The tagger's date mentions with the dates a pattern finds: a pattern's date stands
    where the tagger has none, and replaces the tagger's shorter ones inside it ("May 2020"
    of "around 5 May 2020", "3" and "May 2020" of "3-4 May 2020")."""
    found = list(tagged)
    for match in EXPLICIT_DATE.finditer(text_of(doc)):
        start, end = match.span()
        inside = [
            m
            for m in found
            if start <= m.start and m.end <= end and (m.start, m.end) != (start, end)
        ]
        found = [m for m in found if m not in inside]
        if any(m.start < end and start < m.end for m in found):
            continue
        span = char_span(doc, start, end, "strict")
        if span is not None:
            found.append(mention("date", span, sentences, "pattern", label="DATE"))
        else:
            found += inside  # no clean span: keep what the tagger found
    return found
