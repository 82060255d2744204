"""Sides named by description, not by name, and control verbs the tagger misreads.
Sentences written for these tests."""

from __future__ import annotations

from frontlines import extract

PUBLISHED = "2024-03-10"  # a Sunday


def _picture(text: str):
    return extract(text, published=PUBLISHED)


def _names(extraction, actor_id: str | None) -> list[str]:
    actor = next((a for a in extraction.actors if a.id == actor_id), None)
    return [m.text for m in actor.mentions] if actor else []


def test_a_described_side_that_loses_a_place_is_an_actor_and_opposes_the_taker():
    found = _picture(
        "Ukrainian government forces recaptured the town of Krasnyi Luch from pro-Russian "
        "insurgents."
    )
    change = found.control[0]
    assert change.gained_by == "UKR-military"
    assert _names(found, change.lost_by) == ["pro-Russian insurgents"]
    assert ("UKR-military", "opposes", change.lost_by) in {
        (r.source, r.kind, r.target) for r in found.relations
    }


def test_government_forces_of_the_report_country_hold_the_words_that_name_them():
    found = _picture(
        "Rebels seized the town of Duekoue in western Ivory Coast from government forces."
    )
    change = found.control[0]
    assert change.lost_by == "CIV-military"
    assert "government forces" in _names(found, "CIV-military")
    assert _names(found, change.gained_by) == ["Rebels"]


def test_forces_of_a_described_government_are_one_side_named_by_the_whole_phrase():
    found = _picture(
        "Forces of the internationally recognised Libyan government seized the town of Gharyan."
    )
    assert _names(found, found.control[0].gained_by) == [
        "Forces of the internationally recognised Libyan government"
    ]


def test_forces_loyal_to_a_named_person_stay_his_and_troops_alone_are_no_new_side():
    found = _picture("Forces loyal to Khalifa Haftar and the troops entered the town of Gharyan.")
    assert not any(a.id.startswith("side-") for a in found.actors)


def test_a_later_short_phrase_is_the_same_side_as_the_longer_one_before():
    found = _picture(
        "Pro-Russian rebels captured the town of Debaltseve. The rebels then entered Vuhlehirsk."
    )
    sides = [a for a in found.actors if a.id.startswith("side-")]
    assert len(sides) == 1 and len(sides[0].mentions) == 2


def test_a_side_word_on_a_commander_names_the_side_he_commands():
    relations = {(r.source, r.kind, r.target) for r in _picture(
        "Rebel commander Igor Girkin confirmed the news on Monday."
    ).relations}
    assert ("new-igor-girkin", "commands", "side-rebel") in relations


def test_a_headline_present_tense_the_tagger_takes_for_a_noun_is_still_a_capture():
    found = _picture(
        "Civil war in Yemen: Government forces supported by the Arab coalition capture Marib "
        "Dam, near the city."
    )
    assert [(c.kind, c.gained_by) for c in found.control] == [("captured", "YEM-military")]


def test_an_irregular_prefixed_past_form_is_a_capture():
    found = _picture("Pro-Hadi government forces retook the town of Aden from Houthi fighters.")
    assert [(c.kind, c.place) for c in found.control] == [("captured", "Aden")]


def test_militias_loyal_to_an_unnamed_government_are_a_side_by_the_whole_phrase():
    found = _picture(
        "Militias loyal to the Libyan government retook the town of Gharyan from forces loyal "
        "to Khalifa Haftar."
    )
    change = found.control[0]
    assert _names(found, change.gained_by) == ["Militias loyal to the Libyan government"]
    assert change.lost_by == "lby-lna"


def test_an_internationally_recognised_government_is_no_backer_of_the_country():
    relations = _picture(
        "Forces of the internationally-recognized Libyan government captured the city of Sirte "
        "from ISIL."
    ).relations
    assert [r.kind for r in relations] == ["opposes"]


def test_a_country_s_rebels_are_a_side_of_their_own_not_the_unnamed_class():
    found = _picture(
        "Syrian rebels took control of the city of Idlib after clashes with "
        "government forces."
    )
    change = found.control[0]
    assert _names(found, change.gained_by) == ["Syrian rebels"]
    assert (change.gained_by, "opposes", "SYR-military") in {
        (r.source, r.kind, r.target) for r in found.relations
    }


def test_rebel_groups_allied_to_a_country_are_a_side_allied_with_it():
    found = _picture(
        "Turkey and its allied Syrian rebel groups launched an offensive against the Syrian "
        "Democratic Forces."
    )
    (allied,) = [r for r in found.relations if r.kind == "allied_with"]
    assert allied.target == "TUR"
    assert _names(found, allied.source) == ["allied Syrian rebel groups"]


def test_fighting_that_erupts_between_two_sides_opposes_them():
    relations = {(r.source, r.kind, r.target) for r in _picture(
        "Fighting erupted between Ukrainian forces and pro-Russian separatists near Donetsk."
    ).relations}
    assert ("UKR-military", "opposes", "side-pro-russian-separatists") in relations


def test_strikes_in_support_of_a_side_support_it():
    relations = {(r.source, r.kind, r.target) for r in _picture(
        "Egypt carried out airstrikes in support of Haftar's forces."
    ).relations}
    assert ("EGY", "supports", "lby-lna") in relations


def test_a_backed_side_is_named_with_its_backer_who_supports_it_where_it_fights():
    found = _picture("NATO-backed rebels entered Tripoli on Monday.")
    side = found.control[0].gained_by
    assert _names(found, side) == ["NATO-backed rebels"]
    assert ("int-nato", "supports", side) in {(r.source, r.kind, r.target) for r in found.relations}
    idle = _picture("A statue was bulldozed by Turkish-backed forces.")
    assert not any(r.kind == "supports" for r in idle.relations)


def test_our_forces_in_a_quote_stay_the_speaker_s_not_a_new_side():
    found = _picture(
        'GNA spokesman Mohamed Gnounou said: "Our heroic forces took control of the entire '
        'city of Tarhuna."'
    )
    assert not any(a.id.startswith("side-") for a in found.actors)


def test_backed_by_a_name_the_parser_hung_elsewhere_still_supports():
    relations = {(r.source, r.kind, r.target) for r in _picture(
        "Civil war in Yemen: Government forces backed by the Arab coalition capture Marib Dam, "
        "near the city."
    ).relations}
    assert ("sau-coalition", "supports", "YEM-military") in relations


def test_x_and_allied_y_read_as_a_verb_is_still_an_alliance():
    relations = {(r.source, r.kind, r.target) for r in _picture(
        "It was a diversion from the campaign by Turkey and allied Syrian militia forces to "
        "invade Afrin."
    ).relations}
    assert any(kind == "allied_with" and "TUR" in (a, b) for a, kind, b in relations)


def test_a_long_organisation_name_is_a_party_and_an_apposition_s_alliance_is_asserted():
    found = _picture(
        "The Benghazi Defense Brigades, an ally of the Shura Council of Benghazi "
        "Revolutionaries, claimed to have captured two oil fields."
    )
    (allied,) = [r for r in found.relations if r.kind == "allied_with"]
    assert allied.modality == "asserted"
    assert "Shura Council of Benghazi Revolutionaries" in _names(found, allied.target) + _names(
        found, allied.source
    )
