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

__all__ = ["Names"]


@cache
def _matches_ascii(char: str) -> bool:
    """True when a non-ASCII character matches an ASCII one ignoring case (the Kelvin
    sign matches "k", the long s "s")."""
    return any(re.fullmatch(re.escape(char), a, re.IGNORECASE) for a in string.printable)


class Names:
    """Names a pattern matches literally (in any case when ``ignore_case``): whether a
    text may contain one of them."""

    def __init__(self, names: Iterable[str], ignore_case: bool = True) -> None:
        self.ignore_case = ignore_case
        wanted, self.always = set(), False
        for name in names:
            if not name:
                self.always = True  # the empty name is in every text
            elif name.isascii():
                wanted.add(name.lower() if ignore_case else name)
            elif any(not ch.isascii() and _matches_ascii(ch) for ch in name):
                self.always = True  # could match ASCII text: never ruled out
            # else: a name with a letter no ASCII text has is never in ASCII text
        # A name that contains a shorter one is in a text only if the shorter one is.
        shortest = sorted(wanted, key=len)
        self.words: list[str] = []
        for name in shortest:
            if not any(word in name for word in self.words):
                self.words.append(name)

    def may_be_in(self, text: str, lower: str | None = None) -> bool:
        """False only when ``text`` (``lower`` its lower case, if at hand) contains none
        of the names."""
        if self.always or not text.isascii():
            return True
        if self.ignore_case:
            text = text.lower() if lower is None else lower
        return any(word in text for word in self.words)
