"""Scoring the conflict picture (relations, control changes, quotes) against a gold file.

Gold layout (the founding article's `gold.json`): `relations` as {kind, source, target}
with gold actor keys (a list means any of these; null in a list accepts no actor),
`must_not_relate` as the same; `control` as {place, gained_by, lost_by, date}; `quotes`
as {speaker (a gold actor key, or the words that name the speaker), role, direct, contains}.
Items with `"required": false` are reported but not counted.
"""

from __future__ import annotations

from collections.abc import Callable

from frontlines.kb.names import name_key
from frontlines.models import ControlChange, Extraction, Quote, Relation


def _accepts(allowed: object, value: object) -> bool:
    if isinstance(allowed, list):
        return value in allowed
    return value == allowed


def _relation_matches(relation: Relation, wanted: dict, mapping: dict[str, str]) -> bool:
    return (
        relation.kind == wanted["kind"]
        and relation.modality == "asserted"
        and _accepts(wanted["source"], mapping.get(relation.source))
        and _accepts(wanted["target"], mapping.get(relation.target))
    )


def _control_matches(change: ControlChange, wanted: dict, mapping: dict[str, str]) -> bool:
    gained = mapping.get(change.gained_by) if change.gained_by else None
    lost = mapping.get(change.lost_by) if change.lost_by else None
    return (
        name_key(change.place) == name_key(wanted["place"])
        and _accepts(wanted.get("gained_by"), gained)
        and _accepts(wanted.get("lost_by"), lost)
        and (change.date or "").startswith(wanted.get("date") or "")
    )


def _speaker_matches(quote: Quote, wanted: dict, gold: dict, mapping: dict[str, str]) -> bool:
    speaker = wanted["speaker"]
    actor = next((a for a in gold.get("actors", []) if a["key"] == speaker), None)
    if actor is not None:
        if quote.speaker.id and mapping.get(quote.speaker.id) == speaker:
            return True
        names = {name_key(text) for text in actor["mentions"]}
        return bool(quote.speaker.name) and name_key(quote.speaker.name) in names
    return bool(quote.speaker.name) and name_key(quote.speaker.name) == name_key(speaker)


def _quote_matches(quote: Quote, wanted: dict, gold: dict, mapping: dict[str, str]) -> bool:
    contains = " ".join(wanted["contains"].lower().split())
    role = (wanted.get("role") or "").lower()
    return (
        contains in " ".join(quote.text.lower().split())
        and quote.direct == wanted.get("direct", True)
        and _speaker_matches(quote, wanted, gold, mapping)
        and role in (quote.speaker.role or "").lower()
    )


def score_picture(
    extraction: Extraction,
    gold: dict,
    mapping: dict[str, str],
    add: Callable[[str, int, int], None],
) -> list[str]:
    """Add the figures through `add(label, hit, total)`; return lines naming each item."""
    lines: list[str] = []
    parts = (
        ("relations", extraction.relations, _relation_matches, _describe_relation),
        ("control", extraction.control, _control_matches, _describe_control),
        ("quotes", extraction.quotes, _quote_matches, _describe_quote),
    )
    for part, found, matches, describe in parts:
        wanted = gold.get(part) or []
        for required in (True, False):
            group = [w for w in wanted if w.get("required", True) is required]
            if not group:
                continue
            hits = 0
            for item in group:
                if part == "quotes":
                    ok = any(matches(x, item, gold, mapping) for x in found)
                else:
                    ok = any(matches(x, item, mapping) for x in found)
                hits += ok
                lines.append(f"    {'+' if ok else '-'} {part}: {describe(item)}")
            label = f"{'required' if required else 'optional'} {part}"
            add(label, hits, len(group))
    bad = [
        pair
        for pair in gold.get("must_not_relate", [])
        if any(_relation_matches(r, pair, mapping) for r in extraction.relations)
    ]
    add(
        "must_not_relate pairs absent",
        len(gold.get("must_not_relate", [])) - len(bad),
        len(gold.get("must_not_relate", [])),
    )
    lines += [f"    ! must not relate: {_describe_relation(pair)}" for pair in bad]
    return lines


def _describe_relation(item: dict) -> str:
    return f"{item['source']} {item['kind']} {item['target']}"


def _describe_control(item: dict) -> str:
    return f"{item['place']} gained by {item.get('gained_by')} on {item.get('date')}"


def _describe_quote(item: dict) -> str:
    return f"{item['speaker']}: {item['contains'][:50]!r}"
