"""From a corpus folder to everything the dashboard shows: events, themes, evidence.

The theme model is fitted once per corpus (keyed by a fingerprint of the reports, the
taxonomy and the model settings) and kept on disk beside the extraction cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from analytics import settings
from analytics.corpus import Corpus, load_corpus
from analytics.taxonomy import load_taxonomy
from analytics.themes import ThemeModel

__all__ = ["Analysis", "analyse", "classify", "fit_model", "model_fingerprint", "model_for"]

Progress = Callable[[str, float], None]
_EVIDENCE_PER_THEME = 2
_REPRESENTATIVES = 5
# Bump when the model's scoring changes, so cached models are refitted.
MODEL_VERSION = "7"


@dataclass
class Analysis:
    """What one corpus says: events with their themes, evidence, and the theme table."""

    events: pd.DataFrame
    doc_themes: pd.DataFrame
    themes: pd.DataFrame
    skipped: pd.DataFrame
    model: ThemeModel
    fingerprint: str
    n_files: int
    paths: tuple[str, ...] = ()
    updated: datetime | None = None

    @property
    def corpus_fingerprint(self) -> str:
        """Hash of the reports in use (their doc_ids), for manifests and cache keys."""
        digest = hashlib.sha256("\n".join(sorted(self.events["doc_id"])).encode())
        return digest.hexdigest()[:16]

    @property
    def labels(self) -> dict[str, str]:
        """Theme id -> label, in the model's order (named themes first)."""
        return dict(zip(self.model.theme_ids_, self.model.labels_, strict=True))


def model_fingerprint(doc_ids: Sequence[str], themes_file: str | Path) -> str:
    """Hash of the reports, the taxonomy and the model settings: a fitted model's key."""
    digest = hashlib.sha256(MODEL_VERSION.encode())
    for doc_id in sorted(doc_ids):
        digest.update(doc_id.encode())
    digest.update(Path(themes_file).read_bytes())
    for name in ("n_emerging", "theme_threshold", "theme_evidence_weight", "random_state"):
        digest.update(f"{name}={settings.get(name)}".encode())
    return digest.hexdigest()[:16]


def fit_model(texts: Sequence[str], themes_file: str | Path | None = None) -> ThemeModel:
    """A theme model with the settings' parameters, fitted on ``texts``."""
    themes = load_taxonomy(themes_file or settings.get("themes_file"))
    return ThemeModel(
        themes=themes,
        n_emerging=int(settings.get("n_emerging")),
        threshold=float(settings.get("theme_threshold")),
        evidence_weight=float(settings.get("theme_evidence_weight")),
        random_state=int(settings.get("random_state")),
    ).fit(list(texts))


def model_for(events: pd.DataFrame, cache_dir: Path | None) -> tuple[ThemeModel, str]:
    """The theme model of these reports: loaded from the cache, or fitted and cached."""
    themes_file = settings.get("themes_file")
    fingerprint = model_fingerprint(events["doc_id"].tolist(), themes_file)
    folder = cache_dir / "models" / fingerprint if cache_dir else None
    if folder and (folder / "model.json").exists():
        return ThemeModel.load(folder), fingerprint
    model = fit_model(events["text"].tolist(), themes_file)
    if folder:
        model.save(folder)
    return model, fingerprint


def classify(model: ThemeModel, events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Themes of each report (long table with evidence) and the events with theme columns.

    Returns:
        ``(doc_themes, events)``: doc_themes has one row per assigned (report, theme) with
        doc_id, theme, label, kind, weight, rank and evidence (sentences, strongest first);
        events gains ``themes`` (ids, strongest first) and ``theme_weights`` (id -> score).
    """
    scores, units, weights, evidence = model.score_units(events["text"].tolist())
    assigned = model.assign(scores)
    index = {theme_id: i for i, theme_id in enumerate(model.theme_ids_)}
    rows = []
    for doc, doc_id in enumerate(events["doc_id"]):
        for rank, theme_id in enumerate(assigned[doc], start=1):
            k = index[theme_id]
            strength = weights[doc][:, k] + evidence[doc][:, k]
            best = [i for i in np.argsort(-strength, kind="stable") if strength[i] > 0]
            rows.append(
                {
                    "doc_id": doc_id,
                    "theme": theme_id,
                    "label": model.labels_[k],
                    "kind": model.kinds_[k],
                    "weight": round(float(scores[doc, k]), 4),
                    "rank": rank,
                    "evidence": [units[doc][i] for i in best[:_EVIDENCE_PER_THEME]],
                }
            )
    doc_themes = pd.DataFrame(
        rows, columns=["doc_id", "theme", "label", "kind", "weight", "rank", "evidence"]
    )
    events = events.copy()
    events["themes"] = assigned
    events["theme_weights"] = [
        {t: round(float(s), 4) for t, s in zip(model.theme_ids_, row, strict=True) if s > 0}
        for row in scores
    ]
    return doc_themes.astype({"doc_id": "string", "theme": "string", "label": "string"}), events


def theme_table(model: ThemeModel, doc_themes: pd.DataFrame) -> pd.DataFrame:
    """One row per theme: label, kind, description, top terms, reports, representatives."""
    descriptions = {t.id: t.description for t in model.themes}
    terms = model.top_terms(10)
    closest = model.closest_named()
    rows = []
    for theme_id, label, kind in zip(model.theme_ids_, model.labels_, model.kinds_, strict=True):
        mine = doc_themes[doc_themes["theme"] == theme_id].sort_values("weight", ascending=False)
        rows.append(
            {
                "theme": theme_id,
                "label": label,
                "kind": kind,
                "description": descriptions.get(
                    theme_id, "A theme the model found that the taxonomy does not name."
                ),
                "top_terms": terms[theme_id],
                "n_reports": len(mine),
                "closest_named": closest.get(theme_id, ("", 0.0))[0],
                "similarity": closest.get(theme_id, ("", 0.0))[1],
                "representative": mine["doc_id"].head(_REPRESENTATIVES).tolist(),
            }
        )
    return pd.DataFrame(rows)


def analyse(
    paths: Sequence[str | Path] | None = None,
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
    model: ThemeModel | None = None,
    fingerprint: str | None = None,
) -> Analysis:
    """Read a corpus, fit (or load) its theme model and classify every report.

    Args:
        paths: corpus files and folders (default: the ``corpus_dirs`` setting).
        cache_dir: extraction and model cache (default: the ``cache_dir`` setting).
        progress: called as ``progress(message, fraction_done)``.
        model: classify with this fitted model (and its ``fingerprint``) instead of the
            corpus's own, e.g. to place newly uploaded reports without a refit.
    """
    say = progress or (lambda message, fraction: None)
    paths = list(paths or settings.get("corpus_dirs"))
    cache = Path(cache_dir or settings.get("cache_dir"))

    def reading(done: int, total: int, name: str) -> None:
        say(f"Reading report {done} of {total}", 0.8 * done / max(total, 1))

    corpus: Corpus = load_corpus(paths, cache_dir=cache, progress=reading)
    if corpus.events.empty:
        raise ValueError("no report could be read from " + ", ".join(map(str, paths)))
    if model is None:
        say("Fitting the theme model", 0.85)
        model, fingerprint = model_for(corpus.events, cache)
    say("Classifying reports", 0.95)
    doc_themes, events = classify(model, corpus.events)
    say("Done", 1.0)
    return Analysis(
        events=events,
        doc_themes=doc_themes,
        themes=theme_table(model, doc_themes),
        skipped=corpus.ingest_report,
        model=model,
        fingerprint=fingerprint or "",
        n_files=corpus.n_files,
        updated=corpus.updated,
        paths=tuple(str(p) for p in paths),
    )


def to_json(value: object) -> str:
    """Compact JSON of a cell value (for CSV output of dict and list columns)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
