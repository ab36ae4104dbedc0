"""Weeks and months said relative to the publication: "early next week", "later this
month", "next month", "last month", in the six site languages.

A meeting announced ahead ("will meet early next week in Bangkok") is dated by the week
or month it falls in: the Monday after the publication, or the first of the month. Such
a date is not day-precise, so any day a report gives for the meeting wins over it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from analytics.extract.dates import DateSpan

__all__ = ["period_dates"]

# A word of every phrase below (most sentences name no week and no month)
_CUES = ("week", "month", "semaine", "mois", "semana", " mes", "недел", "месяц", "周", "月",
         "الأسبوع", "الشهر")  # fmt: skip
_NEXT_WEEK = (
    r"(?:early |later |)next week|(?:au début de |)la semaine prochaine|"
    r"(?:a principios de |)la (?:próxima semana|semana (?:próxima|que viene|entrante))|"
    r"на следующей неделе|下周|下星期|الأسبوع (?:المقبل|القادم)"
)
_THIS_MONTH = (
    r"(?:later |)this month|(?:plus tard |)(?:ce mois-ci|dans le courant du mois)|"
    r"(?:a finales de |)este mes|в этом месяце|本月|هذا الشهر"
)
_NEXT_MONTH = (
    r"(?:early |)next month|(?:au début du |)mois prochain|"
    r"(?:a principios del |)(?:próximo mes|mes (?:próximo|que viene|entrante))|"
    r"в следующем месяце|下个月|下月|الشهر (?:المقبل|القادم)"
)
_LAST_MONTH = (
    r"last month|le mois (?:dernier|passé)|el mes pasado|в прошлом месяце|上个月|上月|"
    r"الشهر الماضي"
)
_PERIODS = re.compile(
    rf"(?<![A-Za-zÀ-ÿ-])(?:(?P<week>{_NEXT_WEEK})|(?P<this>{_THIS_MONTH})|"
    rf"(?P<next>{_NEXT_MONTH})|(?P<last>{_LAST_MONTH}))(?![A-Za-zÀ-ÿ-])",
    re.IGNORECASE,
)


@lru_cache(maxsize=2**14)
def _said(sentence: str) -> tuple[tuple[str, int], ...]:
    """(kind, position) of every week or month a sentence says relative to its
    publication: kept per sentence, whatever the publication date."""
    lower = sentence.lower()
    if not any(cue in lower for cue in _CUES):
        return ()
    return tuple((match.lastgroup, match.start()) for match in _PERIODS.finditer(sentence))


def period_dates(sentence: str, published: dt.date) -> list[DateSpan]:
    """The dates of a sentence's weeks and months said relative to ``published``."""
    found = []
    for kind, position in _said(sentence):
        if kind == "week":  # the Monday after the publication
            day = published + dt.timedelta(days=7 - published.weekday())
        else:
            shift = {"this": 0, "next": 1, "last": -1}[kind]
            months = published.year * 12 + published.month - 1 + shift
            day = dt.date(months // 12, months % 12 + 1, 1)
        found.append(DateSpan(day, None, position, True, False, True))
    return found
