"""Which reports describe one meeting: linked pairs of reports, grouped, and kept.

A real archive reports a meeting several times (the newsroom piece, its French copy, the
host's press release, a wire story). Two reports are linked when their meeting dates
overlap or touch (within ``DAYS``), and either they were held in the same place (the
same venue country, or both online in the same region) with some content in common (more
when they read the meeting's type differently: an experts' meeting and the conference it
prepares; more when their days only touch: the next meeting in town; less when they read
the same type and the same first and last days), or, whatever the places read, much
content in common (the extraction of one may be wrong). Content is compared as character
n-grams of the title and opening, other scripts transliterated
(:mod:`analytics.crosslingual`), which copies in other languages share through names,
numbers and cognates.

The meeting's ordinal ("24th", "24e", "XXIV", "24-я", "第24届") is evidence in any
language: two reports of the same place and days (or one's days within the other's)
reading close types (a conference, a forum, "a meeting") are linked on little content in
common when they give the same ordinal (so are any two types on the same first and last
days, and on nothing in common two of the same type: a copy in Chinese), and two reports
that give different ordinals are never linked. A wire without a year ("BANGUI, March 13
(Agency) -") is compared with the meetings of its country on that day and month
(:mod:`analytics.yearless`). Linked reports form one meeting, unless a chain of links
joins two reports that contradict each other (:mod:`analytics.chains`).

Whether two reports are linked depends on those two reports only, so a grouping is kept
with its links (:func:`regroup`): when reports are added, removed or changed, only the
pairs that involve an added or changed report are compared again, and the meetings are
the components of the links kept and found, exactly as if every pair had been compared;
a meeting whose reports and links are all as they were keeps its split (the chain check
depends on a meeting's reports and links alone) and is not checked again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.chains import meetings_without_contradictions, unchanged_meetings
from analytics.ordinal_links import not_bridging, ordinals_agree
from analytics.similarity import pair_similarity, similarity_along_dates
from analytics.yearless import undated_candidates

__all__ = ["GROUPING_VERSION", "group_reports", "kept_grouping", "regroup"]

GROUPING_VERSION = "6"  # bump when the grouping changes, so that kept groupings are redone

DAYS = 1  # the most days between two reports' meetings that can still be one meeting
SAME_PLACE_SIMILAR = 0.30  # content in common needed in the same place (same type)
OTHER_TYPE_SIMILAR = 0.50  # ... for two reports that read the meeting's type differently
ANY_PLACE_SIMILAR = 0.60  # ... whatever the places
ONLINE_SIMILAR = 0.30  # ... for two online meetings of one region
# ... in the same place, of the same type, on the same first and last days: a copy in
# another language shares fewer character n-grams than one in the same language.
SAME_DAYS_SIMILAR = 0.15
TOUCHING_SIMILAR = 0.55  # ... for meetings a day apart, not overlapping (not the next one)
# Types that reports of one meeting read differently: a conference, a forum, a Council
# session, "a meeting"; a workshop, a visit or an online meeting are not read so.
CLOSE_TYPES = ["regional_conference", "international_forum", "governing_council",
               "policy_commission_or_council", "other"]  # fmt: skip
_TEXT_CHARS = 600  # of each report compared (titles and openings say what the meeting is)
# What a report's links depend on (with its text, which its doc_id stands for); published
# chooses a meeting's lead report.
INPUTS = ["doc_id", "title", "published", "date", "end_date", "iso3", "virtual", "region",
          "event_type"]  # fmt: skip
PAIRS_AT_ONCE = 2_000_000  # pairs of reports compared at once (bounded memory)
GROUPINGS_KEPT = 3  # groupings kept in the cache (the newest), each for one set of inputs

Texts = Callable[[list[str]], Sequence[str]]  # the texts of these doc_ids, in order


def group_reports(events: pd.DataFrame, texts: Sequence[str]) -> pd.Series:
    """The meeting of each report (by position): ``m-`` and its lead report's doc_id (the
    first published, then the smallest doc_id), stable while that report stays.

    Args:
        events: the reports (the columns of ``INPUTS``).
        texts: their texts, in the same order.
    """
    by_id = dict(zip(events["doc_id"].tolist(), texts, strict=True))
    grouping = regroup(events, lambda ids: [by_id[i] for i in ids])
    return grouping["meeting_id"].set_axis(events.index)


def regroup(
    events: pd.DataFrame, texts_of: Texts, kept: pd.DataFrame | None = None,
    keys: np.ndarray | None = None,
) -> pd.DataFrame:  # fmt: skip
    """The grouping of these reports, comparing again only the pairs that involve a report
    ``kept`` (an earlier grouping) does not have as it is now.

    Args:
        events: the reports (the columns of ``INPUTS``; one row per doc_id).
        texts_of: reads the texts of reports (only the reports not in ``kept`` as they are).
        kept: what this function returned for an earlier set of reports, or None.
        keys: the reports' ``_row_keys``, when already computed.

    Returns:
        One row per report, in the order of ``events``: ``doc_id``, ``meeting_id``, and what
        a later call needs (``key``: its inputs' hash, ``opening``, ``linked``: the rows of
        the reports after it, in this order, linked to it, ``strength``: their similarity).
    """
    keys = _row_keys(events) if keys is None else keys
    doc_ids = events["doc_id"].astype(str).to_numpy(dtype=object)
    n = len(events)
    openings = np.full(n, None, dtype=object)
    same = np.zeros(n, dtype=bool)
    numbers = np.full(n, None, dtype=object)  # ordinals, where read
    meetings = np.full(n, None, dtype=object)  # as kept
    if kept is not None and len(kept):
        before = pd.Index(kept["doc_id"]).get_indexer(doc_ids)
        same = (before >= 0) & (kept["key"].to_numpy()[before] == keys)
        for into, column in (
            (openings, "opening"),
            (numbers, "ordinals"),
            (meetings, "meeting_id"),
        ):
            into[same] = kept[column].to_numpy(dtype=object)[before[same]]
    fresh = np.flatnonzero(~same)
    if len(fresh):
        texts = texts_of(doc_ids[fresh].tolist())
        titles = events["title"].fillna("").astype(str).to_numpy(dtype=object)[fresh]
        openings[fresh] = [
            f"{t}\n{x[:_TEXT_CHARS] if isinstance(x, str) else ''}"
            for t, x in zip(titles, texts, strict=True)
        ]
    first, second = _candidates(events, None if kept is None else ~same)
    undated_first, undated_second = undated_candidates(events, openings, DAYS)
    first = np.concatenate([first, undated_first])
    second = np.concatenate([second, undated_second])
    asked = ~same[first] | ~same[second]
    first, second = first[asked], second[asked]
    found, similar = _linked_in_slices(events, openings, first, second, numbers)
    old_first, old_second, old_strength, lost = _kept_links(kept, doc_ids, same)
    first = np.concatenate([first[found], old_first])
    second = np.concatenate([second[found], old_second])
    strength = np.concatenate([similar[found], old_strength])
    # Only the meetings that gained, lost or changed a report are checked again.
    settled = unchanged_meetings(first, second, ~same | lost) & pd.notna(meetings)
    redo = ~settled[first]
    a, b, w = first[redo], second[redo], strength[redo]
    joins = not_bridging(a, b, openings, numbers)
    component = meetings_without_contradictions(
        a[joins], b[joins], _facts(events, openings, numbers), w[joins]
    )
    ids = np.asarray(_meeting_ids(events, component), dtype=object)
    ids[settled] = meetings[settled]
    linked, strengths = _partners(first, second, strength, n)
    return pd.DataFrame({
        "doc_id": doc_ids, "meeting_id": pd.Series(ids, dtype="str"), "key": keys,
        "opening": pd.Series(openings, dtype=object),  # as it is: no copy into Arrow
        "linked": linked, "strength": strengths,
        "ordinals": pd.Series([None if o is None else sorted(o) for o in numbers], dtype=object),
    })  # fmt: skip


def _facts(events: pd.DataFrame, openings: np.ndarray, numbers: np.ndarray) -> dict:
    """What tells whether two reports of one meeting contradict each other."""
    start = events["date"].to_numpy(dtype="datetime64[D]")
    end = events["end_date"].fillna(events["date"]).to_numpy(dtype="datetime64[D]")
    country = pd.factorize(events["iso3"].replace("", None))[0]
    in_person = ~events["virtual"].fillna(False).to_numpy(dtype=bool)
    return {"start": start, "end": np.maximum(end, start), "country": country,
            "in_person": in_person, "openings": openings, "numbers": numbers}  # fmt: skip


def _partners(first: np.ndarray, second: np.ndarray, strength: np.ndarray, n: int):
    """For each of ``n`` reports (positions), the positions of the reports it comes first
    with in a link, and those links' similarities: two columns of Arrow lists (built and
    read end to end, without a Python object per report)."""
    order = np.argsort(first, kind="stable")  # a radix sort
    offsets = pa.array(np.searchsorted(first[order], np.arange(n + 1)).astype(np.int32))

    def lists(values: np.ndarray) -> pd.Series:
        array = pa.ListArray.from_arrays(offsets, pa.array(values))
        return pd.Series(pd.arrays.ArrowExtensionArray(array))

    return lists(second[order].astype(np.int32)), lists(strength[order].astype(np.float32))


def _flat(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The lengths of a column of lists (as :func:`_partners` makes them) and their values
    end to end."""
    lists = pa.chunked_array(column.array.__arrow_array__()).combine_chunks()
    return lists.value_lengths().to_numpy(), lists.flatten().to_numpy()


def kept_grouping(events: pd.DataFrame, texts_of: Texts, folder: Path) -> pd.Series:
    """The meeting of each report (by position): as kept in ``folder`` for exactly these
    inputs, else regrouped from the newest grouping kept there (see :func:`regroup`) and
    kept in its turn (the ``GROUPINGS_KEPT`` newest are)."""
    keys = _row_keys(events)
    path = Path(folder) / f"v{GROUPING_VERSION}-{_inputs_key(keys)}.parquet"
    try:
        ids = pd.read_parquet(path, columns=["doc_id", "meeting_id"]).set_index("doc_id")
        ids = ids["meeting_id"].reindex(events["doc_id"])
        if not ids.isna().any():
            return ids.set_axis(events.index)
    except (OSError, ValueError, KeyError):  # none kept, or damaged: grouped (again)
        pass
    kept = sorted(Path(folder).glob(f"v{GROUPING_VERSION}-*.parquet"), key=_modified)
    grouping = regroup(events, texts_of, _read(kept[-1]) if kept else None, keys)
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(f".{os.getpid()}.tmp")
    table = pa.Table.from_pandas(grouping, preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), part)  # plain Arrow types, no pandas'
    os.replace(part, path)
    stale = [p for p in kept if p != path][: max(len(kept) + 1 - GROUPINGS_KEPT, 0)]
    stale += [
        p for p in Path(folder).glob("*.parquet") if not p.name.startswith(f"v{GROUPING_VERSION}-")
    ]
    for old in stale:  # the oldest, and those of other versions of the grouping
        old.unlink(missing_ok=True)
    return grouping["meeting_id"].set_axis(events.index)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read(path: Path) -> pd.DataFrame | None:
    """A kept grouping, or None when it is gone or damaged."""
    lists = ["linked", "strength"]
    columns = ["doc_id", "meeting_id", "key", "opening", "ordinals", *lists]
    try:
        table = pq.read_table(path, columns=columns)
        kept = table.drop_columns(lists).to_pandas()
        for column in lists:
            kept[column] = pd.arrays.ArrowExtensionArray(table[column])
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return None
    return kept if kept["key"].dtype == np.uint64 else None


def _inputs_key(keys: np.ndarray) -> str:
    """A hash of everything the grouping of some reports depends on (their ``_row_keys``)."""
    digest = hashlib.sha256(keys.tobytes())
    digest.update(GROUPING_VERSION.encode())
    return digest.hexdigest()[:20]


def _row_keys(events: pd.DataFrame) -> np.ndarray:
    """A 64-bit hash of each report's ``INPUTS``, whatever their dtypes."""
    frame = pd.DataFrame(index=range(len(events)))
    for column in INPUTS:
        values = events[column].reset_index(drop=True)
        if column in ("published", "date", "end_date"):
            frame[column] = pd.to_datetime(values).astype("datetime64[s]")
        elif column == "virtual":
            frame[column] = values.fillna(False).astype(bool)
        else:
            frame[column] = values.astype("string").fillna("")
    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def _kept_links(kept, doc_ids: np.ndarray, same: np.ndarray):
    """The earlier links (as positions now) between two reports that are as they were,
    their similarities, and which reports lost a link (to a report changed or gone)."""
    lost = np.zeros(len(doc_ids), dtype=bool)
    if kept is None or not len(kept):
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float32), lost
    counts, linked = _flat(kept["linked"])
    now = pd.Index(doc_ids).get_indexer(kept["doc_id"].to_numpy())  # each kept row's position
    first = np.repeat(now, counts)
    second = now[linked.astype(np.int64)]
    strength = _flat(kept["strength"])[1].astype(np.float32)
    here_a, here_b = first >= 0, second >= 0
    here_a[here_a] = same[first[here_a]]
    here_b[here_b] = same[second[here_b]]
    lost[first[here_a & ~here_b]] = True
    lost[second[here_b & ~here_a]] = True
    both = here_a & here_b
    first, second = first[both], second[both]
    return np.minimum(first, second), np.maximum(first, second), strength[both], lost


def _candidates(events: pd.DataFrame, among: np.ndarray | None = None):
    """The pairs of reports (positions, first < second) whose meetings are within
    ``DAYS`` of each other (only those with a report of ``among``, a mask, if given)."""
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
    rows = np.arange(len(order)) if among is None else np.flatnonzero(among[order])
    counts = np.maximum(last[rows] - rows - 1, 0)
    left = np.repeat(rows, counts)
    right = left + 1 + _ramp(counts)
    if among is not None and len(rows):  # and the earlier ones they are a later one of
        longest = int((ends - starts).max())
        since = np.searchsorted(starts, starts[rows] - longest - DAYS, side="left")
        counts = rows - since
        later = np.repeat(rows, counts)
        earlier = np.repeat(since, counts) + _ramp(counts)
        new = (last[earlier] > later) & ~among[order[earlier]]  # pairs of two: counted above
        left, right = np.r_[left, earlier[new]], np.r_[right, later[new]]
    a, b = order[left], order[right]
    return np.minimum(a, b), np.maximum(a, b)


def _ramp(counts: np.ndarray) -> np.ndarray:
    """0, 1, ..., count - 1 for each count, concatenated."""
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _linked_in_slices(events: pd.DataFrame, openings: np.ndarray, first: np.ndarray,
                      second: np.ndarray, numbers: np.ndarray):  # fmt: skip
    """:func:`_linked` of the pairs, ``PAIRS_AT_ONCE`` at a time (pairs in order of date
    as :func:`_candidates` gives them, so each slice's reports are near in date): the
    memory of a slice's arrays, not of every pair's, and the same values."""
    found = np.zeros(len(first), dtype=bool)
    similar = np.zeros(len(first), dtype=np.float32)
    for start in range(0, len(first), PAIRS_AT_ONCE):
        part = slice(start, start + PAIRS_AT_ONCE)
        found[part], similar[part] = _linked(events, openings, first[part], second[part], numbers)
    return found, similar


def _linked(events: pd.DataFrame, openings: np.ndarray, first: np.ndarray, second: np.ndarray,
            numbers: np.ndarray):  # fmt: skip
    """Whether each pair of reports (positions) is one meeting (``numbers``: the reports'
    ordinals where read, the others read as needed)."""
    if not len(first):
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=np.float32)
    starts = events["date"].to_numpy(dtype="datetime64[D]")
    ends = events["end_date"].fillna(events["date"]).to_numpy(dtype="datetime64[D]")
    undated = np.isnat(starts[first]) | np.isnat(starts[second])
    similar = np.empty(len(first), dtype=np.float32)
    similar[~undated] = similarity_along_dates(starts, openings, first[~undated], second[~undated])
    similar[undated] = pair_similarity(openings, first[undated], second[undated])
    iso3, countries = pd.factorize(events["iso3"].fillna(""))
    blank = countries.get_indexer([""])[0]  # -1 when every report has a country
    virtual = events["virtual"].fillna(False).to_numpy(dtype=bool)
    region = pd.factorize(events["region"].fillna(""))[0]
    kinds = events["event_type"].fillna("").astype(str).to_numpy(dtype=object)
    kind = pd.factorize(kinds)[0]
    same_country = (iso3[first] == iso3[second]) & (iso3[first] != blank)
    online = virtual[first] & virtual[second] & (region[first] == region[second])
    in_person = ~virtual[first] & ~virtual[second]
    same_kind = kind[first] == kind[second]
    alike = same_kind | (similar >= OTHER_TYPE_SIMILAR)
    same_days = (starts[first] == starts[second]) & (ends[first] == ends[second])
    # One report's days within the other's: a copy that gives only the first or last day.
    within = ((starts[first] >= starts[second]) & (ends[first] <= ends[second])) | (
        (starts[second] >= starts[first]) & (ends[second] <= ends[first])
    )
    same_place = (same_country & in_person) | online
    low = same_place & within & (similar >= SAME_DAYS_SIMILAR)
    # Days a day apart, not overlapping: a report a day off, or the next meeting in town.
    apart = (starts[first] > ends[second]) | (starts[second] > ends[first])
    near = np.where(apart, TOUCHING_SIMILAR, 0.0)
    usual = (
        (same_country & in_person & alike & (similar >= np.maximum(SAME_PLACE_SIMILAR, near)))
        | (online & (similar >= np.maximum(ONLINE_SIMILAR, near)))
        | (low & same_days & same_kind)
        | (similar >= ANY_PLACE_SIMILAR)
    )
    # Close types, or one report giving only one of the days, need the same ordinal
    # ("24th", "24e", "XXIV"); so do any two types on the same first and last days (a
    # copy that reads a workshop as "a meeting"); two different ordinals keep any pair
    # apart (the 59th meeting and the 60th, a committee's session and a working group's).
    close = np.isin(kinds[first], CLOSE_TYPES) & np.isin(kinds[second], CLOSE_TYPES)
    # ... on nothing else in common when they read the same type (a copy in Chinese).
    by_ordinal = ((low & (close | same_days)) | (same_place & same_days & same_kind)) & ~usual
    shared, differ = ordinals_agree(openings, numbers, first, second, usual | by_ordinal)
    return (usual | (by_ordinal & shared)) & ~differ, similar


def _meeting_ids(events: pd.DataFrame, component: np.ndarray) -> list[str]:
    published = events["published"].fillna(events["date"])
    order = pd.DataFrame(
        {"component": component, "published": published.to_numpy(), "doc_id": events["doc_id"]}
    ).sort_values(["published", "doc_id"], na_position="last", kind="stable")
    lead = order.drop_duplicates("component").set_index("component")["doc_id"]
    return ("m-" + lead.reindex(component).astype(str)).tolist()
