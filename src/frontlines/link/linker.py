"""Stage `link`: actor mentions → knowledge-base actors (or discovered ones), place mentions →
gazetteer entries.

Actor linking chooses among the knowledge-base candidates that `mentions` found (exact alias,
then the loose levels of `kb.matching`) by validity on the publication date, the document's
country and the words around the name; a name that matches nothing becomes a discovered actor,
clustered within the document, never dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from frontlines.kb import ActorRecord
from frontlines.kb.countries import countries
from frontlines.kb.cues import cue_words, cues, place_words
from frontlines.kb.divisions import town_named_unit
from frontlines.kb.gazetteer import (
    Place,
    lookup,
)
from frontlines.kb.matching import actor_matcher
from frontlines.kb.names import name_key, skeleton
from frontlines.link.coref import resolve_references
from frontlines.link.country_words import (
    CHAIN_CHARS,
    contains,
    countries_beside,
    country_after,
    named_country,
    within_named_units,
)
from frontlines.link.place_context import NO_ENTRY, PLACED_IN_CONTEXT, at_unit, place_in_context
from frontlines.link.place_scores import most_specific, place_score, plausible, unambiguous_places
from frontlines.mentions import (
    Mention,
    MentionSet,
    actor_index,
    actor_records,
    country_references,
    demonym_country,
    is_demonym,
)
from frontlines.parse import ParsedDocument, text_of

FUZZY_CUTOFF = 90  # rapidfuzz ratio on name keys; below this, variants were mostly wrong
PEOPLES_BONUS = 1.0  # a namesake in the country of a people the report names
CHAIN_BONUS = 6.0  # a namesake in the division the text joins to the name ("X, Y Province")
APPOSITION_MARGIN = 6.0  # "Tacoma, Washington" may overrule the separate choices by this much
DIVISION_BONUS = 1.5  # a namesake in a state or province the document names ("Ohio")
LIST_BONUS = 4.0  # a name listed with a state is a state too ("Idaho and Washington")
_LIST_GAPS = {", ", " and ", " or ", ", and ", ", or "}
_STATES_BEFORE = re.compile(r"\b(?:states|provinces)(?: such as| like| including| of)? $")
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
    kind = (cues().get("generic_forces") or {}).get(attached, "military")
    if attached and record.type == "state" and f"{record.id}-{kind}" in records:
        return f"{record.id}-{kind}"  # "Syrian troops": its army; "Syrian rebels": an armed group
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


def _focus_country(
    candidates: list[tuple[Mention, list[Place]]],
    records: dict[str, ActorRecord],
    actor_ids: list[str],
    text: str,
) -> str | None:
    votes: Counter[str] = Counter()
    seen: set[str] = set()  # a name votes once, however often it is repeated
    conflicts = place_words()["conflict_nouns"]
    for mention, places in candidates:
        if mention.label == "DEMONYM" or is_demonym(mention.text):
            # "a Japanese man" says who, not where; "the Syrian civil war" says where
            after = " ".join(text[mention.end : mention.end + 20].lower().split())
            own = demonym_country(mention.text)
            if own and any(after.startswith(noun) for noun in conflicts):
                votes[own] += 2
            continue
        if name_key(mention.text) in seen:
            continue
        seen.add(name_key(mention.text))
        # A landmark is where the story visits ("went to Disney World"), not its country.
        found = [
            p
            for p in places
            if p.country
            and p.feature not in PLACED_IN_CONTEXT
            and not (p.feature == "city" and town_named_unit(mention.text))  # votes by others
        ]
        countries = {p.country for p in found}
        if len(countries) == 1:
            votes[countries.pop()] += 2
        elif found:  # ambiguous: the likeliest namesake (its own name first), with less weight
            largest = max((p.population for p in found if p.feature == "city"), default=0)
            likeliest = max(
                found, key=lambda p: place_score(p, None, mention.text, largest=largest)
            )
            votes[likeliest.country] += 1
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
    candidates = [
        (mention, [] if mention.label in NO_ENTRY else lookup(mention.text))
        for mention in mentions.places
    ]
    # The user's hint, where the document has one, is the report's country: what the names
    # in it vote for decides only when nobody said.
    text = text_of(mentions.parsed.doc)
    hint = mentions.parsed.document.country
    focus = hint or _focus_country(candidates, records, first_pass, text)

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

    clues = _clue_towns(mentions.clues, focus)
    chosen = _choose_places(candidates, focus, mentions.parsed.normalized.text, clues)
    places = [  # a street or an unknown name in no place the text names is dropped
        LinkedPlace(m, p)
        for (m, _), p in zip(candidates, chosen, strict=True)
        if p is not None or m.label not in NO_ENTRY
    ]
    # The places as chosen say better than their raw namesakes where the report is: the focus
    # handed on (to unnamed forces, "fighters") is voted again from them.
    settled = [  # not the names placed at a town around them: they say nothing new
        (m, [p])
        for (m, _), p in zip(candidates, chosen, strict=True)
        if p is not None and p.feature not in PLACED_IN_CONTEXT
    ]
    focus = hint or _focus_country(settled, records, list(actors), text) or focus
    places += _references_to(focus, mentions)
    return LinkedDocument(mentions.parsed, mentions, actors, actor_of, places, focus)


def _references_to(focus: str | None, mentions: MentionSet) -> list[LinkedPlace]:
    """'SA', 'the Islamic Republic': the report's own country by a short or formal name."""
    country = countries().get(focus) if focus else None
    if country is None:
        return []
    [place, *_] = [p for p in lookup(country.name) if p.feature == "country"] or [None]
    if place is None or place.country != focus:
        return []
    doc = mentions.parsed.doc
    return [LinkedPlace(m, place) for m in country_references(doc, country.names, mentions.places)]


def _clue_towns(clues: list[Mention], focus: str | None) -> list[tuple[Mention, Place]]:
    """The likeliest town of each name inside an organisation's name (`mentions.clues`)."""
    found = []
    for mention in clues:
        towns = [p for p in lookup(mention.text) if p.feature == "city"]
        towns = [p for p in towns if plausible(p, focus, mention.text)]
        if towns:
            found.append((mention, max(towns, key=lambda p: place_score(p, focus, mention.text))))
    return found


def _choose_places(
    candidates: list[tuple[Mention, list[Place]]],
    focus: str | None,
    text: str,
    clues: list[tuple[Mention, Place]] = (),
) -> list[Place | None]:
    """The likeliest entry for each place mention; 'Lexington, Massachusetts' and 'Tacoma,
    Washington' choose the pair where the second holds the first."""
    anchors = unambiguous_places(candidates, focus)
    # "the town of Boni in central Mali", then "Boni" alone: one name, one place per report.
    holders: dict[str, str] = {}
    for mention, _ in candidates:
        holder = country_after(text[mention.end : mention.end + 40])
        if holder:
            holders.setdefault(name_key(mention.text), holder)
    options: list[list[tuple[float, Place]]] = []
    ladder: dict[int, Place] = {}  # names with no entry in the unit the text gives them
    peoples = {
        demonym_country(m.text)
        for m, _ in candidates
        if m.label == "DEMONYM" or is_demonym(m.text)
    } - {None}
    for index, (mention, looked_up) in enumerate(candidates):
        found = most_specific(
            [p for p in looked_up if plausible(p, focus, mention.text)], mention.text
        )
        named = named_country(text[max(0, mention.start - 60) : mention.start])
        if named and any(p.country == named for p in found):  # "the English city of X"
            found = [p for p in found if p.country == named]
        holder = holders.get(name_key(mention.text))
        if holder:  # "the town of Boni in central Mali": not a namesake abroad
            found = [p for p in found if p.country == holder or p.feature == "country"]
        found, units = within_named_units(found, text[mention.end : mention.end + CHAIN_CHARS])
        if not found and units:
            ladder[index] = at_unit(mention.text, units[0])
        divisions = tuple(p for p in found if p.feature in {"region", "county"})
        largest = max((p.population for p in found if p.feature == "city"), default=0)
        scored = [
            (place_score(p, focus, mention.text, anchors, divisions, largest), p) for p in found
        ]
        scored = [  # "Kamianka, Donetsk Oblast": the namesake in the unit named
            (score + CHAIN_BONUS * any(contains(u, p) for u in units), p) for score, p in scored
        ]
        here = countries_beside(candidates, text, mention)  # "Yemen (Al Jawf)": over focus
        scored = [(s + 2 * CHAIN_BONUS * (p.country in here), p) for s, p in scored]
        # "an Israeli settler attacked a family in Bethlehem": the peoples a report names
        # tip a namesake their way, less than any word about the place itself
        scored = [(s + PEOPLES_BONUS * (p.country in peoples), p) for s, p in scored]
        options.append(sorted(scored, key=lambda item: -item[0]))  # stable: first of equals
    chosen = [scored[0][1] if scored else None for scored in options]
    options = _in_context(candidates, options, chosen, text)
    chosen = [scored[0][1] if scored else None for scored in options]
    for i in range(len(candidates) - 1):
        first, second = candidates[i][0], candidates[i + 1][0]
        if text[first.end : second.start] not in {", ", " (", ",  "}:
            continue
        own = name_key(first.text)
        pairs = [
            (s1 + s2, a, b)
            for s1, a in options[i]
            for s2, b in options[i + 1]
            if name_key(a.name) == own and contains(b, a)
        ]
        alone = options[i][0][0] + options[i + 1][0][0] if pairs else 0.0
        if pairs and max(pairs, key=lambda pair: pair[0])[0] >= alone - APPOSITION_MARGIN:
            _score, chosen[i], chosen[i + 1] = max(pairs, key=lambda pair: pair[0])
    for index, place in ladder.items():
        chosen[index] = place
    return place_in_context([m for m, _ in candidates], chosen, text, focus, list(clues))


def _in_context(
    candidates: list[tuple[Mention, list[Place]]],
    options: list[list[tuple[float, Place]]],
    chosen: list[Place | None],
    text: str,
) -> list[list[tuple[float, Place]]]:
    """The options rescored by what the first choices say about the document: a town in a
    state, province or county it names ('Springfield' in a report that names Ohio), a state where
    the name is listed with another ('Colorado, Utah and Washington')."""
    named = {(p.country, p.name) for p in chosen if p is not None and p.feature == "region"}
    counties = [p for p in chosen if p is not None and p.feature == "county"]

    def listed_with_region(i: int, j: int) -> bool:
        a, b = sorted((candidates[i][0], candidates[j][0]), key=lambda m: m.start)
        region = chosen[j] is not None and chosen[j].feature == "region"
        return region and text[a.end : b.start] in _LIST_GAPS

    rescored = []
    for i, scored in enumerate(options):
        states, first = 0, i  # the states listed with it ("Oregon, Idaho and Washington")
        for step in (-1, 1):
            j = i
            while 0 <= j + step < len(candidates) and listed_with_region(j, j + step):
                states, j = states + 1, j + step
            first = j if step == -1 else first
        # A national capital needs a longer list ("Washington and Ohio" is still the capital)
        # unless the list says it is one of states ("states such as California or Washington").
        list_start = candidates[first][0].start
        of_states = bool(_STATES_BEFORE.search(text[max(0, list_start - 40) : list_start]))
        capital = any(p.capital for _score, p in scored)
        listed = states >= (2 if capital and not of_states else 1)
        better = []
        for score, place in scored:
            if place.feature in {"city", "county"} and (
                (place.country, place.admin1) in named or any(contains(c, place) for c in counties)
            ):
                score += DIVISION_BONUS  # in a state or a county the report names
            if listed and place.feature == "region":
                score += LIST_BONUS
            better.append((score, place))
        rescored.append(sorted(better, key=lambda item: -item[0]))
    return rescored
