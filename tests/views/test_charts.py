"""Each chart function returns a figure with labels, counts and the shared palette."""

from itertools import combinations

import pandas as pd
import pytest

from analytics.model.taxonomy import load_taxonomy
from analytics.settings import Settings
from analytics.views.charts import (
    EMERGING_PALETTE,
    MAP_CONFIG,
    PALETTE,
    region_comparison,
    region_theme_heatmap,
    region_trend_multiples,
    rising_falling_bars,
    theme_colors,
    theme_trend_lines,
    theme_trend_multiples,
    world_map,
)
from tests.views.colour import delta_e_2000, hex_to_lab

LABELS = {"tf": "Trade facilitation", "sec": "Security"}
COLORS = theme_colors(["tf", "sec"])


def test_one_colour_per_theme_in_model_order():
    assert theme_colors(["a", "b"]) == {"a": PALETTE[0], "b": PALETTE[1]}
    many = theme_colors([f"t{i}" for i in range(len(PALETTE) + 1)])
    assert many[f"t{len(PALETTE)}"] == PALETTE[0]


def test_emerging_themes_take_the_greyer_colours_in_their_order():
    colors = theme_colors(["a", "emerging_1", "b", "emerging_2"],
                          ["named", "emerging", "named", "emerging"])  # fmt: skip
    assert list(colors) == ["a", "emerging_1", "b", "emerging_2"]
    assert colors == {"a": PALETTE[0], "b": PALETTE[1], "emerging_1": EMERGING_PALETTE[0],
                      "emerging_2": EMERGING_PALETTE[1]}  # fmt: skip


# Sharma, Wu & Dalal (2005), Table 1: pairs chosen to exercise the formula's branches
# (chroma and hue differences, an achromatic colour, hue means either side of 180 degrees).
SHARMA_PAIRS = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, -0.001, 2.49), (50.0, 0.0011, -2.49), 4.7461),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA_PAIRS)
def test_ciede2000_matches_the_published_test_pairs(lab1, lab2, expected):
    assert delta_e_2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert delta_e_2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_srgb_to_cielab_matches_known_values():
    assert hex_to_lab("#FFFFFF") == pytest.approx((100.0, 0.0, 0.0), abs=1e-3)
    assert hex_to_lab("#FF0000") == pytest.approx((53.2408, 80.0925, 67.2032), abs=1e-3)


def _bundled_theme_colors() -> dict[str, str]:
    """The colours the bundled taxonomy's named themes and the emerging ones get."""
    settings = Settings()
    named = [t.id for t in load_taxonomy(settings.themes_file)]
    emerging = [f"emerging_{k + 1}" for k in range(settings.n_emerging)]
    kinds = ["named"] * len(named) + ["emerging"] * len(emerging)
    return theme_colors(named + emerging, kinds)


def test_every_bundled_theme_has_a_colour_a_reader_can_tell_apart():
    colors = _bundled_theme_colors()
    assert len(colors) >= 19  # 15 named and 4 emerging themes at the time of writing
    labs = {theme: hex_to_lab(color) for theme, color in colors.items()}
    distances = {(a, b): delta_e_2000(labs[a], labs[b]) for a, b in combinations(labs, 2)}
    close = {pair: round(d, 1) for pair, d in distances.items() if d < 12}
    assert not close, f"colours closer than 12 CIEDE2000: {close}"


def _contrast(color: str, background: str) -> float:
    """WCAG contrast ratio of two sRGB colours."""

    def luminance(hex_color: str) -> float:
        rgb = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(color), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", ["#FFFFFF", "#0E1117"])  # Streamlit's light and dark
def test_theme_colours_stand_out_on_light_and_dark_backgrounds(background):
    # WCAG's 3:1 for graphics: no colour too light to read on white (nor too dark on black).
    faint = {c: round(_contrast(c, background), 2) for c in (*PALETTE, *EMERGING_PALETTE)
             if _contrast(c, background) < 3}  # fmt: skip
    assert not faint


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


def _theme_trends(themes: list[str]) -> pd.DataFrame:
    periods = ["2015", "2016", "2017"]
    rows = [
        {"period": p, "theme": t, "meetings": i + k, "total": 4, "share": (i + k) / 4,
         "few": p == "2015"}
        for k, t in enumerate(themes) for i, p in enumerate(periods)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_theme_multiples_have_one_panel_per_theme_on_shared_axes():
    themes = ["tf", "sec", "ecom", "rev"]
    labels = {**LABELS, "ecom": "E-commerce", "rev": "Revenue"}
    colors = theme_colors(themes)
    fig = theme_trend_multiples(_theme_trends(themes), labels, colors, title="Over the years")
    assert [a.text for a in fig.layout.annotations] == [labels[t] for t in themes]
    assert [t.name for t in fig.data] == [labels[t] for t in themes]
    assert [t.line.color for t in fig.data] == [colors[t] for t in themes]
    assert not any(t.showlegend for t in fig.data)  # the panel titles name the themes
    assert len({(t.xaxis, t.yaxis) for t in fig.data}) == 4  # each in a panel of its own
    axes = [a for a in fig.layout if a.startswith(("xaxis", "yaxis"))]
    assert len(axes) == 2 * 6  # two rows of three cells
    # Every axis follows one of its kind (make_subplots' bottom-left): one scale for all.
    assert {fig.layout[a].matches for a in axes if a.startswith("x")} == {"x4", None}
    assert {fig.layout[a].matches for a in axes if a.startswith("y")} == {"y4", None}
    assert fig.layout.xaxis6.visible is False  # the empty cell draws no axes
    assert list(fig.layout.xaxis.categoryarray) == ["2015", "2016", "2017"]
    sec = fig.data[1]
    assert list(sec.y) == [25.0, 50.0, 75.0]
    assert list(sec.marker.symbol) == ["circle-open", "circle", "circle"]  # few meetings
    assert list(sec.customdata[0]) == [1, 4, "sec"]  # a click names the theme
    # The last panel of the first row has none below it: its periods are labelled.
    assert fig.layout.xaxis3.showticklabels and not fig.layout.xaxis1.showticklabels
    assert fig.layout.title.text == "Over the years"


def test_theme_multiples_follow_the_given_order_and_measure():
    trends = _theme_trends(["tf", "sec"])
    fig = theme_trend_multiples(trends, LABELS, COLORS, "meetings", themes=["sec", "tf"])
    assert [a.text for a in fig.layout.annotations] == ["Security", "Trade facilitation"]
    assert list(fig.data[0].y) == [1, 2, 3]
    assert fig.layout.yaxis.title.text == "Meetings" and not fig.layout.yaxis.ticksuffix


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
