"""Name keys that survive case, diacritics, articles, hyphens and transliteration."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLE = re.compile(r"^(?:the|al|el|al|an|ad|as|ash|at|az|ar|le|la|les)[-\s']+", re.IGNORECASE)
_INNER_ARTICLE = re.compile(
    r"(?<=\s)(?:(?:al|el)[-\s']+|(?:as|ad|ash|at|az|ar|an|ad|adh)[-'])", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(?:'s|s')$|'s(?=\s)", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case without diacritics; apostrophes and hyphens become spaces or vanish."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    return stripped.lower()


@lru_cache(maxsize=262144)
def name_key(text: str) -> str:
    """A key equal for 'Al-Wefaq', 'al Wefaq', 'the Wefaq' and 'Wefaq's'."""
    folded = _POSSESSIVE.sub("", fold(text).strip())
    folded = _ARTICLE.sub("", folded)
    folded = _INNER_ARTICLE.sub("", folded)
    folded = folded.replace("'", "").replace("-", " ")
    folded = _NON_WORD.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()


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
