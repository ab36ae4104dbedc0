"""The briefing as Word and Markdown, with a hostile title and quote in the meetings."""

import io
import re
from datetime import datetime

import docx
import pytest

from analytics.views.briefing import brief
from analytics.views.briefing_docs import (
    Header,
    briefing_docx,
    briefing_markdown,
    cell_text,
    scope_tables,
    snapshot_tables,
)
from analytics.views.briefing_text import sentences, summary
from tests.views.test_briefing import HALVES, LABELS, THEMES
from tests.views.test_briefing import doc_themes as doc_themes  # the fixtures
from tests.views.test_briefing import meetings as meetings
from tests.views.test_briefing import reports as reports

TITLE = "[Sign in again](https://evil.example/login) <b>x</b> `code` | $x$ \x0b\x1b"
QUOTE = '=HYPERLINK("https://evil.example") ![img](https://evil.example/a.png) www.evil.example'
HEADER = Header({"Regions": "Asia/Pacific"}, "http://localhost:8501/briefing?region=Asia%2FPacific",
                datetime(2026, 1, 2, 3, 4, 5), "corpusfp", "modelv")  # fmt: skip


@pytest.fixture
def parts(meetings, doc_themes, reports):
    meetings.loc[meetings["meeting_id"] == "m-a7", "title"] = TITLE
    b = brief(meetings, THEMES, HALVES, 3, doc_themes, reports,
              quote=lambda rows: [[QUOTE] for _ in range(len(rows))])  # fmt: skip
    written = sentences(b, LABELS)
    return ("Briefing: 2023–2024 against 2021–2022", HEADER, summary(written), written,
            snapshot_tables(b, LABELS))  # fmt: skip


def test_markdown_shows_hostile_text_as_text(parts):
    text = briefing_markdown(*parts)
    assert "\\[Sign in again\\]\\(https\\:\u2060//evil" in text  # escaped: no link
    assert not re.search(r"(?<!\\)\]\(", text)  # no unescaped link anywhere
    assert not re.search(r"(?<!\\)<(?!http://localhost)", text)  # no HTML, the permalink aside
    assert "\\`code\\` \\| \\$x\\$" in text and "!\\[img\\]" in text
    assert "www\u2060\\.evil" in text  # no bare address becomes a link
    assert "<http://localhost:8501/briefing?region=Asia%2FPacific>" in text
    for row in (line for line in text.splitlines() if line.startswith("| ")):
        assert len(re.findall(r"(?<!\\)\|", row)) == row.count(" | ") + 2  # cells stay cells
    assert "- Model version: modelv" in text and "- Corpus fingerprint: corpusfp" in text


def test_the_word_document_keeps_text_as_written(parts):
    document = docx.Document(io.BytesIO(briefing_docx(*parts)))
    text = "\n".join(p.text for p in document.paragraphs)
    clean = TITLE.replace("\x0b", "").replace("\x1b", "")  # XML cannot hold these
    assert f"· {clean} ·" in text and f"“{QUOTE}”" in text
    assert "Permalink: http://localhost:8501/briefing?region=Asia%2FPacific" in text
    assert "Filters: Regions: Asia/Pacific" in text and "Created: 2026-01-02T03:04:05" in text
    titles = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert clean in titles


def test_every_scope_table_is_in_both_documents(parts):
    tables = parts[-1]
    document = docx.Document(io.BytesIO(briefing_docx(*parts)))
    expected = [
        table for scope in tables["scopes"]["Scope"]
        for table in scope_tables(tables, scope).values() if len(table)
    ]  # fmt: skip
    assert len(document.tables) == len(expected)
    for grid, table in zip(document.tables, expected, strict=True):
        assert [c.text for c in grid.rows[0].cells] == list(table.columns)
        assert [[c.text for c in row.cells] for row in grid.rows[1:]] == [
            [re.sub("[\x0b\x1b]", "", cell_text(v)) for v in row]  # not XML: left out
            for row in table.itertuples(index=False)
        ]
    assert "Meeting ID" in tables["meetings"] and "Meeting ID" not in expected[0]
    markdown = briefing_markdown(*parts)
    rules = [line for line in markdown.splitlines() if line.startswith("| --- |")]
    assert len(rules) == len(expected)
