"""Mentions and linking on real sentences (written for these tests)."""

from __future__ import annotations

from frontlines.link import link
from frontlines.mentions import find_mentions
from frontlines.normalize import normalize
from frontlines.parse import parse
from frontlines.read import make_document


def _linked(text: str, published: str = "2020-06-05"):
    doc = make_document(text, published=published)
    return link(find_mentions(parse(doc, normalize(doc))))


def _actor_of(linked, text: str) -> str | None:
    start = linked.parsed.doc.text.index(text)
    return linked.actor_at(start, start + len(text))


def test_a_town_the_model_calls_a_person_is_still_a_place():
    linked = _linked("Fighters fled towards Bani Walid after the mayor of Bani Walid spoke.")
    places = [(p.mention.text, p.place.country) for p in linked.places if p.place]
    assert ("Bani Walid", "LBY") in places
    assert all(a.record.name != "Bani Walid" for a in linked.actors.values())


def test_transliterated_name_links_to_the_same_actor():
    linked = _linked(
        "Khalifa Haftar rejected the offer. Hifter's forces later withdrew. Heftar said nothing."
    )
    assert _actor_of(linked, "Haftar") == _actor_of(linked, "Heftar") == "lby-haftar"
    assert _actor_of(linked, "Hifter's forces") == "lby-lna"


def test_translated_government_names_are_one_actor():
    linked = _linked(
        "The Al-Wefaq government said the Accord Government and the government of "
        "national reconciliation are the same, as is the Libyan reconciliation government."
    )
    ids = {
        _actor_of(linked, name)
        for name in (
            "Al-Wefaq government",
            "Accord Government",
            "government of national reconciliation",
            "Libyan reconciliation government",
        )
    }
    assert ids == {"lby-gna"}


def test_the_tripoli_government_is_the_one_of_its_day():
    text = "The Tripoli government said forces of the Tripoli-based government held the airport."
    before = _linked(text, published="2020-06-05")
    after = _linked(text, published="2022-06-05")
    assert _actor_of(before, "Tripoli government") == "lby-gna"
    assert _actor_of(before, "Tripoli-based government") == "lby-gna"
    assert _actor_of(after, "Tripoli government") == "lby-gnu"


def test_demonyms_and_country_names_are_state_actors():
    linked = _linked(
        "Turkish drones struck the base while Egypt and the UAE backed the other side."
    )
    assert _actor_of(linked, "Turkish drones") == "TUR-military"
    assert _actor_of(linked, "Egypt") == "EGY"
    assert _actor_of(linked, "UAE") == "ARE"


def test_unknown_people_are_discovered_and_clustered_by_surname():
    linked = _linked(
        "Nasser Shedeedi reported from the front. Later, Shedeedi added that the road was cut."
    )
    first, second = _actor_of(linked, "Nasser Shedeedi"), _actor_of(linked, "Shedeedi added")
    assert first == second and first.startswith("new-")
    assert linked.actors[first].record.discovered


def test_place_in_the_documents_country_beats_a_bigger_namesake():
    linked = _linked("Clashes erupted in Misrata and Sirte. Tripoli was calm.")
    tripoli = next(p for p in linked.places if p.mention.text == "Tripoli")
    assert tripoli.place.country == "LBY"
    assert abs(tripoli.place.lat - 32.88) < 0.2


def test_transliteration_of_a_town_is_found():
    linked = _linked("The Red Crescent branch of Misurata buried the dead.")
    misurata = next(p for p in linked.places if p.mention.text == "Misurata")
    assert misurata.place.country == "LBY"


def test_acronyms_match_only_in_capitals():
    linked = _linked("IS fighters attacked the town. It is not clear who is in control.")
    assert _actor_of(linked, "IS fighters") == "int-isis"
    assert [a for a in linked.actors if a == "int-isis"] == ["int-isis"]
    assert len(linked.actors["int-isis"].mentions) == 1


def test_parenthesised_acronym_stays_inside_the_mention():
    linked = _linked("The Rapid Support Forces (RSF) shelled the camp.", published="2024-05-12")
    mention = linked.actors["sdn-rsf"].mentions[0]
    assert mention.text == "Rapid Support Forces (RSF)"
