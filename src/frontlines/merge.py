"""Stage `merge`: what several documents say about the same thing becomes one thing.

Now: discovered actors (names the knowledge base lacks) are unified across documents: a
name already stored under another document's spelling ("Hifter" after "Haftar") takes that
actor's id. Cross-document event clustering belongs to the conflict-picture issue; until it
lands, events stay per document and document identity (content hash) stops duplicates.
"""

from __future__ import annotations

from frontlines.kb.matching import closest_spelling, translit_key
from frontlines.models import Extraction

ID_FIELDS = {"id", "source", "target", "actor", "gained_by", "lost_by"}


def discovered_keys(names: list[str]) -> set[str]:
    """Spelling keys under which a discovered actor is found again."""
    return {translit_key(name) for name in names if len(translit_key(name)) >= 4}


def _rename(value: object, renames: dict[str, str]) -> object:
    if isinstance(value, dict):
        return {
            key: (
                renames.get(item, item)
                if key in ID_FIELDS and isinstance(item, str)
                else _rename(item, renames)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rename(item, renames) for item in value]
    return value


def unify_discovered(extraction: Extraction, known: dict[str, str]) -> Extraction:
    """Give each discovered actor the id it already has in the store, matched by spelling key.

    `known` maps spelling keys of stored discovered actors' names to their ids.
    """
    renames: dict[str, str] = {}
    keys = sorted(known)
    for actor in extraction.actors:
        if not actor.id.startswith("new-"):
            continue
        for key in sorted(discovered_keys([actor.name, *actor.aliases])):
            match = closest_spelling(key, keys)
            if match is not None and known[match] != actor.id:
                renames[actor.id] = known[match]
                break
    if not renames:
        return extraction
    data = _rename(extraction.model_dump(), renames)
    merged: dict[str, dict] = {}
    for actor in data["actors"]:  # two local actors may now be one
        if actor["id"] in merged:
            kept = merged[actor["id"]]
            kept["aliases"] = list(dict.fromkeys(kept["aliases"] + actor["aliases"]))
            kept["mentions"] += actor["mentions"]
        else:
            merged[actor["id"]] = actor
    data["actors"] = list(merged.values())
    return Extraction.model_validate(data)
