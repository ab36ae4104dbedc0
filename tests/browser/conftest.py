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
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
STARTUP_SECONDS = 60
TIMEOUT_MS = 60_000  # a guard, not a budget: every wait is on the app's own state
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, bundled) -> Iterator[str]:
    """``http://127.0.0.1:<port>`` of the running dashboard; stopped after the session."""
    tmp = tmp_path_factory.mktemp("dashboard")
    uploads = tmp / "uploads"
    uploads.mkdir()
    env = {
        **os.environ,
        **bundled.environment,
        "MEETINGS_CORPUS_DIRS": bundled.environment["MEETINGS_CORPUS_DIRS"] + f":{uploads}",
        "MEETINGS_UPLOAD_DIR": str(uploads),
        "MEETINGS_EDITING": "everyone",  # the upload test adds a report
        "MEETINGS_CORRECTIONS_FILE": str(tmp / "corrections.csv"),
    }
    port = _free_port()
    command = [".venv/bin/python", "-m", "streamlit", "run", "app.py",
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.port", str(port)]  # fmt: skip
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
