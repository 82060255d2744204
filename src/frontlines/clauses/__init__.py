"""Reading one clause of a parsed, resolved report: who acts on whom (`roles`) and where, when,
how surely and on whose word (`circumstances`). Both the events stage and the relate stage read
clauses this way, so the readers live here, below them both."""

from frontlines.clauses.circumstances import (
    date_of,
    deed_date,
    disaster_told,
    evidence_of,
    harm_by_hazard,
    industrial_accident,
    modality_of,
    report_day,
    speaker_side,
)
from frontlines.clauses.event_place import location_of, origin_of
from frontlines.clauses.roles import (
    actor_refs,
    actors_of,
    agent_of,
    force_kind,
    generic_actor,
    has_civilian_victims,
    phrase_tokens,
    ref_for,
    subject_of,
    victims,
    with_conjuncts,
    with_foreign_inter,
)

__all__ = [
    "actor_refs",
    "actors_of",
    "agent_of",
    "date_of",
    "deed_date",
    "evidence_of",
    "force_kind",
    "generic_actor",
    "disaster_told",
    "harm_by_hazard",
    "industrial_accident",
    "has_civilian_victims",
    "location_of",
    "report_day",
    "modality_of",
    "origin_of",
    "phrase_tokens",
    "ref_for",
    "speaker_side",
    "subject_of",
    "victims",
    "with_conjuncts",
    "with_foreign_inter",
]
