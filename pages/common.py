"""What every page shares: the analysis in use, the sidebar filters, downloads and the
empty-selection message. Pages call these; the logic itself lives in ``analytics/``."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics import settings
from analytics.aggregate import EVENT_TYPE_LABELS, Filters, apply_filters, top_themes
from analytics.charts import MAP_CONFIG, theme_colors
from analytics.corpus import corpus_signature
from analytics.export import csv_bytes, export_name, manifest, snapshot_zip
from analytics.pipeline import Analysis, analyse

# Query-parameter names of the shared filters (also the widgets' keys).
REGION, YEARS, THEME, COUNTRY, TYPE, SEARCH = "region", "years", "theme", "country", "type", "q"


@dataclass
class View:
    """The analysis in use, the current filters and the events they select.

    ``events`` match every filter; ``base`` every filter but the themes: theme shares are
    counted over ``base`` (a theme's share among the meetings that discussed it would be
    100%), for the themes ``shown``.
    """

    analysis: Analysis
    filters: Filters
    events: pd.DataFrame
    base: pd.DataFrame
    page: str = ""

    @property
    def shown(self) -> list[str]:
        """The themes the charts show: those chosen in the filter, else the six most
        discussed in the selection."""
        return list(self.filters.themes) or top_themes(self.events, self.named, 6)

    @property
    def named(self) -> list[str]:
        return [t.id for t in self.analysis.model.themes]

    @property
    def labels(self) -> dict[str, str]:
        return self.analysis.labels

    @property
    def colors(self) -> dict[str, str]:
        return theme_colors(self.analysis.model.theme_ids_)

    @property
    def theme_ids(self) -> list[str]:
        return list(self.analysis.model.theme_ids_)


@st.cache_resource(show_spinner=False)
def _store() -> dict:
    """Process-wide, per corpus: the analysis of its current state, and a lock."""
    return {"lock": threading.Lock(), "corpora": {}}


def corpus_paths() -> list[str]:
    Path(settings.get("upload_dir")).mkdir(parents=True, exist_ok=True)
    return list(settings.get("corpus_dirs"))


def load_analysis() -> Analysis:
    """The analysis of the corpus as it is on disk now, computed once per corpus state.

    When reports were added since the model was fitted, they are classified with the
    current model (no refit); :func:`refit` fits a new one on demand.
    """
    paths = corpus_paths()
    signature = corpus_signature(paths)
    store = _store()
    with store["lock"]:
        known = store["corpora"].get(tuple(paths))
        if known is None or known["signature"] != signature:
            current = known["analysis"] if known else None
            reuse = {"model": current.model, "fingerprint": current.fingerprint} if current else {}
            bar = st.progress(0.0, text="Reading reports…")
            try:
                analysis = analyse(
                    paths,
                    settings.get("cache_dir"),
                    progress=lambda message, done: bar.progress(min(done, 1.0), text=message),
                    **reuse,
                )
            except ValueError as exc:
                bar.empty()
                st.error(f"No report could be read: {exc}. Add reports on the Data page.")
                st.stop()
            bar.empty()
            known = store["corpora"][tuple(paths)] = {"signature": signature, "analysis": analysis}
        return known["analysis"]


def refit() -> None:
    """Forget the model in use so the next load fits one on the whole corpus."""
    store = _store()
    with store["lock"]:
        store["corpora"].pop(tuple(corpus_paths()), None)


def _warn_unknown(key: str, valid: list[str], what: str) -> None:
    """A notice for link values that are not options (Streamlit drops them itself)."""
    unknown = [v for v in st.query_params.get_all(key) if v and v not in valid]
    if unknown:
        st.sidebar.warning(
            f"The link asked for {what} {', '.join(repr(u) for u in unknown)}, which the "
            f"data do not have; showing all {what}s instead.",
            icon="⚠️",
        )


def _year_range(events: pd.DataFrame) -> tuple[int, int]:
    years = events["year"].dropna()
    return (int(years.min()), int(years.max())) if len(years) else (2000, 2000)


def _defaults(events: pd.DataFrame) -> dict[str, object]:
    """Every filter at "everything"."""
    return {REGION: [], YEARS: _year_range(events), THEME: [], COUNTRY: [], TYPE: [], SEARCH: ""}


def _reset(defaults: dict[str, object]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value


def sidebar_filters(analysis: Analysis) -> Filters:
    """The shared filters in the sidebar, bound to the URL's query parameters."""
    events = analysis.events
    labels = analysis.labels
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    countries = sorted(c for c in events["country"].dropna().unique() if c)
    types = [t for t in EVENT_TYPE_LABELS if t in set(events["event_type"])]
    low, high = _year_range(events)
    defaults = _defaults(events)

    _warn_unknown(REGION, regions, "region")
    _warn_unknown(THEME, list(labels.values()), "theme")
    _warn_unknown(COUNTRY, countries, "country")
    _warn_unknown(TYPE, [EVENT_TYPE_LABELS[t] for t in types], "meeting type")

    side = st.sidebar
    side.header("Filters")
    side.multiselect("Region", regions, key=REGION, bind="query-params",
                     placeholder="All regions")  # fmt: skip
    if low < high:
        side.slider("Years", low, high, (low, high), key=YEARS, bind="query-params")
    side.multiselect(
        "Theme", list(labels), format_func=labels.get, key=THEME, bind="query-params",
        placeholder="All themes", help="Meetings that discussed any of the chosen themes.",
    )  # fmt: skip
    side.multiselect("Venue country", countries, key=COUNTRY, bind="query-params",
                     placeholder="All countries")  # fmt: skip
    side.multiselect("Meeting type", types, format_func=EVENT_TYPE_LABELS.get, key=TYPE,
                     bind="query-params", placeholder="All types")  # fmt: skip
    side.text_input("Search", key=SEARCH, bind="query-params",
                    placeholder="Words in the title or text")  # fmt: skip
    side.button("Reset filters", on_click=_reset, args=(defaults,), width="stretch")
    years = st.session_state.get(YEARS, (low, high))
    return Filters(
        regions=tuple(st.session_state.get(REGION, [])),
        years=(int(years[0]), int(years[1])) if (low, high) != tuple(years) else None,
        themes=tuple(st.session_state.get(THEME, [])),
        countries=tuple(st.session_state.get(COUNTRY, [])),
        event_types=tuple(st.session_state.get(TYPE, [])),
        search=st.session_state.get(SEARCH, ""),
    )


def make_view(analysis: Analysis, filters: Filters) -> View:
    events = apply_filters(analysis.events, filters)
    base = apply_filters(analysis.events, replace(filters, themes=())) if filters.themes else events
    view = View(analysis, filters, events, base)
    st.session_state["_view"] = view
    return view


def view(page: str) -> View:
    """The view app.py prepared for this run, tagged with the page showing it."""
    if "_view" not in st.session_state:
        # Until st.navigation has run once in the process, Streamlit treats this "pages"
        # folder as a v1 multipage app and runs a page linked directly (the first request
        # after a start) without app.py. Leave that mode and run again through app.py.
        PagesManager.uses_pages_directory = False
        st.rerun()
    current: View = st.session_state["_view"]
    current.page = page
    return current


def require_meetings(current: View) -> None:
    """Stop the page with a friendly message when the selection matches nothing."""
    if not current.events.empty:
        return
    st.info("No meeting matches these filters. Widen the selection or reset the filters.")
    defaults = _defaults(current.analysis.events)
    st.button("Reset filters", on_click=_reset, args=(defaults,), key="reset_empty",
              type="primary")  # fmt: skip
    st.stop()


def _filter_values(filters: Filters) -> dict[str, object]:
    values = filters.as_dict()
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def permalink(current: View) -> str:
    """A link to this page with the current filters."""
    query: list[tuple[str, str]] = []
    f = current.filters
    query += [(REGION, r) for r in f.regions]
    if f.years:
        query += [(YEARS, str(f.years[0])), (YEARS, str(f.years[1]))]
    query += [(THEME, current.labels.get(t, t)) for t in f.themes]
    query += [(COUNTRY, c) for c in f.countries]
    query += [(TYPE, EVENT_TYPE_LABELS.get(t, t)) for t in f.event_types]
    if f.search:
        query.append((SEARCH, f.search))
    base = (st.context.url or "").split("?")[0]
    return base + ("?" + urlencode(query) if query else "")


def download_csv(current: View, table: pd.DataFrame, what: str, key: str) -> None:
    """A "Download CSV" button with exactly ``table``."""
    name = export_name(f"{current.page}-{what}", _filter_values(current.filters),
                       datetime.now(), "csv")  # fmt: skip
    st.download_button("Download CSV", csv_bytes(table), file_name=name, mime="text/csv",
                       key=f"csv_{key}", icon=":material/download:")  # fmt: skip


def snapshot(current: View, tables: dict[str, pd.DataFrame]) -> None:
    """The page's snapshot: every table of the page and a manifest, as one zip."""
    now = datetime.now()
    info = manifest(
        page=current.page,
        filters=current.filters.as_dict(),
        permalink=permalink(current),
        created_at=now,
        corpus_fingerprint=current.analysis.corpus_fingerprint,
        model_version=current.analysis.fingerprint,
        tables=tables,
    )
    st.download_button(
        "Download snapshot (.zip)",
        snapshot_zip(tables, info),
        file_name=export_name(current.page, _filter_values(current.filters), now, "zip"),
        mime="application/zip",
        key="snapshot",
        icon=":material/folder_zip:",
        help="Every table of this page as CSV, with a manifest of the filters and a link.",
    )


def chart(fig: go.Figure, key: str, on_select=None) -> None:
    """A plotly chart at full width, served with the app's own map outlines; clicking a
    point calls ``on_select`` (e.g. :func:`theme_clicked`) with the chart's key."""
    if on_select is None:
        st.plotly_chart(fig, key=key, config=MAP_CONFIG, width="stretch")
    else:
        st.plotly_chart(fig, key=key, config=MAP_CONFIG, width="stretch",
                        on_select=partial(on_select, key), selection_mode="points")  # fmt: skip


def _clicked(chart_key: str, filter_key: str) -> None:
    """Add the value each clicked point carries (its ``customdata[2]``) to a filter."""
    for point in st.session_state[chart_key]["selection"]["points"]:
        custom = point.get("customdata") or []
        if len(custom) > 2 and custom[2]:
            narrow(filter_key, str(custom[2]))


def theme_clicked(chart_key: str) -> None:
    """Chart click callback: narrow the theme filter to the clicked themes."""
    _clicked(chart_key, THEME)


def country_clicked(chart_key: str) -> None:
    """Map click callback: narrow the venue-country filter to the clicked countries."""
    _clicked(chart_key, COUNTRY)


def narrow(key: str, value: str) -> None:
    """Add ``value`` to the filter ``key`` (used by chart clicks)."""
    chosen = list(st.session_state.get(key, []))
    if value not in chosen:
        st.session_state[key] = [*chosen, value]


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~:$"})


def as_text(text: str) -> str:
    """Markdown that shows ``text`` literally (every markdown character escaped)."""
    return str(text).translate(_MARKDOWN_SPECIAL)


def highlighted(segments: list[tuple[str, str | None]], labels: dict[str, str]) -> str:
    """Markdown of a report paragraph: every character of the document escaped, so it
    shows as text; evidence segments on a coloured background, tagged with their theme."""
    parts = []
    for segment, theme in segments:
        escaped = as_text(segment)
        if theme is None:
            parts.append(escaped)
        else:
            tag = as_text(labels.get(theme, theme))
            parts.append(f":orange-background[{escaped}] :gray-badge[{tag}]")
    return "".join(parts)
