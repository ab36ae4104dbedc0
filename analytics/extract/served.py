"""The administration an online meeting (or one that names no place) was held for, whose
country gives its region.

An online training or workshop "for officers of the Zambia Revenue Authority" has no
venue, and names no region: it concerns that administration's country, so its region is
that country's ("pour les agents de la Douane du Niger", "para funcionarios de la Aduana
de Chile"); else that of the one administration that organised it ("organized by the
General Administration of China Customs"); else that of the countries it gathered, when all
are of one region ("for officers of Panama, Guatemala and Honduras").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analytics.extract.host import administration_place, host_venue, name_before_clause
from analytics.extract.places import Gazetteer, Place

__all__ = ["countries_region", "served_administration"]

_PEOPLE = (
    r"(?:(?:officers|officials|staff|experts|managers|trainers|auditors|agents|cadres|"
    r"fonctionnaires|funcionarios|servidores)\s+(?:of|from|de|du|des|de la|d['’])\s*)?"
)
# "for (the officers of) the Zambia Revenue Authority", "pour la Douane du Niger"
_FOR = re.compile(
    rf"\b(?:for|pour|para)\s+(?:the\s+|les\s+|los\s+|la\s+|le\s+|l['’]\s*)?{_PEOPLE}"
    r"(?:the\s+|la\s+|le\s+|l['’]\s*)?(?P<name>[A-ZÀ-Ý][^,;:()]{2,90})"
)


def served_administration(gaz: Gazetteer, texts: Iterable[str]) -> tuple[Place, str] | None:
    """The country of the one administration the first of ``texts`` that names one says
    the meeting was held for (else that organised it), and that text; None when none is
    named."""
    texts = list(texts)
    for text in texts:
        for match in _FOR.finditer(text):
            place = administration_place(gaz, name_before_clause(match.group("name")))
            if place is not None:
                return place, text
    return host_venue(gaz, texts)


def countries_region(gaz: Gazetteer, text: str) -> str:
    """The one region of the countries a sentence names, two or more ("for the officers of
    Panama, Guatemala, Honduras and El Salvador"); "" when it names fewer or several
    regions' countries."""
    countries = gaz.countries_named(text)
    regions = {gaz.region_of.get(iso3, "") for iso3 in countries}
    return next(iter(regions)) if len(countries) >= 2 and len(regions) == 1 else ""
