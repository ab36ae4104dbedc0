"""Every export of the product: CSV files and zip snapshots, safe to open in a spreadsheet.

CSV is UTF-8 with a byte-order mark (so Excel detects the encoding) and CRLF line ends.
A text cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is prefixed with ``'``; numbers are left alone.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime

import pandas as pd

__all__ = [
    "csv_bytes",
    "export_name",
    "manifest",
    "snapshot_zip",
    "table_for_output",
    "tables_zip",
    "with_manifest",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _join(value: object) -> object:
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return "; ".join(str(v) for v in list(value))
    return value


def table_for_output(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with list cells joined by "; " and dates as ISO strings."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(_join)
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d").astype("string")
    return out


def _neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of a :func:`table_for_output` table whose text cells a spreadsheet would run
    as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) start with ``'`` instead."""
    out = table.copy()
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(_neutralise)
    return out


def csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as spreadsheet-safe CSV bytes (BOM, CRLF, formulas neutralised)."""
    out = spreadsheet_safe(table_for_output(table))
    text = out.to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def _slug(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = "+".join(str(v) for v in value)
    return re.sub(r"[^A-Za-z0-9]+", "-", str(value)).strip("-").lower()[:40]


def export_name(page: str, filters: Mapping[str, object], when: datetime, ext: str) -> str:
    """A file name carrying the page, the active filters and a timestamp."""
    parts = [_slug(page)]
    for name, value in filters.items():
        if value not in (None, "", [], ()):
            parts.append(f"{_slug(name)}-{_slug(value)}")
    return "_".join([*parts, when.strftime("%Y%m%d-%H%M%S")]) + f".{ext}"


def manifest(
    page: str,
    filters: Mapping[str, object],
    permalink: str,
    created_at: datetime,
    corpus_fingerprint: str,
    model_version: str,
    tables: Mapping[str, pd.DataFrame],
) -> dict[str, object]:
    """What a snapshot holds and how to get the same view again."""
    return {
        "page": page,
        "filters": dict(filters),
        "permalink": permalink,
        "created_at": created_at.isoformat(timespec="seconds"),
        "corpus_fingerprint": corpus_fingerprint,
        "model_version": model_version,
        "tables": {f"{name}.csv": len(table) for name, table in tables.items()},
    }


def snapshot_zip(
    tables: Mapping[str, pd.DataFrame],
    manifest_: Mapping[str, object],
    csv: Callable[[pd.DataFrame], bytes] = csv_bytes,
) -> bytes:
    """A zip of every table as CSV (made by ``csv``) plus ``manifest.json``."""
    return with_manifest(tables_zip(tables, csv), manifest_)


def tables_zip(
    tables: Mapping[str, pd.DataFrame], csv: Callable[[pd.DataFrame], bytes] = csv_bytes
) -> bytes:
    """A zip of every table as CSV: a snapshot but its manifest (see ``with_manifest``)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, table in tables.items():
            archive.writestr(f"{name}.csv", csv(table))
    return buffer.getvalue()


def with_manifest(archive_bytes: bytes, manifest_: Mapping[str, object]) -> bytes:
    """A copy of a zip with ``manifest.json`` added last: the tables are not compressed
    again, so a snapshot whose tables are unchanged costs only its manifest."""
    buffer = io.BytesIO(archive_bytes)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest_, indent=2, ensure_ascii=False))
    return buffer.getvalue()
