"""Text from documents shown as Markdown: escaped so that it can only ever show as text.

A report's title, a file name or a table cell may hold Markdown or HTML of its own
(``[log in](https://evil.example)``, ``**x**``, ``$x$``); every such character is escaped,
and bare addresses are kept from becoming links.
"""

from __future__ import annotations

import re

__all__ = ["as_text", "highlighted"]

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~:$"})
_JOINER = "\u2060"  # an invisible word joiner: no address is recognised across it
# Escaping alone leaves bare addresses (https://..., www...., x@y.org) to the renderer's
# autolinks, which turn them into live links.
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)")


def as_text(text: str) -> str:
    """Markdown that shows ``text`` literally (every markdown character escaped, no bare
    address made a link)."""
    return _AUTOLINK.sub(_JOINER, str(text)).translate(_MARKDOWN_SPECIAL)


def highlighted(segments: list[tuple[str, str | None]], labels: dict[str, str]) -> str:
    """Markdown of a report paragraph: every character of the document escaped, so it
    shows as text; evidence segments on a coloured background, tagged with their theme."""
    parts = []
    for segment, theme in segments:
        escaped = as_text(segment)
        if theme is None:
            parts.append(escaped)
        else:
            tag = as_text(labels.get(theme, theme))
            parts.append(f":orange-background[{escaped}] :gray-badge[{tag}]")
    return "".join(parts)
