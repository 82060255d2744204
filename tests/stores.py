"""Stores for the tests on both back ends: an SQLite file, or a PostgreSQL database of its own
(a unique name, created here and dropped at the end of the session).

PostgreSQL is the server at FRONTLINES_TEST_POSTGRES (default: root on 127.0.0.1:5432, trust
authentication). Where no server answers, the PostgreSQL half of the tests is skipped with
the reason; in CI (CI or FRONTLINES_REQUIRE_POSTGRES set) it fails instead.
"""

from __future__ import annotations

import atexit
import os
import uuid
from functools import cache

import pytest
from sqlalchemy import create_engine, text

SERVER = os.environ.get("FRONTLINES_TEST_POSTGRES", "postgresql://root@127.0.0.1:5432")
BACKENDS = ("sqlite", "postgresql")
_created: list[str] = []


def postgres_required() -> bool:
    flags = (os.environ.get("CI", ""), os.environ.get("FRONTLINES_REQUIRE_POSTGRES", ""))
    return any(flag.lower() not in ("", "0", "false", "no") for flag in flags)


def _admin():
    return create_engine(
        SERVER.replace("postgresql://", "postgresql+psycopg://", 1) + "/postgres",
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 5},
    )


@cache
def postgres_problem() -> str | None:
    """Why no PostgreSQL test database can be made here, or None."""
    try:
        with _admin().connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as err:  # noqa: BLE001 - any failure means no server for the tests
        first = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        return f"no PostgreSQL server answers at {SERVER}: {first}"
    return None


def require_backend(backend: str) -> None:
    """Skip (or, in CI, fail) a PostgreSQL test when no server answers."""
    if backend == "postgresql" and (problem := postgres_problem()):
        if postgres_required():
            pytest.fail(f"{problem} (CI needs it: start PostgreSQL 15 on 127.0.0.1:5432)")
        pytest.skip(problem)


def new_postgres_database() -> str:
    """A new, empty database; its URL. Dropped when the test session ends."""
    name = f"frontlines_test_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with _admin().connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
    if not _created:
        atexit.register(drop_databases)
    _created.append(name)
    return f"{SERVER}/{name}"


def drop_databases() -> None:
    engine = _admin()
    with engine.connect() as connection:
        while _created:
            name = _created.pop()
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def new_store(backend: str, folder, name: str = "store") -> str:
    """The `--db` value of a new, empty store on `backend`."""
    require_backend(backend)
    if backend == "postgresql":
        return new_postgres_database()
    return str(folder / f"{name}.db")


def rows(db: str, sql: str, params: dict | None = None) -> list[tuple]:
    """Rows of a query on the store `db`, whichever its back end."""
    from frontlines.store import read_only_engine

    engine = read_only_engine(db)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), params or {})]
    finally:
        engine.dispose()
