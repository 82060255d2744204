"""Who was arrested, as ACLED names them: a crowd, a people's civilians, an armed group."""

from __future__ import annotations

import pytest
from conftest import text_extraction


def _arrest(text: str) -> tuple:
    events = [e for e in text_extraction(text, published="2021-03-10").events]
    arrest = next(e for e in events if e.sub_event_type == "Arrests")
    return (
        arrest.actor1.name if arrest.actor1 else None,
        arrest.actor2.name if arrest.actor2 else None,
    )


@pytest.mark.parametrize(
    "text, arrested",
    [
        ("Police arrested 3 protesters in Lagos, Nigeria.", "Protesters (Nigeria)"),
        (
            "Security forces detained dozens of demonstrators in Khartoum, Sudan.",
            "Protesters (Sudan)",
        ),
        ("Lebanon arrests a man it suspects has spied for Israel.", "Civilians (Lebanon)"),
        (
            "Graham Phillips, a British national and reporter for the Russian TV network RT, is "
            "detained in Mariupol by the SBU.",
            "Civilians (United Kingdom)",
        ),
        (
            "Police announce the arrest of a 19-year-old man in London.",
            "Civilians (United Kingdom)",
        ),
    ],
)
def test_the_arrested_are_named_by_what_the_words_call_them(text, arrested):
    assert _arrest(text)[1] == arrested


def test_the_arrested_tied_to_an_armed_group_are_that_group():
    assert _arrest("Turkey arrests 21 people with alleged links to Daesh (ISIL).")[1] == (
        "Islamic State"
    )
    assert _arrest("Four men with ties to ISIL are arrested in Nicaragua.")[1] == "Islamic State"


def test_people_named_by_their_demonym_are_civilians_of_it_not_their_state():
    events = text_extraction(
        "On 9 March 2020, Israeli forces arrested 15 Palestinians in raids across the West Bank.",
        published="2020-03-20",
    ).events
    assert events and events[0].actor2 is not None
    assert events[0].actor2.name == "Civilians (Palestine)"
