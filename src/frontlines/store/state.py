"""The conflict picture as of a date, read from the store: who holds each place, by which
chain of evidence, and who backs whom (`frontlines state`, `GET /api/state`).

A place's holder is decided by its latest claims up to the date: one actor gaining it holds
it; two actors claiming it on the same latest date leave it contested, both shown; a claim
that only says someone left (withdrew) leaves the holder unknown. Every claim up to the date
stays in the chain, so an analyst sees why. Backing relations dated after the date are left
out; claimed and denied relations are listed with their modality, never folded into fact.
"""

from __future__ import annotations

import json
from collections import defaultdict

from pydantic import BaseModel, Field
from sqlalchemy import Engine, select

from frontlines.kb.names import name_key
from frontlines.kb.records import load_actor_records
from frontlines.models import Evidence
from frontlines.store.schema import actors, control, documents, relations

HOLDING_KINDS = {"captured", "entered", "retreated_to"}


class ActorName(BaseModel):
    id: str
    name: str


class Claim(BaseModel):
    """One report's statement about a place: what happened, who gained, who lost, when."""

    kind: str
    date: str | None
    holder: ActorName | None = Field(description="who gained the place (or besieges it)")
    lost_by: ActorName | None = None
    document_id: str
    document: str | None = Field(default=None, description="the document's name or title")
    evidence: list[Evidence] = Field(default_factory=list)


class PlaceState(BaseModel):
    place: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    holder: ActorName | None = Field(description="null when contested or unknown")
    contested: bool = False
    contenders: list[ActorName] = Field(default_factory=list)
    besieged_by: list[ActorName] = Field(default_factory=list)
    since: str | None = Field(default=None, description="date of the claim that decides")
    claims: list[Claim] = Field(default_factory=list)


class SourcedEvidence(Evidence):
    document_id: str


class Backing(BaseModel):
    kind: str
    source: ActorName
    target: ActorName
    mode: str
    modality: str = "asserted"
    date: str | None = None
    document_ids: list[str] = Field(default_factory=list)
    evidence: list[SourcedEvidence] = Field(default_factory=list)


class StatePicture(BaseModel):
    as_of: str
    country: str | None = None
    places: list[PlaceState] = Field(default_factory=list)
    backing: list[Backing] = Field(default_factory=list)


def _on_or_before(date: str | None, as_of: str) -> bool:
    """'2020', '2020-06' and '2020-06-05' all compare at their own precision."""
    return date is None or date[: len(as_of)] <= as_of[: len(date)]


def _decide(place: PlaceState) -> None:
    deciding = [c for c in place.claims if c.kind != "besieged" and c.date]
    if not deciding:
        return
    latest = max(c.date for c in deciding)
    today = [c for c in deciding if c.date == latest]
    gainers = {c.holder.id: c.holder for c in today if c.kind in HOLDING_KINDS and c.holder}
    place.since = latest
    if len(gainers) == 1:
        place.holder = next(iter(gainers.values()))
    elif len(gainers) > 1:
        place.contested = True
        place.contenders = list(gainers.values())
    sieges = [c for c in place.claims if c.kind == "besieged" and c.holder]
    later = [c for c in sieges if (c.date or "") >= latest]
    place.besieged_by = list({c.holder.id: c.holder for c in later}.values())


def state_as_of(engine: Engine, as_of: str, country: str | None = None) -> StatePicture:
    """Who holds what, and who backs whom, as of `as_of` (YYYY-MM-DD)."""
    with engine.connect() as connection:
        names = {row.id: row.name for row in connection.execute(select(actors.c.id, actors.c.name))}
        # a country's generic forces named in a change but listed under no mention of their
        # own ("LBY-unidentified"): their knowledge-base name, not the bare id
        known = {record.id: record.name for record in load_actor_records()}
        names = {**known, **names}

        def actor(actor_id: str | None) -> ActorName | None:
            return ActorName(id=actor_id, name=names.get(actor_id, actor_id)) if actor_id else None

        query = select(control, documents.c.name, documents.c.title).join(
            documents, documents.c.id == control.c.document_id
        )
        if country:
            query = query.where(control.c.country == country)
        places: dict[str, PlaceState] = {}
        query = query.order_by(control.c.date.asc().nulls_first(), control.c.document_id)
        for row in connection.execute(query):
            if not _on_or_before(row.date, as_of):
                continue
            record = json.loads(row.record)
            if record.get("modality") == "denied":
                continue  # "the army did not enter X": no claim on X
            key = f"{name_key(row.place)}|{row.country or ''}"
            state = places.setdefault(
                key,
                PlaceState(
                    place=row.place,
                    lat=row.latitude,
                    lon=row.longitude,
                    country=row.country,
                    holder=None,
                ),
            )
            state.claims.append(
                Claim(
                    kind=row.kind,
                    date=row.date,
                    holder=actor(row.gained_by),
                    lost_by=actor(row.lost_by),
                    document_id=row.document_id,
                    document=row.title or row.name,
                    evidence=record.get("evidence", []),
                )
            )
        backing = _backing(connection, as_of, country, actor)
    for state in places.values():
        _decide(state)
    ordered = sorted(places.values(), key=lambda p: (p.country or "", p.place))
    return StatePicture(as_of=as_of, country=country, places=ordered, backing=backing)


SYMMETRIC_KINDS = {"opposes", "allied_with"}


def _backing(connection, as_of: str, country: str | None, actor) -> list[Backing]:
    grouped: dict[tuple, Backing] = {}
    evidence_seen: dict[tuple, set] = defaultdict(set)
    rows = connection.execute(select(relations).order_by(relations.c.date.asc().nulls_first()))
    for row in rows:
        if not _on_or_before(row.date, as_of):
            continue
        record = json.loads(row.record)
        modality = row.modality or record.get("modality", "asserted")
        source, target = row.source, row.target
        if row.kind in SYMMETRIC_KINDS and target < source:
            source, target = target, source  # "X opposes Y" and "Y opposes X" are one
        key = (row.kind, source, target, row.mode, modality)
        item = grouped.get(key)
        if item is None:
            item = grouped[key] = Backing(
                kind=row.kind,
                source=actor(source),
                target=actor(target),
                mode=row.mode,
                modality=modality,
                date=row.date,
            )
        if row.document_id not in item.document_ids:
            item.document_ids.append(row.document_id)
        for evidence in record.get("evidence", []):
            marker = (row.document_id, evidence["start"])
            if marker not in evidence_seen[key]:
                evidence_seen[key].add(marker)
                item.evidence.append(SourcedEvidence(document_id=row.document_id, **evidence))
    items = list(grouped.values())
    if country:
        involved = _actors_of_country(connection, country)
        items = [b for b in items if b.source.id in involved or b.target.id in involved]
    return sorted(items, key=lambda b: (b.kind, b.target.name, b.source.name, b.mode))


def _actors_of_country(connection, country: str) -> set[str]:
    """Actors of the country, and every actor that a stored control change there names."""
    found = {
        row.id for row in connection.execute(select(actors.c.id).where(actors.c.country == country))
    }
    for row in connection.execute(
        select(control.c.gained_by, control.c.lost_by).where(control.c.country == country)
    ):
        found |= {row.gained_by, row.lost_by} - {None}
    return found
