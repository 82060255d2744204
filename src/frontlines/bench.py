"""Speed and memory of the pipeline (`frontlines bench`): not a test, a measurement."""

from __future__ import annotations

import platform
import resource
import time
from dataclasses import dataclass

from frontlines.models import Document


@dataclass
class BenchResult:
    documents: int
    words: int
    load_seconds: float
    extract_seconds: float
    peak_rss_mb: float

    def lines(self) -> list[str]:
        per_doc = self.extract_seconds / self.documents * 1000 if self.documents else 0.0
        rate = self.words / self.extract_seconds if self.extract_seconds else 0.0
        return [
            f"machine           {platform.machine()}, {platform.processor() or 'cpu'}, "
            f"Python {platform.python_version()}, {_cpus()} cores",
            f"documents         {self.documents} ({self.words} words)",
            f"start-up          {self.load_seconds:.2f} s: model, gazetteer, actor indexes "
            "(once per process)",
            f"extraction        {self.extract_seconds:.2f} s: {per_doc:.0f} ms/document, "
            f"{rate:.0f} words/s",
            f"peak memory       {self.peak_rss_mb:.0f} MB resident",
        ]


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_bench(documents: list[Document], repeat: int = 1) -> BenchResult:
    from frontlines.pipeline import extract_documents, warm_up

    started = time.perf_counter()
    warm_up()
    loaded = time.perf_counter()
    for _ in range(repeat):
        for _extraction in extract_documents(documents):
            pass
    done = time.perf_counter()
    words = sum(len(d.text.split()) for d in documents) * repeat
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(len(documents) * repeat, words, loaded - started, done - loaded, peak)
