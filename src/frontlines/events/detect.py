"""Stage `events`: detect event clauses, type them (ACLED and PLOVER), attach who, whom,
where, when and how many, judge modality, and fold one event told twice into one.

Detection is clause-level: every verb (and event noun) that heads a trigger of
`kb/data/events.yaml` in a context the rule accepts is a candidate event. Arguments come from
the dependency parse (`roles`); dates and places are attached to the nearest trigger above them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
import frontlines.events.typer as typer
from frontlines.events.acled_actors import name_as_acled
from frontlines.events.background import is_background
from frontlines.events.classifier import Typing
from frontlines.events.fatalities import fatality_count
from frontlines.events.folding import (
    Draft,
    as_excessive_force,
    fold_clause_family,
    fold_protest,
    fold_twins,
)
from frontlines.events.nonevents import is_no_event, unrealised
from frontlines.events.rules import (
    EventRule,
    SentenceContext,
    candidate_triggers,
    mode_for,
    rule_for,
)
from frontlines.events.sides import (
    as_attack_on_civilians,
    as_battle_on_armed_side,
    state_other_side,
)
from frontlines.events.tolls import coded_toll, lead_carries_toll, place_toll
from frontlines.kb.cues import cue_words
from frontlines.models import ActorRef, Event, Quote
from frontlines.parse import sentences_of
from frontlines.resolve import ResolvedDocument

# PLOVER types that are things said or agreed: their place is only where the text says so.
VERBAL_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "ACCUSE",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "CONCEDE",
    "COOPERATE",
}


def _battle_type(
    rule: EventRule, context: SentenceContext, actor1: ActorRef | None, phrase: str
) -> tuple[str | None, str | None, bool]:
    """(event type, sub-event type, whether fighting is told) of a rule's event: ground taken
    with fighting told, or by a verb of taking by force ("captured", not "entered"), is a
    battle named by who took it, unless the sentence says there was no fight, or says the other
    side left, short of a taking by force under fire ("recaptured ... from rebels who withdrew
    after heavy shelling")."""
    told = bool(rule.battle_if_any) and context.any(rule.battle_if_any)
    forced = phrase.lower() in rule.battle_by_default
    left = bool(rule.battle_left) and context.any(rule.battle_left)
    # ground the other side left is a battle only when it was taken by force under fire
    if (forced or told) and (not left or (forced and told)) and not context.any(rule.battle_none):
        key = "state" if actor1 is not None and actor1.inter == 1 else "non_state"
        pair = rule.battle_types.get(key) or [rule.event_type, rule.sub_event_type]
        return pair[0], pair[1], told
    return rule.event_type, rule.sub_event_type, False


def _is_civilian(ref: ActorRef | None) -> bool:
    return ref is not None and ref.inter == 7


TERRITORY_TAKEN = {
    True: "Government regains territory",
    False: "Non-state actor overtakes territory",
}


def _territory_by_taker(draft: Draft) -> None:
    """ACLED names a battle for ground by who takes it: state forces regain it, anyone else
    overtakes it, whatever the verb ('recaptured' by rebels is still rebels overtaking)."""
    taker = draft.actor1.inter if draft.actor1 else None
    if draft.sub_event_type in TERRITORY_TAKEN.values() and taker is not None:
        draft.sub_event_type = TERRITORY_TAKEN[taker == 1]


def _retype(draft: Draft, resolved: ResolvedDocument) -> None:
    """Adjustments that need the arguments: armed pairs, civilians, protest actors."""
    rule = draft.rule
    country = draft.location.country if draft.location else resolved.linked.focus_country
    if rule.actor_role == "protest":
        protester_kind = "rioters" if draft.event_type == "Riots" else "protesters"
        generic = clauses.generic_actor(country, protester_kind, draft.trigger)
        if draft.actor1 is None or draft.actor1.inter in (1, None):
            state = draft.actor1 if draft.actor1 and draft.actor1.inter == 1 else draft.actor2
            draft.actor1, draft.actor2 = generic, state
    if rule.name == "attack_on_civilians" and draft.actor2 is None:
        draft.actor2 = clauses.victims(draft.trigger, country)
    if rule.actor_role == "finder" and draft.event_type == "Violence against civilians":
        # who found the bodies did not kill them: the killers are unknown, the dead civilians
        draft.actor1 = clauses.generic_actor(country, "unidentified", draft.trigger)
        draft.actor2 = clauses.generic_actor(country, "civilians", draft.trigger)
    if rule.default_actor1 and draft.actor1 is None:
        draft.actor1 = clauses.generic_actor(country, rule.default_actor1, draft.trigger)
    if draft.event_type == "Violence against civilians" and draft.actor1 is None:
        draft.actor1 = clauses.generic_actor(country, "unidentified", draft.trigger)


def _place_and_date(
    drafts: list[Draft],
    resolved: ResolvedDocument,
    beside: list[Draft] | None = None,
) -> None:
    """Each draft's own place, date, modality and evidence, among the triggers `beside` it."""
    triggers = [d.trigger for d in (beside or drafts)]
    for draft in drafts:
        draft.location, draft.place_from_context = clauses.location_of(
            draft.trigger,
            triggers,
            resolved,
            spoken=draft.plover_type in VERBAL_TYPES and draft.event_type is None,
        )
        date = clauses.date_of(draft.trigger, triggers, resolved)
        if date is not None:
            draft.date, draft.date_precision = date.value, date.precision
        draft.modality = clauses.modality_of(draft.trigger)
        _retype(draft, resolved)
        draft.historical = is_background(draft, resolved.linked.parsed.document.published)
        draft.evidence = [clauses.evidence_of(draft.sentence, resolved)]


def _drafts_for_sentence(
    sentence: Span,
    resolved: ResolvedDocument,
    typing: Typing | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Draft]:
    context = SentenceContext(sentence)
    drafts: list[Draft] = []
    candidates = candidate_triggers(sentence)
    typed_verbs: set[int] = set()
    for token in candidates:
        carried = token.dep_ in {"dobj", "attr"}
        if carried and typer.speaks_for(token.head, candidates, typed_verbs):
            continue  # "took control", "launched an attack": the verb speaks for the noun
        matched = rule_for(token, context)
        if matched is None:
            continue
        typed_verbs.add(token.i)
        rule, phrase = matched
        if rule.name == "attack_on_civilians" and not clauses.has_civilian_victims(token):
            continue
        actor1, actor2, assoc1, assoc2 = clauses.actors_of(token, resolved)
        actor1 = actor1 or _speaking_side(token, resolved, quotes)
        if rule.armed_pair and (_is_civilian(actor2) or clauses.has_civilian_victims(token)):
            continue  # civilians are not a side in a battle: let a later rule type it
        if actor1 is None and rule.event_type is None and actor2 is not None:
            actor1, actor2 = actor2, (assoc2[0] if assoc2 else None)  # "in contact with X"
            assoc2 = assoc2[1:]
        if actor1 is None and (rule.event_type is None or rule.territorial or rule.armed_pair):
            continue  # who did it is what makes these events; without an actor they are noise
        event_type, sub_type, fighting = _battle_type(rule, context, actor1, phrase)
        drafts.append(
            Draft(
                rule=rule,
                trigger=token,
                sentence=sentence,
                event_type=event_type,
                sub_event_type=sub_type,
                plover_type=(rule.battle_plover if fighting else None) or rule.plover_type,
                plover_mode=mode_for(rule, context),
                actor1=actor1,
                actor2=actor2,
                assoc1=assoc1,
                assoc2=assoc2,
            )
        )
    if not drafts:
        drafts = _classified_draft(sentence, resolved, typing, quotes)
    if not drafts:
        return []
    _place_and_date(drafts, resolved)
    typed = _typed_by_classifier(fold_clause_family(drafts), typing, resolved, quotes)
    typed = fold_protest(typed)
    _place_and_date([d for d in typed if not d.evidence], resolved, typed)
    for draft in typed:
        if unrealised(draft):
            draft.event_type = draft.sub_event_type = None  # nothing ACLED codes happened yet
    return [d for d in typed if not is_no_event(d, context)]


def _speaking_side(
    trigger: Token, resolved: ResolvedDocument, quotes: Sequence[Quote]
) -> ActorRef | None:
    """'Our forces took the city', said in a quote: the speaker's side did it."""
    if trigger.pos_ != "VERB":
        return None
    subject, passive = clauses.subject_of(trigger)
    if subject is None or passive:
        return None
    ours = subject.lower_ == "we" or (
        subject.lower_ in cue_words("force_words")
        and any(child.lower_ == "our" for child in subject.children)
    )
    side = clauses.speaker_side(trigger, quotes, resolved) if ours else None
    if side is None or side not in resolved.linked.actors:
        return None
    phrase = trigger.doc[subject.left_edge.i : subject.right_edge.i + 1]
    return clauses.ref_for(side, phrase.text, resolved)


def _deed_clause(head: Token) -> Token:
    """The clause that tells a deed: "the bodies belong to civilians, and we are working with
    the Red Crescent" → working. A clause of state stands when no other clause is beside it."""
    if head.lemma_.lower() not in cue_words("stative_verbs"):
        return head
    deeds = [
        c
        for c in head.children
        if c.dep_ in {"conj", "parataxis"}
        and c.pos_ == "VERB"
        and c.lemma_.lower() not in cue_words("stative_verbs")
    ]
    return deeds[0] if deeds else head


def _classified_draft(
    sentence: Span, resolved: ResolvedDocument, typing: Typing | None, quotes: Sequence[Quote]
) -> list[Draft]:
    """An event the rules missed and the classifier is confident of, on the main clause."""
    event_type, sub_type, plover = typer.classified_types(typing)
    if (sub_type is None and plover is None) or not typer.sure_of_new_event(typing):
        return []
    rule = typer.representative_rule(event_type, sub_type, plover)
    token = _deed_clause(typer.anchor(sentence))
    actor1, actor2, assoc1, assoc2 = clauses.actors_of(token, resolved)
    actor1 = actor1 or _speaking_side(token, resolved, quotes)
    if token.pos_ not in {"VERB", "AUX"} and len(sentence) < typer.MIN_VERBLESS_TOKENS:
        return []  # a heading ("A combing operation") is no report of an event
    if actor1 is None and event_type is None and actor2 is not None:
        actor1, actor2 = actor2, None
    return [
        Draft(
            rule=rule,
            trigger=token,
            sentence=sentence,
            event_type=event_type,
            sub_event_type=sub_type,
            plover_type=plover,
            plover_mode=mode_for(rule, SentenceContext(sentence)),
            actor1=actor1,
            actor2=actor2,
            assoc1=assoc1,
            assoc2=assoc2,
            classified=True,
            type_score=typing.acled_score if typing is not None and sub_type else 0.0,
        )
    ]


def _in_relative_clause(token: Token) -> bool:
    current = token
    for _ in range(8):
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBN"):
            return True  # "rockets which were fired", "a missile fired by rebels"
        if current.head == current:
            return False
        current = current.head
    return False


def _typed_by_classifier(
    drafts: list[Draft],
    typing: Typing | None,
    resolved: ResolvedDocument,
    quotes: Sequence[Quote] = (),
) -> list[Draft]:
    """The sentence's main event first, of the type the classifier is confident of: a rule's
    event of that type if there is one, else the main clause's event retyped."""
    event_type, sub_type, plover = typer.classified_types(typing)
    if typer.says_no_event(typing):
        return [d for d in drafts if d.rule.name in typer.rules_over_no_event()]
    if not drafts or (sub_type is None and plover is None):
        return drafts
    ranked = sorted(drafts, key=lambda d: (typer.depth(d.trigger), d.trigger.i))
    if sub_type is not None:
        same = [d for d in ranked if d.sub_event_type == sub_type]
    else:
        same = [d for d in ranked if d.plover_type == plover]
    main = same[0] if same else ranked[0]
    if not same and _in_relative_clause(main.trigger):
        # "forces hunting fighters who had fled": the type is the main clause's, not the
        # relative clause's; the clause's own event stands as the rule found it.
        return _classified_draft(main.sentence, resolved, typing, quotes) + drafts
    leading = [
        d
        for d in ranked
        if not d.classified and typer.heads_main_clause(d.trigger) and typer.rule_leads(d.rule.name)
    ]
    if leading:
        main = leading[0]  # "X accused Y of ...": the main verb's own rule says what it is
        agree = main.plover_type == plover and plover not in VERBAL_TYPES
        if main.event_type is None and sub_type is not None and agree:
            # both read the deed alike ("surrenders": RETREAT) and the classifier, taught on
            # real reports, knows ACLED counts it (a Change to group/activity); words alone
            # (a threat, a demand) are no ACLED event
            main.event_type, main.sub_event_type = event_type, sub_type
        return [main] + [d for d in drafts if d is not main]
    if typer.rule_decides(main.sub_event_type, sub_type, main.rule.name):
        return [main] + [d for d in drafts if d is not main]
    score = typing.acled_score if typing is not None and sub_type is not None else 0.0
    main.type_score = score if not same or main.sub_event_type == sub_type else 0.0
    if not same:
        main.rule = typer.representative_rule(event_type, sub_type, plover)
        main.event_type, main.sub_event_type = event_type, sub_type
        main.plover_mode = mode_for(main.rule, SentenceContext(main.sentence))
        main.classified = True
    if not same or (plover is not None and main.plover_type is None):
        main.plover_type = plover
    if not same:
        _retype(main, resolved)
    if typer.is_promise(main.trigger, main.event_type, main.plover_type):
        main.plover_type, main.plover_mode = "AGREE", None  # "Norway will send troops"
    return [main] + [d for d in drafts if d is not main]


def _time_precision(draft: Draft) -> int:
    if draft.date_precision == "day":
        return 1
    if draft.date_precision == "week" or draft.date is None:
        return 2
    return 3


def _confidence(draft: Draft) -> float:
    score = 0.45 + 0.1 * sum(x is not None for x in (draft.actor1, draft.location, draft.date))
    score += 0.1 if len(draft.evidence) > 1 else 0.0
    return round(min(score, 0.95), 2)


def event_id(document_id: str, number: int) -> str:
    """An event's id: its document's and its place among the document's events."""
    return f"{document_id[:10]}-e{number:02d}"


def detect_events(resolved: ResolvedDocument, quotes: Sequence[Quote] = ()) -> list[Event]:
    """Stage entry point: the events of one document, in order of first evidence. `quotes`
    (from `relate.find_quotes`) tell whose side "our forces" in a quote are."""
    document = resolved.linked.parsed.document
    drafts: list[Draft] = []
    sentences = list(sentences_of(resolved.linked.parsed.doc))
    typings = typer.type_sentences(sentences)
    for index, sentence in enumerate(sentences):
        if typer.reports_nothing(sentence):
            continue  # "(BBC) (Al Jazeera)", "2011 Libyan civil war:": no clause of its own
        found = _drafts_for_sentence(sentence, resolved, typings[index], quotes)
        for draft in found:
            draft.sentence_index = index
        found = place_toll(sentence, found, drafts, index, sentences, resolved)
        for draft in found:
            as_excessive_force(draft)
        drafts += found
    lead_carries_toll(drafts, sentences)
    coded_toll(drafts, sentences)
    events = []
    day = clauses.report_day(resolved)  # the one day the report names, else its publication
    for number, draft in enumerate(fold_twins(drafts), start=1):
        if draft.date is None and document.published and not draft.historical:
            draft.date, draft.date_precision = day.value if day else document.published, "week"
        date = draft.date if draft.date and len(draft.date) == 10 else None
        if draft.date and len(draft.date) == 7:
            date = f"{draft.date}-01"
        elif draft.date and len(draft.date) == 4:
            date = f"{draft.date}-01-01"
        name_as_acled(draft, resolved)
        _territory_by_taker(draft)
        if draft.type_score < typer.SURE_OF_SIDES:  # the classifier, when sure, read the sides
            as_battle_on_armed_side(draft)
            as_attack_on_civilians(draft)
        state_other_side(draft, resolved)  # 'the Taliban captures Nirkh District'
        actor1, actor2 = clauses.with_foreign_inter(draft.location, draft.actor1, draft.actor2)
        events.append(
            Event(
                id=event_id(document.id, number),
                date=date,
                time_precision=_time_precision(draft),
                event_type=draft.event_type,
                sub_event_type=draft.sub_event_type,
                plover_type=draft.plover_type,
                plover_mode=draft.plover_mode,
                actor1=actor1,
                actor2=actor2,
                assoc_actor_1=draft.assoc1,
                assoc_actor_2=draft.assoc2,
                location=draft.location,
                fatalities=fatality_count(draft.fatalities),
                modality=draft.modality,
                historical=draft.historical,
                evidence=draft.evidence,
                confidence=_confidence(draft),
            )
        )
    return events
