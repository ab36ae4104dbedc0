"""Correcting a meeting in the dashboard, as an editor does it: the form, the marks, the
undo, and every page counting the corrected values (AppTest, on a small corpus)."""

from __future__ import annotations

import csv

import pytest
from streamlit.testing.v1 import AppTest

from analytics.corrections import Correction, append_corrections
from analytics.pipeline import analyse
from tests.conftest import SMALL_REPORTS
from tests.pages.test_pages import open_app


@pytest.fixture
def corpus(make_corpus, settings, monkeypatch):
    """The small corpus, analysed (its caches are the dashboard's), editing open to all."""
    settings = settings.replace(corpus_dirs=(make_corpus(),))
    for name, value in {
        "MEETINGS_CORPUS_DIRS": str(settings.corpus_dirs[0]),
        "MEETINGS_CACHE_DIR": str(settings.cache_dir),
        "MEETINGS_UPLOAD_DIR": str(settings.upload_dir),
        "MEETINGS_CORRECTIONS_FILE": str(settings.corrections_file),
        "MEETINGS_EDITING": "everyone",
    }.items():
        monkeypatch.setenv(name, value)
    analysis = analyse(settings)
    return settings, analysis.events.set_index("source")["doc_id"]


def _widget(widgets, label: str):
    (found,) = [w for w in widgets if w.label == label]
    return found


def _captions(at: AppTest) -> str:
    """The page's captions as read (the Markdown escapes of shown text taken out)."""
    return _read(c.value for c in at.caption)


def _read(texts) -> str:
    """Shown texts joined, as a reader reads them: without the escapes that keep them
    from being read as Markdown or links."""
    return "\n".join(texts).replace("\\", "").replace("\u2060", "")


def _table_with(at: AppTest, column: str, value: str):
    """The page's first table with ``value`` in its ``column``."""
    for frame in at.dataframe:
        table = frame.value
        if column in table and value in set(table[column]):
            return table
    raise AssertionError(f"no table with {value!r} in {column!r}")


def _meetings_row(at: AppTest, doc_source: str):
    table = at.dataframe[0].value
    return table.set_index("source").loc[doc_source]


def test_an_editor_corrects_a_meeting_and_every_page_counts_it(corpus):
    settings, ids = corpus
    nairobi = ids["corpus/nairobi.txt"]
    before = int(open_app("overview", theme="E-commerce").metric[0].value)
    at = open_app("meetings", meeting=nairobi)
    assert "Nairobi, Kenya" in _read(m.value for m in at.markdown)
    _widget(at.text_input, "City").input("Mombasa")
    themes = _widget(at.multiselect, "Themes")
    themes.set_value([*themes.value, "ecommerce"])
    _widget(at.text_input, "Why (optional)").input("the host's release says Mombasa")
    _widget(at.button, "Save corrections").click()
    at.run()
    assert not at.exception
    assert "Saved 2 corrections" in at.success[0].value
    assert "Mombasa, Kenya" in _read(m.value for m in at.markdown)
    captions = _captions(at)
    assert "City: Nairobi → Mombasa · everyone" in captions
    assert "added theme E-commerce · everyone" in captions
    assert "corrected by everyone on" in captions and "says Mombasa" in captions
    assert _meetings_row(at, "corpus/nairobi.txt")["corrected"] == "venue; themes"
    assert _meetings_row(at, "corpus/lome.md")["corrected"] == ""
    with open(settings.corrections_file, encoding="utf-8") as log:
        lines = list(csv.DictReader(log))
    assert [(r["field"], r["old"], r["new"], r["who"]) for r in lines] == [
        ("city", "Nairobi", "Mombasa", "everyone"),
        ("theme", "", "ecommerce", "everyone"),
    ]
    # Every page counts the corrected meeting: one more discussed e-commerce.
    assert int(open_app("overview", theme="E-commerce").metric[0].value) == before + 1
    # Undone, one at a time: the model's values are back, and the mark is gone.
    for _ in range(2):
        next(b for b in at.button if b.label == "Undo").click()
        at.run()
    assert not [b for b in at.button if b.label == "Undo"]
    assert _meetings_row(at, "corpus/nairobi.txt")["corrected"] == ""
    assert "Mombasa" not in _read(m.value for m in at.markdown)
    assert int(open_app("overview", theme="E-commerce").metric[0].value) == before


def test_a_viewer_sees_the_corrections_but_cannot_make_or_undo_them(corpus, monkeypatch):
    settings, ids = corpus
    lome = ids["corpus/lome.md"]
    append_corrections(settings.corrections_file,
                       [Correction(lome, "region", "West and Central Africa", "Europe", "test",
                                   "ana@example.org")])  # fmt: skip
    monkeypatch.setenv("MEETINGS_EDITING", "off")
    at = open_app("meetings", meeting=lome)
    assert "Region: West and Central Africa → Europe · ana@example.org" in _captions(at)
    assert not [b for b in at.button if b.label in ("Undo", "Save corrections")]
    assert not at.get("expander") or all("Correct" not in e.proto.label for e in at.expander)
    assert _meetings_row(at, "corpus/lome.md")["region"] == "Europe"


def test_the_data_page_counts_corrections_and_names_those_left_out(corpus):
    settings, ids = corpus
    append_corrections(settings.corrections_file, [
        Correction(ids["corpus/lome.md"], "region", "", "Europe"),
        Correction("0123456789abcdef", "region", "", "Europe"),  # its report is gone
    ])  # fmt: skip
    with open(settings.corrections_file, "a", encoding="utf-8") as log:
        log.write("zz,x,colour,red,blue,,,\n")
    at = open_app("data")
    assert "1 corrections in effect on 1 meetings" in _read(m.value for m in at.markdown)
    warnings = _read(w.value for w in at.warning)
    assert "1 corrections are of reports no longer in the corpus" in warnings
    assert "corrections.csv line 4: unknown field 'colour'" in warnings
    assert list(_table_with(at, "doc_id", "0123456789abcdef")["field"]) == ["region"]


def test_the_themes_page_measures_the_model_against_the_editors(corpus):
    settings, ids = corpus
    nairobi = ids["corpus/nairobi.txt"]
    append_corrections(settings.corrections_file, [
        Correction(nairobi, "theme", "", "ecommerce"),
        Correction(nairobi, "theme", "revenue", ""),
    ])  # fmt: skip
    at = open_app("themes")
    # The editors' table: no "split" (the model's figures on the labelled sets have one).
    (table,) = [f.value for f in at.dataframe if {"theme", "support"} <= set(f.value)
                and "split" not in f.value]  # fmt: skip
    table = table.set_index("theme")
    assert table.at["E-commerce", "support"] == 1 and table.at["E-commerce", "recall"] == 0.0
    assert table.at["Revenue", "assigned"] == 1 and table.at["Revenue", "precision"] == 0.0


def test_a_meeting_of_two_reports_is_corrected_and_undone_as_one(
    make_corpus, settings, monkeypatch
):
    copy = SMALL_REPORTS["nairobi.txt"].replace("Delegates from", "Heads of customs from")
    folder = make_corpus({**SMALL_REPORTS, "nairobi-host.txt": copy})
    settings = settings.replace(corpus_dirs=(folder,))
    for name, value in {
        "MEETINGS_CORPUS_DIRS": str(folder), "MEETINGS_CACHE_DIR": str(settings.cache_dir),
        "MEETINGS_UPLOAD_DIR": str(settings.upload_dir),
        "MEETINGS_CORRECTIONS_FILE": str(settings.corrections_file),
        "MEETINGS_EDITING": "everyone",
    }.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    analysis = analyse(settings)
    nairobi = analysis.events.set_index("source").loc["corpus/nairobi.txt"]
    at = open_app("meetings", meeting=nairobi["doc_id"])
    assert _meetings_row(at, "corpus/nairobi.txt")["reports"] == 2
    assert at.radio[0].label == "2 reports of this meeting"
    _widget(at.text_input, "City").input("Mombasa")
    _widget(at.button, "Save corrections").click()
    at.run()
    assert "City: Nairobi → Mombasa · everyone" in _captions(at)
    assert "on 2 reports" in _captions(at)
    with open(settings.corrections_file, encoding="utf-8") as log:
        assert len(list(csv.DictReader(log))) == 2  # one line per report of the meeting
    next(b for b in at.button if b.label == "Undo").click()
    at.run()
    assert not [b for b in at.button if b.label == "Undo"]
    assert "Nairobi, Kenya" in _read(m.value for m in at.markdown)
