"""`frontlines export`: the store as data for other tools: ACLED-style CSV, PLOVER JSON
Lines, GeoJSON of events and of control, Parquet of every table."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

DEFAULT_GEOJSON = "frontlines-events.geojson"
DEFAULT_PARQUET = "frontlines-parquet"


def _open(out: str | None):
    if out is None:
        return sys.stdout
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    return open(out, "w", encoding="utf-8", newline="")


def control_path(events_path: Path) -> Path:
    """Where the control collection goes beside the events one."""
    stem = events_path.stem.removesuffix("-events")
    return events_path.with_name(f"{stem}-control{events_path.suffix or '.geojson'}")


def export(
    engine: Engine,
    db_path: str,
    fmt: str,
    out: str | None,
    *,
    as_of: str | None = None,
    historical: bool = False,
) -> Iterator[str]:
    """Write the export; yields one status line for each file written."""
    if fmt == "acled-csv":
        from frontlines.export.acled import acled_rows, write_acled_csv

        rows, left = acled_rows(engine, historical)
        handle = _open(out)
        try:
            write_acled_csv(rows, handle)
        finally:
            if handle is not sys.stdout:
                handle.close()
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(left.items()))
        yield f"acled-csv: {len(rows)} events" + (f" (left out: {reasons})" if reasons else "")
    elif fmt == "plover-json":
        from frontlines.export.plover import plover_lines

        handle = _open(out)
        count = 0
        try:
            for line in plover_lines(engine):
                handle.write(line + "\n")
                count += 1
        finally:
            if handle is not sys.stdout:
                handle.close()
        yield f"plover-json: {count} records"
    elif fmt == "geojson":
        from frontlines.export.geo import control_collection, events_collection

        path = Path(out or DEFAULT_GEOJSON)
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, collection in (
            (path, events_collection(engine)),
            (control_path(path), control_collection(engine, as_of)),
        ):
            target.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
            yield f"geojson: {len(collection['features'])} features → {target}"
    elif fmt == "parquet":
        from frontlines.export.parquet import write_parquet

        folder = Path(out or DEFAULT_PARQUET)
        for table, rows, size in write_parquet(engine, folder):
            yield f"parquet: {table}: {rows} rows, {size} bytes → {folder / (table + '.parquet')}"
    else:
        raise ValueError(f"unknown export format {fmt!r}")
