"""Speakers of quotes told by a pronoun after an office or a person named since the last quote,
and speakers named by the office they hold for a party. Sentences written for these tests."""

from __future__ import annotations

from frontlines import extract

PUBLISHED = "2024-03-10"


def _quotes(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    return [
        (q.speaker.name, q.speaker.id, q.speaker.actor, q.text)
        for q in extract(text, published=PUBLISHED).quotes
        if q.direct
    ]


def test_he_after_an_office_named_in_the_paragraph_before_is_that_office():
    quotes = _quotes(
        'The governor of the province spoke to reporters.\n\n"The city is calm now," he said.'
    )
    assert [(name, text) for name, _, _, text in quotes] == [
        ("The governor of the province", "The city is calm now")
    ]


def test_he_is_the_person_named_since_the_last_speaker_not_the_last_speaker():
    quotes = _quotes(
        "Ahmed Mismari said the army was advancing. Later Fayez al-Sarraj arrived in the city."
        '\n\n"We will take the capital within days," he said.'
    )
    assert quotes[0][1] == "lby-sarraj"


def test_he_with_no_one_named_since_is_still_the_last_speaker():
    quotes = _quotes('Ahmed Mismari said the army was advancing. "We will win," he added.')
    assert quotes[0][1] == "new-ahmed-mismari"


def test_a_spokesman_for_a_named_party_speaks_for_it():
    quotes = _quotes(
        'A spokesman for the Libyan National Army said: "The attackers were pushed back."'
    )
    assert quotes[0][2] == "lby-lna"


def test_a_surname_alone_is_the_person_named_in_full_before():
    quotes = _quotes(
        "The UN envoy, Ghassan Salame, warned that the fighting could spread.\n\n"
        '"This is a very dangerous moment," Salame said.'
    )
    assert quotes[0][1] == "new-ghassan-salame"


def test_an_unknown_name_with_a_spokesman_apposition_is_the_speaker_by_name():
    quotes = _quotes(
        "Nureddine Mehmud, the spokesman of the Kurdish militia in the region of Afrin, which "
        'has been under attack since Saturday, said that "Turkish forces have failed".'
    )
    assert quotes[0][:2] == ("Nureddine Mehmud", "new-nureddine-mehmud")


def test_an_office_speaker_is_named_without_the_clause_describing_him():
    quotes = _quotes(
        "The official, who spoke on condition of anonymity because he was not authorized to "
        'brief reporters, said: "The attack was repelled."'
    )
    assert quotes[0][0] == "The official"


def test_single_quote_marks_open_a_direct_quote_but_apostrophes_do_not():
    quotes = _quotes(
        "\u2018We will not give up the city,\u2019 the commander, Ahmed Mismari, told reporters."
    )
    assert [(name, text) for name, _, _, text in quotes] == [
        ("Ahmed Mismari", "We will not give up the city")
    ]
    assert _quotes("The rebels' positions were shelled, Mismari said; the army didn't move.") == []


def test_a_statement_speaks_for_whoever_issued_it():
    quotes = _quotes(
        'The army issued a statement. "All the attackers were killed," the statement said.'
    )
    assert quotes[0][0] == "The army"
    quotes = _quotes(
        '"We will not surrender the city," reads a statement released by the Houthis.'
    )
    assert quotes[0][2] == "yem-houthis"
