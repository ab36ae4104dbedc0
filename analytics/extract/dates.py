"""Dates written in report text, in the six languages of the WCO's site and numerically.

Month names come from dateparser's language data (English, French, Spanish, Portuguese,
Italian, Russian, Chinese, Arabic) plus the Levantine and Maghreb Arabic names it lacks, so
"24 abril 2017", "15 марта 2017", "26 四月 2019", "15 مارس 2017" and "19 May 2017" read
alike; "2019年4月26日", "28/06/2022" and "2022-06-28" are read as well. Arabic-Indic and
full-width digits count as digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from dateparser.languages.loader import default_loader

from analytics.extract.gate import Names
from analytics.extract.mojibake import misdecoded_months
from analytics.text import MONTHS, WEEKDAYS

__all__ = [
    "LANGUAGES",
    "DateSpan",
    "ascii_digits",
    "find_date_spans",
    "find_meeting_dates",
    "month_numbers",
    "month_without_year",
    "weekday_names",
]

LANGUAGES = ("en", "fr", "es", "pt", "ru", "zh", "ar")
# Month names are read in Italian as well (national administrations write in it), without
# asking dateparser about it.
_MONTH_LANGUAGES = (*LANGUAGES, "it")
AFTER_PUBLICATION = dt.timedelta(days=62)  # a year-less date this far past publication is
# last year's; a report may announce a meeting a few weeks ahead
LONGEST_MEETING = dt.timedelta(days=60)  # a longer "range" is two dates, not one meeting

# Abbreviations that are also common words ("2 out of 3", "3 years ago").
_AMBIGUOUS = {"out", "ago", "set"}
# Arabic month names dateparser lacks: Levantine and Maghreb forms, common spellings.
_MORE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12, "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6,
    "جويلية": 7, "أوت": 8, "ابريل": 4, "يونية": 6, "يولية": 7, "اكتوبر": 10,
}  # fmt: skip
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def ascii_digits(text: str) -> str:
    """The text with Arabic-Indic and full-width digits as ASCII digits (same length)."""
    return text.translate(_DIGITS)


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations, lower-case, in every supported language."""
    names: dict[str, int] = {}
    for language in _MONTH_LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(MONTHS, start=1):
            for name in info.get(key, []):
                name = name.lower().rstrip(".")
                if any(ch.isdigit() for ch in name) or name in _AMBIGUOUS:
                    continue  # "4月" is read by the numeric Chinese form
                if len(name) >= 3 or _CJK.search(name):
                    names.setdefault(name, number)
    for name, number in _MORE_MONTHS.items():
        names.setdefault(name, number)
    return misdecoded_months(names.items()) | names  # "εδΈ€ζœˆ": 十一月 as some copies show it


@cache
def weekday_names() -> dict[str, int]:
    """Weekday names, lower-case, in every supported language -> 0 (Monday) to 6."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        info = default_loader.get_locale(language).info
        for number, key in enumerate(WEEKDAYS):
            for name in info.get(key, []):
                if len(name) >= 4 or _CJK.search(name):
                    names.setdefault(name.lower(), number)
    return names


@cache
def _month_pattern() -> str:
    names = sorted(month_numbers(), key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(n) for n in names) + r")\.?"


_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?:19|20)\d\d"
# "14 e 16 de maio", "entre el 14 y el 16 de mayo", "entre le 14 et le 16 mai": the
# connector and its article, in every language (a missing one starts a range at its end).
_TO = (
    r"\s*(?:-|–|—|to|and|&|au|et|al|a|y|e|ao|till|until|through|по|и|و|إلى|الى|حتى)\s*"
    r"(?:(?:the|le|el|o|os|dia|días|dias)\s+)?"
)


@cache
def _range_patterns() -> list[re.Pattern[str]]:
    month = _month_pattern()
    of = r"(?:\s+(?:of|de))?"
    yr = rf"(?:,?\s*(?:de\s+)?(?P<year>{_YEAR}))?"  # "25 November2016" too
    day_first = [
        # 30 November to 2 December 2021 / du 30 novembre au 2 décembre 2021
        rf"(?P<d1>{_DAY}){of}\s*(?P<m1>{month}){_TO}(?P<d2>{_DAY}){of}\s*(?P<m2>{month}){yr}",
        # 23, 24 and 25 April 2012 / los días 23, 24 y 25 de abril de 2012
        rf"(?P<d1>{_DAY})(?:,\s*{_DAY})+,?\s*(?:and|et|y|e|&)\s*(?P<d2>{_DAY}){of}\s*(?P<m1>{month}){yr}",
        # 6 and 7 April 2017 / 27-29 June 2019 / del 3 al 5 de marzo de 2015 / 25 to 27, October
        rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY}),?{of}\s*(?P<m1>{month}){yr}",
        # 1 February 2022 / 16novembre 2019
        rf"(?P<d1>{_DAY}){of}\s*(?P<m1>{month}){yr}",
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


# 2019年4月26日 / 5月28日至31日 / 4月26日-5月2日
_CHINESE = re.compile(
    r"(?<!\d)(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"(?:\s*(?:至|到|-|–|—|~|～)\s*(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*[日号])?"
)
# 二○二四年六月三十日 / 十月二十二日 / 六月二十七日至二十九日: Chinese numerals, as Hong Kong
# and Taiwan releases write dates
_CN = "〇○零一二三四五六七八九十"
_CHINESE_WORDS = re.compile(
    rf"(?:(?P<year>[{_CN}]{{4}})\s*年\s*)?(?P<m1>[{_CN}]{{1,3}})\s*月\s*(?P<d1>[{_CN}]{{1,3}})\s*[日号]"
    rf"(?:\s*(?:至|到|-|–|—|~|～)\s*(?:(?P<m2>[{_CN}]{{1,3}})\s*月\s*)?(?P<d2>[{_CN}]{{1,3}})\s*[日号])?"
)
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}


def _cn_number(text: str | None) -> int | None:
    """二十五 -> 25, 十 -> 10, 二○二四 -> 2024 (digit by digit)."""
    if not text:
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


# 2022-06-28, 2022.06.28, 2022/06/28; 28/06/2022, 28.06.2022, 28-06-2022
_NUMERIC = re.compile(
    r"(?<![\w./-])(?:(?P<y1>(?:19|20)\d\d)(?P<s1>[-./])(?P<a1>\d{1,2})(?P=s1)(?P<b1>\d{1,2})|"
    r"(?P<a2>\d{1,2})(?P<s2>[-./])(?P<b2>\d{1,2})(?P=s2)(?P<y2>(?:19|20)\d\d))(?![\w./-])"
)


@dataclass(frozen=True)
class DateSpan:
    """A date or date range found in text, with where it was found."""

    start: dt.date
    end: dt.date | None
    position: int
    has_year: bool
    precise: bool = True  # False for a month without a day
    relative: bool = False  # "yesterday", "on Tuesday": read against the publication date
    stop: int = -1  # where the written date ends in the text


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _span(
    year: int | None, m1: int, d1: int, m2: int | None, d2: int | None, position: int, has_year
) -> DateSpan | None:
    """A span from its parts; a range whose end month is before its start crosses a year."""
    if year is None or m1 is None:
        return None
    try:
        end = dt.date(year, m2 or m1, d2) if d2 else None
        start = dt.date(year - 1 if end and m1 > (m2 or m1) else year, m1, d1)
    except ValueError:
        return None
    if end is not None and end < start:
        return None
    if end is not None and (end == start or end - start > LONGEST_MEETING):
        end = None
    return DateSpan(start, end, position, has_year)


def _worded(match: re.Match[str], default_year: int | None) -> DateSpan | None:
    groups = match.groupdict()
    months = month_numbers()
    m1 = months.get(groups["m1"].lower().rstrip("."))
    if "d1" not in groups:  # "in October 2009"
        return DateSpan(dt.date(int(groups["year"]), m1, 1), None, match.start(), True, False)
    m2 = months.get((groups.get("m2") or groups["m1"]).lower().rstrip("."))
    year = int(groups["year"]) if groups.get("year") else default_year
    d2 = _day(groups["d2"]) if groups.get("d2") else None
    return _span(year, m1, _day(groups["d1"]), m2, d2, match.start(), bool(groups.get("year")))


def _chinese(match: re.Match[str], default_year: int | None) -> DateSpan | None:
    g = match.groupdict()
    year = int(g["year"]) if g["year"] else default_year
    m2 = int(g["m2"]) if g["m2"] else None
    d2 = int(g["d2"]) if g["d2"] else None
    return _span(year, int(g["m1"]), int(g["d1"]), m2, d2, match.start(), bool(g["year"]))


def _chinese_words(match: re.Match[str], default_year: int | None) -> DateSpan | None:
    try:
        g = {k: _cn_number(v) for k, v in match.groupdict().items()}
    except (KeyError, ValueError):  # "十十": not a number
        return None
    year = g["year"] or default_year
    return _span(year, g["m1"], g["d1"], g["m2"], g["d2"], match.start(), bool(g["year"]))


def _numeric(match: re.Match[str], _: int | None) -> DateSpan | None:
    g = match.groupdict()
    if g["y1"]:  # year first: always year, month, day
        year, month, day = int(g["y1"]), int(g["a1"]), int(g["b1"])
    else:  # day first unless that cannot be ("06/28/2022")
        year, first, second = int(g["y2"]), int(g["a2"]), int(g["b2"])
        day, month = (second, first) if first <= 12 < second else (first, second)
    return _span(year, month, day, None, None, match.start(), True)


_DIGIT = re.compile(r"\d")


@cache
def _weekday_pattern() -> re.Pattern[str]:
    """Weekday names (and a following comma) before a day number."""
    alternatives = "|".join(re.escape(n) for n in sorted(weekday_names(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})\.?,?(?=\s+\d)", re.IGNORECASE)


@cache
def _month_only_pattern() -> re.Pattern[str]:
    # "in October 2009", "en octubre de 2009": a meeting known to the month only.
    return re.compile(
        rf"(?<![\w-])(?P<m1>{_month_pattern()})(?:\s+de)?\s+(?P<year>{_YEAR})(?![\w-])",
        re.IGNORECASE,
    )


@cache
def _names() -> tuple[Names, Names]:
    """The month names and the weekday names, to rule out a text naming none."""
    return Names(month_numbers(), whole_words=True), Names(weekday_names(), whole_words=True)


@cache
def _opens_with_month(pattern: re.Pattern[str]) -> bool:
    """A pattern that matches only at a month name standing as a word (tried only where
    one may be)."""
    month = rf"(?<![\w-])(?P<m1>{_month_pattern()})"
    return pattern.pattern.startswith((month + r"\s", month + r"(?:\s+de)?\s"))


def find_date_spans(text: str, default_year: int | None) -> list[DateSpan]:
    """Every date or date range in ``text``, in order of appearance.

    A date without a year takes ``default_year`` (and is left out when that is None). A
    month without a day ("in October 2009") counts as the first of that month.
    """
    taken: list[tuple[int, int]] = []
    spans: list[DateSpan] = []
    for read, matches in _scanned(text):
        for match in matches:
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            span = read(match, default_year)
            if span:
                span = replace(span, stop=match.end())
                taken.append((match.start(), match.end()))
                spans.append(span)
    return sorted(spans, key=lambda s: s.position)


_SCANNED = 2**14  # sentences whose matches are kept: a report's sentences are read for
# its dates several times, and reports of one archive share sentences (boilerplate, copies)


@lru_cache(maxsize=_SCANNED)
def _scanned(text: str) -> tuple[tuple[Callable, tuple[re.Match[str], ...]], ...]:
    """Each date reader that may apply with its pattern's matches in ``text``, in the
    order they are tried: what does not depend on the year they are read in."""
    text = ascii_digits(text)
    if not _DIGIT.search(text) and not _CJK.search(text):  # every other date form has digits
        return ()
    # "from Wednesday 3 to Friday 5 February": blank the weekdays, keeping positions.
    if _names()[1].may_be_in(text):
        text = _weekday_pattern().sub(lambda m: " " * len(m.group(0)), text)
    readers = [(p, _worded) for p in _range_patterns()]
    readers += [(_CHINESE, _chinese), (_NUMERIC, _numeric), (_month_only_pattern(), _worded)]
    if not _names()[0].may_be_in(text):  # no month named: the patterns that open with one
        readers = [(p, read) for p, read in readers if not _opens_with_month(p)]
    if _CJK.search(text):
        readers.append((_CHINESE_WORDS, _chinese_words))
    return tuple((read, tuple(pattern.finditer(text))) for pattern, read in readers)


def find_meeting_dates(text: str, published: dt.date | None) -> list[DateSpan]:
    """Date spans of the body, with years inferred from the publication date.

    A date written without its year is put in the year that makes it closest before
    (or shortly after) the publication date; without a publication date it is left out.
    The year comes from the report, never from the clock; a month the text calls past
    ("de junio pasado", "juin dernier") is before the publication.
    """
    if published is None:
        return find_date_spans(text, None)
    spans = find_date_spans(text, published.year)
    spans = [
        _past(s, published) if _said_past(text, s) else in_year_of(s, published) for s in spans
    ]
    return [_on_weekday_named(text, s) for s in spans]


def _on_weekday_named(text: str, span: DateSpan) -> DateSpan:
    """A year-less day with its weekday ("ce mercredi, 19 novembre", "Tuesday 14 May")
    moved to the year either side when the weekday falls there and not in its own."""
    if span.has_year or not span.precise or span.position <= 0:
        return span
    named = _weekday_before().search(text[max(0, span.position - 16) : span.position])
    if named is None or weekday_names()[named.group(1).lower()] == span.start.weekday():
        return span
    for years in (-1, 1):
        moved = _shift_year(span, years)
        if moved.start.weekday() == weekday_names()[named.group(1).lower()]:
            return moved
    return span


@cache
def _weekday_before() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(weekday_names(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})[\s,]{{1,3}}$", re.IGNORECASE)


# "del 23 al 25 de junio pasado", "du 23 au 25 juin dernier": the last such month before
_PAST_MONTH = re.compile(r"\s*(?:pasad[oa]|passad[oa]|derni[eè]re?|pass[ée]e?)\b", re.IGNORECASE)


def _said_past(text: str, span: DateSpan) -> bool:
    return not span.has_year and span.stop > 0 and bool(_PAST_MONTH.match(text, span.stop))


def _past(span: DateSpan, published: dt.date) -> DateSpan:
    """A year-less span the text calls past: in the latest year that puts it before the
    publication date."""
    return _shift_year(span, -1) if span.start > published else span


def in_year_of(span: DateSpan, published: dt.date) -> DateSpan:
    """A year-less span moved to the latest year that puts it before the publication date
    (or shortly after it); a span with its year is left alone."""
    if not span.has_year and span.start > published + AFTER_PUBLICATION:
        return _shift_year(span, -1)
    return span


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
    return in_year_of(span, published)


def _shift_year(span: DateSpan, years: int) -> DateSpan:
    def shift(day: dt.date | None) -> dt.date | None:
        return day.replace(year=day.year + years) if day else None

    try:
        return replace(span, start=shift(span.start), end=shift(span.end))
    except ValueError:  # 29 February
        return span
