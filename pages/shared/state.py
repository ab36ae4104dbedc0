"""The analysis in use, shared by every session of the server, and its slow parts.

The analysis of a corpus is computed once per corpus state (the files' signature) and
kept for the process; the model's quality figures are measured in the background.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Sequence

import streamlit as st

from analytics import access
from analytics.analysis import Analysis
from analytics.corrections import Correction, append_corrections
from analytics.errors import (
    AnalyticsError,
    CorpusError,
    ModelError,
    SettingsError,
    TaxonomyError,
)
from analytics.ingest.files import corpus_state, folders_unchanged
from analytics.jobs import Jobs
from analytics.pipeline import analyse, finish, prepare_extraction
from analytics.quality import Quality, measure_quality, stored_quality
from analytics.settings import Settings
from analytics.views.markdown import as_text

__all__ = [
    "correct",
    "editor",
    "load_analysis",
    "quality",
    "refit",
    "refitting",
    "rescan",
    "said",
    "settings",
    "why_not_edit",
]


def settings() -> Settings:
    """The settings of this run (the environment's overrides of the defaults)."""
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def _store() -> dict:
    """Process-wide: the analysis of each corpus and settings, a lock, background jobs
    (and refits, on a thread of their own, with their progress)."""
    return {"lock": threading.Lock(), "corpora": {}, "jobs": Jobs(), "refits": Jobs(),
            "progress": {}, "quality": {}, "frozen": None}  # fmt: skip


def load_analysis(current: Settings) -> Analysis:
    """The analysis of the corpus as it is on disk now, computed once per corpus state.

    When reports were added since the model was fitted, they are classified with the
    current model (no refit); :func:`refit` fits a new one on demand. A failure stops the
    page with a message that says what failed.
    """
    current.upload_dir.mkdir(parents=True, exist_ok=True)
    store = _store()
    with store["lock"]:
        known = store["corpora"].get(current)
        stamp = _stamp(current.corrections_file)  # first: a change during the read shows next
        if not _unchanged(known, current):
            before = known["analysis"] if known else None
            full = known is not None and known["folders"] is None  # a full look asked for
            bar = st.progress(0.0, text="Reading reports…")
            try:
                analysis = analyse(current, progress=_bar(bar), previous=before, full=full)
            except AnalyticsError as exc:
                bar.empty()
                st.error(_failure(exc))
                st.stop()
            bar.empty()
            # The folders' times as the load saw them: a change during it shows next.
            known = store["corpora"][current] = {
                "folders": analysis.folders, "analysis": analysis, "corrections": stamp
            }  # fmt: skip
        elif known["corrections"] != stamp:  # corrected since: applied again, in a moment
            known["analysis"] = finish(known["analysis"], current)
            known["corrections"] = stamp
    analysis = known["analysis"]
    warm = store["jobs"].submit(("prepare-extraction",), prepare_extraction, current)  # once
    measured = _kept_quality(analysis, current) is not None
    if not measured:
        store["jobs"].submit(("quality", analysis.fingerprint), measure_quality, analysis, current)
    # The evidence every page quotes, ahead of the first reader of each theme (after the
    # quality figures: one job at a time).
    store["jobs"].submit(("evidence", analysis.token), analysis.quote_all)
    # Files rewritten in place while the server was down leave their folders' times
    # alone: every file is looked at once in the background after the first read.
    store["jobs"].submit(("full-look", current), _look_at_every_file, current)
    _freeze_when_changed(store, (id(analysis), warm.done(), measured))
    return analysis


def _stamp(path) -> tuple[int, int] | None:
    """The corrections log's modification time and size (None while there is none)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def editor() -> str:
    """Who is editing, as the corrections log names them: the e-mail of the one logged in,
    else "everyone" (editing open to all)."""
    return str(st.user.get("email") or "") if st.user.get("is_logged_in") else "everyone"


def correct(current: Settings, corrections: Sequence[Correction]) -> None:
    """Add corrections to the log: every session shows them from its next run."""
    append_corrections(current.corrections_file, corrections)


def _freeze_when_changed(store: dict, state: tuple) -> None:
    """Leave every object alive now out of later garbage collections, when the
    process's long-lived state (the analysis, the gazetteer, the quality figures) is new.

    Streamlit collects garbage after every script run: over the half a million objects of
    the libraries and the analysis each collection held the interpreter for about a
    second, and every other session waited. Frozen objects are still freed when no longer
    referenced; only their reference cycles are never collected (a few, once per state).
    """
    if store.get("frozen") != state:
        store["frozen"] = state
        gc.freeze()


def _kept_quality(analysis: Analysis, current: Settings) -> Quality | None:
    """The model's stored quality figures, read from disk once per process (not on every
    rerun), or None while not measured."""
    found = _store()["quality"]
    key = (current.cache_dir, analysis.fingerprint)
    if key not in found:
        kept = stored_quality(analysis, current)
        if kept is None:
            return None
        found[key] = kept
    return found[key]


def _unchanged(known: dict | None, current: Settings) -> bool:
    """True when the corpus is as it was when ``known`` was analysed: no folder's time
    changed (a stat per folder, none per file), or the files' signature is the same (only
    the changed folders listed again, unless a look at every file was asked for)."""
    if known is None:
        return False
    if known["folders"] and folders_unchanged(known["folders"]):
        return True
    signature, folders = corpus_state(current, full=known["folders"] is None)
    if signature != known["analysis"].signature:
        return False
    known["folders"] = folders
    return True


def _look_at_every_file(current: Settings) -> bool:
    """Stat every corpus file; when one changed since the analysis in use was read
    (rewritten in place), the next run reads the corpus again, looking at every file.
    True if so."""
    signature, _ = corpus_state(current, full=True)
    store = _store()
    with store["lock"]:
        known = store["corpora"].get(current)
        if known is None or known["analysis"].signature == signature:
            return False
        known["folders"] = None
    return True


def _bar(bar) -> Callable[[str, float], None]:
    return lambda message, done: bar.progress(min(done, 1.0), text=message)


def said(exc: Exception) -> str:
    """An error's message as any viewer may see it: shown as text, without the server's
    paths (see :func:`analytics.access.for_viewers`)."""
    return as_text(access.for_viewers(str(exc)))


def _failure(exc: AnalyticsError) -> str:
    if isinstance(exc, CorpusError):
        return f"No report could be read: {said(exc)}. Add reports on the Data page."
    if isinstance(exc, TaxonomyError):
        return f"The taxonomy of themes could not be read: {said(exc)}"
    if isinstance(exc, ModelError):
        return f"The theme model could not be fitted: {said(exc)}"
    return f"The reports could not be analysed: {said(exc)}"


def why_not_edit(current: Settings) -> str | None:
    """Why the viewer of this session may not change the corpus, None if they may (see
    analytics.access); a wrong ``editing`` setting is shown, and nobody edits."""
    try:
        return access.why_not_edit(current, st.user.to_dict())
    except SettingsError as exc:
        st.error(said(exc))
        return "Nobody may add reports or refit the model until that setting is corrected."


def rescan(current: Settings) -> None:
    """Look at every file again on the next load (for reports rewritten in place, which
    leave their folder's time alone); unchanged files are still not read again."""
    store = _store()
    with store["lock"]:
        known = store["corpora"].get(current)
        if known is not None:
            known["folders"] = None


def refit(current: Settings) -> bool:
    """Fit a model on the whole corpus in the background (the dashboard keeps the current
    one until it is done, then every session uses the new one); False when a refit of
    this corpus is running already."""
    store = _store()

    def work() -> Analysis:
        store["progress"][current] = ("Starting", 0.0)
        stamp = _stamp(current.corrections_file)
        analysis = analyse(
            current, progress=lambda m, f: store["progress"].update({current: (m, f)})
        )
        with store["lock"]:
            store["corpora"][current] = {
                "folders": analysis.folders, "analysis": analysis, "corrections": stamp
            }  # fmt: skip
        return analysis

    return store["refits"].start(("refit", current), work) is not None


def refitting(current: Settings) -> tuple[str, float] | None:
    """The running refit's step and fraction done, or None when none is running.

    Raises:
        AnalyticsError: when the last refit failed (once: the next call says None).
    """
    store = _store()
    job = store["refits"].get(("refit", current))
    if job is None:
        return None
    if not job.done():
        return store["progress"].get(current, ("Starting", 0.0))
    if store["progress"].pop(current, None) is not None and job.exception() is not None:
        raise job.exception()
    return None


def quality(analysis: Analysis, current: Settings) -> Quality | None:
    """The model's quality figures and per-theme agreement, or None while they are being
    measured.

    Raises:
        AnalyticsError: when measuring them failed.
    """
    table = _kept_quality(analysis, current)
    if table is not None:
        return table
    job = _store()["jobs"].submit(
        ("quality", analysis.fingerprint), measure_quality, analysis, current
    )
    return job.result() if job.done() else None
