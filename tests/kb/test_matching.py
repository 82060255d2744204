"""Loose name matching and actor linking, measured on the variant test sets."""

from __future__ import annotations

from pathlib import Path

from frontlines.evaluation.actors import evaluate_variants
from frontlines.kb.matching import actor_matcher, translit_key, word_key

DATA = Path(__file__).resolve().parents[1] / "data"


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


def test_a_short_spelling_key_matches_only_exactly():
    # The key of "al-Qaida" is four letters; a town one letter longer is no spelling of it.
    matcher = actor_matcher()
    assert matcher.match("Kidal") is None
    assert matcher.match("Al Kaida").ids == ["int-al-qaeda"]
    assert matcher.match("Khalifa Hefter", person=True).ids == ["lby-haftar"]


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


def _reference_name_key(text: str) -> str:
    """name_key as first written, the plain sequence of substitutions: the fast one must
    give the same key for every text."""
    import re

    from frontlines.kb import names

    folded = names._POSSESSIVE.sub("", names.fold(text).strip())
    folded = names._ARTICLE.sub("", folded)
    folded = names._INNER_ARTICLE.sub("", folded)
    folded = folded.replace("'", "").replace("-", " ")
    folded = re.sub(r"[^\w\s]|_", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()


def _reference_fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'")
    return stripped.lower()


def test_name_key_equals_the_reference_on_tricky_and_random_text():
    import random

    from frontlines.kb.names import fold, name_key

    samples = [
        "Al-Wefaq",
        "the Wefaq's",
        "  al  Wefaq ",
        "Ahmed al-Mismari",
        "ash-Shabaab",
        "Mu'ammar",
        "U.S.",
        "A_b",
        "Forces' men",
        "Tarhuna\n\nThe",
        "Ḥifter`s",
        "Les Casques",
    ]
    pieces = list("aelt shd'-`_.,()\u2019\u02bcÉéüİıſKAT\n\t") + ["al ", "el-", "the ", "'s", "s'"]
    rng = random.Random(5)
    samples += [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)
    ]
    for text in samples:
        assert fold(text) == _reference_fold(text), text
        assert name_key.__wrapped__(text) == _reference_name_key(text), text


def test_the_fuzzy_search_skips_only_keys_that_cannot_reach_the_cutoff():
    from rapidfuzz import fuzz, process

    from frontlines.kb.matching import FUZZY_CUTOFF, SURNAME_CUTOFF

    matcher = actor_matcher()
    queries = [
        "sagar",
        "guma in nurt kivu",
        "dilmas",
        "haftar",
        "sudanisi armid furcis",
        "prigugin",
    ]
    for query in queries:
        for index, keys, cutoff in (
            ("spelling", list(matcher.spelling), FUZZY_CUTOFF),
            ("surnames", list(matcher.surnames), SURNAME_CUTOFF),
        ):
            within = matcher._within_reach(index, len(query))
            full = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            fast = process.extractOne(query, within, scorer=fuzz.ratio, score_cutoff=cutoff)
            assert (full and full[:2]) == (fast and fast[:2])
            for key in keys:
                if key not in within:
                    assert fuzz.ratio(query, key) < cutoff


def _reference_scan(index, tokens, text):
    """PhraseIndex.scan as first written: every window's key made and looked up."""
    from frontlines.kb.names import name_key
    from frontlines.mentions.phrases import ARTICLE_TOKENS

    index_at, count = 0, len(tokens)
    while index_at < count:
        first = name_key(tokens[index_at][2])
        article = tokens[index_at][2].lower() in ARTICLE_TOKENS
        acronym = index.exact.get(tokens[index_at][2].replace(".", ""))
        if not article and (not first or first.split()[0] not in index.first_words):
            if acronym:
                yield tokens[index_at][0], tokens[index_at][1], acronym
            index_at += 1
            continue
        best = None
        for stop in range(min(count, index_at + index.max_tokens), index_at, -1):
            if not any(ch.isalnum() for ch in tokens[stop - 1][2]):
                continue
            matched = text[tokens[index_at][0] : tokens[stop - 1][1]]
            key = name_key(matched)
            found = index.entries.get(key)
            if found and matched.islower() and key not in index.lower_ok:
                continue
            if found:
                best = (stop, found)
                break
        if best is None:
            if acronym:
                yield tokens[index_at][0], tokens[index_at][1], acronym
            index_at += 1
            continue
        stop, found = best
        yield tokens[index_at][0], tokens[stop - 1][1], found
        index_at = stop


def test_phrase_scan_finds_what_trying_every_window_finds():
    """The scan rules windows out by their last word: never one that would have matched."""
    import random
    import re

    from frontlines.mentions.actors import actor_index
    from frontlines.mentions.phrases import PhraseIndex

    index = actor_index()
    names = ["the Wefaq's", "Al-Wefaq", "as'Sad Brigade", "Forces' Union", "U.S. Army"]
    small: PhraseIndex[str] = PhraseIndex()
    for number, name in enumerate(names):
        small.add(name, str(number))
    pieces = [
        *names,
        *[
            "al",
            "el",
            "as",
            "ad",
            "the",
            "ash",
            "'s",
            "s'",
            "-",
            "'",
            "`",
            ",",
            ".",
            "(",
            ")",
            "and",
            "of",
            "forces",
            "Haftar",
            "Wagner",
            "RSF",
        ],
        "Rapid Support Forces",
        "Libyan National Army",
        "al-Sadr",
        "Ash-Shabaab",
        "as'ad",
        "Zelensky's",
        "\u00e9l\u00e8ve",
        "\n\n",
    ]
    rng = random.Random(7)
    for _ in range(1500):
        text = ""
        for _ in range(rng.randint(1, 14)):
            text += rng.choice(pieces) + rng.choice([" ", "", " ", "-", "\n"])
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+|[^\w\s]", text)]
        for phrases in (index, small):
            assert list(phrases.scan(tokens, text)) == list(_reference_scan(phrases, tokens, text))
