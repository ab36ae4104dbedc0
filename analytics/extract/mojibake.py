"""Chinese month names as some copies of the WCO's Chinese pages show them: the UTF-8
bytes read as Greek (cp1253), with the bytes Greek lacks read as Western (cp1252) and
those neither has lost ("06 εδΈ€ζœˆ 2017" is 6 November 2017)."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["misdecoded_months"]

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _byte(value: int) -> str:
    for codec in ("cp1253", "cp1252"):
        try:
            return bytes([value]).decode(codec)
        except UnicodeDecodeError:
            continue
    return ""


def misdecoded(text: str) -> str:
    """The text as such a copy shows it."""
    return "".join(_byte(value) for value in text.encode("utf-8"))


def misdecoded_months(names: Iterable[tuple[str, int]]) -> dict[str, int]:
    """(lower-case misdecoded name, month) of every Chinese month name among ``names``."""
    return {misdecoded(name).lower(): number for name, number in names if _CJK.search(name)}
