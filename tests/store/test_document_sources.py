"""One text, stored once, with every input it was read from."""

from __future__ import annotations

import sqlite3

from frontlines.models import Extraction
from frontlines.read import make_document
from frontlines.store import add_source, open_store, write

TEXT = "Gunmen killed nine villagers in a raid on a village near Bankass, officials said.\n"
LINK = "https://www.sahelmonitor.example/news/2024/03/12/bankass-village-raid"


def _document(name: str, source: str, url: str | None = LINK):
    return make_document(TEXT, name=name, source=source, url=url, published="2024-03-12")


def _write(engine, document):
    return write(engine, document, Extraction(doc_id=document.doc_id, published=document.published))


def _sources(db: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT document_id, name, source, url, published FROM document_sources ORDER BY rowid"
        ).fetchall()


def test_the_same_text_from_two_feeds_and_a_page_is_one_document_with_three_sources(tmp_path):
    db = str(tmp_path / "store.db")
    engine = open_store(db)
    page = _document("bankass.html", "Sahel Monitor")
    first = _write(engine, page)
    again = _write(engine, _document("monitor.rss#2", "Sahel Monitor"))
    third = add_source(engine, _document("wire.atom#7", "West Africa Wire"))
    assert (first.added, again.added, again.new_source, third) == (True, False, True, True)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*), name, source FROM documents").fetchone() == (
            1,
            "bankass.html",  # the first source is the document's own
            "Sahel Monitor",
        )
    assert [row[1:3] for row in _sources(db)] == [
        ("bankass.html", "Sahel Monitor"),
        ("monitor.rss#2", "Sahel Monitor"),
        ("wire.atom#7", "West Africa Wire"),
    ]
    assert {row[0] for row in _sources(db)} == {page.id}


def test_reading_a_source_again_records_nothing_even_when_its_entry_moved(tmp_path):
    db = str(tmp_path / "store.db")
    engine = open_store(db)
    _write(engine, _document("monitor.rss#2", "Sahel Monitor"))
    assert not add_source(engine, _document("monitor.rss#2", "Sahel Monitor"))
    assert not add_source(engine, _document("monitor.rss#5", "Sahel Monitor"))  # news came in
    assert not _write(engine, _document("monitor.rss#1", "Sahel Monitor")).new_source
    assert add_source(engine, _document("other.rss#5", "Sahel Monitor"))  # another feed
    assert add_source(engine, _document("batch.jsonl:3", "Wire", url=None))
    assert not add_source(engine, _document("batch.jsonl:3", "Wire", url=None))
    assert len(_sources(db)) == 3


def test_a_source_of_a_document_not_stored_is_not_recorded(tmp_path):
    engine = open_store(str(tmp_path / "store.db"))
    assert add_source(engine, _document("monitor.rss#2", "Sahel Monitor")) is False


def test_a_store_from_before_sources_opens_with_each_document_its_own_source(tmp_path):
    db = str(tmp_path / "old.db")
    engine = open_store(db)
    document = _document("bankass.html", "Sahel Monitor")
    _write(engine, document)
    engine.dispose()
    with sqlite3.connect(db) as connection:  # as version 2 left it, before migrations
        connection.execute("DROP TABLE document_sources")
        connection.execute("DROP TABLE alembic_version")
        connection.execute("PRAGMA user_version=2")
    engine = open_store(db)
    assert _sources(db) == [(document.id, "bankass.html", "Sahel Monitor", LINK, "2024-03-12")]
    assert _write(engine, _document("monitor.rss#2", "Sahel Monitor")).new_source
    engine.dispose()
    open_store(db).dispose()  # opening again adds nothing
    assert len(_sources(db)) == 2
    with sqlite3.connect(db) as connection:  # at the newest migration
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] >= "0003"
