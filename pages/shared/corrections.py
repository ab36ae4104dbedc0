"""An opened meeting's corrections: the editors' form, and the corrections in effect with
their undo buttons."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.corrections import choices, meeting_changes, undo
from analytics.extract.kinds import EVENT_TYPES
from analytics.views.markdown import as_text
from pages.shared import state
from pages.shared.filters import View, refresh

__all__ = ["correction_form", "corrections_in_effect"]

_NAMES = {"date": "First day", "end_date": "Last day", "city": "City", "country": "Country",
          "virtual": "Online", "region": "Region", "event_type": "Type", "theme": "Theme"}  # fmt: skip


def corrections_in_effect(current: View, mine: pd.DataFrame, editable: bool) -> None:
    """The corrections in effect on the opened meeting: what, by whom, when and why (one
    line for a change made on several of its reports at once), each with an "Undo"."""
    if mine.empty:
        return
    made = mine.assign(_old=mine["old"].where(mine["field"] == "theme", ""))
    changes = list(made.groupby(["field", "_old", "new", "who", "when", "reason"], sort=False))
    st.markdown(f"**Corrected by an editor** ({len(changes)} correction{'s' * (len(changes) > 1)})")
    for (field, _, new_value, who, when, reason), lines in changes:
        left, right = st.columns([5, 1], vertical_alignment="center")
        old = _shown(current, field, lines["old"].iloc[0])
        new = _shown(current, field, new_value)
        what = (f"added theme {new}" if field == "theme" and new_value else
                f"removed theme {old}" if field == "theme" else
                f"{_NAMES[field]}: {old or '(none)'} → {new or '(none)'}")  # fmt: skip
        on = f" · on {len(lines)} reports" if len(lines) > 1 else ""
        why = f" · {reason}" if reason else ""
        left.caption(as_text(f"{what} · {who} · {when[:10]}{why}{on}"))
        key = f"undo_{lines['id'].iloc[0]}"
        if editable and right.button("Undo", key=key, icon=":material/undo:"):
            undone = [
                undo(d, i, state.editor())
                for d, i in zip(lines["doc_id"], lines["id"], strict=True)
            ]
            state.correct(current.settings, undone)
            st.session_state["_correction_note"] = f"Undone: {what}"
            refresh(current)
            st.rerun()


def _shown(current: View, field: str, value: str) -> str:
    if field == "theme":
        return current.labels.get(value, value)
    if field == "event_type":
        return EVENT_TYPES.get(value, value)
    return value


def correction_form(current: View, event: pd.Series, reports: pd.DataFrame) -> None:
    """The editor's form: the meeting's date, venue, region, type and themes as the
    dashboard has them, to change (on every one of its ``reports``), with a reason."""
    note = st.session_state.pop("_correction_note", None)
    if note:
        st.success(as_text(note))
    countries, regions = choices(current.settings.regions_file)
    country, region = event["country"] or "", event["region"] or ""
    countries = ["", *sorted({*countries, country} - {""})]
    regions = ["", *sorted({*regions, region} - {""})]
    themes = list(current.labels)
    with st.expander("Correct this meeting", icon=":material/edit:"), st.form("correct"):
        left, right = st.columns(2)
        first = left.date_input("First day", _day(event["date"]), format="YYYY-MM-DD")
        last = right.date_input("Last day (if several)", _day(event["end_date"]),
                                format="YYYY-MM-DD")  # fmt: skip
        city = left.text_input("City", event["city"] or "")
        country = right.selectbox("Country", countries, index=countries.index(country))
        virtual = st.checkbox("Held online", bool(event["virtual"]))
        region = left.selectbox("Region", regions, index=regions.index(region))
        kinds = list(EVENT_TYPES)
        kind = right.selectbox("Type", kinds, index=kinds.index(event["event_type"]),
                               format_func=EVENT_TYPES.get)  # fmt: skip
        chosen = st.multiselect("Themes", themes, default=[t for t in event["themes"] if t in themes],
                                format_func=current.labels.get)  # fmt: skip
        reason = st.text_input("Why (optional)", placeholder="e.g. the agenda gives 4 June")
        if not st.form_submit_button("Save corrections", type="primary"):
            return
    if first and last and last < first:
        st.error("The last day is before the first: nothing was saved.")
        return
    edited = {"date": first, "end_date": last, "city": city, "country": country,
              "virtual": virtual, "region": region, "event_type": kind, "themes": chosen}  # fmt: skip
    found = meeting_changes(event, reports, edited, state.editor(), reason)
    if not found:
        st.info("Nothing was changed.")
        return
    state.correct(current.settings, found)
    st.session_state["_correction_note"] = (
        f"Saved {len(found)} correction{'s' * (len(found) > 1)}: every chart and table counts "
        "them from now on."
    )
    refresh(current)
    st.rerun()


def _day(value: object):
    return value.date() if pd.notna(value) else None
