"""The relate stage on sentences written for these tests: quotes and their speakers, control
changes, relations between actors; and the founding article's required picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FOUNDING, SHARED

from frontlines import extract
from frontlines.relate.quotes import find_quote_spans

PUBLISHED = "2023-05-10"  # a Wednesday
SEED_GOLD = SHARED / "seed" / "gold.json"


def _quotes(text: str):
    return extract(text, published=PUBLISHED).quotes


def test_quote_marks_of_every_common_style_are_found():
    text = 'He said "one two" and \u201cthree four\u201d, \u00abfive six\u00bb, \u201eseven\u201c.'
    found = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert found == ["one two", "three four", "five six", "seven"]


def test_an_apostrophe_does_not_open_a_quote():
    text = "The rebels\u2019 commander said \u2018we hold the bridge\u2019 on Monday."
    found = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert found == ["we hold the bridge"]


def test_guillemets_with_inverted_said_and_an_appositive_role():
    (quote,) = _quotes(
        "\u00abWe will not leave the city\u00bb, said General Abdi Osman, "
        "commander of the Jubaland forces."
    )
    assert quote.direct and quote.text == "We will not leave the city"
    assert quote.speaker.name == "Abdi Osman"
    assert quote.speaker.role == "commander"
    assert quote.speaker.actor == "som-jubaland-forces"


def test_a_quote_standing_alone_continues_the_previous_speaker():
    first, second = _quotes(
        "\u201cThe ceasefire is holding,\u201d the UN envoy told reporters. "
        "\u201cWe are cautiously optimistic.\u201d"
    )
    assert first.text == "The ceasefire is holding"
    assert first.speaker.name == second.speaker.name == "the UN envoy"
    assert first.speaker.role == "envoy" and first.speaker.actor == "int-un"


def test_a_quote_running_across_paragraphs_is_one_quote():
    (quote,) = _quotes(
        "The minister said: \u201cThe army has secured the northern border.\n\n"
        "\u201cNo further incursions will be tolerated.\u201d"
    )
    assert "northern border" in quote.text and "No further incursions" in quote.text
    assert quote.speaker.name == "The minister"


def test_according_to_and_a_later_pronoun():
    quotes = _quotes(
        "\u201cThe situation is catastrophic,\u201d according to Maria Lopez, a spokeswoman "
        "for the aid group. She added, \u201cThe road to the camp has been cut for a week.\u201d"
    )
    assert [q.speaker.name for q in quotes if q.direct] == ["Maria Lopez", "Maria Lopez"]
    assert quotes[0].speaker.role == "spokeswoman"


def test_reported_speech_is_not_direct():
    (quote,) = _quotes("The governor said that rebels had burned three schools.")
    assert not quote.direct
    assert quote.text == "rebels had burned three schools"
    assert quote.speaker.role == "governor"


def test_a_scare_quote_is_not_speech():
    assert _quotes('Troops entered the so-called "security zone" at dawn.') == []


def _control(text: str):
    return [
        (c.kind, c.place, c.gained_by, c.lost_by)
        for c in extract(text, published=PUBLISHED).control
    ]


def test_capture_gives_the_place_to_the_subject():
    assert _control("Rebels of the M23 movement captured the town of Rutshuru on Tuesday.") == [
        ("captured", "Rutshuru", "cod-m23", None)
    ]


def test_withdrawal_and_fall():
    assert _control("Malian government forces withdrew from Kidal on Sunday.") == [
        ("withdrew", "Kidal", None, "MLI-military")
    ]
    assert _control("The city of Bakhmut fell to Russian forces on Saturday.") == [
        ("captured", "Bakhmut", "RUS-military", None)
    ]


def test_a_town_left_as_the_object_of_the_main_verb():
    # The walk up from "Homs" to the verb must stop at the verb and at the root (spaCy makes a
    # new Token object on every access, so comparing them by identity never ended the walk).
    assert _control("Government troops left Homs overnight, the monitor said.") == [
        ("withdrew", "Homs", None, "SYR-military")
    ]


def test_siege():
    assert _control("JNIM fighters besieged the town of Djibo.") == [
        ("besieged", "Djibo", "mli-jnim", None)
    ]


def test_a_negated_change_is_kept_as_denied_and_a_reference_point_is_no_change():
    denied = extract("The army did not enter Kidal.", published=PUBLISHED).control
    assert [(c.kind, c.place, c.modality) for c in denied] == [("entered", "Kidal", "denied")]
    assert _control("Fighters seized a checkpoint 20 km south of Kidal.") == []


def test_a_party_saying_it_took_a_place_is_a_claim_and_several_places_are_each_taken():
    changes = extract(
        "The Syrian army said its forces had taken control of Saraqib and Ariha.",
        published=PUBLISHED,
    ).control
    assert {(c.place, c.gained_by, c.modality) for c in changes} >= {
        ("Saraqib", "SYR-military", "claimed")
    }
    assert len({c.place for c in changes}) == 2


def test_a_two_letter_fragment_is_never_a_place():
    changes = extract(
        "Haftar's forces seized the ports of Sidra, Ra's Lanuf and Zueitina.", published=PUBLISHED
    ).control
    assert all(sum(ch.isalpha() for ch in c.place) >= 3 for c in changes)
    assert len(changes) == 2


def test_an_unknown_village_does_not_hand_its_region_over():
    # the village is taken by the name the text gives, with no point; the region is not taken
    (change,) = extract(
        "The army liberated the village of Zqarwen in the Kidal region.", published=PUBLISHED
    ).control
    assert (change.place, change.lat, change.lon) == ("Zqarwen", None, None)


def test_control_change_date_comes_from_its_clause():
    (change,) = extract(
        "Rebels of the M23 movement captured the town of Rutshuru on Tuesday.",
        published=PUBLISHED,
    ).control
    assert change.date == "2023-05-09"


def _relations(text: str):
    return [
        (r.kind, r.source, r.target, r.modality)
        for r in extract(text, published=PUBLISHED).relations
    ]


def test_backed_by_and_support_for():
    assert _relations("The M23 rebels, backed by Rwanda, seized the town of Bunagana.") == [
        ("supports", "RWA", "cod-m23", "asserted")
    ]
    assert _relations("Iran's support for the Houthis has grown since 2015.") == [
        ("supports", "IRN", "yem-houthis", "asserted")
    ]


def test_denied_and_claimed_support_are_kept_as_such():
    assert _relations("Rwanda denied supporting the M23 rebels.") == [
        ("supports", "RWA", "cod-m23", "denied")
    ]
    claimed = _relations("Congo accused Rwanda of arming the M23 rebels.")
    assert ("supports", "RWA", "cod-m23", "claimed") in claimed


def test_alliance():
    assert ("allied_with", "som-al-shabaab", "int-al-qaeda", "asserted") in _relations(
        "Al-Shabaab fighters, allied with al-Qaeda, attacked the base."
    )


def test_support_modes_from_adverbs_on_the_clause():
    relations = extract(
        "Egypt is at the forefront of countries supporting the Houthis, both politically "
        "and militarily.",
        published=PUBLISHED,
    ).relations
    assert {(r.source, r.target, r.mode) for r in relations} == {
        ("EGY", "yem-houthis", "political"),
        ("EGY", "yem-houthis", "military"),
    }


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="../shared/seed is not beside the repository")
def test_founding_article_picture_meets_its_gold():
    from frontlines.evaluation.gold import evaluate_gold

    score = evaluate_gold(SEED_GOLD)
    assert score.figures["required relations"] == 1.0
    assert score.figures["must_not_relate pairs absent"] == 1.0
    assert score.figures["required control"] == 1.0
    assert score.figures["required quotes"] == 1.0


def test_quote_offsets_point_at_its_words():
    text = (
        "\u201cThe ceasefire is holding,\u201d the UN envoy told reporters. "
        "The governor said that rebels had burned three schools."
    )
    for quote in extract(text, published=PUBLISHED).quotes:
        assert text[quote.start : quote.end] == quote.text


def _resolved(path: Path):
    from frontlines.link import link
    from frontlines.mentions import find_mentions
    from frontlines.normalize import normalize
    from frontlines.parse import parse
    from frontlines.read import text_document
    from frontlines.resolve import resolve

    document = text_document(path.read_bytes(), path.name)
    return resolve(link(find_mentions(parse(document, normalize(document)))))


def test_actor_lookup_over_tokens_agrees_with_the_plain_scan():
    """roles reads the actors over a phrase from a per-document index: the same answer as
    testing every mention against every token."""
    import random

    from frontlines.clauses import roles

    resolved = _resolved(FOUNDING)
    doc = resolved.linked.parsed.doc

    def plain(tokens):
        spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
        found, seen, taken = [], set(), []
        ordered = sorted(resolved.linked.actor_of.items(), key=lambda i: (i[0][0], -i[0][1]))
        for (start, end), actor_id in ordered:
            if actor_id in seen or any(a <= start and end <= b for a, b in taken):
                continue
            if any(s < end and start < e for s, e in spans):
                if roles._locative_country(start, end, actor_id, resolved):
                    continue
                seen.add(actor_id)
                taken.append((start, end))
                found.append((start, actor_id))
        # a commander stands for his forces, as in the events
        return [roles._ref(actor_id, "", resolved).id for _, actor_id in sorted(found)]

    rng = random.Random(3)
    for _ in range(300):
        first = rng.randrange(len(doc))
        tokens = [t for t in doc[first : first + rng.randint(1, 40)] if rng.random() < 0.7]
        assert [r.id for r in roles._named_refs(tokens, resolved)] == plain(tokens)
