"""A fitted model applied to the events table: themes per report with their evidence,
and the table of themes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.model.themes import ThemeModel

__all__ = ["DOC_THEME_COLUMNS", "DOC_THEME_TYPES", "classify", "quote_evidence", "theme_table"]

EVIDENCE_PER_THEME = 2  # sentences quoted as a theme's evidence in a report
REPRESENTATIVES = 5  # reports listed as a theme's most representative
DOC_THEME_COLUMNS = ["doc_id", "theme", "label", "kind", "weight", "rank", "evidence"]
DOC_THEME_TYPES = {"doc_id": "string", "theme": "string", "label": "string", "kind": "string"}


def classify(model: ThemeModel, events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Themes of each report (long table with evidence) and the events with theme columns.

    Returns:
        ``(doc_themes, events)``: doc_themes has one row per assigned (report, theme) with
        doc_id, theme, label, kind, weight, rank and evidence (sentences, strongest first);
        events gains ``themes`` (ids, strongest first) and ``theme_weights`` (id -> score).
    """
    scored = model.score_units(events["text"].tolist())
    assigned = model.assign(scored.scores)
    index = {theme_id: i for i, theme_id in enumerate(model.theme_ids_)}
    columns: dict[str, list] = {name: [] for name in DOC_THEME_COLUMNS}
    for doc, doc_id in enumerate(events["doc_id"].tolist()):
        if not assigned[doc]:
            continue
        quoted = _quoted(scored, doc)
        scores = scored.scores[doc].tolist()
        for rank, theme_id in enumerate(assigned[doc], start=1):
            k = index[theme_id]
            columns["doc_id"].append(doc_id)
            columns["theme"].append(theme_id)
            columns["label"].append(model.labels_[k])
            columns["kind"].append(model.kinds_[k])
            columns["weight"].append(round(scores[k], 4))
            columns["rank"].append(rank)
            columns["evidence"].append(quoted(k))
    doc_themes = pd.DataFrame(columns, columns=DOC_THEME_COLUMNS)
    if doc_themes.empty:
        doc_themes = pd.DataFrame(columns=DOC_THEME_COLUMNS)
    events = events.copy()
    events["themes"] = assigned
    ids = model.theme_ids_
    events["theme_weights"] = [
        {t: round(s, 4) for t, s in zip(ids, row, strict=True) if s > 0}
        for row in scored.scores.tolist()
    ]
    return doc_themes.astype(DOC_THEME_TYPES), events


def _quoted(scored, doc: int):
    """A function giving, for theme ``k``, the sentences of report ``doc`` that speak most
    for it, strongest first (one sort of the report's sentences for all its themes)."""
    strength = scored.weights[doc] + scored.evidence[doc]
    order = np.argsort(-strength, axis=0, kind="stable")[:EVIDENCE_PER_THEME]
    units = scored.units[doc]

    def quoted(k: int) -> list[str]:
        return [units[i] for i in order[:, k].tolist() if strength[i, k] > 0]

    return quoted


def quote_evidence(
    model: ThemeModel, texts: list[str], themes: list[list[str]]
) -> list[list[list[str]]]:
    """For each report (its text), the evidence sentences of each of its given themes, as
    :func:`classify` quotes them: the evidence of a few reports shown, without keeping
    every report's."""
    scored = model.score_units(texts)
    index = {theme_id: i for i, theme_id in enumerate(model.theme_ids_)}
    out = []
    for doc, mine in enumerate(themes):
        quoted = _quoted(scored, doc)
        out.append([quoted(index[t]) for t in mine])
    return out


def theme_table(model: ThemeModel, doc_themes: pd.DataFrame) -> pd.DataFrame:
    """One row per theme: label, kind, description, top terms, reports, representatives."""
    descriptions = {t.id: t.description for t in model.themes}
    terms = model.top_terms(10)
    closest = model.closest_named()
    # Per theme, on positions: taking rows of the whole (long) table is what costs.
    codes, found = pd.factorize(doc_themes["theme"])
    weights = doc_themes["weight"].to_numpy()
    counts, representatives = {}, {}
    for code, theme_id in enumerate(found):
        mine = np.flatnonzero(codes == code)
        strongest = mine[np.argsort(-weights[mine], kind="stable")[:REPRESENTATIVES]]
        counts[theme_id] = len(mine)
        representatives[theme_id] = doc_themes["doc_id"].iloc[strongest].tolist()
    rows = []
    for theme_id, label, kind in zip(model.theme_ids_, model.labels_, model.kinds_, strict=True):
        rows.append(
            {
                "theme": theme_id,
                "label": label,
                "kind": kind,
                "description": descriptions.get(
                    theme_id, "A theme the model found that the taxonomy does not name."
                ),
                "top_terms": terms[theme_id],
                "n_reports": int(counts.get(theme_id, 0)),
                "closest_named": closest.get(theme_id, ("", 0.0))[0],
                "similarity": closest.get(theme_id, ("", 0.0))[1],
                "representative": list(representatives.get(theme_id, [])),
            }
        )
    return pd.DataFrame(rows)
