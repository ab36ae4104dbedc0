"""Every setting of the product, typed, in one place.

:class:`Settings` is loaded once (``Settings.from_env()``) and passed down: to the loader,
the model and the pages. Each field has a default and a sentence of help; any can be
overridden with an environment variable ``MEETINGS_<NAME>`` (upper case). The README lists
every field; a test checks that the two agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import get_type_hints

from analytics.errors import SettingsError

__all__ = ["DATA", "ROOT", "Settings"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PREFIX = "MEETINGS_"


def _setting(default: object, help_: str) -> object:
    return field(default=default, metadata={"help": help_})


@dataclass(frozen=True)
class Settings:
    """The product's settings; build with :meth:`from_env`, change with :meth:`replace`."""

    corpus_dirs: tuple[Path, ...] = _setting(
        (DATA / "seeds", DATA / "demo", DATA / "uploads"),
        "Folders (or files) read as the corpus; separate several with ':' in the variable.",
    )
    upload_dir: Path = _setting(
        DATA / "uploads",
        "Folder where reports uploaded in the dashboard are saved (part of the corpus).",
    )
    cache_dir: Path = _setting(
        ROOT / ".cache",
        "Folder for the parquet cache of extracted reports and the fitted theme model.",
    )
    corrections_file: Path = _setting(
        DATA / "corrections.csv",
        "The editors' corrections log (CSV, appended to); a file of its name inside a "
        "corpus folder is not read as a report.",
    )
    max_file_mb: float = _setting(50.0, "Files larger than this many megabytes are skipped.")
    ignored_files: tuple[str, ...] = _setting(
        ("SOURCES.csv", "README.md", "README.txt"),
        "File names inside a corpus that are not reports (e.g. the demo's sources list).",
    )
    regions_file: Path = _setting(DATA / "regions.csv", "Table of countries and their region.")
    region_aliases_file: Path = _setting(
        DATA / "region_aliases.csv",
        "Other names of each region (MENA, ESA, A/P ...) and of its people (Southern African).",
    )
    country_aliases_file: Path = _setting(
        DATA / "country_aliases.csv",
        "Other names of countries (USA, UK, South Korea ...) that pycountry lacks.",
    )
    place_aliases_file: Path = _setting(
        DATA / "place_aliases.csv",
        "Other names of cities (Ginebra, Samui, the Belgian capital ...) that geonames lacks.",
    )
    themes_file: Path = _setting(DATA / "themes.toml", "Taxonomy of named themes (editable).")
    n_emerging: int = _setting(4, "Free NMF components that look for themes the taxonomy lacks.")
    theme_threshold: float = _setting(
        0.225, "Minimum theme score (0-1) for a theme to be assigned."
    )
    theme_evidence_weight: float = _setting(
        0.8, "Share of seed-term evidence (vs NMF weight) in a named theme's score, 0-1."
    )
    random_state: int = _setting(0, "Seed of the theme model, for reproducible fits.")
    fit_sample: int = _setting(
        3000,
        "Most reports the theme model is fitted on: a larger corpus is fitted on a fixed "
        "random sample of this many, and every report classified with it (0: fit on all).",
    )
    engine: str = _setting(
        "local", "Who extracts reports: 'local' (processes on this machine) or 'dask'."
    )
    workers: int = _setting(0, "Worker processes for extraction (0: one per core).")
    editing: str = _setting(
        "off",
        "Who may upload reports, refit the model and look for changed files: 'off' (nobody: "
        "the dashboard is read-only), 'everyone', or 'editors' (logged in, e-mail listed).",
    )
    editors: tuple[str, ...] = _setting(
        (), "E-mail addresses of the editors when `editing` is 'editors' (separate with ':')."
    )
    few_meetings: int = _setting(
        3, "Chart cells based on fewer meetings than this are marked as based on few meetings."
    )
    labelled_dirs: tuple[Path, ...] = _setting(
        tuple(DATA / "eval" / name for name in ("others", "dev_real", "others2", "real_style")),
        "Labelled sets (folders with a SOURCES.csv of facts) the model is also measured on, "
        "theme by theme, for the Themes page; none: an empty variable.",
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The defaults, overridden by ``MEETINGS_<NAME>`` variables of ``environ``.

        Raises:
            SettingsError: a variable whose value is not of its setting's kind.
        """
        environ = os.environ if environ is None else environ
        types = get_type_hints(cls)
        values = {}
        for item in fields(cls):
            raw = environ.get(PREFIX + item.name.upper())
            if raw is not None:
                values[item.name] = _coerce(raw, types[item.name], PREFIX + item.name.upper())
        return cls(**values)

    def replace(self, **changes: object) -> Settings:
        """A copy with some settings changed (paths may be given as strings)."""
        types = get_type_hints(type(self))
        return replace(self, **{k: _typed(v, types[k]) for k, v in changes.items()})

    @property
    def place_tables(self) -> tuple[Path, Path, Path, Path]:
        """The tables extraction reads: regions, region, country and place aliases."""
        return (
            self.regions_file,
            self.region_aliases_file,
            self.country_aliases_file,
            self.place_aliases_file,
        )

    @property
    def ignored_names(self) -> tuple[str, ...]:
        """The file names inside a corpus that are not reports: ``ignored_files`` and
        the corrections log's."""
        return (*self.ignored_files, self.corrections_file.name)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)

    @staticmethod
    def table() -> list[tuple[str, object, str]]:
        """(name, default, help) of every setting, in order."""
        return [(f.name, f.default, f.metadata["help"]) for f in fields(Settings)]


def _typed(value: object, kind: object) -> object:
    if kind == tuple[Path, ...]:
        return tuple(Path(v) for v in value)
    if kind is Path:
        return Path(value)
    return value


def _coerce(raw: str, kind: object, variable: str) -> object:
    try:
        if kind in (tuple[Path, ...], tuple[str, ...]):
            return _typed(tuple(part for part in raw.split(os.pathsep) if part), kind)
        if kind is Path:
            return Path(raw)
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{variable}={raw!r} is not a valid {kind.__name__}") from exc
    return raw
