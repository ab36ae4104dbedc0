"""The headline figures of a selection, and their change against the period before it."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analytics.views.aggregate import share_of, theme_counts
from analytics.views.filters import Filters, apply_filters, period_before, year_range

__all__ = ["headline", "overview_headline"]


def _top_theme(events: pd.DataFrame) -> tuple[str | None, int]:
    counts = theme_counts(events)
    if counts.empty:
        return None, 0
    return str(counts.index[0]), int(counts.iloc[0])


def headline(events: pd.DataFrame, previous: pd.DataFrame | None = None) -> dict[str, object]:
    """Headline figures of a selection of meetings (one row each, with its number of
    reports ``n_reports``), with the change against ``previous`` if given."""
    top, top_count = _top_theme(events)
    years = events["year"].dropna()
    figures: dict[str, object] = {
        "meetings": len(events),
        "reports": _reports(events),
        "regions": int(events["region"].replace("", pd.NA).dropna().nunique()),
        "first_year": int(years.min()) if len(years) else None,
        "last_year": int(years.max()) if len(years) else None,
        "top_theme": top,
        "top_theme_share": round(top_count / len(events), 4) if len(events) else 0.0,
        "meetings_change": None,
        "top_theme_share_change": None,
    }
    if previous is not None and len(previous):
        figures["meetings_change"] = figures["meetings"] - len(previous)
        if top is not None:
            figures["top_theme_share_change"] = round(
                figures["top_theme_share"] - share_of(previous, top), 4
            )
    return figures


def _reports(meetings: pd.DataFrame) -> int:
    """The reports behind these meetings (one each when they were not grouped)."""
    return int(meetings["n_reports"].sum()) if "n_reports" in meetings else len(meetings)


def overview_headline(
    events: pd.DataFrame, filters: Filters, texts: pd.Series | None = None
) -> dict[str, object]:
    """The Overview's figures for the selection: meetings, reports, regions, years, and the
    most discussed theme, each compared with the equally long period before it.

    The most discussed theme is counted over the selection's meetings whatever their
    themes (the theme filter set aside), so that choosing a theme does not make its
    share 100%. ``previous_years`` names the period compared with (None if there is none).
    ``texts`` are the report texts the search looks in (see :func:`apply_filters`).
    """
    available = year_range(events) or (0, 0)
    selected = apply_filters(events, filters, texts)
    previous_filters = period_before(filters, available)
    previous = apply_filters(events, previous_filters, texts) if previous_filters else None
    figures = headline(selected, previous)
    if filters.themes:
        base = apply_filters(events, replace(filters, themes=()), texts)
        previous_base = (
            apply_filters(events, replace(previous_filters, themes=()), texts)
            if previous_filters
            else None
        )
        themed = headline(base, previous_base)
        for key in ("top_theme", "top_theme_share", "top_theme_share_change"):
            figures[key] = themed[key]
    figures["previous_years"] = previous_filters.years if previous_filters else None
    return figures
