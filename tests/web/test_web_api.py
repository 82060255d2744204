"""The JSON API of `frontlines serve`, over a store made by `frontlines ingest`."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from sqlalchemy import text
from stores import rows
from webstore import store_path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from frontlines.web import create_app
from frontlines.web.db import open_read_only
from frontlines.web.queries import fts_query

STATIC = Path(__file__).resolve().parents[2] / "src" / "frontlines" / "web" / "static"


@pytest.fixture(scope="module")
def db(backend: str) -> str:
    return store_path(backend)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db))


def events(client: TestClient, **params) -> dict:
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_founding_article_events_at_tarhuna_tripoli_bani_walid(client):
    places = {e["location"] for e in events(client, country="LBY")["events"]}
    assert {"Tarhuna", "Tripoli", "Bani Walid"} <= places


def test_events_carry_their_cluster_figures(client):
    for event in events(client)["events"]:
        assert event["source_count"] >= 1
        assert event["fatalities_low"] <= event["fatalities_high"]
        assert isinstance(event["contradicting"], bool)


def test_event_filters(client):
    everything = events(client)
    assert everything["total"] == len(everything["events"]) > 10
    sudan = events(client, country="sdn")["events"]
    assert sudan and all(e["country"] == "SDN" for e in sudan)
    june = events(client, start="2020-06-05", end="2020-06-05")["events"]
    assert june and all(e["date"] == "2020-06-05" for e in june)
    strikes = events(client, type="Explosions/Remote violence")["events"]
    assert strikes and all(e["event_type"] == "Explosions/Remote violence" for e in strikes)
    tarhuna = events(client, location="Tarhuna")["events"]
    assert tarhuna and all(e["location"] == "Tarhuna" for e in tarhuna)
    libya_box = events(client, bbox="9,19,26,34")["events"]  # west,south,east,north
    assert libya_box and all(e["country"] == "LBY" for e in libya_box)
    actor = next(e["actor1_id"] for e in everything["events"] if e["actor1_id"])
    acted = events(client, actor=actor)["events"]
    assert acted and all(actor in (e["actor1_id"], e["actor2_id"]) for e in acted)


def test_text_search_uses_the_documents_index(client):
    found = events(client, q="Tarhuna")["events"]
    assert found and {e["document_id"] for e in found} == {found[0]["document_id"]}
    assert events(client, q="El Fasher")["events"][0]["country"] == "SDN"
    assert events(client, q="nowordlikethis")["total"] == 0
    for hostile in ['"', "AND (", "NEAR(", "*", "' OR 1=1 --", "Tarhuna OR"]:
        assert client.get("/api/events", params={"q": hostile}).status_code == 200


def test_fts_query_quotes_every_word():
    assert fts_query('Tarhuna "OR" x*') == '"Tarhuna" "OR" "x"'
    assert fts_query("-- ()") is None


def test_paging(client):
    first = events(client, limit=2)
    second = events(client, limit=2, offset=2)
    assert len(first["events"]) == 2 and first["total"] == second["total"]
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    dates = [e["date"] for e in events(client)["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,50,10,40"},
        {"country": "LIBYA"},
        {"start": "June 2020"},
        {"limit": 0},
        {"limit": 100_000},
        {"offset": -1},
        {"actor": "<script>"},
        {"q": "x" * 500},
    ],
)
def test_bad_filters_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_event_detail_has_evidence_at_its_offsets(client):
    listed = events(client, q="Tarhuna")["events"]
    event = next(e for e in listed if e["location"] == "Tarhuna")
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["record"]["id"] == event["id"]
    assert detail["evidence"] and detail["document"]["id"] == event["document_id"]
    body = client.get(f"/api/documents/{event['document_id']}").json()["text"]
    for ev in detail["evidence"]:
        assert body[ev["start"] : ev["end"]] == ev["text"]
    assert {s["document_id"] for s in detail["sources"]} == {event["document_id"]}
    assert detail["source_count"] == 1


def test_ids_are_validated(client):
    assert client.get("/api/events/nosuch-e01").status_code == 404
    assert client.get("/api/events/a b").status_code == 422
    assert client.get("/api/events/%3Cscript%3E").status_code == 422
    assert client.get("/api/documents/0123456789abcdef").status_code == 404
    assert client.get("/api/documents/not-hex").status_code == 422
    assert client.get("/api/documents/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
    assert client.get("/api/actors/nosuch").status_code == 404
    assert client.get("/api/actors/a;drop").status_code == 422


def test_document_spans_point_into_the_text(client):
    doc_id = events(client, q="Tarhuna")["events"][0]["document_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["published"] == "2020-06-05" and doc["name"].endswith("tarhuna-2020-06-05.txt")
    kinds = {s["kind"] for s in doc["spans"]}
    assert {"event", "actor", "place", "date"} <= kinds
    for span in doc["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(doc["text"])
    place = next(s for s in doc["spans"] if s["kind"] == "place" and s["label"] == "Tarhuna")
    assert "Tarhuna" in doc["text"][place["start"] : place["end"]]


def test_script_in_a_report_comes_back_as_text(client):
    found = events(client, q="checkpoint Zawiya")["events"]
    assert found
    doc = client.get(f"/api/documents/{found[0]['document_id']}").json()
    assert "<script>window.__pwned = 1</script>" in doc["text"]


def test_actors(client):
    listed = client.get("/api/actors").json()
    assert listed["total"] >= len(listed["actors"]) > 5
    assert any(a["id"] == "lby-gna" for a in listed["actors"])
    assert client.get("/api/actors", params={"q": "Wefaq"}).json()["actors"][0]["id"] == "lby-gna"
    gna = client.get("/api/actors/lby-gna").json()
    assert gna["name"] == "Government of National Accord"
    assert gna["aliases"] and gna["mentions"] > 5
    assert isinstance(gna["backers"], list) and gna["events"]
    assert all("lby-gna" in (e["actor1_id"], e["actor2_id"]) for e in gna["events"])


def test_state(client):
    assert client.get("/api/state").status_code == 422
    assert client.get("/api/state", params={"as_of": "yesterday"}).status_code == 422
    state = client.get("/api/state", params={"as_of": "2020-06-06", "country": "LBY"}).json()
    assert state["as_of"] == "2020-06-06" and state["country"] == "LBY"
    assert isinstance(state["places"], list) and isinstance(state["backing"], list)
    for place in state["places"]:
        assert {"place", "lat", "lon", "holder", "contested", "claims"} <= set(place)
    tarhuna = next(p for p in state["places"] if p["place"] == "Tarhuna")
    assert tarhuna["holder"]["id"] == "lby-gna"
    assert all(claim["evidence"] for claim in tarhuna["claims"])
    before = client.get("/api/state", params={"as_of": "2020-05-01", "country": "LBY"}).json()
    assert not any(p["place"] == "Tarhuna" for p in before["places"])


def test_store_is_opened_read_only(db):
    count = "SELECT count(*) FROM events"
    before = hashlib.sha256(Path(db).read_bytes()).hexdigest() if Path(db).is_file() else None
    events_before = rows(db, count)
    client = TestClient(create_app(db))
    client.get("/api/events")
    client.get("/api/actors/lby-gna")
    store = open_read_only(db)
    with (
        pytest.raises(Exception, match="readonly|read-only|query_only"),
        store.engine.begin() as connection,
    ):
        connection.execute(text("DELETE FROM events"))
    if before is not None:
        assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == before
    assert rows(db, count) == events_before


def test_page_and_docs_load_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text
    assert client.get("/openapi.json").json()["paths"]["/api/events"]
    outside = re.compile(r"https?://(?!www\.w3\.org/2000/svg)")
    for path in STATIC.glob("*.*"):
        assert not outside.search(path.read_text()), path.name
    assert "innerHTML" not in "".join(p.read_text() for p in STATIC.glob("*.js"))


def test_answers_fit_the_documented_shapes(client):
    from frontlines.web import schemas

    page = schemas.EventPage.model_validate(events(client))
    event = page.events[0]
    schemas.EventDetail.model_validate(client.get(f"/api/events/{event.id}").json())
    schemas.DocumentDetail.model_validate(client.get(f"/api/documents/{event.document_id}").json())
    schemas.ActorPage.model_validate(client.get("/api/actors").json())
    schemas.ActorDetail.model_validate(client.get("/api/actors/lby-gna").json())
    schemas.Config.model_validate(client.get("/api/config").json())
    state = client.get("/api/state", params={"as_of": "2020-06-06"}).json()
    schemas.StatePicture.model_validate(state)
    spec = client.get("/openapi.json").json()
    answer = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]
    assert answer["application/json"]["schema"]["$ref"].endswith("/EventPage")


def test_loopback_server_answers_only_loopback_host_names(db):
    from frontlines.web.server import allowed_hosts

    assert allowed_hosts("0.0.0.0") is None
    app = create_app(db, allowed_hosts=allowed_hosts("127.0.0.1"))
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/config").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/api/config").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    assert rebound.get("/api/events").status_code == 400


def test_tile_layer_only_when_configured(db, client):
    assert client.get("/api/config").json()["tiles"] is None
    assert "img-src 'self' data:;" in client.get("/").headers["content-security-policy"]
    tiles = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    configured = TestClient(create_app(db, tiles=tiles, attribution="© example"))
    assert configured.get("/api/config").json()["tiles"] == tiles
    policy = configured.get("/").headers["content-security-policy"]
    assert "img-src 'self' data: https://*.tiles.example.org;" in policy


def test_clustered_store_lists_one_row_per_cluster(tmp_path):
    db = store_path("sqlite")  # an SQLite file copied, then changed by hand
    copy = tmp_path / "clustered.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        columns = {row[1] for row in target.execute("PRAGMA table_info(events)")}
        if "cluster_id" not in columns:  # a store from before cross-document merging
            target.execute("ALTER TABLE events ADD COLUMN cluster_id TEXT")
        target.execute("UPDATE events SET cluster_id = id")
        first, second = (
            r[0]
            for r in target.execute(
                "SELECT min(id) FROM events GROUP BY document_id ORDER BY document_id LIMIT 2"
            )
        )
        target.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (first, second))
    client = TestClient(create_app(str(copy)))
    listed = {e["id"] for e in events(client)["events"]}
    assert first in listed and second not in listed
    detail = client.get(f"/api/events/{first}").json()
    assert {s["event_id"] for s in detail["sources"]} == {first, second}
    assert detail["source_count"] == 2


def test_serve_without_a_store_is_a_usage_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "frontlines.cli", "serve", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 1 and b"no such store" in result.stderr
