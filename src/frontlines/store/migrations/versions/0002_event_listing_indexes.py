"""Indexes for listing events newest first over a large store (`GET /api/events` over a
million events): by date and id, and within a country, an event type or an actor by date and
id, so a page is read in index order instead of sorting every match; and by position, for a
small bounding box. Each holds only the events that stand for their cluster
(`WHERE cluster_id = id`, the listing's own condition), so none needs the table's row to
tell.

PostgreSQL's index says NULLS LAST to match the listing's ORDER BY (its DESC default puts
nulls first); SQLite's DESC puts them last already and takes no NULLS clause in an index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_events_date_listing": "date DESC{nulls}, id",
    "ix_events_country_listing": "country, date DESC{nulls}, id",
    "ix_events_type_listing": "event_type, date DESC{nulls}, id",
    "ix_events_actor1_listing": "actor1_id, date DESC{nulls}, id",
    "ix_events_actor2_listing": "actor2_id, date DESC{nulls}, id",
    "ix_events_position_listing": "latitude, longitude",
}


def upgrade() -> None:
    nulls = " NULLS LAST" if op.get_bind().dialect.name == "postgresql" else ""
    for name, columns in INDEXES.items():
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns.format(nulls=nulls)}) "
            "WHERE cluster_id = id"
        )


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
