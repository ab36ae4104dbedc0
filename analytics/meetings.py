"""Meetings, not reports: one row per meeting, its fields those most of its reports agree
on, its themes the union of theirs (which reports are one meeting: see
:mod:`analytics.grouping`); and the pairwise measure of a grouping against the true one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["meetings_of", "pairwise_agreement"]

_BY_AGREEMENT = ["date", "end_date", "city", "country", "iso3", "region", "event_type"]


def meetings_of(events: pd.DataFrame, meeting_ids: pd.Series) -> pd.DataFrame:
    """One row per meeting, with the events table's columns: the lead report's title,
    source and doc_id; the date, venue, region and type most of its reports agree on;
    the union of their themes, people and organisations; and ``meeting_id``,
    ``n_reports``, ``doc_ids`` and ``titles`` (its reports', the lead first)."""
    frame = events.assign(meeting_id=meeting_ids.to_numpy())
    published = frame["published"].fillna(frame["date"])
    frame = frame.assign(_published=published).sort_values(
        ["meeting_id", "_published", "doc_id"], na_position="last", kind="stable"
    )
    sizes = frame.groupby("meeting_id", sort=False)["doc_id"].transform("size")
    single = frame[sizes.to_numpy() == 1]
    several = frame[sizes.to_numpy() > 1]
    singles = single.assign(
        n_reports=1, doc_ids=[[d] for d in single["doc_id"].tolist()],
        titles=[[t] for t in single["title"].tolist()],
    )  # fmt: skip
    parts = [singles.drop(columns="_published")]
    if len(several):
        parts.append(_agreed(several))
    meetings = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    meetings = meetings.astype({"n_reports": "int64"})
    order = {m: i for i, m in enumerate(dict.fromkeys(meeting_ids.tolist()))}
    meetings = meetings.iloc[np.argsort([order[m] for m in meetings["meeting_id"]], kind="stable")]
    return meetings.reset_index(drop=True)


def _agreed(reports: pd.DataFrame) -> pd.DataFrame:
    """The meetings of several reports each, field by field by agreement."""
    rows = []
    for _, group in reports.groupby("meeting_id", sort=False):
        lead = group.iloc[0].to_dict()
        for column in _BY_AGREEMENT:
            lead[column] = _most_common(group[column])
        if (
            pd.notna(lead["end_date"])
            and pd.notna(lead["date"])
            and lead["end_date"] < lead["date"]
        ):
            lead["end_date"] = pd.NaT
        lead["year"] = lead["date"].year if pd.notna(lead["date"]) else pd.NA
        lead["virtual"] = bool(group["virtual"].mean() > 0.5)
        lead["published"] = group["published"].min()
        for column in {"themes", "people", "organisations"} & set(group):
            lead[column] = _union(group[column])
        if "corrected" in group:
            parts = {p for value in group["corrected"] for p in str(value).split("; ") if p}
            lead["corrected"] = "; ".join(sorted(parts))
        lead["n_reports"] = len(group)
        lead["doc_ids"] = group["doc_id"].tolist()
        lead["titles"] = group["title"].tolist()
        lead.pop("_published")
        rows.append(lead)
    return pd.DataFrame(rows).astype({c: reports[c].dtype for c in reports if c != "_published"})


def _most_common(values: pd.Series) -> object:
    """The value most reports give (empty ones aside); a tie goes to the earliest report."""
    given = [v for v in values.tolist() if v is not None and v is not pd.NA and v == v and v != ""]
    if not given:
        return values.iloc[0]
    counts = Counter(given)
    best = max(counts.values())
    return next(v for v in given if counts[v] == best)


def _union(values: pd.Series) -> list:
    """Every item of the reports' lists, the most frequent first (then in report order)."""
    counts = Counter(item for items in values for item in (items or []))
    order = list(dict.fromkeys(item for items in values for item in (items or [])))
    return sorted(order, key=lambda item: -counts[item])


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
