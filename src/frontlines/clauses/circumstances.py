"""The circumstances of an event, from sentence structure: its own date (the one attached to
its clause, not to another event's), modality, evidence span and hazards; its place is read by
`event_place`.

Part of the `clauses` readers, beside `roles` (who did what to whom).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.clauses.deed_dates import dates_wounds, toll_of
from frontlines.kb import load_data
from frontlines.kb.cues import cue_words
from frontlines.models import DateMention, Evidence, Quote
from frontlines.parse import char_span, sentence_of, text_of
from frontlines.resolve import ResolvedDocument


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


def owned_by(
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
        if owned_by(trigger, triggers, c[0], c[1], resolved)
        and not _background_date(trigger, c[0], c[1], resolved)
    ]
    if own:
        return own[0][2]
    return _dated_deed(candidates, resolved) or _sentence_day(trigger, candidates, resolved)


def report_day(resolved: ResolvedDocument) -> DateMention | None:
    """The one recent day a report names, for an event whose sentence names no date: "The
    army reports the destruction of a tunnel. ... its jets bombed the tunnel opening Saturday
    night" (a report naming several days gives none); inferred, so to the week."""
    days = [d for d in resolved.dates if d.precision == "day" and _recent(d, resolved)]
    if not days or len({d.value for d in days}) > 1:
        return None
    return days[0].model_copy(update={"precision": "week"})


def _sentence_day(
    trigger: Token, candidates: list[tuple], resolved: ResolvedDocument
) -> DateMention | None:
    """A day the sentence names in another clause, where the event's own clause names none:
    a date the text states beats the publication date ("Israel shut down the crossing before
    its jets bombed the tunnel Saturday night"); a recent one only."""
    for start, end, date in candidates:
        if date.precision not in ("day", "week") or not _recent(date, resolved):
            continue
        if not _background_date(trigger, start, end, resolved) and not _another_time(
            trigger, start, end, resolved
        ):
            return date
    return None


OTHER_TIME_WORDS = {"after", "before", "following", "until", "since", "prior"}


def _another_time(trigger: Token, start: int, end: int, resolved: ResolvedDocument) -> bool:
    """A day inside a clause told as before or after the event ("enter the ruins after
    capturing the city yesterday"): the day of that other deed, not of this one."""
    span = char_span(resolved.linked.parsed.doc, start, end)
    if span is None:
        return False
    above = set(trigger.ancestors) | {trigger}
    current = span.root
    for _ in range(10):
        if current in above or current.head == current:
            return False
        marks = [c for c in current.children if c.dep_ in {"mark", "prep"}]
        if current.lower_ in OTHER_TIME_WORDS or any(c.lower_ in OTHER_TIME_WORDS for c in marks):
            return True
        current = current.head
    return False


def _recent(date: DateMention, resolved: ResolvedDocument) -> bool:
    published = resolved.linked.parsed.document.published
    if not published:
        return True
    age = dt.date.fromisoformat(published) - dt.date.fromisoformat(date.value)
    return 0 <= age.days <= RECENT_DEED_DAYS


def deed_date(sentence: Span, resolved: ResolvedDocument) -> DateMention | None:
    """The day a sentence with no event of its own dates a deed by ("The death toll from
    Friday's violence is now seven")."""
    candidates = [
        (start, end, date)
        for (start, end), date in resolved.date_at.items()
        if sentence.start_char <= start < sentence.end_char
    ]
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
        if published and not _recent(date, resolved):
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


def _attack_told(sentence: Span) -> bool:
    """Whether the sentence has a word of an attack, a weapon or an armed party."""
    return bool({t.lower_ for t in sentence} & cue_words("attack_cues"))


def disaster_told(sentence: Span) -> bool:
    """'At least five people were killed after a volcano erupted', 'deaths in Sunday's volcanic
    eruption rose to 99': a sentence that names a natural or accidental hazard and no word of an
    attack, a weapon or an armed party tells a disaster, whatever clause the hazard sits in."""
    if _attack_told(sentence):
        return False
    hazards = cue_words("hazard_words")
    return any(  # the noun: "armed men stormed the hotel" is no storm
        t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in hazards or t.lower_ in hazards)
        for t in sentence
    )


def industrial_accident(sentence: Span) -> bool:
    """'A chemical plant exploded', 'gas leaked from a factory': a blast, a fire or a leak at
    an industrial site, with no word of an attack, bomb or armed party, is an accident."""
    if _attack_told(sentence):
        return False
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
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
