"""Bytes of unknown encoding to text: a byte-order mark first, then charset detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from analytics.errors import DocumentError

__all__ = ["decode_text"]

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
