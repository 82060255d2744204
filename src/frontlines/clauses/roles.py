"""Event arguments from sentence structure: actor1 and actor2 (agent, patient, passives, 'by',
'between X and Y'), associated actors ('belonging to', 'backed by'), generic actors.

Part of the `events` stage; it reads the dependency parse and the linked, resolved mentions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from frontlines.kb.cues import cue_words, cues, place_words
from frontlines.mentions import actor_records
from frontlines.models import ActorRef, Location
from frontlines.parse import char_span, sentence_of, token_table
from frontlines.resolve import ResolvedDocument

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
# Clause links through which an event inherits the subject of the verb above it
# ("took control ... and entered", "had a role in destroying").
INHERIT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "acl", "prep", "pobj", "dobj"}
PATIENT_PREPOSITIONS = {"against", "on", "upon", "at", "with"}
ASSOC_HEADS = {"belong", "back", "support", "loyal", "affiliate", "ally", "link", "tie"}
VICTIM_WORDS = {
    "civilian",
    "civilians",
    "people",
    "residents",
    "villagers",
    "worshippers",
    "women",
    "children",
    "men",
    "family",
    "families",
    "students",
    "farmers",
    "passengers",
    "shoppers",
    "journalist",
    "journalists",
    "worker",
    "workers",
    "displaced",
    "refugees",
    "patients",
    "pupils",
    "mourners",
    "herders",
}


def _ref(actor_id: str, text: str, resolved: ResolvedDocument) -> ActorRef:
    """An event argument; a commander stands for the forces he commands, as ACLED codes it."""
    linked = resolved.linked.actors.get(actor_id)
    record = linked.record if linked else actor_records()[actor_id]
    if record.type == "person" and record.commands and record.commands[0] in actor_records():
        record = actor_records()[record.commands[0]]
    return ActorRef(
        id=record.id, name=record.name, text=text, country=record.country, inter=record.inter
    )


def _original_text(start: int, end: int, resolved: ResolvedDocument) -> str:
    normalized = resolved.linked.parsed.normalized
    return normalized.evidence(start, end).text


def _mention_refs(tokens: list[Token], resolved: ResolvedDocument) -> list[ActorRef]:
    """Actors whose mentions overlap the given tokens, in text order, without repeats; else
    an unnamed state force ("police", "soldiers") of the country the report is about."""
    if not tokens:
        return []
    named = _named_refs(tokens, resolved)
    if named:
        return named
    head = tokens[0]
    forces = cues().get("generic_forces") or {}
    kind = force_kind(head) or _facility_force(head, forces)
    country = resolved.linked.focus_country
    if kind and country and f"{country}-{kind}" in actor_records():
        record = actor_records()[f"{country}-{kind}"]
        return [
            ActorRef(
                id=record.id,
                name=record.name,
                text=head.text,
                country=record.country,
                inter=record.inter,
            )
        ]
    return []


def force_kind(token: Token) -> str | None:
    """The kind of state force a force word names ('police', 'military'), from the word
    pair ('security forces'), else its modifier when the word is one itself ('army officers'
    are the army's, 'police officers' the police's), else the word."""
    forces = cues().get("generic_forces") or {}
    before = token.doc[token.i - 1] if token.i > 0 else None
    modifier = before.lower_ if before is not None and before.head == token else ""
    own = forces.get(token.lower_)
    pair = " ".join(t.lower_ for t in token.doc[token.i - 1 : token.i + 1])
    kind = forces.get(pair) or (forces.get(modifier) or own if own else None)
    if kind in (None, "unidentified") and _loyal_to_state(token):
        return "military"  # 'forces loyal to the internationally recognized government'
    return kind


STATE_LOYALTY = {"government", "regime", "state", "president"}
ARMED_BODIES = {"force", "troop", "unit", "soldier", "army"}


def _loyal_to_state(token: Token) -> bool:
    """'Forces loyal to the government': armed men said to be the state's own."""
    if token.lemma_.lower() not in ARMED_BODIES:
        return False
    return any(
        word.lower_ == "loyal" and obj.lemma_.lower() in STATE_LOYALTY
        for word in token.children
        for to in word.children
        if to.lower_ == "to"
        for obj in to.children
        if obj.dep_ == "pobj"
    )


def _facility_force(head: Token, forces: dict[str, str]) -> str | None:
    """'a gendarmerie post', 'an army base', 'a police station': attacking the post is
    attacking the force that holds it."""
    if head.lemma_.lower() not in cue_words("force_facilities"):
        return None
    for child in head.children:
        if child.dep_ in {"compound", "amod"} and child.lower_ in forces:
            return forces[child.lower_]
    return None


LOCATIVE = {"in", "across", "throughout", "into", "inside", "near", "to", "from", "over"}
PLACE_MODIFIER_DEPS = {"poss", "amod", "compound", "appos", "nmod", "pobj", "npadvmod"}


def _territory_nouns() -> frozenset[str]:
    words = place_words()
    return words.get("settlement_nouns", frozenset()) | words.get("territory_nouns", frozenset())


def _locative_country(start: int, end: int, actor_id: str, resolved: ResolvedDocument) -> bool:
    """'in central Mali': a country named as a place is not a party to the event."""
    record = actor_records().get(actor_id)
    if record is None or record.type != "state":
        return False
    span = char_span(resolved.linked.parsed.doc, start, end)
    if span is None:
        return False
    # Up through what it modifies ("in Afghanistan's Kandahar Province", "in the Iraqi city
    # of Balad") to the preposition that makes the whole phrase a place.
    token = span.root
    if token.dep_ in {"amod", "compound"} and token.head.lower_ in _territory_nouns():
        return True  # "the Iraqi capital", "Israeli territory": a place, not a party
    for _ in range(6):
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
            return True
        if token.dep_ not in PLACE_MODIFIER_DEPS or token.head is token:
            return False
        token = token.head.head if token.dep_ == "pobj" else token.head
    return False


@dataclass
class _ActorSpans:
    """The document's actor mentions in the order `_named_refs` reads them (by start, the
    longest first), with, for each token index, the mentions overlapping that token."""

    rows: list[tuple[int, int, str]]  # (start, end, actor id)
    at_token: dict[int, list[int]]  # token index → positions in rows


def _actor_spans(resolved: ResolvedDocument) -> _ActorSpans:
    """Built once per linked document, not on every call."""
    linked = resolved.linked
    doc = linked.parsed.doc
    cached = doc.user_data.get("frontlines_actor_spans")
    if cached is not None and cached[0] is linked.actor_of and cached[1] == len(linked.actor_of):
        return cached[2]
    table = token_table(doc)
    ordered = sorted(linked.actor_of.items(), key=lambda item: (item[0][0], -item[0][1]))
    spans = _ActorSpans([(start, end, actor_id) for (start, end), actor_id in ordered], {})
    for position, (start, end, _) in enumerate(spans.rows):
        # Tokens are in text order and do not overlap: those overlapping [start, end) run
        # from the first ending after start to the last starting before end.
        for index in range(bisect_right(table.ends, start), bisect_left(table.starts, end)):
            spans.at_token.setdefault(index, []).append(position)
    doc.user_data["frontlines_actor_spans"] = (linked.actor_of, len(linked.actor_of), spans)
    return spans


def _named_refs(tokens: list[Token], resolved: ResolvedDocument) -> list[ActorRef]:
    spans = _actor_spans(resolved)
    # Only the mentions over these tokens, in the same order: the others change nothing below.
    positions = sorted({p for t in tokens for p in spans.at_token.get(t.i, ())})
    found: list[tuple[int, ActorRef]] = []
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    for start, end, actor_id in (spans.rows[p] for p in positions):
        if actor_id in seen or any(a <= start and end <= b for a, b in taken):
            continue  # "German" inside "German Chancellor": the longer name speaks
        if _locative_country(start, end, actor_id, resolved):
            continue
        seen.add(actor_id)
        taken.append((start, end))
        found.append((start, _ref(actor_id, _original_text(start, end, resolved), resolved)))
    return [ref for _, ref in sorted(found, key=lambda item: item[0])]


def _phrase_tokens(head: Token, *, skip_assoc: bool = True) -> list[Token]:
    """The noun phrase under `head`, without clauses and associated-actor attachments."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "advcl", "ccomp", "punct", "cc", "acl"}:
            continue
        if skip_assoc and _is_assoc(child):
            continue
        if child.dep_ == "conj":
            continue
        tokens += _phrase_tokens(child, skip_assoc=skip_assoc)
    return tokens


def _is_assoc(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in ASSOC_HEADS and token.dep_ in {"acl", "amod", "relcl", "prep", "advcl"}:
        return True
    return token.dep_ == "prep" and token.head.lemma_.lower() in ASSOC_HEADS


def _assoc_tokens(head: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in head.children:
        if _is_assoc(child):
            tokens += list(child.subtree)
    return tokens


def _with_conjuncts(head: Token) -> list[Token]:
    heads = [head]
    heads += [c for c in head.children if c.dep_ == "conj"]
    return heads


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of `verb` (inherited through conjunctions), and whether it is passive."""
    if any(child.dep_ == "agent" for child in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    ):
        return None, False  # passive: "areas captured by Haftar" has its doer in the agent
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                passive = child.dep_ in PASSIVE_SUBJECT_DEPS
                if child.tag_ in {"WDT", "WP"} and current.dep_ == "relcl":
                    return current.head, passive  # "fighters who fled": the fighters
                return child, passive
        if current.dep_ in INHERIT_DEPS and current.head != current:
            current = current.head
            continue
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


PRONOUNS = {"it", "they", "he", "she"}


def _reporter(verb: Token) -> Token | None:
    """The subject of the reporting verb whose clause `verb` heads ("Nigeria announced that
    it will withdraw" → Nigeria), through the clauses between."""
    current = verb
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head == current:
            return None
        current = current.head
        if current.lemma_.lower() in cue_words("reporting_verbs"):
            subject, passive = _subject(current)
            return None if passive else subject
    return None


def _owes(verb: Token) -> bool:
    """Whether the clause is an obligation put on its subject ("Y must release ...")."""
    chain = [verb, *(t for t in list(verb.ancestors)[:2] if verb.dep_ in {"xcomp", "acomp"})]
    return any(c.dep_ == "aux" and c.lower_ == "must" for t in chain for c in t.children)


def actors_of(
    trigger: Token, resolved: ResolvedDocument
) -> tuple[ActorRef | None, ActorRef | None, list[ActorRef], list[ActorRef]]:
    """actor1, actor2 and their associated actors for the event `trigger` heads. A pronoun
    subject under a reporting verb is the reporter ("X said it would ..."); in "X said Y must
    ..." the demand is X's and Y its target."""
    side1: list[ActorRef] = []
    side2: list[ActorRef] = []
    assoc1: list[ActorRef] = []
    if trigger.pos_ == "VERB":
        subject, passive = _subject(trigger)
        agent = _agent(trigger)
        reporter = _reporter(trigger)
        if reporter is not None and subject is not None and not passive and _owes(trigger):
            side2.extend(_mention_refs(_phrase_tokens(subject), resolved))
            subject = reporter  # the one who puts the obligation on the subject
        if subject is not None:
            phrase = [t for h in _with_conjuncts(subject) for t in _phrase_tokens(h)]
            refs = _mention_refs(phrase, resolved)
            if not refs and subject.lower_ in PRONOUNS and reporter is not None:
                refs = _mention_refs(_phrase_tokens(reporter), resolved)
            (side2 if passive else side1).extend(refs)
            assoc1 += _mention_refs(_assoc_tokens(subject), resolved) if not passive else []
        if agent is not None:
            side1.extend(_mention_refs(_phrase_tokens(agent), resolved))
            assoc1 += _mention_refs(_assoc_tokens(agent), resolved)
        for child in trigger.children:
            if child.dep_ in {"dobj", "attr"}:
                side2.extend(_mention_refs(_phrase_tokens(child), resolved))
            elif child.dep_ == "prep" and child.lower_ in PATIENT_PREPOSITIONS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        side2.extend(_mention_refs(_phrase_tokens(obj), resolved))
            elif child.dep_ == "prep" and child.lower_ == "between":
                pair = [
                    t for obj in child.children if obj.dep_ == "pobj" for t in _with_conjuncts(obj)
                ]
                refs = [r for t in pair for r in _mention_refs(_phrase_tokens(t), resolved)]
                side1 += refs[:1]
                side2 += refs[1:2]
    else:
        for child in trigger.children:
            if (
                child.dep_ in {"poss", "amod", "compound", "nmod"}
                or child.dep_ == "prep"
                and child.lower_ == "by"
            ):
                side1.extend(_mention_refs(list(child.subtree), resolved))
            elif child.dep_ == "acl" and _agent(child) is not None:
                # "a drone attack conducted by the United States"
                side1.extend(_mention_refs(_phrase_tokens(_agent(child)), resolved))
            elif child.dep_ == "prep" and child.lower_ in PATIENT_PREPOSITIONS | {"between"}:
                refs = _mention_refs(list(child.subtree), resolved)
                if child.lower_ == "between":
                    side1 += refs[:1]
                    side2 += refs[1:2]
                else:
                    side2.extend(refs)
        governor = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if (
            not side1
            and trigger.dep_ in {"dobj", "attr", "pobj"}
            and governor.pos_ in {"VERB", "AUX"}
        ):
            subject, passive = _subject(governor)
            if subject is not None and not passive:
                side1.extend(_mention_refs(_phrase_tokens(subject), resolved))
    actor1 = side1[0] if side1 else None
    actor2 = next((r for r in side2 if actor1 is None or r.id != actor1.id), None)
    assoc1 = [r for r in assoc1 + side1[1:] if actor1 is None or r.id != actor1.id]
    assoc2 = [r for r in side2 if actor2 is not None and r.id != actor2.id]
    return actor1, actor2, _unique(assoc1), _unique(assoc2)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    return [r for r in refs if not (r.id in seen or seen.add(r.id))]


def generic_actor(country: str | None, kind: str, trigger: Token) -> ActorRef | None:
    """An ACLED generic class of the event's country: Protesters (Libya), Civilians (Sudan)."""
    if not country:
        return None
    record = actor_records().get(f"{country}-{kind}")
    if record is None:
        return None
    words = {
        "protesters": cue_words("protester_words"),
        "rioters": cue_words("protester_words"),
        "civilians": VICTIM_WORDS,
    }.get(kind, set())
    named = next((t for t in sentence_of(trigger) if t.lower_ in words), trigger)
    return ActorRef(
        id=record.id, name=record.name, text=named.text, country=record.country, inter=record.inter
    )


def has_civilian_victims(trigger: Token) -> bool:
    for token in trigger.subtree:
        if token.lower_ in VICTIM_WORDS and token.dep_ in {
            "dobj",
            "nsubjpass",
            "pobj",
            "conj",
            "appos",
        }:
            return True
    subject = next((c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ in VICTIM_WORDS


def victims(trigger: Token, country: str | None) -> ActorRef | None:
    return generic_actor(country, "civilians", trigger) if has_civilian_victims(trigger) else None


def with_foreign_inter(location: Location | None, *actors: ActorRef | None) -> tuple:
    """ACLED codes state forces acting outside their own country as external forces (8)."""
    result = []
    for actor in actors:
        if (
            actor is not None
            and actor.inter == 1
            and location is not None
            and location.country
            and actor.country
            and actor.country != location.country
        ):
            actor = actor.model_copy(update={"inter": 8})
        result.append(actor)
    return tuple(result)


# The argument readers, for the other stage that reads who-did-what from the parse (relate).
subject_of = _subject
agent_of = _agent
phrase_tokens = _phrase_tokens
with_conjuncts = _with_conjuncts
actor_refs = _mention_refs
ref_for = _ref
