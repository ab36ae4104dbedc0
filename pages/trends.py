"""Trends: theme prevalence over time, by region, and the rising and falling themes."""

import streamlit as st

from analytics import settings
from analytics.aggregate import region_trends, rising_falling, theme_trends
from analytics.charts import region_trend_multiples, rising_falling_bars, theme_trend_lines
from pages import common

view = common.view("trends")
st.title("Trends")
common.require_meetings(view)
events, labels, colors = view.events, view.labels, view.colors
few = int(settings.get("few_meetings"))
themes = list(view.filters.themes) or view.theme_ids

years = sorted(int(y) for y in events["year"].dropna().unique())
short = len(years) <= 3
left, right = st.columns(2)
measure = left.radio("Show", ["Share of meetings", "Number of meetings"], horizontal=True,
                     key="measure")  # fmt: skip
by_quarter = right.toggle("By quarter", value=short, key="by_quarter",
                          help="Quarters suit short ranges; years suit long ones.")  # fmt: skip


def _pick_theme() -> None:
    for point in st.session_state["trend"]["selection"]["points"]:
        custom = point.get("customdata") or []
        if len(custom) > 2:
            common.narrow(common.THEME, custom[2])


trend = theme_trends(events, view.theme_ids, by_quarter=by_quarter, few=few)
trend = trend[trend["theme"].isin(themes)]
value = "share" if measure.startswith("Share") else "meetings"
period = "quarter" if by_quarter else "year"
common.chart(theme_trend_lines(trend, labels, colors, value, f"Themes by {period} "
                               "(open markers: few meetings)"), key="trend")  # fmt: skip
common.download_csv(view, trend, f"themes-by-{period}", key="trend")

multiples = region_trends(events, view.theme_ids, few)
multiples = multiples[multiples["theme"].isin(themes)]
common.chart(region_trend_multiples(multiples, labels, colors), key="multiples")
common.download_csv(view, multiples, "themes-by-region-year", key="multiples")

st.subheader("Rising and falling themes")
if len(years) < 2:
    st.info("Choose a range of at least two years to compare two periods.")
    changes = rising_falling(events, themes, years[0] if years else 0, few).iloc[0:0]
else:
    split = st.select_slider("Second period starts in", years[1:],
                             value=years[len(years) // 2], key="split")  # fmt: skip
    changes = rising_falling(events, themes, split, few)
    common.chart(rising_falling_bars(changes, labels, colors, split), key="changes")
    st.caption(f"Periods: {years[0]}–{split - 1} and {split}–{years[-1]}. A * marks themes "
               f"whose periods hold fewer than {few} meetings.")  # fmt: skip
common.download_csv(view, changes, "rising-falling", key="changes")

common.snapshot(view, {"trend": trend, "region_trends": multiples, "rising_falling": changes})
