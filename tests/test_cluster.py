"""`ingest --cluster local:2`: extraction on a Dask LocalCluster of two worker processes gives
the store that `--workers 1` gives."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLES
from stores import rows

TABLES = {
    "documents": "SELECT id, doc_id, name, title, source, url, published, language, text, "
    "extraction FROM documents ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "clusters": "SELECT * FROM clusters ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY id",
    "actor_aliases": "SELECT * FROM actor_aliases ORDER BY actor_id, alias",
    "actor_mentions": 'SELECT * FROM actor_mentions ORDER BY document_id, start, "end", actor_id',
    "places": 'SELECT * FROM places ORDER BY document_id, start, "end"',
    "relations": "SELECT * FROM relations ORDER BY document_id, record",
    "control": "SELECT * FROM control ORDER BY document_id, record",
    "quotes": "SELECT * FROM quotes ORDER BY document_id, start",
}


def _ingest(db: str, *options: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "frontlines.cli",
            "ingest",
            "-q",
            "--db",
            db,
            *options,
            str(EXAMPLES),
        ],
        capture_output=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()


def test_a_local_dask_cluster_gives_the_store_one_worker_gives(tmp_path):
    one, dask = str(tmp_path / "one.db"), str(tmp_path / "dask.db")
    _ingest(one, "--workers", "1")
    _ingest(dask, "--cluster", "local:2")
    for table, sql in TABLES.items():
        assert rows(dask, sql) == rows(one, sql), table
    assert len(rows(one, "SELECT id FROM documents")) == 9


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "frontlines.cli",
            "ingest",
            "--db",
            str(tmp_path / "x.db"),
            "--cluster",
            "tcp://127.0.0.1:9",
            str(EXAMPLES / "tarhuna-2020-06-05.txt"),
        ],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr.decode()
    assert b"cannot reach the Dask scheduler" in result.stderr
