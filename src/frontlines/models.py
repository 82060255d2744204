"""The output contract (v1) as typed objects.

These are the objects every stage hands on and `frontlines extract` writes. The JSON Schema
in `schema/contract-v1.json` is generated from them (`frontlines schema`) and checked in the
tests, so the schema and the code cannot drift apart silently.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

CONTRACT_VERSION = "1"

Modality = Literal["asserted", "claimed", "denied", "threatened", "planned", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year"]
RelationKind = Literal["supports", "opposes", "allied_with", "member_of", "commands"]
RelationMode = Literal["military", "political", "financial", "unspecified"]
ControlKind = Literal["captured", "entered", "withdrew", "besieged", "retreated_to"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A span of the document body that supports a fact (offsets in code points)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Document(_Model):
    """One report as read: body text with its metadata. `id` is the content hash."""

    id: str
    doc_id: str = Field(description="The input's own id where given, else the content hash.")
    text: str
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    country: str | None = Field(
        default=None, description="ISO 3166 alpha-3 of the country the report is about, if known"
    )
    name: str = Field(default="<text>", description="Where the document came from (file[:line]).")


class ActorRef(_Model):
    """An actor as an event argument."""

    id: str
    name: str
    text: str
    country: str | None = None
    inter: int | None = Field(default=None, ge=0, le=8)


class Actor(_Model):
    id: str
    name: str
    type: str
    inter: int | None = Field(default=None, ge=0, le=8)
    country: str | None = None
    wikidata: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Evidence] = Field(default_factory=list)


class Location(_Model):
    name: str
    text: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    geo_precision: int = Field(ge=1, le=3)


class PlaceMention(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    feature: str | None = None


class DateMention(_Model):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    value: str | None = Field(description="ISO 8601: 2020-06-04, 2019-04 or 2019")
    precision: DatePrecision | None = None


class Event(_Model):
    id: str
    date: str | None = Field(description="YYYY-MM-DD")
    time_precision: int = Field(ge=1, le=3)
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None = Field(
        description="PLOVER type; null when PLOVER has none (a discovery of bodies)"
    )
    plover_mode: str | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actor_1: list[ActorRef] = Field(default_factory=list)
    assoc_actor_2: list[ActorRef] = Field(default_factory=list)
    location: Location | None = None
    fatalities: int = Field(default=0, ge=0)
    modality: Modality = "asserted"
    historical: bool = False
    evidence: list[Evidence]
    confidence: float = Field(ge=0.0, le=1.0)


class Relation(_Model):
    kind: RelationKind
    source: str
    target: str
    mode: RelationMode = "unspecified"
    modality: Literal["asserted", "claimed", "denied"] = Field(
        default="asserted",
        description="claimed: attributed as an accusation or claim; denied: negated or denied",
    )
    date: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class ControlChange(_Model):
    place: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    gained_by: str | None = None
    lost_by: str | None = None
    date: str | None = None
    kind: ControlKind
    modality: Literal["asserted", "claimed", "denied"] = Field(
        default="asserted",
        description="claimed: a party's own claim ('X said it had taken Y'); denied: negated or "
        "denied",
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Speaker(_Model):
    name: str | None = None
    role: str | None = None
    actor: str | None = Field(
        default=None, description="the actor the speaker speaks for (a government, a group)"
    )
    id: str | None = Field(default=None, description="the speaker's own actor id, when known")


class Quote(_Model):
    speaker: Speaker
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    direct: bool
    date: str | None = None


class Extraction(_Model):
    """Everything extracted from one document: one line of `frontlines extract`."""

    doc_id: str
    published: str | None
    events: list[Event] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    control: list[ControlChange] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)


def contract_schema() -> dict:
    """The JSON Schema of one `frontlines extract` output line."""
    schema = Extraction.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://frontlines.example/contract-v{CONTRACT_VERSION}.json"
    return schema
