"""The files of a corpus: walking its folders, ignore rules, and a cheap signature."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from analytics.ingest.base import SUPPORTED_SUFFIXES, Skipped

__all__ = [
    "CorpusFile",
    "Signature",
    "corpus_files",
    "corpus_signature",
    "folder_times",
    "folders_unchanged",
]


@dataclass(frozen=True)
class CorpusFile:
    """A file of the corpus (its path, as a string) and its name relative to its root's
    parent (``demo/x.txt``)."""

    path: str
    name: str


def corpus_files(
    paths: Iterable[str | Path], ignored: Collection[str] = ()
) -> tuple[list[CorpusFile], list[Skipped]]:
    """Every candidate report file under ``paths``, and the files passed over as skipped.

    Hidden files and folders and files named in ``ignored`` are left out silently; files
    of unsupported types and paths that do not exist are reported as skipped.
    """
    found: list[CorpusFile] = []
    skipped: list[Skipped] = []
    for raw in paths:
        root = Path(raw)
        if root.is_file():
            candidates = [(str(root), root.name)]
        elif root.is_dir():
            top = str(root)
            candidates = [
                (os.path.join(top, rel), f"{root.name}/{rel.replace(os.sep, '/')}")
                for rel in _visible_files(root)
            ]
        else:
            skipped.append(Skipped(str(raw), "no such file or folder"))
            continue
        for path, name in candidates:
            base = os.path.basename(path)
            if base in ignored or base.startswith("."):
                continue
            suffix = os.path.splitext(base)[1]
            if suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(name, f"unsupported file type {suffix or '(none)'}"))
                continue
            found.append(CorpusFile(path, name))
    return found, skipped


def _visible_files(root: Path) -> list[str]:
    """The files under ``root`` outside hidden folders, as sorted relative paths (one
    directory listing per folder, no stat per file)."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative + os.sep
        found += [prefix + name for name in files]
    return sorted(found, key=lambda rel: rel.split(os.sep))


class Signature:
    """A fingerprint of corpus files by name, size and modification time, and of the files
    passed over: it changes when a report is added, removed or edited, without reading
    any content."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(self, name: str, size: int, mtime_ns: int) -> None:
        self._digest.update(f"{name}\0{size}\0{mtime_ns}\n".encode())

    def passed_over(self, skipped: Iterable[Skipped]) -> None:
        for skip in skipped:
            self._digest.update(f"{skip.source}\0{skip.reason}\n".encode())

    def hexdigest(self) -> str:
        return self._digest.hexdigest()[:16]


def corpus_signature(paths: Iterable[str | Path], ignored: Collection[str] = ()) -> str:
    """The :class:`Signature` of the corpus files under ``paths`` as they are now (a file
    that cannot be looked at is left out)."""
    signature = Signature()
    files, skipped = corpus_files(paths, ignored)
    for file in files:
        try:
            stat = os.stat(file.path)
        except OSError:
            continue
        signature.add(file.name, stat.st_size, stat.st_mtime_ns)
    signature.passed_over(skipped)
    return signature.hexdigest()


def folder_times(paths: Iterable[str | Path]) -> dict[str, int]:
    """The modification time of every corpus folder and subfolder (and of a corpus path
    that is a file), found without a stat of any report in a folder.

    A folder's time changes when a file is added to it, removed or replaced (an upload,
    a copy, an editor's save), so :func:`folders_unchanged` notices those by a stat per
    folder. A file rewritten in place leaves its folder's time alone: that takes a full
    :func:`corpus_signature`.
    """
    times: dict[str, int] = {}
    pending = []
    for raw in paths:
        try:
            times[str(raw)] = os.stat(raw).st_mtime_ns
        except OSError:
            times[str(raw)] = -1  # missing now: noticed when it appears
            continue
        if os.path.isdir(raw):
            pending.append(str(raw))
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                        times[entry.path] = entry.stat(follow_symlinks=False).st_mtime_ns
                        pending.append(entry.path)
        except OSError:
            continue
    return times


def folders_unchanged(times: dict[str, int]) -> bool:
    """True when every folder of :func:`folder_times` still has its time (one stat each)."""
    for folder, known in times.items():
        try:
            now = os.stat(folder).st_mtime_ns
        except OSError:
            now = -1
        if now != known:
            return False
    return True
