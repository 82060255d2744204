"""The knowledge base: actors, countries, places, glossary and event lexicon, as package data
files.

Facts live in `kb/data/*.yaml`; the modules here only load and index them. A user file
(`--kb FILE` or the `FRONTLINES_KB` environment variable) adds actors and overrides entries with
the same id. Every stage may read the knowledge base; `base` is its bottom layer.
"""

from frontlines.kb.base import (
    ActorRecord,
    GlossaryEntry,
    KnowledgeBaseError,
    data_text,
    load_data,
    load_glossary,
    parse_yaml,
    user_kb_path,
)
from frontlines.kb.records import load_actor_records

__all__ = [
    "ActorRecord",
    "GlossaryEntry",
    "KnowledgeBaseError",
    "data_text",
    "load_actor_records",
    "load_data",
    "load_glossary",
    "parse_yaml",
    "user_kb_path",
]
