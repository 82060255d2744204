"""What a report tells as background (`events.background`) and what it tells as its news."""

from __future__ import annotations

from conftest import text_extraction


def _first_typed(result):
    return next(e for e in result.events if e.event_type is not None)


def test_a_toll_of_the_past_week_is_news():
    result = text_extraction(
        "Raids on villages near the town of Beni kill more than forty people in the past week.",
        "2019-11-20",
    )
    assert not _first_typed(result).historical


def test_in_the_past_without_a_span_of_time_is_a_look_back():
    result = text_extraction(
        "In the past, the militia attacked villages near Beni on 4 May 2012.",
        "2019-11-20",
    )
    assert result.events and all(e.historical for e in result.events if e.event_type)


def test_since_in_another_clause_does_not_date_the_event():
    result = text_extraction(
        "Israeli jets struck a militia base near Qusayr yesterday, making it the third strike "
        "in the area since the 2014 war.",
        "2019-11-20",
    )
    strike = _first_typed(result)
    assert strike.sub_event_type == "Air/drone strike"
    assert not strike.historical


def _news(result):
    return [e.sub_event_type for e in result.events if e.event_type and not e.historical]


def test_a_deed_told_to_say_who_someone_is_is_background():
    result = text_extraction(
        "Local media report that the gunman who killed six people at a market in Kano was a "
        "former soldier.",
        "2019-11-20",
    )
    assert not _news(result)
    result = text_extraction(
        "The governor of Kano, shot by gunmen on Monday, is flown to Abuja for treatment.",
        "2019-11-20",
    )
    assert not _news(result)


def test_a_deed_in_a_relative_clause_of_a_deed_is_news():
    result = text_extraction(
        "Two aid workers are among nine people kidnapped near Kano by gunmen.", "2019-11-20"
    )
    assert _news(result)
    result = text_extraction(
        "Boko Haram claims responsibility for an attack in Kano which killed seven people.",
        "2019-11-20",
    )
    assert _news(result)


def test_a_flight_told_of_those_a_force_chases_is_news():
    from frontlines.events.background import _describes_a_participant
    from frontlines.parse import load_pipeline

    doc = load_pipeline()("Government forces were hunting fighters who had fled from the town.")
    fled = next(t for t in doc if t.lower_ == "fled")
    assert not _describes_a_participant(fled)
