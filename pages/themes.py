"""Themes: one theme's meaning, evidence, trend and spread; emerging themes; model quality."""

import streamlit as st

from analytics import settings
from analytics.aggregate import region_theme_matrix, theme_evidence, theme_trends
from analytics.charts import theme_region_bars, theme_trend_lines
from analytics.report import cached_quality
from pages import common

view = common.view("themes")
st.title("Themes")
common.require_meetings(view)
# The page's own theme choice replaces the sidebar's theme filter (see View.base).
events, labels, colors = view.base, view.labels, view.colors
analysis = view.analysis
few = int(settings.get("few_meetings"))
table = analysis.themes.set_index("theme")

counts = events["themes"].explode().value_counts()
ordered = sorted(view.theme_ids, key=lambda t: -int(counts.get(t, 0)))
preferred = view.filters.themes[0] if view.filters.themes else ordered[0]
theme = st.selectbox("Theme", ordered, index=ordered.index(preferred),
                     format_func=lambda t: f"{labels[t]} ({int(counts.get(t, 0))} meetings)",
                     key="theme_page")  # fmt: skip
row = table.loc[theme]
st.markdown(f"**{labels[theme]}** · {'named' if row['kind'] == 'named' else 'emerging'} theme")
st.write(row["description"])
st.caption("Top terms: " + ", ".join(row["top_terms"]))

left, right = st.columns(2)
with left:
    trend = theme_trends(events, [theme], few=few)
    common.chart(theme_trend_lines(trend, labels, colors, "share", f"{labels[theme]} over the "
                                   "years"), key="theme_trend")  # fmt: skip
    common.download_csv(view, trend, "theme-trend", key="theme_trend")
with right:
    spread = region_theme_matrix(events, [theme], few)
    common.chart(theme_region_bars(spread, labels[theme], colors[theme]), key="spread")
    common.download_csv(view, spread, "theme-regions", key="spread")

st.subheader("Evidence: the sentences behind the theme")
evidence = theme_evidence(analysis.doc_themes, events, theme)
if evidence.empty:
    st.info("No selected meeting discussed this theme.")
for row in evidence.head(6).itertuples():
    with st.container(border=True):
        st.markdown(common.as_text(f"{row.date:%d %b %Y} · {row.title} · {row.region}"))
        for sentence in row.evidence.split(" … "):
            st.markdown("> " + common.as_text(sentence))
with st.expander(f"All {len(evidence)} reports with their evidence, as a table"):
    st.dataframe(
        evidence[["date", "title", "region", "weight", "evidence"]], hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.DateColumn("Date"),
            "weight": st.column_config.NumberColumn("Score", format="%.2f"),
            "evidence": st.column_config.TextColumn("Evidence sentences", width="large"),
        },
    )  # fmt: skip
common.download_csv(view, evidence, "evidence", key="evidence")

st.subheader("Emerging themes the model found")
emerging = analysis.themes[analysis.themes["kind"] == "emerging"]
emerging = emerging.assign(closest_named=emerging["closest_named"].map(labels))[
    ["label", "top_terms", "n_reports", "closest_named", "similarity"]
]
st.caption(
    "Free components of the model, labelled by their top terms. One very similar to a named "
    "theme (similarity near 1) is mostly another side of it; a dissimilar one is a "
    "candidate for a new theme in data/themes.toml."
)
st.dataframe(
    emerging, hide_index=True, width="stretch",
    column_config={
        "top_terms": st.column_config.ListColumn("Top terms"),
        "closest_named": "Closest named theme",
        "similarity": st.column_config.NumberColumn("Similarity", format="%.2f"),
    },
)  # fmt: skip
common.download_csv(view, emerging, "emerging-themes", key="emerging")

st.subheader("How good is the model?")
with st.spinner("Measuring the model (coherence, diversity, stability over 5 seeds)…"):
    quality = cached_quality(analysis, settings.get("cache_dir"))
st.dataframe(quality, hide_index=True, width="stretch")
st.caption(
    "NPMI coherence: how often a theme's top terms occur together (-1 to 1, higher is "
    "better). Diversity: share of distinct words among all themes' top 25. Stability: "
    "overlap of top terms over 5 seeded refits on 90% samples. F1: agreement with the themes the "
    "demo corpus's facts list (SOURCES.csv), on the tuning reports and on a fifth kept aside."
)
common.download_csv(view, quality, "model-quality", key="quality")

common.snapshot(view, {"theme_trend": trend, "theme_regions": spread, "evidence": evidence,
                       "emerging": emerging, "quality": quality})  # fmt: skip
