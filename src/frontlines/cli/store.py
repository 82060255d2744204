"""`frontlines events`, `actors`, `places` and `state`: reading the store back."""

from __future__ import annotations

import csv
import json
import sys

import click

from frontlines.cli.base import DB_OPTION, check_kb, cli, open_existing

EVENT_COLUMNS = (
    "id",
    "date",
    "event_type",
    "sub_event_type",
    "plover_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "latitude",
    "longitude",
    "fatalities",
    "modality",
    "historical",
    "doc_id",
    "evidence",
)


@cli.command("events")
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option(
    "--every-report",
    is_flag=True,
    help="One row per report's version of an event, not one per real-world event.",
)
def events_command(db: str, fmt: str, every_report: bool) -> None:
    """List the stored events: one per real-world event, however many reports tell it."""
    from frontlines.store import list_events

    rows = list_events(open_existing(db), every_report=every_report)
    if fmt == "json":
        for row in rows:
            record = json.loads(row["record"])
            record["doc_id"] = row["doc_id"]
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(
            ["date", "type", "actor1", "actor2", "location", "deaths", "mod", "src"],
            [
                [
                    r["date"] or "",
                    _event_label(r),
                    r["actor1"] or "",
                    r["actor2"] or "",
                    r["location"] or "",
                    str(r["fatalities"]),
                    r["modality"][:4] + ("*" if r["historical"] else ""),
                    str(r["sources"]),
                ]
                for r in rows
            ],
        )


def _event_label(row: dict) -> str:
    return row["sub_event_type"] or f"({row['plover_type'] or '-'})"


def _table(
    header: list[str],
    rows: list[list[str]],
    widths: tuple[int, ...] = (10, 34, 30, 30, 16, 6, 5, 3),
) -> None:
    def cell(value: str, width: int) -> str:
        return value if len(value) <= width else value[: width - 1] + "…"

    click.echo("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=False)).rstrip())
    click.echo("  ".join("-" * w for w in widths[: len(header)]))
    for row in rows:
        click.echo(
            "  ".join(cell(v, w).ljust(w) for v, w in zip(row, widths, strict=False)).rstrip()
        )


@cli.group("actors", invoke_without_command=True)
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
def actors_command(context: click.Context, db: str, fmt: str) -> None:
    """List the stored actors with their aliases and mention counts (or `show ID`)."""
    from frontlines.store import list_actors

    context.obj = {"db": db, "fmt": fmt}
    if context.invoked_subcommand is not None:
        return
    rows = list_actors(open_existing(db))
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        click.echo(_actor_line(row))
        if row["aliases"]:
            click.echo("    aka " + "; ".join(row["aliases"]))


def _actor_line(row: dict) -> str:
    inter = f"inter {row['inter']}" if row["inter"] is not None else "inter ?"
    flag = " (discovered)" if row["discovered"] else ""
    return (
        f"{row['name']} [{row['id']}; {row['type']}; {inter}; {row['country'] or '-'}]"
        f"{flag}: {row['mentions']} mentions in {row['documents']} documents"
    )


@actors_command.command("show")
@click.argument("actor_id")
@click.option("--kb", "user_kb", envvar="FRONTLINES_KB", type=click.Path(dir_okay=False))
@click.pass_context
def actors_show(context: click.Context, actor_id: str, user_kb: str | None) -> None:
    """Show one actor: aliases seen, affiliations, and sample mentions with their documents."""
    from frontlines.mentions import actor_records
    from frontlines.store import actor_detail

    detail = actor_detail(open_existing(context.obj["db"]), actor_id)
    if detail is None:
        raise click.UsageError(f"no actor {actor_id!r} in the store; see `frontlines actors`")
    check_kb(user_kb)
    records = actor_records(user_kb)
    record = records.get(actor_id)
    if context.obj["fmt"] == "json":
        detail["member_of"] = record.member_of if record else []
        detail["commands"] = record.commands if record else []
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    click.echo(_actor_line(detail))
    if record is not None:
        for label, ids in (("member of", record.member_of), ("commands", record.commands)):
            if ids:
                names = [f"{records[i].name} [{i}]" if i in records else i for i in ids]
                click.echo(f"  {label}: " + "; ".join(names))
        led_by = [r for r in records.values() if actor_id in r.commands]
        if led_by:
            click.echo("  commanded by: " + "; ".join(f"{r.name} [{r.id}]" for r in led_by))
        if record.role:
            click.echo(f"  role: {record.role}")
        if record.wikidata:
            click.echo(f"  wikidata: {record.wikidata}")
    click.echo("  aliases seen: " + ("; ".join(detail["aliases"]) or "-"))
    click.echo(f"  events as actor1 or actor2: {detail['events']}")
    click.echo("  sample mentions:")
    for sample in detail["samples"]:
        click.echo(f"    {sample['document']}: {sample['context']}")


@cli.command("places")
@DB_OPTION
@click.option("--country", help="Only places in this country (ISO 3166 alpha-3).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def places_command(db: str, country: str | None, fmt: str) -> None:
    """List the places the stored reports name, with the events located there."""
    from frontlines.store import list_places

    rows = list_places(open_existing(db), country.upper() if country else None)
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        where = f"{row['country'] or '-'}, {row['latitude']:.3f}, {row['longitude']:.3f}"
        click.echo(
            f"{row['name']} ({where}; {row['feature']}): {row['mentions']} mentions "
            f"in {row['documents']} documents, {len(row['events'])} events"
        )
        for event in row["events"]:
            label = event["sub_event_type"] or f"({event['plover_type']})"
            click.echo(
                f"    {event['date'] or '----------'}  {label}  {event['actor1'] or ''}"
                f"{'  ' + str(event['fatalities']) + ' dead' if event['fatalities'] else ''}"
            )


@cli.command("state")
@DB_OPTION
@click.option("--as-of", "as_of", required=True, help="The date (YYYY-MM-DD) to picture.")
@click.option("--country", help="Only places in this country (ISO 3166 alpha-3).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def state_command(db: str, as_of: str, country: str | None, fmt: str) -> None:
    """Who holds each place as of a date, with the chain of evidence; who backs whom."""
    import datetime as dt

    from frontlines.store import state_as_of

    try:
        dt.date.fromisoformat(as_of)
    except ValueError:
        raise click.BadParameter(
            f"{as_of!r} is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None
    picture = state_as_of(open_existing(db), as_of, country.upper() if country else None)
    if fmt == "json":
        click.echo(picture.model_dump_json(indent=2))
        return
    scope = f" ({picture.country})" if picture.country else ""
    click.echo(f"Control as of {picture.as_of}{scope}")
    if not picture.places:
        click.echo("  no control changes stored up to this date")
    for place in picture.places:
        if place.contested:
            status = "contested: " + " / ".join(a.name for a in place.contenders)
        elif place.holder:
            status = f"held by {place.holder.name}"
        else:
            status = "holder unknown"
        siege = "; besieged by " + ", ".join(a.name for a in place.besieged_by)
        click.echo(
            f"  {place.place} ({place.country or '-'}): {status}"
            f"{' since ' + place.since if place.since else ''}"
            f"{siege if place.besieged_by else ''}"
        )
        for claim in place.claims:
            who = f" by {claim.holder.name}" if claim.holder else ""
            lost = f" from {claim.lost_by.name}" if claim.lost_by else ""
            quote = claim.evidence[0].text if claim.evidence else ""
            click.echo(f"    {claim.date or '----------'}  {claim.kind}{who}{lost}")
            click.echo(f"        {claim.document}: {quote[:150]}")
    click.echo(f"\nBacking as of {picture.as_of}{scope}")
    if not picture.backing:
        click.echo("  no relations stored up to this date")
    for item in picture.backing:
        mode = "" if item.mode == "unspecified" else f" ({item.mode})"
        modality = "" if item.modality == "asserted" else f" [{item.modality}]"
        click.echo(
            f"  {item.source.name} {item.kind.replace('_', ' ')} {item.target.name}{mode}"
            f"{modality}: {len(item.document_ids)} document(s)"
        )
