"""GeoJSON (RFC 7946) FeatureCollections: the real-world events, and control as of a date
(who holds each place, contested places with every contender, the evidence behind it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, func, select

from frontlines.export.common import cluster_events
from frontlines.store import control, state_as_of


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def events_collection(engine: Engine) -> dict:
    features = []
    for item in cluster_events(engine):
        record, row = item.record, item.row
        location = record.get("location") or {}
        if location.get("lat") is None or location.get("lon") is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": _point(location["lon"], location["lat"]),
                "properties": {
                    "date": row["date"],
                    "time_precision": row["time_precision"],
                    "event_type": row["event_type"],
                    "sub_event_type": row["sub_event_type"],
                    "plover_type": row["plover_type"],
                    "actor1": (record.get("actor1") or {}).get("name"),
                    "actor2": (record.get("actor2") or {}).get("name"),
                    "location": location.get("name"),
                    "country": location.get("country"),
                    "geo_precision": location.get("geo_precision"),
                    "fatalities": row["fatalities"],
                    "modality": row["modality"],
                    "historical": bool(row["historical"]),
                    "sources": [d["doc_id"] for d in item.documents],
                    "evidence": item.evidence[0]["text"] if item.evidence else None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def control_collection(engine: Engine, as_of: str | None = None) -> dict:
    """Control as of `as_of` (default: the latest stored control change), one Point feature
    per place."""
    if as_of is None:
        with engine.connect() as connection:
            latest = connection.execute(select(func.max(control.c.date))).scalar()
        as_of = latest or dt.date.today().isoformat()
    picture = state_as_of(engine, as_of)
    features = []
    for place in picture.places:
        if place.lat is None or place.lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": f"{place.country or ''}:{place.place}",
                "geometry": _point(place.lon, place.lat),
                "properties": {
                    "place": place.place,
                    "country": place.country,
                    "as_of": as_of,
                    "holder": place.holder.name if place.holder else None,
                    "holder_id": place.holder.id if place.holder else None,
                    "contested": place.contested,
                    "contenders": [a.name for a in place.contenders],
                    "besieged_by": [a.name for a in place.besieged_by],
                    "since": place.since,
                    "claims": [
                        {
                            "kind": claim.kind,
                            "date": claim.date,
                            "gained_by": claim.holder.name if claim.holder else None,
                            "lost_by": claim.lost_by.name if claim.lost_by else None,
                            "document": claim.document,
                            "evidence": [e.text for e in claim.evidence],
                        }
                        for claim in place.claims
                    ],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
