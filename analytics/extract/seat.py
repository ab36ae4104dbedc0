"""The WCO's own seat: a meeting placed at its headquarters ("at WCO Headquarters",
"au siège de l'OMD"), or a body that meets only there (the Council's sessions)."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["at_headquarters", "council_session"]

_HEADQUARTERS = re.compile(
    r"\b(?:WCO|Organi[sz]ation['’]s|its) (?:Headquarters?|HQ|head office)\b|"
    r"\bsi[èe]ge de l['’]OMD\b|\bsede (?:de la|central de la) OMA\b|"
    r"штаб-квартир\w* ВТамО|世界海关组织总部|世界海關組織總部|مقر منظمة الجمارك العالمية",
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
    return bool(_HEADQUARTERS.search(text))


def council_session(texts: Iterable[str]) -> str | None:
    """The first text that reports a session of the WCO Council, which sits at the
    headquarters in Brussels; None when none does."""
    return next((text for text in texts if _COUNCIL.search(text)), None)
