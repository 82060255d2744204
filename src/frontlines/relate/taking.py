"""What a control clause says beyond its verb's own words: whether the taking is only meant
('an operation to capture X'), the place a passive names when the parser lost its subject
('forces withdraw after the town of X is captured by Y'), the side that withdrew as another
took the place, and a division named only to say where the place lies ('Spin Boldak, Kandahar
Province'). Part of the `relate` stage's control reading; the words are in
`kb/data/relate.yaml` (`control`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from frontlines.clauses import actor_refs, phrase_tokens, subject_of, with_conjuncts
from frontlines.kb import load_data
from frontlines.relate.phrases import side_refs
from frontlines.resolve import ResolvedDocument

DIRECTION_WORDS = {"from", "to", "towards", "toward", "into"}
CLAUSE_MARKS = {"mark", "advmod"}  # "after", "as", "when" open the clause the passive is in
# a division's own word after a name ("Kandahar Province"): the name says where, not what
DIVISION_WORDS = {
    "province", "governorate", "region", "state", "oblast", "county", "prefecture",
    "department", "wilaya", "district",
}  # fmt: skip


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_data("relate.yaml")["control"][name])


def intended(trigger: Token) -> bool:
    """'launched an offensive to retake X', 'an operation to capture X', 'moved to seize X',
    'began pushing into X': an infinitive (or a gerund) of taking that says what is meant or
    under way, not what was done ('managed to take X' is done)."""
    marks = {c.lower_ for c in trigger.children if c.dep_ == "mark"}
    if marks & _words("open_marks") and trigger.tag_ in {"VB", "VBP", "VBZ"}:
        return True  # "we will not stop until we liberate X": not yet done
    if trigger.tag_ == "VBG" and trigger.dep_ == "xcomp":  # "have begun pushing into X"
        return trigger.head.lemma_.lower() in _words("intent_verbs")
    auxiliaries = [c for c in trigger.children if c.dep_ == "aux"]
    if not any(c.tag_ == "TO" for c in auxiliaries):
        return False
    if any(c.lemma_.lower() == "have" for c in auxiliaries):
        return False  # "claim to have captured X": told as done
    if trigger.dep_ == "advcl":
        return True  # "..., backed by X, to retake Y": the purpose, not what was done
    head = trigger.head
    asked = head.pos_ == "NOUN" and head.dep_ == "dobj" and trigger.dep_ in {"acl", "relcl"}
    if asked and head.head.lemma_.lower() in _words("intent_verbs"):
        return True  # "orders a portion of its staff to leave X": asked of the object
    if head.pos_ == "NOUN":  # "an operation to capture X", "a bid to retake X"
        return head.lemma_.lower() in _words("intent_nouns")
    if head.lemma_.lower() in _words("intent_verbs"):
        return True
    # "started an operation to capture X" with the infinitive hung on the verb
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in _words("intent_nouns") for c in head.children
    )


def passive_subject_names(trigger: Token) -> list[Token]:
    """'... after the town of Marte in Borno State is captured by X' where the parser hung the
    subject elsewhere: the settlement noun phrase just before the passive verb, with no verb
    between, names the place ('the town of X': the name's tokens)."""
    if not any(c.dep_ == "auxpass" for c in trigger.children):
        return []
    sentence_start = trigger.sent.start
    settlements = _words("settlement_nouns")
    index = trigger.i - 1
    while index >= sentence_start:
        token = trigger.doc[index]
        if token.pos_ == "VERB" or token.dep_ in CLAUSE_MARKS and token.pos_ == "SCONJ":
            break
        if token.lemma_.lower() in settlements and token.pos_ == "NOUN":
            names = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "PROPN"
            ]
            return [t for g in names for h in with_conjuncts(g) for t in _name_tokens(h)]
        index -= 1
    return []


def _name_tokens(head: Token) -> list[Token]:
    """A name's own words, without the phrases that say where it lies ('X in Y State')."""
    return [head, *(t for c in head.children if c.dep_ in {"compound", "flat"} for t in c.subtree)]


def withdrawn_side(trigger: Token, doer: str | None, resolved: ResolvedDocument) -> str | None:
    """'government forces withdraw after the town is captured by X', 'X took the town after
    the army pulled out': the side the sentence says withdrew, with no place of its own,
    lost the place."""
    verbs = _words("withdrawal_verbs")
    for token in trigger.sent:
        if token == trigger or token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        objects = [
            t
            for c in token.children
            if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "from"
            for t in c.subtree
        ]
        if any(t.pos_ == "PROPN" for t in objects):
            continue  # "withdrew from Y": a change of its own (not "from the town")
        subject, passive = subject_of(token)
        if token.dep_ == "xcomp":  # "forcing Saudi forces to pull out": the forced
            subject = next((c for c in token.head.children if c.dep_ == "dobj"), subject)
        if subject is None or passive:
            continue
        tokens = [t for h in with_conjuncts(subject) for t in phrase_tokens(h)]
        sides = side_refs([r.id for r in actor_refs(tokens, resolved)], resolved)
        sides = [s for s in sides if s != doer]
        if sides:
            return sides[0]
    return _withdrawal_of(trigger, doer, resolved)


def _withdrawal_of(trigger: Token, doer: str | None, resolved: ResolvedDocument) -> str | None:
    """'X recaptures the airport following the withdrawal of Y's forces', 'X enters the town
    after Y's withdrawal': the side whose withdrawal the noun tells lost the place."""
    nouns = frozenset(str(w) for w in load_data("relate.yaml")["control"]["nouns"]["withdrew"])
    scope = trigger  # "captures X, asserting control over Y, following the withdrawal of Z"
    while scope.dep_ in {"advcl", "xcomp", "conj"} and scope.head.pos_ == "VERB":
        scope = scope.head
    for token in scope.subtree:  # in the trigger's own clause, not a heading's
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        holders = [
            t
            for c in token.children
            if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
            for t in c.subtree
        ]
        if any(t.lower_ in DIRECTION_WORDS for t in holders):
            continue  # "the withdrawal from Y": where, not who
        sides = side_refs([r.id for r in actor_refs(holders, resolved)], resolved)
        sides = [s for s in sides if s != doer]
        if sides:
            return sides[0]
    return None


def locates(root: Token) -> bool:
    """'Spin Boldak, Kandahar Province': a division in apposition to a place says where the
    place lies; it is not taken itself."""
    head = root
    while head.dep_ in {"compound", "amod"} and head.head != head:
        head = head.head
    return (
        head.dep_ == "appos"
        and head.lower_ in DIVISION_WORDS
        and head.head.pos_ == "PROPN"
    )
