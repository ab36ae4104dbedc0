"""Meeting themes dashboard: the events table of the bundled corpus."""

import streamlit as st

from analytics import settings
from analytics.corpus import load_corpus

st.set_page_config(page_title="Meeting themes", layout="wide")


@st.cache_data(show_spinner="Reading reports…")
def _events(paths: tuple[str, ...]):
    corpus = load_corpus(paths, cache_dir=settings.get("cache_dir"))
    return corpus.events.drop(columns=["text"]), corpus.ingest_report


events, report = _events(tuple(settings.get("corpus_dirs")))
st.title("Meeting reports")
st.dataframe(events, hide_index=True)
if len(report):
    st.warning(f"{len(report)} files skipped")
    st.dataframe(report, hide_index=True)
