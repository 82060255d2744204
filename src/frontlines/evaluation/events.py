"""Scoring event typing and arguments on our own corpus (`frontlines eval CORPUS.yaml|FOLDER`).

A file or folder inside the packaged corpus is scored on its held-out fifth only (the items the
shipped model never saw); any other corpus-format file is scored whole. Each item is one
sentence, extracted as a document of its own; the sentence's first event is compared with the
item's labels. Printed: per-type precision, recall and F1, macro-F1 over ACLED sub-event types
and over PLOVER types (the "none" class counts in precision and recall but is not averaged),
actor1/actor2 agreement where the item gives them, and the fatalities exact rate.

`python -m frontlines.evaluation.events --compare` measures the candidate classifiers (features ×
model) and the rules alone on the same held-out fifth.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.events import CorpusItem, corpus_folder, load_corpus, split
from frontlines.models import ActorRef, Event, Extraction

NONE = "none"


@dataclass
class TypeTable:
    """Gold and predicted labels of one vocabulary, scored per label."""

    name: str
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(self, gold: str | None, got: str | None) -> None:
        self.pairs.append((gold or NONE, got or NONE))

    def per_label(self) -> dict[str, tuple[float, float, float, int]]:
        gold_n = Counter(g for g, _ in self.pairs)
        got_n = Counter(p for _, p in self.pairs)
        right = Counter(g for g, p in self.pairs if g == p)
        out = {}
        for label in sorted(set(gold_n) | set(got_n)):
            precision = right[label] / got_n[label] if got_n[label] else 0.0
            recall = right[label] / gold_n[label] if gold_n[label] else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[label] = (precision, recall, f1, gold_n[label])
        return out

    def macro_f1(self) -> float:
        scores = [f for label, (_, _, f, n) in self.per_label().items() if label != NONE and n]
        return sum(scores) / len(scores) if scores else 0.0

    def accuracy(self) -> float:
        return sum(g == p for g, p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def lines(self) -> list[str]:
        out = [
            f"  {self.name}: macro-F1 {self.macro_f1():.3f} over "
            f"{sum(1 for k, v in self.per_label().items() if k != NONE and v[3])} types, "
            f"accuracy {self.accuracy():.3f} ({len(self.pairs)} items)",
            f"    {'type':<38} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}",
        ]
        for label, (p, r, f, n) in self.per_label().items():
            out.append(f"    {label[:38]:<38} {p:6.2f} {r:6.2f} {f:6.2f} {n:>4}")
        return out


def actor_agrees(ref: ActorRef | None, gold: str) -> bool:
    if ref is None:
        return False
    got, want = ref.text.lower().strip(), gold.lower().strip()
    return bool(got) and (got in want or want in got)


@dataclass
class EventScore:
    acled: TypeTable = field(default_factory=lambda: TypeTable("ACLED sub-event type"))
    plover: TypeTable = field(default_factory=lambda: TypeTable("PLOVER type"))
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def lines(self, verbose: bool = False) -> list[str]:
        out = [f"  items scored: {len(self.acled.pairs)}"]
        out += self.acled.lines() + self.plover.lines()
        for label in ("actor1", "actor2", "fatalities exact"):
            total, hit = self.counts[f"{label} total"], self.counts[f"{label} hit"]
            out.append(f"  {label:<18} {hit}/{total} ({hit / max(total, 1):.1%})")
        return out + (self.misses if verbose else [])


def _main_event(extraction: Extraction) -> Event | None:
    return extraction.events[0] if extraction.events else None


def score_items(items: Sequence[CorpusItem]) -> EventScore:
    from frontlines.pipeline import extract_documents
    from frontlines.read import make_document

    documents = [make_document(item.text) for item in items]
    score = EventScore()
    for item, extraction in zip(items, extract_documents(documents), strict=True):
        event = _main_event(extraction)
        got_sub = event.sub_event_type if event else None
        got_plover = event.plover_type if event else None
        score.acled.add(item.sub_event_type, got_sub)
        score.plover.add(item.plover, got_plover)
        if (item.sub_event_type, item.plover) != (got_sub, got_plover):
            score.misses.append(
                f"    - {item.sub_event_type}/{item.plover} → {got_sub}/{got_plover}: "
                f"{item.text[:110]}"
            )
        for role in ("actor1", "actor2"):
            gold = getattr(item, role)
            if gold:
                score.counts[f"{role} total"] += 1
                got = getattr(event, role) if event else None
                score.counts[f"{role} hit"] += actor_agrees(got, gold)
        if item.fatalities is not None:
            tolls = [e.fatalities for e in extraction.events if e.fatalities]
            score.counts["fatalities exact total"] += 1
            if (tolls[0] if tolls else 0) == item.fatalities:
                score.counts["fatalities exact hit"] += 1
            else:
                score.misses.append(
                    f"    - fatalities {tolls[:1] or [0]} ≠ {item.fatalities}: {item.text[:110]}"
                )
    return score


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def is_event_corpus(path: Path) -> bool:
    """A folder of corpus files, or a YAML file whose items carry `sub_event_type`."""
    if path.is_dir():
        return any(is_event_corpus(p) for p in path.glob("*.yaml"))
    if path.suffix not in {".yaml", ".yml"}:
        return False
    return "sub_event_type:" in path.read_text(encoding="utf-8")


def items_to_score(path: Path) -> tuple[list[CorpusItem], str]:
    """The items a `frontlines eval` on `path` scores, and what they are."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if _inside(path, corpus_folder()):
        _train, held_out = split(load_corpus())
        names = {f.name for f in files}
        return [i for i in held_out if i.source in names], "held-out fifth, never trained on"
    return load_corpus(files), "every item"


def evaluate_events(path: Path, verbose: bool = False) -> list[str]:
    items, what = items_to_score(path)
    if not items:
        return ["  no corpus items to score"]
    return [f"  scoring {what}"] + score_items(items).lines(verbose)


def compare() -> list[str]:
    """Classifier candidates (typing of the sentence alone) on the held-out fifth."""
    from frontlines.events import LinearTyper, labels_of, views

    training, held_out = split(load_corpus())
    gold = labels_of(held_out)
    lines = [f"training {len(training)}, held out {len(held_out)}"]
    for kind in ("raw", "masked", "parse"):
        train_views, test_views = views(training, kind), views(held_out, kind)
        for model in ("logistic", "svm"):
            typer = LinearTyper(model).fit(train_views, labels_of(training))
            predicted = typer.predict(test_views)
            figures = []
            for head in ("acled", "plover"):
                table = TypeTable(head)
                for g, (p, _) in zip(gold[head], predicted[head], strict=True):
                    table.add(g, p)
                figures.append(f"{head} macro-F1 {table.macro_f1():.3f}")
            lines.append(f"  {kind:<7} {model:<9} " + ", ".join(figures))
    return lines


if __name__ == "__main__":
    if "--compare" in sys.argv:
        print("\n".join(compare()))
    else:
        for argument in sys.argv[1:]:
            print("\n".join(evaluate_events(Path(argument), verbose=True)))
