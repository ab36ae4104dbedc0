"""The WCO's own seat: a meeting placed at its headquarters ("at WCO Headquarters",
"au siège de l'OMD"), or a body that meets only there (the Council's sessions).

Said as where the meeting was ("au siège de l'OMD", "en la sede de la OMA", "в
штаб-квартире ВТамО", "在世界海关组织总部", "بمقر منظمة الجمارك العالمية", and "L'OMD a
accueilli à son siège": the organisation's own seat), the headquarters are a place of the
text like any city it names, so that the countries of the participants listed after it
never beat it. Other bodies' seats say their city too: the Arab League's is in Cairo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["LANDMARKS", "at_headquarters", "council_session", "headquarters_named"]

_WCO = r"(?:WCO|OMD|OMA|ВТамО|World Customs Organi[sz]ation|Organisation mondiale des douanes|Organizaci[óo]n Mundial de Aduanas)"

_HEADQUARTERS = re.compile(
    r"\b(?:WCO|Organi[sz]ation['’]s|its) (?:Headquarters?|HQ|head office)\b|"
    r"\bsi[èe]ge de l['’]OMD\b|\bsede (?:de la|central de la) OMA\b|"
    r"штаб-квартир\w* ВТамО|世界海关组织总部|世界海關組織總部|مقر منظمة الجمارك العالمية",
    re.IGNORECASE,
)
# The same said as the meeting's place, and the organisation's "own seat" after its name
_AT_HEADQUARTERS = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?:WCO|World Customs Organi[sz]ation(?:\s+\(WCO\))?)['’]?s?\s+"
    r"(?:Headquarters?|HQ)\b|"
    r"\b(?:au|dans les locaux du)\s+si[èe]ge de l['’](?:OMD|Organisation mondiale des douanes)\b|"
    r"\ben\s+la\s+sede\s+(?:central\s+)?de\s+la\s+(?:OMA|Organizaci[óo]n Mundial de Aduanas)\b|"
    r"\bв\s+штаб-квартире\s+(?:ВТамО|Всемирной таможенной организации)|"
    r"[在于][世界海关组织]{0,6}总部|[在於][世界海關組織]{0,6}總部|"
    r"بمقر\s+(?:منظمة الجمارك العالمية|المنظمة)|في\s+مقر\s+منظمة الجمارك العالمية|"
    rf"\b{_WCO}\b[^.;]{{0,80}}?\b(?:à son siège|en su sede|at its (?:headquarters|seat))\b",
    re.IGNORECASE,
)

# "the 132nd annual session of the WCO's Customs Co-operation Council", "the WCO Council
# sessions", "les sessions du Conseil de l'OMD" (not a region's Governing Council, nor "the
# Council of ECO Heads")
_COUNCIL = re.compile(
    r"\bsessions? of the (?:WCO(?:['’]s)? )?(?:Customs Co-?operation )?Council\b(?! of)|"
    r"\b(?:WCO|Customs Co-?operation) Council(?:['’]s)? (?:[\w-]+ ){0,2}sessions?\b|"
    r"\bsessions? du Conseil de l['’]OMD\b|\bsesi[oó]n(?:es)? del Consejo de la OMA\b",
    re.IGNORECASE,
)


def at_headquarters(text: str) -> bool:
    """True when the text places the meeting at the WCO's headquarters."""
    return bool(_HEADQUARTERS.search(text) or _AT_HEADQUARTERS.search(text))


def council_session(texts: Iterable[str]) -> str | None:
    """The first text that reports a session of the WCO Council, which sits at the
    headquarters in Brussels; None when none does."""
    return next((text for text in texts if _COUNCIL.search(text)), None)


# A word of every phrase above: most sentences have none, and skip the pattern.
_WORDS = ("headquarter", "hq", "siège", "siege", "sede", "штаб", "总部", "總部", "مقر", "seat")


def headquarters_named(text: str) -> int | None:
    """Where the text says the meeting was held at the WCO's headquarters, if it does."""
    lower = text.lower()
    if not any(word in lower for word in _WORDS):
        return None
    match = _AT_HEADQUARTERS.search(text)
    return match.start() if match else None


# Buildings that say the city: the Arab League's headquarters are in Cairo.
LANDMARKS = (
    (re.compile(r"(?:headquarters|seat|General Secretariat) of the (?:League of Arab States|"
                r"Arab League)|Arab League(?:'s)? headquarters|مقر (?:الأمانة العامة )?ل?"
                r"(?:جامعة الدول العربية|الجامعة العربية)|بمقر (?:الأمانة العامة )?"
                r"(?:لجامعة الدول العربية|الجامعة العربية)|مقر (?:الأمانة العامة )?للجامعة العربية",
                re.IGNORECASE), "Cairo", "EGY"),
)  # fmt: skip
