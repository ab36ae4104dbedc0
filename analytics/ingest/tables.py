"""Tables of reports (.csv, .xlsx, .jsonl): one row per report, columns found by synonym."""

from __future__ import annotations

import pandas as pd

from analytics.errors import DocumentError
from analytics.ingest.base import RawDocument

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
    frame's first row in the table); a row with an empty text cell has an empty text."""
    documents = []
    for position, row in enumerate(frame.fillna("").astype(str).to_dict("records"), start):
        text = row[columns["text"]].strip()
        location = {
            role: row[columns[role]].strip()
            for role in ("city", "country", "location")
            if role in columns and row[columns[role]].strip()
        }
        documents.append(
            RawDocument(
                source=f"{source}#{position}",
                text=text,
                title=row.get(columns.get("title", ""), "").strip(),
                published=row.get(columns.get("published", ""), "").strip(),
                location=location,
            )
        )
    return documents


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
