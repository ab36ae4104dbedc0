"""One function per dashboard chart: a tidy DataFrame in, a plotly figure out.

Every chart names themes by their labels and colours each theme with the same colour
(:func:`theme_colors`), so a theme looks the same on every page. Backgrounds are left
transparent so the figures read in Streamlit's light and dark modes alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analytics.views.figures import axes, figure, grid, merge

__all__ = [
    "EMERGING_PALETTE",
    "MAP_CONFIG",
    "PALETTE",
    "region_comparison",
    "region_theme_heatmap",
    "region_trend_multiples",
    "rising_falling_bars",
    "theme_colors",
    "theme_region_bars",
    "theme_trend_lines",
    "theme_trend_multiples",
    "world_map",
]

# Qualitative colours chosen for distinctness, hard-coded so that no library update can
# recolour a theme: colorcet 3.2.1's glasbey_category10 (category10 extended by Glasbey's
# method) in its own order, keeping each colour with 3:1 contrast against white and against
# Streamlit's dark background (#0E1117) that lies at least 14 CIEDE2000 from every colour
# kept before it. The five of chroma under 20 are the greyer EMERGING_PALETTE; all 22 are
# pairwise >= 14 apart (tests/views/test_charts.py measures it).
PALETTE = (
    "#1F77B4", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#B80080", "#6B6500", "#028268",
    "#AD8944", "#DD00FF", "#FF018D", "#B75700", "#BD7D76", "#8B9500", "#00939F", "#FF4902",
    "#4C6C3B",
)  # fmt: skip
EMERGING_PALETTE = ("#7F7F7F", "#7A98B5", "#4B6D77", "#7B6985", "#88997F")

# Plotly fetches country outlines from a CDN by default; the app serves them itself.
MAP_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}

_SEQUENTIAL = "Blues"
_FEW = "based on few meetings"


def theme_colors(theme_ids: Sequence[str], kinds: Sequence[str] | None = None) -> dict[str, str]:
    """The colour of each theme, by its position in the model's theme order.

    Args:
        theme_ids: the model's themes, in its order.
        kinds: ``"named"`` or ``"emerging"`` for each theme (default: all named). Named
            themes take :data:`PALETTE` in turn, emerging ones the greyer
            :data:`EMERGING_PALETTE`; each starts again from its first colour when used up.
    """
    kinds = kinds or ["named"] * len(theme_ids)
    named = [t for t, k in zip(theme_ids, kinds, strict=True) if k != "emerging"]
    emerging = [t for t, k in zip(theme_ids, kinds, strict=True) if k == "emerging"]
    colors = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(named)}
    colors |= {t: EMERGING_PALETTE[i % len(EMERGING_PALETTE)] for i, t in enumerate(emerging)}
    return {t: colors[t] for t in theme_ids}


def _figure(
    data: list[dict], layout: dict, title: str, untitled: tuple[str, ...] = (), **kwargs: object
) -> go.Figure:
    """The chart's figure, with the title, margins and transparent backgrounds of all; no
    title on the legend nor on the ``untitled`` parts (e.g. ``"yaxis"``)."""
    merge(layout, {
        "title": {"text": title, "x": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        **kwargs,
    })  # fmt: skip
    made = figure(data, layout)
    # An update leaves an empty title (``{}``), as the charts' specs always had.
    made.update_layout({name: {"title": None} for name in ("legend", *untitled)})
    return made


def region_theme_heatmap(matrix: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Region x theme heatmap of shares; hover tells the meetings behind each cell."""
    themes = list(dict.fromkeys(matrix["theme"]))
    regions = sorted(matrix["region"].unique(), reverse=True)
    # numpy's floats, rounded as numpy rounds (4.55 -> 4.6), as the chart always showed
    columns = ("region", "theme", "share", "meetings", "total")
    at = {(r, t): (share, meetings, total) for r, t, share, meetings, total in
          zip(*(matrix[c].to_numpy() for c in columns), strict=True)}  # fmt: skip
    z, custom, names = [], [], []
    for region in regions:
        cells = [at[(region, theme)] for theme in themes]
        z.append([round(100 * share, 1) for share, _, _ in cells])
        custom.append([[int(meetings), int(total)] for _, meetings, total in cells])
        names.append(f"{region} ({int(cells[0][2])})")
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": [labels.get(t, t) for t in themes],
        "y": names,
        "customdata": custom,
        "colorscale": _SEQUENTIAL,
        "zmin": 0,
        "zmax": 100,
        "colorbar": {"title": {"text": "% of meetings"}, "ticksuffix": "%"},
        "hovertemplate": "<b>%{y}</b><br>%{x}<br>%{z}% of meetings "
        "(%{customdata[0]} of %{customdata[1]})<extra></extra>",
    }
    layout = {"xaxis": {"title": {"text": "Theme"}, "tickangle": -35},
              "yaxis": {"title": {"text": "Region (meetings)"}}}  # fmt: skip
    return _figure([heatmap], layout, "Share of meetings in each region that discussed each theme",
                   height=480)  # fmt: skip


def _values(rows: pd.DataFrame, measure: str) -> pd.Series:
    return (rows[measure] * (100 if measure == "share" else 1)).round(1)


def _theme_line(
    rows: pd.DataFrame, theme: str, labels: dict[str, str], colors: dict[str, str], measure: str
) -> dict:
    """One theme's line over the periods; open markers where a period has few meetings.
    Its points carry the theme (``customdata[2]``) for chart clicks."""
    return {
        "type": "scatter",
        "x": rows["period"],
        "y": _values(rows, measure),
        "name": labels.get(theme, theme),
        "mode": "lines+markers",
        "line": {"color": colors.get(theme)},
        "marker": {"symbol": ["circle-open" if f else "circle" for f in rows["few"]]},
        "customdata": [[m, t, theme] for m, t in zip(rows["meetings"], rows["total"], strict=True)],
        "hovertemplate": "<b>%{fullData.name}</b> %{x}<br>%{customdata[0]} of "
        "%{customdata[1]} meetings<extra></extra>",
    }


def _measure_title(measure: str) -> str:
    return "% of meetings" if measure == "share" else "Meetings"


def theme_trend_lines(
    trend: pd.DataFrame,
    labels: dict[str, str],
    colors: dict[str, str],
    measure: str = "share",
    title: str = "Themes over the years",
) -> go.Figure:
    """One line per theme over the periods; open markers where a period has few meetings."""
    lines = [_theme_line(rows, theme, labels, colors, measure)
             for theme, rows in trend.groupby("theme", sort=False)]  # fmt: skip
    layout = {"xaxis": {"title": {"text": "Period"}, "type": "category"},
              "yaxis": {"title": {"text": _measure_title(measure)}, "rangemode": "tozero"}}  # fmt: skip
    return _figure(lines, layout, title, height=440, hovermode="closest")


def theme_trend_multiples(
    trends: pd.DataFrame,
    labels: dict[str, str],
    colors: dict[str, str],
    measure: str = "share",
    title: str = "Themes over the years",
    *,
    themes: Sequence[str] | None = None,
    columns: int = 3,
) -> go.Figure:
    """Small multiples: one panel per theme (in the order of ``themes``, else as they first
    appear), each titled with the theme's label, in its colour, on x and y axes shared by
    all panels; open markers where a period has few meetings."""
    themes = list(themes) if themes is not None else list(dict.fromkeys(trends["theme"]))
    columns = max(1, min(columns, len(themes)))
    rows = max(1, -(-len(themes) // columns))
    layout, cells = grid(
        rows, columns, [labels.get(t, t) for t in themes], shared_xaxes="all",
        shared_yaxes="all", vertical_spacing=0.3 / rows, horizontal_spacing=0.04,
    )  # fmt: skip
    lines = []
    for theme, ((_, x), (_, y)) in zip(themes, cells, strict=False):
        line = _theme_line(trends[trends["theme"] == theme], theme, labels, colors, measure)
        line["line"]["width"], line["marker"]["size"] = 1.5, 5
        lines.append({**line, "showlegend": False, "xaxis": x, "yaxis": y})
    periods = sorted(trends["period"].unique())
    for name in axes(layout, "xaxis"):
        merge(layout[name], {"type": "category", "categoryorder": "array",
                             "categoryarray": periods, "nticks": 6, "tickangle": 0})  # fmt: skip
    for name in axes(layout, "yaxis"):
        merge(
            layout[name], {"rangemode": "tozero", "ticksuffix": "%" if measure == "share" else ""}
        )
    for i, ((x, _), (y, _)) in enumerate(cells):
        if i >= len(themes):  # an empty cell of the last row: no axes
            layout[x]["visible"] = layout[y]["visible"] = False
        elif i + columns >= len(themes):  # no panel below: the periods under this one
            layout[x]["showticklabels"] = True
        if i % columns == 0:
            layout[y]["title"] = {"text": _measure_title(measure)}
    return _figure(lines, layout, title, height=190 * rows + 110, hovermode="closest")


def region_trend_multiples(
    trends: pd.DataFrame,
    labels: dict[str, str],
    colors: dict[str, str],
    span: int = 1,
    columns: int = 3,
) -> go.Figure:
    """Small multiples: one panel per region, the share of each theme by period of
    ``span`` years (labelled by their first year)."""
    regions = sorted(trends["region"].unique())
    rows = max(1, -(-len(regions) // columns))
    layout, panels = grid(rows, columns, regions, shared_yaxes=True, vertical_spacing=0.12,
                         horizontal_spacing=0.04)  # fmt: skip
    traces = []
    for i, region in enumerate(regions):
        panel = trends[trends["region"] == region]
        for theme, cells in panel.groupby("theme", sort=False):
            traces.append(
                {
                    "type": "scatter",
                    "x": cells["year"].tolist(),
                    "y": (100 * cells["share"]).round(1).tolist(),
                    "name": labels.get(theme, theme),
                    "legendgroup": theme,
                    "showlegend": i == 0,
                    "mode": "lines+markers",
                    "line": {"color": colors.get(theme), "width": 1.5},
                    "marker": {
                        "size": 5,
                        "symbol": ["circle-open" if f else "circle" for f in cells["few"]],
                    },
                    "customdata": list(zip(cells["meetings"], cells["total"], strict=True)),
                    "hovertemplate": f"<b>{region}</b> %{{x}}<br>%{{fullData.name}}: "
                    "%{customdata[0]} of %{customdata[1]} meetings<extra></extra>",
                    "xaxis": panels[i][0][1],
                    "yaxis": panels[i][1][1],
                }
            )
    for name in axes(layout, "yaxis"):
        merge(layout[name], {"range": [0, 105], "ticksuffix": "%"})
    for name in axes(layout, "xaxis"):
        merge(layout[name], {"tickformat": "d", "dtick": span * (2 if span == 1 else 1)})
    period = "year" if span == 1 else f"{span}-year period (labelled by its first year)"
    return _figure(traces, layout, f"Theme shares by region and {period}; open markers: few "
                   "meetings", height=260 * rows + 80)  # fmt: skip


def rising_falling_bars(
    changes: pd.DataFrame, labels: dict[str, str], colors: dict[str, str], split_year: int
) -> go.Figure:
    """Change in each theme's share between the two periods, in percentage points."""
    ordered = changes.sort_values("change")
    bars = {
        "type": "bar",
        "x": ordered["change"],
        "y": [labels.get(t, t) + (" *" if few else "") for t, few in
              zip(ordered["theme"], ordered["few"], strict=True)],
        "orientation": "h",
        "marker": {"color": [colors.get(t) for t in ordered["theme"]]},
        "customdata": list(zip(
            (100 * ordered["share_before"]).round(1), (100 * ordered["share_after"]).round(1),
            ordered["theme"], strict=True,
        )),
        "hovertemplate": "%{y}<br>before: %{customdata[0]}%<br>after: %{customdata[1]}%"
        "<br>change: %{x:+.1f} points<extra></extra>",
    }  # fmt: skip
    layout = {"xaxis": {"title": {"text": f"Change in share of meetings, before {split_year} → "
                                          f"from {split_year} (percentage points)"},
                        "zeroline": True}}  # fmt: skip
    title = "Rising and falling themes"
    if ordered["few"].any():
        title += f" (* {_FEW})"
    return _figure([bars], layout, title, ("yaxis",), height=max(320, 28 * len(ordered) + 120))


def world_map(countries: pd.DataFrame, value: str, title: str) -> go.Figure:
    """Venue countries shaded by ``value`` (``meetings`` or ``share``) on a world map."""
    is_share = value == "share"
    z = (100 * countries[value]).round(1) if is_share else countries[value]
    shaded = {
        "type": "choropleth",
        "locations": countries["iso3"],
        "z": z,
        "text": countries["country"],
        "customdata": countries[["meetings", "with_theme", "country"]].values.tolist(),
        "colorscale": [[0.0, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]],
        "zmin": 0,
        "marker": {"line": {"color": "#888", "width": 0.4}},
        "colorbar": {"title": {"text": "% of meetings" if is_share else "Meetings"}},
        "hovertemplate": "<b>%{text}</b><br>%{customdata[0]} meetings"
        + ("<br>%{customdata[1]} discussed the theme (%{z}%)" if is_share else "")
        + "<extra></extra>",
    }
    geo = {
        "fitbounds": False,  # the whole world, not just the venue countries
        "projection": {"type": "natural earth"},
        "showcountries": True,
        "countrycolor": "#999",
        "showland": True,
        "landcolor": "#e8e8e8",
        "showocean": False,
        "showframe": False,
        "bgcolor": "rgba(0,0,0,0)",
    }
    return _figure([shaded], {"geo": geo}, title, height=480)


def region_comparison(
    profiles: pd.DataFrame,
    labels: dict[str, str],
    region_colors: Sequence[str] = ("#4E79A7", "#F28E2B"),
) -> go.Figure:
    """Theme profiles of one or more regions side by side (share of their meetings),
    themes ordered by their share in the first region."""
    bars = []
    first = (
        profiles[profiles["region"] == profiles["region"].iloc[0]] if len(profiles) else profiles
    )
    themes = list(first.sort_values("share", ascending=False, kind="stable")["theme"])
    for i, (region, rows) in enumerate(profiles.groupby("region", sort=False)):
        rows = rows.set_index("theme").reindex(themes)
        bars.append({
            "type": "bar",
            "y": [labels.get(t, t) for t in themes],
            "x": (100 * rows["share"]).round(1),
            "name": f"{region} ({int(rows['total'].max())} meetings)",
            "orientation": "h",
            "marker": {"color": region_colors[i % len(region_colors)]},
            "customdata": list(zip(rows["meetings"], rows["total"], themes, strict=True)),
            "hovertemplate": "%{y}<br>%{x}% (%{customdata[0]} of %{customdata[1]} meetings)"
            "<extra>" + region + "</extra>",
        })  # fmt: skip
    layout = {"xaxis": {"title": {"text": "% of the region's meetings"}, "range": [0, 100]},
              "yaxis": {"autorange": "reversed"}}  # fmt: skip
    return _figure(bars, layout, "Theme profile by region", barmode="group",
                   height=max(360, 34 * len(themes) + 140))  # fmt: skip


def theme_region_bars(spread: pd.DataFrame, label: str, color: str) -> go.Figure:
    """How often one theme came up in each region (share of the region's meetings)."""
    ordered = spread.sort_values("share")
    bars = {
        "type": "bar",
        "x": (100 * ordered["share"]).round(1),
        "y": ordered["region"],
        "orientation": "h",
        "marker": {"color": color},
        "customdata": list(zip(ordered["meetings"], ordered["total"], strict=True)),
        "hovertemplate": "%{y}<br>%{x}% (%{customdata[0]} of %{customdata[1]} meetings)"
        "<extra></extra>",
    }
    layout = {"xaxis": {"title": {"text": "% of the region's meetings"}, "range": [0, 100]}}
    return _figure([bars], layout, f"{label}: regional spread", ("yaxis",), height=440)
