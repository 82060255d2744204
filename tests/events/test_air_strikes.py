"""Air and drone strikes the report attributes to no one: who flies over the country."""

from __future__ import annotations

from conftest import text_extraction

from frontlines.events.air_strikes import air_operator


def _doer(text: str, published: str) -> tuple:
    event = text_extraction(text, published=published).events[0]
    return event.sub_event_type, event.actor1.name if event.actor1 else None


def test_the_table_reads_weapon_and_period():
    assert air_operator("PAK", "2014-07-16", drone=True) == "USA-military"
    assert air_operator("PAK", "2014-07-16", drone=False) == "PAK-military"
    assert air_operator("YEM", "2014-01-01", drone=False) == "YEM-military"
    assert air_operator("YEM", "2016-01-01", drone=False) == "sau-coalition"
    assert air_operator("AFG", "2016-01-01", drone=False) is None  # several air forces
    assert air_operator("FRA", "2016-01-01", drone=False) is None
    assert air_operator(None, "2016-01-01", drone=False) is None


def test_an_unattributed_drone_strike_is_who_flies_there():
    assert _doer(
        "A drone strike kills at least 20 people in North Waziristan, Pakistan.", "2014-07-16"
    ) == ("Air/drone strike", "Military Forces of United States")


def test_an_unattributed_airstrike_in_gaza_is_israels():
    assert _doer("An airstrike kills three people in Gaza City.", "2014-07-20") == (
        "Air/drone strike",
        "Military Forces of Israel",
    )


def test_a_named_doer_stays():
    assert _doer("Russian airstrikes kill 12 people in Idlib, Syria.", "2016-03-01") == (
        "Air/drone strike",
        "Military Forces of Russia",
    )


def test_a_strike_the_report_blames_on_a_group_is_that_group_s():
    from frontlines import extract

    result = extract(
        "At least 12 people were killed when drones struck a market in Omdurman on Monday. "
        "Witnesses blamed the Rapid Support Forces for the attack.",
        published="2023-08-15",
    )
    strikes = [e for e in result.events if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 is not None and strikes[0].actor1.id == "sdn-rsf"
