"""No document is lost to a crash: arbitrary text through the whole pipeline yields
contract-valid output whose offsets point at the text, or a clear error naming the document.

Property-based (hypothesis), bounded in time for `make test`; the sweep over real text is in
tests/evaluation/test_sweep.py.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.evaluation.sweep import contract_problems
from frontlines.pipeline import SECTION_CHARS, extract_document, sections
from frontlines.read import MAX_CHARS, BadDocument, ReadError, make_document, read_inputs

QUOTE_MARKS = "\"'«»‹›“”„‟‘’‚‛「」『』〝〞＂＇`´"
ODD_CHARACTERS = (
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction marks
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\t\r\u2028\u2029"  # controls, separators
)
WORDS = [
    "Gunmen",
    "killed",
    "12",
    "people",
    "in",
    "Kabul",
    "on",
    "Monday",
    "the",
    "army",
    "said",
    "rebels",
    "seized",
    "Goma",
    "police",
    "fired",
    "tear",
    "gas",
    "at",
    "protesters",
    "Tripoli",
    "Haftar's",
    "forces",
    "withdrew",
    "from",
    "Tarhuna",
    "a",
    "spokesman",
    "told",
    "AFP",
    ":",
    ",",
    ".",
    "—",
    "(",
    ")",
    "2020-06-05",
    "تل",
    "Донецк",
    "💣",
    "🇸🇴",
    "Z\u0351a\u0364",
]

conflict_words = st.sampled_from(WORDS)
odd = st.sampled_from(list(QUOTE_MARKS + ODD_CHARACTERS))
pieces = st.one_of(conflict_words, odd, st.text(max_size=6), st.just("\n\n"), st.just(" "))
texts = st.lists(pieces, max_size=80).map(" ".join)


def _outcome(text: str, name: str = "fuzz") -> str:
    """'ok', 'refused: reason', or a failure message for the assertion."""
    try:
        document = make_document(text, name=name, published="2024-03-10")
    except BadDocument as err:
        assert str(err), "a refusal must say why"
        return f"refused: {err}"
    extraction = extract_document(document)  # an exception here is the bug the test finds
    problems = contract_problems(document, extraction)
    assert problems == [], problems
    json.loads(extraction.model_dump_json())
    return "ok"


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(texts)
def test_any_text_comes_out_valid_or_refused_by_name(text: str):
    _outcome(text)


@FUZZ
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
def test_arbitrary_unicode_comes_out_valid_or_refused(text: str):
    _outcome(text)


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=QUOTE_MARKS + "ab .\n", min_size=1, max_size=200))
def test_unbalanced_quote_marks_of_every_kind(text: str):
    _outcome(text)


@pytest.mark.parametrize(
    "text",
    [
        "?!.,;:" * 300,  # only punctuation
        "\t\f\v".join(["Shelling in Donetsk"] * 50),  # tabs and form feeds
        'The UN says the border has reached " crisis point ". " ',  # marks beside spaces
        'Abdullah says his team is ready to talk ""at any moment"". (BBC)',  # doubled marks
        "Troops \ud800 shelled Donetsk \udfff on Monday.",  # lone surrogates
        "قتل مسلحون خمسة أشخاص في كابول. Gunmen killed 5 in \u202eKabul\u202c.",
        " ".join(["Fighting continued in Aleppo and"] * 600) + " ended.",  # one long sentence
        "\u200b\u200d\ufeff",  # nothing visible
        "💣💥🔥" * 100,
    ],
)
def test_hard_inputs(text: str):
    _outcome(text)


def test_whitespace_only_is_refused_by_name():
    assert _outcome(" \n\t\u2028 ").startswith("refused: empty document")


def test_too_long_is_refused_with_the_limit():
    outcome = _outcome("a" * (MAX_CHARS + 1))
    assert outcome.startswith("refused: too long") and "FRONTLINES_MAX_CHARS" in outcome


def test_a_long_document_is_read_in_sections_with_offsets_into_the_whole():
    paragraph = (
        "Gunmen killed 12 people in Kabul on Monday, police said. "
        '"We will find them," a spokesman for the army told AFP.\n\n'
    )
    text = paragraph * (SECTION_CHARS * 2 // len(paragraph) + 3)
    document = make_document(text, name="long", published="2024-03-10")
    extraction = extract_document(document)
    assert contract_problems(document, extraction) == []
    assert max(e.evidence[0].start for e in extraction.events) > SECTION_CHARS
    assert len({e.id for e in extraction.events}) == len(extraction.events)
    assert len({a.id for a in extraction.actors}) == len(extraction.actors)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n", max_size=400), st.integers(min_value=4, max_value=50))
def test_sections_cover_the_text_in_order(text: str, limit: int):
    spans = sections(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < end - start <= limit for start, end in spans if text)


def test_lone_surrogates_in_json_lines_are_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a", "text": "Troops \\ud800 shelled Donetsk.", "title": "\\udfff"}\n'
        '{"id": "b", "text": ""}\n'
        "{not json\n",
        encoding="utf-8",
    )
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "ReadError"]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert all(str(path) in e for e in errors)
    document = items[0]
    assert "\ufffd" in document.text and document.title == "\ufffd"
    assert contract_problems(document, extract_document(document)) == []
