"""The knowledge base's bottom layer: its record types and the loading of its package data
files (`kb/data/*.yaml`). Every other kb module builds on this one."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import yaml


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is missing or malformed."""


@dataclass(frozen=True)
class GlossaryEntry:
    """A known mistranslation and the context that must be present to correct it."""

    wrong: str
    right: str
    require_near: tuple[str, ...] = ()
    context: str = ""
    case_sensitive: bool = False  # "IS", the group, and not "is", the verb


@dataclass
class ActorRecord:
    """One actor of the knowledge base."""

    id: str
    name: str
    type: str
    inter: int | None = None
    country: str | None = None
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    member_of: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    role: str | None = None
    discovered: bool = False
    acled_as: str | None = None  # the actor ACLED codes it as: a state's named army is its military

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: ten times faster


def parse_yaml(text: str) -> object:
    """YAML text as data, by the safe loader (libyaml's where PyYAML was built with it)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def data_text(name: str) -> str:
    """The text of a packaged data file."""
    return resources.files("frontlines.kb").joinpath("data", name).read_text(encoding="utf-8")


def load_yaml_list(text: str, where: str) -> list[dict]:
    try:
        data = parse_yaml(text) or []
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"{where}: not valid YAML: {err}") from None
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise KnowledgeBaseError(f"{where}: expected a list of mappings")
    return data


def actor_record(raw: dict, where: str) -> ActorRecord:
    missing = [key for key in ("id", "name") if not raw.get(key)]
    if missing:
        raise KnowledgeBaseError(f"{where}: actor entry lacks {', '.join(missing)}: {raw!r:.120}")
    known = ActorRecord.__dataclass_fields__
    values = {key: value for key, value in raw.items() if key in known}
    for key in ("valid_from", "valid_to", "wikidata"):
        if values.get(key) is not None:
            values[key] = str(values[key])
    values.setdefault("type", "armed_group")
    values["aliases"] = [str(alias) for alias in values.get("aliases") or []]
    values["member_of"] = list(values.get("member_of") or [])
    values["commands"] = list(values.get("commands") or [])
    return ActorRecord(**values)


def user_kb_path() -> str | None:
    return os.environ.get("FRONTLINES_KB") or None


@lru_cache(maxsize=1)
def load_glossary() -> list[GlossaryEntry]:
    entries = []
    for raw in load_yaml_list(data_text("glossary.yaml"), "glossary.yaml"):
        entries.append(
            GlossaryEntry(
                wrong=str(raw["wrong"]),
                right=str(raw["right"]),
                require_near=tuple(str(w) for w in raw.get("require_near") or ()),
                context=str(raw.get("context") or ""),
                case_sensitive=bool(raw.get("case_sensitive", False)),
            )
        )
    return entries


@cache
def load_data(name: str) -> object:
    """Any other packaged YAML data file (event lexicon, place supplement, cue words)."""
    try:
        return parse_yaml(data_text(name))
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"{name}: not valid YAML: {err}") from None
