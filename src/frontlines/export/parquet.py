"""Parquet files of every store table (one `TABLE.parquet` each), written with DuckDB and
typed from the store's schema, so DuckDB, pandas or Spark read them as they are."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb
from sqlalchemy import Boolean, Float, Integer

from frontlines.store_schema import metadata

BATCH = 5000


def _duck_type(column) -> str:
    if isinstance(column.type, Boolean):
        return "BOOLEAN"
    if isinstance(column.type, Integer):
        return "BIGINT"
    if isinstance(column.type, Float):
        return "DOUBLE"
    return "VARCHAR"


def write_parquet(db_path: str, out: Path) -> list[tuple[str, int, int]]:
    """Write every table of the store at `db_path` into `out`; (table, rows, bytes) each."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    duck = duckdb.connect()
    try:
        for table in metadata.sorted_tables:
            columns = list(table.columns)
            names = ", ".join(f'"{c.name}"' for c in columns)
            spec = ", ".join(f'"{c.name}" {_duck_type(c)}' for c in columns)
            booleans = [i for i, c in enumerate(columns) if isinstance(c.type, Boolean)]
            duck.execute(f'CREATE OR REPLACE TABLE "{table.name}" ({spec})')
            cursor = source.execute(f'SELECT {names} FROM "{table.name}" ORDER BY rowid')
            count = 0
            placeholders = ", ".join("?" for _ in columns)
            while rows := cursor.fetchmany(BATCH):
                if booleans:
                    rows = [
                        tuple(
                            bool(v) if i in booleans and v is not None else v
                            for i, v in enumerate(row)
                        )
                        for row in rows
                    ]
                duck.executemany(f'INSERT INTO "{table.name}" VALUES ({placeholders})', rows)
                count += len(rows)
            path = out / f"{table.name}.parquet"
            duck.execute(f"COPY \"{table.name}\" TO '{_quoted(path)}' (FORMAT parquet)")
            written.append((table.name, count, path.stat().st_size))
    finally:
        duck.close()
        source.close()
    return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
