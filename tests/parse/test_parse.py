from __future__ import annotations

from frontlines.normalize import normalize, normalize_text
from frontlines.parse import parse
from frontlines.read import make_document


def _sentences(text: str) -> list[str]:
    doc = make_document(text)
    parsed = parse(doc, normalize_text(doc.text, []))
    return [s.text.strip() for s in parsed.doc.sents]


def test_a_paragraph_break_always_starts_a_sentence():
    text = 'He said, "We will fight on"\n\nReuters reported that troops entered the town.'
    assert _sentences(text)[-1] == "Reuters reported that troops entered the town."


def test_parse_gives_dependencies_and_entities():
    doc = make_document("Russian forces shelled Kherson on Saturday.")
    parsed = parse(doc, normalize_text(doc.text, []))
    verbs = [t.lemma_ for t in parsed.doc if t.pos_ == "VERB"]
    assert "shell" in verbs
    assert any(e.label_ == "DATE" for e in parsed.doc.ents)


def test_the_token_table_agrees_with_spacy_tokens():
    from frontlines.parse import lemmas_of, lowers_of, parse_many, pos_of, text_of, tokens_of

    text = "Al-Wefaq forces entered Tarhuna on 5 June.\n\nHaftar's men fled to Bani Walid."
    doc = make_document(text)
    for parsed in (
        parse(doc, normalize_text(doc.text, [])),
        next(parse_many([(doc, normalize_text(doc.text, []))])),
    ):
        spacy_doc = parsed.doc
        assert text_of(spacy_doc) == spacy_doc.text
        assert tokens_of(spacy_doc) == [(t.idx, t.idx + len(t.text), t.text) for t in spacy_doc]
        assert lowers_of(spacy_doc) == [t.lower_ for t in spacy_doc]
        assert lemmas_of(spacy_doc) == [t.lemma_.lower() for t in spacy_doc]
        assert pos_of(spacy_doc) == [t.pos_ for t in spacy_doc]


def test_headings_before_colons_are_split_off_one_after_another():
    text = "Arab Spring: Bahraini uprising (2011–present): Police fire tear gas at protesters."
    assert _sentences(text)[-1] == "Police fire tear gas at protesters."


def test_a_long_run_of_labels_is_read_without_recursion():
    assert _sentences("A: " * 3000 + "Rebels retake Brega.")


def test_clauses_joined_by_a_semicolon_are_sentences_of_their_own():
    text = "A professor is killed in a bomb attack in Tehran; state media accuse Israel."
    assert _sentences(text) == [
        "A professor is killed in a bomb attack in Tehran;",
        "state media accuse Israel.",
    ]


def test_a_list_or_a_quote_with_semicolons_stays_whole():
    text = 'Rebels hold Brega; Ajdabiya and Zawiya. He said "we fight; we win" in Tripoli.'
    assert len(_sentences(text)) == 2


def test_a_clause_ending_on_its_source_keeps_the_next_source_with_it():
    text = "At least 12 people were killed, medics said; activists put the toll at 15."
    assert len(_sentences(text)) == 1


def test_an_entity_never_holds_half_a_parenthesis():
    text = "On 16 April 2020, military forces withdrew from the town of Tessit (Ansongo, Gao)."
    document = make_document(text, published="2020-04-20")
    doc = parse(document, normalize(document)).doc
    assert all(("(" in e.text) == (")" in e.text) for e in doc.ents)
    assert "Tessit" in [e.text for e in doc.ents]
