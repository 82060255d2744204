"""What every `frontlines` command shares: the command group, its common options, the batch
that counts failed documents, and the exit codes.

Exit status: 0 when every document went well, 2 when some documents failed (each reported on
stderr as `NAME[:LINE]: error: REASON`), 1 for usage errors.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from frontlines.kb import KnowledgeBaseError, load_actor_records
from frontlines.models import Document
from frontlines.read import BadDocument, InputFormat, ReadError, country_hint, read_inputs

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2


class Batch:
    """Counts failures while documents stream through; reports each on stderr."""

    def __init__(self) -> None:
        self.failed = 0
        self.done = 0
        self.say = lambda message: click.echo(message, err=True)  # a progress bar may take it

    def fail(self, message: str) -> None:
        self.failed += 1
        self.say(message)

    def documents(
        self, paths: tuple[str, ...], fmt: InputFormat, country: str | None = None
    ) -> Iterator[Document]:
        """The readable documents; a document that names no country of its own takes
        `country` (the batch's hint)."""
        for item in read_inputs(paths, fmt):
            if isinstance(item, ReadError):
                self.fail(str(item))
            elif country and not item.country:
                yield item.model_copy(update={"country": country})
            else:
                yield item

    @property
    def status(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK


def check_kb(user_kb: str | None) -> None:
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
    help="The store: an SQLite file, or postgresql://USER@HOST/DBNAME (or set FRONTLINES_DB).",
)


def _country_option(_context: click.Context, _param: click.Parameter, value: str | None):
    if value is None:
        return None
    try:
        return country_hint(value)
    except BadDocument as err:
        raise click.BadParameter(str(err).removeprefix("country: ")) from None


COUNTRY_OPTION = click.option(
    "--country",
    "country",
    envvar="FRONTLINES_COUNTRY",
    callback=_country_option,
    help="The country the reports are about (ISO 3166 alpha-3 or an English name), for those "
    "that do not say: generic actors take it and place names are looked for there first.",
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


def open_existing(db: str):
    from frontlines.store import StoreError, open_store

    try:
        return open_store(db, create=False)
    except StoreError as err:
        raise click.UsageError(str(err)) from None


def _default_workers() -> int:
    from frontlines.workers import available_cores

    return available_cores()


WORKERS_OPTION = click.option(
    "--workers",
    "workers",
    envvar="FRONTLINES_WORKERS",
    type=click.IntRange(min=1),
    default=_default_workers,
    show_default="the machine's cores",
    help="Processes extracting at once; the model is loaded once and shared.",
)
QUIET_OPTION = click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="No progress bar and no line per document; failures and the summary still show.",
)

