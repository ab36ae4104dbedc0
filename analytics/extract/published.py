"""When a report was published: its date line, a newswire dateline, or a date before the text.

A date line may be in any of the site's six languages ("15 марта 2017", "09 六月 2016",
"News February 27, 2023"), signed with a place or a source ("Nairobi, 1 February 2020"),
or a numeric date ("21.09.07", "03 - 02 - 2019 12:00"). A page clock ("Today is
Wednesday, March 20, 2019") and a blog's "7 months ago" are not publication dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from analytics.extract.dates import LANGUAGES, ascii_digits, find_date_spans, weekday_names

__all__ = [
    "dated_headline",
    "is_label",
    "leading_date",
    "leading_month",
    "parse_date",
    "published_from_lines",
    "signed_by",
]

_LINE_CHARS = 80  # a longer line is text, not a date line
_PLAIN_CHARS = 40  # a date alone on its line is at most this long
_SIGNED_WORDS = 6  # words of the place or source that signs a date

_LABEL = re.compile(
    r"^\W*(?:publish(?:ed)?\s+date|publication\s+date|date\s+of\s+publication|"
    r"date\s+de\s+publication|fecha\s+de\s+publicaci[óo]n|data\s+de\s+publica[çc][ãa]o|"
    r"published(?:\s+on)?|posted(?:\s+on)?|date[ds]?|updated|prepared(?:\s+on)?|"
    r"issued(?:\s+on)?|released(?:\s+on)?|news|noticias?|actualités?|nouvelles|новости|"
    r"publi[ée]\s+le|publicado(?:\s+el)?|fecha|дата|发布时间|发布日期|日期|تاريخ(?:\s+النشر)?|"
    r"mis à jour(?:\s+le)?|actualizado(?:\s+el)?|atualizado(?:\s+em)?|来源[：:]\s*\S+|"
    r"(?:written|posted|published|submitted)\s+by\s+\D{1,40}?\s+on)"
    r"\s*\W*\s*",
    re.IGNORECASE,
)
_NOT_PUBLICATION = re.compile(
    r"\btoday\s+is\b|\bago\b|\bil y a\b|\bhace\b|\bназад\b|前$|منذ", re.IGNORECASE
)
# "Brussels, 27 May 2010", "WCO News, 20 June 2018", "Summary note, published 9 October
# 2023", "Note dated 22 March 2019": a short place, source or label, then the date, and
# nothing else.
# ... in Arabic with its own comma or none ("الرياض ١٥ مارس ٢٠١٧"), after a page's section
# ("Économie Publié le lundi 19 novembre 2012 |")
_SIGN = re.compile(
    r"[,:،]\s*(?:(?:published|posted|issued|dated|le|el)\s+(?:on\s+)?)?|"
    r"\s+(?:dated|issued|published|posted|released|updated)(?:\s+on)?\s+|"
    r"\s+(?:publi[ée]|publicado|mis à jour|actualizado)\s+(?:le|el)\s+|"
    r"(?<=[\u0600-\u06ff])\s+(?=\d)",
    re.IGNORECASE,
)
_PUBLISHED_SIGN = re.compile(r"^\s+(?:publi|posted|issued|released|updated|mis|actualizado)", re.I)
_SIGNED_HEAD = re.compile(r"[^\d:;.!?|]{2,60}")
# A label, not a place: "Note dated ...", "Summary issued ...", "WCO News, ..."
_NOT_A_SIGNATURE = re.compile(
    r"\b(?:note|summary|news|press|release|report|bulletin|communiqu[ée]|nota|notes?|"
    r"published|posted|issued|dated|updated|by|par|por)\b|"
    r"^(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun|lun|mer|jeu|ven|sam|dim)$",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?,?\s+")  # "22:08, November 24, 2011"
_SOURCE_AFTER = re.compile(r"\s*\([^)]{1,40}\)$")  # "2024-02-28 (MENAFN- Jordan News Agency)"
# "28/02/2024 14:05 | Regional affairs", "Tuesday, January 10, 2012 | Middle East News
# Agency": the page's sections and sources after a bar
_SECTIONS_AFTER = re.compile(r"\s*[|·•]\s*[^|·•]{0,60}$")
_BARS = re.compile(r"\s*\|\s*")
_GLUED = re.compile(r"\s*[?–—]\s*(?=[A-Z])")
_POSTED = re.compile(r"^\W*(?:posted|published)\b", re.IGNORECASE)
_COMMENTS = re.compile(r"\s*\|\s*\d+\s+comments?\s*$", re.IGNORECASE)
_FILED_IN = re.compile(r"(?<=\d)\s+in\s+[A-Z][^|\d]{0,60}$")  # the sections it is filed in
_SECTION = re.compile(r"\s*[|·•]\s*|\s+[—–]\s+")
_SECTIONED_CHARS = 160  # a metadata line of several sections is at most this long
_SECTION_CHARS = 60  # ... and each of its sections this long
_HEADLINE_WORDS = 6  # a section of this many words is a headline ("Customs heads ... |14 May")
# "السبت 20 ربيع الآخر 1434 هـ - 2 مارس 2013": the Hijri date before the Gregorian one
_HIJRI = re.compile(r"^[^|–-]*\d{4}\s*ه[ـ]?\s*[|–/-]\s*")
# "02/ مارس 2020م": a slash after the day, and the Gregorian era's letter after the year
_ARABIC_DAY_SLASH = re.compile(r"^(\d{1,2})\s*/\s*(?=[\u0600-\u06ff])")
_ARABIC_ERA = re.compile(r"(?<=\d{4})\s*م$")
# "4th June 2019 by Admin", "04 Jun 2019, 10:15 GMT+3", "June 4, 2019 at 10:15 am"
_BY_AFTER = re.compile(r"\s+(?:by|par|por)\s+\D{1,40}$", re.IGNORECASE)
_TIME_AFTER = re.compile(
    r"(?:,|\s+[-–])?\s+(?:at\s+|à\s+|a las\s+)?\d{1,2}[:h]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?|h)?"
    r"(?:\s*(?:GMT|UTC)(?:[+-]\d{1,2})?|\s+[A-Z]{2,4})?$",
    re.IGNORECASE,
)
_WEEKDAYS_AND_PUNCTUATION = re.compile(
    "|".join(sorted(map(re.escape, weekday_names()), key=len, reverse=True))
    + r"|\bгода\b|\bг\b|[\W\d_]+"  # "13 апреля 2012 года"
)
_MEETING_SUMMARY = re.compile(r"^\W*(?:venue|location|lieu|lugar)\s*:", re.IGNORECASE)
_NUMERIC_LINE = re.compile(
    r"^(?P<d>\d{1,2})\s*[./-]\s*(?P<m>\d{1,2})\s*[./-]\s*(?P<y>\d{2}|\d{4})"
    r"(?:\s+\d{1,2}:\d\d(?::\d\d)?)?(?:\s+\d+)?$"  # a time, and a view counter after it
)
# "date 2024-02-28 The World Customs ..." or "2024-02-28 — The ...": a date before the text
# What follows a date on a page's metadata line: "Editor: ...", "| Source: ...", "(Xinhua)"
_METADATA = re.compile(
    r"^\s*(?:[|·•]|\(|(?:editor|source|resource|by|author|posted by|auteur|fuente)\b)",
    re.IGNORECASE,
)
_KEPT = 2**14  # texts and lines whose dates are kept
# What dateparser is asked about: a few words with a number and a word (the day or year
# and the month), as a date line is; never a headline.
_MAYBE_DATE = re.compile(r"^(?=.*\d)(?=.*[^\W\d_])\S+(?:\s+\S+){0,6}$")
_LEADING = re.compile(
    r"^\W*(?:date\s*:?\s*)?(?P<date>(?:19|20)\d\d-\d\d-\d\d)\b(?:\s*\([^)]{1,40}\))?"
    r"\s*[–—:-]?\s*"
)


@lru_cache(maxsize=_KEPT)
def parse_date(text: str) -> dt.date | None:
    """Parse one whole date written in any supported language or ISO form, else None
    (kept per text, as the date line readers below: a page's head lines are read more
    than once, and an archive's reports share lines)."""
    text = ascii_digits(text.strip())
    if not text or _NOT_PUBLICATION.search(text):
        return None
    iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", text)
    if iso:
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            return None
    if written := _written_date(text):  # most date lines: no need for dateparser's 5 ms
        return written
    if not _MAYBE_DATE.match(text):  # a headline, a bare year: dateparser would say no, slowly
        return None
    return _dateparser(text)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> dt.date | None:
    """dateparser's reading (5 ms): a page's head lines are asked about more than once."""
    parsed = dateparser.parse(
        text,
        languages=list(LANGUAGES),
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


def _written_date(text: str) -> dt.date | None:
    """The date when the text is one whole date (a weekday and punctuation aside)."""
    spans = find_date_spans(text, None)
    if len(spans) != 1 or not spans[0].precise or spans[0].end is not None:
        return None
    rest = text[: spans[0].position] + text[spans[0].stop :]
    rest = _WEEKDAYS_AND_PUNCTUATION.sub("", rest.lower())
    return spans[0].start if not rest else None


def _numeric_line(core: str) -> dt.date | None:
    """ "21.09.07", "03 - 02 - 2019 12:00 138": day, month, year (two digits: 20xx)."""
    match = _NUMERIC_LINE.match(core)
    if not match:
        return None
    year = int(match.group("y"))
    try:
        return dt.date(year + 2000 if year < 100 else year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None


@lru_cache(maxsize=_KEPT)
def _date_line(line: str) -> dt.date | None:
    """A line that is only a date (with an optional "Published:" label, a time, a source
    in brackets and markup), or a date signed with a place or source ("Nairobi, 1 February
    2020", "Nairobi, Kenya | Monday, 3 June 2019")."""
    core = _core(line)
    found = _plain_date(_SECTIONS_AFTER.sub("", core))
    if found is None and "|" in core:
        found = _signed_date(_BARS.sub(", ", core))[0]
    if found is None and len(core) <= _SECTIONED_CHARS:
        found = _sectioned_date(core)
    return found


def dated_headline(line: str) -> tuple[str, dt.date | None]:
    """A headline with its date after a bar ("Seychelles to chair the committee |14 October
    2023"): the headline and the date; else the line and None."""
    head, bar, tail = line.rpartition("|")
    if not bar or len(head.split()) < _HEADLINE_WORDS:
        return line, None
    found, index = published_from_lines([tail.strip()], limit=1)
    return (head.strip(), found) if index == 0 else (line, None)


def _sectioned_date(core: str) -> dt.date | None:
    """The date of a line of the page's metadata sections ("Posted 6 June 2011 · Regional
    news · 3 min read", "19 March 2014 — filed under: WCO, Europe"): its first section
    that is a date."""
    sections = _SECTION.split(core)
    if len(sections) < 2 or any(
        len(s) > _SECTION_CHARS or s.endswith(".") or len(s.split()) >= _HEADLINE_WORDS
        for s in sections
    ):  # a dateline before the text ("GOA, India, 9 October 2015 — Heads ..."), a headline
        return None
    return next((d for section in sections if (d := _plain_date(section))), None)


def _core(line: str) -> str:
    """A line without its label, markup, time, author and source: what may be a date."""
    core = _LABEL.sub("", ascii_digits(line.strip().strip("*_#> "))).strip("*_ ")
    if _POSTED.match(line):  # "Posted on May 11, 2017 in Business, News | 0 comments"
        core = _FILED_IN.sub("", _COMMENTS.sub("", core))
    core = _ARABIC_ERA.sub("", _ARABIC_DAY_SLASH.sub(r"\1 ", _HIJRI.sub("", core)))
    return _SOURCE_AFTER.sub("", _TIME_AFTER.sub("", _BY_AFTER.sub("", _TIME_BEFORE.sub("", core))))


def _plain_date(core: str) -> dt.date | None:
    if not core or len(core) > _LINE_CHARS or _NOT_PUBLICATION.search(core):
        return None
    if numeric := _numeric_line(core):
        return numeric
    if not re.search(r"\d{4}", core):
        return None
    if len(core) <= _PLAIN_CHARS and (written := _written_date(core)):
        return written  # also a month misdecoded with signs ("06 εδΈ€ζœˆ 2017")
    if len(core) <= _PLAIN_CHARS and re.fullmatch(r"[\w ,./:-]+", core, flags=re.UNICODE):
        found = parse_date(core)
        if found:
            return found
    return _signed_date(core)[0]


def _signed_date(core: str) -> tuple[dt.date | None, str]:
    """The date of a date line signed with a short place, source or label, and that
    signature ("Nairobi, 5th February 2020", "Note dated 22 March 2019")."""
    for sign in _SIGN.finditer(core):
        head = core[: sign.start()]
        if not _SIGNED_HEAD.fullmatch(head) or len(head.split()) > _SIGNED_WORDS:
            return None, ""
        rest = core[sign.end() :]
        if re.search(r"\d{4}", rest) and (found := _written_date(ascii_digits(rest))):
            return found, head.strip()  # never dateparser: most lines tried here are not dates
    return None, ""


def signed_by(line: str) -> str:
    """The place a date line is signed with ("Bangui, le 19 mars 2019": "Bangui"), where
    the report was written; "" for a label or a source ("Note dated ...")."""
    core = _core(line)
    head = _signed_date(_SECTIONS_AFTER.sub("", core))[1] or _signed_date(_BARS.sub(", ", core))[1]
    if _NOT_A_SIGNATURE.search(head) or not _WEEKDAYS_AND_PUNCTUATION.sub("", head.lower()):
        return ""  # a label, or a weekday ("Tuesday, January 10, 2012")
    if _PUBLISHED_SIGN.match(core[len(head) :]):
        return ""  # a page's section before "Publié le ...": no place
    return head


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
        if index in first and is_label(line):  # "Publish Date:" and, lines below, the date
            for after in range(index + 1, min(index + 1 + _LABEL_REACH, len(lines))):
                if found := _date_line(lines[after]):
                    return found, after
    return None, -1


_LABEL_REACH = 4  # lines under a label alone (menus, sharing links) where its date may stand


def is_label(line: str) -> bool:
    """True when the line is a date line's label alone ("Publish Date:", "Fecha:")."""
    match = _LABEL.match(line)
    return bool(match) and match.end() == len(line) and bool(re.search(r"[^\W\d_]", line))


@lru_cache(maxsize=_KEPT)
def leading_date(line: str) -> tuple[dt.date | None, str]:
    """A date standing before the text of a line, and the line without it: an ISO date
    ("date 2024-02-28 The ..."), or a written one followed by the page's metadata
    ("November 25,2011 Editor: ... | Source: ...")."""
    match = _LEADING.match(line)
    if match and len(line) > match.end():
        return parse_date(match.group("date")), line[match.end() :]
    spans = find_date_spans(ascii_digits(line[:_LINE_CHARS]), None)
    if spans and spans[0].position == 0 and spans[0].precise and spans[0].end is None:
        rest = line[spans[0].stop :]
        if _METADATA.match(rest):
            return spans[0].start, ""
        if glued := _GLUED.match(rest):  # "February 24, 2015?On February 19, ...": a dash lost
            return spans[0].start, rest[glued.end() :]
    return None, line


_LEADING_MONTH = re.compile(
    r"^\W*(?:date\s*:?\s*)?(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])"
)


def leading_month(line: str) -> dt.date | None:
    """The month a page's metadata dates the text with, before it ("date 2017-07 Le
    directeur ..."): not a publication date, but the year of the dates the text gives
    without one (the first of that month)."""
    match = _LEADING_MONTH.match(line)
    return dt.date(int(match["y"]), int(match["m"]), 1) if match else None
