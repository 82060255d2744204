"""The store's tables: plain tables that Datasette, DuckDB, `sqlite3` or `psql` open as they
are. Part of the `store` stage; `database.py` writes them, `queries.py` reads them.

The tables here are the newest schema; a store gets there through the Alembic revisions in
`migrations/versions/` (run on open). A change here needs a revision there: see
docs/architecture.md, "Changing the schema"."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True, doc="content hash of the body text"),
    Column("doc_id", String, nullable=False, index=True, doc="the input's own id, else the hash"),
    Column("name", String),
    Column("title", String),
    Column("source", String),
    Column("url", String),
    Column("published", String, index=True),
    Column("language", String),
    Column("text", Text, nullable=False),
    Column("ingested_at", String, nullable=False),
    Column("extraction", Text, nullable=False, doc="the contract JSON line for this document"),
)
# Every input a stored document was read from: the same text from two feeds, or a page and its
# feed entry, is one document with two sources. The first is also the document's own name,
# source, url, title and published. A source is recorded once: by where it was read without the
# entry or record (`FEED`, not `FEED#3`, since a feed's entries move down as news comes in) and
# its url, else by its name.
document_sources = Table(
    "document_sources",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), nullable=False, index=True),
    Column(
        "name",
        String,
        nullable=False,
        doc="where it was read: FILE[:LINE], BUNDLE/MEMBER, FEED#ENTRY, ARCHIVE#RECORD, URL",
    ),
    Column("source", String, doc="the outlet, as the input names it"),
    Column("url", String),
    Column("title", String),
    Column("published", String),
    Column("seen_at", String, nullable=False),
)
actors = Table(
    "actors",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("type", String),
    Column("inter", Integer),
    Column("country", String),
    Column("wikidata", String),
    Column("discovered", Boolean, nullable=False, default=False),
)
actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String, ForeignKey("actors.id"), primary_key=True),
    Column("alias", String, primary_key=True),
)
actor_mentions = Table(
    "actor_mentions",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("actor_id", String, ForeignKey("actors.id"), index=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", String),
)
events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("date", String, index=True),
    Column("time_precision", Integer),
    Column("event_type", String, index=True),
    Column("sub_event_type", String),
    Column("plover_type", String),
    Column("plover_mode", String),
    Column("actor1_id", String, index=True),
    Column("actor1", String),
    Column("actor2_id", String, index=True),
    Column("actor2", String),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String, index=True),
    Column("admin1", String),
    Column("geo_precision", Integer),
    Column("fatalities", Integer, nullable=False),
    Column("modality", String),
    Column("historical", Boolean),
    Column("confidence", Float),
    Column("record", Text, nullable=False, doc="the event as contract JSON"),
    Column(
        "cluster_id",
        String,
        index=True,
        doc="the event standing for the real-world event this report's event is part of "
        "(its own id when no other report told it first)",
    ),
)
# Revision 0002: events newest first, overall and within a country, an event type or an
# actor, and by position; only the events standing for their cluster (PostgreSQL's say NULLS
# LAST on the date).
_HEAD = events.c.cluster_id == events.c.id
for _name, _columns in (
    ("ix_events_date_listing", ()),
    ("ix_events_country_listing", ("country",)),
    ("ix_events_type_listing", ("event_type",)),
    ("ix_events_actor1_listing", ("actor1_id",)),
    ("ix_events_actor2_listing", ("actor2_id",)),
):
    _listing = (*(events.c[c] for c in _columns), events.c.date.desc(), events.c.id)
    Index(_name, *_listing, sqlite_where=_HEAD, postgresql_where=_HEAD)
Index(
    "ix_events_position_listing",
    events.c.latitude,
    events.c.longitude,
    sqlite_where=_HEAD,
    postgresql_where=_HEAD,
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", String, primary_key=True, doc="the id of the event that stands for it"),
    Column("sources", Integer, nullable=False, doc="documents that report it"),
    Column("fatalities", Integer, nullable=False, doc="the lowest figure any source gives"),
    Column("fatalities_high", Integer, nullable=False, doc="the highest figure any source gives"),
    Column("contradicting", Boolean, nullable=False, doc="sources differ on deaths or type"),
    Column("date_first", String),
    Column("date_last", String),
)
event_evidence = Table(
    "event_evidence",
    metadata,
    Column("event_id", String, ForeignKey("events.id"), index=True),
    Column("document_id", String, ForeignKey("documents.id")),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
)
places = Table(
    "places",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("text", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("name", String, index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String),
    Column("admin1", String),
    Column("geonames_id", Integer),
    Column("feature", String),
)
dates = Table(
    "dates",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("text", String),
    Column("start", Integer),
    Column("end", Integer),
    Column("value", String),
    Column("precision", String),
)
relations = Table(
    "relations",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("kind", String),
    Column("source", String),
    Column("target", String),
    Column("mode", String),
    Column("modality", String),
    Column("date", String),
    Column("record", Text),
)
control = Table(
    "control",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("place", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("country", String, index=True),
    Column("gained_by", String),
    Column("lost_by", String),
    Column("date", String),
    Column("kind", String),
    Column("record", Text),
)
quotes = Table(
    "quotes",
    metadata,
    Column("document_id", String, ForeignKey("documents.id"), index=True),
    Column("speaker", String),
    Column("role", String),
    Column("speaker_id", String, doc="the speaker's own actor id, when known"),
    Column("actor_id", String, doc="the actor the speaker speaks for"),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("direct", Boolean),
    Column("date", String),
)
