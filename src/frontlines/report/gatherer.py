"""Gathering a situation report from the store: which events, control changes, relations and
quotes fall in the country and period, and the sentences that state them, each footnoted to
the evidence spans it rests on. Nothing is written that the stored data does not say."""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Engine, select

from frontlines.kb.countries import country_codes
from frontlines.report.model import (
    ControlPoint,
    ControlRow,
    MapPoint,
    Notes,
    Report,
    Statement,
    TypeRow,
    format_date,
    labels,
)
from frontlines.report.sides import notable_quotes, parties, sources
from frontlines.store import (
    actors,
    clusters,
    control,
    documents_by_id,
    event_evidence,
    events,
    list_events,
    state_as_of,
)


def country_name(iso3: str | None) -> str:
    if not iso3:
        return labels()["scope_all"]
    return country_codes(iso3)[1]  # ACLED's short name ("Democratic Republic of Congo")


class Gatherer:
    def __init__(self, engine: Engine, country: str | None) -> None:
        self.engine = engine
        self.country = country
        self.words = labels()
        with engine.connect() as connection:
            self.documents = documents_by_id(connection)
            self.actors = {row.id: dict(row._mapping) for row in connection.execute(select(actors))}
            self.highs = dict(
                connection.execute(select(clusters.c.id, clusters.c.fatalities_high)).all()
            )
            self.evidence: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
            query = (
                select(
                    events.c.cluster_id,
                    event_evidence.c.document_id,
                    event_evidence.c.start,
                    event_evidence.c.end,
                )
                .join(events, events.c.id == event_evidence.c.event_id)
                .order_by(events.c.cluster_id, events.c.id, event_evidence.c.start)
            )
            for row in connection.execute(query):
                self.evidence[row.cluster_id].append((row.document_id, row.start, row.end))
        self.notes = Notes(self.documents)

    # -- scope ------------------------------------------------------------------------------
    def in_country(self, row: dict) -> bool:
        if not self.country:
            return True
        if row["country"]:
            return row["country"] == self.country
        record = json.loads(row["record"])  # unlocated: the country of its actors
        return any(
            (
                (record.get(key) or {}).get("country")
                or (self.actors.get(row[key + "_id"]) or {}).get("country")
            )
            == self.country
            for key in ("actor1", "actor2")
        )

    def scoped_events(self) -> list[dict]:
        return [row for row in list_events(self.engine) if self.in_country(row)]

    def control_rows(self) -> list[dict]:
        query = select(control).order_by(control.c.date.asc().nulls_first(), control.c.document_id)
        if self.country:
            query = query.where(control.c.country == self.country)
        with self.engine.connect() as connection:
            rows = [dict(row._mapping) for row in connection.execute(query)]
        # a denied change ("the army did not enter X") is kept in the store, not reported as a move
        return [row for row in rows if json.loads(row["record"]).get("modality") != "denied"]

    def name(self, actor_id: str | None) -> str:
        if not actor_id:
            return ""
        return (self.actors.get(actor_id) or {}).get("name") or actor_id

    def actor_kind(self, actor_id: str) -> str:
        """'State forces, military' or 'person, Germany': the ACLED inter label and type."""
        actor = self.actors.get(actor_id) or {}
        kind = (actor.get("type") or "").replace("_", " ")
        if kind in self.words["personal_types"]:
            return ", ".join(x for x in (kind, country_name(actor.get("country"))) if x)
        inter = self.words["inter_labels"].get(actor.get("inter"), "")
        if kind in self.words["hidden_types"]:
            kind = ""
        return ", ".join(x for x in (inter, kind) if x)

    # -- sentences --------------------------------------------------------------------------
    def event_label(self, row: dict) -> str:
        sub = row["sub_event_type"]
        if sub:
            return self.words["sub_event_labels"].get(sub, sub)
        plover = row["plover_type"] or ""
        return self.words["plover_labels"].get(plover, plover.title())

    def event_sentence(self, row: dict) -> str:
        words = self.words
        text = self.event_label(row)
        record = json.loads(row["record"])
        if row["event_type"] is None and row["actor1"] and row["actor2"]:
            text += words["event_between"].format(actor1=row["actor1"], actor2=row["actor2"])
        else:
            if row["actor1"]:
                text += words["event_by"].format(actor=row["actor1"])
            if row["actor2"]:
                text += words["event_on"].format(actor=row["actor2"])
        if record.get("plover_mode") and row["event_type"] is None:
            text += words["mode"].format(mode=record["plover_mode"])
        if row["location"]:
            text += words["event_in"].format(place=row["location"])
        deaths, high = row["fatalities"], self.highs.get(row["cluster_id"]) or row["fatalities"]
        if high > deaths:
            text += words["event_deaths_range"].format(deaths=deaths, high=high)
        elif deaths:
            text += words["event_deaths_one" if deaths == 1 else "event_deaths"].format(
                deaths=deaths
            )
        if row["modality"] and row["modality"] != "asserted":
            text += words["event_modality"].format(modality=row["modality"])
        return text + "."

    def event_refs(self, row: dict) -> list[int]:
        spans = self.evidence.get(row["cluster_id"] or row["id"], [])
        return self.notes.cite_all(spans, self.words["max_refs"])

    def first_spans(self, rows: list[dict]) -> list[tuple[str, int, int]]:
        """The first evidence span of each event (for statements about many events)."""
        return [
            self.evidence[r["cluster_id"]][0] for r in rows if self.evidence.get(r["cluster_id"])
        ]

    def record_refs(self, document_id: str, record: str | dict) -> list[int]:
        data = json.loads(record) if isinstance(record, str) else record
        spans = [(document_id, e["start"], e["end"]) for e in data.get("evidence", [])]
        return self.notes.cite_all(spans, self.words["max_refs"])


def _in_period(date: str | None, since: str | None, as_of: str | None) -> bool:
    if not date:
        return False
    return (not since or date[: len(since)] >= since[: len(date)]) and (
        not as_of or date[: len(as_of)] <= as_of[: len(date)]
    )


def _join(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def gather(
    engine: Engine, country: str | None = None, since: str | None = None, as_of: str | None = None
) -> Report:
    """The report's content for the country (ISO 3166 alpha-3, or every country) and period."""
    g = Gatherer(engine, country)
    words = g.words
    everything = g.scoped_events()
    unreal = [row for row in everything if row["modality"] not in words["event_modalities"]]
    everything = [row for row in everything if row["modality"] in words["event_modalities"]]
    current = [row for row in everything if not row["historical"] and row["date"]]
    moves = g.control_rows()
    if as_of is None:
        # the latest event, control change or report (whose relations carry its date)
        dates = [row["date"] for row in current] + [m["date"] for m in moves if m["date"]]
        reports = {span[0] for row in current for span in g.evidence.get(row["cluster_id"], [])}
        dates += [g.documents[d]["published"] for d in reports if g.documents[d]["published"]]
        as_of = max(dates) if dates else None
    if since is None:
        dates = [row["date"] for row in current if _in_period(row["date"], None, as_of)]
        since = min(dates) if dates else as_of
    if since and as_of and as_of < since:
        as_of = since
    scope = [row for row in current if _in_period(row["date"], since, as_of)]
    moves = [m for m in moves if _in_period(m["date"], since, as_of)]
    period = words["period"].format(since=format_date(since), as_of=format_date(as_of))
    report = Report(
        title=words["title"].format(scope=country_name(country)),
        country=country,
        since=since,
        as_of=as_of,
        period=period,
        as_of_label=format_date(as_of),
    )
    background = [
        row
        for row in everything
        if row["historical"] or (row["date"] and since and row["date"] < since)
    ]
    planned = sum(_in_period(row["date"], since, as_of) for row in unreal)
    _headline(g, report, scope, moves, len(background), planned)
    _developments(g, report, scope, moves)
    if as_of:
        _control_state(g, report)
    parties(g, report, scope)
    notable_quotes(g, report, scope, moves)
    report.points = [
        MapPoint(
            lat=row["latitude"],
            lon=row["longitude"],
            label=row["location"] or "",
            category=row["event_type"] or words["other_label"],
            deaths=row["fatalities"],
        )
        for row in scope
        if row["latitude"] is not None and row["longitude"] is not None
    ]
    report.timeline = [
        (row["date"], row["event_type"] or words["other_label"], row["fatalities"]) for row in scope
    ]
    report.control_dates = sorted({m["date"] for m in moves})
    report.footnotes = g.notes.footnotes
    sources(g, report)
    return report


def _headline(
    g: Gatherer, report: Report, scope: list[dict], moves: list[dict], left: int, unreal: int
) -> None:
    words = g.words
    docs = {span[0] for row in scope for span in g.evidence.get(row["cluster_id"], [])}
    report.headline.append(
        Statement(
            words["headline_events"].format(
                events=len(scope),
                documents=len(docs),
                since=format_date(report.since),
                as_of=format_date(report.as_of),
            )
        )
    )
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in scope:
        key = row["event_type"] or f"{g.event_label(row)} (PLOVER {row['plover_type']})"
        grouped[key].append(row)
    for key, rows in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        refs = g.notes.cite_all(
            g.first_spans(rows),
            words["max_refs"],
        )
        deaths = sum(r["fatalities"] for r in rows)
        report.by_type.append(TypeRow(key, refs, events=len(rows), deaths=deaths))
    deaths = sum(row["fatalities"] for row in scope)
    if deaths:
        dead = [row for row in scope if row["fatalities"]]
        refs = g.notes.cite_all(
            g.first_spans(dead),
            words["max_refs"],
        )
        report.headline.append(
            Statement(
                words["headline_deaths_one" if deaths == 1 else "headline_deaths"].format(
                    deaths=deaths
                ),
                refs,
            )
        )
        worst = max(dead, key=lambda r: (r["fatalities"], r["date"]))
        report.headline.append(
            Statement(
                words["headline_worst"].format(
                    deaths=worst["fatalities"],
                    place=worst["location"] or "-",
                    date=format_date(worst["date"], worst["time_precision"]),
                    label=g.event_label(worst),
                ),
                g.event_refs(worst),
            )
        )
    else:
        report.headline.append(Statement(words["headline_no_deaths"]))
    changed = {m["place"] for m in moves if m["kind"] in ("captured", "entered", "withdrew")}
    if changed:
        refs = g.notes.cite_all(
            [
                (m["document_id"], e["start"], e["end"])
                for m in moves
                if m["place"] in changed
                for e in json.loads(m["record"]).get("evidence", [])[:1]
            ],
            words["max_refs"],
        )
        report.headline.append(
            Statement(words["headline_control"].format(places=len(changed)), refs)
        )
    if left:
        report.headline.append(Statement(words["headline_background"].format(count=left)))
    if unreal:
        report.headline.append(Statement(words["headline_unreal"].format(count=unreal)))


def _developments(g: Gatherer, report: Report, scope: list[dict], moves: list[dict]) -> None:
    words = g.words
    items: list[Statement] = []
    by_place: dict[tuple, list[dict]] = defaultdict(list)
    retreats: dict[tuple, list[dict]] = defaultdict(list)
    for move in moves:
        if move["kind"] == "retreated_to":
            retreats[(move["date"], move["gained_by"])].append(move)
        elif move["kind"] == "besieged":
            text = words["control_besieged"].format(
                actor=g.name(move["gained_by"]), place=move["place"]
            )
            refs = g.record_refs(move["document_id"], move["record"])
            items.append(Statement(text + ".", refs, date=move["date"], order=0))
        else:
            by_place[(move["date"], move["place"])].append(move)
    for (date, place), group in by_place.items():
        gainers = list(dict.fromkeys(g.name(m["gained_by"]) for m in group if m["gained_by"]))
        losers = list(dict.fromkeys(g.name(m["lost_by"]) for m in group if m["lost_by"]))
        if gainers:
            template = "control_took_from" if losers else "control_took"
            if all(m["kind"] == "entered" for m in group if m["gained_by"]) and not losers:
                template = "control_entered"
            text = words[template].format(gainer=_join(gainers), place=place, loser=_join(losers))
        elif losers:
            text = words["control_withdrew"].format(loser=_join(losers), place=place)
        else:
            continue
        refs: list[int] = []
        for move in group:
            refs += [r for r in g.record_refs(move["document_id"], move["record"]) if r not in refs]
        items.append(Statement(text + ".", sorted(refs[: words["max_refs"]]), date=date, order=0))
    for (date, actor_id), group in retreats.items():
        places = list(dict.fromkeys(m["place"] for m in group))
        text = words["control_retreated"].format(actor=g.name(actor_id), places=_join(places))
        refs = []
        for move in group:
            refs += [r for r in g.record_refs(move["document_id"], move["record"]) if r not in refs]
        items.append(Statement(text + ".", sorted(refs), date=date, order=1))
    told = set(by_place)
    for row in scope:
        key_type = row["event_type"] in words["key_event_types"]
        mass = row["fatalities"] >= words["mass_casualty_deaths"]
        contact = (  # a contact between named parties
            row["event_type"] is None
            and row["plover_type"] in words["key_plover_types"]
            and bool(row["actor1"] or row["actor2"])
        )
        # a transfer of territory that no control change already tells, and that names who
        # took the ground (without a taker it tells an analyst nothing)
        territory = (
            row["sub_event_type"] in words["key_territory_sub_events"]
            and row["location"]
            and row["actor1"]
            and (row["date"], row["location"]) not in told
        )
        if key_type or mass or contact or territory:
            order = 2 if key_type else 3 if mass else 4 if contact else 1
            item = Statement(g.event_sentence(row), g.event_refs(row), row["date"], order=order)
            item.when = format_date(row["date"], row["time_precision"])
            items.append(item)
    items.sort(key=lambda s: (s.date or "", s.order))
    for item in items:
        item.when = item.when or format_date(item.date)
    report.developments = items


def _control_state(g: Gatherer, report: Report) -> None:
    words = g.words
    picture = state_as_of(g.engine, report.as_of, g.country)
    for place in picture.places:
        if place.contested:
            status = words["map_contested"] + ": " + " / ".join(a.name for a in place.contenders)
            holder = " / ".join(a.name for a in place.contenders)
        elif place.holder:
            status = place.holder.name
            holder = place.holder.name
        else:
            continue
        deciding = [c for c in place.claims if c.date == place.since and c.kind != "besieged"]
        spans = [(c.document_id, e.start, e.end) for c in deciding for e in c.evidence]
        kinds = sorted({c.kind.replace("_", " ") for c in deciding})
        status += f" ({', '.join(kinds)})"
        refs = g.notes.cite_all(spans, words["max_refs"])
        report.control.append(
            ControlRow(place.place, refs, status=status, since=format_date(place.since))
        )
        if place.lat is not None and place.lon is not None:
            report.control_points.append(
                ControlPoint(place.lat, place.lon, place.place, holder, place.contested)
            )
