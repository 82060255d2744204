"""Stage `relate`: the conflict picture a report draws beyond its events.

Entry points: `find_quotes` (run before the events stage, because "our forces" inside a quote
are the speaker's) and `relate` → `Picture`: territorial control changes (`control`) and
relations between actors (`backing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.link import LinkedDocument
from frontlines.models import ControlChange, Event, Quote, Relation
from frontlines.relate.backing import find_relations
from frontlines.relate.control import find_control
from frontlines.relate.quotes import find_quotes
from frontlines.relate.sides import fighting_sides_only, with_sides
from frontlines.resolve import ResolvedDocument

__all__ = ["Picture", "find_quotes", "relate"]


@dataclass
class Picture:
    relations: list[Relation] = field(default_factory=list)
    control: list[ControlChange] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # the document's actors with the sides named by description (`sides`)
    linked: LinkedDocument | None = None


def relate(
    resolved: ResolvedDocument, events: list[Event], quotes: list[Quote] | None = None
) -> Picture:
    """Quotes with speakers, control changes and relations, each with its evidence. Pass the
    quotes when the caller has found them already (the pipeline does, for `events`)."""
    quotes = find_quotes(resolved) if quotes is None else quotes
    resolved = with_sides(resolved)  # after the events, which read names only
    control = find_control(resolved, quotes)
    return Picture(
        relations=fighting_sides_only(
            find_relations(resolved, events, control), control, events, resolved
        ),
        control=control,
        quotes=quotes,
        linked=resolved.linked,
    )
