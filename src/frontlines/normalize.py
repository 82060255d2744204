"""Stage `normalize`: fold look-alike characters and mend known mistranslations.

The result is a new text for the later stages to parse, with a map back to the original, so
that every offset the system reports points into the document body as it was given.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from frontlines.kb import GlossaryEntry, load_glossary
from frontlines.models import Document, Evidence

# Same-length character folds: they never move offsets.
_CHAR_FOLDS = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
    }
)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


@dataclass(frozen=True)
class Edit:
    """One replacement: `[start, end)` in the original became `[new_start, new_end)`."""

    start: int
    end: int
    new_start: int
    new_end: int
    original: str
    replacement: str


@dataclass
class NormalizedText:
    """Normalised text plus the edits needed to map its offsets back to the original."""

    original: str
    text: str
    edits: list[Edit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._new_starts = [edit.new_start for edit in self.edits]

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """Map an offset in `text` to the matching offset in `original`."""
        index = bisect.bisect_right(self._new_starts, offset) - 1
        if index < 0:
            return offset
        edit = self.edits[index]
        if offset >= edit.new_end:
            return offset - edit.new_end + edit.end
        # Inside a replaced stretch: snap to its edges.
        return edit.end if end and offset > edit.new_start else edit.start

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` span in `text` to the original."""
        return self.to_original(start), self.to_original(end, end=True)

    def evidence(self, start: int, end: int) -> Evidence:
        """The original text behind a `[start, end)` span of `text`, with its offsets."""
        first, last = self.span(start, end)
        return Evidence(start=first, end=last, text=self.original[first:last])


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = _SENTENCE_END.search(text, position)
    return start, following.start() if following else len(text)


def _shouted(text: str, position: int) -> bool:
    """Whether the sentence around `position` is written in capitals."""
    start, end = _sentence_bounds(text, position)
    letters = [c for c in text[start:end] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# The only characters beyond ASCII that match an ASCII letter under re.IGNORECASE (İ, ı, ſ,
# the Kelvin sign): without them in the text, an ASCII correction found by the pattern is
# also found in the lower-case text.
_CASELESS_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")


def _glossary_hits(text: str, glossary: list[GlossaryEntry]) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    lowered = text.lower()
    plain = not any(character in text for character in _CASELESS_LOOKALIKES)
    for entry in glossary:
        if plain and entry.wrong.isascii() and entry.wrong.lower() not in lowered:
            continue  # cannot match: spare the pattern's scan of the whole text
        flags = 0 if entry.case_sensitive else re.IGNORECASE
        # an abbreviation inside a longer one is not it: "IS-WAP" is not "ISIS-WAP"
        edge = (r"(?<![\w-])", r"(?![\w-])") if entry.case_sensitive else (r"\b", r"\b")
        pattern = rf"{edge[0]}{re.escape(entry.wrong)}{edge[1]}"
        for match in re.finditer(pattern, text, flags=flags):
            if entry.case_sensitive and _shouted(text, match.start()):
                continue  # "WHY IS THE ARMY ...": a headline in capitals, where case says nothing
            if entry.require_near:
                s, e = _sentence_bounds(text, match.start())
                sentence = lowered[s:e]
                if not any(
                    re.search(rf"\b{re.escape(w.lower())}", sentence) for w in entry.require_near
                ):
                    continue
            hits.append((match.start(), match.end(), _match_case(match.group(0), entry.right)))
    hits.sort()
    kept: list[tuple[int, int, str]] = []
    for hit in hits:  # the first of overlapping corrections wins
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


def normalize_text(text: str, glossary: list[GlossaryEntry] | None = None) -> NormalizedText:
    """Fold characters, then apply glossary corrections that their context allows."""
    folded = text.translate(_CHAR_FOLDS)
    hits = _glossary_hits(folded, load_glossary() if glossary is None else glossary)
    if not hits:
        return NormalizedText(original=text, text=folded)
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    length = 0
    for start, end, replacement in hits:
        pieces.append(folded[cursor:start])
        length += start - cursor
        edits.append(
            Edit(start, end, length, length + len(replacement), text[start:end], replacement)
        )
        pieces.append(replacement)
        length += len(replacement)
        cursor = end
    pieces.append(folded[cursor:])
    return NormalizedText(original=text, text="".join(pieces), edits=edits)


def normalize(document: Document) -> NormalizedText:
    """Stage entry point."""
    return normalize_text(document.text)
