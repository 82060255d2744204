"""`frontlines report`, `export`, `serve` and `bench-api`: what the store hands on."""

from __future__ import annotations

import click

from frontlines.cli.base import DB_OPTION, cli, open_existing


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
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
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
    report = gather(open_existing(db), country.upper() if country else None, since, as_of)
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
def export_command(db: str, fmt: str, out: str | None, as_of: str | None, historical: bool) -> None:
    """Export the store as ACLED CSV, PLOVER JSON, GeoJSON or Parquet."""
    from frontlines.export import export

    as_of = _check_date(as_of, "--as-of")
    for line in export(open_existing(db), db, fmt, out, as_of=as_of, historical=historical):
        click.echo(line, err=True)


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
    from frontlines.web import StoreMissing, allowed_hosts, create_app, is_loopback
    from frontlines.web import serve as run_server

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
@click.option(
    "--postgres",
    help="Build the store on this PostgreSQL server (postgresql://USER@HOST), in a database "
    "of its own, dropped after; default a temporary SQLite file.",
)
@click.option("--store", "existing", help="Time this store as it is (fill nothing).")
@click.argument("paths", nargs=-1)
def bench_api(
    count: int,
    rounds: int,
    source_db: str | None,
    postgres: str | None,
    existing: str | None,
    paths: tuple[str, ...],
) -> None:
    """Measure /api/events latency over a temporary store of synthetic events (--events).

    The events are copies of those extracted from PATHS (or stored in --source-db), with
    shifted dates and coordinates, bulk-loaded (COPY on PostgreSQL).
    """
    from frontlines.web import run_api_bench

    if not source_db and not paths and not existing:
        raise click.UsageError("give documents to extract (e.g. examples/) or --source-db")
    for line in run_api_bench(count, rounds, source_db, paths, postgres, existing):
        click.echo(line)
