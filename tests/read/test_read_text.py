from __future__ import annotations

import json

from frontlines.read import ReadError, content_hash, read_bytes, read_inputs


def _one(data: bytes, name: str = "report.txt", fmt: str = "auto"):
    items = list(read_bytes(data, name, fmt))
    assert len(items) == 1
    return items[0]


def test_front_matter_gives_metadata_and_body():
    doc = _one(
        b"---\npublished: 2024-05-12\ntitle: Strike on market\nsource: Wire\n---\n"
        b"A drone hit the market in El Fasher.\n"
    )
    assert doc.published == "2024-05-12"
    assert doc.title == "Strike on market"
    assert doc.text == "A drone hit the market in El Fasher.\n"
    assert doc.id == content_hash(doc.text) == doc.doc_id


def test_text_without_front_matter_has_no_publication_date():
    doc = _one(b"Gunmen attacked a village near Gao on Sunday.")
    assert doc.published is None and doc.text.startswith("Gunmen")


def test_jsonl_keeps_input_ids_and_order():
    lines = [
        {"id": "a-1", "text": "Police dispersed protesters in Dhaka.", "published": "2024-07-18"},
        {"id": 7, "text": "Shelling hit Kherson.", "published": "2023-01-15T10:00:00Z"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    docs = list(read_bytes(data, "batch.jsonl"))
    assert [d.doc_id for d in docs] == ["a-1", "7"]
    assert docs[1].published == "2023-01-15"
    assert docs[0].name == "batch.jsonl:1"


def test_binary_file_is_an_error_naming_the_file():
    error = _one(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "photo.txt")
    assert isinstance(error, ReadError)
    assert str(error).startswith("photo.txt: error: binary file")


def test_undecodable_bytes_say_where():
    error = _one("Attack in Tripoli".encode("utf-16"), "latin.txt")
    assert isinstance(error, ReadError)
    assert "latin.txt: error:" in str(error)


def test_invalid_utf8_names_the_byte():
    error = _one(b"Clashes in Mosul \xff\xfe broke out", "bad.txt")
    assert str(error) == "bad.txt: error: not valid UTF-8: byte 0xff at offset 17"


def test_empty_document_is_an_error():
    error = _one(b"---\npublished: 2024-01-01\n---\n   \n", "empty.txt")
    assert str(error) == "empty.txt: error: empty document: no text"


def test_malformed_json_line_is_skipped_and_the_rest_goes_on():
    data = (
        b'{"id": "1", "text": "Troops entered Boni."}\n{"id": "2", "text": \n'
        b'{"id": "3", "text": "Clashes in Goma."}\n'
    )
    items = list(read_bytes(data, "feed.jsonl"))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert str(items[1]).startswith("feed.jsonl:2: error: malformed JSON")


def test_jsonl_record_without_text_is_an_error():
    items = list(read_bytes(b'{"id": "x"}\n', "feed.jsonl"))
    assert str(items[0]) == "feed.jsonl:1: error: record has no 'text' field"


def test_bad_publication_date_is_an_error():
    error = _one(b"---\npublished: last week\n---\nBody text.\n")
    assert "published: 'last week' is not a date" in str(error)


def test_unclosed_front_matter_is_an_error():
    error = _one(b"---\npublished: 2024-01-01\nBody text without a closing line.\n")
    assert "never closed" in str(error)


def test_missing_file_is_reported(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert str(items[0]) == f"{tmp_path / 'nope.txt'}: error: no such file"


def test_directory_expands_to_text_and_jsonl_but_not_readme(tmp_path):
    (tmp_path / "b.txt").write_text("Second report about Sirte.")
    (tmp_path / "a.jsonl").write_text('{"text": "First report."}\n')
    (tmp_path / "README.md").write_text("Not a report.")
    names = [i.name for i in read_inputs([str(tmp_path)])]
    assert names == [f"{tmp_path / 'a.jsonl'}:1", str(tmp_path / "b.txt")]


def test_crlf_and_nfc_do_not_change_identity():
    a = _one("Attack near Ménaka.\r\n".encode())
    b = _one("Attack near Me\u0301naka.\n".encode())
    assert a.id == b.id


def test_a_json_line_that_is_not_utf8_is_an_error_of_its_own():
    data = b'{"text": "Clashes in Goma."}\n{"text": "Bad \xff byte"}\n{"text": "Boni taken."}\n'
    items = list(read_bytes(data, "feed.jsonl"))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert str(items[1]) == "feed.jsonl:2: error: not valid UTF-8: byte 0xff at offset 43"


def test_a_binary_file_named_jsonl_is_an_error():
    error = _one(b"\x00\x01\x02\x03 not json", "data.jsonl")
    assert str(error) == "data.jsonl: error: binary file (contains NUL bytes), not text"
