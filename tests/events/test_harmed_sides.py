"""Who a report says was harmed, and who is not the doer, as ACLED names them."""

from __future__ import annotations

from test_acled_actors import _pairs


def test_police_killed_among_others_are_the_side_harmed():
    (event,) = _pairs(
        "A gunman opens fire in Dar es Salaam, Tanzania, killing three policemen and a guard."
    )
    assert event[2] == "Police Forces of Tanzania"


def test_a_post_attacked_is_its_forces():
    assert _pairs(
        "A car bomb detonates outside a police station in Nairobi, Kenya, killing 4 people."
    )[0][2] == ("Police Forces of Kenya")
    assert _pairs("A suicide car bomber detonates at a checkpoint in Mogadishu, Somalia.")[0][
        2
    ] == ("Military Forces of Somalia")


def test_a_soldier_of_another_state_harmed_is_that_states_military():
    (event,) = _pairs("A Russian major general is killed by a roadside bomb in Deir ez-Zor, Syria.")
    assert event[2] == "Military Forces of Russia"


def test_civilians_said_so_stay_civilians():
    (event,) = _pairs("A car bomb kills five civilians near a checkpoint in Baghdad, Iraq.")
    assert event[2] == "Civilians (Iraq)"


def test_a_state_named_in_another_clause_is_not_the_doer():
    (event, *_) = _pairs(
        "A police officer is wounded after a grenade attack in Benghazi, Libya, as Italy "
        "announces the withdrawal of its consulate."
    )
    assert event[1] == "Unidentified Armed Group (Libya)"


def test_a_country_after_a_place_is_where_not_who():
    (event,) = _pairs(
        "A roadside bomb detonates in Laghman Province, Afghanistan killing 3 police officers."
    )
    assert event[1] == "Unidentified Armed Group (Afghanistan)"


def test_a_group_named_where_nobody_claimed_the_deed_is_not_its_doer():
    (event, *_) = _pairs(
        "A bomb explodes inside a mosque in Kabul, Afghanistan, killing 12 people. The Taliban "
        "condemns the attack, for which nobody has so far claimed responsibility."
    )
    assert event[1] == "Unidentified Armed Group (Afghanistan)"


def test_police_seeking_the_gunman_are_not_the_doer():
    (event,) = _pairs(
        "Danish police seek a gunman who fired on three people near a synagogue in Copenhagen, "
        "Denmark."
    )
    assert event[1] == "Unidentified Armed Group (Denmark)"


def test_a_group_named_on_the_attack_owns_it():
    (event,) = _pairs(
        "Thirteen militants are killed following a Tehrik-i-Taliban Pakistan attack on an air "
        "force base in Peshawar, Pakistan."
    )
    assert event[1] == "TTP: Tehreek-i-Taliban Pakistan"


def test_the_party_named_beside_an_agreements_first_is_its_second():
    (event, *_) = _pairs(
        "The Philippine government and the Moro Islamic Liberation Front sign a peace pact.",
        published="2012-10-15",
    )
    assert event == (
        "Agreement",
        "Government of Philippines",
        "MILF: Moro Islamic Liberation Front",
    )


def test_a_states_people_freed_are_its_civilians():
    (event, *_) = _pairs(
        "Kurdish rebels release eight Turkish citizens that had been held in northern Iraq.",
        published="2013-03-13",
    )
    assert event[2] == "Civilians (Turkey)"


def test_one_who_dies_of_an_attack_is_harmed_not_its_doer():
    (event,) = _pairs(
        "A Polish national who was wounded during a terrorist attack in Strasbourg, France, dies "
        "of his injuries."
    )
    assert event[1:] == ("Unidentified Armed Group (France)", "Civilians (Poland)")


def test_armed_men_harmed_by_a_strike_are_the_group_named_on_them():
    from conftest import text_extraction

    events = text_extraction(
        "A US airstrike killed five Taliban fighters in Helmand.", "2020-05-25"
    ).events
    assert [(e.actor1.name, e.actor2.name) for e in events] == [
        ("Military Forces of United States", "Taliban")
    ]


def test_the_subjects_of_a_verb_of_fighting_are_the_two_sides_in_the_order_named():
    from conftest import text_extraction

    for text, sides in (
        ("JNIM and ISGS fighters clashed near Ndaki.", ("mli-jnim", "mli-issp")),
        ("The Taliban and ISIS-K fought in Nangarhar.", ("afg-taliban", "afg-iskp")),
        ("Indian and Pakistani forces exchanged fire in Poonch.", ("IND-military", "PAK-military")),
    ):
        events = text_extraction(text, "2020-05-25").events
        assert events and events[0].actor2 is not None, text
        assert (events[0].actor1.id, events[0].actor2.id) == sides, text
