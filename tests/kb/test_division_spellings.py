"""Spellings that conflict reporting uses for first-level divisions, beyond the packages' own
names and alternate names (region_names.yaml; sentences written for these tests)."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("spelling", "country", "division"),
    [
        ("Lower Shabelle", "SOM", "Shabeellaha Hoose"),
        ("Middle Shabelle", "SOM", "Shabeellaha Dhexe"),
        ("Benadir", "SOM", "Banaadir"),
        ("Baluchistan", "PAK", "Balochistan"),
        ("KPK", "PAK", "Khyber Pakhtunkhwa"),
        ("North-West Frontier Province", "PAK", "Khyber Pakhtunkhwa"),
        ("Karen State", "MMR", "Kayin"),
        ("Arakan", "MMR", "Rakhine"),
        ("Karenni", "MMR", "Kayah"),
        ("Maidan Wardak", "AFG", "Wardak"),
        ("Salahuddin", "IRQ", "Şalāḩ ad Dīn"),
        ("Deir al-Zour", "SYR", "Dayr az Zawr"),
        ("Hasaka", "SYR", "Al Ḩasakah"),
        ("Sweida", "SYR", "As Suwaydā'"),
        ("Hadramout", "YEM", "Ḩaḑramawt"),
        ("Hodeidah", "YEM", "Al Ḩudaydah"),
        ("Timbuktu", "MLI", "Tombouctou"),
        ("Centre-North", "BFA", "Centre-Nord"),
        ("Cape Delgado", "MOZ", "Cabo Delgado"),
        ("Extreme North", "CMR", "Far North"),
        ("Zaporozhye", "UKR", "Zaporizka oblast"),
        ("Kharkov", "UKR", "Kharkivska oblast"),
        ("Khan Younis", "PSE", "Khan Yunis"),
    ],
)
def test_spelling_resolves_to_the_division(spelling: str, country: str, division: str) -> None:
    regions = [p for p in gazetteer.lookup(spelling) if p.feature == "region"]
    assert [(p.country, p.name) for p in regions] == [(country, division)]
    assert gazetteer.is_known_place(spelling)


def test_names_that_are_mostly_something_else_are_not_divisions() -> None:
    assert not any(p.feature == "region" for p in gazetteer.lookup("Karen"))
    assert not any(p.feature == "region" for p in gazetteer.lookup("Tamim"))


def test_a_report_places_the_division_it_names() -> None:
    places = _places("Gunmen from al-Shabaab stormed an army post in Lower Shabelle overnight.")
    place = places["Lower Shabelle"]
    assert place is not None
    assert (place.country, place.feature) == ("SOM", "region")
