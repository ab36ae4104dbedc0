"""The meeting's ordinal ("24th", "24e", "XXIV", "24-я") as evidence that two reports are,
or are not, one meeting: a shared ordinal links close readings, two different ones keep a
pair apart, and a report that gives none does not bridge meetings of different ordinals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.crosslingual import ordinals

__all__ = [
    "NO_ORDINAL",
    "ORDINAL_CHARS",
    "SEVERAL_ORDINALS",
    "compare_ordinals",
    "not_bridging",
    "ordinal_codes",
    "ordinals_agree",
    "read_ordinals",
]

ORDINAL_CHARS = 400  # of each opening read for the meeting's ordinal (its title, lead)


def ordinals_agree(openings, numbers, first: np.ndarray, second: np.ndarray, asked):
    """For the pairs ``asked``: whether the two reports give an ordinal in common, and
    whether both give ordinals, none in common. False for the other pairs."""
    shared = np.zeros(len(first), dtype=bool)
    differ = np.zeros(len(first), dtype=bool)
    a, b = first[asked], second[asked]
    read_ordinals(openings, numbers, np.concatenate([a, b]))
    common, both = compare_ordinals(numbers, a, b)
    shared[asked], differ[asked] = common, both & ~common
    return shared, differ


def compare_ordinals(numbers: np.ndarray, a: np.ndarray, b: np.ndarray):
    """For each pair of reports ``a[k]``, ``b[k]`` (ordinals read, or None: none given):
    whether they give an ordinal in common, and whether both give ordinals."""
    codes = ordinal_codes(numbers)
    given = codes != NO_ORDINAL
    both = given[a] & given[b]
    common = both & (codes[a] == codes[b]) & (codes[a] >= 0)
    for at in np.flatnonzero(
        both & ((codes[a] == SEVERAL_ORDINALS) | (codes[b] == SEVERAL_ORDINALS))
    ).tolist():
        common[at] = bool(numbers[a[at]] & numbers[b[at]])  # one gives several
    return common, both


NO_ORDINAL, SEVERAL_ORDINALS = (
    -1,
    -2,
)  # codes of a report that gives no ordinal (or is not read), several


def ordinal_codes(numbers: np.ndarray) -> np.ndarray:
    """Each report's ordinal when it gives one, else ``NO_ORDINAL`` or ``SEVERAL_ORDINALS``."""

    def code(number) -> int:
        if number is None or not len(number):
            return NO_ORDINAL
        return int(next(iter(number))) if len(number) == 1 else SEVERAL_ORDINALS

    return np.fromiter((code(n) for n in numbers.tolist()), np.int64, len(numbers))


def read_ordinals(openings: np.ndarray, numbers: np.ndarray, reports: np.ndarray) -> None:
    """Reads into ``numbers`` the ordinals of these reports not read yet (other than
    "first", too often "the first time"), each distinct beginning of an opening once (a
    release copied word for word, or reports that begin alike)."""
    read: dict[str, frozenset[int]] = {}
    for report in np.unique(reports).tolist():
        if numbers[report] is None:
            head = openings[report][:ORDINAL_CHARS]
            if head not in read:
                read[head] = ordinals(head) - {1}
            numbers[report] = read[head]
        elif not isinstance(numbers[report], frozenset):  # as kept: a list
            numbers[report] = frozenset(int(n) for n in numbers[report])


def not_bridging(first: np.ndarray, second: np.ndarray, openings, numbers) -> np.ndarray:
    """Which links join meetings: all but those by which a report that gives no ordinal
    would join reports of different ordinals (a Council's sessions, the 143rd/144th, and a
    working group's 12th meeting on the same days). Such a report keeps its links to the
    most of them that agree (none on a tie). A function of the links alone, so that a
    grouping redone in part equals one done whole."""
    keep = np.ones(len(first), dtype=bool)
    degree = np.bincount(np.concatenate([first, second]), minlength=len(numbers))
    links = np.flatnonzero((degree[first] >= 2) | (degree[second] >= 2))
    if not len(links):
        return keep
    read_ordinals(openings, numbers, np.concatenate([first[links], second[links]]))
    codes = ordinal_codes(numbers)
    # Each link as seen from a report of two links or more that gives no ordinal, to a
    # report that gives some; only the reports seeing two ordinals or more can bridge.
    hub = np.concatenate([first[links], second[links]])
    other = np.concatenate([second[links], first[links]])
    at = np.concatenate([links, links])
    seen = (degree[hub] >= 2) & (codes[hub] == NO_ORDINAL) & (codes[other] != NO_ORDINAL)
    hub, other, at = hub[seen], other[seen], at[seen]
    seeing = pd.DataFrame({"hub": hub, "code": codes[other]}).drop_duplicates()
    counts = seeing["hub"].value_counts()
    bridging = np.union1d(counts.index[counts >= 2], hub[codes[other] == SEVERAL_ORDINALS])
    chosen = np.isin(hub, bridging)
    hub, other, at = hub[chosen], other[chosen], at[chosen]
    order = np.lexsort((at, hub))
    cuts = np.flatnonzero(np.diff(hub[order])) + 1
    for part in np.split(order, cuts) if len(order) else []:
        given = [(int(at[k]), numbers[other[k]]) for k in part.tolist()]
        classes = _agreeing(given)
        if len(classes) < 2:
            continue
        sizes = sorted((len(c) for c in classes), reverse=True)
        largest = max(classes, key=len) if sizes[0] > sizes[1] else []
        keep[[a for c in classes if c is not largest for a in c]] = False
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
