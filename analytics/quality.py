"""The theme model's quality figures for an analysis: measured off the request path (five
refits, the baselines), on the model's fit sample of a large corpus, and kept beside the
model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.analysis import Analysis
from analytics.errors import AnalyticsError
from analytics.model.evaluation import (
    facts_file_in,
    load_facts,
    per_theme_scores,
    quality_report,
    theme_agreement,
)
from analytics.model.fit import model_folder, sample_positions
from analytics.model.themes import ThemeModel
from analytics.pipeline import load_corpus
from analytics.settings import Settings

__all__ = ["Quality", "measure_quality", "stored_quality"]

_QUALITY_FILE, _AGREEMENT_FILE = "quality.csv", "agreement.csv"


@dataclass(frozen=True)
class Quality:
    """A fitted model's quality figures, and its per-theme agreement with the facts: of the
    corpus's own facts table (its tuning part and held-out fifth), and of each labelled set
    (``split`` names which)."""

    figures: pd.DataFrame
    agreement: pd.DataFrame


def stored_quality(analysis: Analysis, settings: Settings) -> Quality | None:
    """The quality kept with the analysis's model, or None if not measured yet."""
    folder = model_folder(settings.cache_dir, analysis.fingerprint)
    try:
        figures, agreement = (
            pd.read_csv(folder / name) for name in (_QUALITY_FILE, _AGREEMENT_FILE)
        )
    except (OSError, ValueError):  # not measured yet, or damaged: measured (again)
        return None
    if not {"figure", "value"} <= set(figures) or "theme" not in agreement:
        return None
    return Quality(figures, agreement)


def _quality_sample(events: pd.DataFrame, facts: Path | None, settings: Settings) -> pd.DataFrame:
    """The reports quality is measured on: the model's fit sample of a large corpus (its
    refits for stability cost what a fit costs), with every report the facts describe."""
    picked = events.iloc[sample_positions(len(events), settings.fit_sample, settings.random_state)]
    if len(picked) == len(events) or facts is None:
        return picked
    described = events["source"].isin(load_facts(facts)["source"])
    return events[events.index.isin(picked.index) | described]


_AGREEMENT_COLUMNS = ["split", "theme", "support", "assigned", "precision", "recall", "f1"]


def labelled_agreement(model: ThemeModel, settings: Settings) -> pd.DataFrame:
    """The model's per-theme agreement with each labelled set's facts (``labelled_dirs``;
    ``split`` is the set's folder name). A set that cannot be read is left out."""
    named = [t.id for t in model.themes]
    labels = {t.id: t.label for t in model.themes}
    tables = []
    for folder in settings.labelled_dirs:
        facts = Path(folder) / "SOURCES.csv"
        if not facts.is_file():
            continue
        try:
            events = load_corpus([folder], settings).events
        except AnalyticsError:
            continue
        joined = load_facts(facts).merge(events[["source", "text"]], on="source")
        if joined.empty:
            continue
        predicted = model.assign(model.transform(joined["text"].tolist()))
        table = per_theme_scores(joined["theme_set"].tolist(),
                                 [set(p) & set(named) for p in predicted], named)  # fmt: skip
        tables.append(table.assign(split=Path(folder).name, theme=table["theme"].map(labels)))
    if not tables:
        return pd.DataFrame(columns=_AGREEMENT_COLUMNS)
    return pd.concat(tables, ignore_index=True)[_AGREEMENT_COLUMNS]


def measure_quality(analysis: Analysis, settings: Settings) -> Quality:
    """Measure the model's quality (refits included) and keep it with the model.

    Slow (five refits for stability, the baselines): run it off the request path.
    """
    facts = facts_file_in(analysis.paths)
    events = _quality_sample(analysis.events, facts, settings)
    events = analysis.with_texts(events)
    figures = quality_report(analysis.model, events, facts)
    own = theme_agreement(analysis.model, events, facts) if facts else None
    labelled = labelled_agreement(analysis.model, settings)
    parts = [table for table in (own, labelled) if table is not None and not table.empty]
    agreement = (
        pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=_AGREEMENT_COLUMNS)
    )
    folder = model_folder(settings.cache_dir, analysis.fingerprint)
    folder.mkdir(parents=True, exist_ok=True)
    for table, name in ((agreement, _AGREEMENT_FILE), (figures, _QUALITY_FILE)):
        tmp = folder / f".{name}.tmp"
        table.to_csv(tmp, index=False)
        tmp.replace(folder / name)
    return Quality(figures, agreement)
