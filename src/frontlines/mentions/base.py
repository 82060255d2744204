"""What every part of the `mentions` stage shares: the Mention type and its construction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Span

from frontlines.parse import ParsedDocument, sentence_of

MentionKind = Literal["actor", "place", "date", "number"]
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"ORG", "PERSON", "NORP"}


@dataclass
class Mention:
    """A stretch of the normalised text that names an actor, place, date or number."""

    kind: MentionKind
    start: int
    end: int
    text: str
    sentence: int
    source: str  # kb (alias), loose (kb.matching), ner, gazetteer, discourse
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
    # Towns inside organisations' names ("the Winnipeg Fire Service"): where the report is,
    # not where anything happened (`mentions.clues`).
    clues: list[Mention] = field(default_factory=list)


def mention(
    kind: MentionKind, span: Span, sentences: dict[int, int], source: str, **extra: object
) -> Mention:
    return Mention(
        kind,
        span.start_char,
        span.end_char,
        span.text,
        sentences.get(sentence_of(span[0]).start, 0),
        source,
        **extra,
    )
