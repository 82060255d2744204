"""Where a place's name begins and ends when the tagger cuts it short ("Krasnyi" of "Krasnyi
Luch"), runs it across particles ("Maarrat an Numan") or holds a known name inside an unknown
one ("Bulo" of "Bulo Burde"). Part of the `mentions` stage, used by `places.py`."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from frontlines.kb import gazetteer
from frontlines.kb.cues import cue_words, place_words
from frontlines.mentions.base import ACTOR_LABELS, PLACE_LABELS, Mention
from frontlines.mentions.demonyms import is_demonym


def with_name_after(doc: Doc, span: Span) -> Span | None:
    """The place name the tagger cut short, where the capitalised word after it completes a
    name the gazetteer knows; else None."""
    end = span.end
    if end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
        longer = doc[span.start : end + 1]
        if gazetteer.is_known_place(longer.text):
            return longer
    return None


def with_name_before(doc: Doc, span: Span) -> Span | None:
    """The place name the tagger began at a particle ("del Sur" of "Lanao del Sur"), where the
    capitalised word before it completes a name the gazetteer knows; else None."""
    start = span.start
    if start == 0 or not span[0].is_lower or not doc[start - 1].text[:1].isupper():
        return None
    longer = doc[start - 1 : span.end]
    return longer if gazetteer.is_known_place(longer.text) else None


def name_word(token: Token) -> bool:
    """A word of a capitalised name that no entity claims as a place or party; a people's name
    the tagger gives a word of a town ('Maarrat' as NORP) is no claim."""
    label = token.ent_type_
    if label in PLACE_LABELS | ACTOR_LABELS and not (
        label == "NORP" and not is_demonym(token.text)
    ):
        return False  # "in Manbij" as a DATE is still a name word
    # "in Sana'a" tagged an adverb: a capital after an apostrophe is no title case's
    capitalised = token.is_title or (token.text[:1].isupper() and token.text[1:].islower())
    # A heading's first word before an event noun is a name too: "Beni massacre: ..."
    named_event = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in cue_words(
        "place_event_nouns"
    )
    return token.pos_ == "PROPN" or (  # "Sana'a" may be tagged X, a foreign word
        token.pos_ in {"NOUN", "ADJ", "ADV", "X"}
        and capitalised
        and (not token.is_sent_start or named_event)
    )


def one_unknown_name(span: Span, sub: Span) -> bool:
    """Whether the place the tagger names is one name the gazetteer does not know, of which
    `sub` is only a known part: every other word is a capitalised name word that is no place,
    division word, compass word or connector of its own ("Bulo Burde", "Pétion-Ville", not
    "Damaturu Yobe State" or "North Darfur"). A word known only as a place in another country
    than every entry of `sub` is no place of its own here ("Puli Alam", "Valhermoso Springs":
    two names of one country are written side by side, "Damaturu Yobe")."""
    rest = [t for t in span if not sub.start <= t.i < sub.end and not _joining_hyphen(t)]
    if not rest or len(span) > 3 + sum(_joining_hyphen(t) for t in span):
        return False
    unit_words = (
        place_words().get("division_words", frozenset())
        | cue_words("place_noun_words")
        | cue_words("settlement_words")  # "Camp Simba"
    )
    countries = {p.country for p in gazetteer.lookup(sub.text)}
    for token in rest:
        word = token.lower_
        if not (token.is_alpha and token.text[:1].isupper()) or word in unit_words:
            return False
        if word in cue_words("not_places"):
            return False
        if any(p.country in countries for p in gazetteer.lookup(token.text)):
            return False
    return True


def _joining_hyphen(token: Token) -> bool:
    """A hyphen inside one name, with no space either side ("Pétion-Ville")."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not (
        token.doc[token.i - 1].whitespace_
    )


# "north", "north-west", "southeastern", "central": the part of a place a word names
COMPASS_WORD = r"(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central"
_COMPASS_NAME = re.compile(COMPASS_WORD, re.IGNORECASE)


def without_compass_parts(found: list[Mention], text: str) -> list[Mention]:
    """'North-West Pakistan', 'Northern Syria': a compass word the tagger cut off a place
    is the part of that place, not a province elsewhere named by it (South Africa's
    North-West)."""
    kept = []
    for index, mention in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if (
            following is not None
            and _COMPASS_NAME.fullmatch(mention.text)
            and text[mention.end : following.start] in {" ", "-"}
        ):
            continue
        kept.append(mention)
    return kept
