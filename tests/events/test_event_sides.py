"""Attack or Armed clash by who the sides are (`events.sides`)."""

from __future__ import annotations

import pytest

from frontlines.events.folding import Draft
from frontlines.events.rules import event_rules
from frontlines.events.sides import as_attack_on_civilians
from frontlines.models import ActorRef
from frontlines.parse import load_pipeline

ARMED = ActorRef(id="uag", name="Unidentified Armed Group (Kenya)", text="gunmen", inter=3)
CIVILIANS = ActorRef(id="civ", name="Civilians (Kenya)", text="people", inter=7)


def _clash(text: str, target: ActorRef = CIVILIANS) -> Draft:
    sentence = next(load_pipeline()(text).sents)
    rule = next(r for r in event_rules() if r.name == "armed_clash")
    draft = Draft(
        rule=rule,
        trigger=sentence.root,
        sentence=sentence,
        event_type="Battles",
        sub_event_type="Armed clash",
        plover_type="ASSAULT",
        plover_mode=None,
        actor1=ARMED,
        actor2=target,
    )
    as_attack_on_civilians(draft)
    return draft


@pytest.mark.parametrize(
    "text",
    [
        "Six members of one family are killed in an ambush by suspected gunmen near Lamu.",
        "Ten men are killed by pro-government forces in the town of Garissa.",
        "Gunmen kill four people during an attack on a party office in Mombasa.",
    ],
)
def test_an_armed_side_against_civilians_alone_is_an_attack(text):
    assert _clash(text).sub_event_type == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "Eleven people are killed in clashes between rival gangs in Nairobi.",
        "An attack on soldiers guarding a camp near Mandera kills nine people.",
        "Gunmen kill nine people in an attack on a military base near Mandera.",
        "An operation against the militants in the forest kills five people.",
        "A firefight near the border kills six people.",
    ],
)
def test_fighting_or_an_armed_other_side_keeps_the_clash(text):
    assert _clash(text).sub_event_type == "Armed clash"


def test_an_armed_target_keeps_the_clash():
    soldiers = ActorRef(id="mil", name="Military Forces of Kenya", text="troops", inter=1)
    text = "Ten men are killed by gunmen in the town of Garissa."
    assert _clash(text, soldiers).sub_event_type == "Armed clash"


def test_an_attack_told_amid_fighting_is_a_clash():
    from frontlines.events.sides import as_battle_on_armed_side

    sentence = next(load_pipeline()("Sixteen people are killed amid fresh fighting in Raga.").sents)
    draft = Draft(
        rule=next(r for r in event_rules() if r.name == "attack_on_civilians"),
        trigger=sentence.root,
        sentence=sentence,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        plover_type="ASSAULT",
        plover_mode=None,
        actor1=ARMED,
        actor2=CIVILIANS,
    )
    as_battle_on_armed_side(draft)
    assert draft.sub_event_type == "Armed clash"


def test_the_imbonerakure_are_a_known_militia():
    from conftest import text_extraction

    events = text_extraction(
        "Members of the Imbonerakure raped a woman in Muyinga province.", "2020-06-20"
    ).events
    assert [(e.sub_event_type, e.actor1.id) for e in events] == [
        ("Sexual violence", "bdi-imbonerakure")
    ]


def test_a_non_state_side_with_no_other_named_fought_the_states_military():
    from conftest import text_extraction

    (event,) = text_extraction(
        "Gunmen shoot down a military helicopter in northern Iraq killing all four crew members.",
        published="2021-08-10",
    ).events
    assert (event.actor1.name, event.actor2.name) == (
        "Unidentified Armed Group (Iraq)",
        "Military Forces of Iraq",
    )
    # two named sides keep theirs
    (clash,) = text_extraction(
        "Al Shabaab and ISIS militants clashed in Puntland, Somalia.", published="2021-08-10"
    ).events
    assert clash.actor2.name == "Islamic State"
