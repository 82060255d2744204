"""Actor mentions: knowledge-base aliases matched in the text, then the names spaCy finds (and
capitalised runs it misses), matched loosely against the knowledge base (`kb.matching`)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from frontlines.kb import ActorRecord, gazetteer, load_actor_records
from frontlines.kb.cues import cue_words, cues
from frontlines.kb.matching import actor_matcher
from frontlines.mentions.base import ACTOR_LABELS, Mention, mention
from frontlines.mentions.locative import locative_context
from frontlines.mentions.phrases import PhraseIndex
from frontlines.parse import (
    ParsedDocument,
    char_span,
    entities_of,
    sentence_starts,
    strip_determiner,
    text_of,
    tokens_of,
)


@lru_cache(maxsize=8)
def actor_index(user_kb: str | None = None) -> PhraseIndex[str]:
    """All actor names and aliases of the knowledge base, keyed for matching."""
    index: PhraseIndex[str] = PhraseIndex()
    for record in load_actor_records(user_kb):
        for name in record.names():
            index.add(name, record.id)
    return index


@lru_cache(maxsize=8)
def actor_records(user_kb: str | None = None) -> dict[str, ActorRecord]:
    return {record.id: record for record in load_actor_records(user_kb)}


def force_words() -> frozenset[str]:
    return cue_words("force_words")


def extend_force_word(doc: Doc, span: Span) -> tuple[Span, str | None]:
    """'Al-Wefaq government' + ' forces' → the whole phrase, remembering the force word."""
    end = span.end
    if end < len(doc) and doc[end].text == "'s":
        end += 1
    if end < len(doc) and doc[end].lower_ in force_words():
        return doc[span.start : end + 1], doc[end].lower_
    # "Syrian opposition fighters": the word between says whose fighters (an armed group)
    kinds = cues().get("force_modifiers") or {}
    if end + 1 < len(doc) and doc[end].lower_ in kinds and doc[end + 1].lower_ in force_words():
        return doc[span.start : end + 2], str(kinds[doc[end].lower_])
    return span, None


def _close_parenthesis(doc: Doc, span: Span) -> Span:
    """'Rapid Support Forces (RSF' → '... (RSF)'."""
    if (
        "(" in span.text
        and ")" not in span.text
        and span.end < len(doc)
        and doc[span.end].text == ")"
    ):
        return doc[span.start : span.end + 1]
    return span


def _acronym_after(
    doc: Doc, span: Span, ids: list[str], user_kb: str | None
) -> tuple[Span, list[str]]:
    """'National Unity Government (NUG)': the acronym after a shared name says which one."""
    end = span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        named = actor_index(user_kb).get(doc[end + 1].text)
        common = [i for i in ids if i in named]
        if common:
            return doc[span.start : end + 3], common
    return span, ids


def _alias_mentions(doc: Doc, user_kb: str | None, sentences: dict[int, int]) -> list[Mention]:
    found = []
    for start, end, ids in actor_index(user_kb).scan(tokens_of(doc), text_of(doc)):
        span = char_span(doc, start, end)
        if span is None:
            continue
        span, ids = _acronym_after(doc, _close_parenthesis(doc, span), list(ids), user_kb)
        if _sides_with(doc, span) and all(_is_state_id(i, user_kb) for i in ids):
            continue  # "pro-Russian separatists": local fighters Russia backs, not Russia
        span, force = extend_force_word(doc, span)
        found.append(mention("actor", span, sentences, "kb", candidates=ids, attached=force))
    return found


def _sides_with(doc: Doc, span: Span) -> bool:
    """'pro-Russian', 'anti-Iranian': a name after 'pro-' or 'anti-' says whose side, not who."""
    start = span.start
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"pro", "anti"}


def _place_phrase(doc: Doc, span: Span) -> bool:
    """A name run into a locative word and a known place after it ('X in Saladin Province')."""
    for token in span[1:-1]:
        if token.is_lower and token.lower_ in {"in", "near", "at"}:
            rest = doc[token.i + 1 : span.end]
            return bool(rest.text) and gazetteer.is_known_place(rest.text)
    return False


def _places_joined(doc: Doc, span: Span) -> bool:
    """'Buea and Bamenda': known places joined, which the tagger took for one organisation;
    where the words around say they are places ('retake Diabaly and Douentza', 'the towns of
    Kukawa and Musarram'), one known place among short names is enough."""
    parts = [p.strip() for p in span.text.replace(" and ", ",").split(",") if p.strip()]
    if len(parts) < 2:
        return False
    known = [gazetteer.is_known_place(p) for p in parts]
    if all(known):
        return True
    short = all(p[:1].isupper() and len(p.split()) <= 2 for p in parts)
    return any(known) and short and locative_context(doc, span)


def _in_admin_parenthesis(doc: Doc, span: Span) -> bool:
    """A name inside '(District, Province)' after a place ('in Mbale (Mbale, Eastern)'):
    the place's administrative units as ACLED writes them, not a party."""
    opening = next(
        (t for t in reversed(doc[max(0, span.start - 6) : span.start]) if t.text in "()"), None
    )
    if (
        opening is None
        or opening.text != "("
        or opening.i == 0
        or doc[opening.i - 1].pos_ != "PROPN"
    ):
        return False
    closing = next((t for t in doc[span.end : span.end + 6] if t.text in "()"), None)
    if closing is None or closing.text != ")":
        return False
    inside = doc[opening.i + 1 : closing.i]
    parts = [p.strip() for p in inside.text.split(",")]
    return len(parts) >= 2 and all(p[:1].isupper() and len(p.split()) <= 3 for p in parts)


def _is_state_id(actor_id: str, user_kb: str | None) -> bool:
    record = actor_records(user_kb).get(actor_id)
    return record is not None and record.type == "state"


CONNECTORS = {"of", "for", "the", "in", "and", "'s", "-", "wal", "al", "el", "lid"}


def _core(doc: Doc, span: Span) -> Span:
    """A name without leading lower-case words or titles and without a trailing force word
    ('local Mawisley militia', 'President Hassan Sheekh Mohamud')."""
    start, end = span.start, span.end
    titles = cue_words("titles")
    while start < end - 1 and (
        (doc[start].is_lower and not doc[start].like_num) or doc[start].lower_.strip(".") in titles
    ):
        start += 1
    if end - start > 1 and doc[end - 1].lower_ in force_words():
        end -= 1
    return doc[start:end]


def _loose(doc: Doc, span: Span, label: str, user_kb: str | None) -> list[str]:
    matcher = actor_matcher(user_kb)
    for text in dict.fromkeys((span.text, _core(doc, span).text)):
        match = matcher.match(text, person=label == "PERSON")
        if match is not None:
            return list(match.ids)
    if label == "NORP" and span.text.endswith("s"):
        return list(actor_index(user_kb).get(span.text[:-1]))  # "Libyans" → Libya
    return []


def _is_name_token(token) -> bool:
    return bool(
        token.ent_type_ in ACTOR_LABELS
        or token.pos_ == "PROPN"
        or (token.is_title and token.is_alpha and not token.is_sent_start)
        or (token.is_upper and token.is_alpha and len(token) > 1)
    )


def _runs(doc: Doc) -> list[Span]:
    """Capitalised runs, joined across 'of', 'for the', hyphens ('Commission for the
    Liberation of the Levant', 'IS-WAP'): spaCy misses or splits many foreign names."""
    runs: list[Span] = []
    start = None
    index = 0
    while index <= len(doc):
        token = doc[index] if index < len(doc) else None
        if token is not None and _is_name_token(token):
            start = index if start is None else start
            index += 1
            continue
        if token is not None and start is not None and token.lower_ in CONNECTORS:
            ahead = index
            while ahead < len(doc) and doc[ahead].lower_ in CONNECTORS:
                ahead += 1
            if ahead < len(doc) and _is_name_token(doc[ahead]) and ahead - index <= 2:
                index = ahead
                continue
        if start is not None:
            runs.append(doc[start:index])
            start = None
        index += 1
    return runs


def _name_candidates(doc: Doc) -> list[tuple[Span, str]]:
    """spaCy's names and the capitalised runs around them, the longest first."""
    labels = {}
    for ent in entities_of(doc):
        if ent.label_ in ACTOR_LABELS:
            stripped = strip_determiner(ent)
            if stripped is not None:
                labels[(stripped.start, stripped.end)] = ent.label_
    names = [(doc[a:b], label) for (a, b), label in labels.items()]
    for run in _runs(doc):
        if (run.start, run.end) not in labels:
            inner = [label for (a, b), label in labels.items() if run.start <= a and b <= run.end]
            names.append((run, inner[0] if inner else "PROPN"))
    names.sort(key=lambda item: (-(item[0].end - item[0].start), item[0].start))
    return names


def _replaces_aliases(
    label: str, inner: list[Mention], ids: list[str], records: dict[str, ActorRecord], span: Span
) -> bool:
    """Whether a longer name stands instead of the aliases found inside it: a person's name
    holding an organisation's ('Abdul Fatah al-Burhan' holds 'Fatah'), a name built around a
    country's or another group's ('Somali National Army', 'Kataeb Hizbollah')."""
    inner_ids = {i for m in inner for i in m.candidates}
    if not ids and any(
        t.is_lower and t.lower_ in cue_words("locative_words") and t.lower_ != "of" for t in span
    ):
        return False  # 'Boko Haram in Maiduguri': the tagger ran a name into its place
    if ids:
        return not set(ids) <= inner_ids or any(
            records[i].type == "person" for i in ids if i in records
        )
    people = [
        m for m in inner if any(records[i].type == "person" for i in m.candidates if i in records)
    ]
    # A known surname must end the name: 'Petro Kovalenko' is not Gustavo Petro.
    return label == "PERSON" and not any(m.end >= span.end_char for m in people)


def actor_mentions(parsed: ParsedDocument, user_kb: str | None) -> list[Mention]:
    doc = parsed.doc
    sentences = sentence_starts(doc)
    records = actor_records(user_kb)
    found = _join_demonyms(_alias_mentions(doc, user_kb, sentences), records, text_of(doc))
    accepted: list[tuple[int, int]] = []
    for span, label in _name_candidates(doc):
        if any(a < span.end_char and span.start_char < b for a, b in accepted):
            continue
        inner = [m for m in found if m.start < span.end_char and span.start_char < m.end]
        if span.end < len(doc) and doc[span.end].lower_ in cue_words("weapon_nouns"):
            continue  # 'a Scud missile', 'a Kassam rocket': the weapon's name, not a party's
        ids = _loose(doc, span, label, user_kb)
        if not ids and (
            _place_phrase(doc, span)
            or _in_admin_parenthesis(doc, span)
            or _places_joined(doc, span)
            or span.text.count("(") != span.text.count(")")  # "Marte (Borno": a place's unit
        ):
            continue  # "Dhuluiya in Saladin Province": a place and its province, no party
        if span.text.lower().startswith(("pro-", "anti-")) and all(
            _is_state_id(i, user_kb) for i in ids
        ):
            continue  # "Pro-Russian" as a name: a side taken, not a party
        if inner:
            within = all(span.start_char <= m.start and m.end <= span.end_char for m in inner)
            longer = (span.end_char - span.start_char) > max(m.end - m.start for m in inner)
            if not (within and longer and _replaces_aliases(label, inner, ids, records, span)):
                continue
        elif not ids and label == "PROPN":
            continue  # an unlabelled capitalised run is kept only when it names a known actor
        if not ids and span.end - span.start > 4:
            continue  # a long unknown run is a headline or a title, not one name
        found = [m for m in found if m not in inner]
        accepted.append((span.start_char, span.end_char))
        if label in {"PERSON", "PROPN"}:
            span = _core(doc, span)  # the name without "Major General", "President"
        span, force = extend_force_word(doc, span)
        found.append(
            mention(
                "actor",
                span,
                sentences,
                "loose" if ids else "ner",
                label=label,
                candidates=ids,
                attached=force,
            )
        )
    for item in found:
        if item.source in {"kb", "loose"}:
            _extend_left(doc, item)
    found += _office_mentions(doc, found, records, sentences)
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _office_holders(country: str, office: str, records: dict[str, ActorRecord]) -> list[str]:
    """Persons of a country whose role is the office ('Chancellor of Germany')."""
    return [
        r.id
        for r in records.values()
        if r.type == "person"
        and r.country == country
        and r.role
        and any(part.strip().lower().startswith(office) for part in r.role.split(";"))
    ]


def _office_mentions(
    doc: Doc, found: list[Mention], records: dict[str, ActorRecord], sentences: dict[int, int]
) -> list[Mention]:
    """'the German Chancellor', 'President of Turkey': the holder of the office, chosen by
    date in `link`. The country's own mention stays as it is."""
    offices = sorted(cue_words("offices"), key=len, reverse=True)
    extra = []
    for item in found:
        states = [
            records[i] for i in item.candidates if i in records and records[i].type == "state"
        ]
        if not states or item.attached:
            continue
        country = states[0].country
        after = text_of(doc)[item.end : item.end + 40].lower()
        before = text_of(doc)[max(0, item.start - 40) : item.start].lower()
        for office in offices:
            if after.startswith(" " + office) and not after[len(office) + 1 :][:1].isalpha():
                start, end = item.start, item.end + 1 + len(office)
            elif before.endswith(office + " of "):
                start, end = item.start - len(office) - 4, item.end
            else:
                continue
            holders = _office_holders(country, office, records)
            span = char_span(doc, start, end)
            if holders and span is not None:
                extra.append(
                    mention("actor", span, sentences, "office", label="OFFICE", candidates=holders)
                )
            break
    return extra


def _extend_left(doc: Doc, item: Mention) -> None:
    """'terrorist militia of Haftar' (the forces he commands); 'internationally recognized
    Al-Wefaq government' (the modifiers belong to the name as written)."""
    span = char_span(doc, item.start, item.end)
    if span is None or span.start < 2:
        return
    start = span.start
    if (
        doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in force_words()
        and not item.attached
    ):
        item.attached = doc[start - 2].lower_
        start -= 2
    elif (
        start >= 3
        and doc[start - 1].lower_ in {"to", "with"}
        and doc[start - 2].lower_ in {"loyal", "affiliated", "allied"}
        and doc[start - 3].lower_ in force_words()
        and not item.attached
    ):
        item.attached = doc[start - 3].lower_  # "fighters loyal to Hemedti"
        start -= 3
    while start > 0 and _modifies(doc[start - 1], start, span.end):
        start -= 1
    if start < span.start:
        item.start = doc[start].idx
        item.text = text_of(doc)[item.start : item.end]


def _modifies(token, start: int, end: int) -> bool:
    """A lower-case modifier whose head lies in the name (or in the modifiers before it)."""
    if not token.is_lower or token.dep_ not in {"amod", "advmod", "compound"}:
        return False
    head = token.head
    while head.dep_ in {"amod", "advmod"} and head.i < start and head.head != head:
        head = head.head
    return start <= head.i < end


def _join_demonyms(
    found: list[Mention], records: dict[str, ActorRecord], text: str
) -> list[Mention]:
    """'Libyan' + 'reconciliation government' → one mention when the country is the actor's."""
    joined: list[Mention] = []
    for current in found:
        previous = joined[-1] if joined else None
        if previous is not None and 0 <= current.start - previous.end <= 1:
            before = [records[i] for i in previous.candidates if i in records]
            after = {records[i].country for i in current.candidates if i in records}
            if (
                before
                and all(r.type == "state" for r in before)
                and any(r.country in after for r in before)
                and previous.attached is None
            ):
                current.start = previous.start
                current.text = text[current.start : current.end]
                joined[-1] = current
                continue
        joined.append(current)
    return joined
