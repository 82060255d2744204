"""Demonyms: the adjective of a country or region ('Syrian', 'European', 'Kurdish'), which
modifies a name but never says where something happened."""

from __future__ import annotations

from functools import lru_cache

from frontlines.kb import gazetteer
from frontlines.kb.countries import countries


def demonym_country(text: str) -> str | None:
    """The country a demonym names ('Syrian' → SYR), if it is one."""
    return _demonyms().get(text) or _demonyms().get(text[:-1] if text.endswith("s") else text)


def is_demonym(text: str) -> bool:
    """Whether `text` is the adjective of a country or region ('Syrian', 'European',
    'Kurdish'): a modifier, never where something happened."""
    return bool(demonym_country(text) or gazetteer.region_demonym(text))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {d: c.iso3 for c in countries().values() for d in c.demonyms}
