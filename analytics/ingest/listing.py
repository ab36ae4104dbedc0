"""The corpus files as last looked at, kept in the cache, so that a start lists again only
the folders whose modification time changed, with no stat of the files of the others.

A folder's time changes when a file in it is added, removed or renamed (an upload, a
copy, an editor that saves by renaming), not when a file is rewritten in place: a *full*
look (every folder listed, every file stat'ed) notices those, and
:func:`analytics.ingest.files.corpus_signature` tells whether one is needed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["Listed", "Listing", "look"]

# A folder changed this recently is listed again by the next look: a file added in the
# same tick of the file system's clock would leave the folder's time as it was seen.
RECENT_NS = 2_000_000_000
_COLUMNS = ["folder", "name", "size", "mtime_ns"]  # a folder's own row has the name ""


@dataclass
class Folder:
    """A folder as listed: its modification time, its files (name -> size and time, or
    None when it could not be stat'ed) and its visible subfolders' names."""

    mtime_ns: int
    files: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    folders: list[str] = field(default_factory=list)


class Listed(NamedTuple):  # a tuple: a hundred thousand are made in a fraction of a second
    """A file found by a look: its path, its name relative to its root's parent
    (``corpus/2019/a.txt``), its size and modification time, or why it cannot be stat'ed."""

    path: str
    name: str
    size: int = -1
    mtime_ns: int = -1
    error: str = ""


@dataclass
class Listing:
    """Every folder listed, by path; the times the look saw (``times``: each folder's and
    each root's, -1 for a missing root) for noticing later changes with a stat each."""

    folders: dict[str, Folder] = field(default_factory=dict)
    times: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Listing:
        """The listing written at ``path``; an empty one when missing or damaged."""
        try:
            table = pq.read_table(path, columns=_COLUMNS)
        except (OSError, ValueError, KeyError, pa.ArrowException):
            return cls()
        columns = [table.column(name).to_pylist() for name in _COLUMNS]
        folders: dict[str, Folder] = {}
        for folder, name, size, mtime in zip(*columns, strict=True):
            if not name:
                folders[folder] = Folder(mtime)
                parent = folders.get(os.path.dirname(folder))
                if parent is not None:
                    parent.folders.append(os.path.basename(folder))
            elif folder in folders:  # else written by something else: listed again
                folders[folder].files[name] = None if size < 0 else (size, mtime)
        return cls(folders)

    def write(self, path: Path) -> None:
        """Write the listing at ``path``, whole or not at all (a folder changed very
        recently is written as unknown, to be listed again).

        Raises:
            OSError: when the cache folder cannot be written.
        """
        now = time.time_ns()
        rows = []
        for folder, found in self.folders.items():
            recent = found.mtime_ns > now - RECENT_NS
            rows.append((folder, "", 0, -1 if recent else found.mtime_ns))
            rows += [(folder, name, *(kept or (-1, -1))) for name, kept in found.files.items()]
        frame = pd.DataFrame(rows, columns=_COLUMNS)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)

    def same_as(self, other: Listing) -> bool:
        """True when both listings hold the same folders, files, sizes and times."""
        return self.folders == other.folders


def look(roots: Iterable[str | Path], kept: Listing, full: bool = False) -> tuple[Listing, list]:
    """The files under ``roots`` in sorted order (a root's folders depth first, names
    sorted), reusing ``kept``'s entries of every folder whose time is unchanged unless
    ``full``.

    Returns:
        The new listing, and per root either its files as :class:`Listed` or None when
        it does not exist.
    """
    listing = Listing()
    found: list[list[Listed] | None] = []
    for raw in roots:
        root = Path(raw)
        try:
            stat = os.stat(root)
        except OSError:
            listing.times[str(raw)] = -1  # missing now: noticed when it appears
            found.append(None)
            continue
        listing.times[str(raw)] = stat.st_mtime_ns
        if root.is_dir():
            files: list[Listed] = []
            _folder(str(root), root.name, stat.st_mtime_ns, kept, full, listing, files)
            found.append(files)
        elif root.is_file():
            found.append([Listed(str(root), root.name, stat.st_size, stat.st_mtime_ns)])
        else:
            found.append(None)
    return listing, found


def _folder(path, name, mtime, kept, full, listing, out) -> None:
    """Add the files under the folder ``path`` (named ``name``) to ``out``, in order."""
    listing.times[path] = mtime
    before = None if full else kept.folders.get(path)
    if before is not None and before.mtime_ns == mtime:
        folder = Folder(mtime, dict(before.files), list(before.folders))
        for base, known in folder.files.items():
            if known is None:  # could not be stat'ed last time: perhaps it can now
                folder.files[base] = _stat(os.path.join(path, base))[0]
    else:
        folder = _listed(path, mtime)
    listing.folders[path] = folder
    subfolders = set(folder.folders)
    head, label = path.rstrip(os.sep) + os.sep, name + "/"  # as os.path.join, but faster
    for base in sorted([*folder.files, *subfolders]):
        if base in subfolders:
            try:
                child_mtime = os.stat(head + base).st_mtime_ns
            except OSError:
                continue  # gone since
            _folder(head + base, label + base, child_mtime, kept, full, listing, out)
            continue
        known = folder.files[base]
        if known is None:
            out.append(Listed(head + base, label + base, error=_stat(head + base)[1]))
        else:
            out.append(Listed(head + base, label + base, known[0], known[1]))


def _listed(path: str, mtime: int) -> Folder:
    """The folder as it is now: its visible files, each stat'ed, and subfolders (a link
    to a folder is neither, as :func:`os.walk` leaves it)."""
    folder = Folder(mtime)
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if not entry.is_symlink():
                        folder.folders.append(entry.name)
                    continue
                folder.files[entry.name] = _stat(entry.path)[0]
    except OSError:
        pass  # unreadable: no file of it
    return folder


def _stat(path: str) -> tuple[tuple[int, int] | None, str]:
    """The file's size and modification time, or None and why it cannot be stat'ed."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        return None, f"cannot read file: {exc.strerror or exc}"
    return (stat.st_size, stat.st_mtime_ns), ""
