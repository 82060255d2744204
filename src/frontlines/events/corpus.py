"""The event corpus we write ourselves (`kb/data/event_corpus/*.yaml`): loading, checking, and
the deterministic split into a training part and a held-out fifth that is never trained on.

Each item is one sentence with its ACLED event and sub-event type (or none), its PLOVER type
(or none), optional PLOVER mode, fatalities by ACLED's rules, and the actor1/actor2 text as
exact substrings. The folder's README describes the format and the labelling rules.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from frontlines.kb import load_data, parse_yaml

HELD_OUT_SHARE = 5  # one item in five, by stratum, is held out
STYLES = {"wire", "local", "ngo", "social", "mt", "headline"}


class CorpusError(ValueError):
    """A corpus file that cannot be read at all."""


@dataclass(frozen=True)
class CorpusItem:
    text: str
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    mode: str | None = None
    fatalities: int | None = None
    actor1: str | None = None
    actor2: str | None = None
    style: str | None = None
    source: str = ""

    @property
    def stratum(self) -> str:
        """The label the split is stratified by: the most specific one the item has."""
        return self.sub_event_type or self.plover or "none"


@lru_cache(maxsize=1)
def acled_types() -> dict[str, str]:
    """ACLED sub-event type → its event type."""
    taxonomy = load_data("event_taxonomy.yaml")
    return {sub: event for event, subs in taxonomy["acled"].items() for sub in subs}


@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    return tuple(load_data("event_taxonomy.yaml")["plover"])


@lru_cache(maxsize=1)
def plover_old_labels() -> dict[str, str]:
    return dict(load_data("event_taxonomy.yaml")["plover_old"])


@dataclass(frozen=True)
class LabelledEvent(CorpusItem):
    """A real report labelled by hand (`kb/data/labelled_events/`): a corpus item with its
    source id, its day, and the actors, place and date as the codebooks name them."""

    id: str = ""
    published: str | None = None
    actor1_acled: str | None = None
    actor2_acled: str | None = None
    location: str | None = None
    admin: str | None = None
    country: str | None = None
    event_date: str | None = None


def labelled_folder() -> Path:
    return Path(str(resources.files("frontlines.kb").joinpath("data", "labelled_events")))


def load_labelled(paths: Iterable[Path] | None = None) -> list[LabelledEvent]:
    """Every labelled real report (default: the packaged ones), in file order, each id once.
    The text is kept exactly as written: offsets and quotes are part of what is measured."""
    files = sorted(labelled_folder().glob("*.yaml")) if paths is None else list(paths)
    items: dict[str, LabelledEvent] = {}
    for path in files:
        for raw in parse_yaml(Path(path).read_text(encoding="utf-8")) or []:
            ident = str(raw.get("id") or "")
            if not isinstance(raw, dict) or not raw.get("text") or ident in items:
                continue
            base = _item(raw, Path(path).name)
            date = re.match(r"\d{4}-\d{2}-\d{2}", ident)
            items[ident] = LabelledEvent(
                **{
                    **base.__dict__,
                    "text": str(raw["text"]),
                    "mode": _label(raw.get("plover_mode")) or base.mode,
                },
                id=ident,
                published=date.group(0) if date else None,
                actor1_acled=_label(raw.get("actor1_acled")),
                actor2_acled=_label(raw.get("actor2_acled")),
                location=_label(raw.get("location")),
                admin=_label(raw.get("admin")),
                country=_label(raw.get("country")),
                event_date=_label(raw.get("event_date")),
            )
    return list(items.values())


def is_held_out(item: LabelledEvent) -> bool:
    """The fifth of the real reports never trained or tuned on: chosen by a hash of the id,
    so adding reports moves none across the line."""
    return int(hashlib.sha1(item.id.encode("utf-8")).hexdigest(), 16) % HELD_OUT_SHARE == 0


def corpus_folder() -> Path:
    return Path(str(resources.files("frontlines.kb").joinpath("data", "event_corpus")))


def corpus_files(folder: Path | None = None) -> list[Path]:
    folder = folder or corpus_folder()
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def _label(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text if text and text.lower() not in {"null", "none", "~"} else None


def _item(raw: dict, source: str) -> CorpusItem:
    fatalities = raw.get("fatalities")
    return CorpusItem(
        text=re.sub(r"\s+", " ", str(raw.get("text") or "")).strip(),
        event_type=_label(raw.get("event_type")),
        sub_event_type=_label(raw.get("sub_event_type")),
        plover=_label(raw.get("plover")),
        mode=_label(raw.get("mode")),
        fatalities=int(fatalities) if isinstance(fatalities, int | float) else None,
        actor1=_label(raw.get("actor1")),
        actor2=_label(raw.get("actor2")),
        style=_label(raw.get("style")),
        source=source,
    )


def read_corpus_file(path: Path) -> list[CorpusItem]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as err:
        raise CorpusError(f"{path.name}: not valid YAML: {err}") from None
    if isinstance(data, dict):
        data = data.get("items") or data.get("sentences") or []
    if not isinstance(data, list):
        raise CorpusError(f"{path.name}: expected a list of items")
    return [_item(raw, path.name) for raw in data if isinstance(raw, dict)]


def load_corpus(paths: Iterable[Path] | None = None) -> list[CorpusItem]:
    """Every item of the given corpus files (default: the packaged corpus), in file order;
    a text given twice is kept once (its first labelling)."""
    items: list[CorpusItem] = []
    seen: set[str] = set()
    for path in corpus_files() if paths is None else paths:
        for item in read_corpus_file(Path(path)):
            key = text_key(item.text)
            if item.text and key not in seen:
                seen.add(key)
                items.append(item)
    return items


def problems(items: Iterable[CorpusItem]) -> list[str]:
    """What is wrong with items: unknown labels, a sub-event type under the wrong event type,
    actors that are not substrings of the text, texts given twice."""
    subs, plover = acled_types(), set(plover_types())
    found: list[str] = []
    seen: dict[str, str] = {}
    for item in items:
        where = f"{item.source}: {item.text[:60]!r}"
        key = text_key(item.text)
        if key in seen:
            found.append(f"{where}: also in {seen[key]}")
        seen[key] = item.source
        if item.sub_event_type and item.sub_event_type not in subs:
            found.append(f"{where}: unknown sub_event_type {item.sub_event_type!r}")
        elif item.sub_event_type and subs[item.sub_event_type] != item.event_type:
            found.append(f"{where}: {item.sub_event_type!r} is not under {item.event_type!r}")
        if item.event_type and not item.sub_event_type:
            found.append(f"{where}: event_type without sub_event_type")
        if item.plover and item.plover not in plover:
            found.append(f"{where}: unknown plover type {item.plover!r}")
        for role in ("actor1", "actor2"):
            value = getattr(item, role)
            if value and value not in item.text:
                found.append(f"{where}: {role} {value!r} is not in the text")
        if item.style and item.style not in STYLES:
            found.append(f"{where}: unknown style {item.style!r}")
    return found


def text_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _digest(text: str) -> str:
    return hashlib.sha1(text_key(text).encode("utf-8")).hexdigest()


def split(items: Iterable[CorpusItem]) -> tuple[list[CorpusItem], list[CorpusItem]]:
    """(training, held out): within each stratum, items ordered by a hash of their text and
    every fifth one (the 3rd, 8th, ...) held out. Deterministic for a given corpus; adding
    items to a stratum may move a few of its items across the line."""
    by_stratum: dict[str, list[CorpusItem]] = defaultdict(list)
    listed = list(items)
    for item in listed:
        by_stratum[item.stratum].append(item)
    held: set[str] = set()
    for members in by_stratum.values():
        ordered = sorted(members, key=lambda i: _digest(i.text))
        held.update(i.text for n, i in enumerate(ordered) if n % HELD_OUT_SHARE == 2)
    train = [i for i in listed if i.text not in held]
    test = [i for i in listed if i.text in held]
    return train, test
