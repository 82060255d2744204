from __future__ import annotations

from frontlines.kb import GlossaryEntry
from frontlines.normalize import normalize_text

GLOSSARY = [GlossaryEntry("marchers", "drones", ("bombed", "strike"))]


def test_mistranslation_is_mended_only_where_its_context_is():
    text = "Emirati marchers bombed the town. Protest marchers filled the square."
    result = normalize_text(text, GLOSSARY)
    assert result.text == "Emirati drones bombed the town. Protest marchers filled the square."


def test_offsets_map_back_to_the_original():
    text = "Later, Emirati marchers bombed Al-Wefaq forces in Tarhuna."
    result = normalize_text(text, GLOSSARY)
    start = result.text.index("Tarhuna")
    s, e = result.span(start, start + len("Tarhuna"))
    assert text[s:e] == "Tarhuna"
    d = result.text.index("drones")
    s, e = result.span(d, d + len("drones"))
    assert text[s:e] == "marchers"


def test_typographic_characters_fold_without_moving_offsets():
    text = "Haftar\u2019s forces \u2013 about\u00a0100 \u2013 withdrew"
    result = normalize_text(text, [])
    assert result.text == "Haftar's forces - about 100 - withdrew"
    assert len(result.text) == len(text)


def test_packaged_glossary_mends_the_drone_mistranslation():
    result = normalize_text("Emirati marchers belonging to Haftar forces bombed the city.")
    assert "drones" in result.text


def test_only_four_characters_beyond_ascii_match_an_ascii_letter_ignoring_case():
    """normalize skips a correction whose words are not in the lower-case text; that is
    exact because only these characters match ASCII letters under re.IGNORECASE."""
    import re

    from frontlines.normalize import _CASELESS_LOOKALIKES

    pattern = re.compile(r"(?i)[a-z0-9_]")
    odd = tuple(chr(c) for c in range(128, 0x110000) if pattern.match(chr(c)))
    assert odd == _CASELESS_LOOKALIKES


def test_corrections_are_the_same_with_lookalike_characters():
    from frontlines.kb import GlossaryEntry
    from frontlines.normalize import normalize_text

    glossary = [GlossaryEntry("marchers", "drones", ("bomb",))]
    assert normalize_text("Emirati MARCHERS bombed", glossary).text == "Emirati DRONES bombed"
    # the long s matches 's' ignoring case, as before the quick test
    assert normalize_text("Emirati marcher\u017f bombed", glossary).text == "Emirati drones bombed"
    assert normalize_text("no such word", glossary).text == "no such word"
