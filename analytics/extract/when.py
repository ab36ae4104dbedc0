"""When the meeting took place: the dates a report gives for the meeting itself."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from analytics.extract.dates import DateSpan, find_meeting_dates, month_without_year
from analytics.extract.relative import says_relative_day
from analytics.extract.text import Report

__all__ = ["meeting_dates"]

# "Date: 6-7 April 2021" in a meeting summary
_DATE_LABEL = re.compile(r"(?:^|\n)\W*(?i:dates?|fechas?|date de la réunion)\s*:\s*")
_LABEL_REACH = 60  # characters after the label where its date must stand
# "opened a three-day conference on Wednesday", "wrapped up ... on Wednesday. The two-day
# meeting ...": a day and the meeting's length give its other end.
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "deux": 2, "trois": 3, "quatre": 4,
            "cinq": 5, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "dois": 2, "três": 3,
            "quatro": 4, "2": 2, "3": 3, "4": 4, "5": 5}  # fmt: skip
_LENGTH = re.compile(
    r"\b(?P<n>two|three|four|five|[2-5])[- ]day\b|\b(?P<m>two|three|four|five) days of\b|"
    r"\b(?:de|pendant|durant|durante) (?P<k>deux|trois|quatre|cinq|dos|tres|cuatro|cinco|dois|"
    r"três|quatro|[2-5]) (?:jours|días|dias)\b|\b(?:for|over) (?P<e>two|three|four|five|[2-5]) days\b",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"\b(?:open(?:ed|s)?|beg(?:an|ins)|start(?:ed|s)|kick(?:ed|s) off|launch(?:ed|es)|commenced|"
    r"(?:s'est )?ouv(?:erte?s?|re)|inaugur\w+|inici\w+|abri[óu]|arranc\w+|"
    r"a d[ée]but[ée]|d[ée]bute|comenz[óo]|comienza|come[çc]ou|começa)\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"\b(?:wrap(?:ped|s) up|closed|closes|closing|concluded|concludes|concluding|ended|ends|"
    r"came to a close|"
    r"clôtur\w+|s'est achev\w+|a pris fin|clausur\w+|conclu\w+|encerr\w+|termin\w+)\b",
    re.IGNORECASE,
)
_LENGTH_REACH = 3  # sentences of the opening where the meeting's length is read
_VERB_AFTER = 40  # characters after a weekday where "opened" or "wrapped up" may follow it
# "Customs chiefs on Monday opened a three-day meeting": the verb right after the day
_OPENING_NEXT = re.compile(rf"\w+,?\s+(?:{_OPENING.pattern})", re.IGNORECASE)
_CLOSING_NEXT = re.compile(rf"\w+,?\s+(?:{_CLOSING.pattern})", re.IGNORECASE)


# "On 13 May 2025, the WCO advised that from 5 to 8 May ...": the day a body said it, not
# the meeting's (when the sentence gives another date)
_STATEMENT_AFTER = re.compile(
    r"^,?\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(?:\([A-Z]{2,8}\)\s+)?(?:said|advised|announced|reported|stated|"
    r"informed|confirmed)\b"
)


def _dates_of(sentence) -> tuple[DateSpan, ...]:
    """A sentence's dates without the day it reports a statement on."""
    return _without_statement_day(sentence.text, sentence.dates)


def _without_statement_day(text: str, dates: tuple[DateSpan, ...]) -> tuple[DateSpan, ...]:
    """The dates of a text but the day it reports a statement on, when it gives another."""
    if len(dates) < 2:
        return dates
    return tuple(
        span for span in dates
        if span.stop <= 0 or not _STATEMENT_AFTER.match(text[span.stop :])
    )  # fmt: skip


def meeting_dates(report: Report) -> tuple[DateSpan | None, str]:
    """The meeting's own dates and the text that gave them: a labelled date, else the
    first date in a sentence that says the meeting happened (held, took place, met ...),
    else the body's first date."""
    labelled = _DATE_LABEL.search(report.body)
    if labelled:
        window = report.body[labelled.end() : labelled.end() + _LABEL_REACH]
        spans = find_meeting_dates(window, report.reference)
        if spans:
            return spans[0], window.split("\n")[0]
    if _dated_by_an_unknown_day(report):  # "began yesterday", and no publication date
        spans = report.title_dates[:1]
        return (spans[0], report.title) if spans else (None, "")
    found = [(span, s.text) for s in report.sentences for span in _dates_of(s)]
    # "2016 WCO IT Conference, 1-3 June, Dakar": a title's date is the meeting's.
    # ... but not the day a title says the organisation announced it on, nor a day the
    # body's sentence it was cut from ("On 6 November 2024, the WCO announced that it
    # had hosted its 4th…") says so of
    title_dates = _without_statement_day(report.title, report.title_dates)
    cut_from = _sentence_cut(report)
    if cut_from is not None:
        kept = {span.start for span in _dates_of(cut_from)}
        title_dates = tuple(span for span in title_dates if span.start in kept)
    reported = [(span, report.title) for span in title_dates]
    reported += [(span, s.text) for s in report.sentences if s.happened for span in _dates_of(s)]
    # A day-precise date beats a month ("launched in July 2016"), wherever it stands.
    ranked = [[p for p in group if p[0].precise] for group in (reported, found)]
    chosen = next((group[0] for group in [*ranked, reported, found] if group), None)
    if chosen is None and report.reference is not None:  # "the Council met in June"
        happened = [s.text for s in report.sentences if s.happened]
        months = ((month_without_year(text, report.reference), text) for text in happened)
        chosen = next((pair for pair in months if pair[0]), None)
    if chosen is None:
        return None, ""
    span, source = chosen
    if span.end is None:
        # "ended on 18 February ... held on 17 and 18 February": the range says more.
        for other, text in found:
            if other.end is not None and other.start <= span.start <= other.end:
                return other, text
            if span.relative and text == source and other.end is not None and not other.relative:
                return other, text  # "left this morning for the meeting held from 20 to 25 June"
        return _with_length(span, source, report), source
    return span, source


def _sentence_cut(report: Report):
    """The body's sentence the title is the cut start of ("... its 4th Data…"), if any."""
    if not report.title.endswith(("…", "...")):
        return None
    start = report.title.rstrip(".…").strip()
    return next((s for s in report.sentences[:2] if s.text.startswith(start)), None)


def _dated_by_an_unknown_day(report: Report) -> bool:
    """True when the first sentence that dates the meeting to the day does so by the day
    of a report whose publication date is unknown ("A workshop began yesterday in
    Vientiane"): the other dates are other events' ("a project launched in March 2017 in
    Bangkok"), and no date is better than theirs."""
    if report.published is not None:
        return False
    for sentence in report.sentences:
        if any(span.precise for span in sentence.dates):
            return False
        said = sentence.happened or _OPENING.search(sentence.text) or _CLOSING.search(sentence.text)
        if said and says_relative_day(sentence.text):
            return True
    return False


def _with_length(span: DateSpan, source: str, report: Report) -> DateSpan:
    """A day the meeting opened or closed on, made a range by the length the opening
    gives ("opened a three-day conference on Wednesday": Wednesday to Friday)."""
    if not span.precise or span.position < 0:
        return span
    opening = [source, *(s.text for s in report.sentences[:_LENGTH_REACH])]
    length = next((m for m in map(_LENGTH.search, opening) if m), None)
    if length is None:
        return span
    days = dt.timedelta(days=_NUMBERS[next(g for g in length.groups() if g).lower()] - 1)
    before = source[: span.position]
    after = source[span.position : span.position + _VERB_AFTER]  # "on Monday opened a ..."
    if _CLOSING.search(before) or _CLOSING_NEXT.match(after):
        return replace(span, start=span.start - days, end=span.start)
    if _OPENING.search(before) or _OPENING_NEXT.match(after):
        return replace(span, end=span.start + days)
    return span
