"""One function per dashboard chart: a tidy DataFrame in, a plotly figure out.

Every chart names themes by their labels and colours each theme with the same colour
(:func:`theme_colors`), so a theme looks the same on every page. Backgrounds are left
transparent so the figures read in Streamlit's light and dark modes alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

__all__ = [
    "MAP_CONFIG",
    "PALETTE",
    "region_comparison",
    "region_theme_heatmap",
    "region_trend_multiples",
    "rising_falling_bars",
    "theme_colors",
    "theme_region_bars",
    "theme_trend_lines",
    "world_map",
]

# Colour-blind-aware qualitative colours that keep their contrast on white and on black.
PALETTE = (
    "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#C9A227", "#B07AA1", "#FF9DA7",
    "#9C755F", "#BAB0AC", "#1F77B4", "#D62728", "#17BECF", "#BCBD22", "#8C564B", "#E377C2",
    "#2CA02C", "#9467BD", "#FF7F0E", "#AEC7E8",
)  # fmt: skip

# Plotly fetches country outlines from a CDN by default; the app serves them itself.
MAP_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}

_SEQUENTIAL = "Blues"
_FEW = "based on few meetings"


def theme_colors(theme_ids: Sequence[str]) -> dict[str, str]:
    """The colour of each theme, by its position in the model's theme order."""
    return {theme: PALETTE[i % len(PALETTE)] for i, theme in enumerate(theme_ids)}


def _layout(fig: go.Figure, title: str, **kwargs: object) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        legend={"title": None},
        **kwargs,
    )
    return fig


def region_theme_heatmap(matrix: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Region x theme heatmap of shares; hover tells the meetings behind each cell."""
    themes = list(dict.fromkeys(matrix["theme"]))
    regions = sorted(matrix["region"].unique(), reverse=True)
    grid = matrix.set_index(["region", "theme"])
    z, custom, names = [], [], []
    for region in regions:
        cells = [grid.loc[(region, theme)] for theme in themes]
        z.append([round(100 * c["share"], 1) for c in cells])
        custom.append([[int(c["meetings"]), int(c["total"])] for c in cells])
        names.append(f"{region} ({int(cells[0]['total'])})")
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[labels.get(t, t) for t in themes],
            y=names,
            customdata=custom,
            colorscale=_SEQUENTIAL,
            zmin=0,
            zmax=100,
            colorbar={"title": "% of meetings", "ticksuffix": "%"},
            hovertemplate="<b>%{y}</b><br>%{x}<br>%{z}% of meetings "
            "(%{customdata[0]} of %{customdata[1]})<extra></extra>",
        )
    )
    fig.update_xaxes(title="Theme", tickangle=-35)
    fig.update_yaxes(title="Region (meetings)")
    return _layout(fig, "Share of meetings in each region that discussed each theme", height=480)


def theme_trend_lines(
    trend: pd.DataFrame,
    labels: dict[str, str],
    colors: dict[str, str],
    measure: str = "share",
    title: str = "Themes over the years",
) -> go.Figure:
    """One line per theme over the periods; open markers where a period has few meetings."""
    fig = go.Figure()
    for theme, rows in trend.groupby("theme", sort=False):
        values = rows[measure] * (100 if measure == "share" else 1)
        fig.add_trace(
            go.Scatter(
                x=rows["period"],
                y=values.round(1),
                name=labels.get(theme, theme),
                mode="lines+markers",
                line={"color": colors.get(theme)},
                marker={"symbol": ["circle-open" if f else "circle" for f in rows["few"]]},
                customdata=[
                    [m, t, theme] for m, t in zip(rows["meetings"], rows["total"], strict=True)
                ],
                hovertemplate="<b>%{fullData.name}</b> %{x}<br>%{customdata[0]} of "
                "%{customdata[1]} meetings<extra></extra>",
            )
        )
    fig.update_xaxes(title="Period", type="category")
    fig.update_yaxes(
        title="% of meetings" if measure == "share" else "Meetings", rangemode="tozero"
    )
    return _layout(fig, title, height=440, hovermode="closest")


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
    fig = make_subplots(
        rows=rows, cols=columns, subplot_titles=regions, shared_yaxes=True,
        vertical_spacing=0.12, horizontal_spacing=0.04,
    )  # fmt: skip
    for i, region in enumerate(regions):
        panel = trends[trends["region"] == region]
        for theme, cells in panel.groupby("theme", sort=False):
            fig.add_trace(
                go.Scatter(
                    x=cells["year"],
                    y=(100 * cells["share"]).round(1),
                    name=labels.get(theme, theme),
                    legendgroup=theme,
                    showlegend=i == 0,
                    mode="lines+markers",
                    line={"color": colors.get(theme), "width": 1.5},
                    marker={
                        "size": 5,
                        "symbol": ["circle-open" if f else "circle" for f in cells["few"]],
                    },
                    customdata=list(zip(cells["meetings"], cells["total"], strict=True)),
                    hovertemplate=f"<b>{region}</b> %{{x}}<br>%{{fullData.name}}: "
                    "%{customdata[0]} of %{customdata[1]} meetings<extra></extra>",
                ),
                row=i // columns + 1,
                col=i % columns + 1,
            )
    fig.update_yaxes(range=[0, 105], ticksuffix="%")
    fig.update_xaxes(tickformat="d", dtick=span * (2 if span == 1 else 1))
    period = "year" if span == 1 else f"{span}-year period (labelled by its first year)"
    return _layout(fig, f"Theme shares by region and {period}; open markers: few meetings",
                   height=260 * rows + 80)  # fmt: skip


def rising_falling_bars(
    changes: pd.DataFrame, labels: dict[str, str], colors: dict[str, str], split_year: int
) -> go.Figure:
    """Change in each theme's share between the two periods, in percentage points."""
    ordered = changes.sort_values("change")
    fig = go.Figure(
        go.Bar(
            x=ordered["change"],
            y=[labels.get(t, t) + (" *" if few else "") for t, few in
               zip(ordered["theme"], ordered["few"], strict=True)],
            orientation="h",
            marker={"color": [colors.get(t) for t in ordered["theme"]]},
            customdata=list(zip(
                (100 * ordered["share_before"]).round(1), (100 * ordered["share_after"]).round(1),
                ordered["theme"], strict=True,
            )),
            hovertemplate="%{y}<br>before: %{customdata[0]}%<br>after: %{customdata[1]}%"
            "<br>change: %{x:+.1f} points<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(title=f"Change in share of meetings, before {split_year} → from "
                     f"{split_year} (percentage points)", zeroline=True)  # fmt: skip
    fig.update_yaxes(title=None)
    title = "Rising and falling themes"
    if ordered["few"].any():
        title += f" (* {_FEW})"
    return _layout(fig, title, height=max(320, 28 * len(ordered) + 120))


def world_map(countries: pd.DataFrame, value: str, title: str) -> go.Figure:
    """Venue countries shaded by ``value`` (``meetings`` or ``share``) on a world map."""
    is_share = value == "share"
    z = (100 * countries[value]).round(1) if is_share else countries[value]
    fig = go.Figure(
        go.Choropleth(
            locations=countries["iso3"],
            z=z,
            text=countries["country"],
            customdata=countries[["meetings", "with_theme", "country"]].values.tolist(),
            colorscale=[[0.0, "#c6dbef"], [0.5, "#4292c6"], [1.0, "#08306b"]],
            zmin=0,
            marker={"line": {"color": "#888", "width": 0.4}},
            colorbar={"title": "% of meetings" if is_share else "Meetings"},
            hovertemplate="<b>%{text}</b><br>%{customdata[0]} meetings"
            + ("<br>%{customdata[1]} discussed the theme (%{z}%)" if is_share else "")
            + "<extra></extra>",
        )
    )
    fig.update_geos(
        fitbounds=False,  # the whole world, not just the venue countries
        projection_type="natural earth",
        showcountries=True,
        countrycolor="#999",
        showland=True,
        landcolor="#e8e8e8",
        showocean=False,
        showframe=False,
        bgcolor="rgba(0,0,0,0)",
    )
    return _layout(fig, title, height=480)


def region_comparison(
    profiles: pd.DataFrame,
    labels: dict[str, str],
    region_colors: Sequence[str] = ("#4E79A7", "#F28E2B"),
) -> go.Figure:
    """Theme profiles of one or more regions side by side (share of their meetings),
    themes ordered by their share in the first region."""
    fig = go.Figure()
    first = (
        profiles[profiles["region"] == profiles["region"].iloc[0]] if len(profiles) else profiles
    )
    themes = list(first.sort_values("share", ascending=False, kind="stable")["theme"])
    for i, (region, rows) in enumerate(profiles.groupby("region", sort=False)):
        rows = rows.set_index("theme").reindex(themes)
        fig.add_trace(
            go.Bar(
                y=[labels.get(t, t) for t in themes],
                x=(100 * rows["share"]).round(1),
                name=f"{region} ({int(rows['total'].max())} meetings)",
                orientation="h",
                marker={"color": region_colors[i % len(region_colors)]},
                customdata=list(zip(rows["meetings"], rows["total"], themes, strict=True)),
                hovertemplate="%{y}<br>%{x}% (%{customdata[0]} of %{customdata[1]} meetings)"
                "<extra>" + region + "</extra>",
            )
        )
    fig.update_xaxes(title="% of the region's meetings", range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, "Theme profile by region", barmode="group",
                   height=max(360, 34 * len(themes) + 140))  # fmt: skip


def theme_region_bars(spread: pd.DataFrame, label: str, color: str) -> go.Figure:
    """How often one theme came up in each region (share of the region's meetings)."""
    ordered = spread.sort_values("share")
    fig = go.Figure(
        go.Bar(
            x=(100 * ordered["share"]).round(1),
            y=ordered["region"],
            orientation="h",
            marker={"color": color},
            customdata=list(zip(ordered["meetings"], ordered["total"], strict=True)),
            hovertemplate="%{y}<br>%{x}% (%{customdata[0]} of %{customdata[1]} meetings)"
            "<extra></extra>",
        )
    )
    fig.update_xaxes(title="% of the region's meetings", range=[0, 100])
    fig.update_yaxes(title=None)
    return _layout(fig, f"{label}: regional spread", height=440)
