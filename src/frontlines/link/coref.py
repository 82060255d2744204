"""Light coreference, part of the `link` stage: 'the government', 'the militia', 'his forces',
'their fighters' refer to the last compatible actor named shortly before, where that is safe.

Safe means: the antecedent is in the same sentence or the `coreference_window` sentences
before, its type fits the description (`coreference_nouns` in cues.yaml), and no other
compatible actor is named in the antecedent's sentence (two candidates: no guess).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from frontlines.kb import ActorRecord
from frontlines.kb.cues import cue_words, cues
from frontlines.parse import sentences_of, text_of, token_at

# Possessives before a force word ("his forces"): whom they can point at.
POSSESSIVES = {"his": "<person>", "her": "<person>", "its": "<body>", "their": "<body>"}


@dataclass
class Reference:
    start: int
    end: int
    text: str
    sentence: int
    actor_id: str


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {token.i: number for number, sent in enumerate(sentences_of(doc)) for token in sent}


def _anaphors(doc: Doc) -> list[tuple[Token, Token, str]]:
    """(first token, head token, kind) of every description worth resolving."""
    nouns = cues().get("coreference_nouns") or {}
    forces = cue_words("force_words")
    found = []
    for token in doc:
        if token.lower_ == "the" and token.head.lower_ in nouns and token.head.i == token.i + 1:
            found.append((token, token.head, token.head.lower_))
        elif token.lower_ in POSSESSIVES and token.dep_ == "poss" and token.head.lower_ in forces:
            found.append((token, token.head, POSSESSIVES[token.lower_]))
    return found


def _fits(record: ActorRecord, kind: str) -> bool:
    if kind == "<person>":
        return record.type == "person" and bool(record.commands)
    if kind == "<body>":
        return record.type not in {"person", "state"}
    types = (cues().get("coreference_nouns") or {}).get(kind, [])
    return record.type in types


def resolve_references(
    doc: Doc, actor_of: dict[tuple[int, int], str], records: dict[str, ActorRecord]
) -> list[Reference]:
    """References to resolve, each with the actor it refers to."""
    window = int(cues().get("coreference_window", 2))
    sentence_of = _sentence_index(doc)

    def sentence(span: tuple[int, int]) -> int:
        return sentence_of[token_at(doc, span[0]).i]

    named = sorted(actor_of.items(), key=lambda item: item[0][0])
    references = []
    for first, head, kind in _anaphors(doc):
        start, end = first.idx, head.idx + len(head.text)
        if any(s < end and start < e for (s, e), _ in named):
            continue  # already part of a name ("the Al-Wefaq government")
        here = sentence_of[first.i]
        before = [
            (span, actor_id)
            for span, actor_id in named
            if span[1] <= start
            and actor_id in records
            and _fits(records[actor_id], kind)
            and here - sentence(span) <= window
        ]
        if not before:
            continue
        last_span, actor_id = before[-1]
        if any(
            other != actor_id and sentence(span) == sentence(last_span) for span, other in before
        ):
            continue  # two candidates in reach: no guess
        record = records[actor_id]
        target = record.commands[0] if kind == "<person>" else actor_id
        references.append(Reference(start, end, text_of(doc)[start:end], here, target))
    return references
