"""Saving and loading a fitted theme model as JSON and plain arrays (never a pickle)."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np

from analytics.errors import ModelError
from analytics.model.taxonomy import Theme
from analytics.model.themes import ThemeModel
from analytics.model.vocabulary import make_vectorizer

__all__ = ["load_model", "save_model"]

_ARRAYS = ("components", "alignment", "unit_scale", "seed_matrix")


def save_model(model: ThemeModel, folder: str | Path) -> None:
    """Write a fitted model as ``model.json`` and ``model.npz`` in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    meta = {
        "params": {k: v for k, v in model.get_params().items() if k != "themes"},
        "themes": [
            {"id": t.id, "label": t.label, "description": t.description, "terms": t.terms}
            for t in model.themes
        ],
        "vocabulary": {term: int(i) for term, i in model.vectorizer_.vocabulary_.items()},
    }
    arrays = {name: getattr(model, f"{name}_") for name in _ARRAYS}
    # Each file is written whole under a temporary name, then renamed: a crash never leaves
    # a torn model. The JSON comes last: it marks the model complete.
    with open(folder / ".model.npz.tmp", "wb") as out:
        np.savez(out, idf=model.vectorizer_.idf_, **arrays)
    os.replace(folder / ".model.npz.tmp", folder / "model.npz")
    (folder / ".model.json.tmp").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    os.replace(folder / ".model.json.tmp", folder / "model.json")


def load_model(folder: str | Path) -> ThemeModel:
    """Read a model written by :func:`save_model` (JSON and plain arrays only).

    Raises:
        ModelError: when the files are missing or damaged.
    """
    folder = Path(folder)
    try:
        meta = json.loads((folder / "model.json").read_text("utf-8"))
        with np.load(folder / "model.npz", allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in (*_ARRAYS, "idf")}
        themes = [
            Theme(t["id"], t["label"], t["description"],
                  {k: tuple(v) for k, v in t["terms"].items()})
            for t in meta["themes"]
        ]  # fmt: skip
        model = ThemeModel(themes=themes, **meta["params"])
        model.vectorizer_ = make_vectorizer(vocabulary=meta["vocabulary"])
        model.vectorizer_.idf_ = arrays["idf"]
        for name in _ARRAYS:
            setattr(model, f"{name}_", arrays[name])
        model.label_themes()
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError,
            zipfile.BadZipFile) as exc:  # fmt: skip
        raise ModelError(f"{folder}: cannot load the theme model: {exc}") from exc
    return model
