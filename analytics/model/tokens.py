"""How the model cuts text into words, in every language of the taxonomy.

Latin-script words are read as scikit-learn's default reads them (two characters or more,
hyphens inside). Chinese has no spaces: each Han character is a token, so a seed term of
several characters ("贸易便利化") is a phrase of several tokens, found wherever it is
written. Arabic glues the article and some particles to the word ("والتدريب", "and the
training"): they are taken off, and the letters written in several ways (final ى and ة)
read as one. Russian inflects: a light stemmer takes the case endings off, so that
"торговля", "торговли" and "торговлей" are one word. Every reader of the model (its
TF-IDF, the seed-term counter) cuts text with :func:`tokenize`, so seed terms and reports
are always cut alike.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_PATTERN", "tokenize", "word_count"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = rf"[^\W{_HAN}]"  # a word character that is not Han
# A Han character alone, or a run of other word characters (hyphens inside), two at least.
TOKEN_PATTERN = rf"(?u)[{_HAN}]|(?<!{_WORD}){_WORD}(?:{_WORD}|-)*{_WORD}(?!{_WORD})"
_TOKEN = re.compile(TOKEN_PATTERN)
_LATIN_TOKEN = re.compile(r"(?u)\b\w[\w-]*\w\b")  # the same where no Han character is
_HAN_CHAR = re.compile(f"[{_HAN}]")
_OTHER_SCRIPT = re.compile("[\u0400-\u04ff\u0600-\u06ff]")

# Arabic: "and", "so" before the article and the prepositions glued to it ("وبال", "فال",
# "لل" for "ل" + "ال"); the article alone.
_ARABIC_PREFIX = re.compile("^(?:[وف]?(?:[بكل]?ال|لل))(?=..)|^[وف](?=...)")
_ARABIC_LETTERS = str.maketrans({"ى": "ي", "ة": "ه", "ـ": None})
# Russian case endings, longest first: what is left is the stem (four letters at least).
# With accents stripped, "й" reads "и": "-ой", "-ей", "-ый", "-ий" are "-ои", "-еи", ...
_ENDINGS = (
    "иями ями ами его ого ему ому ыми ими иеи ией ие ия ий ию ье ья ью ей ой ый ая яя "
    "ое ее ые ых их ым им ую юю ом ем ам ям ах ях ов ев ои еи ыи ии аи яи а я о е ы и у ю ь й"
)
_RUSSIAN_ENDINGS = tuple(sorted(_ENDINGS.split(), key=len, reverse=True))


def _russian_stem(word: str) -> str:
    for ending in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _normalised(token: str) -> str:
    first = token[0]
    if "\u0600" <= first <= "\u06ff":
        return _ARABIC_PREFIX.sub("", token.translate(_ARABIC_LETTERS))
    if "\u0400" <= first <= "\u04ff":
        return _russian_stem(token)
    return token


def tokenize(text: str) -> list[str]:
    """The tokens of a text (already lower-cased and stripped of accents, as a
    ``CountVectorizer`` hands it over)."""
    if text.isascii():  # most text, once its accents are stripped
        return _LATIN_TOKEN.findall(text)
    tokens = (_TOKEN if _HAN_CHAR.search(text) else _LATIN_TOKEN).findall(text)
    if not _OTHER_SCRIPT.search(text):
        return tokens
    return [_normalised(token) for token in tokens]


def word_count(text: str) -> int:
    """About how many words a text has: its space-separated words, and a word for every two
    Han characters (Chinese writes no spaces)."""
    words = len(text.split())
    if text.isascii():
        return words
    return words + len(_HAN_CHAR.findall(text)) // 2
