"""Reading every supported format, and reporting every kind of bad input."""

import io
import json

import pandas as pd
import pytest

from analytics.errors import DocumentError
from analytics.extract.event import extract_event
from analytics.extract.places import gazetteer
from analytics.ingest.decode import decode_text
from analytics.ingest.readers import read_bytes
from analytics.settings import Settings

TEXT = "Héllo Lomé — customs meeting in Côte d'Ivoire.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("—", "-").encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252"],
)
def test_text_encodings(data):
    text = read_bytes(data, "r.txt")[0].text
    assert "Lomé" in text and "Côte d'Ivoire" in text


def test_latin1_longer_text():
    body = "Réunion régionale à Lomé, où les délégués ont discuté de la facilitation. " * 5
    assert "régionale" in decode_text(body.encode("latin-1"))


def test_html_keeps_article_drops_furniture():
    html = """<html><head><title>Site | News</title>
    <meta property="article:published_time" content="2014-06-15"></head><body>
    <nav><a href="/">Home</a> <a href="/about">About us</a></nav>
    <div class="cookies">This site uses cookies. Accept</div>
    <article><h1>Leaders meet in Lomé</h1><time datetime="2014-06-15">15 June 2014</time>
    <p>The Directors General of the region met in Lomé, Togo, on 12 June 2014.</p>
    <p>They discussed trade facilitation and revenue collection at length.</p></article>
    <footer>© 2014 Customs News. All rights reserved.</footer></body></html>"""
    doc = read_bytes(html.encode(), "page.html")[0]
    assert doc.title == "Leaders meet in Lomé"
    assert doc.published == "2014-06-15"
    assert "met in Lomé, Togo" in doc.text
    for furniture in ("cookies", "About us", "All rights reserved"):
        assert furniture not in doc.text


def test_a_page_is_read_without_the_costly_search_of_its_date_words(monkeypatch):
    # trafilatura's own date is unused (the page's date is read from its elements): its
    # extensive search, which sends "12 noviembre 2009" to a parser of every language, is
    # not run
    import htmldate.extractors

    def never(text):
        raise AssertionError(f"sent to the slow date parser: {text!r}")

    monkeypatch.setattr(htmldate.extractors, "_external_date", never)
    html = """<html><head><title>Aduanas</title></head><body>
    <article><h1>Directores de aduanas se reúnen en Quito</h1><p>12 noviembre 2009</p>
    <p>Quito, Ecuador. Los delegados de la región se reunieron para hablar de comercio.</p>
    <p>La reunión terminó con una declaración sobre la cooperación.</p></article></body></html>"""
    doc = read_bytes(html.encode(), "page.html")[0]
    assert doc.title == "Directores de aduanas se reúnen en Quito"
    assert "12 noviembre 2009" in doc.text and "Los delegados" in doc.text


def test_html_date_in_a_dated_element_in_another_site_language():
    html = """<html><body><div class="banner">Эта страница не доступна на выбранном вами языке
    Russian : русский, поэтому предлагаем вернуться к версии English : English</div>
    <div class="article"><h1>Regional conference closes</h1>
    <span class="date">15 марта 2017</span>
    <p>The regional conference of Directors General closed in Baku on 14 March 2017 after
    two days of discussions on transit and risk management.</p></div></body></html>"""
    doc = read_bytes(html.encode(), "page.html")[0]
    assert doc.published == "15 марта 2017"
    event = extract_event(doc, gazetteer(*Settings().place_tables))
    # two days that closed on the 14th: the meeting opened on the 13th
    assert (event.published.isoformat(), event.date.isoformat()) == ("2017-03-15", "2017-03-13")
    assert event.end_date.isoformat() == "2017-03-14"
    assert "доступна" not in event.text


def test_html_date_from_the_canonical_address():
    html = """<html><head><link rel="canonical" href="https://example.org/2019/06/29/council/">
    </head><body><article><h1>Council maps the road ahead</h1><p>The Council met in Brussels
    from 27 to 29 June to take stock of the year.</p></article></body></html>"""
    assert read_bytes(html.encode(), "page.html")[0].published == "2019-06-29"


def test_pdf_text_layer():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Customs meeting in Nairobi\n\nThe conference was held in Nairobi.")
    doc = read_bytes(bytes(pdf.output()), "r.pdf")[0]
    assert "held in Nairobi" in doc.text


def test_docx_paragraphs_and_title():
    import docx

    document = docx.Document()
    document.core_properties.title = "Visit to Japan"
    document.add_paragraph("Visit to Japan")
    document.add_paragraph("The visit took place in Tokyo on 3 May 2010.")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_bytes(buffer.getvalue(), "r.docx")[0]
    assert doc.title == "Visit to Japan"
    assert "took place in Tokyo" in doc.text


def _table_rows():
    return [
        {"Headline": "One", "Date": "2016-03-09", "Location": "Almaty, Kazakhstan",
         "Body": "The seminar discussed transit."},
        {"Headline": "Two", "Date": "2017-01-02", "Location": "", "Body": ""},
        {"Headline": "Three", "Date": "2018-05-04", "Location": "Lima, Peru",
         "Body": "Heads of customs met."},
    ]  # fmt: skip


def test_csv_synonym_columns_case_insensitive():
    data = pd.DataFrame(_table_rows()).to_csv(index=False).encode()
    docs = read_bytes(data, "t.csv")
    assert [d.source for d in docs] == ["t.csv#0", "t.csv#1", "t.csv#2"]
    assert docs[0].title == "One" and docs[0].published == "2016-03-09"
    assert docs[0].location == {"location": "Almaty, Kazakhstan"}
    assert docs[1].text == ""  # reported by the corpus loader as a skipped row


def test_xlsx_and_jsonl():
    buffer = io.BytesIO()
    pd.DataFrame(_table_rows()).to_excel(buffer, index=False)
    assert read_bytes(buffer.getvalue(), "t.xlsx")[2].title == "Three"
    lines = "\n".join(
        json.dumps({"content": r["Body"], "title": r["Headline"]}) for r in _table_rows()
    )
    assert read_bytes(lines.encode(), "t.jsonl")[0].text == "The seminar discussed transit."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary content"),
        ("fake.pdf", b"just text pretending to be a PDF", "not a PDF"),
        ("fake.docx", b"just text pretending", "not a Word .docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "unreadable PDF"),
        ("notext.csv", b"a,b\n1,2\n", "no text column"),
        ("fake.xlsx", b"a,b\n", "not an Excel"),
        ("binary.md", bytes([0, 159, 146, 150, 0, 255, 254, 0]) * 40, "binary content"),
        ("note.rtf", b"{\\rtf1 hi}", "unsupported file type .rtf"),
        ("garbage.txt", bytes(range(128, 256)) * 3, "undecodable bytes"),
        (
            "pages.txt",
            b"https://example.org/a\n\n- http://example.org/b?p=1\nwww.example.org/c\n",
            "a list of web addresses, not a report",
        ),
    ],
)
def test_bad_input_is_named(name, data, reason):
    with pytest.raises(DocumentError, match=reason):
        read_bytes(data, name)


def test_a_report_that_gives_its_sources_addresses_is_read():
    text = b"Workshop in Lima\n\nThe workshop met on 3 May 2019.\n\nhttps://example.org/a\n"
    assert read_bytes(text, "report.txt")[0].text.startswith("Workshop in Lima")


def test_a_pdf_without_a_text_layer_is_named_as_such():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, as a scanned page is an image: no text
    with pytest.raises(DocumentError, match=r"no text layer \(scanned image\?\)"):
        read_bytes(bytes(pdf.output()), "scan.pdf")


def test_a_docx_that_is_a_zip_of_something_else_is_refused_as_unreadable():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    with pytest.raises(DocumentError, match="unreadable Word document"):
        read_bytes(buffer.getvalue(), "minutes.docx")
