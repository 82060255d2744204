"""Name keys that survive case, diacritics, articles, hyphens and transliteration."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLE = re.compile(r"^(?:the|al|el|al|an|ad|as|ash|at|az|ar|le|la|les)[-\s']+", re.IGNORECASE)
_INNER = r"(?:(?:al|el)[-\s']+|(?:as|ad|ash|at|az|ar|an|ad|adh)[-'])"
_INNER_ARTICLE = re.compile(r"(?<=\s)" + _INNER, re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|s')$|'s(?=\s)", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what is left of a key


def fold(text: str) -> str:
    """Lower case without diacritics; apostrophes and hyphens become spaces or vanish."""
    if text.isascii():  # most text: nothing to decompose, and '`' is the only odd apostrophe
        return text.replace("`", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    return stripped.lower()


@lru_cache(maxsize=262144)
def name_key(text: str) -> str:
    """A key equal for 'Al-Wefaq', 'al Wefaq', 'the Wefaq' and 'Wefaq's'."""
    folded = fold(text).strip()
    # The tests before two of the patterns only skip what cannot match: a possessive has an
    # apostrophe, an article starts with one of these letters (keys are made very often).
    if "'" in folded:
        folded = _POSSESSIVE.sub("", folded)
    if folded[:1] in "taelTAEL":
        folded = _ARTICLE.sub("", folded)
    folded = _INNER_ARTICLE.sub("", folded)
    # Every other character (hyphens, punctuation, spaces) separates words.
    return " ".join(_WORD.findall(folded.replace("'", "")))


_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLES = re.compile(r"(.)\1+")
_EQUIVALENTS = (
    ("kh", "h"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("ph", "f"),
    ("q", "k"),
    ("c", "k"),
    ("z", "s"),
    ("j", "g"),
    ("v", "f"),
    ("x", "ks"),
)


@lru_cache(maxsize=262144)
def skeleton(text: str) -> str:
    """A consonant skeleton: 'Hifter', 'Haftar' and 'Heftar' all give 'hftr'."""
    key = name_key(text)
    for source, target in _EQUIVALENTS:
        key = key.replace(source, target)
    words = []
    for word in key.split():
        head, tail = word[:1], _VOWELS.sub("", word[1:])
        words.append(_DOUBLES.sub(r"\1", head + tail))
    return " ".join(words)


_CHUNK_INNER_ARTICLE = re.compile("^" + _INNER, re.IGNORECASE)  # after a space, at a chunk
_END_POSSESSIVE = re.compile(r"(?:'s|s')$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def last_word_choices(chunk: str) -> frozenset[str] | None:
    """The words that can end the key of any text ending in `chunk` (its last stretch
    without spaces, in ASCII), or None when that cannot be told from the chunk alone.

    The end of a key depends only on its last chunk: a possessive at the very end, and an
    article at the chunk's start, dropped or not depending on what comes before (the whole
    text's leading article, an inner one after a space, or neither). Every case is tried,
    so a text whose key is in an index always has its key's last word among these.
    """
    if not chunk.isascii():
        return None
    folded = _END_POSSESSIVE.sub("", chunk.replace("`", "'").lower())
    words = set()
    for variant in {folded, _ARTICLE.sub("", folded), _CHUNK_INNER_ARTICLE.sub("", folded)}:
        runs = _WORD.findall(variant.replace("'", ""))
        if not runs:
            return None  # the key ends in an earlier chunk
        words.add(runs[-1])
    return frozenset(words)
