"""A page's clock and other bare dates near its head: they date the reading, not the report."""

from __future__ import annotations

import re

from analytics.extract.published import published_from_lines, signed_by

__all__ = ["bare_date", "without_clock"]

_LABELLED = re.compile(r"^\s*(?:[-–•*·]\s|[^\W\d_][^:]{0,30}:)")
_DIGIT = re.compile(r"\d")
_DATE_CHARS = 80  # a longer line is text, not a date
HEAD_LINES = 8  # lines of the page's head where a clock stands


def bare_date(line: str) -> bool:
    """True when the line is a date alone, with no place, label or list mark ("Tuesday,
    June 18, 2024"; not "- Date: 30 November 2021", a summary's meeting date)."""
    if len(line) > _DATE_CHARS or not _DIGIT.search(line) or _LABELLED.match(line):
        return False  # cheap tests first: most lines are text
    return published_from_lines([line], limit=1)[1] == 0 and not signed_by(line)


# A page's clock: "Philippine Standard Time:" over "30 May 2025, 03:30 AM", or on one line
_CLOCK = re.compile(r"^[^\d:]{0,30}\b(?:standard|local|current) time\s*:?\s*(?=$|\d)", re.I)


def without_clock(lines: list[str]) -> list[str]:
    """The lines without the page's clock, which dates the reading, not the report."""
    at = next((i for i, line in enumerate(lines[:HEAD_LINES]) if _CLOCK.match(line)), None)
    if at is None:
        return lines
    alone = _CLOCK.match(lines[at]).end() == len(lines[at])  # the time on the next line
    return lines[:at] + lines[at + 1 + (alone and at + 1 < len(lines)) :]
