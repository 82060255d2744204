"""Who says a clause: the speech verb above it and that verb's subject ('the army said its
forces had taken X', 'they said they had captured Y', 'X announced the capture of Y',
'..., according to X'), and whether that makes a change a party's claim. Shared by the
control and fighting readers of the `relate` stage."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from frontlines.clauses import actor_refs, modality_of, subject_of, with_conjuncts
from frontlines.kb import load_data
from frontlines.mentions import actor_records
from frontlines.relate.phrases import actors_between
from frontlines.resolve import ResolvedDocument

STATE_TYPES = {"state", "military", "police", "government"}  # a country's own
REPORTED_DEPS = {"ccomp", "xcomp", "conj", "advcl", "pcomp", "prep"}
PRONOUNS = {"they", "it", "he", "she", "we", "its", "their", "his", "her", "our"}


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(str(v) for v in load_data("relate.yaml")["quotes"]["speech_verbs"])


def speech_verb(token: Token) -> Token | None:
    """The speech verb whose reported clause holds the token."""
    current = token
    for _ in range(4):
        # "says the army is in control of X after entering it": "after entering" is said too
        if current.dep_ not in REPORTED_DEPS or current.head == current:
            return None
        current = current.head
        if current.lemma_.lower() in _speech_verbs() and current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def reporting_subject(token: Token) -> Token | None:
    """The subject of the speech verb above the token's clause, if it is said by someone."""
    verb = speech_verb(token)
    if verb is None:
        return None
    subject, passive = subject_of(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not passive and len(subjects) > 1:  # "TRIPOLI, April 7 (Reuters) - X said": the nearest
        return subjects[-1]
    return None if passive else subject


def stands_for_speaker(head: Token) -> bool:
    """Whether a subject phrase is a pronoun ('they', 'its forces') that may stand for the
    one who says the clause."""
    return any(t.lower_ in PRONOUNS for t in head.subtree)


def claim_modality(trigger: Token, sides: set[str], resolved: ResolvedDocument) -> str:
    """asserted, claimed (said by a party to it, or put as a claim) or denied."""
    found = modality_of(trigger)
    if found != "asserted":
        return found
    speaker = reporting_subject(trigger) or announcer_of(trigger) or _according_to(trigger)
    if speaker is None:
        return "asserted"
    tokens = [t for h in with_conjuncts(speaker) for t in h.subtree]
    spoken_for = {r.id for r in actor_refs(tokens, resolved)}
    # "to the Russian ministry" is no place: the names over the words, as they are
    first, last = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    spoken_for |= set(actors_between(first, last, resolved))
    # a state's organ ("the Russian Defence Ministry") speaks for its forces; "the Syrian
    # Observatory" does not
    organ = speaker.lemma_.lower() in _organs() or speaker.lower_ in _organs()
    same = organ and _same_state(spoken_for, sides)
    # "Prime Minister X says the military has entered Y": a state's officer by title speaks
    # for its forces
    titled = any(
        t.dep_ in {"compound", "nmod"} and t.lemma_.lower() in _organs() for t in speaker.subtree
    )
    same = same or titled and _same_state(spoken_for, sides, people=True)
    return "claimed" if spoken_for & sides or same else "asserted"


@cache
def _organs() -> frozenset[str]:
    return frozenset(str(v) for v in load_data("relate.yaml")["control"]["state_organs"])


def announcer_of(trigger: Token) -> Token | None:
    """'X announced the capture of Y', 'X claims control of Y': X."""
    head = trigger.head
    if trigger.dep_ != "dobj" or head.lemma_.lower() not in _speech_verbs():
        return None
    subject, passive = subject_of(head)
    return None if passive else subject


def _according_to(trigger: Token) -> Token | None:
    """'captured X, according to the Y ministry': the ministry."""
    for child in trigger.children:
        if child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _same_state(spoken_for: set[str], sides: set[str], people: bool = False) -> bool:
    """A state's ministry or army speaking of the same state's forces ('Russian forces
    captured X, according to the Russian Defence Ministry'): the state's own claim. With
    `people`, a person speaking (by a state's title) counts for the country the knowledge
    base gives him."""
    def state_of(actor_id: str, types: frozenset | set = STATE_TYPES) -> str | None:
        record = actor_records().get(actor_id)
        return record.country if record and record.type in types else None

    speaking = {*STATE_TYPES, "person"} if people else STATE_TYPES
    ours = {state_of(a, speaking) for a in spoken_for} - {None}
    return bool(ours & {state_of(a) for a in sides})
