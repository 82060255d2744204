"""Towns named inside the names of organisations and buildings: 'the Winnipeg Fire Paramedic
Service', 'the New Orleans Railways and Light Company', 'the University of Tripoli'.

Such a town is part of a name, not a place where anything happened, so it is no place
mention. But it says where the report is: a street or a building the text names with no town
of its own ('the 200 block of River Avenue') lies there, when the text names no other town.
`link` uses these clues only then (`frontlines.link.place_context`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from frontlines.kb import gazetteer
from frontlines.mentions.base import Mention, mention
from frontlines.parse import char_span, entities_of, sentence_starts, strip_determiner, text_of

CLUE = "IN_NAME"
NAME_LABELS = {"ORG", "FAC"}
# A town this big, named at the start of an organisation's name or after its last "of", is
# the organisation's town; a smaller name there is mostly a person's or a word ("Royal").
CLUE_TOWN = 50_000
MAX_WORDS = 3


def _town_in(span: Span) -> Span | None:
    """The town that begins the name ('Winnipeg Fire ...') or follows its last 'of'
    ('University of Tripoli'), if the gazetteer knows it as a big enough town."""
    ofs = [t.i for t in span if t.lower_ == "of"]
    tails = [span.doc[ofs[-1] + 1 : span.end]] if ofs and ofs[-1] + 1 < span.end else []
    heads = [span.doc[span.start : span.start + n] for n in range(MAX_WORDS, 0, -1)]
    for part in [*(h for h in heads if len(h) < len(span)), *tails]:
        if len(part) > MAX_WORDS or not all(t.is_title for t in part):
            continue
        if gazetteer.is_big_town(part.text, CLUE_TOWN):
            return part
    return None


def town_clues(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A mention (label `CLUE`) for each big town inside an organisation's or a building's
    name that is not already a place mention of its own."""
    starts = sentence_starts(doc)
    clues: list[Mention] = []
    for ent in entities_of(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        span = strip_determiner(ent)
        town = _town_in(span) if span is not None and len(span) > 1 else None
        if town is None:
            continue
        start, end = town.start_char, town.end_char
        if any(m.start < end and start < m.end for m in found):
            continue
        clues.append(mention("place", town, starts, "clue", label=CLUE))
    return clues


REFERENCE = "COUNTRY_REF"


def country_references(doc: Doc, names: tuple[str, ...], taken: list[Mention]) -> list[Mention]:
    """Short and formal names of the report's own country, which only the report's focus
    makes a place: its initials ('SA' in a South African report, 'NZ') and the head of its
    formal name after 'the' ('the Islamic Republic' in a report on Iran, 'the Republic' in an
    Irish one). `names` are the country's names, its everyday one first; mentions overlapping
    `taken` are left out. Their label is `REFERENCE`."""
    words = names[0].split() if names else []
    patterns = []
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        initials = "".join(w[0] for w in words)
        patterns.append(rf"(?<![\w.&-]){initials}(?![\w&-])")
    for name in names[1:]:
        head = name.split(" of ")[0] if " of " in name else ""
        if head and head[:1].isupper() and "," not in head and head != names[0]:
            patterns.append(rf"(?<=\b[Tt]he ){re.escape(head)}\b(?! of)")
    starts = sentence_starts(doc)
    found: list[Mention] = []
    for pattern in patterns:
        for match in re.finditer(pattern, text_of(doc)):
            start, end = match.span()
            span = char_span(doc, start, end, "strict")
            if span is None or any(m.start < end and start < m.end for m in [*taken, *found]):
                continue
            found.append(mention("place", span, starts, "discourse", label=REFERENCE))
    return found
