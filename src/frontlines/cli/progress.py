"""The progress bar of a batch: documents done, failures, rate and time left, on standard
error, and only when standard error is a terminal (never in a pipe or a CI log)."""

from __future__ import annotations

import sys

import click


class Progress:
    """A bar over `total` documents when `show`; messages pass above it either way."""

    def __init__(self, total: int, show: bool) -> None:
        self.failed = 0
        self.bar = None
        if show and total:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                file=sys.stderr,
                unit="doc",
                dynamic_ncols=True,
                smoothing=0.1,
                postfix={"failed": 0},
            )

    def advance(self, failed: bool = False) -> None:
        self.failed += failed
        if self.bar is not None:
            if failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)

    def say(self, message: str) -> None:
        """A line on standard error, above the bar when there is one."""
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    @property
    def shown(self) -> bool:
        return self.bar is not None

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def terminal_shows_progress(quiet: bool, output_is_data: bool = False) -> bool:
    """Whether a bar belongs on standard error: a terminal, not quiet, and (for a command
    whose standard output is its data) that output going elsewhere than the same terminal."""
    if quiet or not sys.stderr.isatty():
        return False
    return not (output_is_data and sys.stdout.isatty())
