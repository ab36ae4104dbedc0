"""Headline figures of a selection and their change."""

import pytest

from analytics.views.filters import Filters, apply_filters
from analytics.views.headline import headline, overview_headline


def test_headline_figures_and_change(events):
    now = apply_filters(events, Filters(years=(2018, 2020)))
    before = apply_filters(events, Filters(years=(2015, 2017)))
    figures = headline(now, before)
    assert figures["meetings"] == 3
    assert figures["regions"] == 3
    assert (figures["first_year"], figures["last_year"]) == (2018, 2020)
    assert figures["top_theme"] == "rev"
    assert figures["meetings_change"] == 0
    assert figures["top_theme_share_change"] == pytest.approx(2 / 3 - 1 / 3, abs=1e-3)


def test_two_reports_of_one_meeting_count_once_as_a_meeting(events):
    meetings = events.assign(n_reports=[2, 1, 1, 1, 1, 1])  # d1 was reported twice
    figures = headline(meetings)
    assert figures["reports"] == 7
    assert figures["meetings"] == 6
    assert headline(events)["reports"] == 6  # reports not grouped: one each


def test_overview_compares_with_the_period_before(events):
    figures = overview_headline(events, Filters(years=(2018, 2020)))
    assert figures["previous_years"] == (2015, 2017)
    assert figures["meetings"] == 3 and figures["meetings_change"] == 0


def test_overview_top_theme_share_ignores_the_theme_filter(events):
    chosen = overview_headline(events, Filters(themes=("rev",)))
    everything = overview_headline(events, Filters())
    assert chosen["meetings"] == 3  # the meetings that discussed revenue
    assert chosen["top_theme_share"] == everything["top_theme_share"] < 1.0
