"""Read files of every supported format into raw documents.

A raw document is the text of one report with whatever metadata its container gives
(an HTML title and date, a table's date or location columns). Nothing here interprets
the text: that is :mod:`analytics.extract`'s job.
"""

from __future__ import annotations

import codecs
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from charset_normalizer import from_bytes

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "DocumentError",
    "RawDocument",
    "decode_text",
    "read_bytes",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".xlsx", ".jsonl")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", *TABLE_SUFFIXES)


class DocumentError(Exception):
    """A file that cannot be read as a report; the message says why."""


@dataclass
class RawDocument:
    """The text of one report and the metadata its file gives."""

    source: str
    text: str
    title: str = ""
    published: str = ""
    location: dict[str, str] = field(default_factory=dict)


# --- bytes to text ---------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx or .xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding (BOM first, then charset detection).

    Raises:
        DocumentError: for empty, binary or undecodable content.
    """
    if not data.strip():
        raise DocumentError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"undecodable bytes for {encoding}: {exc.reason}") from exc
    if binary := _sniff_binary(data):
        raise DocumentError(f"binary content: this is {binary}, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _detect_and_decode(data)
    if "\x00" in text or _control_share(text) > 0.05:
        raise DocumentError("binary content: not a text file")
    return text


# Short texts fit several single-byte code pages equally well; among equally plausible
# ones, prefer the Western European page that reports in English, French and Spanish use.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")


def _detect_and_decode(data: bytes) -> str:
    matches = list(from_bytes(data))
    if not matches and b"\x00" in data:
        raise DocumentError("binary content: not a text file")
    if not matches:
        raise DocumentError("undecodable bytes: no text encoding fits this file")
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + 0.01]
    for encoding in _PREFERRED:
        if any(encoding in m.could_be_from_charset for m in plausible):
            return data.decode(encoding, errors="strict")
    return str(plausible[0])


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


# --- one reader per format -------------------------------------------------------------


def _read_plain(data: bytes, source: str) -> list[RawDocument]:
    text = decode_text(data)
    if not text.strip():
        raise DocumentError("empty file")
    return [RawDocument(source=source, text=text)]


def _read_html(data: bytes, source: str) -> list[RawDocument]:
    from analytics.html import html_to_document

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


def _read_table(data: bytes, source: str, suffix: str) -> list[RawDocument]:
    from analytics.tables import frame_to_documents

    try:
        if suffix == ".xlsx":
            if not data.startswith(b"PK\x03\x04"):
                raise DocumentError("not an Excel .xlsx file (not a ZIP package)")
            frame = pd.read_excel(io.BytesIO(data), dtype=str)
        elif suffix == ".jsonl":
            records = [json.loads(line) for line in decode_text(data).splitlines() if line.strip()]
            frame = pd.DataFrame.from_records(records).astype("string")
        else:
            frame = pd.read_csv(io.StringIO(decode_text(data)), dtype=str, keep_default_na=False)
    except DocumentError:
        raise
    except (ValueError, KeyError, OSError, pd.errors.ParserError) as exc:
        raise DocumentError(f"unreadable table: {exc}") from exc
    return frame_to_documents(frame, source)


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
        return _read_table(data, source, suffix)
    return _read_plain(data, source)
