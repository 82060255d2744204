"""The control picture as of a date, for `GET /api/state`.

`frontlines.state.state_as_of` computes it where that module exists. Until then a plain
reading of the `control` and `relations` tables gives the same shape: each place's claims up
to the date, the latest deciding the holder, a tie between holders marking it contested.
"""

from __future__ import annotations

import json

from frontlines.web.db import Store


def state_picture(store: Store, as_of: str, country: str | None = None) -> dict:
    try:
        from frontlines.state import state_as_of
    except ImportError:
        return _from_tables(store, as_of, country)
    return state_as_of(store.engine, as_of, country).model_dump(mode="json")


def _actor(store: Store, actor_id: str | None, names: dict[str, dict]) -> dict | None:
    if actor_id is None:
        return None
    if actor_id not in names:
        row = store.row("SELECT id, name FROM actors WHERE id = :id", {"id": actor_id})
        names[actor_id] = row or {"id": actor_id, "name": actor_id}
    return names[actor_id]


def _from_tables(store: Store, as_of: str, country: str | None) -> dict:
    names: dict[str, dict] = {}
    claims = store.rows(
        "SELECT c.document_id, c.place, c.gained_by, c.lost_by, "
        "coalesce(c.date, d.published) AS date, c.kind, c.record "
        "FROM control c JOIN documents d ON d.id = c.document_id "
        "WHERE coalesce(c.date, d.published) <= :as_of ORDER BY date, c.document_id",
        {"as_of": as_of},
    )
    by_place: dict[str, list[dict]] = {}
    for claim in claims:
        by_place.setdefault(claim["place"], []).append(claim)
    places = []
    for name, items in sorted(by_place.items()):
        where = store.row(
            "SELECT latitude AS lat, longitude AS lon, country FROM places "
            "WHERE name = :name AND latitude IS NOT NULL LIMIT 1",
            {"name": name},
        ) or {"lat": None, "lon": None, "country": None}
        if country and where["country"] != country.upper():
            continue
        last = items[-1]["date"]
        holders = {c["gained_by"] for c in items if c["date"] == last and c["gained_by"]}
        holder = next(iter(holders)) if len(holders) == 1 else None
        places.append(
            {
                "place": name,
                **where,
                "holder": _actor(store, holder, names),
                "contested": len(holders) > 1,
                "claims": [
                    {
                        "holder": _actor(store, c["gained_by"], names),
                        "lost_by": _actor(store, c["lost_by"], names),
                        "kind": c["kind"],
                        "date": c["date"],
                        "document_id": c["document_id"],
                        "evidence": json.loads(c["record"] or "{}").get("evidence", []),
                    }
                    for c in items
                ],
            }
        )
    backing = []
    for row in store.rows(
        "SELECT document_id, kind, source, target, mode, date, record FROM relations "
        "WHERE kind IN ('supports', 'allied_with') AND (date IS NULL OR date <= :as_of) "
        "ORDER BY date, document_id",
        {"as_of": as_of},
    ):
        backing.append(
            {
                "kind": row["kind"],
                "source": _actor(store, row["source"], names),
                "target": _actor(store, row["target"], names),
                "mode": row["mode"],
                "date": row["date"],
                "document_ids": [row["document_id"]],
                "evidence": json.loads(row["record"] or "{}").get("evidence", []),
            }
        )
    return {"as_of": as_of, "country": country, "places": places, "backing": backing}
