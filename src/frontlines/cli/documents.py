"""`frontlines extract`, `ingest`, `eval`, `bench` and `schema`: reading documents."""

from __future__ import annotations

import json
import sys

import click

from frontlines.cli.base import (
    COUNTRY_OPTION,
    DB_OPTION,
    INPUT_FORMAT_OPTION,
    KB_OPTION,
    QUIET_OPTION,
    TIME_LIMIT_OPTION,
    WORKERS_OPTION,
    Batch,
    WebInputs,
    check_kb,
    cli,
    need_inputs,
    web_options,
)
from frontlines.cli.progress import Progress, terminal_shows_progress
from frontlines.models import contract_schema
from frontlines.read import InputFormat


@cli.command()
@INPUT_FORMAT_OPTION
@web_options
@KB_OPTION
@COUNTRY_OPTION
@TIME_LIMIT_OPTION
@WORKERS_OPTION
@QUIET_OPTION
@click.argument("paths", nargs=-1)
def extract(
    fmt: InputFormat,
    url: tuple[str, ...],
    url_file: str | None,
    fetch_delay: float,
    user_kb: str | None,
    country: str | None,
    time_limit: float,
    workers: int,
    quiet: bool,
    paths: tuple[str, ...],
) -> None:
    """Extract events, actors, places and dates: one JSON object per document, per line.

    PATHS are text files (optional YAML front matter), JSON Lines, web pages, RSS or Atom
    feeds (an entry a document), WARC or ARC archives (an HTML page a document), zip, tar or
    gzip bundles of any of these, directories, or `-` for standard input; --url and --urls
    fetch pages and feeds. Documents not in English are reported and skipped. The lines come
    in input order whatever the number of workers.
    """
    from frontlines.workers import extract_all, ready

    web = WebInputs(url, url_file, fetch_delay)
    need_inputs(paths, web)
    check_kb(user_kb)
    batch = Batch()
    documents = list(batch.documents(paths, fmt, country, web))
    ready(user_kb)
    progress = Progress(len(documents), terminal_shows_progress(quiet, output_is_data=True))
    batch.say = progress.say
    for outcome in extract_all(documents, _used(workers, documents), user_kb, time_limit):
        if outcome.extraction is None:
            batch.fail(outcome.error or f"{outcome.document.name}: error: no extraction")
        else:
            click.echo(outcome.extraction.model_dump_json())
        progress.advance(outcome.extraction is None)
    progress.close()
    sys.exit(batch.status)


def _used(workers: int, documents: list) -> int:
    """No more workers than chunks of documents to give them."""
    from frontlines.workers import CHUNK_DOCUMENTS

    return max(1, min(workers, -(-len(documents) // CHUNK_DOCUMENTS)))


@cli.command()
@DB_OPTION
@KB_OPTION
@INPUT_FORMAT_OPTION
@web_options
@COUNTRY_OPTION
@TIME_LIMIT_OPTION
@WORKERS_OPTION
@click.option(
    "--cluster",
    "cluster",
    envvar="FRONTLINES_CLUSTER",
    help="Extract on a Dask cluster: tcp://HOST:8786 (a running `dask scheduler`), or local:N "
    "for N worker processes here. The store is written here, in input order.",
)
@QUIET_OPTION
@click.argument("paths", nargs=-1)
def ingest(
    db: str,
    user_kb: str | None,
    fmt: InputFormat,
    url: tuple[str, ...],
    url_file: str | None,
    fetch_delay: float,
    country: str | None,
    time_limit: float,
    workers: int,
    cluster: str | None,
    quiet: bool,
    paths: tuple[str, ...],
) -> None:
    """Extract documents and add them to the store (an SQLite file, or postgresql://...); a
    document already there is skipped, so an interrupted ingest run again finishes the rest.

    PATHS, --url and --urls are read as by `extract`. A document is its text: the same
    article from two feeds, or a page and its feed entry, is stored once, with every source
    it was read from (table document_sources).
    """
    from frontlines.merge import unify_discovered
    from frontlines.store import (
        StoreError,
        add_source,
        discovered_index,
        display,
        has_document,
        open_store,
        write,
    )
    from frontlines.workers import extract_all, ready

    web = WebInputs(url, url_file, fetch_delay)
    need_inputs(paths, web)
    check_kb(user_kb)
    try:
        engine = open_store(db)
    except StoreError as err:
        raise click.UsageError(str(err)) from None
    batch = Batch()
    added = skipped = sources = 0
    documents, again, new = [], [], set()
    for document in batch.documents(paths, fmt, country, web):
        if document.id in new or has_document(engine, document.id):
            again.append(document)  # stored, or to be: only a source of it
        else:
            new.add(document.id)
            documents.append(document)
    progress = Progress(len(documents), terminal_shows_progress(quiet))
    batch.say = progress.say
    if cluster:
        from frontlines.cluster import ClusterError, extract_on_cluster

        outcomes = extract_on_cluster(documents, cluster, user_kb, time_limit)
    else:
        ClusterError = ()  # noqa: N806 - nothing to catch without a cluster
        ready(user_kb)
        outcomes = extract_all(documents, _used(workers, documents), user_kb, time_limit)
    try:
        for outcome in outcomes:
            document, extraction = outcome.document, outcome.extraction
            if extraction is None:
                batch.fail(outcome.error or f"{document.name}: error: no extraction")
                progress.advance(failed=True)
                continue
            try:  # the one writer: results arrive in input order from the workers
                extraction = unify_discovered(extraction, discovered_index(engine))
                result = write(engine, document, extraction)
            except Exception as err:  # noqa: BLE001 - one bad document must not stop the batch
                batch.fail(f"{document.name}: error: {err.__class__.__name__}: {err}")
                progress.advance(failed=True)
                continue
            added += result.added
            skipped += not result.added
            sources += result.new_source
            progress.advance()
            if not quiet and not progress.shown:
                events, actors = len(extraction.events), len(extraction.actors)
                click.echo(f"{document.name}: {events} events, {actors} actors", err=True)
    except ClusterError as err:
        progress.close()
        raise click.UsageError(str(err)) from None
    progress.close()
    for document in again:
        skipped += 1
        sources += add_source(engine, document)
    more = f" ({sources} more source(s) of them recorded)" if sources else ""
    click.echo(
        f"ingested {added} new, {skipped} already stored{more}, {batch.failed} failed "
        f"→ {display(db)}",
        err=True,
    )
    sys.exit(batch.status)


@cli.command("eval")
@KB_OPTION
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
def eval_command(user_kb: str | None, gold: tuple[str, ...]) -> None:
    """Score extraction against gold files.

    GOLD is a document gold file in the founding article's gold.json format, a YAML list of
    actor-name variants ({text, mention, expected, kind}) to score actor linking, a YAML list
    of date expressions ({text, published, value, precision}), or a JSON
    list of PLOVER gold-standard records (source/target countries and event types), or the
    GeoWebNews XML (toponym resolution within 161 km), or labelled real reports (a file or the
    folder `kb/data/labelled_events`; the packaged ones are scored on their held-out fifth), or
    a CASE 2021 Task 2 TSV (weighted F1 over the ACLED types), or an event corpus file or folder
    ({text, event_type, sub_event_type, plover, ...}; the packaged corpus is scored on its
    held-out fifth), or a folder of picture gold files on real text (control, relations and
    quotes, per split: `evaluation/data/picture_gold`).
    """
    from pathlib import Path

    from frontlines.evaluation import (
        evaluate_dates,
        evaluate_events,
        evaluate_geo,
        evaluate_gold,
        evaluate_picture_gold,
        evaluate_plover,
        evaluate_real,
        evaluate_variants,
        is_case_file,
        is_event_corpus,
        is_labelled,
        is_picture_gold,
    )

    for path in gold:
        click.echo(path)
        try:
            if is_picture_gold(Path(path)):
                lines = evaluate_picture_gold(Path(path))
            elif is_case_file(Path(path)) or is_labelled(Path(path)):
                lines = evaluate_real(Path(path))
            elif is_event_corpus(Path(path)):
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
@WORKERS_OPTION
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False),
    help="The shared data folder: measure on its real text (GeoWebNews articles, a sample "
    "of the Wikipedia conflict entries).",
)
@click.option(
    "--stages", is_flag=True, help="Also time each stage in this process (one worker)."
)
@click.option("--repeat", default=1, show_default=True, help="--stages: run N times over.")
@click.argument("paths", nargs=-1)
def bench(workers: int, data: str | None, stages: bool, repeat: int, paths: tuple[str, ...]):
    """Measure what a user gets: `frontlines extract` with N workers, start-up included,
    against spaCy's own parse of the same texts with N processes; documents per second,
    the ratio, start-up and peak memory per process."""
    from pathlib import Path

    from frontlines.evaluation import machine, measure, real_corpora, run_bench

    batch = Batch()
    corpora = real_corpora(Path(data)) if data else []
    if paths:
        documents = list(batch.documents(paths, "auto"))
        corpora.append((", ".join(paths), documents))
    corpora = [(name, documents) for name, documents in corpora if documents]
    if not corpora:
        raise click.UsageError("no readable documents to measure (give PATHS or --data)")
    click.echo(machine())
    for name, documents in corpora:
        for line in measure(name, documents, workers).lines():
            click.echo(line)
        if stages:
            click.echo("  in this process, by stage:")
            for line in run_bench(documents, repeat).lines():
                click.echo(f"    {line}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one `extract` output line (contract v1)."""
    click.echo(json.dumps(contract_schema(), indent=2, sort_keys=True))
