from __future__ import annotations

from frontlines.normalize import normalize_text
from frontlines.parse import parse
from frontlines.read import make_document


def test_a_paragraph_break_always_starts_a_sentence():
    text = 'He said, "We will fight on"\n\nReuters reported that troops entered the town.'
    doc = make_document(text)
    parsed = parse(doc, normalize_text(doc.text, []))
    sentences = [s.text.strip() for s in parsed.doc.sents]
    assert sentences[-1] == "Reuters reported that troops entered the town."


def test_parse_gives_dependencies_and_entities():
    doc = make_document("Russian forces shelled Kherson on Saturday.")
    parsed = parse(doc, normalize_text(doc.text, []))
    verbs = [t.lemma_ for t in parsed.doc if t.pos_ == "VERB"]
    assert "shell" in verbs
    assert any(e.label_ == "DATE" for e in parsed.doc.ents)
