"""When the meeting took place: the dates a report gives for the meeting itself."""

from __future__ import annotations

import re

from analytics.extract.dates import DateSpan, find_meeting_dates, month_without_year
from analytics.extract.text import Report

__all__ = ["meeting_dates"]

# "Date: 6-7 April 2021" in a meeting summary
_DATE_LABEL = re.compile(r"(?:^|\n)\W*(?i:dates?|fechas?|date de la réunion)\s*:\s*")
_LABEL_REACH = 60  # characters after the label where its date must stand


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
    found = [(span, s.text) for s in report.sentences for span in s.dates]
    # "2016 WCO IT Conference, 1-3 June, Dakar": a title's date is the meeting's.
    reported = [(span, report.title) for span in report.title_dates]
    reported += [(span, s.text) for s in report.sentences if s.happened for span in s.dates]
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
    return span, source
