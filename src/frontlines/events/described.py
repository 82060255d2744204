"""Actors the text names only by a description, as ACLED names them.

Armed men described by creed or deed are an Unidentified Armed Group; a people's fighters
('Fulani herdsmen', 'Turkana raiders') its ethnic militia; 'rebels' of no named faction the
country's rebels class where the knowledge base has one ('Opposition Rebels (Syria)').
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

import frontlines.clauses as clauses
from frontlines.events.actor_country import generic_ref
from frontlines.events.folding import Draft
from frontlines.events.named_doers import valid_on
from frontlines.kb import ActorRecord
from frontlines.kb.countries import acled_country_name
from frontlines.kb.cues import cue_words
from frontlines.kb.names import name_key
from frontlines.mentions import actor_records, demonym_country, is_demonym
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

FORCE_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
UNNAMED_DOER_SUB_TYPES = {"Looting/property destruction"}  # arsonists, saboteurs, "attacked"


def described_actor(
    ref: ActorRef | None, draft: Draft, country: str, resolved: ResolvedDocument
) -> ActorRef | None:
    """An actor the text names only by a description, as ACLED names it: armed men described
    by creed or deed are an Unidentified Armed Group, a people's fighters its ethnic militia,
    an office-holder acting in a strategic development the government (None: no change)."""
    if ref is None or not ref.id.startswith("new-"):
        return None  # a known actor keeps its name
    words = name_key(ref.text).split()
    if not words:
        return None
    fights = draft.event_type in FORCE_EVENT_TYPES
    armed = fights or draft.event_type == "Strategic developments"  # 'Islamists take over ...'
    if armed and all(w in cue_words("armed_descriptors") for w in words):
        return generic_ref(country, "unidentified", ref.text, resolved)
    if draft.event_type == "Strategic developments" and set(words) & cue_words("state_offices"):
        return generic_ref(ref.country or country, "government", ref.text, resolved)
    people = [w for w in ref.text.split() if w[:1].isupper()]
    nouns = cue_words("ethnic_fighter_nouns")
    fights = fights or draft.sub_event_type in UNNAMED_DOER_SUB_TYPES
    after = [
        t.nbor(1).lower_ for t in draft.sentence if t.text == ref.text and t.i + 1 < len(t.doc)
    ]
    fighters = words[-1] in nouns or any(word in nouns for word in after)  # "Fulani herdsmen"
    proper = (
        any(t.text == people[0] and t.pos_ == "PROPN" for t in draft.sentence) if people else False
    )
    if fights and len(people) == 1 and fighters and proper and not is_demonym(people[0]):
        return ethnic_militia(people[0], country, ref.text)
    return None


def rebels_class(
    ref: ActorRef | None, country: str, resolved: ResolvedDocument, sentence: Span | None = None
) -> ActorRef:
    """'Rebels', 'opposition forces' of no named faction: where the knowledge base names a
    group '{the country's demonym} rebels' on the report's day (Opposition Rebels (Syria);
    the NTC in Libya in 2011), that group, not an unidentified one; the group's own name's
    words and 'rebel', in the words or the words describing them in the sentence ('armed
    opposition militants'), say which words name it."""
    if ref is None or ref.id != f"{country}-unidentified":
        return ref
    published = resolved.linked.parsed.document.published
    found = [r for r in _rebels_by_country().get(country, []) if valid_on(r, published)]
    if len(found) != 1:
        return ref
    said = ref.text.split()[-1:]
    modifiers = [  # 'armed opposition militants', 'opposition fighters'
        c.text
        for t in (sentence or [])
        if said and t.text == said[0]
        for c in t.children
        if c.dep_ in {"amod", "compound"}
    ]
    words = {w.rstrip("s") for w in name_key(" ".join([*modifiers, ref.text])).split()}
    own = {w.rstrip("s") for w in name_key(found[0].name).split()} | {"rebel"}
    return clauses.ref_for(found[0].id, ref.text, resolved) if words & own else ref


@lru_cache(maxsize=1)
def _rebels_by_country() -> dict[str, list[ActorRecord]]:
    """Country → the groups the knowledge base calls '{its demonym} rebels'."""
    found: dict[str, list[ActorRecord]] = {}
    for record in actor_records().values():
        for alias in record.aliases:
            words = alias.split()
            people = demonym_country(words[0]) if len(words) == 2 else None
            if people and words[1].lower() == "rebels" and record.country == people:
                found.setdefault(people, []).append(record)
                break
    return found


def ethnic_militia(people: str, country: str, text: str) -> ActorRef:
    name = acled_country_name(country)
    return ActorRef(
        id=f"{country}-ethnic-{name_key(people).replace(' ', '-')}",
        name=f"{people} Ethnic Militia ({name})",
        text=text,
        country=country,
        inter=4,
    )


def unnamed_people_fighters(draft: Draft, country: str) -> ActorRef | None:
    """'Turkana raiders stole 200 cattle': a people's fighters the tagger did not name."""
    verbs = [draft.trigger]
    if draft.trigger.dep_ in {"advcl", "conj", "xcomp"}:
        verbs.append(draft.trigger.head)  # '..., killing 40': the subject of the verb before
    subject = next((c for v in verbs for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in cue_words("ethnic_fighter_nouns"):
        return None
    names = [c for c in subject.children if c.dep_ in {"compound", "amod"} and c.text[:1].isupper()]
    names = [c for c in names if c.lower_ not in cue_words("armed_descriptors")]  # 'Armed
    if len(names) != 1 or is_demonym(names[0].text):
        return None  # a people's name is often its land's too ("Turkana")
    return ethnic_militia(names[0].text, country, f"{names[0].text} {subject.text}")


def community_militia(draft: Draft, country: str) -> ActorRef | None:
    """'A communal militia from the Tiv community attacked ...', 'members of the Pokot
    community raided ...': armed men a people's community is named as the doers of, ACLED's
    ethnic militia of that people. The community must hang on the doer ('from', 'of' after
    the subject or the agent), never on the harmed ('attacked the Tiv community')."""
    for token in draft.sentence:
        if token.lower_ not in cue_words("community_nouns") or token.dep_ != "pobj":
            continue
        if token.head.lower_ not in {"from", "of"}:
            continue
        doer = token.head.head
        in_doer = doer.dep_ == "nsubj" or (doer.dep_ == "pobj" and doer.head.dep_ == "agent")
        if not in_doer or doer.lower_ not in cue_words("community_member_nouns"):
            continue
        names = [
            c
            for c in token.children
            if c.dep_ in {"compound", "amod"} and c.text[:1].isupper() and c.i < token.i
        ]
        if len(names) == 1 and not is_demonym(names[0].text) and names[0].ent_type_ != "GPE":
            return ethnic_militia(names[0].text, country, f"{names[0].text} {token.text}")
    return None
