"""The place ladder's last rungs, on sentences written for these tests."""

from __future__ import annotations

from conftest import text_extraction


def _first(text: str):
    events = [e for e in text_extraction(text).events if not e.historical]
    assert events, text
    return events[0]


def test_a_demonym_alone_places_the_event_in_its_country():
    event = _first("Syrian troops shelled a rebel convoy, killing four fighters.")
    assert event.location is not None
    assert event.location.country == "SYR"
    assert event.location.geo_precision == 3


def test_a_named_town_still_wins_over_the_demonym():
    event = _first("Syrian troops shelled a rebel convoy near Aleppo, killing four fighters.")
    assert event.location is not None and event.location.name == "Aleppo"
