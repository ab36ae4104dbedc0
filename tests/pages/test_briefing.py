"""The Briefing page, headless with AppTest, on a small corpus with a known rise and fall.

Asia/Pacific: e-commerce in 1 of 4 meetings in 2021–2022 and 3 of 4 in 2023–2024. Europe:
revenue in 3 of 4, then 1 of 4. Every report also discusses trade facilitation, so that
nothing else changes.
"""

from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from streamlit.testing.v1 import AppTest

from analytics.pipeline import analyse
from analytics.settings import Settings
from analytics.views.briefing_docs import cell_text
from analytics.views.markdown import as_text
from tests.conftest import ROOT, report_text

APP = str(ROOT / "app.py")
MONTHS = ["March", "June", "September", "November"]
ASIA = [("Tokyo", "Japan"), ("Bangkok", "Thailand"), ("Seoul", "South Korea"), ("Singapore", "Singapore")]  # fmt: skip
EUROPE = [("Vienna", "Austria"), ("Warsaw", "Poland"), ("Riga", "Latvia"), ("Lisbon", "Portugal")]
# (year, index of the venue and month) -> whether the meeting discussed the region's theme
ECOMMERCE = {2021: [True, False], 2022: [False, False], 2023: [True, True], 2024: [True, False]}
REVENUE = {2021: [True, True], 2022: [True, False], 2023: [True, False], 2024: [False, False]}
RISE = ("In Asia/Pacific, e-commerce came up in 3 of 4 meetings in 2023–2024 (75 %), up from "
        "1 of 4 (25 %) in 2021–2022.")  # fmt: skip
FALL = ("In Europe, revenue came up in 1 of 4 meetings in 2023–2024 (25 %), down from 3 of 4 "
        "(75 %) in 2021–2022.")  # fmt: skip


def _report(region: str, city: str, country: str, day: str, extra: str) -> str:
    body = (
        f"The Regional Conference of Directors General of the {region} region was held in "
        f"{city}, {country}, on {day}. Delegates discussed the implementation of the WTO Trade "
        f"Facilitation Agreement and faster release of goods at the border. {extra}"
    )
    return report_text(f"{region} Customs heads meet in {city} ({day})", day, body)


def _corpus() -> dict[str, str]:
    files = {}
    for first_day, region, venues, plan, extra in (
        (3, "Asia/Pacific", ASIA, ECOMMERCE,
         "They also discussed cross-border e-commerce, online marketplaces and small parcels."),
        (20, "Europe", EUROPE, REVENUE,
         "They also discussed revenue collection, customs duties and tax revenue."),
    ):  # fmt: skip
        for year, flags in plan.items():
            for i, flag in enumerate(flags):  # meetings weeks apart: never one meeting
                city, country = venues[(year + i) % 4]
                day = f"{first_day + 2 * i} {MONTHS[(year + 2 * i) % 4]} {year}"
                files[f"{region[:4].lower()}-{year}-{i}.txt"] = _report(
                    region, city, country, day, extra if flag else ""
                )
    return files


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The dashboard on the small corpus, fitted once for the module."""
    root = tmp_path_factory.mktemp("briefing")
    folder = root / "reports"
    folder.mkdir()
    for name, text in _corpus().items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings().replace(corpus_dirs=(folder,), cache_dir=root / "cache",
                                  upload_dir=root / "uploads")  # fmt: skip
    analysis = analyse(settings)
    patch = pytest.MonkeyPatch()
    patch.setenv("MEETINGS_CORPUS_DIRS", str(folder))
    patch.setenv("MEETINGS_CACHE_DIR", str(settings.cache_dir))
    patch.setenv("MEETINGS_UPLOAD_DIR", str(settings.upload_dir))
    yield analysis
    patch.undo()


def _open(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/briefing.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


SCOPE, QUOTES = "scope: ", "quotes: "  # the page's keys of a scope's expander and quotes


def _open_every_scope(at: AppTest) -> AppTest:
    """Every scope's expander and quotes opened, as a reader does (made when opened)."""
    for opened in (SCOPE, QUOTES):
        for key in [k for k in at.session_state if k.startswith(opened)]:
            at.session_state[key] = True
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _bullets(at: AppTest) -> list[str]:
    return [line[2:] for m in at.markdown for line in m.value.split("\n") if line.startswith("- ")]


def test_the_corpus_has_the_rise_and_fall_it_was_written_with(small):
    meetings = small.meetings
    assert len(meetings) == 16
    for region, theme, plan in (("Asia/Pacific", "ecommerce", ECOMMERCE),
                                ("Europe", "revenue", REVENUE)):  # fmt: skip
        mine = meetings[meetings["region"] == region]
        said = {
            (int(y), bool(theme in t)) for y, t in zip(mine["year"], mine["themes"], strict=True)
        }
        planned = {(year, flag) for year, flags in plan.items() for flag in flags}
        assert said == planned


def test_the_summary_says_the_rise_and_the_fall(small):
    at = _open()
    assert at.title[0].value == "Briefing"
    assert any("Comparing 2023–2024" in c.value and "2021–2022" in c.value for c in at.caption)
    summary = at.markdown[0].value.split("\n")
    assert f"- {as_text(RISE)}" in summary and f"- {as_text(FALL)}" in summary
    # beside its table too, in its region's scope once opened
    assert _bullets(_open_every_scope(at)).count(as_text(RISE)) == 2


def test_the_word_document_holds_the_pages_tables(small, downloads):
    at = _open()
    closed = len(at.dataframe)
    _open_every_scope(at)
    assert len(at.dataframe) > closed  # the other scopes' tables, once opened
    files = downloads(at)
    (name,) = [n for n in files if n.endswith(".docx")]
    document = docx.Document(io.BytesIO(files[name]))
    frames = [frame.value for frame in at.dataframe]
    assert frames and len(document.tables) == len(frames)
    for table, frame in zip(document.tables, frames, strict=True):
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        assert cells[0] == list(frame.columns)
        assert cells[1:] == [[cell_text(v) for v in row] for row in frame.itertuples(index=False)]
    text = "\n".join(p.text for p in document.paragraphs)
    assert RISE in text and FALL in text
    assert small.corpus_fingerprint in text and small.fingerprint in text
    (markdown,) = [data.decode() for n, data in files.items() if n.endswith(".md")]
    assert as_text(RISE) in markdown and small.corpus_fingerprint in markdown


def test_the_meetings_behind_the_rise_are_quoted(small):
    at = _open(region="Asia/Pacific")
    frames = {tuple(frame.value.columns): frame.value for frame in at.dataframe}
    (carriers,) = [f for cols, f in frames.items() if "Evidence" in cols]
    rising = carriers[carriers["Theme"] == "E-commerce"]
    assert list(rising["Date"].str[:4]) == ["2024", "2023", "2023"]  # the latest first
    assert rising["Evidence"].str.contains("e-commerce").all()


def test_one_year_has_nothing_to_compare_but_its_themes(small):
    at = _open(years=["2024", "2024"])
    assert any("nothing before it to compare" in i.value for i in at.info)
    assert any("most discussed" in b for b in _bullets(at))
    assert not any("up from" in b or "down from" in b for b in _bullets(at))


def test_a_chosen_period_is_compared_with_as_long_a_span_before(small):
    at = _open()
    at.select_slider(key="period").set_value((2024, 2024)).run()
    assert any("Comparing 2024" in c.value and "with 2023" in c.value for c in at.caption)


def test_a_link_gives_the_period_and_the_documents_a_link_back_to_it(small, downloads):
    at = _open(period=["2024", "2024"], region="Europe")
    assert at.select_slider(key="period").value == (2024, 2024)
    assert any("Comparing 2024" in c.value and "with 2023" in c.value for c in at.caption)
    files = downloads(at)
    (word,) = [data for n, data in files.items() if n.endswith(".docx")]
    lines = [p.text for p in docx.Document(io.BytesIO(word)).paragraphs]
    (link,) = [line for line in lines if line.startswith("Permalink: ")]
    assert link.endswith("?region=Europe&period=2024&period=2024")  # AppTest has no address
    (snapshot,) = [data for n, data in files.items() if n.endswith(".zip")]
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(snapshot)).read("manifest.json"))
    assert manifest["permalink"].endswith("?region=Europe&period=2024&period=2024")


def test_a_theme_filter_compares_that_theme_over_every_meeting(small):
    at = _open(theme="E-commerce")
    summary = at.markdown[0].value.split("\n")
    assert f"- {as_text(RISE)}" in summary  # 3 of 4, not 3 of 3: shares of every meeting
    themes = {t for frame in at.dataframe if "Theme" in frame.value for t in frame.value["Theme"]}
    assert themes == {"E-commerce"}
