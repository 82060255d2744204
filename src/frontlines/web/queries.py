"""The web API's reads: events with filters, one event with its sources, actors, documents.

Every value reaches the database (SQLite or PostgreSQL) as a bound parameter; only fixed
fragments written here are joined into the SQL text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from frontlines.web.db import Store

SUMMARY_COLUMNS = (
    "e.id, e.document_id, e.date, e.time_precision, e.event_type, e.sub_event_type, "
    "e.plover_type, e.plover_mode, e.actor1_id, e.actor1, e.actor2_id, e.actor2, "
    "e.location, e.latitude, e.longitude, e.country, e.geo_precision, e.fatalities, e.modality, "
    "e.historical, e.confidence"
)
MAX_LIMIT = 10_000
# Matches are counted up to this many (or to the end of the page asked for): past it `total`
# is a lower bound (`total_exact` false), so a broad filter over a million events costs a walk
# of this many index entries, not of every match.
COUNT_LIMIT = 1_000
ORDER = "e.date DESC NULLS LAST, e.id"  # newest first, as the listing indexes hold them
_WORD = re.compile(r"\w+", re.UNICODE)


def select_events(store: Store) -> str:
    """SELECT of event rows (alias `e`). Where events are merged across documents (the
    `clusters` table), each row carries its cluster's figures: documents reporting it, the
    lowest and highest sourced toll, and whether the sources contradict each other."""
    if "clusters" in store.tables and store.clustered:
        return (
            f"SELECT {SUMMARY_COLUMNS}, coalesce(c.sources, 1) AS source_count, "
            "coalesce(c.fatalities, e.fatalities) AS fatalities_low, "
            "coalesce(c.fatalities_high, e.fatalities) AS fatalities_high, "
            "coalesce(c.contradicting, false) AS contradicting "
            "FROM events e LEFT JOIN clusters c ON c.id = coalesce(e.cluster_id, e.id)"
        )
    return (
        f"SELECT {SUMMARY_COLUMNS}, 1 AS source_count, e.fatalities AS fatalities_low, "
        "e.fatalities AS fatalities_high, 0 AS contradicting FROM events e"
    )


@dataclass
class EventFilter:
    """What `GET /api/events` narrows by; every field is optional."""

    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    country: str | None = None  # ISO 3166 alpha-3
    actor: str | None = None  # actor id, as actor1 or actor2
    location: str | None = None  # place name, exactly as stored
    types: list[str] = field(default_factory=list)  # ACLED event types
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    q: str | None = None  # words that the event's document must contain (FTS5 or tsvector)
    limit: int = 100
    offset: int = 0


def fts_query(words: str) -> str | None:
    """User words as an FTS5 query that cannot be a syntax error: every word a quoted term."""
    terms = _WORD.findall(words)
    return " ".join(f'"{term}"' for term in terms) or None


def _where(
    store: Store,
    filters: EventFilter,
    *,
    broad_text: bool = False,
    broad_box: bool = False,
    actor_column: str | None = None,
) -> tuple[str, dict]:
    """The WHERE clause and its parameters. A broad text search (more than COUNT_LIMIT
    documents match) is tested event by event as events are read newest first, instead of
    gathering every matching document first; a broad box is read in date order too (in
    SQLite, `+` keeps the planner off the position index). With `actor_column`, the actor is
    looked for in that column only (the listing reads each column's index and merges)."""
    clauses: list[str] = []
    params: dict = {}
    if store.clustered:
        clauses.append("e.cluster_id = e.id")  # stands for its cluster: the partial indexes
    if filters.start:
        clauses.append("e.date >= :start")
        params["start"] = filters.start
    if filters.end:
        clauses.append("e.date <= :end")
        params["end"] = filters.end
    if filters.country:
        clauses.append("e.country = :country")
        params["country"] = filters.country.upper()
    if filters.location:
        clauses.append("e.location = :location")
        params["location"] = filters.location
    if filters.actor:
        if actor_column:
            clauses.append(f"e.{actor_column} = :actor")
        else:
            clauses.append("(e.actor1_id = :actor OR e.actor2_id = :actor)")
        params["actor"] = filters.actor
    if filters.types:
        names = {f"type{i}": value for i, value in enumerate(filters.types)}
        clauses.append("e.event_type IN (" + ", ".join(f":{n}" for n in names) + ")")
        params.update(names)
    if filters.bbox:
        west, south, east, north = filters.bbox
        plain = "+" if broad_box and not store.postgres else ""
        clauses.append(f"{plain}e.latitude BETWEEN :south AND :north")
        if west <= east:
            clauses.append(f"{plain}e.longitude BETWEEN :west AND :east")
        else:  # the box crosses the antimeridian
            clauses.append(f"({plain}e.longitude >= :west OR {plain}e.longitude <= :east)")
        params.update(west=west, south=south, east=east, north=north)
    if filters.q is not None and filters.q.strip():
        clauses.append(_text_clause(store, broad_text))
        params["fts"] = _text_query(store, filters.q)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _text_query(store: Store, words: str) -> str:
    if store.postgres:
        return " ".join(_WORD.findall(words))  # plainto_tsquery: every word required
    return fts_query(words) or '""'


def _text_clause(store: Store, broad: bool) -> str:
    if store.postgres:
        if broad:
            return (
                "EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id "
                "AND d.fts @@ plainto_tsquery('simple', :fts))"
            )
        return (  # the few documents first, then their events by document (an array, so
            # the planner reads the document_id index rather than guess at the listing's size)
            "e.document_id = ANY(ARRAY(SELECT d.id FROM documents d "
            "WHERE d.fts @@ plainto_tsquery('simple', :fts)))"
        )
    if broad:
        return (
            "EXISTS (SELECT 1 FROM documents_fts f WHERE documents_fts MATCH :fts "
            "AND f.rowid = (SELECT d.rowid FROM documents d WHERE d.id = e.document_id))"
        )
    return (
        "e.document_id IN (SELECT d.id FROM documents d JOIN documents_fts f "
        "ON f.rowid = d.rowid WHERE documents_fts MATCH :fts)"
    )


def _text_is_broad(store: Store, words: str | None) -> bool:
    """Whether more than COUNT_LIMIT documents contain the words."""
    if words is None or not words.strip():
        return False
    if store.postgres:
        sql = "SELECT 1 FROM documents WHERE fts @@ plainto_tsquery('simple', :fts)"
    else:
        sql = "SELECT 1 FROM documents_fts WHERE documents_fts MATCH :fts"
    params = {"fts": _text_query(store, words), "cap": COUNT_LIMIT + 1}
    found = store.scalar(f"SELECT count(*) FROM ({sql} LIMIT :cap) AS m", params)
    return int(found or 0) > COUNT_LIMIT


def _actor_is_broad(store: Store, actor: str | None) -> bool:
    """Whether the actor is in more than COUNT_LIMIT listed events (as actor1 or actor2)."""
    if not actor:
        return False
    found = 0
    for column in ("actor1_id", "actor2_id"):
        sql = f"SELECT 1 FROM events WHERE {column} = :actor AND cluster_id = id LIMIT :cap"
        params = {"actor": actor, "cap": COUNT_LIMIT + 1}
        found += int(store.scalar(f"SELECT count(*) FROM ({sql}) AS m", params) or 0)
    return found > COUNT_LIMIT


def search_events(store: Store, filters: EventFilter) -> dict:
    """One page of events (one row per real-world event), newest first, and the total
    (counted up to COUNT_LIMIT, or to the end of the page asked for if further; where the
    words or the actor are in more than COUNT_LIMIT documents or events, only to the end of
    the page: reading events newest first, each tested, finds a page quickly but counting
    far past it would read many)."""
    broad_text = _text_is_broad(store, filters.q)
    broad_actor = _actor_is_broad(store, filters.actor)
    return _search(store, filters, broad_text, broad_actor)


def _search(store: Store, filters: EventFilter, broad_text: bool, broad_actor: bool) -> dict:
    cap = max(COUNT_LIMIT, filters.offset + filters.limit)
    if filters.actor:  # each of the actor's columns in its own index order, then merged
        wheres = [
            _where(store, filters, broad_text=broad_text, actor_column=column)
            for column in ("actor1_id", "actor2_id")
        ]
        params = {**wheres[0][1], "first": filters.offset + filters.limit + 1}

        def either(select: str, tail: str = "") -> str:
            one, two = (f"SELECT * FROM ({select}{where}{tail}) AS m{n}"
                        for n, (where, _) in enumerate(wheres))
            return f"{one} UNION {two}"

        counted = f"SELECT count(*) FROM ({either('SELECT e.id FROM events e')}) AS u"
        listed = (
            f"SELECT * FROM ({either(select_events(store), f' ORDER BY {ORDER} LIMIT :first')})"
            " AS u ORDER BY u.date DESC NULLS LAST, u.id LIMIT :limit OFFSET :offset"
        )
    else:
        where, params = _where(store, filters, broad_text=broad_text)
        # In listing order, the planner walks a listing index and stops at the cap; a box is
        # counted on the position index instead (a small box has few entries to read there).
        order = "" if filters.bbox else f" ORDER BY {ORDER}"
        counted = (
            f"SELECT count(*) FROM (SELECT 1 FROM events e{where}{order} "
            "LIMIT :count_limit) AS m"
        )
        listed = f"{select_events(store)}{where} ORDER BY {ORDER} LIMIT :limit OFFSET :offset"
    # A narrow box, or words in few documents, gathers its few events and sorts them; every
    # other listing reads an index newest first.
    words = bool(filters.q and filters.q.strip())
    narrow = filters.bbox is not None or (words and not broad_text)
    if broad_text or broad_actor:
        total = cap = filters.offset + filters.limit  # the page tells if there are more
    else:
        count_params = {**params, "count_limit": cap + 1}
        total = int(store.scalar(counted, count_params, in_index_order=not narrow) or 0)
        if filters.bbox and total > cap and not filters.actor:
            where, params = _where(store, filters, broad_text=broad_text, broad_box=True)
            listed = f"{select_events(store)}{where} ORDER BY {ORDER} LIMIT :limit OFFSET :offset"
            narrow = False
    page = {**params, "limit": filters.limit + 1, "offset": filters.offset}
    rows = store.rows(listed, page, in_index_order=not narrow)
    if (broad_text or broad_actor) and not rows and filters.offset:
        return _search(store, filters, False, False)  # past the end: count as usual
    if broad_text or broad_actor:
        total = filters.offset + len(rows) if len(rows) <= filters.limit else cap + 1
    rows = rows[: filters.limit]
    return {
        "total": min(total, cap),
        "total_exact": total <= cap,
        "limit": filters.limit,
        "offset": filters.offset,
        "events": [summary(row) for row in rows],
    }


def summary(row: dict) -> dict:
    row["historical"] = bool(row["historical"])
    row["contradicting"] = bool(row.get("contradicting"))
    return row


def event_detail(store: Store, event_id: str) -> dict | None:
    """One event: its contract record, evidence, document and every source of its cluster."""
    row = store.row(f"{select_events(store)} WHERE e.id = :id", {"id": event_id})
    if row is None:
        return None
    detail = summary(row)
    record = store.scalar("SELECT record FROM events WHERE id = :id", {"id": event_id})
    detail["record"] = json.loads(str(record))
    detail["evidence"] = store.rows(
        'SELECT start, "end", text FROM event_evidence WHERE event_id = :id ORDER BY start',
        {"id": event_id},
    )
    detail["document"] = document_header(store, row["document_id"])
    detail["sources"] = _sources(store, event_id)
    detail["source_count"] = len({s["document_id"] for s in detail["sources"]})
    return detail


def _sources(store: Store, event_id: str) -> list[dict]:
    """The events told of the same real-world event, each with its document."""
    member = (
        "(e.id = :id OR e.cluster_id = "
        "(SELECT coalesce(cluster_id, id) FROM events WHERE id = :id))"
        if store.clustered
        else "e.id = :id"
    )
    return store.rows(
        "SELECT e.id AS event_id, d.id AS document_id, d.doc_id, d.title, d.name, d.source, "
        "d.published FROM events e JOIN documents d ON d.id = e.document_id "
        f"WHERE {member} ORDER BY d.published, d.id",
        {"id": event_id},
    )


def document_header(store: Store, document_id: str) -> dict | None:
    return store.row(
        "SELECT id, doc_id, name, title, source, url, published, language "
        "FROM documents WHERE id = :id",
        {"id": document_id},
    )


def document_detail(store: Store, document_id: str) -> dict | None:
    """A document's text and the spans of every fact extracted from it, in text order."""
    row = store.row(
        "SELECT id, doc_id, name, title, source, url, published, language, text, extraction "
        "FROM documents WHERE id = :id",
        {"id": document_id},
    )
    if row is None:
        return None
    extraction = json.loads(row.pop("extraction"))
    row["spans"] = extraction_spans(extraction)
    return row


def extraction_spans(extraction: dict) -> list[dict]:
    """Every offset span of a contract extraction: `{kind, start, end, label, ref}`."""
    spans: list[dict] = []

    def add(kind: str, start: int, end: int, label: str | None, ref: str | None) -> None:
        spans.append({"kind": kind, "start": start, "end": end, "label": label, "ref": ref})

    for event in extraction.get("events", []):
        label = event.get("sub_event_type") or event.get("plover_type") or "event"
        for ev in event.get("evidence", []):
            add("event", ev["start"], ev["end"], label, event["id"])
    for actor in extraction.get("actors", []):
        for mention in actor.get("mentions", []):
            add("actor", mention["start"], mention["end"], actor["name"], actor["id"])
    for place in extraction.get("places", []):
        add("place", place["start"], place["end"], place.get("name"), None)
    for date in extraction.get("dates", []):
        add("date", date["start"], date["end"], date.get("value"), None)
    for relation in extraction.get("relations", []):
        label = f"{relation['source']} {relation['kind']} {relation['target']}"
        for ev in relation.get("evidence", []):
            add("relation", ev["start"], ev["end"], label, None)
    for change in extraction.get("control", []):
        label = f"{change['kind']} {change['place']}"
        for ev in change.get("evidence", []):
            add("control", ev["start"], ev["end"], label, None)
    for quote in extraction.get("quotes", []):
        speaker = quote.get("speaker") or {}
        add("quote", quote["start"], quote["end"], speaker.get("name"), speaker.get("actor"))
    spans.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
    return spans


def event_types(store: Store) -> list[dict]:
    return store.rows(
        "SELECT event_type, count(*) AS events FROM events "
        "WHERE event_type IS NOT NULL GROUP BY event_type ORDER BY event_type"
    )
