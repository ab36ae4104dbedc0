"""Loader speed: cold read, cached re-read, and re-read after one file changed.

Usage: python benchmarks/bench_loader.py [N_FILES]   (default 2000; the issue's case is 10000)
Builds N report files from the bundled corpus (each made unique) in a temporary folder.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.pipeline import load_corpus  # noqa: E402
from analytics.settings import Settings  # noqa: E402


def _make_corpus(folder: Path, n: int) -> None:
    sources = sorted((ROOT / "data").glob("seeds/*.txt")) + sorted(
        (ROOT / "data").glob("demo/**/*.txt")
    )
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(n):
        path = folder / f"{i // 500:03d}" / f"report_{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{texts[i % len(texts)]}\n\nReference number {i}.\n", encoding="utf-8")


def _timed(label: str, folder: Path, cache: Path) -> tuple[str, float, int]:
    start = time.perf_counter()
    corpus = load_corpus([folder], Settings().replace(cache_dir=cache))
    return label, time.perf_counter() - start, len(corpus.events)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        _make_corpus(folder, n)
        rows = [_timed("cold (extract every file)", folder, cache)]
        rows.append(_timed("warm (all cached)", folder, cache))
        changed = next(folder.rglob("*.txt"))
        changed.write_text(changed.read_text() + "\nOne more sentence.\n")
        rows.append(_timed("one file changed", folder, cache))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| loader, {n} files | seconds | reports | files/s |")
    print("| --- | ---: | ---: | ---: |")
    for label, seconds, reports in rows:
        print(f"| {label} | {seconds:.2f} | {reports} | {n / seconds:.0f} |")
    print(f"\npeak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
