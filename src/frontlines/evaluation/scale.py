"""`make bench-scale`: ingest throughput on SQLite and PostgreSQL with one and two workers
(local processes, and a Dask LocalCluster), then `/api/events` latency over a store of a
million events on each back end.

    python -m frontlines.evaluation.scale --data ../shared/data \\
        --postgres postgresql://root@127.0.0.1 [--documents 400] [--events 1000000]

The documents are the Wikipedia conflict entries (../shared/data), repeated with unique ids
(a repeat's text gets a marker, so it is a new document) up to --documents. Each ingest is a
fresh `frontlines ingest` process into a new store, start-up included. The API store is made
of shifted copies of what the first ingest stored (`frontlines bench-api`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

MODES = (
    ("processes, 1 worker", ("--workers", "1")),
    ("processes, 2 workers", ("--workers", "2")),
    ("Dask LocalCluster, 1 worker", ("--cluster", "local:1")),
    ("Dask LocalCluster, 2 workers", ("--cluster", "local:2")),
)


def corpus(data: Path, count: int, path: Path) -> int:
    """Write `count` Wikipedia conflict entries as JSON Lines, repeating them with unique
    ids; the number written."""
    from frontlines.evaluation.sweep import SETS

    entries = [e for e in SETS["wikipedia"](data.parent) if e[1].strip()]
    if not entries:
        raise SystemExit(f"{data}: no Wikipedia conflict entries to ingest")
    random.Random(0).shuffle(entries)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            name, text, published = entries[n % len(entries)]
            copy = n // len(entries)
            body = text if copy == 0 else f"{text}\n\n[copy {copy}]"
            record = {"id": f"{name}#{copy}", "text": body, "published": published}
            handle.write(json.dumps(record) + "\n")
    return count


def _new_store(postgres: str | None, folder: Path, name: str) -> str:
    from frontlines.store import create_database, drop_database

    if not postgres:
        return str(folder / f"{name}.db")
    db = f"{postgres.rstrip('/')}/frontlines_scale_{os.getpid()}_{name}"
    drop_database(db)
    create_database(db)
    return db


def ingest_rate(db: str, path: Path, options: tuple[str, ...]) -> tuple[float, str]:
    """Seconds one `frontlines ingest` process takes to store the corpus, and its summary
    ("ingested N new, ... failed")."""
    command = [sys.executable, "-m", "frontlines.cli", "ingest", "-q", "--db", db, *options]
    began = time.perf_counter()
    result = subprocess.run([*command, str(path)], capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if result.returncode not in (0, 2):
        raise SystemExit(f"ingest failed ({' '.join(options)}): {result.stderr[-2000:]}")
    summary = next(
        (line for line in reversed(result.stderr.splitlines()) if line.startswith("ingested")),
        "no summary",
    )
    return seconds, summary.split(" → ")[0]


def run(
    data: Path,
    postgres: str,
    documents: int,
    events: int,
    rounds: int,
    keep: Path | None = None,
    api: bool = True,
) -> Iterator[str]:
    from frontlines.evaluation import machine
    from frontlines.store import drop_database
    from frontlines.web import run_api_bench

    yield machine()
    with tempfile.TemporaryDirectory(prefix="frontlines-scale-") as tmp:
        folder = Path(tmp)
        path = folder / "corpus.jsonl"
        corpus(data, documents, path)
        yield f"ingest of {documents} Wikipedia conflict entries, start-up included"
        yield f"{'back end':12} {'extraction':30} {'seconds':>8} {'docs/s':>8}  stored"
        source = None
        for backend, server in (("SQLite", None), ("PostgreSQL", postgres)):
            for index, (label, options) in enumerate(MODES):
                db = _new_store(server, folder, f"{backend.lower()}{index}")
                seconds, summary = ingest_rate(db, path, options)
                rate = documents / seconds
                yield f"{backend:12} {label:30} {seconds:>8.1f} {rate:>8.2f}  {summary}"
                if source is None:
                    source = db  # the SQLite store of the first run feeds the API bench
                    if keep:
                        shutil.copyfile(db, keep)
                elif server:
                    drop_database(db)
        if api:
            for server in (None, postgres):
                yield from run_api_bench(events, rounds, source, [], server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--postgres", default="postgresql://root@127.0.0.1")
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="Copy the first ingest's SQLite store here.")
    parser.add_argument("--no-api", action="store_true", help="Only the ingest rates.")
    args = parser.parse_args()
    lines = run(
        args.data, args.postgres, args.documents, args.events, args.rounds, args.keep,
        not args.no_api,
    )
    for line in lines:
        print(line, flush=True)


if __name__ == "__main__":
    main()
