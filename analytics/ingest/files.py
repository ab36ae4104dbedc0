"""The files of a corpus: its folders listed, ignore rules, and a cheap signature."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from analytics.ingest.base import SUPPORTED_SUFFIXES, Skipped
from analytics.ingest.listing import Listed, Listing, look
from analytics.settings import Settings

__all__ = [
    "corpus_files",
    "corpus_signature",
    "corpus_state",
    "folders_unchanged",
    "listing_file",
    "sign",
]


def corpus_files(
    paths: Sequence[str | Path],
    ignored: Collection[str] = (),
    kept: Listing | None = None,
    full: bool = True,
) -> tuple[list[Listed], list[Skipped], Listing]:
    """Every candidate report file under ``paths`` (with its size and time), the files
    passed over as skipped, and the listing made (see :mod:`analytics.ingest.listing`:
    unless ``full``, the folders of ``kept`` whose time is unchanged are not listed again
    and their files not stat'ed).

    Hidden files and folders and files named in ``ignored`` are left out silently; files
    of unsupported types and paths that do not exist are reported as skipped.
    """
    listing, found = look(paths, kept or Listing(), full)
    files: list[Listed] = []
    skipped: list[Skipped] = []
    for raw, listed in zip(paths, found, strict=True):
        if listed is None:
            skipped.append(Skipped(str(raw), "no such file or folder"))
            continue
        for file in listed:
            base = file.name[file.name.rfind("/") + 1 :]
            if base in ignored or base.startswith("."):
                continue
            dot = base.rfind(".")
            suffix = base[dot:] if dot > 0 else ""  # as os.path.splitext: not hidden here
            if suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(Skipped(file.name, f"unsupported file type {suffix or '(none)'}"))
                continue
            files.append(file)
    return files, skipped, listing


def corpus_signature(
    paths: Sequence[str | Path], ignored: Collection[str] = (), kept: Listing | None = None
) -> tuple[str, dict[str, int]]:
    """The :func:`sign` of the corpus files under ``paths`` as they are now (a file
    that cannot be looked at is left out), and the times of their folders as seen: every
    file stat'ed, or with ``kept`` only those of folders whose time changed."""
    files, skipped, listing = corpus_files(paths, ignored, kept, full=kept is None)
    return sign(files, skipped), listing.times


def sign(files: Iterable[Listed], skipped: Iterable[Skipped]) -> str:
    """A fingerprint of these files by name, size and modification time (those that could
    be stat'ed) and of the files passed over: it changes when a report is added, removed
    or edited, without reading any content."""
    digest = hashlib.sha256()
    digest.update(
        "".join(f"{f.name}\0{f.size}\0{f.mtime_ns}\n" for f in files if not f.error).encode()
    )
    digest.update("".join(f"{s.source}\0{s.reason}\n" for s in skipped).encode())
    return digest.hexdigest()[:16]


def folders_unchanged(times: dict[str, int]) -> bool:
    """True when every folder (or corpus path) of ``times`` (a :class:`Listing`'s) still has
    its time: one stat each, none per file."""
    for folder, known in times.items():
        try:
            now = os.stat(folder).st_mtime_ns
        except OSError:
            now = -1
        if now != known:
            return False
    return True


def listing_file(paths: Sequence[str | Path], cache_dir: Path) -> Path:
    """Where the listing of these corpus paths is kept in the cache (one per set of paths)."""
    digest = hashlib.sha256("\0".join(str(Path(p).resolve()) for p in paths).encode())
    return Path(cache_dir) / "listings" / f"{digest.hexdigest()[:16]}.parquet"


def corpus_state(settings: Settings, full: bool = False) -> tuple[str, dict[str, int]]:
    """The signature of the settings' corpus files as they are now (as a load signs them)
    and the times of their folders: every file stat'ed if ``full``, else only the files of
    the folders whose time changed since the last load wrote its listing."""
    paths = list(settings.corpus_dirs)
    kept = None if full else Listing.read(listing_file(paths, settings.cache_dir))
    return corpus_signature(paths, settings.ignored_names, kept)
