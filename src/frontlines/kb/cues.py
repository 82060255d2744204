"""Cue words: the word lists of `kb/data/cues.yaml` and `kb/data/place_words.yaml` that the
stages read (offices, titles, coreference nouns, hazard words, ...)."""

from __future__ import annotations

from functools import lru_cache

from frontlines.kb.base import load_data


@lru_cache(maxsize=1)
def cues() -> dict:
    return load_data("cues.yaml") or {}


@lru_cache(maxsize=256)  # more lists than 64 are read per sentence
def cue_words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in cues().get(name, []))


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word lists of `kb/data/place_words.yaml`, lower case."""
    data = load_data("place_words.yaml") or {}
    return {key: frozenset(str(w).lower() for w in words) for key, words in data.items()}
