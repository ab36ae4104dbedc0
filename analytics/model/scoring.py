"""From sentence weights and seed-term evidence to a report's theme scores and themes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["assign", "report_scores"]

TOP_UNITS = 2  # a report's NMF weight for a theme: the mean of its strongest sentences
EVIDENCE_SCALE = 2.0  # seed-term hits at which the evidence score reaches 1 - 1/e


def report_scores(
    weights: np.ndarray, evidence: np.ndarray, n_named: int, evidence_weight: float
) -> np.ndarray:
    """One report's score (0-1) per theme from its sentences' rows of weights and evidence.

    A named theme's score blends seed-term evidence (``evidence_weight`` of it) with its
    NMF weight; an emerging theme's is its NMF weight alone.
    """
    top = np.sort(weights, axis=0)[::-1]
    nmf = top[: min(TOP_UNITS, len(top))].mean(axis=0)
    keyword = 1.0 - np.exp(-evidence.sum(axis=0) / EVIDENCE_SCALE)
    score = nmf.copy()
    score[:n_named] = evidence_weight * keyword[:n_named] + (1 - evidence_weight) * nmf[:n_named]
    return score


def assign(scores: np.ndarray, theme_ids: Sequence[str], threshold: float) -> list[list[str]]:
    """Theme ids at or above the threshold, strongest first, for each row of scores."""
    out = []
    for row in np.atleast_2d(scores):
        order = [i for i in np.argsort(-row, kind="stable") if row[i] >= threshold]
        out.append([theme_ids[i] for i in order])
    return out
