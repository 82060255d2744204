"""Judging whether what the `events` stage found is an event at all: an act told as not
(yet) done ("will leave", "may have been killed"), a disaster or an accident, fire at nobody,
a chase with no fight, a sentence that only says how things are, a change with no doer.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
import frontlines.events.typer as typer
from frontlines.events.fatalities import sentence_toll
from frontlines.events.folding import Draft
from frontlines.events.rules import NOUN_TRIGGER_PREPOSITIONS, SentenceContext, trigger_words
from frontlines.kb import load_data
from frontlines.kb.cues import cue_words


def unrealised(draft: Draft) -> bool:
    """Whether the act is told as not (yet) done: planned ("will leave", "plans to deploy"),
    threatened ("vows to find"), hypothetical ("may have been killed") or denied, and of an
    ACLED type that needs it done (an Agreement announced, a plot foiled, are done; an
    attempt, "tried to storm", is an act)."""
    if draft.event_type is None:
        return False
    if _told_ahead(draft.trigger) and draft.sub_event_type not in _taxonomy_list("intended_acts"):
        return True
    if draft.modality not in UNREALISED_MODALITIES:
        return False
    verb = draft.trigger if draft.trigger.pos_ in {"VERB", "AUX"} else draft.trigger.head
    if verb not in {typer.anchor(draft.sentence), typer.act_of(draft.sentence)}:
        return False  # "... murdered; the children are not hit": the main act happened
    if draft.sub_event_type in _taxonomy_list("intended_acts"):
        return False
    attempts = cue_words("attempt_verbs")
    governors = list(draft.trigger.ancestors)[:6]
    return draft.modality != "planned" or not any(t.lemma_.lower() in attempts for t in governors)


def _told_ahead(trigger: Token) -> bool:
    """An infinitive that tells an act to come: 'the U.S. is to deploy troops', a heading's
    'chief says fighters to withdraw'; not one a verb says was done or ordered ('forced to
    withdraw', 'ordered troops to withdraw'), nor a purpose ('launch an offensive to capture')."""
    if trigger.pos_ != "VERB" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ):
        return False
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ == "be":
        return True
    own_subject = any(c.dep_ == "nsubj" for c in trigger.children)
    said = trigger.head.lemma_.lower() in cue_words("reporting_verbs")
    return own_subject and said and trigger.dep_ == "ccomp"


UNREALISED_MODALITIES = {"planned", "threatened", "hypothetical", "denied"}


def _taxonomy_list(key: str) -> frozenset[str]:
    return frozenset(str(v) for v in load_data("event_taxonomy.yaml").get(key) or ())


HARM_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# What a pursuit is not by itself: a fight, or ground taken.
FIGHT_TYPES = {
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


def is_no_event(draft: Draft, context: SentenceContext) -> bool:
    """What a rule or the classifier took for an event and the sentence shows is none."""
    aimless = (
        draft.rule.violent
        and draft.rule.actor_role != "protest"
        and draft.actor2 is None
        and context.any(tuple(cue_words("aimless_fire")))
        and not _fired_at(draft.sentence)
    )
    if aimless and not sentence_toll(draft.sentence):
        return True  # "others opened fire in the air": nobody was attacked
    tested = draft.rule.violent and context.any(tuple(cue_words("weapon_test_words")))
    if tested and draft.actor2 is None and not sentence_toll(draft.sentence):
        return True  # "North Korea test-fires a missile from a submarine": no one is attacked
    if draft.rule.violent and clauses.harm_by_hazard(draft.trigger):
        return True  # "an earthquake killed 40": a disaster, not political violence
    unnamed = draft.actor1 is None or draft.actor1.id.endswith("-unidentified")
    if draft.rule.violent and unnamed and clauses.industrial_accident(draft.sentence):
        return True  # "a chemical plant exploded, killing six": an accident
    harm = draft.rule.violent or draft.event_type in HARM_TYPES  # "bodies were found" too
    if harm and unnamed and clauses.disaster_told(draft.sentence):
        return True  # "five were killed after a volcano erupted": a disaster
    if not draft.classified:
        return False
    chase = draft.trigger.lemma_.lower() in cue_words("pursuit_verbs")
    fight = draft.rule.armed_pair or draft.sub_event_type in FIGHT_TYPES
    if chase and fight and not draft.fatalities:
        return True  # "forces were hunting fighters who fled": no fight is reported
    if _only_states(draft.sentence):
        return True  # "X and Y are at the forefront of ...": a state, not a deed
    needs_doer = draft.rule.territorial or (draft.sub_event_type or "").lower() in cue_words(
        "needs_named_doer"
    )
    return needs_doer and draft.actor1 is None and not _has_agent(draft.trigger)


# "opened fire on protesters", "fired at the crowd": what the fire was aimed at
AIMED_PREPOSITIONS = {"on", "at", "upon", "into"}


def _fired_at(sentence: Span) -> bool:
    """Whether the sentence says at whom or what fire was aimed ("opened fire on protesters
    ..., though others say shots were fired in the air": someone was fired on)."""
    return any(
        token.dep_ == "prep"
        and token.lower_ in AIMED_PREPOSITIONS
        and token.head.lemma_.lower() in {"fire", "open", "shoot"}
        and any(g.dep_ == "pobj" and g.lower_ != "air" for g in token.children)
        for token in sentence
    )


CLAUSE_HEADS = {"ROOT", "conj", "ccomp", "advcl", "parataxis", "xcomp"}
# ... and what leads from a state to an intended deed: "is willing to send", "committed to opening"
CLAUSE_PATH = CLAUSE_HEADS | {"acomp", "prep", "pcomp"}


def _only_states(sentence: Span) -> bool:
    """Whether every clause of the sentence says how things are ("are at the forefront",
    "we are committed to ...") or who said so, and none says what someone did."""
    stative, reporting = cue_words("stative_verbs"), cue_words("reporting_verbs")
    heads = [
        t
        for t in sentence
        if t.pos_ in {"VERB", "AUX"}
        and all(x.dep_ in CLAUSE_PATH for x in (t, *t.ancestors))  # not inside "who ..."
    ]
    lemmas = [t.lemma_.lower() for t in heads]
    if any(t.dep_ == "dobj" and t.lemma_.lower() in trigger_words() for t in sentence):
        return False  # "the army announced the arrest of ...": the deed is a noun
    if _harm_by_noun(sentence):
        return False  # "43 are dead in a wave of bombings": the deed is a noun
    return any(x in stative for x in lemmas) and all(x in stative or x in reporting for x in lemmas)


def _harm_by_noun(sentence: Span) -> bool:
    """'At least 43 are dead in a wave of bombings': a state of harm ("dead", "missing") and
    the deed that did it, told as a noun after "in", "after" ... (or "a wave of" one)."""
    states = cue_words("harm_states")
    if not any(t.dep_ in {"acomp", "attr"} and t.lower_ in states for t in sentence):
        return False
    before = NOUN_TRIGGER_PREPOSITIONS | {"of"}
    return any(
        t.dep_ == "pobj" and t.head.lower_ in before and t.lemma_.lower() in trigger_words()
        for t in sentence
    )


def _has_agent(verb: Token) -> bool:
    """Whether a clause names someone who acts, known to us or not ("the governor refused"),
    rather than a happening ("the battles lasted", "the contact dealt with developments")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return True  # a noun event: its doer, if any, is not a subject
    subject, passive = clauses.subject_of(verb)
    if subject is None or passive:
        return subject is not None or clauses.agent_of(verb) is not None
    lemma = subject.lemma_.lower()
    return lemma not in trigger_words() and lemma not in cue_words("happening_nouns")
