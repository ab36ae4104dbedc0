"""The dashboard's selection: filters, and the events they select."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import pandas as pd

__all__ = ["Filters", "apply_filters", "period_before", "year_range", "years_of"]

_SEARCHED = ("title", "city", "country", "region")


@dataclass(frozen=True)
class Filters:
    """The dashboard's selection; empty tuples and ``None`` mean "everything"."""

    regions: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    themes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    search: str = ""

    def as_dict(self) -> dict[str, object]:
        """Plain values (lists, not tuples), for a manifest or a log."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


def apply_filters(
    events: pd.DataFrame, filters: Filters, texts: pd.Series | None = None
) -> pd.DataFrame:
    """The events that match every part of the selection (themes: any of those chosen).

    The search looks in the title and places, and in the report texts (``texts``, by
    doc_id; the events table does not carry them, so that filtering copies no text). A
    meeting (a row with ``doc_ids``, see :func:`analytics.meetings.meetings_of`) matches
    when any of its reports' titles (``titles``) or texts does."""
    keep = pd.Series(True, index=events.index)
    if filters.regions:
        keep &= events["region"].isin(filters.regions)
    if filters.years:
        low, high = filters.years
        keep &= events["year"].between(low, high).fillna(False).astype(bool)
    if filters.themes:
        chosen = set(filters.themes)
        keep &= events["themes"].map(lambda themes: bool(chosen.intersection(themes)))
    if filters.countries:
        keep &= events["country"].isin(filters.countries).fillna(False).astype(bool)
    if filters.event_types:
        keep &= events["event_type"].isin(filters.event_types)
    if filters.search.strip():
        keep &= _found(events, filters.search.strip(), texts)
    return events[keep]


def _found(events: pd.DataFrame, needle: str, texts: pd.Series | None) -> pd.Series:
    """Whether each row's title, places or any of its reports' titles and texts hold
    ``needle`` (literally, in any case)."""

    def holds(values: pd.Series) -> pd.Series:
        return values.astype("string").str.contains(needle, case=False, regex=False).fillna(False)

    found = pd.Series(False, index=events.index)
    for column in _SEARCHED:
        found |= holds(events[column])
    reports = events["doc_ids"].explode() if "doc_ids" in events else events["doc_id"]
    searched = [events["titles"].explode()] if "titles" in events else []
    if texts is not None:
        searched.append(texts.reindex(reports.tolist()).set_axis(reports.index))
    for values in searched:
        found |= holds(values).groupby(level=0).any().reindex(events.index, fill_value=False)
    return found.astype(bool)


def period_before(filters: Filters, available: tuple[int, int]) -> Filters | None:
    """The same selection over the equally long span of years just before it, if any."""
    low, high = filters.years or available
    span = high - low + 1
    if low - 1 < available[0]:
        return None
    return replace(filters, years=(max(low - span, available[0]), low - 1))


def year_range(events: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last year of the events, or None when none is dated."""
    years = events["year"].dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def years_of(events: pd.DataFrame) -> list[int]:
    """The distinct years of the events, in order."""
    return sorted(int(y) for y in events["year"].dropna().unique())
