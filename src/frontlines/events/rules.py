"""Event typing rules, loaded from `kb/data/events.yaml`, and the matching of a clause to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.kb import load_data


@dataclass(frozen=True)
class EventRule:
    name: str
    triggers: tuple[str, ...]
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    context_any: tuple[str, ...] = ()
    context_also: tuple[str, ...] = ()
    context_none: tuple[str, ...] = ()
    objects_any: tuple[str, ...] = ()  # what the act is done to: "cut ties", "expel diplomats"
    modes: tuple[tuple[str, str], ...] = ()
    violent: bool = False
    territorial: bool = False
    armed_pair: bool = False
    actor_role: str | None = None
    default_actor1: str | None = None
    fatalities_from_bodies: bool = False
    battle_if_any: tuple[str, ...] = ()
    battle_none: tuple[str, ...] = ()
    # the other side left ("withdrew"): no battle, unless the fighting it left under is told
    battle_left: tuple[str, ...] = ()
    battle_by_default: tuple[str, ...] = ()  # triggers that take ground by force
    battle_types: dict = field(default_factory=dict, hash=False, compare=False)
    battle_plover: str | None = None  # the PLOVER type when the battle types apply


def _strings(values: object) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in (values or []))


@lru_cache(maxsize=1)
def event_rules() -> tuple[EventRule, ...]:
    rules = []
    for raw in load_data("events.yaml") or []:
        acled = raw.get("acled") or [None, None]
        plover = raw.get("plover") or [None, None]
        rules.append(
            EventRule(
                name=raw["name"],
                triggers=_strings(raw.get("triggers")),
                event_type=acled[0],
                sub_event_type=acled[1],
                plover_type=plover[0],
                plover_mode=plover[1] if len(plover) > 1 else None,
                context_any=_strings(raw.get("context_any")),
                context_also=_strings(raw.get("context_also")),
                context_none=_strings(raw.get("context_none")),
                objects_any=_strings(raw.get("objects_any")),
                modes=tuple((str(k).lower(), str(v)) for k, v in (raw.get("modes") or {}).items()),
                violent=bool(raw.get("violent")),
                territorial=bool(raw.get("territorial")),
                armed_pair=bool(raw.get("armed_pair")),
                actor_role=raw.get("actor_role"),
                default_actor1=raw.get("default_actor1"),
                fatalities_from_bodies=bool(raw.get("fatalities_from_bodies")),
                battle_if_any=_strings(raw.get("battle_if_any")),
                battle_none=_strings(raw.get("battle_none")),
                battle_left=_strings(raw.get("battle_left")),
                battle_by_default=tuple(s.lower() for s in _strings(raw.get("battle_by_default"))),
                battle_types=dict(raw.get("battle_types") or {}),
                battle_plover=raw.get("battle_plover"),
            )
        )
    return tuple(rules)


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """First words of every trigger: the tokens worth looking at."""
    return frozenset(t.split()[0] for rule in event_rules() for t in rule.triggers)


class SentenceContext:
    """The words of a sentence, for context tests (lemmas, forms and the raw lower text)."""

    def __init__(self, sentence: Span) -> None:
        self.words = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
        self.text = " " + re.sub(r"\s+", " ", sentence.text.lower()) + " "

    def has(self, phrase: str) -> bool:
        if " " in phrase or "-" in phrase:
            return re.search(rf"(?<![a-z]){re.escape(phrase)}", self.text) is not None
        return phrase in self.words

    def any(self, phrases: tuple[str, ...]) -> bool:
        return any(self.has(p) for p in phrases)


def trigger_phrase(token: Token, rule: EventRule) -> str | None:
    """The trigger of `rule` that `token` heads, if any ("took control" → "take control")."""
    lemma = token.lemma_.lower()
    forms = {lemma, token.lower_}
    following = [t for t in token.doc[token.i + 1 : token.i + 4]]
    particles = [c.lemma_.lower() for c in token.children if c.dep_ in {"prt", "dobj"}]
    for trigger in rule.triggers:
        words = trigger.split()
        if len(words) == 1:
            if words[0] in forms:
                return trigger
            continue
        if words[0] not in forms:
            continue
        rest = words[1:]
        lemmas = [t.lemma_.lower() for t in following if t.lower_ not in {"the", "a", "an"}]
        if lemmas[: len(rest)] == rest or (len(rest) == 1 and rest[0] in particles):
            return trigger
    return None


@dataclass(frozen=True)
class Intent:
    """How a clause speaks of its act: of the future or an intention ("will impose", "is
    prepared to strike"), under a condition ("unless ..."), negated, or as an obligation put
    on someone else ("Iraq must cooperate")."""

    future: bool = False
    conditional: bool = False
    negated: bool = False
    obligation: bool = False
    refused: bool = False  # "refused to sign", "failed to reach agreement"


FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
MODAL_AUX = {"may", "might", "could"}  # "may halt mediation if ...": a condition set
FIRST_PERSON = {"we", "i", "us"}


@lru_cache(maxsize=1)
def _intent_data() -> dict:
    return load_data("event_taxonomy.yaml").get("intent") or {}


def intent_of(token: Token) -> Intent:
    """The intent of the clause `token` heads (see `Intent`)."""
    data = _intent_data()
    taxonomy = load_data("event_taxonomy.yaml")
    promises = {str(w) for w in taxonomy.get("promise_words") or ()}
    words = {str(w) for w in data.get("intent_words") or ()} | promises
    conditions = {str(w) for w in data.get("condition_words") or ()}
    chain = [token]
    current = token
    for _ in range(2):  # "is prepared to impose", "plans to expel": the governing words
        if current.dep_ in {"xcomp", "acomp"} and current.head != current:
            current = current.head
            chain.append(current)
    auxes = [c for t in chain for c in t.children if c.dep_ in {"aux", "auxpass"}]
    future = (
        any(a.lower_ in FUTURE_AUX for a in auxes)
        or any(t.lemma_.lower() in words for t in chain[1:])
        or token.lemma_.lower() in promises  # "offered its troops", "pledged support"
    )
    negated = any(c.dep_ == "neg" for t in chain for c in t.children)
    conditional = any(
        c.dep_ == "advcl" and any(m.lower_ in conditions for m in c.children if m.dep_ == "mark")
        for c in token.children
    )
    modal = any(a.lower_ in MODAL_AUX for a in auxes)
    # the subject of the clause, wherever it hangs ("the US must be ready to mediate": on "be")
    subject = next((c for t in chain for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    first_person = subject is not None and subject.pos_ == "PRON" and subject.lower_ in FIRST_PERSON
    obligation = any(a.lower_ == "must" for a in auxes) and not first_person  # not "the US"
    refusals = {str(w) for w in data.get("refusal_words") or ()}
    refused = any(t.lemma_.lower() in refusals for t in chain[1:])
    return Intent(future, conditional and (future or modal), negated, obligation, refused)


def intended_type(plover: str | None, intent: Intent) -> str | None:
    """The PLOVER type an act spoken of this way is, by the codebook: an obligation put on
    another is a demand (REQUEST); a cooperative act refused, failed or refused for the future
    is REJECT; a harmful act promised or made conditional is THREATEN; a cooperative act
    promised or offered AGREE (a yielding promised, CONCEDE). None when the act's own type
    stands."""
    data = _intent_data()
    if plover is None:
        return None
    if intent.obligation:
        return "REQUEST"
    cooperative = set(data.get("refusal_types") or ())
    if intent.refused and plover in cooperative:
        return "REJECT"  # "refused to sign", "failed to reach agreement"
    threats = set(data.get("threat_types") or ())
    if intent.future and plover in threats:
        return "THREATEN"
    if intent.conditional and plover in set(data.get("conditional_threat_types") or ()):
        return "THREATEN"  # "will boycott the vote unless ...": an ultimatum
    if intent.future and intent.negated and plover in cooperative:
        return "REJECT"
    promised = dict(data.get("promised") or {})
    if intent.future and not intent.negated and plover in promised:
        return str(promised[plover])  # "is willing to send engineers", "promised to continue aid"
    return None


@lru_cache(maxsize=1)
def _rules_by_plover() -> dict[str, EventRule]:
    """The rule an act retyped by intent takes, per PLOVER type (`intent.rules` in the
    taxonomy: the plain speech-act rules, "threaten", "request", ...); a type with none there
    keeps the act's own rule."""
    names = dict(_intent_data().get("rules") or {})
    by_name = {rule.name: rule for rule in event_rules()}
    return {plover: by_name[name] for plover, name in names.items() if name in by_name}


def rule_for(token: Token, context: SentenceContext) -> tuple[EventRule, str] | None:
    """The first rule whose trigger `token` heads and whose context the sentence has; an act
    spoken of as future, conditional or owed (`intent_of`) takes the rule of the type that
    makes it (a threat, a refusal, a demand)."""
    found = _rule_for(token, context)
    if found is None:
        return None
    retyped = intended_type(found[0].plover_type, intent_of(token))
    rule = _rules_by_plover().get(retyped) if retyped else None
    return (rule, found[1]) if rule is not None else found


OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd", "dative"}
OBJECT_PREPS = {"of", "from", "to"}  # "pulled out of the talks", "acceded to the demands"
# The words that qualify what an act is done to ("a military aid programme", "air links").
MODIFIER_DEPS = {"compound", "amod", "nmod"}


def object_words(token: Token) -> set[str]:
    """The words naming what the act `token` heads is done to: a verb's object (or the subject
    of its passive, what it pulls out "of" or yields "to", who it lets do something) with its
    modifiers and what that is "of" ("suspended part of an aid programme", "aid was cut",
    "allowed convoys to enter"); a noun's own modifiers and "of" phrase ("the suspension of
    air links"). Lemmas and forms, lower-cased."""
    heads = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if token.pos_ in {"NOUN", "PROPN"}:
        heads.append(token)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS):
        heads += [c for c in prep.children if c.dep_ == "pobj"]  # "pulled out of the talks"
    for clause in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
        heads += [c for c in clause.children if c.dep_ == "nsubj"]  # "allowed convoys to enter"
    found: list[Token] = []
    for head in heads:
        found += [head, *(c for c in head.children if c.dep_ in MODIFIER_DEPS)]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found += [pobj, *(c for c in pobj.children if c.dep_ in MODIFIER_DEPS)]
        found += [c for c in head.children if c.dep_ == "conj"]  # "observers and inspectors"
    found = [t for t in found if t != token]
    return {t.lemma_.lower() for t in found} | {t.lower_ for t in found}


@lru_cache(maxsize=1)
def _rules_by_first_word() -> dict[str, tuple[int, ...]]:
    """For each first word of a trigger, the positions of the rules that have it, in order."""
    found: dict[str, list[int]] = {}
    for position, rule in enumerate(event_rules()):
        for trigger in rule.triggers:
            positions = found.setdefault(trigger.split()[0], [])
            if position not in positions:
                positions.append(position)
    return {word: tuple(positions) for word, positions in found.items()}


def _rule_for(token: Token, context: SentenceContext) -> tuple[EventRule, str] | None:
    # Only rules with a trigger starting with the token's lemma or form can match: trying
    # those alone, in the rules' order, finds what trying every rule finds, at a tenth of it.
    index = _rules_by_first_word()
    lemma, form = token.lemma_.lower(), token.lower_
    positions = sorted({*index.get(lemma, ()), *index.get(form, ())})
    rules = event_rules()
    objects: set[str] | None = None
    for rule in (rules[p] for p in positions):
        phrase = trigger_phrase(token, rule)
        if phrase is None:
            continue
        if rule.objects_any:
            objects = object_words(token) if objects is None else objects
            if not objects & set(rule.objects_any):
                continue
        if rule.context_any and not context.any(rule.context_any):
            continue
        if rule.context_also and not context.any(rule.context_also):
            continue
        if rule.context_none and context.any(rule.context_none):
            continue
        return rule, phrase
    return None


def mode_for(rule: EventRule, context: SentenceContext) -> str | None:
    for word, mode in rule.modes:
        if context.has(word):
            return mode
    return rule.plover_mode


NOUN_TRIGGER_DEPS = {"dobj", "nsubj", "nsubjpass", "ROOT", "pobj", "conj", "attr", "appos"}
# A noun trigger under a preposition is an event only after these ("killed in an airstrike"),
# not as an attribute ("a base for the attack", "outputs of the conference").
NOUN_TRIGGER_PREPOSITIONS = {"in", "during", "after", "following", "amid", "since"}


def candidate_triggers(sentence: Span) -> list[Token]:
    """The tokens of a sentence that a rule may type: trigger verbs, and trigger nouns where
    they stand as an event ('the attack killed', 'killed in an airstrike')."""
    words = trigger_words()
    found: list[Token] = []
    for token in sentence:
        if token.lemma_.lower() not in words and token.lower_ not in words:
            continue
        if token.ent_type_ in {"DATE", "TIME"}:
            continue  # "since March", "in May": the month, not a march
        if token.pos_ == "VERB":
            found.append(token)
        elif token.pos_ in {"NOUN", "PROPN"} and token.dep_ in NOUN_TRIGGER_DEPS:
            if token.dep_ == "pobj" and token.head.lower_ not in NOUN_TRIGGER_PREPOSITIONS:
                continue
            found.append(token)
    return found
