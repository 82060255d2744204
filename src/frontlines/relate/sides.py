"""Sides a report names by description, not by name: "Opposition forces", "pro-Russian
insurgents", "Pro-X government forces", "Forces of the internationally recognised Libyan
government", "the rebels", "Rebel commander X".

Part of the `relate` stage. A control change or a fight needs both its sides as actors; the
mentions stage finds names, so a side told only by such a phrase was lost. Here each phrase
not already an actor's mention becomes one: the report country's own state forces where the
phrase is what `cues.generic_forces` reads as them ("government forces"), else an actor of
the document's own, one per phrase (a later "rebels" is the earlier "pro-Russian rebels").
The events stage has run by then and is unchanged; the actors are added to the picture only.
Word lists are in `kb/data/relate.yaml` (`sides`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from frontlines.kb import ActorRecord, load_data
from frontlines.kb.cues import cues
from frontlines.kb.names import name_key
from frontlines.link import LinkedActor, LinkedDocument
from frontlines.mentions import Mention, actor_records
from frontlines.models import ControlChange, Event, Relation
from frontlines.parse import entities_of, sentence_starts, sentences_of, strip_determiner
from frontlines.resolve import ResolvedDocument

STATE_KINDS = {"military", "police"}  # generic_forces kinds that are a country's own forces
LEFT_DEPS = {"amod", "compound", "nmod", "npadvmod", "advmod"}  # words saying whose forces
OWNER_PREPS = {"of", "from"}  # "forces of X", "troops from X": X's own
OWNER_HEADS = {"loyal", "belonging", "affiliated"}  # "forces loyal to X": X's own
ALLY_HEADS = {"allied", "aligned"}  # "militias aligned with X": a side of their own
SIDE_PREFIX = "side-"
FIGHT_EVENT_TYPES = {"Battles", "Explosions/Remote violence"}
UNNAMED_CLASS = "-unidentified"  # a country's unidentified armed groups (kb: generic classes)
_SLUG = re.compile(r"[^a-z0-9]+")


@cache
def _lexicon() -> dict:
    return load_data("relate.yaml")["sides"]


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _lexicon()[name])


def _covered(start: int, end: int, linked: LinkedDocument) -> list[str]:
    return [a for (s, e), a in linked.actor_of.items() if s < end and start < e]


def _taken_side(doc: Doc, first: int) -> bool:
    """'pro-Hadi', 'anti-Assad': a name that says whose side, not who."""
    return first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in {"pro", "anti"}


def _names_owner(tokens: list[Token], linked: LinkedDocument) -> bool:
    """Whether the tokens name an actor other than a country or a side taken ('pro-X')."""
    doc = tokens[0].doc if tokens else None
    if doc is None:
        return False
    indices = {t.i for t in tokens}
    for (start, end), actor_id in linked.actor_of.items():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not any(t.i in indices for t in span):
            continue
        record = linked.actors[actor_id].record if actor_id in linked.actors else None
        if record is not None and record.type == "state":
            continue
        if _taken_side(doc, span.start) or _backer(doc, span.end):
            continue
        return True
    return False


def _backer(doc: Doc, end: int) -> bool:
    """'NATO-backed rebels': the name is who backs the side, not who it is."""
    last = doc[end - 1].lower_
    if "-" in last and last.rpartition("-")[2] in _backing_participles():
        return True  # one token: "nato-backed"
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in _backing_participles()
    )


@cache
def _backing_participles() -> frozenset[str]:
    relations = load_data("relate.yaml")["relations"]
    return frozenset(str(w) for w in relations["supports"]["participles"])


def _left(head: Token) -> tuple[int, bool]:
    """The first token of the words before the head that say whose forces it is, and
    whether there are any ('Pro-Hadi government forces'; not 'the', 'some', '300')."""
    start = head.i
    for child in head.lefts:
        if child.dep_ not in LEFT_DEPS or child.lower_ in _words("vague") or child.like_num:
            continue
        start = min(start, min(t.i for t in child.subtree))
    return start, start < head.i


def _owner_tokens(head: Token) -> list[Token]:
    """'of X', 'from X', 'loyal to X' after the head: whose forces they are."""
    return [
        t
        for child in head.rights
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS or child.lower_ in OWNER_HEADS
        for t in child.subtree
    ]


def _ally_tokens(head: Token) -> list[Token]:
    """'aligned with X', 'allied to X' after the head: a side described by its ally."""
    return [t for child in head.rights if child.lower_ in ALLY_HEADS for t in child.subtree]


def _kind(head: Token) -> str | None:
    forces = cues().get("generic_forces") or {}
    pair = " ".join(t.lower_ for t in head.doc[max(head.i - 1, 0) : head.i + 1])
    return forces.get(pair) or forces.get(head.lower_)


def _phrases(doc: Doc, linked: LinkedDocument) -> list[tuple[int, int, Token]]:
    """(first token, end token, head) of every phrase naming a side by description."""
    found = []
    for token in doc:
        lower = token.lower_
        if token.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            continue
        if lower in _words("modifiers") and token.dep_ in {"compound", "amod"}:
            if token.head.lemma_.lower() in _words("commanders"):  # "Rebel commander X"
                found.append((token.i, token.i + 1, token))
            continue
        if lower in _words("modifiers") and token.dep_ == "poss":
            found.append((token.i, token.i + 1, token))  # "the rebel's capture of X"
            continue
        if lower in _words("groups") and token.pos_ == "NOUN":  # "Syrian rebel groups"
            if not any(c.lower_ in _words("modifiers") for c in token.lefts):
                continue
        elif lower not in _words("heads") or token.pos_ == "ADJ":
            continue
        if any(c.dep_ == "poss" and c.lower_ in {"our", "my"} for c in token.children):
            continue  # "our heroic forces": the speaker's, read as theirs (`control._refs`)
        start, modified = _left(token)
        owner = _owner_tokens(token)
        # "Forces of the ... government", "Militias loyal to the Libyan government",
        # "Militias aligned with X"
        allies = _ally_tokens(token)
        described = bool(owner) and owner[0].lower_ != "from" or bool(allies)
        if not (modified or described) and lower not in _words("alone"):
            continue  # "the troops": the report country's forces, read as such elsewhere
        if _covered(doc[start].idx, token.idx + len(token), linked):
            if _names_owner(list(doc[start : token.i + 1]), linked):
                continue
            if _covered(token.idx, token.idx + len(token), linked):
                continue  # the head is already in a name: "Ukrainian government forces"
        if _names_owner(owner, linked):
            continue  # "forces loyal to X", "troops from the coalition": X's own
        end = max(t.i for t in owner + allies) + 1 if described else token.i + 1
        found.append((start, end, token))
    return found


LONG_NAME_TOKENS = 5  # the mentions stage leaves unknown names this long as titles


def _long_names(doc: Doc, linked: LinkedDocument) -> list[Span]:
    """Organisations the tagger names by five words or more that no actor mention covers
    ('the Shura Council of Benghazi Revolutionaries'): a party the report names, which the
    mentions stage leaves aside as a possible headline. A country named inside may stay."""
    found = []
    for entity in entities_of(doc):
        span = strip_determiner(entity) if entity.label_ == "ORG" else None
        if span is not None and _force_name(span):
            pass  # "the Libyan Coast Guard": a force by its name, wherever it stands
        elif span is None or len(span) < LONG_NAME_TOKENS or span.sent.start == span.start:
            continue  # a run opening its sentence is more often a heading
        inside = _covered(span.start_char, span.end_char, linked)
        if all(linked.actors[a].record.type == "state" for a in inside if a in linked.actors):
            found.append(span)
    for token in doc:  # "the Southern Resistance" the tagger read as no entity
        if token.pos_ != "PROPN" or token.lower_ not in _words("force_names"):
            continue
        words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        span = doc[min((c.i for c in words), default=token.i) : token.i + 1]
        taken = any(s.start <= token.i < s.end for s in found)
        taken = taken or bool(_covered(span.start_char, span.end_char, linked))
        if words and _force_name(span) and not taken:
            found.append(span)
    return found


def _force_name(span: Span) -> bool:
    """'Libyan Coast Guard', 'Hamza Brigade': a capitalised name ending in a unit's word."""
    return (
        len(span) >= 2
        and span[-1].lower_ in _words("force_names")
        and all(t.text[:1].isupper() for t in span)
    )


def _unnamed_class(doc: Doc, linked: LinkedDocument) -> list[tuple[tuple[int, int], str]]:
    """Mentions linked to a country's class of unidentified armed groups ('Syrian rebels'):
    a side of a fight, which a class is not (relations to a class are dropped)."""
    found = []
    for key, actor_id in linked.actor_of.items():
        if not actor_id.endswith(UNNAMED_CLASS) or actor_id not in linked.actors:
            continue
        span = doc.char_span(*key, alignment_mode="expand")
        if span is not None and span[-1].lower_ in _words("heads"):
            found.append((key, actor_id))
    return found


FORCE_WORDS = {"army": "military", "military": "military", "police": "police"}


def _state_forces(linked: LinkedDocument) -> list[tuple[tuple[int, int], str]]:
    """'The army says it seized X' with 'The army' read as the country: the country's own
    forces of that kind, where the knowledge base has them."""
    found = []
    for span, actor_id in linked.actor_of.items():
        present = linked.actors.get(actor_id)
        if present is None or present.record.type != "state":
            continue
        words = name_key(linked.parsed.doc.text[span[0] : span[1]]).split()
        kind = FORCE_WORDS.get(words[-1]) if words and words[:-1] in ([], ["the"]) else None
        force = f"{actor_id}-{kind}"
        if kind and force in actor_records():
            found.append((span, force))
    return found


def _reporters(linked: LinkedDocument) -> list[tuple[int, int]]:
    """The mentions of news agencies and outlets ("Reuters", "AFP"): they report the war, they
    are no side of it, in a dateline or as whom a source told."""
    outlets = {name_key(str(w)) for w in _lexicon()["reporters"]}
    return [
        span
        for span, actor_id in linked.actor_of.items()
        if actor_id in linked.actors
        and linked.actors[actor_id].record.type not in {"state", "military", "person"}
        and name_key(linked.parsed.doc.text[span[0] : span[1]]) in outlets
    ]


def with_sides(resolved: ResolvedDocument) -> ResolvedDocument:
    """The document with its described sides as actors (a new linked document; the one the
    events stage read is left as it was)."""
    linked = resolved.linked
    doc = linked.parsed.doc
    phrases = _phrases(doc, linked)
    unnamed = _unnamed_class(doc, linked)
    names = _long_names(doc, linked)
    reporters = _reporters(linked)
    forces = _state_forces(linked)
    if not (phrases or unnamed or names or reporters or forces):
        return resolved
    actors = {k: LinkedActor(v.record, list(v.mentions)) for k, v in linked.actors.items()}
    actor_of = dict(linked.actor_of)
    sentences = sentence_starts(doc)
    for span, force in forces:  # "The army" read as the country: its army
        present = actors[actor_of[span]]
        present.mentions = [m for m in present.mentions if (m.start, m.end) != span]
        if not present.mentions:
            del actors[actor_of[span]]
        first = doc.char_span(span[0], span[1], alignment_mode="expand")
        mention = Mention(
            "actor", span[0], span[1], doc.text[span[0] : span[1]],
            sentences.get(first.sent.start, 0), "side", label="SIDE", candidates=[force],
        )
        actors.setdefault(force, LinkedActor(actor_records()[force])).mentions.append(mention)
        actor_of[span] = force
    for span in reporters:  # "TRIPOLI (Reuters) - Forces ...": who reports is no party
        actor_id = actor_of.pop(span)
        present = actors[actor_id]
        present.mentions = [m for m in present.mentions if (m.start, m.end) != span]
        if not present.mentions:
            del actors[actor_id]
    for span in names:
        key = name_key(span.text)
        record = ActorRecord(
            id="new-" + _SLUG.sub("-", key).strip("-"), name=span.text, type="organization",
            discovered=True,
        )
        item = Mention(
            "actor", span.start_char, span.end_char, span.text,
            sentences.get(span.sent.start, 0), "long-name", label="ORG", candidates=[record.id],
        )
        actors.setdefault(record.id, LinkedActor(record)).mentions.append(item)
        actor_of[(span.start_char, span.end_char)] = record.id
    for (start, end), actor_id in unnamed:  # the side's own actor instead of the class
        del actor_of[(start, end)]
        present = actors[actor_id]
        present.mentions = [m for m in present.mentions if (m.start, m.end) != (start, end)]
        if not present.mentions:
            del actors[actor_id]
        span = doc.char_span(start, end, alignment_mode="expand")
        phrases.append((span.start, span.end, span[-1]))
    phrases.sort(key=lambda item: item[0])
    sides: dict[str, ActorRecord] = {}
    for first, end, head in phrases:
        span = doc[first:end]
        text = span.text
        record = _record(text, head, linked.focus_country, sides)
        item = Mention(
            "actor",
            span.start_char,
            span.end_char,
            text,
            sentences.get(span.sent.start, 0),
            "side",
            label="SIDE",
            candidates=[record.id],
        )
        actors.setdefault(record.id, LinkedActor(record)).mentions.append(item)
        # The phrase up to its head stands for the side; a name after it ("aligned with X",
        # "loyal to the Libyan government") stays that name's, for the relation it tells.
        actor_of[(span.start_char, head.idx + len(head))] = record.id
    return replace(resolved, linked=replace(linked, actors=actors, actor_of=actor_of))


def _record(
    text: str, head: Token, country: str | None, sides: dict[str, ActorRecord]
) -> ActorRecord:
    """The state forces the phrase means, or the document's own side by that name."""
    kind = _kind(head)
    records = actor_records()
    if kind in STATE_KINDS and country and f"{country}-{kind}" in records:
        return records[f"{country}-{kind}"]
    key = name_key(text)
    for record in sides.values():  # "the rebels" after "pro-Russian rebels": the same side
        other = name_key(record.name)
        if other == key or other.endswith(" " + key) or key.endswith(" " + other):
            return record
    record = ActorRecord(
        id=SIDE_PREFIX + _SLUG.sub("-", key).strip("-"),
        name=text,
        type="armed_group",
        discovered=True,
    )
    sides[record.id] = record
    return record


def fighting_sides_only(
    relations: list[Relation],
    control: list[ControlChange],
    events: Sequence[Event] = (),
    resolved: ResolvedDocument | None = None,
) -> list[Relation]:
    """A side named by description is backed only where it takes or loses a place or fights:
    'a statue bulldozed by Turkish-backed forces' tells no backing worth a relation. (Its
    commander or allies are told of it as a party: 'Rebel commander X'.) A side named in a
    sentence that tells a fight (a battle or strike the events stage typed, a fight or a
    change read here) is in it: 'Iran-backed militias are targeted', 'X, along with
    Iranian-backed militias, took villages ... in a clash with Y'."""
    fighting = {c.gained_by for c in control} | {c.lost_by for c in control}
    fighting |= {x for r in relations if r.kind == "opposes" for x in (r.source, r.target)}
    if resolved is not None:
        fighting |= _sides_at_fights(relations, control, events, resolved)
    return [
        r
        for r in relations
        if r.kind != "supports"
        or not any(x.startswith(SIDE_PREFIX) and x not in fighting for x in (r.source, r.target))
    ]


@cache
def _fight_verbs() -> frozenset[str]:
    opposes = load_data("relate.yaml")["relations"]["opposes"]
    return frozenset(str(w) for w in (*opposes["verbs"], *opposes["object_verbs"]))


def _sides_at_fights(
    relations: list[Relation],
    control: list[ControlChange],
    events: Sequence[Event],
    resolved: ResolvedDocument,
) -> set[str]:
    """The described sides named inside the evidence of a fight (original offsets)."""
    spans = [
        (e.start, e.end)
        for item in (
            *(r for r in relations if r.kind == "opposes"),
            *control,
            *(
                e
                for e in events
                if e.event_type in FIGHT_EVENT_TYPES and e.modality == "asserted"
            ),
        )
        for e in item.evidence[:1]
    ]
    normalized = resolved.linked.parsed.normalized
    # a sentence telling an attack on its sides ("X and Iran-backed militias are targeted")
    attacks = _fight_verbs()
    for sentence in sentences_of(resolved.linked.parsed.doc):
        if any(t.pos_ == "VERB" and t.lemma_.lower() in attacks for t in sentence):
            spans.append(normalized.span(sentence.start_char, sentence.end_char))
    if not spans:
        return set()
    found = set()
    for actor_id, actor in resolved.linked.actors.items():
        if not actor_id.startswith(SIDE_PREFIX):
            continue
        for mention in actor.mentions:
            start = normalized.span(mention.start, mention.start + 1)[0]
            if any(a <= start < b for a, b in spans):
                found.add(actor_id)
    return found
