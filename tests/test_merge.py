"""Cross-document merge in the store, and the control picture as of a date (`state`)."""

from __future__ import annotations

import sqlite3

import pytest

from frontlines.pipeline import extract_document
from frontlines.read import make_document
from frontlines.store import open_store, state_as_of, write

# Three outlets tell one drone strike differently; a fourth report is another event (a
# clash two days later) in the same town. Written for this test.
ONE_STRIKE = [
    (
        "2023-08-15",
        "A drone strike by the Rapid Support Forces hit the central market in Omdurman on "
        "Monday, killing 12 civilians, medics said.",
    ),
    (
        "2023-08-14",
        "Paramilitary RSF drones bombed a crowded market in Omdurman on Monday, leaving at "
        "least 15 people dead, according to local activists.",
    ),
    (
        "2023-08-15",
        "At least 12 people were killed when drones struck a market in Omdurman on Monday. "
        "Witnesses blamed the Rapid Support Forces for the attack.",
    ),
]
OTHER_EVENT = (
    "2023-08-16",
    "Sudanese army troops clashed with RSF fighters in Omdurman on Wednesday, the army said.",
)


@pytest.fixture(scope="module")
def merged_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("merge") / "merge.db"
    engine = open_store(str(path))
    for number, (published, text) in enumerate([*ONE_STRIKE, OTHER_EVENT]):
        document = make_document(text, published=published, source=f"outlet {number}")
        write(engine, document, extract_document(document))
    return engine, path


def _clusters(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT e.sub_event_type, c.sources, c.fatalities, c.fatalities_high "
            "FROM clusters c JOIN events e ON e.id = c.id "
            "WHERE e.event_type IS NOT NULL ORDER BY e.date"
        ).fetchall()


def test_three_reports_of_one_strike_are_one_event_with_three_sources(merged_store):
    _, path = merged_store
    clusters = _clusters(path)
    assert [c[:2] for c in clusters] == [("Air/drone strike", 3), ("Armed clash", 1)]


def test_merged_event_takes_the_most_conservative_sourced_toll(merged_store):
    _, path = merged_store
    strike = _clusters(path)[0]
    assert strike[2] == 12


def test_every_report_keeps_its_own_version(merged_store):
    _, path = merged_store
    with sqlite3.connect(path) as db:
        members = db.execute(
            "SELECT count(DISTINCT document_id) FROM events WHERE cluster_id = ("
            "SELECT id FROM clusters ORDER BY sources DESC LIMIT 1)"
        ).fetchone()[0]
        evidence = db.execute(
            "SELECT count(DISTINCT ev.document_id) FROM event_evidence ev JOIN events e "
            "ON e.id = ev.event_id WHERE e.cluster_id = ("
            "SELECT id FROM clusters ORDER BY sources DESC LIMIT 1)"
        ).fetchone()[0]
    assert members == evidence == 3


def test_reingesting_never_duplicates(merged_store):
    engine, path = merged_store
    before = _clusters(path)
    for number, (published, text) in enumerate(ONE_STRIKE):
        document = make_document(text, published=published, source=f"outlet {number}")
        assert not write(engine, document, extract_document(document)).added
    assert _clusters(path) == before


def test_state_as_of_a_date_shows_holders_and_their_evidence(tmp_path):
    engine = open_store(str(tmp_path / "state.db"))
    reports = [
        ("2022-03-01", "Rebels of the M23 movement captured the town of Rutshuru on Monday."),
        (
            "2022-03-20",
            "Congolese troops recaptured the town of Rutshuru from M23 rebels on Friday.",
        ),
    ]
    for published, text in reports:
        document = make_document(text, published=published)
        write(engine, document, extract_document(document))

    def holder(as_of: str) -> str | None:
        places = {p.place: p for p in state_as_of(engine, as_of, "COD").places}
        place = places.get("Rutshuru")
        return place.holder.id if place and place.holder else None

    assert holder("2022-02-01") is None
    assert holder("2022-03-05") == "cod-m23"
    assert holder("2022-03-25") == "COD-military"
    latest = {p.place: p for p in state_as_of(engine, "2022-03-25", "COD").places}["Rutshuru"]
    assert [c.kind for c in latest.claims] == ["captured", "captured"]
    assert latest.claims[1].lost_by.id == "cod-m23"
    assert all(c.evidence for c in latest.claims)


def test_conflicting_claims_on_the_same_day_stay_contested(tmp_path):
    engine = open_store(str(tmp_path / "contested.db"))
    reports = [
        "JNIM fighters captured the town of Djibo on Tuesday, the group said.",
        "Burkinabe army troops took control of Djibo on Tuesday, the army said.",
    ]
    for text in reports:
        document = make_document(text, published="2023-05-10")
        write(engine, document, extract_document(document))
    (place,) = [p for p in state_as_of(engine, "2023-05-10").places if p.place == "Djibo"]
    assert place.contested and place.holder is None
    assert {a.id for a in place.contenders} == {"mli-jnim", "BFA-military"}
