"""Agreement with the facts: F1 against the themes a facts table lists, and baselines.

The agreement figures compare assigned themes with the themes listed in a facts table
(``data/demo/SOURCES.csv`` for the bundled corpus). Reports are split once, by a hash of
their event id, into a tuning part (four fifths) and a held-out fifth that is never used
to choose parameters: the held-out F1 is the honest number.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.preprocessing import normalize

from analytics.model.quality import npmi_coherence, stability, topic_diversity
from analytics.model.taxonomy import Theme
from analytics.model.themes import ThemeModel
from analytics.model.vocabulary import make_vectorizer, seed_matrix

__all__ = [
    "compare_methods",
    "f1_scores",
    "facts_file_in",
    "held_out",
    "keyword_baseline",
    "keyword_hits",
    "load_facts",
    "per_theme_scores",
    "plain_nmf_baseline",
    "quality_report",
    "theme_agreement",
]


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


def per_theme_scores(
    truth: Sequence[set[str]], predicted: Sequence[set[str]], labels: Sequence[str]
) -> pd.DataFrame:
    """Precision, recall and F1 of each theme, with how many reports the truth lists for
    it (``support``) and how many were assigned it (``assigned``)."""
    rows = []
    for label in labels:
        pairs = list(zip(truth, predicted, strict=True))
        tp = sum(label in t and label in p for t, p in pairs)
        assigned = sum(label in p for _, p in pairs)
        support = sum(label in t for t, _ in pairs)
        precision = tp / assigned if assigned else float("nan")
        recall = tp / support if support else float("nan")
        f1 = 2 * tp / (assigned + support) if assigned + support else float("nan")
        rows.append((label, support, assigned, precision, recall, f1))
    columns = ["theme", "support", "assigned", "precision", "recall", "f1"]
    return pd.DataFrame(rows, columns=columns).round(3)


def keyword_hits(texts: Sequence[str], themes: Sequence[Theme]) -> np.ndarray:
    """Raw seed-term hits (every list, no context) of each theme in each report."""
    patterns = [
        re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(t) for t in theme.all_terms) + r")(?!\w)",
            re.IGNORECASE,
        )
        for theme in themes
    ]
    hits = [[len(pattern.findall(text)) for pattern in patterns] for text in texts]
    return np.array(hits, dtype=int).reshape(len(texts), len(themes))


def keyword_baseline(
    texts: Sequence[str], themes: Sequence[Theme], min_hits: int = 2
) -> list[set[str]]:
    """Themes whose seed terms occur at least ``min_hits`` times in a report."""
    hits = keyword_hits(texts, themes)
    ids = [theme.id for theme in themes]
    return [{ids[k] for k in np.flatnonzero(row >= min_hits)} for row in hits]


def plain_nmf_baseline(
    texts: Sequence[str], themes: Sequence[Theme], threshold: float = 0.15, random_state: int = 0
) -> list[set[str]]:
    """Unguided NMF with one component per theme, each component then named after the
    theme whose seed terms it weighs most (one-to-one); a report gets the themes whose
    share of its weight reaches ``threshold``."""
    vectorizer = make_vectorizer(n_units=len(texts))
    X = vectorizer.fit_transform(texts)
    seeds = normalize(seed_matrix(vectorizer, themes), norm="l2")
    # The SVD start needs no more components than reports and terms: a facts table that
    # describes only a few reports starts from random factors instead.
    init = "nndsvda" if len(themes) <= min(X.shape) else "random"
    nmf = NMF(n_components=len(themes), init=init, random_state=random_state, max_iter=400)
    with np.errstate(invalid="ignore"):  # a loss rounded below zero on a tiny fit
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


def theme_agreement(model: ThemeModel, events: pd.DataFrame, facts_file: Path) -> pd.DataFrame:
    """Per-theme precision and recall of the model against the facts, on the tuning part
    and on the held-out fifth (theme labels, reports the facts list, reports assigned)."""
    joined = _with_facts(events, facts_file)
    named = [t.id for t in model.themes]
    labels = {t.id: t.label for t in model.themes}
    predicted = [set(t) & set(named) for t in joined["themes"]]
    aside = held_out(joined["event_id"].tolist())
    tables = []
    for split, mask in (("tuning (4/5)", ~aside), ("held out (1/5)", aside)):
        idx = np.flatnonzero(mask)
        truth = [joined["theme_set"].iloc[i] for i in idx]
        table = per_theme_scores(truth, [predicted[i] for i in idx], named)
        tables.append(table.assign(split=split, theme=table["theme"].map(labels)))
    columns = ["split", "theme", "support", "assigned", "precision", "recall", "f1"]
    return pd.concat(tables, ignore_index=True)[columns]


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
