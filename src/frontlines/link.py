"""Stage `link`: actor mentions → knowledge-base actors (or discovered ones), place mentions →
gazetteer entries.

Actor linking chooses among the knowledge-base candidates that `mentions` found (exact alias,
then the loose levels of `kb.matching`) by validity on the publication date, the document's
country and the words around the name; a name that matches nothing becomes a discovered actor,
clustered within the document, never dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from frontlines.coref import resolve_references
from frontlines.kb import ActorRecord
from frontlines.kb.gazetteer import Place, km, lookup
from frontlines.kb.matching import actor_matcher
from frontlines.kb.names import name_key, skeleton
from frontlines.mentions import Mention, MentionSet, actor_index, actor_records
from frontlines.mentions.base import cue_words
from frontlines.parse import ParsedDocument

FUZZY_CUTOFF = 90  # rapidfuzz ratio on name keys; below this, variants were mostly wrong
FOCUS_BONUS = 6.0  # a candidate place in the document's main country beats a bigger one abroad
FEATURE_BONUS = 4.0  # our supplement (bases, airports) is meant to win where it matches
OWN_NAME_BONUS = 1.5  # a place's own name beats a namesake's alternate or former name
NEAR_BONUS = 2.0  # a namesake near the document's unambiguous places beats a bigger one far off
NEAR_SCALE_KM = 300.0
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class LinkedActor:
    """An actor present in a document: a knowledge-base record or a discovered one."""

    record: ActorRecord
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class LinkedPlace:
    mention: Mention
    place: Place | None


@dataclass
class LinkedDocument:
    """A parsed document with its mentions linked."""

    parsed: ParsedDocument
    mentions: MentionSet
    actors: dict[str, LinkedActor]
    actor_of: dict[tuple[int, int], str]  # (start, end) of an actor mention → actor id
    places: list[LinkedPlace]
    focus_country: str | None

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor whose mention overlaps `[start, end)`, if any (normalised offsets)."""
        for (s, e), actor_id in self.actor_of.items():
            if s < end and start < e:
                return actor_id
        return None


def _valid_on(record: ActorRecord, published: str | None) -> bool:
    if not published:
        return True
    if record.valid_from and published < str(record.valid_from):
        return False
    return not (record.valid_to and published > str(record.valid_to))


def _choose(
    ids: list[str],
    records: dict[str, ActorRecord],
    published: str | None,
    focus: str | None,
    attached: str | None,
) -> str:
    def score(actor_id: str) -> tuple:
        record = records[actor_id]
        return (
            _valid_on(record, published),
            record.country == focus,
            bool(attached) == (record.type not in {"state", "person"}),
            -len(record.aliases),
        )

    best = max(ids, key=score)
    record = records[best]
    if attached and record.commands:  # "Haftar's forces" are the forces Haftar commands
        return record.commands[0]
    if attached and record.type == "state" and f"{record.id}-military" in records:
        return f"{record.id}-military"
    return best


def _without_titles(text: str) -> str:
    """'President Omar El Bashir' → 'Omar El Bashir' (the name, not the office)."""
    words = text.split()
    titles = cue_words("titles")
    while len(words) > 1 and words[0].lower().strip(".") in titles:
        words = words[1:]
    return " ".join(words)


def _discovered(mention: Mention, clusters: dict[str, ActorRecord]) -> ActorRecord:
    """Cluster an unknown name with earlier ones: same key, same skeleton, or a surname."""
    name = _without_titles(mention.text) if mention.label in {"PERSON", "PROPN"} else mention.text
    key = name_key(name)
    skel = skeleton(name)
    for record in clusters.values():
        names = record.names()
        if any(name_key(n) == key or skeleton(n) == skel for n in names):
            return record
        if (
            record.type == "person"
            and len(key.split()) == 1
            and any(name_key(n).split()[-1] == key for n in names if len(name_key(n).split()) > 1)
        ):
            return record
    kind = {"PERSON": "person", "ORG": "organization", "NORP": "group"}.get(mention.label, "group")
    record = ActorRecord(
        id="new-" + _SLUG.sub("-", key).strip("-"), name=name, type=kind, discovered=True
    )
    clusters[record.id] = record
    return record


def _country_from_context(
    mention: Mention, mentions: list[Mention], records: dict[str, ActorRecord], text: str
) -> str | None:
    """'Serbian President Vojislav Kostunica', "Lebanon's new President Elias Hrawi", 'King
    Hassan of Morocco': the country named with an unknown person or body is its country."""
    titles = cue_words("titles")
    for other in mentions:
        states = [
            records[i] for i in other.candidates if i in records and records[i].type == "state"
        ]
        if not states:
            continue
        if mention.start <= other.start and other.end <= mention.end:
            return states[0].country
        if other.end <= mention.start and mention.start - other.end <= 40:
            gap = text[other.end : mention.start].lower().replace("'s", " ").split()
            if all(word.strip(".,") in titles | {"new", "the", "then"} for word in gap):
                return states[0].country
    return None


def _plausible(place: Place, focus: str | None, text: str) -> bool:
    """Abroad, only a place's own name counts, not one of its many alternate names: a small
    town in the report's country missing from the gazetteer must not become a city abroad."""
    if focus is None or place.country == focus or place.feature != "city":
        return True
    return name_key(place.name) == name_key(text) or place.population >= 1_000_000


def _place_score(place: Place, focus: str | None, text: str, anchors: list[Place] = ()) -> float:
    score = math.log10(place.population + 10)
    if place.feature == "country":
        score = 8.0 if name_key(text) == name_key(place.name) or len(text) > 3 else 0.0
    if place.feature not in {"city", "country"}:
        score += FEATURE_BONUS
    if focus and place.country == focus:
        score += FOCUS_BONUS
    if name_key(place.name) == name_key(text):
        score += OWN_NAME_BONUS  # 'Florida' the state, not a town whose old name it was
    if anchors and place.feature == "city":
        nearest = min(km(place.lat, place.lon, a.lat, a.lon) for a in anchors)
        score += NEAR_BONUS * math.exp(-nearest / NEAR_SCALE_KM)
    return score


def _anchors(candidates: list[tuple[Mention, list[Place]]], focus: str | None) -> list[Place]:
    """Places the document names without ambiguity: the others are chosen near them."""
    anchors = []
    for mention, places in candidates:
        found = [p for p in places if p.feature == "city" and _plausible(p, focus, mention.text)]
        if len(found) == 1:
            anchors.append(found[0])
    return anchors


def _focus_country(
    candidates: list[tuple[Mention, list[Place]]],
    records: dict[str, ActorRecord],
    actor_ids: list[str],
) -> str | None:
    votes: Counter[str] = Counter()
    for _mention, places in candidates:
        found = [p for p in places if p.country]
        countries = {p.country for p in found}
        if len(countries) == 1:
            votes[countries.pop()] += 2
        elif found:  # ambiguous: the most populous namesake, with less weight
            votes[max(found, key=lambda p: p.population).country] += 1
    for actor_id in actor_ids:
        record = records.get(actor_id)
        if record and record.country and record.type != "state":
            votes[record.country] += 1
    return max(sorted(votes), key=lambda c: votes[c]) if votes else None


def warm(user_kb: str | None = None) -> None:
    """Build the actor indexes (alias, skeleton, fuzzy) ahead of the first document."""
    actor_index(user_kb)
    actor_matcher(user_kb)


def link(mentions: MentionSet, user_kb: str | None = None) -> LinkedDocument:
    """Stage entry point."""
    records = dict(actor_records(user_kb))
    published = mentions.parsed.document.published
    first_pass = [i for m in mentions.actors for i in m.candidates[:1]]
    # Each place name is looked up once; the focus, the anchors and the choice all use it.
    candidates = [(mention, lookup(mention.text)) for mention in mentions.places]
    focus = _focus_country(candidates, records, first_pass)

    actors: dict[str, LinkedActor] = {}
    actor_of: dict[tuple[int, int], str] = {}
    clusters: dict[str, ActorRecord] = {}
    for mention in mentions.actors:
        ids = [i for i in mention.candidates if i in records]
        if mention.source == "office":  # only whoever held the office on the report's date
            ids = [i for i in ids if published and _valid_on(records[i], published)]
        if ids:
            mention.candidates = ids
            actor_id = _choose(ids, records, published, focus, mention.attached)
            record = records[actor_id]
        else:
            record = _discovered(mention, clusters)
            if record.country is None:
                record.country = _country_from_context(
                    mention, mentions.actors, records, mentions.parsed.normalized.text
                )
            if mention.text not in record.aliases and mention.text != record.name:
                record.aliases.append(mention.text)
            actor_id = record.id
        actors.setdefault(actor_id, LinkedActor(record)).mentions.append(mention)
        actor_of[(mention.start, mention.end)] = actor_id

    for reference in resolve_references(mentions.parsed.doc, actor_of, records):
        if reference.actor_id not in records:
            continue
        anaphor = Mention(
            "actor",
            reference.start,
            reference.end,
            reference.text,
            reference.sentence,
            "coref",
            label="REF",
            candidates=[reference.actor_id],
        )
        present = actors.setdefault(reference.actor_id, LinkedActor(records[reference.actor_id]))
        present.mentions.append(anaphor)
        actor_of[(reference.start, reference.end)] = reference.actor_id

    places = []
    anchors = _anchors(candidates, focus)
    for mention, looked_up in candidates:
        found = [p for p in looked_up if _plausible(p, focus, mention.text)]
        best = (
            max(found, key=lambda p: _place_score(p, focus, mention.text, anchors))
            if found
            else None
        )
        places.append(LinkedPlace(mention, best))
    return LinkedDocument(mentions.parsed, mentions, actors, actor_of, places, focus)
