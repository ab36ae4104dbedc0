"""Meetings: the searchable list, a row per meeting; a selected meeting with its reports,
each readable with its evidence marked."""

import streamlit as st

from analytics.views.markdown import as_text, highlighted
from analytics.views.tables import (
    mark_evidence,
    meeting_line,
    meeting_reports,
    meetings_table,
    provenance_table,
    report_themes,
)
from pages.shared import state
from pages.shared.corrections import correction_form, corrections_in_effect
from pages.shared.downloads import download_csv, snapshot
from pages.shared.filters import require_meetings, view
from pages.shared.kept import kept


def _day(value) -> str:
    return value.strftime("%d %b %Y") if value == value and value is not None else "undated"


current = view("meetings")
st.title("Meetings")
require_meetings(current)
labels = current.labels

table = kept(current, "table", lambda: meetings_table(current.events, labels))
st.caption(f"{len(table)} meetings. Sort by clicking a column; search with the sidebar or the "
           "table's search icon; select a row to read its reports.")  # fmt: skip
picked = st.dataframe(
    table.drop(columns=["doc_id"]), hide_index=True, width="stretch", key="meetings",
    on_select="rerun", selection_mode="single-row",
    column_config={"date": st.column_config.DateColumn("Date"),
                   "title": st.column_config.TextColumn("Title", width="large"),
                   "venue": "Venue", "region": "Region", "type": "Type",
                   "themes": "Themes", "source": "Source",
                   "reports": st.column_config.NumberColumn(
                       "Reports", help="Reports of this meeting (copies, translations, "
                       "press releases, wires)"),
                   "corrected": st.column_config.TextColumn(
                       "Corrected", help="The parts an editor corrected")},
)  # fmt: skip
download_csv(current, table, "meetings", key="meetings")
snapshot(current, {"meetings": table})

rows = picked.selection.rows if picked else []
if rows:
    st.query_params["meeting"] = table.loc[rows[0], "doc_id"]
    st.query_params.pop("report", None)
# A link names a meeting by any of its reports (its lead's, as the table gives it).
asked = st.query_params.get("meeting")
reports_all = current.analysis.events
found = reports_all.loc[reports_all["doc_id"] == asked, "meeting_id"] if asked else []
meetings = current.events.set_index("meeting_id", drop=False)
if len(found) == 0 or found.iloc[0] not in meetings.index:
    st.info("Select a meeting in the table to read its reports and the evidence of its themes.")
    st.stop()

meeting = meetings.loc[found.iloc[0]]
reports = current.analysis.reports_of(meetings.loc[[meeting["meeting_id"]]])
listed = meeting_reports(reports)
mine = current.analysis.corrections.in_effect
mine = mine[mine["doc_id"].isin(set(listed["doc_id"]))].reset_index(drop=True)
editable = state.why_not_edit(current.settings) is None

st.header(as_text(meeting["title"] or "(untitled report)"), divider="gray")
st.write(as_text(meeting_line(meeting)))
corrections_in_effect(current, mine, editable)
if editable:
    correction_form(current, meeting, reports)

ids = listed["doc_id"].tolist()
wanted = st.query_params.get("report")
doc_id = wanted if wanted in ids else (asked if asked in ids else ids[0])
if len(ids) > 1:
    names = {row.doc_id: f"{_day(row.published)} · {row.title} · {row.source}"
             for row in listed.itertuples()}  # fmt: skip
    doc_id = st.radio(f"{len(ids)} reports of this meeting", ids, index=ids.index(doc_id),
                      format_func=lambda d: as_text(names[d]), key="report_choice")  # fmt: skip
    st.query_params["report"] = doc_id
event = reports.set_index("doc_id", drop=False).loc[doc_id]
themes = report_themes(current.analysis.doc_themes, doc_id, current.analysis.evidence)
st.caption(as_text(f"Source: {event['source']}"))

left, right = st.columns([2, 1])
with right:
    st.markdown("**Themes of this report** (strongest first)")
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
    for row in provenance_table(event, mine[mine["doc_id"] == doc_id]).itertuples():
        st.caption(f"**{as_text(row.field)}**: {as_text(row.value)} — {as_text(row.source)}")
with left:
    st.markdown("**Report** — evidence sentences are highlighted and tagged with their theme")
    evidence = {row.theme: list(row.evidence) for row in themes.itertuples()}
    for paragraph in current.analysis.texts[doc_id].split("\n"):
        if paragraph.strip():
            st.markdown(highlighted(mark_evidence(paragraph, evidence), labels))
