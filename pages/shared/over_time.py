"""Themes over time, as small multiples of every theme shown or as lines for up to three."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.views.charts import theme_trend_lines, theme_trend_multiples
from pages.shared.filters import View
from pages.shared.kept import kept
from pages.shared.widgets import chart

__all__ = ["LINES", "MAX_LINES", "MULTIPLES", "themes_over_time"]

MULTIPLES, LINES = "Small multiples", "Lines"
MAX_LINES = 3  # more lines than this on one chart are hard to tell apart
_FEW = "open markers: few meetings"
_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _pool(current: View, themes: list[str]) -> str:
    """Which themes the chart shows: those chosen in the filter, or the most discussed."""
    if current.filters.themes:
        return "the chosen themes"
    return f"the {_NUMBERS.get(len(themes), len(themes))} most discussed"


def themes_over_time(
    current: View,
    trend: pd.DataFrame,
    themes: list[str],
    measure: str,
    name: str,
    key: str,
    on_select=None,
) -> None:
    """A switch between small multiples (the default for more than three themes) and lines
    (the default for up to three; of more, the three chosen in a list), then the chart.

    Args:
        trend: :func:`analytics.views.aggregate.theme_trends` of ``themes``.
        themes: the themes shown, most important first (the panels' order).
        measure: ``"share"`` or ``"meetings"``.
        name: the chart's title before its notes, e.g. ``"Themes over the years"``.
        key: the chart's key; the widgets' keys start with it.
        on_select: called with the key when a point is clicked (see ``widgets.chart``).
    """
    many = len(themes) > MAX_LINES
    left, right = st.columns([1, 2])
    # A widget of its own for each case, so that each has its own default.
    shown_as = left.segmented_control(
        "Show as", [MULTIPLES, LINES], default=MULTIPLES if many else LINES, required=True,
        key=f"{key}_view_{'many' if many else 'few'}",
        help="Small multiples: one small chart per theme on the same axes. Lines: up to "
        f"{MAX_LINES} themes on one chart.",
    )  # fmt: skip
    pool = _pool(current, themes)
    if shown_as == MULTIPLES:
        title = f"{name} ({pool}; {_FEW})"
        fig = kept(current, f"{key} multiples", lambda: theme_trend_multiples(
            trend, current.labels, current.colors, measure, title, themes=themes),
            title, measure, tuple(themes))  # fmt: skip
        chart(fig, key=key, on_select=on_select)
        return
    chosen = themes
    if many:
        chosen = right.multiselect(
            f"Themes to compare (up to {MAX_LINES})", themes, default=themes[:MAX_LINES],
            max_selections=MAX_LINES, format_func=current.labels.get, key=f"{key}_lines",
        )  # fmt: skip
        pool = f"{len(chosen)} of {pool}"
    if not chosen:
        st.info(f"Choose up to {MAX_LINES} themes to compare as lines.")
        return
    order = {theme: i for i, theme in enumerate(chosen)}
    lines = trend[trend["theme"].isin(order)].sort_values(
        "theme", key=lambda ids: ids.map(order), kind="stable"
    )
    title = f"{name} ({pool}; {_FEW})"
    fig = kept(current, f"{key} lines", lambda: theme_trend_lines(
        lines, current.labels, current.colors, measure, title),
        title, measure, tuple(chosen))  # fmt: skip
    chart(fig, key=key, on_select=on_select)
