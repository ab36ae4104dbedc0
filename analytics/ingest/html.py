"""The article inside a saved web page: its text, title and publication date."""

from __future__ import annotations

import re

import lxml.html
import trafilatura

from analytics.errors import DocumentError
from analytics.ingest.base import RawDocument

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "date",
    "dc.date",
    "dcterms.date",
    "pubdate",
    "publish-date",
)


# Elements whose class names a publication date: span.date, div.news-date, p.published.
_DATE_ELEMENTS = (
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' date ') or "
    "contains(@class, 'news-date') or contains(@class, 'post-date') or "
    "contains(@class, 'published') or contains(@class, 'pubdate')]"
)
_DATE_TEXT_CHARS = 40  # longer text in such an element is not a date alone
# The page's date is read by :func:`_published`, not by trafilatura: its own search is
# kept to the cheap one (the extensive one tries every language's date words on the
# page's text, tens of milliseconds a page), which changes nothing but the date unused.
_ITS_DATE_UNUSED = {"extensive_search": False, "original_date": True}
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")


def _published(tree: lxml.html.HtmlElement) -> str:
    for value in tree.xpath("//article//time/@datetime | //time/@datetime"):
        if value.strip():
            return value.strip()
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in {k.lower() for k in _DATE_META} and meta.get("content", "").strip():
            return meta.get("content").strip()
    for element in tree.xpath(_DATE_ELEMENTS):  # <span class="date">15 марта 2017</span>
        text = " ".join(element.text_content().split())
        if 6 <= len(text) <= _DATE_TEXT_CHARS:
            return text
    for address in tree.xpath(
        "//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"
    ):
        if dated := _URL_DATE.search(address):  # ".../2019/06/29/council-sessions/"
            return "-".join(f"{int(part):02d}" for part in dated.groups())
    return ""


def _title(tree: lxml.html.HtmlElement, fallback: str) -> str:
    for heading in tree.xpath("//article//h1 | //main//h1 | //h1"):
        text = heading.text_content().strip()
        if text:
            return " ".join(text.split())
    return fallback


def html_to_document(html: str, source: str) -> RawDocument:
    """Extract the article of a web page, leaving menus, cookie notices and footers out.

    Raises:
        DocumentError: when the page is not HTML or holds no article text.
    """
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise DocumentError(f"not an HTML page: {exc}") from exc
    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        date_extraction_params=_ITS_DATE_UNUSED,
    )
    text = (extracted.text if extracted else "") or ""
    if not text.strip():
        raise DocumentError("web page has no article text")
    title = _title(tree, (extracted.title if extracted else "") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0] != title and title in lines[:3]:
        lines.remove(title)
    body = "\n\n".join(lines)
    return RawDocument(source=source, text=body, title=title, published=_published(tree))
