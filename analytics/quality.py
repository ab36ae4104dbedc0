"""The theme model's quality figures for an analysis: measured off the request path (five
refits, the baselines), on the model's fit sample of a large corpus, and kept beside the
model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analytics.analysis import Analysis
from analytics.model.evaluation import facts_file_in, load_facts, quality_report, theme_agreement
from analytics.model.fit import model_folder, sample_positions
from analytics.settings import Settings

__all__ = ["Quality", "measure_quality", "stored_quality"]

_QUALITY_FILE, _AGREEMENT_FILE = "quality.csv", "agreement.csv"


@dataclass(frozen=True)
class Quality:
    """A fitted model's quality figures, and its per-theme agreement with the facts (no
    rows when the corpus has no facts table)."""

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


def measure_quality(analysis: Analysis, settings: Settings) -> Quality:
    """Measure the model's quality (refits included) and keep it with the model.

    Slow (five refits for stability, the baselines): run it off the request path.
    """
    facts = facts_file_in(analysis.paths)
    events = _quality_sample(analysis.events, facts, settings)
    events = analysis.with_texts(events)
    figures = quality_report(analysis.model, events, facts)
    agreement = (
        theme_agreement(analysis.model, events, facts)
        if facts
        else pd.DataFrame(columns=["split", "theme", "support", "assigned", "precision",
                                   "recall", "f1"])
    )  # fmt: skip
    folder = model_folder(settings.cache_dir, analysis.fingerprint)
    folder.mkdir(parents=True, exist_ok=True)
    for table, name in ((agreement, _AGREEMENT_FILE), (figures, _QUALITY_FILE)):
        tmp = folder / f".{name}.tmp"
        table.to_csv(tmp, index=False)
        tmp.replace(folder / name)
    return Quality(figures, agreement)
