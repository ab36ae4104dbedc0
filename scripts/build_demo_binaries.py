"""Build the demo corpus's Word, PDF and table files from the reports written as text.

The reports in ``scripts/demo_text/<event_id>.txt`` were written for this product (see the
README); this script lays them out as the formats the plan in ``data/demo/SOURCES.csv``
asks for: ``.docx`` (python-docx), ``.pdf`` (fpdf2, text layer) and rows of
``newsroom_extract.csv``. Run it by hand after editing a text: ``python scripts/build_demo_binaries.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import docx
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
TEXTS = Path(__file__).resolve().parent / "demo_text"
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _blocks(text: str) -> list[str]:
    return [" ".join(b.split()) for b in text.strip().split("\n\n") if b.strip()]


def _split(text: str, banner: bool) -> tuple[list[str], str, str, list[str]]:
    """(banner lines, title, date line, paragraphs) of a report in the seeds' layout."""
    blocks = _blocks(text)
    head = blocks[:1] if banner else []
    rest = blocks[len(head) :]
    return head, rest[0], rest[1], rest[2:]


def build_docx(text: str, banner: bool, out: Path) -> None:
    head, title, date, paragraphs = _split(text, banner)
    document = docx.Document()
    document.core_properties.title = title
    for line in head:
        document.add_paragraph(line).italic = True
    document.add_heading(title, level=1)
    document.add_paragraph(date)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(out)


def build_pdf(text: str, banner: bool, out: Path) -> None:
    head, title, date, paragraphs = _split(text.translate(_LATIN1), banner)
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for line in head:
        pdf.set_font("Helvetica", "I", 8)
        pdf.multi_cell(0, 4, line)
        pdf.ln(4)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, title)
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, date)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(4)
    pdf.output(str(out))


def main() -> None:
    with open(DEMO / "SOURCES.csv", newline="", encoding="utf-8") as handle:
        plan = list(csv.DictReader(handle))
    rows = []
    for entry in plan:
        source = TEXTS / f"{entry['event_id']}.txt"
        if entry["format"] not in ("docx", "pdf", "csvrow"):
            continue
        text = source.read_text(encoding="utf-8")
        banner = bool(entry["banner"])
        if entry["format"] == "csvrow":
            head, title, _, paragraphs = _split(text, banner)
            place = ", ".join(p for p in (entry["city"], entry["country"]) if p)
            rows.append((int(entry["file"].split("#")[1]), entry["published"], title, place,
                         "\n\n".join(head + paragraphs)))  # fmt: skip
            continue
        out = DEMO / entry["file"]
        out.parent.mkdir(parents=True, exist_ok=True)
        (build_docx if entry["format"] == "docx" else build_pdf)(text, banner, out)
    with open(DEMO / "newsroom_extract.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "title", "location", "body"])
        for _, *row in sorted(rows):
            writer.writerow(row)
    print(f"built {len(plan)} planned reports' binaries and {len(rows)} table rows")


if __name__ == "__main__":
    main()
