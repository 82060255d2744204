"""Where the classifier (`classify`) and the trigger rules (`rules`) meet.

The rules find clause-level events with their arguments; the classifier types the sentence as
a whole. Measured on the held-out fifth of the corpus and on the PLOVER gold records
(`frontlines eval`), the classifier is the better judge of a sentence's main type, and the
rules of where each event sits and of the other events beside it. So, per sentence:

- the rules' events stand; when the classifier is confident of a type one of them has, that
  one becomes the sentence's first (main) event;
- when none has it, the main clause's event takes the classifier's type;
- when the rules find nothing and the classifier is confident of a type, an event is made on
  the main clause, with its arguments from the parse as for any rule;
- when the classifier is confident that the sentence holds no event, the rules' events are
  kept only if a rule of a kind the classifier is weak on found them (`rule_keeps`);
- a sentence whose main act is said of the future, under a condition or as an obligation on
  another is typed as PLOVER reads it (`with_intent`): harm promised is THREATEN, a refusal
  for the future REJECT, "X must ..." REQUEST, and no ACLED event, since none has happened.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.events.classifier import NONE, SHIPPED, Typing, shipped_typer, view
from frontlines.events.corpus import acled_types
from frontlines.events.rules import (
    EventRule,
    Intent,
    SentenceContext,
    event_rules,
    intended_type,
    intent_of,
)
from frontlines.kb import load_data
from frontlines.kb.cues import cue_words

ACLED_CONFIDENT = 0.1
PLOVER_CONFIDENT = 0.1
NO_EVENT_CONFIDENT = 0.4
SURE_OF_CONTEXT = 0.5  # above it the classifier's type stands without its rule's context words
NEW_EVENT_CONFIDENT = 0.0  # an event of the classifier alone, where no rule found one
SURE_OF_SIDES = 0.85  # above it the classifier's Attack or Armed clash stands against the sides
MIN_VERBLESS_TOKENS = 6  # a sentence without a verb shorter than this is a heading

_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # and a coder's tag: "[size=50]"


def reports_nothing(sentence: Span) -> bool:
    """A sentence that is no clause: the outlets a report cites, every word in parentheses
    ("(BBC) (Al Jazeera)") or in a coder's brackets ("[women targeted: ...]"), or a label
    without a verb before a colon ("2011 Libyan civil war:", which the parse splits off as a
    heading)."""
    text = sentence.text.strip()
    if ("(" in text or "[" in text) and not any(c.isalpha() for c in _PARENTHESES.sub("", text)):
        return True
    if not text.endswith(":"):
        return False
    bare = _PARENTHESES.sub("", text)
    return not any(t.tag_.startswith(("VB", "MD")) and t.text in bare for t in sentence)


@lru_cache(maxsize=64)
def representative_rule(
    event_type: str | None, sub_event_type: str | None, plover: str | None
) -> EventRule:
    """The rule that stands for a type the classifier gave (its flags: violent, territorial,
    protest actors ...), or a plain one made for it when no rule has that type."""
    # a rule of a construction ("cut ties", "lifted the curfew") stands for no whole type
    rules = [r for r in event_rules() if not r.objects_any]
    for test in (
        lambda r: (r.sub_event_type, r.plover_type) == (sub_event_type, plover),
        lambda r: sub_event_type is not None and r.sub_event_type == sub_event_type,
        lambda r: sub_event_type is None and r.event_type is None and r.plover_type == plover,
    ):
        found = next((r for r in rules if test(r)), None)
        if found is not None:
            return found
    violent = set(load_data("event_taxonomy.yaml").get("violent") or ())
    return EventRule(
        name=f"classified:{sub_event_type or plover}",
        triggers=(),
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover_type=plover,
        plover_mode=None,
        violent=event_type in violent or sub_event_type in violent,
    )


def anchor(sentence: Span) -> Token:
    """The token that heads the sentence's main clause: the root, or the clause a reporting
    verb introduces ("officials said the army withdrew" → withdrew)."""
    root = sentence.root
    if root.lemma_.lower() in cue_words("reporting_verbs"):
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"}:
                return child
    return root


def heads_main_clause(trigger: Token) -> bool:
    """Whether `trigger` is the main clause's act: its verb, or the noun that verb takes when
    the verb only carries it (`carrier_verbs`: "announced a suspension of links", "lodged a
    protest"), or the clause that noun introduces ("issued a statement demanding ...")."""
    head = anchor(trigger.sent)
    if trigger == head:
        return True
    if trigger == act_of(trigger.sent) and intent_of(trigger) == Intent():
        return True  # the act under a verb of aspect ("continued to send arms"), not a promise

    if head.lemma_.lower() not in cue_words("carrier_verbs"):
        return False  # "dismissed an appeal": the verb's own act, not its object's
    if trigger.dep_ == "acl" and trigger.head.dep_ == "dobj":
        trigger = trigger.head  # "a declaration demanding": the declaration's own act
    return trigger.dep_ in {"dobj", "attr"} and trigger.head == head


def speaks_for(verb: Token, candidates: list[Token], typed: set[int]) -> bool:
    """Whether a trigger verb types the event its object names ("took control"), so the
    object is no event of its own: when a rule typed the verb, or the verb is no mere carrier
    of its object ("broke the truce"; but "renewed negotiations", "opened an inquiry")."""
    if verb not in candidates:
        return False
    return verb.i in typed or verb.lemma_.lower() not in cue_words("carrier_verbs")


def depth(token: Token) -> int:
    steps = 0
    while token.head != token and steps < 20:
        token, steps = token.head, steps + 1
    return steps


def classified_types(typing: Typing | None) -> tuple[str | None, str | None, str | None]:
    """(event_type, sub_event_type, plover) that the classifier is confident of; a PLOVER
    type is filled from the ACLED type's rule when only the ACLED head is confident."""
    if typing is None:
        return None, None, None
    sub = typing.sub_event_type if typing.acled_score >= ACLED_CONFIDENT else None
    plover = typing.plover_type if typing.plover_score >= PLOVER_CONFIDENT else None
    if sub is None and plover is not None and typing.sub_plover == plover:
        sub = typing.sub_event_type  # the two heads agree: the ACLED type stands
    if sub is None and plover is not None and not typing.plover_alone:
        plover = None  # an assault with no ACLED type of its own: not a sure event
    if sub is None and plover is None:
        return None, None, None
    if sub is not None and plover is None:
        plover = typing.sub_plover
    return acled_types().get(sub) if sub else None, sub, plover


@lru_cache(maxsize=1)
def _rule_pairs() -> frozenset[tuple[str, str]]:
    pairs = set()
    for first, second in load_data("event_taxonomy.yaml").get("rules_decide") or []:
        pairs |= {(a, b) for a in first for b in second} | {(b, a) for a in first for b in second}
    return frozenset(pairs)


def rule_decides(rule_sub: str | None, classified_sub: str | None, rule: str = "") -> bool:
    """Whether the rule's sub-event type stands against the classifier's (`rules_decide`),
    or the rule itself does (`rules_over_types`)."""
    over = load_data("event_taxonomy.yaml").get("rules_over_types") or {}
    return (rule_sub, classified_sub) in _rule_pairs() or classified_sub in (over.get(rule) or ())


def says_no_event(typing: Typing | None) -> bool:
    return (
        typing is not None
        and typing.sub_event_type is None
        and typing.plover_type is None
        and min(typing.acled_score, typing.plover_score) >= NO_EVENT_CONFIDENT
    )


@lru_cache(maxsize=1)
def rules_over_no_event() -> frozenset[str]:
    return frozenset(load_data("event_taxonomy.yaml").get("rules_over_no_event") or ())


def rule_leads(name: str) -> bool:
    return name in _rules_leading()


@lru_cache(maxsize=1)
def _rules_leading() -> frozenset[str]:
    return frozenset(load_data("event_taxonomy.yaml").get("rules_lead_when_main") or ())


def is_promise(trigger: Token, event_type: str | None, plover: str | None) -> bool:
    """Whether an event of a cooperative type is only promised or offered (PLOVER AGREE)."""
    data = load_data("event_taxonomy.yaml")
    if event_type is not None or plover not in set(data.get("promise_types") or ()):
        return False
    words = {str(w) for w in data.get("promise_words") or ()}
    future = {"will", "would", "shall", "'ll"}
    if any(c.dep_ == "aux" and c.lower_ in future for c in trigger.children):
        return True
    governors = [trigger, *list(trigger.ancestors)[:2]]
    return any(t.lemma_.lower() in words for t in governors if t != trigger) or any(
        c.lemma_.lower() in words and c.dep_ in {"acomp", "amod"} for c in trigger.head.children
    )


def sure_of_new_event(typing: Typing | None) -> bool:
    """Whether the classifier alone may make an event the rules did not find: both heads
    agree and the label is probable enough (a background sentence must not become one)."""
    if typing is None:
        return False
    if typing.sub_event_type is not None:
        return typing.acled_score >= NEW_EVENT_CONFIDENT
    return (
        typing.plover_type is not None
        and typing.plover_alone
        and typing.plover_score >= NEW_EVENT_CONFIDENT
    )


def act_of(sentence: Span) -> Token:
    """The verb of the act the main clause speaks of: below the anchor, through words of
    intention ("is prepared to impose" → impose, "plans to expel" → expel)."""
    token = anchor(sentence)
    if token.lemma_.lower() in cue_words("carrier_verbs"):
        # "issued a reminder to Iraq that it must cooperate": the act the object carries
        carried = [
            c
            for o in token.children
            if o.dep_ == "dobj"
            for c in o.children
            if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}
        ]
        token = carried[0] if carried else token
    for _ in range(3):
        below = next(
            (c for c in token.children if c.dep_ in {"xcomp", "acomp"} and c.pos_ != "NOUN"),
            None,
        )
        if below is None or (token.pos_ == "VERB" and below.pos_ == "ADJ"):
            break
        token = below
    return token


def with_intent(sentence: Span, typing: Typing | None) -> Typing | None:
    """The classifier's typing of a sentence whose main act is said of the future, under a
    condition, or as an obligation on another: a threat, a refusal or a demand by PLOVER's
    codebook (`rules.intended_type`), and no ACLED event (nothing has happened yet)."""
    if typing is None:
        return None
    plover = typing.plover_type if typing.plover_score >= PLOVER_CONFIDENT else None
    if plover is None and typing.acled_score >= ACLED_CONFIDENT:
        plover = typing.sub_plover  # only what the classifier is sure of is retyped
    intent = intent_of(act_of(sentence))
    if plover is None and intent.obligation and anchor(sentence) != sentence.root:
        plover = "REQUEST"  # "X said Y must ...": a demand, whatever is demanded
    retyped = intended_type(plover, intent)
    held_back = intended_type(typing.sub_plover, intent) not in (None, typing.sub_plover)
    held_back = held_back or (intent.refused and typing.sub_event_type is not None)
    if retyped is None and plover is not None and typing.sub_event_type and held_back:
        retyped = plover  # "refused to sign the peace deal": the Agreement did not happen
    if retyped is None or (retyped == typing.plover_type and typing.sub_event_type is None):
        return typing
    if typing.sub_event_type is not None and retyped == typing.sub_plover:
        return replace(typing, plover_type=retyped)  # "agreed to lay down arms": an Agreement
    return replace(
        typing,
        event_type=None,
        sub_event_type=None,
        plover_type=retyped,
        plover_score=max(typing.plover_score, typing.acled_score),
        sub_plover=None,
        plover_alone=True,
    )


def with_context(sentence: Span, typing: Typing | None) -> Typing | None:
    """The classifier's ACLED type dropped when it is one whose rule asks for a context the
    sentence lacks (`context_required` in the taxonomy: an Agreement between parties to a
    conflict, not a trade deal or a business contract); the PLOVER type stands. A type the
    classifier is sure of stands: it learnt the context from real reports ("agree to
    demilitarise the disputed region" names no word of the list)."""
    if typing is None or typing.sub_event_type is None:
        return typing
    required = set(load_data("event_taxonomy.yaml").get("context_required") or ())
    if typing.sub_event_type not in required or typing.acled_score >= SURE_OF_CONTEXT:
        return typing
    rule = representative_rule(typing.event_type, typing.sub_event_type, typing.sub_plover)
    if not rule.context_any or SentenceContext(sentence).any(rule.context_any):
        return typing
    plover = typing.plover_type or typing.sub_plover
    return replace(
        typing,
        event_type=None,
        sub_event_type=None,
        plover_type=plover,
        plover_score=max(typing.plover_score, typing.acled_score),
        sub_plover=None,
        plover_alone=True,
    )


def type_sentences(sentences: Sequence[Span]) -> list[Typing | None]:
    """The classifier's typing of each sentence (None for every one when there is no model)."""
    typer = shipped_typer() if os.environ.get("FRONTLINES_CLASSIFIER", "1") != "0" else None
    if typer is None or not sentences:
        return [None] * len(sentences)
    predicted = typer.predict([view(s, SHIPPED["kind"]) for s in sentences])
    subs = acled_types()
    out: list[Typing | None] = []
    for sentence, (sub, acled_score), (plover, plover_score) in zip(
        sentences, predicted["acled"], predicted["plover"], strict=True
    ):
        sub_type = None if sub == NONE else sub
        out.append(
            Typing(
                event_type=subs.get(sub_type) if sub_type else None,
                sub_event_type=sub_type,
                acled_score=acled_score,
                plover_type=None if plover == NONE else plover,
                plover_score=plover_score,
                sub_plover=typer.plover_of_sub.get(sub_type) if sub_type else None,
                plover_alone=plover in typer.plover_alone,
            )
        )
        out[-1] = with_intent(sentence, with_context(sentence, out[-1]))
    return out
