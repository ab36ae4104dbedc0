"""Figures built as dicts: the same specs as plotly's step-by-step building."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from analytics.views.figures import axes, figure, grid, merge


def _spec(fig: go.Figure) -> dict:
    return json.loads(pio.to_json(fig, validate=False))


def test_a_grid_is_make_subplots_layout_and_its_cells_axes():
    options = {"shared_xaxes": "all", "shared_yaxes": "all", "vertical_spacing": 0.15}
    made = make_subplots(rows=2, cols=3, subplot_titles=["a", "b", "c", "d"], **options)
    for i in range(4):
        made.add_trace(go.Scatter(x=[1, 2], y=[i, i]), row=i // 3 + 1, col=i % 3 + 1)
    made.update_xaxes(nticks=6)
    layout, cells = grid(2, 3, ["a", "b", "c", "d"], **options)
    traces = [{"type": "scatter", "x": [1, 2], "y": [i, i], "xaxis": x, "yaxis": y}
              for i, ((_, x), (_, y)) in enumerate(cells[:4])]  # fmt: skip
    for name in axes(layout, "xaxis"):
        layout[name]["nticks"] = 6
    assert _spec(figure(traces, layout)) == _spec(made)
    assert cells[4] == (("xaxis5", "x5"), ("yaxis5", "y5"))


def test_a_grid_is_a_copy_of_ones_own():
    layout, _ = grid(1, 2, ["a", "b"])
    layout["annotations"][0]["text"] = "changed"
    assert grid(1, 2, ["a", "b"])[0]["annotations"][0]["text"] == "a"


def test_merge_merges_nested_dicts_as_update_layout_does():
    layout = {"margin": {"l": 1, "r": 2}, "title": {"text": "x"}}
    merge(layout, {"margin": {"l": 5}, "height": 3})
    assert layout == {"margin": {"l": 5, "r": 2}, "title": {"text": "x"}, "height": 3}
