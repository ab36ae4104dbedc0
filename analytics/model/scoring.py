"""From sentence weights and seed-term evidence to a report's theme scores and themes."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["assign", "report_scores", "reports_scores"]

TOP_UNITS = 2  # a report's NMF weight for a theme: the mean of its strongest sentences
# (reports_scores reads the strongest two: the top, and the top of the others)
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


def reports_scores(
    weights: np.ndarray,
    evidence: np.ndarray,
    bounds: np.ndarray,
    n_named: int,
    evidence_weight: float,
) -> np.ndarray:
    """:func:`report_scores` of every report at once: report ``d``'s sentences are rows
    ``bounds[d]:bounds[d + 1]`` (a report without any scores 0)."""
    lengths = np.diff(bounds)
    scores = np.zeros((len(lengths), weights.shape[1]))
    mine = lengths > 0
    if not mine.any():
        return scores
    starts, lengths = bounds[:-1][mine], lengths[mine]
    top = np.maximum.reduceat(weights, starts, axis=0)
    owner = np.repeat(np.arange(len(starts)), lengths)
    at_top = weights == top[owner]
    # the second strongest: the top again when two sentences share it
    second = np.maximum.reduceat(np.where(at_top, -np.inf, weights), starts, axis=0)
    second = np.where(np.add.reduceat(at_top, starts, axis=0) >= 2, top, second)
    nmf = np.where((lengths == 1)[:, None], top, (top + second) / 2)
    keyword = 1.0 - np.exp(-np.add.reduceat(evidence, starts, axis=0) / EVIDENCE_SCALE)
    nmf[:, :n_named] = (
        evidence_weight * keyword[:, :n_named] + (1 - evidence_weight) * nmf[:, :n_named]
    )
    scores[mine] = nmf
    return scores


def assign(scores: np.ndarray, theme_ids: Sequence[str], threshold: float) -> list[list[str]]:
    """Theme ids at or above the threshold, strongest first, for each row of scores."""
    out = []
    for row in np.atleast_2d(scores):
        order = [i for i in np.argsort(-row, kind="stable") if row[i] >= threshold]
        out.append([theme_ids[i] for i in order])
    return out
