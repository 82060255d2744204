"""Stage `store`: the SQLite store of documents and what was extracted from them, one
transaction per document (`database`), its tables (`schema`), the queries the commands read
(`queries`) and who holds what as of a date (`state`)."""

from frontlines.store.database import (
    IngestResult,
    StoreError,
    add_source,
    default_db,
    has_document,
    open_store,
    write,
)
from frontlines.store.queries import (
    actor_detail,
    discovered_index,
    documents_by_id,
    iter_extractions,
    list_actors,
    list_events,
    list_places,
)
from frontlines.store.schema import (
    actor_aliases,
    actor_mentions,
    actors,
    clusters,
    control,
    dates,
    document_sources,
    documents,
    event_evidence,
    events,
    metadata,
    places,
    quotes,
    relations,
)
from frontlines.store.state import StatePicture, state_as_of

__all__ = [
    "IngestResult",
    "StatePicture",
    "StoreError",
    "actor_aliases",
    "add_source",
    "actor_detail",
    "actor_mentions",
    "actors",
    "clusters",
    "control",
    "dates",
    "default_db",
    "discovered_index",
    "document_sources",
    "documents",
    "documents_by_id",
    "event_evidence",
    "events",
    "has_document",
    "iter_extractions",
    "list_actors",
    "list_events",
    "list_places",
    "metadata",
    "open_store",
    "places",
    "quotes",
    "relations",
    "state_as_of",
    "write",
]
