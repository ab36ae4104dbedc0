"""The grouping of reports into meetings alone, at scale: one table per corpus size.

Usage: python benchmarks/grouping.py [--sizes 10000 100000] [--before REV] [--before-up-to N]
       [--steps before cold warm add meetings-before meetings]

For each size N it builds N report rows (synthetic_events.py: a large archive's spread of
dates, places and types; texts walked over the demo reports' word pairs, not extracted)
and 100 more, then measures, each step in a process of its own (its peak memory its own):

- ``before``: the grouping of commit REV (``analytics/meetings.py`` as it was there),
  every pair compared, nothing kept: the reference of the ratios below;
- cold: this grouping with nothing kept (every pair compared, the grouping then kept);
- warm: the same reports again (the kept grouping read);
- add 100: the N reports and 100 new ones (only the pairs that involve them compared);
- one row per meeting (``meetings_of``) of the N + 100, which the dashboard does next,
  before (REV's, the reference of its ratio) and now.

The texts are in memory: the dashboard reads them from the extraction store (all of them
cold, only the new ones when adding). Seconds are wall time and CPU time of the step;
memory is the process's peak resident set during the step, above what it held before.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

NEW_REPORTS = 100
STEPS = ["before", "cold", "warm", "add", "meetings-before", "meetings"]


class Peak:
    """The peak resident memory of this process, sampled from /proc 20 times a second."""

    def __init__(self) -> None:
        self.start = self.peak = _rss()
        self._done = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._done.wait(0.05):
            self.peak = max(self.peak, _rss())

    def stop(self) -> float:
        """MiB above the resident memory at the start."""
        self._done.set()
        return (max(self.peak, _rss()) - self.start) / 2**20


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize()


def _before(rev: str, work: Path):
    """``analytics/meetings.py`` of commit ``rev``, as a module (its file in ``work``)."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:analytics/meetings.py"],
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    path = work / "meetings_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("meetings_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def step(name: str, n: int, work: Path, rev: str) -> dict:
    """Run one step on ``n`` reports (and the cache in ``work``); its figures."""
    import pandas as pd
    from synthetic_events import synthetic_events

    from analytics.grouping import group_reports, kept_grouping
    from analytics.meetings import meetings_of

    events, texts = synthetic_events(n, seed=0)
    if name in ("add", "meetings", "meetings-before"):
        new, new_texts = synthetic_events(NEW_REPORTS, seed=n + 1, prefix="new")
        events = pd.concat([events, new], ignore_index=True)
        texts += new_texts
    by_id = dict(zip(events["doc_id"], texts, strict=True))
    asked = []

    def texts_of(doc_ids: list[str]) -> list[str]:
        asked.extend(doc_ids)
        return [by_id[d] for d in doc_ids]

    ids = group_reports(events, texts) if name.startswith("meetings") else None
    module = _before(rev, work) if name.endswith("before") else None
    memory, wall, cpu = Peak(), time.perf_counter(), time.process_time()
    if name == "before":
        result = module.group_reports(events, texts)
    elif name.startswith("meetings"):
        result = (module.meetings_of if module else meetings_of)(events, ids)
    else:
        result = kept_grouping(events, texts_of, work)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = memory.stop()
    groups = result["meeting_id"].nunique() if ids is not None else result.nunique()
    return {"wall": wall, "cpu": cpu, "peak": peak, "reports": len(events), "meetings": groups,
            "texts_read": len(asked)}  # fmt: skip


def measure(n: int, rev: str, steps: list[str]) -> list[tuple[str, dict]]:
    """These steps on ``n`` reports, each in a new process, sharing one cache folder."""
    work = Path(tempfile.mkdtemp(prefix=f"grouping-{n}-"))
    rows = []
    for name in steps:
        command = [sys.executable, __file__, "--step", name, "--n", str(n), "--work", str(work),
                   "--before", rev]  # fmt: skip
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        rows.append((name, json.loads(out.strip().splitlines()[-1])))
        print(f"  {n:,} {name}: {rows[-1][1]}", file=sys.stderr, flush=True)
    for path in work.iterdir():
        path.unlink()
    work.rmdir()
    return rows


WHAT = {
    "before": "before ({rev}): every pair compared",
    "cold": "cold: every pair compared, the grouping kept",
    "warm": "warm: the kept grouping read (same reports)",
    "add": f"add {NEW_REPORTS} reports: only their pairs compared",
    "meetings-before": "one row per meeting, before ({rev}): a loop over meetings",
    "meetings": "one row per meeting (meetings_of), with array operations",
}


def print_table(n: int, rows: list[tuple[str, dict]], rev: str) -> None:
    reference = dict(rows).get("before")
    print(f"\n### Grouping {n:,} reports\n")
    print("| step | seconds (wall) | CPU s | / before (CPU) | peak MiB | meetings | texts read |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        base = dict(rows).get("meetings-before") if name == "meetings" else reference
        ratio = f"{r['cpu'] / base['cpu']:.3f}" if base and not name.endswith("before") else ""
        print(f"| {WHAT[name].format(rev=rev)} | {r['wall']:.2f} | {r['cpu']:.2f} | {ratio} | "
              f"{r['peak']:.0f} | {r['meetings']:,} | {r['texts_read']:,} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--before", default="ede2b2b", help="commit of the reference grouping")
    parser.add_argument("--before-up-to", type=int, default=100_000,
                        help="measure the reference only up to this many reports")  # fmt: skip
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=STEPS,
                        help="the steps to measure (warm and add need cold before them)")  # fmt: skip
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.n, args.work, args.before)))
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.platform()}")  # fmt: skip
    for n in args.sizes:
        steps = [s for s in args.steps if not s.endswith("before") or n <= args.before_up_to]
        print_table(n, measure(n, args.before, steps), args.before)


if __name__ == "__main__":
    main()
