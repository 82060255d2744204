def test_a_country_named_beside_a_name_picks_its_namesake_over_the_focus():
    from frontlines.pipeline import extract

    extraction = extract(
        "Saudi-led coalition airstrikes hit Al Maton district in northwestern Yemen (Al Jawf).",
        published=None,
    )
    assert extraction.events[0].location.country == "YEM"


def test_a_name_no_entry_knows_is_not_a_namesake_of_its_first_word():
    from frontlines.pipeline import extract

    extraction = extract(
        "Al Shabaab militants attacked a military base in Bulo Burde, Hiraan region.",
        published=None,
    )
    location = extraction.events[0].location
    # not the Philippine town of Bulo: the town of the region named, spelled another way
    assert (location.country, location.name, location.text) == ("SOM", "Buulobarde", "Bulo Burde")


def test_a_name_unknown_in_its_unit_is_placed_at_the_unit_as_written():
    from frontlines.pipeline import extract

    extraction = extract(
        "Militants attacked the village of Zwxyqa, Hiraan region, killing two.", published=None
    )
    location = extraction.events[0].location
    assert (location.country, location.name, location.geo_precision) == ("SOM", "Zwxyqa", 3)


def test_a_city_known_abroad_by_its_english_name_beats_a_village_so_named():
    from frontlines.pipeline import extract

    extraction = extract("A man firebombed a cafe in the Cologne main station.", published=None)
    places = [p for p in extraction.places if p.text == "Cologne"]
    assert places and places[0].country == "DEU"  # Köln, not the Italian village of Cologne
