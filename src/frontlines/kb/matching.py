"""Loose matching of names to knowledge-base actors, in order of trust.

1. exact: the normalised key of an alias (case, diacritics, articles, hyphens, possessives);
2. compact: the same without spaces ("Boko Haram" = "Bokoharam", "IS-WAP" = "ISWAP");
3. words: the bag of canonical words, through translation equivalences and demonyms
   ("Movement of Islamic Resistance" = "Islamic Resistance Movement", "Party of Allah" =
   "Party of God", "Democratic Forces of Syria" = "Syrian Democratic Forces");
4. spelling: a transliteration key (zh, kh, sh kept; y/i, w/v, x/h, doubled letters folded)
   compared with rapidfuzz at FUZZY_CUTOFF, a threshold measured on the actor-variant test set.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from frontlines.kb.base import ActorRecord, load_data
from frontlines.kb.cache import cached
from frontlines.kb.countries import countries
from frontlines.kb.names import fold, name_key, skeleton
from frontlines.kb.records import load_actor_records

FUZZY_CUTOFF = 85  # measured on tests/data/actor_variants.yaml (see the README)
MIN_FUZZY_KEY = 5  # shorter spelling keys match only exactly
SURNAME_CUTOFF = 90  # a surname alone must be this close
SURNAME_AGREEMENT = 70  # in two full names, surnames this far apart are different people
MATCH_MEMORY = 65536  # names whose match is remembered (then forgotten all at once)
_TRANSLIT = (
    ("oe", "u"),
    ("shch", "š"),
    ("sch", "š"),
    ("zh", "ž"),
    ("kh", "x"),
    ("sh", "š"),
    ("ch", "č"),
    ("ts", "c"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
    ("ph", "f"),
    ("q", "k"),
    ("ck", "k"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("x", "h"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "e"),
    ("ei", "e"),
    ("ai", "e"),
    ("ae", "e"),
    ("e", "i"),
    ("o", "u"),
    ("h", "g"),
)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ad|ash|at|az|ar|an)[-\s]", re.IGNORECASE)


def translit_key(text: str) -> str:
    """A spelling key shared by Zelensky/Zelenskyj, Lavrov/Lawrow, Madobe/Madoobe."""
    key = name_key(re.sub(r"[\u02bb\u02bc\u02be\u02bf\u2018\u2019'`]", "", text))
    for source, target in _TRANSLIT:
        key = key.replace(source, target)
    return re.sub(r"(.)\1+", r"\1", key)


@lru_cache(maxsize=1)
def _equivalents() -> tuple[dict[str, str], frozenset[str], tuple[str, ...]]:
    data = load_data("name_equivalents.yaml") or {}
    canonical: dict[str, str] = {}
    for group in data.get("synonyms", []):
        for word in group:
            canonical[str(word).lower()] = str(group[0]).lower()
    for country in countries().values():
        word = name_key(country.name)
        for name in (*country.demonyms, *country.names):
            if name and " " not in name_key(name):
                canonical.setdefault(name_key(name), word)
    stop = frozenset(str(w).lower() for w in data.get("stopwords", []))
    suffixes = tuple(str(s) for s in data.get("member_suffixes", []))
    return canonical, stop, suffixes


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def word_key(text: str) -> frozenset[str]:
    """The bag of canonical content words of a name."""
    canonical, stop, _ = _equivalents()
    words = []
    for word in re.split(r"[\s-]+", fold(text).replace("'s", "").replace("'", "")):
        word = re.sub(r"[^\w]", "", word)
        if not word or word in stop:
            continue
        word = canonical.get(word) or canonical.get(_stem(word)) or translit_key(_stem(word))
        words.append(word)
    return frozenset(words)


def compact_keys(text: str) -> list[str]:
    key = name_key(text).replace(" ", "")
    keys = [key]
    if key[:2] in ("al", "el") and len(key) > 6:
        keys.append(key[2:])
    return keys


@dataclass
class Match:
    ids: list[str]
    method: str  # exact, compact, words, spelling


class ActorMatcher:
    """Indexes of every actor name for the loose matching levels."""

    def __init__(self, records: tuple[ActorRecord, ...]) -> None:
        self.records = {r.id: r for r in records}
        self.compact: dict[str, list[str]] = {}
        self.words: dict[frozenset[str], list[str]] = {}
        self.spelling: dict[str, list[str]] = {}
        self.surnames: dict[str, list[str]] = {}
        self.skeletons: dict[str, list[str]] = {}
        for record in records:
            generated = record.id[:3].isupper()
            for name in record.names():
                if len(name_key(name)) < 3:
                    continue
                for key in compact_keys(name):
                    _add(self.compact, key, record.id)
                bag = word_key(name)
                if len(bag) >= 2:
                    _add(self.words, bag, record.id)
                if not generated and len(name_key(name)) >= 5:
                    _add(self.spelling, translit_key(name), record.id)
                if not generated and _ARABIC_ARTICLE.match(name.split()[-1]):
                    _add(self.skeletons, skeleton(name.split()[-1]), record.id)
                if record.type == "person" and len(name_key(name).split()) > 1:
                    _add(self.surnames, translit_key(name_key(name).split()[-1]), record.id)
        self._reachable: dict[tuple[str, int], list[str]] = {}
        self._matched: dict[tuple[str, bool], Match | None] = {}
        self._by_length: dict[str, dict[int, list[tuple[int, str]]]] = {}

    def match(self, text: str, *, person: bool = False) -> Match | None:
        """Knowledge-base actors a name matches loosely, with the level that matched."""
        # Names recur within and across reports and the indexes never change: remember the
        # answers (the fuzzy levels cost a tenth of a millisecond a name). Do not modify them.
        asked = (text, person)
        if asked not in self._matched:
            if len(self._matched) >= MATCH_MEMORY:
                self._matched.clear()
            self._matched[asked] = self._match(text, person=person)
        return self._matched[asked]

    def _match(self, text: str, *, person: bool) -> Match | None:
        for key in compact_keys(text):
            if key in self.compact and len(key) >= 4:
                return Match(self.compact[key], "compact")
        found = self._by_words(text)
        if found:
            return Match(found, "words")
        _, _, suffixes = _equivalents()
        for suffix in suffixes:  # "Wagnerites" → Wagner
            key = name_key(text)
            if key.endswith(suffix) and key[: -len(suffix)] in self.compact:
                return Match(self.compact[key[: -len(suffix)]], "words")
        return self._by_spelling(text, person=person)

    def _by_words(self, text: str) -> list[str]:
        bag = word_key(text)
        if len(bag) < 2:
            return []
        if bag in self.words:
            return self.words[bag]
        # "Myanmar Defence Services": a country word plus the name of that country's actor.
        for country_word in bag:
            rest = bag - {country_word}
            ids = [
                i
                for i in self.words.get(rest, [])
                if _country_word(self.records[i]) == country_word
            ]
            if len(rest) >= 2 and ids:
                return ids
        return []

    def _by_spelling(self, text: str, *, person: bool) -> Match | None:
        key = translit_key(text)
        if len(key) < 4:
            return None
        if key in self.spelling:
            return Match(self.spelling[key], "spelling")
        hit = process.extractOne(
            key,
            self._within_reach("spelling", len(key)),
            scorer=fuzz.ratio,
            score_cutoff=FUZZY_CUTOFF,
        )
        if hit and _fuzzy_agree(key, hit[0]):
            return Match(self.spelling[hit[0]], "spelling")
        if _ARABIC_ARTICLE.match(text.strip()):
            # "al-Manfi" ~ "al-Menfi": Arabic vowels are written any way; consonants hold.
            found = self.skeletons.get(skeleton(text))
            if found and len(skeleton(text).replace(" ", "")) >= 3:
                return Match(found, "spelling")
        words = name_key(text).split()
        if person and len(words) > 1:
            # "Yevhen Pryhozhyn" ~ "Yevgeny Prigozhin": the surname, and the same initial.
            surname = translit_key(words[-1])
            hit = process.extractOne(
                surname,
                self._within_reach("surnames", len(surname)),
                scorer=fuzz.ratio,
                score_cutoff=SURNAME_CUTOFF,
            )
            if hit and len(surname) >= 5:
                ids = [i for i in self.surnames[hit[0]] if _initial(self.records[i]) == words[0][0]]
                if ids:
                    return Match(ids, "spelling")
        return None

    def _within_reach(self, index: str, length: int) -> list[str]:
        """The keys of an index, in index order, whose length lets them reach the cutoff
        against a key of `length` (fuzz.ratio is at most 200 * shorter / (sum of lengths));
        the rest could never match, and leaving them out halves the fuzzy search."""
        found = self._reachable.get((index, length))
        if found is None:
            keys = self.spelling if index == "spelling" else self.surnames
            cutoff = FUZZY_CUTOFF if index == "spelling" else SURNAME_CUTOFF
            by_length = self._by_length.get(index)
            if by_length is None:  # (position, key) by key length, once per index
                by_length = {}
                for position, key in enumerate(keys):
                    by_length.setdefault(len(key), []).append((position, key))
                self._by_length[index] = by_length
            reachable = [
                item
                for size, items in by_length.items()
                if _can_reach(length, size, cutoff)
                for item in items
            ]
            found = [key for _, key in sorted(reachable)]
            self._reachable[(index, length)] = found
        return found


def _can_reach(a: int, b: int, cutoff: float) -> bool:
    # Half a point of margin: only keys that certainly fall short are left out.
    return 200 * min(a, b) >= (cutoff - 0.5) * (a + b)


def closest_spelling(key: str, keys: list[str]) -> str | None:
    """The spelling key among `keys` that names the same thing as `key`, if any (the same
    tests as the knowledge-base match: close enough, and surname and words agreeing)."""
    if key in keys:
        return key
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if hit and _fuzzy_agree(key, hit[0]):
        return hit[0]
    return None


def _fuzzy_agree(key: str, hit: str) -> bool:
    """A close spelling names the same actor: surname and words agree, and neither key is
    so short that one added letter makes another word ('Kidal' is no 'al-Qaida', key 'kida')."""
    return (
        min(len(key), len(hit)) >= MIN_FUZZY_KEY
        and _same_surname(key, hit)
        and _words_agree(key, hit)
    )


def _words_agree(a: str, b: str) -> bool:
    """Every word of the shorter name has a close counterpart in the longer: a long name that
    shares most of its letters with another ('Palestinian Liberation Organization', 'Levant
    Liberation Organization') is still another name."""
    shorter, longer = sorted((a.split(), b.split()), key=len)
    if len(longer) < 2:
        return True
    return all(max(fuzz.ratio(w, v) for v in longer) >= SURNAME_AGREEMENT for w in shorter)


def _same_surname(a: str, b: str) -> bool:
    """Two multi-word names are one person's only if their last words agree too: 'Mohamed
    Abdi' is not 'Mohammed Deif' however alike the whole strings are."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) < 2 or len(words_b) < 2:
        return True
    return fuzz.ratio(words_a[-1], words_b[-1]) >= SURNAME_AGREEMENT


def _initial(record: ActorRecord) -> str:
    return name_key(record.name)[:1]


def _country_word(record: ActorRecord) -> str | None:
    country = countries().get(record.country or "")
    return name_key(country.name) if country else None


def _add(index: dict, key: object, actor_id: str) -> None:
    bucket = index.setdefault(key, [])
    if actor_id not in bucket:
        bucket.append(actor_id)


@lru_cache(maxsize=8)
def actor_matcher(user_kb: str | None = None) -> ActorMatcher:
    """The matcher of the actor records (the user's file included), built once for a given
    set of records and then read from the cache: building it takes most of a second."""
    records = load_actor_records(user_kb)
    digest = hashlib.sha1(repr(records).encode("utf-8")).hexdigest()[:16]
    return cached(f"actor-matcher-{digest}", lambda: ActorMatcher(records))
