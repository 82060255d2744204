"""Extraction on several worker processes: the same output as one, in input order; a bad
document or a dead worker costs only its own; the progress bar only in a terminal."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import EXAMPLES

import frontlines.pipeline as pipeline
import frontlines.workers as workers
from frontlines.read import make_document, read_inputs

REPORTS = [
    "Gunmen killed four villagers near Bokkos on Tuesday, police said.",
    "Protesters marched through the capital on Friday demanding the release of detainees.",
    "An airstrike hit a market in the town, killing seven civilians.",
    "The army said it had taken control of the airport after heavy fighting.",
]


def _documents() -> list:
    examples = [d for d in read_inputs([str(EXAMPLES)]) if hasattr(d, "text")]
    made = [
        make_document(text, name=f"report-{n}", published="2021-07-12")
        for n, text in enumerate(REPORTS * 6)
    ]
    return examples + made  # more than two chunks: both workers get some


def _lines(outcomes) -> list[str]:
    return [o.extraction.model_dump_json() if o.extraction else o.error for o in outcomes]


def test_two_workers_give_what_one_gives_in_input_order():
    documents = _documents()
    assert len(documents) > 2 * workers.CHUNK_DOCUMENTS
    one = list(workers.extract_all(documents, workers=1, seconds=120))
    two = list(workers.extract_all(documents, workers=2, seconds=120))
    assert [o.document.name for o in two] == [d.name for d in documents]
    assert _lines(two) == _lines(one)
    assert all(o.extraction is not None for o in two)


def test_a_failing_document_is_named_and_the_rest_go_on(monkeypatch):
    real = pipeline.extract_parsed

    def failing(parsed, user_kb=None):
        if "BOOM" in parsed.document.text:
            raise ValueError("a stage broke")
        return real(parsed, user_kb)

    monkeypatch.setattr(pipeline, "extract_parsed", failing)  # the forked workers inherit it
    documents = _documents()
    documents.insert(20, make_document("A BOOM was heard in the town.", name="bad-one"))
    outcomes = list(workers.extract_all(documents, workers=2, seconds=120))
    bad = [o for o in outcomes if o.extraction is None]
    assert [o.document.name for o in bad] == ["bad-one"]
    assert "bad-one: error: extraction failed: ValueError: a stage broke" in bad[0].error
    assert len(outcomes) == len(documents)


def test_a_worker_that_dies_costs_its_chunk_only(monkeypatch):
    real = pipeline.extract_parsed

    def dying(parsed, user_kb=None):
        if "DIE" in parsed.document.text:
            os._exit(1)  # as a worker killed by the system would
        return real(parsed, user_kb)

    monkeypatch.setattr(pipeline, "extract_parsed", dying)
    documents = _documents()
    documents.insert(3, make_document("DIE here.", name="fatal"))
    outcomes = list(workers.extract_all(documents, workers=2, seconds=120))
    assert len(outcomes) == len(documents)
    lost = [o for o in outcomes if o.extraction is None]
    assert "fatal" in [o.document.name for o in lost]
    assert all("worker process" in o.error for o in lost)
    assert len(lost) <= workers.CHUNK_DOCUMENTS  # the chunk that held it, no more
    assert outcomes[-1].extraction is not None  # the batch went on


def test_no_progress_bar_in_a_pipe(tmp_path):
    (tmp_path / "a.txt").write_text(REPORTS[0], encoding="utf-8")
    finished = subprocess.run(
        [sys.executable, "-m", "frontlines.cli", "extract", "--workers", "2", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0
    assert "doc/s" not in finished.stderr and "%|" not in finished.stderr


def test_the_bar_goes_to_a_terminal_only(monkeypatch):
    from frontlines.cli.progress import terminal_shows_progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert terminal_shows_progress(quiet=False, output_is_data=True)
    assert not terminal_shows_progress(quiet=True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert not terminal_shows_progress(quiet=False, output_is_data=True)  # data on screen
    assert terminal_shows_progress(quiet=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert not terminal_shows_progress(quiet=False)
