"""Build a corpus of N reports for measurement only (never bundled, never for tuning).

Usage: python benchmarks/make_corpus.py N OUTDIR [--seed S]

Each report keeps the opening of a bundled report (its banner, headline, date line and
lead paragraph, which carry the venue and the dates), with its years moved by a few
years, followed by body paragraphs drawn from the whole bundled corpus: so lengths,
phrasing, venues and dates are the bundled reports', and extraction and modelling do
real work. The files come in the bundled corpus's mix of formats (plain text, Markdown,
newsroom HTML, Word, PDF, and CSV tables of many reports).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.ingest.readers import read_bytes  # noqa: E402

# The bundled corpus's mix of formats (share of reports), tables holding TABLE_ROWS each.
FORMATS = {"txt": 0.70, "md": 0.09, "html": 0.09, "docx": 0.03, "pdf": 0.03, "csv": 0.06}
TABLE_ROWS = 100
_YEAR = re.compile(r"\b(20[012]\d)\b")
_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Newsroom</title>
<meta property="article:published_time" content="{published}"></head>
<body><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/newsroom">Newsroom</a>
</li><li><a href="/contact">Contact</a></li></ul></nav>
<div id="cookie-consent"><p>This site uses cookies. By continuing you accept them.</p></div>
<main><article class="news-item"><h1>{title}</h1>
{paragraphs}
</article></main><footer><p>Copyright the organisation. All rights reserved.</p></footer>
</body></html>
"""


@dataclass
class Opening:
    """The first blocks of a bundled report: headline first, lead paragraph last."""

    blocks: list[str]


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def bundled(root: Path = ROOT / "data") -> tuple[list[Opening], list[str]]:
    """The openings of the bundled reports and the pool of their body paragraphs."""
    openings, paragraphs = [], []
    files = [*sorted((root / "seeds").glob("*.txt")), *sorted((root / "demo").rglob("*"))]
    for path in files:
        if path.suffix not in {".txt", ".md", ".html"}:
            continue
        for document in read_bytes(path.read_bytes(), path.name):
            blocks = _blocks(document.text)
            lead = next((i for i, b in enumerate(blocks) if len(b) > 200), None)
            if lead is None or lead + 1 >= len(blocks):
                continue
            openings.append(Opening(blocks[: lead + 1]))
            paragraphs += [b for b in blocks[lead + 1 :] if len(b) > 80]
    return openings, paragraphs


def _shift_years(text: str, delta: int) -> str:
    return _YEAR.sub(lambda m: str(min(2025, max(2009, int(m.group(1)) + delta))), text)


def _report(rng: random.Random, openings, paragraphs) -> tuple[list[str], int]:
    opening = rng.choice(openings)
    delta = rng.randint(-3, 3)
    head = [_shift_years(b, delta) for b in opening.blocks]
    body = rng.sample(paragraphs, rng.randint(3, 6))
    years = [int(y) for y in _YEAR.findall(" ".join(head))] or [2017]
    return head + body, years[-1]


def _write_docx(blocks: list[str], path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(blocks[0], level=1)
    for block in blocks[1:]:
        document.add_paragraph(block)
    document.save(path)


def _write_pdf(blocks: list[str], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for block in blocks:
        safe = block.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 6, safe, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def _write(blocks: list[str], kind: str, path: Path) -> None:
    title, rest = blocks[0], blocks[1:]
    if kind == "txt":
        path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    elif kind == "md":
        path.write_text(f"# {title}\n\n" + "\n\n".join(rest) + "\n", encoding="utf-8")
    elif kind == "html":
        year = (_YEAR.findall(" ".join(rest)) or ["2017"])[0]
        paragraphs = "\n".join(f"<p>{_escape(b)}</p>" for b in rest)
        html = _HTML.format(title=_escape(title), published=year, paragraphs=paragraphs)
        path.write_text(html, encoding="utf-8")
    elif kind == "docx":
        _write_docx(blocks, path)
    else:
        _write_pdf(blocks, path)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _write_table(rows: list[list[str]], path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "body"])
    for blocks in rows:
        writer.writerow([blocks[0], "\n\n".join(blocks[1:])])
    path.write_text(out.getvalue(), encoding="utf-8")


def make_corpus(n: int, out: Path, seed: int = 0) -> dict[str, int]:
    """Write ``n`` reports under ``out``; returns the number of reports per format."""
    rng = random.Random(seed)
    openings, paragraphs = bundled()
    kinds, weights = zip(*FORMATS.items(), strict=True)
    counts = dict.fromkeys(kinds, 0)
    table: list[list[str]] = []
    for i in range(n):
        blocks, year = _report(rng, openings, paragraphs)
        kind = rng.choices(kinds, weights)[0]
        counts[kind] += 1
        if kind == "csv":
            table.append(blocks)
            if len(table) == TABLE_ROWS:
                _flush(table, out, i)
            continue
        folder = out / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        _write(blocks, kind, folder / f"r{i:06d}.{kind}")
    if table:
        _flush(table, out, n)
    return counts


def make_table(n: int, out: Path, seed: int = 0) -> tuple[Path, Path]:
    """The same ``n`` reports twice: as one CSV table (``out/table/reports.csv``, one row
    each) and as ``n`` text files (``out/files``); returns the two folders."""
    rng = random.Random(seed)
    openings, paragraphs = bundled()
    table, files = out / "table", out / "files"
    table.mkdir(parents=True, exist_ok=True)
    files.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        blocks, _ = _report(rng, openings, paragraphs)
        rows.append(blocks)
        _write(blocks, "txt", files / f"r{i:06d}.txt")
    _write_table(rows, table / "reports.csv")
    return table, files


def _flush(table: list[list[str]], out: Path, index: int) -> None:
    folder = out / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    _write_table(table, folder / f"t{index:06d}.csv")
    table.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("outdir", type=Path, help="folder to write them to (created)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = make_corpus(args.n, args.outdir, args.seed)
    print(f"{args.n} reports in {args.outdir}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
