"""Actors for the web API: the list, and one actor with aliases, backers and events."""

from __future__ import annotations

import json

from frontlines.web.db import Store
from frontlines.web.queries import select_events, summary

BACKING_KINDS = ("supports", "allied_with")


def _event_counts(store: Store) -> str:
    one_per_cluster = " WHERE coalesce(cluster_id, id) = id" if store.clustered else ""
    return (
        "SELECT actor_id, count(*) AS events FROM ("
        f"SELECT actor1_id AS actor_id FROM events{one_per_cluster} "
        f"UNION ALL SELECT actor2_id FROM events{one_per_cluster}) AS ids "
        "WHERE actor_id IS NOT NULL GROUP BY actor_id"
    )


def list_actors(
    store: Store,
    q: str | None = None,
    country: str | None = None,
    limit: int = 500,
    offset: int = 0,
) -> dict:
    """Actors with their event counts, the most active first."""
    clauses, params = [], {"limit": limit, "offset": offset}
    if q:
        clauses.append(
            "(lower(a.name) LIKE lower(:q) ESCAPE '\\' OR a.id IN "
            "(SELECT actor_id FROM actor_aliases WHERE lower(alias) LIKE lower(:q) ESCAPE '\\'))"
        )
        escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["q"] = f"%{escaped}%"
    if country:
        clauses.append("a.country = :country")
        params["country"] = country.upper()
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM actors a LEFT JOIN ({_event_counts(store)}) c ON c.actor_id = a.id{where}"
    total = store.scalar(f"SELECT count(*) {base}", params)
    rows = store.rows(
        "SELECT a.id, a.name, a.type, a.inter, a.country, a.discovered, "
        f"coalesce(c.events, 0) AS events {base} "
        "ORDER BY events DESC, a.name LIMIT :limit OFFSET :offset",
        params,
    )
    for row in rows:
        row["discovered"] = bool(row["discovered"])
    return {"total": int(total or 0), "actors": rows}


def _ref(store: Store, actor_id: str | None) -> dict | None:
    if actor_id is None:
        return None
    row = store.row("SELECT id, name FROM actors WHERE id = :id", {"id": actor_id})
    return row or {"id": actor_id, "name": actor_id}


def _relations(store: Store, column: str, actor_id: str) -> list[dict]:
    """Backing relations whose `column` (source or target) is this actor, with evidence."""
    rows = store.rows(
        "SELECT document_id, kind, source, target, mode, date, record FROM relations "
        f"WHERE {column} = :id AND kind IN ('supports', 'allied_with') "
        "ORDER BY date, document_id",
        {"id": actor_id},
    )
    out = []
    for row in rows:
        record = json.loads(row.pop("record") or "{}")
        row["source"] = _ref(store, row["source"])
        row["target"] = _ref(store, row["target"])
        row["evidence"] = record.get("evidence", [])
        out.append(row)
    return out


def actor_detail(store: Store, actor_id: str, limit: int = 500) -> dict | None:
    """One actor: aliases, who backs it and whom it backs, mentions and events."""
    actor = store.row(
        "SELECT id, name, type, inter, country, wikidata, discovered FROM actors WHERE id = :id",
        {"id": actor_id},
    )
    if actor is None:
        return None
    actor["discovered"] = bool(actor["discovered"])
    actor["aliases"] = [
        r["alias"]
        for r in store.rows(
            "SELECT alias FROM actor_aliases WHERE actor_id = :id ORDER BY alias", {"id": actor_id}
        )
    ]
    actor["backers"] = _relations(store, "target", actor_id)
    actor["backs"] = _relations(store, "source", actor_id)
    counts = store.row(
        "SELECT count(*) AS mentions, count(DISTINCT document_id) AS documents "
        "FROM actor_mentions WHERE actor_id = :id",
        {"id": actor_id},
    )
    actor.update(counts or {"mentions": 0, "documents": 0})
    cluster = " AND e.cluster_id = e.id" if store.clustered else ""
    actor["events"] = [
        summary(row)
        for row in store.rows(
            f"{select_events(store)} "
            f"WHERE (e.actor1_id = :id OR e.actor2_id = :id){cluster} "
            "ORDER BY e.date DESC NULLS LAST, e.id LIMIT :limit",
            {"id": actor_id, "limit": limit},
        )
    ]
    return actor
