"""Abbreviations the parser would read as words are written out before parsing."""

from __future__ import annotations

from frontlines.normalize import normalize_text


def test_the_islamic_states_abbreviation_is_written_out_and_maps_back():
    normalized = normalize_text("On 18 June, IS militants attacked. It is over.")
    assert normalized.text == "On 18 June, ISIS militants attacked. It is over."
    start = normalized.text.index("ISIS")
    assert normalized.evidence(start, start + 4).text == "IS"


def test_a_headline_in_capitals_keeps_its_verb():
    assert normalize_text("WHY IS THE ARMY STILL THERE?").text == "WHY IS THE ARMY STILL THERE?"


def test_an_abbreviation_inside_a_longer_one_is_left_alone():
    assert normalize_text("IS-WAP fighters attacked the base.").text == (
        "IS-WAP fighters attacked the base."
    )
