"""What every export reads: the real-world events (one per cluster) with their contract
records, every source document and evidence span, and the vocabulary data files."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml
from sqlalchemy import Engine, literal_column, select

from frontlines.store import actors, documents_by_id, event_evidence, events, list_events


@cache
def data(name: str) -> dict:
    text = resources.files("frontlines.export").joinpath(f"data/{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@dataclass
class ClusterEvent:
    """A real-world event: the row of the report that stands for it, its contract record,
    and what all its reports say (documents, evidence, death tolls)."""

    row: dict
    record: dict
    rowid: int
    high: int
    documents: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)

    @property
    def country(self) -> str | None:
        location = self.record.get("location") or {}
        if location.get("country"):
            return location["country"]
        for key in ("actor1", "actor2"):
            actor = self.record.get(key) or {}
            if actor.get("country"):
                return actor["country"]
        return None


def cluster_events(engine: Engine) -> list[ClusterEvent]:
    """Every real-world event in date order, with its sources and evidence."""
    rows = list_events(engine)
    with engine.connect() as connection:
        order = "events.seq" if connection.dialect.name == "postgresql" else "events.rowid"
        rowids = dict(connection.execute(select(events.c.id, literal_column(order))).all())
        docs = documents_by_id(connection)
        members: dict[str, list] = defaultdict(list)
        query = select(
            events.c.cluster_id,
            events.c.document_id,
            events.c.fatalities,
            events.c.id,
        ).order_by(events.c.id)
        for row in connection.execute(query):
            members[row.cluster_id].append(row)
        evidence: dict[str, list[dict]] = defaultdict(list)
        query = (
            select(event_evidence, events.c.cluster_id)
            .join(events, events.c.id == event_evidence.c.event_id)
            .order_by(events.c.id, event_evidence.c.start)
        )
        for row in connection.execute(query):
            evidence[row.cluster_id].append(dict(row._mapping))
    found = []
    for row in rows:
        cluster = members.get(row["cluster_id"]) or []
        document_ids = list(dict.fromkeys(m.document_id for m in cluster)) or [row["document_id"]]
        found.append(
            ClusterEvent(
                row=row,
                record=json.loads(row["record"]),
                rowid=rowids.get(row["id"], 0),
                high=max([m.fatalities for m in cluster] + [row["fatalities"]]),
                documents=[docs[d] for d in document_ids if d in docs],
                evidence=evidence.get(row["cluster_id"], []),
            )
        )
    return found


def actor_table(engine: Engine) -> dict[str, dict]:
    with engine.connect() as connection:
        return {row.id: dict(row._mapping) for row in connection.execute(select(actors))}
