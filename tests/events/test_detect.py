"""Event detection, typing and arguments on real sentences and the bundled examples."""

from __future__ import annotations

import pytest
from conftest import text_extraction

from frontlines.evaluation.gold import km
from frontlines.events.folding import TERRITORY_TYPES

TARHUNA = (32.43, 13.63)


def _only(events, **wanted):
    found = [e for e in events if all(getattr(e, k) == v for k, v in wanted.items())]
    assert len(found) == 1, [(e.event_type, e.sub_event_type, e.plover_type) for e in events]
    return found[0]


def test_founding_article_capture_of_tarhuna(founding):
    captures = [
        e
        for e in founding.events
        if e.sub_event_type in ("Non-violent transfer of territory", "Government regains territory")
        and e.date == "2020-06-05"
        and e.location
        and e.location.lat is not None
        and km(*TARHUNA, e.location.lat, e.location.lon) <= 30
    ]
    assert len(captures) == 1
    capture = captures[0]
    assert capture.actor1 is not None and capture.actor1.name.startswith(
        "Government of National Accord"
    )
    assert capture.time_precision == 1


def test_founding_article_uae_strike_is_one_event_with_two_evidence_spans(founding):
    strikes = [
        e
        for e in founding.events
        if e.sub_event_type == "Air/drone strike"
        and "ARE" in {e.actor1.country, *(a.country for a in e.assoc_actor_1)}
    ]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.location.name == "Tarhuna"
    texts = " | ".join(e.text for e in strike.evidence)
    assert "Emirati planes bombed" in texts and "Emirati marchers" in texts


def test_founding_article_events_point_at_their_text(founding, examples):
    body = examples["tarhuna-2020-06-05.txt"].text
    for event in founding.events:
        for evidence in event.evidence:
            assert body[evidence.start : evidence.end] == evidence.text


def test_foreign_state_forces_are_external_actors(founding):
    strike = next(e for e in founding.events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1.inter == 8  # Emirati forces acting in Libya


def test_airstrike_with_death_toll_takes_the_conservative_figure():
    result = text_extraction(
        "A drone strike by the Sudanese Armed Forces hit a market in El Fasher on Saturday, "
        "killing civilians. At least 12 people were killed, medics said; "
        "activists put the toll at 15.",
        "2024-05-12",
    )
    strike = _only(result.events, sub_event_type="Air/drone strike")
    assert strike.fatalities == 12
    assert strike.date == "2024-05-11"
    assert strike.location.name == "El Fasher"
    assert strike.plover_mode == "drone"


def test_protest_dispersed_by_police():
    result = text_extraction(
        "Police fired tear gas to disperse hundreds of students protesting in Dhaka on Tuesday.",
        "2024-07-18",
    )
    protest = _only(result.events, event_type="Protests")
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor1.name == "Protesters (Bangladesh)"
    assert protest.actor2.name == "Police Forces of Bangladesh"
    assert protest.date == "2024-07-16"


def test_roadside_bomb_is_a_remote_explosive():
    result = text_extraction(
        "A roadside bomb struck an army convoy near the town of Afgooye on Wednesday, "
        "killing three soldiers.",
        "2023-03-09",
    )
    blast = _only(result.events, sub_event_type="Remote explosive/landmine/IED")
    assert blast.fatalities == 3
    assert blast.location.country == "SOM"
    assert blast.location.geo_precision == 2  # near the town


def test_clashes_between_two_named_sides():
    result = text_extraction(
        "Heavy clashes between M23 rebels and the Armed Forces of the Democratic Republic of the "
        "Congo broke out near Sake on Tuesday.",
        "2024-02-14",
    )
    clash = _only(result.events, sub_event_type="Armed clash")
    assert {clash.actor1.country, clash.actor2.country} >= {"COD"}
    assert clash.location.name == "Sake"


def test_phone_call_is_plover_only():
    result = text_extraction(
        "The German Chancellor spoke by phone with the Turkish President on Monday.", "2021-03-10"
    )
    call = _only(result.events, plover_type="CONSULT")
    assert call.event_type is None and call.sub_event_type is None
    assert call.plover_mode == "phone"


def test_report_without_conflict_events_gives_none():
    result = text_extraction(
        "The national football team won the cup final 2-1 in Cairo on Friday, and fans celebrated "
        "late into the night.",
        "2024-02-10",
    )
    assert result.events == []


def test_background_events_are_marked_historical():
    result = text_extraction(
        "Rebels captured the town of Kidal in 2012. On Sunday the army entered Kidal.", "2023-11-15"
    )
    old = [e for e in result.events if e.historical]
    assert old and old[0].date.startswith("2012")


def test_negated_event_is_denied():
    result = text_extraction(
        "The army did not shell Kherson on Saturday, a spokesman said.", "2023-01-15"
    )
    assert all(e.modality == "denied" for e in result.events)


def test_a_battle_for_ground_is_named_by_who_takes_it():
    from frontlines import extract

    rebels = extract(
        "Al-Shabaab fighters recaptured the town of Baidoa from government troops after heavy "
        "fighting.",
        published="2023-05-10",
    ).events
    army = extract(
        "Somali army troops seized the town of Baidoa from Al-Shabaab fighters after heavy "
        "fighting.",
        published="2023-05-10",
    ).events
    assert rebels[0].sub_event_type == "Non-state actor overtakes territory"
    assert army[0].sub_event_type == "Government regains territory"


def test_our_forces_in_a_quote_are_the_speakers_side():
    result = text_extraction(
        '"Our forces took full control of the town of Afgooye this morning," said a spokesman '
        "for the Somali National Army.",
        "2023-08-02",
    )
    taken = [e for e in result.events if e.location and e.location.name == "Afgooye"]
    # the Somali National Army, which ACLED codes as Military Forces of Somalia
    assert taken and taken[0].actor1 is not None and taken[0].actor1.id == "SOM-military"
    assert taken[0].modality == "claimed"


def test_shooting_in_the_air_to_celebrate_is_no_battle():
    result = text_extraction(
        "After the victory, fighters of the Somali National Army danced in the streets of "
        "Kismayo and some opened fire in the air.",
        "2023-08-02",
    )
    assert not [
        e for e in result.events if e.event_type in ("Battles", "Violence against civilians")
    ]


def test_deaths_in_a_disaster_an_epidemic_or_an_accident_are_no_event():
    for text in (
        "A strong earthquake killed at least 30 people in the hill villages on Sunday.",
        "Measles has killed 14 children in the displacement camps since March.",
        "A minibus overturned on the coast road, killing seven passengers.",
        "Six workers were killed in a mine collapse and two more died in a road accident.",
        # the hazard in another clause, and a toll of bodies found after it
        "At least five people were killed after a volcano suddenly erupted off the coast.",
        "Officials said bodies of 12 people have been found following the eruption.",
    ):
        assert text_extraction(text, "2023-08-02").events == [], text
    # The same harm done by someone is an event; "stormed" is no storm.
    stormed = text_extraction(
        "Four armed men stormed a hotel in Nairobi, killing 14.", "2019-01-16"
    )
    assert [e.fatalities for e in stormed.events] == [14]
    shelled = text_extraction("Artillery fire killed four civilians in Kherson.", "2023-08-02")
    assert [e.fatalities for e in shelled.events] == [4]


def test_a_sentence_of_states_holds_no_event():
    result = text_extraction(
        "Egypt and the United Arab Emirates are at the forefront of the states backing the "
        "eastern forces, and they remain committed to them.",
        "2023-08-02",
    )
    assert result.events == []


def test_a_look_back_is_background():
    result = text_extraction(
        "Turkish drones played a key role in striking the air defence systems used by the "
        "eastern forces.",
        "2023-08-02",
    )
    assert result.events and all(e.historical for e in result.events)
    today = text_extraction(
        "Russian warplanes bombed rebel positions around Aleppo, playing a major part in the "
        "offensive.",
        "2023-08-02",
    )
    assert today.events and not today.events[0].historical


def test_a_happening_is_no_doer_of_a_territorial_change():
    result = text_extraction(
        "The siege of the city lasted for a year, but the process of taking it took only days.",
        "2023-08-02",
    )
    assert not [e for e in result.events if e.event_type == "Strategic developments"]


def test_a_chase_is_no_battle_until_a_fight_is_reported():
    result = text_extraction(
        "A police spokesman said that officers were hunting Boko Haram fighters who had fled "
        "from Maiduguri into the forest.",
        "2023-08-02",
    )
    assert not [e for e in result.events if e.event_type == "Battles"]


def test_a_summary_of_gains_joins_the_gain_it_sums_up():
    result = text_extraction(
        "The Malian army took control of most of northern Mali on Monday. Malian army troops "
        "entered Kidal on Monday after the rebels withdrew.",
        "2023-11-15",
    )
    gains = [e for e in result.events if e.sub_event_type in TERRITORY_TYPES]
    assert len(gains) == 1
    assert gains[0].location.name == "Kidal" and len(gains[0].evidence) == 2


def test_a_call_is_placed_where_the_text_says_else_only_in_the_speakers_country():
    result = text_extraction(
        "On Monday the German Chancellor spoke by phone with the Turkish President, who said "
        "that Turkey would send more aid to Syria.",
        "2021-03-10",
    )
    call = _only(result.events, plover_type="CONSULT")
    assert call.location is not None  # not Syria, which the call was about
    assert (call.location.country, call.location.geo_precision) == ("DEU", 3)
    talks = text_extraction(
        "Envoys of Sudan's army and the RSF held talks in Jeddah on Saturday.", "2023-05-07"
    )
    met = [e for e in talks.events if e.plover_type == "CONSULT"]
    assert met and met[0].location is not None and met[0].location.name == "Jeddah"


def test_a_readiness_to_act_is_no_mere_state():
    result = text_extraction(
        "Kenya is ready to send 1,000 police officers to Haiti, its foreign minister said.",
        "2023-08-02",
    )
    assert result.events


def test_a_place_describing_the_doer_is_not_where_it_acted():
    result = text_extraction(
        "Fighters of JNIM, the alliance active across the Sahel, took control of the town of "
        "Menaka on Sunday, residents said.",
        "2023-08-02",
    )
    taken = [e for e in result.events if e.sub_event_type in TERRITORY_TYPES]
    assert taken and taken[0].location is not None and taken[0].location.country == "MLI"
    assert taken[0].location.name != "Sahel"
    unknown = text_extraction(
        "Fighters of JNIM, the alliance active across the Sahel, took control of the village of "
        "Kelwaradou on Sunday, residents said.",
        "2023-08-02",
    )
    assert all(e.location is None or e.location.name != "Sahel" for e in unknown.events)


def test_the_same_attack_told_in_detail_is_one_event():
    result = text_extraction(
        "A roadside bomb struck an army convoy near Baidoa on Tuesday, killing four soldiers. "
        "The explosion destroyed two trucks. A second device was found on the same road by "
        "engineers.",
        "2023-08-02",
    )
    bombs = [e for e in result.events if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1 and len(bombs[0].evidence) >= 2
    assert bombs[0].fatalities == 4


def test_an_obligation_put_on_another_is_a_demand():
    result = text_extraction(
        "The opposition said the government must hold talks with the unions before the vote.",
        "2024-03-10",
    )
    assert result.events and result.events[0].plover_type == "REQUEST"
    assert result.events[0].event_type is None


def _first_types(text: str) -> str | None:
    events = text_extraction(text, "2024-03-10").events
    return events[0].plover_type if events else None


def test_relations_cut_are_sanctions_by_what_is_cut():
    assert _first_types("Niger cut diplomatic ties with France on Friday.") == "SANCTION"
    assert (
        _first_types("Kenya expelled three Ugandan diplomats accused of spying, officials said.")
        == "SANCTION"
    )
    assert _first_types("Sudan suspended its participation in the talks in Jeddah.") == "SANCTION"


def test_restrictions_imposed_eased_and_a_blockade_lifted():
    assert _first_types("The Malian junta imposed a night curfew on Gao.") == "COERCE"
    assert _first_types("The Ethiopian government lifted the curfew in Addis Ababa.") == "CONCEDE"
    assert _first_types("The Saudi navy lifted its blockade of Hodeidah port.") == "RETREAT"


def test_complaints_inquiries_aid_and_roads_blocked():
    assert _first_types("Algeria lodged a formal complaint with Morocco over the incident.") == (
        "ACCUSE"
    )
    assert _first_types("Ghana has opened an investigation into the killing of two soldiers.") == (
        "ACCUSE"
    )
    assert _first_types("The Red Cross delivered medicine and blankets to villages near Goma.") == (
        "AID"
    )
    assert _first_types("Farmers blocked the main highway into Delhi for six hours.") == "PROTEST"


def test_ties_restored_refusals_and_conditions():
    assert _first_types("Egypt and Qatar restored diplomatic relations on Thursday.") == "SUPPORT"
    refused = text_extraction("The rebels refused to sign the peace agreement.").events[0]
    assert refused.plover_type == "REJECT" and refused.sub_event_type is None
    condition = "The opposition may boycott the talks if the election date is not fixed."
    assert _first_types(condition) == "THREATEN"


def test_a_demand_put_in_anothers_mouth_is_the_speakers():
    demand = text_extraction("Ethiopia said that Eritrea must withdraw its troops from the border.")
    first = demand.events[0]
    assert first.plover_type == "REQUEST"
    assert first.actor1.country == "ETH" and first.actor2.country == "ERI"
    pledge = text_extraction("Switzerland said it had expelled two Russian diplomats.").events[0]
    assert pledge.plover_type == "SANCTION" and pledge.actor1.country == "CHE"


def test_the_act_under_a_verb_of_aspect_is_the_main_act():
    assert _first_types("Qatar continued to send food aid to Gaza last month.") == "AID"


def test_a_date_in_a_relative_clause_or_after_since_dates_something_else():
    events = text_extraction(
        "Syrian troops capture the castle from rebels after laying siege to it since January.",
        "2014-03-20",
    ).events
    assert events and not events[0].historical and events[0].date == "2014-03-20"
    events = text_extraction(
        "Islamic State fighters recapture the town of Rutba, which they withdrew from in May.",
        "2016-10-24",
    ).events
    assert events and not events[0].historical and events[0].date == "2016-10-24"


def test_an_events_place_is_not_in_a_partys_name_nor_a_country_where_a_town_is_named():
    def place(text: str) -> str | None:
        events = text_extraction(text, "2020-05-01").events
        return events[0].location.name if events and events[0].location else None

    assert place("The United States launches an airstrike in Nangarhar, killing two fighters.") == (
        "Nangarhār"
    )
    assert place("Al-Qaeda in the Arabian Peninsula attacks a military camp in Abyan, Yemen.") == (
        "Abyan"
    )
    assert place("Several rockets fired from Syria strike the Turkish city of Kilis.") == "Kilis"
    assert place("Gunmen kill two polio vaccinators in northwest Pakistan.") == "Pakistan"


def test_an_event_with_no_place_in_its_clause_takes_its_sentences():
    events = text_extraction(
        "Soldiers open fire against protesters during protests against police brutality in "
        "Lagos, Nigeria, killing about 20 people.",
        "2020-10-21",
    ).events
    assert events and all(e.location is not None for e in events)


def test_a_date_of_something_the_sentence_only_mentions_does_not_make_the_event_old():
    events = text_extraction(
        "Tens of thousands of people gather in Hong Kong to remember the victims of the 1989 "
        "Tiananmen Square protests.",
        published="2011-06-04",
    ).events
    assert events and events[0].sub_event_type == "Peaceful protest"
    assert not events[0].historical


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # the day a relative clause gives the event noun
        (
            "The death toll of an attack that occurred on 22 December 2019 rises to 50 after "
            "more bodies are found in Lake Chad.",
            "2020-01-03",
            "2019-12-22",
        ),
        # a weekday's night, before publication
        (
            "Afghan authorities say that, in a joint operation on Saturday night, Afghan forces "
            "killed the head of the militant group.",
            "2018-08-26",
            "2018-08-25",
        ),
    ],
)
def test_the_day_the_sentence_names_dates_the_event(text, published, day):
    events = text_extraction(text, published=published).events
    assert events and events[0].date == day


def test_the_dated_event_a_short_report_opens_with_is_its_news():
    # an event record published months after the day it names: not background
    events = text_extraction(
        "On 3 March 2021, in Kalehe (South Kivu), two women were raped by unidentified armed "
        "men while working in their fields.",
        published="2021-06-10",
    ).events
    assert events and events[0].sub_event_type == "Sexual violence"
    assert not events[0].historical and events[0].date == "2021-03-03"


def test_an_industrial_accident_is_no_political_violence():
    accident = text_extraction(
        "Six people were killed when a chemical plant exploded on Thursday in Jiangsu, China.",
        published="2020-05-10",
    )
    assert [e.sub_event_type for e in accident.events if e.sub_event_type] == []
    bombing = text_extraction(
        "A bomb planted near a chemical plant exploded in Homs, Syria, killing three.",
        published="2020-05-10",
    )
    assert [e.sub_event_type for e in bombing.events] == ["Remote explosive/landmine/IED"]


def test_the_type_of_the_sentence_is_its_main_clauses_not_a_participles():
    # "a missile fired by rebels": the missile's firing is told inside what was shot down
    extraction = text_extraction(
        "Saudi Arabia shoots down a Scud missile fired by Houthi rebels at Khamis Mushait.",
        published="2015-06-06",
    )
    first = extraction.events[0]
    assert (first.sub_event_type, first.actor1.name) == (
        "Disrupted weapons use",
        "Military Forces of Saudi Arabia",
    )


@pytest.mark.parametrize(
    "opening, date, precision",
    [
        ("On or about 5 May 2020", "2020-05-05", 2),
        ("Sometime in early April 2020", "2020-04-01", 3),
    ],
)
def test_a_roughly_dated_event_a_short_report_opens_with_is_its_news(opening, date, precision):
    events = text_extraction(
        f"{opening}, gunmen killed two farmers in Kaduna, Nigeria.", published="2020-06-20"
    ).events
    assert [(e.date, e.time_precision, e.historical) for e in events] == [(date, precision, False)]


def test_a_coders_bracketed_tag_after_a_report_is_no_event_of_its_own():
    extraction = text_extraction(
        "On 6 May 2020, unidentified gunmen killed a woman in Kaya (Kaya, Sanmatenga). "
        "[women targeted: candidates for political office]",
        "2020-05-20",
    )
    assert [(e.sub_event_type, e.fatalities) for e in extraction.events] == [("Attack", 1)]
