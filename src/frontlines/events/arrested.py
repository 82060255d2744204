"""Who was arrested, as ACLED names them, where the text names no known group or person.

"Police arrested 3 protesters" arrests Protesters (the country); "Iran arrests several people
suspected of spying", "a British national is detained" arrest Civilians of the country their
words name, else of the event's; "the army detains two alleged militants" an Unidentified Armed
Group. The arrested are the object of a verb of arrest ('arrest', 'detain', 'round up'), its
passive subject, or what 'the arrest of' governs (`kb/data/cues.yaml`: arrest_verbs,
arrested_people_nouns).
"""

from __future__ import annotations

from spacy.tokens import Token

import frontlines.clauses as clauses
from frontlines.events.actor_country import generic_ref
from frontlines.events.folding import Draft
from frontlines.events.named_doers import ARMED_TYPES
from frontlines.kb.cues import cue_words
from frontlines.mentions import actor_records, demonym_country
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

CROWD_NOUNS = {
    "protesters": "protesters",
    "protester": "protesters",
    "protestors": "protesters",
    "protestor": "protesters",
    "demonstrators": "protesters",
    "demonstrator": "protesters",
    "rioters": "rioters",
    "rioter": "rioters",
}


def arrested_side(draft: Draft, country: str, resolved: ResolvedDocument) -> ActorRef | None:
    """The class of people the draft's sentence says were arrested (None: none the words
    name, or a name the tagger or the knowledge base knows, whose actor the roles give)."""
    for head in _arrested(draft):
        head = _counted(head)  # 'dozens of demonstrators'
        people = demonym_country(head.text) if head.ent_type_ == "NORP" else None
        if people:  # "15 Palestinians", "a Palestinian": people, not their state
            return generic_ref(people, "civilians", head.text, resolved)
        if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            # a named person or group is no class of people, unless the words say what he is
            # ('Graham Phillips, a British national')
            said = [c for c in head.children if c.dep_ == "appos" and _kind(c) == "civilians"]
            if not said:
                return None
            head = said[0]
        kind = _kind(head)
        if kind is None:
            continue
        group = _group_linked(head, resolved)
        if group is not None:
            return group  # 'people with alleged links to Daesh': that group's
        owner = _demonym_on(head) if kind == "civilians" else None
        return generic_ref(owner or country, kind, head.text, resolved)
    return None


def _group_linked(head: Token, resolved: ResolvedDocument) -> ActorRef | None:
    """The armed group the words after the arrested tie them to ('21 people with alleged
    links to Daesh', 'four men with ties to ISIL', 'suspected members of X')."""
    after = [t for t in head.subtree if t.i > head.i]
    for ref in clauses.actor_refs(after, resolved):
        record = actor_records().get(ref.id)
        if record is not None and record.type in ARMED_TYPES:
            return ref
    return None


def _kind(head: Token) -> str | None:
    word = head.lower_
    if word in CROWD_NOUNS:
        return CROWD_NOUNS[word]
    if word in cue_words("armed_men_nouns"):
        return "unidentified"  # 'two alleged militants'
    nouns = cue_words("arrested_people_nouns")
    if word in nouns or head.lemma_.lower() in nouns:
        return "civilians"
    return None


def _counted(head: Token) -> Token:
    """'dozens of demonstrators', 'a group of students': the people counted."""
    counts = cue_words("count_nouns")
    if head.pos_ != "NUM" and head.lemma_.lower() not in counts:
        return head
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            return noun
    return head


def _demonym_on(head: Token) -> str | None:
    """'a British national', '55 Vietnamese crew members': the people the words name."""
    for child in head.subtree:
        if child.i < head.i and child.dep_ in {"amod", "compound", "nmod"}:
            found = demonym_country(child.text)
            if found:
                return found
    return None


def _arrested(draft: Draft) -> list[Token]:
    """The heads of the phrases the sentence's verbs and nouns of arrest take as arrested."""
    verbs = cue_words("arrest_verbs")
    found: list[Token] = []
    for token in draft.sentence:
        lemma = token.lemma_.lower()
        if lemma == "round" and not any(c.lower_ == "up" for c in token.children):
            continue  # 'round up', not 'a round of talks'
        if lemma not in verbs:
            continue
        if token.pos_ in {"VERB", "AUX"}:
            taken = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
            # 'arrests a man it suspects has spied': the man parsed as the subject of the
            # clause after the verb
            taken = taken or [
                s
                for c in token.children
                if c.dep_ == "ccomp" and c.i > token.i
                for s in c.children
                if s.dep_ == "nsubj" and s.left_edge.i == token.i + 1
            ]
            found += taken
        else:  # 'the arrest of two men'
            found += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ]
    return found
