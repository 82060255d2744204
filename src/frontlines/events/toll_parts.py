"""Which of a sentence's counts of the dead are parts of another: a subset ("among them two
children"), some of those counted before ("two of the dead"), a breakdown of a total ("six are
killed: three in X, ..."), or parts of an updated toll ("rises to 10 patients and 12 staff").
"""

from __future__ import annotations

from frontlines.events.death_counts import Count, across_break, is_death, of_noun
from frontlines.events.death_counts import fatality_words as _words


def is_subset(count: Count) -> bool:
    """'among them two children', 'including 15 protesters and 5 security forces'; not the
    whole a named victim was among ('was among 20 militants killed')."""
    doc = count.head.doc
    first = count.head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    start = min(count.start, first.left_edge.i)
    before = doc[max(start - 3, count.head.sent.start) : count.start]
    markers = [t for t in before if t.lower_ in _words("subset_markers")]
    if not markers:
        return False
    marker = markers[-1]
    return not (marker.lower_ == "among" and marker.head.lemma_ == "be")


def of_the_dead(count: Count) -> bool:
    """'two of the dead', '2 of the corpses': some of those a count before gave."""
    owner = of_noun(count.head)
    return owner is not None and is_death(owner) and any(c.lower_ == "the" for c in owner.children)


def breakdown(counts: list[Count]) -> list[Count]:
    """Parts told after a total: after a colon ("six are killed: three in X, one
    in Y ..."), or adding up to it ("Three Americans are killed, a serviceman and two
    contractors", "at least three die, including two ..., and an imam was shot"): the
    total's, not more dead."""
    ordered = sorted(counts, key=lambda c: c.start)
    if len(ordered) < 2 or ordered[0].vague:
        return []
    total = ordered[0]
    doc = total.head.doc
    broken = [c for c in ordered[1:] if across_break(doc[total.start], doc[c.start])]
    if broken:
        return broken
    later = [c for c in ordered[1:] if c.head not in total.head.conjuncts]
    heads = {c.head for c in counts}
    singles = {  # "a serviceman and two contractors", the serviceman parsed as no victim
        j
        for c in later
        for j in c.head.conjuncts
        if j not in heads and j.tag_ == "NN" and any(d.lower_ in {"a", "an"} for d in j.children)
    }
    if len(later) + len(singles) < 2 or any(c.vague or c.value >= total.value for c in later):
        return []
    return later if sum(c.value for c in later) + len(singles) == total.value else []


def with_conjuncts(count: Count, counts: list[Count]) -> int:
    """An updated toll told in parts: "rises to 10 patients and 12 staff" is 22."""
    joined = set(count.head.conjuncts)
    return count.value + sum(c.value for c in counts if c.head in joined and c is not count)
