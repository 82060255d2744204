"""Scoring against PLOVER gold-standard records (`frontlines eval PLOVER_GSR_CAMEO.json`).

Each record is one sentence with its PLOVER event type and the source and target actors'
text and country code. Scored here: the countries our actors give for the gold source and
target (the actor mention over the gold actor's words), and the PLOVER type of the first
event we find (the sentence's main event: the pipeline puts it first), with the older labels
mapped to the current 16 types.

`python -m frontlines.evaluation.plover PLOVER_GSR_CAMEO.json --misses` also lists every record
whose type is wrong: gold and found type, every event found, and the sentence.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from frontlines.evaluation.events import TypeTable, actor_agrees
from frontlines.models import Extraction

OLD_TO_CURRENT = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass
class PloverScore:
    records: int = 0
    roles: Counter = field(default_factory=Counter)  # (role, outcome) → count
    types: Counter = field(default_factory=Counter)  # right, wrong, none
    confusion: Counter = field(default_factory=Counter)
    table: TypeTable = field(default_factory=lambda: TypeTable("PLOVER type (first event)"))
    arguments: Counter = field(default_factory=Counter)  # (role, outcome) → count
    misses: list[str] = field(default_factory=list)  # one line per wrongly typed record

    def lines(self) -> list[str]:
        return self._country_lines() + self.table.lines() + self._argument_lines()

    def _argument_lines(self) -> list[str]:
        out = []
        for role, side in (("source", "actor1"), ("target", "actor2")):
            total = self.arguments[(role, "total")]
            hit = self.arguments[(role, "hit")]
            out.append(
                f"  first event's {side} is the gold {role}: {hit}/{total} "
                f"({hit / max(total, 1):.1%})"
            )
        return out

    def _country_lines(self) -> list[str]:
        out = [f"  records scored: {self.records}"]
        for role in ("source", "target"):
            total = sum(v for (r, _), v in self.roles.items() if r == role)
            right = self.roles[(role, "right")]
            found = right + self.roles[(role, "wrong")]
            out.append(
                f"  {role} country right: {right}/{total} ({right / total:.1%}); "
                f"actor found for {found}/{total}, of which right {right / max(found, 1):.1%}"
                if total
                else f"  {role}: no gold codes"
            )
        typed = sum(self.types.values())
        out.append(
            f"  event type (first event) right: {self.types['right']}/{typed} "
            f"({self.types['right'] / max(typed, 1):.1%}); no event: {self.types['none']}"
        )
        for (gold, got), count in self.confusion.most_common(8):
            out.append(f"    {gold:<10} → {got:<10} {count}")
        return out


def _iso3(code: str | None) -> str | None:
    if not code or len(code) != 3 or not code.isupper():
        return None
    return code if pycountry.countries.get(alpha_3=code) else None


def _actors(value: object) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _country_over(extraction: Extraction, start: int, end: int) -> str | None | bool:
    """The country of our actor mention over [start, end); False when there is none."""
    best = None
    for actor in extraction.actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                length = m.end - m.start
                if best is None or length > best[0]:
                    best = (length, actor.country)
    return False if best is None else best[1]


def evaluate_plover(path: Path) -> PloverScore:
    from frontlines.pipeline import extract_documents
    from frontlines.read import make_document

    records = [
        r
        for r in json.loads(path.read_text(encoding="utf-8"))
        if r.get("text") and r.get("event") not in (None, "DOCUMENT")
    ]
    documents = [make_document(r["text"], published=r.get("date")) for r in records]
    score = PloverScore(records=len(records))
    for record, extraction in zip(records, extract_documents(documents), strict=True):
        for role in ("source", "target"):
            for actor in _actors(record.get(role))[:1]:
                code = _iso3(actor.get("code"))
                start = record["text"].find(actor.get("actorText") or "\0")
                if code is None or start < 0:
                    continue
                got = _country_over(extraction, start, start + len(actor["actorText"]))
                outcome = "none" if got is False else ("right" if got == code else "wrong")
                score.roles[(role, outcome)] += 1
        gold = OLD_TO_CURRENT.get(record["event"], record["event"])
        typed = [e for e in extraction.events if e.plover_type]
        got_type = typed[0].plover_type if typed else None
        outcome = "none" if got_type is None else ("right" if got_type == gold else "wrong")
        score.types[outcome] += 1
        score.table.add(gold, got_type)
        if outcome != "right":
            score.confusion[(gold, got_type or "-")] += 1
            found = ", ".join(
                f"{e.plover_type}({e.actor1.text if e.actor1 else '-'}"
                f" → {e.actor2.text if e.actor2 else '-'})"
                for e in typed
            )
            score.misses.append(
                f"{record.get('id', '?')}  {gold} → {got_type or '-'}  [{found}]  {record['text']}"
            )
        for role, side in (("source", "actor1"), ("target", "actor2")):
            for actor in _actors(record.get(role))[:1]:
                if actor.get("actorText"):
                    score.arguments[(role, "total")] += 1
                    got = getattr(typed[0], side) if typed else None
                    score.arguments[(role, "hit")] += actor_agrees(got, actor["actorText"])
    return score


def main(argv: list[str] | None = None) -> None:
    """Score a PLOVER gold file; with --misses, list the wrongly typed records too."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m frontlines.evaluation.plover")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrongly typed record")
    args = parser.parse_args(argv)
    score = evaluate_plover(args.gold)
    print("\n".join(score.lines()))
    if args.misses:
        print("\n".join(["  misses:", *(f"    {line}" for line in score.misses)]))


if __name__ == "__main__":
    main()
