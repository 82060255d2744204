"""Baseline: the store as version 2 made it (documents, actors, events and their clusters,
places, dates, relations, control, quotes), with each engine's full-text index: FTS5 over
documents' title and text in SQLite, a generated `tsvector` column with a GIN index in
PostgreSQL; there, events also get `seq`, their insertion order (SQLite's rowid).

Idempotent, so that a store made before migrations (SQLite, `PRAGMA user_version` 1 or 2, no
`alembic_version` table) is brought up to it: missing tables are created, missing columns
added (events stored before clustering stand for themselves), nothing is dropped. The tables
are frozen here as they were; later changes are later revisions.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> MetaData:
    metadata = MetaData()
    Table(
        "documents",
        metadata,
        Column("id", String, primary_key=True),
        Column("doc_id", String, nullable=False, index=True),
        Column("name", String),
        Column("title", String),
        Column("source", String),
        Column("url", String),
        Column("published", String, index=True),
        Column("language", String),
        Column("text", Text, nullable=False),
        Column("ingested_at", String, nullable=False),
        Column("extraction", Text, nullable=False),
    )
    Table(
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
    Table(
        "actor_aliases",
        metadata,
        Column("actor_id", String, ForeignKey("actors.id"), primary_key=True),
        Column("alias", String, primary_key=True),
    )
    Table(
        "actor_mentions",
        metadata,
        Column("document_id", String, ForeignKey("documents.id"), index=True),
        Column("actor_id", String, ForeignKey("actors.id"), index=True),
        Column("start", Integer),
        Column("end", Integer),
        Column("text", String),
    )
    Table(
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
        Column("record", Text, nullable=False),
        Column(
            "cluster_id",
            String,
            index=True,
        ),
    )
    Table(
        "clusters",
        metadata,
        Column("id", String, primary_key=True),
        Column("sources", Integer, nullable=False),
        Column("fatalities", Integer, nullable=False),
        Column("fatalities_high", Integer, nullable=False),
        Column("contradicting", Boolean, nullable=False),
        Column("date_first", String),
        Column("date_last", String),
    )
    Table(
        "event_evidence",
        metadata,
        Column("event_id", String, ForeignKey("events.id"), index=True),
        Column("document_id", String, ForeignKey("documents.id")),
        Column("start", Integer),
        Column("end", Integer),
        Column("text", Text),
    )
    Table(
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
    Table(
        "dates",
        metadata,
        Column("document_id", String, ForeignKey("documents.id"), index=True),
        Column("text", String),
        Column("start", Integer),
        Column("end", Integer),
        Column("value", String),
        Column("precision", String),
    )
    Table(
        "relations",
        metadata,
        Column("document_id", String, ForeignKey("documents.id"), index=True),
        Column("kind", String),
        Column("source", String),
        Column("target", String),
        Column("mode", String),
        Column("modality", String),
        Column("date", String),
        Column("record", Text),
    )
    Table(
        "control",
        metadata,
        Column("document_id", String, ForeignKey("documents.id"), index=True),
        Column("place", String),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("country", String, index=True),
        Column("gained_by", String),
        Column("lost_by", String),
        Column("date", String),
        Column("kind", String),
        Column("record", Text),
    )
    Table(
        "quotes",
        metadata,
        Column("document_id", String, ForeignKey("documents.id"), index=True),
        Column("speaker", String),
        Column("role", String),
        Column("speaker_id", String),
        Column("actor_id", String),
        Column("text", Text),
        Column("start", Integer),
        Column("end", Integer),
        Column("direct", Boolean),
        Column("date", String),
    )
    return metadata


def upgrade() -> None:
    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    metadata = _tables()
    for table in metadata.sorted_tables:
        if table.name not in present:
            table.create(bind)
            continue
        columns = {c["name"] for c in sa.inspect(bind).get_columns(table.name)}
        for column in table.columns:
            if column.name not in columns:
                kind = column.type.compile(dialect=bind.dialect)
                op.execute(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}')
                if table.name == "events" and column.name == "cluster_id":
                    op.execute("UPDATE events SET cluster_id = id")
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "title, text, content='documents', content_rowid='rowid')"
        )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS fts tsvector GENERATED ALWAYS AS "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING gin (fts)")
        # Insertion order, as SQLite's rowid gives it (ACLED's event numbers follow it).
        op.execute(
            "ALTER TABLE events ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    _tables().drop_all(bind)
