"""Two `frontlines ingest` processes writing one store at once lose nothing and duplicate
nothing, and `frontlines serve` keeps answering while they write."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import httpx
from conftest import EXAMPLES

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


def _counts(db: str) -> dict[str, object]:
    with sqlite3.connect(db) as connection:
        return {
            "documents": connection.execute("SELECT count(*) FROM documents").fetchone()[0],
            "events": connection.execute("SELECT count(*) FROM events").fetchone()[0],
            "ids": sorted(r[0] for r in connection.execute("SELECT id FROM documents")),
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
        }


def test_two_ingests_at_once_equal_a_serial_ingest_while_serve_answers(tmp_path):
    first = _batch(tmp_path / "a.jsonl", range(0, 24))
    second = _batch(tmp_path / "b.jsonl", range(12, 36))  # half of it also in the first
    serial, shared = str(tmp_path / "serial.db"), str(tmp_path / "shared.db")

    done = _ingest(serial, str(EXAMPLES), first, second)
    assert done.wait(timeout=600) == 0, done.stderr.read().decode()

    # The shared store exists (one example) before serve starts over it.
    seed = _ingest(shared, str(EXAMPLES / "tarhuna-2020-06-05.txt"))
    assert seed.wait(timeout=300) == 0, seed.stderr.read().decode()
    with serve_in_subprocess(shared) as url:
        one = _ingest(shared, str(EXAMPLES), first)
        two = _ingest(shared, second, str(EXAMPLES))
        answers = []
        while one.poll() is None or two.poll() is None:
            answers.append(httpx.get(f"{url}/api/events", timeout=30).status_code)
            time.sleep(0.2)
        errors = one.stderr.read().decode() + two.stderr.read().decode()
        assert one.returncode == 0 and two.returncode == 0, errors
        assert answers and set(answers) == {200}
        assert httpx.get(f"{url}/api/events", timeout=30).json()["total"] > 0

    expected, got = _counts(serial), _counts(shared)
    assert got["integrity"] == "ok"
    assert got == expected
