"""Build the events table of a corpus: files in, one row per meeting report out.

Files are read recursively; each is processed once per content: extracted rows are kept
in a parquet cache keyed by the file's content hash, so re-reading a large corpus after one
file changed re-processes only that file. A file that cannot be read is reported in the
ingest report and skipped; it never stops the others.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from analytics import settings
from analytics.documents import SUPPORTED_SUFFIXES, DocumentError, read_bytes
from analytics.extract import extract_event
from analytics.geo import gazetteer

__all__ = [
    "EVENT_COLUMNS",
    "Corpus",
    "CorpusError",
    "Skipped",
    "corpus_files",
    "corpus_signature",
    "load_corpus",
]

# Bump when extraction changes, so cached rows are recomputed.
EXTRACTOR_VERSION = "13"

EVENT_COLUMNS: dict[str, str] = {
    "doc_id": "string",
    "source": "string",
    "title": "string",
    "published": "datetime64[s]",
    "date": "datetime64[s]",
    "end_date": "datetime64[s]",
    "year": "Int64",
    "city": "string",
    "country": "string",
    "iso3": "string",
    "region": "string",
    "virtual": "bool",
    "event_type": "string",
    "people": "object",
    "organisations": "object",
    "text": "string",
    "n_words": "Int64",
}

Progress = Callable[[int, int, str], None]


class CorpusError(Exception):
    """No report could be read from the given paths."""


@dataclass(frozen=True)
class Skipped:
    """A file (or table row) that was not read, and why."""

    source: str
    reason: str


@dataclass
class Corpus:
    """The events table and the ingest report of one load."""

    events: pd.DataFrame
    skipped: list[Skipped] = field(default_factory=list)
    n_files: int = 0
    duplicates: int = 0
    updated: datetime | None = None  # newest modification time of a file read

    @property
    def ingest_report(self) -> pd.DataFrame:
        """Skipped files and rows as a table (source, reason)."""
        return pd.DataFrame(
            [(s.source, s.reason) for s in self.skipped], columns=["source", "reason"]
        )


def corpus_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """Every candidate file under ``paths`` as (path, name relative to its root).

    Hidden files and folders and the settings' ``ignored_files`` are passed over; files of
    unsupported types are reported as skipped.
    """
    ignored = set(settings.get("ignored_files"))
    found: list[tuple[Path, str]] = []
    skipped: list[Skipped] = []
    for raw in paths:
        root = Path(raw)
        if root.is_file():
            candidates, base = [root], root.parent
        elif root.is_dir():
            candidates, base = sorted(p for p in root.rglob("*") if p.is_file()), root
        else:
            skipped.append(Skipped(str(raw), "no such file or folder"))
            continue
        for path in candidates:
            relative = path.relative_to(base)
            if any(part.startswith(".") for part in relative.parts) or path.name in ignored:
                continue
            name = f"{root.name}/{relative.as_posix()}" if root.is_dir() else path.name
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(name, f"unsupported file type {path.suffix or '(none)'}"))
                continue
            found.append((path, name))
    return found, skipped


def corpus_signature(paths: Iterable[str | Path]) -> str:
    """A cheap fingerprint of the corpus files (names, sizes, modification times): it
    changes when a report is added, removed or edited, without reading any content."""
    digest = hashlib.sha256()
    files, skipped = corpus_files(paths)
    for path, name in files:
        stat = path.stat()
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for skip in skipped:
        digest.update(f"{skip.source}\0{skip.reason}\n".encode())
    return digest.hexdigest()[:16]


def _cache_key(data: bytes) -> str:
    digest = hashlib.sha256(data)
    digest.update(EXTRACTOR_VERSION.encode())
    digest.update(Path(settings.get("regions_file")).read_bytes())
    return digest.hexdigest()


def doc_id(text: str) -> str:
    """Stable identifier of a report: a hash of its whitespace-normalised text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _extract_file(data: bytes, name: str) -> tuple[list[dict], list[Skipped]]:
    rows, skipped = [], []
    gaz = gazetteer()
    for document in read_bytes(data, name):
        row_suffix = document.source[len(name) :]
        if not document.text.strip():
            skipped.append(Skipped(document.source, "table row has no text"))
            continue
        event = extract_event(document, gaz)
        event["row"] = row_suffix
        event["doc_id"] = doc_id(event["text"])
        rows.append(event)
    return rows, skipped


class _Cache:
    """Extracted rows by content hash, in one parquet file written atomically."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "events.parquet" if folder else None
        self.frame = pd.DataFrame()
        if self.path and self.path.exists():
            try:
                self.frame = pd.read_parquet(self.path)
            except (OSError, ValueError):
                self.frame = pd.DataFrame()  # a damaged cache is rebuilt, never trusted
        self.by_key = {k: g for k, g in self.frame.groupby("key")} if len(self.frame) else {}
        self.new: list[pd.DataFrame] = []

    def get(self, key: str) -> pd.DataFrame | None:
        return self.by_key.get(key)

    def put(self, key: str, rows: list[dict]) -> None:
        frame = pd.DataFrame(rows).assign(key=key)
        self.by_key[key] = frame
        self.new.append(frame)

    def save(self) -> None:
        if not self.path or not self.new:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        frame = pd.concat(self.by_key.values(), ignore_index=True)
        frame = frame.drop(columns=["source"], errors="ignore")
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        os.close(fd)
        try:
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)


def load_corpus(
    paths: Iterable[str | Path],
    cache_dir: str | Path | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Read every report under ``paths`` into the events table.

    Args:
        paths: files and folders (read recursively).
        cache_dir: folder of the extraction cache; None disables caching.
        progress: called as ``progress(done, total, name)`` after each file.

    Returns:
        The events (one row per distinct report) and the ingest report.
    """
    files, skipped = corpus_files(paths)
    cache = _Cache(Path(cache_dir) if cache_dir else None)
    limit = float(settings.get("max_file_mb")) * 1024 * 1024
    frames = []
    newest = None
    for done, (path, name) in enumerate(files, start=1):
        try:
            stat = path.stat()
            newest = max(newest or stat.st_mtime, stat.st_mtime)
            if stat.st_size > limit:
                raise DocumentError(f"file larger than the {limit / 2**20:g} MB limit")
            data = path.read_bytes()
            key = _cache_key(data)
            cached = cache.get(key)
            if cached is None:
                rows, row_skips = _extract_file(data, name)
                skipped.extend(row_skips)
                if rows:
                    cache.put(key, rows)
                    cached = cache.get(key)
            if cached is not None:
                frames.append(cached.assign(source=name + cached["row"]))
        except DocumentError as exc:
            skipped.append(Skipped(name, str(exc)))
        except OSError as exc:
            skipped.append(Skipped(name, f"cannot read file: {exc.strerror or exc}"))
        if progress:
            progress(done, len(files), name)
    cache.save()
    events = _events_frame(frames)
    before = len(events)
    events = events.drop_duplicates("doc_id", keep="first").reset_index(drop=True)
    updated = datetime.fromtimestamp(newest) if newest is not None else None
    return Corpus(events, skipped, len(files), before - len(events), updated)


def _events_frame(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return empty_events()
    events = pd.concat(frames, ignore_index=True)
    events = events[list(EVENT_COLUMNS)]
    for column, dtype in EVENT_COLUMNS.items():
        if column in ("people", "organisations"):
            events[column] = events[column].map(lambda v: list(v) if v is not None else [])
        elif dtype.startswith("datetime"):
            events[column] = pd.to_datetime(events[column]).astype(dtype)
        else:
            events[column] = events[column].astype(dtype)
    return events


def empty_events() -> pd.DataFrame:
    """An events table with the right columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in EVENT_COLUMNS.items()})
