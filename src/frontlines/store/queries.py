"""Reading the store back: event and actor listings, one actor's detail, and the index of
discovered actors that `merge` needs. Part of the `store` stage."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, func, select

from frontlines.store.schema import (
    actor_aliases,
    actor_mentions,
    actors,
    clusters,
    documents,
    event_evidence,
    events,
    places,
)


def list_events(engine: Engine, *, every_report: bool = False) -> list[dict]:
    """Stored events with their first evidence, in date order: one row per real-world event
    (reports merged across documents), with its number of sources and the lowest sourced
    death toll; or, with `every_report`, each report's own version."""
    first_evidence = (
        select(event_evidence.c.event_id, func.min(event_evidence.c.text).label("evidence"))
        .group_by(event_evidence.c.event_id)
        .subquery()
    )
    query = (
        select(
            events,
            documents.c.doc_id,
            documents.c.title,
            first_evidence.c.evidence,
            clusters.c.sources,
            clusters.c.fatalities.label("cluster_fatalities"),
        )
        .join(documents, documents.c.id == events.c.document_id)
        .join(first_evidence, first_evidence.c.event_id == events.c.id, isouter=True)
        .join(clusters, clusters.c.id == events.c.cluster_id, isouter=True)
        .order_by(events.c.date.asc().nulls_first(), events.c.id)
    )
    if not every_report:
        query = query.where(events.c.id == events.c.cluster_id)
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        row["sources"] = row["sources"] or 1
        if not every_report and row["cluster_fatalities"] is not None:
            row["fatalities"] = row["cluster_fatalities"]
    return rows


def documents_by_id(connection: Connection) -> dict[str, dict]:
    """Every stored document's metadata and text by id (not its extraction JSON)."""
    columns = [c for c in documents.c if c.name != "extraction"]
    return {row.id: dict(row._mapping) for row in connection.execute(select(*columns))}


def list_actors(engine: Engine) -> list[dict]:
    """Every stored actor with its aliases, mention and document counts."""
    counts = (
        select(
            actor_mentions.c.actor_id,
            func.count().label("mentions"),
            func.count(func.distinct(actor_mentions.c.document_id)).label("documents"),
        )
        .group_by(actor_mentions.c.actor_id)
        .subquery()
    )
    query = (
        select(actors, counts.c.mentions, counts.c.documents)
        .join(counts, counts.c.actor_id == actors.c.id, isouter=True)
        .order_by(counts.c.mentions.desc(), actors.c.name)
    )
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
        aliases: dict[str, list[str]] = {}
        for actor_id, alias in connection.execute(
            select(actor_aliases.c.actor_id, actor_aliases.c.alias).order_by(actor_aliases.c.alias)
        ):
            aliases.setdefault(actor_id, []).append(alias)
    for row in rows:
        row["aliases"] = aliases.get(row["id"], [])
        row["mentions"] = row["mentions"] or 0
        row["documents"] = row["documents"] or 0
    return rows


def discovered_index(engine: Engine) -> dict[str, str]:
    """Spelling keys of every stored discovered actor's names → its id (for `merge`)."""
    from frontlines.merge import discovered_keys

    query = (
        select(actors.c.id, actors.c.name, actor_aliases.c.alias)
        .join(actor_aliases, actor_aliases.c.actor_id == actors.c.id, isouter=True)
        .where(actors.c.discovered.is_(True))
        .order_by(actors.c.id)
    )
    index: dict[str, str] = {}
    with engine.connect() as connection:
        for actor_id, name, alias in connection.execute(query):
            for key in discovered_keys([name] + ([alias] if alias else [])):
                index.setdefault(key, actor_id)
    return index


def actor_detail(engine: Engine, actor_id: str, samples: int = 5) -> dict | None:
    """One stored actor: aliases, counts and sample mentions with their documents."""
    with engine.connect() as connection:
        row = connection.execute(select(actors).where(actors.c.id == actor_id)).first()
        if row is None:
            return None
        detail = dict(row._mapping)
        detail["aliases"] = [
            a
            for (a,) in connection.execute(
                select(actor_aliases.c.alias)
                .where(actor_aliases.c.actor_id == actor_id)
                .order_by(actor_aliases.c.alias)
            )
        ]
        query = (
            select(
                actor_mentions.c.start,
                actor_mentions.c.end,
                actor_mentions.c.text,
                documents.c.doc_id,
                documents.c.name,
                documents.c.text.label("body"),
            )
            .join(documents, documents.c.id == actor_mentions.c.document_id)
            .where(actor_mentions.c.actor_id == actor_id)
            .order_by(
                documents.c.published.asc().nulls_first(),
                documents.c.id,
                actor_mentions.c.start,
            )
        )
        mentions = [dict(r._mapping) for r in connection.execute(query)]
    detail["mentions"] = len(mentions)
    detail["documents"] = len({m["doc_id"] for m in mentions})
    detail["samples"] = [
        {
            "document": m["name"],
            "doc_id": m["doc_id"],
            "text": m["text"],
            "context": _context(m["body"], m["start"], m["end"]),
        }
        for m in mentions[:samples]
    ]
    detail["events"] = _count_events(engine, actor_id)
    return detail


def _context(body: str, start: int, end: int, width: int = 60) -> str:
    left = body[max(0, start - width) : start].split("\n")[-1]
    right = body[end : end + width].split("\n")[0]
    return f"…{left}[{body[start:end]}]{right}…"


def _count_events(engine: Engine, actor_id: str) -> int:
    query = (
        select(func.count())
        .select_from(events)
        .where((events.c.actor1_id == actor_id) | (events.c.actor2_id == actor_id))
    )
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def iter_extractions(engine: Engine) -> Iterator[dict]:
    with engine.connect() as connection:
        for (line,) in connection.execute(
            select(documents.c.extraction).order_by(
                documents.c.published.asc().nulls_first(), documents.c.id
            )
        ):
            yield json.loads(line)


def list_places(engine: Engine, country: str | None = None) -> list[dict]:
    """Every resolved place with its mention counts and the events located there."""
    place = (
        places.c.name,
        places.c.country,
        places.c.latitude,
        places.c.longitude,
        places.c.feature,
        places.c.geonames_id,
    )
    query = (
        select(
            *place,
            func.count().label("mentions"),
            func.count(func.distinct(places.c.document_id)).label("documents"),
        )
        .where(places.c.name.is_not(None))
        .group_by(*place)
        .order_by(func.count().desc(), places.c.name)
    )
    if country:
        query = query.where(places.c.country == country)
    located = select(
        events.c.location,
        events.c.country,
        events.c.date,
        events.c.event_type,
        events.c.sub_event_type,
        events.c.plover_type,
        events.c.actor1,
        events.c.fatalities,
    ).order_by(events.c.date.asc().nulls_first(), events.c.id)
    with engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(query)]
        by_place: dict[tuple, list[dict]] = {}
        for event in connection.execute(located):
            item = dict(event._mapping)
            by_place.setdefault((item["location"], item["country"]), []).append(item)
    for row in rows:
        row["events"] = by_place.get((row["name"], row["country"]), [])
    return rows
