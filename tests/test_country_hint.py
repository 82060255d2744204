"""A country hint for a document or a batch: JSON Lines `country`, front matter `country:`,
`--country` on extract and ingest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from frontlines.cli import cli
from frontlines.read import BadDocument, ReadError, make_document, read_inputs

TEXT = "Unknown gunmen killed four villagers in a village on Tuesday, a local official said."


@pytest.mark.parametrize("value", ["BFA", "bfa", "BF", "Burkina Faso"])
def test_codes_and_names_give_the_alpha_3_code(value):
    assert make_document(TEXT, country=value).country == "BFA"


def test_a_value_that_names_no_country_is_a_clear_error(tmp_path):
    with pytest.raises(BadDocument, match="'Narnia' is not a country"):
        make_document(TEXT, country="Narnia")
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "country": "Narnia"}) + "\n")
    (item,) = read_inputs([str(path)])
    assert isinstance(item, ReadError) and "a.jsonl:1" in str(item)


def test_front_matter_country(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(f"---\npublished: 2021-03-10\ncountry: Mali\n---\n{TEXT}\n")
    (document,) = read_inputs([str(path)])
    assert document.country == "MLI"


def _extract(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", *args])
    assert result.exit_code in (0, 2), result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_the_batch_hint_gives_generic_actors_their_country(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": TEXT, "published": "2021-03-10"}) + "\n")
    (without,) = _extract(str(path))
    assert not without["events"] or without["events"][0]["actor1"] is None  # nothing invented
    (hinted,) = _extract("--country", "Burkina Faso", str(path))
    event = hinted["events"][0]
    assert event["actor1"]["name"] == "Unidentified Armed Group (Burkina Faso)"
    assert event["actor2"]["name"] == "Civilians (Burkina Faso)"


def test_a_bad_batch_hint_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    result = CliRunner().invoke(cli, ["extract", "--country", "Narnia", str(path)])
    assert result.exit_code != 0 and "Narnia" in result.output
