"""Which deed a date dates where the parse hides it, on sentences written for these tests."""

from __future__ import annotations

from frontlines.clauses.deed_dates import dates_wounds, toll_of
from frontlines.parse import load_pipeline


def _token(text: str, word: str):
    return next(t for t in load_pipeline()(text) if t.text == word)


def test_a_toll_stands_for_the_deed_it_counts():
    toll = _token("The death toll of the bombing in the market rises to 31.", "toll")
    assert toll_of(toll).lemma_ == "bombing"
    other = _token("The bombing in the market killed 31.", "bombing")
    assert toll_of(other) is other


def test_a_date_in_the_wounding_a_death_came_of():
    assert dates_wounds(_token("A soldier dies of wounds he received in a blast on May 3.", "3"))
    assert dates_wounds(
        _token("A girl dies of injuries sustained when troops shot her yesterday.", "yesterday")
    )
    assert not dates_wounds(_token("A soldier was shot dead in the town on May 3.", "3"))


def test_a_day_another_clause_of_the_sentence_names_beats_the_publication_date():
    from conftest import text_extraction

    events = text_extraction(
        "Israel shut down the crossing before its jets bombed the tunnel opening in Gaza "
        "Saturday night.",
        published="2018-01-14",
    ).events
    assert events and all(e.date == "2018-01-13" for e in events)


def test_days_the_text_names_in_the_forms_reports_use():
    from conftest import text_extraction

    for text, published, day, precision in [
        (
            "On the night of 18/07, gunmen killed five villagers in Kidal.",
            "2020-07-20",
            "2020-07-18",
            1,
        ),
        ("Gunmen killed five villagers in Kidal on Tuesday night.", "2020-07-20", "2020-07-14", 1),
        (
            "Between 12 and 14 March, clashes between the army and rebels killed 10 in Kidal.",
            "2020-03-20",
            "2020-03-12",
            2,
        ),
        (
            "Around 5 May, the army shelled the town of Kidal, killing four civilians.",
            "2020-05-20",
            "2020-05-05",
            2,
        ),
    ]:
        event = text_extraction(text, published=published).events[0]
        assert (event.date, event.time_precision) == (day, precision), text


def test_the_one_day_a_report_names_dates_an_event_told_without_one():
    from conftest import text_extraction

    first = text_extraction(
        "The army reports the destruction of a tunnel under the crossing. "
        "Its jets bombed the tunnel opening in Gaza on Saturday night.",
        published="2018-01-14",
    ).events[0]
    assert (first.date, first.time_precision) == ("2018-01-13", 2)
    several = text_extraction(
        "The army reports the destruction of a tunnel under the crossing. "
        "Its jets bombed the tunnel on Saturday and a post on Friday.",
        published="2018-01-14",
    ).events[0]
    assert several.date == "2018-01-14"


def test_a_day_told_of_a_deed_before_the_event_does_not_date_it():
    from frontlines import extract

    result = extract(
        "Rebel fighters enter the old quarter of Aleppo after capturing the town of Azaz "
        "yesterday.",
        published="2012-07-20",
    )
    entered = [c for c in result.control if c.kind == "entered"]
    assert entered and all(c.date == "2012-07-20" for c in entered)
