"""Widgets pages share: charts that narrow the filters when clicked."""

from __future__ import annotations

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from analytics.views.charts import MAP_CONFIG
from pages.shared.filters import COUNTRY, THEME, narrow

__all__ = ["chart", "country_clicked", "theme_clicked"]


def chart(fig: go.Figure, key: str, on_select=None) -> None:
    """A plotly chart at full width, served with the app's own map outlines; clicking a
    point calls ``on_select`` (e.g. :func:`theme_clicked`) with the chart's key."""
    if on_select is None:
        st.plotly_chart(fig, key=key, config=MAP_CONFIG, width="stretch")
    else:
        st.plotly_chart(fig, key=key, config=MAP_CONFIG, width="stretch",
                        on_select=partial(on_select, key), selection_mode="points")  # fmt: skip


def _clicked(chart_key: str, filter_key: str) -> None:
    """Add the value each clicked point carries (its ``customdata[2]``) to a filter."""
    for point in st.session_state[chart_key]["selection"]["points"]:
        custom = point.get("customdata") or []
        if len(custom) > 2 and custom[2]:
            narrow(filter_key, str(custom[2]))


def theme_clicked(chart_key: str) -> None:
    """Chart click callback: narrow the theme filter to the clicked themes."""
    _clicked(chart_key, THEME)


def country_clicked(chart_key: str) -> None:
    """Map click callback: narrow the venue-country filter to the clicked countries."""
    _clicked(chart_key, COUNTRY)
