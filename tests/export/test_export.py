"""`frontlines export`: ACLED CSV with exactly ACLED's columns, PLOVER JSON Lines, GeoJSON
that validates, Parquet that DuckDB reads."""

from __future__ import annotations

import json
import re
from importlib import resources

import duckdb
import jsonschema
import pandas as pd
import pytest
from click.testing import CliRunner
from stores import new_store, rows

from frontlines.cli import cli
from frontlines.export import control_path
from frontlines.export.acled import acled_rows, disorder_type, interaction
from frontlines.merge import unify_discovered
from frontlines.pipeline import extract_document
from frontlines.read import make_document
from frontlines.store import discovered_index, list_events, metadata, open_store, write

# ACLED's columns in ACLED's order, as its exports give them.
ACLED = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
SECOND_REPORT = (
    "A drone strike by the Sudanese Armed Forces hit a market in El Fasher on Saturday, "
    "killing 15 people, local activists said."
)


@pytest.fixture(scope="module")
def db(backend, tmp_path_factory, examples, extracted) -> str:
    """The examples, and a second report of the El Fasher strike from another source."""
    path = new_store(backend, tmp_path_factory.mktemp("export"))
    engine = open_store(path)
    for name, document in examples.items():
        write(engine, document, unify_discovered(extracted[name], discovered_index(engine)))
    second = make_document(
        SECOND_REPORT, name="second.txt", published="2024-05-12", source="Second Wire"
    )
    extraction = extract_document(second)
    write(engine, second, unify_discovered(extraction, discovered_index(engine)))
    engine.dispose()
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def acled(db, tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("acled") / "events.csv"
    run("--db", db, "--format", "acled-csv", "--out", str(out))
    return pd.read_csv(out, dtype={"iso": str})


def test_acled_csv_has_exactly_acleds_columns(acled):
    assert list(acled.columns) == ACLED


def test_acled_rows_mean_what_acled_means(db, acled):
    assert acled["event_id_cnty"].is_unique
    clusters = [
        e for e in list_events(open_store(db, create=False)) if e["event_type"] and e["date"]
    ]
    happened = [e for e in clusters if e["modality"] in ("asserted", "claimed")]
    _, left_out = acled_rows(open_store(db, create=False))
    # An event placed nowhere whose actors have no country cannot be an ACLED row.
    placeless = left_out["no country"]
    assert len(acled) + placeless == len([e for e in happened if not e["historical"]])
    for row in acled.itertuples():
        assert re.fullmatch(r"[A-Z]{3}\d+", row.event_id_cnty)
        assert row.notes.startswith("On ")
        assert str(row.year) == row.event_date[:4]
        assert row.time_precision in (1, 2, 3)
        assert row.disorder_type in {
            "Political violence",
            "Demonstrations",
            "Strategic developments",
            "Political violence; Demonstrations",
        }
    libya = acled[acled["country"] == "Libya"]
    assert set(libya["iso"]) == {"434"} and set(libya["region"]) == {"Northern Africa"}
    assert all(libya["event_id_cnty"].str.startswith("LBY"))
    strike = libya[
        (libya["sub_event_type"] == "Air/drone strike") & (libya["location"] == "Tarhuna")
    ]
    assert len(strike) == 1
    row = strike.iloc[0]
    assert row["event_date"] == "2020-06-05" and row["fatalities"] == 0
    assert row["interaction"] == interaction(int(row["inter1"]), int(row["inter2"]))
    assert row["notes"].startswith("On 5 June 2020, ")


def test_acled_one_row_per_real_world_event_with_every_source(acled):
    fasher = acled[
        (acled["sub_event_type"] == "Air/drone strike") & (acled["location"] == "El Fasher")
    ]
    assert len(fasher) == 1
    row = fasher.iloc[0]
    assert "Second Wire" in row["source"] and "Example Wire" in row["source"]
    assert row["civilian_targeting"] == "Civilian targeting"
    tolls = [int(n) for n in re.findall(r"range from (\d+) to (\d+)", row["notes"])[0]]
    assert row["fatalities"] == min(tolls) and max(tolls) >= 15


def test_acled_codes():
    assert interaction(1, 7) == 17 and interaction(7, 1) == 17 and interaction(6, None) == 60
    assert interaction(None, None) is None and interaction(3, 3) == 33
    assert disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations"
    )
    assert disorder_type("Riots", "Mob violence") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_plover_json_lines(db):
    records = [json.loads(line) for line in run("--db", db, "--format", "plover-json").splitlines()
               if line.startswith("{")]  # fmt: skip
    assert records
    for record in records:
        assert {"id", "date", "source", "recipient", "event", "mode", "event_loc"} <= set(record)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert set(record["event"]) <= PLOVER_TYPES
        for actor in record["source"] + record["recipient"]:
            assert {"code", "sector", "actor_text"} <= set(actor)
    call = [r for r in records if r["event"] == ["CONSULT"] and "phone" in r["mode"]]
    assert call and call[0]["quad_code"] == 1


def geojson_schema() -> dict:
    text = resources.files("frontlines.export").joinpath("data/geojson.schema.json").read_text()
    return json.loads(text)


def test_geojson_validates(db, tmp_path):
    out = tmp_path / "lby-events.geojson"
    run("--db", db, "--format", "geojson", "--out", str(out), "--as-of", "2020-06-06")
    validator = jsonschema.Draft202012Validator(geojson_schema())
    events = json.loads(out.read_text())
    control = json.loads(control_path(out).read_text())
    assert control_path(out).name == "lby-control.geojson"
    for collection in (events, control):
        validator.validate(collection)
        assert collection["features"]
    held = {f["properties"]["place"]: f["properties"] for f in control["features"]}
    assert held["Tarhuna"]["holder"] == "Government of National Accord"
    assert held["Tarhuna"]["claims"] and held["Tarhuna"]["as_of"] == "2020-06-06"
    lon, lat = next(
        f["geometry"]["coordinates"]
        for f in events["features"]
        if f["properties"]["location"] == "Tarhuna"
    )
    assert 13 < lon < 14 and 32 < lat < 33


def test_geojson_schema_refuses_what_rfc_7946_refuses():
    validator = jsonschema.Draft202012Validator(geojson_schema())
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [13.6, 32.4]}}
    good = {"type": "FeatureCollection", "features": [{**point, "properties": {}}]}
    validator.validate(good)
    swapped = {**point, "properties": {}, "geometry": {"type": "Point", "coordinates": [13, 132]}}
    for bad in (
        {**good, "crs": {"type": "name"}},
        {"type": "FeatureCollection", "features": [point]},  # no properties member
        {"type": "FeatureCollection", "features": [swapped]},
        {"type": "Feature", "features": []},
    ):
        assert not validator.is_valid(bad), bad


def test_parquet_of_every_table_reads_in_duckdb(db, tmp_path):
    out = tmp_path / "parquet"
    run("--db", db, "--format", "parquet", "--out", str(out))
    tables = [table.name for table in metadata.sorted_tables]
    counts = {t: rows(db, f'SELECT count(*) FROM "{t}"')[0][0] for t in tables}
    columns = {t.name: [c.name for c in t.columns] for t in metadata.sorted_tables}
    assert {"documents", "events", "clusters", "relations", "control", "quotes"} <= set(tables)
    duck = duckdb.connect()
    for table in tables:
        path = str(out / f"{table}.parquet")
        assert duck.execute(f"SELECT count(*) FROM '{path}'").fetchone()[0] == counts[table]
        described = [r[0] for r in duck.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
        assert described == columns[table]
    deaths = duck.execute(
        f"SELECT sum(fatalities) FROM '{out / 'clusters.parquet'}' WHERE contradicting"
    ).fetchone()[0]
    assert deaths is not None
    kinds = duck.execute(f"SELECT typeof(historical) FROM '{out / 'events.parquet'}' LIMIT 1")
    assert kinds.fetchone()[0] == "BOOLEAN"
    texts = dict(duck.execute(f"SELECT id, text FROM '{out / 'documents.parquet'}'").fetchall())
    assert texts == dict(rows(db, "SELECT id, text FROM documents"))


def test_export_refuses_unknown_format_and_missing_store(db, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", db, "--format", "xlsx"])
    assert result.exit_code != 0
    result = CliRunner().invoke(
        cli, ["export", "--db", str(tmp_path / "none.db"), "--format", "acled-csv"]
    )
    assert result.exit_code != 0
