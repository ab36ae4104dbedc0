"""Text from documents shown as Markdown: escaped so that it can only ever show as text.

A report's title, a file name or a table cell may hold Markdown or HTML of its own
(``[log in](https://evil.example)``, ``**x**``, ``$x$``); every such character is escaped.
"""

from __future__ import annotations

__all__ = ["as_text", "highlighted"]

_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~:$"})


def as_text(text: str) -> str:
    """Markdown that shows ``text`` literally (every markdown character escaped)."""
    return str(text).translate(_MARKDOWN_SPECIAL)


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
