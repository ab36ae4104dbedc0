"""The analysis's fast paths give what the plain ones give, on the bundled corpus."""

from dataclasses import replace

import pandas as pd
import pandas.testing as pdt

from analytics.views.briefing import REPORT_COLUMNS
from analytics.views.tables import EVIDENCE_COLUMNS


def _plain_reports_of(events: pd.DataFrame, meetings: pd.DataFrame) -> pd.DataFrame:
    """The reports of these meetings, one report at a time."""
    wanted = set(meetings["meeting_id"].tolist())
    return events[[m in wanted for m in events["meeting_id"].tolist()]]


def test_the_reports_of_meetings_are_those_a_plain_comparison_finds(bundled):
    # Meetings of one to three reports, not in the events' order.
    events = bundled.analysis.events
    ids = [f"m-{(i * 7) % 23 if i % 3 else i}" for i in range(len(events))]
    analysis = replace(bundled.analysis, events=events.assign(meeting_id=ids))
    meetings = pd.DataFrame({"meeting_id": list(dict.fromkeys(ids))})
    region = events["region"].dropna().iloc[0]
    in_region = meetings[meetings["meeting_id"].isin(
        analysis.events.loc[events["region"] == region, "meeting_id"])]  # fmt: skip
    selections = [meetings, meetings.iloc[::2], meetings.iloc[::-3], in_region, meetings.iloc[:0]]
    for selected in selections:
        expected = _plain_reports_of(analysis.events, selected)
        pdt.assert_frame_equal(analysis.reports_of(selected), expected)
        for columns in (EVIDENCE_COLUMNS, REPORT_COLUMNS):
            kept = [c for c in columns if c in analysis.events]
            pdt.assert_frame_equal(analysis.reports_of(selected, columns), expected[kept])


def test_a_meeting_the_analysis_does_not_hold_selects_no_report(bundled):
    analysis = bundled.analysis
    unknown = pd.DataFrame({"meeting_id": ["m-no-such-report"]})
    assert analysis.reports_of(unknown).empty
    one = analysis.meetings.iloc[[0]]
    both = pd.concat([unknown, one[["meeting_id"]]], ignore_index=True)
    pdt.assert_frame_equal(analysis.reports_of(both), _plain_reports_of(analysis.events, one))
