from __future__ import annotations

import pytest

from frontlines.resolve import ResolvedDate, resolve_date

# (expression, publication date, value, precision), written for these tests.
CASES = [
    ("Thursday", "2020-06-05", "2020-06-04", "day"),
    ("today, Friday", "2020-06-05", "2020-06-05", "day"),
    ("on Friday", "2020-06-05", "2020-06-05", "day"),
    ("last Friday", "2020-06-05", "2020-05-29", "day"),
    ("14 months ago", "2020-06-05", "2019-04", "month"),
    ("three days ago", "2023-03-09", "2023-03-06", "day"),
    ("since April 2019", "2020-06-05", "2019-04", "month"),
    ("April 2019", "2020-06-05", "2019-04", "month"),
    ("the nineteenth of last January", "2020-06-05", "2020-01-19", "day"),
    ("last January", "2020-06-05", "2020-01", "month"),
    ("last January", "2020-01-20", "2019-01", "month"),
    ("last year", "2020-06-05", "2019", "year"),
    ("last month", "2022-09-20", "2022-08", "month"),
    ("yesterday", "2023-01-15", "2023-01-14", "day"),
    ("yesterday evening", "2024-07-18", "2024-07-17", "day"),
    ("early on Thursday", "2024-07-18", "2024-07-18", "day"),
    ("on 17 July", "2024-07-18", "2024-07-17", "day"),
    ("17 July 2024", None, "2024-07-17", "day"),
    ("March 8, 2023", "2023-03-09", "2023-03-08", "day"),
    ("2023-03-08", "2023-03-09", "2023-03-08", "day"),
    ("in 2019", "2020-06-05", "2019", "year"),
]


@pytest.mark.parametrize(("text", "published", "value", "precision"), CASES)
def test_date_expressions_resolve_against_publication(text, published, value, precision):
    resolved = resolve_date(text, published)
    assert resolved is not None, text
    assert (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("text", ["more than a year", "14 months", "only hours", "several weeks"])
def test_durations_are_not_dates(text):
    assert resolve_date(text, "2020-06-05") is None


def test_without_publication_date_only_explicit_dates_resolve():
    assert resolve_date("Thursday", None) is None
    assert resolve_date("last year", None) is None
    assert resolve_date("5 June 2020", None).value == "2020-06-05"


def test_date_test_set_is_at_least_97_percent_right():
    from pathlib import Path

    from frontlines.evaluation.gold import evaluate_dates

    lines = evaluate_dates(Path(__file__).parent / "data" / "dates.yaml")
    right, total = (int(x) for x in lines[0].split(":")[1].split("=")[0].strip().split("/"))
    assert total >= 150 and right / total >= 0.97, "\n".join(lines)


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("Between 28 and 30 April", "2020-04-28", "week"),
        ("28-30 April 2020", "2020-04-28", "week"),
        ("between 28 April and 30 April", "2020-04-28", "week"),
        ("around 3 May", "2020-05-03", "week"),
        ("Around 29 April 2020", "2020-04-29", "week"),
        ("the night of 18/07", "2019-07-18", "day"),
        ("the night of 2/05", "2020-05-02", "day"),  # day first, not 5 February
        ("the night of 2/3 May 2020", "2020-05-02", "week"),  # a range, not 2 March
        ("during the week of 27 April 2020", "2020-04-27", "week"),
        ("07/18/2019", "2019-07-18", "day"),  # month first only where it must be
        ("2020-05-01", "2020-05-01", "day"),
    ],
)
def test_ranges_and_rough_days(text, value, precision):
    resolved = resolve_date(text, "2020-05-04")
    assert (resolved.value, resolved.precision) == (value, precision)


def test_a_date_the_sentence_states_is_the_events():
    from conftest import text_extraction

    extraction = text_extraction(
        "On the night of 18/07, gunmen abducted five people in Kaduna.", published="2020-07-21"
    )
    assert [e.date for e in extraction.events] == ["2020-07-18"]
    rough = text_extraction(
        "Around 29 April 2020 (between 28 April and 30 April), militants attacked a police "
        "post in Djibo, killing two officers.",
        published="2020-05-04",
    )
    assert [(e.date, e.time_precision) for e in rough.events] == [("2020-04-29", 2)]


@pytest.mark.parametrize(
    "opening, date",
    [
        ("On or around 5 May 2020", "2020-05-05"),  # the tagger's date is only "May 2020"
        ("On 3-4 May 2020", "2020-05-03"),
        ("On the night of 6-7 May 2020", "2020-05-06"),
        ("On the night of 6/7 May 2020", "2020-05-06"),
    ],
)
def test_rough_days_and_ranges_the_sentence_opens_with(opening, date):
    from conftest import text_extraction

    extraction = text_extraction(
        f"{opening}, gunmen killed two farmers in Kaduna, Nigeria.", published="2020-05-10"
    )
    # and the day's number is no one killed
    assert [(e.date, e.time_precision, e.fatalities) for e in extraction.events] == [(date, 2, 2)]


def test_parts_of_a_named_day_and_last_night_resolve_against_publication():
    from frontlines.resolve import resolve_date

    assert resolve_date("Saturday night", "2018-08-26").value == "2018-08-25"
    assert resolve_date("last night", "2016-04-16").value == "2016-04-15"


def test_an_undated_reports_yearless_days_take_the_year_it_named_first():
    from conftest import text_extraction

    extraction = text_extraction(
        "On 3 May 2020, protesters gathered in Khartoum. On 4 May, they marched again.",
        published=None,
    )
    assert [e.date for e in extraction.events] == ["2020-05-03", "2020-05-04"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("the day prior", "2020-05-09"),
        ("two days earlier", "2020-05-08"),
        ("the previous day", "2020-05-09"),
    ],
)
def test_days_counted_back_from_the_report(text, value):
    assert resolve_date(text, "2020-05-10") == ResolvedDate(value, "day")


def test_a_toll_update_is_dated_by_the_deed_it_counts():
    from conftest import text_extraction

    extraction = text_extraction(
        "The death toll from the March 27 hotel siege in Mogadishu, Somalia, rises to 20.",
        published="2015-03-28",
    )
    assert [e.date for e in extraction.events] == ["2015-03-27"]


@pytest.mark.parametrize(
    "text, published, date",
    [
        # days counted back the tagger does not tag
        (
            "The group claims an attack on a police post in the north the day prior.",
            "2020-05-10",
            "2020-05-09",
        ),
        (
            "The militants claim responsibility for an attack that occurred two days prior"
            " and left four guards dead.",
            "2020-05-10",
            "2020-05-08",
        ),
        (
            "The death toll from the previous day's clashes in the capital climbs to 60.",
            "2020-05-10",
            "2020-05-09",
        ),
        # a death of wounds is dated by the wounding
        (
            "A police officer dies of wounds he received from a bombing in the city on May 3.",
            "2020-05-10",
            "2020-05-03",
        ),
        (
            "A protester dies of injuries sustained when soldiers shot him yesterday.",
            "2020-05-10",
            "2020-05-09",
        ),
        # a clause the parse hangs on the toll still dates the deed it counts
        (
            "The death toll of the car bombing in the town, that occurred on May 6, rises to 31.",
            "2020-05-10",
            "2020-05-06",
        ),
    ],
)
def test_the_deed_is_dated_where_the_text_names_its_day(text, published, date):
    from conftest import text_extraction

    extraction = text_extraction(text, published=published)
    assert [e.date for e in extraction.events][:1] == [date]


def test_a_night_between_two_weekdays_is_from_the_first():
    # as "the night of 6/7 May" is the 6th: ACLED dates an overnight event by its start
    assert resolve_date("Saturday to Sunday", "2021-03-10").value == "2021-03-06"
    assert resolve_date("Sunday", "2021-03-10").value == "2021-03-07"
