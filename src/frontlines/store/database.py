"""Stage `store`: the conflict picture in SQLite or PostgreSQL, with provenance for every fact.

A document's identity is its content hash; ingesting it again changes nothing, and two
writers storing it at once store it once (`INSERT ... ON CONFLICT DO NOTHING`). Each document
is written in one transaction, so a crash mid-ingest leaves the store consistent; writers take
turns on the store's write lock for what depends on what others wrote (`clusters`). The
schema is plain tables that Datasette, DuckDB, `sqlite3` or `psql` open as they are.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, insert, inspect, select, text
from sqlalchemy.dialects import postgresql, sqlite

from frontlines.models import Document, Event, Extraction
from frontlines.store.clustering import recluster, update_clusters
from frontlines.store.engine import (
    StoreError,
    default_db,
    display,
    is_postgres,
    sqlite_path,
    store_engine,
)
from frontlines.store.migrate import lock, upgrade, write_transaction
from frontlines.store.schema import (
    actor_aliases,
    actor_mentions,
    actors,
    control,
    dates,
    document_sources,
    documents,
    event_evidence,
    events,
    places,
    quotes,
    relations,
)

__all__ = ["StoreError", "default_db", "open_store", "write", "write_transaction"]


def open_store(db: str | None = None, *, create: bool = True) -> Engine:
    """Open the store `db` (an SQLite path, the default, or a PostgreSQL URL), creating it
    where allowed, and bring its schema to the newest migration."""
    db = db or default_db()
    if not is_postgres(db) and not create and not os.path.exists(sqlite_path(db)):
        raise StoreError(f"{db}: no such store; run `frontlines ingest` first")
    engine = store_engine(db)
    try:
        if is_postgres(db) and not create:
            with engine.connect() as connection:
                if not inspect(connection).has_table("documents"):
                    raise StoreError(f"{display(db)}: no such store; run `frontlines ingest` first")
        upgrade(engine)
    except StoreError:
        raise
    except Exception as err:  # noqa: BLE001 - any driver error means the store is unusable
        raise StoreError(f"{display(db)}: cannot open store: {_reason(err)}") from None
    return engine


def _reason(err: Exception) -> str:
    """A driver error's first line (psycopg's carry the SQL and a link after it)."""
    message = str(getattr(err, "orig", None) or err).strip()
    return message.splitlines()[0] if message else err.__class__.__name__




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


def _insert_new(connection: Connection, table: Table):
    """INSERT that leaves an existing row (same key) as it is: ON CONFLICT DO NOTHING."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def write(engine: Engine, document: Document, extraction: Extraction) -> IngestResult:
    """Write one document and everything extracted from it, in one transaction; a document
    already there (stored before, or just now by another writer) gains this source only."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, from the start
        row = document_row(document, extraction)
        stored = connection.execute(
            _insert_new(connection, documents).values(**row).returning(documents.c.id)
        ).first()
        lock(connection)  # PostgreSQL: writers take turns from here on
        if stored is None:  # already there, or just stored by another writer
            new_source = _record_source(connection, document)
            connection.commit()
            return IngestResult(document, added=False, new_source=new_source)
        _record_source(connection, document, row["ingested_at"])
        if connection.dialect.name == "sqlite":
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
        update_clusters(connection, recluster(connection, extraction.events))
        connection.commit()
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
    for actor in sorted(extraction.actors, key=lambda a: a.id):
        connection.execute(
            _insert_new(connection, actors).values(
                id=actor.id,
                name=actor.name,
                type=actor.type,
                inter=actor.inter,
                country=actor.country,
                wikidata=actor.wikidata,
                discovered=actor.id.startswith("new-"),
            )
        )
        for alias in sorted(set(actor.aliases)):
            connection.execute(
                _insert_new(connection, actor_aliases).values(actor_id=actor.id, alias=alias)
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


def document_row(document: Document, extraction: Extraction) -> dict:
    """The `documents` row of a document and its extraction."""
    return {
        "id": document.id,
        "doc_id": document.doc_id,
        "name": document.name,
        "title": document.title,
        "source": document.source,
        "url": document.url,
        "published": document.published,
        "language": document.language,
        "text": document.text,
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "extraction": extraction.model_dump_json(),
    }


def event_row(document: Document, item: Event) -> dict:
    """The `events` row of one event, standing for itself (`recluster` places it)."""
    location, one, two = item.location, item.actor1, item.actor2
    return {
        "id": item.id,
        "cluster_id": item.id,
        "document_id": document.id,
        "date": item.date,
        "time_precision": item.time_precision,
        "event_type": item.event_type,
        "sub_event_type": item.sub_event_type,
        "plover_type": item.plover_type,
        "plover_mode": item.plover_mode,
        "actor1_id": one.id if one else None,
        "actor1": one.name if one else None,
        "actor2_id": two.id if two else None,
        "actor2": two.name if two else None,
        "location": location.name if location else None,
        "latitude": location.lat if location else None,
        "longitude": location.lon if location else None,
        "country": location.country if location else None,
        "admin1": location.admin1 if location else None,
        "geo_precision": location.geo_precision if location else None,
        "fatalities": item.fatalities,
        "modality": item.modality,
        "historical": item.historical,
        "confidence": item.confidence,
        "record": item.model_dump_json(),
    }


def _write_events(connection, document: Document, extraction: Extraction) -> None:
    for item in extraction.events:
        connection.execute(insert(events).values(**event_row(document, item)))
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
