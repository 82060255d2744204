"""Extraction of a batch on every core (`extract` and `ingest` with `--workers N`).

The parent process loads the model and every index once, then forks its workers: they share
what it loaded (copy-on-write), so start-up is paid once whatever their number. Documents go
to the workers in chunks, each parsed in one batch by spaCy; outcomes come back in input
order, so the output is the same with one worker or several, and the caller (the one writer
to the store) sees them as they are ready. Each document keeps its own time limit and its own
error: a document that fails, or a worker that dies, costs that document (or chunk) only.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import frontlines.pipeline as pipeline
from frontlines.models import Document, Extraction
from frontlines.parse import ParsedDocument
from frontlines.pipeline import SECTION_CHARS, ExtractionTimeout, time_limit, warm_up

CHUNK_DOCUMENTS = 16  # documents a worker parses in one batch: spaCy's batching, steady progress
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: none idles, memory stays bounded


@dataclass
class Outcome:
    """One document's result: its extraction, or why there is none."""

    document: Document
    extraction: Extraction | None = None
    error: str | None = None


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def extract_all(
    documents: Iterable[Document],
    workers: int = 1,
    user_kb: str | None = None,
    seconds: float | None = None,
) -> Iterator[Outcome]:
    """Every document's outcome, in input order, extracted by `workers` processes."""
    ready(user_kb)  # in the parent: forked workers inherit the loaded model and indexes
    batches = chunks(documents, CHUNK_DOCUMENTS)
    if workers <= 1:
        for chunk in batches:
            yield from extract_chunk(chunk, user_kb, seconds)
        return
    gc.freeze()  # what is loaded stays put: the collector does not copy it into each worker
    yield from _on_workers(batches, workers, user_kb, seconds)


def ready(user_kb: str | None = None) -> None:
    """Load the model and every index in this process, once (a progress bar started after
    this shows the documents' rate, not the start-up's)."""
    from threadpoolctl import threadpool_limits

    # One BLAS thread per process: the cores go to the workers, and a document's parse comes
    # out the same in any of them (sums in the same order).
    threadpool_limits(limits=1)
    warm_up(user_kb)


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _on_workers(
    chunks: Iterator[list[Document]], workers: int, user_kb: str | None, seconds: float | None
) -> Iterator[Outcome]:
    context = multiprocessing.get_context("fork")
    pools = [ProcessPoolExecutor(max_workers=workers, mp_context=context)]

    def submit(chunk: list[Document]) -> Future:
        return pools[-1].submit(extract_chunk, chunk, user_kb, seconds)

    def collect() -> list[Outcome]:
        """The oldest chunk's outcomes. A pool whose worker died is replaced: the chunk being
        collected is reported lost, the chunks queued behind it go to the new pool."""
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pools[-1].shutdown(wait=False, cancel_futures=True)
            pools.append(ProcessPoolExecutor(max_workers=workers, mp_context=context))
            for index, (waiting, _lost) in enumerate(pending):
                pending[index] = (waiting, submit(waiting))
            reason = "error: the worker process extracting it died; skipped"
            return [Outcome(d, error=f"{d.name}: {reason}") for d in chunk]

    pending: deque[tuple[list[Document], Future]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, submit(chunk)))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        pools[-1].shutdown(wait=True, cancel_futures=True)


def extract_chunk(
    chunk: list[Document], user_kb: str | None, seconds: float | None
) -> list[Outcome]:
    """A chunk's outcomes: parsed in one spaCy batch, then each document through the other
    stages within its time limit. Long documents, and any chunk whose batch parse fails, go
    one by one."""
    from frontlines.normalize import normalize
    from frontlines.parse import parse_many

    short = [d for d in chunk if len(d.text) <= SECTION_CHARS]
    parsed: dict[tuple[str, str], ParsedDocument] = {}
    try:
        with time_limit(seconds * len(short) if seconds else None):
            for document, one in zip(
                short, parse_many((d, normalize(d)) for d in short), strict=True
            ):
                parsed[document.id, document.name] = one
    except Exception:  # noqa: BLE001 - the documents are retried one by one below
        parsed = {}
    outcomes = []
    for document in chunk:
        one = parsed.get((document.id, document.name))
        outcomes.append(_extract_one(document, one, user_kb, seconds))
    return outcomes


def _extract_one(
    document: Document, parsed: ParsedDocument | None, user_kb: str | None, seconds: float | None
) -> Outcome:
    try:
        if parsed is None:
            return Outcome(document, pipeline.extract_document(document, user_kb, seconds))
        with time_limit(seconds):
            return Outcome(document, pipeline.extract_parsed(parsed, user_kb))
    except ExtractionTimeout as err:
        return Outcome(document, error=f"{document.name}: error: extraction {err}; skipped")
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(
            document,
            error=f"{document.name}: error: extraction failed: {err.__class__.__name__}: {err}",
        )
