"""Stage `store`: the store of documents and what was extracted from them, in SQLite (one
file, the default) or PostgreSQL (a team's shared store): one transaction per document
(`database`), the back ends (`engine`), its tables (`schema`) and their migrations
(`migrate`), cross-document clusters (`clusters`), the queries the commands read (`queries`)
and who holds what as of a date (`state`)."""

from frontlines.store.bulk import bulk_load
from frontlines.store.database import IngestResult, add_source, has_document, open_store, write
from frontlines.store.engine import (
    StoreError,
    create_database,
    default_db,
    display,
    drop_database,
    is_postgres,
    read_only_engine,
    sqlite_path,
)
from frontlines.store.migrate import head as schema_head
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
    "bulk_load",
    "clusters",
    "control",
    "create_database",
    "dates",
    "default_db",
    "discovered_index",
    "display",
    "document_sources",
    "documents",
    "documents_by_id",
    "drop_database",
    "event_evidence",
    "events",
    "has_document",
    "is_postgres",
    "iter_extractions",
    "list_actors",
    "list_events",
    "list_places",
    "metadata",
    "open_store",
    "places",
    "quotes",
    "read_only_engine",
    "relations",
    "schema_head",
    "sqlite_path",
    "state_as_of",
    "write",
]
