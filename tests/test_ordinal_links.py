"""The ordinals as evidence, pair by pair and at a report linked to several meetings."""

from __future__ import annotations

import numpy as np

from analytics.chains import unchanged_meetings
from analytics.ordinal_links import compare_ordinals, not_bridging, read_ordinals


def _numbers(*sets) -> np.ndarray:
    numbers = np.empty(len(sets), dtype=object)
    numbers[:] = [None if s is None else frozenset(s) for s in sets]
    return numbers


def test_pairs_share_an_ordinal_or_differ_whether_reports_give_one_or_several():
    numbers = _numbers({24}, {24}, {25}, {24, 143}, {143, 144}, set(), None)
    a = np.array([0, 0, 0, 2, 3, 0, 0])
    b = np.array([1, 2, 3, 4, 4, 5, 6])
    common, both = compare_ordinals(numbers, a, b)
    assert common.tolist() == [True, False, True, False, True, False, False]
    assert both.tolist() == [True, True, True, True, True, False, False]


def test_a_report_without_an_ordinal_keeps_its_links_to_the_ordinal_most_reports_give():
    # report 0 gives none and is linked to two reports of the 24th and one of the 25th;
    # report 4 gives none and is linked to one 24th and one 25th: a tie, no link kept
    numbers = _numbers(set(), {24}, {24, 7}, {25}, set(), {24}, {25})
    first, second = np.array([0, 0, 0, 4, 4]), np.array([1, 2, 3, 5, 6])
    openings = np.array([""] * 7, dtype=object)
    assert not_bridging(first, second, openings, numbers).tolist() == [
        True, True, False, False, False,
    ]  # fmt: skip


def test_only_the_components_without_a_changed_report_are_unchanged():
    first, second = np.array([0, 1, 3]), np.array([1, 2, 4])  # 0-1-2, 3-4, 5 alone
    changed = np.array([False, False, True, False, False, False])
    assert unchanged_meetings(first, second, changed).tolist() == [
        False, False, False, True, True, True,
    ]  # fmt: skip


def test_ordinals_are_read_once_per_distinct_beginning_of_an_opening(monkeypatch):
    from analytics import ordinal_links

    calls = []
    plain = ordinal_links.ordinals
    monkeypatch.setattr(ordinal_links, "ordinals", lambda t: calls.append(t) or plain(t))
    head = "The 24th Conference opened in Bangui. "
    openings = np.array([head + "Day one.", head + "Day one.", "The 25th Conference."], object)
    numbers = np.full(3, None, dtype=object)
    read_ordinals(openings, numbers, np.array([0, 1, 2]))
    assert list(numbers) == [frozenset({24}), frozenset({24}), frozenset({25})]
    assert len(calls) == 2  # the copy's read once
