"""Extraction on a Dask cluster (`ingest --cluster tcp://HOST:8786`, or `--cluster local:N`
for a LocalCluster of N worker processes on this machine).

Each worker loads the model and every index once, when it joins (a worker plugin that runs
the same warm-up as `workers.ready`). Documents go to the workers in the same chunks as on one
machine and come back to the client in input order, so the client, the one writer to the
store, stores what `--workers 1` would. A worker that dies takes no document with it: Dask
runs its chunks again on the others (up to `distributed.scheduler.allowed-failures` times);
a chunk that still fails is reported document by document and the batch goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from distributed import WorkerPlugin

from frontlines.models import Document
from frontlines.workers import (
    CHUNK_DOCUMENTS,
    IN_FLIGHT_PER_WORKER,
    Outcome,
    chunks,
    extract_chunk,
)

RETRIES = 2  # a chunk whose task raised is run again this many times


class ClusterError(RuntimeError):
    """The cluster could not be reached or started."""


class WarmUp(WorkerPlugin):
    """A Dask worker plugin: load the model and indexes when the worker starts."""

    name = "frontlines-warm-up"

    def __init__(self, user_kb: str | None) -> None:
        self.user_kb = user_kb

    def setup(self, worker) -> None:  # noqa: ANN001 - a distributed.Worker
        from frontlines.workers import ready

        ready(self.user_kb)


@contextmanager
def connect(address: str) -> Iterator[object]:
    """A Dask client for `address`: `tcp://HOST:PORT` of a running scheduler, or `local:N`
    for a LocalCluster of N single-threaded worker processes started (and stopped) here."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    try:
        if address.startswith("local:"):
            count = int(address.removeprefix("local:"))
            if count < 1:
                raise ValueError(count)
            cluster = LocalCluster(
                n_workers=count,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except ValueError:
        raise ClusterError(
            f"{address}: not a cluster address (tcp://HOST:PORT or local:N)"
        ) from None
    except OSError as err:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler: {err}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on_cluster(
    documents: Iterable[Document],
    address: str,
    user_kb: str | None = None,
    seconds: float | None = None,
) -> Iterator[Outcome]:
    """Every document's outcome, in input order, extracted by the cluster's workers.
    (A document's time limit does not hold there: a Dask task runs off the main thread.)"""
    with connect(address) as client:
        client.register_plugin(WarmUp(user_kb))
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[tuple[list[Document], object]] = deque()

        def collect() -> list[Outcome]:
            chunk, future = pending.popleft()
            try:
                return future.result()
            except Exception as err:  # noqa: BLE001 - the chunk is lost, the batch goes on
                reason = f"error: its chunk failed on the cluster: {err.__class__.__name__}: {err}"
                return [Outcome(d, error=f"{d.name}: {reason}") for d in chunk]

        for chunk in chunks(documents, CHUNK_DOCUMENTS):
            future = client.submit(
                extract_chunk, chunk, user_kb, seconds, retries=RETRIES, pure=False
            )
            pending.append((chunk, future))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from collect()
        while pending:
            yield from collect()
