"""Where an event happened, from sentence structure: the place attached to its clause (not to
another event's), else its sentence's, else the nearest earlier sentence's, else the last rungs
of `place_ladder`; with ACLED's geo_precision and the place as written.

Part of the `clauses` readers, beside `circumstances` (date, modality, evidence).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from frontlines.clauses.circumstances import owned_by
from frontlines.clauses.place_ladder import (
    actor_demonyms,
    countries_of,
    first_country,
    report_country,
    sentence_place,
    speaker_country,
    without_units_of_others,
)
from frontlines.kb.cues import cue_words
from frontlines.kb.gazetteer import PART_OF_TOWN_FEATURES, REGION_FEATURES
from frontlines.mentions import COMPASS_WORD, is_demonym
from frontlines.models import Location
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
    elsewhere: list[tuple] = []  # "towards Israel", "by a Syrian sniper": the very last rung
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
            elif place.country:  # "drafted by Ireland"; not "active across the Sahel"
                elsewhere.append((start, end, place, preposition))
            continue  # "JNIM, the alliance active across the Sahel, took ...": who, not where
        if _compounded(doc, end):
            elsewhere.append((start, end, place, preposition))
            continue  # whose side, not where: "the U.S.-backed SDF"
        if preposition in AWAY_PREPOSITIONS or is_demonym(place.text):
            elsewhere.append((start, end, place, preposition))
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
    # In text order, less: a country modifying a noun ("a U.S. military base in Colombia"
    # says whose, not where) and a reference point ("in Logar, 30 miles east of Kabul")
    candidates.sort(
        key=lambda c: (_modifies_a_noun(doc, c[0], c[1]), _reference_point(doc, c[0]), c[0])
    )
    candidates = finer or candidates[:1] or parties[:1]  # at least the country it names
    candidates.sort(key=lambda c: c[3] == "from")
    own = [c for c in candidates if owned_by(trigger, triggers, c[0], c[1], resolved)]
    if not own and (not spoken or len(triggers) == 1):
        own = candidates  # no place of its own clause: the sentence's (a call: only its own)
    own = _where_it_landed(own, candidates, sentence)
    towns = [
        c for c in own if c[2].feature not in REGION_FEATURES and not _reference_point(doc, c[0])
    ]
    chosen = _town_of_landmark((towns or own or [None])[0], candidates)
    precision = 1
    from_context = chosen is None and not spoken
    only_country = chosen is not None and chosen[2].feature == "country" and not spoken
    if from_context or only_country:  # "Kabul bombing: ... in Afghanistan": that town
        taken = {(c[0], c[1]) for c in candidates} | skipped
        town = _context_place(trigger, resolved, taken)
        if from_context:
            chosen = town or (within[:1] or [None])[0]
        elif town is not None and town[2].country == chosen[2].country:
            chosen, from_context = town, True
        elif _modifies_a_noun(doc, chosen[0], chosen[1]):  # "a U.S. drone strike": whose
            elsewhere_named = town or _context_place(trigger, resolved, taken, countries=True)
            if elsewhere_named is not None:
                chosen, from_context = elsewhere_named, True
    if chosen is None:  # the ladder's last rungs: whatever place the sentence names
        taken = [(s, e) for (s, e), p in resolved.place_at.items() if p.lat is not None]
        demonyms += actor_demonyms(sentence, taken)
        focus = resolved.linked.focus_country
        named = unsaid + parties + within if spoken else []
        chosen = sentence_place(named, demonyms + countries_of(in_names), focus, spoken)
        if chosen is None and spoken:
            chosen = speaker_country(trigger, named + demonyms + countries_of(in_names))
        if chosen is None:  # never unplaced where the sentence names a place: its country
            everything = unsaid + parties + within + demonyms + in_names + elsewhere
            chosen = first_country(everything)
        if chosen is None and not spoken and focus:  # "2011 Tunisian protests: Thousands
            chosen = report_country(focus)  # protest across the country": the report's
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
    written = _with_compass(text_of(doc), start, place.text)
    if written != place.text and precision == 1:
        precision = 2  # "eastern Aleppo": a part of the town
    location = Location(
        name=place.name or place.text,
        text=written,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        geonames_id=place.geonames_id,
        geo_precision=precision,
    )
    return location, from_context


SETTLEMENT_WORDS = {"village", "town", "hamlet", "settlement", "township"}


def _town_of_landmark(chosen: tuple | None, candidates: list[tuple]) -> tuple | None:
    """'a Peuhl camp in Bambari', 'the Presidential Palace in Abidjan': a named street or
    building is placed at its town's point, and where the sentence names that town, the
    event is at the town, as ACLED codes it."""
    if chosen is None or chosen[2].feature != "landmark":
        return chosen
    last = (chosen[2].text or "").split()[-1:]
    if last and (last[0].lower() in SETTLEMENT_WORDS or last[0] == "Camp"):
        return chosen  # "the Tuqu village of Bethlehem", "Yarmouk Camp": places of their own
    towns = [
        c
        for c in candidates
        if c[2].feature == "city" and (c[2].lat, c[2].lon) == (chosen[2].lat, chosen[2].lon)
    ]
    return towns[0] if towns else chosen


_COMPASS_BEFORE = re.compile(rf"\b({COMPASS_WORD})\s+$", re.IGNORECASE)


def _with_compass(text: str, start: int, name: str) -> str:
    """The place as written, with the part of it the text names ("northern Mali", "eastern
    Aleppo"): the point stays the place's, the words say which part."""
    compass = _COMPASS_BEFORE.search(text[max(0, start - 20) : start])
    return f"{compass.group(1)} {name}" if compass and compass.group(1)[0].islower() else name


def _modifies_a_noun(doc, start: int, end: int) -> bool:
    span = char_span(doc, start, end)
    return span is not None and span.root.dep_ in {"compound", "amod", "nmod", "poss"}


def _compounded(doc, end: int) -> bool:
    """Whether the place is the first half of a hyphened modifier ("U.S.-backed", "Saudi-led"):
    whose party it is, not where anything happened."""
    text = text_of(doc)
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].islower()


def _where_it_landed(own: list[tuple], candidates: list[tuple], sentence: Span) -> list[tuple]:
    """A rocket's or shell's place is where it landed: where the clause names only where it
    was fired from ("fire a rocket from Gaza which lands in the Ashkelon area"), the sentence's
    other places come first."""
    if not own or any(c[3] != "from" for c in own):
        return own
    weapons = cue_words("weapon_nouns")
    landed = [c for c in candidates if c[3] != "from" and c[2].feature != "country"]
    return landed + own if landed and any(t.lower_ in weapons for t in sentence) else own


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
    "from",  # "withdraws its troops from Afghanistan": a place, not a party
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


_REFERENCE_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[- ]?(?:east|west))?\s+of|(?:km|kilometres|kilometers"
    r"|miles|mi)\s+(?:from|of|outside))\s+(?:the\s+)?(?:(?:city|town|capital|village)\s+"
    r"(?:of\s+)?)?$",
    re.IGNORECASE,
)


def _reference_point(doc, start: int) -> bool:
    """Whether the place is where another is measured from ("east of Kabul", "30 miles from
    the capital"): the event is there only where the clause names nothing else."""
    return bool(_REFERENCE_BEFORE.search(text_of(doc)[max(0, start - 40) : start]))


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


def _context_place(
    trigger: Token,
    resolved: ResolvedDocument,
    taken: set[tuple[int, int]],
    countries: bool = False,
):
    """The latest town named before the event, in its sentence or the two before, that is
    not another event's place (with `countries`, the latest country named there that says
    where, not whose: not "U.S." of "a U.S. drone strike")."""
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
        if countries:
            usable = place.feature == "country" and not _modifies_a_noun(doc, start, end)
        if usable and window_start <= start < trigger.idx and (best is None or start > best[0]):
            best = (start, end, place, None)
    return best


