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
from re import _parser

__all__ = ["CASE_BLIND_ASCII", "Gated", "Names", "ascii_literal", "required_words"]

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


# Characters other than ASCII letters that a case-blind pattern's ASCII letter matches
# (the dotted and dotless i, the long s, the Kelvin sign): a text holding one is not ruled
# out by its lower case (tests/extract/test_gate.py checks the list against ``re``).
CASE_BLIND_ASCII = "\u0130\u0131\u017f\u212a"
_VARIANTS = 8  # most spellings of a run of letters kept ("conf[ée]rence": two)


class Gated:
    """A pattern with the words one of which every match holds (read from the pattern
    itself), so that a text holding none of them is ruled out by a few substring tests
    before the pattern runs: :meth:`search` and :meth:`finditer` find what the pattern
    finds, only sooner."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.ignore_case = bool(pattern.flags & re.IGNORECASE)
        words = required_words(pattern)
        self.always = words is None
        words = words or set()
        if self.ignore_case:
            words = {word.lower() for word in words}
        shortest = sorted(words, key=len)
        kept = [w for i, w in enumerate(shortest) if not any(s in w for s in shortest[:i])]
        self.ascii = [word for word in kept if word.isascii()]
        self.other = [word for word in kept if not word.isascii()]
        # A case-blind word with a letter that matches an ASCII one may be in ASCII text.
        self.always |= self.ignore_case and any(
            c in w for w in self.other for c in CASE_BLIND_ASCII
        )

    def may_match(self, text: str, lower: str | None = None) -> bool:
        """False only when the pattern cannot match in ``text`` (``lower``: its lower
        case, if at hand)."""
        if self.always:
            return True
        if not self.ignore_case:
            return any(word in text for word in self.ascii) or (
                not text.isascii() and any(word in text for word in self.other)
            )
        if not text.isascii() and (self.other or any(c in text for c in CASE_BLIND_ASCII)):
            return True  # a letter whose lower case is no guide
        text = text.lower() if lower is None else lower
        return any(word in text for word in self.ascii)

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text, lower) else None

    def finditer(self, text: str, lower: str | None = None) -> Iterable[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text, lower) else ()


def required_words(pattern: re.Pattern[str]) -> set[str] | None:
    """Words one of which every match of ``pattern`` holds, in the pattern's spelling
    (lower them for a case-blind one); None when the pattern may match without any."""
    return _required(_parser.parse(pattern.pattern, pattern.flags))


def _required(items) -> set[str] | None:
    """Of a parsed sequence: the most telling of its parts' words (runs of fixed letters,
    each required group's words)."""
    options, run = [], {""}
    for op, value in items:
        letters = _letters(op, value)
        if letters is not None and len(run) * len(letters) <= _VARIANTS:
            run = {head + letter for head in run for letter in letters}
            continue
        if run != {""}:
            options.append(run)
        run = {""} if letters is None else set(letters)
        found = _required_of(op, value)
        if found:
            options.append(found)
    if run != {""}:
        options.append(run)
    return max(options, key=_telling, default=None)


def _telling(words: set[str]) -> int:
    """How telling a set of words is: by its shortest, spaces aside (" of the " tells
    less than "Council")."""
    return min(len(word.strip()) for word in words)


def _letters(op, value) -> list[str] | None:
    """The characters one item of a pattern stands for: a literal, a small class of them."""
    if op is _parser.LITERAL:
        return [chr(value)]
    if op is _parser.IN and len(value) <= 3 and all(o is _parser.LITERAL for o, _ in value):
        return [chr(v) for _, v in value]
    return None


def _required_of(op, value) -> set[str] | None:
    if op is _parser.SUBPATTERN:
        _, add_flags, del_flags, sub = value
        return None if add_flags or del_flags else _required(sub)
    if op is _parser.ATOMIC_GROUP:
        return _required(value)
    if op is _parser.BRANCH:
        words = set()
        for alternative in value[1]:
            found = _required(alternative)
            if not found:
                return None
            words |= found
        return words
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        low, _, sub = value
        return _required(sub) if low >= 1 else None
    return None
