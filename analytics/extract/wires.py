"""Datelines of press-release wires, rewritten as the plain dateline they stand for.

Press releases carry the wire's name inside their dateline: "NAIROBI, Kenya, March 14,
2023 /PRNewswire/ --", "JOHANNESBURG, South Africa, October 3, 2022/APO Group/ --",
"DUBAI, United Arab Emirates--(BUSINESS WIRE)--Oct. 3, 2022--". Some writers put a dash
between the place and the date and glue a hyphen to the first word: "Accra, Ghana – May
9, 2024-The ...". Each becomes "PLACE, DATE – text", which :func:`dateline` reads: the
date is the publication's, never the meeting's.
"""

from __future__ import annotations

import re

__all__ = ["plain_dateline"]

_DATE = r"(?:\w+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\w+\.?,?\s+\d{4})"
_PLACE = r"[A-ZÀ-Ý][^–—:\n/()]{1,60}?"
# "March 14, 2023 /PRNewswire/ --", "October 3, 2022/APO Group/ --", "/PRNewswire-XYZ/"
_SLASHED = re.compile(
    rf"^(?P<place>{_PLACE}),?\s+(?P<date>{_DATE})\s*/\s*[A-Za-z][\w .&-]{{1,40}}/\s*[–—-]+\s*"
)
# "DUBAI, United Arab Emirates--(BUSINESS WIRE)--Oct. 3, 2022--"
_BRACKETED = re.compile(
    rf"^(?P<place>{_PLACE})\s*[–—-]+\s*\([A-Za-z][\w .&-]{{1,40}}\)\s*[–—-]+\s*"
    rf"(?P<date>{_DATE})\s*[–—-]+\s*"
)
# "Accra, Ghana – May 9, 2024-The ...": a dash before the date, a hyphen glued after it
_DASHED = re.compile(rf"^(?P<place>{_PLACE})\s+[–—]\s+(?P<date>{_DATE})\s*[–—-]+\s*(?=\S)")
# Only lines that may be such datelines are tried (most first lines are not).
_CUES = ("/", "--", "–", "—")


def plain_dateline(line: str) -> str:
    """The line with a wire's dateline rewritten as "PLACE, DATE – ", else the line."""
    if not any(cue in line[:160] for cue in _CUES):
        return line
    for pattern in (_SLASHED, _BRACKETED, _DASHED):
        match = pattern.match(line)
        if match:
            place = match.group("place").rstrip(", ")
            return f"{place}, {match.group('date')} – {line[match.end() :]}"
    return line
