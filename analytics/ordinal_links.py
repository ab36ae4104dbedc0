"""The meeting's ordinal ("24th", "24e", "XXIV", "24-я") as evidence that two reports are,
or are not, one meeting: a shared ordinal links close readings, two different ones keep a
pair apart, and a report that gives none does not bridge meetings of different ordinals."""

from __future__ import annotations

import numpy as np

from analytics.crosslingual import ordinals

__all__ = ["ORDINAL_CHARS", "not_bridging", "ordinals_agree", "read_ordinals"]

ORDINAL_CHARS = 400  # of each opening read for the meeting's ordinal (its title, lead)


def ordinals_agree(openings, numbers, first: np.ndarray, second: np.ndarray, asked):
    """For the pairs ``asked``: whether the two reports give an ordinal in common, and
    whether both give ordinals, none in common. False for the other pairs."""
    shared = np.zeros(len(first), dtype=bool)
    differ = np.zeros(len(first), dtype=bool)
    read_ordinals(openings, numbers, np.concatenate([first[asked], second[asked]]))
    for at in np.flatnonzero(asked).tolist():
        a, b = numbers[first[at]], numbers[second[at]]
        shared[at] = bool(a & b)
        differ[at] = bool(a) and bool(b) and not a & b
    return shared, differ


def read_ordinals(openings: np.ndarray, numbers: np.ndarray, reports: np.ndarray) -> None:
    """Reads into ``numbers`` the ordinals of these reports not read yet (other than
    "first", too often "the first time")."""
    for report in np.unique(reports).tolist():
        if numbers[report] is None:
            numbers[report] = ordinals(openings[report][:ORDINAL_CHARS]) - {1}
        elif not isinstance(numbers[report], frozenset):  # as kept: a list
            numbers[report] = frozenset(int(n) for n in numbers[report])


def not_bridging(first: np.ndarray, second: np.ndarray, openings, numbers) -> np.ndarray:
    """Which links join meetings: all but those by which a report that gives no ordinal
    would join reports of different ordinals (a Council's sessions, the 143rd/144th, and a
    working group's 12th meeting on the same days). Such a report keeps its links to the
    most of them that agree (none on a tie). A function of the links alone, so that a
    grouping redone in part equals one done whole."""
    keep = np.ones(len(first), dtype=bool)
    ends = np.concatenate([first, second])
    degree = np.bincount(ends, minlength=len(numbers))
    hubs = np.flatnonzero(degree >= 2)
    if not len(hubs):
        return keep
    at_hub = np.isin(first, hubs) | np.isin(second, hubs)
    read_ordinals(openings, numbers, np.concatenate([first[at_hub], second[at_hub]]))
    links: dict[int, list[int]] = {}
    for at in np.flatnonzero(at_hub).tolist():
        for report in (first[at], second[at]):
            if degree[report] >= 2 and not numbers[report]:
                links.setdefault(int(report), []).append(at)
    for report, ats in links.items():
        others = [int(first[at] + second[at] - report) for at in ats]
        given = [(at, numbers[o]) for at, o in zip(ats, others, strict=True) if numbers[o]]
        if len({n for _, number in given for n in number}) < 2:
            continue
        classes = _agreeing(given)
        if len(classes) < 2:
            continue
        sizes = sorted((len(c) for c in classes), reverse=True)
        largest = max(classes, key=len) if sizes[0] > sizes[1] else []
        keep[[at for c in classes if c is not largest for at in c]] = False
    return keep


def _agreeing(given: list[tuple[int, frozenset]]) -> list[list[int]]:
    """The links (``given``: each with its other report's ordinals) in classes of
    ordinals that share one, directly or through others."""
    classes: list[tuple[set, list[int]]] = []
    for at, number in given:
        joined = [c for c in classes if c[0] & number]
        merged = (set(number), [at])
        for c in joined:
            merged[0].update(c[0])
            merged[1].extend(c[1])
            classes.remove(c)
        classes.append(merged)
    return [sorted(ats) for _, ats in classes]
