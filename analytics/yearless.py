"""Wires whose dateline gives a day and month but no year ("BANGUI, March 13 (Agency) -"):
such a report has no date, so it is compared with the meetings of its country held on that
day and month, in any year: in a year in which that day falls on a weekday the wire names,
when it names any ("opened on Thursday": 26 May 2022, not 26 May 2023, a Friday)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.crosslingual import day_and_month, weekdays

__all__ = ["undated_candidates"]


def undated_candidates(events: pd.DataFrame, openings: np.ndarray, days: int):
    """The pairs of reports (positions, first < second) of one report without a date
    whose opening gives a day and month without a year (a wire's dateline) and one of
    the same country whose meeting is within ``days`` of that day and month, in its year."""
    start = events["date"].to_numpy(dtype="datetime64[D]")
    country, countries = pd.factorize(events["iso3"].fillna(""))
    blank = countries.get_indexer([""])[0]  # -1 when every report has a country
    undated = np.flatnonzero(np.isnat(start) & (country != blank))
    none = np.empty(0, np.int64)
    if not len(undated):
        return none, none
    end = events["end_date"].fillna(events["date"]).to_numpy(dtype="datetime64[D]")
    end = np.maximum(end, start)
    dated = np.flatnonzero(~np.isnat(start))
    dated = dated[np.argsort(country[dated], kind="stable")]  # by country: one slice each
    bounds = np.searchsorted(country[dated], [country[undated], country[undated] + 1])
    pairs = []
    for report, low, high in zip(undated.tolist(), *bounds.tolist(), strict=True):
        found = day_and_month(openings[report] or "") if low < high else None
        if found is None:
            continue
        here = dated[low:high]
        named = weekdays(openings[report])
        near = here[_on_day(start[here], end[here], *found, days, named)]
        pairs += [(min(report, other), max(report, other)) for other in near.tolist()]
    if not pairs:
        return none, none
    first, second = np.array(pairs, dtype=np.int64).T
    return first, second


def _on_day(start: np.ndarray, end: np.ndarray, month: int, day: int, days: int,
            named: frozenset[int] = frozenset()) -> np.ndarray:  # fmt: skip
    """Whether that day and month, in the year of a meeting's first or last day, is
    within ``days`` of the meeting (``start`` to ``end``) and, when weekdays are
    ``named`` (0 for Monday), falls on one of them; never for 30 February."""
    near = np.zeros(len(start), dtype=bool)
    for year_of in (start, end):  # a meeting from 30 December to 2 January
        months = year_of.astype("datetime64[Y]").astype("datetime64[M]") + month - 1
        when = months.astype("datetime64[D]") + day - 1
        exists = when < (months + 1).astype("datetime64[D]")
        weekday = (when.astype("int64") + 3) % 7  # 1 January 1970 was a Thursday
        on_named = np.isin(weekday, list(named)) if named else True
        near |= exists & on_named & (when >= start - days) & (when <= end + days)
    return near
