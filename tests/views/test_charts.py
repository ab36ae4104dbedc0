"""Each chart function returns a figure with labels, counts and the shared palette."""

import pandas as pd

from analytics.views.charts import (
    MAP_CONFIG,
    PALETTE,
    region_comparison,
    region_theme_heatmap,
    region_trend_multiples,
    rising_falling_bars,
    theme_colors,
    theme_trend_lines,
    world_map,
)

LABELS = {"tf": "Trade facilitation", "sec": "Security"}
COLORS = theme_colors(["tf", "sec"])


def test_one_colour_per_theme_in_model_order():
    assert theme_colors(["a", "b"]) == {"a": PALETTE[0], "b": PALETTE[1]}
    many = theme_colors([f"t{i}" for i in range(len(PALETTE) + 1)])
    assert many[f"t{len(PALETTE)}"] == PALETTE[0]


def test_heatmap_shows_shares_in_percent_with_counts_on_hover():
    matrix = pd.DataFrame(
        {"region": ["Europe", "Europe", "Asia", "Asia"], "theme": ["tf", "sec"] * 2,
         "meetings": [2, 1, 0, 4], "total": [4, 4, 4, 4], "share": [0.5, 0.25, 0.0, 1.0],
         "few": [False] * 4}
    )  # fmt: skip
    trace = region_theme_heatmap(matrix, LABELS).data[0]
    assert list(trace.x) == ["Trade facilitation", "Security"]
    assert list(trace.y) == ["Europe (4)", "Asia (4)"]  # with the region's meetings
    assert [list(row) for row in trace.z] == [[50.0, 25.0], [0.0, 100.0]]
    assert list(trace.customdata[1][1]) == [4, 4]
    assert "customdata[0]" in trace.hovertemplate


def test_trend_lines_colour_each_theme_and_mark_few_meetings():
    trend = pd.DataFrame(
        {"period": ["2015", "2016", "2015", "2016"], "theme": ["tf", "tf", "sec", "sec"],
         "meetings": [1, 3, 0, 2], "total": [2, 4, 2, 4], "share": [0.5, 0.75, 0.0, 0.5],
         "few": [True, False, True, False]}
    )  # fmt: skip
    fig = theme_trend_lines(trend, LABELS, COLORS)
    tf = fig.data[0]
    assert tf.name == "Trade facilitation" and tf.line.color == COLORS["tf"]
    assert list(tf.y) == [50.0, 75.0]
    assert list(tf.marker.symbol) == ["circle-open", "circle"]
    counts = theme_trend_lines(trend, LABELS, COLORS, measure="meetings")
    assert list(counts.data[1].y) == [0, 2]


def test_small_multiples_have_one_panel_per_region():
    trends = pd.DataFrame(
        {"region": ["A", "B", "C", "D"], "year": [2015] * 4, "theme": ["tf"] * 4,
         "meetings": [1] * 4, "total": [2] * 4, "share": [0.5] * 4, "few": [True] * 4}
    )  # fmt: skip
    fig = region_trend_multiples(trends, LABELS, COLORS)
    assert [a.text for a in fig.layout.annotations] == ["A", "B", "C", "D"]
    assert sum(bool(t.showlegend) for t in fig.data) == 1


def test_rising_falling_bars_flag_few_meetings():
    changes = pd.DataFrame(
        {"theme": ["tf", "sec"], "share_before": [0.2, 0.5], "share_after": [0.6, 0.25],
         "change": [40.0, -25.0], "few": [False, True]}
    )  # fmt: skip
    bar = rising_falling_bars(changes, LABELS, COLORS, 2018).data[0]
    assert list(bar.y) == ["Security *", "Trade facilitation"]
    assert list(bar.x) == [-25.0, 40.0]
    assert list(bar.marker.color) == [COLORS["sec"], COLORS["tf"]]


def test_world_map_uses_iso3_and_served_outlines():
    countries = pd.DataFrame(
        {"iso3": ["BEL", "JPN"], "country": ["Belgium", "Japan"], "meetings": [3, 1],
         "with_theme": [1, 1], "share": [1 / 3, 1.0]}
    )  # fmt: skip
    fig = world_map(countries, "share", "Share")
    trace = fig.data[0]
    assert list(trace.locations) == ["BEL", "JPN"]
    assert list(trace.z) == [33.3, 100.0]
    assert fig.layout.geo.showcountries
    assert MAP_CONFIG["topojsonURL"] == "app/static/"


def test_region_comparison_puts_two_regions_side_by_side():
    profiles = pd.DataFrame(
        {"region": ["Europe", "Europe", "Asia", "Asia"], "theme": ["tf", "sec"] * 2,
         "meetings": [3, 1, 1, 2], "total": [4, 4, 2, 2], "share": [0.75, 0.25, 0.5, 1.0],
         "few": [False, False, True, True]}
    )  # fmt: skip
    fig = region_comparison(profiles, LABELS)
    assert [t.name for t in fig.data] == ["Europe (4 meetings)", "Asia (2 meetings)"]
    assert list(fig.data[0].y) == ["Trade facilitation", "Security"]  # Europe's order
    assert list(fig.data[1].x) == [50.0, 100.0]
    assert fig.layout.barmode == "group"
