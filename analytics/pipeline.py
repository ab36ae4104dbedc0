"""From corpus folders to everything the dashboard shows: files -> events -> themes.

:func:`load_corpus` reads and extracts every report (each file once per content, through
the extraction store); :func:`analyse` adds the theme model (fitted once per corpus and
kept by fingerprint) and classifies every report. A file that cannot be read is reported
in the ingest report and skipped; it never stops the others.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from analytics.analysis import Analysis
from analytics.classifying import Classified, classify_new
from analytics.corrections import country_codes, read_corrections
from analytics.engine import make_engine
from analytics.errors import CorpusError, DocumentError
from analytics.extract.event import EXTRACTOR_VERSION, empty_events, events_frame
from analytics.extracting import extract_batch, prepare_extraction
from analytics.grouping import kept_grouping
from analytics.ingest.base import Skipped
from analytics.ingest.chunks import in_chunks, table_chunks
from analytics.ingest.files import corpus_files, listing_file, sign
from analytics.ingest.listing import Listed, Listing
from analytics.ingest.store import ExtractionStore, StoredTexts, extraction_key, path_key
from analytics.model.classify import theme_table
from analytics.model.fit import fit_or_load, model_folder
from analytics.settings import Settings

__all__ = ["Corpus", "analyse", "finish", "group_meetings", "load_corpus", "prepare_extraction"]

Progress = Callable[[str, float], None]


@dataclass
class Corpus:
    """The events table and the ingest report of one load."""

    events: pd.DataFrame
    skipped: list[Skipped] = field(default_factory=list)
    n_files: int = 0
    duplicates: int = 0
    updated: datetime | None = None  # newest modification time of a file read
    texts: StoredTexts | None = None  # the texts left out of ``events`` (``texts=False``)
    signature: str = ""  # of the files as this load found them (see ``corpus_signature``)
    folders: dict[str, int] = field(default_factory=dict)  # times of its folders, as seen

    @property
    def ingest_report(self) -> pd.DataFrame:
        """Skipped files and rows as a table (source, reason)."""
        return pd.DataFrame(
            [(s.source, s.reason) for s in self.skipped], columns=["source", "reason"]
        )


BATCH_FILES = 200  # files per batch of extraction: a worker's unit of work and of storing


def load_corpus(
    paths: Iterable[str | Path],
    settings: Settings,
    cache: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    texts: bool = True,
    full: bool = True,
) -> Corpus:
    """Read every report under ``paths`` into the events table.

    Files whose content is in the store are not read again; the others are extracted in
    batches on the settings' engine (``engine``, ``workers``), a large table in chunks of
    rows (see :mod:`analytics.ingest.chunks`), each batch or chunk stored as it finishes, so a
    load that stops half-way resumes where it stopped.

    Args:
        paths: files and folders (read recursively).
        settings: the tables of places and regions, size limit, ignored names, cache,
            engine.
        cache: read and write the extraction store in ``settings.cache_dir``.
        progress: called as ``progress(done, total, name)`` as files are done.
        texts: give every event its ``text``; when False (and ``cache``), only the reports
            extracted by this load have it, and ``Corpus.texts`` reads the others' from
            the store on demand.
        full: stat every file; when False (and ``cache``), the folders whose
            modification time is that of the last load are not listed again and their
            files are taken as they were (a file rewritten in place is not noticed: see
            :mod:`analytics.ingest.listing`).

    Returns:
        The events (one row per distinct report) and the ingest report.
    """
    paths = list(paths)
    listed = listing_file(paths, settings.cache_dir) if cache else None
    kept = Listing.read(listed) if listed and not full else None
    files, skipped, listing = corpus_files(paths, settings.ignored_names, kept, full)
    passed_over = list(skipped)
    tables = tuple(str(t) for t in settings.place_tables)
    inputs = (tables, str(settings.cache_dir) if cache else None)  # its city index kept there
    version = extraction_key(EXTRACTOR_VERSION, settings.place_tables)
    store = ExtractionStore(settings.cache_dir if cache else None)
    keyed, todo, newest = [], {}, None
    for file in files:
        if file.error:
            skipped.append(Skipped(file.name, file.error))
            continue
        try:
            key = _key(file, settings, store, version)
        except DocumentError as exc:
            skipped.append(Skipped(file.name, str(exc)))
            continue
        newest = max(newest or file.mtime_ns, file.mtime_ns)
        keyed.append((file.name, key))
        if not store.has(key):
            todo.setdefault(key, ((file.path, file.name, key), file.size))
    split, whole = [], []  # tables given out in chunks of rows; files given out whole
    for file, size in todo.values():
        (split if in_chunks(file[0], size, file[2], store) else whole).append(file)
    batches = [whole[i : i + BATCH_FILES] for i in range(0, len(whole), BATCH_FILES)]
    with_texts = texts or not cache
    begun = store.rows((key for _, _, key in split), texts=with_texts)  # chunks kept earlier
    work = itertools.chain(batches, table_chunks(split, store, skipped))
    jobs = len(batches) + 2 * len(split)
    new = _extract_all(work, jobs, inputs, settings, store, skipped, progress, len(files),
                       len(files) - len(todo))  # fmt: skip
    store.save()
    if listed and (kept is None or not listing.same_as(kept)):
        with contextlib.suppress(OSError):  # not kept: the next load lists every folder
            listing.write(listed)
    # The new rows are in hand; the kept ones are read, without their texts if asked so.
    kept = store.rows((key for _, key in keyed if key not in todo), texts=with_texts)
    events = _events_of(keyed, pd.concat([kept, begun, *new]))
    before = len(events)
    events = events.drop_duplicates("doc_id", keep="first").reset_index(drop=True)
    updated = datetime.fromtimestamp(newest / 1e9) if newest is not None else None
    stored = store.texts(events["doc_id"]) if cache and not texts else None
    n_duplicates = before - len(events)
    return Corpus(events, skipped, len(files), n_duplicates, updated, stored,
                  sign(files, passed_over), listing.times)  # fmt: skip


def _key(file: Listed, settings: Settings, store: ExtractionStore, version: str) -> str:
    """The file's content key (from the store's manifest when the file is unchanged).

    Raises:
        DocumentError: when it is over the size limit or cannot be read.
    """
    try:
        if file.size > settings.max_file_bytes:
            raise DocumentError(f"file larger than the {settings.max_file_mb:g} MB limit")
        key = store.known_key(file.name, file.size, file.mtime_ns, version)
        key = key or path_key(file.path, version)
    except OSError as exc:
        raise DocumentError(f"cannot read file: {exc.strerror or exc}") from exc
    store.remember(file.name, file.size, file.mtime_ns, version, key)
    return key


def _extract_all(
    work, jobs, inputs, settings, store, skipped, progress, total, done
) -> list[pd.DataFrame]:
    """Run the units of work on the engine, storing each one's rows as it finishes."""
    engine = make_engine(settings.engine, settings.workers, jobs=jobs)
    frames = []
    try:
        for frame, batch_skips, units, last, count in engine.map(extract_batch, work, *inputs):
            store.append(frame, units)
            frames.append(frame)
            skipped.extend(batch_skips)
            done += count
            if progress:
                progress(done, total, last)
    finally:
        engine.close()
    return frames


def _events_of(keyed: list[tuple[str, str]], rows: pd.DataFrame) -> pd.DataFrame:
    """The events table: each file's rows (by its key) named after the file, in order."""
    if rows.empty or not keyed:
        return empty_events()
    files = pd.DataFrame(keyed, columns=["name", "key"])
    joined = files.merge(rows.drop_duplicates(["key", "row"]), on="key", how="inner")
    if "text" not in joined:
        joined["text"] = pd.NA  # read without texts, and none new
    return events_frame(joined.assign(source=joined["name"] + joined["row"]))


def analyse(
    settings: Settings,
    progress: Progress | None = None,
    previous: Analysis | None = None,
    full: bool = False,
) -> Analysis:
    """Read the settings' corpus, fit (or load) its theme model and classify every report.

    Args:
        settings: the corpus folders, the cache and the model's parameters.
        progress: called as ``progress(message, fraction_done)``.
        previous: an earlier analysis of the corpus: its model is kept (no refit) and only
            the reports it did not classify are classified, so that newly added reports
            show in seconds however large the corpus.
        full: stat every corpus file; by default only the folders whose time changed
            since the last load are listed again (see :func:`load_corpus`).

    Raises:
        CorpusError: when no report could be read.
        ModelError: when the theme model cannot be fitted.
        TaxonomyError: when the taxonomy file is malformed.
    """
    say = progress or (lambda message, fraction: None)
    paths = list(settings.corpus_dirs)

    def reading(done: int, total: int, name: str) -> None:
        say(f"Reading report {done} of {total}", 0.8 * done / max(total, 1))

    corpus = load_corpus(paths, settings, progress=reading, texts=False, full=full)
    events = corpus.events
    if events.empty:
        raise CorpusError("no report could be read from " + ", ".join(map(str, paths)))

    def texts_of(frame: pd.DataFrame) -> list[str]:
        """The texts of these events: those in hand, the others read from the store."""
        missing = frame["text"].isna().to_numpy()
        if not missing.any():
            return frame["text"].tolist()
        filled = frame["text"].copy()
        filled[missing] = corpus.texts.of(frame.loc[missing, "doc_id"].tolist()).to_numpy()
        return filled.tolist()

    if previous is None:
        say("Fitting the theme model", 0.85)
        sample = lambda positions: texts_of(events.iloc[positions])  # noqa: E731
        model, fingerprint = fit_or_load(sample, events["doc_id"], settings)
        known = Classified.load(model_folder(settings.cache_dir, fingerprint))
    else:
        model, fingerprint = previous.model, previous.fingerprint
        before, before_themes = previous.uncorrected()
        known = Classified.of(before_themes, before)
    say("Classifying reports", 0.95)
    doc_themes, events, new = classify_new(model, known, events, settings, texts_of)
    new.save(model_folder(settings.cache_dir, fingerprint))
    say("Done", 1.0)
    analysis = Analysis(
        events=events.drop(columns="text"),
        texts=corpus.texts,
        doc_themes=doc_themes,
        themes=theme_table(model, doc_themes),
        skipped=corpus.ingest_report,
        model=model,
        fingerprint=fingerprint,
        n_files=corpus.n_files,
        updated=corpus.updated,
        paths=tuple(str(p) for p in paths),
        signature=corpus.signature,
        folders=corpus.folders,
    )
    return finish(analysis, settings)


def finish(analysis: Analysis, settings: Settings) -> Analysis:
    """The analysis with the editors' corrections (as the log is now) applied and its
    reports grouped into meetings (the grouping kept in the cache by what it depends on:
    each report's id, title, dates, place and type; reports added or changed since the
    last one kept are compared only with the reports near them in date)."""
    corrections = read_corrections(settings.corrections_file)
    analysis = analysis.corrected(corrections, country_codes(settings.regions_file))
    events = analysis.events

    def texts_of(doc_ids: list[str]) -> list[str]:
        return analysis.texts.of(doc_ids).fillna("").tolist()

    return analysis.grouped(group_meetings(events, settings, texts_of))


def group_meetings(
    events: pd.DataFrame, settings: Settings, texts_of: Callable[[list[str]], list[str]]
) -> pd.Series:
    """The meeting of each report, the grouping kept in the cache: the cold pipeline's last
    step (after a first read of a corpus), so that the dashboard opens on it; the reports
    added or changed since are compared only with the reports near them in date."""
    return kept_grouping(events, texts_of, Path(settings.cache_dir) / "meetings").astype("str")
