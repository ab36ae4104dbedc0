"""The extraction cache: extracted rows by content key, in one parquet file.

A file's key hashes its bytes with everything else that changes what extraction makes
of them (the extractor's version and the tables of places and regions), so re-reading a
large corpus after one file changed re-processes only that file, and changing a table
re-processes every file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

__all__ = ["ExtractionStore", "extraction_key", "file_key"]


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


class ExtractionStore:
    """Frames of extracted rows by key (each with a ``key`` column); ``save`` writes the
    file atomically.

    Args:
        folder: the cache folder (``events.parquet`` inside it); None keeps nothing.
    """

    def __init__(self, folder: Path | None) -> None:
        self.path = Path(folder) / "events.parquet" if folder else None
        self._by_key: dict[str, pd.DataFrame] = {}
        self._changed = False
        if self.path and self.path.exists():
            try:
                frame = pd.read_parquet(self.path)
            except (OSError, ValueError):
                frame = pd.DataFrame()  # a damaged cache is rebuilt, never trusted
            if "key" in frame:
                self._by_key = {str(k): g for k, g in frame.groupby("key", sort=False)}

    def get(self, key: str) -> pd.DataFrame | None:
        return self._by_key.get(key)

    def put(self, key: str, rows: pd.DataFrame) -> None:
        self._by_key[key] = rows.assign(key=key)
        self._changed = True

    def save(self) -> None:
        """Write every row (kept and new) to the cache file, if anything was added."""
        if not self.path or not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        frame = pd.concat(self._by_key.values(), ignore_index=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        os.close(fd)
        try:
            frame.to_parquet(tmp, index=False)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        self._changed = False
