"""Dates in reports: the publication date line and the meeting's own dates.

Month names come from dateparser's language data (English, French, Spanish, Portuguese),
so "24 abril 2017", "12 mars 2015" and "19 May 2017" read alike; whole date lines and
metadata are parsed by dateparser itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import dateparser
from dateparser.languages.loader import default_loader

from analytics.text import MONTHS, WEEKDAYS

__all__ = [
    "DateSpan",
    "find_meeting_dates",
    "month_without_year",
    "parse_date",
    "published_from_lines",
]

LANGUAGES = ("en", "fr", "es", "pt")


# Abbreviations that are also common words ("2 out of 3", "3 years ago").
_AMBIGUOUS = {"out", "ago", "set"}


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations, lower-case, in every supported language."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(MONTHS, start=1):
            for name in info.get(key, []):
                if len(name) >= 3 and name.lower() not in _AMBIGUOUS:
                    names.setdefault(name.lower().rstrip("."), number)
    return names


@cache
def _month_pattern() -> str:
    names = sorted(month_numbers(), key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(n) for n in names) + r")\.?"


_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?:19|20)\d\d"
_TO = r"\s*(?:-|–|—|to|and|au|et|al|a|y|till|until|through)\s*"


@cache
def _range_patterns() -> list[re.Pattern[str]]:
    month = _month_pattern()
    of = r"(?:\s+(?:of|de))?"
    yr = rf"(?:,?\s+(?:de\s+)?(?P<year>{_YEAR}))?"
    day_first = [
        # 30 November to 2 December 2021 / du 30 novembre au 2 décembre 2021
        rf"(?P<d1>{_DAY}){of}\s+(?P<m1>{month}){_TO}(?P<d2>{_DAY}){of}\s+(?P<m2>{month}){yr}",
        # 23, 24 and 25 April 2012 / los días 23, 24 y 25 de abril de 2012
        rf"(?P<d1>{_DAY})(?:,\s*{_DAY})+,?\s*(?:and|et|y|e|&)\s*(?P<d2>{_DAY}){of}\s+(?P<m1>{month}){yr}",
        # 6 and 7 April 2017 / 27-29 June 2019 / del 3 al 5 de marzo de 2015
        rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}){of}\s+(?P<m1>{month}){yr}",
        # 1 February 2022
        rf"(?P<d1>{_DAY}){of}\s+(?P<m1>{month}){yr}",
    ]
    month_first = [
        # March 30 to April 2, 2021
        rf"(?P<m1>{month})\s+(?P<d1>{_DAY}){_TO}(?P<m2>{month})\s+(?P<d2>{_DAY}){yr}",
        # March 3-5, 2015 / March 3 and 4
        rf"(?P<m1>{month})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}){yr}",
        # March 3, 2015
        rf"(?P<m1>{month})\s+(?P<d1>{_DAY}){yr}",
    ]
    return [re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE) for p in day_first + month_first]


@dataclass(frozen=True)
class DateSpan:
    """A date or date range found in text, with where it was found."""

    start: dt.date
    end: dt.date | None
    position: int
    has_year: bool
    precise: bool = True  # False for a month without a day


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _span_from_match(match: re.Match[str], default_year: int | None) -> DateSpan | None:
    groups = match.groupdict()
    months = month_numbers()
    if "d1" not in groups:
        month = months.get(groups["m1"].lower().rstrip("."))
        return DateSpan(dt.date(int(groups["year"]), month, 1), None, match.start(), True, False)
    m1 = months.get(groups["m1"].lower().rstrip("."))
    m2 = months.get((groups.get("m2") or groups["m1"]).lower().rstrip("."))
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        return None
    try:
        end = dt.date(year, m2, _day(groups["d2"])) if groups.get("d2") else None
        start_year = year - 1 if end and m1 > m2 else year
        start = dt.date(start_year, m1, _day(groups["d1"]))
    except ValueError:
        return None
    if end is not None and end < start:
        return None
    if end is not None and (end == start or end - start > dt.timedelta(days=60)):
        end = None
    return DateSpan(start, end, match.start(), bool(groups.get("year")))


@cache
def _weekday_pattern() -> re.Pattern[str]:
    """Weekday names (and a following comma) in every supported language."""
    names: set[str] = set()
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for key in WEEKDAYS:
            names.update(n.lower() for n in info.get(key, []) if len(n) >= 4)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})\.?,?(?=\s+\d)", re.IGNORECASE)


@cache
def _month_only_pattern() -> re.Pattern[str]:
    # "in October 2009", "en octubre de 2009": a meeting known to the month only.
    return re.compile(
        rf"(?<![\w-])(?P<m1>{_month_pattern()})(?:\s+de)?\s+(?P<year>{_YEAR})(?![\w-])",
        re.IGNORECASE,
    )


def find_date_spans(text: str, default_year: int | None) -> list[DateSpan]:
    """Every date or date range in ``text``, in order of appearance.

    A date without a year takes ``default_year`` (and is left out when that is None). A
    month without a day ("in October 2009") counts as the first of that month.
    """
    # "from Wednesday 3 to Friday 5 February": blank the weekdays, keeping positions.
    text = _weekday_pattern().sub(lambda m: " " * len(m.group(0)), text)
    taken: list[tuple[int, int]] = []
    spans: list[DateSpan] = []
    for pattern in [*_range_patterns(), _month_only_pattern()]:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            span = _span_from_match(match, default_year)
            if span:
                taken.append((match.start(), match.end()))
                spans.append(span)
    return sorted(spans, key=lambda s: s.position)


def parse_date(text: str) -> dt.date | None:
    """Parse one date written in any supported language or ISO form, else None."""
    text = text.strip()
    if not text:
        return None
    iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", text)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            return None
    parsed = dateparser.parse(
        text,
        languages=list(LANGUAGES),
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


_LABEL = re.compile(
    r"^\W*(?:published(?:\s+on)?|posted(?:\s+on)?|date|updated|prepared(?:\s+on)?|"
    r"issued(?:\s+on)?|released(?:\s+on)?|publi[ée]\s+le|publicado(?:\s+el)?|fecha)"
    r"\s*\W*\s*",
    re.IGNORECASE,
)
# "Brussels, 27 May 2010", "WCO News, 20 June 2018", "Summary note, published 9 October
# 2023": a short place, source or label, then the date, and nothing else.
_SIGNED_DATE = re.compile(
    r"^(?P<head>[^\d:;.!?]{2,60}?)[,:]\s*(?:(?:published|posted|issued|le|el)\s+(?:on\s+)?)?"
    r"(?P<date>\d{1,2}(?:er|º)?\s+(?:de\s+)?\w+\.?\s+(?:de\s+)?\d{4}|\w+\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{4}-\d\d-\d\d)\s*$",
    re.IGNORECASE,
)
_MEETING_SUMMARY = re.compile(r"^\W*(?:venue|location|lieu|lugar)\s*:", re.IGNORECASE)


def _date_line(line: str) -> dt.date | None:
    """A line that is only a date (with an optional "Published:" label and markup), or a
    date signed with a place or source ("Nairobi, 1 February 2020")."""
    core = _LABEL.sub("", line.strip().strip("*_#> ")).strip("*_ ")
    if not core or len(core) > 80 or not re.search(r"\d{4}", core):
        return None
    if len(core) <= 40 and re.fullmatch(r"[\w ,./-]+", core, flags=re.UNICODE):
        found = parse_date(core)
        if found:
            return found
    signed = _SIGNED_DATE.match(core)
    if signed and len(signed.group("head").split()) <= 6:
        return parse_date(signed.group("date"))
    return None


def published_from_lines(lines: list[str], limit: int = 6) -> tuple[dt.date | None, int]:
    """The publication date among the first ``limit`` lines, else among the last three
    (a signature such as "Nairobi, 1 February 2020"), and the index of its line.

    In a meeting summary (a "Venue:" line), a "Date:" line is the meeting's, not the
    publication's. Returns ``(None, -1)`` when no such line is a date.
    """
    summary = any(_MEETING_SUMMARY.match(line) for line in lines)
    first = range(min(limit, len(lines)))
    last = range(len(lines) - 1, max(len(lines) - 4, limit - 1), -1)
    for index in [*first, *last]:
        line = lines[index]
        if summary and re.match(r"^\W*(?:date|fecha|dates?)\s*:", line, re.IGNORECASE):
            continue
        found = _date_line(line)
        if found:
            return found, index
    return None, -1


def find_meeting_dates(text: str, published: dt.date | None) -> list[DateSpan]:
    """Date spans of the body, with years inferred from the publication date.

    A date written without its year is put in the year that makes it closest before
    (or shortly after) the publication date; without a publication date it is left out.
    The year comes from the report, never from the clock.
    """
    if published is None:
        return find_date_spans(text, None)
    spans = []
    for span in find_date_spans(text, published.year):
        if not span.has_year and span.start > published + dt.timedelta(days=62):
            span = _shift_year(span, -1)
        spans.append(span)
    return spans


def month_without_year(text: str, published: dt.date) -> DateSpan | None:
    """A meeting dated only by its month, the year left to the reader ("held in June",
    "en juin"): the first of that month, in the year that puts it before the publication
    date (or at most two months after it)."""
    match = re.search(
        rf"(?<![\w-])(?:in|en|em|during|durante)\s+(?P<m1>{_month_pattern()})(?![\w-])(?!\s+\d)",
        text,
        re.IGNORECASE,
    )
    if not match:
        return None
    month = month_numbers()[match.group("m1").lower().rstrip(".")]
    span = DateSpan(dt.date(published.year, month, 1), None, match.start(), False, False)
    return _shift_year(span, -1) if span.start > published + dt.timedelta(days=62) else span


def _shift_year(span: DateSpan, years: int) -> DateSpan:
    def shift(day: dt.date | None) -> dt.date | None:
        return day.replace(year=day.year + years) if day else None

    try:
        return DateSpan(
            shift(span.start), shift(span.end), span.position, span.has_year, span.precise
        )
    except ValueError:  # 29 February
        return span
