"""Text from documents is escaped so that Markdown shows it literally."""

import re

from analytics.views.markdown import as_text, highlighted


def test_markdown_links_emphasis_and_maths_are_escaped():
    title = "[Official agenda](https://evil.example/login) **x** $x$ <b>y</b>"
    escaped = as_text(title)
    assert re.fullmatch(r"(?:\\.|[^\\`*_{}\[\]()#+\-.!|<>~:$])*", escaped), escaped
    assert escaped.replace("\\", "").replace("\u2060", "") == title


def test_bare_addresses_are_kept_from_becoming_links():
    for text in ("see https://evil.example/login", "www.evil.example", "write to x@evil.example"):
        shown = as_text(text)
        assert not re.search(r"https?\\?://|www\\?\.|@\w", shown), shown
        assert shown.replace("\\", "").replace("\u2060", "") == text


def test_evidence_is_highlighted_and_tagged_the_rest_escaped():
    segments = [("Intro *text* ", None), ("E-commerce grew.", "ecommerce")]
    markdown = highlighted(segments, {"ecommerce": "E-commerce"})
    assert markdown.startswith("Intro \\*text\\* ")
    assert ":orange-background[E\\-commerce grew\\.] :gray-badge[E\\-commerce]" in markdown
