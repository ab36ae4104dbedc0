"""What the benchmark's processes use: peak resident memory and CPU time, from /proc."""

from __future__ import annotations

import os
import resource
import threading
import time
from pathlib import Path

__all__ = ["PeakMemory"]


class PeakMemory:
    """The peak resident memory of this process and every process it started (workers of
    the engine included), and the CPU time they used, sampled from /proc four times a
    second (a worker's last quarter of a second may be missed)."""

    def __init__(self) -> None:
        self.peak = 0
        self._ticks: dict[int, int] = {}  # CPU ticks of each process started, at most
        self._own = 0.0  # CPU seconds of the sampling itself, left out of cpu()
        self._done = threading.Event()
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._done.wait(0.25):
            start = time.thread_time()
            self.peak = max(self.peak, _tree_rss(os.getpid(), self._ticks))
            self._own += time.thread_time() - start

    def cpu(self) -> float:
        """CPU seconds of this process (but the sampling) and of every process it started
        so far."""
        if not self._done.is_set():
            _tree_rss(os.getpid(), self._ticks)
        others = sum(t for pid, t in self._ticks.items() if pid != os.getpid())
        return time.process_time() - self._own + others / os.sysconf("SC_CLK_TCK")

    def stop(self) -> float:
        """Stop sampling; the peak in MiB."""
        self._done.set()
        return max(self.peak, _tree_rss(os.getpid(), self._ticks)) / 2**20


def _tree_rss(root: int, ticks: dict[int, int] | None = None) -> int:
    """Bytes resident in ``root`` and its descendants (Linux /proc); their CPU ticks (user
    and system) go to ``ticks``."""
    parents, rss, cpu = {}, {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21])
        cpu[pid] = int(fields[11]) + int(fields[12])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    if ticks is not None:
        for pid in tree:
            ticks[pid] = max(ticks.get(pid, 0), cpu.get(pid, 0))
    return sum(rss.get(pid, 0) for pid in tree) * resource.getpagesize()
