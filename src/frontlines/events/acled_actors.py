"""Actors as ACLED names them, once an event's type is settled.

A state acting by force is its forces: its military in battles, explosions and violence against
civilians, its police where it arrests or meets protesters ("Russia arrests two men" is Police
Forces of Russia); in other strategic developments (a curfew, an accord) it is its government.
A crowd is protesters or rioters by what the event says it did, and stays actor1 where a force
meets it (the force is actor2). Violence whose doer goes unnamed ("a roadside bomb kills ...")
is an Unidentified Armed Group, and its unnamed victims Civilians, of the event's country —
and of no country the text does not give.
"""

from __future__ import annotations

import frontlines.clauses as clauses
from frontlines.events.folding import Draft
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

FORCE_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
FORCE_SUB_TYPES = {"Disrupted weapons use", "Headquarters or base established"}
POLICE_SUB_TYPES = {"Arrests", "Protest with intervention", "Excessive force against protesters"}
UNNAMED_DOER_EVENT_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
CROWDS = {"Protests": "protesters", "Riots": "rioters"}
FORCE_ON_CROWDS = {"Excessive force against protesters", "Protest with intervention"}
HARM_TO_CIVILIANS = {"Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence"}


def _is_state(ref: ActorRef | None) -> bool:
    """The country itself as a party ('Israel', 'the United States'), not one of its forces."""
    return ref is not None and ref.country is not None and ref.id == ref.country


def _forces(draft: Draft, role: str) -> str | None:
    """Which of a state's generated actors acts in the draft's event, if one does."""
    if draft.sub_event_type in POLICE_SUB_TYPES:
        return "police" if role == "actor1" else None
    if draft.event_type in FORCE_EVENT_TYPES or draft.sub_event_type in FORCE_SUB_TYPES:
        return "military"
    if draft.event_type == "Strategic developments" and role == "actor1":
        return "government"  # a curfew, a ban, an accord: the state as civil authority
    return None


def _generic(country: str, kind: str, text: str, resolved: ResolvedDocument) -> ActorRef | None:
    try:
        return clauses.ref_for(f"{country}-{kind}", text, resolved)
    except KeyError:  # no such generated actor for this code
        return None


def name_as_acled(draft: Draft, resolved: ResolvedDocument) -> None:
    """Rename the draft's actors as ACLED's codebook names them (in place)."""
    for role in ("actor1", "actor2"):
        ref = getattr(draft, role)
        forces = _forces(draft, role) if _is_state(ref) else None
        if ref is not None and forces:
            setattr(draft, role, _generic(ref.country, forces, ref.text, resolved) or ref)
    crowd = CROWDS.get(draft.event_type or "")
    actor1 = draft.actor1
    if crowd and actor1 is not None and actor1.country:
        other = "rioters" if crowd == "protesters" else "protesters"
        if actor1.id == f"{actor1.country}-{other}":
            draft.actor1 = _generic(actor1.country, crowd, actor1.text, resolved) or actor1
    # The event's own country, else the one the report's place names and parties vote for
    # (or the user's hint); with neither, no country is invented.
    country = draft.location.country if draft.location else resolved.linked.focus_country
    if not country:
        return
    if draft.actor1 is None and crowd:
        draft.actor1 = clauses.generic_actor(country, crowd, draft.trigger)
    if draft.sub_event_type in FORCE_ON_CROWDS:
        _force_met_by_crowd(draft, country, resolved)
    if draft.actor1 is None and draft.event_type in UNNAMED_DOER_EVENT_TYPES:
        draft.actor1 = clauses.generic_actor(country, "unidentified", draft.trigger)
    if draft.actor2 is None and draft.sub_event_type in HARM_TO_CIVILIANS:
        # violence against civilians is so by its targets, whatever words name them
        draft.actor2 = clauses.generic_actor(country, "civilians", draft.trigger)


def _force_met_by_crowd(draft: Draft, country: str, resolved: ResolvedDocument) -> None:
    """'Police fired tear gas at protesters': ACLED codes a protest met by force as the
    protest, the crowd actor1 and the force actor2 (the police where the text names none)."""
    actor1, actor2 = draft.actor1, draft.actor2
    crowd_second = actor2 is not None and actor2.id.endswith(("-protesters", "-rioters"))
    if actor1 is not None and actor1.inter == 1 and (crowd_second or actor2 is None):
        draft.actor1 = actor2 or clauses.generic_actor(country, "protesters", draft.trigger)
        draft.actor2 = actor1
    elif draft.actor2 is None and draft.actor1 is not None:
        draft.actor2 = _generic(country, "police", draft.trigger.text, resolved)
