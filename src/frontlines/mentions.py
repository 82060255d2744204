"""Stage `mentions`: actor, place, date and number mentions in a parsed document.

Sources: spaCy's entities, the knowledge base's actor aliases and the gazetteer (so a name
the small model mislabels, such as a town tagged PERSON, is still found), and patterns.
Offsets here are into the normalised text; `link` maps them back to the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Span

from frontlines.kb import ActorRecord, gazetteer, load_actor_records, load_data
from frontlines.parse import ParsedDocument
from frontlines.phrases import PhraseIndex

MentionKind = Literal["actor", "place", "date", "number"]

LOCATIVE_PREPOSITIONS = {
    "in",
    "at",
    "to",
    "towards",
    "toward",
    "from",
    "near",
    "of",
    "into",
    "outside",
    "inside",
    "around",
    "across",
    "on",
    "entered",
    "reached",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"ORG", "PERSON", "NORP"}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "dozen": 12,
    "a dozen": 12,
}
_DIGITS = re.compile(r"\d[\d,]*")


@dataclass
class Mention:
    """A stretch of the normalised text that names an actor, place, date or number."""

    kind: MentionKind
    start: int
    end: int
    text: str
    sentence: int
    source: str  # kb, ner, gazetteer, pattern
    label: str = ""
    candidates: list[str] = field(default_factory=list)  # knowledge-base actor ids
    value: int | None = None  # numbers only
    attached: str | None = None  # a force word after a name: "forces", "fighters"

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class MentionSet:
    """The mentions of one parsed document, by kind."""

    parsed: ParsedDocument
    actors: list[Mention]
    places: list[Mention]
    dates: list[Mention]
    numbers: list[Mention]


@lru_cache(maxsize=8)
def actor_index(user_kb: str | None = None) -> PhraseIndex[str]:
    """All actor names and aliases of the knowledge base, keyed for matching."""
    index: PhraseIndex[str] = PhraseIndex()
    for record in load_actor_records(user_kb):
        for name in record.names():
            index.add(name, record.id)
    return index


@lru_cache(maxsize=8)
def actor_records(user_kb: str | None = None) -> dict[str, ActorRecord]:
    return {record.id: record for record in load_actor_records(user_kb)}


@lru_cache(maxsize=1)
def _cues() -> dict:
    return load_data("cues.yaml") or {}


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _cues().get("not_places", []))


def force_words() -> set[str]:
    return set(_cues().get("force_words", []))


def _tokens(doc: Doc) -> list[tuple[int, int, str]]:
    return [(t.idx, t.idx + len(t.text), t.text) for t in doc]


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _sentence_starts(doc: Doc) -> dict[int, int]:
    return {sent.start: number for number, sent in enumerate(doc.sents)}


def _extend_force_word(doc: Doc, span: Span) -> tuple[Span, str | None]:
    """'Al-Wefaq government' + ' forces' → the whole phrase, remembering the force word."""
    words = force_words()
    end = span.end
    if end < len(doc) and doc[end].text == "'s":
        end += 1
    if end < len(doc) and doc[end].lower_ in words:
        return doc[span.start : end + 1], doc[end].lower_
    return span, None


def _actor_mentions(parsed: ParsedDocument, user_kb: str | None) -> list[Mention]:
    doc = parsed.doc
    text = doc.text
    starts = _sentence_starts(doc)
    records = actor_records(user_kb)
    found: list[Mention] = []
    for start, end, ids in actor_index(user_kb).scan(_tokens(doc), text):
        span = _span(doc, start, end)
        if span is None:
            continue
        if (
            "(" in span.text
            and ")" not in span.text
            and span.end < len(doc)
            and doc[span.end].text == ")"
        ):
            span = doc[span.start : span.end + 1]  # "Rapid Support Forces (RSF)"
        span, force = _extend_force_word(doc, span)
        found.append(
            Mention(
                "actor",
                span.start_char,
                span.end_char,
                span.text,
                starts.get(span.sent.start, 0),
                "kb",
                candidates=list(ids),
                attached=force,
            )
        )
    found = _join_demonyms(found, records, text)
    for ent in doc.ents:
        label = ent.label_
        if label not in ACTOR_LABELS:
            continue
        ent = _strip_determiner(ent)
        if ent is None or any(m.start < ent.end_char and ent.start_char < m.end for m in found):
            continue
        span, force = _extend_force_word(doc, ent)
        found.append(
            Mention(
                "actor",
                span.start_char,
                span.end_char,
                span.text,
                starts.get(span.sent.start, 0),
                "ner",
                label=label,
                attached=force,
            )
        )
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _join_demonyms(
    found: list[Mention], records: dict[str, ActorRecord], text: str
) -> list[Mention]:
    """'Libyan' + 'reconciliation government' → one mention when the country is the actor's."""
    joined: list[Mention] = []
    for mention in found:
        previous = joined[-1] if joined else None
        if previous is not None and 0 <= mention.start - previous.end <= 1:
            before = [records[i] for i in previous.candidates if i in records]
            after = {records[i].country for i in mention.candidates if i in records}
            if (
                before
                and all(r.type == "state" for r in before)
                and any(r.country in after for r in before)
                and previous.attached is None
            ):
                mention.start = previous.start
                mention.text = text[mention.start : mention.end]
                joined[-1] = mention
                continue
        joined.append(mention)
    return joined


def _strip_determiner(span: Span) -> Span | None:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return span.doc[start : span.end] if start < span.end else None


def _locative_context(doc: Doc, span: Span) -> bool:
    """'in X', 'towards the X', 'the city of X', 'X district': words that make X a place."""
    previous = span.start - 1
    while previous >= 0 and doc[previous].lower_ in {"the", "a"}:
        previous -= 1
    if previous >= 0 and doc[previous].lower_ in LOCATIVE_PREPOSITIONS:
        return True
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    return following in {"city", "town", "village", "district", "province", "region", "governorate"}


def _place_candidates(doc: Doc) -> list[tuple[Span, str, str]]:
    """(span, source, label) for every stretch that could name a place."""
    candidates: list[tuple[Span, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | ACTOR_LABELS:
            continue
        stripped = _strip_determiner(ent)
        if stripped is not None:
            candidates.append((stripped, "ner", ent.label_))
    run: list[int] = []
    for token in [*doc, None]:
        if (
            token is not None
            and not token.ent_type_
            and (
                token.pos_ == "PROPN"
                or (token.pos_ == "NOUN" and token.is_title and not token.is_sent_start)
            )
        ):
            run.append(token.i)
            continue
        if run:
            candidates.append((doc[run[0] : run[-1] + 1], "gazetteer", "PROPN"))
            run = []
    return candidates


def _place_mentions(
    parsed: ParsedDocument, actors: list[Mention], user_kb: str | None
) -> list[Mention]:
    doc = parsed.doc
    starts = _sentence_starts(doc)
    records = actor_records(user_kb)
    found: list[Mention] = []

    def overlaps_non_state_actor(start: int, end: int) -> bool:
        for mention in actors:
            if mention.source == "kb" and mention.start < end and start < mention.end:
                states = [records[i].type == "state" for i in mention.candidates if i in records]
                if not (states and any(states) and mention.attached is None):
                    return True
        return False

    def add(span: Span, source: str, label: str) -> None:
        if any(m.start < span.end_char and span.start_char < m.end for m in found):
            return
        found.append(
            Mention(
                "place",
                span.start_char,
                span.end_char,
                span.text,
                starts.get(span.sent.start, 0),
                source,
                label=label,
            )
        )

    # Named features first (air bases, airports): the longest names win.
    for start, end, _places in _feature_index().scan(_tokens(doc), doc.text):
        span = _span(doc, start, end)
        if span is not None:
            add(span, "gazetteer", "FEATURE")
    for span, source, label in _place_candidates(doc):
        if overlaps_non_state_actor(span.start_char, span.end_char) and label not in PLACE_LABELS:
            continue
        # Inside an organisation's name a town is part of the name ("Ministry of Defense").
        subspans = _subspans(span) if label in PLACE_LABELS or label == "PROPN" else [span]
        if label == "NORP" and not _locative_context(doc, span):
            continue  # "Somali" is a people; "the town of Afgooye" (mislabelled NORP) a place
        for sub in subspans:
            if sub.text.lower() in _not_places() or not gazetteer.is_known_place(sub.text):
                continue
            if label in PLACE_LABELS or _locative_context(doc, sub):
                add(sub, source, label)
                break
    _repeat_places(doc, found, starts, actors)
    found.sort(key=lambda m: m.start)
    return found


def _repeat_places(
    doc: Doc, found: list[Mention], starts: dict[int, int], actors: list[Mention]
) -> None:
    """A name found as a place once is a place wherever else it stands in the document."""
    names = {m.text for m in found}
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            start, end = match.span()
            if any(m.start < end and start < m.end for m in found):
                continue
            if any(m.source == "kb" and m.start < end and start < m.end for m in actors):
                continue
            span = doc.char_span(start, end)
            if span is not None:
                found.append(
                    Mention(
                        "place",
                        start,
                        end,
                        span.text,
                        starts.get(span.sent.start, 0),
                        "discourse",
                        label="REPEAT",
                    )
                )


def _subspans(span: Span) -> list[Span]:
    """The span, then its shorter stretches, longest first (for 'Tarhuna City Hospital')."""
    result = []
    for length in range(len(span), 0, -1):
        for start in range(span.start, span.end - length + 1):
            sub = span.doc[start : start + length]
            if sub[0].is_punct or sub[-1].is_punct:
                continue
            if length == 1 and not sub[0].text[:1].isupper():
                continue
            result.append(sub)
    return result


@lru_cache(maxsize=1)
def _feature_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for raw in load_data("places.yaml") or []:
        for name in [raw["name"], *(raw.get("aliases") or [])]:
            index.add(name, raw["name"])
    return index


def _date_mentions(parsed: ParsedDocument) -> list[Mention]:
    doc = parsed.doc
    starts = _sentence_starts(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            found.append(
                Mention(
                    "date",
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    starts.get(ent.sent.start, 0),
                    "ner",
                    label="DATE",
                )
            )
    return found


def number_value(text: str) -> int | None:
    """The integer a number phrase states: '100', '1,200', 'about 100', 'twelve', 'dozens'."""
    lowered = text.lower().replace("about ", "").replace("around ", "").strip()
    match = _DIGITS.search(lowered)
    if match:
        try:
            return int(match.group(0).replace(",", ""))
        except ValueError:
            return None
    words = lowered.split()
    total = 0
    for word in words:
        if word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            total = total * value if value == 100 and total else total + value
    return total or None


def _number_mentions(parsed: ParsedDocument) -> list[Mention]:
    doc = parsed.doc
    starts = _sentence_starts(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ == "CARDINAL":
            found.append(
                Mention(
                    "number",
                    ent.start_char,
                    ent.end_char,
                    ent.text,
                    starts.get(ent.sent.start, 0),
                    "ner",
                    label="CARDINAL",
                    value=number_value(ent.text),
                )
            )
    return found


def find_mentions(parsed: ParsedDocument, user_kb: str | None = None) -> MentionSet:
    """Stage entry point."""
    actors = _actor_mentions(parsed, user_kb)
    places = _place_mentions(parsed, actors, user_kb)
    # A place is not also an actor unless the name is a country's (metonymy: "Egypt backs").
    place_spans = [(p.start, p.end) for p in places]
    records = actor_records(user_kb)
    kept = []
    for mention in actors:
        is_place = any(s < mention.end and mention.start < e for s, e in place_spans)
        is_state = any(records[i].type == "state" for i in mention.candidates if i in records)
        if is_place and not (is_state or mention.attached):
            continue
        kept.append(mention)
    return MentionSet(parsed, kept, places, _date_mentions(parsed), _number_mentions(parsed))
