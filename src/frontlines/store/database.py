"""Stage `store`: the conflict picture in SQLite, with provenance for every fact.

A document's identity is its content hash; ingesting it again changes nothing. Each document
is written in one transaction, so a crash mid-ingest leaves the store consistent. The schema
is plain tables that Datasette, DuckDB or `sqlite3` open as they are.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    insert,
    select,
    text,
)

from frontlines.merge import MERGE_DAYS, conservative_fatalities, same_event
from frontlines.models import Document, Event, Extraction
from frontlines.store.schema import (
    SCHEMA_VERSION,
    actor_aliases,
    actor_mentions,
    actors,
    clusters,
    control,
    dates,
    document_sources,
    documents,
    event_evidence,
    events,
    metadata,
    places,
    quotes,
    relations,
)

DEFAULT_DB = "frontlines.db"


class StoreError(RuntimeError):
    """The store could not be opened or written."""


def default_db() -> str:
    return os.environ.get("FRONTLINES_DB") or DEFAULT_DB


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: the next ones may wait
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# How long a writer waits for another process's write to end before it gives up.
BUSY_TIMEOUT_MS = 60_000


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock from its start (BEGIN IMMEDIATE). Two
    ingests into one store then take turns, each waiting up to BUSY_TIMEOUT_MS, instead of one
    failing when the other commits between its read and its write; and what a write reads
    (the document already there? the clusters it joins?) cannot change under it."""
    with engine.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        yield connection
        connection.commit()


def open_store(path: str | None = None, *, create: bool = True) -> Engine:
    """Open (and create where allowed) the SQLite store at `path`."""
    path = path or default_db()
    if not create and not os.path.exists(path):
        raise StoreError(f"{path}: no such store; run `frontlines ingest` first")
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    try:
        with write_transaction(engine) as connection:
            version = connection.execute(text("PRAGMA user_version")).scalar() or 0
            metadata.create_all(connection)
            _add_missing_columns(connection)
            if version < 3:  # a store from before document_sources: each document's own
                _backfill_sources(connection)
            connection.execute(
                text(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
                    "title, text, content='documents', content_rowid='rowid')"
                )
            )
            connection.execute(text(f"PRAGMA user_version={SCHEMA_VERSION}"))
    except Exception as err:  # noqa: BLE001 - any driver error means the file is unusable
        raise StoreError(f"{path}: cannot open store: {err}") from None
    return engine


def _add_missing_columns(connection) -> None:
    """Bring a store made by an earlier version up to this schema: new columns are added,
    nothing is dropped (events stored before clustering stand for themselves)."""
    for table in metadata.sorted_tables:
        present = {row[1] for row in connection.execute(text(f"PRAGMA table_info({table.name})"))}
        for column in table.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=connection.dialect)
                connection.execute(
                    text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}')
                )
                if table.name == "events" and column.name == "cluster_id":
                    connection.execute(text("UPDATE events SET cluster_id = id"))


def _backfill_sources(connection) -> None:
    """Each document's own source, for documents stored before sources were recorded."""
    connection.execute(
        text(
            "INSERT INTO document_sources (document_id, name, source, url, title, published, "
            "seen_at) SELECT id, name, source, url, title, published, ingested_at FROM documents "
            "WHERE NOT EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = documents.id)"
        )
    )


@dataclass
class IngestResult:
    document: Document
    added: bool  # False when the document was already in the store
    new_source: bool = False  # the document was there, and this source of it was not


def has_document(engine: Engine, document_id: str) -> bool:
    with engine.connect() as connection:
        return _stored(connection, document_id)


def _stored(connection, document_id: str) -> bool:
    found = connection.execute(select(documents.c.id).where(documents.c.id == document_id))
    return found.first() is not None


def write(engine: Engine, document: Document, extraction: Extraction) -> IngestResult:
    """Write one document and everything extracted from it, in one transaction; a document
    already there gains this source only."""
    with write_transaction(engine) as connection:
        if _stored(connection, document.id):
            return IngestResult(document, False, _record_source(connection, document))
        now = _now()
        connection.execute(
            insert(documents).values(
                id=document.id,
                doc_id=document.doc_id,
                **_source_fields(document),
                language=document.language,
                text=document.text,
                ingested_at=now,
                extraction=extraction.model_dump_json(),
            )
        )
        _record_source(connection, document, now)
        connection.execute(
            text(
                "INSERT INTO documents_fts(rowid, title, text) "
                "SELECT rowid, title, text FROM documents WHERE id = :id"
            ),
            {"id": document.id},
        )
        _write_actors(connection, document, extraction)
        _write_events(connection, document, extraction)
        _write_rest(connection, document, extraction)
    return IngestResult(document, added=True)


def add_source(engine: Engine, document: Document) -> bool:
    """Record where `document` was read as a source of the stored document with its text;
    False when that document is not stored or this source is recorded already."""
    with write_transaction(engine) as connection:
        return _stored(connection, document.id) and _record_source(connection, document)


def _record_source(connection, document: Document, seen_at: str | None = None) -> bool:
    """Add `document`'s input to its stored text's sources, unless it is there already."""
    key = _source_key(document.name, document.url)
    recorded = connection.execute(
        select(document_sources.c.name, document_sources.c.url).where(
            document_sources.c.document_id == document.id
        )
    )
    if any(_source_key(name, url) == key for name, url in recorded):
        return False
    connection.execute(
        insert(document_sources).values(
            document_id=document.id, **_source_fields(document), seen_at=seen_at or _now()
        )
    )
    return True


def _source_fields(document: Document) -> dict[str, str | None]:
    """What one source says of a document: the columns documents and document_sources share."""
    return {
        "name": document.name,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published,
    }


def _source_key(name: str, url: str | None) -> tuple[str, str | None]:
    """What tells two sources apart: where they were read, without the entry or record
    (`FEED#3` is `FEED`: entries move down a feed as news comes in), and the url; the
    whole name for a source with no url."""
    return (name.rpartition("#")[0] or name, url) if url else (name, None)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _write_actors(connection, document: Document, extraction: Extraction) -> None:
    for actor in extraction.actors:
        known = connection.execute(select(actors.c.id).where(actors.c.id == actor.id)).first()
        if known is None:
            connection.execute(
                insert(actors).values(
                    id=actor.id,
                    name=actor.name,
                    type=actor.type,
                    inter=actor.inter,
                    country=actor.country,
                    wikidata=actor.wikidata,
                    discovered=actor.id.startswith("new-"),
                )
            )
        for alias in actor.aliases:
            connection.execute(
                insert(actor_aliases)
                .prefix_with("OR IGNORE")
                .values(actor_id=actor.id, alias=alias)
            )
        if actor.mentions:
            connection.execute(
                insert(actor_mentions),
                [
                    {
                        "document_id": document.id,
                        "actor_id": actor.id,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                    }
                    for m in actor.mentions
                ],
            )


def _cluster_for(connection, item: Event, document_id: str) -> str | None:
    """The stored real-world event another report's event `item` is part of, if any."""
    if not item.date or len(item.date) < 10 or item.location is None:
        return None
    day = dt.date.fromisoformat(item.date[:10])
    low = (day - dt.timedelta(days=MERGE_DAYS)).isoformat()
    high = (day + dt.timedelta(days=MERGE_DAYS)).isoformat()
    rows = connection.execute(
        select(events.c.cluster_id, events.c.record)
        .where(events.c.date.between(low, high))
        .where(events.c.document_id != document_id)
        .order_by(events.c.date, events.c.id)
    )
    for cluster_id, record in rows:
        if same_event(item, Event.model_validate_json(record)):
            return cluster_id
    return None


def _update_cluster(connection, cluster_id: str) -> None:
    rows = connection.execute(
        select(
            events.c.document_id,
            events.c.fatalities,
            events.c.event_type,
            events.c.sub_event_type,
            events.c.date,
        ).where(events.c.cluster_id == cluster_id)
    ).all()
    figures = [row.fatalities for row in rows]
    given = {f for f in figures if f > 0}
    values = {
        "sources": len({row.document_id for row in rows}),
        "fatalities": conservative_fatalities(figures),
        "fatalities_high": max(figures, default=0),
        "contradicting": len(given) > 1 or len({row.sub_event_type for row in rows}) > 1,
        "date_first": min((row.date for row in rows if row.date), default=None),
        "date_last": max((row.date for row in rows if row.date), default=None),
    }
    connection.execute(delete(clusters).where(clusters.c.id == cluster_id))
    connection.execute(insert(clusters).values(id=cluster_id, **values))


def _write_events(connection, document: Document, extraction: Extraction) -> None:
    for item in extraction.events:
        location = item.location
        cluster_id = _cluster_for(connection, item, document.id) or item.id
        connection.execute(
            insert(events).values(
                id=item.id,
                cluster_id=cluster_id,
                document_id=document.id,
                date=item.date,
                time_precision=item.time_precision,
                event_type=item.event_type,
                sub_event_type=item.sub_event_type,
                plover_type=item.plover_type,
                plover_mode=item.plover_mode,
                actor1_id=item.actor1.id if item.actor1 else None,
                actor1=item.actor1.name if item.actor1 else None,
                actor2_id=item.actor2.id if item.actor2 else None,
                actor2=item.actor2.name if item.actor2 else None,
                location=location.name if location else None,
                latitude=location.lat if location else None,
                longitude=location.lon if location else None,
                country=location.country if location else None,
                admin1=location.admin1 if location else None,
                geo_precision=location.geo_precision if location else None,
                fatalities=item.fatalities,
                modality=item.modality,
                historical=item.historical,
                confidence=item.confidence,
                record=item.model_dump_json(),
            )
        )
        connection.execute(
            insert(event_evidence),
            [
                {
                    "event_id": item.id,
                    "document_id": document.id,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                }
                for e in item.evidence
            ],
        )
        _update_cluster(connection, cluster_id)


def _write_rest(connection, document: Document, extraction: Extraction) -> None:
    rows = [
        (
            places,
            [
                {
                    "document_id": document.id,
                    "text": p.text,
                    "start": p.start,
                    "end": p.end,
                    "name": p.name,
                    "latitude": p.lat,
                    "longitude": p.lon,
                    "country": p.country,
                    "admin1": p.admin1,
                    "geonames_id": p.geonames_id,
                    "feature": p.feature,
                }
                for p in extraction.places
            ],
        ),
        (
            dates,
            [
                {
                    "document_id": document.id,
                    "text": d.text,
                    "start": d.start,
                    "end": d.end,
                    "value": d.value,
                    "precision": d.precision,
                }
                for d in extraction.dates
            ],
        ),
        (
            relations,
            [
                {
                    "document_id": document.id,
                    "kind": r.kind,
                    "source": r.source,
                    "target": r.target,
                    "mode": r.mode,
                    "modality": r.modality,
                    "date": r.date,
                    "record": r.model_dump_json(),
                }
                for r in extraction.relations
            ],
        ),
        (
            control,
            [
                {
                    "document_id": document.id,
                    "place": c.place,
                    "latitude": c.lat,
                    "longitude": c.lon,
                    "country": c.country,
                    "gained_by": c.gained_by,
                    "lost_by": c.lost_by,
                    "date": c.date,
                    "kind": c.kind,
                    "record": c.model_dump_json(),
                }
                for c in extraction.control
            ],
        ),
        (
            quotes,
            [
                {
                    "document_id": document.id,
                    "speaker": q.speaker.name,
                    "role": q.speaker.role,
                    "speaker_id": q.speaker.id,
                    "actor_id": q.speaker.actor,
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "direct": q.direct,
                    "date": q.date,
                }
                for q in extraction.quotes
            ],
        ),
    ]
    for table, values in rows:
        if values:
            connection.execute(insert(table), values)
