"""What every `frontlines` command shares: the command group, its common options, the batch
that counts failed documents, and the exit codes.

Exit status: 0 when every document went well, 2 when some documents failed (each reported on
stderr as `NAME[:LINE]: error: REASON`), 1 for usage errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain

import click

from frontlines.kb import KnowledgeBaseError, load_actor_records
from frontlines.models import Document
from frontlines.read import (
    FORMAT_HELP,
    INPUT_FORMATS,
    BadDocument,
    InputFormat,
    ReadError,
    country_hint,
    read_inputs,
)

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

    def note(self, message: str) -> None:
        """Something a reader wants known that is no failure."""
        self.say(message)

    def documents(
        self,
        paths: tuple[str, ...],
        fmt: InputFormat,
        country: str | None = None,
        web: WebInputs | None = None,
    ) -> Iterator[Document]:
        """The readable documents of the paths, then of the URLs; a document that names no
        country of its own takes `country` (the batch's hint)."""
        items = read_inputs(paths, fmt, self.note)
        if web is not None and web.urls:
            from frontlines.read import FetchPolicy, read_urls

            policy = FetchPolicy(host_delay=web.delay)
            items = chain(items, read_urls(web.urls, fmt, self.note, policy))
        for item in items:
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
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read the inputs: "
    + "; ".join(f"{name}: {what}" for name, what in FORMAT_HELP.items())
    + ". Archives and bundles are known by their first bytes whatever is asked; the format "
    "asked for is then their documents'.",
)


class WebInputs:
    """The URLs to fetch (`--url`, `--urls FILE`) and the least seconds between two requests
    to one host (`--fetch-delay`)."""

    def __init__(self, url: tuple[str, ...], url_file: str | None, delay: float) -> None:
        from frontlines.read import url_list

        self.urls, self.delay = list(url), delay
        if url_file:
            try:
                self.urls.extend(url_list(url_file))
            except (OSError, UnicodeDecodeError) as err:
                raise click.BadParameter(f"{url_file}: {err}", param_hint="--urls") from None


def web_options(command: Callable[..., None]) -> Callable[..., None]:
    """`--url`, `--urls` and `--fetch-delay` (the command makes them a `WebInputs`)."""
    command = click.option(
        "--fetch-delay",
        "fetch_delay",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        envvar="FRONTLINES_FETCH_DELAY",
        help="Least seconds between two requests to one host (a longer robots.txt "
        "Crawl-delay is kept).",
    )(command)
    command = click.option(
        "--urls",
        "url_file",
        type=click.Path(exists=True, dir_okay=False),
        help="A file of URLs to fetch, one a line (blank lines and # comments left out).",
    )(command)
    return click.option(
        "--url",
        "url",
        multiple=True,
        help="A page or feed to fetch and read (repeatable). Requests name frontlines as "
        "their user agent, respect robots.txt, wait --fetch-delay between two to one host "
        "and are retried with back-off.",
    )(command)


def need_inputs(paths: tuple[str, ...], web: WebInputs) -> None:
    if not paths and not web.urls:
        raise click.UsageError("nothing to read: give PATHS, --url or --urls")


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

