"""A process killed half-way (SIGKILL: no clean-up runs) loses no uploaded report: the
ingest resumes from the batches it stored, a torn upload never takes a report's name."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd

from analytics import pipeline
from analytics.ingest.uploads import save_upload
from analytics.pipeline import load_corpus
from tests.conftest import ROOT, SMALL_REPORTS

LIMIT_MB = 50.0
DEADLINE = 300  # seconds: only a guard against a hang; the loops wait on the files


def _start(script: str, *args: str, stdin: bytes | None = None) -> subprocess.Popen:
    """Run a small script of ours in a process of its own, from the project's root."""
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    process.stdin.write(stdin or b"")
    process.stdin.close()
    return process


def _kill_once(process: subprocess.Popen, ready) -> None:
    """SIGKILL the process as soon as ``ready()`` (it must not have ended before)."""
    deadline = time.monotonic() + DEADLINE
    while not ready():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the process never got there"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL


_INGEST = """
    import sys, threading
    from analytics import pipeline
    from analytics.settings import Settings

    pipeline.BATCH_FILES = 3
    extract, calls = pipeline.extract_batch, []

    def second_batch_never_ends(batch, *inputs):
        calls.append(batch)
        if len(calls) == 2:
            threading.Event().wait()  # killed here, in the middle of the load
        return extract(batch, *inputs)

    pipeline.extract_batch = second_batch_never_ends
    settings = Settings().replace(cache_dir=sys.argv[2], workers=1)
    pipeline.load_corpus([sys.argv[1]], settings)
"""


def test_an_ingest_killed_half_way_loses_no_uploaded_file_and_resumes(
    tmp_path, settings, monkeypatch
):
    uploads = tmp_path / "uploads"
    for i in range(12):
        report = SMALL_REPORTS["nairobi.txt"].replace("3 to 5 March", f"{i + 1} to {i + 2} May")
        save_upload(f"meeting-{i:02d}.txt", report.encode(), uploads, LIMIT_MB)
    uploaded = {path.name: path.read_bytes() for path in uploads.iterdir()}
    parts = settings.cache_dir / "events"

    _kill_once(_start(_INGEST, str(uploads), str(settings.cache_dir)),
               lambda: any(parts.glob("part-*.parquet")))  # fmt: skip
    (part,) = parts.glob("part-*.parquet")  # the first batch, and nothing of the second
    kept = set(pd.read_parquet(part)["source"])
    assert len(kept) == 3

    extracted = []
    original = pipeline.extract_batch
    monkeypatch.setattr(pipeline, "extract_batch",
                        lambda b, *i: extracted.extend(n for _, n, _ in b) or original(b, *i))  # fmt: skip
    events = load_corpus([uploads], settings.replace(workers=1)).events
    assert sorted(events["source"]) == sorted(f"uploads/{name}" for name in uploaded)
    assert set(extracted) == {f"uploads/{n}" for n in uploaded} - kept  # the kept batch: not again
    assert {path.name: path.read_bytes() for path in uploads.iterdir()} == uploaded


_UPLOAD = """
    import pathlib, sys, threading
    from analytics.ingest.uploads import save_upload

    def half_then_never(self, data):
        with open(self, "wb") as file:
            file.write(data[: len(data) // 2])
            file.flush()
        threading.Event().wait()  # killed here, half-way through the write

    pathlib.Path.write_bytes = half_then_never
    save_upload("minutes.txt", sys.stdin.buffer.read(), sys.argv[1], 50.0)
"""


def test_an_upload_killed_half_way_through_its_write_leaves_no_torn_report(tmp_path, settings):
    uploads, report = tmp_path / "uploads", SMALL_REPORTS["council.txt"].encode() * 50
    process = _start(_UPLOAD, str(uploads), stdin=report)

    def half_written() -> bool:
        return any(p.stat().st_size >= len(report) // 2 for p in uploads.glob(".*.part"))

    _kill_once(process, half_written)
    assert not [p for p in uploads.iterdir() if not p.name.startswith(".")]  # no torn report
    assert load_corpus([uploads], settings).events.empty  # the half-written file is not read
    saved = save_upload("minutes.txt", report, uploads, LIMIT_MB)  # the editor tries again
    assert saved == uploads / "minutes.txt" and saved.read_bytes() == report
    assert len(load_corpus([uploads], settings).events) == 1
