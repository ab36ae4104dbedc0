"""A capital said without its name: "in the capital of Senegal", "in Kenya's capital", "in
the country's capital", "dans la capitale du pays", "en la capital".

The capital of the country named ("of Senegal"), else of the one country the sentence
names before it ("Senegal welcomed the heads ..., who met in the country's capital"), else
of the one country the report names. A capital guessed from the context says less than a
place named outright: it is the venue only when the report names no other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analytics.extract.places import Gazetteer, Place

__all__ = ["capital_places"]

_NAME = r"[A-ZÀ-Ý][\w'’-]+"
_IN = r"(?:in|at|dans|à|en|a|na)\s+"
_CITY = r"(?:\s+(?:city|ville|ciudad))?"
# "in the capital of Senegal", "dans la capitale du Sénégal", "en la capital de Chile"
_OF = re.compile(
    rf"\b{_IN}(?:the|la|el|a)\s+capital(?:e)?{_CITY}\s+(?:of|de|du|del|do|da|d['’])\s*"
    rf"(?:the\s+|la\s+|le\s+|l['’])?(?P<country>{_NAME}(?:\s+(?:of\s+|d['’])?{_NAME}){{0,3}})"
)
# "in Kenya's capital" (no name after it: "Kenya's capital, Nairobi" says it)
_POSSESSIVE = re.compile(
    rf"\b{_IN}(?P<country>{_NAME}(?:\s+{_NAME})?)['’]s\s+capital{_CITY}(?!\s*,\s*[A-Z])"
)
# "in the country's capital", "in the capital", "dans la capitale du pays": a capital of
# the country around; only where nothing follows that names it or an adjective that does
_OWN = re.compile(
    rf"\b{_IN}(?:the|la|el|a|its|their)\s+(?:(?:host\s+)?(?:country|nation)['’]s\s+)?"
    rf"capital(?:e)?{_CITY}(?:\s+(?:du pays|del país|do país))?"
    r"(?=\s*(?:[.;:()]|$|,(?!\s*[A-Z])|\s(?:on|from|this|last|next|for|to|with|and|where|"
    r"when|le|les|ce|cette|pour|avec|et|el|este|esta|para|con|y|du \d|del \d|de \d|\d)))"
)


def capital_places(
    gaz: Gazetteer, sentence: str, named: set[str]
) -> Iterator[tuple[Place, int, bool]]:
    """(the capital, where its phrase starts, whether its country was only guessed from the
    context) for every capital a sentence names without its name; ``named`` holds the
    countries the report names (the title's, else the body's)."""
    if "capital" not in sentence.lower():
        return
    for pattern in (_OF, _POSSESSIVE):
        for match in pattern.finditer(sentence):
            iso3 = _country(gaz, match.group("country"))
            if iso3 and (capital := gaz.capital_of(iso3)):
                yield capital, match.start(), False
    for match in _OWN.finditer(sentence):
        before = gaz.countries_named(sentence[: match.start()])
        around = before or named  # "Delegates of Togo, Benin and Ghana": no one country
        iso3 = next(iter(around)) if len(around) == 1 else None
        if iso3 and (capital := gaz.capital_of(iso3)):
            yield capital, match.start(), True


def _country(gaz: Gazetteer, phrase: str) -> str | None:
    """The country the first words of a phrase name ("Senegal from 27 to 29 April")."""
    words = phrase.split()
    return next(
        (
            iso3
            for size in range(len(words), 0, -1)
            if (iso3 := gaz.country(" ".join(words[:size])))
        ),
        None,
    )
