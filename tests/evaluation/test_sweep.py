"""The crash sweep over real text nobody here wrote (`../shared/data`): a fixed sample of every
set in `make test`, the whole of it in `make soak`. Skips when the data folder is absent."""

from __future__ import annotations

import pytest
from conftest import SHARED

from frontlines.evaluation.sweep import SETS, real_texts, sweep

pytestmark = pytest.mark.skipif(
    not (SHARED / "data").is_dir(), reason="../shared/data is absent: no real text to sweep"
)

# Texts that crashed a stage once, by set and name: each must now come out whole.
CRASHED_BEFORE = {
    # quote marks doubled by the TSV's quoting, beside spaces: an empty char_span in quotes
    "wikipedia": [
        "wikipedia:2020-05-30-53b945",
        "wikipedia:2011-03-01-92ee1a",
        "wikipedia:2010-12-26-2a51a2",
        "wikipedia:2016-07-20-811edf",
    ],
    "geowebnews": ["geowebnews:129", "geowebnews:12", "geowebnews:36", "geowebnews:64"],
    "geovirus": ["geovirus:177", "geovirus:3", "geovirus:1"],
    "case2021": ["case2021:39", "case2021:636", "case2021:374"],
}


def test_a_sample_of_every_set_comes_out_whole():
    result = sweep(real_texts(SHARED, sample=12, seed=2026))
    assert set(result.documents) >= {"geowebnews", "wikipedia", "plover-gsr"}
    assert result.total_failed == 0, "\n".join(result.lines())


def test_texts_that_crashed_before():
    wanted = {name for names in CRASHED_BEFORE.values() for name in names}
    items = [
        (set_name, name, text, published)
        for set_name in CRASHED_BEFORE
        for name, text, published in SETS[set_name](SHARED)
        if name in wanted
    ]
    assert len(items) == len(wanted)
    result = sweep(iter(items))
    assert result.total_failed == 0, "\n".join(result.lines())
