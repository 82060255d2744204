"""The conflict picture's readings added for real reports: relations told inside a noun
phrase, fights as oppositions, facilities and held places, and quotes introduced across a
paragraph or set inside reported speech. Sentences written for these tests."""

from __future__ import annotations

from frontlines import extract

PUBLISHED = "2024-03-10"  # a Sunday


def _relations(text: str) -> set[tuple[str, str, str]]:
    return {(r.source, r.kind, r.target) for r in extract(text, published=PUBLISHED).relations}


def _control(text: str) -> list[tuple]:
    return [
        (c.kind, c.place, c.gained_by, c.lost_by, c.modality)
        for c in extract(text, published=PUBLISHED).control
    ]


def test_the_x_backed_y_supports_even_when_the_parse_takes_it_for_a_verb():
    assert ("TUR", "supports", "lby-gna") in _relations(
        "Turkish-backed GNA forces seized the town of Gharyan on Monday."
    )


def test_a_force_loyal_to_a_person_by_name_is_commanded_and_forces_loyal_to_him_are_his():
    named = _relations(
        "The eastern-based Libyan National Army loyal to Field Marshal Khalifa Haftar "
        "recaptured the town of Gharyan."
    )
    assert ("lby-haftar", "commands", "lby-lna") in named
    plain = _relations("Forces loyal to Khalifa Haftar shelled the town of Gharyan.")
    assert not any(kind == "commands" for _, kind, _ in plain)


def test_a_fight_between_two_named_sides_is_an_opposition():
    assert ("afg-taliban", "opposes", "afg-nrf") in _relations(
        "Clashes between the Taliban and the Panjshir resistance continued."
    )
    assert ("som-al-shabaab", "opposes", "int-amisom") in _relations(
        "Al-Shabaab fighters clashed with AMISOM troops near Afgooye."
    )


def test_a_place_taken_from_a_side_that_held_it_names_the_loser_and_an_opposition():
    text = "GNA forces entered the LNA-held city of Sirte on Monday."
    assert _control(text) == [("entered", "Sirte", "lby-gna", "lby-lna", "asserted")]
    assert ("lby-gna", "opposes", "lby-lna") in _relations(text)


def test_a_claim_by_the_side_that_took_the_place_and_the_side_it_fought():
    changes = _control(
        "The Houthis said they had captured the Nihm district after fierce fighting with "
        "government forces."
    )
    assert changes == [("captured", "Nihm", "yem-houthis", "YEM-military", "claimed")]


def test_a_facility_no_gazetteer_names_is_placed_at_its_town():
    changes = extract(
        "In Libya, Wagner fighters left Bani Walid airport on three planes.", published=PUBLISHED
    ).control
    assert [(c.kind, c.place) for c in changes] == [("withdrew", "Bani Walid airport")]
    assert abs(changes[0].lat - 31.76) < 0.2 and abs(changes[0].lon - 13.99) < 0.2


def test_a_quote_opening_the_paragraph_after_a_colon_is_the_introducing_speakers():
    text = (
        "Ahmed Al-Mismari, the spokesman of the Libyan National Army, told Al Arabiya "
        "television on Sunday:\n\n\u201cOur forces have withdrawn from the city to spare "
        "civilians.\u201d\n"
    )
    quotes = extract(text, published=PUBLISHED).quotes
    assert [(q.speaker.name, q.speaker.role, q.speaker.actor) for q in quotes if q.direct] == [
        ("Ahmed Al-Mismari", "spokesman", "lby-lna")
    ]


def test_a_few_quoted_words_inside_what_a_named_speaker_says_are_a_quote():
    quotes = extract(
        'The UN envoy, Augustine Mahiga, says the situation remains "dire" in the south.',
        published=PUBLISHED,
    ).quotes
    assert any(q.direct and q.text == "dire" and q.speaker.name for q in quotes)
    scare = extract('Rebels entered the "safe zone" at night.', published=PUBLISHED).quotes
    assert not [q for q in scare if q.direct]


def test_a_town_heading_a_facility_names_the_facility_taken_not_the_town():
    changes = extract(
        "Government forces backed by the Arab coalition captured Marib Dam.", published=PUBLISHED
    ).control
    assert [c.place for c in changes] == ["Marib Dam"]
