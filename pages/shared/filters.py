"""The shared sidebar filters, bound to the URL, and the view they select for a page."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from analytics.analysis import Analysis
from analytics.extract.kinds import EVENT_TYPES
from analytics.settings import Settings
from analytics.views.aggregate import top_themes
from analytics.views.charts import theme_colors
from analytics.views.filters import Filters, apply_filters, year_range
from analytics.views.markdown import as_text
from pages.shared import state

__all__ = [
    "COUNTRY",
    "THEME",
    "View",
    "make_view",
    "narrow",
    "permalink",
    "require_meetings",
    "sidebar_filters",
    "view",
]

# Query-parameter names of the shared filters (also the widgets' keys).
REGION, YEARS, THEME, COUNTRY, TYPE, SEARCH = "region", "years", "theme", "country", "type", "q"
_NO_YEARS = (2000, 2000)


@dataclass
class View:
    """The analysis in use, the current filters and the meetings they select.

    ``events`` are the meetings (one row each, see ``Analysis.meetings``) that match every
    filter; ``base`` those that match every filter but the themes: theme shares are
    counted over ``base`` (a theme's share among the meetings that discussed it would be
    100%), for the themes ``shown``.
    """

    analysis: Analysis
    settings: Settings
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
    def reports(self) -> pd.DataFrame:
        """The reports of the selected meetings."""
        return self.analysis.reports_of(self.events)

    @property
    def named(self) -> list[str]:
        return [t.id for t in self.analysis.model.themes]

    @property
    def labels(self) -> dict[str, str]:
        return self.analysis.labels

    @property
    def colors(self) -> dict[str, str]:
        model = self.analysis.model
        return theme_colors(model.theme_ids_, model.kinds_)

    @property
    def theme_ids(self) -> list[str]:
        return list(self.analysis.model.theme_ids_)

    @property
    def few(self) -> int:
        return self.settings.few_meetings


def _warn_unknown(key: str, valid: list[str], what: str) -> None:
    """A notice for link values that are not options (Streamlit drops them itself)."""
    unknown = [v for v in st.query_params.get_all(key) if v and v not in valid]
    if unknown:
        asked = ", ".join(f"“{as_text(u[:80])}”" for u in unknown)  # a link's text, as text
        st.sidebar.warning(
            f"The link asked for {what} {asked}, which the data do not have; showing all "
            f"{what}s instead.",
            icon="⚠️",
        )


# What every run of every session would otherwise compute again from the same analysis
# (the filters' options, the meetings a selection keeps): made once per analysis (its
# ``token``) and shared. The frames are never changed in place, as those ``kept`` returns.
@st.cache_resource(max_entries=4, show_spinner=False)
def _options(token: int, _analysis: Analysis) -> tuple[list[str], list[str], list[str], tuple]:
    """The regions, venue countries, meeting types and years (first, last) of the meetings."""
    events = _analysis.meetings
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    countries = sorted(c for c in events["country"].dropna().unique() if c)
    present = set(events["event_type"].unique())
    types = [t for t in EVENT_TYPES if t in present]
    return regions, countries, types, tuple(year_range(events) or _NO_YEARS)


@st.cache_resource(max_entries=256, show_spinner=False)
def _selected(key: str, _analysis: Analysis, _filters: Filters) -> pd.DataFrame:
    """The meetings that match ``_filters`` (``key``: the analysis's token and them)."""
    return apply_filters(_analysis.meetings, _filters, _analysis.texts)


def _select(analysis: Analysis, filters: Filters) -> pd.DataFrame:
    return _selected(repr((analysis.token, filters)), analysis, filters)


def _defaults(analysis: Analysis) -> dict[str, object]:
    """Every filter at "everything"."""
    years = _options(analysis.token, analysis)[3]
    return {REGION: [], YEARS: years, THEME: [], COUNTRY: [], TYPE: [], SEARCH: ""}


def _reset(defaults: dict[str, object]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value


def sidebar_filters(analysis: Analysis) -> Filters:
    """The shared filters in the sidebar, bound to the URL's query parameters."""
    labels = analysis.labels
    regions, countries, types, (low, high) = _options(analysis.token, analysis)
    defaults = _defaults(analysis)

    _warn_unknown(REGION, regions, "region")
    _warn_unknown(THEME, list(labels.values()), "theme")
    _warn_unknown(COUNTRY, countries, "country")
    _warn_unknown(TYPE, [EVENT_TYPES[t] for t in types], "meeting type")

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
    side.multiselect("Meeting type", types, format_func=EVENT_TYPES.get, key=TYPE,
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


def make_view(analysis: Analysis, settings: Settings, filters: Filters) -> View:
    """The view of this run, kept for the page that app.py runs next."""
    events = _select(analysis, filters)
    base = _select(analysis, replace(filters, themes=())) if filters.themes else events
    current = View(analysis, settings, filters, events, base)
    st.session_state["_view"] = current
    return current


def refresh(current: View) -> None:
    """Build this session's view again on the analysis as it is now: after this session
    changed it (a correction), before the rerun that shows the change."""
    make_view(state.load_analysis(current.settings), current.settings, current.filters)


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
    defaults = _defaults(current.analysis)
    st.button("Reset filters", on_click=_reset, args=(defaults,), key="reset_empty",
              type="primary")  # fmt: skip
    st.stop()


def permalink(current: View) -> str:
    """A link to this page with the current filters."""
    query: list[tuple[str, str]] = []
    f = current.filters
    query += [(REGION, r) for r in f.regions]
    if f.years:
        query += [(YEARS, str(f.years[0])), (YEARS, str(f.years[1]))]
    query += [(THEME, current.labels.get(t, t)) for t in f.themes]
    query += [(COUNTRY, c) for c in f.countries]
    query += [(TYPE, EVENT_TYPES.get(t, t)) for t in f.event_types]
    if f.search:
        query.append((SEARCH, f.search))
    base = (st.context.url or "").split("?")[0]
    return base + ("?" + urlencode(query) if query else "")


def narrow(key: str, value: str) -> None:
    """Add ``value`` to the filter ``key`` (used by chart clicks)."""
    chosen = list(st.session_state.get(key, []))
    if value not in chosen:
        st.session_state[key] = [*chosen, value]
