"""The `frontlines` command line: `main` runs it; each module beside this one registers its
commands on the group in `base`."""

from __future__ import annotations

import sys

import click

from frontlines.cli import documents, publish, store  # noqa: F401 - importing registers the commands
from frontlines.cli.base import EXIT_OK, EXIT_USAGE, cli

__all__ = ["cli", "main"]


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
