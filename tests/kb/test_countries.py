"""Countries and their demonyms."""

def test_a_demonym_belongs_to_a_country_of_today():
    from frontlines.mentions.demonyms import demonym_country

    assert demonym_country("Montenegrin") == "MNE"
    assert demonym_country("Serbian") == "SRB"
