"""The force and the crowd of a protest met by force."""

from __future__ import annotations

from conftest import text_extraction

from frontlines.events.crowds import is_crowd, is_state
from frontlines.models import ActorRef


def test_a_state_named_as_a_whole_is_no_crowd():
    syria = ActorRef(id="SYR", name="Syria", text="Syrian", country="SYR", inter=1)
    crowd = ActorRef(id="SYR-protesters", name="Protesters (Syria)", text="protesters")
    assert is_state(syria) and not is_state(crowd)
    assert is_crowd(crowd) and not is_crowd(syria)


def test_a_government_cracking_down_is_its_forces():
    events = text_extraction(
        "The Syrian government continues its crackdown on protesters in the city of Homs, "
        "killing dozens of civilians.",
        published="2011-11-08",
    ).events
    force = [e for e in events if e.sub_event_type == "Excessive force against protesters"]
    assert force and force[0].actor1.name == "Military Forces of Syria"
    assert force[0].actor2.name == "Protesters (Syria)"
