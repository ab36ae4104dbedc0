"""Overview: headline figures, themes by region, themes over the years, latest meetings."""

import streamlit as st

from analytics.views.aggregate import region_theme_matrix, theme_trends
from analytics.views.charts import region_theme_heatmap
from analytics.views.headline import overview_headline
from analytics.views.tables import latest_meetings
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view
from pages.shared.kept import kept
from pages.shared.over_time import themes_over_time
from pages.shared.widgets import chart

current = view("overview")
st.title("Meeting themes at a glance")
require_meetings(current)
labels = current.labels

figures = kept(current, "headline", lambda: overview_headline(
    current.analysis.meetings, current.filters, current.analysis.texts))  # fmt: skip
before = figures["previous_years"]
since = f" vs {before[0]}–{before[1]}" if before else ""
cols = st.columns([1, 1, 1, 1.3, 2.6])
cols[0].metric("Meetings", figures["meetings"], delta=figures["meetings_change"],
               help="Distinct date, venue and type" + since)  # fmt: skip
cols[1].metric("Reports", figures["reports"])
cols[2].metric("Regions", figures["regions"])
cols[3].metric("Years covered", f"{figures['first_year']}–{figures['last_year']}")
top, change = figures["top_theme"], figures["top_theme_share_change"]
cols[4].metric(
    "Most discussed theme",
    labels.get(top, "–") if top else "–",
    delta=f"{100 * change:+.0f} pts share{since}" if change is not None else None,
    help=f"Discussed in {100 * figures['top_theme_share']:.0f}% of the selected meetings.",
)

matrix = kept(current, "matrix", lambda: region_theme_matrix(
    current.base, list(current.filters.themes) or current.named, current.few))  # fmt: skip
chart(kept(current, "heatmap", lambda: region_theme_heatmap(matrix, labels)), key="heatmap")
download_csv(current, matrix, "region-theme", key="heatmap")

shown = kept(current, "trend", lambda: theme_trends(current.base, current.shown, few=current.few))
themes_over_time(current, shown, current.shown, "share", "Themes over the years", key="trend")
download_csv(current, shown, "themes-by-year", key="trend")

st.subheader("Latest meetings")
latest = kept(current, "latest", lambda: latest_meetings(current.events, labels))
st.dataframe(
    latest[["date", "title", "venue", "themes"]], hide_index=True, width="stretch",
    column_config={"date": st.column_config.DateColumn("Date", width="small"),
                   "title": st.column_config.TextColumn("Title", width="large"),
                   "venue": st.column_config.TextColumn("Venue", width="small"),
                   "themes": st.column_config.TextColumn("Themes", width="medium")},
)  # fmt: skip
download_csv(current, latest, "latest-meetings", key="latest")

st.caption(
    "Where the data come from: the reports in the corpus folders. The bundled demo reports "
    "were written for this product from public facts about real WCO meetings; each one's "
    "facts and public source link are listed on the Data page."
)
st.page_link("pages/data.py", label="Sources of the demo reports", icon=":material/link:")
snapshot(current, {"region_theme": matrix, "themes_by_year": shown, "latest": latest})
