"""Every setting of the product, in one table.

Each setting has a name, a default and a help text. A value can be overridden with an
environment variable ``MEETINGS_<NAME>`` (upper case), so the dashboard, the command line
and the tests share one source of truth. The README lists every entry; a test checks that
the two agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@dataclass(frozen=True)
class Setting:
    """One configurable value: its name, default and a sentence of help."""

    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "corpus_dirs",
        (str(DATA / "seeds"), str(DATA / "demo"), str(DATA / "uploads")),
        "Folders (or files) read as the corpus; separate several with ':' in the variable.",
    ),
    Setting(
        "upload_dir",
        str(DATA / "uploads"),
        "Folder where reports uploaded in the dashboard are saved (part of the corpus).",
    ),
    Setting(
        "cache_dir",
        str(ROOT / ".cache"),
        "Folder for the parquet cache of extracted reports and the fitted theme model.",
    ),
    Setting("max_file_mb", 50.0, "Files larger than this many megabytes are skipped."),
    Setting(
        "ignored_files",
        ("SOURCES.csv", "README.md", "README.txt"),
        "File names inside a corpus that are not reports (e.g. the demo's sources list).",
    ),
    Setting("regions_file", str(DATA / "regions.csv"), "Table of countries and their region."),
    Setting(
        "region_aliases_file",
        str(DATA / "region_aliases.csv"),
        "Other names of each region (MENA, ESA, A/P ...), matched in titles and text.",
    ),
    Setting("themes_file", str(DATA / "themes.toml"), "Taxonomy of named themes (editable)."),
    Setting("n_emerging", 4, "Free NMF components that look for themes the taxonomy lacks."),
    Setting("theme_threshold", 0.275, "Minimum theme score (0-1) for a theme to be assigned."),
    Setting(
        "theme_evidence_weight",
        0.75,
        "Share of seed-term evidence (vs NMF weight) in a named theme's score, 0-1.",
    ),
    Setting("random_state", 0, "Seed of the theme model, for reproducible fits."),
    Setting(
        "few_meetings",
        3,
        "Chart cells based on fewer meetings than this are marked as based on few meetings.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(raw: str, default: object) -> object:
    if isinstance(default, tuple):
        return tuple(part for part in raw.split(os.pathsep) if part)
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def get(name: str) -> object:
    """Return the value of setting ``name``: the environment override or the default.

    Raises:
        KeyError: if no setting has that name.
    """
    setting = _BY_NAME[name]
    raw = os.environ.get(f"MEETINGS_{name.upper()}")
    return setting.default if raw is None else _coerce(raw, setting.default)
