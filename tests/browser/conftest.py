"""The dashboard served by ``streamlit run`` for the whole session, driven in Debian's chromium.

The app reads the bundled corpus (seeds and demo) plus an upload folder of its own, with the
session's caches (its fitted model and quality figures), so the tests never touch
``data/uploads`` or ``.cache`` and the first page does not wait for a fit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
STARTUP_SECONDS = 60
FIRST_LOAD_MS = 180_000  # the first page of a session builds the gazetteer and reads the store
TIMEOUT_MS = 60_000  # a guard, not a budget: every wait is on the app's own state
# Every one of n plotly figures has drawn its data.
CHARTS_READY_JS = """n => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return plots.length === n && plots.every(p => p.data && p.data.length);
}"""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def serve_dashboard(tmp: Path, env: dict[str, str], port: int, *options: str) -> Iterator[str]:
    """Run ``streamlit run app.py`` on ``127.0.0.1:port`` with this environment and these
    extra command-line options; yield its URL once healthy, stop its process group after.

    Its output goes to ``tmp/streamlit.log``, shown when it fails to start.
    """
    command = [".venv/bin/python", "-m", "streamlit", "run", "app.py",
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port), *options]  # fmt: skip
    log_path = tmp / "streamlit.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(ROOT / command[0]), *command[1:]],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole at the end
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _healthy(f"{url}/_stcore/health"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the dashboard did not answer in {STARTUP_SECONDS} s:\n"
                                   + log_path.read_text(errors="replace"))  # fmt: skip
            try:  # the poll interval doubles as a check that the server is still alive
                process.wait(timeout=0.25)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n"
                               + log_path.read_text(errors="replace"))  # fmt: skip
        yield url
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def dashboard_environment(tmp: Path, bundled, **settings: str) -> dict[str, str]:
    """The environment of a dashboard on the bundled corpus and its caches, with an upload
    folder and a corrections log of its own in ``tmp`` (the uploads part of its corpus)
    and these ``MEETINGS_*`` settings."""
    uploads = tmp / "uploads"
    uploads.mkdir()
    return {
        **os.environ,
        **bundled.environment,
        "MEETINGS_CORPUS_DIRS": bundled.environment["MEETINGS_CORPUS_DIRS"] + f":{uploads}",
        "MEETINGS_UPLOAD_DIR": str(uploads),
        "MEETINGS_CORRECTIONS_FILE": str(tmp / "corrections.csv"),
        **settings,
    }


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, bundled) -> Iterator[str]:
    """``http://127.0.0.1:<port>`` of the running dashboard; stopped after the session."""
    tmp = tmp_path_factory.mktemp("dashboard")
    # Everyone edits: the upload test adds a report.
    env = dashboard_environment(tmp, bundled, MEETINGS_EDITING="everyone")
    with serve_dashboard(tmp, env, free_port()) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, not a browser downloaded by Playwright; missing means failing."""
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is not installed (apt-get install chromium)"
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 900},
        "accept_downloads": True,
    }


@pytest.fixture(autouse=True)
def _timeouts(page: Page) -> None:
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def wait_idle(page: Page) -> None:
    """Until the script run that produced the page has finished."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def open_app(page: Page, url: str, n_charts: int | None = None) -> None:
    """Load a page; the first wait is generous, the model may still be fitting."""
    page.goto(url)
    expect(page.get_by_test_id("stMain").locator("h1")).to_be_visible(timeout=FIRST_LOAD_MS)
    if n_charts:
        page.wait_for_function(CHARTS_READY_JS, arg=n_charts, timeout=FIRST_LOAD_MS)
    wait_idle(page)


def full_page_screenshot(page: Page, path: Path) -> None:
    """Streamlit scrolls inside its own container: grow the viewport to the content first."""
    size = page.viewport_size
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
             ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"], [data-testid="stSidebarContent"]')]
               .map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    wait_idle(page)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)
