"""Grouping redone in part: after reports are added, removed or changed, comparing only
the pairs that involve what changed gives exactly the grouping done whole."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.grouping import GROUPINGS_KEPT, group_reports, kept_grouping, regroup

WORDS = [
    "customs", "administrations", "delegates", "regional", "conference", "trade",
    "facilitation", "revenue", "border", "agencies", "capacity", "building", "e-commerce",
    "integrity", "enforcement", "smuggling", "data", "risk", "management", "authorised",
    "economic", "operators", "pandemic", "recovery", "green", "Brussels", "Nairobi", "Lima",
    "Amman", "Tbilisi", "Ulaanbaatar", "Accra", "directors", "general", "heads", "council",
]  # fmt: skip


def _reports(rng: np.random.Generator, n: int, start: int = 0) -> tuple[pd.DataFrame, dict]:
    """``n`` reports of meetings told one to four times, close in date and place (so
    that many pairs are compared and many are linked), and their texts by doc_id."""
    rows, texts = [], {}
    while len(rows) < n:
        day = pd.Timestamp("2020-01-01") + pd.Timedelta(days=int(rng.integers(0, 40)))
        country = rng.choice(["KEN", "PER", "JOR", "GEO", ""])
        kind = rng.choice(["regional_conference", "workshop_or_training", "other"])
        base = rng.choice(WORDS, 60)
        for _ in range(int(rng.integers(1, 5))):
            words = np.where(rng.random(60) < rng.random() * 0.6, rng.choice(WORDS, 60), base)
            doc_id = f"d{start + len(rows):04d}"
            texts[doc_id] = " ".join(words)
            rows.append(_row(doc_id, " ".join(words[:6]), day, country, kind, rng))
    return pd.DataFrame(rows[:n]), texts


def _row(doc_id, title, day, country, kind, rng):
    slip = pd.Timedelta(days=int(rng.integers(0, 2)))
    return {"doc_id": doc_id, "title": title, "published": day + slip, "date": day + slip,
            "end_date": day + pd.Timedelta(days=2) if rng.random() < 0.3 else pd.NaT,
            "iso3": country, "virtual": country == "", "region": "R" + country[:1],
            "event_type": kind}  # fmt: skip


def _change(events: pd.DataFrame, rng: np.random.Generator, n: int) -> pd.DataFrame:
    """``n`` reports with another date, country, type or title."""
    events = events.copy()
    for position in rng.choice(len(events), n, replace=False):
        column = rng.choice(["date", "iso3", "event_type", "title"])
        value = {
            "date": events["date"].iloc[position] + pd.Timedelta(days=int(rng.integers(-3, 4))),
            "iso3": rng.choice(["KEN", "PER", "JOR"]),
            "event_type": rng.choice(["regional_conference", "other"]),
            "title": "a title of another meeting entirely",
        }[column]
        events.iloc[position, events.columns.get_loc(column)] = value
    return events


class Reader:
    """The texts of reports, counting which were asked for."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts, self.asked = texts, []

    def __call__(self, doc_ids: list[str]) -> list[str]:
        self.asked += doc_ids
        return [self.texts[d] for d in doc_ids]


def _links(grouping: pd.DataFrame) -> set[tuple[str, str]]:
    return {(d, o) for d, others in zip(grouping["doc_id"], grouping["linked"], strict=True)
            for o in others}  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_regrouping_after_additions_removals_and_changes_equals_grouping_whole(seed):
    rng = np.random.default_rng(seed)
    events, texts = _reports(rng, 240)
    added, more = _reports(rng, 40, start=1000)
    texts.update(more)
    kept = regroup(events.iloc[:200], Reader(texts))
    for step in range(3):
        now = pd.concat([events, added]) if step == 0 else events
        keep = rng.random(len(now)) > 0.1  # about a tenth removed
        now = _change(now[keep], rng, 15).sample(frac=1, random_state=seed + step)
        now = now.reset_index(drop=True)
        reader = Reader(texts)
        new = set(now["doc_id"]) - set(kept["doc_id"])
        part = regroup(now, reader, kept)
        whole = regroup(now, Reader(texts))
        assert part["meeting_id"].tolist() == whole["meeting_id"].tolist()
        assert _links(part) == _links(whole) and len(_links(whole)) > 50
        assert part["meeting_id"].nunique() < len(now)  # meetings of several reports
        assert new <= set(reader.asked) and len(reader.asked) <= len(new) + 15  # and changed
        kept, events = part, now


def _chain() -> tuple[pd.DataFrame, dict]:
    """Three reports of one place: the first and last three days apart, each linked
    to the middle one only."""
    text = "The heads of customs of the region met in Nairobi, Kenya, to discuss revenue."
    rows = [_row(d, "Regional meeting in Nairobi", pd.Timestamp(day), "KEN", "other",
                 np.random.default_rng(0)) | {"published": pd.Timestamp(day),
                                              "date": pd.Timestamp(day), "end_date": pd.NaT}
            for d, day in [("a", "2020-03-01"), ("b", "2020-03-02"), ("c", "2020-03-03")]]  # fmt: skip
    return pd.DataFrame(rows), {"a": text, "b": text, "c": text}


def test_removing_or_moving_the_report_that_joined_two_others_splits_the_meeting():
    events, texts = _chain()
    kept = regroup(events, Reader(texts))
    assert kept["meeting_id"].tolist() == ["m-a"] * 3
    removed = regroup(events.iloc[[0, 2]], Reader(texts), kept)
    assert removed["meeting_id"].tolist() == ["m-a", "m-c"]
    moved = events.assign(date=events["date"].where(events["doc_id"] != "b",
                                                    pd.Timestamp("2021-01-01")))  # fmt: skip
    assert regroup(moved, Reader(texts), kept)["meeting_id"].tolist() == ["m-a", "m-b", "m-c"]


def test_the_kept_grouping_is_read_again_or_redone_in_part(tmp_path):
    rng = np.random.default_rng(7)
    events, texts = _reports(rng, 120)
    added, more = _reports(rng, 5, start=1000)
    texts.update(more)
    first = kept_grouping(events, Reader(texts), tmp_path)
    again = Reader(texts)
    assert kept_grouping(events, again, tmp_path).tolist() == first.tolist() and not again.asked
    everything = pd.concat([events, added], ignore_index=True)
    reader = Reader(texts)
    ids = kept_grouping(everything, reader, tmp_path)
    assert sorted(reader.asked) == sorted(added["doc_id"])
    assert (
        ids.tolist() == group_reports(everything, [texts[d] for d in everything["doc_id"]]).tolist()
    )
    for path in tmp_path.iterdir():
        path.write_bytes(b"damaged")
    assert kept_grouping(everything, Reader(texts), tmp_path).tolist() == ids.tolist()


def test_no_report_is_no_meeting():
    events, _ = _chain()
    assert group_reports(events.iloc[:0], []).empty


def test_only_the_newest_groupings_of_this_version_are_kept(tmp_path):
    events, texts = _reports(np.random.default_rng(1), 40)
    (tmp_path / "0123456789abcdef0123.parquet").write_bytes(b"a grouping of version 1")
    for n in range(30, 36):
        kept_grouping(events.iloc[:n], Reader(texts), tmp_path)
    assert len(list(tmp_path.iterdir())) == GROUPINGS_KEPT
