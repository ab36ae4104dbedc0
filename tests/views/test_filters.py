"""Filters and the periods they compare, on a hand-made events table."""

import pandas as pd
import pytest

from analytics.views.filters import Filters, apply_filters, period_before


def test_no_filter_keeps_everything(events):
    assert len(apply_filters(events, Filters())) == len(events)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(regions=("Europe",)), {"d1", "d2", "d6"}),
        (Filters(years=(2016, 2018)), {"d2", "d3", "d4", "d5"}),
        (Filters(themes=("rev",)), {"d3", "d4", "d5"}),
        (Filters(themes=("rev", "tf")), {"d1", "d2", "d3", "d4", "d5"}),
        (Filters(countries=("Japan",)), {"d3", "d4"}),
        (Filters(event_types=("virtual_meeting",)), {"d6"}),
        (Filters(search="FRANCE"), {"d2"}),
        (Filters(regions=("Europe",), themes=("sec",), years=(2015, 2019)), {"d1"}),
        (Filters(regions=("Atlantis",)), set()),
    ],
)
def test_filters_select_the_matching_meetings(events, filters, expected):
    assert set(apply_filters(events, filters)["doc_id"]) == expected


def test_search_text_is_literal_not_a_regex(events):
    assert apply_filters(events, Filters(search="(")).empty


def test_period_before_is_the_equally_long_span_just_before():
    assert period_before(Filters(years=(2018, 2020)), (2009, 2025)).years == (2015, 2017)
    assert period_before(Filters(years=(2010, 2012)), (2009, 2025)).years == (2009, 2009)
    assert period_before(Filters(), (2009, 2025)) is None


def test_search_reads_the_report_texts_kept_apart_from_the_events(events):
    texts = events.set_index("doc_id")["text"].copy()
    texts["d4"] = "Delegates discussed the Harmonized System and its review."
    found = apply_filters(events.drop(columns="text"), Filters(search="harmonized"), texts)
    assert list(found["doc_id"]) == ["d4"]
    assert apply_filters(events.drop(columns="text"), Filters(search="harmonized")).empty


def test_a_meeting_is_found_by_any_of_its_reports_title_or_text(events):
    meetings = events.drop(columns="text").iloc[:3].copy()
    meetings["doc_ids"] = [["d1", "d1-fr"], ["d2"], ["d3", "d3-host"]]
    meetings["titles"] = [["Meeting 1 in Belgium", "Réunion à Bruxelles"], ["Meeting 2"],
                          ["Meeting 3 in Japan", "Japan Customs welcomes the region"]]  # fmt: skip
    texts = pd.Series(
        {"d1": "Talks on revenue.", "d1-fr": "Les délégués ont parlé du Harmonized System.",
         "d2": "Talks on the Harmonized System.", "d3": "Talks.", "d3-host": "Talks."}
    )  # fmt: skip
    found = apply_filters(meetings, Filters(search="harmonized system"), texts)
    assert list(found["doc_id"]) == ["d1", "d2"]  # d1 by its French copy's text
    assert list(apply_filters(meetings, Filters(search="welcomes"), texts)["doc_id"]) == ["d3"]
    assert apply_filters(meetings, Filters(search="délégués"))["doc_id"].tolist() == []
