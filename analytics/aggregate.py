"""Filters and group-bys that feed the dashboard's charts and tables.

Every function takes the events table (one row per report, with a ``themes`` list column
as produced by :func:`analytics.pipeline.classify`) and returns a tidy DataFrame. A
"share" is the share of the meetings in a cell (region, period...) whose report
discussed the theme; cells with fewer than ``few`` meetings are flagged ``few``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

import pandas as pd

__all__ = [
    "EVENT_TYPE_LABELS",
    "UNKNOWN_REGION",
    "Filters",
    "apply_filters",
    "country_counts",
    "headline",
    "latest_meetings",
    "mark_evidence",
    "meetings_table",
    "period_before",
    "region_profiles",
    "region_theme_matrix",
    "region_trends",
    "rising_falling",
    "theme_evidence",
    "theme_trends",
    "top_themes",
]

_SEARCHED = ("title", "text", "city", "country", "region")
UNKNOWN_REGION = "Region not stated"

EVENT_TYPE_LABELS = {
    "regional_conference": "Regional conference",
    "governing_council": "Governing council",
    "policy_commission_or_council": "Policy Commission or Council",
    "bilateral_visit": "Bilateral visit",
    "international_forum": "International forum",
    "workshop_or_training": "Workshop or training",
    "virtual_meeting": "Virtual meeting",
    "other": "Other",
}


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


def apply_filters(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The events that match every part of the selection (themes: any of those chosen)."""
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
        for column in _SEARCHED:
            found |= events[column].str.contains(needle, case=False, regex=False).fillna(False)
        keep &= found.astype(bool)
    return events[keep]


def period_before(filters: Filters, available: tuple[int, int]) -> Filters | None:
    """The same selection over the equally long span of years just before it, if any."""
    low, high = filters.years or available
    span = high - low + 1
    if low - 1 < available[0]:
        return None
    return replace(filters, years=(max(low - span, available[0]), low - 1))


def _counted(
    events: pd.DataFrame, by: list[str], theme_ids: Sequence[str], few: int
) -> pd.DataFrame:
    """Meetings per cell of ``by`` x theme, the cell's total and the share, zeros kept."""
    totals = events.groupby(by, observed=True).size().rename("total").reset_index()
    if totals.empty:
        return pd.DataFrame(columns=[*by, "theme", "meetings", "total", "share", "few"])
    grid = totals.merge(pd.DataFrame({"theme": list(theme_ids)}), how="cross")
    long = events[[*by, "themes"]].explode("themes").rename(columns={"themes": "theme"})
    counts = long.dropna(subset=["theme"]).groupby([*by, "theme"]).size().rename("meetings")
    table = grid.merge(counts.reset_index(), on=[*by, "theme"], how="left")
    table["meetings"] = table["meetings"].fillna(0).astype(int)
    table["share"] = (table["meetings"] / table["total"]).round(4)
    table["few"] = table["total"] < few
    return table[[*by, "theme", "meetings", "total", "share", "few"]]


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
    counts = events["themes"].explode().value_counts()
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


def rising_falling(
    events: pd.DataFrame, theme_ids: Sequence[str], split_year: int, few: int = 3
) -> pd.DataFrame:
    """Each theme's share before ``split_year`` and from it on, and the change in points.

    Returns:
        theme, share_before, share_after, change (percentage points), meetings_before,
        meetings_after (all meetings of each period) and ``few`` when either period has
        fewer than ``few`` meetings. Sorted from the most rising to the most falling.
    """
    dated = events.dropna(subset=["year"])
    before = dated[dated["year"] < split_year]
    after = dated[dated["year"] >= split_year]
    rows = []
    for theme in theme_ids:
        shares = [_share(part, theme) for part in (before, after)]
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
    return pd.DataFrame(rows).sort_values("change", ascending=False, kind="stable")


def _share(events: pd.DataFrame, theme: str) -> float:
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


def _top_theme(events: pd.DataFrame) -> tuple[str | None, int]:
    counts = events["themes"].explode().dropna().value_counts()
    if counts.empty:
        return None, 0
    return str(counts.index[0]), int(counts.iloc[0])


def headline(events: pd.DataFrame, previous: pd.DataFrame | None = None) -> dict[str, object]:
    """Headline figures of a selection, with the change against ``previous`` if given.

    Meetings are told apart by date, venue (or region, for virtual ones) and type, so two
    reports on the same meeting count once as a meeting and twice as reports.
    """
    top, top_count = _top_theme(events)
    years = events["year"].dropna()
    figures: dict[str, object] = {
        "meetings": _meeting_count(events),
        "reports": len(events),
        "regions": int(events["region"].replace("", pd.NA).dropna().nunique()),
        "first_year": int(years.min()) if len(years) else None,
        "last_year": int(years.max()) if len(years) else None,
        "top_theme": top,
        "top_theme_share": round(top_count / len(events), 4) if len(events) else 0.0,
        "meetings_change": None,
        "top_theme_share_change": None,
    }
    if previous is not None and len(previous):
        figures["meetings_change"] = figures["meetings"] - _meeting_count(previous)
        if top is not None:
            figures["top_theme_share_change"] = round(
                figures["top_theme_share"] - _share(previous, top), 4
            )
    return figures


def _meeting_count(events: pd.DataFrame) -> int:
    venue = events["iso3"].fillna("").where(events["iso3"].fillna("") != "", events["region"])
    keys = pd.DataFrame({"date": events["date"], "venue": venue, "type": events["event_type"]})
    return len(keys.drop_duplicates())


def meetings_table(events: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The meetings list: date, title, venue, region, type and theme labels, newest first."""
    venue = events["city"].fillna("") + ", " + events["country"].fillna("")
    venue = venue.str.strip(", ").where(~events["virtual"], "Virtual")
    table = pd.DataFrame(
        {
            "doc_id": events["doc_id"],
            "date": events["date"],
            "title": events["title"],
            "venue": venue,
            "region": events["region"],
            "type": events["event_type"],
            "themes": events["themes"].map(lambda ids: "; ".join(labels.get(t, t) for t in ids)),
            "source": events["source"],
        }
    )
    return table.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def latest_meetings(events: pd.DataFrame, labels: dict[str, str], n: int = 8) -> pd.DataFrame:
    """The ``n`` most recent meetings of the selection."""
    return meetings_table(events, labels).head(n)


def theme_evidence(
    doc_themes: pd.DataFrame, events: pd.DataFrame, theme: str, n: int = 10
) -> pd.DataFrame:
    """The strongest reports of ``theme`` in the selection with their evidence sentences."""
    mine = doc_themes[(doc_themes["theme"] == theme) & doc_themes["doc_id"].isin(events["doc_id"])]
    mine = mine.sort_values("weight", ascending=False, kind="stable").head(n)
    meta = events.set_index("doc_id")[["date", "title", "region"]]
    table = mine.join(meta, on="doc_id")
    table["evidence"] = table["evidence"].map(lambda sentences: " … ".join(sentences))
    return table[["doc_id", "date", "title", "region", "weight", "evidence"]].reset_index(drop=True)


def mark_evidence(text: str, evidence: dict[str, list[str]]) -> list[tuple[str, str | None]]:
    """The report's text cut into segments, each with the theme whose evidence it is.

    Args:
        text: the report.
        evidence: theme -> evidence sentences (as the model quoted them).

    Returns:
        ``(segment, theme or None)`` pairs that concatenate back to ``text``.
    """
    spans = []
    for theme, sentences in evidence.items():
        for sentence in sentences:
            start = text.find(sentence)
            if start >= 0:
                spans.append((start, start + len(sentence), theme))
    segments: list[tuple[str, str | None]] = []
    position = 0
    for start, end, theme in sorted(spans):
        if start < position:
            continue
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], theme))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments
