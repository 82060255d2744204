"""Cross-document clusters do not depend on the order documents are stored in."""

from __future__ import annotations

from conftest import text_extraction
from stores import new_store, rows

from frontlines.read import make_document
from frontlines.store import open_store, write

REPORTS = [
    ("Gunmen killed 5 villagers near Djibo on Tuesday, a local official said.", "2024-03-06"),
    ("Gunmen killed 7 villagers near Djibo on Monday, residents said.", "2024-03-05"),
    ("Unidentified gunmen killed villagers in Djibo on Wednesday, the army said.", "2024-03-07"),
    ("Police fired tear gas at protesters in Khartoum on Friday.", "2024-03-09"),
]


def _store(backend, folder, name, order) -> list[tuple]:
    db = new_store(backend, folder, name)
    engine = open_store(db)
    for index in order:
        text, published = REPORTS[index]
        document = make_document(text, name=f"r{index}.txt", published=published)
        write(engine, document, text_extraction(text, published))
    engine.dispose()
    return rows(db, "SELECT id, cluster_id FROM events ORDER BY id") + rows(
        db, "SELECT * FROM clusters ORDER BY id"
    )


def test_clusters_are_the_same_whatever_the_order(backend, tmp_path):
    first = _store(backend, tmp_path, "forward", [0, 1, 2, 3])
    assert first == _store(backend, tmp_path, "backward", [3, 2, 1, 0])
    assert first == _store(backend, tmp_path, "shuffled", [2, 0, 3, 1])
    clustered = [r for r in first if len(r) == 2 and r[0] != r[1]]
    assert clustered, "the Djibo reports should be one real-world event"
