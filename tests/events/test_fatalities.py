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


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # counts the tagger or the parse hides
        ("Rebels shot down a helicopter near the town, killing both pilots.", 2),
        ("Police shoot dead a total of at least nine people during the protests.", 9),
        ("Clashes between the army and the rebels kill around 40.", 40),
        ("Fighting in the province kills 44 and 21, respectively, in the past two days.", 65),
        ("At least 30 to 70 people are killed in the massacre.", 30),
        ("From 12 to 20 people are killed by a car bomb outside the market.", 12),
        ("Gunmen kill 9 villagers during raids on three villages.", 9),
        ("At least 15 people are killed during one fire at the market.", 15),
        ("Five aid workers are kidnapped and then killed by the militants.", 5),
        ("A blast kills at least 12 people and injures over 80.", 12),
        # companions and subsets
        ("The district governor, along with four guards, is killed by a roadside bomb.", 5),
        ("A militia commander is killed alongside his brother when gunmen open fire.", 2),
        ("Twenty people are killed, including 6 soldiers, and 4 policemen.", 20),
        ("Three guards, including a senior officer, are killed in the attack.", 3),
        ("A rebel spokesman was among 15 fighters killed in an airstrike.", 15),
        # deaths told by other words
        ("Two policemen are gunned down by militants in the city.", 2),
        ("Three attackers blew themselves up at the gate of the base.", 3),
        ("The group releases a video showing the beheading of four captured soldiers.", 4),
        # the bomber alone, not with the dead he killed
        ("A suicide bomber blew himself up at a checkpoint, wounding two guards.", 1),
        ("A suicide bomber blew himself up at a market, killing 14 people.", 14),
    ],
)
def test_tolls_the_parse_hides(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # an earlier deed's dead, or a running total, are not this event's
        ("The army kills 30 militants after the militants killed 12 people in other raids.", 30),
        ("Nine people are killed in an attack, one week after 20 were killed in another.", 9),
        ("Jets strike the camp in retaliation for the killing of four soldiers, killing 11.", 11),
        (
            "Two soldiers are killed, bringing the number of troops killed this year to 40.",
            2,
        ),
        ("A student is killed, raising the death toll in the month-long protests to 25.", 1),
        ("The death toll from the airstrike rises to 8 patients and 5 doctors.", 13),
        ("An attempted assassination of the mayor leaves his driver wounded.", None),
        ("Clashes kill 12 in the worst flareup since the truce in early May.", 12),
        ("Clashes in the region leave 40 dead since Saturday, officials say.", 40),
        (
            "Militants fire rockets in response to the killing of five men, injuring a boy.",
            None,
        ),
        (
            "Troops fire on a car at a junction where 20 have been killed since March 2019.",
            None,
        ),
    ],
)
def test_tolls_of_this_event_only(sentence, toll):
    expected = [] if toll is None else [(toll, False)]
    result = sentence_toll(load_pipeline()(sentence)[:])
    assert result == expected or (toll is None and result == [(0, False)])


@pytest.mark.parametrize(
    "sentence, adds",
    [
        ("Two attackers are also killed.", True),
        ("Around 12 militants also died in the assault.", True),
        ("The gunman was shot dead by responding police.", True),
        ("In the ensuing gunfight, 30 insurgents were killed.", True),
        ("Police kill the suspect at the scene.", True),
        ("Two militants were also killed in another incident.", False),
        ("Three more protesters are also killed in Basra.", False),
        ("Government jets also bomb the town, killing 6 civilians.", False),
        ("The death toll from the attack is now nine.", False),
    ],
)
def test_dead_told_after_the_toll_add_to_it(sentence, adds):
    from frontlines.events.tolls import adds_to_toll

    assert adds_to_toll(load_pipeline()(sentence)[:]) is adds


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # what the parse gives as a second object or a heading is no one killed
        ("Militants kill 13 people in raids on two villages, the army and a chief report.", 13),
        ("Insurgency in the north: Ten civilians, including children, are killed by a bomb.", 10),
        ("Seven people are killed during the funerals the day before.", 7),
        # people the tagger took for groups, lists the parse breaks
        ("Rebels executed American hostage Peter Kassig.", 1),
        ("Five soldiers are killed and three civilians injured by militants.", 5),
        ("A bomb detonates on a convoy killing six police, one soldier, and one translator.", 8),
        ("Two of the attackers were killed, while the two others blew themselves up.", 4),
        # parts of a total are not more dead
        ("At least six people are killed in clashes: three in Tunis, two in Sfax.", 6),
        ("At least three people die, including two policemen, and a teacher was shot dead.", 3),
        # an earlier deed the event answers
        (
            "Crowds protesting an arson attack that burned an infant to death clash with troops.",
            None,
        ),
    ],
)
def test_who_counts_among_the_dead(sentence, toll):
    expected = [] if toll is None else [(toll, False)]
    result = sentence_toll(load_pipeline()(sentence)[:])
    assert result == expected or (toll is None and result == [(0, False)])


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # the event's own toll raised by later deaths is its toll
        ("A man wounded in the attack dies of his injuries, raising the death toll to five.", 5),
        ("Three more people die after the riot, bringing the total death toll to four.", 4),
        # a running total over a campaign is not
        ("Two protesters die, bringing the death toll at the border to 34 since March 30.", 2),
        ("Jets strike again, killing eight, bringing the death toll from the strikes to 32.", 8),
    ],
)
def test_a_toll_raised_is_the_events_unless_over_a_campaign(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


def test_an_attacker_shot_dead_after_the_attack_is_counted():
    from conftest import text_extraction

    assert sentence_toll(
        load_pipeline()("A woman opens fire at the gate before being shot dead by police.")[:]
    ) == [(1, False)]
    tolls = text_extraction(
        "A gunman kills a civilian in the town. "
        "He then opened fire outside a police station and was shot dead by police.",
        published="2021-08-29",
    ).events
    assert tolls[0].fatalities == 2


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # another incident told in a clause of its own is another event's toll
        (
            "At least 32 people are killed in bomb blasts near the city of Jos, while at least "
            "six people die in attacks on churches in the city of Maiduguri.",
            32,
        ),
        (
            "A NATO adviser is shot dead by a woman in Kabul, and at least five policemen are "
            "killed by another officer in northern Afghanistan.",
            1,
        ),
        (
            "Nigeria's military kill 13 members of the group and lose one soldier in a gun "
            "battle in Maiduguri.",
            14,
        ),
        # a title joined to a name is no one else; "presumed dead" is dead
        ("Gunmen shoot and kill Mostafa Abdelrahman, the party secretary, and candidate.", 1),
        ("Twelve policemen are missing and presumed dead after the ambush.", 12),
    ],
)
def test_the_toll_of_the_first_incident_told(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # a number before 'dozen' multiplies it
        ("Two dozen Taliban fighters are killed in operations across Afghanistan.", 24),
        # the captured and the arrested are no dead
        ("The Yemeni Military kills 5 al-Qaeda militants and arrests 4 in a raid.", 5),
        ("Al-Nusra assaults the division in Maarrat, killing seven fighters with 40 captured.", 7),
        # a running total over a land or a people is not the event's toll
        (
            "Three Turkish soldiers are killed in Syrian Army attacks in Idlib, bringing the "
            "number of Turkish soldiers killed in Syria to 21.",
            3,
        ),
        (
            "A Hamas rocket kills two Thai workers in southern Israel, thereby bringing the "
            "death toll in the country to 12.",
            2,
        ),
        # ... but the event's own toll raised by a later death is its toll
        ("A Polish national wounded in the attack dies, raising the death toll to five.", 5),
    ],
)
def test_counts_that_are_and_are_not_the_events_dead(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]


@pytest.mark.parametrize(
    "sentence, toll",
    [
        # the parse gives the number to the adjective: it still counts the militants
        ("Six suspect Al-Qaeda militants are killed in a drone strike in Southern Yemen.", 6),
        # a number of factions counts no dead
        ("Two rival factions clash in Waziristan, Pakistan, leaving 12 insurgents dead.", 12),
        # some of the dead counted before are no more dead
        ("6 policemen are killed during 2 attacks in Baghdad, with 2 of the corpses burning.", 6),
    ],
)
def test_counts_the_parse_or_the_words_misplace(sentence, toll):
    assert sentence_toll(load_pipeline()(sentence)[:]) == [(toll, False)]
