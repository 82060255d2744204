"""Who says a clause: the speech verb above it and that verb's subject ('the army said its
forces had taken X', 'they said they had captured Y'). Shared by the control and fighting
readers of the `relate` stage."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from frontlines.clauses import subject_of
from frontlines.kb import load_data

PRONOUNS = {"they", "it", "he", "she", "we", "its", "their", "his", "her", "our"}


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(str(v) for v in load_data("relate.yaml")["quotes"]["speech_verbs"])


def speech_verb(token: Token) -> Token | None:
    """The speech verb whose reported clause holds the token."""
    current = token
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head == current:
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
    return None if passive else subject


def stands_for_speaker(head: Token) -> bool:
    """Whether a subject phrase is a pronoun ('they', 'its forces') that may stand for the
    one who says the clause."""
    return any(t.lower_ in PRONOUNS for t in head.subtree)
