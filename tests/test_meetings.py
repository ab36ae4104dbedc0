"""Meetings, not reports: grouping the reports of one meeting, keeping near-misses apart,
the meeting's fields by agreement, and the pairwise measure of a grouping."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from analytics.grouping import group_reports
from analytics.meetings import meetings_of, pairwise_agreement
from analytics.pipeline import analyse
from tests.conftest import report_text

ENGLISH = (
    "The 24th Regional Conference of Directors General of Customs for the Asia/Pacific region "
    "opened in Ulaanbaatar, Mongolia, on 12 May 2019. Delegations from 28 administrations "
    "discussed e-commerce, the Trade Facilitation Agreement and revenue collection."
)
FRENCH = (
    "La 24e Conférence régionale des Directeurs généraux des douanes de la région Asie/"
    "Pacifique s'est ouverte à Ulaanbaatar (Mongolie) le 12 mai 2019. Les délégations de 28 "
    "administrations ont abordé le commerce électronique et la facilitation des échanges."
)
HOST = (
    "Mongolia Customs welcomed the heads of 28 Asia/Pacific customs administrations to "
    "Ulaanbaatar for the 24th Regional Conference, which opened on 12 May 2019 with talks "
    "on e-commerce and trade facilitation."
)
WORKSHOP = (
    "A national workshop on risk management for Mongolian customs officers was held in "
    "Ulaanbaatar on 13 May 2019, with trainers from the regional training centre teaching "
    "targeting of high-risk consignments and post-clearance audit."
)


def _events(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in ("date", "end_date", "published"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[s]")
    return frame


def _report(doc_id, day, text, iso3="MNG", virtual=False, region="Asia/Pacific", **extra):
    return {"doc_id": doc_id, "title": text[:60], "published": day, "date": day,
            "end_date": None, "iso3": iso3, "virtual": virtual, "region": region,
            "text": text, "event_type": "regional_conference", **extra}  # fmt: skip


def test_one_meeting_in_three_voices_and_languages_is_one_meeting():
    events = _events([
        _report("en", "2019-05-12", ENGLISH),
        _report("fr", "2019-05-12", FRENCH),
        _report("host", "2019-05-13", HOST),
    ])  # fmt: skip
    ids = group_reports(events, events["text"].tolist())
    assert ids.nunique() == 1 and ids.iloc[0] == "m-en"  # the first published leads


def test_a_workshop_in_the_same_city_the_next_day_stays_apart():
    events = _events([
        _report("en", "2019-05-12", ENGLISH),
        _report("workshop", "2019-05-13", WORKSHOP, event_type="workshop_or_training"),
        _report("next-year", "2020-05-12", ENGLISH.replace("24th", "25th")),
    ])  # fmt: skip
    ids = group_reports(events, events["text"].tolist())
    assert ids.nunique() == 3


def test_online_meetings_group_only_within_their_region():
    text = "The heads of customs met by video conference on 4 April 2021 to discuss the pandemic."
    events = _events([
        _report("a", "2021-04-04", text, iso3="", virtual=True, region="Europe"),
        _report("b", "2021-04-04", text, iso3="", virtual=True, region="Europe"),
        _report("c", "2021-04-04", "Asia/Pacific customs administrations held an online "
                "session on 4 April 2021 about the pandemic's effect on regional trade.",
                iso3="", virtual=True, region="Asia/Pacific"),
    ])  # fmt: skip
    ids = group_reports(events, events["text"].tolist())
    assert ids.iloc[0] == ids.iloc[1] != ids.iloc[2]


def test_a_meeting_takes_what_most_of_its_reports_say():
    events = _events([
        _report("a", "2019-05-12", ENGLISH, city="Ulaanbaatar", country="Mongolia",
                event_type="regional_conference", themes=["ecommerce"], people=["A (x)"],
                organisations=[], year=2019),
        _report("b", "2019-05-12", FRENCH, city="Ulaanbaatar", country="Mongolia",
                event_type="regional_conference", themes=["trade_facilitation"],
                people=[], organisations=[], year=2019),
        _report("c", "2019-05-13", HOST, city="Darkhan", country="Mongolia",
                event_type="other", themes=["ecommerce", "revenue"], people=[],
                organisations=[], year=2019),
    ])  # fmt: skip
    ids = pd.Series(["m-a"] * 3)
    (meeting,) = meetings_of(events, ids).to_dict("records")
    assert (meeting["city"], meeting["event_type"], meeting["date"]) == (
        "Ulaanbaatar", "regional_conference", pd.Timestamp("2019-05-12")
    )  # fmt: skip
    assert meeting["themes"] == ["ecommerce", "trade_facilitation", "revenue"]
    assert (meeting["n_reports"], meeting["doc_ids"], meeting["title"]) == (
        3, ["a", "b", "c"], ENGLISH[:60]
    )  # fmt: skip


def test_pairwise_agreement_counts_pairs():
    truth = ["x", "x", "x", "y", "z"]
    assert pairwise_agreement(truth, truth) == {
        "precision": 1.0, "recall": 1.0, "pairs_predicted": 3, "pairs_true": 3
    }  # fmt: skip
    merged = pairwise_agreement(["m"] * 5, truth)
    assert merged["precision"] == 3 / 10 and merged["recall"] == 1.0
    split = pairwise_agreement(["a", "a", "b", "c", "d"], truth)
    assert split["precision"] == 1.0 and split["recall"] == 1 / 3


def test_the_analysis_counts_meetings_and_keeps_every_report(make_corpus, settings):
    files = {
        "en.txt": report_text("Asia/Pacific heads of customs meet in Ulaanbaatar", "12 May 2019",
                              ENGLISH),
        "fr.txt": report_text("Les chefs des douanes d'Asie/Pacifique à Ulaanbaatar",
                              "12 mai 2019", FRENCH),
        "workshop.txt": report_text("Risk management workshop in Ulaanbaatar", "13 May 2019",
                                    WORKSHOP),
    }  # fmt: skip
    analysis = analyse(settings.replace(corpus_dirs=(make_corpus(files),)))
    assert len(analysis.events) == 3 and len(analysis.meetings) == 2
    by_source = analysis.events.set_index("source")["meeting_id"]
    assert (
        by_source["corpus/en.txt"] == by_source["corpus/fr.txt"] != by_source["corpus/workshop.txt"]
    )
    conference = analysis.meetings.set_index("meeting_id").loc[by_source["corpus/en.txt"]]
    assert conference["n_reports"] == 2 and set(conference["doc_ids"]) == set(
        analysis.events.set_index("source").loc[["corpus/en.txt", "corpus/fr.txt"], "doc_id"]
    )


def _by_hand(group: pd.DataFrame, column: str):
    """The value most of these reports give (empty ones aside), the earliest on a tie."""
    given = [v for v in group[column] if not pd.isna(v) and v != ""]
    if not given:
        return group[column].iloc[0]
    counts = Counter(given)
    return next(v for v in given if counts[v] == max(counts.values()))


def test_every_meeting_takes_its_reports_agreement_as_counted_by_hand():
    rng = np.random.default_rng(3)
    n = 400
    days = pd.to_datetime("2019-05-10") + pd.to_timedelta(rng.integers(0, 4, n), unit="D")
    events = pd.DataFrame({
        "doc_id": [f"d{i:03d}" for i in range(n)], "title": [f"t{i}" for i in range(n)],
        "source": [f"s{i}" for i in range(n)],
        "published": days + pd.to_timedelta(rng.integers(0, 3, n), unit="D"),
        "date": days.where(rng.random(n) > 0.1), "end_date": (days + pd.Timedelta(days=1))
        .where(rng.random(n) > 0.5), "year": pd.array(days.year, dtype="Int64"),
        "city": pd.array(rng.choice(["Lima", "Cusco", "", None], n), dtype="string"),
        "country": pd.array(rng.choice(["Peru", "Chile", ""], n), dtype="string"),
        "iso3": pd.array(rng.choice(["PER", "CHL", ""], n), dtype="string"),
        "region": pd.array(rng.choice(["Americas", "Europe"], n), dtype="string"),
        "event_type": pd.array(rng.choice(["other", "workshop_or_training"], n), dtype="string"),
        "virtual": rng.random(n) < 0.4,
        "themes": [list(rng.choice(["tf", "rev", "sec"], rng.integers(0, 3), replace=False))
                   for _ in range(n)],
        "corrected": rng.choice(["", "venue", "themes; venue"], n),
    })  # fmt: skip
    ids = pd.Series([f"m-{i}" for i in rng.integers(0, 120, n)])
    meetings = meetings_of(events, ids).set_index("meeting_id")
    assert (meetings["n_reports"] > 1).sum() > 50
    frame = events.assign(meeting_id=ids, _p=events["published"].fillna(events["date"]))
    for meeting, group in frame.sort_values(["_p", "doc_id"], kind="stable").groupby("meeting_id"):
        row = meetings.loc[meeting]
        assert row["doc_ids"] == group["doc_id"].tolist() and row["title"] == group["title"].iloc[0]
        for column in ("date", "city", "country", "iso3", "region", "event_type"):
            expected, found = _by_hand(group, column), row[column]
            assert (pd.isna(expected) and pd.isna(found)) or expected == found, (meeting, column)
        assert row["virtual"] == (group["virtual"].mean() > 0.5)
        assert row["published"] == group["published"].min()
        items = [t for themes in group["themes"] for t in themes]
        counts = Counter(items)
        assert row["themes"] == sorted(dict.fromkeys(items), key=lambda t: -counts[t])
        parts = {p for value in group["corrected"] for p in value.split("; ") if p}
        assert row["corrected"] == "; ".join(sorted(parts))
