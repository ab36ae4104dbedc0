"""Regions: a world map of meetings by venue country and regions' theme profiles."""

import streamlit as st

from analytics import settings
from analytics.aggregate import country_counts, region_profiles
from analytics.charts import region_comparison, world_map
from pages import common

view = common.view("regions")
st.title("Regions")
common.require_meetings(view)
events, labels = view.events, view.labels


left, right = st.columns([1, 2])
shade = left.radio("Shade countries by", ["Meetings", "Share discussing a theme"],
                   horizontal=True, key="shade")  # fmt: skip
theme = None
if shade != "Meetings":
    theme = right.selectbox("Theme", view.theme_ids, format_func=labels.get, key="map_theme")
# A share is counted over the meetings of every filter but the themes (see View.base).
countries = country_counts(events if theme is None else view.base, theme)
title = (
    f"Meetings by venue country ({len(countries)} countries)"
    if theme is None
    else f"Share of meetings that discussed {labels[theme]}, by venue country"
)
if countries.empty:
    st.info("None of the selected meetings has a venue country (all virtual).")
else:
    common.chart(world_map(countries, "share" if theme else "meetings", title), key="map",
                 on_select=common.country_clicked)  # fmt: skip
    st.caption("Click a country to narrow the selection to meetings held there.")
common.download_csv(view, countries, "countries", key="countries")

st.subheader("Regions side by side")
by_size = events["region"].value_counts()
regions = [r for r in by_size.index if r]
a, b = st.columns(2)
first = a.selectbox("Region", regions, index=0, key="region_a")
others = [r for r in regions if r != first]
second = b.selectbox("Compared with", ["(none)", *others], index=1 if others else 0,
                     key="region_b")  # fmt: skip
chosen = [first] if second == "(none)" else [first, second]
profiles = region_profiles(view.base, chosen, list(view.filters.themes) or view.named,
                           int(settings.get("few_meetings")))  # fmt: skip
common.chart(region_comparison(profiles, labels), key="profiles", on_select=common.theme_clicked)
st.caption("Click a bar to add its theme to the filters.")
common.download_csv(view, profiles, "region-profiles", key="profiles")

common.snapshot(view, {"countries": countries, "region_profiles": profiles})
