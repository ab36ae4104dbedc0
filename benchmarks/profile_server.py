"""Where the dashboard server's CPU goes: ``streamlit run app.py`` in this process, sampled.

Usage: .venv/bin/python benchmarks/profile_server.py [--port 8599] [--out profile.txt]
       [--cache DIR] [--top 60]

Starts Streamlit's server in this process on the bundled corpus (as ``load.py`` starts it,
caches in ``--cache``, XSRF on) and samples every thread's Python stack every few
milliseconds, each sample weighted by the CPU time its thread used since the previous one
(``pthread_getcpuclockid``): a thread waiting costs nothing. Drive it with the load client
(``load.py --url http://127.0.0.1:8599 --pid PID``); on SIGUSR1 (and when it stops, on
SIGTERM or SIGINT) it writes the functions by their CPU, inclusive (with what they call)
and exclusive, to ``--out``; SIGUSR2 starts the counts again (after a warm-up).
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Sampler:
    """Every thread's stack, every ``interval`` seconds, weighted by its CPU since."""

    def __init__(self, interval: float = 0.003) -> None:
        self.interval = interval
        self.inclusive: Counter[str] = Counter()
        self.exclusive: Counter[str] = Counter()
        self.threads: Counter[str] = Counter()
        self._cpu: dict[int, float] = {}
        self.collections: Counter[int] = Counter()  # the collector's runs and seconds,
        self.collecting: Counter[int] = Counter()  # by generation
        self._started = 0.0
        gc.callbacks.append(self._collected)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def _collected(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.thread_time()
        else:
            self.collections[info["generation"]] += 1
            self.collecting[info["generation"]] += time.thread_time() - self._started

    def clear(self) -> None:
        self.collections.clear()
        self.collecting.clear()
        self.inclusive.clear()
        self.exclusive.clear()
        self.threads.clear()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        mine = threading.get_ident()
        while not self._stop.wait(self.interval):
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in sys._current_frames().items():
                if ident == mine:
                    continue
                try:
                    cpu = time.clock_gettime(time.pthread_getcpuclockid(ident))
                except OSError:
                    continue
                spent = cpu - self._cpu.get(ident, cpu)
                self._cpu[ident] = cpu
                if spent <= 0:
                    continue
                name = names.get(ident, "?")
                self.threads["ScriptRunner" if name.startswith("ScriptRunner") else name] += spent
                seen = set()
                top = True
                while frame is not None:
                    code = frame.f_code
                    where = f"{_short(code.co_filename)}:{code.co_name}"
                    if top:
                        self.exclusive[where] += spent
                        top = False
                    if where not in seen:
                        seen.add(where)
                        self.inclusive[where] += spent
                    frame = frame.f_back

    def report(self, top: int) -> str:
        total = sum(self.threads.values()) or 1.0
        lines = [f"CPU sampled: {total:.1f} s", "", "## By thread"]
        lines += [f"{s:8.2f} s {100 * s / total:5.1f}%  {n}" for n, s in self.threads.most_common()]
        lines += ["", "## Garbage collections, by generation"]
        lines += [f"{self.collecting[g]:8.2f} s {100 * self.collecting[g] / total:5.1f}%  "
                  f"generation {g}: {self.collections[g]} runs" for g in sorted(self.collections)]  # fmt: skip
        for title, counts in (("inclusive", self.inclusive), ("exclusive", self.exclusive)):
            lines += ["", f"## By function, {title}"]
            lines += [
                f"{s:8.2f} s {100 * s / total:5.1f}%  {w}" for w, s in counts.most_common(top)
            ]
        return "\n".join(lines) + "\n"


def _short(path: str) -> str:
    for marker in ("site-packages/", "python3.11/", str(ROOT) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8599)
    parser.add_argument("--out", default="profile.txt")
    parser.add_argument("--cache", default=str(ROOT / ".cache" / "profile"))
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    data = ROOT / "data"
    uploads = Path(args.cache) / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    os.environ.update({
        "MEETINGS_CORPUS_DIRS": f"{data / 'seeds'}:{data / 'demo'}:{uploads}",
        "MEETINGS_CACHE_DIR": str(Path(args.cache) / "cache"),
        "MEETINGS_UPLOAD_DIR": str(uploads),
    })  # fmt: skip
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from streamlit.web import bootstrap

    sampler = Sampler()

    def write(*_) -> None:
        Path(args.out).write_text(sampler.report(args.top))

    # SIGUSR1: the figures so far, SIGUSR2: counting anew (SIGTERM ends the server).
    signal.signal(signal.SIGUSR1, write)
    signal.signal(signal.SIGUSR2, lambda *_: sampler.clear())
    sampler.start()
    flags = {"server.headless": True, "server.address": "127.0.0.1", "server.port": args.port,
             "server.disconnectedSessionTTL": 10}  # fmt: skip
    bootstrap.load_config_options(flag_options=flags)
    try:
        bootstrap.run(str(ROOT / "app.py"), False, [], flags)
    finally:
        sampler.stop()
        write()


if __name__ == "__main__":
    main()
