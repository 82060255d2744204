"""Which event a toll belongs to and how tolls told over sentences add up (written sentences)."""

from __future__ import annotations

from conftest import text_extraction


def _tolls(text: str) -> list[int]:
    return [e.fatalities for e in text_extraction(text, published="2020-05-10").events]


def test_the_attackers_dead_add_to_the_events_toll():
    tolls = _tolls(
        "Militants attacked an army post near the border, killing 9 soldiers. "
        "Fourteen militants were also killed in the fighting."
    )
    assert tolls[:1] == [23]


def test_dead_of_another_incident_do_not_add():
    tolls = _tolls(
        "Militants attacked an army post near the border, killing 9 soldiers. "
        "Two policemen were also killed in another attack in the capital."
    )
    assert tolls[:1] == [9]


def test_a_toll_told_before_any_event_is_the_next_events():
    tolls = _tolls(
        "The death toll from Friday's violence at the border is now six. "
        "Rioters breached the fence and were dispersed by live fire."
    )
    assert tolls[:1] == [6]


def test_the_day_a_toll_sentence_names_dates_the_event_it_counts_for():
    later = text_extraction(
        "Gunmen attacked a police post in the town. "
        "The attack took place on Wednesday, killing three officers.",
        published="2020-07-20",
    ).events[0]
    assert (later.date, later.fatalities) == ("2020-07-15", 3)
    earlier = text_extraction(
        "The death toll from Friday's violence at the border is now six. "
        "Rioters breached the fence and were dispersed by live fire.",
        published="2015-10-10",
    ).events[0]
    assert (earlier.date, earlier.time_precision, earlier.fatalities) == ("2015-10-09", 1, 6)


def test_a_toll_in_a_sentence_whose_own_event_carries_none_is_the_events_before():
    tolls = _tolls(
        "The air force carries out strikes on militia bases in the province. "
        "A spokesman for the militia says 19 of its fighters were killed in the strikes, "
        "while vowing to respond."
    )
    assert tolls[:1] == [19]


def test_the_lead_event_carries_the_toll_a_later_sentence_of_it_gives():
    tolls = _tolls(
        "Troops capture the seaport of Mukalla from al Qaeda. "
        "The coalition claims to have killed more than 800 militants."
    )
    assert tolls[:1] == [800]


def test_a_toll_set_apart_as_another_incidents_stays_its_own():
    tolls = _tolls(
        "A suicide bomber injures six soldiers near Ramadi. "
        "The soldiers were combing a building hit by a separate bombing that killed five."
    )
    assert tolls[:1] == [0]


def test_the_attacker_shot_dead_in_a_later_sentence_adds_to_the_toll():
    tolls = _tolls(
        "A gunman kills a civilian in Garland. He then drove on and opened fire outside a "
        "police station, before being shot dead by police."
    )
    assert tolls[:1] == [2]


def test_a_deed_told_as_deadly_without_a_count_is_one_dead():
    tolls = _tolls("The army initiates a fatal crackdown on protesters in Tahrir Square, Cairo.")
    assert tolls[:1] == [1]


def test_the_deed_told_again_as_killing_more_gives_its_whole_toll():
    tolls = _tolls(
        "The general and his deputy were killed in an air strike near the airport. "
        "Security sources say the attack killed at least eight people."
    )
    assert tolls[:1] == [8]


def test_an_assault_the_typer_gave_no_acled_type_still_carries_its_toll():
    from types import SimpleNamespace

    from frontlines.events.folding import Draft
    from frontlines.events.tolls import place_toll
    from frontlines.parse import load_pipeline

    sentence = next(
        load_pipeline()("A rescue operation frees two hostages and kills nine pirates.").sents
    )
    rule = SimpleNamespace(violent=False, fatalities_from_bodies=False)
    draft = Draft(rule, sentence[6], sentence, None, None, "ASSAULT", None)  # type: ignore[arg-type]
    place_toll(sentence, [draft], [], 0, [sentence])
    assert draft.fatalities == [(0, 9, False)]


def test_an_event_records_coded_toll_is_the_events_whatever_the_sources_said():
    events = text_extraction(
        "On 14 March 2020, unidentified gunmen attacked a bus near Djibo, killing 4 civilians. "
        "Fatalities coded as 0 (local sources reported 4).",
        published="2020-03-20",
    ).events
    assert events and events[0].fatalities == 0
