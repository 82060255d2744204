"""The control picture as of a date, for `GET /api/state`: `frontlines.store.state` computes it."""

from __future__ import annotations

from frontlines.store import state_as_of
from frontlines.web.db import Store


def state_picture(store: Store, as_of: str, country: str | None = None) -> dict:
    """Who holds which place as of `as_of`, the claims behind it, and who backs whom."""
    return state_as_of(store.engine, as_of, country).model_dump(mode="json")
