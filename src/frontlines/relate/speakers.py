"""Who a quote's speaker is: a person named over the phrase with the role and the party an
apposition gives them ("X, spokesman for Y"), or the words naming an office ("the governor of
the province"). Part of the `relate` stage, read by `quotes`."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from frontlines.clauses import actor_refs, phrase_tokens
from frontlines.kb import load_data
from frontlines.kb.countries import is_generic_class
from frontlines.kb.names import name_key
from frontlines.mentions import actor_records
from frontlines.models import Speaker
from frontlines.parse import char_span, sentence_of, text_of
from frontlines.relate.phrases import backers_in
from frontlines.resolve import ResolvedDocument

# "The Government of National Accord (GNA)": the name without the short form after it
_SHORT_FORM = re.compile(r"\s*\([^()]{1,12}\)\s*$|(?<=\w)['\u2019]s?$")


def clean_speaker_name(name: str) -> str:
    """A speaker's name without a short form after it or a possessive ending."""
    return _SHORT_FORM.sub("", name).strip() or name


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_data("relate.yaml")["quotes"][name])


def person_at(tokens: list[Token], resolved: ResolvedDocument) -> tuple[str, int, int] | None:
    """The first person actor mentioned over the tokens: (actor id, start, end)."""
    if not tokens:
        return None
    low = min(t.idx for t in tokens)
    high = max(t.idx + len(t.text) for t in tokens)
    linked = resolved.linked
    for (start, end), actor_id in sorted(linked.actor_of.items()):
        if start < high and low < end:
            record = linked.actors[actor_id].record if actor_id in linked.actors else None
            if record is not None and record.type == "person":
                return actor_id, start, end
    return None


def actors_over(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """Non-person actors mentioned over the tokens, known ones (not discovered) first."""
    if not tokens:
        return []
    low = min(t.idx for t in tokens)
    high = max(t.idx + len(t.text) for t in tokens)
    linked = resolved.linked
    found: list[tuple[bool, int, str]] = []
    place_ends = {end for (_, end) in resolved.place_at}
    for (start, end), actor_id in linked.actor_of.items():
        record = linked.actors[actor_id].record if actor_id in linked.actors else None
        if record is None or record.type == "person" or not (start < high and low < end):
            continue
        if record.discovered and end in place_ends:
            continue  # "the mayor of Afgooye in Lower Shabelle": a place, no party
        found.append((record.discovered, start, actor_id))
    return list(dict.fromkeys(actor_id for _, _, actor_id in sorted(found)))


def role_of(head: Token) -> str | None:
    """'media advisor' from 'the media advisor in the Ministry of Health'."""
    if (
        head.pos_ not in {"NOUN", "PROPN"}
        or head.lower_ not in _words("role_nouns")
        and not any(child.lower_ in _words("role_nouns") for child in head.lefts)
    ):
        return None
    left = [
        t
        for t in head.lefts
        if t.dep_ in {"compound", "amod"}
        and t.i >= head.i - 2
        and t.pos_ in {"NOUN", "ADJ"}
        and t.ent_type_ not in {"GPE", "NORP"}
        and t.is_lower
    ]
    words = [t.text for t in sorted(left + [head], key=lambda t: t.i)]
    return " ".join(words)


def _appositive(root: Token) -> Token | None:
    """The noun in apposition to a name, either side: 'X, spokesman for Y' / 'the advisor, X'."""
    for child in root.children:
        if child.dep_ == "appos":
            return child
    if root.dep_ == "appos":
        return root.head
    return None


def _role_before(name: Span) -> Token | None:
    """'the media advisor in the Ministry of Health, Amin X': the role noun before a name
    set off by a comma, when the parser hung the name elsewhere."""
    doc = name.doc
    if name.start < 2 or doc[name.start - 1].text != ",":
        return None
    floor = max(sentence_of(name[0]).start, name.start - 16)
    for token in reversed(doc[floor : name.start - 1]):
        if token.pos_ in {"VERB", "AUX"}:
            return None
        if token.lower_ in _words("role_nouns") and token.pos_ == "NOUN":
            return token
    return None


def _role_on_name(name: Span) -> Token | None:
    """'Afghan army spokesman Mohammad Hanif': the role noun the name carries before it."""
    for token in name.root.lefts:
        if token.i < name.start and token.dep_ == "compound" and role_of(token) is not None:
            return token
    return None


def _subtree_without(head: Token, skip: Token) -> list[Token]:
    skipped = {t.i for t in skip.subtree}
    return [t for t in head.subtree if t.i not in skipped]


class Profiles:
    """What the document says a person is: role and whom they speak for, from appositions."""

    def __init__(self, resolved: ResolvedDocument) -> None:
        self.resolved = resolved
        self.cache: dict[str, tuple[str | None, str | None]] = {}

    def of(self, person: str) -> tuple[str | None, str | None]:
        if person in self.cache:
            return self.cache[person]
        doc: Doc = self.resolved.linked.parsed.doc
        role = actor = None
        for (start, end), actor_id in sorted(self.resolved.linked.actor_of.items()):
            if actor_id != person:
                continue
            span = char_span(doc, start, end)
            if span is None:
                continue
            other = _appositive(span.root)
            if other is not None and role_of(other) is None and _role_before(span) is not None:
                other = None  # the parser hung the name on the wrong noun
            if other is not None:
                role = role or role_of(other)
                phrase = (
                    list(other.subtree)
                    if other.head == span.root
                    else _subtree_without(other, span.root)
                )
            else:
                found = _role_before(span) or _role_on_name(span)
                if found is None:
                    continue
                role = role or role_of(found)
                phrase = list(doc[min(t.i for t in found.subtree) : span.start])
            # "head of the UN-backed government": the government's man, not the UN's
            backers = backers_in(phrase, self.resolved)
            party = _state_force(actors_over(phrase, self.resolved), self.resolved)
            actor = actor or next((a for a in party if a not in backers), None)
            if role and actor:
                break
        record = actor_records().get(person)
        if actor is None and record is not None and record.member_of:
            actor = record.member_of[0]
        self.cache[person] = (role, actor)
        return role, actor


def speaker_from_phrase(
    head: Token, resolved: ResolvedDocument, profiles: Profiles
) -> Speaker | None:
    tokens = list(head.subtree)
    person = person_at(tokens, resolved)
    owner = [t for c in head.children if c.dep_ == "poss" for t in c.subtree]
    if (
        person is not None
        and role_of(head)
        and person_at(owner, resolved) == person
        and person[2] <= head.idx  # not "Turkey's president Erdoğan", the name after it
    ):
        # "Haftar's spokesman said": the spokesman, speaking for Haftar
        words = [t for t in tokens if t.i <= head.i]
        text = text_of(head.doc)[words[0].idx : head.idx + len(head)]
        return Speaker(name=text, role=role_of(head), actor=person[0])
    if person is not None:
        actor_id = person[0]
        record = resolved.linked.actors[actor_id].record
        role, actor = profiles.of(actor_id)
        other = _appositive(head)
        if other is not None and _within(other, person):  # "the spokesman of Y, Colonel X"
            role = role_of(head) or role
        elif other is not None:
            role = role_of(other) or role
        return Speaker(name=record.name, role=role, actor=actor, id=actor_id)
    if head.pos_ == "PRON":
        return None
    if head.lemma_.lower() in _words("document_nouns"):  # "the statement said": its issuer
        issuer = _issuer(head)
        if issuer is not None:
            return speaker_from_phrase(issuer, resolved, profiles)
    named = _discovered_name(head, resolved) or _by_surname(head, resolved, profiles)
    named = named or _name_in_apposition(head, tokens, resolved)
    named = named or _name_after(head, tokens, resolved)
    if named is not None:
        return named
    # the words naming the speaker, without the clauses and appositions that describe them
    # ("The official, who spoke on condition of anonymity, ...")
    described = {
        t.i for c in head.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree
    }
    # "The Venezuelan Military in a statement", "the ministry on Twitter": where or how it
    # spoke is no part of who speaks ("the governor of the island", "a spokesman for X" are)
    described |= {
        t.i
        for c in head.children
        if c.dep_ == "prep" and c.lower_ not in {"of", "for"} and c.i > head.i
        for t in c.subtree
    }
    phrase = [t for t in tokens if t.i not in described and t.i <= head.i + 6] or [head]
    start = min(t.idx for t in phrase)
    end = max(t.idx + len(t.text) for t in phrase)
    text = _SHORT_FORM.sub("", text_of(head.doc)[start:end].strip(" ,"))
    # "the army said": the army of the country the report is about; "a spokesman for the
    # army": the army he speaks for
    actors = _office_party(head, tokens, resolved)
    present = resolved.linked.actors.get(actors[0]) if actors else None
    if present is not None and present.record.type == "person" and role_of(head):
        # "Turkey's president Recep Tayyip Erdoğan warns" with the name hung on the office:
        # the person named, in that office
        role, actor = profiles.of(actors[0])
        return Speaker(name=present.record.name, role=role_of(head), actor=actor, id=actors[0])
    own = _named_by_head(head, resolved) if role_of(head) is None else None
    if own is not None:  # "The Egyptian Army calls on ...": the party speaks itself
        return Speaker(name=text, actor=own, id=own)
    return Speaker(name=text, role=role_of(head), actor=actors[0] if actors else None)


def _named_by_head(head: Token, resolved: ResolvedDocument) -> str | None:
    """The party (not a person) whose mention holds the phrase's head word: 'The Egyptian
    Army', 'the Syrian Observatory for Human Rights'."""
    linked = resolved.linked
    for (start, end), actor_id in linked.actor_of.items():
        present = linked.actors.get(actor_id)
        if present is None or not start <= head.idx < end:
            continue
        if present.record.type != "person" and not is_generic_class(actor_id):
            return actor_id
    return None


def _office_party(head: Token, tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """The parties an office's words name ('a spokesman for the army')."""
    heads = [head] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
        for g in c.children if g.dep_ == "pobj"
    ]
    return _state_force(actors_over(tokens, resolved), resolved) or [
        ref.id
        for h in heads
        for ref in actor_refs(phrase_tokens(h), resolved)
        if not is_generic_class(ref.id)
    ]


def _name_in_apposition(
    head: Token, tokens: list[Token], resolved: ResolvedDocument
) -> Speaker | None:
    """'The governor of Lower Shabelle, Ibrahim Aden Najah, said': an office with a name in
    apposition that no reading made a person of (its words no place or party); the speaker
    by that name, with the office's role."""
    role = role_of(head)
    if role is None:
        return None
    taken = [*resolved.place_at, *resolved.linked.actor_of]
    for name in (t for t in tokens if t.dep_ == "appos" and t.pos_ == "PROPN"):
        words = list(name.subtree)
        if len(words) < 2 or any(
            t.pos_ != "PROPN" or not t.text[:1].isupper()
            for t in words
            if not (len(t) <= 3 and t.whitespace_ == "")  # "al-", "-"
        ):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        rest = [t for t in tokens if t.i not in {w.i for w in words}]
        found = _discovered_within(start, end, resolved)
        if found is not None:  # "the spokesman of the armed forces, General Léon Kasonga"
            party = _state_force(actors_over(rest, resolved), resolved)
            name = resolved.linked.actors[found].record.name
            return Speaker(name=name, role=role, actor=party[0] if party else None, id=found)
        if any(s < end and start < e for s, e in taken):
            continue
        party = _state_force(actors_over(rest, resolved), resolved)
        text = text_of(head.doc)[start:end]
        return Speaker(name=text, role=role, actor=party[0] if party else None)
    return None


def _name_after(head: Token, tokens: list[Token], resolved: ResolvedDocument) -> Speaker | None:
    """'According to the spokesman of the armed forces, General X, "..."' with the name
    parsed apart from the office: a person named between commas right after the office's
    phrase is the speaker, with the office's role."""
    role = role_of(head)
    if role is None:
        return None
    doc = head.doc
    after = max(t.i for t in tokens) + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    run = []
    for token in doc[after + 1 : after + 8]:
        if token.pos_ != "PROPN" and not (run and len(token) <= 3 and token.whitespace_ == ""):
            break
        run.append(token)
    end = after + 1 + len(run)
    if not run or end >= len(doc) or doc[end].text not in {",", ":", '"', "\u201c"}:
        return None
    person = person_at(run, resolved)
    if person is None:
        return None
    party = _office_party(head, tokens, resolved)
    record = resolved.linked.actors[person[0]].record
    return Speaker(name=record.name, role=role, actor=party[0] if party else None, id=person[0])


def _within(token: Token, person: tuple[str, int, int]) -> bool:
    """Whether the token's phrase is the person's own name ('Colonel X' beside 'the
    spokesman, Colonel X')."""
    _, start, end = person
    words = list(token.subtree)
    return words[0].idx <= start and end <= words[-1].idx + len(words[-1])


def _discovered_within(start: int, end: int, resolved: ResolvedDocument) -> str | None:
    """A person's name the mentions stage found but no knowledge base knows, of two words or
    more, inside [start, end)."""
    linked = resolved.linked
    for (s, e), actor_id in linked.actor_of.items():
        present = linked.actors.get(actor_id)
        if present is None or not (start <= s and e <= end):
            continue
        record = present.record
        if record.discovered and record.type == "person" and len(record.name.split()) > 1:
            return actor_id
    return None


GENERIC_FORCES = {"army": "military", "military": "military", "police": "police"}


def _state_force(actors: list[str], resolved: ResolvedDocument) -> list[str]:
    """'an army spokesman' with 'army' made an actor of its own: the forces of the country
    the report is about, where the knowledge base has them."""
    country = resolved.linked.focus_country
    found = []
    for actor_id in actors:
        present = resolved.linked.actors.get(actor_id)
        kind = GENERIC_FORCES.get(name_key(present.record.name)) if present else None
        if kind and present.record.discovered and country:
            actor_id = next(
                (r for r in [f"{country}-{kind}"] if r in actor_records()), actor_id
            )
        found.append(actor_id)
    return found


def _discovered_name(head: Token, resolved: ResolvedDocument) -> Speaker | None:
    """A name the knowledge base does not know, heading the phrase, that the linker could not
    tell for a person but whose apposition gives a person's role ('Nureddine Mehmud, the
    spokesman of ...'): the speaker by that name, with that role."""
    if head.pos_ != "PROPN":
        return None
    linked = resolved.linked
    for (start, end), actor_id in linked.actor_of.items():
        if not start <= head.idx < end or actor_id not in linked.actors:
            continue
        record = linked.actors[actor_id].record
        if not record.discovered or len(record.name.split()) < 2:
            return None
        other = _appositive(head)
        role = role_of(other) if other is not None else None
        if role is None:
            return None  # "Amnesty International said": an organisation, as it was
        party = actors_over(list(other.subtree), resolved)
        name = _SHORT_FORM.sub("", record.name)
        return Speaker(name=name, role=role, actor=party[0] if party else None, id=actor_id)
    return None


def _by_surname(head: Token, resolved: ResolvedDocument, profiles: Profiles) -> Speaker | None:
    """'Salame said' after 'Ghassan Salame': the one person of the document by that surname."""
    if head.pos_ != "PROPN" or any(c.dep_ == "compound" for c in head.children):
        return None
    key = name_key(head.text)
    found = {
        actor_id
        for actor_id, present in resolved.linked.actors.items()
        if present.record.type == "person" or present.record.discovered
        if len(words := name_key(present.record.name).split()) > 1 and words[-1] == key
    }
    if len(found) != 1:
        return None
    actor_id = found.pop()
    role, actor = profiles.of(actor_id)
    record = resolved.linked.actors[actor_id].record
    return Speaker(name=record.name, role=role, actor=actor, id=actor_id)


def _issuer(noun: Token) -> Token | None:
    """Who issued the statement a quote is said by: 'a statement by/from X', 'X's statement',
    'a statement released by X', else the subject of 'X issued a statement' a few sentences
    back."""
    documents = _words("document_nouns")
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None and found.lemma_.lower() not in documents:
                return found
        if child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                found = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if found is not None:
                    return found
    doc = noun.doc
    floor = max(0, noun.sent.start - 120)  # a few sentences back
    for token in reversed(doc[floor : noun.i]):
        if token.lemma_.lower() in documents and token.dep_ == "dobj" and token.i != noun.i:
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
                return subject
    return None
