"""Which back end a `--db` value names, and an engine over it.

A `--db` value is a file path (SQLite, the default: one analyst, one file), a
`sqlite:///PATH` URL, or a `postgresql://user@host[:port]/dbname` URL (a team's shared store;
driven by psycopg 3). Part of the `store` stage.
"""

from __future__ import annotations

import os
import sqlite3
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_DB = "frontlines.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
# How long a writer waits for another process's write to end before it gives up.
BUSY_TIMEOUT_MS = 60_000


class StoreError(RuntimeError):
    """The store could not be opened or written."""


def default_db() -> str:
    return os.environ.get("FRONTLINES_DB") or DEFAULT_DB


def is_postgres(db: str) -> bool:
    """Whether `db` names a PostgreSQL store (a URL) rather than an SQLite file."""
    return db.startswith(POSTGRES_SCHEMES)


def sqlite_path(db: str) -> str:
    """The file of an SQLite `--db` value (a path or a `sqlite:///` URL)."""
    return db.removeprefix("sqlite:///") if db.startswith("sqlite:///") else db


def postgres_url(db: str) -> str:
    """The SQLAlchemy URL of a PostgreSQL `--db` value, with the psycopg 3 driver."""
    url = make_url(db.replace("postgres://", "postgresql://", 1))
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def display(db: str) -> str:
    """`db` as it may be printed: a URL's password hidden."""
    if is_postgres(db):
        return make_url(db).render_as_string(hide_password=True)
    return db


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: the next ones may wait
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def store_engine(db: str) -> Engine:
    """A read-write engine over the store `db` (nothing is created here)."""
    if is_postgres(db):
        return create_engine(postgres_url(db), pool_pre_ping=True)
    engine = create_engine(f"sqlite:///{sqlite_path(db)}")
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def read_only_engine(db: str) -> Engine:
    """An engine over the store `db` that can only read: SQLite's `mode=ro` URI with
    `PRAGMA query_only`, or PostgreSQL sessions whose transactions are read-only."""
    if is_postgres(db):
        # JIT compiles a query whose estimated cost is high: the web's plans without sorting
        # (web/db.py) carry the planner's penalty, and JIT would add ~0.3 s to each
        options = "-c default_transaction_read_only=on -c jit=off"
        return create_engine(
            postgres_url(db), pool_pre_ping=True, connect_args={"options": options}
        )
    path = sqlite_path(db)
    if not os.path.isfile(path):
        raise StoreError(f"{path}: no such store; run `frontlines ingest` first")
    uri = "file:" + quote(os.path.abspath(path)) + "?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.execute("PRAGMA query_only=ON")
        connection.execute("PRAGMA busy_timeout=5000")
        return connection

    return create_engine("sqlite://", creator=connect)


def _server(db: str) -> tuple[Engine, str]:
    """An autocommit engine on the server's `postgres` database, and the database's name."""
    url = make_url(postgres_url(db))
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    return admin, str(url.database)


def create_database(db: str) -> None:
    """Create the (empty) PostgreSQL database that `db` names."""
    from sqlalchemy import text

    admin, name = _server(db)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
    admin.dispose()


def drop_database(db: str) -> None:
    """Drop the PostgreSQL database that `db` names, closing its sessions."""
    from sqlalchemy import text

    admin, name = _server(db)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
