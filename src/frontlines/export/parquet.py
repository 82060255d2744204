"""Parquet files of every store table (one `TABLE.parquet` each), typed from the store's
schema, so DuckDB, pandas or Spark read them as they are.

Rows stream from the store (SQLite or PostgreSQL) into a temporary JSON Lines file that
DuckDB reads with the declared column types and writes as Parquet (DuckDB's SQLite and
PostgreSQL readers are extensions it would fetch)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import duckdb
from sqlalchemy import Boolean, Engine, Float, Integer, literal_column, select

from frontlines.store import metadata

BATCH = 5000


def _duck_type(column) -> str:
    if isinstance(column.type, Boolean):
        return "BOOLEAN"
    if isinstance(column.type, Integer):
        return "BIGINT"
    if isinstance(column.type, Float):
        return "DOUBLE"
    return "VARCHAR"


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _in_order(table, dialect: str):
    """The table's rows in insertion order (SQLite's rowid, PostgreSQL's events.seq), else by
    key and then every column, so that an export is the same twice."""
    if dialect == "sqlite":
        return [literal_column("rowid")]
    if table.name == "events":
        return [literal_column("seq")]
    keys = list(table.primary_key.columns)
    return keys or list(table.columns)


def write_parquet(engine: Engine, out: Path) -> list[tuple[str, int, int]]:
    """Write every table of the store into `out`; (table, rows, bytes) each."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    source = engine.connect()
    duck = duckdb.connect()
    try:
        with tempfile.TemporaryDirectory(prefix="frontlines-parquet-") as scratch:
            for table in metadata.sorted_tables:
                columns = list(table.columns)
                names = [c.name for c in columns]
                booleans = {c.name for c in columns if isinstance(c.type, Boolean)}
                lines = Path(scratch) / f"{table.name}.jsonl"
                count = 0
                query = select(*columns).order_by(*_in_order(table, engine.dialect.name))
                cursor = source.execution_options(yield_per=BATCH).execute(query)
                with open(lines, "w", encoding="utf-8") as handle:
                    while rows := cursor.fetchmany(BATCH):
                        for row in rows:
                            record = dict(zip(names, row, strict=True))
                            for name in booleans:
                                if record[name] is not None:
                                    record[name] = bool(record[name])
                            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                        count += len(rows)
                types = ", ".join(f"'{c.name}': '{_duck_type(c)}'" for c in columns)
                path = out / f"{table.name}.parquet"
                duck.execute(
                    f"COPY (SELECT * FROM read_json('{_quoted(lines)}', "
                    f"format = 'newline_delimited', maximum_object_size = {2**30}, "
                    f"columns = {{{types}}})) "
                    f"TO '{_quoted(path)}' (FORMAT parquet)"
                )
                written.append((table.name, count, path.stat().st_size))
    finally:
        duck.close()
        source.close()
    return written
