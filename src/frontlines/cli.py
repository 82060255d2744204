"""The `frontlines` command line.

Exit status: 0 when every document went well, 2 when some documents failed (each reported on
stderr as `NAME[:LINE]: error: REASON`), 1 for usage errors.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator

import click

from frontlines.kb import KnowledgeBaseError, load_actor_records
from frontlines.models import Document, contract_schema
from frontlines.read import InputFormat, ReadError, read_inputs

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2


class Batch:
    """Counts failures while documents stream through; reports each on stderr."""

    def __init__(self) -> None:
        self.failed = 0
        self.done = 0

    def fail(self, message: str) -> None:
        self.failed += 1
        click.echo(message, err=True)

    def documents(self, paths: tuple[str, ...], fmt: InputFormat) -> Iterator[Document]:
        for item in read_inputs(paths, fmt):
            if isinstance(item, ReadError):
                self.fail(str(item))
            else:
                yield item

    @property
    def status(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def _check_kb(user_kb: str | None) -> None:
    try:
        load_actor_records(user_kb)
    except KnowledgeBaseError as err:
        raise click.UsageError(str(err)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="frontlines")
def cli() -> None:
    """Read reports about armed conflict; keep a sourced, structured picture of it."""


KB_OPTION = click.option(
    "--kb",
    "user_kb",
    envvar="FRONTLINES_KB",
    type=click.Path(dir_okay=False),
    help="A user knowledge-base file (YAML actors) that adds and overrides.",
)
DB_OPTION = click.option(
    "--db",
    "db",
    envvar="FRONTLINES_DB",
    default="frontlines.db",
    show_default=True,
    help="The SQLite store (or set FRONTLINES_DB).",
)


INPUT_FORMAT_OPTION = click.option(
    "--input-format",
    "fmt",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read the inputs (auto: by file name, then content).",
)


@cli.command()
@INPUT_FORMAT_OPTION
@KB_OPTION
@click.argument("paths", nargs=-1, required=True)
def extract(fmt: InputFormat, user_kb: str | None, paths: tuple[str, ...]) -> None:
    """Extract events, actors, places and dates: one JSON object per document, per line.

    PATHS are text files (optional YAML front matter), JSON Lines files, directories, or `-`
    for standard input.
    """
    from frontlines.pipeline import extract_document

    _check_kb(user_kb)
    batch = Batch()
    for document in batch.documents(paths, fmt):
        try:
            extraction = extract_document(document, user_kb)
        except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
            batch.fail(
                f"{document.name}: error: extraction failed: {err.__class__.__name__}: {err}"
            )
            continue
        click.echo(extraction.model_dump_json())
    sys.exit(batch.status)


@cli.command()
@DB_OPTION
@KB_OPTION
@INPUT_FORMAT_OPTION
@click.argument("paths", nargs=-1, required=True)
def ingest(db: str, user_kb: str | None, fmt: InputFormat, paths: tuple[str, ...]) -> None:
    """Extract documents and add them to the store; a document already there is skipped."""
    from frontlines.merge import unify_discovered
    from frontlines.pipeline import extract_document
    from frontlines.store import StoreError, has_document, open_store, write
    from frontlines.store_queries import discovered_index

    _check_kb(user_kb)
    try:
        engine = open_store(db)
    except StoreError as err:
        raise click.UsageError(str(err)) from None
    batch = Batch()
    added = skipped = 0
    for document in batch.documents(paths, fmt):
        if has_document(engine, document.id):
            skipped += 1
            continue
        try:
            extraction = unify_discovered(
                extract_document(document, user_kb), discovered_index(engine)
            )
            result = write(engine, document, extraction)
        except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
            batch.fail(f"{document.name}: error: {err.__class__.__name__}: {err}")
            continue
        added += result.added
        skipped += not result.added
        click.echo(
            f"{document.name}: {len(extraction.events)} events, {len(extraction.actors)} actors",
            err=True,
        )
    click.echo(
        f"ingested {added} new, {skipped} already stored, {batch.failed} failed → {db}", err=True
    )
    sys.exit(batch.status)


def _open_existing(db: str):
    from frontlines.store import StoreError, open_store

    try:
        return open_store(db, create=False)
    except StoreError as err:
        raise click.UsageError(str(err)) from None


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
    from frontlines.store_queries import list_events

    rows = list_events(_open_existing(db), every_report=every_report)
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
    from frontlines.store_queries import list_actors

    context.obj = {"db": db, "fmt": fmt}
    if context.invoked_subcommand is not None:
        return
    rows = list_actors(_open_existing(db))
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
    from frontlines.store_queries import actor_detail

    detail = actor_detail(_open_existing(context.obj["db"]), actor_id)
    if detail is None:
        raise click.UsageError(f"no actor {actor_id!r} in the store; see `frontlines actors`")
    _check_kb(user_kb)
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
    from frontlines.store_queries import list_places

    rows = list_places(_open_existing(db), country.upper() if country else None)
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

    from frontlines.state import state_as_of

    try:
        dt.date.fromisoformat(as_of)
    except ValueError:
        raise click.BadParameter(
            f"{as_of!r} is not a date (YYYY-MM-DD)", param_hint="--as-of"
        ) from None
    picture = state_as_of(_open_existing(db), as_of, country.upper() if country else None)
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


def _check_date(value: str | None, option: str) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date (YYYY-MM-DD)"
        raise click.BadParameter(message, param_hint=option) from None
    return value


@cli.command("report")
@DB_OPTION
@click.option("--country", help="Only this country (ISO 3166 alpha-3); default every country.")
@click.option("--since", help="First day of the period (YYYY-MM-DD); default the first event.")
@click.option("--as-of", "as_of", help="Last day of the period (YYYY-MM-DD); default the last.")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write here (Markdown's map and timeline go beside it as SVG files); else stdout.",
)
def report_command(
    db: str, country: str | None, since: str | None, as_of: str | None, fmt: str, out: str | None
) -> None:
    """A situation report from the store, every statement footnoted to its evidence."""
    from frontlines.report import gather, write_report

    since, as_of = _check_date(since, "--since"), _check_date(as_of, "--as-of")
    if since and as_of and since > as_of:
        raise click.BadParameter(f"{since} is after --as-of {as_of}", param_hint="--since")
    report = gather(_open_existing(db), country.upper() if country else None, since, as_of)
    text = write_report(report, fmt, out)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"report: {len(report.footnotes)} evidence notes → {out}", err=True)


@cli.command("export")
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["acled-csv", "plover-json", "geojson", "parquet"]),
    required=True,
    help="acled-csv: ACLED's columns; plover-json: PLOVER JSON Lines; geojson: events and "
    "control (a FeatureCollection each); parquet: one file per table.",
)
@click.option(
    "--out",
    help="File to write (a folder for parquet, and for geojson the events file; control "
    "goes beside it); default standard output, or ./frontlines-parquet for parquet.",
)
@click.option("--as-of", "as_of", help="Control as of this date (geojson; default the last).")
@click.option("--historical", is_flag=True, help="acled-csv: keep background events too.")
def export_command(
    db: str, fmt: str, out: str | None, as_of: str | None, historical: bool
) -> None:
    """Export the store as ACLED CSV, PLOVER JSON, GeoJSON or Parquet."""
    from frontlines.export import export

    as_of = _check_date(as_of, "--as-of")
    for line in export(_open_existing(db), db, fmt, out, as_of=as_of, historical=historical):
        click.echo(line, err=True)


@cli.command("eval")
@KB_OPTION
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
def eval_command(user_kb: str | None, gold: tuple[str, ...]) -> None:
    """Score extraction against gold files.

    GOLD is a document gold file in the founding article's gold.json format, a YAML list of
    actor-name variants ({text, mention, expected, kind}) to score actor linking, a YAML list
    of date expressions ({text, published, value, precision}), or a JSON
    list of PLOVER gold-standard records (source/target countries and event types), or the
    GeoWebNews XML (toponym resolution within 161 km), or an event corpus file or folder
    ({text, event_type, sub_event_type, plover, ...}; the packaged corpus is scored on its
    held-out fifth).
    """
    from pathlib import Path

    from frontlines.eval_actors import evaluate_variants
    from frontlines.eval_events import evaluate_events, is_event_corpus
    from frontlines.eval_geo import evaluate_geo
    from frontlines.eval_plover import evaluate_plover
    from frontlines.evaluate import evaluate_dates, evaluate_gold

    for path in gold:
        click.echo(path)
        try:
            if is_event_corpus(Path(path)):
                lines = evaluate_events(Path(path))
            elif Path(path).is_dir():
                raise ValueError("a folder holds no event corpus files")
            elif path.endswith((".yaml", ".yml")) and "published:" in Path(path).read_text():
                lines = evaluate_dates(Path(path))
            elif path.endswith((".yaml", ".yml")):
                lines = evaluate_variants(Path(path), user_kb).lines()
            elif path.endswith(".xml"):
                lines = evaluate_geo(Path(path)).lines()
            elif Path(path).read_text(encoding="utf-8").lstrip().startswith("["):
                lines = evaluate_plover(Path(path)).lines()
            else:
                lines = evaluate_gold(Path(path)).lines
        except (KeyError, ValueError, OSError) as err:
            raise click.UsageError(f"{path}: not a gold file: {err}") from None
        for line in lines:
            click.echo(line)


@cli.command()
@click.option("--repeat", default=1, show_default=True, help="Run over the documents N times.")
@click.argument("paths", nargs=-1, required=True)
def bench(repeat: int, paths: tuple[str, ...]) -> None:
    """Measure extraction speed and memory on the given documents."""
    from frontlines.bench import run_bench

    batch = Batch()
    documents = list(batch.documents(paths, "auto"))
    if not documents:
        raise click.UsageError("no readable documents to measure")
    for line in run_bench(documents, repeat).lines():
        click.echo(line)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one `extract` output line (contract v1)."""
    click.echo(json.dumps(contract_schema(), indent=2, sort_keys=True))


@cli.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--tiles",
    envvar="FRONTLINES_TILES",
    help="Tile URL template ({z}/{x}/{y}) for a base map; by default none: borders only.",
)
@click.option("--attribution", envvar="FRONTLINES_TILES_ATTRIBUTION", help="Tile attribution.")
def serve(db: str, host: str, port: int, tiles: str | None, attribution: str | None) -> None:
    """Serve the map, timeline and JSON API over the store, read-only (API docs at /docs)."""
    from frontlines.web import create_app
    from frontlines.web import serve as run_server
    from frontlines.web.db import StoreMissing
    from frontlines.web.server import allowed_hosts, is_loopback

    try:
        app = create_app(db, tiles, attribution, allowed_hosts(host))
    except StoreMissing as err:
        raise click.UsageError(str(err)) from None
    if not is_loopback(host):
        click.echo(f"warning: {host} is open to other machines; no login guards it", err=True)
    click.echo(f"serving {db} read-only at http://{host}:{port}/ (API docs at /docs)", err=True)
    run_server(app, host, port)


@cli.command("bench-api")
@click.option("--events", "count", default=10_000, show_default=True, help="Events to store.")
@click.option("--rounds", default=40, show_default=True, help="Requests per filter set.")
@click.option("--source-db", help="Copy the events of this store (else extract PATHS first).")
@click.argument("paths", nargs=-1)
def bench_api(count: int, rounds: int, source_db: str | None, paths: tuple[str, ...]) -> None:
    """Measure /api/events latency over a temporary store of synthetic events (--events).

    The events are copies of those extracted from PATHS (or stored in --source-db), with
    shifted dates and coordinates.
    """
    from frontlines.web.bench import run_api_bench

    if not source_db and not paths:
        raise click.UsageError("give documents to extract (e.g. examples/) or --source-db")
    for line in run_api_bench(count, rounds, source_db, paths):
        click.echo(line)


CONFIG_FILES = ("frontlines.toml", "~/.config/frontlines/config.toml")


def config_defaults() -> dict:
    """Defaults from the first config file found: `db = "..."` and `kb = "..."`.

    Command-line options and the FRONTLINES_DB / FRONTLINES_KB variables override it.
    """
    import os
    import tomllib

    for candidate in CONFIG_FILES:
        path = os.path.expanduser(candidate)
        if not os.path.isfile(path):
            continue
        try:
            with open(path, "rb") as handle:
                config = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise click.UsageError(f"{path}: not a valid config file: {err}") from None
        db = {"db": str(config["db"])} if config.get("db") else {}
        kb = {"user_kb": str(config["kb"])} if config.get("kb") else {}
        return {
            "extract": kb,
            "eval": kb,
            "ingest": {**db, **kb},
            "events": db,
            "places": db,
            "actors": {**db, "show": kb},
            "serve": db,
            "report": db,
            "export": db,
        }
    return {}


def main() -> None:
    try:
        cli.main(standalone_mode=False, default_map=config_defaults())
    except click.UsageError as err:
        err.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
