"""Speed and memory of the pipeline (`frontlines bench`): not a test, a measurement."""

from __future__ import annotations

import platform
import resource
import time
from collections import Counter
from dataclasses import dataclass, field

from frontlines.models import Document


@dataclass
class BenchResult:
    documents: int
    words: int
    load_seconds: float
    extract_seconds: float
    peak_rss_mb: float
    stages: Counter = field(default_factory=Counter)  # stage → seconds

    def lines(self) -> list[str]:
        per_doc = self.extract_seconds / self.documents * 1000 if self.documents else 0.0
        rate = self.words / self.extract_seconds if self.extract_seconds else 0.0
        lines = [
            f"machine           {platform.machine()}, Python {platform.python_version()}, "
            f"{_cpus()} cores",
            f"documents         {self.documents} ({self.words} words)",
            f"start-up          {self.load_seconds:.2f} s: model, gazetteer, actor indexes "
            "(once per process)",
            f"extraction        {self.extract_seconds:.2f} s: {per_doc:.0f} ms/document, "
            f"{rate:.0f} words/s",
            f"against the parse {self._ratio()}",
            f"peak memory       {self.peak_rss_mb:.0f} MB resident",
            "per stage, ms/document:",
        ]
        for stage, seconds in self.stages.items():
            lines.append(f"  {stage:<24}{seconds / max(self.documents, 1) * 1000:8.1f}")
        return lines

    def _ratio(self) -> str:
        """Extraction time over the bare spaCy parse of the same texts (issue 5: at most 1.5)."""
        parse = self.stages.get(PARSE_STAGE, 0.0)
        if not parse:
            return "n/a"
        return f"{self.extract_seconds / parse:.2f} times the spaCy parse alone"


PARSE_STAGE = "parse (spaCy)"


def _cpus() -> int:
    from frontlines.workers import available_cores

    return available_cores()


def run_bench(documents: list[Document], repeat: int = 1) -> BenchResult:
    """Run every stage over the documents, timing each one."""
    from frontlines.events import detect_events
    from frontlines.link import link
    from frontlines.mentions import find_mentions
    from frontlines.normalize import normalize
    from frontlines.parse import parse_many
    from frontlines.pipeline import warm_up
    from frontlines.relate import find_quotes, relate
    from frontlines.resolve import resolve

    started = time.perf_counter()
    warm_up()
    loaded = time.perf_counter()
    stages: Counter = Counter()
    batch = documents * repeat

    def timed(stage: str, function, *args):
        begin = time.perf_counter()
        result = function(*args)
        stages[stage] += time.perf_counter() - begin
        return result

    pairs = [(d, timed("normalize", normalize, d)) for d in batch]
    parsed_all = timed(PARSE_STAGE, lambda: list(parse_many(pairs)))
    for parsed in parsed_all:
        mentions = timed("mentions", find_mentions, parsed)
        linked = timed("link", link, mentions)
        resolved = timed("resolve (dates, places)", resolve, linked)
        # As `pipeline.extract_parsed`: quotes first, for events and relate both.
        quotes = timed("quotes", find_quotes, resolved)
        events = timed("events", detect_events, resolved, quotes)
        timed("relate", relate, resolved, events, quotes)
    done = time.perf_counter()
    words = sum(len(d.text.split()) for d in batch)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(len(batch), words, loaded - started, done - loaded, peak, stages)
