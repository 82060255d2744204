"""The picture gold on real text: well-formed files, and the matchers that score them."""

import json
from pathlib import Path

import pytest

from frontlines.evaluation.picture_gold import (
    control_matches,
    is_picture_gold,
    load_gold,
    relation_matches,
)
from frontlines.models import ControlChange, Relation

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "src/frontlines/evaluation/data/picture_gold"
SHARED = ROOT.parent / "shared"


def _files() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def test_the_folder_is_recognised_and_large_enough() -> None:
    assert is_picture_gold(GOLD)
    files = _files()
    assert len(files) >= 40
    assert {f["split"] for f in files} == {"tune", "heldout"}


def test_every_item_names_actors_of_its_file_and_shipped_text_holds_its_mentions() -> None:
    for gold in _files():
        keys = {a["key"] for a in gold["actors"]}
        for relation in gold["relations"]:
            for side in (relation["source"], relation["target"]):
                assert set(side if isinstance(side, list) else [side]) <= keys, gold["id"]
        for change in gold["control"]:
            for side in (change["gained_by"], change["lost_by"]):
                assert set(side if isinstance(side, list) else [side]) <= keys | {None}
        if "text" in gold:
            assert gold["source"]["set"] == "wikipedia-conflict-events"
            for actor in gold["actors"]:
                assert all(m in gold["text"] for m in actor["mentions"]), gold["id"]
        else:
            assert gold["source"]["set"] == "geowebnews"


def test_geowebnews_text_is_read_from_the_shared_folder() -> None:
    if not (SHARED / "data" / "geowebnews").is_dir():
        pytest.skip("../shared/data/geowebnews is absent")
    items, skipped = load_gold(GOLD)
    assert not skipped
    for gold, text in items:
        for actor in gold["actors"]:
            assert all(m in text for m in actor["mentions"]), gold["id"]


def test_opposes_matches_either_way_round_and_supports_does_not() -> None:
    mapping = {"a": "GNA", "b": "LNA"}
    wanted = {"kind": "opposes", "source": "LNA", "target": "GNA"}
    assert relation_matches(Relation(kind="opposes", source="a", target="b"), wanted, mapping)
    wanted = {"kind": "supports", "source": "LNA", "target": "GNA"}
    assert not relation_matches(Relation(kind="supports", source="a", target="b"), wanted, mapping)
    claimed = Relation(kind="supports", source="b", target="a", modality="claimed")
    assert not relation_matches(claimed, wanted, mapping)


def test_a_control_change_matches_by_name_or_within_30_km() -> None:
    mapping = {"a": "GNA"}
    wanted = {"place": "Watiya airbase", "lat": 32.476, "lon": 11.899, "gained_by": "GNA",
              "lost_by": [None], "date": "2020-05-18"}
    near = ControlChange(place="Al-Watiya Air Base", lat=32.48, lon=11.9, gained_by="a",
                         date="2020-05-18", kind="captured")
    assert control_matches(near, wanted, mapping)
    far = near.model_copy(update={"lat": 33.5, "place": "Elsewhere"})
    assert not control_matches(far, wanted, mapping)
    besieged = near.model_copy(update={"kind": "besieged"})
    assert not control_matches(besieged, wanted, mapping)
