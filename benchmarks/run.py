"""The scale benchmark: one table per corpus size, every figure measured in the same run.

Usage: python benchmarks/run.py [--1k] [--10k] [--100k] [--table N] [--workers W] [--keep DIR]

For each size N it builds N reports with make_corpus.py (and 100 more to add later), then
measures: cold and warm reading, the model's fit (on its sample), classification of
every report and their grouping into meetings (kept, as a first analysis keeps it), the bare scikit-learn reference (TfidfVectorizer + NMF with the same
parameters on the same texts) with the ratio of the whole cold pipeline to it, and the
peak memory of those cold steps; then, in a new process as a new server would: opening
the dashboard from the warm store, adding the 100 reports (no refit), the CSV export of
the full meetings table, each page's rerun after a filter change (median of 5, AppTest),
and that process's peak memory. Up to 20,000 reports it also fits the model on every report and prints
the agreement of both fits with the facts of the bundled labelled sets.

``--table N`` measures instead the cold read of N reports as one CSV table of N rows, in
chunks of rows on the workers and read whole as one unit (as before chunks), against the
same reports as N separate files: each in a process of its own, with its peak memory; the
table in chunks also through the model's fit and the classification of every report.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest's bare-mode warnings
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from usage import PeakMemory  # noqa: E402

PAGES = ["overview", "regions", "trends", "briefing", "themes", "meetings", "data"]
RUNS = 5
NEW_REPORTS = 100
FULL_FIT_UP_TO = 20_000  # a fit on every report of a larger corpus takes too long to compare
WHOLE_UP_TO = 20_000  # a larger table read whole takes too long (18 minutes at 100,000)
LABELLED = ["demo", "eval/others", "eval/others2", "eval/real_style"]


class Table:
    """Rows of (step, seconds or a figure, note), printed as Markdown."""

    def __init__(self, title: str) -> None:
        self.title, self.rows = title, []

    def add(self, step: str, value: float | str, note: str = "") -> None:
        self.rows.append((step, value, note))
        shown = f"{value:.2f}" if isinstance(value, float) else value
        print(f"  {step}: {shown} {note}", file=sys.stderr, flush=True)

    def print(self) -> None:
        print(f"\n### {self.title}\n\n| step | seconds / figure | note |\n| --- | ---: | --- |")
        for step, value, note in self.rows:
            shown = f"{value:.2f}" if isinstance(value, float) else value
            print(f"| {step} | {shown} | {note} |")


def timed(work):
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def bare_reference(model, texts: list[str]) -> float:
    """Seconds of plain TfidfVectorizer + NMF on the same texts, with the parameters of
    the model's own (its vectorizer's, its number of themes and iterations, its seed)."""
    from sklearn.base import clone
    from sklearn.decomposition import NMF

    def run():
        X = clone(model.vectorizer_).fit_transform(texts)
        nmf = NMF(len(model.theme_ids_), max_iter=model.max_iter, random_state=model.random_state)
        nmf.fit_transform(X)

    return timed(run)[1]


def agreement(model, settings) -> tuple[float, float]:
    """Micro- and macro-F1 of the model's named themes against the bundled facts."""
    from analytics.model.classify import classify
    from analytics.model.evaluation import f1_scores, load_facts
    from analytics.pipeline import load_corpus

    truth, predicted = [], []
    named = [t.id for t in model.themes]
    for folder in LABELLED:
        path = ROOT / "data" / folder
        events = load_corpus([path], settings).events
        _, events = classify(model, events)
        facts = load_facts(path / "SOURCES.csv")[["source", "theme_set"]]
        joined = events.merge(facts, on="source")
        truth += list(joined["theme_set"])
        predicted += [set(themes) & set(named) for themes in joined["themes"]]
    scores = f1_scores(truth, predicted, named)
    return scores["micro_f1"], scores["macro_f1"]


def wait_for_quality(cache: Path) -> None:
    """Wait for the model's quality figures, measured in the background after the first
    page, so that they do not share the cores with the timed reruns."""
    while not list(cache.glob("models/*/quality.csv")):
        time.sleep(0.5)


def app_opening_on(page: str) -> Path:
    """app.py with ``page`` as its default page, beside it (AppTest runs a page it
    switched to without app.py around it; this runs app.py as a browser would)."""
    source = (ROOT / "app.py").read_text(encoding="utf-8").replace(", default=True", "")
    opening = f'st.Page("pages/{page}.py"'
    assert opening in source, page
    path = ROOT / f".bench_app_{page}.py"
    path.write_text(source.replace(opening, opening + ", default=True"), encoding="utf-8")
    return path


def _bare_session() -> float:
    """Seconds AppTest takes to run a new session of an app that writes one line."""
    from streamlit.testing.v1 import AppTest

    script = ROOT / ".bench_app_bare.py"
    script.write_text('import streamlit as st\n\nst.write("one line")\n', encoding="utf-8")
    try:
        AppTest.from_file(str(script)).run()
        return statistics.median(timed(AppTest.from_file(str(script)).run)[1] for _ in range(RUNS))
    finally:
        script.unlink()


def _script_cpu() -> list[float]:
    """From now on, the CPU seconds of each AppTest run's script thread (the server's
    work, without AppTest's own in the test's thread), appended to the list returned."""
    from streamlit.testing.v1 import local_script_runner

    runner = local_script_runner.LocalScriptRunner
    plain = getattr(runner, "_plain_run_script_thread", runner._run_script_thread)
    seconds: list[float] = []

    def counted(self) -> None:
        start = time.thread_time()
        try:
            plain(self)
        finally:
            seconds.append(time.thread_time() - start)

    runner._plain_run_script_thread = plain
    runner._run_script_thread = counted
    return seconds


def _wait_for_jobs() -> None:
    """Wait for the server's background jobs (the quality figures, the evidence quoted
    ahead, the look at every file), so that they do not share the cores with the runs."""
    from pages.shared import state

    jobs = state._store()["jobs"]
    while not all(job.done() for job in list(jobs._futures.values())):
        time.sleep(0.2)


def page_reruns(table: Table, env: dict[str, str]) -> None:
    """Each page's run with a new region filter: median of RUNS, in wall time and in CPU
    time of the script's thread.

    Each run is a new session opened on a link with the filter (``?region=...``), so
    app.py and the page run whole, as after a filter change in a browser (AppTest reruns
    only the page after a widget change in an app with ``st.navigation``).
    """
    from streamlit.testing.v1 import AppTest

    os.environ.update(env)
    cpu = _script_cpu()
    table.add(f"AppTest's own cost of a session (one line of text, median of {RUNS})",
              _bare_session(), "to subtract from the page runs below")  # fmt: skip
    for page in PAGES:
        script = app_opening_on(page)
        try:
            at = AppTest.from_file(str(script), default_timeout=900).run()  # warm the process
            assert not at.exception, [e.value for e in at.exception]
            wait_for_quality(Path(env["MEETINGS_CACHE_DIR"]))
            _wait_for_jobs()
            regions = list(at.sidebar.multiselect[0].options)
            times = []
            cpu.clear()
            for run in range(RUNS):
                at = AppTest.from_file(str(script), default_timeout=900)
                at.query_params["region"] = regions[run % len(regions)]
                times.append(timed(at.run)[1])
                assert not at.exception, [e.value for e in at.exception]
                assert at.sidebar.multiselect[0].value == [regions[run % len(regions)]]
        finally:
            script.unlink()
        table.add(f"page {page}: run with a new region filter (median of {RUNS})",
                  statistics.median(times),
                  f"server time, AppTest; CPU of its script {statistics.median(cpu):.3f} s")  # fmt: skip


def measure(n: int, workers: int, keep: Path | None) -> Table:
    """The cold steps here; the dashboard's steps in a new process (see :func:`serve`), so
    that each phase's peak memory is its own."""
    from make_corpus import make_corpus

    from analytics.classifying import classify_new
    from analytics.model.fit import fit_or_load, model_folder
    from analytics.model.vocabulary import units_of
    from analytics.pipeline import group_meetings, load_corpus

    table = Table(f"{n:,} reports")
    work = keep or Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    corpus, new, cache = work / "corpus", work / "new", work / "cache"
    if not corpus.exists():
        make_corpus(n, corpus, seed=0)
        make_corpus(NEW_REPORTS, new, seed=n + 1)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(corpus / "added", ignore_errors=True)
    settings = _settings(work, workers)

    load_before = os.getloadavg()[0]
    memory = PeakMemory()
    cpu = [memory.cpu()]

    def spent() -> float:
        cpu.append(memory.cpu())
        return cpu[-1] - cpu[-2]

    loaded, cold = timed(lambda: load_corpus([corpus], settings))
    events = loaded.events
    cold_cpu = spent()
    table.add("read + extract, cold", cold,
              f"{len(events) / cold:.0f} reports/s; CPU {cold_cpu:.1f} s")  # fmt: skip
    (model, key), fit = timed(lambda: fit_or_load(events["text"], events["doc_id"], settings))
    fit_cpu = spent()
    table.add("model fit", fit,
              f"on a sample of {min(n, settings.fit_sample):,}; CPU {fit_cpu:.1f} s")  # fmt: skip
    (_, _, kept), classified = timed(lambda: classify_new(model, None, events, settings))
    classify_cpu = spent()
    kept.save(model_folder(cache, key))  # as the first analysis does: a warm start reuses it
    table.add("classify every report", classified, f"CPU {classify_cpu:.1f} s")
    by_id = dict(zip(events["doc_id"].tolist(), events["text"].fillna("").tolist(), strict=True))
    _, grouped = timed(
        lambda: group_meetings(events, settings, lambda ids: [by_id[i] for i in ids])
    )
    by_id = None
    group_cpu = spent()
    table.add("group into meetings (kept)", grouped,
              f"CPU {group_cpu:.1f} s; as a first analysis does, so the dashboard opens on it")  # fmt: skip
    table.add("peak memory of the cold pipeline (MiB)", f"{memory.stop():.0f}",
              "this process and its workers: read, extract, fit, classify, group")  # fmt: skip
    table.add("load average (1 min) before / after the cold steps",
              f"{load_before:.1f} / {os.getloadavg()[0]:.1f}",
              f"{os.cpu_count()} cores; above that, other work shared them")  # fmt: skip
    _, warm = timed(lambda: load_corpus([corpus], settings))
    table.add("read, warm (all in the store)", warm, "every event with its text")
    total = cold + fit + classified + grouped
    texts = events["text"].tolist()
    bare_start = time.process_time()
    bare = bare_reference(model, texts)
    bare_cpu = time.process_time() - bare_start
    table.add("bare scikit-learn TF-IDF + NMF, same texts", bare,
              f"reference; CPU {bare_cpu:.1f} s")  # fmt: skip
    table.add("whole cold pipeline / bare reference", f"{total / bare:.2f} ×",
              f"{total:.1f} s / {bare:.1f} s")  # fmt: skip
    total_cpu = cold_cpu + fit_cpu + classify_cpu + group_cpu
    table.add("the same in CPU time", f"{total_cpu / bare_cpu:.2f} ×",
              f"{total_cpu:.1f} s / {bare_cpu:.1f} s, workers included")  # fmt: skip
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1, user_api="blas"):  # as the model runs its NMF
        one_start = time.process_time()
        one = bare_reference(model, texts)
        one_cpu = time.process_time() - one_start
    table.add("bare reference with one BLAS thread", one, f"CPU {one_cpu:.1f} s")
    table.add("whole cold pipeline / that reference", f"{total / one:.2f} ×",
              f"CPU time: {total_cpu / one_cpu:.2f} ×")  # fmt: skip
    units, _ = units_of(texts)
    table.add("distinct sentences / sentences", f"{len(set(units)):,} / {len(units):,}",
              "the model works on each distinct sentence once")  # fmt: skip
    micro, macro = agreement(model, settings)
    note = "bundled labelled sets, named themes"
    table.add("F1 micro / macro, fit on the sample", f"{micro:.3f} / {macro:.3f}", note)
    if n <= FULL_FIT_UP_TO and n > settings.fit_sample:
        full = settings.replace(fit_sample=0)
        (whole, _), seconds = timed(lambda: fit_or_load(events["text"], events["doc_id"], full))
        micro_all, macro_all = agreement(whole, settings)
        table.add("F1 micro / macro, fit on every report", f"{micro_all:.3f} / {macro_all:.3f}",
                  f"its fit: {seconds:.1f} s; differences {micro - micro_all:+.3f} / "
                  f"{macro - macro_all:+.3f}")  # fmt: skip
    loaded = events = texts = units = None  # released before the dashboard runs

    command = [sys.executable, __file__, "--serve", str(work), "--workers", str(workers)]
    served = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    for step, value, note in json.loads(served.strip().splitlines()[-1]):
        table.add(step, value, note)
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return table


def _settings(work: Path, workers: int):
    from analytics.settings import Settings

    return Settings().replace(
        corpus_dirs=(work / "corpus",), cache_dir=work / "cache", upload_dir=work / "uploads",
        workers=workers,
    )  # fmt: skip


def serve(work: Path, workers: int) -> Table:
    """The dashboard's steps on the warm store of ``work``, in a process of their own as a
    new server: open it, add reports, export, each page's run; and this phase's peak."""
    from analytics.pipeline import analyse, prepare_extraction
    from analytics.views.export import csv_bytes
    from analytics.views.tables import meetings_table

    table = Table("served")
    memory = PeakMemory()
    settings = _settings(work, workers)
    corpus, cache = work / "corpus", work / "cache"
    before = memory.cpu()
    analysis, opened = timed(lambda: analyse(settings))
    table.add("open the dashboard from the warm store", opened,
              f"a new server: store, model, themes, kept meetings; CPU {memory.cpu() - before:.1f} s")  # fmt: skip
    prepare_extraction(settings)  # as the dashboard does in the background once opened
    shutil.copytree(work / "new", corpus / "added")
    try:
        before = memory.cpu()
        later, added = timed(lambda: analyse(settings, previous=analysis))
        added_cpu = memory.cpu() - before
    finally:
        shutil.rmtree(corpus / "added")
    assert len(later.events) == len(analysis.events) + NEW_REPORTS, "the new reports"
    table.add(f"add {NEW_REPORTS} reports until they are on the dashboard", added,
              f"no refit; CPU {added_cpu:.1f} s, workers included")  # fmt: skip
    _, export = timed(lambda: csv_bytes(meetings_table(later.events, later.labels)))
    table.add("CSV export of the full meetings table", export, f"{len(later.events):,} rows")
    analysis = later = None  # released before the pages run
    env = {
        "MEETINGS_CORPUS_DIRS": str(corpus),
        "MEETINGS_CACHE_DIR": str(cache),
        "MEETINGS_UPLOAD_DIR": str(work / "uploads"),
        "MEETINGS_WORKERS": str(workers),
    }
    page_reruns(table, env)
    table.add("peak memory of the dashboard (MiB)", f"{memory.stop():.0f}",
              "this process: open, add, export, every page's runs")  # fmt: skip
    return table


def table_versus_files(
    n: int, workers: int, keep: Path | None, only: tuple[str, ...] = ("files", "table")
) -> Table:
    """The cold read of ``n`` reports as one table (in chunks, and whole up to
    :data:`WHOLE_UP_TO` rows) and as files (``only``: the table's reads or the files')."""
    from make_corpus import make_table

    table = Table(f"{n:,} reports: one CSV table of {n:,} rows vs {n:,} files")
    work = keep or Path(tempfile.mkdtemp(prefix=f"bench-table-{n}-"))
    folders = {"table": work / "table", "files": work / "files"}
    if not folders["table"].exists():
        make_table(n, work, seed=0)
    size = (folders["table"] / "reports.csv").stat().st_size / 2**20
    runs = [
        ("files", f"{n:,} separate .txt files", ""),
        ("table", f"one CSV table of {n:,} rows ({size:.0f} MB), in chunks of rows", ""),
        ("table", "the same table read whole, as one unit of work (before chunks)", "--whole"),
    ]
    for folder, what, option in runs:
        if folder not in only or (option == "--whole" and n > WHOLE_UP_TO):
            continue
        command = [sys.executable, __file__, "--load", str(folders[folder]), "--workers",
                   str(workers), *([option] if option else [])]  # fmt: skip
        fit = folder == "table" and not option  # the whole cold pipeline of the table
        before = os.getloadavg()[0]
        command += ["--fit"] if fit else []
        out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
        seconds, peak, reports, cpu, *more = json.loads(out.strip().splitlines()[-1])
        load = f"load average (1 min) {before:.1f} before, {os.getloadavg()[0]:.1f} after"
        table.add(f"{what}: read + extract, cold", seconds,
                  f"{reports / seconds:.0f} reports/s; CPU {cpu:.1f} s; {load}")  # fmt: skip
        if more:
            fitted, fit_cpu, classified, classify_cpu = more
            table.add(f"{what}: model fit", fitted, f"CPU {fit_cpu:.1f} s")
            table.add(f"{what}: classify every report", classified, f"CPU {classify_cpu:.1f} s")
            table.add(f"{what}: read + extract + fit + classify, cold", seconds + fitted + classified,
                      f"CPU {cpu + fit_cpu + classify_cpu:.1f} s")  # fmt: skip
        table.add(f"{what}: peak memory (MiB)", f"{peak:.0f}",
                  "this process and its workers" + (", fit and classify included" if more else ""))  # fmt: skip
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return table


def load_cold(folder: Path, workers: int, whole: bool, fit: bool = False) -> list:
    """Seconds, peak MiB, reports and CPU seconds (with the workers') of a cold read of
    ``folder`` (a new store); with ``fit``, then the seconds and CPU seconds of the
    model's fit and of classifying every report, the peak covering them too."""
    from analytics.classifying import classify_new
    from analytics.ingest import chunks
    from analytics.model.fit import fit_or_load
    from analytics.pipeline import load_corpus
    from analytics.settings import Settings

    if whole:
        chunks.SPLIT_BYTES = sys.maxsize
    biggest = max(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    settings = Settings().replace(corpus_dirs=(folder,), cache_dir=cache, workers=workers,
                                  max_file_mb=biggest + 1)  # fmt: skip
    memory = PeakMemory()
    try:
        loaded, seconds = timed(lambda: load_corpus([folder], settings))
        cpu, events, more = memory.cpu(), loaded.events, []
        if fit:
            (model, _), fitted = timed(lambda: fit_or_load(events["text"], events["doc_id"],
                                                           settings))  # fmt: skip
            fit_cpu = memory.cpu()
            _, classified = timed(lambda: classify_new(model, None, events, settings))
            more = [fitted, fit_cpu - cpu, classified, memory.cpu() - fit_cpu]
        return [seconds, memory.stop(), len(events), cpu, *more]
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, n in (("--1k", 1_000), ("--10k", 10_000), ("--100k", 100_000)):
        parser.add_argument(flag, dest="sizes", action="append_const", const=n)
    parser.add_argument("--table", type=int, action="append", metavar="N",
                        help="one CSV table of N rows vs N files (instead of the sizes)")  # fmt: skip
    parser.add_argument("--only", choices=("files", "table"), action="append",
                        help="with --table: only the files' read or only the table's")  # fmt: skip
    parser.add_argument("--workers", type=int, default=0, help="0: one per core")
    parser.add_argument("--keep", type=Path, help="keep corpora and store here (reused)")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # the second phase
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)  # one cold read
    parser.add_argument("--whole", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--fit", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        print(json.dumps(serve(args.serve, args.workers).rows))
        return
    if args.load:
        print(json.dumps(load_cold(args.load, args.workers, args.whole, args.fit)))
        return
    sizes = args.sizes or ([] if args.table else [1_000])
    cpus = os.cpu_count()
    print(f"machine: {platform.machine()}, {cpus} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")  # fmt: skip
    for n in args.table or []:
        keep = args.keep / f"table-{n}" if args.keep else None
        table_versus_files(n, args.workers, keep, tuple(args.only or ("files", "table"))).print()
    for n in sizes:
        keep = args.keep / str(n) if args.keep else None
        measure(n, args.workers, keep).print()


if __name__ == "__main__":
    main()
