"""Relations between actors: who supports, is allied with, belongs to or commands whom.

Part of the `relate` stage. Read from the ways reports say it: "Y backed by X, Z and W" (one
relation each), "X backs Y", "X's support for Y", "X provided support to Y", "countries
supporting Y" standing for the countries named as the clause's subject, "loyal to",
"mercenaries of", "allied with", "X, commander of Y". A negated or denied relation is kept as
`denied`, an accusation ("accused X of arming Y") as `claimed`. Fighting between two armed
organisations in an event gives an `opposes` relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from frontlines.clauses import (
    actor_refs,
    agent_of,
    evidence_of,
    phrase_tokens,
    subject_of,
    with_conjuncts,
)
from frontlines.kb import load_data
from frontlines.mentions import actor_records
from frontlines.models import ControlChange, Event, Relation
from frontlines.parse import lemmas_of, lowers_of, sentences_of
from frontlines.relate.fighting import UNARMED_TYPES, averted_at, capture_pairs, fight_pairs
from frontlines.relate.forces import (
    OPPOSING_EVENT_TYPES,
    OPPOSING_SUB_EVENTS,
    forces_named,
    inferred_force,
    named_as_coded,
    named_force,
    named_in_text,
    no_side,
    side_named,
    site_named,
    told_by_control,
)
from frontlines.relate.phrases import (
    actors_between,
    backers_in,
    backers_only,
    is_named_group,
    leaders_in,
    member_phrase,
    persons_named,
    phrase_pairs,
    run_after,
)
from frontlines.relate.plausible import fold_unspecified, opposed, plausible
from frontlines.resolve import ResolvedDocument

AGENT_REACH = 24  # characters after a "by" with no object in which its name may stand
# Fighting one side does to another: both named, the second one armed.
MODE_OF = {"opposes": "military"}  # a fight is a military opposition
ALLY_WORDS = {"allied", "aligned"}  # "mercenaries allied to X": not X
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
SYMMETRIC = {"opposes", "allied_with"}  # either way round, one relation


@cache
def lexicon() -> dict:
    return load_data("relate.yaml")["relations"]


@cache
def _set(*path: str) -> frozenset[str]:
    value: object = lexicon()
    for key in path:
        value = value[key]  # type: ignore[index]
    return frozenset(str(v).lower() for v in value)  # type: ignore[union-attr]


def _ids(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    return [ref.id for ref in actor_refs(tokens, resolved)]


def _persons(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """Persons named over the tokens, as themselves (not the forces they command)."""
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    linked = resolved.linked
    return [
        actor_id
        for (start, end), actor_id in sorted(linked.actor_of.items())
        if actor_id in linked.actors
        and linked.actors[actor_id].record.type == "person"
        and any(a < end and start < b for a, b in spans)
    ]


def _phrase_ids(head: Token | None, resolved: ResolvedDocument) -> list[str]:
    """Actors named by a phrase and its conjuncts ("Egypt, the Emirates, France and Russia")."""
    if head is None:
        return []
    heads = [head]
    for _ in range(8):  # conjunct chains: a, b, c and d hang one under the other
        more = [c for h in heads for c in with_conjuncts(h) if c not in heads]
        if not more:
            break
        heads += more
    found: list[str] = []
    for item in heads:
        tokens = phrase_tokens(item)
        # "mercenaries allied to X": the mercenaries, not their ally (but "forces loyal
        # to X", naming no one else, are X's)
        allied = {t.i for c in item.children if c.lower_ in ALLY_WORDS for t in c.subtree}
        own = [t for t in tokens if t.i not in allied]
        backers = backers_in(tokens, resolved)  # "the UN-recognised government": not the UN
        for actor_id in _within(own, resolved) if allied else _ids(tokens, resolved):
            if actor_id not in found and actor_id not in backers:
                found.append(actor_id)
    # "backed by U.S.-led coalition airstrikes" naming no actor: the coalition's leader
    return found or leaders_in([t for item in heads for t in phrase_tokens(item)], resolved)


def _within(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """Actors the tokens name by a mention inside them (not one running on into 'allied to
    X'); all they name where none lies inside."""
    if not tokens:
        return []
    low, high = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    spans = resolved.linked.actor_of.items()
    found = _ids(tokens, resolved)
    inside = [i for i in found if any(j == i and low <= a and b <= high for (a, b), j in spans)]
    return inside or found


def _standing_for(noun: Token, resolved: ResolvedDocument) -> list[str]:
    """'X and Y are at the forefront of countries supporting Z': the countries are X and Y."""
    if noun.lower_ not in _set("placeholder_nouns"):
        return []
    current = noun
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            subject, passive = subject_of(current)
            return [] if passive else _phrase_ids(subject, resolved)
        if current.head == current:
            return []
        current = current.head
    return []


def _sources_of_verb(verb: Token, resolved: ResolvedDocument) -> list[str]:
    agent = agent_of(verb)
    if agent is not None:
        return _phrase_ids(agent, resolved)
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if by is not None:  # "backed by the Arab coalition capture X": the parser hung the
        # coalition elsewhere; the name right after "by" is still who backs
        end = by.idx + len(by) + AGENT_REACH
        return actors_between(by.idx + len(by), end, resolved)[:1]
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBG":  # "countries supporting Y"
        named = (
            _phrase_ids(verb.head, resolved)
            if verb.head.lower_ not in _set("placeholder_nouns")
            else []
        )
        return named or _standing_for(verb.head, resolved)
    accused = _accused(verb)
    if accused is not None:
        return _phrase_ids(accused, resolved)
    subject, passive = subject_of(verb)
    if subject is not None and not passive:
        return _phrase_ids(subject, resolved) or _standing_for(subject, resolved)
    purpose = verb.dep_ in {"advcl", "xcomp"} and any(c.tag_ == "TO" for c in verb.children)
    if subject is not None and passive and purpose:
        return _phrase_ids(subject, resolved)  # "X are sent to help Y": X helps
    return []


def _targets_of_verb(verb: Token, resolved: ResolvedDocument) -> list[str]:
    if agent_of(verb) is not None or verb.tag_ == "VBN" and verb.dep_ == "acl":
        if verb.dep_ in {"acl", "amod"}:  # "Haftar's forces backed by X"
            return _phrase_ids(verb.head, resolved)
        if verb.dep_ == "advcl" and verb.tag_ == "VBN":  # "Backed by X, Y took Z"
            subject, passive = subject_of(verb.head)
            return [] if passive else _phrase_ids(subject, resolved)
        subject, _ = subject_of(verb)
        for child in verb.children:
            # "X (SDF) backed by Y, seize ...": a headline's participle parsed as the verb
            # with X its active subject; with the agent there X is still who is backed
            if child.dep_ in {"nsubjpass", "nsubj"}:
                if verb.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    return _phrase_ids(verb.head, resolved)  # "X, which is backed by Y"
                return _phrase_ids(child, resolved)
        return _phrase_ids(subject, resolved)
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"}:
            return _phrase_ids(child, resolved)
    for child in verb.children:  # "help Y fight X", "help Y (to) hold the town": Y
        if child.dep_ in {"ccomp", "xcomp"}:
            doers = [g for g in child.children if g.dep_ in {"nsubj", "compound"}]
            found = [i for g in doers for i in _phrase_ids(g, resolved)]
            if found:
                return found
    return []


def _accused(verb: Token) -> Token | None:
    """'accused X of arming Y': X is who arms."""
    current = verb
    for _ in range(3):
        current = current.head
        if current.lemma_.lower() in _set("claim_verbs"):
            return next((c for c in current.children if c.dep_ == "dobj"), None)
    return None


def _modality(token: Token) -> str:
    if any(c.dep_ == "neg" for c in token.children):
        return "denied"
    current = token
    for _ in range(4):
        if current.head == current or current.dep_ == "appos":
            break  # "X, an ally of Y, claims ...": the apposition is the report's own word
        current = current.head
        lemma = current.lemma_.lower()
        if any(c.dep_ == "neg" for c in current.children) and current.pos_ == "VERB":
            return "denied"
        if lemma in _set("denial_verbs"):
            return "denied"
        if lemma in _set("claim_verbs"):
            return "claimed"
    return "asserted"


def _modes(token: Token) -> list[str]:
    """Modes named at the relation's word: 'military support', 'arming', 'supporting Y, both
    politically and militarily' (where the adverbs may hang on the clause's verb)."""
    words = {token.lemma_.lower(), token.lower_}
    holders = [token]
    current = token
    for _ in range(6):  # up to the clause's verb
        if current.head == current or current.pos_ in {"VERB", "AUX"} and current != token:
            break
        current = current.head
        holders.append(current)
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"advmod", "amod", "npadvmod", "compound"}:
                for item in (child, *(c for c in child.children if c.dep_ == "conj")):
                    words |= {item.lemma_.lower(), item.lower_}
            elif holder == token and child.dep_ == "prep" and child.lower_ in {"with", "in"}:
                words |= {g.lemma_.lower() for g in child.subtree}
    found = [mode for mode in ("military", "political", "financial") if words & _set("modes", mode)]
    return found or ["unspecified"]


def _support_noun(noun: Token, resolved: ResolvedDocument) -> tuple[list[str], list[str]]:
    """'X's support for Y', 'support from X to Y', 'X provided support to Y'."""
    sources: list[str] = []
    targets: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            sources += _phrase_ids(child, resolved)
        elif child.dep_ == "amod" and child.ent_type_ in {"NORP", "GPE"}:
            sources += _ids([child], resolved)  # "Turkish support"
        elif child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            sources += [i for g in child.children for i in _phrase_ids(g, resolved)]
        elif child.dep_ == "prep" and child.lower_ in {"for", "to", "of"}:
            targets += [i for g in child.children for i in _phrase_ids(g, resolved)]
    governor = noun.head
    if noun.dep_ == "pobj" and governor.lower_ == "in" and governor.head.pos_ == "VERB":
        subject, passive = subject_of(governor.head)  # "X carried out strikes in support of Y"
        if not sources and not passive:
            sources = _phrase_ids(subject, resolved)
    if governor.lemma_.lower() in _set("supports", "giving_verbs") and noun.dep_ == "dobj":
        subject, passive = subject_of(governor)
        accused = _accused(governor)  # "accuses X of deploying jets to provide support to Y"
        if not sources and accused is not None:
            sources = _phrase_ids(accused, resolved)
        if not sources and not passive:
            sources = _phrase_ids(subject, resolved)
        for child in governor.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "for"}:
                targets += [i for g in child.children for i in _phrase_ids(g, resolved)]
    return sources, targets


@cache
def _relation_lemmas() -> frozenset[str]:
    """Every lemma that can make a token a relation word in `_pairs`."""
    return (
        _set("supports", "verbs")
        | _set("supports", "nouns")
        | _set("allied_with", "adjectives")
        | _set("commands", "nouns")
    )


def _pairs(sentence: Span, resolved: ResolvedDocument) -> Iterator[tuple[str, Token, list, list]]:
    """(kind, word, sources, targets) for every relation word in the sentence."""
    support_verbs = _set("supports", "verbs")
    doc = sentence.doc
    lemmas, lowers = lemmas_of(doc), lowers_of(doc)
    relation_lemmas, allied, members = (
        _relation_lemmas(),
        _set("allied_with", "adjectives"),
        _set("member_of", "phrases"),
    )
    for index in range(sentence.start, sentence.end):
        # Most words are none of these: test them on the token table, and make spaCy's
        # Token object only for the few that may be.
        if not (
            lemmas[index] in relation_lemmas
            or lowers[index] in allied
            or " ".join(lowers[index : index + 2]) in members
        ):
            continue
        token = doc[index]
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in support_verbs:
            yield (
                "supports",
                token,
                _sources_of_verb(token, resolved),
                _targets_of_verb(token, resolved),
            )
        elif token.pos_ == "NOUN" and lemma in _set("supports", "nouns"):
            sources, targets = _support_noun(token, resolved)
            yield "supports", token, sources, targets
        elif (
            lemma in _set("allied_with", "adjectives")
            or token.lower_ in _set("allied_with", "adjectives")
        ) and token.pos_ in {"ADJ", "VERB"}:
            partners = [
                i
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in {"with", "to"}
                for g in c.children
                for i in _phrase_ids(g, resolved)
            ]
            holder = token.head if token.dep_ in {"amod", "acl"} else subject_of(token)[0]
            if not partners and holder is not None and holder.dep_ == "conj":
                # "Iraqi forces and allied Shia militia": allied with the first conjunct
                partners = _ids(phrase_tokens(holder.head), resolved)
            if not partners and token.dep_ == "conj" and token.i > 1:
                # the same read as a verb "allied" with its object: "by X and allied Y forces"
                before = token.doc[token.i - 2]
                holder = next((c for c in token.children if c.dep_ == "dobj"), None)
                if token.doc[token.i - 1].lower_ == "and" and holder is not None:
                    partners = actors_between(before.idx, before.idx + len(before), resolved)
            yield "allied_with", token, _phrase_ids(holder, resolved), partners
        elif (phrase := member_phrase(token)) is not None:
            preposition = sentence.doc[token.i + 1]
            groups = [i for g in preposition.children for i in _phrase_ids(g, resolved)]
            if phrase.startswith("mercenaries"):  # "Wagner mercenaries of Haftar"
                hired = [t for t in token.lefts if t.dep_ in {"compound", "amod", "nmod"}]
                yield "supports", token, _ids(hired, resolved), groups
                continue
            holder = token.head if token.dep_ in {"amod", "acl", "prep"} else subject_of(token)[0]
            if token.pos_ == "NOUN" and token.dep_ not in {"attr", "appos", "ROOT"}:
                continue  # "clash with members of Y": Y's members, nobody said to be one
            if holder is None or holder.pos_ not in {"NOUN", "PROPN"}:
                continue
            named = [t for g in preposition.children for t in g.subtree] or run_after(preposition)
            leaders = persons_named(named, resolved)
            if leaders:  # "the Coast Guard loyal to Khalifa Haftar": he commands it
                # named before "loyal to" by words of its own: "forces loyal to X" are X's
                start = min(t.idx for t in phrase_tokens(holder))
                members = [
                    i
                    for (a, b), i in sorted(resolved.linked.actor_of.items())
                    if start <= a
                    and b <= token.idx
                    and is_named_group(i, resolved)
                    and i not in leaders
                ]
                yield "commands", token, leaders, list(dict.fromkeys(members))
                continue
            yield "member_of", token, _phrase_ids(holder, resolved), groups
        elif token.dep_ == "appos" and lemma in _set("commands", "nouns"):
            led = [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in {"of", "for"}
                for g in c.children
            ]
            # "head of the UN-backed government": he heads the government, not the UN
            backers = backers_in([t for g in led for t in g.subtree], resolved)
            groups = [i for g in led for i in _phrase_ids(g, resolved) if i not in backers]
            yield "commands", token, _persons(phrase_tokens(token.head), resolved), groups


def find_relations(
    resolved: ResolvedDocument, events: list[Event], control: list[ControlChange] | None = None
) -> list[Relation]:
    """Every relation the report states, one per source, target, kind and mode; the sides
    of a fight (a battle, a strike on an armed group, a place taken from one by another)
    oppose each other."""
    published = resolved.linked.parsed.document.published
    found: dict[tuple[str, str, str, str], Relation] = {}  # insertion order is text order
    as_named = named_as_coded(resolved)

    def add(kind: str, source: str, target: str, mode: str, modality: str, evidence, date):
        source, target = as_named.get(source, source), as_named.get(target, target)
        key = (kind, source, target, mode)
        if (
            not plausible(kind, source, target)
            or site_named(source, resolved)
            or site_named(target, resolved)
        ):
            return
        if kind in SYMMETRIC and (kind, target, source, mode) in found:
            key = (kind, target, source, mode)  # "X opposes Y" told again as "Y ... X"
        if key in found:  # told again: one relation, more evidence
            if evidence not in found[key].evidence:
                found[key].evidence.append(evidence)
            return
        found[key] = Relation(
            kind=kind,
            source=source,
            target=target,
            mode=mode,
            modality=modality,
            date=date,
            evidence=[evidence],
        )

    for sentence in sentences_of(resolved.linked.parsed.doc):
        pairs = [
            *_pairs(sentence, resolved),
            *phrase_pairs(sentence, resolved),
            *fight_pairs(sentence, resolved),
        ]
        presupposed = list(capture_pairs(sentence, resolved))
        for kind, word, sources, targets in pairs + presupposed:
            if not sources or not targets:
                continue
            modality = _modality(word)
            if any(word is item[1] for item in presupposed) and modality == "claimed":
                modality = "asserted"  # a claimed capture still tells who fights whom
            modes = _modes(word) if kind == "supports" else [MODE_OF.get(kind, "unspecified")]
            evidence = evidence_of(sentence, resolved)
            for source in sources:
                for target in targets:
                    for mode in modes:
                        add(kind, source, target, mode, modality, evidence, published)
    backers = backers_only(resolved)
    for event in events:
        if {getattr(event.actor1, "id", None), getattr(event.actor2, "id", None)} & backers:
            continue  # "the UN-recognised government ... repelled an attack": not the UN
        fight = event.sub_event_type in OPPOSING_SUB_EVENTS or (
            event.event_type in OPPOSING_EVENT_TYPES
        )
        if not fight or event.modality != "asserted" or told_by_control(event, control):
            continue  # ground taken whose two sides a control change gives, as the text names
        if event.actor1 is None or event.actor2 is None or event.historical:
            continue
        types = [actor_records().get(a.id) for a in (event.actor1, event.actor2)]
        if any(record is None or record.type == "state" for record in types):
            continue
        if types[1].type in UNARMED_TYPES:  # type: ignore[union-attr]
            continue
        if no_side(event.actor2, resolved):
            continue  # "seized a Russian missile system": whose the thing was, not a side
        if inferred_force(event.actor2):
            continue  # "the Taliban captures X": the army the event is coded against, unnamed
        target_named = is_named_group(event.actor2.id, resolved) or forces_named(event.actor2)
        if event.sub_event_type not in OPPOSING_SUB_EVENTS and not (
            target_named and named_in_text(event.actor1)
        ):
            # a strike on a place: its state forces are only the type's default; a strike
            # nobody is said to fly ("a drone strike kills ...") is no side the text names
            continue
        evidence = event.evidence[0]
        if averted_at(evidence, resolved):
            continue  # "withdrawing to avoid clashing with X": no fight
        add(
            "opposes",
            named_force(side_named(event.actor1, evidence, resolved), evidence, resolved),
            named_force(side_named(event.actor2, evidence, resolved), evidence, resolved),
            "military",
            "asserted",
            event.evidence[0],
            event.date,
        )
    for change in control or []:
        if change.kind not in {"captured", "entered"} or change.modality == "denied":
            continue
        if not change.gained_by or not change.lost_by or not change.evidence:
            continue
        if any(opposed(found, change.gained_by, change.lost_by)):
            continue
        add(
            "opposes",
            change.gained_by,
            change.lost_by,
            "military",
            "asserted",  # a claimed capture still tells who fights whom
            change.evidence[0],
            change.date,
        )
    return fold_unspecified(list(found.values()))
