"""Dates said relative to the publication: "today", "yesterday", "on Tuesday", "last week".

Wires and administrations often date a meeting only this way ("opened today in Yalta and
will continue until 11 October", "convened on Tuesday" under a dateline). Each is read
against the publication date; "7 months ago" on a blog is a page's age, not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from analytics.extract.dates import DateSpan, weekday_names
from analytics.extract.gate import Names
from analytics.extract.periods import period_dates

__all__ = ["says_relative_day", "with_relative"]

_DAY = dt.timedelta(days=1)
# Words that put the meeting (bounded by Latin letters only: Chinese has no spaces, and
# Arabic joins "and" to the next word) on the publication day, the day after ("comenzará
# mañana"), the day before, two days before.
_OFFSETS = {
    0: r"today(?!['’]s)|this (?:morning|afternoon|evening)|tonight|earlier today|este día|"
    r"aujourd'hui|aujourd’hui|ce (?:matin|soir)|cet après-midi|hoy|esta (?:mañana|tarde)|"
    r"сегодня|今天|今日|(?:صباح|مساء)?\s?اليوم(?!\s+العالمي)",
    1: r"tomorrow|demain|(?<!esta )(?<!la )(?<!pasado )mañana|завтра|明天",
    -1: r"yesterday|hier|ayer|вчера|昨天|昨日|(?<!\w)أمس(?!\s+الأول)|(?<!\w)امس(?!\s+الاول)",
    -2: r"the day before yesterday|avant-hier|anteayer|позавчера|前天|أمس الأول|امس الاول",
}
_LAST_WEEK = re.compile(
    r"\blast week\b|la semaine (?:dernière|passée)|la semana pasada|на прошлой неделе|上周|"
    r"الأسبوع الماضي",
    re.IGNORECASE,
)
_NEXT = re.compile(r"(?:next|prochain|próximo|coming)\s*$", re.IGNORECASE)
# "will be held on Wednesday", "is going to be held on Wednesday", "is due to open on
# Monday": a weekday said in the future is the coming one
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:going|due|scheduled|set|expected) to|to be)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_UNTIL = re.compile(
    r"(?:until|till|through|to|jusqu'au|jusqu’au|hasta el|al|по|حتى)\s*$", re.IGNORECASE
)
_AFTER_WEEKDAY = re.compile(r"\s*,?\s*(?:\d|of\b|de\b)")  # "Tuesday 3 March": absolute
# A weekday is a date only when said as one ("on Tuesday", "ce vendredi", "el martes",
# "в понедельник", "يوم الثلاثاء"): "Santo Domingo" is a city.
_WEEKDAY_CUE_BEFORE = re.compile(
    r"(?:^|\b)(?:on|last|this|next|past|ce|le|el|este|pasado|в|во|يوم)\s+$", re.IGNORECASE
)
_WEEKDAY_CUE_AFTER = re.compile(r"\s+(?:dernier|pasado|prochain|próximo)\b", re.IGNORECASE)
_ENGLISH_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
_CJK_OR_ARABIC = re.compile(r"[\u4e00-\u9fff\u0600-\u06ff]")


@cache
def _offset_patterns() -> list[tuple[int, re.Pattern[str]]]:
    return [
        (days, re.compile(rf"(?<![A-Za-zÀ-ÿ'’-])(?:{words})(?![A-Za-zÀ-ÿ-])", re.IGNORECASE))
        for days, words in _OFFSETS.items()
    ]


@cache
def _weekday_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(weekday_names(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<day>{names})(?![\w-])", re.IGNORECASE)


@cache
def _tomorrow() -> Names:
    return Names(["tomorrow", "demain", "mañana", "завтра", "明天"])


@cache
def _weekdays() -> Names:
    return Names(weekday_names(), whole_words=True)


def _relative(sentence: str, published: dt.date, spans: list[DateSpan]) -> list[DateSpan]:
    offsets, last_week, weekdays = _said(sentence)
    found = [DateSpan(published + days * _DAY, None, at, True, True, True) for days, at in offsets]
    week = published - 7 * _DAY
    found += [DateSpan(week, None, at, True, False, True) for at in last_week]
    found += period_dates(sentence, published)  # "early next week", "later this month"
    for at, weekday, coming in weekdays:
        if _names_a_date(at, spans):
            continue
        if coming:
            day = published + ((weekday - published.weekday()) % 7 or 7) * _DAY
        else:  # "on Tuesday", "last Tuesday": the latest such day up to publication
            day = published - ((published.weekday() - weekday) % 7) * _DAY
        found.append(DateSpan(day, None, at, True, True, True))
    return found


@lru_cache(maxsize=2**14)
def _said(
    sentence: str,
) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[tuple[int, int, bool], ...]]:
    """What a sentence says relative to its publication, whatever that date: (days after
    it, position) of each "today", "tomorrow" or "yesterday", the positions of "last
    week", and (position, weekday, whether "next") of each weekday said as a date. Kept
    per sentence: reports of one archive share sentences."""
    offsets = tuple(
        (days, match.start())
        for days, pattern in _offset_patterns()
        if days != 1 or _tomorrow().may_be_in(sentence)  # most say no "tomorrow"
        for match in pattern.finditer(sentence)
    )
    last_week = tuple(match.start() for match in _LAST_WEEK.finditer(sentence))
    weekdays = []
    found = _weekday_pattern().finditer(sentence) if _weekdays().may_be_in(sentence) else ()
    for match in found:
        if _AFTER_WEEKDAY.match(sentence, match.end()):
            continue
        said_as_date = (
            _CJK_OR_ARABIC.match(match.group("day"))
            or _WEEKDAY_CUE_BEFORE.search(sentence[: match.start()])
            or _WEEKDAY_CUE_AFTER.match(sentence, match.end())
            or _wire_weekday(sentence, match)
            or _written_weekday(sentence, match)
        )
        if said_as_date:
            weekday = weekday_names()[match.group("day").lower()]
            before = sentence[: match.start()]
            coming = bool(_NEXT.search(before) or _FUTURE.search(before))
            weekdays.append((match.start(), weekday, coming))
    return offsets, last_week, tuple(weekdays)


_EVERY_BEFORE = re.compile(r"(?:chaque|tous les|cada|todos los|todas las|les|los|las)\s+$", re.I)


def _written_weekday(sentence: str, match: re.Match[str]) -> bool:
    """A French, Spanish or Portuguese weekday written alone, as their wires date a
    meeting ("a plaidé, samedi à Riyad"), not a habit ("chaque lundi")."""
    day = match.group("day")
    return (
        day.islower()
        and day not in _ENGLISH_WEEKDAYS
        and not _EVERY_BEFORE.search(sentence[: match.start()])
    )


def _wire_weekday(sentence: str, match: re.Match[str]) -> bool:
    """A capitalised English weekday on its own, as wires write it ("said Wednesday",
    "kicked off Thursday"), not part of a name ("Black Friday")."""
    day = match.group("day")
    return (
        day[:1].isupper()
        and day.lower() in _ENGLISH_WEEKDAYS
        and not _NAME_BEFORE.search(sentence[: match.start()])
    )


def says_relative_day(sentence: str) -> bool:
    """True when the sentence dates something by the day it was written ("began
    yesterday", "opens today", "on Tuesday"), which only the publication date can place."""
    offsets, _, weekdays = _said(sentence)
    return bool(offsets or weekdays)


def with_relative(
    sentence: str, spans: list[DateSpan], published: dt.date | None
) -> list[DateSpan]:
    """The sentence's dates with its relative ones added (when the publication date is
    known), in order; "today ... until 11 October" becomes one range."""
    if published is None:
        return spans
    relative = [r for r in _relative(sentence, published, spans) if not _inside(r, spans)]
    if not relative:
        return spans
    merged = _since(sentence, sorted([*spans, *relative], key=lambda s: s.position))
    for index, span in enumerate(merged[:-1]):
        after = merged[index + 1]
        closes = _UNTIL.search(sentence[: after.position])
        if span.relative and not after.relative and closes and after.start > span.start:
            merged[index] = DateSpan(span.start, after.start, span.position, True, True, True)
            del merged[index + 1]
            break
    return merged


def _since(sentence: str, spans: list[DateSpan]) -> list[DateSpan]:
    """ "closed today its session, held since Wednesday 3 December", "que se desarrolla
    desde ayer ... y termina este día": one range, from the day it began to the relative
    day."""
    days = [s for s in spans if s.relative and s.end is None]
    for span in spans:
        if span.end is not None or not _SINCE.search(sentence[: span.position]):
            continue
        later = [d for d in days if 0 < (d.start - span.start).days <= _SINCE_DAYS]
        if later:
            whole = DateSpan(span.start, later[0].start, span.position, True, True, True)
            rest = [s for s in spans if s is not span and s is not later[0]]
            return sorted([whole, *rest], key=lambda s: s.position)
    return spans


_SINCE = re.compile(
    r"\b(?:since|desde|depuis|started on|began on)\s+(?:(?:el|le|the)\s+)?(?:[^\W\d]+\s+)?$",
    re.IGNORECASE,
)
_SINCE_DAYS = 14  # a meeting lasts at most this long
_WEEKDAY_REACH = 30  # "on Thursday and Friday, 2 and 3 February": the weekdays name that date


def _inside(relative: DateSpan, spans: list[DateSpan]) -> bool:
    """A word that is part of an absolute date already found."""
    return any(abs(s.position - relative.position) <= 2 for s in spans)


def _names_a_date(position: int, spans: list[DateSpan]) -> bool:
    """A weekday just before an absolute date is that date's weekday."""
    return any(0 <= s.position - position <= _WEEKDAY_REACH for s in spans)
