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

from analytics.ordinal_links import (
    NO_ORDINAL,
    SEVERAL_ORDINALS,
    compare_ordinals,
    ordinal_codes,
    read_ordinals,
)

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
    sizes = np.bincount(component)
    members = np.flatnonzero(sizes[component] >= 3)
    if not len(members):
        return component
    read_ordinals(reports["openings"], reports["numbers"], members)
    # Only the meetings whose reports could contradict (their days, countries or
    # ordinals not all alike) have their pairs compared: a large meeting of copies none.
    members = members[_suspect(component, members, reports, CHAIN_DAYS)[component[members]]]
    a, b = _pairs_within(component, members)
    if not len(a):
        return component
    clash = _contradict(a, b, reports, CHAIN_DAYS, (first, second))
    if not clash.any():
        return component
    relabel = component.copy()
    top = int(component.max()) + 1
    broken = np.unique(component[a[clash]])
    links = _by_meeting(component[first], broken)
    clashes = _by_meeting(component[a], broken, among=np.flatnonzero(clash))
    for inside, here in zip(links, clashes, strict=True):
        x, y = first[inside], second[inside]
        pairs = list(zip(a[here].tolist(), b[here].tolist(), strict=True))
        parts = _rebuilt(x, y, pairs, np.lexsort((y, x, -strength[inside])))
        for part in parts[1:]:
            relabel[part] = top
            top += 1
    return relabel


def _by_meeting(meeting: np.ndarray, chosen: np.ndarray, among: np.ndarray | None = None):
    """The positions (of ``among``, default all) whose ``meeting`` is one of ``chosen``,
    one array per meeting, in the order of the meetings."""
    among = np.arange(len(meeting)) if among is None else among
    kept = among[np.isin(meeting[among], chosen)]
    kept = kept[np.argsort(meeting[kept], kind="stable")]
    return np.split(kept, np.flatnonzero(np.diff(meeting[kept])) + 1)


def _suspect(component: np.ndarray, members: np.ndarray, reports: dict, days: int):
    """Of each meeting (component number), whether two of its ``members`` might
    contradict each other: its latest first day more than ``days`` after its earliest
    last day, two countries of in-person meetings, or two ordinals (or a report giving
    several). A meeting not suspected has no pair that :func:`_contradict` finds."""
    count = int(component.max()) + 1
    suspect = np.zeros(count, dtype=bool)
    start, end = reports["start"], reports["end"]
    dated = members[~np.isnat(start[members])]
    if len(dated):
        latest = np.full(count, np.iinfo(np.int64).min)
        earliest = np.full(count, np.iinfo(np.int64).max)
        np.maximum.at(latest, component[dated], start[dated].astype("int64"))
        np.minimum.at(earliest, component[dated], end[dated].astype("int64"))
        suspect |= latest - earliest > days
    country = reports["country"]
    placed = members[reports["in_person"][members] & (country[members] >= 0)]
    suspect |= _several(component[placed], country[placed], count)
    codes = ordinal_codes(reports["numbers"][members])
    given = codes != NO_ORDINAL
    suspect[component[members[codes == SEVERAL_ORDINALS]]] = True
    suspect |= _several(component[members[given]], codes[given], count)
    return suspect


def _several(meeting: np.ndarray, values: np.ndarray, count: int) -> np.ndarray:
    """Of each of ``count`` meetings, whether its ``values`` are not all the same."""
    low = np.full(count, np.iinfo(np.int64).max)
    high = np.full(count, np.iinfo(np.int64).min)
    np.minimum.at(low, meeting, values.astype(np.int64))
    np.maximum.at(high, meeting, values.astype(np.int64))
    return high > low


def _pairs_within(component: np.ndarray, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of reports (positions, first < second) of ``members`` in the same
    meeting (each member's meeting of three or more)."""
    sizes = np.bincount(component[members], minlength=int(component.max()) + 1)
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
    if places.any():  # pairs (first < second) as one number each
        n = np.int64(len(start))
        linked = np.sort(np.minimum(*links).astype(np.int64) * n + np.maximum(*links))
        asked = a[places].astype(np.int64) * n + b[places]
        at = np.minimum(np.searchsorted(linked, asked), len(linked) - 1)
        places[places] = linked[at] != asked
    common, both = compare_ordinals(reports["numbers"], a, b)
    return apart | places | (both & ~common)


def _two_countries(a: np.ndarray, b: np.ndarray, reports: dict) -> np.ndarray:
    """Whether each pair of reports was held in person in two countries."""
    country, in_person = reports["country"], reports["in_person"]
    known = in_person[a] & in_person[b] & (country[a] >= 0) & (country[b] >= 0)
    return known & (country[a] != country[b])


def _rebuilt(first: np.ndarray, second: np.ndarray, clashes: list, order: np.ndarray):
    """One meeting's reports (positions) in parts: its links in this ``order``, each
    kept unless it would join two reports of a pair of ``clashes``."""
    part: dict[int, int] = {int(r): int(r) for r in np.r_[first, second].tolist()}
    members = {r: {r} for r in part}
    against: dict[int, set[int]] = {r: set() for r in part}  # what a part's reports clash with
    for p, q in clashes:
        against[p].add(q)
        against[q].add(p)

    def root(report: int) -> int:
        while part[report] != report:
            part[report] = part[part[report]]
            report = part[report]
        return report

    for x, y in zip(first[order].tolist(), second[order].tolist(), strict=True):
        rx, ry = root(x), root(y)
        if rx == ry:
            continue
        if not against[rx].isdisjoint(members[ry]):
            continue
        part[ry] = rx
        members[rx] |= members.pop(ry)
        against[rx] |= against.pop(ry)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
