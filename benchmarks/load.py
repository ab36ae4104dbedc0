"""Many users at once: N sessions against one dashboard server, at the protocol level.

Usage: .venv/bin/python benchmarks/load.py [--sessions 10 25 50] [--steps 13] [--think 5]
       [--browsers K] [--per-page] [--session-ttl 120] [--workers N] [--url URL --pid PID]

Each session speaks Streamlit's websocket protocol as its frontend does (the ``BackMsg`` and
``ForwardMsg`` protobufs of the installed ``streamlit`` package): it fetches the XSRF
cookie, opens ``/_stcore/stream`` with the token as a subprotocol, asks for script runs
(``rerun_script``: the page, the URL's query string, the widgets' states and the hashes of
the messages it has cached) and reads the server's answers up to ``script_finished``. Its
steps: open each of the seven pages, change the region and year filters through their
widgets, download the meetings table as CSV (a GET of the file the page sent, or for a
large table a backend request for its URL first), with ``--think`` seconds (±50%)
between steps, as a reader takes.

An action's time runs from sending its message to the end of its run (``script_finished``)
or the last byte of its file. For each N it prints p50/p95/max per action, the errors
(exceptions and error alerts on the page, failed runs or downloads) and the server's
resident memory before, at its peak during, and after the sessions closed: a closed
session is kept ``server.disconnectedSessionTTL`` seconds for a reconnect and freed at the
server's next write to its session store, so "after" waits that long, then opens two short
sessions (one to reap the expired ones, one to run the collector) and waits for the
memory to settle. ``--browsers K`` then compares K real chromium pages (Playwright)
with K protocol sessions on the same steps.

Without ``--url`` it starts its own server on the bundled corpus, with the caches in a
temporary folder (the first page fits the model); ``--workers N`` serves it with N
processes behind HAProxy (scripts/workers.py), whose CPU and memory are added up. The
protocol client is load_client.py.
Each round also prints the server's CPU per action (the figure to compare on a shared machine);
``--per-page`` first times each page's run in one session alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_client import LoadError, Run, Session
from load_steps import MEETINGS_HEADER, PAGES, STEPS, Record, percentile

ROOT = Path(__file__).resolve().parent.parent


def _opens(page: str):
    return lambda session, rng: session.open(page)


# --- one user's steps ------------------------------------------------------------------


@dataclass
class User:
    """A session's fixed sequence of steps, varied by the user's number (which region,
    which years) so that the users do not all ask for the same view."""

    number: int
    steps: int
    think: float
    records: list[Record] = field(default_factory=list)
    csv: bytes = b""

    async def visit(self, base_url: str) -> Session:
        """Connect and do the steps (each one's time and error recorded); the session,
        still open."""
        rng = random.Random(self.number)
        session = Session(base_url)
        await self._timed("connect", session.connect())
        await self._timed("open overview (new session)", session.open("overview"))
        plan = self._plan()
        for step in range(self.steps - 1):
            await asyncio.sleep(self.think * rng.uniform(0.5, 1.5))
            name, action = plan[step % len(plan)]
            await self._timed(name, action(session, rng))
        return session

    def _plan(self) -> list[tuple[str, object]]:
        actions = {"region": self._region, "years": self._years, "download": self._download,
                   "reset": lambda s, rng: s.click("Reset filters")}  # fmt: skip
        return [(name, actions.get(what) or _opens(what)) for name, what in STEPS]

    async def _region(self, session: Session, rng: random.Random) -> Run:
        """Add a region to the selection (one of three, by the user's number)."""
        chosen = session.value("Region")
        options = [o for o in session.widget("Region").multiselect.options if o not in chosen]
        region = options[(self.number + rng.randrange(3)) % len(options)]
        return await session.choose("Region", [*chosen, region])

    async def _years(self, session: Session, rng: random.Random) -> Run:
        """Move the first year one on (a keyboard step on the slider's first handle)."""
        low, high = session.value("Years")
        return await session.choose("Years", [min(low + 1, high), high])

    async def _download(self, session: Session, rng: random.Random) -> float:
        body, seconds, click = await session.download()
        lines = body.decode("utf-8-sig").splitlines()
        if len(lines) < 2 or not lines[0].startswith(MEETINGS_HEADER):
            raise LoadError(f"not the meetings CSV: {body[:120]!r}")
        self.csv = body
        if click is not None:
            self.records.append(("download CSV (click's run)", click.seconds, None))
        return seconds

    async def _timed(self, name: str, work) -> None:
        start = time.perf_counter()
        try:
            result = await work
        except Exception as exc:  # an error is a figure of the benchmark, not its end
            self.records.append((name, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
            return
        if isinstance(result, Run):
            result = result.seconds
        self.records.append((name, result if isinstance(result, float) else
                             time.perf_counter() - start, None))  # fmt: skip


async def visit_all(base_url: str, n: int, steps: int, think: float, ramp: float) -> list[User]:
    """N users, started ``ramp`` seconds apart in all, each doing its steps; their sessions
    closed at the end."""
    users = [User(i, steps, think) for i in range(n)]

    async def one(user: User) -> Session | None:
        await asyncio.sleep(ramp * user.number / max(n, 1))
        try:
            return await user.visit(base_url)
        except Exception as exc:
            user.records.append(("session", 0.0, f"{type(exc).__name__}: {exc}"))
            return None

    sessions = await asyncio.gather(*(one(u) for u in users))
    await asyncio.gather(*(s.close() for s in sessions if s is not None))
    return users


# --- the server and its memory ---------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


class Server:
    """``streamlit run app.py`` on the bundled corpus (as the browser tests start it),
    with caches and uploads in a temporary folder unless ``env`` names others."""

    def __init__(
        self, env: dict[str, str] | None = None, session_ttl: int = 120, workers: int = 1
    ) -> None:
        self.env, self.session_ttl, self.workers = env or {}, session_ttl, workers
        self.url, self.pid, self.worker_urls = "", 0, []

    def __enter__(self) -> Server:
        self._tmp = tempfile.TemporaryDirectory(prefix="load-")
        tmp = Path(self._tmp.name)
        (tmp / "uploads").mkdir()
        data = ROOT / "data"
        env = {
            **os.environ,
            "MEETINGS_CORPUS_DIRS": f"{data / 'seeds'}:{data / 'demo'}:{tmp / 'uploads'}",
            "MEETINGS_CACHE_DIR": str(tmp / "cache"),
            "MEETINGS_UPLOAD_DIR": str(tmp / "uploads"),
            **self.env,
        }
        self.cache_dir = Path(env["MEETINGS_CACHE_DIR"])
        port = _free_port()
        python, ttl = str(ROOT / ".venv/bin/python"), str(self.session_ttl)
        command = [python, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                   "--server.address", "127.0.0.1", "--server.port", str(port),
                   "--server.disconnectedSessionTTL", ttl]  # fmt: skip
        ports = [port]
        if self.workers > 1:
            ports = [_free_port() for _ in range(self.workers)]
            command = [python, str(ROOT / "scripts" / "workers.py"), "--workers",
                       str(self.workers), "--port", str(port), "--worker-ports",
                       *map(str, ports), "--", "--server.disconnectedSessionTTL", ttl]  # fmt: skip
        self.worker_urls = [f"http://127.0.0.1:{p}" for p in ports]
        self._log = (tmp / "streamlit.log").open("wb")
        self._process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self._log,
                                         stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        self.url, self.pid = f"http://127.0.0.1:{port}", self._process.pid
        try:
            self._wait_healthy()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while _get(self.url + "/_stcore/health") != b"ok":
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the dashboard did not start:\n" + self.log())
            time.sleep(0.25)

    def log(self) -> str:
        return (Path(self._tmp.name) / "streamlit.log").read_text(errors="replace")

    def __exit__(self, *exc) -> None:
        try:
            os.killpg(self._process.pid, signal.SIGTERM)
            self._process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        self._log.close()
        self._tmp.cleanup()


async def warm_up(base_url: str, cache_dir: Path | None, timeout: float = 600) -> None:
    """One full render of every page (the first fits the model), then the model's
    quality figures, measured in the background after the first page, on disk."""
    session = Session(base_url)
    await session.connect()
    for page in PAGES:
        await session.open(page)
    await session.close()
    deadline = time.monotonic() + timeout
    while cache_dir is not None and not list(cache_dir.glob("models/*/quality.csv")):
        if time.monotonic() > deadline:
            raise RuntimeError("the model's quality figures were not measured in time")
        await asyncio.sleep(0.5)


def _tree(pid: int) -> list[psutil.Process]:
    """The server's process and its children (the workers and their proxy, if any)."""
    process = psutil.Process(pid)
    return [process, *process.children(recursive=True)]


def rss_mib(pid: int) -> float:
    return sum(p.memory_info().rss for p in _tree(pid)) / 2**20


def cpu_seconds(pid: int) -> float:
    """The CPU time the server has used (user and system), whoever else shares the cores."""
    return sum(t.user + t.system for t in (p.cpu_times() for p in _tree(pid)))


def active_sessions(urls: list[str]) -> int | None:
    """The servers' own count of connected sessions (each one's metrics endpoint)."""
    counts = []
    for url in urls:
        text = (_get(url + "/_stcore/metrics") or b"").decode()
        counts += [int(float(line.split()[1])) for line in text.splitlines()
                   if line.startswith("active_sessions ")]  # fmt: skip
    return sum(counts) if counts else None


class PeakRss:
    """The server's resident memory sampled five times a second while it is in use."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, rss_mib(pid)
        self._task = asyncio.ensure_future(self._sample())

    async def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, rss_mib(self.pid))
            await asyncio.sleep(0.2)

    def stop(self) -> float:
        self._task.cancel()
        return max(self.peak, rss_mib(self.pid))


async def memory_after(urls: list[str], pid: int, ttl: float, timeout: float = 600) -> float:
    """The server's memory once it has let the closed sessions go: none connected, their
    time to reconnect passed, the store reaped, memory steady (``urls``: each worker's)."""
    deadline = time.monotonic() + timeout
    while active_sessions(urls) not in (0, None) and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    await asyncio.sleep(ttl + 1)
    for url in urls * 2:  # the first's disconnect reaps the expired sessions
        probe = Session(url)
        await probe.connect()
        await probe.open("data")
        await probe.close()
    readings = [rss_mib(pid)]
    while time.monotonic() < deadline:  # steady: three readings a second apart within 1 MiB
        await asyncio.sleep(1)
        readings.append(rss_mib(pid))
        if len(readings) >= 3 and max(readings[-3:]) - min(readings[-3:]) < 1:
            break
    return readings[-1]


# --- figures ---------------------------------------------------------------------------


def table(records: list[Record]) -> str:
    """Markdown: per action, count, p50, p95, max (seconds) and errors."""
    by_action: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_action[record[0]].append(record)
    lines = ["| action | count | p50 s | p95 s | max s | errors |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for action, rows in by_action.items():
        times = [seconds for _, seconds, error in rows if error is None] or [float("nan")]
        errors = sum(error is not None for *_, error in rows)
        lines.append(f"| {action} | {len(rows)} | {statistics.median(times):.2f} | "
                     f"{percentile(times, 0.95):.2f} | {max(times):.2f} | {errors} |")  # fmt: skip
    return "\n".join(lines)


def errors_seen(records: list[Record], most: int = 5) -> list[str]:
    seen = sorted({f"{action}: {error}" for action, _, error in records if error})
    return seen[:most]


async def round_of(args, base_url: str, pid: int | None, n: int) -> dict:
    """N sessions: their records and the server's memory before, during and after."""
    before = rss_mib(pid) if pid else float("nan")
    server_cpu = cpu_seconds(pid) if pid else float("nan")
    peak = PeakRss(pid) if pid else None
    cpu, start = time.process_time(), time.perf_counter()
    users = await visit_all(base_url, n, args.steps, args.think, args.ramp)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    during = peak.stop() if peak else float("nan")
    server_cpu = cpu_seconds(pid) - server_cpu if pid else float("nan")
    urls = args.worker_urls or [base_url]
    after = await memory_after(urls, pid, args.session_ttl) if pid else float("nan")
    records = [r for u in users for r in u.records]
    return {"n": n, "records": records, "before": before, "peak": during, "after": after,
            "wall": wall, "client_cpu": cpu, "server_cpu": server_cpu,
            "load": os.getloadavg()[1]}  # fmt: skip


async def page_costs(base_url: str, pid: int, repeats: int = 5) -> None:
    """One session alone: each page opened and then narrowed to a region ``repeats``
    times; the server's CPU and the time of a run, per page (medians)."""
    session = Session(base_url)
    await session.connect()
    await session.open("overview")
    rows = []
    for page in PAGES:
        cpu, seconds = [], []
        for repeat in range(repeats):
            for action in ("open", "region", "clear"):
                before = cpu_seconds(pid)
                if action == "open":
                    run = await session.open(page)
                else:
                    options = list(session.widget("Region").multiselect.options)
                    chosen = [options[repeat % len(options)]] if action == "region" else []
                    run = await session.choose("Region", chosen)
                cpu.append(cpu_seconds(pid) - before)
                seconds.append(run.seconds)
        rows.append(f"| {page} | {statistics.median(cpu):.3f} | {statistics.median(seconds):.3f} |")
    await session.close()
    print(f"\n### One session alone: a run of each page (median of {3 * repeats})\n")
    print("| page | server CPU s | run s |\n| --- | ---: | ---: |")
    print("\n".join(rows))


def report(result: dict) -> None:
    n, records = result["n"], result["records"]
    print(f"\n### {n} sessions\n")
    print(table(records))
    ok = [r for r in records if r[2] is None]
    print(f"\n{len(records)} actions, {len(records) - len(ok)} errors, "
          f"{result['wall']:.0f} s in all, {len(records) / result['wall']:.1f} actions/s; "
          f"this client used {result['client_cpu']:.1f} s of CPU; the machine's load "
          f"average (5 min) was {result['load']:.1f}")  # fmt: skip
    print(
        f"Server CPU: {result['server_cpu']:.0f} s for the round, "
        f"{result['server_cpu'] / max(len(records), 1):.3f} s per action"
    )
    print(f"Server RSS: {result['before']:.0f} MiB before, {result['peak']:.0f} MiB at the "
          f"peak, {result['after']:.0f} MiB after the sessions closed "
          f"({result['after'] - result['before']:+.0f} MiB)")  # fmt: skip
    for line in errors_seen(records):
        print(f"  error: {line}")
    sys.stdout.flush()


async def main_async(args, cache_dir: Path | None) -> None:
    for url in args.worker_urls or [args.url]:  # each worker: one after the other fits
        await warm_up(url, cache_dir)
    if args.per_page and args.pid:
        await page_costs(args.url, args.pid)
    print(f"Machine: {os.cpu_count()} cores; {max(args.workers, 1)} server process(es); "
          f"{args.steps} steps per session, "
          f"{args.think:g} s (±50%) between steps, sessions started over {args.ramp:g} s.")  # fmt: skip
    for n in args.sessions:
        report(await round_of(args, args.url, args.pid, n))
    if args.browsers:
        await compare(args, args.url, args.browsers)


async def compare(args, base_url: str, k: int) -> None:
    """K browser pages, then K protocol sessions, on the same steps; one table, and the
    server's CPU per action for each (the same work, if the protocol client is faithful)."""
    import load_browsers  # Playwright only when browsers are asked for

    cpu = cpu_seconds(args.pid) if args.pid else float("nan")
    browsers, drawn = await load_browsers.browser_round(base_url, k, args.steps, args.think)
    browser_cpu = (cpu_seconds(args.pid) - cpu if args.pid else cpu) / max(len(browsers), 1)
    result = await round_of(args, base_url, args.pid, k)
    protocol = [r for r in result["records"] if r[0] != "connect"]
    print(f"\n### {k} real browsers (chromium) against {k} protocol sessions\n")
    print(load_browsers.side_by_side(protocol, browsers, drawn))
    print(f"\nServer CPU per action: {browser_cpu:.3f} s for the browsers, "
          f"{result['server_cpu'] / max(len(protocol), 1):.3f} s for the protocol "
          f"sessions")  # fmt: skip
    for action, _, error in browsers:
        if error:
            print(f"  browser error: {action}: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--steps", type=int, default=13, help="actions per session")
    parser.add_argument("--think", type=float, default=5.0, help="seconds between steps")
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds to start them all")
    parser.add_argument("--browsers", type=int, default=0, help="real chromium pages to compare")
    parser.add_argument("--session-ttl", type=int, default=120,
                        help="the server's server.disconnectedSessionTTL (seconds)")  # fmt: skip
    parser.add_argument("--per-page", action="store_true",
                        help="first, each page's run in one session alone")  # fmt: skip
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes behind HAProxy (scripts/workers.py)")  # fmt: skip
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--pid", type=int, help="that server's process, for its memory")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the server it started too
    args.worker_urls = []
    if args.url:
        asyncio.run(main_async(args, None))
        return
    with Server(session_ttl=args.session_ttl, workers=args.workers) as server:
        args.url, args.pid, args.worker_urls = server.url, server.pid, server.worker_urls
        asyncio.run(main_async(args, server.cache_dir))


if __name__ == "__main__":
    main()
