"""The Briefing page's numbers: for the selection and each of its regions ("scopes"), what
rose and fell between two periods, what came up for the first time, what was discussed most
"now", the meetings behind each change and the busiest venues.

Every function takes the meetings (one row each) of every filter but the themes, so that a
theme's share is of all the scope's meetings, never of those that discussed it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analytics.views.aggregate import regions_by_size, theme_counts
from analytics.views.filters import Filters, period_before
from analytics.views.tables import Quote

__all__ = [
    "ALL",
    "REPORT_COLUMNS",
    "Briefing",
    "Periods",
    "brief",
    "carrying_meetings",
    "default_periods",
    "percent",
    "periods_for",
    "scopes_of",
    "theme_changes",
    "venues_now",
]

ALL = "All selected meetings"  # the scope of the whole selection

_CHANGES = ["scope", "theme", "meetings_then", "total_then", "share_then", "meetings_now",
            "total_now", "share_now", "change", "total_earlier", "first_time", "few"]  # fmt: skip
_CARRIERS = ["scope", "theme", "date", "title", "venue", "meeting_id", "doc_id", "quoted",
             "quote", "source"]  # fmt: skip


# The columns of the reports that :func:`brief` reads.
REPORT_COLUMNS = ("doc_id", "source")


@dataclass(frozen=True)
class Periods:
    """The years compared: ``now`` (first, last) and ``then`` before it (None: nothing)."""

    now: tuple[int, int]
    then: tuple[int, int] | None


def periods_for(now: tuple[int, int], first: int) -> Periods:
    """``now`` against the equally long span just before it, from ``first`` at the earliest
    (see :func:`~analytics.views.filters.period_before`)."""
    before = period_before(Filters(years=now), (first, now[1]))
    return Periods(now, before.years if before else None)


def default_periods(first: int, last: int) -> Periods:
    """The later half of the years ``first``..``last`` against the half before it (an odd
    span leaves its first year out); a single year has nothing before it."""
    if first >= last:
        return Periods((last, last), None)
    length = (last - first + 1) // 2
    return periods_for((last - length + 1, last), first)


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` in whole percent, halves rounded up (0 when ``whole`` is 0)."""
    return (200 * part + whole) // (2 * whole) if whole else 0


def _in(meetings: pd.DataFrame, years: tuple[int, int] | None) -> pd.DataFrame:
    if years is None:
        return meetings.iloc[:0]
    return meetings[meetings["year"].between(*years).fillna(False).astype(bool)]


def scopes_of(meetings: pd.DataFrame) -> list[str]:
    """:data:`ALL`, then each named region by its number of meetings; a selection of one
    region is that region alone."""
    regions = regions_by_size(meetings)
    named = meetings["region"].fillna("").ne("").all()
    if len(regions) == 1 and named:
        return regions
    return [ALL, *regions] if len(regions) > 1 else [ALL]


def _scope(meetings: pd.DataFrame, scope: str) -> pd.DataFrame:
    return meetings if scope == ALL else meetings[meetings["region"] == scope]


def theme_changes(
    meetings: pd.DataFrame, theme_ids: Sequence[str], periods: Periods, few: int = 3
) -> pd.DataFrame:
    """Every scope x theme: meetings with the theme, all meetings and the share (0-1),
    then and now; the change in points (NaN without a period before); ``first_time``
    when no meeting of the scope before ``now`` (of ``total_earlier``) discussed a theme
    some meeting now did; ``few`` when either period has fewer than ``few`` meetings."""
    rows = []
    slim = meetings[["region", "year", "themes"]]  # a narrow frame filters much faster
    for scope in scopes_of(meetings):
        part = _scope(slim, scope)
        now, then = _in(part, periods.now), _in(part, periods.then)
        earlier = part[part["year"].lt(periods.now[0]).fillna(False).astype(bool)]
        counts = [theme_counts(frame) for frame in (then, now, earlier)]
        small = min(len(now), len(then)) < few if periods.then else len(now) < few
        for theme in theme_ids:
            had_then, has_now, had = (int(c.get(theme, 0)) for c in counts)
            share_then = round(had_then / len(then), 4) if len(then) else 0.0
            share_now = round(has_now / len(now), 4) if len(now) else 0.0
            compared = len(then) and len(now)
            rows.append({
                "scope": scope, "theme": theme, "meetings_then": had_then,
                "total_then": len(then), "share_then": share_then, "meetings_now": has_now,
                "total_now": len(now), "share_now": share_now,
                "change": round(100 * (share_now - share_then), 1) if compared else float("nan"),
                "total_earlier": len(earlier),
                "first_time": bool(has_now and len(earlier) and not had), "few": small,
            })  # fmt: skip
    return pd.DataFrame(rows, columns=_CHANGES)


def _ranked(table: pd.DataFrame, by: str, ascending: bool, n: int) -> pd.DataFrame:
    """The ``n`` first rows of each scope by ``by`` (ties: more meetings now first)."""
    ordered = table.sort_values([by, "meetings_now"], ascending=[ascending, False], kind="stable")
    return ordered.groupby("scope", sort=False).head(n)


def _by_scope(table: pd.DataFrame, scopes: list[str]) -> pd.DataFrame:
    order = {scope: i for i, scope in enumerate(scopes)}
    return table.sort_values("scope", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )


def moves(changes: pd.DataFrame, n: int = 3) -> pd.DataFrame:
    """Each scope's ``n`` largest rises, then its ``n`` largest falls (``direction``)."""
    rose = _ranked(changes[changes["change"] > 0], "change", False, n).assign(direction="rose")
    fell = _ranked(changes[changes["change"] < 0], "change", True, n).assign(direction="fell")
    return _by_scope(pd.concat([rose, fell]), list(dict.fromkeys(changes["scope"])))


def first_times(changes: pd.DataFrame) -> pd.DataFrame:
    """The themes each scope discussed now and never before, the most discussed first."""
    new = changes[changes["first_time"]]
    return _by_scope(
        _ranked(new, "meetings_now", False, len(new)), list(dict.fromkeys(changes["scope"]))
    )


def most_discussed(changes: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """Each scope's ``n`` themes discussed in most meetings now."""
    now = changes[changes["meetings_now"] > 0]
    return _by_scope(_ranked(now, "meetings_now", False, n), list(dict.fromkeys(changes["scope"])))


def _venue(meetings: pd.DataFrame) -> pd.Series:
    venue = meetings["city"].fillna("") + ", " + meetings["country"].fillna("")
    return venue.str.strip(", ").where(~meetings["virtual"].astype(bool), "Virtual")


def venues_now(meetings: pd.DataFrame, periods: Periods, n: int = 5) -> pd.DataFrame:
    """Each scope's ``n`` venues (city, country) with most meetings now; online meetings
    and unknown venues left out."""
    held = _in(meetings[["year", "region", "city", "country", "virtual"]], periods.now)
    held = held[~held["virtual"].astype(bool) & held["country"].fillna("").ne("")]
    parts = []
    for scope in scopes_of(meetings):
        counts = (
            _scope(held, scope).assign(city=lambda m: m["city"].fillna(""))
            .groupby(["city", "country"], sort=False).size().rename("meetings").reset_index()
        )  # fmt: skip
        top = counts.sort_values("meetings", ascending=False, kind="stable").head(n)
        parts.append(top.assign(scope=scope))
    columns = ["scope", "city", "country", "meetings"]
    return pd.concat(parts, ignore_index=True)[columns] if parts else pd.DataFrame(columns=columns)


def carrying_meetings(
    meetings: pd.DataFrame, themes: pd.DataFrame, periods: Periods, doc_themes: pd.DataFrame,
    reports: pd.DataFrame, quote: Quote | None = None, n: int = 3,
) -> pd.DataFrame:  # fmt: skip
    """For each (scope, theme) of ``themes``, the ``n`` latest meetings of ``now`` in the
    scope that discussed it: date, title, venue, meeting_id and lead doc_id, and one
    evidence sentence (``quote``) from the meeting's report that weighs most for it
    (``quoted``, its ``source``; the lead when none has a score: a theme an editor added)."""
    slim = meetings[["meeting_id", "doc_id", "doc_ids", "date", "year", "title", "city",
                     "country", "region", "virtual", "themes"]]  # fmt: skip
    now = _in(slim, periods.now).sort_values("date", ascending=False, kind="stable")
    regions, themes_of = now["region"].tolist(), now["themes"].tolist()
    picks, keys = [], []
    for scope, theme in dict.fromkeys(zip(themes["scope"], themes["theme"], strict=True)):
        rows = [i for i, (region, ts) in enumerate(zip(regions, themes_of, strict=True))
                if theme in ts and scope in (ALL, region)][:n]  # fmt: skip
        picks += rows
        keys += [(scope, theme)] * len(rows)
    table = now.iloc[picks].reset_index(drop=True)
    table = table.assign(scope=[k[0] for k in keys], theme=[k[1] for k in keys],
                         venue=_venue(table))  # fmt: skip
    weights = _weights(doc_themes, {d for ids in table["doc_ids"] for d in ids})
    table["quoted"] = [
        max(ids, key=lambda d, t=theme: weights.get((d, t), -1.0))  # ties: the lead
        for ids, theme in zip(table["doc_ids"], table["theme"], strict=True)
    ]
    sources = reports.set_index("doc_id")["source"]
    table["source"] = table["quoted"].map(sources)
    quoted = table[["quoted", "theme"]].rename(columns={"quoted": "doc_id"})
    sentences = (
        quote(quoted) if quote is not None and len(table) else [[] for _ in range(len(table))]
    )
    table["quote"] = [found[0] if found else "" for found in sentences]
    return table[_CARRIERS].reset_index(drop=True)


def _weights(doc_themes: pd.DataFrame, doc_ids: set[str]) -> dict[tuple[str, str], float]:
    """(doc_id, theme) -> score, for these reports (a theme an editor added has none)."""
    mine = doc_themes[doc_themes["doc_id"].isin(doc_ids)]
    scores = mine["weight"].fillna(-0.5).tolist()
    return dict(zip(zip(mine["doc_id"], mine["theme"], strict=True), scores, strict=True))


@dataclass(frozen=True)
class Briefing:
    """Everything the Briefing page and its documents show (see :func:`brief`)."""

    periods: Periods
    changes: pd.DataFrame  # every scope x theme (theme_changes)
    moves: pd.DataFrame  # the largest rises and falls of each scope
    first: pd.DataFrame  # themes discussed for the first time
    top: pd.DataFrame  # the most discussed themes now
    venues: pd.DataFrame  # the busiest venues now
    carriers: pd.DataFrame  # the meetings behind each rise, fall and first time

    @property
    def scopes(self) -> list[str]:
        return list(dict.fromkeys(self.changes["scope"]))


def brief(
    meetings: pd.DataFrame, theme_ids: Sequence[str], periods: Periods, few: int,
    doc_themes: pd.DataFrame, reports: pd.DataFrame, quote: Quote | None = None,
) -> Briefing:  # fmt: skip
    """The briefing of these meetings (every filter but the themes) over ``periods``,
    for the themes ``theme_ids``; ``reports`` are the meetings' reports, ``quote`` quotes
    evidence sentences (e.g. :meth:`analytics.analysis.Analysis.evidence`)."""
    changes = theme_changes(meetings, theme_ids, periods, few)
    moved, first = moves(changes), first_times(changes)
    behind = pd.concat([moved, first])[["scope", "theme"]]
    carriers = carrying_meetings(meetings, behind, periods, doc_themes, reports, quote)
    return Briefing(periods, changes, moved, first, most_discussed(changes),
                    venues_now(meetings, periods), carriers)  # fmt: skip
