"""The tables pages show: meetings, evidence, emerging themes, a meeting's own lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analytics.extract.kinds import EVENT_TYPES

__all__ = [
    "EVIDENCE_COLUMNS",
    "agreement_by_set",
    "demo_sources",
    "emerging_themes",
    "latest_meetings",
    "mark_evidence",
    "meeting_line",
    "meeting_reports",
    "meetings_table",
    "provenance_table",
    "report_themes",
    "theme_evidence",
    "theme_summary",
]


def meetings_table(events: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The meetings list: date, title, venue, region, type, theme labels, the (lead)
    report's source, the number of reports and the parts corrected, newest first."""
    venue = events["city"].fillna("") + ", " + events["country"].fillna("")
    venue = venue.str.strip(", ").where(~events["virtual"], "Virtual")
    table = pd.DataFrame(
        {
            "doc_id": events["doc_id"],
            "date": events["date"],
            "title": events["title"],
            "venue": venue,
            "region": events["region"],
            "type": events["event_type"].map(lambda t: EVENT_TYPES.get(t, t)),
            "themes": events["themes"].map(lambda ids: "; ".join(labels.get(t, t) for t in ids)),
            "source": events["source"],
            "reports": events.get("n_reports", 1),
            "corrected": _corrected(events),
        }
    )
    return table.sort_values("date", ascending=False, kind="stable").reset_index(drop=True)


def meeting_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports of one meeting, the lead first: doc_id, published, title, source."""
    table = reports[["doc_id", "published", "title", "source"]]
    return table.sort_values("published", kind="stable", na_position="last").reset_index(drop=True)


def latest_meetings(events: pd.DataFrame, labels: dict[str, str], n: int = 8) -> pd.DataFrame:
    """The ``n`` most recent meetings of the selection."""
    newest = events.sort_values("date", ascending=False, kind="stable").head(n)
    return meetings_table(newest, labels)


def _corrected(events: pd.DataFrame) -> pd.Series:
    """The parts of each meeting an editor corrected ("date; themes"), else ""."""
    if "corrected" in events:
        return events["corrected"]
    return pd.Series("", index=events.index, dtype="str")


Quote = Callable[[pd.DataFrame], list[list[str]]]


def _with_evidence(rows: pd.DataFrame, quote: Quote | None) -> pd.DataFrame:
    """These rows of doc_themes with their ``evidence``: kept, or quoted for them."""
    if quote is None or "evidence" in rows:
        return rows
    return rows.assign(evidence=quote(rows) if len(rows) else [])


# The columns of the reports that :func:`theme_evidence` reads.
EVIDENCE_COLUMNS = ("doc_id", "date", "title", "region", "corrected")


def theme_evidence(
    doc_themes: pd.DataFrame,
    events: pd.DataFrame,
    theme: str,
    n: int = 10,
    quote: Quote | None = None,
) -> pd.DataFrame:
    """The strongest reports of ``theme`` in the selection with their evidence sentences
    (kept in ``doc_themes``, or given by ``quote`` for the rows shown)."""
    mine = doc_themes[doc_themes["theme"] == theme]
    selected = set(events["doc_id"].tolist())  # a set: isin on many strings is slower
    # As an array: an empty list (a theme no report has) would select columns, not rows.
    mine = mine[np.array([doc_id in selected for doc_id in mine["doc_id"].tolist()], bool)]
    mine = _with_evidence(mine.sort_values("weight", ascending=False, kind="stable").head(n), quote)
    meta = events.assign(corrected=_corrected(events)).set_index("doc_id")
    table = mine.join(meta[["date", "title", "region", "corrected"]], on="doc_id")
    table["evidence"] = table["evidence"].map(lambda sentences: " … ".join(sentences))
    columns = ["doc_id", "date", "title", "region", "weight", "evidence", "corrected"]
    return table[columns].reset_index(drop=True)


def mark_evidence(text: str, evidence: dict[str, list[str]]) -> list[tuple[str, str | None]]:
    """The report's text cut into segments, each with the theme whose evidence it is.

    Args:
        text: the report.
        evidence: theme -> evidence sentences (as the model quoted them).

    Returns:
        ``(segment, theme or None)`` pairs that concatenate back to ``text``.
    """
    spans = []
    for theme, sentences in evidence.items():
        for sentence in sentences:
            start = text.find(sentence)
            if start >= 0:
                spans.append((start, start + len(sentence), theme))
    segments: list[tuple[str, str | None]] = []
    position = 0
    for start, end, theme in sorted(spans):
        if start < position:
            continue
        if start > position:
            segments.append((text[position:start], None))
        segments.append((text[start:end], theme))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments


def meeting_line(event: pd.Series) -> str:
    """One line on a meeting: its date, venue (or "virtual"), region and type."""
    venue = (
        "virtual"
        if event["virtual"]
        else ", ".join(part for part in (event["city"], event["country"]) if part)
    )
    date = event["date"].strftime("%d %B %Y") if pd.notna(event["date"]) else "date unknown"
    kind = EVENT_TYPES.get(event["event_type"], event["event_type"])
    return f"{date} · {venue or 'venue unknown'} · {event['region'] or 'region unknown'} · {kind}"


def report_themes(
    doc_themes: pd.DataFrame, doc_id: str, quote: Quote | None = None
) -> pd.DataFrame:
    """The themes of one report, strongest first, with their scores and evidence (kept,
    or given by ``quote``)."""
    mine = doc_themes[doc_themes["doc_id"] == doc_id]
    return _with_evidence(mine.sort_values("rank", kind="stable").reset_index(drop=True), quote)


def emerging_themes(themes: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The emerging themes with their top terms, reports and closest named theme."""
    emerging = themes[themes["kind"] == "emerging"]
    emerging = emerging.assign(closest_named=emerging["closest_named"].map(labels))
    return emerging[["label", "top_terms", "n_reports", "closest_named", "similarity"]]


def theme_summary(themes: pd.DataFrame) -> pd.DataFrame:
    """The theme table for printing: label, kind, number of reports and top terms."""
    table = themes.assign(top_terms=themes["top_terms"].map(", ".join))
    return table[["theme", "label", "kind", "n_reports", "top_terms"]]


def demo_sources(facts_file: Path) -> pd.DataFrame:
    """The facts table of the bundled reports: each file, its meeting and public source."""
    sources = pd.read_csv(facts_file, dtype=str).fillna("")
    return sources[["file", "start_date", "city", "country", "region", "meeting", "source_url"]]


_PROVENANCE_FIELDS = {
    "date": "Meeting date",
    "venue": "Venue",
    "region": "Region",
    "virtual": "Online",
    "published": "Publication date",
}


_CORRECTED_AS = {"date": "date", "end_date": "date", "city": "venue", "country": "venue",
                 "virtual": "virtual", "region": "region"}  # fmt: skip


def provenance_table(event: pd.Series, corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where each extracted field of a meeting came from: the field, its value and the
    line or sentence it was read from (or the fallback used), for a doubting reader; a
    field an editor corrected names the correction (``corrections``: those in effect on
    the meeting) instead."""
    sources = json.loads(event["provenance"]) if event.get("provenance") else {}
    for line in (corrections if corrections is not None else pd.DataFrame()).itertuples():
        if line.field in _CORRECTED_AS:
            why = f": {line.reason}" if line.reason else ""
            sources[_CORRECTED_AS[line.field]] = f"corrected by {line.who} on {line.when[:10]}{why}"
    venue = ", ".join(p for p in (event["city"], event["country"]) if p)
    values = {
        "date": _day(event["date"])
        + (f" to {_day(event['end_date'])}" if pd.notna(event["end_date"]) else ""),
        "venue": "online" if event["virtual"] else venue or "unknown",
        "region": event["region"] or "unknown",
        "virtual": "yes" if event["virtual"] else "no",
        "published": _day(event["published"]),
    }
    rows = [
        {"field": label, "value": values[key], "source": sources.get(key, "")}
        for key, label in _PROVENANCE_FIELDS.items()
    ]
    return pd.DataFrame(rows, columns=["field", "value", "source"])


def _day(value: object) -> str:
    return value.strftime("%d %B %Y") if pd.notna(value) else "unknown"


def _pair(precision: float, recall: float) -> str:
    """ "0.77 / 0.87"; a dash where a figure is undefined (nothing assigned, or listed)."""
    return " / ".join("–" if v != v else f"{v:.2f}" for v in (precision, recall))


def agreement_by_set(agreement: pd.DataFrame) -> pd.DataFrame:
    """Per-theme agreement as one row per theme and one column per set (``split``, in the
    order the sets come), each cell "precision / recall"."""
    sets = list(dict.fromkeys(agreement["split"]))
    cells = agreement.assign(
        cell=[_pair(p, r) for p, r in zip(agreement["precision"], agreement["recall"],
                                          strict=True)]
    )  # fmt: skip
    themes = list(dict.fromkeys(agreement["theme"]))
    wide = cells.pivot(index="theme", columns="split", values="cell")
    return (
        wide.reindex(index=themes, columns=sets).fillna("–").reset_index().rename_axis(columns=None)
    )
