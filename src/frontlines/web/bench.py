"""`frontlines bench-api`: /api/events latency over a store of many synthetic events.

Real extractions are copied with shifted dates and coordinates (each copy a new document, so
the full-text index grows too) and bulk-loaded until the store (SQLite, or PostgreSQL with
`--postgres`) holds the requested number of events; then
`frontlines serve` runs in its own process on a loopback port and each typical filter set is
requested many times over HTTP.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from frontlines.models import Document, Extraction
from frontlines.read import content_hash
from frontlines.store import display


def _extracted(paths: Iterable[str]) -> list[tuple[Document, Extraction]]:
    from frontlines.pipeline import extract_documents
    from frontlines.read import ReadError, read_inputs

    documents = [d for d in read_inputs(list(paths)) if not isinstance(d, ReadError)]
    return list(zip(documents, extract_documents(documents), strict=True))


def _stored(db: str) -> list[tuple[Document, Extraction]]:
    from frontlines.web.db import open_read_only

    store = open_read_only(db)
    rows = store.rows(
        "SELECT id, doc_id, name, title, source, url, published, language, text, extraction "
        "FROM documents ORDER BY id"
    )
    pairs = []
    for row in rows:
        extraction = Extraction.model_validate(json.loads(row.pop("extraction")))
        pairs.append((Document(**row), extraction))
    return pairs


def _shift(date: str | None, days: int) -> str | None:
    if not date or len(date) != 10:
        return date
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def _copy(
    document: Document, extraction: Extraction, k: int, rng: random.Random
) -> tuple[Document, Extraction]:
    text = f"{document.text}\n\n[synthetic copy {k}]"
    ident = content_hash(text)
    days = rng.randint(-900, 300)
    dlat, dlon = rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)
    events = []
    for n, event in enumerate(extraction.events, 1):
        copy = event.model_copy(deep=True)
        copy.id = f"{ident[:10]}-e{n:02d}"
        copy.date = _shift(event.date, days)
        if copy.location and copy.location.lat is not None and copy.location.lon is not None:
            copy.location.lat = max(-89.0, min(89.0, copy.location.lat + dlat))
            copy.location.lon = max(-179.0, min(179.0, copy.location.lon + dlon))
        events.append(copy)
    new_doc = document.model_copy(
        update={
            "id": ident,
            "doc_id": ident,
            "text": text,
            "name": f"{document.name}#{k}",
            "published": _shift(document.published, days),
        }
    )
    new_extraction = extraction.model_copy(
        update={"doc_id": ident, "published": new_doc.published, "events": events}
    )
    return new_doc, new_extraction


def copies(
    sources: list[tuple[Document, Extraction]], count: int
) -> Iterator[tuple[Document, Extraction]]:
    """Shifted copies of `sources` (each a new document) until they hold `count` events."""
    if not any(e.events for _, e in sources):
        raise ValueError("the source documents have no events to copy")
    rng = random.Random(7)
    written, k = 0, 0
    while written < count:
        for document, extraction in sources:
            if written >= count or not extraction.events:
                continue
            doc, copy = _copy(document, extraction, k, rng)
            copy.events = copy.events[: count - written]
            written += len(copy.events)
            yield doc, copy
        k += 1


def fill_store(db: str, sources: list[tuple[Document, Extraction]], count: int) -> int:
    """Load copies of `sources` into a new store `db` until it holds `count` events (bulk:
    COPY on PostgreSQL; each copy's events stand for themselves)."""
    from frontlines.store import bulk_load, open_store

    engine = open_store(db)
    try:
        return bulk_load(engine, copies(sources, count))
    finally:
        engine.dispose()


def _size(db: str) -> float:
    """The store's size in MB."""
    from frontlines.web.db import open_read_only

    if not db.startswith("postgresql"):
        return os.path.getsize(db) / 1e6
    store = open_read_only(db)
    size = store.scalar("SELECT pg_database_size(current_database())")
    store.engine.dispose()
    return int(size or 0) / 1e6


def _count(db: str) -> int:
    from frontlines.store import open_store

    engine = open_store(db, create=False)  # brought to the newest revision (its indexes)
    with engine.connect() as connection:
        found = int(connection.exec_driver_sql("SELECT count(*) FROM events").scalar() or 0)
    engine.dispose()
    return found


@contextmanager
def _bench_store(postgres: str | None) -> Iterator[str]:
    """A new, empty store: an SQLite file, or a database on the PostgreSQL server `postgres`
    (dropped afterwards)."""
    from frontlines.store import create_database, drop_database

    if not postgres:
        with tempfile.TemporaryDirectory() as tmp:
            yield str(Path(tmp) / "bench.db")
        return
    db = f"{postgres.rstrip('/')}/frontlines_bench_{os.getpid()}"
    drop_database(db)
    create_database(db)
    try:
        yield db
    finally:
        drop_database(db)


def _filter_sets(db: str) -> list[tuple[str, dict]]:
    from frontlines.web.db import open_read_only

    store = open_read_only(db)
    country = store.scalar(
        "SELECT country FROM events WHERE country IS NOT NULL "
        "GROUP BY country ORDER BY count(*) DESC LIMIT 1"
    )
    actor = store.scalar(
        "SELECT actor1_id FROM events WHERE actor1_id IS NOT NULL "
        "GROUP BY actor1_id ORDER BY count(*) DESC LIMIT 1"
    )
    types = Counter(r["event_type"] for r in store.rows("SELECT event_type FROM events"))
    kind = next(t for t, _ in types.most_common() if t)
    word = "forces"
    return [
        ("no filter (first page)", {}),
        ("date range (1 year)", {"start": "2021-01-01", "end": "2021-12-31"}),
        (f"country {country}", {"country": country}),
        ("country + dates", {"country": country, "start": "2020-01-01", "end": "2022-12-31"}),
        ("event type", {"type": kind}),
        ("actor", {"actor": actor}),
        ("bounding box", {"bbox": "10,25,40,40"}),
        (f"text search '{word}'", {"q": word}),
        ("text + country + dates", {"q": word, "country": country, "start": "2020-01-01"}),
        ("page 5 of type", {"type": kind, "offset": 400}),
    ]


def _time(client: httpx.Client, params: dict, rounds: int) -> list[float]:
    client.get("/api/events", params=params).raise_for_status()  # warm-up
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        client.get("/api/events", params=params).raise_for_status()
        times.append((time.perf_counter() - began) * 1000)
    return times


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run_api_bench(
    count: int,
    rounds: int,
    source_db: str | None,
    paths: Iterable[str],
    postgres: str | None = None,
    existing: str | None = None,
) -> Iterator[str]:
    """Fill a store (SQLite, or a new database on the server `postgres`) and time the API;
    or time the `existing` store as it is."""
    from frontlines.web.server import serve_in_subprocess

    with _bench_store(None if existing else postgres) as db:
        if existing:
            db = existing
            events = _count(db)
            yield f"store {display(db)}: {events} events, {_size(db):.1f} MB"
        else:
            sources = _stored(source_db) if source_db else _extracted(paths)
            began = time.perf_counter()
            written = fill_store(db, sources, count)
            kind = "PostgreSQL" if postgres else "SQLite"
            yield (
                f"{kind} store: {written} events from {len(sources)} source documents, "
                f"{_size(db):.1f} MB, filled in {time.perf_counter() - began:.1f} s"
            )
        everything: list[float] = []
        with serve_in_subprocess(db) as url, httpx.Client(base_url=url, timeout=30) as client:
            yield f"{'GET /api/events filter':32} {'total':>6} {'median':>8} {'p95':>8}"
            for label, params in _filter_sets(db):
                total = client.get("/api/events", params=params).json()["total"]
                times = _time(client, params, rounds)
                everything += times
                yield (
                    f"{label:32} {total:>6} {statistics.median(times):>6.1f}ms "
                    f"{_p95(times):>6.1f}ms"
                )
            yield (
                f"{'all typical requests':32} {len(everything):>6} "
                f"{statistics.median(everything):>6.1f}ms {_p95(everything):>6.1f}ms"
            )
            rows = client.get("/api/events", params={"limit": 1}).json()["total"]
            page = _time(client, {"limit": 10_000}, max(5, rounds // 4))
            yield (
                f"{'the page load (limit=10000)':32} {rows:>6} "
                f"{statistics.median(page):>6.1f}ms {_p95(page):>6.1f}ms"
            )
    cpu = platform.processor() or platform.machine()
    yield f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"
