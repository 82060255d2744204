"""Event arguments from sentence structure: actors (agent, patient, passives, 'by', 'between
X and Y', associated actors), the event's own place and date, modality, death counts.

Part of the `events` stage; it reads the dependency parse and the linked, resolved mentions.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.kb import load_data
from frontlines.mentions import actor_records, number_value
from frontlines.models import ActorRef, DateMention, Evidence, Location
from frontlines.resolve import ResolvedDocument

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
# Clause links through which an event inherits the subject of the verb above it
# ("took control ... and entered", "had a role in destroying").
INHERIT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "acl", "prep", "pobj", "dobj"}
PATIENT_PREPOSITIONS = {"against", "on", "upon", "at", "with"}
ASSOC_HEADS = {"belong", "back", "support", "loyal", "affiliate", "ally", "link", "tie"}
VICTIM_WORDS = {
    "civilian",
    "civilians",
    "people",
    "residents",
    "villagers",
    "worshippers",
    "women",
    "children",
    "men",
    "family",
    "families",
    "students",
    "farmers",
    "passengers",
    "shoppers",
    "journalist",
    "journalists",
    "worker",
    "workers",
    "displaced",
    "refugees",
    "patients",
    "pupils",
    "mourners",
    "herders",
}
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
AWAY_PREPOSITIONS = {"towards", "toward"}


@lru_cache(maxsize=1)
def _cues() -> dict:
    return load_data("cues.yaml") or {}


def _cue(name: str) -> set[str]:
    return {str(w).lower() for w in _cues().get(name, [])}


def _ref(actor_id: str, text: str, resolved: ResolvedDocument) -> ActorRef:
    """An event argument; a commander stands for the forces he commands, as ACLED codes it."""
    linked = resolved.linked.actors.get(actor_id)
    record = linked.record if linked else actor_records()[actor_id]
    if record.type == "person" and record.commands and record.commands[0] in actor_records():
        record = actor_records()[record.commands[0]]
    return ActorRef(
        id=record.id, name=record.name, text=text, country=record.country, inter=record.inter
    )


def _original_text(start: int, end: int, resolved: ResolvedDocument) -> str:
    normalized = resolved.linked.parsed.normalized
    s, e = normalized.span(start, end)
    return normalized.original[s:e]


def _mention_refs(tokens: list[Token], resolved: ResolvedDocument) -> list[ActorRef]:
    """Actors whose mentions overlap the given tokens, in text order, without repeats; else
    an unnamed state force ("police", "soldiers") of the country the report is about."""
    if not tokens:
        return []
    named = _named_refs(tokens, resolved)
    if named:
        return named
    head = tokens[0]
    forces = _cues().get("generic_forces") or {}
    kind = forces.get(head.lower_) or forces.get(
        " ".join(t.lower_ for t in head.doc[head.i - 1 : head.i + 1])
    )
    country = resolved.linked.focus_country
    if kind and country and f"{country}-{kind}" in actor_records():
        record = actor_records()[f"{country}-{kind}"]
        return [
            ActorRef(
                id=record.id,
                name=record.name,
                text=head.text,
                country=record.country,
                inter=record.inter,
            )
        ]
    return []


LOCATIVE = {"in", "across", "throughout", "into", "inside", "near", "to", "from", "over"}


def _locative_country(start: int, end: int, actor_id: str, resolved: ResolvedDocument) -> bool:
    """'in central Mali': a country named as a place is not a party to the event."""
    record = actor_records().get(actor_id)
    if record is None or record.type != "state":
        return False
    span = resolved.linked.parsed.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in LOCATIVE


def _named_refs(tokens: list[Token], resolved: ResolvedDocument) -> list[ActorRef]:
    spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
    found: list[tuple[int, ActorRef]] = []
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    ordered = sorted(resolved.linked.actor_of.items(), key=lambda item: (item[0][0], -item[0][1]))
    for (start, end), actor_id in ordered:
        if actor_id in seen or any(a <= start and end <= b for a, b in taken):
            continue  # "German" inside "German Chancellor": the longer name speaks
        if any(s < end and start < e for s, e in spans):
            if _locative_country(start, end, actor_id, resolved):
                continue
            seen.add(actor_id)
            taken.append((start, end))
            found.append((start, _ref(actor_id, _original_text(start, end, resolved), resolved)))
    return [ref for _, ref in sorted(found, key=lambda item: item[0])]


def _phrase_tokens(head: Token, *, skip_assoc: bool = True) -> list[Token]:
    """The noun phrase under `head`, without clauses and associated-actor attachments."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in {"relcl", "advcl", "ccomp", "punct", "cc", "acl"}:
            continue
        if skip_assoc and _is_assoc(child):
            continue
        if child.dep_ == "conj":
            continue
        tokens += _phrase_tokens(child, skip_assoc=skip_assoc)
    return tokens


def _is_assoc(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in ASSOC_HEADS and token.dep_ in {"acl", "amod", "relcl", "prep", "advcl"}:
        return True
    return token.dep_ == "prep" and token.head.lemma_.lower() in ASSOC_HEADS


def _assoc_tokens(head: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in head.children:
        if _is_assoc(child):
            tokens += list(child.subtree)
    return tokens


def _with_conjuncts(head: Token) -> list[Token]:
    heads = [head]
    heads += [c for c in head.children if c.dep_ == "conj"]
    return heads


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of `verb` (inherited through conjunctions), and whether it is passive."""
    if any(child.dep_ == "agent" for child in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    ):
        return None, False  # passive: "areas captured by Haftar" has its doer in the agent
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                passive = child.dep_ in PASSIVE_SUBJECT_DEPS
                if child.tag_ in {"WDT", "WP"} and current.dep_ == "relcl":
                    return current.head, passive  # "fighters who fled": the fighters
                return child, passive
        if current.dep_ in INHERIT_DEPS and current.head is not current:
            current = current.head
            continue
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def actors_of(
    trigger: Token, resolved: ResolvedDocument
) -> tuple[ActorRef | None, ActorRef | None, list[ActorRef], list[ActorRef]]:
    """actor1, actor2 and their associated actors for the event `trigger` heads."""
    side1: list[ActorRef] = []
    side2: list[ActorRef] = []
    assoc1: list[ActorRef] = []
    if trigger.pos_ == "VERB":
        subject, passive = _subject(trigger)
        agent = _agent(trigger)
        if subject is not None:
            phrase = [t for h in _with_conjuncts(subject) for t in _phrase_tokens(h)]
            (side2 if passive else side1).extend(_mention_refs(phrase, resolved))
            assoc1 += _mention_refs(_assoc_tokens(subject), resolved) if not passive else []
        if agent is not None:
            side1.extend(_mention_refs(_phrase_tokens(agent), resolved))
            assoc1 += _mention_refs(_assoc_tokens(agent), resolved)
        for child in trigger.children:
            if child.dep_ in {"dobj", "attr"}:
                side2.extend(_mention_refs(_phrase_tokens(child), resolved))
            elif child.dep_ == "prep" and child.lower_ in PATIENT_PREPOSITIONS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        side2.extend(_mention_refs(_phrase_tokens(obj), resolved))
            elif child.dep_ == "prep" and child.lower_ == "between":
                pair = [
                    t for obj in child.children if obj.dep_ == "pobj" for t in _with_conjuncts(obj)
                ]
                refs = [r for t in pair for r in _mention_refs(_phrase_tokens(t), resolved)]
                side1 += refs[:1]
                side2 += refs[1:2]
    else:
        for child in trigger.children:
            if (
                child.dep_ in {"poss", "amod", "compound", "nmod"}
                or child.dep_ == "prep"
                and child.lower_ == "by"
            ):
                side1.extend(_mention_refs(list(child.subtree), resolved))
            elif child.dep_ == "prep" and child.lower_ in PATIENT_PREPOSITIONS | {"between"}:
                refs = _mention_refs(list(child.subtree), resolved)
                if child.lower_ == "between":
                    side1 += refs[:1]
                    side2 += refs[1:2]
                else:
                    side2.extend(refs)
        governor = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        if (
            not side1
            and trigger.dep_ in {"dobj", "attr", "pobj"}
            and governor.pos_ in {"VERB", "AUX"}
        ):
            subject, passive = _subject(governor)
            if subject is not None and not passive:
                side1.extend(_mention_refs(_phrase_tokens(subject), resolved))
    actor1 = side1[0] if side1 else None
    actor2 = next((r for r in side2 if actor1 is None or r.id != actor1.id), None)
    assoc1 = [r for r in assoc1 + side1[1:] if actor1 is None or r.id != actor1.id]
    assoc2 = [r for r in side2 if actor2 is not None and r.id != actor2.id]
    return actor1, actor2, _unique(assoc1), _unique(assoc2)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    return [r for r in refs if not (r.id in seen or seen.add(r.id))]


def generic_actor(country: str | None, kind: str, trigger: Token) -> ActorRef | None:
    """An ACLED generic class of the event's country: Protesters (Libya), Civilians (Sudan)."""
    if not country:
        return None
    record = actor_records().get(f"{country}-{kind}")
    if record is None:
        return None
    words = {
        "protesters": _cue("protester_words"),
        "rioters": _cue("protester_words"),
        "civilians": VICTIM_WORDS,
    }.get(kind, set())
    named = next((t for t in trigger.sent if t.lower_ in words), trigger)
    return ActorRef(
        id=record.id, name=record.name, text=named.text, country=record.country, inter=record.inter
    )


def has_civilian_victims(trigger: Token) -> bool:
    for token in trigger.subtree:
        if token.lower_ in VICTIM_WORDS and token.dep_ in {
            "dobj",
            "nsubjpass",
            "pobj",
            "conj",
            "appos",
        }:
            return True
    subject = next((c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    return subject is not None and subject.lower_ in VICTIM_WORDS


def victims(trigger: Token, country: str | None) -> ActorRef | None:
    return generic_actor(country, "civilians", trigger) if has_civilian_victims(trigger) else None


def _owner(token: Token, triggers: list[Token]) -> Token | None:
    """The nearest trigger above `token` in the parse (the clause it belongs to)."""
    current = token
    for _ in range(40):
        if current in triggers:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _owned(
    trigger: Token, triggers: list[Token], start: int, end: int, resolved: ResolvedDocument
) -> bool:
    span = resolved.linked.parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    owner = _owner(span.root, triggers)
    if owner is not None:
        return owner == trigger
    nearest = min(triggers, key=lambda t: abs(t.i - span.root.i))
    return nearest == trigger


def location_of(
    trigger: Token, triggers: list[Token], resolved: ResolvedDocument, *, from_context: bool = True
) -> Location | None:
    """The event's own place: one in its clause, else the latest place named before it."""
    sentence = trigger.sent
    doc = resolved.linked.parsed.doc
    candidates = []
    for (start, end), place in resolved.place_at.items():
        if place.lat is None or not (sentence.start_char <= start < sentence.end_char):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        preposition = _governing_preposition(span.root)
        if preposition in AWAY_PREPOSITIONS:
            continue
        if place.feature == "country" and len(candidates) > 0:
            continue
        candidates.append((start, end, place, preposition))
    own = [c for c in candidates if _owned(trigger, triggers, c[0], c[1], resolved)]
    if not own and len(triggers) == 1:
        own = candidates
    towns = [c for c in own if c[2].feature != "country"]
    chosen = (towns or own or [None])[0]
    precision = 1
    if chosen is None and from_context:
        taken = {(c[0], c[1]) for c in candidates}
        chosen = _context_place(trigger, resolved, taken)
    if chosen is None:
        return None
    start, end, place, preposition = chosen
    if place.feature == "country":
        precision = 3
    elif preposition in NEAR_WORDS or _near_words_before(doc, start):
        precision = 2
    return Location(
        name=place.name or place.text,
        text=place.text,
        lat=place.lat,
        lon=place.lon,
        country=place.country,
        admin1=place.admin1,
        geonames_id=place.geonames_id,
        geo_precision=precision,
    )


def _near_words_before(doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
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
        if current.dep_ == "pobj" or current.head is current:
            break
        current = current.head
        if current.dep_ == "prep":
            return current.lower_
    return None


def _context_place(trigger: Token, resolved: ResolvedDocument, taken: set[tuple[int, int]]):
    """The latest town named before the event, in its sentence or the two before, that is
    not another event's place."""
    doc = trigger.doc
    sentence = trigger.sent
    window_start = sentence.start_char
    sentences = list(doc.sents)
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
    sentence = trigger.sent
    candidates = [
        (start, end, date)
        for (start, end), date in resolved.date_at.items()
        if sentence.start_char <= start < sentence.end_char
    ]
    own = [c for c in candidates if _owned(trigger, triggers, c[0], c[1], resolved)]
    return own[0][2] if own else None


def modality_of(trigger: Token) -> str:
    """asserted, claimed, denied, threatened, planned or hypothetical."""
    verb = trigger if trigger.pos_ == "VERB" or trigger.head is trigger else trigger.head
    for word in {trigger, verb}:
        if any(c.dep_ == "neg" for c in word.children):
            return "denied"
        if any(c.lower_ in {"will", "would", "shall"} and c.dep_ == "aux" for c in word.children):
            return "planned"
        if any(
            c.lower_ in _cue("hypothetical_markers") and c.dep_ in {"aux", "mark"}
            for c in word.children
        ):
            return "hypothetical"
    current = trigger
    for _ in range(6):
        if current.head is current:
            break
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in _cue("denial_verbs"):
            return "denied"
        if lemma in _cue("threat_verbs"):
            return "threatened"
        if lemma in _cue("plan_verbs"):
            return "planned"
        if lemma in _cue("claim_verbs"):
            return "claimed"
    if _inside_quotes(trigger):
        return "claimed"
    return "asserted"


def _inside_quotes(token: Token) -> bool:
    """Whether the token stands inside a direct quote opened earlier in its paragraph."""
    text = token.doc.text
    paragraph_start = text.rfind("\n", 0, token.idx) + 1
    before = text[paragraph_start : token.idx]
    curly_open = before.count("\u201c") > before.count("\u201d")
    return curly_open or before.count('"') % 2 == 1


def evidence_of(sentence: Span, resolved: ResolvedDocument) -> Evidence:
    normalized = resolved.linked.parsed.normalized
    text = sentence.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    start, end = normalized.span(sentence.start_char + left, sentence.start_char + right)
    return Evidence(start=start, end=end, text=normalized.original[start:end])


def death_counts(sentence: Span) -> list[tuple[int, bool]]:
    """Every death toll the sentence states, each with whether it is vague ('several')."""
    words = _cue("death_words")
    vague = {str(k): int(v) for k, v in (_cues().get("vague_death_counts") or {}).items()}
    counts: list[int] = []
    for token in sentence:
        if token.lower_ not in words and token.lemma_.lower() not in words:
            continue
        if (
            token.lemma_.lower() in {"kill", "die", "perish", "slay", "martyr"}
            and token.pos_ == "VERB"
        ):
            heads = [c for c in token.children if c.dep_ in {"nsubjpass", "dobj", "nsubj"}]
            if token.dep_ in {"acl", "amod"}:
                heads.append(token.head)
            if any(c.dep_ == "nsubj" for c in token.children) and token.lemma_.lower() == "kill":
                heads = [c for c in token.children if c.dep_ == "dobj"] or heads
        else:
            heads = [token]
        for head in heads:
            value = _count_of(head, vague)
            if value is None and head.i >= 1 and head.doc[head.i - 1].like_num:
                value = number_value(head.doc[head.i - 1].text)  # "at least two dead"
            if value is not None:
                words_used = {t.lower_ for t in head.subtree} | {head.lower_}
                counts.append((value, bool(words_used & set(vague))))
    return counts


def _count_of(head: Token, vague: dict[str, int]) -> int | None:
    if head.like_num:
        return number_value(head.text)
    for child in head.children:
        if child.dep_ in {"nummod", "quantmod"} or (
            child.like_num and child.dep_ in {"amod", "compound"}
        ):
            text = " ".join(t.text for t in child.subtree)
            value = number_value(text)
            if value is not None:
                return value
        if child.lower_ in vague:
            return vague[child.lower_]
    if head.lower_ in vague:
        return vague[head.lower_]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "at", "of"}:
            for obj in child.children:
                if obj.like_num:
                    return number_value(obj.text)
    return None


def with_foreign_inter(location: Location | None, *actors: ActorRef | None) -> tuple:
    """ACLED codes state forces acting outside their own country as external forces (8)."""
    result = []
    for actor in actors:
        if (
            actor is not None
            and actor.inter == 1
            and location is not None
            and location.country
            and actor.country
            and actor.country != location.country
        ):
            actor = actor.model_copy(update={"inter": 8})
        result.append(actor)
    return tuple(result)
