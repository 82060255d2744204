"""Scoring the conflict picture on real text (`frontlines eval <picture gold folder>`).

The folder holds one JSON file per document in the founding article's gold format (actors with
the mentions that name them; `relations`, `control`, `quotes`), plus `source` (`{set, id}`),
`published`, `split` (`tune` or `heldout`) and, for text that may be shipped, `text`. Text
that may not be shipped (GeoWebNews, GPL-3.0) is read from the shared data folder
(`FRONTLINES_DATA`, else `../shared/data` beside the working directory or the repository);
a document whose text is absent is skipped with a message.

Figures, per split (the table of docs/evaluation.md):
- control found: gold changes (required) with a system change of kind captured, entered or
  withdrew whose place is named alike or lies within 30 km, with the gaining and losing sides
  and the day the gold accepts (and the modality, where the gold gives one); control right:
  the system's changes of those kinds that match any gold change of their document;
- relations found / right: the same for relations (kind, the two sides, modality; `opposes`
  and `allied_with` either way round);
- quotes found: gold direct quotes with a system direct quote holding the words, by the right
  speaker.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.kb.gazetteer import km
from frontlines.kb.names import name_key
from frontlines.mentions import actor_records
from frontlines.models import ControlChange, Extraction, Quote, Relation

PLACE_KM = 30.0
CHANGES = {"captured", "entered", "withdrew"}
SYMMETRIC = {"opposes", "allied_with"}
SPLITS = ("tune", "heldout")


def is_picture_gold(path: Path) -> bool:
    """A folder of per-document picture gold files."""
    if not path.is_dir():
        return False
    files = sorted(path.glob("*.json"))
    if not files:
        return False
    head = json.loads(files[0].read_text(encoding="utf-8"))
    return isinstance(head, dict) and "source" in head and "split" in head


def data_folder() -> Path | None:
    """The shared data folder, if it is here."""
    if os.environ.get("FRONTLINES_DATA"):
        return Path(os.environ["FRONTLINES_DATA"])
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _geowebnews(data: Path | None) -> dict[str, str]:
    path = data / "geowebnews" / "GWN.xml" if data else None
    if path is None or not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {a.get("file") or "": a.findtext("text") or "" for a in root.findall("article")}


def load_gold(folder: Path) -> tuple[list[tuple[dict, str]], list[str]]:
    """(gold, text) of every document whose text is at hand, and a message per one skipped."""
    items: list[tuple[dict, str]] = []
    skipped: list[str] = []
    gwn: dict[str, str] | None = None
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = gold.get("text")
        if text is None and gold["source"]["set"] == "geowebnews":
            gwn = _geowebnews(data_folder()) if gwn is None else gwn
            text = gwn.get(str(gold["source"]["id"]))
        if not text:
            skipped.append(f"  skipped {path.name}: its text ({gold['source']['set']}) is absent")
            continue
        items.append((gold, text))
    return items, skipped


def _holder(extraction: Extraction, text: str) -> str | None:
    """The system actor naming `text`: a mention equal to it, else one holding it as words,
    else the longest mention it ends with ("Hadi government forces" in "Pro-Hadi government
    forces")."""
    key = f" {name_key(text)} "
    held: list[tuple[int, int, str]] = []
    for exact in (True, False):
        for system in extraction.actors:
            for mention in system.mentions:
                other = f" {name_key(mention.text)} "
                if other == key or (not exact and key in other):
                    return system.id
                if not exact and len(other.strip()) >= 3 and key.endswith(other):
                    held.append((len(other), system.id))
    return max(held)[1] if held else None


def actor_map(extraction: Extraction, gold: dict) -> dict[str, str]:
    """System actor id → gold actor key, by the gold mentions each system actor holds."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for actor in gold.get("actors", []):
        for text in actor["mentions"]:
            holder = _holder(extraction, text)
            if holder:
                votes[holder][actor["key"]] += 1
    mapping = {system: counter.most_common(1)[0][0] for system, counter in votes.items()}
    # A country's own forces ("USA-military") that the document lists under no mention of
    # their own stand for the country where the gold has it ("U.S. special forces").
    named = {
        ref
        for item in (*extraction.relations, *extraction.control)
        for ref in _sides(item)
        if ref and ref not in mapping
    }
    for ref in sorted(named):
        country, _, rest = ref.partition("-")
        if rest and country.isupper() and country in mapping:
            mapping[ref] = mapping[country]
            continue
        # an actor named in a relation but listed under no mention ("Iran" of "Iran-backed"):
        # the gold actor one of whose mentions is its name
        record = actor_records().get(ref)
        if record is None:
            continue
        names = {name_key(n) for n in (record.name, *record.aliases)}
        for actor in gold.get("actors", []):
            if any(name_key(m) in names for m in actor["mentions"]):
                mapping[ref] = actor["key"]
                break
    return mapping


def _sides(item: Relation | ControlChange) -> tuple[str | None, str | None]:
    if isinstance(item, Relation):
        return item.source, item.target
    return item.gained_by, item.lost_by


def _accepts(allowed: object, value: object) -> bool:
    return value in allowed if isinstance(allowed, list) else value == allowed


def relation_matches(relation: Relation, wanted: dict, mapping: dict[str, str]) -> bool:
    if relation.kind != wanted["kind"]:
        return False
    if relation.modality != wanted.get("modality", "asserted"):
        return False
    source, target = mapping.get(relation.source), mapping.get(relation.target)
    if source is None or target is None:
        return False
    pairs = [(source, target)]
    if relation.kind in SYMMETRIC:
        pairs.append((target, source))
    return any(
        _accepts(wanted["source"], s) and _accepts(wanted["target"], t) for s, t in pairs
    )


def control_matches(change: ControlChange, wanted: dict, mapping: dict[str, str]) -> bool:
    if change.kind not in CHANGES:
        return False
    same_name = name_key(change.place) == name_key(wanted["place"])
    near = (
        change.lat is not None
        and wanted.get("lat") is not None
        and km(wanted["lat"], wanted["lon"], change.lat, change.lon) <= PLACE_KM
    )
    if not (same_name or near):
        return False
    gained = mapping.get(change.gained_by) if change.gained_by else None
    lost = mapping.get(change.lost_by) if change.lost_by else None
    modality = getattr(change, "modality", None)
    return (
        _accepts(wanted.get("gained_by"), gained)
        and _accepts(wanted.get("lost_by"), lost)
        and (change.date or "").startswith(wanted.get("date") or "")
        and (modality is None or modality == wanted.get("modality", "asserted"))
    )


def quote_matches(quote: Quote, wanted: dict, gold: dict, mapping: dict[str, str]) -> bool:
    contains = " ".join(wanted["contains"].lower().split())
    if not quote.direct or contains not in " ".join(quote.text.lower().split()):
        return False
    speaker = quote.speaker
    wanted_speaker = wanted["speaker"]
    keys = {a["key"] for a in gold.get("actors", [])}
    if isinstance(wanted_speaker, str) and wanted_speaker in keys:
        if speaker.id and mapping.get(speaker.id) == wanted_speaker:
            return True
        actor = next(a for a in gold["actors"] if a["key"] == wanted_speaker)
        names = {name_key(text) for text in actor["mentions"]}
        if speaker.name and name_key(speaker.name) in names:
            return True
        # a speaker named by office ("an MoD spokesman") speaks for the actor the gold names
        if not wanted.get("role"):
            return False
        if speaker.actor and mapping.get(speaker.actor) == wanted_speaker:
            return True
        said = f" {name_key(speaker.name or '')} "
        return any(f" {name} " in said for name in names)
    words = wanted_speaker if isinstance(wanted_speaker, list) else [wanted_speaker]
    said = {name_key(speaker.name or ""), name_key(speaker.role or "")} - {""}
    return any(name_key(w) in said for w in words)


@dataclass
class Tally:
    """Found and right counts for one split."""

    documents: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def add(self, label: str, hit: bool) -> None:
        self.counts[label][0] += int(hit)
        self.counts[label][1] += 1

    def figure(self, label: str) -> tuple[int, int]:
        hit, total = self.counts.get(label, [0, 0])
        return hit, total


LABELS = (
    ("quotes found (right speaker)", "quotes found"),
    ("control found", "control found"),
    ("control output right", "control right"),
    ("relations found", "relations found"),
    ("relations output right", "relations right"),
)


def score_document(gold: dict, extraction: Extraction, tally: Tally) -> list[str]:
    """Add one document's figures to `tally`; return a line per miss or wrong output."""
    mapping = actor_map(extraction, gold)
    lines: list[str] = []
    tally.documents += 1
    for part, found, matches in (
        ("control", [c for c in extraction.control if c.kind in CHANGES], control_matches),
        ("relations", extraction.relations, relation_matches),
    ):
        wanted = gold.get(part, [])
        for item in wanted:
            if not item.get("required", True):
                continue
            ok = any(matches(x, item, mapping) for x in found)
            tally.add(f"{part} found", ok)
            if not ok:
                lines.append(f"    - {gold['id']} {part}: {_describe(part, item)}")
        for output in found:
            ok = any(matches(output, item, mapping) for item in wanted)
            tally.add(f"{part} right", ok)
            if not ok:
                lines.append(f"    ! {gold['id']} {part}: {_describe_output(output, mapping)}")
    for item in gold.get("quotes", []):
        if not item.get("required", True) or not item.get("direct", True):
            continue
        ok = any(quote_matches(q, item, gold, mapping) for q in extraction.quotes)
        tally.add("quotes found", ok)
        if not ok:
            lines.append(f"    - {gold['id']} quote: {item['speaker']}: {item['contains'][:50]!r}")
    return lines


def _describe(part: str, item: dict) -> str:
    if part == "control":
        return (
            f"{item['place']} gained by {item.get('gained_by')} lost by {item.get('lost_by')}"
            f" on {item.get('date')}"
        )
    return f"{item['source']} {item['kind']} {item['target']}"


def _describe_output(output: ControlChange | Relation, mapping: dict[str, str]) -> str:
    if isinstance(output, ControlChange):
        return (
            f"{output.kind} {output.place!r} gained by {output.gained_by}"
            f"→{mapping.get(output.gained_by or '')} lost by {output.lost_by}"
            f"→{mapping.get(output.lost_by or '')} on {output.date}"
        )
    return (
        f"{output.source}→{mapping.get(output.source)} {output.kind} "
        f"{output.target}→{mapping.get(output.target)} ({output.modality})"
    )


def evaluate_picture_gold(folder: Path, misses: bool = True) -> list[str]:
    """Score every document of a picture gold folder; the table per split, then the misses."""
    from frontlines.pipeline import extract_documents
    from frontlines.read import make_document

    items, skipped = load_gold(folder)
    documents = [
        make_document(text, name=gold["id"], doc_id=gold["id"], published=gold.get("published"))
        for gold, text in items
    ]
    tallies = {split: Tally() for split in SPLITS}
    detail: dict[str, list[str]] = {split: [] for split in SPLITS}
    for (gold, _), extraction in zip(items, extract_documents(documents), strict=True):
        split = gold["split"]
        detail[split] += score_document(gold, extraction, tallies[split])
    lines = list(skipped)
    for split in SPLITS:
        tally = tallies[split]
        lines.append(f"  {split}: {tally.documents} documents")
        for label, key in LABELS:
            hit, total = tally.figure(key)
            rate = hit / total if total else 1.0
            lines.append(f"    {label:<30} {hit:>3}/{total:<3} {rate:6.2f}")
    if misses:  # the held-out part's misses are not shown: it is not to be tuned on
        lines.append("  tune: misses (-) and wrong output (!)")
        lines += detail["tune"]
    return lines
