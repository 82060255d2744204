"""The circumstances of an event, from sentence structure: its own place and date (those
attached to its clause, not to another event's), modality, evidence span and death tolls.

Part of the `events` stage, beside `roles` (who did what to whom).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.clauses.deed_dates import dates_wounds, toll_of
from frontlines.clauses.place_ladder import (
    actor_demonyms,
    countries_of,
    sentence_place,
    without_units_of_others,
)
from frontlines.kb import load_data
from frontlines.kb.cues import cue_words
from frontlines.kb.gazetteer import PART_OF_TOWN_FEATURES, REGION_FEATURES
from frontlines.mentions import is_demonym
from frontlines.models import DateMention, Evidence, Location, Quote
from frontlines.parse import char_span, sentence_of, sentences_of, text_of
from frontlines.resolve import ResolvedDocument

NEAR_WORDS = {
    "near",
    "outside",
    "outskirts",
    "around",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "vicinity",
    "close",
}
# Not where it happened: "towards Bani Walid"; "an attack by the United States" (the doer)
AWAY_PREPOSITIONS = {"towards", "toward", "by"}
SPOKEN_AT = {"in", "at", "near", "outside", "inside"}  # where talks or a call took place


def _owner(token: Token, triggers: list[Token]) -> Token | None:
    """The nearest trigger above `token` in the parse (the clause it belongs to)."""
    current = token
    for _ in range(40):
        if current in triggers:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def _owned(
    trigger: Token, triggers: list[Token], start: int, end: int, resolved: ResolvedDocument
) -> bool:
    span = char_span(resolved.linked.parsed.doc, start, end)
    if span is None:
        return False
    owner = _owner(span.root, triggers)
    if owner is not None:
        return owner == trigger
    nearest = min(triggers, key=lambda t: abs(t.i - span.root.i))
    return nearest == trigger


def location_of(
    trigger: Token,
    triggers: list[Token],
    resolved: ResolvedDocument,
    *,
    spoken: bool = False,
) -> tuple[Location | None, bool]:
    """The event's own place: one in its clause, else the latest place named before it, and
    whether it is that earlier one. A thing said or agreed (`spoken`) is placed only where the
    text says it happened ("talks in Doha"), never by a place that is a party or a name
    ("Britain would send", "the Berlin Conference") nor by the places of the sentences before."""
    sentence = sentence_of(trigger)
    doc = resolved.linked.parsed.doc
    described = _actor_descriptions(trigger)
    skipped: set[tuple[int, int]] = set()
    within: list[tuple] = []  # where a party of the event is said to be ("the coalition in Yemen")
    candidates = []
    parties: list[tuple] = []
    demonyms: list[tuple] = []  # "Syrian troops": the country, where nothing else places it
    unsaid: list[tuple] = []  # a call's places not said to be where it was made
    in_names: list[tuple] = []  # places inside a party's name: at most their country
    for (start, end), place in resolved.place_at.items():
        if place.lat is None or not (sentence.start_char <= start < sentence.end_char):
            continue
        span = char_span(doc, start, end)
        if span is None:
            continue
        preposition = _governing_preposition(span.root)
        if is_demonym(place.text) and preposition not in AWAY_PREPOSITIONS:
            demonyms.append((start, end, place, preposition))
        if span.root.i in described:
            skipped.add((start, end))
            town = place.feature not in REGION_FEATURES and place.feature != "country"
            if (preposition == "in" or town) and not is_demonym(place.text):
                within.append((start, end, place, preposition))  # "the capital Ouagadougou"
            continue  # "JNIM, the alliance active across the Sahel, took ...": who, not where
        if preposition in AWAY_PREPOSITIONS or is_demonym(place.text):
            continue  # not where it happened: "towards Bani Walid", "a Turkish official"
        party = _names_a_party(start, end, place, preposition, resolved)
        if party:  # "Al-Qaeda in the Arabian Peninsula", "the United States launches"
            if party == "state":
                parties.append((start, end, place, preposition))
            elif preposition == "in" and place.feature == "country":
                within.append((start, end, place, preposition))  # "the coalition in Yemen"
            else:
                in_names.append((start, end, place, preposition))  # "the Yemen Army"
            continue
        if spoken and preposition not in SPOKEN_AT:
            unsaid.append((start, end, place, preposition))
            continue
        candidates.append((start, end, place, preposition))
    # A country is the place only where the clause names nothing finer ("Yemen's capital,
    # Sana'a"); where the strike came from is not where it hit ("rockets fired from Syria").
    unsaid += candidates if spoken else []  # said where another clause of it happened
    candidates = without_units_of_others(candidates, text_of(doc))
    finer = [c for c in candidates if c[2].feature != "country"]
    candidates = finer or candidates[:1] or parties[:1]  # at least the country it names
    candidates.sort(key=lambda c: c[3] == "from")
    own = [c for c in candidates if _owned(trigger, triggers, c[0], c[1], resolved)]
    if not own and (not spoken or len(triggers) == 1):
        own = candidates  # no place of its own clause: the sentence's (a call: only its own)
    towns = [c for c in own if c[2].feature not in REGION_FEATURES]
    chosen = (towns or own or [None])[0]
    precision = 1
    from_context = chosen is None and not spoken
    if from_context:
        taken = {(c[0], c[1]) for c in candidates} | skipped
        chosen = _context_place(trigger, resolved, taken) or (within[:1] or [None])[0]
    if chosen is None:  # the ladder's last rungs: whatever place the sentence names
        taken = [(s, e) for (s, e), p in resolved.place_at.items() if p.lat is not None]
        demonyms += actor_demonyms(sentence, taken)
        focus = resolved.linked.focus_country
        named = unsaid + parties + within if spoken else []
        chosen = sentence_place(named, demonyms + countries_of(in_names), focus, spoken)
        from_context = chosen is not None  # not its own place: it folds as if it had none
    if chosen is None:
        return None, False
    start, end, place, preposition = chosen
    if place.feature in REGION_FEATURES:  # only the country, province or region
        precision = 3
    elif (
        preposition in NEAR_WORDS
        or _near_words_before(doc, start)
        or place.feature in PART_OF_TOWN_FEATURES
    ):
        precision = 2
    location = Location(
        name=place.name or place.text,
        text=place.text,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        geonames_id=place.geonames_id,
        geo_precision=precision,
    )
    return location, from_context


def origin_of(sentence: Span, resolved: ResolvedDocument) -> str | None:
    """The country of the place the sentence says the fire came from ('from Gaza')."""
    doc = resolved.linked.parsed.doc
    for (start, end), place in resolved.place_at.items():
        if not (sentence.start_char <= start < sentence.end_char) or not place.country:
            continue
        span = char_span(doc, start, end)
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "from":
            return place.country
    return None


PLACE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "around",
    "into",
    "on",
    "throughout",
    "within",
    "off",
}


def _names_a_party(
    start: int, end: int, place, preposition: str | None, resolved: ResolvedDocument
) -> str | None:
    """'name' where the place name is part of an actor's name (it never places the actor's
    deeds: "Gulf Cartel"), 'state' where it names a country acting as a party (it places
    them only where nothing else does: "the United States launches")."""
    for (a_start, a_end), actor_id in resolved.linked.actor_of.items():
        if a_start < end and start < a_end and not _only_places(a_start, a_end, resolved):
            linked = resolved.linked.actors.get(actor_id)
            known = linked is not None and not linked.record.discovered
            # not the country itself ("northwest Pakistan") nor its own forces ("the Yemen Army")
            other = actor_id.split("-")[0] != place.country
            inside = a_start < start or end < a_end
            if inside and other and (known or place.feature != "country"):
                return "name"
            if place.feature == "country" and preposition not in PLACE_PREPOSITIONS:
                return "state"
    return None


def _only_places(start: int, end: int, resolved: ResolvedDocument) -> bool:
    """Whether a party the parser made up is all towns and divisions ("Sipalay, Negros
    Occidental" misread as one): no name of a party that would hold them. A country is a
    party's name ("the United States launches")."""
    linked = resolved.linked.actors.get(resolved.linked.actor_of.get((start, end), ""))
    if linked is None or not linked.record.discovered:
        return False
    text = text_of(resolved.linked.parsed.doc)
    places = [(s, e, p) for (s, e), p in resolved.place_at.items() if start <= s and e <= end]
    if any(p.feature == "country" for _s, _e, p in places):
        return False
    covered = [(s, e) for s, e, _p in places]
    rest = list(text[start:end])
    for s, e in covered:
        rest[s - start : e - start] = " " * (e - s)
    return bool(covered) and not "".join(rest).replace(",", " ").replace(" and ", " ").strip()


def _actor_descriptions(trigger: Token) -> set[int]:
    """Token indices of what describes the doer: the appositions and clauses on the subject."""
    out: set[int] = set()
    for subject in (c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}):
        heads = {subject, *subject.conjuncts}  # not "bombings around the capital, Baghdad"
        for word in subject.subtree:
            if word.dep_ in {"appos", "acl", "relcl"} and word.head in heads:
                out.update(t.i for t in word.subtree)
    return out


def _near_words_before(doc, start: int) -> bool:
    span = char_span(doc, start, start + 1)
    if span is None:
        return False
    window = doc[max(0, span.start - 4) : span.start]
    return any(t.lower_ in NEAR_WORDS for t in window)


def _governing_preposition(token: Token) -> str | None:
    current = token
    for _ in range(4):
        if current.dep_ == "pobj":
            return current.head.lower_
        if current.dep_ in {"appos", "compound", "conj"}:
            current = current.head
            continue
        if current.dep_ == "pobj" or current.head == current:
            break
        current = current.head
        if current.dep_ == "prep":
            return current.lower_
    return None


def _context_place(trigger: Token, resolved: ResolvedDocument, taken: set[tuple[int, int]]):
    """The latest town named before the event, in its sentence or the two before, that is
    not another event's place."""
    doc = trigger.doc
    sentence = sentence_of(trigger)
    window_start = sentence.start_char
    sentences = sentences_of(doc)
    index = next(i for i, s in enumerate(sentences) if s.start == sentence.start)
    if index > 0:
        window_start = sentences[max(0, index - 2)].start_char
    best = None
    for (start, end), place in resolved.place_at.items():
        if (start, end) in taken:
            continue
        usable = place.lat is not None and place.feature != "country"
        if usable and window_start <= start < trigger.idx and (best is None or start > best[0]):
            best = (start, end, place, None)
    return best


def date_of(
    trigger: Token, triggers: list[Token], resolved: ResolvedDocument
) -> DateMention | None:
    sentence = sentence_of(trigger)
    candidates = [
        (start, end, date)
        for (start, end), date in resolved.date_at.items()
        if sentence.start_char <= start < sentence.end_char
    ]
    own = [
        c
        for c in candidates
        if _owned(trigger, triggers, c[0], c[1], resolved)
        and not _background_date(trigger, c[0], c[1], resolved)
    ]
    if own:
        return own[0][2]
    return _dated_deed(candidates, resolved)


RECENT_DEED_DAYS = 60


def _dated_deed(candidates: list[tuple], resolved: ResolvedDocument) -> DateMention | None:
    """The day a deed the sentence names as a noun is dated by, where the clause has none:
    "the death toll of the March 27 hotel siege rises", "dies of wounds from Friday's
    attack", "the bombing that occurred on December 31" — a recent one only (not "the 1989
    protests")."""
    published = resolved.linked.parsed.document.published
    for start, end, date in candidates:
        span = char_span(resolved.linked.parsed.doc, start, end)
        if span is None or date.precision not in ("day", "week"):
            continue
        if published:
            age = dt.date.fromisoformat(published) - dt.date.fromisoformat(date.value)
            if not 0 <= age.days <= RECENT_DEED_DAYS:
                continue
        if _dates_a_deed(span.root):
            return date
    return None


def _dates_a_deed(token: Token) -> bool:
    """Whether a date token modifies a deed told as a noun, directly ('Friday's attack', 'the
    March 27 siege') or through 'on'/'that occurred on'."""
    deeds = _event_nouns() | {"violence", "massacre", "siege", "clashes", "fighting", "shooting"}
    if dates_wounds(token):
        return True
    current = token
    for _ in range(4):
        head = current.head
        if head == current:
            return False
        if (
            current.dep_ in NOUN_MODIFIER_DEPS | {"poss", "npadvmod"}
            and head.lemma_.lower() in deeds
        ):
            return True
        if current.dep_ == "pobj" and head.lower_ in {"on", "of"}:
            current = head
            continue
        if (
            current.dep_ in {"prep", "npadvmod"}
            and head.pos_ == "VERB"
            and head.dep_ in {"relcl", "acl"}
        ):
            said = toll_of(head.head)  # "the bombing that occurred on ...", or its toll
            return said.lemma_.lower() in deeds
        return current.dep_ == "prep" and head.lemma_.lower() in deeds
    return False


# "the 1989 protests", "the 2005 agreement"; not "yesterday's bombings", mostly the news itself
NOUN_MODIFIER_DEPS = {"compound", "nummod", "amod", "nmod"}
TIME_NOUNS = {"night", "morning", "evening", "afternoon", "day", "dawn", "weekend", "week"}


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("fatality_cues.yaml").get("event_nouns") or ())


def _background_date(trigger: Token, start: int, end: int, resolved: ResolvedDocument) -> bool:
    """A date that dates something else than the event: 'the town, which it withdrew from in
    May', 'a siege since January', 'the 1989 protests', 'a member responsible for killings
    in May' (a date inside what a noun's modifier says)."""
    span = char_span(resolved.linked.parsed.doc, start, end)
    if span is None:
        return False
    current = span.root
    head = current.head
    if current.dep_ in NOUN_MODIFIER_DEPS and head != trigger and head.pos_ in {"NOUN", "PROPN"}:
        return head.ent_type_ not in {"DATE", "TIME"} and head.lemma_.lower() not in TIME_NOUNS
    for _ in range(8):
        if current == trigger or current.head == current:
            return False
        if current.dep_ == "relcl" and current.head != trigger:
            # not "an attack which occurred yesterday": what dates the event told as a noun
            return current.head.lemma_.lower() not in _event_nouns()
        if current.dep_ == "prep" and current.lower_ == "since":
            return True
        if current.lemma_.lower() in cue_words("motive_nouns"):
            return True  # "in response to the killing of three last month"
        if current.dep_ in {"acl", "amod"} and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head != trigger
        current = current.head
    return False


def harm_by_hazard(trigger: Token) -> bool:
    """Whether the harm a trigger tells came from a disaster, a disease or an accident: its
    subject or agent ("an earthquake killed", "killed by floods"), what it was in or of ("died
    of cholera", "killed in a crash"), or the accident whose participle it is ("the train
    derailed, killing 11")."""
    hazards = cue_words("hazard_words")
    causes = [
        c for c in trigger.children if c.dep_ in {"nsubj", "agent", "prep"} or c.dep_ == "npadvmod"
    ]
    causes += [g for c in causes if c.dep_ in {"agent", "prep"} for g in c.children]
    if trigger.dep_ in {"acl", "relcl"}:
        causes.append(trigger.head)  # "the floods that killed nine", or a misparse of "X killed"
    if trigger.dep_ in {"advcl", "acl"} and trigger.tag_ == "VBG":
        head = trigger.head  # "overturned, killing seven" (or both hung on "the minibus")
        accidents = cue_words("accident_verbs")
        if any(v.lemma_.lower() in accidents for v in (head, *head.children) if v.pos_ == "VERB"):
            return True
        causes += [c for c in head.children if c.dep_ == "nsubj"]
    for cause in causes:
        if cause.dep_ in {"prep", "agent"} and cause.lower_ not in {"by", "in", "of", "from"}:
            continue
        words = [cause.lemma_.lower(), cause.lower_]
        words += [f"{c.lower_} {cause.lower_}" for c in cause.children if c.dep_ == "compound"]
        if any(word in hazards for word in words):
            return True
    return False


def industrial_accident(sentence: Span) -> bool:
    """'A chemical plant exploded', 'gas leaked from a factory': a blast, a fire or a leak at
    an industrial site, with no word of an attack, bomb or armed party, is an accident."""
    forms = {t.lower_ for t in sentence}
    if forms & cue_words("attack_cues"):
        return False
    lemmas = {t.lemma_.lower() for t in sentence} | forms
    sites = cue_words("industrial_sites")
    mishaps = cue_words("industrial_mishaps")
    return any(t.lemma_.lower() in sites for t in sentence) and bool(lemmas & mishaps)


def modality_of(trigger: Token) -> str:
    """asserted, claimed, denied, threatened, planned or hypothetical."""
    verb = trigger if trigger.pos_ == "VERB" or trigger.head == trigger else trigger.head
    for word in {trigger, verb}:
        if any(c.dep_ == "neg" for c in word.children):
            return "denied"
        if any(c.lower_ in {"will", "would", "shall"} and c.dep_ == "aux" for c in word.children):
            return "planned"
        if any(
            c.lower_ in cue_words("hypothetical_markers") and c.dep_ in {"aux", "mark"}
            for c in word.children
        ):
            return "hypothetical"
    current = trigger
    for _ in range(6):
        if current.head == current:
            break
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in cue_words("denial_verbs"):
            return "denied"
        if lemma in cue_words("threat_verbs"):
            return "threatened"
        if lemma in cue_words("plan_verbs"):
            return "planned"
        if lemma in cue_words("claim_verbs"):
            return "claimed"
    if _inside_quotes(trigger):
        return "claimed"
    return "asserted"


def speaker_side(token: Token, quotes: Sequence[Quote], resolved: ResolvedDocument) -> str | None:
    """The actor a direct quote's speaker speaks for, when `token` stands inside that quote."""
    if not quotes:
        return None
    original = resolved.linked.parsed.normalized.span(token.idx, token.idx + 1)[0]
    for quote in quotes:
        if quote.direct and quote.start <= original < quote.end:
            return quote.speaker.actor
    return None


def _inside_quotes(token: Token) -> bool:
    """Whether the token stands inside a direct quote opened earlier in its paragraph."""
    text = text_of(token.doc)
    paragraph_start = text.rfind("\n", 0, token.idx) + 1
    before = text[paragraph_start : token.idx]
    curly_open = before.count("\u201c") > before.count("\u201d")
    return curly_open or before.count('"') % 2 == 1


def evidence_of(sentence: Span, resolved: ResolvedDocument) -> Evidence:
    normalized = resolved.linked.parsed.normalized
    text = sentence.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return normalized.evidence(sentence.start_char + left, sentence.start_char + right)
