"""A town's name spelled another way inside the unit the text names ("Bulo Burde, Hiraan
region": Buulobarde, also written Bulo Burti). Transliterations of one name differ by a letter
or two; inside one province or district that is enough to tell the town, never outside it."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from frontlines.kb.gazetteer import Place, _index, city_from_row
from frontlines.kb.geometry import contains
from frontlines.kb.names import name_key

SAME_NAME = 80  # rapidfuzz ratio: "bulo burde" / "bulo burti" is 80
SHORTEST = 6  # letters: shorter names are too alike to tell apart by spelling


@lru_cache(maxsize=32)
def _names_in(country: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Every name key of the country's towns, with the row each belongs to."""
    rows, index, _divisions, _division_index = _index()
    keys, ids = [], []
    for key, row_ids in index.items():
        for row_id in row_ids:
            if rows[row_id][3] == country:
                keys.append(key)
                ids.append(row_id)
    return tuple(keys), tuple(ids)


def spelled_alike_within(name: str, unit: Place) -> Place | None:
    """The one town of the unit (a region, a county or a country) whose name is `name` spelled
    another way, if exactly one is that close; else None."""
    key = name_key(name)
    if unit.country is None or len(key.replace(" ", "")) < SHORTEST:
        return None
    keys, ids = _names_in(unit.country)
    rows = _index()[0]
    found: dict[int, Place] = {}
    for _key, _score, position in process.extract(
        key, keys, scorer=fuzz.ratio, score_cutoff=SAME_NAME, limit=20
    ):
        town = city_from_row(rows[ids[position]])
        if town.geonames_id is not None and contains(unit, town):
            found[town.geonames_id] = town
    return next(iter(found.values())) if len(found) == 1 else None
