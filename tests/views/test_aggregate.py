"""Group-bys behind the dashboard's charts, on a hand-made events table."""

import pytest

from analytics.views.aggregate import (
    UNKNOWN_REGION,
    country_counts,
    region_theme_matrix,
    region_trends,
    rising_falling,
    theme_trends,
    top_themes,
)
from tests.views.conftest import THEMES


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
