"""Folding in the `events` stage: one real event told by several words of a clause, or
twice in a report (lead and body; "Emirati planes bombed" and "Emirati drones bombed"), becomes
one event with all its evidence.

`Draft` is an event as `events` finds it, before folding and writing out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from frontlines.events.fatalities import sentence_toll
from frontlines.events.rules import EventRule, event_rules
from frontlines.kb.cues import cue_words
from frontlines.kb.gazetteer import km
from frontlines.models import ActorRef, Evidence, Location


@dataclass
class Draft:
    """An event as found, before it is folded with its twins and written out."""

    rule: EventRule
    trigger: Token
    sentence: Span
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc1: list[ActorRef] = field(default_factory=list)
    assoc2: list[ActorRef] = field(default_factory=list)
    location: Location | None = None
    date: str | None = None
    date_precision: str | None = None
    fatalities: list[tuple[int, int, bool]] = field(default_factory=list)  # sentence, count, vague
    modality: str = "asserted"
    historical: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    sentence_index: int = 0
    classified: bool = False  # typed by the classifier, not by the rule that found it
    place_from_context: bool = False  # its place is the last one named before, not its own
    type_score: float = 0.0  # the classifier's probability of the draft's sub-event type


def _dominates(parent: Token, child: Token) -> bool:
    """Whether `child` sits under `parent` in the parse without a coordination between."""
    current = child
    for _ in range(12):
        if current.dep_ == "conj" or current.head == current:
            return False
        current = current.head
        if current == parent:
            return True
    return False


def _compatible(a: Draft, b: Draft) -> bool:
    named = [d.actor1.id for d in (a, b) if not _no_named_doer(d)]
    if len(named) == 2 and named[0] != named[1]:
        return False  # "regained the areas captured by Haftar": two deeds, two doers
    return a.plover_type == b.plover_type or (a.rule.violent and b.rule.violent)


def fold_clause_family(drafts: list[Draft]) -> list[Draft]:
    """One event told by several words of one clause ("a drone strike hit a market, killing
    civilians"; "police fired tear gas to disperse students protesting") is one event, typed
    by the most specific rule among them (the rules file lists the specific ones first)."""
    order = {rule.name: index for index, rule in enumerate(event_rules())}
    kept = list(drafts)
    changed = True
    while changed:
        changed = False
        for parent in kept:
            for child in kept:
                if child is parent or not _compatible(parent, child):
                    continue
                if _dominates(parent.trigger, child.trigger):
                    head, tail = (
                        (parent, child)
                        if order.get(parent.rule.name, 99) <= order.get(child.rule.name, 99)
                        else (child, parent)
                    )
                    _fold(head, tail)
                    head.trigger = parent.trigger  # the clause's head speaks for the family
                    kept.remove(tail)
                    changed = True
                    break
            if changed:
                break
    return kept


def _same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is None or b is None or a.id == b.id


SYMMETRIC_TYPES = {"CONSULT"}
TOWN_REACH_KM = 15  # a district of the town, or its outskirts
GENERIC_SUFFIXES = {
    "unidentified",
    "civilians",
    "protesters",
    "rioters",
}  # a call between A and B is the call between B and A


def _no_named_doer(draft: Draft) -> bool:
    return draft.actor1 is None or draft.actor1.id.endswith("-unidentified")


def _is_toll_of(a: Draft, b: Draft) -> bool:
    """'At least 12 people were killed' after a strike: the toll of that strike, not an
    attack of its own (no named perpetrator, no date of its own, same place, just after)."""
    return (
        a.rule.violent
        and b.rule.violent
        and b.date is None
        and a.location is not None
        and b.sentence_index - a.sentence_index <= 3
        and _no_named_doer(b)
    )


def is_bare_toll(draft: Draft) -> bool:
    """An event the classifier typed in a sentence that names no perpetrator and
    states a death toll: a toll, not an event of its own."""
    if draft.rule.violent and _only_a_toll(draft.sentence):
        return bool(sentence_toll(draft.sentence))
    return (
        draft.classified
        and draft.rule.violent
        and _no_named_doer(draft)
        and bool(sentence_toll(draft.sentence))
    )


def _only_a_toll(sentence: Span) -> bool:
    """'2 soldiers killed.', '5 ANA soldiers and 8 Taliban killed.': a clause that only
    counts the dead or hurt (ACLED's notes give the toll so), whoever they were."""
    verbs = [t for t in sentence if t.pos_ in {"VERB", "AUX"}]
    harm = cue_words("harm_verbs") | {"be"}
    if not verbs or any(t.lemma_.lower() not in harm for t in verbs):
        return False
    subjects = [t for v in verbs for t in v.children if t.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(
        any(c.dep_ == "nummod" for c in s.children) or s.like_num for s in subjects
    )


def _place_name(draft: Draft) -> str | None:
    return draft.location.name if draft.location else None


def _near(a: Draft, b: Draft) -> bool:
    """b names no place, the same place, or one within a town's reach of a's."""
    if b.location is None or b.place_from_context or _place_name(a) == _place_name(b):
        return True
    here, there = a.location, b.location
    if here is None or here.lat is None or there.lat is None:
        return False
    return km(here.lat, here.lon, there.lat, there.lon) <= TOWN_REACH_KM


def _elaborates(a: Draft, b: Draft) -> bool:
    """'Russian forces shelled Kherson ...' then 'a house in the Dniprovskyi district was
    hit': the same attack told in detail (no doer of its own, no date of its own, the same
    kind of violence or the damage it did, close by, just after), not another one."""
    damage = (b.sub_event_type or "").lower() in cue_words("attack_damage")
    return (
        a.rule.violent
        and (b.rule.violent or damage)
        and a.event_type is not None
        and (a.event_type == b.event_type or damage)
        and b.date is None
        and a.historical == b.historical
        and 0 < b.sentence_index - a.sentence_index <= 3
        and _no_named_doer(b)
        and _near(a, b)
    )


def _same_event(a: Draft, b: Draft) -> bool:
    if _is_toll_of(a, b) and _place_name(a) == _place_name(b):
        return True
    if _elaborates(a, b):
        return True
    same_type = (a.event_type, a.sub_event_type, a.plover_type) == (
        b.event_type,
        b.sub_event_type,
        b.plover_type,
    )
    if not same_type and not (a.rule.territorial and b.rule.territorial):
        return False
    if a.historical != b.historical:
        return False
    if _place_name(a) != _place_name(b):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.event_type is None and a.plover_type in SYMMETRIC_TYPES:
        return a.plover_mode == b.plover_mode
    return _same_actor(a.actor1, b.actor1) or (
        a.actor1 is not None and b.actor1 is not None and a.actor1.country == b.actor1.country
    )


def _is_generic(ref: ActorRef) -> bool:
    """ACLED's placeholder classes: never an associate of a named actor."""
    return ref.id.rsplit("-", 1)[-1] in GENERIC_SUFFIXES


def _fold(into: Draft, other: Draft) -> None:
    into.evidence += [e for e in other.evidence if e not in into.evidence]
    if into.actor1 is None or (_is_generic(into.actor1) and other.actor1 is not None):
        into.actor1 = other.actor1
    into.actor2 = into.actor2 or other.actor2
    extra = [other.actor1] if other.actor1 is not None else []
    for ref in other.assoc1 + extra:
        known = {r.id for r in into.assoc1} | ({into.actor1.id} if into.actor1 else set())
        if ref.id not in known and not _is_generic(ref):
            into.assoc1.append(ref)
    into.location = into.location or other.location
    if into.date is None:
        into.date, into.date_precision = other.date, other.date_precision
    into.fatalities += other.fatalities
    if "asserted" in (into.modality, other.modality):
        into.modality = "asserted"


def _is_vague_place(draft: Draft) -> bool:
    return draft.location is None or draft.location.geo_precision == 3


def _takes_many(trigger: Token) -> bool:
    """'took control of the towns and cities of the west', 'most parts of the north'."""
    after = [t for c in trigger.children if c.i > trigger.i for t in c.subtree]
    return any(t.lower_ in cue_words("collective_place_words") for t in after)


TERRITORY_TYPES = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


def _territorial(draft: Draft) -> bool:
    """Ground changing hands, whether a rule found it or the classifier typed it so."""
    return draft.rule.territorial or draft.sub_event_type in TERRITORY_TYPES


def _summarises(summary: Draft, town: Draft) -> bool:
    """'Forces took control of the towns of the west' beside 'they took X' and 'entered Y':
    the same doer's gains told as a whole, not a gain of its own."""
    return (
        _territorial(summary)
        and _territorial(town)
        and _is_vague_place(summary)
        and _takes_many(summary.trigger)
        and not _is_vague_place(town)
        and summary.actor1 is not None
        and town.actor1 is not None
        and summary.actor1.id == town.actor1.id
        and summary.historical == town.historical
        and (summary.date is None or town.date is None or summary.date == town.date)
    )


def fold_twins(drafts: list[Draft]) -> list[Draft]:
    """One event told twice in a report is one event; a summary of a doer's territorial
    gains joins the first of the gains it sums up."""
    kept: list[Draft] = []
    for draft in drafts:
        for earlier in kept:
            if _same_event(earlier, draft):
                _fold(earlier, draft)
                break
        else:
            kept.append(draft)
    for summary in list(kept):
        town = next((d for d in kept if d is not summary and _summarises(summary, d)), None)
        if town is not None:
            _fold(town, summary)
            kept.remove(summary)
    return kept


INTERVENED = ("Protest with intervention", "Excessive force against protesters")
MET_BY_FORCE = ("Peaceful protest", "Arrests")


def fold_protest(drafts: list[Draft]) -> list[Draft]:
    """A protest and what the police did to it, told in one sentence ("four people were
    detained during an attempt to protest", "police dispersed the march, arresting 15"), are
    one event as ACLED codes it: the protest with intervention (or the excessive force)."""
    met = [d for d in drafts if d.sub_event_type in INTERVENED]
    protest = next((d for d in drafts if d.sub_event_type == "Peaceful protest"), None)
    arrests = [d for d in drafts if d.sub_event_type == "Arrests"]
    if not met and protest is not None and arrests:
        protest.sub_event_type = INTERVENED[0]  # protesters arrested: an intervention
        met = [protest]
    if not met:
        return drafts
    into = met[0]
    if (
        into.sub_event_type == INTERVENED[0]
        and into.actor1 is not None
        and into.actor1.inter in (1, 2, 3)
    ):
        # the force that met the protest is its actor2; the crowd, named later, actor1
        into.actor1, into.actor2 = None, into.actor2 or into.actor1
    for other in [d for d in drafts if d.sub_event_type in MET_BY_FORCE and d is not into]:
        actors = into.actor1, into.actor2
        _fold(into, other)
        into.actor1, into.actor2 = actors[0], actors[1] or into.actor2  # the crowd stays
        drafts = [d for d in drafts if d is not other]
    return drafts


def as_excessive_force(draft: Draft) -> None:
    """A protest met by force that kills, or by live ammunition, is ACLED's excessive force
    against protesters, not a protest with intervention; a protest whose crowd fights, throws
    stones or burns ("violent protests erupted", "protesters clashed with police") is a
    violent demonstration (in place)."""
    said = draft.sentence.text.lower()
    sentence = draft.sentence
    colons = [t.i for t in sentence if t.text == ":" and t.i < draft.trigger.i]
    clause = sentence.doc[colons[-1] + 1 : sentence.end] if colons else sentence
    # after any heading before it ("Northern Rakhine State clashes: ...")
    if draft.sub_event_type in ("Peaceful protest", INTERVENED[0]) and any(
        _crowd_violence(t) for t in clause
    ):
        draft.event_type, draft.sub_event_type = "Riots", "Violent demonstration"
        return
    if draft.sub_event_type == INTERVENED[1] and not _protest_told(draft.sentence):
        # "security forces shoot dead ten people in Homs": no protest is told, so no force
        # against protesters, but an attack on civilians
        draft.event_type, draft.sub_event_type = "Violence against civilians", "Attack"
        return
    if draft.sub_event_type == INTERVENED[1] and any(_crowd_violence(t) for t in clause):
        # "a protester and a policeman were killed during clashes": deaths in a fight the
        # crowd took part in (training part: 35 Violent demonstrations to 4 where no
        # shooting is told)
        draft.event_type, draft.sub_event_type = "Riots", "Violent demonstration"
        return
    if draft.sub_event_type != INTERVENED[0]:
        return
    lethal = any(value > 0 for _, value, _ in draft.fatalities) or any(
        phrase in said for phrase in cue_words("lethal_force_phrases")
    )
    if lethal:
        draft.sub_event_type, draft.plover_type = INTERVENED[1], "ASSAULT"


def _protest_told(sentence: Span) -> bool:
    """Whether the sentence, or the heading just before it ("2018 Gaza border protests:"),
    tells of a protest."""
    words = cue_words("protest_words")
    tokens = list(sentence)
    before = sentence.doc[: sentence.start]
    if len(before) and before[-1].text == ":":
        tokens += list(before[-1].sent)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)


def _crowd_violence(token: Token) -> bool:
    """A word that says the crowd was violent: not 'riot police', not what the police did
    'violently'; 'violent' only of the protest itself ('violent protests', 'turned violent')."""
    words = cue_words("crowd_violence")
    if token.lemma_.lower() not in words and token.lower_ not in words:
        return False
    if token.lower_ == "riot" and token.dep_ == "compound":
        return False  # "riot police"
    if token.lower_ == "violent":
        return token.head.lemma_.lower() in cue_words("violent_of")
    return True
