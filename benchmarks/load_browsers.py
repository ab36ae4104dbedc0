"""``load.py --browsers K``: K real chromium pages through the protocol sessions' steps.

A check that the protocol client's figures are real: K browser pages (Playwright, Debian's
chromium) and then K protocol sessions do the same steps on the same server, and their
times are printed side by side. A browser action is timed from the click (or the page
load) to the ``script_finished`` message on the page's websocket and the app showing that
it is no longer running (the protocol's time plus the browser's own drawing); both are
printed.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import time
from collections import defaultdict
from pathlib import Path

from load_client import LoadError
from load_steps import MEETINGS_HEADER, PAGES, STEPS, Record, percentile
from playwright.async_api import Browser, Page, async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
TIMEOUT_MS = 120_000  # a guard against a hung server, not a budget
TITLES = {page: page.capitalize() for page in PAGES}


class BrowserUser:
    """One chromium page doing the protocol users' steps, its websocket watched."""

    def __init__(self, number: int, steps: int, think: float) -> None:
        self.number, self.steps, self.think = number, steps, think
        self.records: list[Record] = []  # until the page got script_finished
        self.drawn: list[Record] = []  # until the app showed it was done
        self._finished = asyncio.Event()
        self._finished_at = 0.0

    async def visit(self, browser: Browser, base_url: str) -> None:
        context = await browser.new_context(viewport={"width": 1400, "height": 900},
                                            accept_downloads=True)  # fmt: skip
        page = await context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        rng = random.Random(self.number)
        try:
            await self._timed("open overview (new session)", page, page.goto(base_url + "/"))
            plan = self._plan()
            for step in range(self.steps - 1):
                await asyncio.sleep(self.think * rng.uniform(0.5, 1.5))
                name, action = plan[step % len(plan)]
                await self._timed(name, page, action(page, rng))
        finally:
            await context.close()

    def _plan(self) -> list:
        def page(name):
            return lambda p, rng: (
                p.get_by_test_id("stSidebarNav")
                .get_by_role("link", name=TITLES[name], exact=True)
                .click()
            )

        actions = {
            "region": self._region, "years": self._years, "download": self._download,
            "reset": lambda p, rng: p.get_by_test_id("stSidebar").get_by_role(
                "button", name="Reset filters").click(),
        }  # fmt: skip
        return [(name, actions.get(what) or page(what)) for name, what in STEPS]

    async def _region(self, page: Page, rng: random.Random) -> None:
        """Add a region to the selection (one of three, by the user's number)."""
        sidebar = page.get_by_test_id("stSidebar")
        box = sidebar.get_by_test_id("stMultiSelect").filter(
            has=page.get_by_role("combobox", name="Region", exact=True)
        )
        await box.get_by_role("combobox").click()
        options = page.get_by_role("option")
        await options.first.wait_for()
        names = await options.all_inner_texts()
        await options.nth((self.number + rng.randrange(3)) % len(names)).click()
        await page.keyboard.press("Escape")

    async def _years(self, page: Page, rng: random.Random) -> None:
        """Move the first year one on with the keyboard."""
        thumb = page.get_by_test_id("stSidebar").get_by_role("slider").first
        await thumb.focus()
        await page.keyboard.press("ArrowRight")

    async def _download(self, page: Page, rng: random.Random) -> float:
        start = time.perf_counter()
        async with page.expect_download() as info:
            await (
                page.get_by_test_id("stDownloadButton")
                .filter(has_text="Download CSV")
                .first.click()
            )
        download = await info.value
        text = Path(await download.path()).read_bytes().decode("utf-8-sig")
        seconds = time.perf_counter() - start
        if not text.startswith(MEETINGS_HEADER):
            raise LoadError(f"not the meetings CSV: {text[:120]!r}")
        return seconds

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            message = ForwardMsg.FromString(payload)
            if (
                message.WhichOneof("type") == "script_finished"
                and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
            ):
                self._finished_at = time.perf_counter()
                self._finished.set()

    async def _timed(self, name: str, page: Page, action) -> None:
        self._finished.clear()
        start = time.perf_counter()
        try:
            seconds = await action
            if isinstance(seconds, float):  # a download: until the file was saved
                self.records.append((name, seconds, None))
                return
            await asyncio.wait_for(self._finished.wait(), TIMEOUT_MS / 1000)
            await page.wait_for_selector(
                "[data-testid=stApp][data-test-script-state=notRunning]", state="attached"
            )
        except Exception as exc:
            self.records.append((name, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
            return
        self.records.append((name, self._finished_at - start, None))
        self.drawn.append((name, time.perf_counter() - start, None))


async def browser_round(
    base_url: str, k: int, steps: int, think: float
) -> tuple[list[Record], list[Record]]:
    """K chromium pages' records: until script_finished, and until drawn."""
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("--browsers needs Debian's chromium (apt-get install chromium)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        users = [BrowserUser(i, steps, think) for i in range(k)]
        await asyncio.gather(*(u.visit(browser, base_url) for u in users))
        await browser.close()
    return [r for u in users for r in u.records], [r for u in users for r in u.drawn]


def side_by_side(protocol: list[Record], browsers: list[Record], drawn: list[Record]) -> str:
    """Markdown: per action, p50 and p95 of the protocol sessions, of the browsers until
    their page got ``script_finished``, and until the app showed it was done; errors."""
    columns = {"protocol": protocol, "browser": browsers, "drawn": drawn}
    times: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    errors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for who, records in columns.items():
        for action, seconds, error in records:
            if error is None:
                times[action][who].append(seconds)
            else:
                errors[action][who] += 1
    lines = ["| action | protocol p50 / p95 s | browser, to script_finished p50 / p95 s | "
             "browser, drawn p50 / p95 s | errors (protocol / browser) |",
             "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for action in dict.fromkeys(r[0] for r in browsers + protocol):
        cells = []
        for who in columns:
            found = times[action][who]
            cells.append(f"{statistics.median(found):.2f} / {percentile(found, 0.95):.2f}"
                         if found else "–")  # fmt: skip
        cells.append(f"{errors[action]['protocol']} / {errors[action]['browser']}")
        lines.append(f"| {action} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
