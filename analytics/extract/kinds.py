"""Kinds of meeting: the one list of meeting types, and the rules that tell them apart."""

from __future__ import annotations

import re

__all__ = ["EVENT_TYPES", "classify_event"]

# Every meeting type, in the order the dashboard lists them, with its label.
EVENT_TYPES: dict[str, str] = {
    "regional_conference": "Regional conference",
    "governing_council": "Governing council",
    "policy_commission_or_council": "Policy Commission or Council",
    "bilateral_visit": "Bilateral visit",
    "international_forum": "International forum",
    "workshop_or_training": "Workshop or training",
    "virtual_meeting": "Virtual meeting",
    "other": "Other",
}

# The first rule that matches the title (then the reporting sentence) decides; the order
# matters: "Regional Conference" before "conference", "Policy Commission" before all.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("policy_commission_or_council", r"\bPolicy Commission\b|\bCouncil Sessions?\b|"
         r"\bSessions? of the (?:WCO )?Council\b|\bWCO Council\b|\bConseil de l['’]OMD\b|"
         r"\bsessions du Conseil\b|\bCommission de politique g[ée]n[ée]rale\b|"
         r"\bConsejo de la OMA\b|\bsesiones del Consejo\b|\bComisi[óo]n de Pol[íi]tica\b|"
         r"\bConselho da OMA\b|Совет\w* ВТамО|сесси\w+ Совета|Политическ\w+ комисси"),
        ("governing_council", r"\bGoverning Council\b|\bConseil d'orientation\b|"
         r"\bConselho de Dire[çc][ãa]o\b|\bConsejo de Direcci[óo]n\b"),
        ("regional_conference", r"\bRegional (?:Conference|Heads|Meeting)\b|"
         r"\bConference of (?:the )?(?:Customs )?Directors[- ]General\b|"
         r"\bHeads of Customs (?:Conference|Meeting)\b|\bConf[ée]rence r[ée]gionale\b|"
         r"\br[ée]union r[ée]gionale\b|\breuni[oó]n regional\b|\bconferencia regional\b|"
         r"\bConf[ée]rence des Directeurs g[ée]n[ée]raux\b|\bConferencia de Directores\b|"
         r"\bConfer[êe]ncia (?:Regional|(?:Anual )?dos Diretores)\b|"
         r"конференци\w+ руководителей|региональн\w+ конференци"),
        ("workshop_or_training", r"\bworkshop|\btraining\b|\bseminar\b|\bcourse\b|"
         r"\bwebinar\b|\batelier\b|\btaller\b|\bformation\b"),
        ("international_forum", r"\bforum\b|\bsummit\b|\bsymposium\b|\bconvention\b|"
         r"\bglobal conference\b|\bconference\b|\bcommittee\b|\bsession of\b"),
        ("bilateral_visit", r"\bvisit|\bvisite\b|\bvisita\b|\bbilateral\b|\bmet with\b"),
    )
)  # fmt: skip
# Governing bodies met online keep their own kind; so do forums and workshops by title.
_BEFORE_VIRTUAL = 2  # rules checked before an online meeting is called a virtual meeting
_KEEPS_ITS_KIND_ONLINE = re.compile(
    r"\bforum\b|\bsummit\b|\bconvention\b|\bASEM\b|\bworkshop\b", re.IGNORECASE
)


def classify_event(title: str, lead: str, virtual: bool) -> str:
    """One of :data:`EVENT_TYPES`, from the title first and then the reporting sentence."""
    online = virtual and not _KEEPS_ITS_KIND_ONLINE.search(title)
    for text in (title, lead):
        for index, (name, pattern) in enumerate(_RULES):
            if index == _BEFORE_VIRTUAL and online:
                return "virtual_meeting"
            if pattern.search(text):
                return name
    return "virtual_meeting" if virtual else "other"
