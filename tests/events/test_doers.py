"""The state force a sentence names as the doer of violence its main clause leaves unnamed."""

from __future__ import annotations

from test_acled_actors import _pairs


def test_a_force_acting_in_a_subordinate_clause_is_the_doer():
    (event,) = _pairs("Twelve people are killed after soldiers open fire on protesters in Mandalay.")
    assert event[:2] == ("Excessive force against protesters", "Military Forces of Myanmar")


def test_a_states_adjective_on_a_weapon_makes_its_military_the_doer():
    assert _pairs("Fourteen people are killed by Turkish airstrikes in Idlib, Syria.")[0][1] == (
        "Military Forces of Turkey"
    )
    assert _pairs(
        "Seven civilians are killed in a Syrian government airstrike on a hospital in Idlib."
    )[0][1] == "Military Forces of Syria"


def test_a_target_or_a_reporter_is_not_the_doer():
    # the army base is what was attacked; the police chief only describes the shooting
    assert _pairs(
        "Gunmen kill four people in an attack on an army base in Pattani, Thailand."
    )[0][1] == "Unidentified Armed Group (Thailand)"
    assert _pairs(
        "Two men open fire at a centre in Fresno, California, killing 14 people, in what the "
        "city's police chief described as terrorism."
    )[0][1] == "Unidentified Armed Group (United States)"
