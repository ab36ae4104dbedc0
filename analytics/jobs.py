"""Slow work off the request path: named background jobs, each run at most once at a time.

The dashboard starts a job (measuring the model, say) and keeps serving; a page asks for
the job's result, shows "computing" while it runs, and the result once it is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor

__all__ = ["Jobs"]


class Jobs:
    """Background jobs by key on a small thread pool.

    Submitting a key that is running or done returns that job instead of starting another;
    a failed job can be submitted again.
    """

    def __init__(self, workers: int = 1) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")
        self._futures: dict[Hashable, Future] = {}
        self._lock = threading.Lock()

    def submit(self, key: Hashable, work: Callable[..., object], *args: object) -> Future:
        """Run ``work(*args)`` in the background under ``key`` (once)."""
        with self._lock:
            future = self._futures.get(key)
            if future is None or (future.done() and future.exception() is not None):
                future = self._futures[key] = self._pool.submit(work, *args)
            return future

    def start(self, key: Hashable, work: Callable[..., object], *args: object) -> Future | None:
        """Run ``work(*args)`` under ``key`` again, unless a run of it has not finished
        (then None: the caller says one is running)."""
        with self._lock:
            future = self._futures.get(key)
            if future is not None and not future.done():
                return None
            future = self._futures[key] = self._pool.submit(work, *args)
            return future

    def get(self, key: Hashable) -> Future | None:
        """The job of ``key``, if one was submitted."""
        with self._lock:
            return self._futures.get(key)
