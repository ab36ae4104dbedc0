"""The briefing's tables as the page shows them, and the briefing as a Word document and as
Markdown: the header (filters, permalink, corpus fingerprint, model version), the summary,
every table, the sentences beside them and the evidence quotes with their meetings.

Report titles, quotes and sources are the documents' own text: in Markdown every special
character is escaped (a title cannot become a link, an image or HTML); in Word they are
plain runs, with the characters XML cannot hold removed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import docx
import pandas as pd
from docx.shared import Pt

from analytics.views.briefing import Briefing, percent
from analytics.views.briefing_text import years_phrase
from analytics.views.markdown import as_text

__all__ = [
    "SECTIONS",
    "Header",
    "briefing_docx",
    "briefing_markdown",
    "cell_text",
    "quotes",
    "scope_line",
    "scope_tables",
    "scope_views",
    "snapshot_tables",
]

# The tables of each scope, in the order the page and the documents show them.
SECTIONS = {
    "top": "Most discussed themes",
    "moves": "Rose and fell",
    "first": "First time",
    "meetings": "Meetings behind the changes",
    "venues": "Busiest venues",
}
_FEW = "few meetings"
_IDS = ["Meeting ID", "Doc ID"]  # in the CSV snapshot, not on the page
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLAIN = re.compile(r"(?:[^\W_]|[ %–,:-])*")  # nothing Markdown reads in a table cell


@dataclass(frozen=True)
class Header:
    """What the documents say about the view: filters (name -> value as shown), link,
    creation time, corpus fingerprint and model version."""

    filters: Mapping[str, str]
    permalink: str
    created_at: datetime
    corpus_fingerprint: str
    model_version: str


def _shares(rows: pd.DataFrame, when: str) -> dict[str, list]:
    meetings, totals = rows[f"meetings_{when}"].tolist(), rows[f"total_{when}"].tolist()
    return {
        when.capitalize(): meetings,
        f"{when.capitalize()} %": [percent(m, t) for m, t in zip(meetings, totals, strict=True)],
    }


def _theme_tables(b: Briefing, labels: dict[str, str]) -> dict[str, pd.DataFrame]:
    def base(rows: pd.DataFrame) -> dict[str, list]:
        return {"Scope": rows["scope"].tolist(), "Theme": [labels.get(t, t) for t in rows["theme"]]}

    def note(rows: pd.DataFrame) -> list[str]:
        return [_FEW if few else "" for few in rows["few"]]

    m, f, t = b.moves, b.first, b.top
    then = _shares(t, "then") if b.periods.then else {}
    return {
        "top": pd.DataFrame({**base(t), **_shares(t, "now"), **then, "Note": note(t)}),
        "moves": pd.DataFrame({**base(m), **_shares(m, "then"), **_shares(m, "now"),
                               "Change (pts)": m["change"].tolist(), "Note": note(m)}),
        "first": pd.DataFrame({**base(f), **_shares(f, "now"),
                               "Earlier": f["total_earlier"].tolist(), "Note": note(f)}),
    }  # fmt: skip


def snapshot_tables(b: Briefing, labels: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Every table of the briefing for every scope (a ``Scope`` column first): the
    periods and their meetings (``scopes``), then each of :data:`SECTIONS`."""
    c = b.carriers
    carriers = pd.DataFrame({
        "Scope": c["scope"].tolist(), "Theme": [labels.get(t, t) for t in c["theme"]],
        "Date": [f"{d:%Y-%m-%d}" if pd.notna(d) else "" for d in c["date"]],
        "Title": c["title"].tolist(), "Venue": c["venue"].tolist(), "Evidence": c["quote"].tolist(),
        "Source": c["source"].tolist(), "Meeting ID": c["meeting_id"].tolist(),
        "Doc ID": c["quoted"].tolist(),
    })  # fmt: skip
    v = b.venues
    venues = pd.DataFrame({"Scope": v["scope"].tolist(), "City": v["city"].tolist(),
                           "Country": v["country"].tolist(), "Now": v["meetings"].tolist()})  # fmt: skip
    totals = b.changes.groupby("scope", sort=False)[["total_then", "total_now"]].first()
    then = years_phrase(b.periods.then) if b.periods.then else ""
    scopes = pd.DataFrame({"Scope": totals.index.tolist(), "Then": then,
                           "Meetings then": totals["total_then"].tolist(),
                           "Now": years_phrase(b.periods.now),
                           "Meetings now": totals["total_now"].tolist()})  # fmt: skip
    tables = _theme_tables(b, labels)
    return {"scopes": scopes, **tables, "meetings": carriers, "venues": venues}


def scope_tables(tables: Mapping[str, pd.DataFrame], scope: str) -> dict[str, pd.DataFrame]:
    """The tables of one scope as the page shows them (from :func:`snapshot_tables`;
    without the scope and the ids), by :data:`SECTIONS`' keys."""
    shown = {}
    for key in SECTIONS:
        table = tables[key]
        mine = table[table["Scope"] == scope].drop(columns=["Scope", *_IDS], errors="ignore")
        shown[key] = mine.reset_index(drop=True)
    return shown


def scope_views(
    tables: Mapping[str, pd.DataFrame], written: pd.DataFrame, scopes: list[str]
) -> list[tuple[str, str, list[tuple[str, pd.DataFrame, list[str]]], list[tuple[str, str]]]]:
    """What the page shows of each scope, made once: (scope, its ``scope_line``, each of
    its tables as (key, table, the sentences written from it), its ``quotes``)."""
    views = []
    for scope in scopes:
        mine = written[written["scope"] == scope]
        shown = [(key, table, mine.loc[mine["table"] == key, "sentence"].tolist())
                 for key, table in scope_tables(tables, scope).items()]  # fmt: skip
        views.append((scope, scope_line(tables, scope), shown, quotes(tables, scope)))
    return views


def cell_text(value: object) -> str:
    """A table cell as the documents write it (points with one decimal)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def scope_line(tables: Mapping[str, pd.DataFrame], scope: str) -> str:
    """The periods compared and the scope's meetings in each ("2021–2022: 14 meetings; ...")."""
    row = tables["scopes"].set_index("Scope").loc[scope]
    now = f"{row['Now']}: {row['Meetings now']} meetings"
    return f"{row['Then']}: {row['Meetings then']} meetings; {now}" if row["Then"] else now


def quotes(tables: Mapping[str, pd.DataFrame], scope: str) -> list[tuple[str, str]]:
    """(quote, where it is from) of each meeting behind a change, in the table's order."""
    rows = tables["meetings"]
    rows = rows[(rows["Scope"] == scope) & (rows["Evidence"] != "")]
    return [(r.Evidence, f"{r.Date} · {r.Title} · {r.Venue} · {r.Source} ({r.Theme})")
            for r in rows.itertuples()]  # fmt: skip


def _header_lines(header: Header) -> list[tuple[str, str]]:
    filters = "; ".join(f"{k}: {v}" for k, v in header.filters.items()) or "none (every meeting)"
    return [
        ("Created", header.created_at.isoformat(timespec="seconds")),
        ("Filters", filters),
        ("Permalink", header.permalink),
        ("Corpus fingerprint", header.corpus_fingerprint),
        ("Model version", header.model_version),
    ]


def _md(value: object) -> str:
    text = re.sub(r"\s+", " ", cell_text(value)).strip()
    return text if _PLAIN.fullmatch(text) else as_text(text)


def _md_table(table: pd.DataFrame) -> list[str]:
    lines = ["| " + " | ".join(_md(c) for c in table.columns) + " |",
             "|" + " --- |" * len(table.columns)]  # fmt: skip
    lines += [
        "| " + " | ".join(_md(v) for v in row) + " |" for row in table.itertuples(index=False)
    ]
    return lines


def _link(url: str) -> str:
    return f"<{url}>" if re.fullmatch(r"https?://[^\s<>`\\]*", url) else _md(url)


def briefing_markdown(
    title: str, header: Header, summary: pd.DataFrame, written: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
) -> str:  # fmt: skip
    """The briefing as Markdown: header, summary, then for every scope its sentences,
    tables and evidence quotes (``tables`` from :func:`snapshot_tables`, ``summary`` and
    ``written`` from :mod:`analytics.views.briefing_text`)."""
    lines = [f"# {_md(title)}", ""]
    for name, value in _header_lines(header):
        lines.append(f"- {name}: " + (_link(value) if name == "Permalink" else _md(value)))
    lines += ["", "## Summary", "", *(f"- {_md(s)}" for s in summary["sentence"])]
    for scope in tables["scopes"]["Scope"]:
        lines += ["", f"## {_md(scope)}", "", _md(scope_line(tables, scope))]
        for key, table in scope_tables(tables, scope).items():
            mine = written[(written["scope"] == scope) & (written["table"] == key)]
            lines += ["", f"### {SECTIONS[key]}", ""]
            lines += [f"- {_md(s)}" for s in mine["sentence"]] + ([""] if len(mine) else [])
            lines += _md_table(table) if len(table) else ["None."]
            if key == "meetings":
                for quote, source in quotes(tables, scope):
                    lines += ["", f"> {_md(quote)}", ">", f"> — {_md(source)}"]
    return "\n".join(lines) + "\n"


def _xml(value: object) -> str:
    return _NOT_XML.sub("", cell_text(value))


def _docx_table(document, table: pd.DataFrame) -> None:
    # Made whole, then filled: adding rows one by one takes several times longer.
    grid = document.add_table(rows=len(table) + 1, cols=len(table.columns))
    grid.style = "Table Grid"
    head, *rows = grid.rows
    for cell, name in zip(head.cells, table.columns, strict=True):
        cell.text = _xml(name)
        cell.paragraphs[0].runs[0].bold = True
    for row, values in zip(rows, table.itertuples(index=False), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = _xml(value)


def briefing_docx(
    title: str, header: Header, summary: pd.DataFrame, written: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame],
) -> bytes:  # fmt: skip
    """The briefing as a Word document, as :func:`briefing_markdown` lays it out: each
    table a Word table, the sentences bullets, the evidence quotes in the Quote style."""
    document = docx.Document()
    document.styles["Table Grid"].font.size = Pt(8)
    document.core_properties.title = _xml(title)
    document.add_heading(_xml(title), level=0)
    for name, value in _header_lines(header):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{name}: ").bold = True
        paragraph.add_run(_xml(value))
    document.add_heading("Summary", level=1)
    for sentence in summary["sentence"]:
        document.add_paragraph(_xml(sentence), style="List Bullet")
    for scope in tables["scopes"]["Scope"]:
        document.add_heading(_xml(scope), level=1)
        document.add_paragraph(_xml(scope_line(tables, scope)))
        for key, table in scope_tables(tables, scope).items():
            document.add_heading(SECTIONS[key], level=2)
            mine = written[(written["scope"] == scope) & (written["table"] == key)]
            for sentence in mine["sentence"]:
                document.add_paragraph(_xml(sentence), style="List Bullet")
            if len(table):
                _docx_table(document, table)
            else:
                document.add_paragraph("None.")
            if key == "meetings":
                for quote, source in quotes(tables, scope):
                    document.add_paragraph(_xml(f"“{quote}”"), style="Quote")
                    document.add_paragraph(_xml(f"— {source}"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
