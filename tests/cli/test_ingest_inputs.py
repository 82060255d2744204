"""`extract` and `ingest` on real-world inputs: pages, feeds, web archives, URLs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from webinputs import ARTICLE_URL, DATA, Site, warc_bytes

from frontlines.read import read_inputs


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "frontlines.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "FRONTLINES_WORKERS": "1"},
        timeout=300,
    )


def test_extract_from_a_page_gives_offsets_into_its_article_text():
    page = DATA / "army-post-attack.html"
    done = run("extract", str(page))
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()
    extraction = json.loads(line)
    (document,) = read_inputs([str(page)])
    assert extraction["events"]
    for event in extraction["events"]:
        for evidence in event["evidence"]:
            assert document.text[evidence["start"] : evidence["end"]] == evidence["text"]
    for mention in extraction["places"] + extraction["dates"]:
        assert document.text[mention["start"] : mention["end"]] == mention["text"]


def test_ingest_feeds_an_archive_and_a_url_stores_each_article_once_with_its_sources(tmp_path):
    warc = tmp_path / "sahelmonitor-crawl.warc.gz"
    warc.write_bytes(warc_bytes())
    db = str(tmp_path / "store.db")
    inputs = [str(DATA / n) for n in ("sahel-monitor.rss", "west-africa-wire.atom")]
    site = Site()
    try:
        args = [
            "ingest",
            "--db",
            db,
            *inputs,
            str(warc),
            "--url",
            f"{site.url}/news/army-post-attack",
        ]
        done = run(*args, "--fetch-delay", "0")
        again = run(*args, "--fetch-delay", "0")
    finally:
        site.close()
    assert done.returncode == 2, done.stderr  # the French entry
    errors = [line for line in done.stderr.splitlines() if ": error: " in line]
    assert errors == [f"{inputs[1]}#3: error: not English: looks like French"]
    notes = [line for line in done.stderr.splitlines() if ": note: " in line]
    assert len(notes) == 3  # two feeds' summaries, the archive's skipped records
    assert done.stderr.splitlines()[-1] == (
        f"ingested 4 new, 4 already stored (4 more source(s) of them recorded), 1 failed → {db}"
    )
    assert again.stderr.splitlines()[-1] == f"ingested 0 new, 8 already stored, 1 failed → {db}"
    with sqlite3.connect(db) as connection:
        (article,) = connection.execute(
            "SELECT id, name FROM documents WHERE url = ?", (ARTICLE_URL,)
        ).fetchall()
        sources = connection.execute(
            "SELECT name, source FROM document_sources WHERE document_id = ? ORDER BY rowid",
            (article[0],),
        ).fetchall()
    assert article[1] == f"{inputs[0]}#1"  # the first source is the document's own
    assert [name.rsplit("/", 1)[-1] for name, _ in sources] == [
        "sahel-monitor.rss#1",
        "west-africa-wire.atom#1",
        "sahelmonitor-crawl.warc.gz#5",
        "army-post-attack",  # the URL
    ]
    assert {source for _, source in sources} == {"Sahel Monitor", "West Africa Wire: Security"}


def test_formats_are_listed_and_an_input_is_needed():
    shown = run("ingest", "--help").stdout
    for fmt in ("auto", "text", "jsonl", "html", "feed", "warc", "zip", "tar", "gzip"):
        assert f"{fmt}:" in shown
    done = run("extract")
    assert done.returncode == 1 and "nothing to read: give PATHS, --url or --urls" in done.stderr
