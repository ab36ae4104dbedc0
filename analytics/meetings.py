"""Meetings, not reports: the reports that describe one meeting, grouped.

A real archive reports a meeting several times (the newsroom piece, its French copy, the
host's press release, a wire story). Two reports are linked when their meeting dates
overlap or touch (within ``DAYS``), and either they were held in the same place (the
same venue country, or both online in the same region) with some content in common (more
when they read the meeting's type differently: an experts' meeting and the conference it
prepares, a workshop the day after a conference), or, whatever the places read, much
content in common (the extraction of one may be wrong). Content is compared as character
n-grams of the title and opening, which copies in other languages share through names,
numbers and cognates. Linked reports form one meeting (connected components); its fields are
those most of its reports agree on, its themes the union of theirs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

__all__ = ["GROUPING_VERSION", "group_reports", "meetings_of", "pairwise_agreement"]

GROUPING_VERSION = "1"  # bump when the grouping changes, so that kept groupings are redone

DAYS = 1  # the most days between two reports' meetings that can still be one meeting
SAME_PLACE_SIMILAR = 0.30  # content in common needed in the same place (same type)
OTHER_TYPE_SIMILAR = 0.50  # ... for two reports that read the meeting's type differently
ANY_PLACE_SIMILAR = 0.60  # ... whatever the places
ONLINE_SIMILAR = 0.30  # ... for two online meetings of one region
_TEXT_CHARS = 600  # of each report compared (titles and openings say what the meeting is)
_PAIRS_PER_BATCH = 200_000


def group_reports(events: pd.DataFrame, texts: Sequence[str]) -> pd.Series:
    """The meeting of each report (by position): ``m-`` and its lead report's doc_id (the
    first published, then the smallest doc_id), stable while that report stays.

    Args:
        events: the reports (``doc_id``, ``title``, ``published``, ``date``,
            ``end_date``, ``iso3``, ``virtual``, ``region``, ``event_type``).
        texts: their texts, in the same order.
    """
    n = len(events)
    if n == 0:
        return pd.Series([], index=events.index, dtype="str")
    first, second = _candidates(events)
    linked = np.zeros(len(first), dtype=bool)
    if len(first):
        vectors = _vectors(events, texts)
        similar = _similarity(vectors, first, second)
        iso3 = events["iso3"].fillna("").to_numpy(dtype=object)
        virtual = events["virtual"].fillna(False).to_numpy(dtype=bool)
        region = events["region"].fillna("").to_numpy(dtype=object)
        same_country = (iso3[first] == iso3[second]) & (iso3[first] != "")
        online = virtual[first] & virtual[second] & (region[first] == region[second])
        in_person = ~virtual[first] & ~virtual[second]
        kind = events["event_type"].fillna("").to_numpy(dtype=object)
        alike = (kind[first] == kind[second]) | (similar >= OTHER_TYPE_SIMILAR)
        linked = (
            (same_country & in_person & alike & (similar >= SAME_PLACE_SIMILAR))
            | (online & (similar >= ONLINE_SIMILAR))
            | (similar >= ANY_PLACE_SIMILAR)
        )
    graph = csr_matrix((np.ones(linked.sum()), (first[linked], second[linked])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    return pd.Series(_meeting_ids(events, component), index=events.index, dtype="str")


def _candidates(events: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of reports (positions, first < second) whose meetings are within
    ``DAYS`` of each other."""
    start = events["date"].to_numpy(dtype="datetime64[D]")
    end = events["end_date"].fillna(events["date"]).to_numpy(dtype="datetime64[D]")
    end = np.maximum(end, start)
    known = ~np.isnat(start)
    positions = np.flatnonzero(known)
    order = positions[np.argsort(start[positions], kind="stable")]
    starts = start[order].astype("int64")
    ends = end[order].astype("int64")
    # With the reports in order of their first day: each one and every later one that
    # starts no more than DAYS after it ends.
    last = np.searchsorted(starts, ends + DAYS, side="right")
    counts = np.maximum(last - np.arange(len(order)) - 1, 0)
    left = np.repeat(np.arange(len(order)), counts)
    right = left + 1 + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
    a, b = order[left], order[right]
    return np.minimum(a, b), np.maximum(a, b)


def _vectors(events: pd.DataFrame, texts: Sequence[str]):
    """Each report's title and opening as character 3-5-grams, hashed (no vocabulary to
    fit: a report's vector is the same in any corpus), log-scaled, of unit length."""
    documents = [
        f"{title or ''}\n{(text or '')[:_TEXT_CHARS]}"
        for title, text in zip(events["title"].tolist(), texts, strict=True)
    ]
    counts = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), strip_accents="unicode", alternate_sign=False,
        norm=None, n_features=2**20, dtype=np.float32,
    ).transform(documents)  # fmt: skip
    counts.data = 1 + np.log(counts.data)
    return normalize(counts)


def _similarity(vectors, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The cosine similarity of each pair, in batches (bounded memory)."""
    found = np.empty(len(first), dtype=np.float32)
    for start in range(0, len(first), _PAIRS_PER_BATCH):
        a = vectors[first[start : start + _PAIRS_PER_BATCH]]
        b = vectors[second[start : start + _PAIRS_PER_BATCH]]
        found[start : start + _PAIRS_PER_BATCH] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return found


def _meeting_ids(events: pd.DataFrame, component: np.ndarray) -> list[str]:
    published = events["published"].fillna(events["date"])
    order = pd.DataFrame(
        {"component": component, "published": published.to_numpy(), "doc_id": events["doc_id"]}
    ).sort_values(["published", "doc_id"], na_position="last", kind="stable")
    lead = order.drop_duplicates("component").set_index("component")["doc_id"]
    return ("m-" + lead.reindex(component).astype(str)).tolist()


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
