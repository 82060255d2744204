"""The actors the knowledge base knows: country actors, then the packaged `actors.yaml`, then
the user's file (`--kb FILE` or `FRONTLINES_KB`), later ids overriding earlier ones."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from frontlines.kb.base import (
    ActorRecord,
    KnowledgeBaseError,
    actor_record,
    data_text,
    load_yaml_list,
)
from frontlines.kb.countries import country_actors


@lru_cache(maxsize=8)
def load_actor_records(user_file: str | None = None) -> tuple[ActorRecord, ...]:
    """Country actors, then packaged actors, then the user's file; later ids override."""
    records: dict[str, ActorRecord] = {record.id: record for record in country_actors()}
    for raw in load_yaml_list(data_text("actors.yaml"), "actors.yaml"):
        record = actor_record(raw, "actors.yaml")
        records[record.id] = record
    if user_file:
        path = Path(user_file)
        if not path.is_file():
            raise KnowledgeBaseError(f"{user_file}: no such knowledge-base file")
        for raw in load_yaml_list(path.read_text(encoding="utf-8"), user_file):
            record = actor_record(raw, user_file)
            records[record.id] = record
    return tuple(records.values())
