"""Corrections that last: editors' fixes of a meeting's date, venue, region, type and
themes.

Corrections are appended to a log (a CSV file: who, when, field, old value, new value,
reason), keyed by the report's stable ``doc_id``, and applied after extraction and
classification, so that they survive re-extraction, a new extractor and refits. Nothing
is deleted: undoing a correction appends an ``undo`` line naming it. A line that cannot
be used is reported (file, line, why) and left out; it never stops the others.
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, cached_property
from pathlib import Path

import pandas as pd

from analytics.extract.kinds import EVENT_TYPES

__all__ = [
    "FIELDS",
    "LOG_COLUMNS",
    "Correction",
    "Corrections",
    "append_corrections",
    "apply_corrections",
    "changes",
    "choices",
    "country_codes",
    "meeting_changes",
    "orphans",
    "read_corrections",
    "undo",
]

LOG_COLUMNS = ["id", "doc_id", "field", "old", "new", "reason", "who", "when"]
# The fields an editor corrects, as the log names them, and the part of the meeting each
# belongs to (as ``corrected`` lists them).
FIELDS = {
    "date": "date",
    "end_date": "date",
    "city": "venue",
    "country": "venue",
    "virtual": "venue",
    "region": "region",
    "event_type": "type",
    "theme": "themes",
}
_UNDO = "undo"
_TRUE, _FALSE = "yes", "no"


@dataclass(frozen=True)
class Correction:
    """One line of the log. For ``theme``, ``new`` is a theme added (``old`` empty) or
    ``old`` one removed (``new`` empty); for ``undo``, ``new`` is the undone line's id."""

    doc_id: str
    field: str
    old: str
    new: str
    reason: str = ""
    who: str = ""
    when: str = ""
    id: str = ""


@dataclass(frozen=True)
class Corrections:
    """The log as read: its usable lines in order, and the lines left out with why."""

    log: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LOG_COLUMNS))
    problems: tuple[str, ...] = ()

    @cached_property  # once per log read: every page of every session asks for it
    def in_effect(self) -> pd.DataFrame:
        """The corrections that hold: not undone, and the latest of each meeting's field
        (of each theme, for themes), in the order they were made."""
        log = self.log
        undone = set(log.loc[log["field"] == _UNDO, "new"])
        live = log[(log["field"] != _UNDO) & ~log["id"].isin(undone)]
        theme = live["new"].where(live["new"] != "", live["old"]).where(live["field"] == "theme")
        latest = live.assign(_theme=theme.fillna("")).drop_duplicates(
            ["doc_id", "field", "_theme"], keep="last"
        )
        return latest.drop(columns="_theme").reset_index(drop=True)

    def of(self, doc_id: str) -> pd.DataFrame:
        """The corrections in effect on one report."""
        effect = self.in_effect
        return effect[effect["doc_id"] == doc_id].reset_index(drop=True)


def read_corrections(path: Path) -> Corrections:
    """The corrections log at ``path`` (none when the file does not exist)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return Corrections()
    except OSError as exc:
        return Corrections(problems=(f"{Path(path).name}: cannot be read ({exc.strerror})",))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Corrections(problems=(f"{Path(path).name}: not a UTF-8 text file",))
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != LOG_COLUMNS:
        expected = ",".join(LOG_COLUMNS)
        return Corrections(problems=(f"{Path(path).name}: the first line must be {expected}",))
    rows, problems = [], []
    for number, values in enumerate(reader, start=2):
        why = _invalid(values)
        if why:
            problems.append(f"{Path(path).name} line {number}: {why}; left out")
        else:
            rows.append(values)
    return Corrections(pd.DataFrame(rows, columns=LOG_COLUMNS, dtype=str), tuple(problems))


def _invalid(values: list[str]) -> str:
    """Why a line of the log cannot be used, or "" when it can."""
    if len(values) != len(LOG_COLUMNS):
        return f"{len(values)} values instead of {len(LOG_COLUMNS)} (an unfinished write?)"
    line = dict(zip(LOG_COLUMNS, values, strict=True))
    if not line["id"] or not line["doc_id"]:
        return "no id or doc_id"
    kind, new = line["field"], line["new"]
    if kind == _UNDO:
        return "" if new else "an undo names no correction"
    if kind not in FIELDS:
        return f"unknown field {kind!r}"
    if kind in ("date", "end_date") and new:
        try:
            date.fromisoformat(new)
        except ValueError:
            return f"date {new!r} is not YYYY-MM-DD"
    if kind == "virtual" and new not in (_TRUE, _FALSE):
        return f"online must be {_TRUE!r} or {_FALSE!r}, not {new!r}"
    if kind == "event_type" and new not in EVENT_TYPES:
        return f"unknown meeting type {new!r}"
    if kind == "theme" and bool(line["old"]) == bool(new):
        return "a theme line adds (new) or removes (old) one theme"
    return ""


def append_corrections(path: Path, corrections: Sequence[Correction]) -> list[str]:
    """Append corrections to the log (created with its header if new), each with an id
    and the time, in one locked write so that editors at once lose nothing.

    Returns:
        The ids given to the lines.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    lines = [
        {**vars(c), "id": c.id or uuid.uuid4().hex[:12], "when": c.when or now} for c in corrections
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, LOG_COLUMNS, lineterminator="\n")
    writer.writerows(lines)
    with open(path, "a+", encoding="utf-8", newline="") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        try:
            log.seek(0, os.SEEK_END)
            if log.tell() == 0:
                log.write(",".join(LOG_COLUMNS) + "\n")
            elif not _ends_with_newline(log):
                log.write("\n")  # after an unfinished line: that line alone is lost
            log.write(buffer.getvalue())
            log.flush()
            os.fsync(log.fileno())
        finally:
            fcntl.flock(log, fcntl.LOCK_UN)
    return [line["id"] for line in lines]


def _ends_with_newline(log) -> bool:
    log.seek(log.tell() - 1)
    last = log.read(1)
    log.seek(0, os.SEEK_END)
    return last == "\n"


def undo(doc_id: str, correction_id: str, who: str, reason: str = "") -> Correction:
    """The log line that undoes the correction ``correction_id``."""
    return Correction(doc_id, _UNDO, "", correction_id, reason, who)


def apply_corrections(
    events: pd.DataFrame,
    doc_themes: pd.DataFrame,
    in_effect: pd.DataFrame,
    themes: pd.DataFrame,
    countries: Mapping[str, str],
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The events and their themes with the corrections in effect applied.

    Args:
        events: the events table (``doc_id``, ``date``, ``city``... ``themes``).
        doc_themes: one row per (report, theme) the model assigned.
        in_effect: :attr:`Corrections.in_effect`.
        themes: the model's theme table (``theme``, ``label``, ``kind``): a theme it
            lacks cannot be added.
        countries: country name -> ISO 3166 alpha-3 code, for a corrected country.

    Returns:
        The corrected events (with ``corrected``: the parts corrected, e.g. "date;
        themes", else ""), the corrected ``doc_themes`` (an added theme has no weight),
        and the corrections that could not be applied, with why.
    """
    events = events.assign(corrected="")
    present = set(events["doc_id"].tolist())
    mine = in_effect[in_effect["doc_id"].isin(present)]
    if mine.empty:
        return events, doc_themes, []
    row_of = pd.Series(events.index, index=events["doc_id"].to_numpy())
    row_of = row_of[~row_of.index.duplicated()]
    problems, parts = [], {}
    for kind, lines in mine[mine["field"] != "theme"].groupby("field", sort=False):
        rows = row_of.loc[lines["doc_id"]].to_numpy()
        _set(events, rows, kind, lines["new"].tolist(), countries)
        for doc_id in lines["doc_id"]:
            parts.setdefault(doc_id, set()).add(FIELDS[kind])
    if {"date", "end_date"} & set(mine["field"]):
        early = events["end_date"].notna() & (events["end_date"] < events["date"])
        events.loc[early.fillna(False), "end_date"] = pd.NaT  # a day before its start
    theme_lines = mine[mine["field"] == "theme"]
    unknown = theme_lines[~theme_lines["new"].where(theme_lines["new"] != "", theme_lines["old"])
                          .isin(themes["theme"])]  # fmt: skip
    problems += [f"{line.doc_id}: no theme {line.new or line.old!r} in the model; not applied"
                 for line in unknown.itertuples()]  # fmt: skip
    theme_lines = theme_lines.drop(unknown.index)
    if not theme_lines.empty:
        events, doc_themes = _set_themes(events, doc_themes, theme_lines, row_of, themes)
        for doc_id in theme_lines["doc_id"]:
            parts.setdefault(doc_id, set()).add("themes")
    order = list(dict.fromkeys(FIELDS.values()))
    marks = {doc_id: "; ".join(p for p in order if p in found) for doc_id, found in parts.items()}
    events.loc[row_of.loc[list(marks)].to_numpy(), "corrected"] = list(marks.values())
    return events, doc_themes, problems


def _set(events: pd.DataFrame, rows, kind: str, values: list[str], countries) -> None:
    """Set one corrected field (and what follows from it) on these rows."""
    if kind == "date":
        days = pd.to_datetime(pd.Series(values).replace("", None)).astype("datetime64[s]")
        events.loc[rows, "date"] = days.to_numpy()
        events.loc[rows, "year"] = days.dt.year.astype("Int64").to_numpy()
    elif kind == "end_date":
        days = pd.to_datetime(pd.Series(values).replace("", None)).astype("datetime64[s]")
        events.loc[rows, "end_date"] = days.to_numpy()
    elif kind == "virtual":
        events.loc[rows, "virtual"] = [value == _TRUE for value in values]
    elif kind == "country":
        events.loc[rows, "country"] = values
        events.loc[rows, "iso3"] = [countries.get(value, "") for value in values]
    else:
        events.loc[rows, kind] = values


def _set_themes(events, doc_themes, lines, row_of, table) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add and remove the corrected themes, in the events' lists and in ``doc_themes``."""
    changed = {}
    for line in lines.itertuples():
        themes = changed.setdefault(line.doc_id, list(events.at[row_of[line.doc_id], "themes"]))
        if line.new and line.new not in themes:
            themes.append(line.new)
        elif line.old in themes:
            themes.remove(line.old)
    for doc_id, themes in changed.items():
        events.at[row_of[doc_id], "themes"] = themes
    kept = [
        doc_id not in changed or theme in changed[doc_id]
        for doc_id, theme in zip(doc_themes["doc_id"], doc_themes["theme"], strict=True)
    ]
    doc_themes = doc_themes[kept]
    have = set(zip(doc_themes["doc_id"], doc_themes["theme"], strict=True))
    ranks = doc_themes.groupby("doc_id")["rank"].max()
    known = table.set_index("theme")
    added = [
        {"doc_id": doc_id, "theme": theme, "label": known.at[theme, "label"],
         "kind": known.at[theme, "kind"], "weight": float("nan"),
         "rank": int(ranks.get(doc_id, 0)) + 1 + i}
        for doc_id, themes in changed.items()
        for i, theme in enumerate(t for t in themes if (doc_id, t) not in have)
    ]  # fmt: skip
    if added:
        extra = pd.DataFrame(added).astype({c: doc_themes[c].dtype for c in added[0]})
        doc_themes = pd.concat([doc_themes, extra], ignore_index=True)
    return events, doc_themes.reset_index(drop=True)


def changes(
    event: Mapping[str, object],
    edited: Mapping[str, object],
    who: str,
    reason: str = "",
) -> list[Correction]:
    """The corrections that turn a meeting's values into the edited ones.

    Args:
        event: the meeting as shown (``doc_id``, ``date``, ``end_date``, ``city``,
            ``country``, ``virtual``, ``region``, ``event_type``, ``themes``).
        edited: the values an editor chose, with the same keys (dates as dates or None,
            ``themes`` a list of theme ids).
        who: the editor (e-mail, or "everyone" when editing is open to all).
        reason: why, optional.
    """
    doc_id = str(event["doc_id"])
    found = []
    for kind in _SCALARS:
        old, new = _as_log(kind, event.get(kind)), _as_log(kind, edited.get(kind))
        if old != new:
            found.append(Correction(doc_id, kind, old, new, reason, who))
    before, after = list(event.get("themes") or []), list(edited.get("themes") or [])
    found += [Correction(doc_id, "theme", "", t, reason, who) for t in after if t not in before]
    found += [Correction(doc_id, "theme", t, "", reason, who) for t in before if t not in after]
    return found


def meeting_changes(
    meeting: Mapping[str, object],
    reports: pd.DataFrame,
    edited: Mapping[str, object],
    who: str,
    reason: str = "",
) -> list[Correction]:
    """The corrections that give a meeting (as its reports agree on it) the edited values:
    each field the editor changed, on every report of the meeting, and the themes added
    to or removed from the meeting, on each report (see :func:`changes`)."""
    touched = {k for k in _SCALARS if _as_log(k, meeting.get(k)) != _as_log(k, edited.get(k))}
    before, after = set(meeting.get("themes") or []), list(edited.get("themes") or [])
    added, removed = [t for t in after if t not in before], before - set(after)
    found = []
    for report in reports.to_dict("records"):
        own = list(report.get("themes") or [])
        wanted = {**report, **{k: edited.get(k) for k in touched}}
        wanted["themes"] = [t for t in own if t not in removed] + [t for t in added if t not in own]
        found += changes(report, wanted, who, reason)
    return found


_SCALARS = ("date", "end_date", "city", "country", "virtual", "region", "event_type")


def _as_log(kind: str, value: object) -> str:
    """A field's value as the log writes it."""
    if kind == "virtual":
        return _TRUE if bool(value) else _FALSE
    if value is None or value is pd.NA or value is pd.NaT or value != value:
        return ""
    if kind in ("date", "end_date"):
        return pd.Timestamp(value).date().isoformat()
    return str(value).strip()


@cache  # the table of regions is read once per process, not on every rerun of the form
def choices(regions_file: Path) -> tuple[list[str], list[str]]:
    """The countries and the regions an editor chooses from (the regions table's, and
    ``Global`` for the organisation's own meetings)."""
    table = pd.read_csv(regions_file, dtype=str, usecols=["country", "region"]).dropna()
    return sorted(set(table["country"])), sorted({*table["region"], "Global"})


def country_codes(regions_file: Path) -> dict[str, str]:
    """Country name -> ISO 3166 alpha-3 code, from the table of countries and regions."""
    table = pd.read_csv(regions_file, dtype=str, usecols=["country", "iso3"]).dropna()
    return dict(zip(table["country"], table["iso3"], strict=True))


def orphans(in_effect: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The corrections in effect whose report is no longer in the corpus."""
    gone = ~in_effect["doc_id"].isin(set(events["doc_id"].tolist()))
    return in_effect[gone].reset_index(drop=True)
