"""Why the theme model and a keyword count disagree, pair by pair.

Every (report, named theme) pair gets the facts' verdict, the model's, the keyword count's,
and what the model's score is made of: its seed-term evidence (weighted by context) and its
NMF weight. The model's errors are then sorted by the evidence behind them, and the NMF
weight's power to tell true pairs from false ones is measured where the evidence leaves
the decision open. Meant for the tuning sets only (``scripts/diagnose_themes.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

from analytics.model.evaluation import keyword_hits
from analytics.model.scoring import TOP_UNITS
from analytics.model.themes import ThemeModel

__all__ = [
    "EVIDENCE_BINS",
    "disagreements",
    "errors_by_evidence",
    "evidence_bin",
    "model_pairs",
    "nmf_separation",
    "pair_table",
]

# Weighted seed-term evidence of a pair, in words: a full mention counts 1, a weak term
# half, a mention in passing a quarter (analytics.model.context).
EVIDENCE_BINS = ("no seed term", "weak or passing only", "one mention", "two or more")
PAIR_COLUMNS = ["report", "theme", "truth", "model", "keyword", "evidence", "nmf", "hits"]


def evidence_bin(evidence: np.ndarray) -> np.ndarray:
    """The :data:`EVIDENCE_BINS` name of each evidence value: 0, below 1, below 2, more."""
    codes = np.select([evidence <= 0, evidence < 1, evidence < 2], [0, 1, 2], 3)
    return np.asarray(EVIDENCE_BINS, dtype=object)[codes]


def pair_table(
    truth: np.ndarray,
    assigned: np.ndarray,
    evidence: np.ndarray,
    nmf: np.ndarray,
    hits: np.ndarray,
    theme_ids: Sequence[str],
    min_hits: int = 2,
) -> pd.DataFrame:
    """One row per (report, theme) from arrays of reports x themes.

    Args:
        truth: whether the facts list the theme.
        assigned: whether the model assigns it.
        evidence: the model's weighted seed-term evidence, summed over the report.
        nmf: the report's NMF weight for the theme, as the score reads it.
        hits: the keyword count's raw seed-term hits.
        theme_ids: the column names.
        min_hits: hits at which the keyword count assigns the theme.
    """
    n_reports, n_themes = truth.shape
    return pd.DataFrame(
        {
            "report": np.repeat(np.arange(n_reports), n_themes),
            "theme": np.tile(np.asarray(theme_ids, dtype=object), n_reports),
            "truth": truth.ravel().astype(bool),
            "model": assigned.ravel().astype(bool),
            "keyword": (hits >= min_hits).ravel(),
            "evidence": evidence.ravel(),
            "nmf": nmf.ravel(),
            "hits": hits.ravel(),
        },
        columns=PAIR_COLUMNS,
    )


def model_pairs(model: ThemeModel, texts: Sequence[str], truth: Sequence[set[str]]) -> pd.DataFrame:
    """:func:`pair_table` of a fitted model on reports (texts) with known themes."""
    named = [t.id for t in model.themes]
    scored = model.score_units(list(texts))
    n = len(named)
    evidence = np.array([e[:, :n].sum(axis=0) if len(e) else np.zeros(n) for e in scored.evidence])
    nmf = np.array(
        [np.sort(w[:, :n], axis=0)[::-1][:TOP_UNITS].mean(axis=0) if len(w) else np.zeros(n)
         for w in scored.weights]
    )  # fmt: skip
    assigned = scored.scores[:, :n] >= model.threshold
    facts = np.array([[t in mine for t in named] for mine in truth], dtype=bool).reshape(-1, n)
    hits = keyword_hits(list(texts), model.themes)
    return pair_table(facts, assigned, evidence.reshape(-1, n), nmf.reshape(-1, n), hits, named)


def _verdict(pairs: pd.DataFrame, column: str) -> pd.Series:
    said, true = pairs[column], pairs["truth"]
    return pd.Series(
        np.select([said & true, said & ~true, ~said & true], ["TP", "FP", "FN"], "TN"),
        index=pairs.index,
    )


def errors_by_evidence(pairs: pd.DataFrame) -> pd.DataFrame:
    """The model's true and false positives and negatives by evidence bin (rows in
    :data:`EVIDENCE_BINS` order, columns FP, FN, TP, TN)."""
    table = pd.crosstab(
        pd.Series(evidence_bin(pairs["evidence"].to_numpy())), _verdict(pairs, "model").to_numpy()
    )
    return table.reindex(index=list(EVIDENCE_BINS), columns=["FP", "FN", "TP", "TN"], fill_value=0)


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs where the model and the keyword count disagree: which said yes, which one the
    facts side with, by evidence bin (columns: said yes, right, bin, pairs)."""
    mine = pairs[pairs["model"] != pairs["keyword"]]
    said = np.where(mine["model"], "model only", "keyword only")
    right = np.where(mine["model"] == mine["truth"], "model", "keyword")
    table = pd.DataFrame(
        {"said yes": said, "right": right, "bin": evidence_bin(mine["evidence"].to_numpy())}
    )
    counts = table.value_counts().rename("pairs").reset_index()
    return counts.sort_values(["said yes", "right", "bin"], ignore_index=True)


def nmf_separation(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per evidence bin: pairs, true pairs, and the area under the ROC curve of the NMF
    weight telling true from false (0.5: no better than chance; NaN: one kind only)."""
    bins = evidence_bin(pairs["evidence"].to_numpy())
    rows = []
    for name in EVIDENCE_BINS:
        mine = pairs[bins == name]
        truth = mine["truth"].to_numpy()
        both = 0 < truth.sum() < len(truth)
        auc = roc_auc_score(truth, mine["nmf"].to_numpy()) if both else float("nan")
        rows.append((name, len(mine), int(truth.sum()), round(float(auc), 3)))
    return pd.DataFrame(rows, columns=["bin", "pairs", "true", "nmf_auc"])
