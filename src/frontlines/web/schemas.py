"""The shapes of the API's answers, for the OpenAPI docs at /docs.

The endpoints return plain dicts (no validation pass over 10,000 rows); these models only
describe them. The tests check that real answers fit.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from frontlines.store import StatePicture as StatePicture


class ActorName(BaseModel):
    id: str
    name: str


class EvidenceSpan(BaseModel):
    start: int
    end: int
    text: str


class EventSummary(BaseModel):
    """One event; with cross-document merging, one real-world event and its cluster's figures."""

    id: str
    document_id: str
    date: str | None
    time_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    actor1_id: str | None
    actor1: str | None
    actor2_id: str | None
    actor2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    country: str | None
    geo_precision: int | None
    fatalities: int
    modality: str | None
    historical: bool
    confidence: float | None
    source_count: int
    fatalities_low: int
    fatalities_high: int
    contradicting: bool


class EventPage(BaseModel):
    total: int = Field(
        description="events matching, counted up to 1,000 or to the end of the page asked for"
    )
    total_exact: bool = Field(description="false when more match: `total` is a lower bound")
    limit: int
    offset: int
    events: list[EventSummary]


class DocumentHeader(BaseModel):
    id: str
    doc_id: str
    name: str | None
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None


class Source(BaseModel):
    event_id: str
    document_id: str
    doc_id: str
    title: str | None
    name: str | None
    source: str | None
    published: str | None


class EventDetail(EventSummary):
    record: dict
    evidence: list[EvidenceSpan]
    document: DocumentHeader | None
    sources: list[Source]


class EventType(BaseModel):
    event_type: str
    events: int


class Span(BaseModel):
    kind: str
    start: int
    end: int
    label: str | None
    ref: str | None


class DocumentDetail(DocumentHeader):
    text: str
    spans: list[Span]


class ActorSummary(BaseModel):
    id: str
    name: str
    type: str | None
    inter: int | None
    country: str | None
    discovered: bool
    events: int


class ActorPage(BaseModel):
    total: int
    actors: list[ActorSummary]


class ActorBacking(BaseModel):
    document_id: str
    kind: str
    source: ActorName | None
    target: ActorName | None
    mode: str | None
    date: str | None
    evidence: list[EvidenceSpan]


class ActorDetail(BaseModel):
    id: str
    name: str
    type: str | None
    inter: int | None
    country: str | None
    wikidata: str | None
    discovered: bool
    aliases: list[str]
    backers: list[ActorBacking]
    backs: list[ActorBacking]
    mentions: int
    documents: int
    events: list[EventSummary]


class Config(BaseModel):
    tiles: str | None
    attribution: str | None
    missing_vendor_files: list[str]
    clustered: bool
