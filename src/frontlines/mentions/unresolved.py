"""Place names that no gazetteer knows but that the text makes places: spaCy's place entities
('Khayelitsha', 'River North', 'the Marigny Canal'), capitalised names after a word that says
where ('at Makeen', 'in Windsor Castle') and named buildings after such a word ('at the
National Concert Hall'). `link` places them at the town the text names around them, with the
precision that deserves (`frontlines.link.place_context`), rather than losing them.

Persons and organisations stay what NER says they are: only a building word at the end of
the name ('Craven Cottage', 'the Colony Theatre') makes one of them a place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from frontlines.kb import gazetteer
from frontlines.kb.cues import cue_words, place_words
from frontlines.mentions.base import PLACE_LABELS, Mention
from frontlines.mentions.demonyms import is_demonym
from frontlines.parse import (
    entities_of,
    lowers_of,
    pos_of,
    strip_determiner,
    text_of,
    tokens_of,
)

UNRESOLVED = "UNRESOLVED"
# Words before a name that say it is where something is or happens. Not 'from' or 'to':
# 'a letter from Smith', 'talked to Acme'.
WHERE_WORDS = {"in", "at", "near", "inside", "outside", "into", "around"}
# An untagged name after these is a place too: "the army entered Dhuurcaleed".
RUN_WHERE_WORDS = WHERE_WORDS | {"entered", "reached", "between"}
MAX_TOKENS = 6  # longer entity spans are mostly titles or mis-joined runs


_DIVISION_IN_PARENTHESES = re.compile(r"\s*\(([A-Z][^()]{1,80})\)")


def _names_in(span: Span) -> list[Span]:
    """The runs of a span between its conjunctions, commas and parentheses."""
    parts, start = [], span.start
    for token in [*span, None]:
        if token is None or token.lower_ in {"and", "or", ",", "(", ")"}:
            end = span.end if token is None else token.i
            if end > start:
                parts.append(span.doc[start:end])
            start = end + 1
    return parts


def _before_division(doc: Doc, span: Span) -> bool:
    """'X (Comoe)', 'X (South Kivu, ...)', 'X (Ansongo, Gao)': a name with a province or
    country among the units after it in parentheses, as event records write places, is a
    place in that unit."""
    match = _DIVISION_IN_PARENTHESES.match(text_of(doc), span.end_char)
    if match is None:
        return False
    units = [u.strip() for u in match.group(1).split(",")]
    return len(units) <= 3 and any(u[:1].isupper() and names_unit(u) for u in units)


def names_unit(name: str) -> bool:
    """Whether `name` is a country or a division ('Comoe', 'South Kivu', 'Oudalan
    Province'): what an event record writes after a place to say where it lies."""
    if gazetteer.is_country_name(name) or gazetteer.names_division(name):
        return True
    return any(p.feature in {"region", "county"} for p in gazetteer.lookup(name))


def _after_where_word(doc: Doc, span: Span, words: set[str] = WHERE_WORDS) -> bool:
    """'in X', 'at the X', 'inside the X' (not 'in a X': 'in a Team Dynamics car')."""
    before = span.start - 1
    while before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and doc[before].lower_ in words


def _said_to_be_a_place(doc: Doc, span: Span, found: list[Mention]) -> bool:
    """What makes a name NER calls a place one to keep though no gazetteer knows it: a word
    before it that says where or whither ('in Khayelitsha', 'from St Athan'), a part of a
    place before 'of' ('the outskirts of X'), a feature word that ends it ('the Marigny
    Canal', 'Jamsil Stadium'), a town's possessive before it ('Seoul's Jamsil Stadium') or
    a place found next to it ('Rockingham, X'). A name with none of these is mostly a person
    or a firm that NER mislabelled ('Yulia said', 'Kemira will use')."""
    words = place_words()
    if _after_where_word(doc, span, WHERE_WORDS | {"to", "from", "towards", "toward"}):
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        part = doc[span.start - 2].lower_
        if part in words.get("settlement_nouns", ()) or part in words.get("part_nouns", ()):
            return True
    if span[-1].lower_ in words.get("building_words", ()) | words.get("feature_words", ()):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.text in {"'s", "’s"}
        and _overlaps(before.idx - 1, before.idx, found)
    ):
        return True
    if (
        before is not None
        and before.text == ","
        and span.start >= 2
        and doc[span.start - 2].is_title
        and gazetteer.is_known_place(doc[span.start - 2].text)
    ):
        return True  # "Silverstone, X": a town's province or county, not yet found as such
    after = span.end_char + 2  # "X, Y": a place either side
    return (
        before is not None and before.text == "," and _overlaps(before.idx - 1, before.idx, found)
    ) or (span.end < len(doc) and doc[span.end].text == "," and _overlaps(after, after + 1, found))


# A road's number as Britain, Ireland and Europe write them ("the A120", "the N7", "the E40"),
# and the words that may follow one; a weapon's or an aircraft's after it ("the M16 rifle",
# "the B52 bombers") make it no road. "M" alone is no road's ("the M23" is a rebel group)
# unless "motorway" follows.
_ROAD = re.compile(r"^[ABNER]\d{1,4}$")
_CODE = re.compile(r"^[A-Za-z]+-?\d+\w*$")  # a model's or a unit's code
_ROAD_OR_MOTORWAY = re.compile(r"^[ABNERM]\d{1,4}$")


def road_spans(doc: Doc) -> list[Span]:
    """'the A120', 'via the A436, A40 and A429': numbered roads, placed like named streets."""
    not_after = place_words().get("not_road_words", frozenset())
    lower = lowers_of(doc)  # spaCy builds a Token per access: read the table instead
    spans: list[Span] = []
    for i, (_start, _end, text) in enumerate(tokens_of(doc)):
        if i == 0 or text[:1] not in "ABNERM" or not _ROAD_OR_MOTORWAY.match(text):
            continue
        following = lower[i + 1] if i + 1 < len(lower) else ""
        road = _ROAD.match(text) or following == "motorway"
        if not road or following in not_after:
            continue
        listed = lower[i - 1] in {",", "and", "or"} and bool(spans) and spans[-1].end >= i - 2
        if lower[i - 1] == "the" or listed:
            spans.append(doc[i : i + 1])
    return spans


def paired_street_spans(doc: Doc) -> list[Span]:
    """'Bourbon and Dauphine streets', 'at the corner of State and Hubbard streets': each name
    before a plural street word is a street's."""
    plurals = place_words().get("street_plurals", frozenset())
    lower = lowers_of(doc)
    spans: list[Span] = []
    for i, word in enumerate(lower):
        if word not in plurals or i < 3 or lower[i - 2] not in {"and", "&"}:
            continue
        first, second = doc[i - 3], doc[i - 1]
        if first.is_title and second.is_title and not first.is_sent_start:
            spans += [doc[i - 3 : i - 2], doc[i - 1 : i]]
    return spans


def looks_like_acronym(text: str) -> bool:
    """'MoD', 'NYPD', 'T&T': short, with two capitals or more; mostly an organisation's."""
    return sum(c.isupper() for c in text) >= 2 and len(text) <= 5


def _plain_name(span: Span) -> bool:
    """Capitalised, not a number, a demonym-like single word or a generic word."""

    words = place_words()
    text = span.text
    if not text[:1].isupper() or len(span) > MAX_TOKENS or sum(c.isalpha() for c in text) < 2:
        return False
    if looks_like_acronym(text) or any(_CODE.match(t.text) for t in span):
        return False  # "MoD"; "M16", "AK-47", which NER may call a place
    lowered = text.lower()
    if lowered in cue_words("not_places") or lowered in words.get("not_unresolved", ()):
        return False
    if lowered.strip(". ") in words.get("honorifics", ()) | cue_words("titles"):
        return False  # "Mr", "Dr", "Sr.", which NER may take for a town
    return not is_demonym(text) and not (len(span) == 1 and span[0].is_stop)


def _named_as_settlement(doc: Doc, span: Span) -> bool:
    """'the suburb of X', 'his home village of X': a settlement's name, whatever NER says."""
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in place_words().get("settlement_nouns", ())
    )


# Entity labels that NER gives names it does not know ("in Dhuurcaleed" as a product): such a
# name may still be a place. A person's, a date's or a number's may not.
LOOSE_LABELS = {"", "PRODUCT", "WORK_OF_ART"}


def _ends(ent: Span) -> tuple[int, int]:
    return ent.start, ent.end


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def unresolved_spans(
    doc: Doc, found: list[Mention], actors: list[Mention], people: set[str]
) -> list[Span]:
    """Spans that name a place the gazetteer does not know, not overlapping the places found
    (`found`), the knowledge base's actors or a person the document names (`people`)."""
    kb_actors = [m for m in actors if m.source == "kb"]
    buildings = place_words().get("building_words", frozenset())
    spans: list[Span] = []

    def keep(span: Span | None, said_to_be_place: bool = False) -> None:
        if span is None or not _plain_name(span):
            return
        if span.text in people and not said_to_be_place:
            return
        start, end = span.start_char, span.end_char
        if _overlaps(start, end, found):
            return
        if any(m.start <= start and end <= m.end for m in kb_actors):
            return  # an actor's name; one inside a place's ("Fire Island") does not count
        if any(s.start_char < end and start < s.end_char for s in spans):
            return
        spans.append(span)

    for ent in entities_of(doc):
        span = strip_determiner(ent)
        if span is None:
            continue
        if span.text.endswith(("'s", "’s")):  # "the Islamic Republic's": the name before it
            span = span[:-1] if len(span) > 1 and span[-1].text in {"'s", "’s"} else span
        if ent.label_ in PLACE_LABELS and _said_to_be_a_place(doc, span, found):
            keep(span)
        elif span[-1].lower_ in buildings and _after_where_word(doc, span):
            keep(span)  # "at Craven Cottage", tagged a person or an organisation
        elif ent.label_ in {"PERSON", "ORG"} and _named_as_settlement(doc, span):
            keep(span, said_to_be_place=True)  # "the gated suburb of Madinaty", a "person"
        elif ent.label_ in {"PERSON", "ORG"} and (
            "(" in span.text or _DIVISION_IN_PARENTHESES.match(text_of(doc), span.end_char)
        ):
            # "between Ouo and Sideradougou (Comoe)" tagged one organisation: its names
            for number, part in enumerate(_names_in(span)):
                where = number == 0 and _after_where_word(doc, part, RUN_WHERE_WORDS)
                if where or _before_division(doc, part):
                    keep(part, said_to_be_place=True)
    # Untagged runs of capitalised proper nouns, read from the token table (a Token per token
    # would cost more than the rest of this stage).
    labelled = {
        i for ent in entities_of(doc) if ent.label_ not in LOOSE_LABELS for i in range(*_ends(ent))
    }
    pos = pos_of(doc)
    texts = [text for _start, _end, text in tokens_of(doc)]
    run: list[int] = []
    for i in range(len(texts) + 1):
        title = i < len(texts) and texts[i].istitle() and i not in labelled
        if title and pos[i] == "PROPN":
            run.append(i)
            continue
        if run:
            span = doc[run[0] : run[-1] + 1]
            cut = i < len(texts) and (i in labelled or title)
            if cut or doc[run[0]].is_sent_start:
                pass
            elif _after_where_word(doc, span, RUN_WHERE_WORDS) or _named_as_settlement(doc, span):
                keep(span)  # "a market at Makeen", "the village of Dhuurcaleed", untagged
            elif _before_division(doc, span):
                keep(span, said_to_be_place=True)  # "Sideradougou (Comoe)": the unit holds it
            run = []
    spans.sort(key=lambda s: s.start)
    return spans
