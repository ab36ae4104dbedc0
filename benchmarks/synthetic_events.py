"""Report rows for measuring the grouping alone (never bundled, never for tuning).

The events table's grouping columns with the spread of a large archive, built without
the extraction pipeline: meetings over 2009-2025 (one to five days long), in the
countries of ``data/regions.csv`` or online, each told by one to four reports (a
meeting's reports share its date, place and type, with the slips extraction makes: a
start a day late, another type, no country). Titles and texts are walks over the word
pairs of the bundled demo reports' paragraphs, so their character n-grams are English
newsroom prose; a meeting's later reports reword part of its first report's text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import bundled  # noqa: E402

_TYPES = {
    "regional_conference": 0.2, "governing_council": 0.05,
    "policy_commission_or_council": 0.05, "bilateral_visit": 0.15,
    "international_forum": 0.1, "workshop_or_training": 0.3, "virtual_meeting": 0.05,
    "other": 0.1,
}  # fmt: skip
_REPORTS_PER_MEETING = {1: 0.55, 2: 0.25, 3: 0.12, 4: 0.08}
_FIRST_DAY = np.datetime64("2009-01-01", "D")
_DAYS = int((np.datetime64("2025-12-31", "D") - _FIRST_DAY).astype(np.int64))


class Words:
    """Walks over the word pairs of the demo reports' paragraphs."""

    def __init__(self, rng: np.random.Generator) -> None:
        _, paragraphs = bundled()
        words = re.findall(r"\S+", " ".join(paragraphs))
        vocabulary, codes = np.unique(words, return_inverse=True)
        order = np.argsort(codes[:-1], kind="stable")
        self.vocabulary = vocabulary
        self.following = codes[1:][order]  # each word's successors, grouped by word
        self.start = np.searchsorted(codes[:-1][order], np.arange(len(vocabulary)))
        self.count = np.diff(np.append(self.start, len(order)))
        self.rng = rng

    def walks(self, n: int, length: int) -> np.ndarray:
        """``n`` walks of ``length`` word codes (a word without successor starts anew)."""
        codes = np.empty((n, length), dtype=np.int64)
        codes[:, 0] = self.rng.integers(0, len(self.vocabulary), n)
        for step in range(1, length):
            here = codes[:, step - 1]
            pick = (self.rng.random(n) * np.maximum(self.count[here], 1)).astype(np.int64)
            ahead = self.following[np.minimum(self.start[here] + pick, len(self.following) - 1)]
            anew = self.rng.integers(0, len(self.vocabulary), n)
            codes[:, step] = np.where(self.count[here] > 0, ahead, anew)
        return codes

    def text(self, codes: np.ndarray) -> list[str]:
        return [" ".join(row) for row in self.vocabulary[codes].tolist()]


def synthetic_events(n: int, seed: int = 0, prefix: str = "r") -> tuple[pd.DataFrame, list[str]]:
    """``n`` reports: their grouping columns (``doc_id`` ``prefix`` + number) and texts."""
    rng = np.random.default_rng(seed)
    words = Words(rng)
    sizes, weights = zip(*_REPORTS_PER_MEETING.items(), strict=True)
    per_meeting = rng.choice(sizes, size=n, p=weights)
    per_meeting = per_meeting[: np.searchsorted(np.cumsum(per_meeting), n) + 1]
    meeting = np.repeat(np.arange(len(per_meeting)), per_meeting)[:n]
    m = len(per_meeting)
    regions = pd.read_csv(ROOT / "data" / "regions.csv")
    venue = rng.integers(0, len(regions), m)
    online = rng.random(m) < 0.08
    start = _FIRST_DAY + rng.integers(0, _DAYS, m).astype("timedelta64[D]")
    length = rng.choice([0, 1, 2, 3, 4], size=m, p=[0.35, 0.25, 0.25, 0.1, 0.05])
    kinds, shares = zip(*_TYPES.items(), strict=True)
    kind = rng.choice(kinds, size=m, p=shares)

    later = np.r_[False, meeting[1:] == meeting[:-1]]  # not the meeting's first report
    slip = later & (rng.random(n) < 0.15)
    date = start[meeting] + (slip & (rng.random(n) < 0.5)).astype("timedelta64[D]")
    iso3 = np.where(online[meeting], "", regions["iso3"].to_numpy()[venue][meeting])
    iso3 = np.where(slip & (rng.random(n) < 0.3), "", iso3)
    event_type = np.where(slip & (rng.random(n) < 0.5), "other", kind[meeting])
    published = date + rng.integers(0, 4, n).astype("timedelta64[D]")
    events = pd.DataFrame({
        "doc_id": [f"{prefix}{i:07d}" for i in range(n)],
        "title": words.text(_reworded(words, words.walks(m, 9)[meeting], later, 0.2)),
        "published": published.astype("datetime64[s]"),
        "date": date.astype("datetime64[s]"),
        "end_date": np.where(length[meeting] > 0, date + length[meeting], np.datetime64("NaT"))
        .astype("datetime64[s]"),
        "iso3": pd.array(iso3, dtype="string"),
        "virtual": online[meeting],
        "region": pd.array(regions["region"].to_numpy()[venue][meeting], dtype="string"),
        "event_type": pd.array(event_type, dtype="string"),
    })  # fmt: skip
    texts = words.text(_reworded(words, words.walks(m, 110)[meeting], later, 0.5))
    return _with_the_rest(events, regions["country"].to_numpy()[venue][meeting], rng), texts


def _with_the_rest(events: pd.DataFrame, country: np.ndarray, rng) -> pd.DataFrame:
    """The events table's other columns that a meeting's row takes from its reports."""
    themes = np.array(["trade_facilitation", "revenue", "ecommerce", "security", "capacity"])
    chosen = rng.random((len(events), len(themes))) < 0.3
    return events.assign(
        source=events["doc_id"] + ".txt",
        city=pd.array([""] * len(events), dtype="string"),
        country=pd.array(np.where(events["iso3"] == "", "", country), dtype="string"),
        year=events["date"].dt.year.astype("Int64"),
        themes=[themes[row].tolist() for row in chosen],
        people=[[] for _ in range(len(events))],
        organisations=[[] for _ in range(len(events))],
    )


def _reworded(words: Words, codes: np.ndarray, later: np.ndarray, most: float) -> np.ndarray:
    """The meeting's words, a share (up to ``most``) of them changed in its later reports."""
    changed = words.rng.random(codes.shape) < words.rng.random((len(codes), 1)) * most
    changed &= later[:, None]
    other = words.walks(len(codes), codes.shape[1])
    return np.where(changed, other, codes)
