"""Schema changes: Alembic revisions in `migrations/versions/`, run on open (no alembic.ini).

Opening a store brings it to the newest revision, on SQLite and PostgreSQL alike, under the
store's write lock, so that two processes opening a new or old store at once migrate it once.
A store made before migrations (no `alembic_version` table) starts at the baseline, which is
idempotent. docs/architecture.md says how to add a revision. Part of the `store` stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The key of the PostgreSQL advisory lock that writers to one store take turns on.
WRITE_LOCK = 0x66726F6E  # "fron"


def alembic_config(connection: Connection | None = None) -> Config:
    """The configuration Alembic's commands need, pointing at the packaged revisions."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def head() -> str:
    """The newest revision."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations are packaged"
    return head


def current(connection: Connection) -> str | None:
    """The store's revision: None for a new store, or one made before migrations."""
    return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the store's write lock from its start, committed at the end.

    SQLite: BEGIN IMMEDIATE, the database's own write lock (other writers wait up to the busy
    timeout). PostgreSQL: a transaction-level advisory lock on WRITE_LOCK, taken first, so
    writers take turns on the steps that read what others wrote (clusters, known actors).
    """
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
        yield connection
        connection.commit()


def lock(connection: Connection) -> None:
    """Take the store's write lock within a transaction already begun (PostgreSQL); SQLite's
    writers hold it from BEGIN IMMEDIATE on."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def upgrade(engine: Engine) -> bool:
    """Bring the store to the newest revision; whether anything was run."""
    with engine.connect() as connection:
        if current(connection) == head():
            return False
    with write_transaction(engine) as connection:
        if current(connection) == head():  # another process did it while this one waited
            return False
        command.upgrade(alembic_config(connection), "head")
    return True
