"""Stage `parse`: spaCy's parse of the normalised text (`parse`, `parse_many` → `ParsedDocument`),
and the fast readers of a parsed document that every later stage uses."""

from frontlines.parse.parser import (
    MODEL,
    ModelMissing,
    ParsedDocument,
    load_pipeline,
    parse,
    parse_many,
)
from frontlines.parse.tokens import (
    TokenTable,
    char_span,
    lemmas_of,
    lowers_of,
    pos_of,
    sentence_of,
    sentence_starts,
    sentences_of,
    strip_determiner,
    text_of,
    token_at,
    token_table,
    tokens_of,
)

__all__ = [
    "MODEL",
    "ModelMissing",
    "ParsedDocument",
    "TokenTable",
    "char_span",
    "lemmas_of",
    "load_pipeline",
    "lowers_of",
    "parse",
    "parse_many",
    "pos_of",
    "sentence_of",
    "sentence_starts",
    "sentences_of",
    "strip_determiner",
    "text_of",
    "token_at",
    "token_table",
    "tokens_of",
]
