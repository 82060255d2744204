"""Only English is read: another language is reported by name, short English is never
refused."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontlines.read import ReadError, english_only, make_document, read_bytes

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
WIKIPEDIA = SHARED / "wikipedia-conflict-events" / "entries.tsv"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Des hommes armés ont attaqué un village près de Gao dimanche, tuant douze civils.",
            "French",
        ),
        ("Las fuerzas del gobierno recuperaron la ciudad tras dos días de combates.", "Spanish"),
        ("Regierungstruppen haben die Stadt nach zweitägigen Kämpfen zurückerobert.", "German"),
        ("Правительственные войска вернули контроль над городом после двух дней боёв.", "Russian"),
        ("استعادت القوات الحكومية السيطرة على المدينة بعد يومين من القتال.", "Arabic"),
        ("As forças do governo retomaram a cidade após dois dias de combates.", "Portuguese"),
        ("Hükümet güçleri iki günlük çatışmanın ardından şehri geri aldı.", "Turkish"),
    ],
)
def test_a_report_in_another_language_is_refused_by_name(text, language):
    (error,) = read_bytes(text.encode(), "report.txt")
    assert isinstance(error, ReadError)
    assert str(error) == f"report.txt: error: not English: looks like {language}"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attack Gao.",  # too short to tell
        "Shelling in Kherson.",
        "Riots in Sidi Bouzid, Tunisia.     (Al Jazeera)",
        "Unidentified militants attack Kuru-kuru and Jarkuka in Zamfara, Nigeria, killing dozens.",
        "Boko Haram insurgency: Nigeria regains the key town of Monguno from Boko Haram. (BBC)",
        "Troops \ud800 shelled Donetsk.",
    ],
)
def test_short_english_with_many_names_is_read(text):
    document = english_only(make_document(text))
    assert document.language in ("en", None)


def test_english_gets_its_language():
    (document,) = read_bytes(
        b"Militants killed 14 soldiers in an attack near Djibo on Sunday.", "a.txt"
    )
    assert document.language == "en"


@pytest.mark.skipif(
    not WIKIPEDIA.is_file(), reason="../shared/data/wikipedia-conflict-events absent"
)
def test_no_wikipedia_conflict_entry_is_refused():
    """10,874 real one-to-three-sentence English event reports: none may be taken for
    another language."""
    with WIKIPEDIA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    refused = []
    for row in rows:
        try:
            english_only(make_document(row["text"]))
        except ValueError as err:
            refused.append((row["id"], str(err)))
    assert len(rows) > 10_000 and refused == []
