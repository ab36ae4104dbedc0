"""Saving reports a user uploads into the corpus folder, safely and without overwriting."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from analytics.errors import UploadError
from analytics.ingest.base import SUPPORTED_SUFFIXES

__all__ = ["save_upload"]


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    return base or "report"


def save_upload(name: str, data: bytes, folder: str | Path, max_mb: float) -> Path:
    """Save ``data`` as ``name`` in ``folder`` and return the path.

    The name is reduced to a plain file name; a different file of the same name gets a
    suffix instead of being overwritten; the same content uploaded again is kept once.

    Raises:
        UploadError: empty file, unsupported type, or larger than the size limit.
    """
    safe = _safe_name(name)
    suffix = Path(safe).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadError(f"{name}: unsupported file type {suffix or '(none)'}")
    if not data:
        raise UploadError(f"{name}: the file is empty")
    if len(data) > max_mb * 2**20:
        raise UploadError(f"{name}: larger than the {max_mb:g} MB limit")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe
    if target.exists() and target.read_bytes() != data:
        stem = Path(safe).stem
        target = folder / f"{stem}-{hashlib.sha1(data).hexdigest()[:8]}{suffix}"
    if not target.exists():
        partial = target.with_name(f".{target.name}.part")
        partial.write_bytes(data)
        partial.replace(target)
    return target
