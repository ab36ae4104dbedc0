"""A newswire's dateline opening the body: where and when the report was filed.

"TOKYO, 5 May 2010 – ...", "Cairo, Feb. 28 (Petra) -- ...", "Baku. 8 December. AGENCY.AZ/
...", "DUBAI, (Agency / WAM - 19th Oct, 2019) ...": the date is the report's, never the
meeting's; the place stays in the text (it is often the venue).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from analytics.extract.dates import find_date_spans, weekday_names
from analytics.extract.published import parse_date
from analytics.extract.wires import plain_dateline

__all__ = ["dateline"]

# "TOKYO, 5 May 2010 – ...", "Brussels, 28 June 2022 (TDI): ...", "Riyadh, March 2, 2013,
# SPA -- ...", "Abuja, Nigeria – April 9, 2025- The ..." (a dash before too), "القاهرة، 2 مارس 2020 -"
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÝА-ЯЁ\u0621-\u064a][^–—:\n]{1,60}?)\s*[,،]?\s+(?:[–—-]+\s+)?(?:\(\w+\)\s*)?"
    r"(?:le |el |on )?(?P<date>\d{1,2}(?:er|º|st|nd|rd|th)?\s+(?:de\s+)?\w+\.?,?\s+(?:de\s+)?\d{4}(?:\s+г\.)?|"
    r"\w+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d\d-\d\d)(?:\s*\([^)]{1,30}\)|,\s+[A-Z]{2,8})?"
    r"\s*(?:\.?[–—-]+|:)\s*"
)
# ... or ended by a full stop, the place a short name and a comma: "Panama, March 3, 2021. The"
_STOPPED = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,30}?),\s+"
    r"(?P<date>[^\W\d_]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:de\s+)?[^\W\d_]+\.?,?\s+(?:de\s+)?\d{4})"
    r"\.\s+(?=[A-ZÀ-Ý])"
)
# A wire's dateline without its year: "Cairo, Feb. 28 (Petra) --", "LOMÉ, 12 mars (XYZ) -",
# "Lima, 3 may (EFE).-", "MONTEGO BAY, Jamaica, May 13 (Agency) -", "Nairobi, March 3 -",
# "La Habana, 21 may (RHC) La XLI ..." (the source alone ends it)
# (not "Nairobi, 3-5 March")
_YEARLESS_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,30}?(?:,\s+[A-ZÀ-Ý][\w'’. -]{1,30}?)?),\s+"
    r"(?P<date>\w+\.?\s+\d{1,2}|\d{1,2}\s+\w+\.?)\s*"
    r"(?:\([^)]{1,30}\)\s*(?:\.?[–—-]+|:)?|\.?[–—-]+|:)(?!\s*\d)\s*"
)
# A wire's dateline written tight, its year in two digits and its source glued after it:
# "Bissau,13 Jan. 21(ANG) – ...", "Luanda, Jan. 13, 21 (Agency) - ..." (the source says it
# is a dateline, so "21" is a year, not a day)
_SHORT_YEAR = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,30}?),\s*"
    r"(?P<date>(?:\d{1,2}\s+[^\W\d_]{3,9}\.?|[^\W\d_]{3,9}\.?\s+\d{1,2},?)\s+)(?P<yy>\d\d)"
    r"\s*\([A-Za-z]{2,10}\)\s*(?:\.?[–—-]+|:)\s*"
)
# An agency's dateline of dots and a slash: "Baku. 8 December. REPORT.AZ/ Today ..."
_AGENCY = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’ -]{1,30}?)\.\s+"
    r"(?P<date>\d{1,2}\s+[^\W\d_]+(?:\s+\d{4})?|[^\W\d_]+\s+\d{1,2}(?:,\s+\d{4})?)\.\s+"
    r"[A-Z][\w.-]{1,20}/\s*"
)
# An aggregator's dateline with the date in its sources' bracket: "DUBAI, (UrduPoint /
# Pakistan Point News / WAM - 19th Oct, 2019) A ..."
_BRACKETED = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’. -]{1,30}),\s+\([^()]{1,80}?\s+[-–]\s+"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?,?\s+\d{4})\)\s*"
)


def dateline(line: str, years: Sequence[int] = ()) -> tuple[dt.date | None, str]:
    """The date of a newswire dateline opening the body ("TOKYO, 5 May 2010 – ...",
    "Dakar, le 3 mai 2017 – ...", "Cairo, Feb. 28 (Petra) -- ...") and the line without
    that date: it is when the report was filed, not when the meeting took place. The place
    stays (it is often the venue).

    A dateline without its year takes the first of ``years`` (the likely years, best
    first) on which it falls on the weekday the wire names ("March 20 ... wrapped up on
    Wednesday"), else the first of them.
    """
    core = _SOURCE_BEFORE.sub("", line, count=1)  # "(MENAFN- Agency (XYZ)) AMMAN, ..."
    core = plain_dateline(core)  # "NAIROBI, Kenya, March 14, 2023 /PRNewswire/ -- ..."
    match = (
        _DATELINE.match(core)
        or _YEARLESS_DATELINE.match(core)
        or _AGENCY.match(core)
        or _BRACKETED.match(core)
        or _SHORT_YEAR.match(core)
        or _STOPPED.match(core)
    )
    if not match:
        return None, line
    written = match.group("date")
    if match.re is _SHORT_YEAR:  # "13 Jan. 21": of this century
        written = f"{written}20{match.group('yy')}"
    date = parse_date(written) if re.search(r"\d{4}", written) else None
    if date is None and years:
        days = [_day_in(written, year) for year in years]
        named = _weekdays_named(core[match.end() :])
        date = next((d for d in days if d and d.weekday() in named), None) or days[0]
    place = match.group("place").rstrip(", ")
    if date is None:  # "Baku. 8 December. REPORT.AZ/", "Odesa, 7 July - ...": no year to
        # read the day in, but the place is kept as a dateline's (the venue when none is named)
        kept = match.re in (_AGENCY, _YEARLESS_DATELINE)
        return None, f"{place} – {written} – {core[match.end() :]}" if kept else line
    return date, f"{place} – {core[match.end() :]}"


_SOURCE_BEFORE = re.compile(r"^\((?:[^()]|\([^()]*\))*\)\s*(?=[A-ZÀ-Ý][^,]{1,40},)")


def _day_in(written: str, year: int) -> dt.date | None:
    spans = find_date_spans(written, year)
    return spans[0].start if spans and spans[0].precise else None


def _weekdays_named(text: str) -> set[int]:
    """The weekdays a sentence names (0: Monday)."""
    names = weekday_names()
    return {names[w] for w in re.findall(r"[^\W\d_]+", text.lower()) if w in names}
