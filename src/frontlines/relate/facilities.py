"""Facilities taken or left that no gazetteer names: "Bani Walid Airport", "the city's
airport", "the Hamza camp". Part of the `relate` stage's control reading.

A facility noun (airport, air base, camp, dam, oil field, district... in `kb/data/relate.yaml`)
whose own name holds a town's name is placed at that town; "the city's airport" at the last
town named before it. Only towns of the countries the document is about are taken, so a
name that happens to match a far-away town gives nothing.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from frontlines.kb import load_data
from frontlines.kb.gazetteer import lookup
from frontlines.mentions import COMPASS_WORD
from frontlines.models import PlaceMention
from frontlines.parse import char_span, text_of
from frontlines.resolve import ResolvedDocument

TOWN_FEATURES = {"city", "town", "district", "county"}
NEAR_WORDS = {"near", "outside"}
WIDE_FEATURES = {"country", "continent", "region_of_world", "unresolved", "unresolved_region"}


@cache
def _nouns() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("relate.yaml")["control"]["facility_nouns"])


@cache
def _settlements() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("relate.yaml")["control"]["settlement_nouns"])


def _countries(resolved: ResolvedDocument) -> set[str]:
    found = {p.country for p in resolved.place_at.values() if p.country}
    if resolved.linked.focus_country:
        found.add(resolved.linked.focus_country)
    return found


def town_named(words: list[Token], resolved: ResolvedDocument) -> PlaceMention | None:
    """The town named by the longest run of the words, from the first, in the document's
    countries."""
    countries = _countries(resolved)
    for end in range(len(words), 0, -1):
        text = " ".join(t.text for t in words[:end])
        found = [
            p
            for p in lookup(text)
            if p.country in countries and p.feature not in WIDE_FEATURES
        ]
        if found:
            best = max(found, key=lambda p: p.population)
            return PlaceMention(
                text=text,
                start=words[0].idx,
                end=words[end - 1].idx + len(words[end - 1].text),
                name=best.name,
                lat=best.lat,
                lon=best.lon,
                country=best.country,
                feature=best.feature,
            )
    return None


def _last_town_before(token: Token, resolved: ResolvedDocument) -> PlaceMention | None:
    before = [
        place
        for (start, _), place in sorted(resolved.place_at.items())
        if start < token.idx and place.lat is not None and place.feature in TOWN_FEATURES
    ]
    return before[-1] if before else None


def facility_places(tokens: list[Token], resolved: ResolvedDocument) -> list[PlaceMention]:
    """Facilities named over the tokens, each placed at its town."""
    found: list[PlaceMention] = []
    for token in tokens:
        if token.lemma_.lower() not in _nouns() and token.lower_ not in _nouns():
            continue
        if token.dep_ == "compound" and token.head.lemma_.lower() in _nouns():
            continue  # "air" of "air base": the base speaks
        names = sorted(
            (t for c in token.children if c.dep_ in {"compound", "nmod", "amod"}
             for t in c.subtree if t.pos_ == "PROPN"),
            key=lambda t: t.i,
        )
        town = town_named(names, resolved) if names else None
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
        label = text_of(token.doc)[words[0].idx : token.idx + len(token.text)]
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if town is None and owner is not None and owner.lemma_.lower() in _settlements():
            town = _last_town_before(owner, resolved)  # "the city's airport"
            label = f"{town.name or town.text} {token.text}" if town else label
        elif town is None and owner is not None and not names:
            town = _town_at(owner, resolved)  # "Tripoli's former international airport"
            label = f"{town.name or town.text} {token.text}" if town else label
        if town is None and not names:  # "an air base near Sabha": at the town it is near
            town = _town_near(token, resolved)
            label = f"{label} near {town.name or town.text}" if town else label
        if town is None and not names and owner is None:
            # "the police headquarters in the Erebuni District of Yerevan", "the military camp
            # at X": at the town it is in
            town = _town_near(token, resolved, {"in", "at"})
            label = f"{label} in {town.name or town.text}" if town else label
        if town is None and not names and owner is None:
            # "seized the former international airport south of Tripoli": by the town it
            # lies off (within a few tens of km: a facility's point is near its town's)
            town, compass = _town_off(token, resolved)
            label = f"{label} {compass} of {town.name or town.text}" if town else label
        if town is None and names and owner is None:
            town = _town_near(token, resolved, {"in"})  # "the Hanano district in Aleppo"
            if town is None:
                found.append(_unplaced(names, token))  # "the Elephant Field oil field"
                continue
            label = _unplaced(names, token).name or label
        if town is None:
            continue
        found.append(
            town.model_copy(update={"name": label, "text": label, "feature": token.lemma_})
        )
    return found


def _town_near(
    noun: Token, resolved: ResolvedDocument, words: set[str] = NEAR_WORDS
) -> PlaceMention | None:
    """The town a facility is said to be near or outside ('an air base near Sabha'), or in
    ('the Hanano district in eastern Aleppo', at the town's point)."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in words:
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            for (start, end), place in resolved.place_at.items():
                span = char_span(doc, start, end)
                at_town = place.lat is not None and place.feature in TOWN_FEATURES
                if span is not None and span.root == obj and at_town:
                    return place
    return None


_COMPASS = re.compile(rf"^(?:{COMPASS_WORD})$")


def _town_off(noun: Token, resolved: ResolvedDocument) -> tuple[PlaceMention | None, str]:
    """The town a facility is told to lie 'south of', on the noun or on the verb taking it."""
    holders = [noun] + ([noun.head] if noun.dep_ in {"dobj", "pobj"} else [])
    for holder in holders:
        for word in holder.children:
            if word.dep_ not in {"advmod", "amod", "npadvmod"} or not _COMPASS.match(word.lower_):
                continue
            if any(c.dep_ in {"npadvmod", "nummod", "quantmod"} for c in word.children):
                continue  # "a checkpoint 20 km south of Kidal": a point far from the town
            for of in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (g for g in of.children if g.dep_ == "pobj"):
                    town = _town_at(obj, resolved)
                    if town is not None:
                        return town, word.lower_
    return None, ""


def _town_at(root: Token, resolved: ResolvedDocument) -> PlaceMention | None:
    """The town whose name's head is the token, if it has a point."""
    for (start, end), place in resolved.place_at.items():
        span = char_span(root.doc, start, end)
        at_town = place.lat is not None and place.feature in TOWN_FEATURES
        if span is not None and span.root == root and at_town:
            return place
    return None


def _unplaced(names: list[Token], noun: Token) -> PlaceMention:
    """A facility by its own name in no town the document's countries hold: taken by that
    name, with no point ('Elephant Field' of 'the Elephant Field oil field', 'Hamza camp')."""
    last = names[-1]
    end = last if last.lemma_.lower() in _nouns() or last.lower_ in _nouns() else noun
    label = text_of(noun.doc)[names[0].idx : end.idx + len(end.text)]
    return PlaceMention(
        text=label, start=names[0].idx, end=end.idx + len(end.text), name=label,
        feature=noun.lemma_,
    )


def as_facility(root: Token, place: PlaceMention) -> PlaceMention:
    """A town's name heading a facility ('Marib Dam', 'Mitiga airport'): the facility, at the
    town's point, under its own name; any other place as it is."""
    head = root.head
    if root.dep_ != "compound" or head.lemma_.lower() not in _nouns() or head.i <= root.i:
        return place
    first = min((t for t in head.subtree if t.i <= root.i and t.dep_ != "det"), key=lambda t: t.i)
    label = text_of(root.doc)[first.idx : head.idx + len(head.text)]
    return place.model_copy(update={"name": label, "text": label, "feature": head.lemma_})


# the words one facility is called by, told again without its name ("Bagram Airfield ...
# the airbase")
FACILITY_KINDS = (
    {"airport", "airfield", "airbase", "base", "aerodrome"},
    {"camp", "barracks", "garrison"},
    {"port", "harbour", "harbor", "terminal"},
    {"prison", "jail"},
)


def facility_before(heads: list[Token], resolved: ResolvedDocument) -> list[PlaceMention]:
    """'the airbase' with no name of its own, the object of a preposition: the facility of
    that kind named last before it ('Bagram Airfield ... the withdrawal from the airbase')."""
    for head in heads:
        nouns = [head] if head.pos_ == "NOUN" else [g for g in head.children if g.dep_ == "pobj"]
        for noun in nouns:
            word = noun.lemma_.lower()
            kinds = next((k for k in FACILITY_KINDS if word in k), None)
            definite = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in noun.children)
            named = any(c.dep_ in {"compound", "poss"} for c in noun.children)
            if kinds is None or not definite or named:
                continue
            before = [
                place
                for (start, _), place in sorted(resolved.place_at.items())
                if start < noun.idx
                and place.lat is not None
                and (
                    (place.feature or "") in kinds
                    or any(w in kinds for w in (place.name or "").lower().split())
                )
            ]
            if before:
                return [before[-1]]
    return []
