"""Scoring events on real reports: the hand-labelled Wikipedia reports
(`kb/data/labelled_events/`, the held-out fifth unless told otherwise) and the CASE 2021 Task 2
snippets (`../shared/data/case2021-dev`, evaluation only).

Each report is extracted as a document of its own, published on its day. The event scored is
the first one that is not background (`historical`); where it has no ACLED type, or there is
none, the report "gives no ACLED event". Printed, as issue "events on real reports" asks:
ACLED event type accuracy, sub-event macro-F1, PLOVER macro-F1, actor1 agreement (ACLED's
naming where the label gives it), the date where the text names the day, fatalities exact;
for CASE, weighted F1 over the 25 ACLED types and over all labels.

    python -m frontlines.evaluation.real_events [--all] [--misses] [FILE ...]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from frontlines.evaluation.events import NONE, TypeTable, actor_agrees
from frontlines.events import (
    LabelledEvent,
    acled_types,
    is_held_out,
    labelled_folder,
    load_labelled,
)
from frontlines.kb.names import name_key
from frontlines.models import ActorRef, Event, Extraction

# CASE 2021 Task 2 labels → ACLED sub-event types; the five others give no ACLED event.
CASE_TYPES = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NO_ACLED_EVENT = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")


def scored_event(extraction: Extraction) -> Event | None:
    """The event a report is scored by: its first that is not background. Where that one has
    no ACLED type (a threat, an accusation), the report gives no ACLED event."""
    return _first_event(extraction)


def _first_event(extraction: Extraction, with_plover: bool = False) -> Event | None:
    for event in extraction.events:
        if not event.historical and (event.plover_type or not with_plover):
            return event
    return None


def _without_years(name: str) -> str:
    """'Military Forces of Nigeria (2015-2023)' → the key of 'Military Forces of Nigeria'."""
    key = name_key(name)
    return " ".join(w for w in key.split() if not any(c.isdigit() for c in w))


def actor_matches(ref: ActorRef | None, item: LabelledEvent, role: str) -> bool | None:
    """Whether the system's actor is the labelled one; None where the label names none."""
    named = getattr(item, f"{role}_acled")
    if named:
        return ref is not None and _without_years(ref.name) == _without_years(named)
    written = getattr(item, role)
    return None if not written else actor_agrees(ref, written)


UNIT_WORDS = {
    "district",
    "province",
    "governorate",
    "region",
    "state",
    "county",
    "city",
    "town",
    "village",
    "of",
    "municipality",
    "department",
    "area",
    "camp",
}


def _place_words(name: str | None) -> str:
    return " ".join(w for w in name_key(name or "").split() if w not in UNIT_WORDS)


def place_named(event: Event | None, item: LabelledEvent) -> bool | None:
    """Whether the event's location names the labelled place or the district it gave
    ('Behsod district', 'Nangarhar province'); None where the label names no place."""
    wanted = [w for w in (_place_words(item.location), _place_words(item.admin)) if w]
    if not wanted:
        return None
    if event is None or event.location is None:
        return False
    got = [_place_words(event.location.name), _place_words(event.location.text)]
    return any(
        g and (g == w or fuzz.ratio(g, w) >= 85 or f" {w} " in f" {g} ")
        for g in got
        for w in wanted
    )


def weighted_f1(pairs: Sequence[tuple[str, str]], labels: set[str]) -> float:
    """F1 per gold label, weighted by the label's support (as scikit-learn's 'weighted')."""
    table = TypeTable("")
    table.pairs = list(pairs)
    per = table.per_label()
    support = {label: per[label][3] for label in labels if label in per}
    total = sum(support.values())
    return sum(per[label][2] * n for label, n in support.items()) / total if total else 0.0


@dataclass
class RealScore:
    acled: TypeTable = field(default_factory=lambda: TypeTable("ACLED sub-event type"))
    event_types: TypeTable = field(default_factory=lambda: TypeTable("ACLED event type"))
    plover: TypeTable = field(default_factory=lambda: TypeTable("PLOVER type"))
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def count(self, name: str, hit: bool | None) -> None:
        if hit is not None:
            self.counts[f"{name} total"] += 1
            self.counts[f"{name} hit"] += bool(hit)

    def rate(self, name: str) -> str:
        total, hit = self.counts[f"{name} total"], self.counts[f"{name} hit"]
        return f"{hit}/{total} ({hit / max(total, 1):.3f})"

    def summary(self) -> list[str]:
        return [
            f"  ACLED event type accuracy   {self.event_types.accuracy():.3f}"
            f" ({len(self.event_types.pairs)} reports)",
            f"  ACLED sub-event macro-F1    {self.acled.macro_f1():.3f}",
            f"  PLOVER macro-F1             {self.plover.macro_f1():.3f}",
            f"  actor1 agrees               {self.rate('actor1')}",
            f"  actor2 agrees               {self.rate('actor2')}",
            f"  date, where the text names the day  {self.rate('date')}",
            f"  fatalities exact            {self.rate('fatalities')}",
            f"  placed, where the text says where  {self.rate('placed')}",
            f"  at the labelled place or its district  {self.rate('place')}",
            f"  in the right country        {self.rate('country')}",
        ]

    def lines(self, misses: bool = False) -> list[str]:
        return self.summary() + self.acled.lines() + (self.misses if misses else [])


def score_labelled(items: Sequence[LabelledEvent]) -> RealScore:
    from frontlines.pipeline import extract_documents
    from frontlines.read import make_document

    documents = [make_document(i.text, name=i.id, published=i.published) for i in items]
    score = RealScore()
    subs = acled_types()
    for item, extraction in zip(items, extract_documents(documents), strict=True):
        event = scored_event(extraction)
        got = event.sub_event_type if event else None
        score.acled.add(item.sub_event_type, got)
        score.event_types.add(item.event_type, subs.get(got) if got else None)
        plover_event = _first_event(extraction, with_plover=True)
        score.plover.add(item.plover, plover_event.plover_type if plover_event else None)
        if item.sub_event_type != got:
            score.misses.append(f"    - {item.sub_event_type} → {got}: {item.id} {item.text[:100]}")
        if item.sub_event_type:
            score.count("actor1", actor_matches(event.actor1 if event else None, item, "actor1"))
            score.count("actor2", actor_matches(event.actor2 if event else None, item, "actor2"))
            if item.location or item.country:
                score.count("placed", event is not None and event.location is not None)
            score.count("place", place_named(event, item))
            if item.country:
                where = event.location.country if event and event.location else None
                score.count("country", where == item.country)
            if item.event_date:
                score.count("date", event is not None and event.date == item.event_date)
            if item.fatalities is not None:
                got_toll = event.fatalities if event else 0
                score.count("fatalities", got_toll == item.fatalities)
                if got_toll != item.fatalities:
                    score.misses.append(
                        f"    - fatalities {got_toll} ≠ {item.fatalities}: "
                        f"{item.id} {item.text[:80]}"
                    )
    return score


def read_case(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, label) of a CASE 2021 Task 2 file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"] or "", r["SubType"]) for r in rows if r["SubType"]]


def score_case(path: Path) -> tuple[list[str], RealScore]:
    from frontlines.pipeline import extract_documents
    from frontlines.read import make_document

    rows = read_case(path)
    documents = [make_document(text, name=f"case:{ident}") for ident, text, _ in rows]
    reverse = {sub: code for code, sub in CASE_TYPES.items()}
    pairs: list[tuple[str, str]] = []
    score = RealScore()
    for (ident, text, gold), extraction in zip(rows, extract_documents(documents), strict=True):
        event = scored_event(extraction)
        got = reverse.get(event.sub_event_type, NONE) if event else NONE
        # The five labels that are no ACLED event are one class for a coder of ACLED events.
        pairs.append((NONE if gold in NO_ACLED_EVENT else gold, got))
        score.acled.add(CASE_TYPES.get(gold), event.sub_event_type if event else None)
        if pairs[-1][0] != got:
            score.misses.append(f"    - {gold} → {got}: {ident} {text[:100]}")
    acled_pairs = [(g, p) for g, p in pairs if g != NONE]
    lines = [
        f"  weighted F1, 25 ACLED types ({len(acled_pairs)} snippets): "
        f"{weighted_f1(acled_pairs, set(CASE_TYPES)):.3f}",
        f"  weighted F1, all labels, the 5 others as 'no ACLED event' ({len(pairs)} snippets): "
        f"{weighted_f1(pairs, set(CASE_TYPES) | {NONE}):.3f}",
    ]
    return lines, score


def evaluate_real(path: Path | None = None, every: bool = False, misses: bool = False) -> list[str]:
    """`frontlines eval` of labelled real reports (default: the packaged held-out fifth) or of
    a CASE 2021 file."""
    if path is not None and path.suffix == ".tsv":
        lines, score = score_case(path)
        return lines + score.acled.lines() + (score.misses if misses else [])
    if path is None or path.is_dir():
        items = load_labelled(None if path is None else sorted(path.glob("*.yaml")))
    else:
        items = load_labelled([path])
    folder = labelled_folder().resolve()
    packaged = path is None or folder in (path.resolve(), path.resolve().parent)
    if not every and packaged:
        items = [i for i in items if is_held_out(i)]
        lines = [f"  held-out fifth, never trained on: {len(items)} reports"]
    else:
        lines = [f"  every report: {len(items)}"]
    return lines + score_labelled(items).lines(misses)


def is_case_file(path: Path) -> bool:
    if path.suffix != ".tsv" or not path.is_file():
        return False
    with path.open(encoding="utf-8") as handle:
        return "EventSnippet" in handle.readline()


def is_labelled(path: Path) -> bool:
    """A file of labelled real reports (items with an `id`), or a folder of them."""
    if path.is_dir():
        return any(is_labelled(p) for p in path.glob("*.yaml"))
    if path.suffix not in {".yaml", ".yml"} or not path.is_file():
        return False
    head = path.read_text(encoding="utf-8")[:4000]
    return "\n- id: " in head and "sub_event_type:" in head


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    for argument in arguments or [None]:
        print(argument or "labelled_events (held-out fifth)")
        target = Path(argument) if argument else None
        print("\n".join(evaluate_real(target, "--all" in sys.argv, "--misses" in sys.argv)))
