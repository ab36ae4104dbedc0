"""Corrections that last: the log, what holds, and how it is applied to an analysis."""

from __future__ import annotations

import datetime as dt
import threading

import pandas as pd
import pytest

from analytics import pipeline
from analytics.analysis import agreement_with_corrections
from analytics.corrections import (
    LOG_COLUMNS,
    Correction,
    append_corrections,
    apply_corrections,
    changes,
    country_codes,
    orphans,
    read_corrections,
    undo,
)
from analytics.pipeline import analyse

THEMES = pd.DataFrame(
    {"theme": ["ecommerce", "revenue", "security"], "label": ["E-commerce", "Revenue",
     "Security"], "kind": ["named", "named", "named"]}
)  # fmt: skip


def _events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "date": pd.to_datetime(["2019-06-27", "2015-03-03"]).astype("datetime64[s]"),
            "end_date": pd.to_datetime(["2019-06-29", None]).astype("datetime64[s]"),
            "year": pd.array([2019, 2015], dtype="Int64"),
            "city": ["Brussels", "Nairobi"],
            "country": ["Belgium", "Kenya"],
            "iso3": ["BEL", "KEN"],
            "region": ["Global", "East and Southern Africa"],
            "virtual": [False, False],
            "event_type": ["governing_council", "regional_conference"],
            "themes": [["revenue"], ["security", "revenue"]],
        }
    )


def _doc_themes() -> pd.DataFrame:
    return pd.DataFrame(
        {"doc_id": ["a", "b", "b"], "theme": ["revenue", "security", "revenue"],
         "label": ["Revenue", "Security", "Revenue"], "kind": ["named"] * 3,
         "weight": [0.5, 0.7, 0.4], "rank": [1, 1, 2]}
    )  # fmt: skip


def test_changes_are_the_fields_an_editor_changed():
    event = _events().iloc[0].to_dict()
    edited = {**event, "date": dt.date(2019, 6, 26), "country": "Kenya",
              "themes": ["ecommerce"]}  # fmt: skip
    found = changes(event, edited, "ana@example.org", "the agenda says so")
    assert [(c.field, c.old, c.new) for c in found] == [
        ("date", "2019-06-27", "2019-06-26"),
        ("country", "Belgium", "Kenya"),
        ("theme", "", "ecommerce"),
        ("theme", "revenue", ""),
    ]
    assert {(c.doc_id, c.who, c.reason) for c in found} == {
        ("a", "ana@example.org", "the agenda says so")
    }
    assert changes(event, dict(event), "ana@example.org") == []


def test_the_log_keeps_who_when_what_and_why(tmp_path):
    log = tmp_path / "corrections.csv"
    ids = append_corrections(log, [Correction("a", "region", "Global", "Europe", "why", "ana")])
    append_corrections(log, [undo("a", ids[0], "ben")])
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(LOG_COLUMNS)
    read = read_corrections(log)
    assert read.problems == ()
    first = read.log.iloc[0]
    assert (first["id"], first["field"], first["old"], first["new"], first["who"]) == (
        ids[0], "region", "Global", "Europe", "ana"
    )  # fmt: skip
    assert dt.datetime.fromisoformat(first["when"]).tzinfo is not None
    assert read.in_effect.empty  # undone
    assert read_corrections(tmp_path / "none.csv").log.empty


def test_the_latest_correction_of_a_field_holds_and_each_theme_on_its_own(tmp_path):
    log = tmp_path / "corrections.csv"
    append_corrections(log, [
        Correction("a", "region", "Global", "Europe"),
        Correction("a", "theme", "", "ecommerce"),
        Correction("a", "theme", "", "security"),
        Correction("a", "region", "Europe", "Asia/Pacific"),
        Correction("a", "theme", "ecommerce", ""),
    ])  # fmt: skip
    effect = read_corrections(log).in_effect
    assert [(r.field, r.old, r.new) for r in effect.itertuples()] == [
        ("theme", "", "security"),
        ("region", "Europe", "Asia/Pacific"),
        ("theme", "ecommerce", ""),
    ]


def test_lines_that_cannot_be_used_are_named_and_the_others_kept(tmp_path):
    log = tmp_path / "corrections.csv"
    append_corrections(log, [Correction("a", "region", "Global", "Europe")])
    with open(log, "a", encoding="utf-8") as f:
        f.write("x1,a,colour,red,blue,,,\n")
        f.write("x2,a,date,,27/06/2019,,,\n")
        f.write("x3,a,event_type,,party,,,\n")
        f.write("x4,a,theme,,,,,\n")
        f.write("x5,a,region,Glo")  # a write cut short
    read = read_corrections(log)
    assert len(read.log) == 1
    assert [p.split(":")[0] for p in read.problems] == [
        f"corrections.csv line {n}" for n in (3, 4, 5, 6, 7)
    ]
    assert "unknown field 'colour'" in read.problems[0]
    assert "YYYY-MM-DD" in read.problems[1]
    # The next write starts a line of its own: only the cut line is lost.
    append_corrections(log, [Correction("b", "region", "", "Europe")])
    assert len(read_corrections(log).log) == 2


@pytest.mark.parametrize(
    ("content", "why"),
    [(b"\xff\xfe garbage", "not a UTF-8 text file"), (b"a,b,c\n", "the first line must be")],
)
def test_a_foreign_log_is_reported_and_nothing_applied(tmp_path, content, why):
    log = tmp_path / "corrections.csv"
    log.write_bytes(content)
    read = read_corrections(log)
    assert read.log.empty and why in read.problems[0] and "corrections.csv" in read.problems[0]


def test_editors_appending_at_once_lose_nothing(tmp_path):
    log = tmp_path / "corrections.csv"

    def write(n: int) -> None:
        for i in range(25):
            append_corrections(log, [Correction(f"d{n}-{i}", "region", "", "Europe", "x" * 500)])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    read = read_corrections(log)
    assert read.problems == () and len(read.log) == 200
    assert read.log["id"].is_unique and read.log["doc_id"].nunique() == 200


def test_applying_corrections_changes_the_fields_and_marks_them(tmp_path):
    log = tmp_path / "corrections.csv"
    append_corrections(log, [
        Correction("a", "date", "2019-06-27", "2020-01-15"),
        Correction("a", "country", "Belgium", "Kenya"),
        Correction("a", "virtual", "no", "yes"),
        Correction("b", "event_type", "regional_conference", "workshop_or_training"),
        Correction("b", "theme", "security", ""),
        Correction("b", "theme", "", "ecommerce"),
        Correction("b", "theme", "", "piracy"),
        Correction("gone", "region", "", "Europe"),
    ])  # fmt: skip
    effect = read_corrections(log).in_effect
    events, doc_themes, problems = apply_corrections(
        _events(), _doc_themes(), effect, THEMES, {"Kenya": "KEN"}
    )
    a, b = events.iloc[0], events.iloc[1]
    assert (a["date"], a["year"], a["country"], a["iso3"], a["virtual"]) == (
        pd.Timestamp("2020-01-15"), 2020, "Kenya", "KEN", True
    )  # fmt: skip
    assert pd.isna(a["end_date"])  # the old last day is before the new first
    assert a["corrected"] == "date; venue" and b["corrected"] == "type; themes"
    assert b["event_type"] == "workshop_or_training" and b["themes"] == ["revenue", "ecommerce"]
    mine = doc_themes[doc_themes["doc_id"] == "b"].set_index("theme")
    assert list(mine.index) == ["revenue", "ecommerce"] and pd.isna(mine.at["ecommerce", "weight"])
    assert problems == ["b: no theme 'piracy' in the model; not applied"]
    assert list(orphans(effect, events)["doc_id"]) == ["gone"]
    # The frames given are not changed.
    assert _events()["themes"].tolist() == [["revenue"], ["security", "revenue"]]


def test_agreement_with_the_editors_counts_the_reviewed_reports(tmp_path):
    log = tmp_path / "corrections.csv"
    append_corrections(log, [Correction("b", "theme", "security", ""),
                             Correction("b", "theme", "", "ecommerce")])  # fmt: skip
    effect = read_corrections(log).in_effect
    events, _, _ = apply_corrections(_events(), _doc_themes(), effect, THEMES, {})
    scores = agreement_with_corrections(
        _events()[["doc_id", "themes"]], events, effect, THEMES["theme"]
    ).set_index("theme")
    assert scores.loc["revenue", ["support", "assigned", "precision"]].tolist() == [1, 1, 1.0]
    assert scores.at["security", "precision"] == 0.0 and scores.at["ecommerce", "recall"] == 0.0


def test_country_codes_read_the_regions_table(settings):
    codes = country_codes(settings.regions_file)
    assert codes["Kenya"] == "KEN" and codes["Belgium"] == "BEL"


def test_corrections_last_through_reextraction_refits_and_can_be_undone(
    make_corpus, settings, monkeypatch
):
    settings = settings.replace(corpus_dirs=(make_corpus(),))
    first = analyse(settings)
    nairobi = first.events.set_index("source").loc["corpus/nairobi.txt"]
    edited = {**nairobi.to_dict(), "doc_id": nairobi["doc_id"], "city": "Mombasa",
              "themes": [*nairobi["themes"], "ecommerce"]}  # fmt: skip
    edited["themes"].remove("revenue")
    ids = append_corrections(
        settings.corrections_file,
        changes({**nairobi.to_dict(), "doc_id": nairobi["doc_id"]}, edited, "ana", "checked"),
    )

    def nairobi_of(analysis):
        return analysis.events.set_index("source").loc["corpus/nairobi.txt"]

    # A new extractor version extracts every report again; a refit fits a new model.
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "test-next")
    for analysis in (
        analyse(settings, previous=first),
        analyse(settings.replace(random_state=7)),
    ):
        row = nairobi_of(analysis)
        assert row["city"] == "Mombasa" and row["corrected"] == "venue; themes"
        assert "ecommerce" in row["themes"] and "revenue" not in row["themes"]
        mine = analysis.doc_themes[analysis.doc_themes["doc_id"] == row["doc_id"]]
        assert "ecommerce" in set(mine["theme"]) and "revenue" not in set(mine["theme"])
    corrected = analysis
    # The model's own themes stay apart: undoing brings them back, with no refit.
    model_row = corrected.uncorrected()[0].set_index("source").loc["corpus/nairobi.txt"]
    assert model_row["city"] == "Nairobi" and "revenue" in model_row["themes"]
    append_corrections(settings.corrections_file, [undo(nairobi["doc_id"], i, "ben") for i in ids])
    again = analyse(settings.replace(random_state=7), previous=corrected)
    row = nairobi_of(again)
    assert row["city"] == "Nairobi" and row["corrected"] == "" and "revenue" in row["themes"]
