"""Themes: one theme's meaning, evidence, trend and spread; emerging themes; model quality."""

import streamlit as st

from analytics.errors import AnalyticsError
from analytics.views.aggregate import region_theme_matrix, theme_trends, themes_by_discussion
from analytics.views.charts import theme_region_bars, theme_trend_lines
from analytics.views.markdown import as_text
from analytics.views.tables import (
    EVIDENCE_COLUMNS,
    agreement_by_set,
    emerging_themes,
    theme_evidence,
)
from pages.shared import state
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view
from pages.shared.kept import kept
from pages.shared.widgets import chart

current = view("themes")
st.title("Themes")
require_meetings(current)
# The page's own theme choice replaces the sidebar's theme filter (see View.base).
events, labels, colors, few = current.base, current.labels, current.colors, current.few
analysis = current.analysis
table = analysis.themes.set_index("theme")

counts = kept(current, "counts", lambda: themes_by_discussion(events, current.theme_ids))
ordered = list(counts)
preferred = current.filters.themes[0] if current.filters.themes else ordered[0]
theme = st.selectbox("Theme", ordered, index=ordered.index(preferred),
                     format_func=lambda t: f"{labels[t]} ({counts[t]} meetings)",
                     key="theme_page")  # fmt: skip
row = table.loc[theme]
st.markdown(f"**{labels[theme]}** · {'named' if row['kind'] == 'named' else 'emerging'} theme")
st.write(row["description"])
st.caption("Top terms: " + ", ".join(row["top_terms"]))

left, right = st.columns(2)
with left:
    trend = kept(current, "trend", lambda: theme_trends(events, [theme], few=few), theme)
    chart(kept(current, "trend chart", lambda: theme_trend_lines(
        trend, labels, colors, "share", f"{labels[theme]} over the years"), theme),
        key="theme_trend")  # fmt: skip
    download_csv(current, trend, "theme-trend", key="theme_trend")
with right:
    spread = kept(current, "spread", lambda: region_theme_matrix(events, [theme], few), theme)
    chart(kept(current, "spread chart", lambda: theme_region_bars(
        spread, labels[theme], colors[theme]), theme), key="spread")  # fmt: skip
    download_csv(current, spread, "theme-regions", key="spread")

st.subheader("Evidence: the sentences behind the theme")
evidence = kept(current, "evidence", lambda: theme_evidence(
    analysis.doc_themes, analysis.reports_of(events, EVIDENCE_COLUMNS), theme, quote=analysis.evidence), theme)  # fmt: skip
if evidence.empty:
    st.info("No selected meeting discussed this theme.")
for row in evidence.head(6).itertuples():
    with st.container(border=True):
        st.markdown(as_text(f"{row.date:%d %b %Y} · {row.title} · {row.region}"))
        for sentence in row.evidence.split(" … "):
            st.markdown("> " + as_text(sentence))
with st.expander(f"All {len(evidence)} reports with their evidence, as a table"):
    st.dataframe(
        evidence[["date", "title", "region", "weight", "evidence", "corrected"]], hide_index=True,
        width="stretch",
        column_config={
            "date": st.column_config.DateColumn("Date"),
            "weight": st.column_config.NumberColumn("Score", format="%.2f"),
            "evidence": st.column_config.TextColumn("Evidence sentences", width="large"),
            "corrected": st.column_config.TextColumn("Corrected", help="The parts an editor corrected"),
        },
    )  # fmt: skip
download_csv(current, evidence, "evidence", key="evidence")

st.subheader("Emerging themes the model found")
emerging = emerging_themes(analysis.themes, labels)
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
download_csv(current, emerging, "emerging-themes", key="emerging")

st.subheader("How good is the model?")
try:
    quality = state.quality(analysis, current.settings)
except AnalyticsError as exc:
    quality = None
    st.error(f"The model's quality could not be measured: {state.said(exc)}")


@st.fragment(run_every="2s" if quality is None else None)
def _quality_figures() -> None:
    """The figures once measured; until then a note, checked again every two seconds."""
    if quality is not None:
        st.dataframe(quality.figures, hide_index=True, width="stretch")
        st.caption(
            "NPMI coherence: how often a theme's top terms occur together (-1 to 1, higher "
            "is better). Diversity: share of distinct words among all themes' top 25. "
            "Stability: overlap of top terms over 5 seeded refits on 90% samples. F1: "
            "agreement with the themes the demo corpus's facts list (SOURCES.csv), on the "
            "tuning reports and on a fifth kept aside."
        )
        download_csv(current, quality.figures, "model-quality", key="quality")
        if not quality.agreement.empty:
            st.markdown("**Theme by theme**: precision (of the meetings given the theme, the "
                        "share the facts list it for) and recall (of the meetings the facts "
                        "list it for, the share given it)")  # fmt: skip
            st.caption("On the corpus's own facts (its tuning part and a fifth held out), "
                       "then on each bundled labelled set: `others` and `dev_real` helped "
                       "tune the model; `others2` and `real_style` (reports in the shapes of "
                       "real newsroom pages) never did, so theirs are the honest figures.")  # fmt: skip
            st.dataframe(agreement_by_set(quality.agreement), hide_index=True, width="stretch",
                         key="agreement", column_config={"theme": "Theme"})  # fmt: skip
            st.caption("Each cell: precision / recall; a dash where the set lists no meeting "
                       "for the theme or the model gave it to none. The CSV has the counts.")  # fmt: skip
            download_csv(current, quality.agreement, "theme-agreement", key="agreement")
    elif state.quality(analysis, current.settings) is not None:
        st.rerun()  # measured since: show the figures with the rest of the page
    else:
        st.info("Measuring the model in the background (coherence, diversity, stability over "
                "5 seeded refits, agreement with the facts); the figures appear here when "
                "ready.", icon=":material/hourglass_top:")  # fmt: skip


def _agreement_with_editors() -> None:
    """The model against the editors' corrected themes, on the reports they corrected."""
    if editors.empty:
        return
    st.markdown(f"**Against the editors' corrections**: on the {reviewed} meetings whose "
                "themes an editor corrected, the model's themes against the corrected ones")  # fmt: skip
    st.dataframe(
        editors.assign(theme=editors["theme"].map(labels)), hide_index=True, width="stretch",
        key="editors_agreement",
        column_config={
            "support": st.column_config.NumberColumn("Corrected"),
            "assigned": st.column_config.NumberColumn("By the model"),
            "precision": st.column_config.NumberColumn("Precision", format="%.2f"),
            "recall": st.column_config.NumberColumn("Recall", format="%.2f"),
            "f1": st.column_config.NumberColumn("F1", format="%.2f"),
        },
    )  # fmt: skip
    download_csv(current, editors, "editors-agreement", key="editors_agreement")


editors, reviewed = analysis.editors_agreement
_quality_figures()
_agreement_with_editors()
tables = {"theme_trend": trend, "theme_regions": spread, "evidence": evidence,
          "emerging": emerging}  # fmt: skip
if quality is not None:
    tables |= {"quality": quality.figures, "theme_agreement": quality.agreement}
if not editors.empty:
    tables |= {"editors_agreement": editors}
snapshot(current, tables)
