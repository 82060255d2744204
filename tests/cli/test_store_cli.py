"""The store and the command line, end to end."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, FOUNDING, SHARED
from stores import SERVER, require_backend, rows

from frontlines.models import contract_schema
from frontlines.store import (
    is_postgres,
    list_actors,
    list_events,
    open_store,
    schema_head,
    write,
)

SCHEMA_FILE = (
    Path(__file__).resolve().parents[2] / "src" / "frontlines" / "schema" / "contract-v1.json"
)


def run(
    *args: str, stdin: bytes | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontlines.cli", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_schema_file_matches_the_models():
    assert json.loads(SCHEMA_FILE.read_text()) == contract_schema()


def test_extractions_are_contract_valid(extracted):
    schema = json.loads(SCHEMA_FILE.read_text())
    for name, extraction in extracted.items():
        jsonschema.validate(json.loads(extraction.model_dump_json()), schema), name


def test_store_ingest_twice_changes_nothing(store_db, examples, extracted):
    engine = open_store(store_db)
    name = "somalia-ied-2023-03-09.txt"
    assert write(engine, examples[name], extracted[name]).added
    before = (len(list_events(engine)), len(list_actors(engine)))
    assert not write(engine, examples[name], extracted[name]).added
    assert (len(list_events(engine)), len(list_actors(engine))) == before
    if is_postgres(store_db):
        hits = rows(
            store_db, "SELECT count(*) FROM documents WHERE fts @@ to_tsquery('simple', 'afgooye')"
        )
        assert hits == [(1,)]
        return
    with sqlite3.connect(store_db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = db.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Afgooye'"
        ).fetchone()
        assert hits[0] == 1


def test_a_store_made_before_migrations_opens_and_is_upgraded(tmp_path, examples, extracted):
    """A store of SCHEMA_VERSION 2 (no alembic_version), and one of version 1 (no clusters)."""
    name = "somalia-ied-2023-03-09.txt"
    for version in (2, 1):
        path = str(tmp_path / f"v{version}.db")
        engine = open_store(path)
        write(engine, examples[name], extracted[name])
        engine.dispose()
        with sqlite3.connect(path) as db:  # back to what version 2 (or 1) made
            db.execute("DROP TABLE alembic_version")
            for (index,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_listing'"
            ).fetchall():
                db.execute(f"DROP INDEX {index}")
            if version == 1:
                db.execute("DROP TABLE clusters")
                db.execute("DROP INDEX ix_events_cluster_id")
                db.execute("ALTER TABLE events DROP COLUMN cluster_id")
            db.execute(f"PRAGMA user_version={version}")
        events = run("events", "--db", path, "--format", "json")
        assert events.returncode == 0, events.stderr.decode()
        assert len(events.stdout.splitlines()) == len(extracted[name].events)
        assert rows(path, "SELECT version_num FROM alembic_version") == [(schema_head(),)]
        listing = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ix_events_%_listing'"
        assert rows(path, listing) == [(6,)]  # revision 0002's indexes
        ids = rows(path, "SELECT count(*) FROM events WHERE cluster_id = id")
        assert ids == [(len(extracted[name].events),)]


def test_a_missing_postgresql_store_is_a_usage_error():
    require_backend("postgresql")
    missing = f"{SERVER}/frontlines_no_such_database"
    result = run("events", "--db", missing)
    assert result.returncode == 1 and b"cannot open store" in result.stderr
    assert b"Traceback" not in result.stderr


def test_cli_extract_founding_article():
    result = run("extract", str(FOUNDING))
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["published"] == "2020-06-05"
    assert data["events"] and data["actors"] and data["places"] and data["dates"]


def test_cli_extract_jsonl_from_stdin_echoes_ids_in_order():
    feed = (
        b'{"id": "z9", "text": "Gunmen killed five villagers near Mopti on Monday.", '
        b'"published": "2023-05-03"}\n'
        b'{"id": "a1", "text": "Police arrested ten protesters in Nairobi.", '
        b'"published": "2023-05-03"}\n'
    )
    result = run("extract", "-", stdin=feed)
    assert result.returncode == 0, result.stderr.decode()
    ids = [json.loads(line)["doc_id"] for line in result.stdout.decode().splitlines()]
    assert ids == ["z9", "a1"]


def test_cli_bad_documents_are_reported_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("---\npublished: 2024-01-02\n---\nTroops shelled Avdiivka on Monday.\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02\x03binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Clashes in Goma."}\n{"text": oops}\n')
    result = run("extract", str(binary), str(good), str(empty), str(feed))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert f"{binary}: error: binary file" in err
    assert f"{empty}: error: empty document" in err
    assert f"{feed}:2: error: malformed JSON" in err
    assert "Traceback" not in err
    assert len(result.stdout.decode().splitlines()) == 2  # good.txt and feed line 1


def test_cli_usage_error_exits_1():
    assert run("extract").returncode == 1
    assert run("events", "--db", "/nonexistent/dir/x.db").returncode == 1
    assert run("frobnicate").returncode == 1


def test_cli_ingest_events_actors(store_db):
    db = store_db
    first = run("ingest", "--db", db, str(EXAMPLES))
    assert first.returncode == 0, first.stderr.decode()
    assert "ingested 9 new" in first.stderr.decode()
    again = run("ingest", "--db", db, str(EXAMPLES))
    assert "ingested 0 new, 9 already stored" in again.stderr.decode()
    table = run("events", "--db", db).stdout.decode()
    assert "Air/drone strike" in table and "Tarhuna" in table
    rows = [
        json.loads(x)
        for x in run("events", "--db", db, "--format", "json").stdout.decode().splitlines()
    ]
    assert any(r["location"] and r["location"]["name"] == "Tarhuna" for r in rows)
    csv_text = run("events", "--db", db, "--format", "csv").stdout.decode()
    assert csv_text.splitlines()[0].startswith("id,date,event_type")
    actors = run("actors", "--db", db).stdout.decode()
    assert "Government of National Accord" in actors and "aka" in actors
    places = run("places", "--db", db, "--country", "LBY").stdout.decode()
    assert "Tarhuna (LBY, 32.435, 13.633; city)" in places and "Air/drone strike" in places
    assert "El Fasher" not in places
    state = run("state", "--db", db, "--as-of", "2020-06-06", "--country", "LBY")
    lines = state.stdout.decode().splitlines()
    tarhuna = next(i for i, line in enumerate(lines) if line.strip().startswith("Tarhuna"))
    assert "held by Government of National Accord" in lines[tarhuna]
    assert "took control of the entire city of Tarhuna" in "\n".join(lines[tarhuna:])
    assert "Turkey supports Government of National Accord" in state.stdout.decode()
    before = run("state", "--db", db, "--as-of", "2020-06-01", "--country", "LBY")
    assert "Tarhuna" not in before.stdout.decode()
    bad = run("state", "--db", db, "--as-of", "June 6")
    assert bad.returncode != 0 and b"is not a date" in bad.stderr


def test_frontlines_db_environment_variable(store_db):
    result = run(
        "ingest", str(EXAMPLES / "somalia-ied-2023-03-09.txt"), env={"FRONTLINES_DB": store_db}
    )
    assert result.returncode == 0, result.stderr.decode()
    assert rows(store_db, "SELECT count(*) FROM documents") == [(1,)]


def test_user_knowledge_base_adds_actors(tmp_path):
    kb = tmp_path / "mine.yaml"
    kb.write_text(
        "- id: xx-blue-brigade\n  name: Blue Brigade\n  type: militia\n  inter: 3\n"
        "  country: LBY\n  aliases: [Azraq Brigade]\n"
    )
    doc = tmp_path / "r.txt"
    doc.write_text(
        "---\npublished: 2024-01-02\n---\nThe Azraq Brigade attacked a checkpoint near Zawiya.\n"
    )
    data = json.loads(run("extract", "--kb", str(kb), str(doc)).stdout.decode())
    assert any(a["id"] == "xx-blue-brigade" for a in data["actors"])
    broken = tmp_path / "broken.yaml"
    broken.write_text("- name: [unclosed\n")
    assert run("extract", "--kb", str(broken), str(doc)).returncode == 1


@pytest.mark.skipif(
    not (SHARED / "seed" / "gold.json").exists(),
    reason="../shared/seed is not beside the repository",
)
def test_eval_on_founding_gold_finds_the_required_events():
    gold = SHARED / "seed" / "gold.json"
    result = run("eval", str(gold))
    assert result.returncode == 0, result.stderr.decode()
    assert "required events" in result.stdout.decode()


def test_discovered_actors_merge_across_documents(store_db, tmp_path):
    db = store_db
    one = tmp_path / "one.txt"
    one.write_text(
        "---\npublished: 2024-01-02\n---\nCommander Abdulrahman Qarqoosh said his "
        "unit had entered the town of Gharyan.\n"
    )
    two = tmp_path / "two.txt"
    two.write_text(
        "---\npublished: 2024-01-05\n---\nAbdelrahman Qarqush told reporters the "
        "road to Gharyan was open again.\n"
    )
    assert run("ingest", "--db", db, str(one), str(two)).returncode == 0
    rows = [
        json.loads(x)
        for x in run("actors", "--db", db, "--format", "json").stdout.decode().splitlines()
    ]
    discovered = [r for r in rows if r["discovered"] and "Q" in r["name"]]
    assert len(discovered) == 1, discovered
    assert discovered[0]["documents"] == 2


def test_actors_show(store_db):
    db = store_db
    run("ingest", "--db", db, str(FOUNDING))
    shown = run("actors", "--db", db, "show", "lby-lna")
    assert shown.returncode == 0, shown.stderr.decode()
    text = shown.stdout.decode()
    assert "Libyan National Army" in text and "commanded by: Khalifa Haftar" in text
    assert "[Haftar's fighters]" in text
    assert run("actors", "--db", db, "show", "no-such-actor").returncode == 1


def test_config_file_sets_store_and_knowledge_base(tmp_path):
    (tmp_path / "frontlines.toml").write_text('db = "cfg.db"\nkb = "mine.yaml"\n')
    (tmp_path / "mine.yaml").write_text(
        "- id: xx-blue\n  name: Blue Brigade\n  type: militia\n  inter: 3\n  country: LBY\n"
        "  aliases: [Azraq Brigade]\n"
    )
    (tmp_path / "r.txt").write_text(
        "---\npublished: 2024-01-02\n---\nThe Azraq Brigade attacked a checkpoint near Zawiya.\n"
    )
    # Options and environment variables outrank the config file: run without them.
    clean = {k: v for k, v in os.environ.items() if k not in ("FRONTLINES_DB", "FRONTLINES_KB")}
    result = subprocess.run(
        [sys.executable, "-m", "frontlines.cli", "ingest", "r.txt"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        env=clean,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "cfg.db").exists()
    actors = subprocess.run(
        [sys.executable, "-m", "frontlines.cli", "actors"],
        env=clean,
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
    ).stdout.decode()
    assert "Blue Brigade [xx-blue" in actors


@pytest.mark.skipif(
    not (SHARED / "data" / "plover-gsr").exists(),
    reason="../shared/data/plover-gsr is not beside the repository",
)
def test_plover_source_and_target_countries_are_scored():
    from frontlines.evaluation.plover import evaluate_plover

    gold = SHARED.parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    score = evaluate_plover(gold)
    source_right = score.roles[("source", "right")] / sum(
        v for (r, _), v in score.roles.items() if r == "source"
    )
    assert source_right >= 0.7


def test_a_document_over_the_time_limit_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import frontlines.pipeline as pipeline
    from frontlines.cli import cli

    plain = pipeline.extract_parsed

    def stuck_on_goma(parsed, user_kb=None):
        while "Goma" in parsed.document.text:  # a rule that never ends on this document
            pass
        return plain(parsed, user_kb)

    monkeypatch.setattr(pipeline, "extract_parsed", stuck_on_goma)
    stuck = tmp_path / "stuck.txt"
    stuck.write_text("Clashes were reported in Goma on Monday.\n")
    good = tmp_path / "good.txt"
    good.write_text("---\npublished: 2024-01-02\n---\nTroops shelled Avdiivka on Monday.\n")
    db = tmp_path / "store.db"
    for args in (["extract"], ["ingest", "--db", str(db)]):
        result = CliRunner().invoke(cli, [*args, "--time-limit", "1", str(stuck), str(good)])
        assert result.exit_code == 2
        assert f"{stuck}: error: extraction took longer than the time limit of 1 s" in result.stderr
        assert "Traceback" not in result.stderr
    stored = sqlite3.connect(db).execute("SELECT name FROM documents").fetchall()
    assert stored == [(str(good),)]
