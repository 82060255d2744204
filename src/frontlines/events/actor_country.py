"""The country an event's unnamed actors belong to.

ACLED names people no group is named for by their country: Unidentified Armed Group (Mali),
Civilians (Afghanistan). That is the event's country, as far as the text supports it: a place
with a namesake abroad ('Zari' in China for a district of Afghanistan) or a country guessed from
the outlets ('(Times of India)') is not; words that say whose they are ('Sudanese fighters', 'a
Palestinian gunman') are. A people named as the doer ('Palestinians fire mortars', 'a
Palestinian man stabs ...') is that people's armed men, not its state (`a_people`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.events.folding import Draft
from frontlines.kb.countries import acled_country_name, countries
from frontlines.kb.cues import cue_words, cues
from frontlines.mentions import actor_records, demonym_country, is_demonym
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

# ACLED's classes of unnamed people: whose they are is the event's country unless words say.
_STATE_HEADS = {"government", "regime", "state", "authorities", "officials", "ministry"}
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
        return generic_ref(own, kind, ref.text, resolved) if own and own != ref.country else ref
    return generic_ref(home, kind, ref.text, resolved) or ref


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


def generic_ref(country: str, kind: str, text: str, resolved: ResolvedDocument) -> ActorRef | None:
    """The country's generated actor of that kind ('SYR-military', 'MLI-unidentified') named by
    `text`, or None where no such actor is generated."""
    try:
        return clauses.ref_for(f"{country}-{kind}", text, resolved)
    except KeyError:  # no such generated actor for this code
        return None


def a_people(ref: ActorRef | None, sentence: Span | None = None, doer: bool = True) -> bool:
    """'Palestinians', 'Iraqis': a people named by its plural, not its state. In the sentence
    a doer is also 'another Palestinian attacks' and 'a Palestinian gunman' (that people's
    armed men); harmed, 'Chinese workers', 'a British tanker': any demonym on a noun that
    names no force, weapon or government (that people's civilians)."""
    words = ref.text.split() if ref is not None else []
    if words and all(w[:1].islower() for w in words[:-1]):
        words = words[-1:]  # 'knife-wielding Palestinians': the people the words describe
    if len(words) == 1 and words[0].endswith("s") and is_demonym(words[0][:-1]):
        return True
    if len(words) != 1 or sentence is None or not is_demonym(words[0]):
        return False
    fighters = cue_words("armed_men_nouns")
    lone = fighters | cue_words("lone_doer_nouns")
    for token in sentence:
        if token.text != words[0] or _pro_or_anti(token):
            continue
        counted = any(c.dep_ in {"det", "nummod"} for c in token.children)
        if token.dep_ in {"nsubj", "nsubjpass"} and counted:
            return True  # 'another Palestinian attacks'
        if doer and (_lone_doer(token, lone) or _a_people_noun(token)):
            return True  # 'a Palestinian man stabs', 'a 17-year-old Palestinian stabs'
        modifies = token.dep_ in {"amod", "compound"} and token.head.pos_ == "NOUN"
        if modifies and (token.head.lower_ in fighters or not doer and _civil(token.head)):
            return True
    return False


def _lone_doer(token: Token, nouns: set[str]) -> bool:
    """'A Palestinian terrorist', 'two Palestinian drivers': the demonym stands before a noun
    for people who act alone, whatever the parse made of the pair."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in nouns


def _a_people_noun(token: Token) -> bool:
    """'A 17-year-old Palestinian stabs': the demonym used as a noun for one of its people,
    counted by an article before it ('a', 'another') with only words describing him between."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs") | cue_words("harm_person_verbs")
    noun = following is not None and following.pos_ in {"NOUN", "PROPN"}
    if noun and following.lemma_.lower() not in harm:  # 'Palestinian stabs' tagged as a noun
        return False
    for before in reversed(token.doc[max(token.i - 6, 0) : token.i]):
        if before.lower_ in {"a", "an", "another"}:
            return True
        if before.pos_ not in {"NUM", "ADJ", "PUNCT", "NOUN"} or before.lower_ == ",":
            return False
    return False


def _civil(head: Token) -> bool:
    """A noun that is not a state's force, weapon, attack or government."""
    lists = ("force_words", "armed_force_nouns", "state_force_instruments", "attack_nouns")
    forces = set().union(*(cue_words(name) for name in lists)) | _STATE_HEADS
    generic = cues().get("generic_forces") or {}
    return not ({head.lower_, head.lemma_.lower()} & forces or head.lower_ in generic)


def _pro_or_anti(token: Token) -> bool:
    """'pro-Russian gunmen': the demonym says whom they side with, not whose men they are."""
    before = token.doc[max(token.i - 2, 0) : token.i]
    return any(t.lower_ in {"pro", "anti"} for t in before)


TRIBE_WORDS = frozenset({"tribe", "tribes", "tribesman", "tribesmen", "clansmen", "clans"})
TRIBAL_WORDS = frozenset({"tribal", "clan"})


def tribal_militia(ref: ActorRef | None, sentence: Span, country: str) -> ActorRef | None:
    """'Armed tribesmen kill 18 Houthi fighters', 'a gunfight between feuding tribes',
    'suspected armed tribal groups': unnamed armed men the sentence calls a tribe's are
    ACLED's Unidentified Tribal Militia of the country, not an Unidentified Armed Group
    (None: no change). A tribe harmed, or a tribal elder or area, says nothing of the doers;
    where the event has no doer yet, the tribe must be the subject ('tribesmen kill')."""
    if ref is not None and ref.id != f"{country}-unidentified":
        return None
    armed = cue_words("force_words") | cue_words("armed_men_nouns") | cue_words("fighting_words")
    armed = armed | {"group", "groups", "violence"}
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs")
    for token in sentence:
        tribe = token.lower_ in TRIBE_WORDS and token.dep_ not in {"poss", "compound"}
        tribal = token.lower_ in TRIBAL_WORDS and token.dep_ in {"amod", "compound"}
        if tribal and token.head.lower_ not in armed:
            continue  # 'a tribal elder', 'the tribal area'
        harmed = token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in harm
        acts = ref is not None or token.dep_ == "nsubj" or token.head.dep_ == "nsubj"
        if (tribe or tribal) and not harmed and acts:  # with no doer, the tribe acts in it
            return _tribal_ref(country, ref.text if ref is not None else token.text)
    return None


def _tribal_ref(country: str, text: str) -> ActorRef:
    name = acled_country_name(country)
    return ActorRef(
        id=f"{country}-tribal-militia",
        name=f"Unidentified Tribal Militia ({name})",
        text=text,
        country=country,
        inter=4,
    )
