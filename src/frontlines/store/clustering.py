"""Cross-document event clusters that do not depend on the order documents arrived in.

Events are taken in one canonical order, by date and then id. An event joins the cluster of the
first event before it in that order that another document reports and that `merge.same_event`
calls the same real-world event; else it stands for itself. That is what a serial ingest of
the documents in that order gives; a store fed in any order, by one writer or by several at
once, ends with the same clusters.

When a document's events arrive they are stored standing for themselves, then the events from
their first day on are assigned again in canonical order (under the store's write lock). An
event depends only on the events up to MERGE_DAYS before it, so the pass stops once it is more
than MERGE_DAYS past the last new or reassigned event. Part of the `store` stage.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable

from sqlalchemy import Connection, delete, func, insert, select, update

from frontlines.merge import MERGE_DAYS, conservative_fatalities, same_event
from frontlines.models import Event
from frontlines.store.schema import clusters, events

CHUNK_DAYS = max(32, 2 * MERGE_DAYS + 1)  # days of events read at once


def _day(date: str) -> dt.date:
    return dt.date.fromisoformat(date[:10])


def _eligible(connection: Connection, low: dt.date, high: dt.date) -> list:
    """Events that can be merged (a full date, a place with coordinates) dated from `low` up
    to but not including `high`, in canonical order."""
    query = (
        select(
            events.c.id, events.c.document_id, events.c.date, events.c.cluster_id, events.c.record
        )
        .where(events.c.date >= low.isoformat(), events.c.date < high.isoformat())
        .where(func.length(events.c.date) >= 10, events.c.latitude.is_not(None))
        .order_by(events.c.date, events.c.id)
    )
    return list(connection.execute(query))


def recluster(connection: Connection, new_events: Iterable[Event]) -> set[str]:
    """Assign clusters again from the first day of `new_events` (already stored, each
    standing for itself); returns the cluster ids whose members or figures changed."""
    new = {e.id: e for e in new_events if e.date and len(e.date) >= 10 and e.location}
    touched = {e.id for e in new.values()}
    if not new:
        return touched
    first = min(_day(e.date) for e in new.values())
    last_touched = max(_day(e.date) for e in new.values())
    window: deque[tuple[dt.date, str, str, Event]] = deque()  # (day, document, cluster, event)
    for row in _eligible(connection, first - dt.timedelta(days=MERGE_DAYS), first):
        window.append(
            (_day(row.date), row.document_id, row.cluster_id, Event.model_validate_json(row.record))
        )
    low = first
    while low <= last_touched + dt.timedelta(days=MERGE_DAYS):
        high = low + dt.timedelta(days=CHUNK_DAYS)
        for row in _eligible(connection, low, high):
            day = _day(row.date)
            if day > last_touched + dt.timedelta(days=MERGE_DAYS):
                return touched
            while window and (day - window[0][0]).days > MERGE_DAYS:
                window.popleft()
            item = new.get(row.id) or Event.model_validate_json(row.record)
            cluster = next(
                (
                    c
                    for _, document, c, other in window
                    if document != row.document_id and same_event(item, other)
                ),
                row.id,
            )
            if cluster != row.cluster_id:
                connection.execute(
                    update(events).where(events.c.id == row.id).values(cluster_id=cluster)
                )
                touched |= {cluster, row.cluster_id or row.id}
                last_touched = max(last_touched, day)
            elif row.id in new:
                touched.add(cluster)
            window.append((day, row.document_id, cluster, item))
        low = high
    return touched


def update_clusters(connection: Connection, cluster_ids: Iterable[str]) -> None:
    """Recompute each cluster's row from its member events (removed when it has none)."""
    for cluster_id in sorted(set(cluster_ids)):
        rows = connection.execute(
            select(
                events.c.document_id,
                events.c.fatalities,
                events.c.sub_event_type,
                events.c.date,
            ).where(events.c.cluster_id == cluster_id)
        ).all()
        connection.execute(delete(clusters).where(clusters.c.id == cluster_id))
        if not rows:
            continue
        figures = [row.fatalities for row in rows]
        given = {f for f in figures if f > 0}
        dates = [row.date for row in rows if row.date]
        connection.execute(
            insert(clusters).values(
                id=cluster_id,
                sources=len({row.document_id for row in rows}),
                fatalities=conservative_fatalities(figures),
                fatalities_high=max(figures, default=0),
                contradicting=len(given) > 1 or len({row.sub_event_type for row in rows}) > 1,
                date_first=min(dates, default=None),
                date_last=max(dates, default=None),
            )
        )
