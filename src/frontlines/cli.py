"""The `frontlines` command line.

Exit status: 0 when every document went well, 2 when some documents failed (each reported on
stderr as `NAME[:LINE]: error: REASON`), 1 for usage errors.
"""

from __future__ import annotations

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


TIME_LIMIT_OPTION = click.option(
    "--time-limit",
    "time_limit",
    envvar="FRONTLINES_TIME_LIMIT",
    type=click.FloatRange(min=0),
    default=120.0,
    show_default=True,
    help="Seconds one document may take; a slower one is reported and skipped (0: no limit).",
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
@TIME_LIMIT_OPTION
@click.argument("paths", nargs=-1, required=True)
def extract(
    fmt: InputFormat, user_kb: str | None, time_limit: float, paths: tuple[str, ...]
) -> None:
    """Extract events, actors, places and dates: one JSON object per document, per line.

    PATHS are text files (optional YAML front matter), JSON Lines files, directories, or `-`
    for standard input.
    """
    from frontlines.pipeline import ExtractionTimeout, extract_document

    _check_kb(user_kb)
    batch = Batch()
    for document in batch.documents(paths, fmt):
        try:
            extraction = extract_document(document, user_kb, time_limit)
        except ExtractionTimeout as err:
            batch.fail(f"{document.name}: error: extraction {err}; skipped")
            continue
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
@TIME_LIMIT_OPTION
@click.argument("paths", nargs=-1, required=True)
def ingest(
    db: str, user_kb: str | None, fmt: InputFormat, time_limit: float, paths: tuple[str, ...]
) -> None:
    """Extract documents and add them to the store; a document already there is skipped."""
    from frontlines.merge import unify_discovered
    from frontlines.pipeline import ExtractionTimeout, extract_document
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
                extract_document(document, user_kb, time_limit), discovered_index(engine)
            )
            result = write(engine, document, extraction)
        except ExtractionTimeout as err:  # raised before the write: the store is untouched
            batch.fail(f"{document.name}: error: extraction {err}; skipped")
            continue
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
            "state": db,
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


# The commands that read the store and those that publish it live beside this module; importing
# them registers them on `cli`.
from frontlines import cli_publish, cli_store  # noqa: E402, F401

if __name__ == "__main__":  # `python -m frontlines.cli`: the importable module has every command
    from frontlines.cli import main as registered_main

    registered_main()
