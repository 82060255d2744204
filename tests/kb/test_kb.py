"""The knowledge base: packaged actors, generated country actors, user files."""

from __future__ import annotations

from collections import Counter

import pytest

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


def test_a_ring_across_the_date_line_keeps_its_centroid():
    from frontlines.kb import borders

    # A square from 179°E to 179°W, as TopoJSON writes it after a jump across the meridian.
    ring = borders._ring([[(179.0, 1.0), (-179.0, 1.0), (-179.0, -1.0), (179.0, -1.0)]], [0])
    area, lat, lon = borders._area_and_centroid(ring)
    assert area > 0 and abs(lat) < 1e-9 and abs(abs(lon) - 180.0) < 1e-9


def test_a_country_point_averages_the_published_point_and_a_distant_landmass_centroid():
    from frontlines.kb import borders, gazetteer

    if not borders.landmass_centroids():
        pytest.skip("world-atlas borders not installed (make setup copies them)")
    lat, lon = borders.landmass_centroids()["USA"]  # the contiguous states, not Alaska
    assert 38 < lat < 41 and -101 < lon < -97
    [usa] = [p for p in gazetteer.lookup("United States") if p.feature == "country"]
    assert (usa.lat, usa.lon) == borders.midpoint((38.0, -97.0), (lat, lon))
    assert borders.midpoint((0.0, 179.0), (0.0, -177.0)) == (0.0, -179.0)
    [syria] = [p for p in gazetteer.lookup("Syria") if p.feature == "country"]
    assert (syria.lat, syria.lon) == (35.0, 38.0)  # the two agree: the published point stands
