"""Places taken that no gazetteer points at, losers read from what the place was, and captures
the parser left without a verb. Sentences written for these tests."""

from __future__ import annotations

from frontlines import extract

PUBLISHED = "2024-03-10"


def _control(text: str) -> list[tuple]:
    return [
        (c.kind, c.place, c.lat is None, c.gained_by, c.lost_by)
        for c in extract(text, published=PUBLISHED).control
    ]


def test_a_named_field_in_no_known_town_is_taken_by_its_name_without_a_point():
    assert _control("Haftar's forces seized the strategic Elephant Field oil field.") == [
        ("captured", "Elephant Field", True, "lby-lna", None)
    ]


def test_the_town_of_an_unknown_name_is_taken_by_that_name_without_a_point():
    changes = _control(
        "Iraqi troops recaptured the town of Dhuluiya in Saladin Province from the Islamic State."
    )
    assert [(kind, place, unplaced) for kind, place, unplaced, _, _ in changes] == [
        ("captured", "Dhuluiya", True)
    ]


def test_one_of_the_strongholds_of_a_side_was_held_by_it():
    changes = _control(
        "Government forces in Yemen captured the town of Sirwah, one of the last strongholds of "
        "the Houthis."
    )
    assert changes[0][4] == "yem-houthis"


def test_retaking_a_place_after_its_capture_by_a_side_takes_it_from_that_side():
    changes = _control(
        "Peshmerga fighters recaptured the town of Sinjar after its capture by the Islamic State."
    )
    assert changes[0][4] == "int-isis"


def test_a_verbless_headline_sentence_has_its_root_noun_as_the_side_that_took_the_place():
    changes = _control(
        "War in Libya: Rebel forces, supported by NATO airstrikes, retake control of Brega."
    )
    assert [kind for kind, *_ in changes] == ["captured"]
    assert changes[0][3] is not None


def test_a_passive_capture_by_a_named_side_takes_the_subject_place():
    assert _control("Kunduz was seized by the Taliban on Monday.") == [
        ("captured", "Kunduz", False, "afg-taliban", None)
    ]


def test_pushing_a_side_out_of_a_town_takes_it_and_pushing_into_enters_it():
    taken = _control("The Taliban pushed government troops out of Kunduz.")
    assert [(kind, place, gained) for kind, place, _, gained, _ in taken] == [
        ("captured", "Kunduz", "afg-taliban")
    ]
    assert [c[0] for c in _control("Afghan army troops pushed into the town of Kunduz.")] == [
        "entered"
    ]


def test_the_city_airport_listed_with_towns_is_taken_with_them():
    places = {
        c[1]
        for c in _control(
            "Fighting continued in Aden. The Houthis said they had taken control of the city's "
            "airport, Zinjibar and Jaar."
        )
    }
    assert "Aden airport" in places and len(places) == 3


def test_announcing_the_capture_of_a_town_is_the_announcer_s_claim():
    changes = extract(
        "The Libyan National Army announced the capture of Gharyan from the Government of "
        "National Accord.",
        published=PUBLISHED,
    ).control
    assert [(c.gained_by, c.lost_by, c.modality) for c in changes] == [
        ("lby-lna", "lby-gna", "claimed")
    ]


def test_according_to_the_state_whose_forces_took_it_is_a_claim_not_to_a_monitor():
    claimed = extract(
        "Russian forces captured the village of Avdiivka, according to the Russian Defence "
        "Ministry.",
        published=PUBLISHED,
    ).control
    assert [c.modality for c in claimed] == ["claimed"]
    reported = extract(
        "The Syrian Army retook the town of Nawa, according to the Syrian Observatory for "
        "Human Rights.",
        published=PUBLISHED,
    ).control
    assert [c.modality for c in reported] == ["asserted"]


def test_a_bare_object_name_read_as_no_place_is_the_report_s_town_by_that_name():
    changes = _control("Syrian Civil War: The Syrian Army retakes Palmyra from ISIL.")
    assert [(kind, gained, lost) for kind, _, _, gained, lost in changes] == [
        ("captured", "SYR-military", "int-isis")
    ]


def test_the_province_a_taken_capital_is_described_by_is_not_taken():
    changes = _control("The Taliban captured Zaranj, the capital of Nimruz Province, on Friday.")
    assert [place for _, place, *_ in changes] == ["Zaranj"]


def test_an_unnamed_facility_near_a_town_is_placed_at_that_town():
    changes = _control("Forces loyal to Khalifa Haftar seized an air base near Sabha.")
    assert [(place, unplaced, gained) for _, place, unplaced, gained, _ in changes] == [
        ("air base near Sabha", False, "lby-lna")
    ]


def test_a_dateline_before_the_subject_is_not_the_side_that_took_the_place():
    changes = _control(
        "TRIPOLI, March 5 (Reuters) - Rebels captured the town of Ajdabiya, a spokesman said."
    )
    assert changes[0][3].startswith("side-")


def test_a_place_where_something_else_was_secured_or_agreed_is_not_taken():
    assert _control("Iraqi forces secured the release of hostages in Mosul.") == []
    assert _control("Government troops reached an agreement with rebels in Juba.") == []
    taken = _control("Separatists took over the airport in Luhansk.")
    assert [kind for kind, *_ in taken] == ["captured"]


def test_a_place_a_side_had_held_says_a_relative_clause_was_taken_from_that_side():
    for text in (
        "The Syrian Army captured the town of Morek, which rebels had held since 2014.",
        "The Syrian Army captured Morek, which had been held by rebels.",
    ):
        changes = _control(text)
        assert changes[0][4] is not None and changes[0][4].startswith("side-")


def test_the_units_in_brackets_after_a_town_are_not_taken_themselves():
    # the style of event records: "Tessit (Ansongo, Gao)" is Tessit, in Ansongo, in Gao
    changes = _control(
        "On 16 April 2020, military forces withdrew from the town of Tessit (Ansongo, Gao)."
    )
    assert [(kind, place) for kind, place, *_ in changes] == [("withdrew", "Tessit")]
