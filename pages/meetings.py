"""Meetings: the searchable list; a selected meeting's report with its evidence marked."""

import streamlit as st

from analytics.aggregate import EVENT_TYPE_LABELS, mark_evidence, meetings_table
from pages import common

view = common.view("meetings")
st.title("Meetings")
common.require_meetings(view)
labels = view.labels

table = meetings_table(view.events, labels)
table["type"] = table["type"].map(lambda t: EVENT_TYPE_LABELS.get(t, t))
st.caption(f"{len(table)} meetings. Sort by clicking a column; search with the sidebar or the "
           "table's search icon; select a row to read the report.")  # fmt: skip
picked = st.dataframe(
    table.drop(columns=["doc_id"]), hide_index=True, width="stretch", key="meetings",
    on_select="rerun", selection_mode="single-row",
    column_config={"date": st.column_config.DateColumn("Date"),
                   "title": st.column_config.TextColumn("Title", width="large"),
                   "venue": "Venue", "region": "Region", "type": "Type",
                   "themes": "Themes", "source": "Source"},
)  # fmt: skip
common.download_csv(view, table, "meetings", key="meetings")
common.snapshot(view, {"meetings": table})

rows = picked.selection.rows if picked else []
if rows:
    st.query_params["meeting"] = table.loc[rows[0], "doc_id"]
doc_id = st.query_params.get("meeting")
if doc_id not in set(table["doc_id"]):
    st.info("Select a meeting in the table to read its report and the evidence of its themes.")
    st.stop()

event = view.events.set_index("doc_id").loc[doc_id]
mine = view.analysis.doc_themes[view.analysis.doc_themes["doc_id"] == doc_id]
colors = view.colors

st.header(event["title"] or "(untitled report)", divider="gray")
venue = (
    "virtual" if event["virtual"] else ", ".join(p for p in (event["city"], event["country"]) if p)
)
dates = event["date"].strftime("%d %B %Y") if event["date"] is not None else "date unknown"
st.write(f"{dates} · {venue or 'venue unknown'} · {event['region'] or 'region unknown'} · "
         f"{EVENT_TYPE_LABELS.get(event['event_type'], event['event_type'])}")  # fmt: skip
st.caption(f"Source: {event['source']}")

left, right = st.columns([2, 1])
with right:
    st.markdown("**Themes** (strongest first)")
    for item in mine.itertuples():
        st.markdown(f":material/label: {labels[item.theme]} · score {item.weight:.2f}")
    st.markdown("**People**")
    for person in event["people"] or ["none named"]:
        st.text(person)
    st.markdown("**Organisations**")
    for organisation in event["organisations"] or ["none named"]:
        st.text(organisation)
with left:
    st.markdown("**Report** — evidence sentences are highlighted and tagged with their theme")
    evidence = {row.theme: list(row.evidence) for row in mine.itertuples()}
    for paragraph in event["text"].split("\n"):
        if paragraph.strip():
            st.markdown(common.highlighted(mark_evidence(paragraph, evidence), labels))
