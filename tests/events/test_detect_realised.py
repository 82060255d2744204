"""Events that happened and acts that did not (`events.detect`): harm told as a state, fire
aimed at people, accidents told apart from attacks, and acts only planned, threatened,
supposed or denied."""

from __future__ import annotations

import pytest
from conftest import text_extraction


def _acled(result):
    return [e.sub_event_type for e in result.events if e.event_type and not e.historical]


def test_harm_told_as_a_state_with_its_deed_as_a_noun():
    result = text_extraction(
        "At least 30 people are dead in Kirkuk and Tikrit in a wave of car bombings.",
        "2014-10-20",
    )
    assert _acled(result)


def test_fire_aimed_at_protesters_is_not_aimless():
    result = text_extraction(
        "Troops open fire on protesters in Homs, a witness says, though officials say shots "
        "were fired in the air.",
        "2011-03-28",
    )
    assert _acled(result)
    celebrating = text_extraction("Fighters fired into the air in celebration.", "2011-03-28")
    assert not _acled(celebrating)


def test_shootings_that_erupt_are_no_accident():
    result = text_extraction(
        "Shootings erupt in two cities where rival gangs are fighting, killing at least seven "
        "people.",
        "2013-09-29",
    )
    assert _acled(result)


def test_a_landmine_under_a_truck_is_no_industrial_accident():
    result = text_extraction(
        "An anti-tank mine explodes under a truck near Pailin, killing nine people aboard.",
        "2010-11-16",
    )
    assert _acled(result) == ["Remote explosive/landmine/IED"]
    accident = text_extraction(
        "A gas tank explodes at a factory near Tianjin, killing nine workers.", "2010-11-16"
    )
    assert not _acled(accident)


@pytest.mark.parametrize(
    "text",
    [
        "Danish ground forces will leave the province ahead of the ceasefire.",
        "Norway announces plans to deploy 500 troops to protect its embassies.",
        "The minister vows to find the remains of the soldiers missing since the war.",
        "The United Nations says that 300 people may have been killed in the clashes.",
    ],
)
def test_an_act_not_yet_done_is_no_acled_event(text):
    assert not _acled(text_extraction(text, "2014-08-05"))


def test_an_attempt_and_an_announced_ceasefire_are_events():
    attempt = text_extraction(
        "Militants try to storm an army base near Gao, and soldiers repel them.", "2014-08-05"
    )
    assert _acled(attempt)
    ceasefire = text_extraction(
        "The government and the rebels announce that a ceasefire will start on Monday.",
        "2014-08-05",
    )
    assert "Agreement" in _acled(ceasefire)


def test_bodies_found_are_an_attacks_victims_and_a_grave_is_other():
    dumped = text_extraction(
        "Twelve bodies with signs of torture are found in a car near Acapulco, Mexico.",
        "2012-09-10",
    )
    attack = next(e for e in dumped.events if e.event_type)
    assert attack.sub_event_type == "Attack"
    assert attack.actor1 is not None and attack.actor1.name.startswith("Unidentified")
    grave = text_extraction(
        "Investigators find a mass grave holding 30 bodies near Tal Afar, Iraq.", "2012-09-10"
    )
    assert [e.sub_event_type for e in grave.events if e.event_type] == ["Other"]


def test_captives_released_by_their_captors_are_an_agreement():
    released = text_extraction(
        "Two aid workers kidnapped by gunmen in Darfur last month have been released.",
        "2014-06-01",
    )
    assert [e.sub_event_type for e in released.events if e.event_type][:1] == ["Agreement"]
    rescued = text_extraction(
        "Troops free two aid workers kidnapped by gunmen in Darfur in a rescue operation.",
        "2014-06-01",
    )
    assert "Agreement" not in [e.sub_event_type for e in rescued.events]


def test_jailed_by_a_court_is_no_arrest():
    result = text_extraction(
        "Two former militia leaders are jailed for their role in the 2007 massacre.",
        "2011-12-21",
    )
    assert "Arrests" not in [e.sub_event_type for e in result.events]
    arrested = text_extraction("Police arrest two militia leaders in Kigali.", "2011-12-21")
    assert "Arrests" in [e.sub_event_type for e in arrested.events]


@pytest.mark.parametrize(
    "text",
    [
        "The United States is to deploy 300 troops to Cameroon to counter Boko Haram.",
        "Rebel chief says fighters to withdraw from the frontline in the east.",
    ],
)
def test_an_act_told_as_to_come_is_no_acled_event_yet(text):
    assert not _acled(text_extraction(text, "2015-10-14"))


def test_an_act_a_verb_says_was_forced_or_begun_is_done():
    from spacy.tokens import Token

    from frontlines.events.nonevents import _told_ahead
    from frontlines.parse import load_pipeline

    def trigger(text: str, word: str) -> Token:
        return next(t for t in load_pipeline()(text) if t.lower_ == word)

    assert not _told_ahead(trigger("Rebels were forced to withdraw from the town.", "withdraw"))
    assert not _told_ahead(trigger("Police begin to withdraw from the square.", "withdraw"))
    assert _told_ahead(trigger("The army is to withdraw from the town.", "withdraw"))


def test_a_weapon_tested_is_no_attack():
    assert not _acled(
        text_extraction(
            "Iran test-fires a new ballistic missile from a site near Semnan.", "2015-05-09"
        )
    )
    assert _acled(
        text_extraction(
            "Rebels fire a missile at an army base near Semnan, killing two.", "2015-05-09"
        )
    )


@pytest.mark.parametrize(
    "text",
    [
        "Saudi air defences shoot down a drone launched by Houthi rebels over Najran.",
        "The army intercepted two rockets fired at the town of Sderot.",
        "Police defused a bomb planted near the market in Maiduguri.",
    ],
)
def test_a_weapon_stopped_is_disrupted_weapons_use(text):
    assert _acled(text_extraction(text, "2019-05-20"))[:1] == ["Disrupted weapons use"]


def test_a_manned_aircraft_shot_down_is_no_disrupted_weapon():
    result = text_extraction("Rebels shot down a fighter jet over Hama province.", "2015-03-22")
    assert "Disrupted weapons use" not in _acled(result)


def test_a_building_destroyed_by_shelling_is_the_shelling():
    result = text_extraction(
        "A mortar attack destroyed a mosque in the town of Douma, east of Damascus.",
        "2012-08-02",
    )
    assert _acled(result)[:1] == ["Shelling/artillery/missile attack"]


def test_an_act_only_considered_has_not_happened():
    result = text_extraction(
        "France is considering launching air strikes on rebel camps near Kidal.", "2013-01-10"
    )
    assert not _acled(result)
