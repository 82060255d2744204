"""The place ladder's last rungs, on sentences written for these tests."""

from __future__ import annotations

import pytest
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


def test_a_call_is_placed_by_the_place_its_sentence_names():
    events = text_extraction("The United Nations calls on Sudan to withdraw its forces.").events
    assert events and all(e.location is not None for e in events)
    assert {e.location.country for e in events} == {"SDN"}


def test_a_country_inside_a_party_name_gives_the_country_only():
    event = _first("The Mayor of Nagasaki calls for the elimination of nuclear weapons.")
    assert event.location is not None
    assert (event.location.name, event.location.geo_precision) == ("Japan", 3)


def test_towns_misread_as_a_party_still_place_the_event():
    event = _first("New People's Army attack a mining site at Sipalay, Negros Occidental.")
    assert event.location is not None and event.location.name == "Sipalay"


def test_the_units_written_after_a_village_do_not_place_the_event_instead():
    event = _first("Nine soldiers were killed in an ambush near the village of Boni, Mopti, Mali.")
    assert event.location is not None and event.location.name == "Boni"


def test_a_rocket_is_placed_where_it_landed_not_where_it_was_fired_from():
    event = _first("Militants fire a rocket from Gaza which lands near Ashkelon; no one is hurt.")
    assert event.location is not None and event.location.country == "ISR"


def test_a_country_in_a_hyphened_modifier_is_not_the_place():
    event = _first("The U.S.-backed Syrian Democratic Forces took control of Raqqa.")
    assert event.location is not None and event.location.country == "SYR"


def test_a_compass_word_is_kept_with_the_place_as_written():
    event = _first("Gunmen killed five soldiers in northern Mali.")
    assert event.location is not None
    assert (event.location.text, event.location.country) == ("northern Mali", "MLI")


def test_a_withdrawal_from_a_country_is_placed_there_not_at_the_party():
    event = _first("The United States begins withdrawing its troops from Afghanistan.")
    assert event.location is not None and event.location.country == "AFG"


def test_a_reference_point_yields_to_the_place_the_clause_names():
    event = _first("An airstrike hit an army outpost in Logar Province, 30 miles east of Kabul.")
    assert event.location is not None and event.location.text == "Logar Province"
    event = _first("Gunmen killed four people 20 km north of Gao.")
    assert event.location is not None
    assert (event.location.name, event.location.geo_precision) == ("Gao", 2)


def test_a_town_taken_is_a_place_whatever_the_tagger_says():
    event = _first("French troops take Timbuktu while rebels claim they hold the city of Kidal.")
    assert event.location is not None and event.location.name == "Timbuktu"


def test_a_statement_of_a_country_named_as_the_subject_of_two_verbs_is_placed_there():
    events = text_extraction(
        "Venezuela breaks diplomatic relations with Colombia and expels its diplomats."
    ).events
    assert events and all(e.location is not None for e in events)
    assert {e.location.country for e in events} == {"VEN"}


def test_no_event_whose_sentence_names_a_place_is_left_unplaced():
    for text in (
        "Activist Joshua Wong urges Germany to stop military assistance to China.",
        "West African leaders urge the United Nations to authorise force.",
        "The statement drafted by Ireland has been approved by the council.",
        "A reporter is killed by a Syrian sniper while covering clashes.",
    ):
        events = text_extraction(text).events
        assert events, text
        for event in events:
            assert event.location is not None and event.location.geo_precision == 3, text


def test_a_heading_town_places_an_event_its_sentence_puts_only_in_the_country():
    event = _first("Kabul bombing: Gunmen attacked a wedding party in Afghanistan, killing 63.")
    assert event.location is not None and event.location.name == "Kabul"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # ACLED's notes write the village's units after it: the village is where it happened
        (
            "On 3 March 2020, JNIM militants attacked a military post in Boni (Hombori, Mopti).",
            ("Boni", "MLI"),
        ),
        # one bracketed unit, with particles
        (
            "On 18 June 2020, IS members clashed with the SDF in Shuhayl (Deir ez Zor).",
            ("Shuhayl", "SYR"),
        ),
        # a town the gazetteer lacks, placed by any unit in its parentheses
        (
            "On 9 June 2020, the Malian army regained control of Tessit (Ansongo, Gao) from ISGS "
            "militants.",
            ("Tessit", "MLI"),
        ),
        # a compass part of a country is no province elsewhere, a doer's country no place
        (
            "War in North-West Pakistan: A U.S. drone strike kills five militants.",
            ("Pakistan", "PAK"),
        ),
    ],
)
def test_places_as_event_records_and_headings_write_them(text, place):
    event = _first(text)
    assert event.location is not None
    assert (event.location.name, event.location.country) == place


def test_names_listed_before_their_units_lie_in_them_not_in_namesakes_abroad():
    event = _first(
        "On 14 June 2019, militiamen attacked the villages of Sinda and Yoro (Koro, Mopti), "
        "killing 38 civilians."
    )
    assert event.location is not None and event.location.country == "MLI"


def test_the_islamic_states_abbreviation_is_a_party_not_the_verb():
    event = _first("On 18 June 2020, IS members clashed with the SDF in Shuhayl (Deir ez Zor).")
    assert event.actor1 is not None and event.actor1.name == "Islamic State"  # not "is"


def test_a_sentence_naming_no_place_is_in_the_country_the_report_is_about():
    event = _first(
        "2010–2011 Tunisian protests: Thousands of people protest across the country "
        "demanding the resignation of the president."
    )
    assert event.location is not None
    assert (event.location.country, event.location.geo_precision) == ("TUN", 3)
