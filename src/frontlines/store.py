"""Stage `store`: the conflict picture in SQLite, with provenance for every fact.

A document's identity is its content hash; ingesting it again changes nothing. Each document
is written in one transaction, so a crash mid-ingest leaves the store consistent. The schema
is plain tables that Datasette, DuckDB or `sqlite3` open as they are.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
    select,
    text,
)

from frontlines.models import Document, Extraction

DEFAULT_DB = "frontlines.db"
SCHEMA_VERSION = 1
metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True, doc="content hash of the body text"),
    Column("doc_id", String, nullable=False, index=True, doc="the input's own id, else the hash"),
    Column("name", String),
    Column("title", String),
    Column("source", String),
    Column("url", String),
    Column("published", String, index=True),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("ingested_at", String, nullable=False),
    Column("extraction", Text, nullable=False, doc="the contract JSON line for this document"),
)
actors = Table(
    "actors",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("type", String),
    Column("inter", Integer),
    Column("country", String),
    Column("wikidata", String),
    Column("discovered", Boolean, nullable=False, default=False),
)
actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String, ForeignKey("actors.id"), primary_key=True),
    Column("alias", String, primary_key=True),
)
actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("actor_id", String, ForeignKey("actors.id"), index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", String),
)
events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("date", String, index=True),
    Column("time_precision", Integer),
    Column("event_type", String, index=True),
    Column("sub_event_type", String),
    Column("plover_type", String),
    Column("plover_mode", String),
    Column("actor1_id", String, index=True),
    Column("actor1", String),
    Column("actor2_id", String, index=True),
    Column("actor2", String),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String, index=True),
    Column("admin1", String),
    Column("geo_precision", Integer),
    Column("fatalities", Integer, nullable=False),
    Column("modality", String),
    Column("historical", Boolean),
    Column("confidence", Float),
    Column("record", Text, nullable=False, doc="the event as contract JSON"),
)
event_evidence = Table(
    "event_evidence",
    metadata,
    Column("event_id", String, ForeignKey("events.id"), index=True),
    Column("document_id", String, ForeignKey("documents.id")),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
)
places = Table(
    "places",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("text", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("name", String, index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String),
    Column("admin1", String),
    Column("geonames_id", Integer),
    Column("feature", String),
)
dates = Table(
    "dates",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("text", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("value", String),
    Column("precision", String),
)
relations = Table(
    "relations",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("kind", String),
    Column("source", String),
    Column("target", String),
    Column("mode", String),
    Column("date", String),
    Column("record", Text),
)
control = Table(
    "control",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("place", String),
    Column("gained_by", String),
    Column("lost_by", String),
    Column("date", String),
    Column("kind", String),
    Column("record", Text),
)
quotes = Table(
    "quotes",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("speaker", String),
    Column("actor_id", String),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("direct", Boolean),
    Column("date", String),
)


class StoreError(RuntimeError):
    """The store could not be opened or written."""


def default_db() -> str:
    return os.environ.get("FRONTLINES_DB") or DEFAULT_DB


def _pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def open_store(path: str | None = None, *, create: bool = True) -> Engine:
    """Open (and create where allowed) the SQLite store at `path`."""
    path = path or default_db()
    if not create and not os.path.exists(path):
        raise StoreError(f"{path}: no such store; run `frontlines ingest` first")
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    try:
        with engine.begin() as connection:
            metadata.create_all(connection)
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


@dataclass
class IngestResult:
    document: Document
    added: bool  # False when the document was already in the store


def has_document(engine: Engine, document_id: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(select(documents.c.id).where(documents.c.id == document_id))
        return found.first() is not None


def write(engine: Engine, document: Document, extraction: Extraction) -> IngestResult:
    """Write one document and everything extracted from it, in one transaction."""
    with engine.begin() as connection:
        exists = connection.execute(select(documents.c.id).where(documents.c.id == document.id))
        if exists.first() is not None:
            return IngestResult(document, added=False)
        connection.execute(
            insert(documents).values(
                id=document.id,
                doc_id=document.doc_id,
                name=document.name,
                title=document.title,
                source=document.source,
                url=document.url,
                published=document.published,
                language=document.language,
                text=document.text,
                ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                extraction=extraction.model_dump_json(),
            )
        )
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


def _write_events(connection, document: Document, extraction: Extraction) -> None:
    for item in extraction.events:
        location = item.location
        connection.execute(
            insert(events).values(
                id=item.id,
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
