"""The words around a name that make it a place: 'in X', 'towards the X', 'the city of X',
'X district', 'X-based', 'recaptured X'. A name the gazetteer knows is a place where they
stand, whatever spaCy's tagger called it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from frontlines.kb.cues import cue_words, place_words

DIRECTION_WORDS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western", "upper", "lower", "greater",
}  # fmt: skip


def locative_context(doc: Doc, span: Span) -> bool:
    """'in X', 'towards the X', 'the city of X', 'X district': words that make X a place."""
    previous = span.start - 1
    while previous >= 0 and (
        doc[previous].lower_ in {"the", "a"} or doc[previous].lower_ in DIRECTION_WORDS
    ):  # "in northern Omdurman"
        previous -= 1
    if previous >= 0 and doc[previous].lower_ in cue_words("locative_words"):
        return True
    if _route_end(doc, span.start):
        return True
    if previous >= 0 and doc[previous].lower_ in place_words()["settlement_nouns"]:
        return True  # "Syria's largest city Aleppo", "the Malian capital Bamako"
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    if following in {"and", "or"} and span.end + 2 < len(doc):  # "Kidal and other towns"
        other, noun = doc[span.end + 1].lower_, doc[span.end + 2].lower_
        if other == "other" and noun.removesuffix("s") in cue_words("place_noun_words"):
            return True
    if following == "-" and span.end + 1 < len(doc):  # "a Kent-based team", "London-born"
        return doc[span.end + 1].lower_ in cue_words("place_suffix_words")
    named_event = following in cue_words("place_event_nouns") and span.root.pos_ != "VERB"
    return following in cue_words("place_noun_words") or named_event or ground_object(span)


def _route_end(doc: Doc, start: int) -> bool:
    """'the road between Gao and Ansongo': either name after 'between' that a way follows."""
    for i in range(start - 1, max(start - 6, 0), -1):
        if doc[i].lower_ == "between":
            joined = i == start - 1 or doc[start - 1].lower_ == "and"
            return joined and doc[i - 1].lower_ in cue_words("route_words")
    return False


def ground_object(span: Span) -> bool:
    """'recaptured Gao', 'Kidal was overrun': the name is what a verb done to ground acts on."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:  # "retake Diabaly and Douentza"
        root = root.head
    return (
        root.dep_ in {"dobj", "nsubjpass"}
        and root.head.pos_ == "VERB"
        and root.head.lemma_.lower() in place_words()["ground_verbs"]
    )
