"""Plain-text helpers every layer shares: sentences, and the names of months and days.

Kept free of heavy imports, so that the theme model can split reports into sentences
without loading the date and place libraries of :mod:`analytics.extract`.
"""

from __future__ import annotations

import re

__all__ = ["MONTHS", "WEEKDAYS", "split_sentences"]

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# After . ! ? before a capital (or an Arabic letter); after Chinese and Arabic full stops:
# the space found is the group (the full stop stays with its sentence). Found from the
# full stop, not with a look-behind at every character: the same splits, faster.
_BOUNDARY = re.compile(r"[.!?؟](\s+)(?=[A-Z\"“(\u0600-\u06ff])|[。！？](\s*)")
# Titles and abbreviations in English, French and Spanish that end with a full stop.
_ABBREVIATION_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|Sr|Sra|Srta|Lic|Ing|Cr|Mme|Mgr|Gen|Lt|Col|Hon|Amb|[A-Z])\.$"
)
_ABBREVIATION_TAIL = 7  # an abbreviation's end, the character before it and a newline
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # what _SPACES would change
_PARAGRAPH = re.compile(r"\n\s*\n")


def _parts(paragraph: str) -> list[str]:
    parts, start = [], 0
    for match in _BOUNDARY.finditer(paragraph):
        space = 1 if match.start(1) >= 0 else 2
        parts.append(paragraph[start : match.start(space)])
        start = match.end(space)
    parts.append(paragraph[start:])
    return parts


def split_sentences(text: str) -> list[str]:
    """Sentences of a text (a light splitter that keeps "Mr." and "D.C." together); a
    blank line always ends one (a header line has no full stop)."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPH.split(text):
        start = len(sentences)
        if _ODD_SPACE.search(paragraph):
            paragraph = _SPACES.sub(" ", paragraph)
        for part in _parts(paragraph):
            if len(sentences) > start and _ABBREVIATION_END.search(
                sentences[-1][-_ABBREVIATION_TAIL:]
            ):
                sentences[-1] += " " + part
            else:
                sentences.append(part)
    return [s.strip() for s in sentences if s.strip()]
