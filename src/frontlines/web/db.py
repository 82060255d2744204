"""Read-only access to the store for the web API.

The store is opened with SQLite's `mode=ro` URI and `PRAGMA query_only`, so nothing the web
server does can change it. Every query binds its values as parameters.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, text


class StoreMissing(RuntimeError):
    """The store file does not exist (run `frontlines ingest` first)."""


def read_only_engine(path: str) -> Engine:
    """An engine over the store at `path` that can only read."""
    if not os.path.isfile(path):
        raise StoreMissing(f"{path}: no such store; run `frontlines ingest` first")
    uri = "file:" + quote(os.path.abspath(path)) + "?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.execute("PRAGMA query_only=ON")
        connection.execute("PRAGMA busy_timeout=5000")
        return connection

    return create_engine("sqlite://", creator=connect)


@dataclass
class Store:
    """The read-only engine with what the queries need to know about the schema."""

    engine: Engine
    path: str

    @cached_property
    def event_columns(self) -> frozenset[str]:
        with self.engine.connect() as connection:
            rows = connection.execute(text("PRAGMA table_info(events)")).all()
        return frozenset(row[1] for row in rows)

    @cached_property
    def tables(self) -> frozenset[str]:
        with self.engine.connect() as connection:
            rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
            return frozenset(row[0] for row in rows)

    @property
    def clustered(self) -> bool:
        """Whether events carry `cluster_id` (cross-document merge): list one row per cluster."""
        return "cluster_id" in self.event_columns

    def rows(self, sql: str, params: dict | None = None) -> list[dict]:
        with self.engine.connect() as connection:
            result = connection.execute(text(sql), params or {})
            return [dict(row._mapping) for row in result]

    def row(self, sql: str, params: dict | None = None) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: dict | None = None) -> object:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params or {}).scalar()


def open_read_only(path: str) -> Store:
    return Store(read_only_engine(path), path)
