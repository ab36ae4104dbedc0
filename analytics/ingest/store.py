"""The extraction store: extracted rows by content key, in Parquet parts written as they
finish.

A file's key hashes its bytes with everything else that changes what extraction makes
of them (the extractor's version and the tables of places and regions), so re-reading a
large corpus after one file changed re-processes only that file, and changing a table
re-processes every file. Each batch of new rows is written as its own part, atomically,
so a load that stops half-way keeps what it did and the next one resumes; many small
parts are compacted into one. A manifest remembers each file's size, modification time
and key, so a warm start need not read the files again.

A large table is extracted in chunks of rows, each stored as it finishes: its rows are
under the table's key, and the part names the chunk it holds (a *unit*: key, first and
next row, whether it is the table's last), so that a key is whole only once every chunk
of its table is stored, and a resumed load extracts only the chunks that are not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

__all__ = ["ExtractionStore", "StoredTexts", "Unit", "extraction_key", "file_key", "path_key"]

_PARTS = "events"  # the folder of parts inside the cache folder
_MANIFEST = "files.parquet"
_MANIFEST_COLUMNS = ["name", "size", "mtime_ns", "extraction", "key"]
MAX_PARTS = 32  # more parts than this are compacted into one on save
ROW_GROUP = 1_000  # rows per row group of a compacted part
FEW = 1_000  # reports whose texts are read by looking them up, not by reading every text
logger = logging.getLogger(__name__)


def extraction_key(version: str, inputs: Iterable[Path]) -> str:
    """A hash of the extractor's version and the contents of the files it reads.

    Computed once per load, not per report.
    """
    digest = hashlib.sha256(version.encode())
    for path in inputs:
        digest.update(b"\0" + Path(path).read_bytes())
    return digest.hexdigest()


def file_key(data: bytes, extraction: str) -> str:
    """The cache key of one file's bytes under one :func:`extraction_key`."""
    digest = hashlib.sha256(data)
    digest.update(extraction.encode())
    return digest.hexdigest()


def path_key(path: str | Path, extraction: str) -> str:
    """:func:`file_key` of the file at ``path``, read block by block (a large table is
    not held whole to be hashed).

    Raises:
        OSError: when the file cannot be read.
    """
    with open(path, "rb") as file:
        digest = hashlib.file_digest(file, "sha256")
    digest.update(extraction.encode())
    return digest.hexdigest()


Unit = tuple[str, int, int, bool]  # a chunk of a table's rows: key, start, stop, last
_UNITS = b"units"  # the part's metadata entry naming the chunks it holds


def _write_atomically(
    frame: pd.DataFrame, path: Path, units: Sequence[Unit] = (), **options
) -> None:
    """Write ``frame`` (and the units it completes, in its metadata) as ``path``, whole
    or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    if units:
        metadata = {**(table.schema.metadata or {}), _UNITS: json.dumps(list(units)).encode()}
        table = table.replace_schema_metadata(metadata)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp, **options)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _units_of(schema: pa.Schema) -> list[Unit]:
    raw = (schema.metadata or {}).get(_UNITS)
    return [tuple(unit) for unit in json.loads(raw)] if raw else []


def _whole(units: Iterable[Unit]) -> bool:
    """True when the chunks cover their table: every row up to the end of the last."""
    spans = sorted((start, stop) for _, start, stop, _ in units)
    ends = [stop for _, _, stop, last in units if last]
    covered = 0
    for start, stop in spans:
        if start > covered:
            return False
        covered = max(covered, stop)
    return bool(ends) and covered >= max(ends)


def _frame(table: pa.Table) -> pd.DataFrame:
    """A part's rows as a frame, its list columns as lists (straight from Arrow)."""
    lists = [f.name for f in table.schema if pa.types.is_list(f.type)]
    frame = table.drop_columns(lists).to_pandas()
    for name in lists:
        frame[name] = table.column(name).to_pylist()
    return frame[table.column_names]


KEEP_ROWS = 10_000  # a part of this many rows is kept in memory as read, without texts
_READ: dict[Path, pd.DataFrame] = {}  # those parts (a part never changes), the last two
_READ_LOCK = threading.Lock()


def _part(part: Path, texts: bool) -> pd.DataFrame:
    """A part's rows (without their texts unless ``texts``); a large part read without
    texts is kept for the next load of this process (reports added: not read again)."""
    kept = None if texts else _READ.get(part)
    if kept is not None:
        return kept
    columns = None if texts else [c for c in pq.read_schema(part).names if c != "text"]
    frame = _frame(pq.read_table(part, columns=columns))
    if not texts and len(frame) >= KEEP_ROWS:
        with _READ_LOCK:
            for gone in [p for p in _READ if not p.exists()]:
                del _READ[gone]  # compacted since: its rows are in another part
            while len(_READ) >= 2:
                del _READ[next(iter(_READ))]  # the oldest
            _READ[part] = frame
    return frame


class ExtractionStore:
    """Rows by key (each row has a ``key`` column), in ``<folder>/events/part-*.parquet``.

    Args:
        folder: the cache folder; None keeps nothing.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) / _PARTS if folder else None
        self._where: dict[str, Path] = {}  # key -> the part that holds its rows
        self._more: dict[str, set[Path]] = {}  # key -> other parts with some of its rows
        self._keys: dict[Path, int] = {}  # part -> how many keys it holds
        self._units: dict[str, list[Unit]] = {}  # key -> the chunks of its table stored
        self._manifest: dict[tuple[str, int, int, str], str] = {}
        self._seen: dict[tuple[str, int, int, str], str] = {}
        if self.folder is None or not self.folder.exists():
            return
        for part in sorted(self.folder.glob("part-*.parquet")):
            try:
                table = pq.read_table(part, columns=["key"])
                units = _units_of(table.schema)
            except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
                # Never trusted: left out (removed, unless it could not be opened), its
                # files extracted again into a new part.
                logger.warning("%s is damaged (%s): its reports are extracted again", part, exc)
                if not isinstance(exc, OSError):
                    part.unlink(missing_ok=True)
                continue
            self._add(part, table.column("key").to_pylist(), units)
        manifest = self.folder / _MANIFEST
        if manifest.exists():
            try:
                table = pq.read_table(manifest, columns=_MANIFEST_COLUMNS)
                columns = [table.column(column).to_pylist() for column in _MANIFEST_COLUMNS]
            except (OSError, ValueError, KeyError, pa.ArrowException) as exc:
                logger.warning("%s is damaged (%s): every file is read again", manifest, exc)
                columns = [[] for _ in _MANIFEST_COLUMNS]
            self._manifest = {(n, s, m, v): k for n, s, m, v, k in zip(*columns, strict=True)}

    def _add(self, part: Path, keys: Sequence[str], units: Sequence[Unit]) -> None:
        """Note the keys (and table chunks) a part holds."""
        if not self._where:
            self._where = dict.fromkeys(keys, part)
        else:
            for key in dict.fromkeys(keys):
                if self._where.setdefault(key, part) != part:
                    self._more.setdefault(key, set()).add(part)  # a table stored in chunks
        if keys:
            self._keys[part] = len(set(keys))
        for unit in units:
            self._units.setdefault(unit[0], []).append(unit)

    def known_key(self, name: str, size: int, mtime_ns: int, extraction: str) -> str | None:
        """The key of a file seen before with this size and modification time, under the
        same :func:`extraction_key`, if its rows (or some chunks of them) are still kept."""
        key = self._manifest.get((name, size, mtime_ns, extraction))
        return key if key in self._where or key in self._units else None

    def remember(self, name: str, size: int, mtime_ns: int, extraction: str, key: str) -> None:
        """Note the key of a file as it is now, for the next load's manifest."""
        self._seen[(name, size, mtime_ns, extraction)] = key

    def has(self, key: str) -> bool:
        """True when every row of the key is kept (every chunk, for a table in chunks)."""
        if key in self._units:
            return _whole(self._units[key])
        return key in self._where

    def units(self, key: str) -> set[tuple[int, int]]:
        """The (start, stop) row ranges of the key's table whose chunks are kept."""
        return {(start, stop) for _, start, stop, _ in self._units.get(key, ())}

    def rows(self, keys: Iterable[str], texts: bool = True) -> pd.DataFrame:
        """The kept rows of these keys, read part by part (an empty frame if none); without
        their ``text`` column unless ``texts`` (the dashboard reads texts on demand)."""
        by_part: dict[Path, set[str]] = {}
        for key in keys:
            if key in self._where:
                by_part.setdefault(self._where[key], set()).add(key)
                for part in self._more.get(key, ()):
                    by_part.setdefault(part, set()).add(key)
        frames = []
        for part, wanted in by_part.items():
            frame = _part(part, texts)
            if len(wanted) < self._keys.get(part, len(frame)):  # not the whole part
                frame = frame[frame["key"].isin(list(wanted)).to_numpy()]
            frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def texts(self, doc_ids: Sequence[str]) -> StoredTexts:
        """The texts of these reports, read from the parts when they are needed."""
        return StoredTexts(self.folder, doc_ids)

    def append(self, rows: pd.DataFrame, units: Sequence[Unit] = ()) -> None:
        """Write new rows (with their ``key`` column) as a part of their own, at once,
        with the table chunks they complete (a chunk may have no row)."""
        if self.folder is None or (rows.empty and not units):
            return
        part = self.folder / f"part-{uuid.uuid4().hex}.parquet"
        _write_atomically(rows, part, units)
        self._add(part, rows["key"].tolist() if len(rows) else [], units)

    def save(self) -> None:
        """Write the manifest of this load's files (with those of other loads that share
        the store: another folder's, the labelled sets the quality figures read), and
        compact the parts if too many."""
        if self.folder is None or not self._seen:
            return
        names = {entry[0] for entry in self._seen}
        seen = {
            entry: key
            for entry, key in self._manifest.items()
            if entry[0] not in names and (key in self._where or key in self._units)
        }
        seen.update(self._seen)
        if seen != self._manifest:  # else the same files as last time
            manifest = pd.DataFrame(
                [(*entry, key) for entry, key in seen.items()], columns=_MANIFEST_COLUMNS
            )
            _write_atomically(manifest, self.folder / _MANIFEST)
        parts = sorted(self.folder.glob("part-*.parquet"))
        if len(parts) > MAX_PARTS:
            self._compact(parts)

    def _compact(self, parts: list[Path]) -> None:
        """Merge the parts into one; a row written twice (the same content) is kept once,
        and the table chunks the parts held are named by the merged part."""
        frames, units = [], []
        for part in parts:
            try:
                table = pq.read_table(part)
            except (OSError, ValueError, pa.ArrowException):
                continue
            units += _units_of(table.schema)
            if table.num_rows:
                frames.append(table.to_pandas())
        if not frames:
            return  # chunks without rows only: nothing to merge
        frame = pd.concat(frames, ignore_index=True).drop_duplicates(["key", "row"])
        merged = self.folder / f"part-{uuid.uuid4().hex}.parquet"
        # Sorted by report, in small row groups: one report's text is read from one group.
        frame = frame.sort_values("doc_id")
        _write_atomically(frame, merged, sorted(set(units)), row_group_size=ROW_GROUP)
        for part in parts:
            part.unlink(missing_ok=True)
        self._where = {key: merged for key in self._where}
        self._more = {}
        self._keys = {merged: len(self._where)}


class StoredTexts:
    """Report texts by doc_id, read from the store's parts when needed rather than held
    from the start: :meth:`__getitem__` (a report opened) and :meth:`of` (a few reports)
    read only what they are asked for; :meth:`reindex` (a search) reads every text of
    the corpus once and holds them from then on.

    Args:
        folder: the store's folder of parts.
        doc_ids: the reports of the corpus in use.
    """

    def __init__(self, folder: Path, doc_ids: Sequence[str]) -> None:
        self.folder = Path(folder)
        self._ids = list(doc_ids)
        self._held: pd.Series | None = None
        self._index: dict[Path, tuple[pa.ChunkedArray, np.ndarray]] = {}  # see _groups_of
        self._lock = threading.Lock()

    def _read(self, wanted: Sequence[str]) -> pd.Series:
        """The texts of ``wanted`` found in the parts, by doc_id."""
        ids = pa.array(list(wanted), pa.string())
        frames = []
        for part in sorted(self.folder.glob("part-*.parquet")):
            try:
                # A few are read from the row groups that hold them (found by the part's
                # doc_ids, kept: a part never changes); many are filtered from every text.
                if len(ids) <= FEW:
                    table = self._groups_of(part, ids)
                else:
                    table = pq.read_table(part, columns=["doc_id", "text"])
            except (OSError, ValueError, pa.ArrowException):
                continue  # damaged or gone (compacted meanwhile): its reports are elsewhere
            if table is None or not table.num_rows:
                continue  # none of them, or a part of table chunks without a row
            frames.append(table.filter(pc.is_in(table["doc_id"], value_set=ids)).to_pandas())
        if not frames:
            return pd.Series(dtype="string", name="text")
        found = pd.concat(frames, ignore_index=True).drop_duplicates("doc_id")
        return found.set_index("doc_id")["text"].astype("string")

    def _groups_of(self, part: Path, ids: pa.Array) -> pa.Table | None:
        """The row groups of ``part`` that hold some of ``ids`` (None if none does)."""
        if part not in self._index:
            file = pq.ParquetFile(part)
            sizes = [file.metadata.row_group(i).num_rows for i in range(file.num_row_groups)]
            groups = np.repeat(np.arange(len(sizes)), sizes)
            self._index[part] = (file.read(columns=["doc_id"]).column("doc_id"), groups)
        doc_ids, groups = self._index[part]
        rows = np.flatnonzero(pc.is_in(doc_ids, value_set=ids).to_numpy(zero_copy_only=False))
        if not len(rows):
            return None
        found = sorted(set(groups[rows].tolist()))
        return pq.ParquetFile(part).read_row_groups(found, columns=["doc_id", "text"])

    def __getitem__(self, doc_id: str) -> str:
        if self._held is not None:
            return self._held[doc_id]
        found = self._read([doc_id])
        if found.empty:
            raise KeyError(doc_id)
        return found.iloc[0]

    def of(self, doc_ids: Sequence[str]) -> pd.Series:
        """The texts of these reports, in their order (missing ones empty), not held."""
        if self._held is not None:
            return self._held.reindex(doc_ids)
        return self._read(doc_ids).reindex(doc_ids)

    def reindex(self, doc_ids: Sequence[str]) -> pd.Series:
        """The texts of these reports, in their order, from every text held once read."""
        with self._lock:
            if self._held is None:
                self._held = self._read(self._ids)
        return self._held.reindex(doc_ids)
