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
