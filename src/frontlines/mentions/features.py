"""Named streets, squares and buildings: they lie in a town, and `link` places them at the
town the text names around them (ACLED geo_precision 2)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from frontlines.kb.cues import cue_words

_ORDINAL = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
    r"\d+(?:st|nd|rd|th))$"
)


def town_features(doc: Doc) -> list[Span]:
    """Named streets, squares, hospitals, stadiums...: capitalised words ending in a feature
    word ('Royal Street', '14th Street', 'Colchester General Hospital'). They lie in a town;
    `link` places them at the town the text is about there."""
    words = cue_words("town_feature_words")
    found = []
    for token in doc:
        if token.i == 0 or token.lower_.strip(".") not in words:
            continue
        if not token.is_title and not _ORDINAL.match(doc[token.i - 1].text):
            continue  # "Third street" as some write it; not "the main street"
        start = token.i
        while start > 0 and token.i - start < 6:
            before = doc[start - 1]
            if before.is_sent_end or before.lower_ in {"the", "a", "an"}:
                break
            if not (before.is_title or before.text[:1].isdigit() or before.text in {"'s", "’s"}):
                break
            start -= 1
        if start < token.i and (doc[start].is_title or doc[start].text[:1].isdigit()):
            found.append(doc[start : token.i + 1])
    found += prefixed_features(doc)
    settlements = cue_words("settlement_words")  # "Torkula village", "the Orinoco area"
    for token in doc:
        if token.lower_ not in settlements or token.i == 0 or token.is_title:
            continue
        start = token.i
        while start > 0 and token.i - start < 4 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if start < token.i and doc[start].is_title:
            found.append(doc[start : token.i + 1])
    return found


_NAME_LINKS = {"de", "des", "du", "la", "le", "les", "del", "della", "di", "of", "d'", "d’"}


def prefixed_features(doc: Doc) -> list[Span]:
    """Streets, buildings and quarters whose name begins with what they are, as French,
    Spanish or Filipino names do ('Rue Casa Calvo', 'the Palais des Nations', 'Hotel Kyjev',
    'Barangay Paciano Rizal'): the word and the capitalised words after it, with the small
    words that join them ('des', 'de la')."""
    prefixes = cue_words("town_feature_prefixes")
    found = []
    for token in doc:
        if not (token.is_title and token.lower_ in prefixes) or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 5:
            word = doc[end]
            if word.is_title or word.text[:1].isdigit():
                end += 1
            elif word.lower_ in _NAME_LINKS and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 2
            else:
                break
        if end > token.i + 1:
            found.append(doc[token.i : end])
    return found
