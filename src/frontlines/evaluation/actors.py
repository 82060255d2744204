"""Scoring actor linking on (variant, expected actor) sentences (`frontlines eval FILE.yaml`).

File format: a YAML list of `{text, mention, expected, kind}`; `mention` is the exact
substring of `text` that names the actor, `expected` a knowledge-base actor id, or null for
a name that must link to no known actor (a discovered actor is fine then).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from frontlines.link import link
from frontlines.mentions import find_mentions
from frontlines.normalize import normalize
from frontlines.parse import parse_many
from frontlines.read import make_document


@dataclass
class VariantScore:
    total: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    false_merges: list[str] = field(default_factory=list)  # linked to the wrong known actor
    misses: list[str] = field(default_factory=list)  # linked to nothing known

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 1.0

    def lines(self) -> list[str]:
        out = [f"  {'kind':<12} {'right':>5}/{'all':<5}"]
        for kind in sorted(self.total):
            share = self.right[kind] / self.total[kind]
            out.append(f"  {kind:<12} {self.right[kind]:>5}/{self.total[kind]:<5} {share:6.1%}")
        total = sum(self.total.values())
        out.append(f"  {'all':<12} {sum(self.right.values()):>5}/{total:<5} {self.accuracy:6.1%}")
        out.append(f"  false merges (linked to a wrong known actor): {len(self.false_merges)}")
        out += [f"    ! {line}" for line in self.false_merges]
        out.append(f"  misses (linked to no known actor): {len(self.misses)}")
        out += [f"    - {line}" for line in self.misses]
        return out


def load_variants(path: Path) -> list[dict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(items, list) or not all({"text", "mention"} <= set(i) for i in items):
        raise ValueError("expected a list of {text, mention, expected, kind}")
    return items


def evaluate_variants(path: Path, user_kb: str | None = None) -> VariantScore:
    items = load_variants(path)
    documents = [make_document(item["text"], published=item.get("published")) for item in items]
    parsed = parse_many((d, normalize(d)) for d in documents)
    score = VariantScore()
    for item, one in zip(items, parsed, strict=True):
        linked = link(find_mentions(one, user_kb), user_kb)
        start = item["text"].find(item["mention"])  # folds keep offsets; no glossary edits here
        found = linked.actor_at(start, start + len(item["mention"])) if start >= 0 else None
        known = found if found and not found.startswith("new-") else None
        expected = item.get("expected")
        kind = item.get("kind", "other")
        score.total[kind] += 1
        if known == expected:
            score.right[kind] += 1
            continue
        where = f"{item['mention']!r} → {known or found} (expected {expected}) [{kind}]"
        (score.false_merges if known else score.misses).append(where)
    return score
