"""Kinds of meeting: the one list of meeting types, and the rules that tell them apart.

Copies of one meeting in the WCO's six site languages (and Portuguese) name its type in
their own words ("Conference of Heads of Customs", "конференция руководителей таможенных
служб", "24e Conférence des Directeurs généraux", "مؤتمر المديرين العامين",
"亚太地区海关署长会议"): each rule knows all of them, so that the copies read one type.
"""

from __future__ import annotations

import re

from analytics.extract.gate import Gated

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

_HEADS = (  # the heads of the region's administrations, as each language calls them
    r"(?:Customs )?Directors[- ]General(?: of Customs)?|Heads of Customs(?: services)?|"
    r"Customs chiefs|Directeurs? g[ée]n[ée]raux(?: des douanes)?|chefs d['’]administration|"
    r"Directores Generales|Diretores[- ]Gerais|руководител\w+ таможенн\w+|"
    r"المديرين العامين|رؤساء الجمارك|海关署长|海关关长|海关局长"
)
_MEETS = (  # what they hold, or that they met
    r"conference|meeting|met|meet|gather|gathered|conf[ée]rence|r[ée]union|r[ée]unis|conferencia|"
    r"reuni[oó]n|reunidos|confer[êe]ncia|reuni[ãa]o|reuniram|конференци\w*|совещани\w*"
)

# The first rule that matches the title (then the reporting sentence, then the opening)
# decides; the order matters: "Regional Conference" before "conference", "Policy
# Commission" before all.
# Each is gated: tried only on a text that holds one of its words.
_RULES: tuple[tuple[str, Gated], ...] = tuple(
    (name, Gated(re.compile(pattern, re.IGNORECASE)))
    for name, pattern in (
        ("policy_commission_or_council", r"\bPolicy Commission\b|\bCouncil Sessions?\b|"
         r"\bSessions? of the (?:WCO )?Council\b|\bWCO Council\b|\bConseil de l['’]OMD\b|"
         r"\bsessions du Conseil\b|\bCommission de politique g[ée]n[ée]rale\b|"
         r"\bConsejo de la OMA\b|\bsesiones del Consejo\b|\bComisi[óo]n de Pol[íi]tica\b|"
         r"\bConselho da OMA\b|\bsess[õo]es do Conselho\b|\bComiss[ãa]o de Pol[íi]tica\b|"
         r"Совет\w* ВТамО|сесси\w+ Совета|Политическ\w+ комисси|لجنة السياسة العامة|"
         r"دورات? المجلس|مجلس المنظمة العالمية للجمارك|政策委员会|海关组织理事会|理事会会议"),
        ("governing_council", r"\bGoverning Council\b|\bConseil d['’]orientation\b|"
         r"\bConselho de Dire[çc][ãa]o\b|\bConsejo de Direcci[óo]n\b|Руководящ\w+ совет"),
        ("regional_conference", r"\bRegional (?:Conference|Heads|Meeting)\b|"
         rf"\b(?:{_MEETS}) (?:of|des|de|dos) (?:the |los |las |la )?(?:{_HEADS})\b|"
         r"\bHeads of Customs (?:Administrations )?(?:Conference|Meeting)\b|"
         r"\bConf[ée]rence r[ée]gionale\b|\br[ée]union r[ée]gionale\b|\breuni[oó]n regional\b|"
         r"\bconferencia regional\b|\bConfer[êe]ncia Regional\b|\breuni[ãa]o regional\b|"
         r"конференци\w+ руководителей|региональн\w+ (?:конференци|совещани)|"
         r"совещани\w+ руководителей|(?:المؤتمر|الاجتماع) الإقليمي|"
         r"(?:مؤتمر|اجتماع) (?:المديرين العامين|رؤساء)|"
         r"(?:地区|区域)[^。，]{0,4}(?:海关)?(?:署长|关长|局长)?会议|海关(?:署长|关长|局长)会议"),
        ("workshop_or_training", r"\bworkshop|\btraining\b(?! cent(?:re|er))|\bseminar\b|\bcourse\b|"
         r"\bwebinar\b|\batelier\b|\btaller\b|\bformation\b|\bs[ée]minaire\b|"
         r"\bseminario\b|\bsemin[áa]rio\b|\bcapacita[çc][ãa]o\b|\bcurso\b|семинар|"
         r"практикум|тренинг|ورشة|دورة تدريبية|研讨会|讲习班|培训|工作坊"),
        ("international_forum", r"\bforum\b|\bsummit\b|\bsymposium\b|\bconvention\b|"
         r"\bglobal conference\b|\bsession of\b|\bsommet\b|\bcolloque\b|"
         r"\bforo\b|\bf[óo]rum\b|\bcumbre\b|\bsimposio\b|\bcimeira\b|"
         r"форум|саммит|симпозиум|منتدى|قمة|论坛|峰会|委员会"),
        ("bilateral_visit", r"\bvisit|\bvisite\b|\bvisita\b|\bbilateral\b|\bmet with\b|"
         r"\b(?:received|welcomed) an? (?:[\w-]+ ){0,2}delegation\b|"
         r"визит|زيارة|访问"),
    )
)  # fmt: skip
# The region's heads meeting, said loosely ("customs chiefs meet in Kigali"): a regional
# conference unless a text names the meeting (the Governing Council they meet in).
_HEADS_MEET = Gated(re.compile(rf"\b(?:{_HEADS})\b[^.;:]{{0,140}}\b(?:{_MEETS})\b", re.IGNORECASE))
# ... but not the heads of every region (the Vice-Chairs of the six regions at headquarters),
# nor those of two continents (ASEM: Asia and Europe).
_ALL_REGIONS = Gated(
    re.compile(
        r"\bASEM\b|\binter-?regional\b|\ball (?:the )?(?:six |6 )?(?:WCO )?regions\b|\bVice-Chairs\b|\btoutes les r[ée]gions\b|"
        r"\btodas las regiones\b|\btodas as regi[õo]es\b",
        re.IGNORECASE,
    )
)
# A title that says the experts meet: the experts' committee that prepares a conference.
_EXPERTS = Gated(
    re.compile(
        r"\b(?:Committee|Comit[ée]) (?:of|des|de) (?:los )?[Ee]xpert[os]s?\b|\bexperts['’] meeting\b|"
        r"\bexpert[os]s?\b[^.;:]{0,60}\b(?:meet|meets|se réunissent|préparent|prepare|se reúnen)\b|"
        r"\br[ée]union des experts\b|\breuni[oó]n de expertos\b|совещани\w+ экспертов|اجتماع الخبراء|专家会议",
        re.IGNORECASE,
    )
)
# A conference and nothing more said of it is a forum, unless a later text says more (the
# title's "Kinshasa conference", the lead's "16th Conference of Directors General").
_ANY_CONFERENCE = Gated(
    re.compile(
        r"\bconference\b|\bconf[ée]rence\b|\bconferencia\b|\bconfer[êe]ncia\b|конференци|"
        r"مؤتمر|大会|(?<!Customs )\bcommittee\b|\bcomit[ée]\b|\bcomit[êe]\b",
        re.IGNORECASE,
    )
)
# Governing bodies met online keep their own kind; so do forums and workshops by title.
# The opening's first sentence is read like the lead; its later sentences name the meeting's body (a Council, a Governing Council, a
# Conference of Directors General) more often than they mention a workshop or visit by it.
_NAMED = 3  # rules read in the opening
_BEFORE_VIRTUAL = 2  # rules checked before an online meeting is called a virtual meeting
_KEEPS_ITS_KIND_ONLINE = Gated(
    re.compile(
        r"\bforum\b|\bsummit\b|\bconvention\b|\bASEM\b|\bworkshop\b|\batelier\b|\btaller\b|"
        r"\bforo\b|\bf[óo]rum\b|форум|семинар|منتدى|ورشة|论坛|研讨会",
        re.IGNORECASE,
    )
)


def classify_event(title: str, lead: str, virtual: bool, opening: str = "") -> str:
    """One of :data:`EVENT_TYPES`: what the title names, else the reporting sentence, else
    what either says loosely; else the same read from the report's opening (where a lead
    that only says when and where leaves it)."""
    online = virtual and not _KEEPS_ITS_KIND_ONLINE.search(title)
    if _EXPERTS.search(title) and not online:
        return "other"
    first = opening.split(". ", 1)[0]
    texts = [(text, text.lower()) for text in (title, lead, first, opening)]
    for (text, lower), rules in zip(texts, (_RULES, _RULES, _RULES, _RULES[:_NAMED]), strict=True):
        for index, (name, pattern) in enumerate(rules):
            if index == _BEFORE_VIRTUAL and online:
                return "virtual_meeting"
            if pattern.search(text, lower):
                return name
    every_region = any(_ALL_REGIONS.search(text, lower) for text, lower in texts)
    for text, lower in texts:
        if _HEADS_MEET.search(text, lower) and not every_region:
            return "regional_conference"
        if _ANY_CONFERENCE.search(text, lower):
            return "international_forum"
    return "virtual_meeting" if virtual else "other"
