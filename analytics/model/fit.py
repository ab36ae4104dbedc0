"""The theme model of a corpus: built from the settings, fitted once, kept by fingerprint.

A fitted model is stored in ``<cache>/models/<fingerprint>/``; the fingerprint hashes the
estimator's own parameters (``get_params()``, the taxonomy included) and the reports, so
any change to either fits a new model and none is reused stale.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from analytics.errors import ModelError
from analytics.model.io import load_model, save_model
from analytics.model.taxonomy import load_taxonomy
from analytics.model.themes import ThemeModel
from analytics.settings import Settings

__all__ = [
    "MODEL_VERSION",
    "build_model",
    "fingerprint",
    "fit_or_load",
    "fit_texts",
    "model_folder",
]

logger = logging.getLogger(__name__)

# Bump when the model's fitting or scoring changes, so that stored models are refitted.
MODEL_VERSION = "19"


def build_model(settings: Settings) -> ThemeModel:
    """An unfitted theme model with the settings' taxonomy and parameters.

    Raises:
        TaxonomyError: when the taxonomy file is malformed.
    """
    return ThemeModel(
        themes=load_taxonomy(settings.themes_file),
        n_emerging=settings.n_emerging,
        threshold=settings.theme_threshold,
        evidence_weight=settings.theme_evidence_weight,
        random_state=settings.random_state,
    )


def fingerprint(model: ThemeModel, doc_ids: Sequence[str], sample: int = 0) -> str:
    """Hash of the model's version, its parameters (taxonomy included), the reports and
    the size of the sample it is fitted on."""
    params = model.get_params()
    params["themes"] = [
        {"id": t.id, "label": t.label, "description": t.description, "terms": t.terms}
        for t in params["themes"]
    ]
    digest = hashlib.sha256(f"{MODEL_VERSION}\0{sample if len(doc_ids) > sample else 0}".encode())
    digest.update(json.dumps(params, sort_keys=True, default=list).encode())
    for doc_id in sorted(doc_ids):
        digest.update(doc_id.encode())
    return digest.hexdigest()[:16]


def sample_positions(n: int, sample: int, random_state: int | None) -> list[int]:
    """Positions of a fixed random ``sample`` of ``n`` items, in order (all of them when
    ``n`` is not larger, or ``sample`` is 0)."""
    if not sample or n <= sample:
        return list(range(n))
    return sorted(np.random.default_rng(random_state).choice(n, sample, replace=False).tolist())


Texts = Sequence[str] | Callable[[list[int]], list[str]]


def fit_texts(
    texts: Texts, sample: int, random_state: int | None, n: int | None = None
) -> list[str]:
    """The texts a model is fitted on: all of them, or a fixed random ``sample`` of them
    (in corpus order) when there are more; 0 means all.

    ``texts`` are the texts, or a function giving the texts at some positions of the
    ``n`` reports (so that only the sample is read)."""
    if callable(texts):
        return list(texts(sample_positions(n, sample, random_state)))
    texts = list(texts)
    return [texts[i] for i in sample_positions(len(texts), sample, random_state)]


def model_folder(cache_dir: Path, key: str) -> Path:
    """Where the model of fingerprint ``key`` (and its quality figures) is kept."""
    return Path(cache_dir) / "models" / key


def fit_or_load(
    texts: Texts, doc_ids: Sequence[str], settings: Settings, cache: bool = True
) -> tuple[ThemeModel, str]:
    """The model of these reports and its fingerprint: loaded if kept, else fitted (and
    kept, unless ``cache`` is False). ``texts`` as :func:`fit_texts` takes them.

    Raises:
        ModelError: when no report has a sentence long enough to learn from.
        TaxonomyError: when the taxonomy file is malformed.
    """
    model = build_model(settings)
    key = fingerprint(model, doc_ids, settings.fit_sample)
    folder = model_folder(settings.cache_dir, key)
    if cache and (folder / "model.json").exists():
        try:
            return load_model(folder), key
        except ModelError as exc:  # torn or foreign files: never trusted, fitted again
            logger.warning("%s; fitting it again", exc)
    model.fit(fit_texts(texts, settings.fit_sample, settings.random_state, len(doc_ids)))
    if cache:
        save_model(model, folder)
    return model, key
