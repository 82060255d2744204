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
