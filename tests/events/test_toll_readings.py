"""Tolls the parse hides or tells twice: negated deaths, occasions, relatives, pronouns."""

from __future__ import annotations

import pytest

from frontlines.events.fatalities import sentence_toll
from frontlines.parse import load_pipeline


@pytest.mark.parametrize(
    "sentence, toll",
    [
        (
            "Seven more people are killed during the funerals for 33 people killed the day before.",
            7,
        ),
        ("A car bomb in Khan Bani Saad City massacres more than 100 people.", 100),
        (
            "Bombings go off in Baghdad, killing 4 and injuring about 16, another strike at "
            "7:15am hits a mini-bus, killing 3, and 9 others are wounded.",
            4,
        ),
        (
            "Three Americans are confirmed killed in the attack, a serviceman and two contractors.",
            3,
        ),
        ("Three assailants detonated their explosive vests and a fourth was killed.", 4),
        ("A suicide bomber detonated his explosive vest at a checkpoint, wounding two guards.", 1),
        (  # the name parsed as the subject of "wanted"
            "Yemeni security forces announce that they have killed Nasser Ahmed Saleh Al-Harbi, "
            "an al-Qaeda terrorist wanted over a series of attacks in Aden.",
            1,
        ),
        (
            "Sapper John Smith of the 1st Combat Engineer Regiment (Australia) and an Afghan "
            "interpreter die in overnight fighting.",
            2,
        ),
        ("The militants bury alive 45 of their own fighters for fleeing a battle.", 45),
        ("The mother of a woman who died during a demonstration says she died of tear gas.", 1),
    ],
)
def test_tolls_read_once_and_as_the_events_own(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


def test_a_death_denied_is_no_toll():
    assert sentence_toll(load_pipeline()("Police say she did not die of tear gas.")[:]) == []
