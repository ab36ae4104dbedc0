"""Tables that describe a fitted theme model: its themes and its quality figures."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.pipeline import Analysis, theme_table
from analytics.quality import (
    f1_scores,
    held_out,
    keyword_baseline,
    load_facts,
    npmi_coherence,
    plain_nmf_baseline,
    stability,
    topic_diversity,
)
from analytics.themes import ThemeModel

__all__ = [
    "cached_quality",
    "compare_methods",
    "facts_file_in",
    "quality_report",
    "theme_summary",
]


def theme_summary(model: ThemeModel, doc_themes: pd.DataFrame) -> pd.DataFrame:
    """The theme table for printing: label, kind, number of reports and top terms."""
    table = theme_table(model, doc_themes)
    table["top_terms"] = table["top_terms"].map(", ".join)
    return table[["theme", "label", "kind", "n_reports", "top_terms"]]


def _with_facts(events: pd.DataFrame, facts_file: Path) -> pd.DataFrame:
    facts = load_facts(facts_file)[["source", "event_id", "theme_set"]]
    return events.merge(facts, on="source", how="inner")


def compare_methods(model: ThemeModel, events: pd.DataFrame, facts_file: Path) -> pd.DataFrame:
    """Micro/macro-F1 of the model, a seed-term keyword count and plain NMF, on the tuning
    part and on the held-out fifth of the reports the facts table describes."""
    joined = _with_facts(events, facts_file)
    texts = joined["text"].tolist()
    named = [t.id for t in model.themes]
    predictions = {
        "guided NMF + seed evidence (ours)": [set(t) & set(named) for t in joined["themes"]],
        "keyword count (seed terms, >= 2 hits)": keyword_baseline(texts, model.themes),
        "plain NMF (unguided)": plain_nmf_baseline(texts, model.themes),
    }
    aside = held_out(joined["event_id"].tolist())
    rows = []
    for method, predicted in predictions.items():
        for split, mask in (("tuning (4/5)", ~aside), ("held out (1/5)", aside)):
            idx = np.flatnonzero(mask)
            scores = f1_scores(
                [joined["theme_set"].iloc[i] for i in idx], [predicted[i] for i in idx], named
            )
            rows.append(
                {
                    "method": method,
                    "split": split,
                    "reports": len(idx),
                    "micro_f1": round(scores["micro_f1"], 3),
                    "macro_f1": round(scores["macro_f1"], 3),
                }
            )
    return pd.DataFrame(rows)


def quality_report(
    model: ThemeModel,
    events: pd.DataFrame,
    facts_file: Path | None = None,
    with_stability: bool = True,
) -> pd.DataFrame:
    """Quality figures as a (figure, value) table: coherence, diversity, stability, F1."""
    texts = events["text"].tolist()
    top10 = model.top_terms(10)
    coherence = npmi_coherence(top10, texts)
    named = [t.id for t in model.themes]
    rows = [
        ("NPMI coherence, named themes (mean)", np.mean([coherence[t] for t in named])),
        ("NPMI coherence, all themes (mean)", np.mean(list(coherence.values()))),
        ("topic diversity (unique share of top-25 terms)", topic_diversity(model.top_terms(25))),
    ]
    if with_stability:
        rows.append(
            (
                "stability over 5 seeded refits on 90% samples (Jaccard of top-10 terms)",
                stability(model, texts),
            )
        )
    if facts_file is not None and Path(facts_file).is_file():
        comparison = compare_methods(model, events, Path(facts_file))
        for row in comparison.itertuples():
            for measure in ("micro_f1", "macro_f1"):
                rows.append((f"{measure} {row.split}: {row.method}", getattr(row, measure)))
    return pd.DataFrame(
        [(name, round(float(value), 3)) for name, value in rows], columns=["figure", "value"]
    )


def facts_file_in(paths: Sequence[str | Path]) -> Path | None:
    """The first ``SOURCES.csv`` facts table inside the corpus folders, if any."""
    for raw in paths:
        candidate = Path(raw) / "SOURCES.csv"
        if candidate.is_file():
            return candidate
    return None


def cached_quality(analysis: Analysis, cache_dir: str | Path | None) -> pd.DataFrame:
    """The quality figures of the analysis's model, computed once and kept beside it."""
    path = Path(cache_dir) / "models" / analysis.fingerprint / "quality.csv" if cache_dir else None
    if path and path.is_file():
        return pd.read_csv(path)
    table = quality_report(analysis.model, analysis.events, facts_file_in(analysis.paths))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(path, index=False)
    return table
