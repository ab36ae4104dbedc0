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
    doc_id; the events table does not carry them, so that filtering copies no text)."""
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
        needle = filters.search.strip()
        found = pd.Series(False, index=events.index)
        columns = [events[column] for column in _SEARCHED]
        if texts is not None:
            columns.append(texts.reindex(events["doc_id"]).set_axis(events.index))
        for column in columns:
            found |= column.str.contains(needle, case=False, regex=False).fillna(False)
        keep &= found.astype(bool)
    return events[keep]


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
