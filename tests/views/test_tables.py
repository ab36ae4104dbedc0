"""The tables pages show, on a hand-made events table."""

import pandas as pd

from analytics.views.tables import (
    agreement_by_set,
    mark_evidence,
    meetings_table,
    provenance_table,
    theme_evidence,
)
from tests.views.conftest import LABELS


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


def test_theme_evidence_of_a_theme_no_report_has_is_an_empty_table(events):
    doc_themes = pd.DataFrame(
        {"doc_id": ["d1"], "theme": ["tf"], "weight": [0.4], "evidence": [["TFA."]]}
    )
    table = theme_evidence(doc_themes, events, "sec")
    assert table.empty and "evidence" in table and "weight" in table


def test_mark_evidence_cuts_text_into_tagged_segments():
    text = "Opening. The TFA was discussed. Security too. End."
    segments = mark_evidence(text, {"tf": ["The TFA was discussed."], "sec": ["Security too."]})
    assert "".join(s for s, _ in segments) == text
    assert [t for _, t in segments] == [None, "tf", None, "sec", None]
    assert mark_evidence(text, {"tf": ["not in the text"]}) == [(text, None)]


def test_provenance_table_names_each_field_its_value_and_source():
    event = pd.Series(
        {
            "date": pd.Timestamp("2017-05-15"),
            "end_date": pd.Timestamp("2017-05-16"),
            "published": pd.NaT,
            "city": "Havana",
            "country": "Cuba",
            "region": "Americas and Caribbean",
            "virtual": False,
            "provenance": '{"date": "held in Havana on 15 and 16 May", "venue": "held in Havana",'
            ' "region": "the region of the venue country (Cuba)", "virtual": "no sign",'
            ' "published": "no publication date found"}',
        }
    )
    table = provenance_table(event).set_index("field")
    assert table.loc["Meeting date", "value"] == "15 May 2017 to 16 May 2017"
    assert table.loc["Venue", "value"] == "Havana, Cuba"
    assert table.loc["Venue", "source"] == "held in Havana"
    assert table.loc["Publication date", "value"] == "unknown"


def test_agreement_by_set_has_a_row_per_theme_and_a_column_per_set_in_their_order():
    nan = float("nan")
    long = pd.DataFrame({
        "split": ["tuning", "tuning", "others2", "others2"],
        "theme": ["Revenue", "E-commerce", "Revenue", "E-commerce"],
        "precision": [0.5, 1.0, nan, 0.25],
        "recall": [1.0, 0.8, nan, 0.333],
    })  # fmt: skip
    wide = agreement_by_set(long)
    assert list(wide.columns) == ["theme", "tuning", "others2"]
    assert wide.to_dict("records") == [
        {"theme": "Revenue", "tuning": "0.50 / 1.00", "others2": "– / –"},
        {"theme": "E-commerce", "tuning": "1.00 / 0.80", "others2": "0.25 / 0.33"},
    ]
