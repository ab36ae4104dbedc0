"""Meetings, not reports: one row per meeting, its fields those most of its reports agree
on, its themes the union of theirs (which reports are one meeting: see
:mod:`analytics.grouping`); and the pairwise measure of a grouping against the true one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["meetings_of", "pairwise_agreement"]

_BY_AGREEMENT = ["date", "end_date", "city", "country", "iso3", "region", "event_type"]
# The columns a meeting of several reports is made of (beside its lead's row).
_AGREED = {*_BY_AGREEMENT, "meeting_id", "doc_id", "title", "virtual", "published", "themes",
           "people", "organisations", "corrected"}  # fmt: skip


def meetings_of(events: pd.DataFrame, meeting_ids: pd.Series) -> pd.DataFrame:
    """One row per meeting, with the events table's columns: the lead report's title,
    source and doc_id; the date, venue, region and type most of its reports agree on;
    the union of their themes, people and organisations; and ``meeting_id``,
    ``n_reports``, ``doc_ids`` and ``titles`` (its reports', the lead first)."""
    frame = events.assign(meeting_id=meeting_ids.to_numpy())
    # The order of meeting, then of publication, found on those columns alone: the whole
    # frame is taken for the single reports and the leads only.
    keys = pd.DataFrame({"meeting_id": frame["meeting_id"].to_numpy(),
                         "published": frame["published"].fillna(frame["date"]).to_numpy(),
                         "doc_id": frame["doc_id"].to_numpy()})  # fmt: skip
    order = keys.sort_values(
        ["meeting_id", "published", "doc_id"], na_position="last", kind="stable"
    ).index.to_numpy()
    codes = pd.factorize(keys["meeting_id"].to_numpy()[order])[0]
    sizes = np.bincount(codes)[codes]
    single = frame.take(order[sizes == 1])
    several = order[sizes > 1]
    singles = single.assign(
        n_reports=1, doc_ids=[[d] for d in single["doc_id"].tolist()],
        titles=[[t] for t in single["title"].tolist()],
    )  # fmt: skip
    parts = [singles]
    if len(several):
        parts.append(_agreed(frame, several))
    meetings = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    meetings = meetings.astype({"n_reports": "int64"})
    order = {m: i for i, m in enumerate(dict.fromkeys(meeting_ids.tolist()))}
    meetings = meetings.iloc[np.argsort([order[m] for m in meetings["meeting_id"]], kind="stable")]
    return meetings.reset_index(drop=True)


def _agreed(frame: pd.DataFrame, positions: np.ndarray) -> pd.DataFrame:
    """The meetings of several reports each (the reports at ``positions`` of ``frame``, in
    order of meeting, lead first), field by field by agreement, with array operations (a
    large corpus has many): of the other columns, only the leads' rows are taken."""
    needed = [c for c in frame.columns if c in _AGREED]
    reports = frame[needed].take(positions).reset_index(drop=True)
    code = pd.factorize(reports["meeting_id"])[0]
    leads = positions[~pd.Series(code).duplicated().to_numpy()]
    meetings = frame.take(leads).reset_index(drop=True)
    for column in _BY_AGREEMENT:
        meetings[column] = _most_common(reports[column], code, meetings[column])
    meetings["end_date"] = meetings["end_date"].mask(meetings["end_date"] < meetings["date"])
    meetings["year"] = meetings["date"].dt.year
    by_meeting = reports.groupby(code, sort=True)
    meetings["virtual"] = (by_meeting["virtual"].mean() > 0.5).to_numpy()
    meetings["published"] = by_meeting["published"].min().to_numpy()
    for column in {"themes", "people", "organisations"} & set(reports):
        meetings[column] = _union(reports[column], code, len(meetings))
    if "corrected" in reports:
        parts: list[set[str]] = [set() for _ in range(len(meetings))]
        for meeting, value in zip(code, reports["corrected"].tolist(), strict=True):
            parts[meeting].update(p for p in str(value).split("; ") if p)
        meetings["corrected"] = ["; ".join(sorted(p)) for p in parts]
    meetings["n_reports"] = np.bincount(code)
    meetings["doc_ids"] = _lists(code, reports["doc_id"], len(meetings))
    meetings["titles"] = _lists(code, reports["title"], len(meetings))
    return meetings.astype({c: frame[c].dtype for c in frame})


def _most_common(values: pd.Series, code: np.ndarray, lead: pd.Series) -> pd.Series:
    """By meeting (``code``), the value most reports give (empty ones aside); a tie goes
    to the earliest report; the lead's value when none gives one."""
    given = values.notna().to_numpy()
    if values.dtype == object or isinstance(values.dtype, pd.StringDtype):
        given = given & (values != "").fillna(False).to_numpy(dtype=bool)
    stats = _ranked(code[given], values[given].to_numpy(), np.flatnonzero(given))
    stats = stats.drop_duplicates("code")
    agreed = lead.copy()
    agreed.iloc[stats["code"].to_numpy()] = stats["value"].to_numpy()
    return agreed


def _union(values: pd.Series, code: np.ndarray, n: int) -> list[list]:
    """By meeting (``code``), every item of its reports' lists, the most frequent first
    (then in report order)."""
    kinds = (list, tuple, np.ndarray)
    lists = [items if isinstance(items, kinds) else () for items in values.tolist()]
    lengths = np.fromiter(map(len, lists), np.int64, len(lists))
    items = list(itertools.chain.from_iterable(lists))
    if not items:
        return [[] for _ in range(n)]
    # Each (meeting, item) pair as one integer: its count and first place, by np.unique.
    flat = np.empty(len(items), dtype=object)
    flat[:] = items
    item_codes, uniques = pd.factorize(flat)
    pairs = np.repeat(code.astype(np.int64), lengths) * len(uniques) + item_codes
    found, first, counts = np.unique(pairs, return_index=True, return_counts=True)
    meeting = found // len(uniques)
    ranked = np.lexsort((first, -counts, meeting))
    return _lists(meeting[ranked], pd.Series(uniques[(found % len(uniques))[ranked]]), n)


def _lists(code: np.ndarray, values: pd.Series, n: int) -> list[list]:
    """The values of each of ``n`` meetings as a list (``code`` in order: 0, 0, 1, ...)."""
    found: list[list] = [[] for _ in range(n)]
    cuts = np.flatnonzero(np.diff(code)) + 1
    for meeting, part in zip(code[np.r_[0, cuts]], np.split(values.to_numpy(), cuts), strict=True):
        found[meeting] = part.tolist()
    return found


def _ranked(code: np.ndarray, values, rank: np.ndarray) -> pd.DataFrame:
    """Each meeting's (``code``) distinct values, the most frequent first, then the one
    whose first ``rank`` (order of report) is lowest."""
    frame = pd.DataFrame({"code": code, "value": values, "rank": rank})
    stats = frame.groupby(["code", "value"], sort=False)["rank"].agg(["size", "min"])
    return stats.reset_index().sort_values(
        ["code", "size", "min"], ascending=[True, False, True], kind="stable"
    )


def pairwise_agreement(predicted: Sequence[str], truth: Sequence[str]) -> dict[str, float]:
    """Pairwise precision and recall of a grouping against the true one: of the pairs of
    reports put in one meeting, the share that are one meeting; of the pairs that are,
    the share put together."""
    frame = pd.DataFrame({"predicted": list(predicted), "truth": list(truth)})

    def pairs(columns: list[str]) -> int:
        sizes = frame.groupby(columns).size()
        return int((sizes * (sizes - 1) // 2).sum())

    together, same, both = pairs(["predicted"]), pairs(["truth"]), pairs(["predicted", "truth"])
    precision = both / together if together else 1.0
    recall = both / same if same else 1.0
    return {"precision": precision, "recall": recall, "pairs_predicted": together,
            "pairs_true": same}  # fmt: skip
