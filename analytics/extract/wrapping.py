"""Lines a text was hard-wrapped at, joined back into its sentences.

Some pages and files break every line at a fixed width, in mid-sentence ("la ville de
Yaoundé a" / "accueilli un séminaire"): each line would be read as a paragraph, and
"Yaoundé a accueilli" never seen. A line that does not end a sentence and is followed by
one that goes on in lower case, or that ends on a joining word ("in", "de", "and"), is
joined to the next.
"""

from __future__ import annotations

__all__ = ["CONTINUES", "unwrapped", "wrapped"]

# Words a headline does not end with but a paragraph's line cut by the text's width does
CONTINUES = frozenset([
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "au", "de", "des", "du", "en", "et", "la", "le", "les",  # French
    "y", "el", "al", "e", "o", "da", "do", "em",  # Spanish and Portuguese
])  # fmt: skip
_WRAPPED_CHARS = 25  # a shorter line is a heading or a label, never a wrapped line
_ENDS = (".", "!", "?", ":", ";", "。", "！", "？", "؟", "|")


def wrapped(line: str, after: str) -> bool:
    """True when ``line`` reads as cut by the text's width before ``after``: it ends on a
    joining word, or the next line goes on in lower case."""
    return line.rsplit(" ", 1)[-1].lower() in CONTINUES or after[:1].islower()


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with those cut in mid-sentence joined to the line after them."""
    joined: list[str] = []
    for line in lines:
        if joined and _goes_on(joined[-1], line):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _goes_on(line: str, after: str) -> bool:
    return (
        len(line) >= _WRAPPED_CHARS
        and not line.endswith(_ENDS)
        and after[:1].isalnum()
        and wrapped(line, after)
    )
