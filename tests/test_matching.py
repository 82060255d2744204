"""Loose name matching and actor linking, measured on the variant test sets."""

from __future__ import annotations

from pathlib import Path

from frontlines.eval_actors import evaluate_variants
from frontlines.kb.matching import actor_matcher, translit_key, word_key

DATA = Path(__file__).parent / "data"


def test_translated_names_match_by_their_words():
    matcher = actor_matcher()
    assert matcher.match("Movement of Islamic Resistance").ids == ["pse-hamas"]
    assert matcher.match("Party of Allah").ids == ["lbn-hezbollah"]
    assert matcher.match("Democratic Forces of Syria").ids == ["syr-sdf"]
    assert word_key("Forces de soutien rapide") == word_key("Rapid Support Forces")


def test_transliterations_share_a_spelling_key():
    assert translit_key("Zelenskyj") == translit_key("Zelenskiy")
    assert translit_key("Lawrow") == translit_key("Lavrov")
    assert translit_key("Axmed Madoobe") == translit_key("Ahmed Madobe")
    assert actor_matcher().match("Yevhen Pryhozhyn", person=True).ids == ["rus-prigozhin"]


def test_different_people_with_alike_names_do_not_merge():
    matcher = actor_matcher()
    assert matcher.match("Mohamed Abdi", person=True) is None
    assert matcher.match("Khalifa Ahmed", person=True) is None


def test_variant_set_accuracy_is_at_least_95_percent():
    score = evaluate_variants(DATA / "actor_variants.yaml")
    assert score.accuracy >= 0.95, "\n".join(score.lines())
    assert len(score.false_merges) <= 5


def test_held_out_variant_set_does_not_regress():
    # Written independently and never tuned on; 0.887 when this floor was set.
    score = evaluate_variants(DATA / "actor_variants_holdout.yaml")
    assert score.accuracy >= 0.85, "\n".join(score.lines())
    assert len(score.false_merges) <= 2


def test_light_coreference_set():
    score = evaluate_variants(DATA / "coreference.yaml")
    assert score.accuracy >= 0.9, "\n".join(score.lines())
    assert not score.false_merges
