"""A guided TF-IDF/NMF model of named themes, plus the emerging themes nobody named.

Reports are split into sentences (units), so one report carries several themes, each with
its own evidence. The first NMF components start from the taxonomy's seed terms and stay
aligned with their theme after fitting (:mod:`analytics.model.nmf`); a few free
components start from what the seeded ones leave unexplained and become the emerging
themes, labelled by their top terms. A report's score for a named theme combines the NMF
weight of its sentences with the seed-term evidence they contain
(:mod:`analytics.model.scoring`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import non_negative_factorization
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analytics.errors import ModelError
from analytics.model import context, nmf, scoring
from analytics.model.taxonomy import Theme
from analytics.model.vocabulary import (
    SeedTerms,
    distinct_units,
    fit_vectorizer,
    seed_matrix,
    units_of,
)

__all__ = ["ThemeModel", "UnitScores"]

_SCALE_PERCENTILE = 99  # a sentence weight at this percentile of the corpus counts as 1


def _one_blas_thread():
    """One BLAS thread for the NMF: its dense products are small (sentences x themes), and
    more threads only wait for each other (a fit of 3,000 reports on two busy cores: 22 s
    of CPU and 37 s of wall time, against 3.9 s and 6 s with one)."""
    return threadpool_limits(1, user_api="blas")


@dataclass
class UnitScores:
    """Report scores, and per report its sentences with their weights and evidence."""

    scores: np.ndarray
    units: list[list[str]]
    weights: list[np.ndarray]
    evidence: list[np.ndarray]


class ThemeModel(BaseEstimator, TransformerMixin):
    """Guided NMF over sentence TF-IDF, scikit-learn style.

    Args:
        themes: the named themes (see :func:`analytics.model.taxonomy.load_taxonomy`).
        n_emerging: free components for themes the taxonomy lacks.
        threshold: minimum score (0-1) for a theme to be assigned to a report.
        evidence_weight: share of the seed-term evidence in a named theme's score; the
            rest is the NMF weight.
        max_iter: NMF iterations.
        guidance: how strongly each named component is pulled back towards its seed terms
            between rounds of NMF updates (0 = free after the seeded start).
        random_state: seed, for reproducible fits.
    """

    def __init__(
        self,
        themes: Sequence[Theme] = (),
        n_emerging: int = 4,
        threshold: float = 0.25,
        evidence_weight: float = 0.5,
        max_iter: int = 400,
        guidance: float = 0.5,
        random_state: int | None = 0,
    ) -> None:
        self.themes = themes
        self.n_emerging = n_emerging
        self.threshold = threshold
        self.evidence_weight = evidence_weight
        self.max_iter = max_iter
        self.guidance = guidance
        self.random_state = random_state

    def fit(self, texts: Sequence[str], y: object = None) -> ThemeModel:
        """Learn the vocabulary, the theme components and their alignment from reports.

        Raises:
            ModelError: when no report has a sentence long enough to learn from.
        """
        units, _ = units_of(texts)
        if not units:
            raise ModelError("no sentence long enough to learn themes from")
        # A sentence that occurs c times is one row weighted by c (its TF-IDF row and its
        # weights times sqrt(c)): the same least squares, on each distinct sentence once.
        self.vectorizer_, X, inverse = fit_vectorizer(units)
        root = np.sqrt(np.bincount(inverse))
        X = csr_matrix(X.multiply(root[:, None]))
        self.seed_matrix_ = seed_matrix(self.vectorizer_, self.themes)
        with _one_blas_thread():
            W, H = nmf.initial_factors(X, self.seed_matrix_, self.n_emerging, self.random_state)
            self.components_, W = nmf.guided_nmf(
                X, W, H, self.seed_matrix_, self.guidance, self.max_iter, self.random_state
            )
        self.alignment_ = nmf.align(self.components_, self.seed_matrix_)
        W = (W / root[:, None])[inverse]  # every sentence's weights, as many times as it occurs
        self.unit_scale_ = np.maximum(np.percentile(W, _SCALE_PERCENTILE, axis=0), 1e-9)
        self.label_themes()
        return self

    def label_themes(self) -> None:
        """Name the fitted components: ids, labels and kinds of the themes (named ones, then
        emerging ones, labelled by their top terms), and the seed-term counter."""
        self.seed_terms_ = SeedTerms(self.themes)
        ids = [t.id for t in self.themes]
        labels = [t.label for t in self.themes]
        kinds = ["named"] * len(self.themes)
        for k, component in enumerate(self._emerging_components()):
            terms = self._top_terms(self.components_[component], 3)
            ids.append(f"emerging_{k + 1}")
            labels.append("Emerging: " + " · ".join(terms))
            kinds.append("emerging")
        self.theme_ids_, self.labels_, self.kinds_ = ids, labels, kinds

    def _emerging_components(self) -> list[int]:
        aligned = set(self.alignment_)
        return [c for c in range(self.components_.shape[0]) if c not in aligned]

    def _component_order(self) -> np.ndarray:
        return np.concatenate([self.alignment_, self._emerging_components()]).astype(int)

    def _top_terms(self, weights: np.ndarray, n: int, names: np.ndarray | None = None) -> list[str]:
        names = self.vectorizer_.get_feature_names_out() if names is None else names
        picked: list[str] = []
        for index in np.argsort(-weights):
            term = names[index]
            if any(term in p.split(" ") or p in term.split(" ") for p in picked):
                continue
            picked.append(term)
            if len(picked) == n:
                break
        return picked

    def unit_weights(self, units: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """NMF weights and seed-term evidence of sentences, columns in theme order.

        Returns:
            ``(weights, evidence)``: weights scaled to about 0-1 per theme; evidence the
            number of seed terms of each named theme a sentence contains, weighted by
            where the sentence sits (:mod:`analytics.model.context`; zero for emerging
            themes).
        """
        distinct, inverse = distinct_units(units)
        # Every step is row by row, so each distinct sentence is worked on once. In the
        # NMF its row counts as often as it occurs (times that number: the solver's steps
        # and its stopping rule, a sum over rows, are those of every sentence).
        occurs = np.bincount(inverse)[:, None]
        X = csr_matrix(self.vectorizer_.transform(distinct).multiply(occurs))
        with _one_blas_thread():
            W, _, _ = non_negative_factorization(
                X, H=self.components_, n_components=self.components_.shape[0],
                update_H=False, max_iter=self.max_iter, random_state=self.random_state,
            )  # fmt: skip
        W = (W / occurs)[inverse]
        order = self._component_order()
        weights = np.minimum(W[:, order] / self.unit_scale_[order], 1.0)
        evidence = np.zeros_like(weights)
        counts = self.seed_terms_.count(distinct)
        evidence[:, : len(self.themes)] = context.weigh(distinct, counts, self.seed_terms_.count)[
            inverse
        ]
        return weights, evidence

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Scores (0-1) of each report for each theme, columns as ``theme_ids_``."""
        return self.score_units(texts).scores

    def score_units(self, texts: Sequence[str]) -> UnitScores:
        """Report scores plus, per report, its sentences and their weights and evidence."""
        units, owner = units_of(texts)
        n_themes = len(self.theme_ids_)
        result = UnitScores(
            np.zeros((len(texts), n_themes)),
            [[] for _ in texts],
            [np.zeros((0, n_themes)) for _ in texts],
            [np.zeros((0, n_themes)) for _ in texts],
        )
        if not units:
            return result
        weights, evidence = self.unit_weights(units)
        # units come report by report: each report's rows are one slice
        bounds = np.searchsorted(np.asarray(owner), np.arange(len(texts) + 1))
        result.scores = scoring.reports_scores(
            weights, evidence, bounds, len(self.themes), self.evidence_weight
        )
        for doc in range(len(texts)):
            rows = slice(bounds[doc], bounds[doc + 1])
            if rows.start == rows.stop:
                continue
            result.units[doc] = units[rows]
            result.weights[doc], result.evidence[doc] = weights[rows], evidence[rows]
        return result

    def assign(self, scores: np.ndarray) -> list[list[str]]:
        """Theme ids at or above the threshold, strongest first, for each row of scores."""
        return scoring.assign(scores, self.theme_ids_, self.threshold)

    def closest_named(self) -> dict[str, tuple[str, float]]:
        """For each emerging theme, the named theme whose component is most similar to its
        own, and the cosine similarity (0-1): an emerging theme close to a named one is
        mostly another side of it."""
        components = normalize(self.components_[self._component_order()], norm="l2")
        named = len(self.themes)
        similarity = components[named:] @ components[:named].T
        return {
            theme_id: (self.theme_ids_[int(row.argmax())], round(float(row.max()), 3))
            for theme_id, row in zip(self.theme_ids_[named:], similarity, strict=True)
        }

    def top_terms(self, n: int = 10) -> dict[str, list[str]]:
        """The ``n`` heaviest terms of each theme's component."""
        order = self._component_order()
        names = self.vectorizer_.get_feature_names_out()
        return {
            theme_id: self._top_terms(self.components_[component], n, names)
            for theme_id, component in zip(self.theme_ids_, order, strict=True)
        }
