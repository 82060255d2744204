"""`/api/events` counts up to a cap and says when the total is a lower bound; pages are the
same whichever plan the count chose (a broad text search or box read in date order)."""

from __future__ import annotations

import warnings

import pytest
from stores import new_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import frontlines.web.queries as queries
from frontlines.store import read_only_engine
from frontlines.web import create_app
from frontlines.web.bench import _stored, fill_store


@pytest.fixture(scope="module")
def big(backend, tmp_path_factory) -> str:
    from webstore import store_path

    db = new_store(backend, tmp_path_factory.mktemp("big"), "big")
    fill_store(db, _stored(store_path("sqlite")), 3000)
    return db


def test_total_is_capped_and_pages_agree_with_an_exact_count(big, monkeypatch):
    client = TestClient(create_app(big))
    with read_only_engine(big).connect() as connection:
        heads = connection.exec_driver_sql("SELECT count(*) FROM events").scalar()
    assert heads == 3000  # bulk-loaded events each stand for themselves
    capped = client.get("/api/events", params={"limit": 10}).json()
    assert capped["total"] == queries.COUNT_LIMIT and not capped["total_exact"]
    cases = ({"q": "Tarhuna"}, {"bbox": "10,25,40,40"}, {"country": "LBY"}, {"actor": "lby-gna"})
    for params in cases:
        page = {**params, "limit": 20, "offset": 20}
        monkeypatch.setattr(queries, "COUNT_LIMIT", 10**6)  # exact counts, the plain plan
        exact = client.get("/api/events", params=page).json()
        monkeypatch.setattr(queries, "COUNT_LIMIT", 30)  # broad: read in date order
        broad = client.get("/api/events", params=page).json()
        monkeypatch.undo()
        assert exact["total_exact"] and exact["total"] > 100, params
        assert not broad["total_exact"] and broad["total"] == 40  # to the page's end
        assert broad["events"] == exact["events"], params
