"""Regions: a world map of meetings by venue country and regions' theme profiles."""

import streamlit as st

from analytics.views.aggregate import country_counts, region_profiles, regions_by_size
from analytics.views.charts import region_comparison, world_map
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view
from pages.shared.kept import kept
from pages.shared.widgets import chart, country_clicked, theme_clicked

current = view("regions")
st.title("Regions")
require_meetings(current)
labels = current.labels

left, right = st.columns([1, 2])
shade = left.radio("Shade countries by", ["Meetings", "Share discussing a theme"],
                   horizontal=True, key="shade")  # fmt: skip
theme = None
if shade != "Meetings":
    theme = right.selectbox("Theme", current.theme_ids, format_func=labels.get, key="map_theme")
# A share is counted over the meetings of every filter but the themes (see View.base).
countries = kept(current, "countries", lambda: country_counts(
    current.events if theme is None else current.base, theme), theme)  # fmt: skip
title = (
    f"Meetings by venue country ({len(countries)} countries)"
    if theme is None
    else f"Share of meetings that discussed {labels[theme]}, by venue country"
)
if countries.empty:
    st.info("None of the selected meetings has a venue country (all virtual).")
else:
    fig = kept(current, "map", lambda: world_map(countries, "share" if theme else "meetings",
                                                 title), theme)  # fmt: skip
    chart(fig, key="map", on_select=country_clicked)
    st.caption("Click a country to narrow the selection to meetings held there.")
download_csv(current, countries, "countries", key="countries")

st.subheader("Regions side by side")
regions = regions_by_size(current.events)
a, b = st.columns(2)
first = a.selectbox("Region", regions, index=0, key="region_a")
others = [r for r in regions if r != first]
second = b.selectbox("Compared with", ["(none)", *others], index=1 if others else 0,
                     key="region_b")  # fmt: skip
chosen = [first] if second == "(none)" else [first, second]
profiles = kept(current, "profiles", lambda: region_profiles(
    current.base, chosen, list(current.filters.themes) or current.named, current.few),
    tuple(chosen))  # fmt: skip
chart(kept(current, "profiles chart", lambda: region_comparison(profiles, labels), tuple(chosen)),
      key="profiles", on_select=theme_clicked)  # fmt: skip
st.caption("Click a bar to add its theme to the filters.")
download_csv(current, profiles, "region-profiles", key="profiles")

snapshot(current, {"countries": countries, "region_profiles": profiles})
