"""Reading a parsed document fast: token facts, text and sentences computed once per document
and kept in `doc.user_data` (spaCy rebuilds them on every access)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS
from spacy.tokens import Doc, Span, Token


@dataclass
class TokenTable:
    """Per-document token facts read once from the parse's arrays: spaCy builds a new Python
    Token object on every `doc[i]` and every iteration, which the stages would pay again
    and again. Lists are by token index and shared: do not modify them."""

    spans: list[tuple[int, int, str]]  # (start_char, end_char, text) of every token
    lower: list[str]  # token.lower_
    starts: list[int]  # token.idx, ascending (for bisect)
    ends: list[int]  # token.idx + len(token), ascending
    _lemma: list[str] | None = None  # token.lemma_.lower(), on first use
    _pos: list[str] | None = None  # token.pos_, on first use


def token_table(doc: Doc) -> TokenTable:
    """The document's token table, built on first use."""
    table = doc.user_data.get("frontlines_tokens")
    if table is None:
        text = text_of(doc)
        strings = doc.vocab.strings
        rows = doc.to_array([IDX, LENGTH, LOWER]).tolist()
        table = TokenTable(
            spans=[(i, i + n, text[i : i + n]) for i, n, _ in rows],
            lower=[strings[h] for _, _, h in rows],
            starts=[i for i, _, _ in rows],
            ends=[i + n for i, n, _ in rows],
        )
        doc.user_data["frontlines_tokens"] = table
    return table


def tokens_of(doc: Doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, text) of every token."""
    return token_table(doc).spans


def lowers_of(doc: Doc) -> list[str]:
    """`token.lower_` of every token, by token index."""
    return token_table(doc).lower


def lemmas_of(doc: Doc) -> list[str]:
    """`token.lemma_.lower()` of every token, by token index."""
    table = token_table(doc)
    if table._lemma is None:
        strings = doc.vocab.strings
        table._lemma = [strings[h].lower() for h in doc.to_array(LEMMA).tolist()]
    return table._lemma


def pos_of(doc: Doc) -> list[str]:
    """`token.pos_` of every token, by token index."""
    table = token_table(doc)
    if table._pos is None:
        strings = doc.vocab.strings
        table._pos = [strings[h] for h in doc.to_array(POS).tolist()]
    return table._pos


def char_span(doc: Doc, start: int, end: int, alignment_mode: str = "expand") -> Span | None:
    """The tokens over the characters `start:end`, or None where no token lies there: spaCy's
    own `char_span` gives an empty span for offsets in whitespace (a quote mark beside a space),
    which has no root, first or last token."""
    span = doc.char_span(start, end, alignment_mode=alignment_mode)
    return span if span is not None and len(span) else None


def token_at(doc: Doc, offset: int) -> Token:
    """The token holding the character at `offset`, else the last one before it (the offset
    lies in whitespace), else the first token. The document must have a token."""
    index = bisect_right(token_table(doc).starts, offset) - 1
    return doc[max(0, min(index, len(doc) - 1))]


def text_of(doc: Doc) -> str:
    """The document's text, computed once (spaCy joins every token on each `doc.text`)."""
    if "frontlines_text" not in doc.user_data:
        doc.user_data["frontlines_text"] = doc.text
    return doc.user_data["frontlines_text"]


def sentences_of(doc: Doc) -> list[Span]:
    """The document's sentences, computed once (spaCy rebuilds them on every `doc.sents`)."""
    if "frontlines_sentences" not in doc.user_data:
        doc.user_data["frontlines_sentences"] = list(doc.sents)
    return doc.user_data["frontlines_sentences"]


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities, computed once (spaCy rebuilds them on every `doc.ents`)."""
    if "frontlines_entities" not in doc.user_data:
        doc.user_data["frontlines_entities"] = tuple(doc.ents)
    return doc.user_data["frontlines_entities"]


def sentence_of(token: Token) -> Span:
    """The sentence holding a token, by lookup (spaCy's `token.sent` scans the document)."""
    doc = token.doc
    if "frontlines_sentence_of" not in doc.user_data:
        index = [0] * len(doc)
        for number, sentence in enumerate(sentences_of(doc)):
            for i in range(sentence.start, sentence.end):
                index[i] = number
        doc.user_data["frontlines_sentence_of"] = index
    return sentences_of(doc)[doc.user_data["frontlines_sentence_of"][token.i]]


def sentence_starts(doc: Doc) -> dict[int, int]:
    return {sent.start: number for number, sent in enumerate(sentences_of(doc))}


def strip_determiner(span: Span) -> Span | None:
    start = span.start
    while start < span.end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return span.doc[start : span.end] if start < span.end else None
