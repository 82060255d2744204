"""Retyping in `events.folding`: an attack on soldiers or police is a battle."""

from __future__ import annotations

import pytest
from conftest import text_extraction

from frontlines.events.folding import Draft


def _first_typed(result):
    return next(e for e in result.events if e.event_type is not None)


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab militants kill at least six security force members near Afgoye.",
        "A police officer is fatally stabbed by an assailant outside a station in Hebron.",
        "Gunmen shoot dead three policemen at a checkpoint in Quetta.",
    ],
)
def test_violence_against_soldiers_or_police_is_an_armed_clash(text):
    event = _first_typed(text_extraction(text, "2019-11-20"))
    assert event.sub_event_type == "Armed clash"


def test_violence_against_villagers_stays_an_attack():
    event = _first_typed(
        text_extraction("Gunmen shoot dead eleven villagers near Beni.", "2019-11-20")
    )
    assert event.sub_event_type == "Attack"


def test_a_reporting_army_misparsed_as_an_object_is_not_harmed():
    event = _first_typed(
        text_extraction(
            "Suspected rebels kill 13 people during raids on two villages in Ituri, the army "
            "and a village chief report.",
            "2019-11-20",
        )
    )
    assert event.sub_event_type == "Attack"


def test_force_with_no_protest_told_is_an_attack():
    shot = _first_typed(
        text_extraction("Security forces shoot dead at least ten people in Homs.", "2011-07-19")
    )
    assert shot.sub_event_type != "Excessive force against protesters"
    protest = _first_typed(
        text_extraction(
            "Security forces shoot dead at least ten protesters at a rally in Homs.", "2011-07-19"
        )
    )
    assert protest.sub_event_type == "Excessive force against protesters"


def test_deaths_in_clashes_of_protesters_are_a_violent_demonstration():
    from frontlines.events.folding import as_excessive_force
    from frontlines.events.rules import event_rules
    from frontlines.parse import load_pipeline

    sentence = next(
        load_pipeline()(
            "A protester and a policeman are killed during clashes between demonstrators and "
            "security forces in Giza."
        ).sents
    )
    draft = Draft(
        rule=next(r for r in event_rules() if r.name == "attack_on_civilians"),
        trigger=sentence.root,
        sentence=sentence,
        event_type="Violence against civilians",
        sub_event_type="Excessive force against protesters",
        plover_type="ASSAULT",
        plover_mode=None,
    )
    as_excessive_force(draft)
    assert draft.sub_event_type == "Violent demonstration"
