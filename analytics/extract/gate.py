"""A cheap test, before a costly pattern, that a text may name one of its words at all.

A pattern that opens with a long alternation of names (every month in eight languages, a
region's aliases) is tried at every position of every sentence, and most sentences name
none of them. :class:`Names` says, with a few substring tests, when a text cannot hold
any of the names, so the pattern is never run on it; it never says so of a text that
could. The test is exact for ASCII text (most reports); any other text always may.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache

__all__ = ["Names", "ascii_literal"]

# ASCII text with every character but letters, digits, "_" and "-" as a space: a name
# stands as a whole word where " name " is in " text ".
_WORDS_ONLY = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_-")}
)


@cache
def _matches_ascii(char: str) -> bool:
    """True when a non-ASCII character matches an ASCII one ignoring case (the Kelvin
    sign matches "k", the long s "s")."""
    return any(re.fullmatch(re.escape(char), a, re.IGNORECASE) for a in string.printable)


def ascii_literal(name: str, ignore_case: bool) -> str | None:
    """What ASCII text (lower-cased when ``ignore_case``) contains wherever a pattern
    matching ``name`` literally matches in it; None when the name cannot be ruled out
    that way. A name with a character no ASCII text has is returned as it is: never in
    ASCII text."""
    if not name or any(not ch.isascii() and _matches_ascii(ch) for ch in name):
        return None
    return name.lower() if ignore_case and name.isascii() else name


class Names:
    """Names a pattern matches literally (in any case when ``ignore_case``; with
    ``whole_words``, only where no letter, digit, "_" or "-" stands on either side):
    whether a text may contain one of them."""

    def __init__(
        self, names: Iterable[str], ignore_case: bool = True, whole_words: bool = False
    ) -> None:
        self.ignore_case, self.whole_words = ignore_case, whole_words
        wanted, self.always = set(), False
        for name in names:
            literal = ascii_literal(name, ignore_case)
            if literal is None:
                self.always = True
            elif literal.isascii():  # others are never in ASCII text
                wanted.add(f" {literal.translate(_WORDS_ONLY)} " if whole_words else literal)
        # A name that contains a shorter one is in a text only if the shorter one is.
        self.words: list[str] = []
        for name in sorted(wanted, key=len):
            if not any(word in name for word in self.words):
                self.words.append(name)

    def may_be_in(self, text: str, lower: str | None = None) -> bool:
        """False only when ``text`` (``lower`` its lower case, if at hand) contains none
        of the names."""
        if self.always or not text.isascii():
            return True
        if self.ignore_case:
            text = text.lower() if lower is None else lower
        if self.whole_words:
            text = f" {text.translate(_WORDS_ONLY)} "
        return any(word in text for word in self.words)
