"""How good are the themes? Coherence, diversity, stability, and agreement with facts.

The agreement figures compare assigned themes with the themes listed in a facts table
(``data/demo/SOURCES.csv`` for the bundled corpus). Reports are split once, by a hash of
their event id, into a tuning part (four fifths) and a held-out fifth that is never used
to choose parameters: the held-out F1 is the honest number.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from analytics.taxonomy import Theme
from analytics.themes import TOKEN_PATTERN, ThemeModel

__all__ = [
    "f1_scores",
    "held_out",
    "keyword_baseline",
    "load_facts",
    "npmi_coherence",
    "plain_nmf_baseline",
    "stability",
    "topic_diversity",
]


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


def f1_scores(
    truth: Sequence[set[str]], predicted: Sequence[set[str]], labels: Sequence[str]
) -> dict[str, object]:
    """Micro- and macro-F1 of predicted theme sets against true ones, plus per-theme F1."""
    per_theme = {}
    tp_all = fp_all = fn_all = 0
    for label in labels:
        tp = sum(label in t and label in p for t, p in zip(truth, predicted, strict=True))
        fp = sum(label not in t and label in p for t, p in zip(truth, predicted, strict=True))
        fn = sum(label in t and label not in p for t, p in zip(truth, predicted, strict=True))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fp + fn:
            per_theme[label] = 2 * tp / (2 * tp + fp + fn)
    micro = 2 * tp_all / (2 * tp_all + fp_all + fn_all) if tp_all + fp_all + fn_all else 0.0
    macro = float(np.mean(list(per_theme.values()))) if per_theme else 0.0
    return {"micro_f1": micro, "macro_f1": macro, "per_theme": per_theme}


def keyword_baseline(
    texts: Sequence[str], themes: Sequence[Theme], min_hits: int = 2
) -> list[set[str]]:
    """Themes whose seed terms occur at least ``min_hits`` times in a report."""
    patterns = {
        theme.id: re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(t) for t in theme.all_terms) + r")(?!\w)",
            re.IGNORECASE,
        )
        for theme in themes
    }
    return [
        {tid for tid, pattern in patterns.items() if len(pattern.findall(text)) >= min_hits}
        for text in texts
    ]


def plain_nmf_baseline(
    texts: Sequence[str], themes: Sequence[Theme], threshold: float = 0.15, random_state: int = 0
) -> list[set[str]]:
    """Unguided NMF with one component per theme, each component then named after the
    theme whose seed terms it weighs most (one-to-one); a report gets the themes whose
    share of its weight reaches ``threshold``."""
    model = ThemeModel(themes=themes, n_emerging=0, random_state=random_state)
    vectorizer = model._vectorizer(n_units=len(texts))
    X = vectorizer.fit_transform(texts)
    model.vectorizer_ = vectorizer
    seeds = normalize(model._seed_matrix(), norm="l2")
    nmf = NMF(n_components=len(themes), init="nndsvda", random_state=random_state, max_iter=400)
    W = nmf.fit_transform(X)
    rows, cols = linear_sum_assignment(-(seeds @ normalize(nmf.components_).T))
    name_of = {int(c): themes[int(r)].id for r, c in zip(rows, cols, strict=True)}
    shares = W / np.maximum(W.sum(axis=1, keepdims=True), 1e-12)
    return [{name_of[c] for c in np.flatnonzero(row >= threshold)} for row in shares]


def held_out(event_ids: Sequence[str]) -> np.ndarray:
    """True for the fifth of reports kept aside from tuning (fixed by the event id)."""
    return np.array([int(hashlib.sha1(e.encode()).hexdigest(), 16) % 5 == 0 for e in event_ids])


def load_facts(path: str | Path) -> pd.DataFrame:
    """A facts table (``SOURCES.csv``) with a ``source`` column matching the events table
    (``<folder>/<file>``) and ``theme_set`` (set of theme ids)."""
    path = Path(path)
    facts = pd.read_csv(path, dtype=str, keep_default_na=False)
    facts["source"] = path.parent.name + "/" + facts["file"]
    facts["theme_set"] = facts["themes"].map(lambda s: {t for t in s.split(";") if t})
    return facts
