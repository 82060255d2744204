"""Death tolls as ACLED counts them, read from the parse."""

from __future__ import annotations

import pytest

from frontlines.events.fatalities import sentence_toll
from frontlines.parse import load_pipeline


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # the tagger reads "Twenty-six" as counting "Haram": the militants are counted
        ("Twenty-six Boko Haram militants and 11 Chadian soldiers are killed in an ambush.", 37),
        ("A French journalist is killed, along with eight others, by a mortar in Homs.", 9),
        ("The commander was killed along with two of his guards.", 3),
    ],
)
def test_tolls_told_in_parts_add_up(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


def test_those_arrested_along_with_someone_are_no_toll():
    assert (
        sentence_toll(load_pipeline()("Police arrested the leader along with five others.")[:])
        == []
    )


def test_a_toll_in_a_clause_of_its_own_is_the_events_before():
    from conftest import text_extraction

    extraction = text_extraction(
        "On 4 May 2020, Taliban militants attacked an ANA checkpoint in Nad Ali district "
        "(Helmand). 5 ANA soldiers and 8 Taliban killed.",
        published="2020-05-10",
    )
    assert [(e.sub_event_type, e.actor2.name, e.fatalities) for e in extraction.events] == [
        ("Armed clash", "Military Forces of Afghanistan", 13)
    ]
