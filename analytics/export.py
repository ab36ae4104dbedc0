"""CSV and JSON exports of tables, safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd

__all__ = ["table_for_output"]


def _join(value: object) -> object:
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return "; ".join(str(v) for v in list(value))
    return value


def table_for_output(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with list cells joined by "; " and dates as ISO strings."""
    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(_join)
        elif pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d").astype("string")
    return out
