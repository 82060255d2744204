"""Relations told inside a noun phrase rather than by a clause's verb.

Part of the `relate` stage, beside `backing`: "the X-backed Y" (X supports Y, read from the
characters as well as the parse, which often takes "U.S.-backed" for a verb), "X's Y" where X
is a person and Y a named force (X commands Y), "Y commander X" and "X, Y's commander"
(X commands Y), "Y, led by X" and "Y of X" (X commands Y), "Y and allied Z" (Z is allied
with Y), "Y, an ally of X" and "Y and their allies, including X" (allied), "the X-led
coalition" naming no actor (X stands for it). Word lists are in `kb/data/relate.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Span, Token

from frontlines.clauses import actor_refs, phrase_tokens
from frontlines.kb import load_data
from frontlines.kb.countries import is_generic_class
from frontlines.kb.names import name_key
from frontlines.mentions import actor_records
from frontlines.parse import text_of
from frontlines.resolve import ResolvedDocument

NAMED_FORCE_TYPES = {"state", "military", "police", "government"}  # a country's own, unnamed


@cache
def _lexicon() -> dict:
    return load_data("relate.yaml")["relations"]


@cache
def _words(*path: str) -> frozenset[str]:
    value: object = _lexicon()
    for key in path:
        value = value[key]  # type: ignore[index]
    return frozenset(str(v).lower() for v in value)  # type: ignore[union-attr]


def _record(actor_id: str):
    return actor_records().get(actor_id)


def is_person(actor_id: str, resolved: ResolvedDocument) -> bool:
    linked = resolved.linked.actors.get(actor_id)
    record = linked.record if linked else _record(actor_id)
    return record is not None and record.type == "person"


def is_named_group(actor_id: str, resolved: ResolvedDocument) -> bool:
    """A named organisation (a militia, an army with a name, a coalition), not a country, its
    unnamed state forces, a generic class or a person."""
    if is_generic_class(actor_id):
        return False
    linked = resolved.linked.actors.get(actor_id)
    record = linked.record if linked else _record(actor_id)
    if record is None or record.type in {"person", "state"}:
        return False
    generated = actor_id[:3].isupper() and actor_id[3:4] == "-"  # "LBY-military"
    return not (generated and record.type in NAMED_FORCE_TYPES)


def actors_between(start: int, end: int, resolved: ResolvedDocument) -> list[str]:
    """Actors mentioned over the characters, in text order; a country named there as a place
    ("Iran" in "Iran-backed") stands for its state."""
    found = [
        actor_id
        for (a, b), actor_id in sorted(resolved.linked.actor_of.items())
        if a < end and start < b
        and not (a <= start and end <= b and b - a > end - start)  # a longer phrase around
    ]
    if not found:
        for (a, b), place in sorted(resolved.place_at.items()):
            country = place.country if place.feature == "country" else None
            if a < end and start < b and country and _record(country) is not None:
                found.append(country)
    return list(dict.fromkeys(found))


def persons_named(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """Persons named over the tokens: their own mentions, else a person of the document whose
    name ends with the tokens' last name ("Haftar's forces", one mention of his force)."""
    if not tokens:
        return []
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    own = [a for a in actors_between(start, end, resolved) if is_person(a, resolved)]
    if own:
        return own
    names = [t for t in tokens if t.pos_ == "PROPN"]
    if not names:
        return []
    last = name_key(names[-1].text.removesuffix("'s").removesuffix("’s"))
    if not last:
        return []
    present = resolved.linked.actors
    # the document's persons, then the known commanders of the forces it names (the
    # linker folds "Field Marshal Khalifa Haftar" into the force he commands)
    candidates = [(a, linked.record) for a, linked in present.items()]
    candidates += [
        (record.id, record)
        for record in actor_records().values()
        if record.type == "person" and set(record.commands) & set(present)
    ]
    for actor_id, record in candidates:
        if record.type != "person":
            continue
        words = {w for n in (record.name, *record.aliases) for w in name_key(n).split()}
        if last in words:
            return [actor_id]
    return []


def side_refs(refs: list[str], resolved: ResolvedDocument) -> list[str]:
    """A phrase's actors as a side: without a bare country when something more particular is
    named with it ('Yemeni government forces', 'Syrian Army troops')."""
    def is_state(actor_id: str) -> bool:
        linked = resolved.linked.actors.get(actor_id)
        record = linked.record if linked else _record(actor_id)
        return record is not None and record.type == "state"

    particular = [r for r in refs if not is_state(r)]
    return particular or refs


def backers_in(tokens: list[Token], resolved: ResolvedDocument) -> set[str]:
    """Actors named as X in 'the X-backed Y' over the tokens: the phrase's side is Y."""
    found: set[str] = set()
    for token in tokens:
        span = _participle(token)
        if span is not None:
            found.update(actors_between(*span, resolved))
    return found


def held_by(tokens: list[Token], resolved: ResolvedDocument) -> str | None:
    """'the LNA-held city of Sirte', 'the al-Shabaab-controlled town', 'one of X's
    strongholds', 'the last outpost of X': who held it."""
    control = load_data("relate.yaml")["control"]
    held = frozenset(str(w) for w in control["held_participles"])
    nouns = frozenset(str(w) for w in control["held_nouns"])
    for token in tokens:
        span = _participle(token, held)
        if span is not None:
            holders = actors_between(*span, resolved)
            if holders:
                return holders[0]
        if token.lemma_.lower() in nouns and token.pos_ == "NOUN":
            owners = [
                c for c in token.children
                if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
            ]
            refs = actor_refs([t for c in owners for t in c.subtree], resolved)
            if refs:
                return refs[0].id
    return None


def _participle(token: Token, participles: frozenset[str] | None = None) -> tuple[int, int] | None:
    """The characters naming the backer of 'X-backed' (one token or X, '-', 'backed')."""
    participles = participles or _words("supports", "participles")
    text = token.text
    if "-" in text.strip("-"):
        prefix, _, suffix = text.rpartition("-")
        if suffix.lower() in participles and prefix:
            return token.idx, token.idx + len(prefix)
    if token.lower_ in participles and token.i >= 2:
        hyphen = token.doc[token.i - 1]
        before = token.doc[token.i - 2]
        if hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_:
            return before.idx, before.idx + len(before.text)
    return None


def leaders_in(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """Actors named as X in 'the X-led coalition' over the tokens: a coalition named only by
    its leader stands for the leader."""
    found: list[str] = []
    for token in tokens:
        span = _participle(token, frozenset({"led"}))
        if span is not None:
            found += actors_between(*span, resolved)
    return list(dict.fromkeys(found))


def _backed(token: Token, sentence: Span, resolved: ResolvedDocument):
    span = _participle(token)
    if span is None:
        return None
    sources = actors_between(*span, resolved)
    if not sources:
        return None
    after = token.idx + len(token.text)
    text = text_of(resolved.linked.parsed.doc)
    for (start, end), actor_id in sorted(resolved.linked.actor_of.items()):
        if end <= after or start < span[0] or actor_id in sources:
            continue
        gap = text[after:start]  # the heading's sentence may end between the two
        if start > after and (any(mark in gap for mark in ",;:().!?") or len(gap.split()) > 3):
            break
        if _demonym_modifier(start, end, actor_id, resolved):
            continue  # "U.S.-backed Syrian rebel alliance": the alliance, not Syria
        return "supports", token, sources, [actor_id]
    named = _named_before(token, resolved)
    return ("supports", token, sources, [named]) if named and named not in sources else None


def _demonym_modifier(start: int, end: int, actor_id: str, resolved: ResolvedDocument) -> bool:
    """A country named by an adjective before a noun ('Syrian' of 'Syrian rebel alliance')."""
    linked = resolved.linked.actors.get(actor_id)
    if linked is None or linked.record.type != "state":
        return False
    span = resolved.linked.parsed.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"amod", "compound"} and span.root.pos_ == "ADJ"


def _named_before(token: Token, resolved: ResolvedDocument) -> str | None:
    """'the U.S.-backed division' after 'the Free Syrian Army's 13th Division': a definite
    noun that ends the name of a party named before stands for that party."""
    noun = token.head if token.dep_ in {"amod", "compound"} else None
    if noun is None or noun.pos_ != "NOUN" or noun.i <= token.i:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    text = text_of(resolved.linked.parsed.doc)
    found = None
    for (start, end), actor_id in sorted(resolved.linked.actor_of.items()):
        if end > token.idx:
            break
        last = text[start:end].split()[-1:] or [""]
        if name_key(last[0]) in {noun.lower_, noun.lemma_.lower()}:
            found = actor_id  # the nearest before
    return found


def _force_of(token: Token, skip: set[int], resolved: ResolvedDocument) -> list[str]:
    tokens = [t for t in phrase_tokens(token) if t.i not in skip]
    return [r.id for r in actor_refs(tokens, resolved) if is_named_group(r.id, resolved)]


def _possessive(token: Token, resolved: ResolvedDocument):
    """'Khalifa Haftar's Libyan National Army': the person commands the named force."""
    if token.dep_ != "poss" or token.pos_ not in {"PROPN", "PRON"}:
        return None
    owner = list(token.subtree)
    if token.pos_ == "PRON":  # "Haftar says his Libyan National Army ...": the one person
        # named before in the sentence
        if token.lower_ not in {"his", "her"}:
            return None
        before = persons_named([t for t in token.sent if t.i < token.i], resolved)
        persons = before if len(before) == 1 else []
    else:
        persons = persons_named(owner, resolved)
    if not persons:
        return None
    own = [t for t in phrase_tokens(token.head) if t.i not in {o.i for o in owner}]
    if not any(t.pos_ == "PROPN" for t in own):
        return None  # "Haftar's forces" are his own, no force named by a name
    forces = _force_of(token.head, {t.i for t in owner}, resolved)
    forces = [f for f in forces if f not in persons]
    return ("commands", token, persons, forces) if forces else None


def _force_of_person(token: Token, resolved: ResolvedDocument):
    """'The Libyan National Army (LNA) of Khalifa Haftar': a named force 'of' a person is
    his, as 'Khalifa Haftar's Libyan National Army' is."""
    if token.dep_ != "prep" or token.lower_ != "of" or token.head.pos_ != "PROPN":
        return None
    owner = [t for g in token.children if g.dep_ == "pobj" for t in g.subtree]
    persons = persons_named(owner, resolved)
    if not persons:
        return None
    forces = _force_of(token.head, {t.i for t in token.subtree}, resolved)
    forces = [f for f in forces if f not in persons]
    return ("commands", token, persons, forces) if forces else None


def _commander(token: Token, resolved: ResolvedDocument):
    """'LNA commander Khalifa Haftar', 'the army's commander, X': the person commands the
    force named on the office word."""
    if token.lemma_.lower() not in _words("commands", "nouns"):
        return None
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        person_tokens = [token.head, *(c for c in token.head.children if c.dep_ == "compound")]
    elif token.dep_ == "appos":
        person_tokens = list(phrase_tokens(token.head))
    else:
        return None
    persons = persons_named(person_tokens, resolved)
    if not persons:
        return None
    modifiers = [
        t
        for c in token.children
        if c.dep_ in {"compound", "amod", "poss", "nmod"}
        for t in c.subtree
    ]
    modifiers += [
        t
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in {"of", "for"}
        for t in c.subtree
    ]
    if not modifiers:
        return None
    backers = backers_in(modifiers, resolved)  # "head of the UN-backed government"
    forces = [
        r.id
        for r in actor_refs(modifiers, resolved)
        if is_named_group(r.id, resolved) and r.id not in backers
    ]
    forces = [f for f in forces if f not in persons]
    return ("commands", token, persons, forces) if forces else None


def _led_by(token: Token, resolved: ResolvedDocument):
    """'the Libyan National Army, led by Khalifa Haftar': the person commands it."""
    if token.lemma_.lower() not in _words("commands", "verbs") or token.tag_ != "VBN":
        return None
    agents = [g for c in token.children if c.dep_ == "agent" for g in c.children]
    if not agents or token.dep_ not in {"acl", "amod", "relcl"}:
        return None
    persons = persons_named([t for a in agents for t in a.subtree], resolved)
    forces = _force_of(token.head, {t.i for t in token.subtree}, resolved)
    forces = [f for f in forces if f not in persons]
    return ("commands", token, persons, forces) if persons and forces else None


def _ally_noun(token: Token, resolved: ResolvedDocument):
    """'the Benghazi Defense Brigades, an ally of the Shura Council': allied."""
    if token.lemma_.lower() not in _words("allied_with", "nouns") or token.dep_ != "appos":
        return None
    partners = [
        r.id
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in {"of", "to", "with"}
        for r in actor_refs(list(c.subtree), resolved)
    ]
    holders = _force_of(token.head, {t.i for t in token.subtree}, resolved)
    return ("allied_with", token, holders, partners) if holders and partners else None


def _allies_including(token: Token, resolved: ResolvedDocument):
    """'Government forces and their allies, including troops from the coalition': the ones
    the allies include are allied with the side whose allies they are."""
    if token.lemma_.lower() not in _words("allied_with", "nouns") or token.dep_ != "conj":
        return None
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return None
    # "including" on the allies, or after them on the first conjunct where the parser hung it
    heads = [*token.children, *(c for c in token.head.children if c.i > token.i)]
    included = [t for c in heads if c.lower_ == "including" for t in c.subtree]
    partners = [r.id for r in actor_refs(included, resolved)]
    own = [t for t in phrase_tokens(token.head) if t not in included]
    holders = [r.id for r in actor_refs(own, resolved)]
    partners = [p for p in partners if p not in holders]
    return ("allied_with", token, holders, partners) if holders and partners else None


def phrase_pairs(sentence: Span, resolved: ResolvedDocument) -> Iterator[tuple]:
    """(kind, word, sources, targets) for every relation told inside a noun phrase."""
    for token in sentence:
        readers = (
            _possessive, _force_of_person, _commander, _led_by, _ally_noun, _allies_including
        )
        for reader in readers:
            found = reader(token, resolved)
            if found is not None:
                yield found
        found = _backed(token, sentence, resolved)
        if found is not None:
            yield found


def backers_only(resolved: ResolvedDocument) -> set[str]:
    """Actors named only as backers ('the UN-recognised government', 'Iranian-backed'): no
    side of the fights the events stage reads in the same clauses."""
    doc = resolved.linked.parsed.doc
    spans = [span for token in doc if (span := _participle(token)) is not None]
    named: dict[str, bool] = {}
    for (start, end), actor_id in resolved.linked.actor_of.items():
        backing = any(a < end and start < b for a, b in spans)
        named[actor_id] = named.get(actor_id, True) and backing
    return {actor_id for actor_id, only in named.items() if only}


def run_after(token: Token) -> list[Token]:
    """The name after a preposition the parser left without its object ('loyal to Field
    marshal X seizes', X read as the verb's subject)."""
    run = []
    for following in token.doc[token.i + 1 : token.sent.end]:
        if following.pos_ not in {"PROPN", "NOUN"}:
            break
        run.append(following)
    return run


def member_phrase(token: Token) -> str | None:
    """The member-of phrase starting at this token ('loyal to', 'belonging to'), if any."""
    following = " ".join(t.lower_ for t in token.doc[token.i : token.i + 2])
    return following if following in _words("member_of", "phrases") else None
