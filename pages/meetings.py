"""Meetings: the searchable list; a selected meeting's report with its evidence marked."""

import streamlit as st

from analytics.views.markdown import as_text, highlighted
from analytics.views.tables import (
    mark_evidence,
    meeting_line,
    meetings_table,
    provenance_table,
    report_themes,
)
from pages.shared import state
from pages.shared.corrections import correction_form, corrections_in_effect
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view

current = view("meetings")
st.title("Meetings")
require_meetings(current)
labels = current.labels

table = meetings_table(current.events, labels)
st.caption(f"{len(table)} meetings. Sort by clicking a column; search with the sidebar or the "
           "table's search icon; select a row to read the report.")  # fmt: skip
picked = st.dataframe(
    table.drop(columns=["doc_id"]), hide_index=True, width="stretch", key="meetings",
    on_select="rerun", selection_mode="single-row",
    column_config={"date": st.column_config.DateColumn("Date"),
                   "title": st.column_config.TextColumn("Title", width="large"),
                   "venue": "Venue", "region": "Region", "type": "Type",
                   "themes": "Themes", "source": "Source",
                   "corrected": st.column_config.TextColumn(
                       "Corrected", help="The parts an editor corrected")},
)  # fmt: skip
download_csv(current, table, "meetings", key="meetings")
snapshot(current, {"meetings": table})

rows = picked.selection.rows if picked else []
if rows:
    st.query_params["meeting"] = table.loc[rows[0], "doc_id"]
doc_id = st.query_params.get("meeting")
if doc_id not in set(table["doc_id"]):
    st.info("Select a meeting in the table to read its report and the evidence of its themes.")
    st.stop()

event = current.events.set_index("doc_id", drop=False).loc[doc_id]
themes = report_themes(current.analysis.doc_themes, doc_id, current.analysis.evidence)
mine = current.analysis.corrections.of(doc_id)
editable = state.may_edit(current.settings)

st.header(as_text(event["title"] or "(untitled report)"), divider="gray")
st.write(as_text(meeting_line(event)))
st.caption(as_text(f"Source: {event['source']}"))
corrections_in_effect(current, mine, editable)
if editable:
    correction_form(current, event)

left, right = st.columns([2, 1])
with right:
    st.markdown("**Themes** (strongest first)")
    for item in themes.itertuples():
        score = "added by an editor" if item.weight != item.weight else f"score {item.weight:.2f}"
        st.markdown(f":material/label: {as_text(labels[item.theme])} · {score}")
    st.markdown("**People**")
    for person in event["people"] or ["none named"]:
        st.text(person)
    st.markdown("**Organisations**")
    for organisation in event["organisations"] or ["none named"]:
        st.text(organisation)
    st.markdown("**Where each field was read**")
    for row in provenance_table(event, mine).itertuples():
        st.caption(f"**{as_text(row.field)}**: {as_text(row.value)} — {as_text(row.source)}")
with left:
    st.markdown("**Report** — evidence sentences are highlighted and tagged with their theme")
    evidence = {row.theme: list(row.evidence) for row in themes.itertuples()}
    for paragraph in current.analysis.texts[doc_id].split("\n"):
        if paragraph.strip():
            st.markdown(highlighted(mark_evidence(paragraph, evidence), labels))
