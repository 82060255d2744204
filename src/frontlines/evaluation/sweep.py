"""The crash sweep: real text nobody here wrote, every document through the whole pipeline.

A document passes when it yields contract-valid output whose every evidence span is the text
at its offsets (`text[start:end] == evidence.text`); an exception out of a stage, an invalid
line or a wrong offset is a failure, reported with the document's name and the reason. The
texts come from the development sets beside the project (`../shared/data`): GeoWebNews and
GeoVirus articles, the Wikipedia conflict entries, the PLOVER and PETRARCH-2 sentences, the
CASE 2021 snippets, and the founding article.

    python -m frontlines.evaluation.sweep ../shared [--sample N] [--seed S]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jsonschema
from pydantic import BaseModel

from frontlines.evaluation.real_events import read_case
from frontlines.models import Document, Extraction, Quote, contract_schema
from frontlines.read import BadDocument, make_document, read_inputs

Texts = Callable[[Path], Iterator[tuple[str, str, str | None]]]  # (name, text, published)


def _geo_xml(path: Path, prefix: str) -> Iterator[tuple[str, str, str | None]]:
    if not path.is_file():
        return
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        yield f"{prefix}:{number + 1}", article.findtext("text") or "", None


def _geowebnews(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    yield from _geo_xml(shared / "data" / "geowebnews" / "GWN.xml", "geowebnews")


def _geovirus(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    yield from _geo_xml(shared / "data" / "geovirus" / "GeoVirus.xml", "geovirus")


def _wikipedia(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    path = shared / "data" / "wikipedia-conflict-events" / "entries.tsv"
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):  # quoted lines decoded
            yield f"wikipedia:{row['id']}", row["text"] or "", row["date"] or None


def _plover(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    path = shared / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        return
    for number, record in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        text = record.get("eventText") or ""
        yield f"plover-gsr:{number + 1}", str(text), None


def _petrarch(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    path = shared / "data" / "petr2-gsr" / "PETR2_GSR_validation.xml"
    if not path.is_file():
        return
    # Not well-formed XML (a commented header with stray tags): the sentences by pattern.
    raw = path.read_text(encoding="utf-8")
    for number, match in enumerate(re.finditer(r"<Text>(.*?)</Text>", raw, re.DOTALL)):
        yield f"petr2-gsr:{number + 1}", html.unescape(match.group(1)).strip(), None


def _case(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    path = shared / "data" / "case2021-dev" / "case2021_task2_dev.tsv"
    if not path.is_file():
        return
    for ident, text, _label in read_case(path):
        yield f"case2021:{ident}", text, None


def _founding(shared: Path) -> Iterator[tuple[str, str, str | None]]:
    for item in read_inputs(sorted(str(p) for p in (shared / "seed").glob("*.txt"))):
        if isinstance(item, Document):  # front matter read as the reader reads it
            yield f"seed:{Path(item.name).name}", item.text, item.published


SETS: dict[str, Texts] = {
    "founding": _founding,
    "geowebnews": _geowebnews,
    "geovirus": _geovirus,
    "wikipedia": _wikipedia,
    "plover-gsr": _plover,
    "petr2-gsr": _petrarch,
    "case2021": _case,
}


def real_texts(
    shared: Path, sample: int | None = None, seed: int = 0
) -> Iterator[tuple[str, str, str, str | None]]:
    """(set, name, text, published) of every text in the sets, or `sample` of each."""
    for set_name, texts in SETS.items():
        items = list(texts(shared))
        if sample is not None and len(items) > sample:
            items = random.Random(f"{seed}:{set_name}").sample(items, sample)
        for name, text, published in items:
            yield set_name, name, text, published


_WORD = re.compile(r"\W+")


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(contract_schema())


def _spans(value: object) -> Iterator[BaseModel]:
    """Every model with its own offsets and text inside a model, at any depth: evidence,
    place and date mentions, quotes."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        if {"start", "end", "text"} <= fields.keys():
            yield value
        for name in fields:
            yield from _spans(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _spans(item)


def contract_problems(document: Document, extraction: Extraction) -> list[str]:
    """Why an extraction breaks the contract: schema errors and evidence that is not the text
    at its offsets. Empty when it keeps it."""
    line = json.loads(extraction.model_dump_json())
    problems = [
        f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in _validator().iter_errors(line)
    ][:5]
    text = document.text
    for evidence in _spans(extraction):
        if not 0 <= evidence.start <= evidence.end <= len(text):
            problems.append(f"evidence offsets {evidence.start}:{evidence.end} out of range")
        elif isinstance(evidence, Quote):
            # A quote's text is its words, its parts across paragraphs joined by a space:
            # the same words, in order, as the body between its offsets.
            words = _WORD.sub("", evidence.text)
            if words not in _WORD.sub("", text[evidence.start : evidence.end]):
                problems.append(f"quote {evidence.start}:{evidence.end} is not {evidence.text!r}")
        elif text[evidence.start : evidence.end] != evidence.text:
            problems.append(
                f"evidence {evidence.start}:{evidence.end} is "
                f"{text[evidence.start : evidence.end]!r}, not {evidence.text!r}"
            )
    return problems


@dataclass
class SweepResult:
    documents: Counter = field(default_factory=Counter)  # per set
    failed: Counter = field(default_factory=Counter)  # per set
    rejected: Counter = field(default_factory=Counter)  # refused at reading (empty text)
    failures: list[str] = field(default_factory=list)  # "name: reason"
    seconds: float = 0.0

    @property
    def total_failed(self) -> int:
        return sum(self.failed.values())

    def lines(self) -> list[str]:
        out = []
        for set_name in self.documents:
            refused = self.rejected[set_name]
            out.append(
                f"{set_name}: {self.documents[set_name]} documents, {self.failed[set_name]} failed"
                + (f", {refused} refused as empty" if refused else "")
            )
        total = sum(self.documents.values())
        out.append(f"all: {total} documents, {self.total_failed} failed, {self.seconds:.0f} s")
        return out + self.failures


def sweep(
    items: Iterator[tuple[str, str, str, str | None]],
    time_limit: float | None = 120.0,
    progress: Callable[[int], None] | None = None,
) -> SweepResult:
    """Every item through the pipeline as `frontlines extract` runs it, checked against the
    contract; failures are collected, never raised."""
    from frontlines.pipeline import ExtractionTimeout, extract_document

    result = SweepResult()
    started = time.perf_counter()
    for number, (set_name, name, text, published) in enumerate(items):
        result.documents[set_name] += 1
        try:
            document = make_document(text, name=name, published=published)
        except BadDocument:
            result.rejected[set_name] += 1  # a clear per-document error, as the reader gives
            continue
        try:
            extraction = extract_document(document, None, time_limit)
            problems = contract_problems(document, extraction)
        except ExtractionTimeout as err:
            problems = [f"timeout: {err}"]
        except Exception as err:  # noqa: BLE001 - the sweep reports what a stage raised
            frames = traceback.extract_tb(err.__traceback__)
            ours = [f for f in frames if "frontlines" in f.filename] or frames
            where = ours[-1]
            problems = [f"{err.__class__.__name__}: {err} (at {where.filename}:{where.lineno})"]
        if problems:
            result.failed[set_name] += 1
            result.failures.append(f"{name}: {'; '.join(problems)}")
        if progress is not None:
            progress(number + 1)
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", default="../shared", help="the shared folder")
    parser.add_argument("--sample", type=int, help="at most this many texts of each set")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--time-limit", type=float, default=120.0)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        print(f"{shared}/data: no such folder; nothing to sweep", file=sys.stderr)
        return 1

    def progress(done: int) -> None:
        if done % 500 == 0:
            print(f"... {done} documents", file=sys.stderr, flush=True)

    result = sweep(real_texts(shared, args.sample, args.seed), args.time_limit, progress)
    for line in result.lines():
        print(line)
    return 1 if result.total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
