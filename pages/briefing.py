"""Briefing: what rose and fell, where, and which meetings show it, between a chosen period
and the one before it; sentences written from the numbers beside their tables; the whole
as a Word document or Markdown."""

from datetime import datetime
from urllib.parse import urlencode

import streamlit as st

from analytics.extract.kinds import EVENT_TYPES
from analytics.views.briefing import REPORT_COLUMNS, brief, default_periods, periods_for
from analytics.views.briefing_docs import (
    SECTIONS,
    Header,
    briefing_docx,
    briefing_markdown,
    scope_views,
    snapshot_tables,
)
from analytics.views.briefing_text import sentences, summary, years_phrase
from analytics.views.filters import year_range
from analytics.views.markdown import as_text
from pages.shared.downloads import download_document, snapshot
from pages.shared.filters import permalink, require_meetings, view
from pages.shared.kept import kept

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PERIOD = "period"  # the period chooser's key, and its name in the page's link
SCOPE, QUOTES = "scope: ", "quotes: "  # the keys of a scope's expander and quotes, then its name
WIDE = {"Title": st.column_config.TextColumn(width="medium"),
        "Evidence": st.column_config.TextColumn(width="large")}  # fmt: skip

current = view("briefing")
st.title("Briefing")
require_meetings(current)
# Shares are counted over the meetings of every filter but the themes (see View.base).
meetings, labels, analysis = current.base, current.labels, current.analysis
compared = list(current.filters.themes) or current.named
span = year_range(meetings)
if span is None:
    st.info("None of the selected meetings is dated: there are no periods to compare.")
    st.stop()

first, last = span
periods = default_periods(first, last)
if last - first >= 2:  # a choice only when "now" can be more than one span
    now = st.select_slider(
        "Period to brief on", list(range(first + 1, last + 1)), value=periods.now,
        key=PERIOD, bind="query-params", help="Compared with as many years just before it.",
    )  # fmt: skip
    periods = periods_for((int(now[0]), int(now[1])), first)
now_years = years_phrase(periods.now)
if periods.then is None:
    st.info(f"The selection holds only {now_years}: there is nothing before it to compare "
            "with. The most discussed themes are shown.")  # fmt: skip
    title = f"Briefing: {now_years}"
else:
    then_years = years_phrase(periods.then)
    length = periods.now[1] - periods.now[0] + 1
    shorter = periods.then[1] - periods.then[0] + 1 < length
    st.caption(f"Comparing {now_years} (“now”) with {then_years} (“then”), "
               + ("all the selection holds before it." if shorter else
                  f"the {length} year{'s' if length > 1 else ''} just before.")
               + f" Changes based on fewer than {current.few} meetings in either period "
               "are marked “few meetings”.")  # fmt: skip
    title = f"Briefing: {now_years} against {then_years}"
st.caption("In the tables, Then and Now count the meetings that discussed a theme, Then % and "
           "Now % their share of all the meetings of the period.")  # fmt: skip
if current.filters.themes:
    st.caption("Shares are of every selected meeting, whatever its themes; the themes "
               "compared are those chosen in the filter.")  # fmt: skip

briefing = kept(current, "brief", lambda: brief(
    meetings, compared, periods, current.few, analysis.doc_themes,
    analysis.reports_of(meetings, REPORT_COLUMNS), quote=analysis.evidence), periods)  # fmt: skip
written = kept(current, "sentences", lambda: sentences(briefing, labels), periods)
told = kept(current, "summary", lambda: summary(written), periods)
tables = kept(current, "tables", lambda: snapshot_tables(briefing, labels), periods)

st.subheader("Summary")
if not briefing.changes["total_now"].any():
    st.info(f"No selected meeting was held in {now_years}: choose another period.")
st.markdown("\n".join(f"- {as_text(s)}" for s in told["sentence"]))

f = current.filters
shown_filters = {
    "Regions": ", ".join(f.regions), "Years": f"{f.years[0]}–{f.years[1]}" if f.years else "",
    "Themes": ", ".join(labels.get(t, t) for t in f.themes), "Venue countries": ", ".join(f.countries),
    "Meeting types": ", ".join(EVENT_TYPES.get(t, t) for t in f.event_types), "Search": f.search,
}  # fmt: skip
link = permalink(current)
if last - first >= 2:  # the period chosen, as the slider reads it from a link
    link += ("&" if "?" in link else "?") + urlencode([(PERIOD, y) for y in periods.now])
header = Header({k: v for k, v in shown_filters.items() if v}, link, datetime.now(),
                analysis.corpus_fingerprint, analysis.fingerprint)  # fmt: skip
document = (title, header, told, written, tables)
left, right = st.columns(2)
with left:
    download_document(current, "Download Word (.docx)", lambda: briefing_docx(*document), "docx",
                      DOCX, ":material/description:")  # fmt: skip
with right:
    download_document(current, "Download Markdown", lambda: briefing_markdown(*document), "md",
                      "text/markdown", ":material/article:")  # fmt: skip

shown = kept(current, "scopes", lambda: scope_views(tables, written, briefing.scopes), periods)
for i, (scope, line, scope_shown, scope_quotes) in enumerate(shown):
    # The other scopes, and the quotes, are made when opened (a rerun): they were most of
    # the page's elements, sent on every run to every session.
    box = st.container() if i == 0 else st.expander(as_text(scope), key=f"{SCOPE}{scope}",
                                                    on_change="rerun")  # fmt: skip
    with box:
        if i == 0:
            st.header(as_text(scope))
        elif not box.open:
            continue
        st.caption(as_text(line))
        for key, table, mine in scope_shown:
            st.markdown(f"**{SECTIONS[key]}**")
            left, right = st.columns([3, 2]) if mine else (st.container(), None)
            if len(table):
                left.dataframe(table, hide_index=True, width="stretch", column_config=WIDE)
            else:
                left.caption("None.")
            if right is not None:
                right.markdown("\n".join(f"- {as_text(s)}" for s in mine))
            if key == "meetings" and len(table):
                quotes = st.popover("Read the evidence quotes", key=f"{QUOTES}{scope}",
                                    on_change="rerun")  # fmt: skip
                with quotes:
                    for quote, source in scope_quotes if quotes.open else []:
                        st.markdown("> " + as_text(quote))
                        st.caption(as_text(source))

snapshot(current, tables | {"sentences": written}, link)
