"""Trends: theme prevalence over time, by region, and the rising and falling themes."""

import streamlit as st

from analytics.views.aggregate import region_trends, rising_falling, theme_trends
from analytics.views.charts import region_trend_multiples, rising_falling_bars
from analytics.views.filters import years_of
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view
from pages.shared.kept import kept
from pages.shared.over_time import themes_over_time
from pages.shared.widgets import chart, theme_clicked

current = view("trends")
st.title("Trends")
require_meetings(current)
# Shares are counted over the meetings of every filter but the themes (see View.base).
events, labels, colors, few = current.base, current.labels, current.colors, current.few
themes = current.shown

years = years_of(events)
left, right = st.columns(2)
measure = left.radio("Show", ["Share of meetings", "Number of meetings"], horizontal=True,
                     key="measure")  # fmt: skip
by_quarter = right.toggle("By quarter", value=len(years) <= 3, key="by_quarter",
                          help="Quarters suit short ranges; years suit long ones.")  # fmt: skip

trend = kept(current, "trend", lambda: theme_trends(events, themes, by_quarter=by_quarter, few=few),
             tuple(themes), by_quarter)  # fmt: skip
value = "share" if measure.startswith("Share") else "meetings"
period = "quarter" if by_quarter else "year"
themes_over_time(current, trend, themes, value, f"Themes by {period}", key="trend",
                 on_select=theme_clicked)  # fmt: skip
st.caption("Click a point to add its theme to the filters; choose themes in the sidebar to "
           "compare others.")  # fmt: skip
download_csv(current, trend, f"themes-by-{period}", key="trend")

span = 3 if len(years) > 8 else 1
multiples = kept(current, "multiples", lambda: region_trends(events, themes, few, span=span),
                 tuple(themes), span)  # fmt: skip
chart(kept(current, "multiples chart",
           lambda: region_trend_multiples(multiples, labels, colors, span), tuple(themes), span),
      key="multiples")  # fmt: skip
download_csv(current, multiples, "themes-by-region-year", key="multiples")

st.subheader("Rising and falling themes")
compared = list(current.filters.themes) or current.named
if len(years) < 2:
    st.info("Choose a range of at least two years to compare two periods.")
    changes = rising_falling(events, compared, None, few)
else:
    split = st.select_slider("Second period starts in", years[1:],
                             value=years[len(years) // 2], key="split")  # fmt: skip
    changes = kept(current, "changes", lambda: rising_falling(events, compared, split, few),
                   split)  # fmt: skip
    bars = kept(current, "changes chart",
                lambda: rising_falling_bars(changes, labels, colors, split), split)  # fmt: skip
    chart(bars, key="changes", on_select=theme_clicked)
    st.caption(f"Periods: {years[0]}–{split - 1} and {split}–{years[-1]}. A * marks themes "
               f"whose periods hold fewer than {few} meetings.")  # fmt: skip
download_csv(current, changes, "rising-falling", key="changes")

snapshot(current, {"trend": trend, "region_trends": multiples, "rising_falling": changes})
