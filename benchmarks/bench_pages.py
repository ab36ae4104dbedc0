"""Rerun time of each dashboard page on the bundled corpus (seeds + demo), headless.

The first run reads the corpus and fits the theme model (a cold cache); every later run
only filters and aggregates (the model's quality figures are measured in the background,
off the request path). Each page is rerun five times; the table gives the median.

Usage: python benchmarks/bench_pages.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "regions", "trends", "themes", "meetings", "data"]
RUNS = 5


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    cache = tempfile.mkdtemp(prefix="bench-pages-")
    os.environ["MEETINGS_CORPUS_DIRS"] = f"{ROOT / 'data' / 'seeds'}:{ROOT / 'data' / 'demo'}"
    os.environ["MEETINGS_CACHE_DIR"] = cache
    os.environ["MEETINGS_UPLOAD_DIR"] = str(Path(cache) / "uploads")
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    rows = [("first load: read 175 reports, fit the model (cold cache)", _timed(at.run))]
    at.switch_page("pages/themes.py")
    rows.append(("themes: first visit, figures still measuring", _timed(at.run)))
    start = time.perf_counter()
    while not list(Path(cache).glob("models/*/quality.csv")):  # the background job's result
        time.sleep(0.1)
    rows.append(("quality figures measured in the background (after that visit)",
                 time.perf_counter() - start))  # fmt: skip
    at.switch_page("pages/overview.py")
    for page in PAGES:
        if page != "overview":
            at.switch_page(f"pages/{page}.py")
        at.run()  # warm the page
        times = [_timed(at.run) for _ in range(RUNS)]
        rows.append((f"{page}: rerun (median of {RUNS})", statistics.median(times)))
    filtered = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    filtered.query_params["region"] = "Europe"
    filtered.query_params["years"] = ["2015", "2020"]
    rows.append(("overview: new session with region and year filters", _timed(filtered.run)))
    width = max(len(name) for name, _ in rows)
    print(f"| {'step':{width}} | seconds |\n| {'-' * width} | ------- |")
    for name, seconds in rows:
        print(f"| {name:{width}} | {seconds:7.3f} |")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
