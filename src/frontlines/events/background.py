"""Background events: what a report tells as a habit, a look back, or of a date well before
its publication, rather than as its news (`Event.historical`)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span, Token

from frontlines.events.folding import Draft
from frontlines.events.rules import SentenceContext, rule_for
from frontlines.events.typer import anchor
from frontlines.kb.cues import cue_words
from frontlines.parse import sentences_of

HABITUAL = {"frequently", "often", "regularly", "routinely", "usually", "typically", "previously"}
HISTORICAL_DAYS = 14  # older than this before publication: background, not news of the day
# Words that put a dated event in the past or make it a running count ("killed since
# January", "two years ago", "in the past"); "in the past week" is this week's news.
SPANS = r"(?:\S+ )?(?:hours?|days?|weeks?|months?|nights?)\b"
BACKGROUND_MARKERS = re.compile(rf" (?:since|years ago|last year|in the past(?! {SPANS})) ")
# Clauses beside the trigger's own whose words do not date it: "..., which troops have held
# since they withdrew", "making it the second attack since the 2006 war".
OTHER_CLAUSES = {"relcl", "advcl", "acl"}


def _outside_other_clauses(trigger: Token) -> bool:
    """Whether a background marker stands in the trigger's sentence outside the clauses that
    do not hold the trigger, and not as what a noun is measured by ("the worst attack since
    2006": a comparison, not a running count)."""
    sentence = trigger.sent
    hidden: set[int] = set()
    for token in sentence:
        if token.dep_ in OTHER_CLAUSES and trigger not in token.subtree:
            hidden.update(t.i for t in token.subtree)
        if token.lower_ == "since" and token.dep_ == "prep" and token.head.pos_ == "NOUN":
            hidden.update(t.i for t in token.subtree)
    text = " " + " ".join(t.lower_ for t in sentence if t.i not in hidden) + " "
    return BACKGROUND_MARKERS.search(text) is not None


def _retrospective(trigger: Token) -> bool:
    """'Drones had a prominent role in destroying the air defences': a look back."""
    nouns, verbs = cue_words("retrospective_nouns"), cue_words("retrospective_verbs")
    for word in [trigger, *list(trigger.ancestors)[:4]]:
        if word.lemma_.lower() in nouns and word.head.lemma_.lower() in verbs:
            return True  # "a role in destroying": the role governs the deed
        if word.lemma_.lower() in verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in word.children
        ):
            return True  # "played a role in destroying": the verb governs both
    return False


# A sentence that opens with its date, as event records do.
DATE_FIRST = re.compile(
    r"^\W*(?:on|in|around|between|sometime|during|early|late|mid)\b[^,]{0,30}\b(?:19|20)\d\d\b",
    re.I,
)
SHORT_REPORT_CHARS = 600  # a report this short (an event record, a brief) tells one event


def _leads_a_short_report(sentence: Span) -> bool:
    """Whether the sentence opens a short report, after any heading."""
    doc = sentence.doc
    if len(doc.text) > SHORT_REPORT_CHARS:
        return False
    opening = [s for s in sentences_of(doc) if not s.text.rstrip().endswith(":")][:1]
    return bool(opening) and opening[0].start == sentence.start


def _describes_a_participant(trigger: Token) -> bool:
    """A deed told only to say who someone is, in a sentence whose main clause tells no deed
    ('the attacker who killed eight people at a CIA base was a Jordanian agent', 'the
    president, shot by troops yesterday, is flown to France'): known already, not the news."""
    if trigger.pos_ != "VERB":
        return False
    if trigger.dep_ != "relcl" and not (trigger.dep_ == "acl" and trigger.tag_ == "VBN"):
        return False
    if any(c.lower_ in {"where", "when"} for c in trigger.children):
        return False  # "demonstrations, where warning shots are fired": a scene, not a person
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False  # "a group to negotiate": what it is for, not what it did
    that = next((c for c in trigger.children if c.lower_ == "that" and c.i < trigger.i), None)
    if (
        that is not None
        and that.i > 0
        and that.nbor(-1).lemma_.lower() in cue_words("reporting_verbs")
    ):
        return False  # "the Commissioner states that graves have been found": misparsed speech
    main = anchor(trigger.sent)
    if main == trigger or trigger not in main.subtree or trigger.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.lower_ in cue_words("harm_states") for c in main.children):
        return False  # "the man who was kidnapped is dead": the state is the news
    if main.lemma_.lower() in cue_words("claim_verbs"):
        return False  # "claims responsibility for an attack which killed seven"
    counted = any(c.dep_ == "nummod" for c in trigger.head.children)
    if main.lemma_ == "be" and counted:
        return False  # "two officials are among six people kidnapped": who the victims are
    if main.lemma_.lower() in cue_words("pursuit_verbs"):
        return False  # "forces were hunting fighters who had fled": a chase is a deed too
    return rule_for(main, SentenceContext(trigger.sent)) is None


def is_background(draft: Draft, published: str | None) -> bool:
    """Background: a habit ('frequently uses'), a look back, a deed told only to say who
    someone is, or a date well before publication."""
    governors = [draft.trigger, *list(draft.trigger.ancestors)[:3]]
    if any(child.lower_ in HABITUAL for word in governors for child in word.children):
        return True
    if _describes_a_participant(draft.trigger):
        return True
    if draft.date is None and _retrospective(draft.trigger):
        return True
    if draft.date and _outside_other_clauses(draft.trigger):
        return True  # not "..., which troops have held since they withdrew": another clause
    if not published or not draft.date:
        return False
    dated_first = draft.date_precision in ("day", "week") or bool(
        DATE_FIRST.match(draft.sentence.text)
    )
    if dated_first and _leads_a_short_report(draft.sentence):
        # "On 3 March 2021, in Kalehe, ...", "Around 29 April 2020 (between ...)", "Sometime
        # in early April 2020, ...": the dated event is the report's own
        return False
    base = dt.date.fromisoformat(published)
    value = draft.date
    if len(value) == 4:
        return int(value) < base.year
    if len(value) == 7:
        return value < base.isoformat()[:7]
    return (base - dt.date.fromisoformat(value)).days > HISTORICAL_DAYS
