"""Group-bys that feed the dashboard's charts: theme shares by region, period, country.

Every function takes the events table (one row per report, with a ``themes`` list column
as produced by :func:`analytics.model.classify.classify`) and returns a tidy DataFrame. A
"share" is the share of the meetings in a cell (region, period...) whose report
discussed the theme; cells with fewer than ``few`` meetings are flagged ``few``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np
import pandas as pd

__all__ = [
    "UNKNOWN_REGION",
    "country_counts",
    "region_profiles",
    "region_theme_matrix",
    "region_trends",
    "regions_by_size",
    "rising_falling",
    "share_of",
    "theme_counts",
    "theme_trends",
    "themes_by_discussion",
    "top_themes",
]

UNKNOWN_REGION = "Region not stated"


def _counted(
    events: pd.DataFrame, by: list[str], theme_ids: Sequence[str], few: int
) -> pd.DataFrame:
    """Meetings per cell of ``by`` x theme, the cell's total and the share, zeros kept."""
    totals = events.groupby(by, observed=True).size().rename("total").reset_index()
    if totals.empty:
        return pd.DataFrame(columns=[*by, "theme", "meetings", "total", "share", "few"])
    grid = totals.merge(pd.DataFrame({"theme": list(theme_ids)}), how="cross")
    counts = _theme_rows(events, by).groupby([*by, "theme"]).size().rename("meetings")
    table = grid.merge(counts.reset_index(), on=[*by, "theme"], how="left")
    table["meetings"] = table["meetings"].fillna(0).astype(int)
    table["share"] = (table["meetings"] / table["total"]).round(4)
    table["few"] = table["total"] < few
    return table[[*by, "theme", "meetings", "total", "share", "few"]]


def _theme_rows(events: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """One row per (event, theme of it) with the event's ``by`` columns: the themes lists
    unnested on plain lists (several times faster than ``explode`` on many events)."""
    themes = events["themes"].tolist()
    lengths = np.fromiter(map(len, themes), dtype=np.intp, count=len(themes))
    rows = events[by].iloc[np.repeat(np.arange(len(themes)), lengths)]
    return rows.assign(theme=list(chain.from_iterable(themes)))


def theme_counts(events: pd.DataFrame) -> pd.Series:
    """How many of the events have each theme (a report lists a theme once), the most
    discussed first (ties in order of first appearance)."""
    counts = Counter(chain.from_iterable(events["themes"].tolist()))
    return pd.Series(counts, dtype="int64").sort_values(ascending=False, kind="stable")


def _with_region(events: pd.DataFrame) -> pd.DataFrame:
    """Events whose region is unknown are grouped under ``UNKNOWN_REGION``."""
    return events.assign(region=events["region"].fillna("").replace("", UNKNOWN_REGION))


def region_theme_matrix(
    events: pd.DataFrame, theme_ids: Sequence[str], few: int = 3
) -> pd.DataFrame:
    """Region x theme: meetings that discussed the theme, meetings in the region, share."""
    return _counted(_with_region(events), ["region"], theme_ids, few)


def top_themes(events: pd.DataFrame, theme_ids: Sequence[str], n: int = 6) -> list[str]:
    """The ``n`` themes of ``theme_ids`` discussed in most of the selected meetings."""
    counts = theme_counts(events)
    ranked = sorted(theme_ids, key=lambda t: (-int(counts.get(t, 0)), list(theme_ids).index(t)))
    return [t for t in ranked if counts.get(t, 0)][:n]


def _periods(events: pd.DataFrame, by_quarter: bool) -> pd.Series:
    if by_quarter:
        return events["date"].dt.to_period("Q").astype(str)
    return events["year"].astype("Int64").astype(str)


def theme_trends(
    events: pd.DataFrame, theme_ids: Sequence[str], by_quarter: bool = False, few: int = 3
) -> pd.DataFrame:
    """Per period (year, or quarter such as ``2017Q2``) and theme: meetings, total, share."""
    dated = events.dropna(subset=["date"]).assign(period=lambda e: _periods(e, by_quarter))
    return _counted(dated, ["period"], theme_ids, few).sort_values(["period", "theme"])


def region_trends(
    events: pd.DataFrame, theme_ids: Sequence[str], few: int = 3, span: int = 1
) -> pd.DataFrame:
    """Per region, period and theme: meetings, total, share (the small multiples).

    ``span`` years are grouped into one period, labelled by its first year, so that a
    region's few meetings a year add up to shares worth reading.
    """
    dated = _with_region(events.dropna(subset=["year"])).astype({"year": int})
    first = int(dated["year"].min()) if len(dated) else 0
    dated["year"] = first + (dated["year"] - first) // span * span
    return _counted(dated, ["region", "year"], theme_ids, few).sort_values(["region", "year"])


_CHANGE_COLUMNS = [
    "theme", "share_before", "share_after", "change", "meetings_before", "meetings_after", "few",
]  # fmt: skip


def rising_falling(
    events: pd.DataFrame, theme_ids: Sequence[str], split_year: int | None, few: int = 3
) -> pd.DataFrame:
    """Each theme's share before ``split_year`` and from it on, and the change in points.

    Returns:
        theme, share_before, share_after, change (percentage points), meetings_before,
        meetings_after (all meetings of each period) and ``few`` when either period has
        fewer than ``few`` meetings. Sorted from the most rising to the most falling. No
        rows when there is no ``split_year`` (a single year has nothing to compare).
    """
    if split_year is None:
        return pd.DataFrame(columns=_CHANGE_COLUMNS)
    dated = events.dropna(subset=["year"])
    before = dated[dated["year"] < split_year]
    after = dated[dated["year"] >= split_year]
    counts = [theme_counts(part) for part in (before, after)]
    rows = []
    for theme in theme_ids:
        shares = [
            round(int(c.get(theme, 0)) / len(part), 4) if len(part) else 0.0
            for c, part in zip(counts, (before, after), strict=True)
        ]
        rows.append(
            {
                "theme": theme,
                "share_before": shares[0],
                "share_after": shares[1],
                "change": round(100 * (shares[1] - shares[0]), 1),
                "meetings_before": len(before),
                "meetings_after": len(after),
                "few": min(len(before), len(after)) < few,
            }
        )
    table = pd.DataFrame(rows, columns=_CHANGE_COLUMNS)
    return table.sort_values("change", ascending=False, kind="stable")


def share_of(events: pd.DataFrame, theme: str) -> float:
    """The share (0-1) of the events whose themes include ``theme``."""
    if events.empty:
        return 0.0
    return round(float(events["themes"].map(lambda t: theme in t).mean()), 4)


def region_profiles(
    events: pd.DataFrame, regions: Sequence[str], theme_ids: Sequence[str], few: int = 3
) -> pd.DataFrame:
    """Theme shares of the chosen regions (a region with no meeting has no rows)."""
    matrix = region_theme_matrix(_with_region(events)[lambda e: e["region"].isin(regions)],
                                 theme_ids, few)  # fmt: skip
    order = {region: i for i, region in enumerate(regions)}
    matrix = matrix.assign(_order=matrix["region"].map(order))
    matrix = matrix.sort_values(["_order", "share"], ascending=[True, False], kind="stable")
    return matrix.drop(columns="_order").reset_index(drop=True)


def country_counts(events: pd.DataFrame, theme: str | None = None) -> pd.DataFrame:
    """Meetings per venue country, and how many (and which share) discussed ``theme``."""
    venues = events.dropna(subset=["iso3"])
    venues = venues[venues["iso3"] != ""]
    if venues.empty:
        return pd.DataFrame(columns=["iso3", "country", "meetings", "with_theme", "share"])
    table = (
        venues.assign(with_theme=venues["themes"].map(lambda t: theme in t if theme else False))
        .groupby(["iso3", "country"], as_index=False)
        .agg(meetings=("doc_id", "size"), with_theme=("with_theme", "sum"))
    )
    table["with_theme"] = table["with_theme"].astype(int)
    table["share"] = (table["with_theme"] / table["meetings"]).round(4)
    return table.sort_values("meetings", ascending=False, kind="stable").reset_index(drop=True)


def regions_by_size(events: pd.DataFrame) -> list[str]:
    """The named regions of the events, the one with most meetings first."""
    counts = events["region"].value_counts()
    return [str(region) for region in counts.index if region]


def themes_by_discussion(events: pd.DataFrame, theme_ids: Sequence[str]) -> dict[str, int]:
    """Every theme with its number of meetings, the most discussed first (ties keep the
    model's order)."""
    counts = theme_counts(events)
    ordered = sorted(theme_ids, key=lambda t: -int(counts.get(t, 0)))
    return {theme: int(counts.get(theme, 0)) for theme in ordered}
