"""Place mentions: spaCy's place entities, capitalised runs and mislabelled names that the
gazetteer knows and the words around them make places ("towards Bani Walid", "the town of
Afgooye"), named features (air bases, airports) and every later use of a name found once."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from frontlines.kb import gazetteer, load_data
from frontlines.mentions.actors import actor_records
from frontlines.mentions.base import (
    ACTOR_LABELS,
    PLACE_LABELS,
    Mention,
    char_span,
    cue_words,
    sentence_of,
    sentence_starts,
    strip_determiner,
    text_of,
    tokens_of,
)
from frontlines.parse import ParsedDocument
from frontlines.phrases import PhraseIndex


def _locative_context(doc: Doc, span: Span) -> bool:
    """'in X', 'towards the X', 'the city of X', 'X district': words that make X a place."""
    previous = span.start - 1
    while previous >= 0 and doc[previous].lower_ in {"the", "a"}:
        previous -= 1
    if previous >= 0 and doc[previous].lower_ in cue_words("locative_words"):
        return True
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    return following in {"city", "town", "village", "district", "province", "region", "governorate"}


def _place_candidates(doc: Doc) -> list[tuple[Span, str, str]]:
    """(span, source, label) for every stretch that could name a place."""
    candidates: list[tuple[Span, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | ACTOR_LABELS:
            continue
        stripped = strip_determiner(ent)
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


def place_mentions(
    parsed: ParsedDocument, actors: list[Mention], user_kb: str | None
) -> list[Mention]:
    doc = parsed.doc
    starts = sentence_starts(doc)
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
                starts.get(sentence_of(span[0]).start, 0),
                source,
                label=label,
            )
        )

    # Named features first (air bases, airports): the longest names win.
    for start, end, _places in _feature_index().scan(tokens_of(doc), text_of(doc)):
        span = char_span(doc, start, end)
        if span is not None:
            add(span, "gazetteer", "FEATURE")
    for span, source, label in _place_candidates(doc):
        if overlaps_non_state_actor(span.start_char, span.end_char) and label not in PLACE_LABELS:
            continue
        # Inside an organisation's name a town is part of the name ("Ministry of Defense"),
        # and "Royal Street" is a street, not the town of Royal.
        named_feature = span[-1].lower_ in cue_words("named_feature_words")
        inner = (label in PLACE_LABELS or label == "PROPN") and not named_feature
        subspans = _subspans(span) if inner else [span]
        if label == "NORP" and not _locative_context(doc, span):
            if demonym_country(span.text):
                add(span, "demonym", "DEMONYM")  # "Syrian": the country, as a modifier
            continue  # "Somali" is a people; "the town of Afgooye" (mislabelled NORP) a place
        for sub in subspans:
            if sub.text.lower() in cue_words("not_places") or not gazetteer.is_known_place(
                sub.text
            ):
                continue
            if len(sub) < len(span) and not gazetteer.is_own_name(sub.text):
                continue  # part of a longer name: only a place's own name, not a former one
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
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text_of(doc)):
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
                        starts.get(sentence_of(span[0]).start, 0),
                        "discourse",
                        label="REPEAT",
                    )
                )


def demonym_country(text: str) -> str | None:
    """The country a demonym names ('Syrian' → SYR), if it is one."""
    return _demonyms().get(text) or _demonyms().get(text[:-1] if text.endswith("s") else text)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from frontlines.kb.countries import countries

    return {d: c.iso3 for c in countries().values() for d in c.demonyms}


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
