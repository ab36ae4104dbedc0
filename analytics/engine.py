"""Who does the batch work: this process, processes on this machine, or a Dask cluster.

Every engine runs a pure function over batches and yields the results as batches
finish (so the caller can store each at once); the rows are the same whichever runs them.
Batches are taken from their iterable as workers free up (a few ahead of them), so the
caller can make them as it goes: a large table's chunks are not all held at once.
The process engine gives each worker one BLAS thread, so two workers use two cores.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from analytics.errors import SettingsError

__all__ = ["ENGINES", "Engine", "make_engine"]

ENGINES = ("local", "dask")
AHEAD = 2  # batches given out per worker at a time: one running, one waiting
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class Engine:
    """Runs ``work(batch, *args)`` for every batch, in this process."""

    def map(self, work: Callable[..., Any], batches: Iterable[Any], *args: Any) -> Iterator[Any]:
        for batch in batches:
            yield work(batch, *args)

    def close(self) -> None:
        """Free the workers (nothing to free in this process)."""


def _one_blas_thread() -> None:
    for name in _ONE_THREAD:
        os.environ[name] = "1"
    from threadpoolctl import threadpool_limits  # scikit-learn's own dependency

    threadpool_limits(1)


@contextmanager
def without_main_script() -> Iterator[None]:
    """Start processes without the main script: a new process imports the ``__main__``
    of the one that starts it, and under ``streamlit run`` that is the dashboard's own
    script, which must not run again in a worker."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class ProcessEngine(Engine):
    """Batches on worker processes of this machine (started by a fork server, so the
    dashboard's threads are never forked)."""

    def __init__(self, workers: int) -> None:
        context = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_one_blas_thread)
        self._ahead = AHEAD * workers

    def map(self, work, batches, *args):
        batches, running = iter(batches), set()

        def give_out() -> None:
            for batch in itertools.islice(batches, self._ahead - len(running)):
                with without_main_script():  # workers (and the fork server) start as needed
                    running.add(self._pool.submit(work, batch, *args))

        give_out()
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                give_out()  # before the caller stores this one: the workers keep busy
                yield future.result()

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskEngine(Engine):
    """Batches on a Dask cluster: the one ``DASK_SCHEDULER_ADDRESS`` names, else a
    ``LocalCluster`` of ``workers`` processes on this machine."""

    def __init__(self, workers: int, address: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise SettingsError(
                "the dask engine needs the optional extra: "
                ".venv/bin/pip install -r requirements-dask.txt"
            ) from exc
        address = address or os.environ.get("DASK_SCHEDULER_ADDRESS")
        self._ahead = AHEAD * workers
        self._cluster = None
        if address:
            self._client = Client(address)
        else:
            with without_main_script():
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            self._client = Client(self._cluster)

    def map(self, work, batches, *args):
        from dask.distributed import as_completed as finished

        batches = iter(batches)
        given = finished(
            [
                self._client.submit(work, b, *args, pure=False)
                for b in itertools.islice(batches, self._ahead)
            ]
        )
        for future in given:
            for batch in itertools.islice(batches, 1):
                given.add(self._client.submit(work, batch, *args, pure=False))
            yield future.result()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str, workers: int = 0, jobs: int | None = None) -> Engine:
    """The engine of that name with ``workers`` workers (0: one per core). With ``jobs``
    batches to run, fewer than two run in this process: starting workers would cost more.

    Raises:
        SettingsError: an unknown engine, or Dask without its extra installed.
    """
    if name not in ENGINES:
        raise SettingsError(f"MEETINGS_ENGINE={name!r}: choose one of {', '.join(ENGINES)}")
    workers = workers or os.cpu_count() or 1
    if name == "dask":
        return DaskEngine(workers)
    if workers == 1 or (jobs is not None and jobs < 2):
        return Engine()
    return ProcessEngine(min(workers, jobs or workers))
