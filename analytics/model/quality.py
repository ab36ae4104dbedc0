"""How good are the themes in themselves: coherence, diversity and stability.

Agreement with the facts is :mod:`analytics.model.evaluation`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import CountVectorizer

from analytics.model.themes import ThemeModel
from analytics.model.vocabulary import TOKEN_PATTERN

__all__ = ["npmi_coherence", "stability", "topic_diversity"]


def npmi_coherence(top_terms: dict[str, list[str]], texts: Sequence[str]) -> dict[str, float]:
    """Mean normalised PMI of each theme's term pairs, from co-occurrence in reports.

    A pair that never co-occurs counts -1, one that always does +1.
    """
    vocabulary = sorted({t for terms in top_terms.values() for t in terms})
    if not vocabulary:
        return {}
    counter = CountVectorizer(
        vocabulary=vocabulary, ngram_range=(1, 2), token_pattern=TOKEN_PATTERN, binary=True
    )
    present = counter.transform([t.lower() for t in texts]).tocsc()
    n_docs = max(len(texts), 1)
    column = {term: i for i, term in enumerate(vocabulary)}
    scores = {}
    for theme, terms in top_terms.items():
        values = []
        for a, b in combinations(terms, 2):
            col_a, col_b = present[:, column[a]], present[:, column[b]]
            p_a, p_b = col_a.sum() / n_docs, col_b.sum() / n_docs
            p_ab = col_a.multiply(col_b).sum() / n_docs
            if p_ab == 0:
                values.append(-1.0)
            elif p_ab == 1:
                values.append(1.0)
            else:
                values.append(float(np.log(p_ab / (p_a * p_b)) / -np.log(p_ab)))
        scores[theme] = float(np.mean(values)) if values else 0.0
    return scores


def topic_diversity(top_terms: dict[str, list[str]], k: int = 25) -> float:
    """Share of unique terms among the top ``k`` terms of all themes (1 = no overlap)."""
    terms = [t for theme_terms in top_terms.values() for t in theme_terms[:k]]
    return len(set(terms)) / len(terms) if terms else 0.0


def _jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 1.0


def stability(
    model: ThemeModel, texts: Sequence[str], seeds: Sequence[int] = range(5), share: float = 0.9
) -> float:
    """Mean Jaccard similarity of matched themes' top-10 terms across refits.

    Each seed refits the model with that ``random_state`` on a random ``share`` of the
    reports (drawn with the same seed), so the figure says how much the themes depend on
    chance and on which reports happen to be in the corpus. Named themes are matched by
    id, emerging ones by the best one-to-one pairing.
    """
    fits = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        size = max(1, round(share * len(texts)))
        sample = [texts[i] for i in sorted(rng.choice(len(texts), size=size, replace=False))]
        refit = ThemeModel(**{**model.get_params(), "random_state": seed}).fit(sample)
        fits.append(refit.top_terms(10))
    similarities = []
    for a, b in combinations(fits, 2):
        named = [k for k in a if not k.startswith("emerging_")]
        similarities += [_jaccard(a[k], b[k]) for k in named]
        ea = [a[k] for k in a if k.startswith("emerging_")]
        eb = [b[k] for k in b if k.startswith("emerging_")]
        if ea and eb:
            matrix = np.array([[_jaccard(x, y) for y in eb] for x in ea])
            rows, cols = linear_sum_assignment(-matrix)
            similarities += matrix[rows, cols].tolist()
    return float(np.mean(similarities)) if similarities else 1.0
