"""The force and the crowd of a protest met by force, as ACLED orders them.

A protest with intervention is the protest's: the crowd actor1, the force actor2. Excessive
force against protesters is the force's: the force actor1, the crowd actor2. Where the text
names no force it is the police (the army where a state's crackdowns were its army's); a state
named as a whole ('the Syrian government continues its crackdown') is its forces, and a person
the text names ('Protestor Azzam Aweida dies of injuries') is the one harmed, not the force.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.events.actor_country import generic_ref
from frontlines.events.doers import STATE_FORCE_SUFFIXES, army_meets_crowds, state_force_named
from frontlines.events.folding import Draft
from frontlines.kb.cues import cue_words
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument


def is_state(ref: ActorRef | None) -> bool:
    """The country itself as a party ('Israel', 'the United States'), not one of its forces."""
    return ref is not None and ref.country is not None and ref.id == ref.country


def either_force(ref: ActorRef | None, sentence: Span) -> bool:
    """'Security forces': the military or the police, by what they do in the event."""
    if ref is None or ref.country is None or ref.id != f"{ref.country}-military":
        return False
    said = sentence.text.lower()
    head = ref.text.lower().split()[-1] if ref.text.strip() else ""
    return any(p.endswith(head) and p in said for p in cue_words("either_force_words"))


def discovered_person(ref: ActorRef | None, resolved: ResolvedDocument) -> bool:
    """A person the knowledge base does not know: in a report of violence, the named victim
    or a name the tagger took for one ('near the Weheliye hotel'), never the armed party."""
    linked = resolved.linked.actors.get(ref.id) if ref is not None else None
    return linked is not None and ref.id.startswith("new-") and linked.record.type == "person"


def force_met_by_crowd(draft: Draft, country: str, resolved: ResolvedDocument) -> None:
    """'Police fired tear gas at protesters': ACLED codes a protest met by force as the
    protest, the crowd actor1 and the force actor2 (the police where the text names none)."""
    actor1, actor2 = draft.actor1, draft.actor2
    crowd_second = is_crowd(actor2)
    if actor1 is not None and actor1.inter == 1 and (crowd_second or actor2 is None):
        draft.actor1 = actor2 or clauses.generic_actor(country, "protesters", draft.trigger)
        draft.actor2 = actor1
    elif draft.actor2 is None and draft.actor1 is not None:
        draft.actor2 = generic_ref(country, "police", draft.trigger.text, resolved)


def is_crowd(ref: ActorRef | None) -> bool:
    return ref is not None and ref.id.endswith(("-protesters", "-rioters"))


def force_on_crowd(draft: Draft, country: str, resolved: ResolvedDocument) -> None:
    """'Troops opened fire on protesters, killing four': the force is actor1 (the police where
    the text names none) and the crowd actor2."""
    if is_crowd(draft.actor1) and not is_crowd(draft.actor2):
        draft.actor1, draft.actor2 = draft.actor2, draft.actor1
    if is_state(draft.actor1):  # 'the Syrian government continues its crackdown': its police
        said = draft.actor1.text
        draft.actor1 = generic_ref(draft.actor1.country, "police", said, resolved) or draft.actor1
    if discovered_person(draft.actor1, resolved):
        draft.actor1 = None  # 'Protestor Azzam Aweida dies of injuries': the one harmed
    unnamed = draft.actor1 is None or draft.actor1.id == f"{country}-unidentified"
    if unnamed and draft.actor2 is not None and draft.actor2.id.endswith(STATE_FORCE_SUFFIXES):
        draft.actor1, draft.actor2 = draft.actor2, None  # 'killed when police fired on ...'
    if draft.actor1 is None or draft.actor1.id == f"{country}-unidentified":
        # the force the sentence names ('after soldiers open fire'), else the police
        named = state_force_named(draft, country, resolved)
        if named is not None and either_force(named, draft.sentence):
            named = generic_ref(named.country or country, "police", named.text, resolved) or named
        draft.actor1 = named or generic_ref(country, "police", draft.trigger.text, resolved)
    unnamed_police = draft.actor1 is not None and draft.actor1.id == f"{country}-police"
    published = resolved.linked.parsed.document.published
    if unnamed_police and army_meets_crowds(country, published, draft.actor1.text):
        draft.actor1 = generic_ref(country, "military", draft.actor1.text, resolved)
    if draft.actor2 is None:
        draft.actor2 = clauses.generic_actor(country, "protesters", draft.trigger)


PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})


def named_as_place(ref: ActorRef | None, sentence: Span, resolved: ResolvedDocument) -> bool:
    """Whether a state the event took for its doer is named in the sentence only as where it
    happened: 'in Västerås, Sweden', 'In Baghdad, Iraq multiple suicide bombings go off', 'in
    Laghman Province, Afghanistan' (a country after a place it holds, or after 'in')."""
    if not is_state(ref) or not ref.text.strip():
        return False
    last = ref.text.split()[-1]
    mentions = [t for t in sentence if t.text == last]
    spans = list(resolved.place_at)

    def a_place(token: Token) -> bool:
        return any(start <= token.idx < end for start, end in spans)

    def where(token: Token) -> bool:
        if not a_place(token):
            return False
        if token.dep_ == "pobj":
            return token.head.lower_ in PLACE_PREPOSITIONS
        after_place = token.i > 0 and token.nbor(-1).text == "," and a_place(token.nbor(-2))
        # 'in Laghman Province, Afghanistan killing 3': parsed as the participle's subject
        participle = token.dep_ == "nsubj" and token.head.tag_ == "VBG"
        return after_place and (token.dep_ not in {"nsubj", "nsubjpass"} or participle)

    return bool(mentions) and all(where(t) for t in mentions)


def subject_elsewhere(ref: ActorRef | None, draft: Draft) -> bool:
    """Whether a state taken for the doer is named only as the subject of another clause than
    the event's ('after a grenade attack in Benghazi, as Italy announces the withdrawal of its
    consulate'): its verb's words hold not the event's trigger ('Turkey says it has destroyed
    ...' does)."""
    if not is_state(ref) or not ref.text.strip():
        return False
    last = ref.text.split()[-1]
    mentions = [t for t in draft.sentence if t.text == last]
    trigger = draft.trigger

    def elsewhere(token: Token) -> bool:
        if token.dep_ != "nsubj" or token.head.pos_ not in {"VERB", "AUX"}:
            return False
        verb = token.head
        return not (verb.left_edge.i <= trigger.i <= verb.right_edge.i)

    return bool(mentions) and all(elsewhere(t) for t in mentions)
