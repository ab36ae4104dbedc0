"""The briefing's plain-language sentences, written from its tables by templates.

Each sentence names the table and the row (scope, theme) it was written from, so that the
page shows it beside that table and a reader can check every number. For example: "In
Asia/Pacific, e-commerce came up in 7 of 12 meetings in 2023–2024 (58 %), up from 2 of 14
(14 %) in 2021–2022."
"""

from __future__ import annotations

import re

import pandas as pd

from analytics.views.briefing import ALL, Briefing, percent

__all__ = ["SENTENCE_COLUMNS", "sentences", "summary", "theme_phrase", "years_phrase"]

SENTENCE_COLUMNS = ["scope", "table", "kind", "theme", "sentence"]
_FEW = " (few meetings)"
_ACRONYM = re.compile(r"[A-Z]{2,}")


def years_phrase(years: tuple[int, int]) -> str:
    """``2023–2024`` (an en dash), or ``2024`` for a single year."""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def theme_phrase(label: str) -> str:
    """A theme's label inside a sentence: its first letter lower-cased ("E-commerce" ->
    "e-commerce"), unless the label starts with an acronym ("AEO programme") or holds a
    capitalised word other than an acronym, taken for a proper name ("Mercator Programme",
    "Kyoto Convention"); "Trade facilitation (TFA)" -> "trade facilitation (TFA)"."""
    words = [re.sub(r"[^\w-]", "", word) for word in label.split()]
    first, rest = (words[0] if words else ""), words[1:]
    if not first or _ACRONYM.match(first) or not first[0].isupper():
        return label
    proper = any(w[:1].isupper() and not _ACRONYM.fullmatch(w) for w in rest)
    return label if proper else label[0].lower() + label[1:]


def _where(scope: str) -> str:
    if scope == ALL:
        return "Across the selected meetings"
    if scope == "Global":
        return "At the meetings of the whole organisation (Global)"
    return f"In {scope}"


def _of(part: int, whole: int) -> str:
    return f"{part} of {whole} meetings ({percent(part, whole)} %)"


def _count(part: int, whole: int) -> str:
    return f"none of the {whole}" if part == 0 else f"{part} of {whole}"


def _change(row, label: str, now: str, then: str) -> str:
    way = "up" if row.change > 0 else "down"
    said = (
        f"{_where(row.scope)}, {label} came up in {_count(row.meetings_now, row.total_now)} "
        f"meetings in {now} ({percent(row.meetings_now, row.total_now)} %), {way} from "
        f"{_count(row.meetings_then, row.total_then)} "
        f"({percent(row.meetings_then, row.total_then)} %) in {then}"
    )
    return said + (_FEW if row.few else "") + "."


def _first(row, label: str, now: str) -> str:
    earlier = "meeting" if row.total_earlier == 1 else "meetings"
    said = (
        f"{_where(row.scope)}, {label} came up for the first time in {now}, in "
        f"{_of(row.meetings_now, row.total_now)}; none of the {row.total_earlier} earlier "
        f"{earlier} had discussed it"
    )
    return said + (_FEW if row.few else "") + "."


def _top(rows: pd.DataFrame, labels: dict[str, str], now: str) -> str:
    first = rows.iloc[0]
    parts = [f"{theme_phrase(labels.get(first.theme, first.theme))}, in "
             f"{_of(first.meetings_now, first.total_now)}"]  # fmt: skip
    parts += [
        f"{theme_phrase(labels.get(row.theme, row.theme))}, in {row.meetings_now} "
        f"({percent(row.meetings_now, row.total_now)} %)"
        for row in rows.iloc[1:].itertuples()
    ]
    listed = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + " and " + parts[-1]
    verb = "was" if len(parts) == 1 else "were"
    noun = "theme" if len(parts) == 1 else "themes"
    few = _FEW if bool(first.few) else ""
    return f"{_where(first.scope)}, the most discussed {noun} in {now} {verb} {listed}{few}."


def sentences(briefing: Briefing, labels: dict[str, str]) -> pd.DataFrame:
    """Every sentence of the briefing with the table (``top``, ``moves``, ``first``) and
    the row (scope, theme; the first theme for ``top``) it was written from; ``kind``
    says whether it tells of the most discussed themes, a rise, a fall or a first time."""
    now = years_phrase(briefing.periods.now)
    then = years_phrase(briefing.periods.then) if briefing.periods.then else ""
    rows = []
    for scope, top in briefing.top.groupby("scope", sort=False):
        rows.append((scope, "top", "top", top["theme"].iloc[0], _top(top.head(3), labels, now)))
    for row in briefing.moves.itertuples():
        label = theme_phrase(labels.get(row.theme, row.theme))
        rows.append((row.scope, "moves", row.direction, row.theme, _change(row, label, now, then)))
    for row in briefing.first.itertuples():
        label = theme_phrase(labels.get(row.theme, row.theme))
        rows.append((row.scope, "first", "first", row.theme, _first(row, label, now)))
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    order = {scope: i for i, scope in enumerate(briefing.scopes)}
    return table.sort_values("scope", key=lambda s: s.map(order), kind="stable").reset_index(
        drop=True
    )


def summary(written: pd.DataFrame) -> pd.DataFrame:
    """The page's summary, from :func:`sentences`: the first scope's (the selection's)
    most discussed themes, largest rise (of a theme not new), largest fall and first new
    theme, then every other scope's largest rise and fall."""
    first_scope = written["scope"].iloc[0] if len(written) else None
    ours = written["scope"].eq(first_scope)
    new = set(written.loc[ours & written["kind"].eq("first"), "theme"])
    told = [
        kind == "fell"
        or (kind == "rose" and not (mine and theme in new))  # a new theme: said as first
        or (kind == "first" and mine)
        for mine, kind, theme in zip(ours, written["kind"], written["theme"], strict=True)
    ]
    others = written[told].groupby(["scope", "kind"], sort=False).head(1)
    top = ours & written["kind"].eq("top")
    return written[top | written.index.isin(others.index)].reset_index(drop=True)
