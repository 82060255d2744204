"""The state force a sentence names as the doer of violence its main clause leaves unnamed."""

from __future__ import annotations

from test_acled_actors import _pairs


def test_a_force_acting_in_a_subordinate_clause_is_the_doer():
    (event,) = _pairs(
        "Twelve people are killed after soldiers open fire on protesters in Mandalay."
    )
    assert event[:2] == ("Excessive force against protesters", "Military Forces of Myanmar")


def test_a_states_adjective_on_a_weapon_makes_its_military_the_doer():
    assert _pairs("Fourteen people are killed by Turkish airstrikes in Idlib, Syria.")[0][1] == (
        "Military Forces of Turkey"
    )
    assert (
        _pairs(
            "Seven civilians are killed in a Syrian government airstrike on a hospital in Idlib."
        )[0][1]
        == "Military Forces of Syria"
    )


def test_a_target_or_a_reporter_is_not_the_doer():
    # the army base is what was attacked; the police chief only describes the shooting
    assert (
        _pairs("Gunmen kill four people in an attack on an army base in Pattani, Thailand.")[0][1]
        == "Unidentified Armed Group (Thailand)"
    )
    assert (
        _pairs(
            "Two men open fire at a centre in Fresno, California, killing 14 people, in what the "
            "city's police chief described as terrorism."
        )[0][1]
        == "Unidentified Armed Group (United States)"
    )


def test_soldiers_harmed_are_the_side_attacked_not_the_doer():
    (event,) = _pairs(
        "Eight Egyptian soldiers are killed by a suicide bomber at a checkpoint in Sinai."
    )
    assert event[1:] == ("Unidentified Armed Group (Egypt)", "Military Forces of Egypt")


def test_the_army_that_held_a_town_did_not_take_it():
    (event,) = _pairs("Islamists capture the town of Douentza, previously held by the Malian army.")
    assert event[1] != "Military Forces of Mali"


def test_a_people_is_not_its_states_army():
    assert _pairs("Palestinians fire mortars from Gaza at Ashkelon, Israel.")[0][1] == (
        "Unidentified Armed Group (Palestine)"
    )


def test_a_countrys_adjective_on_its_capital_is_a_place():
    assert (
        _pairs("A series of car bombings around the Iraqi capital, Baghdad, kills 38 people.")[0][1]
        == "Unidentified Armed Group (Iraq)"
    )


def test_forces_named_in_a_strategic_development_are_its_doers():
    assert (
        _pairs(
            "Up to 10,000 soldiers of the Turkish Army advance into northern Iraq, pursuing PKK "
            "militants."
        )[0][1]
        == "Military Forces of Turkey"
    )
    # a rocket stopped where nobody is named: the military of the country it was stopped in
    assert _pairs(
        "A Grad rocket launched from the Gaza Strip is intercepted over Ashkelon, Israel."
    )[0][:2] == ("Disrupted weapons use", "Military Forces of Israel")


def test_the_force_a_modifier_names_owns_the_officers():
    assert _pairs("At least 33 army officers defect to Turkey from Syria.")[0][1] == (
        "Military Forces of Syria"
    )
    assert _pairs("Police officers arrested 12 protesters in Harare, Zimbabwe.")[0][1] == (
        "Police Forces of Zimbabwe"
    )


def test_an_arrest_the_sentence_gives_to_the_military_is_the_militarys():
    assert _pairs("A prominent junta critic is detained by the military in Yangon, Myanmar.")[0][
        :2
    ] == ("Arrests", "Military Forces of Myanmar")


def test_armed_men_a_force_kills_are_the_other_side_of_a_clash():
    assert _pairs("Security forces killed five militants in a raid in Sopore, Kashmir, India.") == [
        ("Armed clash", "Military Forces of India", "Unidentified Armed Group (India)")
    ]


def test_a_number_of_troops_acts_as_the_troops():
    (moved,) = _pairs("Hundreds of Sudanese troops arrive in Aden to reinforce the coalition.")
    assert moved[1] == "Military Forces of Sudan"


def test_a_countrys_name_on_a_weapon_or_after_by_makes_its_military_the_doer():
    (strike,) = _pairs(
        "Six militants are killed in a United States drone attack in North Waziristan."
    )
    assert strike[1] == "Military Forces of United States"
    (yemen,) = _pairs("Ten militants are killed in a drone strike by the United States in Yemen.")
    assert yemen[1] == "Military Forces of United States"
    (syria,) = _pairs("Syrian government airstrikes kill 25 people near Damascus.")
    assert syria[1] == "Military Forces of Syria"


def test_a_car_bomb_is_no_countrys_weapon():
    (bomb,) = _pairs("A car bombing in Salamiyeh, Syria kills over 30 people.")[:1]
    assert bomb[1] == "Unidentified Armed Group (Syria)"


def test_a_force_that_stops_the_attacker_is_not_the_attacks_doer():
    (attack,) = _pairs(
        "A man stabs three shoppers in a supermarket in Lyon, France, before police shoot"
        " the attacker dead."
    )[:1]
    assert attack[1] == "Unidentified Armed Group (France)"


def test_an_x_led_weapon_is_the_coalition_x_leads():
    (strike,) = _pairs("Twelve people are killed in Saudi-led airstrikes in Saada, Yemen.")[:1]
    assert strike[1] == "Saudi-led Coalition"
