"""Meeting themes dashboard: navigation, the shared sidebar filters, the corpus in use."""

from pathlib import Path

import streamlit as st

from pages.shared import filters, sign_in, state

# A local file: an icon font or emoji favicon would be fetched from the internet.
ICON = Path(__file__).parent / "static" / "favicon.png"
st.set_page_config(page_title="Meeting themes", page_icon=str(ICON), layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/regions.py", title="Regions", icon=":material/public:"),
    st.Page("pages/trends.py", title="Trends", icon=":material/trending_up:"),
    st.Page("pages/briefing.py", title="Briefing", icon=":material/summarize:"),
    st.Page("pages/themes.py", title="Themes", icon=":material/category:"),
    st.Page("pages/meetings.py", title="Meetings", icon=":material/event_note:"),
    st.Page("pages/data.py", title="Data", icon=":material/folder_open:"),
]

page = st.navigation(PAGES)
settings = state.settings()
analysis = state.load_analysis(settings)
filters.make_view(analysis, settings, filters.sidebar_filters(analysis))
sign_in.sidebar_status(settings)
page.run()
