"""The country an event's unnamed actors belong to.

ACLED names people no group is named for by their country: Unidentified Armed Group (Mali),
Civilians (Afghanistan). That is the event's country, as far as the text supports it: a place
with a namesake abroad ('Zari' in China for a district of Afghanistan) or a country guessed from
the outlets ('(Times of India)') is not; words that say whose they are ('Sudanese fighters', 'a
Palestinian gunman') are.
"""

from __future__ import annotations

from spacy.tokens import Span

import frontlines.clauses as clauses
from frontlines.events.folding import Draft
from frontlines.kb.countries import countries
from frontlines.kb.cues import cue_words
from frontlines.mentions import actor_records, demonym_country, is_demonym
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

# ACLED's classes of unnamed people: whose they are is the event's country unless words say.
GENERIC_KINDS = ("unidentified", "civilians", "protesters", "rioters")


def home_country(draft: Draft, resolved: ResolvedDocument) -> str | None:
    """The event's country as its unnamed actors take it: where the event is placed, unless
    nothing else in the report names that country while the report's own country (what its
    names vote for) is named as a place: a namesake abroad ('Zari' in China for a district of
    Afghanistan, 'north west' in South Africa for north-west Pakistan). A demonym on a person
    or a thing ('the Greek Embassy in Buenos Aires', 'the Syrian Civil War') says whose, not
    where; on a place noun ('the northern Nigerian city of Kano') it says where."""
    placed = draft.location.country if draft.location else None
    focus = resolved.linked.focus_country
    if not placed or not focus:
        return placed or focus
    text = resolved.linked.parsed.doc.text
    linked = [
        (lp.mention, lp.place)
        for lp in resolved.linked.places
        if lp.place is not None
        and lp.place.feature not in {"landmark", "unresolved"}
        and not _in_parentheses(text, lp.mention.start)
    ]
    own = draft.location.name
    # the event's own place counts where it is the country itself ('in Mali')
    named = {p.country for _, p in linked if p.name != own or p.feature == "country"}
    records = actor_records()
    named |= {  # 'the Egyptian Army', 'Afghan police': a state's forces name their country
        records[i].country
        for (start, _), i in resolved.linked.actor_of.items()
        if i in records
        and i.startswith(f"{records[i].country}-")
        and not _in_parentheses(text, start)
    }
    if placed in named:
        return placed
    as_places = {
        p.country
        for m, p in linked
        if p.feature == "country" and p.name != own and _names_a_place(m, text)
    }
    if focus in as_places:
        return focus
    # 'in Yoro village, Mali': the one country named as a place
    return as_places.pop() if len(as_places) == 1 else placed


def _names_a_place(mention: object, text: str) -> bool:
    """A country's name, or its demonym on a place noun ('the Nigerian city of Kano')."""
    if not is_demonym(mention.text):
        return True
    after = text[mention.end : mention.end + 20].lower().split()
    return bool(after) and after[0] in cue_words("place_noun_words")


def _in_parentheses(text: str, start: int) -> bool:
    """Whether the offset is inside parentheses: the outlets a report ends with ('(Times of
    India)') and asides say nothing of where the event is."""
    before = text[:start]
    return before.rfind("(") > before.rfind(")")


def of_home(
    ref: ActorRef | None, home: str | None, sentence: Span, resolved: ResolvedDocument
) -> ActorRef | None:
    """An unnamed class of people ('militants', 'the attackers', 'killed') of another country
    than the event's, by no word of the text: the country its linking guessed from the report
    ('ABC America' among the outlets) or a namesake abroad placed. Words that say whose they
    are keep theirs ('Sudanese fighters', 'a Palestinian gunman')."""
    if ref is None or not home or not ref.country or ref.country == home:
        return ref
    kind = ref.id[len(ref.country) + 1 :] if ref.id.startswith(f"{ref.country}-") else ""
    if kind not in GENERIC_KINDS:
        return ref
    own = _demonym_before(ref.text, sentence)
    if own or any(demonym_country(word) or _is_state_name(word) for word in ref.text.split()):
        return _class_of(own, kind, ref.text, resolved) if own and own != ref.country else ref
    return _class_of(home, kind, ref.text, resolved) or ref


def _is_state_name(word: str) -> bool:
    return any(c.name == word for c in countries().values())


def _demonym_before(text: str, sentence: Span) -> str | None:
    """The country a demonym modifying the word names ('Palestinian' in 'Palestinian
    gunman'), where the text is one word of the sentence."""
    for token in sentence:
        if token.text == text:
            for child in token.children:
                if child.dep_ in {"amod", "compound"} and demonym_country(child.text):
                    return demonym_country(child.text)
    return None


def _class_of(country: str, kind: str, text: str, resolved: ResolvedDocument) -> ActorRef | None:
    try:
        return clauses.ref_for(f"{country}-{kind}", text, resolved)
    except KeyError:  # no such generated actor for this code
        return None
