"""The real labelled reports and the scorer of events on real text."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import SHARED

from frontlines.evaluation.real_events import (
    CASE_TYPES,
    NO_ACLED_EVENT,
    actor_matches,
    read_case,
    weighted_f1,
)
from frontlines.events import acled_types, is_held_out, load_labelled
from frontlines.events.corpus import problems
from frontlines.models import ActorRef


def test_labelled_reports_load_clean_and_hold_out_a_stable_fifth():
    items = load_labelled()
    assert len(items) >= 2000
    assert problems(items) == []
    assert len({i.id for i in items}) == len(items)
    held = [i for i in items if is_held_out(i)]
    assert 0.15 < len(held) / len(items) < 0.25
    for item in items:
        for field in ("location", "admin"):
            value = getattr(item, field)
            assert value is None or value in item.text, (item.id, field)
        assert item.published and item.id.startswith(item.published)


def test_every_sub_event_type_is_labelled_where_the_entries_hold_it():
    counts = Counter(i.sub_event_type for i in load_labelled())
    rare = {"Sexual violence", "Headquarters or base established", "Chemical weapon"}
    for sub in acled_types():
        assert counts[sub] >= (1 if sub in rare else 40), sub


def test_case_labels_map_onto_acled():
    assert set(CASE_TYPES.values()) == set(acled_types())
    assert not set(CASE_TYPES) & set(NO_ACLED_EVENT)


@pytest.mark.skipif(not (SHARED / "data" / "case2021-dev").is_dir(), reason="no CASE data")
def test_every_case_label_is_known():
    rows = read_case(SHARED / "data" / "case2021-dev" / "case2021_task2_dev.tsv")
    assert len(rows) == 406
    assert {label for _, _, label in rows} <= set(CASE_TYPES) | set(NO_ACLED_EVENT)


def test_weighted_f1():
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    # a: P 1, R .5, F1 .667 (2); b: P .667, R 1, F1 .8 (2)
    assert weighted_f1(pairs, {"a", "b"}) == pytest.approx((2 / 3 * 2 + 0.8 * 2) / 4)


def test_actor_names_agree_without_regime_years():
    item = next(i for i in load_labelled() if i.actor1_acled == "Military Forces of Israel")
    ref = ActorRef(id="ISR-military", name="Military Forces of Israel (2009-2021)", text="x")
    assert actor_matches(ref, item, "actor1")
    assert actor_matches(None, item, "actor1") is False
