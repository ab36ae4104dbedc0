"""The Briefing page's cost: its numbers, its sentences and tables, its two documents, and
the page's run, on the bundled corpus (or ``--corpus DIR``, e.g. one of make_corpus.py).

Usage: python benchmarks/briefing.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest's bare-mode warnings
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import RUNS, Table, app_opening_on, timed  # noqa: E402


def _median(work) -> float:
    return statistics.median(timed(work)[1] for _ in range(RUNS))


def measure(settings) -> Table:
    from analytics.pipeline import analyse
    from analytics.views.briefing import brief, default_periods
    from analytics.views.briefing_docs import (
        Header,
        briefing_docx,
        briefing_markdown,
        snapshot_tables,
    )  # fmt: skip
    from analytics.views.briefing_text import sentences, summary, years_phrase
    from analytics.views.filters import year_range

    analysis = analyse(settings)
    meetings, labels = analysis.meetings, analysis.labels
    named = [t.id for t in analysis.model.themes]
    periods = default_periods(*year_range(meetings))
    reports = analysis.reports_of(meetings)
    now, then = years_phrase(periods.now), years_phrase(periods.then)
    table = Table(f"Briefing of {len(meetings):,} meetings, {now} against {then}")

    def compute():
        return brief(meetings, named, periods, settings.few_meetings, analysis.doc_themes,
                     reports, quote=analysis.evidence)  # fmt: skip

    _, first = timed(compute)
    table.add("numbers, first time (evidence quoted)", first, "brief()")
    table.add(f"numbers, again (median of {RUNS})", _median(compute), "evidence kept")
    briefing = compute()

    def write():
        written = sentences(briefing, labels)
        return written, summary(written), snapshot_tables(briefing, labels)

    table.add(f"sentences, summary, tables (median of {RUNS})", _median(write), "")
    written, told, tables = write()
    header = Header({}, "http://127.0.0.1:8501/briefing", datetime.now(),
                    analysis.corpus_fingerprint, analysis.fingerprint)  # fmt: skip
    parts = ("Briefing", header, told, written, tables)
    size = len(briefing_docx(*parts)) / 1024
    table.add(f"Word document (median of {RUNS})", _median(lambda: briefing_docx(*parts)),
              f"{size:.0f} KiB, {sum(len(t) for t in tables.values())} table rows")  # fmt: skip
    size = len(briefing_markdown(*parts).encode()) / 1024
    table.add(f"Markdown (median of {RUNS})", _median(lambda: briefing_markdown(*parts)),
              f"{size:.0f} KiB")  # fmt: skip
    table.add(f"page run, a new session (median of {RUNS})", _page_run(), "server time, AppTest")
    return table


def _page_run() -> float:
    from streamlit.testing.v1 import AppTest

    script = app_opening_on("briefing")
    try:
        AppTest.from_file(str(script), default_timeout=900).run()  # warm the process
        return _median(AppTest.from_file(str(script), default_timeout=900).run)
    finally:
        script.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of reports (default: bundled)")
    args = parser.parse_args()
    from analytics.settings import Settings

    settings = Settings.from_env()
    if args.corpus:
        work = Path(tempfile.mkdtemp(prefix="bench-briefing-"))
        settings = settings.replace(corpus_dirs=(args.corpus,), cache_dir=work / "cache",
                                    upload_dir=work / "uploads")  # fmt: skip
        os.environ.update({"MEETINGS_CORPUS_DIRS": str(args.corpus),
                           "MEETINGS_CACHE_DIR": str(work / "cache"),
                           "MEETINGS_UPLOAD_DIR": str(work / "uploads")})  # fmt: skip
    measure(settings).print()


if __name__ == "__main__":
    main()
