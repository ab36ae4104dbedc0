"""Every export of every page, opened: no cell a spreadsheet would run as a formula.

The corpus is hostile on purpose (our own text): titles and sentences starting with
``=``, ``+``, ``-`` and ``@``, and corpus folders whose names start with each formula
character, tab and carriage return included, so that the reports' sources, the skipped
files and the facts table start with them too. Each page is run with AppTest, every
download button's file is generated as a click would, and every CSV (the snapshot's
too) is read cell by cell.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from streamlit.testing.v1 import AppTest

from analytics.pipeline import analyse
from analytics.quality import measure_quality
from analytics.settings import Settings
from tests.conftest import ROOT, report_text

APP = str(ROOT / "app.py")
FORMULA = ("=", "+", "-", "@", "\t", "\r")
PLACES = [
    ("Nairobi", "Kenya"),
    ("Lima", "Peru"),
    ("Brussels", "Belgium"),
    ("Accra", "Ghana"),
    ("Bangkok", "Thailand"),
    ("Havana", "Cuba"),
]


def _hostile_report(char: str, city: str, country: str, year: int) -> str:
    title = f"{char}SUM(1+1) Customs heads meet in {city}".strip()  # a title is stripped
    body = (
        f'{char}HYPERLINK("https://evil.example/?q=1") The Regional Conference of Directors '
        f"General was held in {city}, {country}, from 3 to 5 March {year}. Delegates discussed "
        "the WTO Trade Facilitation Agreement, revenue collection and the fight against "
        "smuggling of drugs and weapons across borders.\n\n"
        f"{char}cmd|' /C calc'!A0 Director General Jane Okafor of the {char}World Customs "
        f"Organization opened the meeting on e-commerce and risk management in {city}."
    )
    if year >= 2018:  # a theme new in the later half: the briefing quotes its meetings
        body += (f"\n\n{char}Gender equality, women in customs leadership and human resources "
                 "development were discussed for the first time.")  # fmt: skip
    return report_text(title, f"10 March {year}", body)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The dashboard on the hostile corpus, fitted and measured once for the module."""
    root = tmp_path_factory.mktemp("hostile")
    folders = []
    for i, (char, (city, country)) in enumerate(zip(FORMULA, PLACES, strict=True)):
        folder = root / f"{char}reports"
        folder.mkdir()
        folders.append(folder)
        (folder / f"{char}report.txt").write_text(_hostile_report(char, city, country, 2015 + i))
        (folder / f"{char}damaged.pdf").write_bytes(f"not a PDF {i}".encode())
    (folders[0] / "SOURCES.csv").write_text(
        "file,event_id,start_date,city,country,region,meeting,themes,source_url\n"
        + "".join(
            f'"{char}report.txt","{char}E{i}",2015-03-03,"{char}{city}","{char}{country}","{char}Europe",'
            f'"{char}HYPERLINK(""https://evil.example"")",trade_facilitation,'
            f'"{char}https://example.org/{i}"\n'
            for i, (char, (city, country)) in enumerate(zip(FORMULA, PLACES, strict=True))
        ),
        encoding="utf-8",
    )
    settings = Settings().replace(
        corpus_dirs=tuple(folders), cache_dir=root / "cache", upload_dir=root / "uploads"
    )
    measure_quality(analyse(settings), settings)  # the themes page shows its tables at once
    patch = pytest.MonkeyPatch()
    patch.setenv("MEETINGS_CORPUS_DIRS", ":".join(str(f) for f in folders))
    patch.setenv("MEETINGS_CACHE_DIR", str(settings.cache_dir))
    patch.setenv("MEETINGS_UPLOAD_DIR", str(settings.upload_dir))
    yield settings
    patch.undo()


def _csv_files(name: str, data: bytes) -> dict[str, str]:
    """The CSV texts of a download: itself, or every CSV of a snapshot (none of a
    document: a Word or Markdown briefing)."""
    if name.endswith(".csv"):
        return {name: data.decode("utf-8-sig")}
    if not name.endswith(".zip"):
        return {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            f"{name}/{inner}": archive.read(inner).decode("utf-8-sig")
            for inner in archive.namelist()
            if inner.endswith(".csv")
        }


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _runs(page: str):
    """Every state of a page that changes what it exports: the themes page for each theme,
    the regions page shaded by a theme's share."""
    at = AppTest.from_file(APP, default_timeout=180).run()
    if page != "overview":
        at.switch_page(f"pages/{page}.py").run()
    yield at
    if page == "themes":
        for theme in at.session_state["_view"].theme_ids:
            yield at.selectbox(key="theme_page").set_value(theme).run()
    if page == "regions":
        yield at.radio(key="shade").set_value("Share discussing a theme").run()


@pytest.mark.parametrize(
    "page", ["overview", "regions", "trends", "briefing", "themes", "meetings", "data"]
)
def test_every_export_of_every_page_is_safe_in_a_spreadsheet(hostile, downloads, page):
    neutralised, cells = set(), 0
    for at in _runs(page):
        assert not at.exception, [e.value for e in at.exception]
        files = downloads(at)
        assert any(name.endswith(".zip") for name in files) and len(files) > 1
        for name, data in files.items():
            for where, text in _csv_files(name, data).items():
                for row in csv.reader(io.StringIO(text, newline="")):
                    for cell in row:
                        cells += 1
                        assert not cell.startswith(FORMULA) or _is_number(cell), (where, cell)
                        if cell.startswith("'") and cell[1:2] in FORMULA:
                            neutralised.add(cell[1])
    assert cells
    # The hostile text did reach the exports (else this test would prove nothing).
    expected = {"themes": {"=", "+", "-", "@"}, "regions": set(), "trends": set(),
                "briefing": {"@", "\t", "\r"}}  # the later half's meetings  # fmt: skip
    expected = expected.get(page, set(FORMULA))
    assert expected <= neutralised, f"never exported: {sorted(set(expected) - neutralised)}"
