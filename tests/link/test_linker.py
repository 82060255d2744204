

def test_a_country_named_beside_a_name_picks_its_namesake_over_the_focus():
    from frontlines.pipeline import extract

    extraction = extract(
        "Saudi-led coalition airstrikes hit Al Maton district in northwestern Yemen (Al Jawf).",
        published=None,
    )
    assert extraction.events[0].location.country == "YEM"
