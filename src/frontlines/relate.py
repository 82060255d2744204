"""Stage `relate`: backing relations, territorial control changes and quotes.

The conflict-picture issue owns this stage. Until it lands, the stage returns empty lists
rather than guesses: an empty list is honest, a half-right relation is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.models import ControlChange, Event, Quote, Relation
from frontlines.resolve import ResolvedDocument


@dataclass
class Picture:
    relations: list[Relation] = field(default_factory=list)
    control: list[ControlChange] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def relate(resolved: ResolvedDocument, events: list[Event]) -> Picture:
    """Stage entry point (not built yet: see the conflict-picture issue)."""
    return Picture()
