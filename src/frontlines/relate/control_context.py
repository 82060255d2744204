"""What a control clause is read against: the countries the report's parties belong to (a
namesake abroad is no place taken), changes only meant or refused, a place's name as cut at a
list's joint, and the dateline's day. Part of the `relate` stage's control reading
(`control`)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from frontlines.clauses import actor_refs
from frontlines.kb.countries import countries as country_table
from frontlines.models import PlaceMention
from frontlines.parse import text_of
from frontlines.relate.taking import intended
from frontlines.resolve import ResolvedDocument

# verbs of asking: "called for the withdrawal of X" asks for a change, none told done
REQUEST_VERBS = {
    "call",
    "demand",
    "urge",
    "ask",
    "request",
    "seek",
    "want",
    "propose",
    "plan",
    "order",
    "reject",
    "refuse",
    "oppose",
    "push",
    "press",
    "insist",
}


def report_countries(resolved: ResolvedDocument) -> set[str]:
    """The countries the report's parties belong to (a country's own name among them)."""
    found = {
        actor.record.country
        for actor in resolved.linked.actors.values()
        if actor.record is not None and actor.record.country
    }
    return found  # not the focus country: a namesake abroad may have made it


def beside(country: str, countries: set[str]) -> bool:
    """Whether `country` is one of `countries` or in the same part of the world as one: JNIM
    of Mali takes Djibo in Burkina Faso; a Konna in Ireland is no place of Mali's war."""
    table = country_table()
    own = table.get(country)
    return country in countries or (
        own is not None
        and own.subregion is not None
        and any(table.get(c) and table[c].subregion == own.subregion for c in countries)
    )


def in_report_country(place: PlaceMention, countries: set[str], sentence: Span) -> PlaceMention:
    """A place where the report's parties are: a namesake in a country no party of the
    report belongs to, nor one in its part of the world ('Konna' read as a village in Ireland
    in a report on Mali's army), is the whole name the text gives ('Baba Amr' of 'Baba'),
    with no point; a name no gazetteer knows lies in the report's one country, when it has
    one."""
    if place.country and countries and not beside(place.country, countries):
        end = place.end
        for token in sentence:  # the rest of the name: "Baba" + "Amr"
            if token.idx == end + 1 and token.pos_ == "PROPN" and token.text[:1].isupper():
                end = token.idx + len(token)
        text = sentence.doc.text[place.start : end]
        return PlaceMention(
            text=text, start=place.start, end=end, name=text,
            country=next(iter(countries)) if len(countries) == 1 else None,
        )  # fmt: skip
    if place.country is None and len(countries) == 1:
        return place.model_copy(update={"country": next(iter(countries))})
    return place


def object_of_intent(token: Token) -> bool:
    """'an operation to take control of X': the noun 'control' taken by a verb meant."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "dobj" and intended(token.head):
        return True
    # "called for / demanded the withdrawal of X from Y": asked for, not done
    head = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    asked = token.dep_ in {"dobj", "pobj"} and head.pos_ == "VERB"
    return asked and head.lemma_.lower() in REQUEST_VERBS


MODAL_AUXILIARIES = {"will", "would", "shall", "can", "could", "must", "should", "may", "might"}
FUNCTION_WORDS = {"and", "or", "of", "the", "in", "at", "to", "from", "on", "by"}


def refused(trigger: Token) -> bool:
    """'We will not leave Tripoli', 'the army cannot withdraw': a change refused or ruled
    out, none told done (unlike 'denied that its forces had lost X')."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    children = list(verb.children)
    negated = any(c.dep_ == "neg" for c in children)
    modal = any(c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES | {"ca", "wo"} for c in children)
    return negated and modal


def clean_name(name: str) -> str | None:
    """A place's name without a function word it was cut at ('Kiku and' of 'Kiku and Maro',
    'Damasak in' of 'Damasak in Borno State'); None for a name that is no name, of fewer than
    three letters ('Ra' of "Ra's Lanuf")."""
    words = name.split()
    while words and words[-1].lower().strip(",;") in FUNCTION_WORDS:
        words.pop()
    while words and words[0].lower() in FUNCTION_WORDS - {"the"}:
        words.pop(0)
    cleaned = " ".join(words).strip(" ,;")
    return cleaned if sum(c.isalpha() for c in cleaned) >= 3 else None


_DATELINE_PLACE = re.compile(r"\s*[A-Z][A-Z'.\-]{2,}\b")  # "GHARYAN, Libya, ..."
_DATELINE_END = re.compile(r"\)?\s*[-\u2013\u2014]+\s")


def dateline_day(resolved: ResolvedDocument) -> str | None:
    """'GHARYAN, Libya, April 8 (Reuters) - ...': the day the dateline gives, the report's day
    for what the text dates no other way."""
    text = text_of(resolved.linked.parsed.doc)
    end = _DATELINE_END.search(text, 0, 120)
    if end is None or not _DATELINE_PLACE.match(text):
        return None
    days = [
        date
        for (start, _), date in sorted(resolved.date_at.items())
        if start < end.start() and date.precision == "day" and date.value
    ]
    return days[0].value if len(days) == 1 else None


# what one pulls out of that is no ground: "pull out of peace talks in Geneva"
NO_GROUND = {
    "talk", "talks", "negotiation", "negotiations", "conference", "deal", "agreement", "accord",
    "treaty", "election", "elections", "race", "process", "meeting", "summit", "tournament",
    "coalition", "government", "ceasefire", "truce", "pact", "league", "competition",
}  # fmt: skip


def left_no_place(token: Token, resolved: ResolvedDocument) -> bool:
    """'pulled out of the peace talks in Geneva', 'surrendered X (a person) to the police in
    Davao': left or handed over something that is no ground."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "out"}:
            objects = [g for g in child.subtree if g.dep_ == "pobj" and g.head == child]
            objects += [  # "out of": "of" hangs on "out"
                g
                for c in child.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            if objects and all(
                o.lemma_.lower() in NO_GROUND or o.lower_ in NO_GROUND for o in objects
            ):
                return True
        if child.dep_ == "dobj" and token.lemma_.lower() in {"surrender", "hand"}:
            refs = actor_refs(list(child.subtree), resolved)
            if refs and child.pos_ == "PROPN":
                return True  # "surrenders Abduljihad Susukan to the police"
    return False


FORCING_VERBS = {"force", "compel", "oblige", "drive", "push", "make", "cause", "lead"}


def forced_to(token: Token) -> Token | None:
    """'forcing X to flee Y', 'compelled X to withdraw': the object of the forcing verb is
    who leaves, not the forcing verb's subject."""
    if token.dep_ != "xcomp" or token.head.lemma_.lower() not in FORCING_VERBS:
        return None
    return next((c for c in token.head.children if c.dep_ == "dobj"), None)
