"""The units a report joins to a place name decide among its namesakes."""

from __future__ import annotations

from conftest import text_extraction

from frontlines.link.country_words import admin_chain, within_named_units


def test_the_units_joined_to_a_name_are_read_finest_first():
    chain = admin_chain(", Ituri Province, Democratic Republic of the Congo, on Monday")
    assert [link[0].country for link in chain] == ["COD", "COD"]
    assert admin_chain(" and Gao") == []


def test_a_list_of_names_is_no_chain_of_units():
    from frontlines.kb.gazetteer import lookup

    towns = lookup("Copenhagen")
    assert within_named_units(towns, ", Hamburg, Brasoc and Mannheim")[0] == towns


def test_a_village_unknown_in_the_named_province_is_placed_at_the_province():
    events = text_extraction(
        "Russian forces shelled positions near Kamianka, Donetsk Oblast, on Tuesday.",
        published="2023-03-01",
    ).events
    assert events and events[0].location is not None
    assert events[0].location.admin1 == "Donetska oblast"
    assert events[0].location.geo_precision == 3
    assert events[0].location.name == "Kamianka"  # its name as written, at the unit's point


def test_a_name_after_a_settlement_noun_is_a_place_and_a_fragment_is_none():
    events = text_extraction(
        "200,000 people flee intense fighting in Syria's largest city Aleppo.", "2012-08-01"
    ).events
    assert events and events[0].location is not None and events[0].location.name == "Aleppo"
    result = text_extraction(
        "The Houthis fire a missile at the Al-Yamamah Palace in the Saudi capital of Riyadh.",
        "2017-12-19",
    )
    assert all(p.name != "Ål" for p in result.places)


def test_a_country_after_a_comma_rules_out_namesakes_elsewhere():
    from frontlines.kb.gazetteer import lookup

    towns = lookup("Moyale")  # only the Kenyan town has an entry
    kept, units = within_named_units(towns, ", Ethiopia, killing three people")
    assert kept == [] and units[-1].country == "ETH"
    kept, units = within_named_units(lookup("Boni"), ", Mopti, Mali.")
    assert kept == [] and [u.country for u in units] == ["MLI", "MLI"]


def test_a_country_in_a_list_or_a_state_after_a_town_is_no_holder():
    from frontlines.kb.gazetteer import lookup

    islands = lookup("Saipan")
    assert within_named_units(islands, ", Guam, Alaska, Hawaii")[0] == islands
    atlanta = lookup("Atlanta")
    assert within_named_units(atlanta, ", Georgia on Sunday")[0] == atlanta
    states = lookup("Colorado")
    assert within_named_units(states, ", Georgia, Idaho")[0] == states


def test_a_village_unknown_in_the_named_country_keeps_its_name_at_the_country():
    events = text_extraction("A grenade exploded in Moyale, Ethiopia, killing three people.").events
    assert events and events[0].location is not None
    assert (events[0].location.name, events[0].location.country) == ("Moyale", "ETH")
    assert events[0].location.geo_precision == 3


def test_an_unknown_village_said_to_be_in_a_country_is_not_placed_at_a_town_abroad():
    events = text_extraction(
        "Protests in Chicago continued. The Syrian army bombed a gas station in the town of "
        "Ain Issa in northern Syria, killing 30."
    ).events
    strike = [e for e in events if e.location and e.location.name == "Ain Issa"]
    assert strike and strike[0].location.country == "SYR"


def test_the_names_own_unit_word_stands_before_its_bracketed_units():
    events = text_extraction(
        "On 15 May 2020, ADF militants killed 8 civilians in Beni territory (Nord-Kivu).",
        published="2020-06-01",
    ).events
    assert events and events[0].location is not None
    assert events[0].location.country == "COD"


def test_the_ends_of_a_road_are_places_whatever_the_tagger_called_them():
    events = text_extraction(
        "On 12 April 2020, an IED exploded on the road between Gao and Ansongo, killing "
        "2 soldiers.",
        published="2020-06-01",
    ).events
    assert events and events[0].location is not None
    assert (events[0].location.name, events[0].location.country) == ("Gao", "MLI")


def test_a_unit_read_short_of_its_number_and_one_outside_the_wider_unit_are_dropped():
    chain = admin_chain(" (North 24 Parganas, West Bengal), injuring 5.")
    assert [{u.country for u in link} for link in chain] == [{"IND"}]
    events = text_extraction(
        "On 4 February 2020, party supporters clashed in Bhatpara (North 24 Parganas, "
        "West Bengal), injuring 5.",
        published="2020-03-01",
    ).events
    assert events and events[0].location is not None
    assert events[0].location.country == "IND"
