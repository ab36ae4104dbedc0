"""Tables of reports (.csv, .xlsx, .jsonl): one row per report, columns found by synonym.

A table is read in chunks of rows: from its bytes (:func:`read_table_chunks`), or from
its file as it goes (:func:`read_table_file`: a large UTF-8 CSV or JSONL table is never
held whole, nor as one string, in memory).
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from analytics.errors import DocumentError
from analytics.ingest.base import RawDocument
from analytics.ingest.decode import decode_text

__all__ = [
    "COLUMN_SYNONYMS",
    "frame_to_documents",
    "match_columns",
    "read_table_chunks",
    "read_table_file",
    "rows_to_documents",
    "text_columns",
]

BLOCK = 1 << 20  # bytes read at a time from a table's file

COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "summary", "article", "report", "full_text", "story"),
    "title": ("title", "headline", "heading", "subject"),
    "published": ("published", "date", "publication_date", "pub_date", "news_date", "datetime"),
    "city": ("city", "town"),
    "country": ("country", "nation"),
    "location": ("location", "place", "venue", "where"),
}


def _normalise(name: str) -> str:
    return str(name).strip().lower().replace(" ", "_").replace("-", "_")


def match_columns(columns: list[str]) -> dict[str, str]:
    """Map each known role (text, title, ...) to the first column named by a synonym."""
    by_name = {_normalise(c): c for c in columns}
    found = {}
    for role, synonyms in COLUMN_SYNONYMS.items():
        for synonym in synonyms:
            if synonym in by_name:
                found[role] = by_name[synonym]
                break
    return found


def text_columns(columns: list[str]) -> dict[str, str]:
    """:func:`match_columns`, for a table that must have a text column.

    Raises:
        DocumentError: when no column holds the report text.
    """
    found = match_columns(columns)
    if "text" not in found:
        wanted = ", ".join(COLUMN_SYNONYMS["text"])
        raise DocumentError(f"table has no text column (expected one of: {wanted})")
    return found


def rows_to_documents(
    frame: pd.DataFrame, columns: dict[str, str], source: str, start: int = 0
) -> list[RawDocument]:
    """Each row as a document named ``source#position``, positions from ``start`` (the
    frame's first row in the table); a row with an empty text cell has an empty text.
    Only the columns of ``columns`` are read, a column at a time."""
    cells = {
        role: frame[name].fillna("").astype(str).str.strip().tolist()
        for role, name in columns.items()
    }
    empty = [""] * len(frame)
    places = [role for role in ("city", "country", "location") if role in cells]
    return [
        RawDocument(
            source=f"{source}#{position}",
            text=text,
            title=title,
            published=published,
            location={role: cells[role][i] for role in places if cells[role][i]},
        )
        for i, (position, text, title, published) in enumerate(
            zip(
                range(start, start + len(frame)),
                cells["text"],
                cells.get("title", empty),
                cells.get("published", empty),
                strict=True,
            )
        )
    ]


def frame_to_documents(frame: pd.DataFrame, source: str) -> list[RawDocument]:
    """Turn each row into a document named ``source#row``.

    Rows with an empty text cell come back with empty text, for the caller to report.

    Raises:
        DocumentError: when no column holds the report text, or no row has any.
    """
    documents = rows_to_documents(frame, text_columns(list(frame.columns)), source)
    if not any(doc.text for doc in documents):
        raise DocumentError("table has no row with text")
    return documents


def _csv_frames(stream, rows: int, encoding: str) -> Iterator[pd.DataFrame]:
    return pd.read_csv(stream, encoding=encoding, dtype=str, keep_default_na=False,
                       chunksize=rows)  # fmt: skip


def _jsonl_frames(lines: Iterable[str], rows: int) -> Iterator[pd.DataFrame]:
    records = []
    for line in lines:
        if line.strip():
            records.append(json.loads(line))
        if len(records) == rows:
            yield pd.DataFrame.from_records(records).astype("string")
            records = []
    if records:
        yield pd.DataFrame.from_records(records).astype("string")


def _table_frames(data: bytes, suffix: str, rows: int) -> Iterator[pd.DataFrame]:
    """A table's rows as frames of at most ``rows`` rows, every cell a string."""
    if suffix == ".xlsx":
        if not data.startswith(b"PK\x03\x04"):
            raise DocumentError("not an Excel .xlsx file (not a ZIP package)")
        frame = pd.read_excel(io.BytesIO(data), dtype=str)
        for start in range(0, max(len(frame), 1), rows):
            yield frame.iloc[start : start + rows]
    elif suffix == ".jsonl":
        # Lines end at CR or LF only: a line separator (U+2028) may be inside a value.
        yield from _jsonl_frames(io.StringIO(decode_text(data), newline=""), rows)
    else:
        # Re-encoded as UTF-8 bytes: a text buffer would hold four bytes per character.
        stream = io.BytesIO(decode_text(data).encode("utf-8"))
        del data
        yield from _csv_frames(stream, rows, "utf-8")


def _documents(frames: Iterator[pd.DataFrame], source: str) -> Iterator[list[RawDocument]]:
    """The documents of each frame, positions counted on from one frame to the next."""
    start, columns = 0, None
    while True:
        try:
            frame = next(frames, None)
        except DocumentError:
            raise
        except (ValueError, KeyError, OSError, pd.errors.ParserError) as exc:
            raise DocumentError(f"unreadable table: {exc}") from exc
        if frame is None:
            return
        columns = columns or text_columns(list(frame.columns))
        yield rows_to_documents(frame, columns, source, start)
        start += len(frame)


def read_table_chunks(data: bytes, source: str, rows: int) -> Iterator[list[RawDocument]]:
    """A table's rows as documents, ``rows`` at a time, named as a whole read names them
    (``source#position``): a large table is parsed once, one chunk held at a time.

    Raises:
        DocumentError: (from the iterator) when the table, or its next chunk, cannot be
            read; the chunks before it were given.
    """
    frames = _table_frames(data, Path(source).suffix.lower(), rows)
    del data
    return _documents(frames, source)


def _utf8(path: Path) -> str | None:
    """``utf-8-sig`` or ``utf-8`` if the whole file is valid UTF-8 text, read block by
    block (nothing kept); None for anything else (another encoding, a byte-order mark of
    UTF-16 or 32, binary content, an empty file)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as file:
        first = file.read(BLOCK)
        if not first.strip() or first.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF16_LE,
                                                  codecs.BOM_UTF16_BE)):  # fmt: skip
            return None
        try:
            decoder.decode(first)
            while block := file.read(BLOCK):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"


def read_table_file(path: str | Path, source: str, rows: int) -> Iterator[list[RawDocument]]:
    """:func:`read_table_chunks` of the table in the file ``path``: a CSV or JSONL table
    in UTF-8 is parsed from the file as it is read, into the same documents as its bytes
    give; any other is read whole first, as its bytes are.

    Raises:
        OSError: when the file cannot be read.
        DocumentError: (from the iterator) as :func:`read_table_chunks`.
    """
    path, suffix = Path(path), Path(source).suffix.lower()
    encoding = _utf8(path) if suffix in (".csv", ".jsonl") else None
    if encoding is None:
        return read_table_chunks(path.read_bytes(), source, rows)

    def frames() -> Iterator[pd.DataFrame]:
        if suffix == ".csv":
            with open(path, "rb") as file:
                yield from _csv_frames(file, rows, encoding)
        else:
            with open(path, encoding=encoding, newline="") as file:
                yield from _jsonl_frames(file, rows)

    return _documents(frames(), source)
