"""Scoring extraction against gold files (`frontlines eval`).

Gold format (described in the README): the founding article's `gold.json` layout: the
document, its actors with the mentions that name them, places with coordinates, dates with
values, events with the accepted readings of each field (a list means any of these).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.evaluation.picture import score_picture
from frontlines.kb.gazetteer import km
from frontlines.kb.names import name_key
from frontlines.models import Event, Extraction
from frontlines.read import text_document

PLACE_TOLERANCE_KM = 30.0


def _accepts(allowed: object, value: object) -> bool:
    if isinstance(allowed, list):
        return value in allowed
    return value == allowed


@dataclass
class Score:
    """What one gold file's evaluation found."""

    name: str
    lines: list[str] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)

    def add(self, label: str, hit: int, total: int) -> None:
        self.figures[label] = hit / total if total else 1.0
        self.lines.append(f"  {label:<34} {hit:>3}/{total:<3} {self.figures[label]:6.1%}")


def _actor_map(extraction: Extraction, gold: dict) -> tuple[dict[str, str], dict[str, str | None]]:
    """System actor id → gold key (by the gold mentions its mentions cover), and for each
    gold mention text the system actor that holds it."""
    by_text: dict[str, str | None] = {}
    for actor in gold.get("actors", []):
        for text in actor["mentions"]:
            by_text[text] = _holder(extraction, text)
    votes: dict[str, Counter] = defaultdict(Counter)
    for actor in gold.get("actors", []):
        for text in actor["mentions"]:
            if by_text.get(text):
                votes[by_text[text]][actor["key"]] += 1
    mapping = {system: counter.most_common(1)[0][0] for system, counter in votes.items()}
    return mapping, by_text


def _holder(extraction: Extraction, text: str) -> str | None:
    """The system actor with a mention equal to `text`, else one containing it as words
    ("Emirati" in "Emirati drones")."""
    key = name_key(text)
    for exact in (True, False):
        for system in extraction.actors:
            for mention in system.mentions:
                other = name_key(mention.text)
                if other == key or (not exact and f" {key} " in f" {other} "):
                    return system.id
    return None


def _gold_place(gold: dict, text: str | None) -> dict | None:
    for place in gold.get("places", []):
        if text and name_key(place["text"]) == name_key(text):
            return place
    return None


def _event_matches(event: Event, wanted: dict, gold: dict, mapping: dict[str, str]) -> bool:
    type_ok = (
        _accepts(wanted.get("event_type"), event.event_type)
        and _accepts(wanted.get("sub_event_type"), event.sub_event_type)
        and _accepts(wanted.get("plover_type"), event.plover_type)
    )
    if not type_ok:
        return False
    if wanted.get("date") and not (event.date or "").startswith(wanted["date"]):
        return False
    place = _gold_place(gold, wanted.get("location"))
    if place is not None:
        if event.location is None or event.location.lat is None:
            return False
        if (
            km(place["lat"], place["lon"], event.location.lat, event.location.lon)
            > PLACE_TOLERANCE_KM
        ):
            return False
    actor1 = mapping.get(event.actor1.id) if event.actor1 else None
    return _accepts(wanted.get("actor1"), actor1)


def evaluate_gold(gold_path: Path, extraction: Extraction | None = None) -> Score:
    """Score one gold file; extracts its document unless an extraction is given."""
    from frontlines.pipeline import extract_document

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if extraction is None:
        document_path = gold_path.parent / gold["document"]
        document = text_document(document_path.read_bytes(), str(document_path))
        extraction = extract_document(document)
    score = Score(gold_path.name)
    mapping, by_text = _actor_map(extraction, gold)

    right = total = 0
    misses: list[str] = []
    for actor in gold.get("actors", []):
        if actor.get("required", True) is False:
            continue
        for text in actor["mentions"]:
            total += 1
            holder = by_text.get(text)
            if holder is not None and mapping.get(holder) == actor["key"]:
                right += 1
            else:
                misses.append(f"    - {text!r} ({actor['key']}) → {holder}")
    score.add("actor mentions resolved", right, total)
    score.lines += misses
    pairs = gold.get("must_not_merge", [])
    holders = {h for h in by_text.values() if h}
    merged = sum(1 for a, b in pairs if any(_holds_both(h, a, b, gold, by_text) for h in holders))
    score.add("must_not_merge pairs kept apart", len(pairs) - merged, len(pairs))

    found = 0
    for place in gold.get("places", []):
        found += any(
            name_key(p.text) == name_key(place["text"])
            and p.lat is not None
            and km(place["lat"], place["lon"], p.lat, p.lon) <= PLACE_TOLERANCE_KM
            for p in extraction.places
        )
    score.add(f"places within {PLACE_TOLERANCE_KM:.0f} km", found, len(gold.get("places", [])))

    found = sum(
        any(
            name_key(d.text) == name_key(g["text"]) and d.value == g["value"]
            for d in extraction.dates
        )
        for g in gold.get("dates", [])
    )
    score.add("dates with the right value", found, len(gold.get("dates", [])))

    required = [e for e in gold.get("events", []) if e.get("required", True)]
    optional = [e for e in gold.get("events", []) if not e.get("required", True)]
    matched_system: set[str] = set()
    for group, label in ((required, "required events"), (optional, "optional events")):
        hits = 0
        for wanted in group:
            match = next(
                (e for e in extraction.events if _event_matches(e, wanted, gold, mapping)), None
            )
            if match is not None:
                hits += 1
                matched_system.add(match.id)
                score.lines.append(f"    + {wanted['key']} ← {match.id}")
            else:
                score.lines.append(f"    - {wanted['key']}")
        score.add(label, hits, len(group))
    score.add("system events matching a gold event", len(matched_system), len(extraction.events))
    details = score_picture(extraction, gold, mapping, score.add)
    score.lines += details
    return score


def _holds_both(system: str, a: str, b: str, gold: dict, by_text: dict[str, str | None]) -> bool:
    """Whether one system actor holds mentions of both gold actors a and b."""
    keys = set()
    for actor in gold.get("actors", []):
        if actor["key"] in (a, b):
            for text in actor["mentions"]:
                if by_text.get(text) == system:
                    keys.add(actor["key"])
    return keys == {a, b}


def evaluate_dates(path: Path) -> list[str]:
    """Score date resolution on a YAML list of {text, published, value, precision}."""
    import yaml

    from frontlines.resolve import resolve_date

    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    wrong = []
    for item in items:
        got = resolve_date(item["text"], item.get("published"))
        value = (got.value, got.precision) if got else (None, None)
        if value != (item.get("value"), item.get("precision")):
            wrong.append(
                f"    - {item['text']!r} published {item.get('published')}: "
                f"{value} (expected {item.get('value')}, {item.get('precision')})"
            )
    right = len(items) - len(wrong)
    return [
        f"  date expressions right: {right}/{len(items)} = {right / max(len(items), 1):.1%}",
        *wrong,
    ]
