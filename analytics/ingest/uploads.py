"""Saving reports a user uploads into the corpus folder, safely and without overwriting."""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from analytics.errors import UploadError
from analytics.ingest.base import SUPPORTED_SUFFIXES

__all__ = ["save_upload", "unread_uploads"]


MAX_NAME = 150  # characters of an uploaded file's name, suffix included
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}  # fmt: skip  (names Windows refuses)


def _safe_name(name: str) -> str:
    """A plain file name: no folder, no character outside letters, digits, ``.-_`` and
    spaces, no leading dot (hidden), not a name Windows reserves."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    stem, dot, suffix = base.partition(".")
    if stem.lower() in _RESERVED:
        base = f"{stem}_{dot}{suffix}"
    return base or "report"


def _shown(name: str) -> str:
    """The name as a message shows it: a very long one cut short."""
    return name if len(name) <= 80 else name[:60] + "…" + name[-15:]


def save_upload(
    name: str, data: bytes, folder: str | Path, max_mb: float, ignored: Collection[str] = ()
) -> Path:
    """Save ``data`` as ``name`` in ``folder`` and return the path.

    The name is reduced to a plain file name; a different file of the same name gets a
    suffix instead of being overwritten; the same content uploaded again is kept once.

    Raises:
        UploadError: naming the file: an unsupported type, an empty file, one over the size
            limit, a name longer than ``MAX_NAME`` characters, or a name the corpus ignores
            (``ignored``, such as ``README.md``), which would never be read.
    """
    safe = _safe_name(name)
    shown = _shown(name)
    suffix = Path(safe).suffix.lower()
    if len(safe) > MAX_NAME:
        raise UploadError(f"{shown}: the name is longer than {MAX_NAME} characters; shorten it")
    if safe in ignored:
        raise UploadError(f"{shown}: files of this name are not read as reports; rename it")
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"{shown}: unsupported file type {suffix or '(none)'}")
    if not data:
        raise UploadError(f"{shown}: the file is empty")
    if len(data) > max_mb * 2**20:
        raise UploadError(f"{shown}: larger than the {max_mb:g} MB limit")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{uuid.uuid4().hex}.part"  # whole before it gets its name
    partial.write_bytes(data)
    try:
        stem = Path(safe).stem
        for target in (
            folder / safe,
            folder / f"{stem}-{hashlib.sha1(data).hexdigest()[:8]}{suffix}",
        ):
            try:
                os.link(partial, target)  # atomic, and never over another upload
                return target
            except FileExistsError:
                if target.read_bytes() == data:
                    return target  # the same content again: kept once
        raise UploadError(f"{shown}: a different file of this name is being saved; try again")
    finally:
        partial.unlink(missing_ok=True)


def unread_uploads(saved: Sequence[Path], skipped: Iterable[tuple[str, str]]) -> list[str]:
    """What to tell of the saved uploads that the load which followed could not read:
    ``name: saved, but it cannot be read: reason``, from the ingest report's
    ``(source, reason)`` rows (an upload is named ``folder/name`` there)."""
    reasons = dict(skipped)
    return [
        f"{_shown(path.name)}: saved, but it cannot be read: {reasons[source]}"
        for path in saved
        if (source := f"{path.parent.name}/{path.name}") in reasons
    ]
