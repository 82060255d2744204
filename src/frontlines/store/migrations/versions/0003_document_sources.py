"""Every input a stored document was read from (`document_sources`): the same text from two
feeds, or a page and its feed entry, is one document with two sources.

Filled for the documents already stored: each gets its own source (its name, outlet, url,
title and publication date, seen when it was ingested). Idempotent, like the baseline: a store
that has the table already (made by a version-3 build before migrations) keeps it and its rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("document_sources"):
        op.create_table(
            "document_sources",
            sa.Column("document_id", sa.String, sa.ForeignKey("documents.id"), nullable=False),
            sa.Column("name", sa.String, nullable=False),
            sa.Column("source", sa.String),
            sa.Column("url", sa.String),
            sa.Column("title", sa.String),
            sa.Column("published", sa.String),
            sa.Column("seen_at", sa.String, nullable=False),
        )
        op.create_index("ix_document_sources_document_id", "document_sources", ["document_id"])
    op.execute(
        "INSERT INTO document_sources (document_id, name, source, url, title, published, "
        "seen_at) SELECT id, COALESCE(name, id), source, url, title, published, ingested_at "
        "FROM documents WHERE NOT EXISTS "
        "(SELECT 1 FROM document_sources s WHERE s.document_id = documents.id)"
    )


def downgrade() -> None:
    op.drop_index("ix_document_sources_document_id", table_name="document_sources")
    op.drop_table("document_sources")
