"""Who flew an air or drone strike the report attributes to no one.

"A drone strike kills 20 people in North Waziristan", "airstrikes kill twelve in Gaza": the
text names no doer, but only one side flies over the country at the time, and ACLED codes
that side (`kb/data/air_operators.yaml`). Elsewhere, or where several air forces share the
sky, the strike stays an unidentified armed group's.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

import frontlines.clauses as clauses
from frontlines.events.folding import Draft
from frontlines.kb.base import load_data
from frontlines.mentions import actor_records
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

AIR_STRIKE = "Air/drone strike"


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], tuple[dict, ...]]:
    data = load_data("air_operators.yaml") or {}
    words = frozenset(str(w).lower() for w in data.get("drone_words") or [])
    return words, tuple(data.get("operators") or [])


def is_drone_strike(sentence: Span) -> bool:
    """Whether the sentence tells of drones ('a U.S. drone', 'UAVs'), not warplanes."""
    words, _ = _table()
    return any(t.lower_ in words or t.lemma_.lower() in words for t in sentence)


def air_operator(country: str | None, published: object, drone: bool) -> str | None:
    """The id of the actor who flies strikes over the country on the day, by the weapon
    ('drone' or warplanes), where one does; None elsewhere."""
    if not country:
        return None
    day = str(published or "")[:10]
    strike = "drone" if drone else "air"
    for entry in _table()[1]:
        if entry.get("country") != country or entry.get("strike", strike) != strike:
            continue
        start, end = entry.get("from"), entry.get("to")
        if day and (start and day < str(start) or end and day > str(end)):
            continue
        return str(entry["actor"])
    return None


def unattributed_strike_doer(
    draft: Draft, country: str | None, resolved: ResolvedDocument
) -> ActorRef | None:
    """The side that flies over the event's country, for an air or drone strike whose doer
    is nobody or an unidentified armed group of that country; None where no table entry fits
    or the doer is named."""
    actor1 = draft.actor1
    if draft.sub_event_type != AIR_STRIKE or not country:
        return None
    if actor1 is not None and actor1.id != f"{country}-unidentified":
        return None
    published = resolved.linked.parsed.document.published
    operator = air_operator(country, published, is_drone_strike(draft.sentence))
    if operator is None or operator not in actor_records():
        return None
    said = actor1.text if actor1 is not None else draft.trigger.text
    return clauses.ref_for(operator, said, resolved)
