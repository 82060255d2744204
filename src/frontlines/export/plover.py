"""PLOVER JSON records, one per line (the JSON Lines form the PLOVER specification suggests),
with PLOVER's field names: `id`, `date`, `event`, `mode`, `context`, `source` and `recipient`
(lists of actor objects: `code`, `sector`, `actor_text`, `identifier_id`, `identifier_text`),
`event_loc` (GeoNames-style location object), `event_text`, `quad_code`, `text`, `text_info`,
`cite_info`, `coder`, `coded_date`, and `size` (`dead`). One record per real-world event that
has a PLOVER type and a date (PLOVER requires one); `modality`, `historical`,
`time_precision` and `sources` are extra fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version

import pycountry
from sqlalchemy import Engine

from frontlines.export.common import ClusterEvent, actor_table, cluster_events, data


def _coder() -> str:
    try:
        return f"{data('vocab')['plover_coder']} {version('frontlines')}"
    except PackageNotFoundError:
        return data("vocab")["plover_coder"]


def _actor(ref: dict, known: dict[str, dict]) -> dict:
    vocab = data("vocab")
    stored = known.get(ref.get("id") or "") or {}
    kind = stored.get("type") or ""
    sector = vocab["plover_sectors"].get(kind) or vocab["plover_sectors_by_inter"].get(
        ref.get("inter"), ""
    )
    return {
        "code": ref.get("country") or "",
        "sector": sector,
        "actor_text": ref.get("text") or ref.get("name") or "",
        "identifier_id": stored.get("wikidata") or ref.get("id") or "",
        "identifier_text": ref.get("name") or "",
    }


def _location(location: dict | None) -> dict | None:
    if not location:
        return None
    country = location.get("country")
    found = pycountry.countries.get(alpha_3=country) if country else None
    return {
        "geonameid": location.get("geonames_id"),
        "name": location.get("name"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "country code": found.alpha_2 if found else None,
        "cc3": country,
        "admin1 code": location.get("admin1"),
    }


def plover_record(item: ClusterEvent, known: dict[str, dict]) -> dict:
    record, row = item.record, item.row
    sources = [record["actor1"], *record.get("assoc_actor_1", [])] if record.get("actor1") else []
    targets = [record["actor2"], *record.get("assoc_actor_2", [])] if record.get("actor2") else []
    first_document = item.documents[0] if item.documents else {}
    evidence = item.evidence[0] if item.evidence else None
    return {
        "id": row["id"],
        "date": row["date"],
        "event": [row["plover_type"]],
        "mode": [record["plover_mode"]] if record.get("plover_mode") else [],
        "context": [],
        "source": [_actor(a, known) for a in sources],
        "recipient": [_actor(a, known) for a in targets],
        "event_loc": _location(record.get("location")),
        "event_text": list(dict.fromkeys(e["text"] for e in item.evidence)),
        "quad_code": data("vocab")["plover_quad"].get(row["plover_type"]),
        "text": evidence["text"] if evidence else "",
        "text_info": {"start": evidence["start"], "end": evidence["end"]} if evidence else {},
        "cite_info": {
            "citation": first_document.get("doc_id"),
            "title": first_document.get("title"),
            "url": first_document.get("url"),
            "publication": first_document.get("source"),
            "language": first_document.get("language"),
        },
        "coder": _coder(),
        "coded_date": (first_document.get("ingested_at") or "")[:10] or None,
        "size": {"dead": row["fatalities"]},
        "modality": row["modality"],
        "historical": bool(row["historical"]),
        "time_precision": row["time_precision"],
        "sources": [d["doc_id"] for d in item.documents],
    }


def plover_lines(engine: Engine) -> Iterator[str]:
    known = actor_table(engine)
    for item in cluster_events(engine):
        if item.row["plover_type"] and item.row["date"]:
            yield json.dumps(plover_record(item, known), ensure_ascii=False, sort_keys=False)
