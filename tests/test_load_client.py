"""The load benchmark's protocol client (benchmarks/load.py) against a real server: two
sessions through every step, and what a filter change and a download bring back.

No timing is asserted: only that every action completed the way a browser's would.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import csv
import importlib.util
import io
import re
import sys
import urllib.request

import pytest

from tests.conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("load", ROOT / "benchmarks" / "load.py")
load = importlib.util.module_from_spec(_SPEC)
sys.modules["load"] = load
_SPEC.loader.exec_module(load)


def run(coroutine):
    """Run a coroutine to its end in a thread of its own: Playwright's sync API (the
    browser tests, earlier in the same session) keeps an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def server_url(bundled):
    """A dashboard server on the bundled corpus with its fitted model; one full render."""
    with load.Server(env=bundled.environment, session_ttl=2) as server:
        run(load.warm_up(server.url, None))
        yield server.url


def meetings_shown(run) -> int:
    """The count in the Meetings page's caption ("N meetings. ...")."""
    counts = [re.match(r"(\d+) meetings\.", t) for t in run.texts("markdown")]
    found = [int(m.group(1)) for m in counts if m]
    assert len(found) == 1, run.texts("markdown")
    return found[0]


def test_two_sessions_do_every_step_without_errors(server_url):
    steps = 1 + len(load.STEPS)  # the first page and one round of the plan: every action
    users = run(load.visit_all(server_url, 2, steps, think=0.0, ramp=0.0))

    for user in users:
        errors = [(action, error) for action, _, error in user.records if error]
        assert not errors, errors
        done = [action for action, *_ in user.records]
        assert done.count("connect") == 1
        assert len(done) == 1 + steps  # the connection and the steps
        assert {f"open {page}" for page in load.PAGES[1:]} <= set(done)
        assert {"filter region", "filter years", "reset filters", "download CSV (file)"} <= set(
            done
        )
        rows = list(csv.reader(io.StringIO(user.csv.decode("utf-8-sig"))))
        assert ",".join(rows[0]).startswith(load.MEETINGS_HEADER)
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)


def test_a_filter_change_changes_what_the_server_sends(server_url):
    async def visit():
        session = load.Session(server_url)
        await session.connect()
        try:
            everything = await session.open("meetings")
            region = session.widget("Region").multiselect.options[0]
            narrowed = await session.choose("Region", [region])
            query = session.query
            body, *_ = await session.download()
        finally:
            await session.close()
        return everything, narrowed, region, query, body

    everything, narrowed, region, query, body = run(visit())
    assert 0 < meetings_shown(narrowed) < meetings_shown(everything)
    assert "region=" in query  # the filter is in the URL the server gave back
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == meetings_shown(narrowed)
    assert {row["region"] for row in rows} == {region}


def test_xsrf_protection_is_on(server_url):
    """The server hands out the XSRF cookie that the client echoes in its handshake."""
    with urllib.request.urlopen(server_url + "/_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    assert any(c.startswith("_streamlit_xsrf=2|") for c in cookies), cookies
