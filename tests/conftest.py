"""Shared fixtures: the bundled examples, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.models import Extraction
from frontlines.read import Document, read_inputs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
FOUNDING = EXAMPLES / "tarhuna-2020-06-05.txt"


@pytest.fixture(scope="session")
def examples() -> dict[str, Document]:
    docs = {}
    for item in read_inputs([str(EXAMPLES)]):
        assert isinstance(item, Document), f"example failed to read: {item}"
        docs[Path(item.name).name] = item  # "tarhuna-2020-06-05.txt", "batch.jsonl:2"
    return docs


@pytest.fixture(scope="session")
def extracted(examples: dict[str, Document]) -> dict[str, Extraction]:
    from frontlines.pipeline import extract_documents

    names = list(examples)
    return dict(zip(names, extract_documents(examples[n] for n in names), strict=True))


@pytest.fixture(scope="session")
def founding(extracted: dict[str, Extraction]) -> Extraction:
    return extracted["tarhuna-2020-06-05.txt"]


def text_extraction(text: str, published: str | None = "2024-03-10") -> Extraction:
    from frontlines import extract

    return extract(text, published=published)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each store-touching test runs on SQLite and on PostgreSQL (see tests/stores.py)."""
    from stores import require_backend

    require_backend(request.param)
    return request.param


@pytest.fixture
def store_db(backend: str, tmp_path: Path) -> str:
    """The `--db` value of a new, empty store on each back end."""
    from stores import new_store

    return new_store(backend, tmp_path)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from stores import _created, drop_databases

    if _created:
        drop_databases()
