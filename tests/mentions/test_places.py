"""Place mentions, the gazetteer's divisions and the choice among namesakes (sentences written
for these tests)."""

from __future__ import annotations

from frontlines.kb import gazetteer
from frontlines.link import link
from frontlines.mentions import find_mentions
from frontlines.normalize import normalize
from frontlines.parse import parse
from frontlines.read import make_document


def _places(text: str) -> dict[str, gazetteer.Place | None]:
    doc = make_document(text, published="2021-03-02")
    linked = link(find_mentions(parse(doc, normalize(doc))))
    return {p.mention.text: p.place for p in linked.places}


def test_first_level_divisions_have_coordinates_and_aliases():
    [tamil_nadu] = [p for p in gazetteer.lookup("Tamil Nadu") if p.feature == "region"]
    assert tamil_nadu.country == "IND"
    assert abs(tamil_nadu.lat - 11.0) < 1.5 and abs(tamil_nadu.lon - 78.5) < 1.5
    assert any(p.feature == "region" for p in gazetteer.lookup("Colombie-Britannique"))
    assert [p.name for p in gazetteer.lookup("Benue State")] == ["Benue"]


def test_second_level_divisions_are_found_by_what_the_text_calls_them():
    walkers = gazetteer.lookup("Walker County")
    assert walkers and all(p.feature == "county" and p.country == "USA" for p in walkers)
    assert "Georgia" in {p.admin1 for p in walkers}
    [guma] = gazetteer.lookup("Guma LGA")
    assert (guma.country, guma.admin1) == ("NGA", "Benue")
    assert not any(p.feature == "county" for p in gazetteer.lookup("Guma"))


def test_supplement_features_carry_the_division_they_are_in():
    [zamzam] = gazetteer.lookup("Zamzam Camp")
    assert zamzam.admin1 == "North Darfur"


def test_towns_carry_their_first_level_division():
    idlib = [p for p in gazetteer.lookup("Idlib") if p.feature == "city"]
    assert idlib and idlib[0].admin1 == "Idlib"
    sirte = [p for p in gazetteer.lookup("Sirte") if p.country == "LBY" and p.feature == "city"]
    assert sirte and sirte[0].admin1


def test_a_country_beats_a_namesake_town_and_abbreviations_count():
    places = _places("China and the US traded accusations while officials in Beijing waited.")
    assert places["China"].feature == "country"
    assert places["US"].country == "USA" and places["US"].feature == "country"


def test_a_national_capital_beats_a_state_of_the_same_name():
    places = _places("Officials in Washington and Ohio said the talks failed.")
    assert places["Washington"].capital
    assert abs(places["Washington"].lon + 77.0) < 0.5


def test_town_comma_state_chooses_the_town_in_that_state():
    places = _places(
        "She grew up in Lexington, Massachusetts, before moving to Tacoma, Washington."
    )
    assert places["Lexington"].admin1 == "Massachusetts"
    assert places["Washington"].feature == "region"


def test_a_nation_within_a_country_is_the_division_not_the_country():
    places = _places("Rain fell across Wales on Sunday.")
    assert places["Wales"].feature == "region"


def test_oceans_and_world_regions_beat_namesake_towns():
    places = _places("Storms formed over the Atlantic while talks on the Middle East stalled.")
    assert places["Atlantic"].feature == "sea"
    assert places["Middle East"].feature == "area"


def test_region_adjectives_are_modifiers_and_state_abbreviations_resolve():
    places = _places("European ministers met. The sheriff of Walker County (Ga.) spoke.")
    assert places["European"].name == "Europe"
    assert places["Ga."].name == "Georgia" and places["Ga."].country == "USA"


def test_names_listed_with_places_are_places():
    places = _places("Buses leave from Gloucester and Cheltenham every hour.")
    assert places["Cheltenham"].country == "GBR"


def test_a_town_that_ground_is_taken_in_is_a_place_whatever_the_tagger_says():
    # The small model tags such towns PERSON, NORP or PRODUCT when they stand as an object.
    places = _places("Government troops recaptured Gao from the rebels on Sunday.")
    assert places["Gao"].country == "MLI"
    places = _places("M23 fighters overran Rutshuru, and artillery shelled Kramatorsk.")
    assert places["Rutshuru"].country == "COD"
    assert places["Kramatorsk"].country == "UKR"
    places = _places("Police arrested Mohamed Gao, a trader, at the market in Bamako.")
    assert "Gao" not in places  # a man's surname, not what ground is taken in


def test_a_persons_surname_is_not_a_town():
    places = _places(
        "Defence secretary John Kelly arrived in Kabul. Kelly said the talks would continue."
    )
    assert "Kabul" in places
    assert "Kelly" not in places


def test_streets_and_buildings_lie_in_the_town_named_with_them():
    places = _places(
        "Protesters gathered in Kandahar on Friday. They marched down Charsoo Road to the "
        "Mirwais Regional Hospital, and later to the Aino Mina Market, Kabul."
    )
    kandahar = places["Kandahar"]
    assert (places["Charsoo Road"].lat, places["Charsoo Road"].lon) == (kandahar.lat, kandahar.lon)
    assert places["Mirwais Regional Hospital"].feature == "landmark"
    assert places["Aino Mina Market"].lat == places["Kabul"].lat


def test_a_street_in_no_named_town_is_left_out():
    assert "Charsoo Road" not in _places("They marched down Charsoo Road on Friday.")


def test_acronyms_do_not_match_towns_by_their_codes():
    places = _places("The TTC said service in Toronto would resume.")
    assert places.get("TTC") is None


def test_a_dateline_in_capitals_is_still_the_town():
    places = _places("KABUL - Gunmen attacked a checkpoint in Kabul on Monday, police said.")
    assert places["KABUL"].country == "AFG"


def test_a_place_said_to_lie_in_a_country_is_not_a_namesake_abroad():
    places = _places("Fighters took control of the town of Boni in central Mali on Sunday.")
    assert places["Boni"] is None or places["Boni"].country == "MLI"
    assert _places("Fighters took control of Gao in Burkina Faso.")["Gao"].country == "BFA"


def test_a_lone_name_is_its_own_town_not_a_bigger_town_known_by_it():
    assert _places("The militants retreated towards Gao after the battle.")["Gao"].country == "MLI"


def test_a_direction_word_between_preposition_and_name_keeps_it_a_place():
    places = _places("Clashes erupted in northern Omdurman on Wednesday.")
    assert places["Omdurman"].country == "SDN"


def test_hyphenated_countries_and_demonyms_are_places():
    places = _places("The Saudi-led coalition shelled villages near the Iraqi-Iranian border.")
    assert places["Saudi"].country == "SAU"
    assert places["Iraqi"].country == "IRQ" and places["Iranian"].country == "IRN"
    assert "Guinea" not in _places("Troops from Guinea-Bissau arrived in Bamako.")


def test_a_division_named_by_what_it_is_and_towns_listed_with_other_towns():
    places = _places("Soldiers paraded in Damaturu Yobe State on Monday.")
    assert places["Yobe State"].feature == "region" and places["Yobe State"].country == "NGA"
    places = _places("Rebels shelled Kidal and other towns in the north.")
    assert places["Kidal"].country == "MLI"


def test_a_namesake_in_a_state_the_report_names_and_a_state_listed_with_states():
    places = _places("Officials in Ohio said a tornado struck Springfield on Sunday.")
    assert places["Springfield"].admin1 == "Ohio"
    places = _places("Wildfires burned across Oregon, Idaho and Washington this week.")
    assert places["Washington"].feature == "region"


def test_a_first_name_is_not_a_town_and_a_country_holds_no_country():
    places = _places("Boyd Tinsley played in Denver. Fans followed Boyd's career from the start.")
    assert "Boyd" not in places and places["Denver"].country == "USA"
    places = _places("The base held by the US in northern Iraq was shelled again.")
    assert places["US"].feature == "country"


def test_a_cape_is_not_the_town_it_shares_a_name_with_and_abbreviations_follow_the_country():
    places = _places("The expedition reached Cape Adare after a storm near the coast.")
    assert not any(p is not None and p.name == "Adare" for p in places.values())
    places = _places("Bushfires spread across WA as firefighters in Perth and Sydney rested.")
    assert places["WA"].name == "Western Australia"


def test_airports_come_from_the_airport_package_by_their_names_in_the_news():
    places = _places("Flights from Benina airport resumed, officials in Benghazi said.")
    assert places["Benina airport"].feature == "airport"
    assert places["Benina airport"].country == "LBY"
    places = _places("Crowds gathered at Kabul airport as the last flights left.")
    assert places["Kabul airport"].feature == "airport" and places["Kabul airport"].admin1
    assert [p.feature for p in gazetteer.lookup("Tripoli") if p.feature == "airport"] == []


def test_a_big_city_tagged_as_an_organisation_is_still_a_place():
    places = _places("Engineers said work would start soon to improve Guadalajara's water supply.")
    assert places["Guadalajara"].country == "MEX"


def test_the_town_after_a_named_building_is_a_place():
    places = _places("Guests met at the Kingsley Hotel, Boyle, on Friday.")
    assert places["Boyle"].country == "IRL"


def test_a_repeated_name_votes_once_for_the_report_s_country():
    text = (  # a name repeated seven times does not outvote three places named once
        " ".join(f"Her sister in Toronto called {n} times." for n in range(7))
        + " Residents of Cape Town and Stellenbosch in the Western Cape complained."
    )
    doc = make_document(text, published="2021-03-02")
    assert link(find_mentions(parse(doc, normalize(doc)))).focus_country == "ZAF"


def test_a_town_placed_in_its_country_once_stays_there_when_named_alone():
    from frontlines import extract

    result = extract(
        "Jihadists took the town of Boni in central Mali on Sunday. Residents said Boni had "
        "been besieged for months, and food in Boni ran out in August.",
        published="2022-09-20",
    )
    bonis = [p for p in result.places if p.text == "Boni"]
    assert len(bonis) == 3
    assert all(p.country in (None, "MLI") for p in bonis)


def test_a_place_no_gazetteer_knows_lies_at_the_town_named_with_it():
    places = _places("Gunmen opened fire at Dhuurcaleed, a hamlet outside Baidoa, on Monday.")
    hamlet, baidoa = places["Dhuurcaleed"], places["Baidoa"]
    assert hamlet.feature == "unresolved" and hamlet.name == "Dhuurcaleed"
    assert (hamlet.lat, hamlet.lon, hamlet.country) == (baidoa.lat, baidoa.lon, "SOM")
    crossing = _places("Refugees reached the border town of Kisoro. They crossed at Bunagana.")
    assert crossing["Bunagana"].lat == crossing["Kisoro"].lat


def test_an_unknown_place_in_no_named_town_takes_the_point_of_the_country_it_is_in():
    places = _places("Two soldiers were wounded near Tuulo Barwaaqo in Somalia.")
    village, somalia = places["Tuulo Barwaaqo"], places["Somalia"]
    assert village.feature == "unresolved_region" and village.name == "Tuulo Barwaaqo"
    assert (village.lat, village.lon, village.country) == (somalia.lat, somalia.lon, "SOM")


def test_acronyms_people_and_institutions_are_not_unknown_places():
    places = _places(
        "Police in Kandahar said Ahmad Shah was arrested at his home. The minister told "
        "Parliament that officials of the MoD met in Kabul."
    )
    assert "Ahmad Shah" not in places and "Parliament" not in places
    assert places.get("MoD") is None


def test_numbered_roads_lie_at_the_town_named_with_them_and_weapons_are_not_roads():
    places = _places(
        "A lorry overturned on the A96 at Huntly on Tuesday. Diversions run via the B9002 "
        "and A97. Soldiers carried the M16 rifle."
    )
    huntly = places["Huntly"]
    assert places["A96"].feature == "landmark" and places["A96"].lat == huntly.lat
    assert places["B9002"].lat == huntly.lat and "A97" in places
    assert "M16" not in places


def test_an_unknown_name_needs_words_that_make_it_a_place():
    places = _places(
        "Wavemill will use the loan to build a plant. Mr Okafor said Wavemill expects growth. "
        "Later the convoy arrived in Dhuurcaleed from Baidoa."
    )
    assert "Wavemill" not in places and "Mr" not in places
    assert places["Dhuurcaleed"].lat == places["Baidoa"].lat


def test_a_national_capital_abroad_is_found_by_its_other_names():
    places = _places("The ambassador of Armenia met officials in the Vatican on Monday.")
    assert places["Vatican"] is not None and places["Vatican"].country == "VAT"


def test_two_names_before_a_plural_street_word_are_both_streets():
    places = _places("In Nairobi, a bus crashed at the corner of Kimathi and Koinange streets.")
    assert places["Kimathi"].feature == "landmark"
    assert places["Koinange"].lat == places["Nairobi"].lat


def test_taking_an_unknown_village_hands_over_neither_it_nor_its_province():
    from frontlines import extract

    result = extract(
        "The army liberated the village of Dhuurcaleed in the Bay region on Monday.",
        published="2023-05-10",
    )
    # taken by the name the text gives, with no point: neither the village's borrowed point
    # nor its province is handed over (relate.unplaced)
    assert [(c.place, c.lat, c.lon) for c in result.control] == [("Dhuurcaleed", None, None)]
    [village] = [p for p in result.places if p.text == "Dhuurcaleed"]
    assert village.feature in {"unresolved", "unresolved_region"} and village.country == "SOM"


def test_an_unknown_name_followed_by_region_is_a_division_not_a_part_of_the_town():
    places = _places("Soldiers were killed near Afgooye in the Shabelle region on Monday.")
    region = places["Shabelle"]  # the river's valley, no division of its own
    assert region.feature == "unresolved_region" and region.lat == places["Afgooye"].lat


def test_an_actor_alias_inside_a_place_name_does_not_hide_the_place():
    places = _places("Police in Bellmore said the ferry to Fire Island was cancelled.")
    assert places["Fire Island"].lat == places["Bellmore"].lat


def test_a_street_lies_in_the_town_named_inside_an_organisation_s_name():
    places = _places(
        "Officers of the Calgary Police Service were called to a house on Elbow Drive late "
        "on Friday. Nobody was hurt."
    )
    drive = places["Elbow Drive"]
    assert drive.country == "CAN" and abs(drive.lat - 51.05) < 0.3 and abs(drive.lon + 114.07) < 0.3
    assert "Calgary" not in places  # part of a name, not where anything happened


def test_a_square_tagged_as_a_facility_and_a_demonym_s_quarter_are_parts_of_the_town():
    places = _places(
        "Crowds gathered in the French Quarter of New Orleans on Sunday, and a brass band "
        "played in Jackson Square until dark."
    )
    quarter = places["French Quarter"]
    assert quarter.country == "USA" and abs(quarter.lat - 29.95) < 0.3
    assert "French" not in places


def test_a_name_that_begins_with_what_it_is_lies_in_the_town_named_with_it():
    places = _places(
        "Delegates met at the Palais des Nations in Geneva, and later dined in a cafe on "
        "Rue du Rhone."
    )
    palais = places["Palais des Nations"]
    assert palais.feature == "landmark" and palais.country == "CHE"
    assert abs(palais.lat - 46.2) < 0.2


def test_a_famous_landmark_is_found_where_it_is_without_its_town():
    places = _places("Thousands of worshippers prayed at the Al-Aqsa Mosque on Friday.")
    aqsa = places["Al-Aqsa Mosque"]
    assert aqsa.feature == "landmark" and abs(aqsa.lat - 31.78) < 0.05
    places = _places("The Raiders of Ohio flew their fans to Disney World for the final.")
    assert places["Disney World"].country == "USA"
    assert places["Ohio"].feature == "region"  # the landmark does not decide the country


def test_a_list_said_to_be_of_states_makes_a_capital_s_name_the_state():
    places = _places(
        "Tech firms are moving jobs out of western states such as California or Washington "
        "because housing costs too much."
    )
    assert places["Washington"].feature == "region" and places["Washington"].lon < -115


def test_a_town_in_a_county_the_report_names_beats_a_bigger_namesake():
    places = _places(
        "HORRY COUNTY, SC - A shelter in Garden City took in forty dogs after the storm, "
        "volunteers said."
    )
    assert abs(places["Garden City"].lat - 33.6) < 0.3


def test_the_report_s_own_country_by_its_initials_or_its_formal_name():
    places = _places(
        "South Africa's platinum belt lies north of Rustenburg. Few places in SA hold such "
        "reserves, and mining firms in South Africa say so."
    )
    assert places["SA"].country == "ZAF" and places["SA"].feature == "country"
    places = _places(
        "Iran raised its exports to Iraq this year. The Islamic Republic's traders sold more "
        "steel in Iran's neighbour than ever."
    )
    assert places["Islamic Republic"].country == "IRN"


def test_the_division_written_after_an_unknown_village_places_it():
    from frontlines.pipeline import extract

    extraction = extract(
        "On 3 March 2021, in Kalehe (South Kivu), two women were raped by unidentified armed "
        "men while working in their fields.",
        published=None,
    )
    event = extraction.events[0]
    assert event.location.country == "COD" and event.location.name == "Kalehe"
    assert event.actor1.name == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_places_an_event_record_gives_with_their_division_are_found():
    from frontlines.pipeline import extract

    extraction = extract(
        "On 2 April 2021, unidentified gunmen ambushed a convoy between Ouo and Sideradougou "
        "(Comoe), killing four soldiers.",
        published=None,
    )
    names = [p.text for p in extraction.places]
    assert names[:3] == ["Ouo", "Sideradougou", "Comoe"]
    assert extraction.events[0].location is not None


def test_a_name_with_its_division_word_is_the_division():
    from frontlines.pipeline import extract

    extraction = extract(
        "Houthi forces and pro-government forces clashed northeast of Al Husha district "
        "(Al Husha, Ad Dali). No fatalities were reported.",
        published=None,
    )
    districts = [p for p in extraction.places if p.text == "Al Husha district"]
    assert districts and districts[0].country == "YEM" and districts[0].feature == "county"
    assert extraction.events[0].location.country == "YEM"


def test_a_town_written_with_its_article_and_a_province_alias_after_it():
    from frontlines.pipeline import extract

    extraction = extract(
        "On 2 April 2020, a Russian airstrike hit Maarrat an Numan, Idleb, killing three.",
        published=None,
    )
    texts = {p.text: p.country for p in extraction.places}
    assert texts.get("Maarrat an Numan") == "SYR" and texts.get("Idleb") == "SYR"
    assert extraction.events[0].location.text == "Maarrat an Numan"


def test_a_place_name_the_tagger_cut_short_is_completed_by_the_gazetteer():
    from frontlines.pipeline import extract

    extraction = extract(
        "Ukrainian government forces have recaptured the town of Krasnyi Luch from insurgents.",
        published=None,
    )
    assert any(p.text == "Krasnyi Luch" and p.country == "UKR" for p in extraction.places)


def test_a_town_run_into_its_province_is_a_place_not_a_party():
    from frontlines.pipeline import extract

    extraction = extract(
        "Iraqi government forces recapture the town of Dhuluiya in Saladin Province from ISIL.",
        published=None,
    )
    assert not any("Dhuluiya" in a.name for a in extraction.actors)
    assert extraction.events[0].location.text == "Dhuluiya"


def test_a_country_name_the_tagger_split_in_two_is_one_place():
    from frontlines.pipeline import extract

    extraction = extract(
        "Militants kill at least 62 civilians in a series of massacres in eastern "
        "Democratic Republic of the Congo as killings intensify.",
        published=None,
    )
    assert extraction.events[0].location.country == "COD"


def test_a_town_with_an_apostrophe_tagged_an_adverb_is_still_a_place():
    from conftest import text_extraction

    places = text_extraction("Thousands of protesters gather in Sana'a calling for reform.").places
    assert any(p.text == "Sana'a" and p.country == "YEM" for p in places)


def test_a_known_word_inside_an_unknown_name_is_not_the_place():
    # "Puli" (Taiwan), "Villé" (France), "Valhermoso" (Spain): parts of one name of elsewhere
    places = _places("A car bomb exploded in Puli Alam, Logar Province, killing 17 people.")
    assert all(p is None or p.country == "AFG" for p in places.values())
    places = _places("The president was shot dead at his home in Pétion-Ville.")
    assert all(p is None or p.country != "FRA" for p in places.values())
    places = _places("Seven people were shot at a residence in Valhermoso Springs, Alabama.")
    assert all(p is None or p.country == "USA" for p in places.values())


def test_titles_valleys_and_compass_words_inside_names_are_not_towns():
    places = _places("Militants razed Saint Elijah's Monastery near the Iraqi city of Mosul.")
    assert "Saint" not in places and places["Mosul"].country == "IRQ"
    places = _places("Two bomb attacks killed nine people in north west Pakistan.")
    assert all(p is None or p.country == "PAK" for p in places.values())


def test_a_district_no_entry_holds_is_found_at_its_town():
    places = _places("An airstrike hit a depot in Abu Kamal District, Syria.")
    assert places["Abu Kamal District"].country == "SYR"


def test_names_before_an_event_noun_and_after_through_are_places():
    assert _places("Beni massacre: at least 64 people are killed.")["Beni"] is not None
    places = _places("Thousands of people march through central Sanaa.")
    assert places["Sanaa"].country == "YEM"
    text = "Prisoners in the jail of the Yemeni capital Sana'a take part in demonstrations."
    assert _places(text)["Sana'a"].country == "YEM"


def test_places_joined_where_the_words_say_places_are_places_not_a_party():
    places = _places("French and Malian troops retake Diabaly and Douentza as the rebels retreat.")
    assert places["Douentza"].country == "MLI"
    places = _places("Gunmen attacked the Nigerian towns of Kukawa and Musarram.")
    assert places["Kukawa"].country == "NGA"


def test_a_name_begun_at_a_particle_and_demonyms_and_faiths_are_read_right():
    places = _places("Troops captured a stronghold in the mostly Muslim Lanao del Sur province.")
    assert any(p is not None and p.country == "PHL" for p in places.values())
    assert all(p is None or p.country != "OMN" for p in places.values())
    assert _places("A man was shot near the Gazan border.")["Gazan"].country == "PSE"
    assert "Christian" not in _places("Bombs exploded near a Christian service in Kano.")
