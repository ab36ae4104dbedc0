"""Overview: headline figures, themes by region, themes over the years, latest meetings."""

from dataclasses import replace

import streamlit as st

from analytics import settings
from analytics.aggregate import (
    apply_filters,
    headline,
    latest_meetings,
    period_before,
    region_theme_matrix,
    theme_trends,
)
from analytics.charts import region_theme_heatmap, theme_trend_lines
from pages import common

view = common.view("overview")
st.title("Meeting themes at a glance")
common.require_meetings(view)

few = int(settings.get("few_meetings"))
events, labels = view.events, view.labels
all_events = view.analysis.events
years = all_events["year"].dropna()
previous_filters = period_before(view.filters, (int(years.min()), int(years.max())))
previous = apply_filters(all_events, previous_filters) if previous_filters else None
figures = headline(events, previous)
# The most discussed theme among the selection's meetings, whatever their themes.
themes_figures = figures
if view.filters.themes:
    previous_base = replace(previous_filters, themes=()) if previous_filters else None
    previous = apply_filters(all_events, previous_base) if previous_base else None
    themes_figures = headline(view.base, previous)

since = f" vs {previous_filters.years[0]}–{previous_filters.years[1]}" if previous_filters else ""
cols = st.columns([1, 1, 1, 1.3, 2.6])
cols[0].metric("Meetings", figures["meetings"], delta=figures["meetings_change"],
               help="Distinct date, venue and type" + since)  # fmt: skip
cols[1].metric("Reports", figures["reports"])
cols[2].metric("Regions", figures["regions"])
cols[3].metric("Years covered", f"{figures['first_year']}–{figures['last_year']}")
top = themes_figures["top_theme"]
change = themes_figures["top_theme_share_change"]
cols[4].metric(
    "Most discussed theme",
    labels.get(top, "–") if top else "–",
    delta=f"{100 * change:+.0f} pts share{since}" if change is not None else None,
    help=f"Discussed in {100 * themes_figures['top_theme_share']:.0f}% of the selected meetings.",
)

matrix = region_theme_matrix(view.base, list(view.filters.themes) or view.named, few)
common.chart(region_theme_heatmap(matrix, labels), key="heatmap")
common.download_csv(view, matrix, "region-theme", key="heatmap")

shown = theme_trends(view.base, view.shown, few=few)
title = "Themes over the years" + ("" if view.filters.themes else " (the six most discussed)")
common.chart(theme_trend_lines(shown, labels, view.colors, title=title), key="trend")
common.download_csv(view, shown, "themes-by-year", key="trend")

st.subheader("Latest meetings")
latest = latest_meetings(events, labels)
st.dataframe(
    latest[["date", "title", "venue", "themes"]], hide_index=True, width="stretch",
    column_config={"date": st.column_config.DateColumn("Date", width="small"),
                   "title": st.column_config.TextColumn("Title", width="large"),
                   "venue": st.column_config.TextColumn("Venue", width="small"),
                   "themes": st.column_config.TextColumn("Themes", width="medium")},
)  # fmt: skip
common.download_csv(view, latest, "latest-meetings", key="latest")

st.caption(
    "Where the data come from: the reports in the corpus folders. The bundled demo reports "
    "were written for this product from public facts about real WCO meetings; each one's "
    "facts and public source link are listed on the Data page."
)
st.page_link("pages/data.py", label="Sources of the demo reports", icon=":material/link:")
common.snapshot(view, {"region_theme": matrix, "themes_by_year": shown, "latest": latest})
