"""What one corpus says: its events with their themes, the theme model, the report texts
on demand, and the editors' corrections applied (see :func:`analytics.pipeline.analyse`)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

import numpy as np
import pandas as pd

from analytics.corrections import Corrections, apply_corrections, orphans
from analytics.ingest.store import StoredTexts
from analytics.meetings import meetings_of
from analytics.model.classify import quote_evidence
from analytics.model.evaluation import per_theme_scores
from analytics.model.themes import ThemeModel

__all__ = ["Analysis", "agreement_with_corrections"]

QUOTES_KEPT = 20_000  # (report, theme) evidence quotes an analysis keeps for the pages
SHOWN_FIRST = 10  # a theme's strongest reports whose evidence the Themes page quotes


@dataclass
class Analysis:
    """What one corpus says: events with their themes, evidence, and the theme table.

    The report texts are kept apart from the events (``texts``: the store's, by doc_id,
    read on demand), so that filtering the events copies no text and the dashboard does
    not hold every text from the start; the search and an opened report read them.
    """

    events: pd.DataFrame
    texts: StoredTexts
    doc_themes: pd.DataFrame
    themes: pd.DataFrame
    skipped: pd.DataFrame
    model: ThemeModel
    fingerprint: str
    n_files: int
    paths: tuple[str, ...] = ()
    updated: datetime | None = None
    signature: str = ""  # of the corpus files read (see ``corpus_signature``)
    folders: dict[str, int] = field(default_factory=dict, compare=False)  # their times, seen
    _quoted: dict = field(default_factory=dict, repr=False, compare=False)  # see evidence
    corrections: Corrections = field(default_factory=Corrections)  # the log applied
    correction_problems: tuple[str, ...] = ()  # the log's lines left out, with why
    # The corrected reports' rows as extraction and the model gave them.
    originals: tuple[pd.DataFrame, pd.DataFrame] | None = None
    # One row per meeting (see analytics.meetings); None until grouped.
    meetings: pd.DataFrame | None = None
    # Unique to this object (a changed analysis is a new one): what a page made from it
    # can be kept under this token.
    token: int = field(init=False, default_factory=itertools.count().__next__, compare=False)

    def grouped(self, meeting_ids: pd.Series) -> Analysis:
        """This analysis with its reports grouped into meetings: ``events`` gains
        ``meeting_id``, and ``meetings`` has a row per meeting."""
        events = self.events.assign(meeting_id=meeting_ids.to_numpy())
        return replace(self, events=events, meetings=meetings_of(self.events, meeting_ids))

    def reports_of(
        self, meetings: pd.DataFrame, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """The reports of these meetings (rows of ``events``, in its order), with only
        those of ``columns`` it has when given (a page that needs a few copies only
        those)."""
        ids, codes = self._meeting_codes
        wanted = np.zeros(len(ids) + 1, dtype=bool)  # the last: reports of no meeting
        found = ids.get_indexer(pd.unique(meetings["meeting_id"].to_numpy(dtype=object)))
        wanted[found[found >= 0]] = True
        events = (
            self.events
            if columns is None
            else self.events[[c for c in columns if c in self.events]]
        )
        return events[wanted[codes]]

    @cached_property
    def _meeting_codes(self) -> tuple[pd.Index, np.ndarray]:
        """The meeting ids and, for each report, its meeting's position among them (-1:
        none), once per analysis: selecting a meeting's reports compares no strings."""
        codes, ids = pd.factorize(self.events["meeting_id"].to_numpy(dtype=object))
        return pd.Index(ids, dtype=object), codes

    def corrected(self, corrections: Corrections, countries: dict[str, str]) -> Analysis:
        """This analysis with these corrections applied (instead of any applied before):
        ``events`` gains ``corrected``, the parts an editor corrected."""
        events, doc_themes = self.uncorrected()
        effect = corrections.in_effect
        touched = set(effect["doc_id"].tolist())
        fixed, fixed_themes, problems = apply_corrections(
            events, doc_themes, effect, self.themes, countries
        )
        originals = None
        if touched:
            originals = (
                events[events["doc_id"].isin(touched)],
                doc_themes[doc_themes["doc_id"].isin(touched)],
            )
        return replace(
            self, events=fixed, doc_themes=fixed_themes, corrections=corrections,
            correction_problems=(*corrections.problems, *problems), originals=originals,
            meetings=None,
        )  # fmt: skip

    @cached_property
    def editors_agreement(self) -> tuple[pd.DataFrame, int]:
        """Theme by theme, how far the model's themes agree with the editors' on the
        reports whose themes they corrected (no rows when none was), and how many
        reports those are; once per analysis."""
        rows = self.originals[0] if self.originals else self.events.iloc[:0]
        effect = self.corrections.in_effect
        table = agreement_with_corrections(rows, self.events, effect, self.model.theme_ids_)
        themed = set(effect.loc[effect["field"] == "theme", "doc_id"])
        return table, int(self.events["doc_id"].isin(themed).sum())

    @cached_property
    def orphaned_corrections(self) -> pd.DataFrame:
        """The corrections in effect whose report is no longer in the corpus."""
        return orphans(self.corrections.in_effect, self.events)

    def uncorrected(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The events and their themes as extraction and the model gave them."""
        events = self.events.drop(columns=["corrected", "meeting_id"], errors="ignore")
        if self.originals is None:
            return events, self.doc_themes
        rows, themes = self.originals
        events = pd.concat([events.drop(index=rows.index), rows]).loc[events.index]
        doc_themes = self.doc_themes[~self.doc_themes["doc_id"].isin(set(rows["doc_id"]))]
        return events, pd.concat([doc_themes, themes], ignore_index=True)

    @cached_property
    def corpus_fingerprint(self) -> str:
        """Hash of the reports in use (their doc_ids), for manifests and cache keys."""
        digest = hashlib.sha256("\n".join(sorted(self.events["doc_id"])).encode())
        return digest.hexdigest()[:16]

    def with_texts(self, events: pd.DataFrame | None = None) -> pd.DataFrame:
        """These events (all of them by default) with their ``text`` column."""
        events = self.events if events is None else events
        return events.assign(text=self.texts.of(events["doc_id"].tolist()).to_numpy())

    def evidence(self, rows: pd.DataFrame) -> list[list[str]]:
        """The evidence sentences of these rows of ``doc_themes`` (doc_id, theme), quoted
        again from their reports' texts by the model (none is kept for every report); each
        pair once per analysis, since every session shows the same few. A report's
        sentences are scored once for all its themes: quoting one of them quotes the
        others too, for the next page or selection that shows them."""
        if rows.empty:
            return []
        keys = list(zip(rows["doc_id"], rows["theme"], strict=True))
        found = {key: self._quoted.get(key) for key in keys}
        wanted: dict[str, list[str]] = {}
        for doc_id, theme in (key for key, sentences in found.items() if sentences is None):
            wanted.setdefault(doc_id, []).append(theme)
        if wanted:
            others = self.doc_themes[self.doc_themes["doc_id"].isin(set(wanted))]
            for doc_id, theme in zip(others["doc_id"], others["theme"], strict=True):
                if theme not in wanted[doc_id] and (doc_id, theme) not in self._quoted:
                    wanted[doc_id].append(theme)
            texts = self.texts.of(list(wanted)).fillna("").tolist()
            quoted = quote_evidence(self.model, texts, list(wanted.values()))
            fresh = {
                (doc_id, theme): sentences
                for doc_id, quotes in zip(wanted, quoted, strict=True)
                for theme, sentences in zip(wanted[doc_id], quotes, strict=True)
            }
            if len(self._quoted) > QUOTES_KEPT:
                self._quoted.clear()  # a bound on memory: pairs shown again are quoted again
            self._quoted.update(fresh)
            found.update(fresh)
        return [found[key] for key in keys]

    def quote_all(self, batch: int = 32) -> int:
        """Quote evidence ahead of the pages (off the request path), a batch of reports at
        a time: of every report when the analysis can keep them all, else of those the
        pages show first (each theme's strongest reports, over all and in each region);
        how many pairs."""
        pairs = self.doc_themes[["doc_id", "theme"]]
        if len(pairs) > QUOTES_KEPT:
            pairs = self.strongest(SHOWN_FIRST)
        # In order of doc_id, as a compacted store holds them: a batch reads few row groups.
        docs = sorted(set(pairs["doc_id"].tolist()))
        for start in range(0, len(docs), batch):
            self.evidence(pairs[pairs["doc_id"].isin(set(docs[start : start + batch]))])
        return len(pairs)

    def strongest(self, n: int) -> pd.DataFrame:
        """The (doc_id, theme) pairs of each theme's ``n`` strongest reports, and of its
        ``n`` strongest in each region (by the report's region), strongest first."""
        rows = self.doc_themes[["doc_id", "theme", "weight"]]
        regions = self.events.drop_duplicates("doc_id").set_index("doc_id")["region"]
        rows = rows.assign(region=regions.reindex(rows["doc_id"]).to_numpy())
        ranked = rows.sort_values("weight", ascending=False, kind="stable")
        top = pd.concat([
            ranked.groupby("theme", sort=False).head(n),
            ranked.groupby(["theme", "region"], sort=False, dropna=False).head(n),
        ])  # fmt: skip
        return top[["doc_id", "theme"]].drop_duplicates().reset_index(drop=True)

    @property
    def labels(self) -> dict[str, str]:
        """Theme id -> label, in the model's order (named themes first)."""
        return dict(zip(self.model.theme_ids_, self.model.labels_, strict=True))


def agreement_with_corrections(
    model_themes: pd.DataFrame, corrected: pd.DataFrame, in_effect: pd.DataFrame,
    theme_ids: Sequence[str],
) -> pd.DataFrame:  # fmt: skip
    """How far the model agrees with the editors, theme by theme: on the reports whose
    themes an editor corrected, the model's themes (``model_themes``: doc_id, themes)
    against the corrected ones (``corrected``: doc_id, themes), as precision and recall
    (see :func:`~analytics.model.evaluation.per_theme_scores`).
    """
    reviewed = set(in_effect.loc[in_effect["field"] == "theme", "doc_id"].tolist())
    truth = corrected[corrected["doc_id"].isin(reviewed)].set_index("doc_id")["themes"]
    said = model_themes.set_index("doc_id")["themes"].reindex(truth.index)
    scores = per_theme_scores(
        [set(t) for t in truth], [set(t) if isinstance(t, (list, tuple)) else set() for t in said],
        theme_ids,
    )  # fmt: skip
    return scores[(scores["support"] > 0) | (scores["assigned"] > 0)].reset_index(drop=True)
