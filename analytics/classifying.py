"""Themes of every report of a corpus, each report classified once per model.

:func:`classify_all` runs the model over the reports in batches on the engine; a
:class:`Classified` holds what a model said of the reports it has seen, so that a later
analysis (new reports added, or the dashboard starting again on a warm store) classifies
only the reports it has not seen. A model's classification is kept beside it, in Parquet
parts, one per classification.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.engine import make_engine
from analytics.model.classify import DOC_THEME_COLUMNS, DOC_THEME_TYPES, classify
from analytics.model.themes import ThemeModel
from analytics.settings import Settings

__all__ = ["CLASSIFY_ROWS", "Classified", "classify_all", "classify_batch", "classify_new"]

CLASSIFY_ROWS = 10_000  # reports per batch of classification
_PARTS = "classified"  # the folder of parts beside a model
_VERSION = "2"  # of the parts' layout: parts of another version are classified again
KEPT_THEME_COLUMNS = [c for c in DOC_THEME_COLUMNS if c != "evidence"]
MAX_PARTS = 8  # more parts than this are merged into one when loaded


@dataclass(frozen=True)
class Classified:
    """What one model said of some reports: their rows of ``doc_themes`` (without the
    evidence sentences, quoted again for the few reports shown), and per report (by
    doc_id) its ``themes``."""

    doc_themes: pd.DataFrame
    docs: pd.DataFrame  # doc_id, themes

    @classmethod
    def of(cls, doc_themes: pd.DataFrame, events: pd.DataFrame) -> Classified:
        docs = events[["doc_id", "themes"]].drop_duplicates("doc_id")
        return cls(doc_themes[KEPT_THEME_COLUMNS], docs)

    @classmethod
    def load(cls, model_folder: Path) -> Classified | None:
        """The classification kept beside a model, or None when there is none (a damaged
        part is left out: its reports are classified again)."""
        themes, docs = [], []
        parts = sorted((Path(model_folder) / _PARTS).glob(f"docs-v{_VERSION}-*.parquet"))
        for part in parts:
            try:
                table = pq.read_table(part, columns=["doc_id", "themes"])
                theme_rows = pd.read_parquet(
                    part.with_name(part.name.replace("docs-", "themes-")),
                    columns=KEPT_THEME_COLUMNS,
                )
            except (OSError, ValueError, KeyError, pa.ArrowException):
                continue  # damaged
            # lists as lists, straight from Arrow: no per-row work
            doc_ids = table.column("doc_id").to_pandas().astype("string")
            docs.append(
                pd.DataFrame({"doc_id": doc_ids, "themes": table.column("themes").to_pylist()})
            )
            themes.append(theme_rows)
        if not docs:
            return None
        if len(docs) == 1:
            doc_table, doc_themes = docs[0], themes[0]
        else:
            doc_table = pd.concat(docs, ignore_index=True)
            doc_themes = pd.concat(themes, ignore_index=True)
            twice = doc_table["doc_id"].duplicated()
            if twice.any():  # classified in two parts (two servers at once): rows kept once
                doc_table = doc_table[~twice.to_numpy()]
                doc_themes = doc_themes.drop_duplicates(["doc_id", "theme"])
        types = {**DOC_THEME_TYPES, "weight": float, "rank": int}
        found = cls(
            doc_themes.astype(types).reset_index(drop=True), doc_table.reset_index(drop=True)
        )
        if len(parts) > MAX_PARTS:  # one part per addition of reports: merged into one
            found.save(model_folder)
            for part in parts:
                part.unlink(missing_ok=True)
                part.with_name(part.name.replace("docs-", "themes-")).unlink(missing_ok=True)
        return found

    def save(self, model_folder: Path) -> None:
        """Add this classification beside the model, as one part written atomically."""
        if self.docs.empty:
            return
        folder = Path(model_folder) / _PARTS
        folder.mkdir(parents=True, exist_ok=True)
        name = f"v{_VERSION}-{uuid.uuid4().hex}"
        docs = pd.DataFrame(
            {"doc_id": self.docs["doc_id"].tolist(), "themes": self.docs["themes"].tolist()}
        )
        _write(self.doc_themes[KEPT_THEME_COLUMNS], folder / f"themes-{name}.parquet")
        _write(docs, folder / f"docs-{name}.parquet")  # last: it marks the part complete


def _write(frame: pd.DataFrame, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def classify_all(
    model: ThemeModel, events: pd.DataFrame, settings: Settings
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`~analytics.model.classify.classify` in batches of reports, on the settings'
    engine when there are several (in their order, whichever finishes first). A batch
    carries its reports' ids and texts only, and brings back their themes."""
    if len(events) <= CLASSIFY_ROWS:
        return classify(model, events)
    reports = events[["doc_id", "text"]]
    starts = range(0, len(events), CLASSIFY_ROWS)
    batches = [(start, reports.iloc[start : start + CLASSIFY_ROWS]) for start in starts]
    engine = make_engine(settings.engine, settings.workers, jobs=len(batches))
    try:
        done = sorted(engine.map(classify_batch, batches, model), key=lambda r: r[0])
    finally:
        engine.close()
    doc_themes = pd.concat([d for _, d, _ in done], ignore_index=True)
    found = pd.concat([e for _, _, e in done])
    classified = events.copy()
    classified["themes"] = found["themes"].tolist()
    classified["theme_weights"] = found["theme_weights"].tolist()
    return doc_themes, classified


def classify_batch(
    batch: tuple[int, pd.DataFrame], model: ThemeModel
) -> tuple[int, pd.DataFrame, pd.DataFrame]:
    """The themes of one batch of reports (doc_themes, and each report's ``themes`` and
    ``theme_weights``), with the batch's start: a pure function that any engine runs."""
    start, events = batch
    doc_themes, classified = classify(model, events)
    return start, doc_themes, classified[["themes", "theme_weights"]]


def classify_new(
    model: ThemeModel,
    known: Classified | None,
    events: pd.DataFrame,
    settings: Settings,
    texts: Callable[[pd.DataFrame], list[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, Classified]:
    """The themes of every report: ``known``'s for the reports it holds, the model's for
    the others. ``texts`` gives the texts of the events to classify when their ``text``
    column does not hold them all (read from the store).

    Returns:
        ``(doc_themes, events, new)``: as :func:`~analytics.model.classify.classify`
        gives them for all the reports, but without the evidence sentences and the theme
        weights (events keep their ``themes``), and the classification of the new ones.
    """

    def with_texts(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(text=texts(frame)) if texts is not None and len(frame) else frame

    if known is None:
        doc_themes, classified = classify_all(model, with_texts(events), settings)
        new = Classified.of(doc_themes, classified)
        return new.doc_themes, classified.drop(columns="theme_weights"), new
    prior = known.docs.set_index("doc_id")
    seen = _among(events["doc_id"], prior.index)
    new_themes, new_events = classify_all(model, with_texts(events[~seen]), settings)
    kept = events[seen].copy()
    kept["themes"] = prior["themes"].reindex(kept["doc_id"]).to_numpy()
    kept_themes = known.doc_themes
    if len(kept) < len(prior):  # some reports the model saw are gone
        kept_themes = kept_themes[_among(kept_themes["doc_id"], kept["doc_id"])]
    parts = [part for part in (kept_themes, new_themes) if not part.empty] or [new_themes]
    if len(parts) == 1:
        doc_themes = parts[0][KEPT_THEME_COLUMNS].reset_index(drop=True)
    else:
        doc_themes = pd.concat([part[KEPT_THEME_COLUMNS] for part in parts], ignore_index=True)
    doc_themes = doc_themes.astype(DOC_THEME_TYPES)
    if new_events.empty:
        return doc_themes, kept, Classified.of(new_themes, new_events)
    # In the events' order (their index is unique): the kept ones, then the new ones.
    order = np.argsort(np.r_[np.flatnonzero(seen), np.flatnonzero(~seen)], kind="stable")
    classified = pd.concat([kept, new_events.drop(columns="theme_weights")]).iloc[order]
    return doc_themes, classified, Classified.of(new_themes, new_events)


def _among(values: pd.Series, allowed) -> np.ndarray:
    """``values.isin(allowed)`` through a Python set: several times faster on string
    columns of many rows."""
    allowed = set(allowed.tolist())
    return np.fromiter((v in allowed for v in values.tolist()), bool, len(values))
