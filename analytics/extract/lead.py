"""A wire's lead paragraph above its headline.

Saved wire pages often open with a short paragraph that starts with the agency's
dateline ("NAIROBI, March 20 (Agency) -- Customs chiefs opened ..."), then the headline,
then the article. The headline is the line under that paragraph; the paragraph stays
text.
"""

from __future__ import annotations

import re

from analytics.extract.datelines import dateline
from analytics.extract.published import parse_date, published_from_lines

__all__ = ["headline_under_lead"]

_HEADLINE_CHARS = 150  # a longer line is a paragraph
_HEADLINE_WORDS = 4  # a shorter line is a section's heading ("Key points")
_SENTENCE_END = (".", "!", "?", ":", ";")
_CHINESE_DATE = re.compile(r"[年月日]")
_DATE_LINE_CHARS = 60
_ANY_YEAR = (2000,)  # a yearless dateline is one too: only its shape matters here


def headline_under_lead(lines: list[str]) -> list[str]:
    """The lines with the headline first when the first (after a date line, if any) is an
    agency's dateline paragraph and the next one reads as a headline."""
    # the cheap test first: most reports open with no dateline paragraph (a date line is
    # costly to rule out)
    at = next((i for i in (0, 1) if len(lines) >= i + 3 and _is_lead(lines[i])), None)
    if at is None or (at == 1 and not _is_date_line(lines[0])):
        return lines
    if not _is_headline(lines[at + 1]):
        return lines
    return [lines[at + 1], *lines[:at], lines[at], *lines[at + 2 :]]


def _is_date_line(line: str) -> bool:
    if len(line) > _DATE_LINE_CHARS or not (
        any(ch.isdigit() for ch in line) or _CHINESE_DATE.search(line)
    ):
        return False  # a date line is short, with digits unless Chinese: spare the parser
    return parse_date(line) is not None or published_from_lines([line], limit=1)[1] == 0


def _is_lead(line: str) -> bool:
    """A paragraph that opens with a wire's dateline and ends like a sentence."""
    return line.endswith(_SENTENCE_END[:3]) and dateline(line, _ANY_YEAR)[1] != line


def _is_headline(line: str) -> bool:
    return (
        len(line) <= _HEADLINE_CHARS
        and len(line.split()) >= _HEADLINE_WORDS
        and line[:1].isupper()
        and not line.endswith(_SENTENCE_END)
        and not _is_date_line(line)
        and dateline(line, _ANY_YEAR)[1] == line
    )
