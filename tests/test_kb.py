"""The knowledge base: packaged actors, generated country actors, user files."""

from __future__ import annotations

from collections import Counter

from frontlines.kb import load_actor_records
from frontlines.kb.countries import countries


def test_at_least_300_named_actors_with_valid_fields():
    records = load_actor_records()
    named = [r for r in records if not r.id[:3].isupper()]
    assert len(named) >= 300
    ids = {r.id for r in records}
    for record in named:
        assert record.inter is None or 1 <= record.inter <= 8, record.id
        assert record.country is None or record.country in countries(), record.id
        assert all(i in ids for i in record.member_of + record.commands), record.id


def test_every_country_has_state_forces_and_generic_classes():
    ids = {r.id for r in load_actor_records()}
    for iso3 in ("LBY", "SDN", "MMR", "HTI", "UKR"):
        for suffix in (
            "",
            "-military",
            "-police",
            "-protesters",
            "-rioters",
            "-civilians",
            "-unidentified",
        ):
            assert f"{iso3}{suffix}" in ids


def test_demonyms_resolve_to_the_sovereign_country():
    by_demonym = {d: c.iso3 for c in countries().values() for d in c.demonyms}
    assert by_demonym["French"] == "FRA"
    assert by_demonym["American"] == "USA"
    assert by_demonym["Emirati"] == "ARE"
    assert by_demonym["British"] == "GBR"
    assert countries()["GBR"].name == "United Kingdom"


def test_conflicts_named_in_the_issue_are_covered():
    countries_covered = Counter(r.country for r in load_actor_records() if not r.id[:3].isupper())
    for iso3 in (
        "LBY",
        "SDN",
        "YEM",
        "SYR",
        "IRQ",
        "MLI",
        "BFA",
        "NER",
        "NGA",
        "SOM",
        "ETH",
        "COD",
        "MOZ",
        "MMR",
        "AFG",
        "PAK",
        "ISR",
        "PSE",
        "LBN",
        "UKR",
        "RUS",
        "COL",
        "MEX",
        "HTI",
    ):
        assert countries_covered[iso3] >= 2, iso3


def test_user_file_overrides_and_adds(tmp_path):
    user = tmp_path / "kb.yaml"
    user.write_text(
        "- id: lby-gna\n  name: GNA (my name)\n  type: government\n  inter: 1\n  country: LBY\n"
        "- id: xx-new\n  name: New Front\n  type: rebel_group\n  inter: 2\n  country: MLI\n"
    )
    records = {r.id: r for r in load_actor_records(str(user))}
    assert records["lby-gna"].name == "GNA (my name)"
    assert records["xx-new"].type == "rebel_group"
