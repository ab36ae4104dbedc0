"""The briefing's numbers and sentences, on hand-made meetings with a known rise and fall.

Asia/Pacific: e-commerce in 1 of 4 meetings in 2021–2022, 3 of 4 in 2023–2024. Europe:
revenue in 3 of 4, then 1 of 4; security for the first time in 2023–2024 (2 of 4).
"""

import pandas as pd
import pytest

from analytics.views.briefing import (
    ALL,
    Periods,
    brief,
    default_periods,
    percent,
    periods_for,
    scopes_of,
    theme_changes,
)
from analytics.views.briefing_text import sentences, summary, theme_phrase, years_phrase

THEMES = ["tf", "ecom", "sec", "rev"]
LABELS = {"tf": "Trade facilitation (TFA)", "ecom": "E-commerce",
          "sec": "Security & counter-terrorism", "rev": "Revenue"}  # fmt: skip
PLAN = [  # meeting, region, date, city, country, themes
    ("a1", "Asia/Pacific", "2021-03-01", "Tokyo", "Japan", ["tf", "ecom"]),
    ("a2", "Asia/Pacific", "2021-09-01", "Tokyo", "Japan", ["tf"]),
    ("a3", "Asia/Pacific", "2022-03-01", "Bangkok", "Thailand", ["tf"]),
    ("a4", "Asia/Pacific", "2022-09-01", "Bangkok", "Thailand", ["tf"]),
    ("a5", "Asia/Pacific", "2023-03-01", "Tokyo", "Japan", ["tf", "ecom"]),
    ("a6", "Asia/Pacific", "2023-09-01", "Tokyo", "Japan", ["tf", "ecom"]),
    ("a7", "Asia/Pacific", "2024-03-01", "Bangkok", "Thailand", ["tf", "ecom"]),
    ("a8", "Asia/Pacific", "2024-09-01", "", "", ["tf"]),  # online
    ("e1", "Europe", "2021-04-01", "Brussels", "Belgium", ["tf", "rev"]),
    ("e2", "Europe", "2021-10-01", "Brussels", "Belgium", ["rev"]),
    ("e3", "Europe", "2022-04-01", "Paris", "France", ["rev", "tf"]),
    ("e4", "Europe", "2022-10-01", "Paris", "France", ["tf"]),
    ("e5", "Europe", "2023-04-01", "Brussels", "Belgium", ["rev", "sec"]),
    ("e6", "Europe", "2023-10-01", "Brussels", "Belgium", ["tf"]),
    ("e7", "Europe", "2024-04-01", "Paris", "France", ["tf", "sec"]),
    ("e8", "Europe", "2024-10-01", "Brussels", "Belgium", ["tf"]),
]


@pytest.fixture
def meetings():
    rows = [
        {"meeting_id": f"m-{m}", "doc_id": f"{m}a", "doc_ids": [f"{m}a", f"{m}b"],
         "date": pd.Timestamp(day), "year": pd.Timestamp(day).year, "title": f"Meeting {m}",
         "city": city, "country": country, "region": region, "virtual": not country,
         "themes": themes}
        for m, region, day, city, country, themes in PLAN
    ]  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    return frame


@pytest.fixture
def reports(meetings):
    doc_ids = [d for ids in meetings["doc_ids"] for d in ids]
    return pd.DataFrame({"doc_id": doc_ids, "source": [f"demo/{d}.txt" for d in doc_ids]})


@pytest.fixture
def doc_themes(meetings):
    """Each meeting's themes on both its reports, the second one's scores higher."""
    rows = [
        {"doc_id": doc_id, "theme": theme, "weight": 0.3 + 0.5 * i}
        for ids, themes in zip(meetings["doc_ids"], meetings["themes"], strict=True)
        for i, doc_id in enumerate(ids)
        for theme in themes
    ]
    return pd.DataFrame(rows)


def _quote(rows: pd.DataFrame) -> list[list[str]]:
    """Evidence as Analysis.evidence gives it: sentences for each (doc_id, theme)."""
    return [
        [f"{doc_id} on {theme}.", "another"]
        for doc_id, theme in zip(rows["doc_id"], rows["theme"], strict=True)
    ]


HALVES = Periods((2023, 2024), (2021, 2022))


def _briefing(meetings, doc_themes, reports, periods=HALVES, few=3):
    return brief(meetings, THEMES, periods, few, doc_themes, reports, quote=_quote)


def test_periods_are_the_later_half_against_the_half_before():
    assert default_periods(2021, 2024) == Periods((2023, 2024), (2021, 2022))
    assert default_periods(2009, 2025) == Periods((2018, 2025), (2010, 2017))
    assert default_periods(2024, 2024) == Periods((2024, 2024), None)
    assert periods_for((2024, 2024), 2021) == Periods((2024, 2024), (2023, 2023))
    assert periods_for((2022, 2024), 2021) == Periods((2022, 2024), (2021, 2021))  # clipped
    assert periods_for((2021, 2024), 2021) == Periods((2021, 2024), None)


def test_percent_rounds_halves_up():
    assert [percent(1, 8), percent(3, 8), percent(7, 12), percent(2, 14), percent(0, 0)] == [
        13, 38, 58, 14, 0]  # fmt: skip


def test_scopes_are_the_selection_then_its_regions(meetings):
    assert scopes_of(meetings)[0] == ALL
    assert set(scopes_of(meetings)[1:]) == {"Asia/Pacific", "Europe"}
    assert scopes_of(meetings[meetings["region"] == "Europe"]) == ["Europe"]


def test_changes_count_meetings_and_shares_then_and_now(meetings):
    changes = theme_changes(meetings, THEMES, default_periods(2021, 2024))
    row = changes.set_index(["scope", "theme"]).loc[("Asia/Pacific", "ecom")]
    assert (row.meetings_then, row.total_then, row.meetings_now, row.total_now) == (1, 4, 3, 4)
    assert (row.share_then, row.share_now, row.change) == (0.25, 0.75, 50.0)
    assert not row.first_time and not row.few
    europe = changes[changes["scope"] == "Europe"].set_index("theme")
    assert europe.loc["rev", "change"] == -50.0
    assert europe["first_time"].tolist() == [False, False, True, False]  # security only
    assert europe.loc["sec", "total_earlier"] == 4
    few = theme_changes(meetings, THEMES, default_periods(2021, 2024), few=5)
    assert few.groupby("scope")["few"].all().to_dict() == {
        ALL: False, "Asia/Pacific": True, "Europe": True}  # fmt: skip


def test_rises_falls_first_times_and_most_discussed(meetings, doc_themes, reports):
    b = _briefing(meetings, doc_themes, reports)
    whole = b.moves[b.moves["scope"] == ALL]
    # e-commerce and security both rise 25 points: more meetings now first
    assert whole[["theme", "direction"]].values.tolist() == [
        ["ecom", "rose"], ["sec", "rose"], ["rev", "fell"]]  # fmt: skip
    assert b.first[["scope", "theme"]].values.tolist() == [[ALL, "sec"], ["Europe", "sec"]]
    asia = b.top[b.top["scope"] == "Asia/Pacific"]
    assert asia["theme"].tolist() == ["tf", "ecom"]


def test_the_meetings_behind_a_change_are_the_latest_with_their_strongest_report(
    meetings, doc_themes, reports
):
    carriers = _briefing(meetings, doc_themes, reports).carriers
    asia = carriers[(carriers["scope"] == "Asia/Pacific") & (carriers["theme"] == "ecom")]
    assert asia["meeting_id"].tolist() == ["m-a7", "m-a6", "m-a5"]
    assert asia["doc_id"].tolist() == ["a7a", "a6a", "a5a"]  # the lead
    assert asia["quoted"].tolist() == ["a7b", "a6b", "a5b"]  # the report that weighs most
    assert asia["quote"].iloc[0] == "a7b on ecom."  # one sentence per meeting
    assert asia["source"].iloc[0] == "demo/a7b.txt"
    assert asia["venue"].tolist() == ["Bangkok, Thailand", "Tokyo, Japan", "Tokyo, Japan"]
    falls = carriers[(carriers["scope"] == "Europe") & (carriers["theme"] == "rev")]
    assert falls["meeting_id"].tolist() == ["m-e5"]  # the one meeting of now that still has it


def test_busiest_venues_leave_out_online_meetings(meetings, doc_themes, reports):
    venues = _briefing(meetings, doc_themes, reports).venues
    asia = venues[venues["scope"] == "Asia/Pacific"]
    assert asia[["city", "country", "meetings"]].values.tolist() == [
        ["Tokyo", "Japan", 2], ["Bangkok", "Thailand", 1]]  # fmt: skip


def test_the_sentences_say_the_rise_and_the_fall(meetings, doc_themes, reports):
    written = sentences(_briefing(meetings, doc_themes, reports), LABELS)
    said = written.set_index(["scope", "kind", "theme"])["sentence"]
    assert said[("Asia/Pacific", "rose", "ecom")] == (
        "In Asia/Pacific, e-commerce came up in 3 of 4 meetings in 2023–2024 (75 %), up from "
        "1 of 4 (25 %) in 2021–2022."
    )
    assert said[("Europe", "fell", "rev")] == (
        "In Europe, revenue came up in 1 of 4 meetings in 2023–2024 (25 %), down from 3 of 4 "
        "(75 %) in 2021–2022."
    )
    assert said[(ALL, "rose", "ecom")] == (
        "Across the selected meetings, e-commerce came up in 3 of 8 meetings in 2023–2024 "
        "(38 %), up from 1 of 8 (13 %) in 2021–2022."
    )
    assert said[("Europe", "first", "sec")] == (
        "In Europe, security & counter-terrorism came up for the first time in 2023–2024, in "
        "2 of 4 meetings (50 %); none of the 4 earlier meetings had discussed it."
    )
    assert said[("Asia/Pacific", "top", "tf")] == (
        "In Asia/Pacific, the most discussed themes in 2023–2024 were trade facilitation (TFA), "
        "in 4 of 4 meetings (100 %) and e-commerce, in 3 (75 %)."
    )


def test_a_single_year_and_few_meetings_are_said_so(meetings, doc_themes, reports):
    b = _briefing(meetings, doc_themes, reports, periods_for((2024, 2024), 2021))
    said = sentences(b, LABELS).set_index(["scope", "kind", "theme"])["sentence"]
    assert said[("Asia/Pacific", "fell", "ecom")] == (
        "In Asia/Pacific, e-commerce came up in 1 of 2 meetings in 2024 (50 %), down from "
        "2 of 2 (100 %) in 2023 (few meetings)."
    )
    assert said[("Europe", "fell", "rev")] == (
        "In Europe, revenue came up in none of the 2 meetings in 2024 (0 %), down from 1 of 2 "
        "(50 %) in 2023 (few meetings)."
    )


def test_nothing_before_leaves_only_the_most_discussed(meetings, doc_themes, reports):
    b = _briefing(meetings, doc_themes, reports, default_periods(2024, 2024))
    assert b.moves.empty and b.first.empty and b.carriers.empty
    written = sentences(b, LABELS)
    assert set(written["kind"]) == {"top"}
    assert (
        written["sentence"]
        .iloc[0]
        .startswith(
            "Across the selected meetings, the most discussed themes in 2024 were trade "
            "facilitation (TFA), in 4 of 4 meetings (100 %);"
        )
    )


def test_the_summary_takes_each_scopes_largest_rise_and_fall(meetings, doc_themes, reports):
    written = sentences(_briefing(meetings, doc_themes, reports), LABELS)
    picked = summary(written)
    told = {
        ALL: [["top", "tf"], ["rose", "ecom"], ["fell", "rev"], ["first", "sec"]],
        "Asia/Pacific": [["rose", "ecom"]],  # no fall: trade facilitation stays at 4 of 4
        "Europe": [["rose", "sec"], ["fell", "rev"]],  # its first times: in its section
    }
    expected = [[scope, *pick] for scope in scopes_of(meetings) for pick in told[scope]]
    assert picked[["scope", "kind", "theme"]].values.tolist() == expected
    assert set(picked["sentence"]) <= set(written["sentence"])


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("E-commerce", "e-commerce"),
        ("Trade facilitation (TFA)", "trade facilitation (TFA)"),
        ("Security & counter-terrorism", "security & counter-terrorism"),
        ("AEO programme", "AEO programme"),
        ("Mercator Programme", "Mercator Programme"),
        ("blockchain / cargo", "blockchain / cargo"),
    ],
)
def test_theme_labels_are_lower_cased_unless_acronyms_or_names(label, phrase):
    assert theme_phrase(label) == phrase


def test_years_are_a_range_with_an_en_dash_or_one_year():
    assert years_phrase((2021, 2022)) == "2021–2022" and years_phrase((2024, 2024)) == "2024"
