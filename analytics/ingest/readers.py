"""Read files of every supported format into raw documents (one reader per format)."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

from analytics.errors import DocumentError
from analytics.ingest.base import SUPPORTED_SUFFIXES, TABLE_SUFFIXES, RawDocument
from analytics.ingest.decode import decode_text
from analytics.ingest.html import html_to_document
from analytics.ingest.tables import read_table_chunks

__all__ = ["read_bytes", "read_table_chunks"]

TABLE_CHUNK = 10_000  # rows parsed at a time when a table is read whole


# A line that is only a web address, as in a notes file listing the pages read.
_ADDRESS_LINE = re.compile(r"\s*(?:[-*•]\s*)?(?:https?://|www\.)\S+\s*")


def _read_plain(data: bytes, source: str) -> list[RawDocument]:
    text = decode_text(data)
    if not text.strip():
        raise DocumentError("empty file")
    if all(_ADDRESS_LINE.fullmatch(line) for line in text.splitlines() if line.strip()):
        raise DocumentError("a list of web addresses, not a report")
    return [RawDocument(source=source, text=text)]


def _read_html(data: bytes, source: str) -> list[RawDocument]:
    return [html_to_document(decode_text(data), source)]


def _read_pdf(data: bytes, source: str) -> list[RawDocument]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise DocumentError("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [_pdf_page_text(page) for page in reader.pages]
        title = (reader.metadata.title or "") if reader.metadata else ""
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DocumentError(f"unreadable PDF: {exc}") from exc
    text = "\n\n".join(p for p in pages if p).strip()
    if not text:
        raise DocumentError("PDF has no text layer (scanned image?)")
    return [RawDocument(source=source, text=text, title=str(title))]


def _pdf_page_text(page) -> str:
    """A PDF page's text with its paragraphs rebuilt from the layout: lines are joined
    unless the font size changes or the gap to the next line is wider than a line."""
    lines: list[list] = []  # [y, size, text]

    def visit(text: str, cm, tm, font, size) -> None:
        y, height = cm[5] + tm[5] * cm[3], abs((size or 0) * tm[3] * cm[3]) or 10.0
        if lines and abs(lines[-1][0] - y) < 0.5:
            lines[-1][2] += text
        elif text.strip():
            lines.append([y, round(height, 1), text])

    plain = page.extract_text(visitor_text=visit) or ""
    if not lines:
        return _unwrap_pdf_lines(plain)
    paragraphs, current = [], [lines[0][2]]
    for (y0, size0, _), (y1, size1, text) in itertools.pairwise(lines):
        if size1 != size0 or not 0 < y0 - y1 <= 1.8 * size0:
            paragraphs.append(current)
            current = []
        current.append(text)
    paragraphs.append(current)
    return "\n\n".join(" ".join(" ".join(p).split()) for p in paragraphs)


def _unwrap_pdf_lines(text: str) -> str:
    """Join the hard line breaks a PDF puts inside paragraphs; keep blank lines."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(re.sub(r"\s*\n\s*", " ", p).strip() for p in paragraphs)


def _read_docx(data: bytes, source: str) -> list[RawDocument]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK\x03\x04"):
        raise DocumentError("not a Word .docx file (not a ZIP package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(f"unreadable Word document: {exc}") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    if not paragraphs:
        raise DocumentError("Word document has no text")
    title = document.core_properties.title or ""
    return [RawDocument(source=source, text="\n\n".join(paragraphs), title=title)]


def _read_table(data: bytes, source: str) -> list[RawDocument]:
    documents = [doc for chunk in read_table_chunks(data, source, TABLE_CHUNK) for doc in chunk]
    if not any(doc.text for doc in documents):
        raise DocumentError("table has no row with text")
    return documents


def read_bytes(data: bytes, source: str) -> list[RawDocument]:
    """Read one file's bytes; ``source`` names it and its suffix picks the reader.

    Returns:
        One document per report (several for a table).

    Raises:
        DocumentError: when the file cannot be read; the message says why.
    """
    suffix = Path(source).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported file type {suffix or '(none)'}")
    if not data:
        raise DocumentError("empty file")
    if suffix in (".html", ".htm"):
        return _read_html(data, source)
    if suffix == ".pdf":
        return _read_pdf(data, source)
    if suffix == ".docx":
        return _read_docx(data, source)
    if suffix in TABLE_SUFFIXES:
        return _read_table(data, source)
    return _read_plain(data, source)
