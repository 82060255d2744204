"""Which named force an event's generic state forces are: the events stage reads a country's
forces by kind ('security forces in a fight are the military'); the relation names the force
the sentence itself names ('Ethiopian National Defense Force troops', 'Iraqi security
forces'). Part of the `relate` stage's relations (`backing`)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from frontlines.clauses import actor_refs
from frontlines.kb import load_data
from frontlines.kb.names import name_key
from frontlines.mentions import actor_records, demonym_country
from frontlines.models import ActorRef, ControlChange, Event, Evidence
from frontlines.relate.speech import reporting_subject
from frontlines.resolve import ResolvedDocument

ARMED_STATE_TYPES = {"military", "police"}  # kinds of a state's armed forces
# events whose two sides oppose each other in the backing graph (a fight, ground taken)
OPPOSING_SUB_EVENTS = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
}
OPPOSING_EVENT_TYPES = {"Battles", "Explosions/Remote violence"}
GROUND_TAKEN = {"Government regains territory", "Non-state actor overtakes territory"}


def named_force(actor_id: str, evidence: Evidence, resolved: ResolvedDocument) -> str:
    """A country's generic forces in an event whose sentence names the force itself
    ('Ethiopian National Defense Force troops open fire'): that force."""
    record = actor_records().get(actor_id)
    if record is None or not actor_id.startswith(f"{record.country}-"):
        return actor_id
    normalized = resolved.linked.parsed.normalized
    kin = []  # the same country's other armed state force ("Iraqi security forces raid X")
    for (start, _), other in sorted(resolved.linked.actor_of.items()):
        linked = resolved.linked.actors.get(other)
        if linked is None or other == actor_id or linked.record.discovered:
            continue
        own = linked.record
        if own.country != record.country:
            continue
        if not evidence.start <= normalized.span(start, start + 1)[0] < evidence.end:
            continue
        if own.type == record.type:
            return other
        if {own.type, record.type} <= ARMED_STATE_TYPES:
            kin.append(other)
    return kin[0] if len(set(kin)) == 1 and not _named(actor_id, resolved) else actor_id


def _named(actor_id: str, resolved: ResolvedDocument) -> bool:
    """Whether the text names the actor itself (not only the events stage's reading)."""
    return actor_id in set(resolved.linked.actor_of.values())


def side_named(ref: ActorRef, evidence: Evidence, resolved: ResolvedDocument) -> str:
    """An event's group that the text names by no name of its own ('hundreds of rebels' read
    as the country's opposition rebels): the side the same words name in the sentence, so
    that the relation holds the text's actor."""
    record = actor_records().get(ref.id)
    state = record is not None and ref.id.startswith(f"{record.country}-")
    if state or _named(ref.id, resolved):
        return ref.id
    words = name_key(ref.text)
    normalized = resolved.linked.parsed.normalized
    doc = resolved.linked.parsed.doc
    for (start, end), other in sorted(resolved.linked.actor_of.items()):
        if not evidence.start <= normalized.span(start, start + 1)[0] < evidence.end:
            continue
        said = name_key(doc.text[start:end])
        if said and (said == words or words.endswith(" " + said)):
            return other
    return ref.id


def country_only(ref: ActorRef) -> bool:
    """A state's forces read from the country's bare name ('border crossings with Iran'):
    the text names no force of it."""
    record = actor_records().get(ref.id)
    if record is None or not ref.id.startswith(f"{record.country}-"):
        return False
    country = actor_records().get(record.country or "")
    names = {name_key(n) for n in (country.name, *country.aliases)} if country else set()
    return name_key(ref.text) in names


def named_as_coded(resolved: ResolvedDocument) -> dict[str, str]:
    """The force a report names ("the Malian Armed Forces (FAMa)") for the generic actor ACLED
    codes it as (Military Forces of Mali), where the report names one such force: "the army"
    in another sentence is the same side, not a second one."""
    named: dict[str, list[str]] = {}
    for actor_id, linked in resolved.linked.actors.items():
        coded = linked.record.acled_as
        if coded and not linked.record.discovered and coded != actor_id:
            named.setdefault(coded, []).append(actor_id)
    return {coded: ids[0] for coded, ids in named.items() if len(ids) == 1}


def names_facility_only(actor_id: str, resolved: ResolvedDocument) -> bool:
    """Every mention of the actor is a word of a facility's name ('captured the Umaliqa
    military base', read as the Giants brigades): a place, not a side that was fought."""
    facilities = frozenset(str(w) for w in load_data("relate.yaml")["control"]["facility_nouns"])
    doc = resolved.linked.parsed.doc
    spans = [
        doc.char_span(start, end, alignment_mode="expand")
        for (start, end), other in resolved.linked.actor_of.items()
        if other == actor_id
    ]
    if not spans or any(span is None for span in spans):
        return False
    for span in spans:
        head = span.root
        while head.dep_ in {"compound", "amod", "nmod"} and head.head != head:
            head = head.head
        if head == span.root or head.lemma_.lower() not in facilities:
            return False
    return True


def no_side(ref: ActorRef, resolved: ResolvedDocument) -> bool:
    """An event's target that is no side fought: a country named by its demonym or bare
    name ('seized a Russian missile system'), or a name inside a facility's."""
    return (
        demonym_country(ref.text) is not None
        or country_only(ref)
        or names_facility_only(ref.id, resolved)
    )


OWN_PRONOUNS = {"its", "their"}


def speakers_force(head: Token, resolved: ResolvedDocument) -> str | None:
    """'Turkey says its military shelled X', where 'military' reads as the report country's
    forces: the speaking country's own forces of that kind (or the country)."""
    if not any(c.dep_ == "poss" and c.lower_ in OWN_PRONOUNS for c in head.children):
        return None
    speaker = reporting_subject(head.head) if head.head != head else None
    if speaker is None:
        return None
    own = [r.id for r in actor_refs(list(head.subtree), resolved)]
    for ref in actor_refs(list(speaker.subtree), resolved):
        record = actor_records().get(ref.id)
        if record is None or record.type != "state":
            continue
        kinds = [a.removeprefix(f"{actor_records()[a].country}-") for a in own if "-" in a]
        forces = [f"{ref.id}-{kind}" for kind in kinds if f"{ref.id}-{kind}" in actor_records()]
        return forces[0] if forces else ref.id
    return None


FORCE_WORDS = {
    "army", "military", "forces", "troops", "soldiers", "personnel", "police", "navy",
    "guard", "guards", "militia", "militiamen", "gendarmes", "gendarmerie",
}  # fmt: skip


def forces_named(ref: ActorRef) -> bool:
    """Whether the words an event's target stands on name armed men of a state ('Turkish
    military personnel', 'Syrian army positions'), not only the place struck."""
    words = set(ref.text.lower().split())
    return named_in_text(ref) and bool(words & FORCE_WORDS)


def inferred_force(ref: ActorRef) -> bool:
    """A country's generic forces standing on no word for a force: the side an event is
    coded against where the text names none (`events.sides.state_other_side`)."""
    generic = ref.id.endswith(("-military", "-police"))
    return generic and not set(ref.text.lower().split()) & FORCE_WORDS and not named_in_text(ref)


def named_in_text(ref: ActorRef) -> bool:
    """Whether the words an event's actor stands on name it ("Israeli warplanes", "the SDF"),
    rather than the act alone ("an airstrike" flown by whoever the knowledge base says)."""
    return any(c.isupper() for c in ref.text)


@cache
def _site_nouns() -> frozenset[str]:
    control = load_data("relate.yaml")["control"]
    return frozenset(str(w) for w in (*control["facility_nouns"], *control["settlement_nouns"]))


def site_named(actor_id: str, resolved: ResolvedDocument) -> bool:
    """A party the mentions stage made of a place's name ('Al-Watiya Air Base', 'the Hamza
    camp'): no knowledge-base party, and its name ends in a facility or settlement noun."""
    present = resolved.linked.actors.get(actor_id)
    if present is None or not present.record.discovered:
        return False
    words = present.record.name.lower().split()
    return bool(words) and words[-1] in _site_nouns()


def told_by_control(event: Event, control: list[ControlChange] | None) -> bool:
    """Whether a control change gives both sides of the ground an event says was taken."""
    starts = {e.start for c in control or [] if c.gained_by and c.lost_by for e in c.evidence}
    return event.sub_event_type in GROUND_TAKEN and event.evidence[0].start in starts
