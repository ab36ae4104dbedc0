"""Uploads on the Data page, many at once: every file saved whole and read, the refused
ones named."""

from __future__ import annotations

import threading

from streamlit.testing.v1 import AppTest

from analytics import pipeline
from analytics.pipeline import load_corpus
from analytics.settings import Settings
from tests.conftest import ROOT, report_text

APP = str(ROOT / "app.py")
MANY = 1_000
DEADLINE = 300  # seconds: only a guard against a hang; the test waits on the app's state


def _small_report(i: int) -> bytes:
    text = report_text(
        f"Customs meeting {i} in Lima",
        "4 May 2021",
        f"Delegates of meeting number {i} met in Lima, Peru, on 3 May 2021 to discuss the "
        "Trade Facilitation Agreement and the fight against smuggling.",
    )
    return text.encode()


def _data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=600).run()
    return at.switch_page("pages/data.py").run()


def _in_use(at: AppTest) -> int:
    return int(next(m for m in at.metric if m.label == "Reports in use").value)


def _editable_corpus(make_corpus, tmp_path, monkeypatch, **more: str):
    """The dashboard, editable by everyone, on a small corpus and an uploads folder."""
    folder, uploads = make_corpus(), tmp_path / "uploads"
    environment = {
        "MEETINGS_CORPUS_DIRS": f"{folder}:{uploads}",
        "MEETINGS_UPLOAD_DIR": str(uploads),
        "MEETINGS_CACHE_DIR": str(tmp_path / "cache"),
        "MEETINGS_EDITING": "everyone",
        **more,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return uploads


def _add(at: AppTest, *files: tuple[str, bytes, str]) -> AppTest:
    at.file_uploader(key="uploads").set_value(list(files))
    at.run()
    next(b for b in at.button if b.label == "Add to the corpus").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_thousand_files_in_one_upload_are_all_saved_and_read(make_corpus, tmp_path, monkeypatch):
    uploads = _editable_corpus(make_corpus, tmp_path, monkeypatch, MEETINGS_MAX_FILE_MB="0.01")
    at = _data_page()
    before = _in_use(at)
    files = {f"report-{i:04d}.txt": _small_report(i) for i in range(MANY)}
    big = ("too-big-minutes.txt", b"Minutes of a long meeting. " * 800, "text/plain")
    _add(at, *((name, data, "text/plain") for name, data in files.items()), big)
    (refused,) = [e.value.replace("\\", "") for e in at.error]  # shown as text: escaped
    assert refused == "too-big-minutes.txt: larger than the 0.01 MB limit"
    (saved,) = [s.value.replace("\\", "") for s in at.success if "Saved" in s.value]
    assert saved.startswith(f"Saved {MANY} file(s): report-0000.txt, report-0001.txt")
    assert saved.endswith(" and 990 more")  # named up to ten, the others counted
    assert {p.name: p.read_bytes() for p in uploads.iterdir()} == files  # whole, none lost
    # AppTest runs a page again without app.py: a new session sees the corpus as it is.
    assert _in_use(_data_page()) == before + MANY
    settings = Settings.from_env()
    again = load_corpus([uploads], settings)  # the next load (a restart) has every one
    assert len(again.events) == MANY and not again.skipped


def test_an_upload_saved_while_a_refit_runs_is_in_the_next_load(make_corpus, tmp_path, monkeypatch):
    from pages.shared import state

    _editable_corpus(make_corpus, tmp_path, monkeypatch)
    at = _data_page()
    before = _in_use(at)
    fitting, release, fit = threading.Event(), threading.Event(), pipeline.fit_or_load

    def slow_fit(*args, **kwargs):  # the refit has read the corpus; its fit waits
        fitting.set()
        assert release.wait(DEADLINE)
        return fit(*args, **kwargs)

    monkeypatch.setattr(pipeline, "fit_or_load", slow_fit)
    next(b for b in at.button if b.label.startswith("Refit")).click().run()
    assert fitting.wait(DEADLINE)
    added = _add(_data_page(), ("kigali.txt", _small_report(1), "text/plain"))  # meanwhile
    assert any("Saved 1 file" in s.value for s in added.success)
    release.set()
    refitted = state._store()["refits"].get(("refit", state.settings())).result(DEADLINE)
    assert "uploads/kigali.txt" not in set(refitted.events["source"])  # read before the upload
    assert _in_use(_data_page()) == before + 1  # and yet the upload is in use: not lost


def test_an_upload_saved_but_unreadable_is_named_with_the_reason(
    make_corpus, tmp_path, monkeypatch
):
    from fpdf import FPDF

    _editable_corpus(make_corpus, tmp_path, monkeypatch)
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, as a scanned page is an image: no text
    at = _add(_data_page(), ("scan.pdf", bytes(pdf.output()), "application/pdf"),
              ("kigali.txt", _small_report(1), "text/plain"))  # fmt: skip
    (refused,) = [e.value.replace("\\", "") for e in at.error]
    assert (
        refused == "scan.pdf: saved, but it cannot be read: PDF has no text layer (scanned image?)"
    )
    assert any(
        "Saved 2 file(s): scan.pdf, kigali.txt" in s.value.replace("\\", "") for s in at.success
    )
