"""Three `frontlines ingest` processes writing one store at once (SQLite or PostgreSQL) lose
nothing, duplicate nothing and cluster events as a serial ingest does, and `frontlines serve`
keeps answering while they write."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
from conftest import EXAMPLES
from stores import new_store, rows

from frontlines.store import is_postgres
from frontlines.web.server import serve_in_subprocess

TEMPLATES = [
    "Gunmen killed {n} villagers near Djibo on Tuesday, a local official said.",
    "Police fired tear gas at {n} hundred protesters in Khartoum on Friday.",
    "Rebels seized the town of Rutshuru after clashes with the army that killed {n} soldiers.",
    "An air strike hit a market in Saada on Sunday, killing {n} civilians, medics said.",
    "Militants abducted {n} students from a school in Kaduna state on Monday.",
]


def _batch(path, numbers: range) -> str:
    with path.open("w", encoding="utf-8") as handle:
        for n in numbers:
            text = TEMPLATES[n % len(TEMPLATES)].format(n=n + 2)
            record = {"id": f"r{n}", "text": text, "published": f"2024-03-{n % 28 + 1:02d}"}
            handle.write(json.dumps(record) + "\n")
    return str(path)


def _ingest(db: str, *paths: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "frontlines.cli", "ingest", "--db", db, *paths],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _content(db: str) -> dict[str, object]:
    """What a store holds, apart from ingest times: documents, events and their clusters.
    (A document's name, and a discovered actor's spelling, are the first writer's: not
    compared.)"""
    return {
        "documents": rows(db, "SELECT id, doc_id FROM documents ORDER BY id"),
        "events": rows(db, "SELECT id, document_id, cluster_id, record FROM events ORDER BY id"),
        "clusters": rows(db, "SELECT * FROM clusters ORDER BY id"),
        # a discovered actor's id is the first spelling stored (docs/architecture.md)
        "actors": rows(db, "SELECT id FROM actors WHERE NOT discovered ORDER BY id"),
        "discovered": rows(db, "SELECT count(*) FROM actors WHERE discovered"),
        "mentions": rows(db, "SELECT count(*) FROM actor_mentions"),
    }


def test_three_ingests_at_once_equal_a_serial_ingest_while_serve_answers(backend, tmp_path):
    """Three writers, overlapping inputs, one store (SQLite or PostgreSQL): the same
    documents, events and clusters as one serial ingest; `serve` answers throughout."""
    first = _batch(tmp_path / "a.jsonl", range(0, 24))
    second = _batch(tmp_path / "b.jsonl", range(12, 36))  # half of it also in the first
    third = _batch(tmp_path / "c.jsonl", range(30, 6, -1))  # the others' in reverse order
    serial, shared = new_store(backend, tmp_path, "serial"), new_store(backend, tmp_path, "shared")

    done = _ingest(serial, str(EXAMPLES), first, second, third)
    assert done.wait(timeout=600) == 0, done.stderr.read().decode()

    # The shared store exists (one example) before serve starts over it.
    seed = _ingest(shared, str(EXAMPLES / "tarhuna-2020-06-05.txt"))
    assert seed.wait(timeout=300) == 0, seed.stderr.read().decode()
    with serve_in_subprocess(shared) as url:
        writers = [
            _ingest(shared, str(EXAMPLES), first),
            _ingest(shared, second, str(EXAMPLES)),
            _ingest(shared, third),
        ]
        answers = []
        while any(w.poll() is None for w in writers):
            answers.append(httpx.get(f"{url}/api/events", timeout=30).status_code)
            time.sleep(0.2)
        errors = "".join(w.stderr.read().decode() for w in writers)
        assert all(w.returncode == 0 for w in writers), errors
        assert answers and set(answers) == {200}
        assert httpx.get(f"{url}/api/events", timeout=30).json()["total"] > 0

    expected, got = _content(serial), _content(shared)
    if not is_postgres(shared):
        assert rows(shared, "PRAGMA integrity_check") == [("ok",)]
    assert any(len(members) > 1 for members in _members(got["events"]).values())
    for key in expected:
        assert got[key] == expected[key], key


def _members(events: list[tuple]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for event_id, _document, cluster_id, _record in events:
        found.setdefault(cluster_id, []).append(event_id)
    return found
