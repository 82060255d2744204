"""Ground taken back: who took it, and whether a battle was told (ACLED's territory types)."""

from __future__ import annotations

from conftest import text_extraction


def _first(text: str):
    events = [e for e in text_extraction(text).events if not e.historical]
    assert events, text
    return events[0]


def test_recovered_control_is_taken_not_found():
    # "recover" is also a verb of finding ('recovered the bodies'): with ground as its object
    # the force took it, and stays the doer
    event = _first(
        "Iraqi government forces recovered control of four villages after heavy fighting."
    )
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces of Iraq")


def test_withdrawal_under_fire_is_a_battle():
    event = _first(
        "Syrian government forces captured two villages from rebel fighters who withdrew "
        "following heavy fighting."
    )
    assert event.sub_event_type == "Government regains territory"


def test_withdrawal_without_fighting_is_a_transfer():
    event = _first("Al-Shabaab militants seized the town of Bulo Burde after the army withdrew.")
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_forces_loyal_to_the_government_are_its_military():
    event = _first(
        "Forces loyal to the internationally recognized government wrested control of "
        "a military camp from separatist fighters near Aden."
    )
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1 is not None and (event.actor1.country, event.actor1.inter) == ("YEM", 1)


def test_military_forces_of_an_event_record_are_the_countrys():
    # the event records' own wording: "military forces", "police forces", no country named
    event = _first(
        "On 5 May 2020, military forces regained control of Kidal town after clashes with "
        "CMA fighters."
    )
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Mali"
    assert event.sub_event_type == "Government regains territory"


def test_entering_ground_the_other_side_left_stays_a_transfer_whatever_the_war():
    event = _first(
        "Kenyan troops entered the port town of Kismayo after the withdrawal of Al-Shabaab "
        "fighters during the battle for the south."
    )
    assert event.sub_event_type == "Non-violent transfer of territory"


def test_taken_without_facing_resistance_is_a_transfer():
    event = _first(
        "Government forces took full control of Bani Walid without facing any resistance, "
        "as the militia abandoned its positions."
    )
    assert event.sub_event_type == "Non-violent transfer of territory"
