"""Distances on the globe, and which unit holds which place."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the gazetteer imports this module
    from frontlines.kb.gazetteer import Place

COUNTY_KM = 80  # a second-level unit holds the places this close to its point


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def contains(outer: Place, inner: Place) -> bool:
    """Whether `outer` (a country, region or county) holds `inner`."""
    if inner.feature == "country" or outer.country != inner.country or outer is inner:
        return False
    if outer.feature == "country":
        return True
    if outer.feature == "region":
        return inner.admin1 == outer.name
    return outer.feature == "county" and km(outer.lat, outer.lon, inner.lat, inner.lon) < COUNTY_KM
