"""Actors as ACLED names them, once the event's type is settled."""

from __future__ import annotations

from conftest import text_extraction


def _pairs(text: str, published: str = "2021-07-12") -> list[tuple]:
    events = text_extraction(text, published=published).events
    return [
        (e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
        for e in events
    ]


def test_a_state_acts_by_its_forces_or_its_government():
    assert ("Arrests", "Police Forces of Russia", None) in _pairs(
        "Russia arrests two men plotting an attack."
    )
    assert _pairs("Israel strikes targets in Gaza.")[0][1] == "Military Forces of Israel"
    assert _pairs("Turkey declares a curfew in the town of Yuksekova.")[0][1] == (
        "Government of Turkey"
    )


def test_a_protest_met_by_force_keeps_the_crowd_as_actor1():
    assert _pairs("A student was shot and injured by police during a protest in Nairobi.") == [
        ("Excessive force against protesters", "Protesters (Kenya)", "Police Forces of Kenya")
    ]


def test_unnamed_doers_and_victims_take_the_events_country():
    (abduction,) = _pairs("Unknown gunmen abducted a priest in Kaduna state on Monday.")
    assert abduction[1:] == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")
    (mob,) = _pairs("A mob lynched two suspected thieves in Kisumu on Sunday.")
    assert mob == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")


def test_no_country_is_invented():
    events = text_extraction("Gunmen killed four villagers on Tuesday.", published="2021-03-10")
    assert all(e.actor1 is None or e.actor1.country is None for e in events.events)
