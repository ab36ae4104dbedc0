"""Filters and group-bys behind the dashboard, on a hand-made events table."""

import pandas as pd
import pytest

from analytics.aggregate import (
    UNKNOWN_REGION,
    Filters,
    apply_filters,
    country_counts,
    headline,
    mark_evidence,
    meetings_table,
    period_before,
    region_theme_matrix,
    region_trends,
    rising_falling,
    theme_evidence,
    theme_trends,
    top_themes,
)

THEMES = ["tf", "sec", "rev"]
LABELS = {"tf": "Trade facilitation", "sec": "Security", "rev": "Revenue"}


def _event(i, region, date, iso3, country, themes, virtual=False, kind="regional_conference"):
    return {
        "doc_id": f"d{i}",
        "source": f"demo/{i}.txt",
        "title": f"Meeting {i} in {country or 'cyberspace'}",
        "text": f"Report {i}. Delegates discussed {' and '.join(themes) or 'nothing'}.",
        "date": pd.Timestamp(date),
        "year": pd.Timestamp(date).year,
        "region": region,
        "iso3": iso3,
        "country": country,
        "city": "" if virtual else "Capital",
        "virtual": virtual,
        "event_type": kind,
        "themes": themes,
    }


@pytest.fixture
def events():
    rows = [
        _event(1, "Europe", "2015-03-01", "BEL", "Belgium", ["tf", "sec"]),
        _event(2, "Europe", "2016-05-01", "FRA", "France", ["tf"]),
        _event(3, "Asia/Pacific", "2016-07-01", "JPN", "Japan", ["sec", "rev"]),
        _event(
            4, "Asia/Pacific", "2018-01-01", "JPN", "Japan", ["rev"], kind="workshop_or_training"
        ),
        _event(5, "Global", "2018-06-01", "BEL", "Belgium", ["tf", "rev"]),
        _event(6, "Europe", "2020-06-01", "", "", ["sec"], virtual=True, kind="virtual_meeting"),
    ]
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    for column in ("region", "iso3", "country", "city", "title", "text", "event_type"):
        frame[column] = frame[column].astype("string")
    return frame


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


def test_region_theme_matrix_counts_and_shares(events):
    matrix = region_theme_matrix(events, THEMES).set_index(["region", "theme"])
    assert matrix.loc[("Europe", "sec"), "meetings"] == 2
    assert matrix.loc[("Europe", "sec"), "total"] == 3
    assert matrix.loc[("Europe", "sec"), "share"] == pytest.approx(2 / 3, abs=1e-4)
    assert matrix.loc[("Europe", "rev"), "meetings"] == 0  # zero cells are kept
    assert bool(matrix.loc[("Global", "tf"), "few"])  # one meeting < 3
    assert len(matrix) == 3 * len(THEMES)


def test_theme_trends_by_year_and_by_quarter(events):
    yearly = theme_trends(events, THEMES).set_index(["period", "theme"])
    assert yearly.loc[("2016", "tf"), "meetings"] == 1
    assert yearly.loc[("2016", "tf"), "total"] == 2
    quarterly = theme_trends(events, THEMES, by_quarter=True)
    assert {"2015Q1", "2016Q2", "2016Q3", "2018Q1", "2018Q2", "2020Q2"} == set(quarterly["period"])


def test_rising_and_falling_between_two_periods(events):
    changes = rising_falling(events, THEMES, split_year=2018).set_index("theme")
    # before 2018: d1 d2 d3 (tf 2/3, rev 1/3); from 2018: d4 d5 d6 (tf 1/3, rev 2/3)
    assert changes.loc["rev", "change"] == pytest.approx(33.3, abs=0.1)
    assert changes.loc["tf", "change"] == pytest.approx(-33.3, abs=0.1)
    assert changes.index[0] == "rev"
    assert not changes["few"].any()


def test_country_counts_leave_out_virtual_meetings(events):
    table = country_counts(events, "rev").set_index("iso3")
    assert set(table.index) == {"BEL", "FRA", "JPN"}
    assert table.loc["BEL", "meetings"] == 2
    assert table.loc["JPN", "with_theme"] == 2
    assert table.loc["BEL", "share"] == 0.5


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
    twice = pd.concat([events, events.iloc[[0]].assign(doc_id="d1-copy")], ignore_index=True)
    figures = headline(twice)
    assert figures["reports"] == 7
    assert figures["meetings"] == 6


def test_meetings_table_shows_labels_and_venue_newest_first(events):
    table = meetings_table(events, LABELS)
    assert table["doc_id"].tolist()[0] == "d6"
    assert table.loc[0, "venue"] == "Virtual"
    assert table.set_index("doc_id").loc["d1", "themes"] == "Trade facilitation; Security"


def test_theme_evidence_keeps_the_selection_strongest_first(events):
    doc_themes = pd.DataFrame(
        {
            "doc_id": ["d1", "d3", "d5"],
            "theme": ["sec", "sec", "tf"],
            "weight": [0.4, 0.9, 0.7],
            "evidence": [["Border security."], ["Terrorism.", "Weapons."], ["TFA."]],
        }
    )
    table = theme_evidence(doc_themes, events, "sec")
    assert table["doc_id"].tolist() == ["d3", "d1"]
    assert table.loc[0, "evidence"] == "Terrorism. … Weapons."
    only_europe = theme_evidence(doc_themes, events[events["region"] == "Europe"], "sec")
    assert only_europe["doc_id"].tolist() == ["d1"]


def test_mark_evidence_cuts_text_into_tagged_segments():
    text = "Opening. The TFA was discussed. Security too. End."
    segments = mark_evidence(text, {"tf": ["The TFA was discussed."], "sec": ["Security too."]})
    assert "".join(s for s, _ in segments) == text
    assert [t for _, t in segments] == [None, "tf", None, "sec", None]
    assert mark_evidence(text, {"tf": ["not in the text"]}) == [(text, None)]


def test_top_themes_are_the_most_discussed(events):
    assert top_themes(events, THEMES, n=2) == ["tf", "sec"]  # 3 each; ties keep theme order
    assert top_themes(events[events["doc_id"] == "d4"], THEMES) == ["rev"]


def test_unknown_region_is_named_and_years_group_into_spans(events):
    events.loc[events["doc_id"] == "d6", "region"] = ""
    matrix = region_theme_matrix(events, THEMES)
    assert UNKNOWN_REGION in set(matrix["region"])
    spans = region_trends(events, THEMES, span=3)
    assert set(spans["year"]) == {2015, 2018}  # 2015-2017 and 2018-2020
    europe = spans[(spans["region"] == "Europe") & (spans["theme"] == "tf")]
    assert europe.set_index("year").loc[2015, "total"] == 2
