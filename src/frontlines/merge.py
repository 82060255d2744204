"""Stage `merge`: one real-world event reported by several documents becomes one event.

Cross-document clustering is owned by the conflict-picture issue. For now the store keeps
every document's events apart, and identity of whole documents (content hash) is what stops
duplicates: ingesting a document twice changes nothing.
"""

from __future__ import annotations

from frontlines.models import Extraction


def merge(extractions: list[Extraction]) -> list[Extraction]:
    """Stage entry point: documents with the same identity are kept once, first one wins."""
    seen: set[str] = set()
    kept = []
    for extraction in extractions:
        if extraction.doc_id in seen:
            continue
        seen.add(extraction.doc_id)
        kept.append(extraction)
    return kept
