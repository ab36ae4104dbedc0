"""Download buttons: one table as CSV, or the page's snapshot (every table + a manifest)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

import pandas as pd
import streamlit as st

from analytics.views.export import export_name, manifest, with_manifest
from analytics.views.filters import Filters
from pages.shared.filters import View, permalink
from pages.shared.kept import csv_of, zip_of

__all__ = ["download_csv", "download_document", "file_data", "snapshot"]

# Tables up to this many rows are sent with the page; larger ones are made on click.
INLINE_ROWS = 5_000


def _filter_values(filters: Filters) -> dict[str, object]:
    values = filters.as_dict()
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def file_data(make: Callable[[], bytes], rows: int) -> bytes | Callable[[], bytes]:
    """A download's data: the file itself when its tables are small, else ``make``.

    A file made on click is kept unmapped by Streamlit until the browser fetches it, and
    any other session's run that ends meanwhile can delete it (under load most such
    downloads failed). A small file made with the page is held by its session, and costs
    milliseconds; a large table's CSV takes longer than the rest of the page, so it waits
    for the click."""
    return make() if rows <= INLINE_ROWS else make


def _rows(tables: Mapping[str, pd.DataFrame]) -> int:
    return sum(len(table) for table in tables.values())


def download_csv(current: View, table: pd.DataFrame, what: str, key: str) -> None:
    """A "Download CSV" button with exactly ``table``."""
    name = export_name(f"{current.page}-{what}", _filter_values(current.filters),
                       datetime.now(), "csv")  # fmt: skip
    # A click reruns nothing ("ignore"): the page would not change.
    st.download_button("Download CSV", file_data(lambda: csv_of(table), len(table)),
                       file_name=name, mime="text/csv", key=f"csv_{key}",
                       icon=":material/download:", on_click="ignore")  # fmt: skip


def download_document(
    current: View, label: str, make: Callable[[], bytes | str], ext: str, mime: str, icon: str
) -> None:
    """A download button for a document of the page, made on click: a Word document
    takes a second or two, too long to make on every run (see ``file_data``)."""
    name = export_name(current.page, _filter_values(current.filters), datetime.now(), ext)
    st.download_button(label, make, file_name=name, mime=mime, key=f"document_{ext}", icon=icon,
                       on_click="ignore")  # fmt: skip


def snapshot(current: View, tables: dict[str, pd.DataFrame], link: str | None = None) -> None:
    """The page's snapshot: every table of the page and a manifest, as one zip. ``link``:
    the page's permalink when the page's own options belong in it (else the filters')."""
    now = datetime.now()
    info = {
        "page": current.page,
        "filters": current.filters.as_dict(),
        "permalink": link or permalink(current),
        "created_at": now,
        "corpus_fingerprint": current.analysis.corpus_fingerprint,
        "model_version": current.analysis.fingerprint,
    }
    st.download_button(
        "Download snapshot (.zip)",
        file_data(
            lambda: with_manifest(zip_of(tables), manifest(**info, tables=tables)), _rows(tables)
        ),
        file_name=export_name(current.page, _filter_values(current.filters), now, "zip"),
        mime="application/zip",
        key="snapshot",
        icon=":material/folder_zip:",
        on_click="ignore",  # as download_csv
        help="Every table of this page as CSV, with a manifest of the filters and a link.",
    )
