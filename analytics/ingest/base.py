"""What a reader makes of a file: raw documents, and the file types it reads.

A raw document is the text of one report with whatever metadata its container gives
(an HTML title and date, a table's date or location columns). Nothing in
:mod:`analytics.ingest` interprets the text: that is :mod:`analytics.extract`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SUPPORTED_SUFFIXES", "TABLE_SUFFIXES", "TEXT_SUFFIXES", "RawDocument", "Skipped"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".xlsx", ".jsonl")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", *TABLE_SUFFIXES)


@dataclass
class RawDocument:
    """The text of one report and the metadata its file gives."""

    source: str
    text: str
    title: str = ""
    published: str = ""
    location: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """A file (or table row) that was not read, and why."""

    source: str
    reason: str
