"""Plotly figures built as plain dicts and validated once.

Plotly checks every property on each ``update_*`` call and each trace added (and applies
its template anew): a chart of a few panels built step by step took 40-200 ms, the same
figure given at once to ``go.Figure`` a tenth of that. Charts are therefore written as
dicts and made here; :func:`grid` gives the layout ``make_subplots`` makes, once per shape.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import lru_cache

import plotly.graph_objects as go
from plotly.subplots import make_subplots

__all__ = ["axes", "figure", "grid", "merge"]


def merge(into: dict, changes: Mapping) -> dict:
    """``changes`` merged into ``into`` (nested dicts merged, as ``update_layout`` does)."""
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value) if isinstance(value, Mapping) else value
    return into


def figure(data: Iterable[dict], layout: dict) -> go.Figure:
    """The figure of these traces and this layout, validated once."""
    return go.Figure(data=list(data), layout=layout)


def axes(layout: dict, kind: str) -> list[str]:
    """The layout's axes of a kind (``"xaxis"`` or ``"yaxis"``), in their order."""
    return [key for key in layout if key.startswith(kind)]


@lru_cache(maxsize=64)
def _grid(rows: int, cols: int, titles: tuple[str, ...], options: tuple) -> tuple[dict, tuple]:
    made = make_subplots(rows=rows, cols=cols, subplot_titles=list(titles) or None,
                         **dict(options))  # fmt: skip
    layout = made.to_plotly_json()["layout"]
    layout.pop("template", None)  # go.Figure applies the default template itself
    cells = []
    for r in range(rows):
        for c in range(cols):
            cell = made.get_subplot(r + 1, c + 1)
            cells.append((cell.xaxis.plotly_name, cell.yaxis.plotly_name))
    return copy.deepcopy(layout), tuple(cells)


def grid(rows: int, cols: int, titles: Iterable[str] = (), **options) -> tuple[dict, list]:
    """``make_subplots``' layout as a dict of one's own, and each cell's axes (row by
    row) as ``(layout key, trace reference)`` pairs: ``(("xaxis2", "x2"), ("yaxis2", "y2"))``."""
    layout, cells = _grid(rows, cols, tuple(titles), tuple(sorted(options.items())))
    refs = [((x, "x" + x[5:]), (y, "y" + y[5:])) for x, y in cells]
    return copy.deepcopy(layout), refs
