"""Which event a sentence's death toll belongs to, and how tolls told over several sentences
combine (ACLED counts every death of an event: the victims', the other side's, the
attackers').

A sentence's toll goes to the violent event it reports, else to the first it reports that
ACLED codes (a capture, a protest: "unless the text gives a toll" they carry none), else, with
no event before to take it, to an assault the typer gave no ACLED type; a sentence that only
counts the dead gives them to the event just before, or, where none came before, to the event
the next sentence tells. Dead told as more of the event before ("Two attackers are also
killed", `adds_to_toll`) are added to its toll; the deed told again as killing more ("the
attack killed at least eight") gives the whole. The report's lead event carries the toll a
later event of the same telling gives where its own clause gave none (`lead_carries_toll`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.events.death_counts import fatality_words, is_death, lethal_toll, of_noun
from frontlines.events.fatalities import dead_in, sentence_toll
from frontlines.events.folding import Draft, is_bare_toll
from frontlines.resolve import ResolvedDocument

NEAR = 3  # sentences back that a toll of its own may belong to
# "Fatalities coded as 0 (local sources reported 4)": a coder's own figure for the event before
_CODED_TOLL = re.compile(
    r"\bfatalities\s+(?:were\s+|are\s+|have\s+been\s+)?coded\s+as\s+(\d+)", re.I
)


def _violent(draft: Draft) -> bool:
    return draft.rule.violent or draft.rule.fatalities_from_bodies


def _recent(drafts: list[Draft], index: int) -> list[Draft]:
    """The events of the last few sentences a toll may belong to: the violent ones, else
    those ACLED codes."""
    near = [d for d in drafts[-4:] if d.sentence_index >= index - NEAR]
    return [d for d in near if _violent(d)] or [d for d in near if d.event_type is not None]


def _attach(
    sentence: Span, drafts: list[Draft], index: int, any_type: bool = False
) -> Draft | None:
    """Give the sentence's toll to the violent draft among `drafts`, else the first ACLED
    codes (`any_type`: else the first at all: an assault the typer gave no ACLED type)."""
    counts = sentence_toll(sentence) or lethal_toll(sentence)
    if not counts:
        return None
    target = (
        next((d for d in drafts if _violent(d)), None)
        or next((d for d in drafts if d.event_type is not None), None)
        or (drafts[0] if any_type and drafts else None)
    )
    if target is not None:
        told = [(index, value, vague) for value, vague in counts]
        if _restates_whole(sentence, target, told):
            target.fatalities = []  # the named dead told before were part of it
        target.fatalities.extend(told)
    return target


def _restates_whole(sentence: Span, target: Draft, told: list[tuple[int, int, bool]]) -> bool:
    """'Soleimani and Muhandis were martyred in an attack. ... the attack killed at least
    eight people': the deed told again as killing more is its whole toll."""
    earlier = [value for s, value, vague in target.fatalities if not vague and s < told[0][0]]
    if not earlier or any(vague or value <= max(earlier) for _, value, vague in told):
        return False
    events = fatality_words("event_nouns")
    return any(
        is_death(verb)
        and verb.pos_ == "VERB"
        and any(
            c.dep_ == "nsubj"
            and c.lemma_.lower() in events
            and any(d.lower_ in {"the", "this", "that"} for d in c.children)
            for c in verb.children
        )
        for verb in sentence
    )


def _date_from(target: Draft | None, told: Sequence[Draft]) -> None:
    """The day a sentence told of the event's toll names ("The attack took place on
    Wednesday, killing three"), for an event whose own clause names none."""
    dated = next((d for d in told if d.date and d.date_precision in ("day", "week")), None)
    if target is not None and dated is not None and _undated(target, dated.date_precision):
        target.date, target.date_precision = dated.date, dated.date_precision


def _undated(draft: Draft, precision: str | None) -> bool:
    """An event with no day of its own, or only one inferred to the week, for a day."""
    return draft.date is None or (draft.date_precision == "week" and precision == "day")


def _first_told(draft: Draft) -> int | None:
    exact = [sentence for sentence, _, vague in draft.fatalities if not vague]
    return min(exact) if exact else None


def _adds(draft: Draft, sentence: Span, sentences: Sequence[Span]) -> bool:
    first = _first_told(draft)
    if first is None or not any(v > 0 for s, v, _ in draft.fatalities if s == first):
        return False
    return not states_total(sentences[first]) and adds_to_toll(sentence)


def _add(draft: Draft, sentence: Span) -> None:
    """Add the sentence's dead to the toll the event was first given."""
    first = _first_told(draft)
    more = sentence_toll(sentence)[0][0]
    draft.fatalities = [
        (s, value + more if s == first else value, vague) for s, value, vague in draft.fatalities
    ]


def _attach_earlier(
    found: list[Draft],
    drafts: list[Draft],
    index: int,
    sentences: Sequence[Span],
    resolved: ResolvedDocument | None,
) -> None:
    """A toll told first, in a sentence with no event of its own and none before it ("The
    death toll from Friday's violence is now seven. Massive riots ..."), is the toll of the
    event the next sentence tells."""
    from frontlines.events.typer import reports_nothing  # the typer loads the classifier

    earlier = index - 1
    if earlier < 0 or reports_nothing(sentences[earlier]) or _recent(drafts, earlier):
        return
    if any(d.sentence_index == earlier for d in drafts):
        return
    target = _attach(sentences[earlier], found, earlier)
    date = clauses.deed_date(sentences[earlier], resolved) if resolved is not None else None
    if target is not None and date is not None and _undated(target, date.precision):
        target.date, target.date_precision = date.value, date.precision  # "Friday's violence"


def place_toll(
    sentence: Span,
    found: list[Draft],
    drafts: list[Draft],
    index: int,
    sentences: Sequence[Span],
    resolved: ResolvedDocument | None = None,
) -> list[Draft]:
    """Give the toll of `sentence` (index `index` of `sentences`) to its event, among the
    drafts it reports (`found`) and those before (`drafts`); returns the drafts the sentence
    still reports as events of their own."""
    recent = _recent(drafts, index)
    told = [d for d in recent if _first_told(d) is not None]  # the one that carries the toll
    if told and _adds(told[-1], sentence, sentences):
        _add(told[-1], sentence)
        return [d for d in found if not _violent(d)]  # the deaths are the event's before
    bare: list[Draft] = []
    if recent and found and all(is_bare_toll(d) for d in found):
        bare, found = found, []  # "At least 12 people were killed": the toll of the event before
    if found and not sentence_toll(sentence):
        _attach_earlier(found, drafts, index, sentences, resolved)
    latest = [d for d in recent if d.sentence_index == recent[-1].sentence_index]
    if found or not recent:
        if _attach(sentence, found, index) is None:
            if recent and _bearers(found) == []:
                _attach(sentence, latest, index)  # "X says 19 of its fighters were killed"
            elif not recent:  # "a rescue operation frees two hostages and kills nine pirates"
                assaults = [d for d in found if d.plover_type == "ASSAULT"]
                _attach(sentence, assaults, index, True)
    else:  # of the events of the latest sentence before, the violent one
        _date_from(_attach(sentence, latest, index), bare)
    return found


def _bearers(drafts: list[Draft]) -> list[Draft]:
    """The drafts that may carry a toll: violent ones, or ones ACLED codes."""
    return [d for d in drafts if _violent(d) or d.event_type is not None]


def states_total(sentence: Span) -> bool:
    """'The death toll from the attacks is seven': a figure for the whole, the attackers'
    dead told after it included."""
    return any(t.lemma_.lower() in fatality_words("summary_nouns") for t in sentence)


def adds_to_toll(sentence: Span) -> bool:
    """Whether the dead of this sentence are more dead of the event told just before, to be
    added to its toll as ACLED does: another side's or the attackers' dead ("Two attackers are
    also killed", "Around 10 Taliban fighters also died in the attack", "The gunman was shot
    dead by police"); not another incident ("in another attack", "meanwhile", "in the West
    Bank"), a running total or a competing figure."""
    toll = sentence_toll(sentence)
    if not toll or toll[0][1] or toll[0][0] <= 0 or states_total(sentence):
        return False
    words = {t.lower_ for t in sentence}
    if words & fatality_words("apart_markers") or any(_placed(t) for t in sentence):
        return False
    heads = [sentence.root] + [
        c for c in sentence.root.children if c.dep_ in {"conj", "parataxis", "ccomp"}
    ]
    dead = dead_in(sentence)
    doers = any(
        (of_noun(c.head) or c.head).lemma_.lower() in fatality_words("doer_nouns")
        or c.head.lower_ in {"he", "she"}
        for c in dead
    )  # "13 of the attackers", the attacker told as "he" ("He was shot and killed")
    if not doers and not any(
        is_death(h) or any(c.lower_ == "dead" for c in h.children) for h in heads
    ):
        return False  # a deed of its own ("jets also struck Gaza, killing 3"), not "He then
        # drove on and opened fire, before being shot dead"
    if not doers and any(_own_doer(h) for h in heads):
        return False  # "Israeli drones also kill 31 Palestinians": the other side's deed
    more = bool(words & fatality_words("more_markers")) or "as well" in sentence.text.lower()
    return more or doers


def _own_doer(verb: Token) -> bool:
    """An active death verb whose subject is a doer, not the deed ('the shootout killed')."""
    return (
        is_death(verb)
        and any(
            c.dep_ == "nsubj" and c.lemma_.lower() not in fatality_words("event_nouns")
            for c in verb.children
        )
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _placed(token: Token) -> bool:
    """A place the sentence puts its deaths in ('in the West Bank'): another scene."""
    return (
        (token.ent_type_ in {"GPE", "LOC", "FAC"} or token.pos_ == "PROPN")
        and token.dep_ == "pobj"
        and token.head.lower_ in {"in", "at", "near", "outside", "inside", "across", "on"}
    )


def lead_carries_toll(drafts: list[Draft], sentences: Sequence[Span]) -> None:
    """The report's lead event carries the toll its own clause did not give, where a later
    event of the same telling carries one ("Protesters storm the base ... Security forces
    fire at the crowd, killing at least two"; "Troops capture the port. The coalition claims
    to have killed 800 militants"): ACLED codes the incident once, with its dead. Not a toll
    set apart as another incident's ("a separate bombing yesterday killed five")."""
    lead = next((d for d in drafts if not d.historical), None)
    if lead is None or lead.event_type is None or lead.fatalities:
        return
    markers = fatality_words("other_scene_markers")
    for draft in drafts[drafts.index(lead) + 1 :]:
        if draft.historical or draft.sentence_index - lead.sentence_index > NEAR:
            continue
        told = {s for s, value, _ in draft.fatalities if value > 0}
        if not told:
            continue
        if any(t.lower_ in markers for s in told for t in sentences[s]):
            return
        lead.fatalities, draft.fatalities = draft.fatalities, []
        return


def coded_toll(drafts: list[Draft], sentences: Sequence[Span]) -> None:
    """An event record's own word on its toll ("Fatalities coded as 0 (X reported 4)") is the
    toll of the event told just before it, whatever figure the text reports."""
    for index, sentence in enumerate(sentences):
        coded = _CODED_TOLL.search(sentence.text)
        if coded is None:
            continue
        before = [
            d for d in drafts if d.sentence_index <= index and index - d.sentence_index <= NEAR
        ]
        told = [d for d in before if d.fatalities] or [d for d in before if _violent(d)]
        if told:
            told[-1].fatalities = [(told[-1].sentence_index, int(coded.group(1)), False)]
