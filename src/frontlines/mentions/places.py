"""Place mentions: spaCy's place entities, capitalised runs and mislabelled names that the
gazetteer knows and the words around them make places ("towards Bani Walid", "the town of
Afgooye"), named features (air bases, airports) and every later use of a name found once."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from frontlines.kb import gazetteer
from frontlines.kb.airports import phrase_names as airport_names
from frontlines.kb.cues import cue_words, place_words
from frontlines.mentions.actors import actor_records
from frontlines.mentions.base import ACTOR_LABELS, PLACE_LABELS, Mention
from frontlines.mentions.demonyms import is_demonym
from frontlines.mentions.features import town_features
from frontlines.mentions.locative import locative_context
from frontlines.mentions.phrases import PhraseIndex
from frontlines.mentions.place_names import (
    name_word,
    one_unknown_name,
    with_name_after,
    with_name_before,
    without_compass_parts,
)
from frontlines.mentions.unresolved import (
    UNRESOLVED,
    names_unit,
    paired_street_spans,
    road_spans,
    unresolved_spans,
)
from frontlines.parse import (
    ParsedDocument,
    char_span,
    entities_of,
    sentence_of,
    sentence_starts,
    strip_determiner,
    text_of,
    tokens_of,
)

STRONG_LOCATIVES = {"in", "at", "near", "inside", "outside", "into", "toward", "towards"}
TOWN_FEATURE = "TOWN_FEATURE"
# A city this big named alone is a place even where NER calls it an organisation: "improve
# Guadalajara's water supply", "Leeds held to a draw" (its team; metonymy, still the place).
BIG_TOWN = 100_000  # label of a named street or building, placed at its town


def _conjuncts(span: Span) -> list[Span]:
    """The parts of 'X and Y' or 'X, Y and Z' when the span joins several names."""
    cuts = [t.i for t in span if t.lower_ in {"and", "or", ","}]
    if not cuts:
        return []
    parts, start = [], span.start
    for cut in [*cuts, span.end]:
        if cut > start:
            parts.append(span.doc[start:cut])
        start = cut + 1
    return parts


def _overlaps(span: Span, found: list[Mention]) -> bool:
    return any(m.start < span.end_char and span.start_char < m.end for m in found)


def _listed_with_place(
    doc: Doc, span: Span, found: list[Mention], features: list[Span] = ()
) -> bool:
    """'Gloucester and Cheltenham', 'Žilina, Nitra, Prešov': a name listed with a place; and
    'the Grand Hotel, Harar': the town after a named building."""
    before = span.start - 1
    after = span.end
    ends = {m.end for m in found}
    starts = {m.start for m in found}
    if (
        before >= 1
        and doc[before].text == ","
        and doc[before - 1].idx + len(doc[before - 1]) in {f.end_char for f in features}
    ):
        return True
    if (
        before >= 1
        and doc[before].lower_ in {"and", "or", ","}
        and doc[before - 1].idx + len(doc[before - 1]) in ends
    ):
        return True
    if before >= 1 and doc[before].text == "," and names_unit(span.text):
        return True  # "Knockhill, Fife", "Kafr Nabl, Idleb": a town's province after its name
    return (
        after + 1 < len(doc)
        and doc[after].lower_ in {"and", "or", ","}
        and doc[after + 1].idx in starts
    )


def _place_candidates(doc: Doc) -> list[tuple[Span, str, str]]:
    """(span, source, label) for every stretch that could name a place."""
    candidates: list[tuple[Span, str, str]] = []
    ents = list(entities_of(doc))
    for first, second in zip(ents, ents[1:], strict=False):  # "Port" + "Harcourt"
        joined = doc[first.start : second.end]
        labels = [e.label_ for e in (first, second) if e.label_ in PLACE_LABELS]
        # "Democratic Republic" + "of the" + "Congo": the tagger's two halves of one name
        between = {t.lower_ for t in doc[first.end : second.start]}
        if labels and between <= {"of", "the"} and gazetteer.is_own_name(joined.text):
            candidates.append((joined, "ner", labels[0]))
    for ent in ents:
        if ent.label_ not in PLACE_LABELS | ACTOR_LABELS:
            continue
        stripped = strip_determiner(ent)
        if stripped is None:
            continue
        longer = (
            with_name_after(doc, stripped) or with_name_before(doc, stripped)
            if ent.label_ in PLACE_LABELS
            else None
        )
        if longer is not None:  # "Krasnyi" tagged, "Luch" left out: the town of both words
            candidates.append((longer, "ner", ent.label_))
        candidates.append((stripped, "ner", ent.label_))
        if ent.label_ in ACTOR_LABELS:  # "Gloucester and Cheltenham" taken for one person
            candidates += [(part, "gazetteer", "PROPN") for part in _conjuncts(stripped)]
        else:  # "Thruxton, Hampshire": both are places
            candidates += [(part, "ner", ent.label_) for part in _conjuncts(stripped)[1:]]
    run: list[int] = []
    particles = place_words().get("name_particles", frozenset())
    for token in [*doc, None]:
        if token is not None and name_word(token):
            run.append(token.i)
            continue
        following = doc[token.i + 1] if token is not None and token.i + 1 < len(doc) else None
        if run and following is not None and token.lower_ in particles and name_word(following):
            run.append(token.i)  # "Maarrat an Numan", "Dar es Salaam": one name
            continue
        if run:
            candidates.append((doc[run[0] : run[-1] + 1], "gazetteer", "PROPN"))
            run = []
    return candidates


def place_mentions(
    parsed: ParsedDocument, actors: list[Mention], user_kb: str | None
) -> list[Mention]:
    doc = parsed.doc
    starts = sentence_starts(doc)
    records = actor_records(user_kb)
    found: list[Mention] = []

    def overlaps_non_state_actor(start: int, end: int) -> bool:
        for mention in actors:
            if mention.source == "kb" and mention.start < end and start < mention.end:
                states = [records[i].type == "state" for i in mention.candidates if i in records]
                if not (states and any(states) and mention.attached is None):
                    return True
        return False

    def add(span: Span, source: str, label: str, start: int = -1, end: int = -1) -> None:
        start, end = (span.start_char, span.end_char) if start < 0 else (start, end)
        if any(m.start < end and start < m.end for m in found):
            return
        found.append(
            Mention(
                "place",
                start,
                end,
                text_of(doc)[start:end],
                starts.get(sentence_of(span[0]).start, 0),
                source,
                label=label,
            )
        )

    # Named features first (air bases, airports): the longest names win.
    for start, end, _places in _feature_index().scan(tokens_of(doc), text_of(doc)):
        span = char_span(doc, start, end)
        if span is not None:
            add(span, "gazetteer", "FEATURE")
    # Countries named as actors are places too ("Trinidad and Tobago", which NER splits).
    for mention in actors:
        if mention.source == "kb" and mention.attached is None:
            span = char_span(doc, mention.start, mention.end, "strict")
            if (
                span is not None
                and gazetteer.is_country_name(span.text)
                and not _inside_longer_name(doc, span)  # "New Jersey", "Mexico City"
            ):
                add(span, "gazetteer", "COUNTRY")
            elif (
                span is not None
                and len(span) == 1
                and is_demonym(span.text)
                and not _names_a_feature(doc, span)  # "the French Quarter": a town's part
            ):
                add(span, "demonym", "DEMONYM")  # "the Iraqi-Iranian border", untagged
    for span, start, end, label in _hyphenated(doc):  # "Saudi-led", "Afghan-Pakistani"
        add(span, "gazetteer", label, start, end)
    waiting: list[Span] = []  # known names whose context did not make them places
    surnames = _surnames(doc)
    given_names = _surnames(doc, given=True) - {
        e.text for e in entities_of(doc) if e.label_ in PLACE_LABELS
    }
    for span, source, label in _place_candidates(doc):
        span = _with_division_word(doc, span)  # "Al Husha district": the district, not a town
        if overlaps_non_state_actor(span.start_char, span.end_char) and label not in PLACE_LABELS:
            continue
        # Inside an organisation's name a town is part of the name ("Ministry of Defense"),
        # and "Royal Street" is a street, not the town of Royal.
        named_feature = span[-1].lower_ in cue_words("named_feature_words")
        inner = (label in PLACE_LABELS or label == "PROPN") and not named_feature
        subspans = _subspans(span) if inner else [span]
        if label == "NORP" and is_demonym(span.text):
            if not _names_a_feature(doc, span):  # "the French Quarter" is a town's part
                add(span, "demonym", "DEMONYM")  # "Syrian", "European": as a modifier
            continue
        if label == "NORP" and not locative_context(doc, span):
            continue  # "Somali" is a people; "the town of Afgooye" (mislabelled NORP) a place
        for sub in subspans:
            if sub.text.lower() in cue_words("not_places") or not gazetteer.is_known_place(
                sub.text
            ):
                continue
            if sub.text.islower():
                continue  # "north west" of "north west Pakistan": words, not a province's name
            if gazetteer.names_division(sub.text) and not _names_a_feature(doc, sub):
                add(sub, source, label)  # "Damaturu Yobe State": a division by what it is
                continue
            if label in {"FAC", "ORG"} and len(sub) > 1 and _street_or_building(sub):
                continue  # "Washington Square" tagged FAC: the square, not a suburb so named
            if len(sub) < len(span) and not gazetteer.is_own_name(sub.text):
                continue  # part of a longer name: only a place's own name, not a former one
            if label in PLACE_LABELS and one_unknown_name(span, sub):
                break  # "Bulo Burde": a town no entry knows, not the Philippine Bulo
            if _named_after(span, sub):
                continue  # "Cape Adare", "the (Federal) Republic": not the town of that name
            if _names_a_feature(doc, sub):
                continue  # "Elysian Fields", "Windsor Castle": named after it, not it
            if sub.text in surnames and not locative_context(doc, sub):
                continue  # "Kelly said", after "John Kelly": the man, not the town
            if sub.text in given_names and label not in PLACE_LABELS and not _inside(doc, sub):
                continue  # "from Boyd's career", after "Boyd Tinsley": not the town
            if (
                label in PLACE_LABELS
                or locative_context(doc, sub)
                or (label == "ORG" and gazetteer.is_big_town(sub.text, BIG_TOWN))
                or (sub.text[:1].isupper() and gazetteer.is_country_name(sub.text))
            ):
                add(sub, source, label)
                break
            if len(sub) == len(span) and sub.text[:1].isupper():
                waiting.append(sub)
    features = [span for span in town_features(doc) if not _overlaps(span, found)]
    people = (
        surnames
        | _surnames(doc, given=True)
        | {e.text for e in entities_of(doc) if e.label_ == "PERSON"}
    )
    for span in unresolved_spans(doc, found, actors, people):  # "in Khayelitsha": no entry
        if not any(f.start < span.end and span.start < f.end for f in features):
            add(span, "pattern", UNRESOLVED)  # before the lists: "Rockingham, Northants"
    for span in _admin_after_places(doc, found):  # "Kalehe (South Kivu)", "in Tin Edia, Oudalan"
        add(span, "gazetteer", "ADMIN")
    while True:  # names listed with places are places, however long the list
        listed = [s for s in waiting if _listed_with_place(doc, s, found, features)]
        count = len(found)
        for sub in listed:
            add(sub, "gazetteer", "LISTED")
        if len(found) == count:
            break
    features += [  # "the A120", "State and Hubbard streets"
        s for s in road_spans(doc) + paired_street_spans(doc) if not _overlaps(s, found)
    ]
    for span in features:  # "Royal Street", "Alder Hey Children's Hospital"
        add(span, "pattern", TOWN_FEATURE)
    _repeat_places(doc, found, starts, actors, surnames)
    found.sort(key=lambda m: m.start)
    return without_compass_parts(found, text_of(doc))



def _geographic_word(text: str) -> str | None:
    """'COUNTRY' for a country's name ('U.S.'), 'DEMONYM' for a country's or region's
    adjective ('Syrian', 'Asian'), else None."""
    if not text[:1].isupper():
        return None
    if gazetteer.is_country_name(text):
        return "COUNTRY"
    return "DEMONYM" if is_demonym(text) else None


def _hyphenated(doc: Doc) -> list[tuple[Span, int, int, str]]:
    """Countries and demonyms joined by a hyphen to a participle or to another place: 'the
    Saudi-led coalition', 'the Iraqi-Iranian border', 'the Afghan-Pakistani frontier'. Not a name
    such as 'Guinea-Bissau', nor a surname ('Jordan-Smith')."""
    found = []
    text = text_of(doc)
    hyphened = [i for i, (_s, _e, word) in enumerate(tokens_of(doc)) if "-" in word]
    for token in (doc[i] for i in hyphened):  # only the few tokens with a hyphen: fast
        if token.text == "-" and 0 < token.i < len(doc) - 1:
            left, right = doc[token.i - 1], doc[token.i + 1]
            if left.whitespace_ or token.whitespace_:
                continue
            parts = [
                (left, left.idx, left.idx + len(left)),
                (right, right.idx, right.idx + len(right)),
            ]
        elif "-" in token.text.strip("-"):
            parts, offset = [], token.idx
            for piece in token.text.split("-"):
                parts.append((token, offset, offset + len(piece)))
                offset += len(piece) + 1
        else:
            continue
        joined = text[parts[0][1] : parts[-1][2]]
        if len(parts) != 2 or gazetteer.is_known_place(joined):
            continue
        kinds = [_geographic_word(text[start:end]) for _token, start, end in parts]
        for (owner, start, end), kind, (_other, o_start, o_end) in zip(
            parts, kinds, parts[::-1], strict=True
        ):
            other = text[o_start:o_end]
            if kind and (
                other.islower() or _geographic_word(other) or gazetteer.is_known_place(other)
            ):
                found.append((doc[owner.i : owner.i + 1], start, end, kind))
    return found


# "Deir ez Zor", "Al Hudaydah": capitalised words, with the particles of transliterated names
_PARTICLE = r"(?:al|el|ez|es|ad|as|ar|an|ash|de|du|la|del)"
_UNIT_NAME = rf"[A-Z][\w'’-]+(?:[ -](?:{_PARTICLE}[ -])?[A-Z][\w'’-]+){{0,3}}"
_ADMIN_AFTER = re.compile(rf"\s*[(,]\s*({_UNIT_NAME})(?=\s*[),.;]|\s*$)")


DIVISION_WORDS = {"district", "province", "governorate", "region", "county", "oblast",
                  "department", "prefecture", "municipality", "state"}  # fmt: skip


def _with_division_word(doc: Doc, span: Span) -> Span:
    """The name with the division word the tagger left after it, where the two name a
    division ("Al Husha district", "Al Maton district"), else the name."""
    if span.end >= len(doc) or doc[span.end].lower_ not in DIVISION_WORDS:
        return span
    longer = doc[span.start : span.end + 1]
    return longer if gazetteer.names_division(longer.text) else span


def _admin_after_places(doc: Doc, found: list[Mention]) -> list[Span]:
    """The division or country written after a place, in parentheses or after a comma
    ("in Kalehe (South Kivu)", "Tin Edia, Oudalan Province"), where the tagger left it: the
    context that places a village the gazetteer does not know."""
    text = text_of(doc)
    spans = []
    for mention in found:
        match = _ADMIN_AFTER.match(text, mention.end)
        # in parentheses, every unit ("Boni (Hombori, Mopti)"); after a comma, the first only
        bracketed = match is not None and text[mention.end : match.start(1)].strip() == "("
        for _ in range(3 if bracketed else 1):
            if match is None:
                break
            if not any(m.start < match.end(1) and match.start(1) < m.end for m in found):
                wide = names_unit(match.group(1))
                span = char_span(doc, match.start(1), match.end(1), "strict") if wide else None
                if span is not None:
                    spans.append(span)
            match = _ADMIN_AFTER.match(text, match.end(1))
    return spans


def _inside_longer_name(doc: Doc, span: Span) -> bool:
    """Whether the name is part of a longer place's or feature's ('New Jersey', 'Mexico City',
    'Fire Island')."""
    if _names_a_feature(doc, span):
        return True
    longer = []
    if span.start > 0 and (doc[span.start - 1].is_title or doc[span.start - 1].is_upper):
        longer.append(doc[span.start - 1 : span.end])  # "NEW JERSEY" in a headline too
    if span.end < len(doc) and (doc[span.end].is_title or doc[span.end].is_upper):
        longer.append(doc[span.start : span.end + 1])
    return any(gazetteer.is_known_place(s.text) for s in longer)


def _names_a_feature(doc: Doc, span: Span) -> bool:
    """Whether a capitalised feature word follows the name ('Washington Square') or is the
    name ('Hospital' in 'Alder Hey Children's Hospital')."""
    if len(span) == 1 and span[0].lower_ in cue_words("named_feature_words"):
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return (
        following is not None
        and following.is_title
        and following.lower_ in cue_words("named_feature_words")
    )


def _street_or_building(span: Span) -> bool:
    """Whether the name ends in a word of a street or a building inside a town."""
    return span[-1].lower_.strip(".") in cue_words("town_feature_words")


def _named_after(span: Span, sub: Span) -> bool:
    """Whether `sub`, inside `span`, is a feature word's name ('Cape Adare') or a generic
    word ('Federal Republic') rather than a town's."""
    words = place_words()
    before = span.doc[sub.start - 1].lower_.strip(".") if sub.start > span.start else ""
    named = [t.lower_ for t in sub if t.lower_ not in {"'s", "’s"}]  # "Republic's"
    return before in words.get("feature_prefixes", ()) or (
        len(named) == 1 and named[0] in words.get("generic_words", ())
    )


def _inside(doc: Doc, span: Span) -> bool:
    """'in X', 'at X', 'near X': words that say where, unlike 'of X' or 'from X's'."""
    return span.start > 0 and doc[span.start - 1].lower_ in STRONG_LOCATIVES


def _surnames(doc: Doc, given: bool = False) -> set[str]:
    """Last names (or, `given`, first names) of the people the document names in full
    ("John Kelly" → Kelly)."""
    return {
        ent[0 if given else -1].text
        for ent in entities_of(doc)
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and ent[0 if given else -1].text[:1].isupper()
        and not _conjuncts(ent)  # "Gloucester and Cheltenham" is no one's name
    }


def _repeat_places(
    doc: Doc,
    found: list[Mention],
    starts: dict[int, int],
    actors: list[Mention],
    surnames: set[str],
) -> None:
    """A name found as a place once is a place wherever else it stands in the document."""
    names = {m.text for m in found if m.text not in surnames}
    names |= {n.upper() for n in names if len(n) > 3}  # "KABUL -" in a dateline
    for name in sorted(names, key=lambda n: (-len(n), n)):  # "OKLAHOMA CITY" before "OKLAHOMA"
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text_of(doc)):
            start, end = match.span()
            if any(m.start < end and start < m.end for m in found):
                continue
            if any(
                (m.source == "kb" or (m.label == "PERSON" and m.text != name))
                and m.start < end
                and start < m.end
                for m in actors
            ):
                continue  # part of an actor's or a person's name ("John Kelly")
            span = char_span(doc, start, end, "strict")
            if span is not None:
                found.append(
                    Mention(
                        "place",
                        start,
                        end,
                        span.text,
                        starts.get(sentence_of(span[0]).start, 0),
                        "discourse",
                        label="REPEAT",
                    )
                )


def _subspans(span: Span) -> list[Span]:
    """The span, then its shorter stretches, longest first (for 'Tarhuna City Hospital')."""
    result = []
    for length in range(len(span), 0, -1):
        for start in range(span.start, span.end - length + 1):
            sub = span.doc[start : start + length]
            if sub[0].is_punct or sub[-1].is_punct:
                continue
            if length == 1 and not sub[0].text[:1].isupper():
                continue
            result.append(sub)
    return result


@lru_cache(maxsize=1)
def _feature_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for raw in gazetteer.supplement_records():
        wide = raw.get("feature") in gazetteer.WIDE_FEATURES | {"county"}
        for name in [raw["name"], *(raw.get("aliases") or [])]:
            if wide and " " not in name.strip():
                continue  # "Pacific", "Berkshire": only where the text makes them places
            index.add(name, raw["name"])
    for name in airport_names():  # "Benina International Airport", "Kabul airport"
        index.add(name, name)
    return index
