"""Which relations the `relate` stage keeps and how it folds them: a pairing no report
means is dropped ('Qatar financed the rebels': no relation to an unnamed class; a country's
own forces 'belonging to' a foreign group), two readings of one backing are one relation."""

from __future__ import annotations

from collections.abc import Iterator

from frontlines.kb.countries import is_generic_class
from frontlines.mentions import actor_records
from frontlines.models import Relation


def plausible(kind: str, source: str, target: str) -> bool:
    """Drop pairings no report means: a country's own forces 'belonging to' a foreign group."""
    if source == target or is_generic_class(source) or is_generic_class(target):
        return False  # "Qatar financed the rebels": no relation to an unnamed class
    records = actor_records()
    a, b = records.get(source), records.get(target)
    if a is None or b is None:
        return True
    if kind == "member_of" and a.country and b.country and a.country != b.country:
        return False
    if kind == "commands" and a.type != "person":
        return False
    if kind == "opposes" and "state" in {a.type, b.type} and a.country == b.country:
        return False  # "Libya" against a Libyan party: which side the country stands for is unsaid
    return not (source in b.commands or target in a.commands and kind != "commands")


def opposed(found: dict, a: str, b: str) -> Iterator[bool]:
    """Whether the two already oppose each other, either way round."""
    for kind, source, target, _ in found:
        yield kind == "opposes" and {source, target} == {a, b}


def fold_unspecified(relations: list[Relation]) -> list[Relation]:
    """'Backed by X' and 'X supports Y militarily': one military relation, both evidence."""
    kept: list[Relation] = []
    for relation in relations:
        twins = [
            r
            for r in relations
            if r.mode != "unspecified"
            and (r.kind, r.source, r.target) == (relation.kind, relation.source, relation.target)
        ]
        if relation.mode != "unspecified" or not twins:
            kept.append(relation)
            continue
        for twin in twins:
            twin.evidence += [e for e in relation.evidence if e not in twin.evidence]
    for relation in kept:
        relation.evidence.sort(key=lambda e: e.start)
    return kept
