"""Read-only access to the store for the web API.

An SQLite store is opened with SQLite's `mode=ro` URI and `PRAGMA query_only`; a PostgreSQL
store with sessions whose transactions are read-only; so nothing the web server does can
change it. Every query binds its values as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from frontlines.store import StoreError, display, is_postgres, read_only_engine


class StoreMissing(RuntimeError):
    """The store does not exist (run `frontlines ingest` first)."""


@dataclass
class Store:
    """The read-only engine with what the queries need to know about the schema."""

    engine: Engine
    path: str  # the `--db` value: a file or a PostgreSQL URL

    @property
    def postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @cached_property
    def event_columns(self) -> frozenset[str]:
        with self.engine.connect() as connection:
            return frozenset(c["name"] for c in inspect(connection).get_columns("events"))

    @cached_property
    def tables(self) -> frozenset[str]:
        with self.engine.connect() as connection:
            return frozenset(inspect(connection).get_table_names())

    @property
    def clustered(self) -> bool:
        """Whether events carry `cluster_id` (cross-document merge): list one row per cluster."""
        return "cluster_id" in self.event_columns

    def rows(
        self, sql: str, params: dict | None = None, *, in_index_order: bool = False
    ) -> list[dict]:
        """The query's rows. `in_index_order`: in PostgreSQL, plan it without sorting or
        bitmap scans where it can (a listing read newest first from an index): the planner
        cannot estimate `cluster_id = id` (it takes a fraction of a percent of the events
        for it), so for a large page it would gather every listed event and sort them."""
        with self.engine.connect() as connection:
            if in_index_order and self.postgres:
                connection.execute(text("SET LOCAL enable_sort = off"))
                connection.execute(text("SET LOCAL enable_bitmapscan = off"))
            result = connection.execute(text(sql), params or {})
            return [dict(row._mapping) for row in result]

    def row(self, sql: str, params: dict | None = None) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(
        self, sql: str, params: dict | None = None, *, in_index_order: bool = False
    ) -> object:
        found = self.rows(sql, params, in_index_order=in_index_order)
        return next(iter(found[0].values())) if found else None


def open_read_only(db: str) -> Store:
    """The store `db` (an SQLite file or a PostgreSQL URL), read-only."""
    try:
        store = Store(read_only_engine(db), db)
        if is_postgres(db) and "documents" not in store.tables:
            raise StoreMissing(f"{display(db)}: no such store; run `frontlines ingest` first")
    except StoreError as err:
        raise StoreMissing(str(err)) from None
    except OperationalError as err:  # the server does not answer, or no such database
        reason = str(err.orig or err).strip().splitlines()[0]
        raise StoreMissing(f"{display(db)}: cannot open store: {reason}") from None
    return store
