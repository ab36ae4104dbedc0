"""Tables, figures and files a page makes, made once per server for all its sessions.

Many managers look at the same selections: a page's charts for an analysis, the filters
and the page's own options are the same for each of them, and building plotly figures is
most of a page's run. Whatever ``kept`` returns is shared between sessions: never change
it in place.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

import pandas as pd
import streamlit as st

from analytics.views.export import csv_bytes, tables_zip
from pages.shared.filters import View

__all__ = ["csv_of", "kept", "zip_of"]

T = TypeVar("T")
# The tables kept, and their CSV once made: by id(), for as long as the table lives.
_TABLES: dict[int, weakref.ref] = {}
_CSV: dict[int, bytes] = {}


# The zip of several kept tables (a snapshot's tables), by their names and ids.
_ZIPS: dict[tuple[tuple[str, int], ...], bytes] = {}


def _forget(table_id: int) -> None:
    _TABLES.pop(table_id, None)
    _CSV.pop(table_id, None)
    for key in [key for key in list(_ZIPS) if any(i == table_id for _, i in key)]:
        _ZIPS.pop(key, None)


# About 40 kB an entry on the bundled corpus: at most some 20 MB for the server.
@st.cache_resource(max_entries=512, show_spinner=False)
def _kept(key: str, _make: Callable[[], object]) -> object:
    made = _make()
    if isinstance(made, pd.DataFrame):
        _TABLES[id(made)] = weakref.ref(made)
        weakref.finalize(made, _forget, id(made))
    return made


def kept(current: View, what: str, make: Callable[[], T], *options: Hashable) -> T:
    """``make()``, or what it made before for this analysis, these settings and filters,
    this page and these ``options``: every other value ``make`` depends on must be among
    them."""
    key = repr((current.analysis.token, hash(current.settings), current.filters, current.page,
                what, options))  # fmt: skip
    return _kept(key, make)


def csv_of(table: pd.DataFrame) -> bytes:
    """The CSV of a table, made once for a table that ``kept`` returned."""
    made = _CSV.get(id(table))
    if made is None:
        made = csv_bytes(table)
        ref = _TABLES.get(id(table))
        if ref is not None and ref() is table:
            _CSV[id(table)] = made
    return made


def _is_kept(table: pd.DataFrame) -> bool:
    ref = _TABLES.get(id(table))
    return ref is not None and ref() is table


def zip_of(tables: Mapping[str, pd.DataFrame]) -> bytes:
    """The zip of these tables' CSVs (``tables_zip``), made once when every one of them
    is a table that ``kept`` returned."""
    key = tuple((name, id(table)) for name, table in tables.items())
    made = _ZIPS.get(key)
    if made is None:
        made = tables_zip(tables, csv_of)
        if all(_is_kept(table) for table in tables.values()):
            _ZIPS[key] = made
    return made
