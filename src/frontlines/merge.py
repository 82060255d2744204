"""Stage `merge`: what several documents say about the same thing becomes one thing.

Discovered actors (names the knowledge base lacks) are unified across documents: a name
already stored under another document's spelling ("Hifter" after "Haftar") takes that actor's
id. Events: two reports' events are one real-world event when `same_event` says so (the
store asks it of the stored events near in date); the store keeps every report's version.
"""

from __future__ import annotations

import datetime as dt

from frontlines.kb.countries import is_generic_class
from frontlines.kb.gazetteer import km
from frontlines.kb.matching import closest_spelling, translit_key
from frontlines.models import Event, Extraction

# Two reports' events are one when their places are this close. Reports name the same
# strike by the town, a district of it or a nearby village; 25 km covers a town and its
# surroundings (ACLED's geo_precision 2) without joining neighbouring towns' events.
MERGE_KM = 25.0
MERGE_DAYS = 1

ID_FIELDS = {"id", "source", "target", "actor", "gained_by", "lost_by"}


def discovered_keys(names: list[str]) -> set[str]:
    """Spelling keys under which a discovered actor is found again."""
    return {translit_key(name) for name in names if len(translit_key(name)) >= 4}


def _rename(value: object, renames: dict[str, str]) -> object:
    if isinstance(value, dict):
        return {
            key: (
                renames.get(item, item)
                if key in ID_FIELDS and isinstance(item, str)
                else _rename(item, renames)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rename(item, renames) for item in value]
    return value


def unify_discovered(extraction: Extraction, known: dict[str, str]) -> Extraction:
    """Give each discovered actor the id it already has in the store, matched by spelling key.

    `known` maps spelling keys of stored discovered actors' names to their ids.
    """
    renames: dict[str, str] = {}
    keys = sorted(known)
    for actor in extraction.actors:
        if not actor.id.startswith("new-"):
            continue
        for key in sorted(discovered_keys([actor.name, *actor.aliases])):
            match = closest_spelling(key, keys)
            if match is not None and known[match] != actor.id:
                renames[actor.id] = known[match]
                break
    if not renames:
        return extraction
    data = _rename(extraction.model_dump(), renames)
    merged: dict[str, dict] = {}
    for actor in data["actors"]:  # two local actors may now be one
        if actor["id"] in merged:
            kept = merged[actor["id"]]
            kept["aliases"] = list(dict.fromkeys(kept["aliases"] + actor["aliases"]))
            kept["mentions"] += actor["mentions"]
        else:
            merged[actor["id"]] = actor
    data["actors"] = list(merged.values())
    return Extraction.model_validate(data)


def _named(actor_id: str | None) -> bool:
    return actor_id is not None and not is_generic_class(actor_id)


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def same_event(a: Event, b: Event) -> bool:
    """Whether two reports' events are one real-world event: compatible type, places within
    MERGE_KM, dates within MERGE_DAYS, and actors that do not contradict each other."""
    if not a.date or not b.date or len(a.date) < 10 or len(b.date) < 10:
        return False
    if _days_apart(a.date, b.date) > MERGE_DAYS:
        return False
    if a.event_type or b.event_type:
        if a.event_type != b.event_type:
            return False
    elif a.plover_type != b.plover_type:
        return False
    la, lb = a.location, b.location
    if la is None or lb is None or la.lat is None or lb.lat is None:
        return False
    if km(la.lat, la.lon, lb.lat, lb.lon) > MERGE_KM:
        return False
    first = {r.id for r in (a.actor1, a.actor2) if r is not None and _named(r.id)}
    second = {r.id for r in (b.actor1, b.actor2) if r is not None and _named(r.id)}
    named_a1 = a.actor1 is not None and _named(a.actor1.id)
    named_b1 = b.actor1 is not None and _named(b.actor1.id)
    return not (named_a1 and named_b1) or bool(first & second)


def conservative_fatalities(figures: list[int]) -> int:
    """ACLED's rule across reports: the lowest figure any report gives; 0 when none gives one."""
    given = [f for f in figures if f > 0]
    return min(given) if given else 0
