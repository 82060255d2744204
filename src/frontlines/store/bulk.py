"""Bulk loading of many documents' events at once, for benchmarks over large stores
(`frontlines bench-api --events 1000000`): documents, events and one cluster per event, in
one pass: COPY on PostgreSQL, batched executemany in one transaction on SQLite.

Unlike `write`, nothing here merges events across documents or stores actors, places or
evidence: what it builds is a store for timing reads. Part of the `store` stage.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, text

from frontlines.models import Document, Extraction
from frontlines.store.database import document_row, event_row
from frontlines.store.schema import clusters, documents, events

BATCH = 20_000


def _cluster_row(event: dict) -> dict:
    return {
        "id": event["id"],
        "sources": 1,
        "fatalities": event["fatalities"],
        "fatalities_high": event["fatalities"],
        "contradicting": False,
        "date_first": event["date"],
        "date_last": event["date"],
    }


def bulk_load(engine: Engine, pairs: Iterable[tuple[Document, Extraction]]) -> int:
    """Load every (document, extraction) pair into the (new, migrated) store; events loaded."""
    tables = (documents, events, clusters)
    pending: dict[str, list[dict]] = {t.name: [] for t in tables}
    loaded = 0
    postgres = engine.dialect.name == "postgresql"
    raw = engine.raw_connection()
    try:
        flush = _copy if postgres else _insert
        for document, extraction in pairs:
            pending["documents"].append(document_row(document, extraction))
            for item in extraction.events:
                row = event_row(document, item)
                pending["events"].append(row)
                pending["clusters"].append(_cluster_row(row))
                loaded += 1
            if len(pending["events"]) >= BATCH:
                for table in tables:
                    flush(raw, table, pending[table.name])
                    pending[table.name] = []
        for table in tables:
            flush(raw, table, pending[table.name])
        if not postgres:
            raw.execute(
                "INSERT INTO documents_fts(rowid, title, text) "
                "SELECT rowid, title, text FROM documents"
            )
        raw.commit()
    finally:
        raw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE" if postgres else "ANALYZE"))
    return loaded


def _columns(table) -> list[str]:
    return [c.name for c in table.columns]


def _insert(raw, table, rows: list[dict]) -> None:
    if not rows:
        return
    names = _columns(table)
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    raw.cursor().executemany(
        f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})',
        [tuple(row[n] for n in names) for row in rows],
    )


def _copy(raw, table, rows: list[dict]) -> None:
    if not rows:
        return
    names = _columns(table)
    quoted = ", ".join(f'"{n}"' for n in names)
    with raw.cursor() as cursor, cursor.copy(
        f'COPY "{table.name}" ({quoted}) FROM STDIN'
    ) as copy:
        for row in rows:
            copy.write_row(tuple(row[n] for n in names))
