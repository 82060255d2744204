"""The places a control clause takes: the objects of its verb ("took control of the city of
X", "captured A, B and C"), the facilities in them, names no gazetteer knows, and not the places
that only say where the object lies ("the Yarmouk camp in Tripoli", "south of X", "Zaranj, the
capital of Nimruz Province"). Part of the `relate` stage's control reading (`control`).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from frontlines.clauses import with_conjuncts
from frontlines.kb import load_data
from frontlines.models import PlaceMention
from frontlines.parse import char_span, text_of
from frontlines.relate.facilities import as_facility, facility_places, town_named
from frontlines.relate.objects import described_by, place_like_object
from frontlines.relate.taking import locates
from frontlines.relate.unplaced import (
    fragment,
    named_as_party,
    named_unknown,
    unlisted_names,
    unread_towns,
)
from frontlines.resolve import ResolvedDocument

NESTED_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}
# "unresolved", "unresolved_region": a name no gazetteer knows, placed only at the town or
# province around it; who holds it is not who holds that, and its own point is unknown.
NOT_CONTROL_FEATURES = {
    "country", "continent", "region_of_world", "unresolved", "unresolved_region",
}  # fmt: skip
MIN_PLACE_LETTERS = 3  # "Ra" of "Ra's Lanuf", "Al" of a garbled "Al-X": no place
REFERENCE_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "km", "kilometres", "kilometers", "miles",
    "outskirts", "edge", "edges", "gates", "gate", "near", "outside", "vicinity", "direction",
    "between",
}  # fmt: skip


# "Tessit (Ansongo, Gao)": the units in brackets after a name say where it lies (the style of
# event records); they are not places taken or left themselves
_UNIT_IN_BRACKETS = re.compile(r"\w\s*\((?:[^()]{0,60},\s*)?$")


@cache
def lexicon() -> dict:
    return load_data("relate.yaml")["control"]


def region(head: Token) -> list[Token]:
    """A phrase's tokens without the clauses nested in it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in NESTED_CLAUSES and child.pos_ in {"VERB", "AUX"}:
            continue
        tokens += region(child)
    return tokens


def places_in(tokens: list[Token], resolved: ResolvedDocument) -> list[tuple[Token, PlaceMention]]:
    """The places named over the tokens, each with its name's head token."""
    indices = {t.i for t in tokens}
    doc = resolved.linked.parsed.doc
    found = []
    for (start, end), place in sorted(resolved.place_at.items()):
        span = char_span(doc, start, end)
        if span is None or span.root.i not in indices or place.lat is None:
            continue
        if (place.feature or "") in NOT_CONTROL_FEATURES:
            continue
        if sum(c.isalpha() for c in span.text) < MIN_PLACE_LETTERS or fragment(
            text_of(doc), start, end, place.name
        ):
            continue  # a fragment of a longer or garbled name is no place
        if _UNIT_IN_BRACKETS.search(text_of(doc)[max(0, start - 80) : start]):
            continue
        if _edge_of(span.root):
            continue  # "positions at the Hama provincial border": a line, not the town
        if span.root.pos_ == "ADJ":
            continue  # "from Kurdish fighters": whose, not where
        named = _named_by(span.root)  # "outside the city of X": the city's own governor
        governor = named.head.head if named.dep_ == "pobj" else named.head
        if governor.lower_ in REFERENCE_WORDS or named.head.lower_ in REFERENCE_WORDS:
            continue  # "south of X" names a reference point
        if _describes(span.root) or locates(span.root):
            continue  # "the Kurdish stronghold of Afrin", "the Berber city of Zuwarah"
        found.append((span.root, _whole_name(span, place)))
    return found


def _named_by(root: Token) -> Token:
    """The settlement noun a name is 'of' ('the disputed city of X'), else the name."""
    of = root.head if root.dep_ == "pobj" else None
    settlements = set(lexicon()["settlement_nouns"])
    if of is not None and of.lower_ == "of" and of.head.lemma_.lower() in settlements:
        return of.head
    return root


def _edge_of(root: Token) -> bool:
    """A name (or a list of names) modifying a noun that names a line or stretch of land
    around places ('the Hama and Raqqa provincial border', 'the Hama-Idlib rebel pocket'):
    the places are not what was taken."""
    current = root
    while current.dep_ == "conj" and current.head != current:
        current = current.head
    if current.dep_ not in {"compound", "nmod", "amod"}:
        return False
    head = current.head
    while head.dep_ == "compound" and head.head != head and head.head.pos_ == "NOUN":
        head = head.head  # "the Idlib rebel pocket": "rebel" before the head noun
    return head.pos_ == "NOUN" and head.lemma_.lower() in set(lexicon()["edge_nouns"])


def _whole_name(span: Span, place: PlaceMention) -> PlaceMention:
    """'Bai Hassan' matched as 'Hassan' (a namesake elsewhere): the name the text gives,
    with no point."""
    before = [
        t for c in span.root.children if c.dep_ == "compound" and c.pos_ == "PROPN"
        for t in c.subtree if t.i < span.start
    ]
    if not before or not all(t.text[:1].isupper() for t in before):
        return place
    first = min(t.i for t in before)
    whole = span.doc[first : span.end]
    return PlaceMention(
        text=whole.text, start=whole.start_char, end=whole.end_char, name=whole.text
    )


def _describes(root: Token) -> bool:
    """A name modifying a noun that names its place by 'of X' describes it, it is not it."""
    if root.dep_ not in {"amod", "compound", "nmod"} or root.head.pos_ != "NOUN":
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ == "of"
        and any(g.pos_ == "PROPN" for g in child.subtree)
        for child in root.head.children
    )


def object_places(
    trigger: Token, preps: set[str], resolved: ResolvedDocument
) -> list[tuple[Token, PlaceMention]]:
    """Places the trigger governs through an object ("took control of X": the object's own
    "of") or one of the given prepositions."""
    heads = [
        child
        for child in trigger.children
        if child.dep_ in {"dobj", "attr", "oprd"} or child.dep_ == "prep" and child.lower_ in preps
    ]
    tokens = []
    for head in heads:
        named = _named_complement(head)
        if named is None:
            tokens += region(head)
            continue
        for name in (c for c in named.children if c.dep_ == "pobj"):
            tokens += [name] + [
                t
                for c in name.children
                if c.dep_ not in {"prep", "relcl", "acl"}
                for t in c.subtree
            ]
    return places_in(tokens, resolved)


CONTAINING = {"in", "near"}


def taken_places(trigger: Token, preps: set[str], resolved: ResolvedDocument) -> list:
    """The places a capture's objects name. A place named only as where the object lies
    ('the Yarmouk camp in Tripoli', 'the Rubaya project area in North Kivu') is not taken
    itself: the object is, placed by its own name (`facility_places`) when it has one."""
    found = object_places(trigger, preps, resolved)
    # "Hanano, the largest district in eastern Aleppo", "Raqqa province, the joint capital
    # of X": what an apposition says of the place taken is no place taken
    described = {
        t.i
        for c in object_tokens(trigger, preps)
        if c.dep_ == "appos" and c.pos_ == "NOUN"
        for t in c.subtree
    }
    found = [(r, p) for r, p in found if r.i not in described]
    inner = [
        as_facility(r, p)
        for r, p in found
        if governing_preposition(r, trigger) not in CONTAINING
        and not described_by(r, trigger)
        and not _owns_facility(r)
    ]
    unknown = unknown_towns(trigger, preps, resolved)
    if inner:  # "the city's airport, A and B": the airport too
        extra = facility_places(object_tokens(trigger, preps), resolved)
        # not "the Nihm district" beside "Nihm": a facility named after a place taken
        extra = [e for e in extra if not any(p.text in e.text for p in inner)]
        # "the towns of A, B and C" where C is a name no gazetteer knows
        return inner + extra + [u for u in unknown if not _overlaps(u, inner)]
    if unknown:
        return unknown
    tokens = object_tokens(trigger, preps)
    facilities = facility_places(tokens, resolved)
    if facilities:
        return facilities
    if not found:  # "retakes Palmyra" with the name read as no place: a town of the report's
        towns = unread_towns(trigger, resolved)
        if towns:
            return towns
    named_site = any(
        t.pos_ == "NOUN" and t.lower_ != "control"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
        for t in tokens
    )
    if named_site or not place_like_object(trigger, preps):
        return []  # "secured the release of hostages in Mosul": where, not what was taken
    # "four bases in the Asir Region": a province says where the points taken lie (not so
    # "three districts in Baghlan Province", a share of the province)
    points = _facility_object(trigger, preps)
    return [
        p
        for r, p in found
        if not points
        or p.feature not in WIDE_PLACES
        or governing_preposition(r, trigger) not in CONTAINING
    ]


def _owns_facility(root: Token) -> bool:
    """'Sirte's Ghardabiya air base': the town says whose the facility is; the base was
    taken, not the town."""
    facilities = set(lexicon()["facility_nouns"])
    return root.dep_ == "poss" and (
        root.head.lemma_.lower() in facilities or root.head.lower_ in facilities
    )


def _facility_object(trigger: Token, preps: set[str]) -> bool:
    """Whether the trigger's object (or what it takes 'control of') is a facility: a point."""
    facilities = set(lexicon()["facility_nouns"]) - {"district", "area", "quarter"}
    heads = [c for c in trigger.children if c.dep_ == "dobj"]
    heads += [
        g
        for h in heads
        if h.lower_ == "control"
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(h.lower_.removesuffix("s") in facilities or h.lemma_ in facilities for h in heads)


def _conjunct_chain(head: Token) -> list[Token]:
    """'A, B, and C' where C hangs on B: every conjunct."""
    found = [head]
    for item in found:
        found += [c for c in with_conjuncts(item) if c not in found]
    return found


def _overlaps(place: PlaceMention, others: list[PlaceMention]) -> bool:
    return any(place.start < o.end and o.start < place.end for o in others)


def unknown_towns(trigger: Token, preps: set[str], resolved: ResolvedDocument) -> list:
    """'the town of Dhuluiya' with a name no gazetteer knows (`unplaced.named_unknown`), or
    one the mentions stage took for a party ('the oil port of Ra's Lanuf': by its whole
    name, not the fragment a gazetteer matched)."""
    names: set[int] = set()
    for child in trigger.children:
        if child.dep_ in {"dobj", "attr", "oprd"} or child.dep_ == "prep" and child.lower_ in preps:
            named = _named_complement(child)
            objects = [c for c in named.children if c.dep_ == "pobj"] if named else []
            objects += _listed_after(child)
            names |= {t.i for c in objects for t in _conjunct_chain(c)}
    # "several villages, including Tal Abyad": a name the gazetteer knows in the report's
    # countries that the mentions stage read as a person or an organisation
    listed = {
        t.i
        for c in trigger.children
        if c.dep_ == "dobj" and c.lemma_.lower() in set(lexicon()["settlement_nouns"])
        for h in _included(c)
        for t in _conjunct_chain(h)
    }
    known = [
        town
        for i in sorted(listed)
        if (town := _gazetteer_town(trigger.doc[i], resolved)) is not None
    ]
    names -= {t.i for i in listed for t in trigger.doc[i].subtree if known and any(
        k.start <= t.idx < k.end for k in known)}
    parties = known + named_as_party(names, resolved)
    # "seized control of Jurf Al Sakhar": nobody takes control of a person, so a name the
    # mentions stage made a person of is the place
    controlled = {t.i for c in _controlled(trigger) for t in _conjunct_chain(c)} - names
    parties += named_as_party(controlled, resolved, {"person"})
    unknown = named_unknown(names, trigger.doc, resolved)
    unknown += unlisted_names(names, trigger.doc, resolved)  # read as nothing at all
    return parties + [u for u in unknown if not _overlaps(u, parties)]


def _gazetteer_town(head: Token, resolved: ResolvedDocument) -> PlaceMention | None:
    words = sorted(
        [t for t in head.subtree if t == head or t.dep_ in {"compound", "flat"}], key=lambda t: t.i
    )
    return town_named(words, resolved) if words and words[0].text[:1].isupper() else None


def _controlled(trigger: Token) -> list[Token]:
    """The names after 'control of/over' that the trigger governs."""
    return [
        name
        for child in trigger.children
        if child.dep_ == "dobj" and child.lower_ == "control"
        for prep in child.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "over"}
        for name in prep.children
        if name.dep_ == "pobj" and name.pos_ == "PROPN"
    ]


INCLUDING = {"including", "include", "includes", "among"}


def _listed_after(head: Token) -> list[Token]:
    """'seized seven provincial capitals, A, B and C', 'several villages, including A and B':
    the names in apposition to an object that is a kind of settlement, or that it includes."""
    kinds = set(lexicon()["settlement_nouns"]) | {"capital"}
    if head.dep_ != "dobj" or head.lemma_.lower() not in kinds:
        return []
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return found + _included(head)


def _included(head: Token) -> list[Token]:
    """'several villages, including A and B': the names the object includes."""
    found = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in INCLUDING:
            found += [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return found


def object_tokens(trigger: Token, preps: set[str]) -> list[Token]:
    """The tokens of the trigger's objects and of its phrases with the given prepositions."""
    return [
        t
        for child in trigger.children
        if child.dep_ in {"dobj", "attr", "oprd"} or child.dep_ == "prep" and child.lower_ in preps
        for t in region(child)
    ]


def _named_complement(head: Token) -> Token | None:
    """'the village of X in the Y region': the place taken is X, whatever Y is; when X is
    unknown nothing is taken, rather than the region it lies in."""
    noun = head
    if head.dep_ == "prep":
        noun = next((c for c in head.children if c.dep_ == "pobj"), head)
    if noun.lower_ == "control":  # "took control of the town of X": the town's own "of"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), noun) if of else noun
    settlements = set(lexicon()["settlement_nouns"])
    # "the provincial capitals of A, B and C" (not "the capital of Nimruz Province")
    if noun.lemma_.lower() not in settlements and noun.lower_ not in settlements:
        return None
    for child in noun.children:
        named = any(g.pos_ == "PROPN" for g in child.subtree)
        if child.dep_ == "prep" and child.lower_ == "of" and named:
            return child
    return None


def governing_preposition(root: Token, trigger: Token) -> str | None:
    """The preposition nearest above a place's name on its way up to the trigger."""
    current = root
    while current != trigger and current.head != current:
        if current.dep_ == "prep" or current.pos_ == "ADP":
            return current.lower_
        current = current.head
    return None


def subject_places(subject: Token | None, resolved: ResolvedDocument) -> list[PlaceMention]:
    """The places a passive's subject names ('the town of X in Y Province is captured'): X
    alone where it is 'the town of X', by name where no gazetteer knows it."""
    if subject is None:
        return []
    named = _named_complement(subject)
    if named is None:
        return [place for _, place in places_in(region(subject), resolved)]
    names = [g for c in named.children if c.dep_ == "pobj" for g in with_conjuncts(c)]
    return names_places([t for g in names for t in g.subtree if t.dep_ != "prep"], resolved)


def names_places(tokens: list[Token], resolved: ResolvedDocument) -> list[PlaceMention]:
    """The places the name tokens name; an unknown name by itself, with no point."""
    if not tokens:
        return []
    found = [place for _, place in places_in(tokens, resolved)]
    heads = {t.i for t in tokens}
    doc = tokens[0].doc
    return (
        found
        or named_unknown(heads, doc, resolved)
        or named_as_party(heads, resolved)
        or unlisted_names(heads, doc, resolved)
    )


def _local_capital(noun: Token) -> bool:
    """'the regional capital', 'the provincial capital': a town the report named (not 'the
    capital', which may be the country's)."""
    return noun.lemma_.lower() == "capital" and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in LOCAL_CAPITAL_WORDS for c in noun.children
    )


LOCAL_CAPITAL_WORDS = {"regional", "provincial", "state", "district", "region's", "province's"}
WIDE_PLACES = {"region", "admin1", "state", "province", "area"}


def _controlled_objects(trigger: Token) -> list[Token]:
    """'taking control of the city': the noun the 'control' is of."""
    return [
        g
        for c in trigger.children
        if c.dep_ == "dobj" and c.lower_ == "control"
        for prep in c.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "over"}
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def town_before(
    trigger: Token, resolved: ResolvedDocument, capitals_only: bool = False, only_one: bool = False
) -> list[PlaceMention]:
    """'Militants took Palma after government forces withdrew from the town' (with
    `capitals_only`, only 'entered the regional capital'): an object that
    is a settlement noun with no name of its own ('the town') is the town named last before
    it in the sentence."""
    settlements = set(lexicon()["settlement_nouns"])
    heads = [
        g
        for c in [*trigger.children, *_controlled_objects(trigger)]
        for g in ([c] if c.dep_ in {"dobj", "pobj"} else c.children if c.dep_ == "prep" else [])
        if (g.lemma_.lower() in settlements and not capitals_only or _local_capital(g))
        and any(d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in g.children)
        and not any(t.pos_ == "PROPN" for t in g.subtree)
    ]
    if not heads:
        return []
    before = [t for t in trigger.sent if t.i < heads[0].i]
    towns = [p for _, p in places_in(before, resolved) if p.feature not in WIDE_PLACES]
    if only_one and len({p.name for p in towns}) != 1:
        return []  # which of the towns named is meant is not said
    return towns[-1:]


def place_before(trigger: Token, resolved: ResolvedDocument) -> list[PlaceMention]:
    """'bomb the city of Jisr al-Shughur the day after it was captured by X': the place the
    pronoun stands for, named last before it in the sentence (a town, or 'the city of X')."""
    before = [t for t in trigger.sent if t.i < trigger.i]
    towns = [p for _, p in places_in(before, resolved) if p.feature not in WIDE_PLACES]
    named = []
    for token in before:
        complement = _named_complement(token) if token.dep_ in {"dobj", "pobj"} else None
        if complement is not None:
            heads = [c for c in complement.children if c.dep_ == "pobj"]
            named = names_places([t for h in heads for t in h.subtree], resolved) or named
    last = [*towns[-1:], *named[-1:]]
    return sorted(last, key=lambda p: p.start)[-1:]
