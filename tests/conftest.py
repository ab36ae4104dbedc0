"""Shared fixtures: small corpora written into a temporary folder by the tests themselves,
settings pointing at temporary folders, and the bundled corpus analysed once a session."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from analytics.analysis import Analysis
from analytics.pipeline import analyse
from analytics.quality import measure_quality
from analytics.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
DEMO = ROOT / "data" / "demo"

REPORT = """{title}

{published}

{body}
"""


def report_text(title: str, published: str, body: str) -> str:
    """A report in the seeds' layout: title line, date line, paragraphs."""
    return REPORT.format(title=title, published=published, body=body)


SMALL_REPORTS = {
    "nairobi.txt": report_text(
        "ESA Customs heads meet in Nairobi",
        "10 March 2015",
        "The Regional Conference of Directors General of the East and Southern Africa region "
        "was held in Nairobi, Kenya, from 3 to 5 March 2015. Delegates from Uganda and "
        "Rwanda discussed the WTO Trade Facilitation Agreement and revenue collection.",
    ),
    "lome.md": "# WCA leaders in Lomé\n\n*12 juin 2014*\n\nThe Directors General of the West "
    "and Central Africa region met in Lomé, Togo, on 10 and 11 June 2014 to discuss "
    "capacity building and the fight against smuggling.\n",
    "council.txt": report_text(
        "WCO Council Sessions 2019",
        "29 June 2019",
        "The Council Sessions took place at WCO headquarters in Brussels, Belgium, on "
        "27-29 June 2019, with delegates from all regions.",
    ),
    "virtual.txt": report_text(
        "MENA regional meeting held by video conference",
        "2021-04-06",
        "The Directors General of the MENA region held a virtual meeting on 4 April 2021 "
        "to discuss the pandemic and e-commerce.",
    ),
}


def readme_table(marker: str) -> dict[str, tuple[str, ...]]:
    """The README's table between ``<!-- marker -->`` comments: the first column (without
    its backticks) -> the other cells."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split(f"<!-- {marker} -->")[1].split(f"<!-- /{marker} -->")[0]
    rows = {}
    for line in table.strip().splitlines()[2:]:
        name, *rest = (cell.strip() for cell in line.strip().strip("|").split(" | "))
        rows[name.strip("`")] = tuple(rest)
    return rows


@pytest.fixture
def make_corpus(tmp_path: Path):
    """Factory: write ``{name: text or bytes}`` into a fresh folder and return it."""

    def make(files: dict[str, str | bytes] | None = None, seeds: bool = False) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in (SMALL_REPORTS if files is None else files).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if seeds:
            for seed in SEEDS.iterdir():
                shutil.copy(seed, folder / seed.name)
        return folder

    return make


@pytest.fixture(autouse=True)
def _corrections_apart(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """A dashboard run by a test reads corrections from an empty log of the test session,
    never the checkout's (one log for all, so that the dashboard's analysis is shared:
    a test that corrects sets a log of its own)."""
    log = tmp_path_factory.getbasetemp() / "no-corrections.csv"
    monkeypatch.setenv("MEETINGS_CORRECTIONS_FILE", str(log))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The default settings with the cache, the uploads and the corrections in a
    temporary folder."""
    return Settings().replace(
        cache_dir=tmp_path / "cache", upload_dir=tmp_path / "uploads",
        corrections_file=tmp_path / "corrections.csv",
    )  # fmt: skip


@dataclass(frozen=True)
class Bundled:
    """The bundled corpus as the dashboard sees it: its settings and its analysis."""

    settings: Settings
    analysis: Analysis

    @property
    def environment(self) -> dict[str, str]:
        """The ``MEETINGS_*`` variables that give a dashboard these settings."""
        s = self.settings
        return {
            "MEETINGS_CORPUS_DIRS": ":".join(str(p) for p in s.corpus_dirs),
            "MEETINGS_CACHE_DIR": str(s.cache_dir),
            "MEETINGS_UPLOAD_DIR": str(s.upload_dir),
        }


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Bundled:
    """The seeds and the demo corpus, read, fitted and measured once per test session.

    The caches live in a temporary folder that the dashboard tests point their app at,
    so the app loads this fitted model and its quality figures instead of refitting.
    """
    folder = tmp_path_factory.mktemp("bundled")
    settings = Settings().replace(
        corpus_dirs=(SEEDS, DEMO), cache_dir=folder / "cache", upload_dir=folder / "uploads",
        corrections_file=folder / "corrections.csv",
    )  # fmt: skip
    analysis = analyse(settings)
    measure_quality(analysis, settings)
    return Bundled(settings, analysis)
