"""frontlines: a sourced, structured, time-aware picture of armed conflict from reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontlines.models import CONTRACT_VERSION, Extraction

if TYPE_CHECKING:
    from frontlines.pipeline import extract

__all__ = ["CONTRACT_VERSION", "Extraction", "extract"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The pipeline loads spaCy; commands that only read the store should not pay for it.
    if name == "extract":
        from frontlines.pipeline import extract

        return extract
    raise AttributeError(f"module 'frontlines' has no attribute {name!r}")
