"""Places a capture names that the gazetteer reading left out: a bare name the mentions stage
made no place of ('The Syrian Army retakes Palmyra'), taken as the report's town by that
name; 'the town of X' with a name no gazetteer knows, taken by the name with no point (the
point it was given is the province's around it). Part of the `relate` stage's control
reading."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Token

from frontlines.clauses import with_conjuncts
from frontlines.models import PlaceMention
from frontlines.parse import char_span, text_of
from frontlines.relate.facilities import town_named
from frontlines.resolve import ResolvedDocument

UNPLACED_FEATURES = {"unresolved", "unresolved_region"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}  # the parser's entity labels for places
# a name's linking particle ("Sar-e Pol", "Mazar-i-Sharif"): a name read up to or from it is
# a fragment of a longer one
_PARTICLE_AFTER = re.compile(r"-[a-z]{1,3}[ -][A-Z][a-z]+")
_PARTICLE_BEFORE = re.compile(r"\b[A-Z][a-z]*-[a-z]{1,3}[ -]$")


def _letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded.lower() if c.isascii() and c.isalpha())


def fragment(text: str, start: int, end: int, name: str | None = None) -> bool:
    """Whether the name at [start, end) is cut from a longer one joined by a particle ('Sar'
    or 'Pol' of 'Sar-e Pol'), unless the place's own name is that whole name ('Mazar-i-Sharif'
    matched from 'Sharif' as Mazar-e Sharif)."""
    after = _PARTICLE_AFTER.match(text, end)
    before = _PARTICLE_BEFORE.search(text[:start])
    if not after and not before:
        return False
    whole = _letters((before.group(0) if before else "") + text[start:end]
                     + (after.group(0) if after else ""))
    own = _letters(name or "")
    return not (own[:3] == whole[:3] and own[-3:] == whole[-3:])


def unread_towns(trigger: Token, resolved: ResolvedDocument) -> list[PlaceMention]:
    """A capture's direct object that is a bare name the mentions stage made no place of
    ('The Syrian Army retakes Palmyra from ISIL'): the town of the report's countries by
    that name, if there is one and the name is no known party."""
    found = []
    for child in _objects(trigger):
        if child.dep_ not in {"dobj", "advmod", "npadvmod", "pobj"}:
            continue
        for head in _chain(child):  # "the city's airport, A and B": A and B
            if head.pos_ not in {"PROPN", "ADV"}:
                continue
            words = [
                t for t in head.subtree
                if t.dep_ in {"compound", "flat"} or t == head
                or t.dep_ == "nmod" and t.pos_ == "PROPN" and t.head == head
            ]
            if not words[0].text[:1].isupper() or _known_party(words, resolved):
                continue
            words = sorted(words, key=lambda t: t.i)
            town = town_named(words, resolved)
            if town is None and _called_settlement(head):
                # "enter Qala e Naw, the provincial capital of X": the apposition says it is
                # a town, whatever the name was read as
                town = next(iter(named_as_party({head.i}, resolved)), None)
            if town is None and _read_as_place(head):
                # "M23 rebels captured Bunagana": a place by the parser's reading that no
                # gazetteer knows, taken by its name with no point
                town = unlisted_names({head.i}, trigger.doc, resolved)
                town = town[0] if town else None
            if town is not None:
                found.append(town)
    return found


def _chain(head: Token) -> list[Token]:
    """The head and its conjuncts, each hung on the one before ('A, B and C')."""
    found = [head]
    for item in found:
        found += [c for c in with_conjuncts(item) if c not in found]
        if len(found) > 12:
            break
    return found


def _objects(trigger: Token) -> list[Token]:
    """The verb's own objects, and the names 'of' a 'control' it takes ('took control of X')."""
    found = list(trigger.children)
    for child in trigger.children:
        if child.dep_ == "dobj" and child.lemma_ == "control":
            found += [g for c in child.children if c.lower_ == "of" for g in c.children]
    return found


# entity labels a small town's unknown name is given besides a place's ("Bariire and
# Awdheegle" read as a title): taken as a place when no article stands before it (not
# "seized the Stena Impero")
MISREAD_LABELS = {"WORK_OF_ART", ""}


def _read_as_place(head: Token) -> bool:
    if head.pos_ != "PROPN":
        return False
    if head.ent_type_ in PLACE_LABELS:
        return True
    words = list(head.subtree)
    return head.ent_type_ in MISREAD_LABELS and not any(t.dep_ == "det" for t in words)


SETTLEMENT_WORDS = {"town", "city", "village", "capital", "district", "port", "hamlet"}


def _called_settlement(head: Token) -> bool:
    """Whether an apposition calls the name a town ('X, the provincial capital of Y')."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENT_WORDS for c in head.children)


def _known_party(words: list[Token], resolved: ResolvedDocument) -> bool:
    """Whether a knowledge-base actor (not one discovered from the name) is named there."""
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    linked = resolved.linked
    return any(
        s < end and start < e and actor_id in linked.actors
        and not linked.actors[actor_id].record.discovered
        for (s, e), actor_id in linked.actor_of.items()
    )


def named_unknown(names: set[int], doc: Doc, resolved: ResolvedDocument) -> list[PlaceMention]:
    """The unresolved places whose name's head is one of the tokens, without a point."""
    found = []
    for (start, end), place in sorted(resolved.place_at.items()):
        span = char_span(doc, start, end) if names else None
        if (
            span is None
            or span.root.i not in names
            or fragment(text_of(doc), start, end, place.name)
        ):
            continue
        if place.feature in UNPLACED_FEATURES:
            found += _listed(place.model_copy(update={"lat": None, "lon": None}))
    return found


_LIST_JOINT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


_LOOSE_JOINT = re.compile(r"^(?:(?:and|or)\s+|[,;&]\s*)+|(?:\s+(?:and|or)|\s*[,;&])+$")


def _trimmed(place: PlaceMention) -> PlaceMention:
    """'Kiku and' of 'the towns of Kiku and Maro' read as one name: the name without the
    list's joint it was cut with."""
    text = place.text
    lead = _LOOSE_JOINT.match(text)
    start = lead.end() if lead and lead.start() == 0 else 0
    tail = _LOOSE_JOINT.search(text, start)
    end = tail.start() if tail and tail.end() == len(text) and tail.start() > start else len(text)
    if (start, end) == (0, len(text)):
        return place
    name = text[start:end]
    return place.model_copy(
        update={"text": name, "name": name, "start": place.start + start,
                "end": place.start + end}
    )  # fmt: skip


def _listed(place: PlaceMention) -> list[PlaceMention]:
    """'Qalati Ghilji and Tarinkot' read as one unknown name: one place per name listed."""
    place = _trimmed(place)
    text = place.text
    if sum(c.isalpha() for c in text) < 3:
        return []
    if not _LIST_JOINT.search(text):
        return [place]
    found, start = [], 0
    for joint in [*_LIST_JOINT.finditer(text), None]:
        end = joint.start() if joint else len(text)
        name = text[start:end].strip()
        if sum(c.isalpha() for c in name) >= 3 and name[:1].isupper():
            offset = place.start + start
            found.append(
                place.model_copy(
                    update={"text": name, "name": name, "start": offset, "end": offset + len(name)}
                )
            )
        start = joint.end() if joint else start
    return found


def unlisted_names(names: set[int], doc: Doc, resolved: ResolvedDocument) -> list[PlaceMention]:
    """'the village of Kamango' whose name neither a gazetteer nor the mentions stage read
    (no place, no party there): the construction says it is a settlement, taken by the name
    as written, with no point. A name of fewer than three letters is no place."""
    linked = resolved.linked
    # a name read in part with no point ("Mazar" of "Mazar-i-Sharif") is no reading of it
    taken = [span for span, place in resolved.place_at.items() if place.lat is not None]
    taken += list(linked.actor_of)
    found = []
    for index in sorted(names):
        head = doc[index]
        if head.pos_ != "PROPN" or not head.text[:1].isupper():
            continue
        words = [
            t for t in head.subtree
            if t == head or t.dep_ in {"compound", "flat"} and (
                t.text[:1].isupper() or len(t) <= 3 and t.whitespace_ == ""  # "-i-", "al-"
            )
            or t.text == "-" and t.head == head
        ]
        left = [t for t in head.subtree if t.i < head.i and t.dep_ != "det"]
        if any(t not in words for t in left):
            continue  # "Ra's Lanuf": a name read only in part
        first, last = min(t.i for t in words), max(t.i for t in words)
        span = doc[first : last + 1]
        if len(span) != len(words) or sum(c.isalpha() for c in span.text) < 3:
            continue  # not one run of words ("the town of X in Y"), or a fragment
        start, end = span.start_char, span.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(PlaceMention(text=span.text, start=start, end=end, name=span.text))
    return found


def named_as_party(
    names: set[int], resolved: ResolvedDocument, types: set[str] | None = None
) -> list[PlaceMention]:
    """'the town of Ratyan' whose unknown name the mentions stage took for a party of its own
    making (of one of the given types): the construction says it is a town, taken by its name
    with no point."""
    doc = resolved.linked.parsed.doc
    linked = resolved.linked
    found = []
    for (start, end), actor_id in sorted(linked.actor_of.items()):
        span = char_span(doc, start, end) if names else None
        record = linked.actors[actor_id].record if actor_id in linked.actors else None
        if span is None or span.root.i not in names or record is None or not record.discovered:
            continue
        if types is not None and record.type not in types:
            continue
        # "al-Rabu'ah" whose article the mentions stage cut off ("-Rabu'ah"): the whole name
        before = [
            t for t in span.root.children
            if t.i < span.start and t.dep_ in {"compound", "punct"} and t.whitespace_ == ""
        ]
        if before and doc[span.start - 1] in before:
            start = min(t.idx for t in before)
        text = text_of(doc)[start:end]
        if sum(c.isalpha() for c in text) < 3:
            continue
        found += _listed(PlaceMention(text=text, start=start, end=end, name=text))
    return found
