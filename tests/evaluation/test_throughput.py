"""The throughput bench measures real runs: both commands finish, in fresh processes."""

from __future__ import annotations

from frontlines.evaluation.throughput import machine, measure
from frontlines.read import make_document


def test_bench_times_extraction_against_the_parse():
    documents = [
        make_document("Gunmen killed four villagers near Bokkos on Tuesday.", name="a"),
        make_document("Protesters marched in the capital on Friday.", name="b"),
    ]
    result = measure("two reports", documents, workers=1)
    assert result.documents == 2 and result.words == 15
    assert result.extraction.seconds > result.start_up.seconds * 0.5 > 0
    assert result.spacy.seconds > 0 and result.extraction.peak_mb > 100
    lines = result.lines()
    assert "times the parse" in lines[3] and "cores" in machine()
