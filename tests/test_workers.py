"""Several server processes behind HAProxy (scripts/workers.py, ``make run WORKERS=2``):
each browser stays on the process that holds its session, its page, websocket and
downloads included, and new browsers are spread over the processes."""

from __future__ import annotations

import csv
import importlib.util
import io
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_load_client import load, run

_SPEC = importlib.util.spec_from_file_location("workers", ROOT / "scripts" / "workers.py")
workers = importlib.util.module_from_spec(_SPEC)
sys.modules["workers"] = workers
_SPEC.loader.exec_module(workers)

needs_haproxy = pytest.mark.skipif(
    shutil.which("haproxy") is None and not Path("/usr/sbin/haproxy").exists(),
    reason="HAProxy is not installed (make test installs it)",
)


def test_the_proxy_keeps_each_browser_on_its_worker_by_a_cookie():
    config = workers.haproxy_config("127.0.0.1", 8501, [9001, 9002])
    assert "bind 127.0.0.1:8501" in config
    assert "cookie meetings_worker insert indirect nocache" in config
    assert "server w1 127.0.0.1:9001 cookie w1 check" in config
    assert "server w2 127.0.0.1:9002 cookie w2 check" in config
    assert "balance leastconn" in config and "option httpchk GET /_stcore/health" in config


@pytest.fixture(scope="module")
def two_workers(bundled):
    with load.Server(env=bundled.environment, session_ttl=2, workers=2) as server:
        for url in server.worker_urls:
            run(load.warm_up(url, None))
        yield server


@needs_haproxy
def test_sessions_are_spread_over_the_workers_and_keep_to_theirs(two_workers):
    async def visit():
        sessions = [load.Session(two_workers.url) for _ in range(2)]
        try:
            for session in sessions:
                await session.connect()
                await session.open("meetings")
            per_worker = [load.active_sessions([url]) for url in two_workers.worker_urls]
            files = [(await session.download())[0] for session in sessions]
        finally:
            for session in sessions:
                await session.close()
        return per_worker, files

    per_worker, files = run(visit())
    assert per_worker == [1, 1]  # one browser each: the fewest connections first
    for body in files:  # each file fetched from the worker that made it
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert ",".join(rows[0]).startswith(load.MEETINGS_HEADER) and len(rows) > 1


@needs_haproxy
def test_every_step_works_through_the_proxy(two_workers):
    users = run(load.visit_all(two_workers.url, 2, 1 + len(load.STEPS), think=0.0, ramp=0.0))
    errors = [(action, error) for user in users for action, _, error in user.records if error]
    assert not errors, errors
