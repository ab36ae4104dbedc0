"""Meetings formed through chains of links must not join reports that contradict each other.

Each link joins two reports that agree; a chain of them (the 24th Conference, a copy that
gives no ordinal, a wire that gives none either, the 25th Conference's report) can still
join two that do not: different ordinals, meeting days too far apart, held in person in
two countries. A meeting whose reports contradict so is rebuilt from its links, the
strongest (the most content in common) first, each kept only when it joins no two
reports that contradict, unless those two are linked themselves (a link may join two
countries when one report's place is misread: the copy of a meeting in Kampala read as
held in Nairobi, linked both to its original and to a workshop in Nairobi on the same
days, stays with the original, with which it has more in common). A function of the links and the reports
alone, so that a grouping redone in part equals one done whole.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from analytics.ordinal_links import read_ordinals

__all__ = ["CHAIN_DAYS", "meetings_without_contradictions", "unchanged_meetings"]

# The most days between two reports of one meeting linked through others (one giving the
# first day, one the last, one a day off): a chain that stretches further joins two.
CHAIN_DAYS = 3


def unchanged_meetings(first: np.ndarray, second: np.ndarray, changed: np.ndarray) -> np.ndarray:
    """Which reports are in a component of the links ``first[k]`` - ``second[k]``
    (positions) that holds none of the reports ``changed`` (added, changed, or that lost a
    link): their meetings are what they were, since a meeting is a function of its links
    and its reports alone."""
    n = len(changed)
    graph = csr_matrix((np.ones(len(first), dtype=np.int8), (first, second)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    touched = np.zeros(n, dtype=bool)
    touched[component[changed]] = True
    return ~touched[component]


def meetings_without_contradictions(
    first: np.ndarray, second: np.ndarray, reports: dict, strength: np.ndarray
) -> np.ndarray:
    """The meeting (a component number) of each report, from the links ``first[k]`` -
    ``second[k]`` (positions), no meeting joining two reports that contradict.

    Args:
        reports: ``start``, ``end`` (datetime64[D], NaT when unknown), ``country`` (codes,
            -1 when unknown), ``in_person`` (bool), ``openings`` and ``numbers`` (the
            ordinals as read so far) of every report, by position.
        strength: the content in common of each link's two reports.
    """
    n = len(reports["start"])
    graph = csr_matrix((np.ones(len(first)), (first, second)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    a, b = _pairs_within(component)
    if not len(a):
        return component
    read_ordinals(reports["openings"], reports["numbers"], np.unique(np.r_[a, b]))
    clash = _contradict(a, b, reports, CHAIN_DAYS, (first, second))
    if not clash.any():
        return component
    broken = np.unique(component[a[clash]])
    relabel = component.copy()
    top = int(component.max()) + 1
    for meeting in broken.tolist():
        inside = (component[first] == meeting) & (component[second] == meeting)
        here = clash & (component[a] == meeting)
        pairs = set(zip(a[here].tolist(), b[here].tolist(), strict=True))
        x, y = first[inside], second[inside]
        parts = _rebuilt(x, y, pairs, np.lexsort((y, x, -strength[inside])))
        for part in parts[1:]:
            relabel[part] = top
            top += 1
    return relabel


def _pairs_within(component: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of reports (positions, first < second) of each meeting of three or more."""
    sizes = np.bincount(component)
    members = np.flatnonzero(sizes[component] >= 3)
    if not len(members):
        return np.empty(0, np.int64), np.empty(0, np.int64)
    members = members[np.argsort(component[members], kind="stable")]
    counts = sizes[component[members]]
    begins = np.searchsorted(component[members], component[members])  # first of its meeting
    after = begins + counts - np.arange(len(members)) - 1  # members after each, same meeting
    left = np.repeat(np.arange(len(members)), after)
    right = left + 1 + np.arange(after.sum()) - np.repeat(np.cumsum(after) - after, after)
    a, b = members[left], members[right]
    return np.minimum(a, b), np.maximum(a, b)


def _contradict(a: np.ndarray, b: np.ndarray, reports: dict, days: int, links: tuple):
    """Whether each pair of reports gives different ordinals, meeting days more than
    ``days`` apart, or (unless linked) in-person venues in two countries."""
    start, end = reports["start"], reports["end"]
    dated = ~np.isnat(start[a]) & ~np.isnat(start[b])
    gap = np.maximum(start[a], start[b]) - np.minimum(end[a], end[b])
    apart = dated & (gap.astype("int64") > days)
    places = _two_countries(a, b, reports)
    if places.any():
        linked = set(zip(np.minimum(*links).tolist(), np.maximum(*links).tolist(), strict=True))
    for at in np.flatnonzero(places).tolist():
        places[at] = (int(a[at]), int(b[at])) not in linked
    numbers = reports["numbers"]
    ordinals = np.zeros(len(a), dtype=bool)
    for at in np.flatnonzero(_given(numbers, a) & _given(numbers, b)).tolist():
        ordinals[at] = not numbers[a[at]] & numbers[b[at]]
    return apart | places | ordinals


def _two_countries(a: np.ndarray, b: np.ndarray, reports: dict) -> np.ndarray:
    """Whether each pair of reports was held in person in two countries."""
    country, in_person = reports["country"], reports["in_person"]
    known = in_person[a] & in_person[b] & (country[a] >= 0) & (country[b] >= 0)
    return known & (country[a] != country[b])


def _given(numbers: np.ndarray, reports: np.ndarray) -> np.ndarray:
    """Whether each of these reports gives an ordinal."""
    return np.fromiter((bool(numbers[r]) for r in reports.tolist()), bool, len(reports))


def _rebuilt(first: np.ndarray, second: np.ndarray, clashes: set, order: np.ndarray):
    """One meeting's reports (positions) in parts: its links in this ``order``, each
    kept unless it would join two reports of ``clashes``."""
    part: dict[int, int] = {int(r): int(r) for r in np.r_[first, second].tolist()}
    members = {r: {r} for r in part}

    def root(report: int) -> int:
        while part[report] != report:
            part[report] = part[part[report]]
            report = part[report]
        return report

    for x, y in zip(first[order].tolist(), second[order].tolist(), strict=True):
        rx, ry = root(x), root(y)
        if rx == ry:
            continue
        if any((min(p, q), max(p, q)) in clashes for p in members[rx] for q in members[ry]):
            continue
        part[ry] = rx
        members[rx] |= members.pop(ry)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
