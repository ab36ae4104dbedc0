"""What reports of one meeting share whatever their language or script.

A French copy, a Russian wire and the newsroom's English piece name the same city, people
and bodies, in the Latin alphabet once transliterated ("Баку" is "baku"), and the same
meeting's ordinal, however each language writes it ("24th", "24e", "24.ª", "XXIV",
"24-я", "第24届", "twenty-fourth"). A wire may give its day and month without a year
("BANGUI, March 13 (Agency) -"). Plain functions of one text each (no corpus), so that
whether two reports are one meeting depends on those two reports only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from analytics.extract.dates import month_numbers, weekday_names

__all__ = ["day_and_month", "latin", "ordinals", "weekdays"]

# Cyrillic and Greek letter by letter, as English-language news spells their names;
# Arabic by its consonants and long vowels (short vowels are not written).
_LETTERS = {
    **dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziiklmnoprstufye", strict=True)),
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
    "ъ": "", "ь": "", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ә": "a",
    "ө": "o", "ү": "u", "ң": "n", "қ": "k", "ғ": "g", "һ": "h",
    **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "abgdeziiklmnxoprsstyfo", strict=True)),
    "θ": "th", "χ": "ch", "ψ": "ps", **dict(zip("άέήίόύώϊϋΐΰ", "aeiioyoiyiy", strict=True)),
    **dict(zip("ابتجحدرزسصضطظعغفقكلمنهويىةءأإآ", "abtjhdrzssdtzagfqklmnhwyyhaaaa", strict=True)),
    "ث": "th", "خ": "kh", "ذ": "dh", "ش": "sh", "ؤ": "w", "ئ": "y",
}  # fmt: skip
_OTHER_SCRIPTS = re.compile(r"[\u0370-\u06ff]")  # Greek, Cyrillic, Armenian, Hebrew, Arabic
_TABLE = str.maketrans(
    {k.upper(): v.title() for k, v in _LETTERS.items() if len(k.upper()) == 1} | _LETTERS
)


def latin(text: str) -> str:
    """The text with Cyrillic, Greek and Arabic letters written in Latin ones (other
    letters, accented Latin ones and Chinese among them, left as they are)."""
    if text.isascii() or not _OTHER_SCRIPTS.search(text):
        return text
    return text.translate(_TABLE)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_WORDS = {
    # en, fr, es/pt (masculine and feminine), 1 to 12: larger ordinals are written in digits
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "premier": 1, "premiere": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
    "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
    "dixieme": 10, "onzieme": 11, "douzieme": 12,
    "primer": 1, "primero": 1, "primera": 1, "primeiro": 1, "segundo": 2, "segunda": 2,
    "tercer": 3, "tercero": 3, "tercera": 3, "terceiro": 3, "terceira": 3, "cuarto": 4,
    "cuarta": 4, "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "sexto": 6,
    "sexta": 6, "septimo": 7, "septima": 7, "setimo": 7, "setima": 7, "octavo": 8,
    "octava": 8, "oitavo": 8, "oitava": 8, "noveno": 9, "novena": 9, "nono": 9, "nona": 9,
    "decimo": 10, "decima": 10, "undecimo": 11, "undecima": 11, "duodecimo": 12,
    "duodecima": 12,
}  # fmt: skip
_ORDINAL = re.compile(
    r"(?<![\w.,-])(?P<n>\d{1,3})(?:st|nd|rd|th|e|er|ere|eme|ieme|[.]?[ªºoa]"
    r"|-?(?:я|й|е|го|ое|ая|ый|ой))(?![\w-])"
    r"|第(?P<cjk>\d{1,3})[届屆次]"
    r"|(?<![\w-])(?P<roman>[XVIL]{2,6}(?:e|eme|ª|º|[.]?[ao])?|[VX])(?=\s+[A-ZÀ-Ý])",
)
_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")  # (an alternation of _WORDS is slower)


def _roman(numeral: str) -> int | None:
    values = [_ROMAN[c] for c in numeral.lower()]
    total = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    return total if 0 < total < 200 and _canonical_roman(total) == numeral.upper() else None


def _canonical_roman(number: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"),
                           (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while number >= value:
            out, number = out + letters, number - value
    return out


def ordinals(text: str) -> frozenset[int]:
    """The ordinals the text gives, as numbers: "the 24th Conference", "24e", "XXIV
    Conferencia" (a Roman numeral before a capitalised word; a lone "I" is not one),
    "24-я", "第24届", "fourth", "quatrième"."""
    plain = _plain(text)
    found = set()
    for match in _ORDINAL.finditer(plain):
        if match["n"] and _is_a_day(plain, match.start(), match.end()):
            continue
        if match["n"] or match["cjk"]:
            found.add(int(match["n"] or match["cjk"]))
        elif number := _roman(match["roman"].rstrip("eaoº.ªm")):
            found.add(number)
    found.update(_WORDS[w] for w in set(_WORD.findall(plain.lower())) & _WORDS.keys())
    return frozenset(found)


def _is_a_day(text: str, start: int, end: int) -> bool:
    """Whether the ordinal at ``start:end`` is a day of a month ("March 13th", "13th of
    March", "le 1er mars", "Monday 3rd")."""
    after = text[end : end + 16].split()
    after = after[1:] if after[:1] in (["of"], ["de"]) else after
    before = text[max(start - 12, 0) : start].split()
    months, weekdays = month_numbers(), weekday_names()
    return bool(after and after[0].lower().strip(".,:;()") in months) or bool(
        before and before[-1].lower().strip(".,:;()") in months | weekdays.keys()
    )


def _plain(text: str) -> str:
    """The text without accents on Latin letters (Cyrillic and CJK kept)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _ACCENTS))


_ACCENTS = {"\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u0327"}


@cache
def _day_month() -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True))
    year = r"(?!,?\s*(?:de\s+|of\s+)?\d{4})"
    return re.compile(
        rf"(?<![\w-])(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?![\d:])(?:st|nd|rd|th)?{year}"
        rf"|(?<![\w-])(?P<d2>\d{{1,2}})(?:er|º)?\s+(?:de\s+|of\s+)?(?P<m2>{months})(?![\w-]){year}",
        re.IGNORECASE,
    )


def day_and_month(text: str) -> tuple[int, int] | None:
    """The first day and month the text gives without a year (a wire's dateline:
    "BANGUI, March 13 (Agency) -"), as (month, day), or None."""
    match = _day_month().search(text)
    if not match:
        return None
    month = month_numbers()[(match["m1"] or match["m2"]).lower().rstrip(".")]
    day = int(match["d1"] or match["d2"])
    return (month, day) if 1 <= day <= 31 else None


_WEEKDAY_WORD = re.compile(r"\w+")


def weekdays(text: str) -> frozenset[int]:
    """The weekdays the text names, in any language (0 for Monday to 6): a wire's
    "opened on Wednesday", "ont ouvert jeudi"."""
    names = weekday_names()
    return frozenset(names[w] for w in set(_WEEKDAY_WORD.findall(text.lower())) & names.keys())
