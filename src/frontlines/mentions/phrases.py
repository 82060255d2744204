"""A phrase index over normalised name keys: longest-match lookup of multi-word names in a
token sequence. Shared by actor and place mention finding."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from frontlines.kb.names import last_word_choices, name_key

T = TypeVar("T")


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return " " not in name and letters.isupper() and len(letters) <= 5


_SPACES = re.compile(r"\s+")

# Arabic article tokens that spaCy splits off ("Al", "-", "Wefaq"); a name may start there.
ARTICLE_TOKENS = {"al", "el"}


@dataclass
class PhraseIndex(Generic[T]):
    """Maps name keys to payloads; finds the longest names in a token sequence."""

    entries: dict[str, list[T]] = field(default_factory=dict)
    exact: dict[str, list[T]] = field(default_factory=dict)  # acronyms, matched case and all
    lower_ok: set[str] = field(default_factory=set)  # keys with an all-lower-case name
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 1
    _last_words: tuple[int, frozenset[str]] | None = field(default=None, repr=False)

    def add(self, name: str, payload: T) -> None:
        if _is_acronym(name):
            # "IS", "AA", "PA": only in capitals, or every "is" would be the Islamic State.
            bucket = self.exact.setdefault(name.replace(".", ""), [])
            if payload not in bucket:
                bucket.append(payload)
            return
        key = name_key(name)
        if not key:
            return
        if name.islower():
            self.lower_ok.add(key)
        bucket = self.entries.setdefault(key, [])
        if payload not in bucket:
            bucket.append(payload)
        words = key.split()
        self.first_words.add(words[0])
        self.max_tokens = max(self.max_tokens, len(name.split()) + 2)

    def last_words(self) -> frozenset[str]:
        """The last word of every key (rebuilt when keys are added)."""
        if self._last_words is None or self._last_words[0] != len(self.entries):
            words = frozenset(key.rsplit(" ", 1)[-1] for key in self.entries)
            self._last_words = (len(self.entries), words)
        return self._last_words[1]

    def get(self, text: str) -> list[T]:
        return self.exact.get(text.replace(".", "")) or self.entries.get(name_key(text), [])

    def scan(
        self, tokens: Sequence[tuple[int, int, str]], text: str
    ) -> Iterable[tuple[int, int, list[T]]]:
        """Longest non-overlapping matches as (start_char, end_char, payloads).

        `tokens` are (start_char, end_char, token_text) in document order.
        """
        count = len(tokens)
        # Whether a token can end a name (it holds a letter or digit), once per token, not
        # once per window ending on it.
        can_end = [any(ch.isalnum() for ch in token[2]) for token in tokens]
        # Where the stretch without spaces that a token ends starts: a window's key can be
        # in the index only if the last word of that stretch can end a key of the index
        # (`last_word_choices`), which rules most windows out without making their key.
        gaps = [match.end() for match in _SPACES.finditer(text)]
        chunk_starts = [gaps[i - 1] if (i := bisect_right(gaps, t[1])) else 0 for t in tokens]
        last_words = self.last_words()
        entries, exact, first_words = self.entries, self.exact, self.first_words
        index = 0
        while index < count:
            start_char, first_end, first_text = tokens[index]
            first = name_key(first_text)
            article = first_text.lower() in ARTICLE_TOKENS
            acronym = exact.get(first_text.replace(".", ""))
            if not article and (not first or first.split()[0] not in first_words):
                if acronym:
                    yield start_char, first_end, acronym
                index += 1
                continue
            best: tuple[int, list[T]] | None = None
            for stop in range(min(count, index + self.max_tokens), index, -1):
                if not can_end[stop - 1]:
                    continue  # a name never ends on punctuation
                end_char = tokens[stop - 1][1]
                ends = last_word_choices(text[max(start_char, chunk_starts[stop - 1]) : end_char])
                if ends is not None and ends.isdisjoint(last_words):
                    continue
                matched = text[start_char:end_char]
                key = name_key(matched)
                found = entries.get(key)
                if found and matched.islower() and key not in self.lower_ok:
                    continue  # "barbecue" is not the gang leader Barbecue
                if found:
                    best = (stop, found)
                    break
            if best is None:
                if acronym:
                    yield start_char, first_end, acronym
                index += 1
                continue
            stop, found = best
            yield start_char, tokens[stop - 1][1], found
            index = stop
