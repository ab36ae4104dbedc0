"""Where a mention sits: an analyst reads a theme named in passing as no discussion.

A seed term counts in full in a sentence about the meeting. It counts less in a line of
page furniture (a "related news" headline, a caption without a full stop), in a list of
the organisation's programmes (several priorities named with its work in general), and
in an aside: background, sponsors, the website, earlier sessions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from analytics.model.tokens import word_count

__all__ = [
    "ASIDE",
    "FURNITURE",
    "LIST_THEMES",
    "enumeration",
    "main_clause",
    "unit_context",
    "weigh",
]

# Chosen by a grid on the tuning sets only (the demo's tuning part, others, dev_real).
FURNITURE = 0.0  # a line without a full stop: a link, a caption, a heading
ASIDE = 0.25  # background, sponsors, the website; a list of the organisation's programmes
LIST_THEMES = 3  # themes a sentence names to be a list

_FURNITURE_WORDS = 16  # a longer line without a full stop is a paragraph
_ASIDE_WORDS = 40  # a longer sentence says more than its aside
_SENTENCE_END = re.compile(r"[.!?…:;)\]\"”»’'。！？]\s*$")
_BULLET = re.compile(r"^\s*[-•–*·]\s")
_RELATED = re.compile(
    r"^(?:related|see also|read also|more news|lire aussi|voir aussi|ver también|lea también)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"\b(?:website|web site|for information|in the margins?|sponsored by|funded by|financed by|"
    r"with (?:the )?(?:financial )?support (?:of|from)|with funding (?:from|of)|"
    r"thanks to (?:the )?(?:financial )?support|earlier (?:sessions?|workshops?|meetings?)|"
    r"(?:previous|past|earlier) (?:editions?|sessions?|workshops?)|"
    r"(?:work|mandate|portfolio|activities|courses?|curricul(?:um|a)|catalogue|modules|syllabus) "
    r"(?:covers?|covered|includes?|included|spans?|spanned|contains?|contained)|"
    r"works on|brings together \d+|"
    # a programme's or a partnership's objectives, as background: "the partnership aims to
    # promote ...", "the programme focuses on ...", "in support of its objectives"
    r"(?:partnership|programme|program|project|initiative|agreement|cooperation|co-operation|"
    r"fund|facility|mechanism)s?\s+(?:\w+\s+){0,2}?(?:aims?|aimed|seeks?|sought|focus(?:es|ed)?|"
    r"(?:is|was|are|were) (?:designed|intended)) (?:to|on)|"
    r"in support of (?:\w+ ){0,5}?(?:objectives|goals|aims)|whose (?:objectives?|goals?|aims?) "
    r"(?:is|are|include)|"
    r"site web|sitio web|financ[ée]e? par|financiad[oa] por|con el apoyo de|avec le soutien de)\b"
    # an agenda or a course that covers topics, in Chinese: "会议议程涵盖……等专题"
    r"|(?:议程|内容|课程)(?:涵盖|包括|涉及)",
    re.IGNORECASE,
)
# Words one of the asides above contains: most sentences have none, and a test for a
# word is much faster than the pattern.
_ASIDE_WORDS_IN = ("web", "information", "margin", "sponsor", "fund", "financ", "support",
                   "earlier", "previous", "brings", "past", "cover", "include", "span", "works on",
                   "sitio", "apoyo", "soutien", "议程", "内容", "课程", "aim", "seek", "sought",
                   "focus", "designed", "intended", "objective", "goals")  # fmt: skip
# Sponsors, observers, the next meeting: plain phrases (lower case), found without a pattern.
_PASSING_PHRASES = ("thanks to funding", "funding from", "sponsored", "as observer",
                    "attended the opening", "also took part", "next meeting", "next session",
                    "next conference", "pris part", "prochaine réunion", "prochaine session",
                    "próxima reunión", "proxima reunion", "próxima sesión",
                    # the organisation's standing offer, and a wire's imagined future
                    "stands ready", "stand ready", "remains ready", "imagine a ", "imagine if")  # fmt: skip
# The organisation's (or an office's) work in general: "the WCO's work in the region",
# "the Organization's current work, including", "the ROCB supports Members".
_PROGRAMMES = re.compile(
    r"\b(?:WCO|Organi[sz]ation|Secretariat|Office|ROCB|RTC|its|their)(?:['’]s)?\s+"
    r"(?:current |ongoing |wider |main |many )?(?:work|programmes?|programs?|activities|"
    r"tools|instruments|portfolio|mandate)\b|\bsupports? (?:its |the )?Members\b|"
    r"\b(?:travaux|programmes|activités|priorités|outils) de l['’](?:OMD|Organisation)\b|"
    r"\b(?:trabajo|programas|actividades|prioridades|herramientas) de la (?:OMA|Organización)\b|"
    r"\btools (?:that |which )?(?:the )?(?:WCO|Organi[sz]ation|Secretariat) (?:offers|provides|has)\b",
    re.IGNORECASE,
)


# A list of the organisation's priorities or of Customs' functions: "among the priorities
# of the Customs community, alongside trade facilitation, security and e-commerce".
_PRIORITY_LIST = re.compile(
    r"\b(?:(?:among|one of) (?:the|its|their) (?:\w+ ){0,2}priorities|priority areas|focus areas|"
    r"core functions|parmi les priorités|entre las prioridades)\b|"
    r"\b(?:WCO|Organi[sz]ation)(?:['’]s)? (?:\w+ ){0,2}priorities\b|"
    r"\bpriorities of the (?:WCO|Organi[sz]ation)\b|"
    r"\bcross-cutting (?:issues|objectives|themes|topics|priorities)\b|"
    # the same in Arabic, Chinese and Russian: "مجالات التركيز", "重点领域", "приоритеты ВТамО"
    r"مجالات (?:التركيز|الأولوية)|أولويات المنظمة|重点领域|优先领域|优先事项|"
    r"приоритетн\w* направлени|приоритет\w* (?:ВТамО|Организации)",
    re.IGNORECASE,
)
# What Customs does in general, as a list of tasks: "the role of Customs in facilitating
# trade, ensuring security and collecting revenue".
_ROLE_LIST = re.compile(
    r"\b(?:role (?:played by|of) Customs|Customs plays? (?:a|an|its) (?:\w+ )?(?:part|role))"
    r"\s+in\s+\w+ing\b[^.;]*?,\s*(?:and\s+)?\w+ing\b",
    re.IGNORECASE,
)


# The same as a list of fields, in any language: "the role of Customs in the economy, trade,
# security and public health", "o papel das alfândegas na economia, no comércio, na segurança".
_ROLE_OF_CUSTOMS = re.compile(
    r"\b(?:role (?:played by|of) (?:the )?Customs|r[ôo]le (?:jou[ée] par |de )?(?:la |les )?douanes?|"
    r"papel (?:de |desempe[ñn]ado por )?(?:las? )?aduanas?|papel (?:d[ao]s? )?(?:alf[âa]ndegas?|aduanas?))\b",
    re.IGNORECASE,
)
_ROLE_WORDS = ("role", "rôle", "papel")


def _role_of_customs_listed(unit: str, lower: str) -> bool:
    """The sentence ends in the role of Customs followed by three short fields or more (not
    "the role of Customs in countering terrorism, notably through the SAFE Framework")."""
    if not any(word in lower for word in _ROLE_WORDS):
        return False
    found = _ROLE_OF_CUSTOMS.search(unit)
    if not found:
        return False
    items = _LIST_SEPARATOR.split(unit[found.end() :].rstrip(".;:!? "))
    return len(items) >= 3 and all(0 < len(item.split()) <= ITEM_WORDS for item in items)


# The same said of Customs in the present tense: "recalled that Customs collects revenue,
# facilitates trade and protects society", "que la douane mobilise les recettes ..., facilite".
_WHAT_CUSTOMS_DOES = re.compile(
    r"\b(?:that|que)\s+(?:the\s+|la\s+|las?\s+)?(?:Customs|douanes?|aduanas?)\s+(?:\w+ly\s+)?"
    r"\w+[sea]\s+[^,.;]{0,60},\s*(?:\w+ly\s+)?\w+[sea]\s+[^,.;]{0,60}?\b(?:and|et|y)\s+\w+[sea]\b",
    re.IGNORECASE,
)


def _furniture(unit: str) -> bool:
    if _RELATED.match(unit):
        return True
    return (
        word_count(unit) <= _FURNITURE_WORDS
        and not _SENTENCE_END.search(unit)
        and not _BULLET.match(unit)
    )


def _aside(unit: str) -> bool:
    lower = unit.lower()
    if any(phrase in lower for phrase in _PASSING_PHRASES):
        return True
    if ("role" in lower or "plays" in lower) and _ROLE_LIST.search(unit):
        return True
    if _role_of_customs_listed(unit, lower):
        return True
    if ("that" in lower or "que" in lower) and _WHAT_CUSTOMS_DOES.search(unit):
        return True
    return any(word in lower for word in _ASIDE_WORDS_IN) and bool(_ASIDE.search(unit))


# Where a trailing aside's clause starts: the comma, semicolon or bracket just before the
# aside phrase ("The workshop aimed at building the capacity of ..., and was made possible
# thanks to the support of ...", "..., funded by Japan"): what comes before it is the
# sentence's own discussion.
_CLAUSE_BREAK = re.compile(r"[,;(]\s*")
_CLAUSE_LEAD_WORDS = 4  # at most this many words between the break and the aside phrase
_MAIN_CLAUSE_WORDS = 6  # a shorter main clause is the aside's own introduction


def main_clause(unit: str) -> str:
    """The part of a sentence before a trailing clause that is its aside (sponsors, the
    website, earlier sessions), or "" when there is none ("which were the subjects of
    earlier workshops" refers back to what precedes it: no main clause)."""
    found = _ASIDE.search(unit)
    if not found:
        return ""
    breaks = list(_CLAUSE_BREAK.finditer(unit, 0, found.start()))
    if not breaks:
        return ""
    lead = unit[breaks[-1].end() : found.start()]
    if word_count(lead) > _CLAUSE_LEAD_WORDS or re.match(r"\s*(?:which|who|whose)\b", lead):
        return ""
    head = unit[: breaks[-1].start()]
    return head if word_count(head) >= _MAIN_CLAUSE_WORDS else ""


# A bare enumeration of short items: "touched on e-commerce, security, revenue and
# integrity", "works on trade facilitation, revenue mobilisation and human capital".
_LIST_SEPARATOR = re.compile(
    r"[,،؛]\s+(?:and\s+|or\s+|et\s+|ou\s+|y\s+|e\s+|o\s+)?|\s+(?:and|or|et|ou|y|e|o)\s+|[、，；]"
)
_COMMAS = re.compile("[,،؛、，；]")
# What introduces a list at the end of the sentence's first part: its last words are the
# first item ("the concerns the Chair listed were valuation, the SAFE Framework, ...",
# "topics such as disruptive technologies, ...").
_LIST_INTRO = re.compile(
    r"^.*(?:\b(?:such as|including|namely|notably|were|are|like)|\be\.g\.|:|مثل|بما في ذلك|ومنها|"
    r"包括|诸如|例如|如)\s*(?P<item>[^,;:،؛、，；]+)$",
    re.IGNORECASE,
)
ITEM_WORDS = 5  # longer items say something of each priority: not a bare list
LIST_ITEMS = 4  # short items in a row that make a sentence a bare list

Counter = Callable[[Sequence[str]], np.ndarray]


def enumeration(unit: str, items: int = LIST_ITEMS) -> str:
    """The longest run of short comma-separated items in a sentence, joined by commas, when
    it has ``items`` of them or more; else "". The sentence's first part is no item: it
    holds its subject and verb ("Delegates discussed security, revenue and ..."), unless it
    ends in what introduces a list ("... such as disruptive technologies, ...")."""
    if len(_COMMAS.findall(unit)) < items - 2:
        return ""
    run: list[str] = []
    best: list[str] = []
    parts = _LIST_SEPARATOR.split(unit.rstrip(".;:!? 。"))
    intro = _LIST_INTRO.search(parts[0])
    for item in ([intro["item"]] if intro else []) + parts[1:]:
        run = [*run, item] if 0 < word_count(item) <= ITEM_WORDS else []
        best = run if len(run) > len(best) else best
    return ", ".join(best) if len(best) >= items else ""


# Customs' mission recited as a list: "to protect society, collect revenue and facilitate
# trade", "trade facilitation, revenue mobilisation, the protection of society".
_MISSION = re.compile(r"\bprotect(?:s|ing|ion of)? (?:the )?societ(?:y|ies)\b", re.IGNORECASE)


def _mission(unit: str) -> bool:
    return "societ" in unit and bool(_MISSION.search(unit)) and bool(enumeration(unit, 3))


# Topics named as a short list, in passing: "topics such as e-commerce and security",
# "covering important topics, such as ..., among others", "in areas such as ...",
# "مواضيع مثل ...", "电子商务、安全等议题".
_TOPICS_LIST = re.compile(
    r"\b(?:topics|areas|issues|subjects|themes|matters|fields)\s+(?:such as|like|including)\b|"
    r"\bcovering (?:\w+ ){0,2}(?:topics|issues|areas)\b|\bamong others\b|\bentre autres\b|"
    # examples named "e.g." or closed by "and others" or "etc."
    r"\be\.g\.|,? and others (?:were|are|was|is)\b|\betc\.|"
    r"\bentre otros\b|(?:مواضيع|موضوعات|مجالات|قضايا)\s+(?:مثل|منها)|"
    r"等(?:议题|专题|领域|问题|方面|话题)|诸如",
    re.IGNORECASE,
)
_TOPICS_WORDS = ("such as", "like", "including", "covering", "among others", "entre ", "مثل",
                 "e.g.", "and others", "etc.",
                 "منها", "等", "诸如")  # fmt: skip


def _topics_list(unit: str) -> bool:
    """Topics named "such as" in a list of two short items or more."""
    return (
        any(word in unit.lower() for word in _TOPICS_WORDS)
        and bool(_TOPICS_LIST.search(unit))
        # Chinese glues its first item to the verb: a list is its "、"
        and (bool(enumeration(unit, 2)) or "、" in unit)
    )


def _priority_list(unit: str, listed: bool) -> bool:
    """The organisation's programmes or priorities listed: naming three themes, or (for its
    priorities) as three short items, some of them programmes named ("the WCO's current
    priorities, including the Mercator Programme, coordinated border management and ...")."""
    if listed:
        return bool(_PROGRAMMES.search(unit) or _PRIORITY_LIST.search(unit))
    return bool(_PRIORITY_LIST.search(unit)) and bool(enumeration(unit, 3))


def _bare_lists(units: Sequence[str], listed: np.ndarray, count: Counter | None) -> np.ndarray:
    """Which sentences name their themes in a bare list: a run of short items that itself
    names ``LIST_THEMES`` themes (not a list of countries in a sentence that names them
    elsewhere). Without ``count``, a sentence's themes are taken to be its list's."""
    runs = {i: enumeration(units[i]) for i in np.flatnonzero(listed)}
    runs = {i: run for i, run in runs.items() if run}
    bare = np.zeros(len(units), dtype=bool)
    if not runs:
        return bare
    if count is None:
        bare[list(runs)] = True
        return bare
    themes = (count(list(runs.values())) > 0).sum(axis=1)
    bare[list(runs)] = themes >= LIST_THEMES
    return bare


def unit_context(
    units: Sequence[str], counts: np.ndarray, count: Counter | None = None
) -> np.ndarray:
    """The weight (0-1) of each sentence's mentions, by where they sit; ``count`` counts
    the seed terms of texts (to find the themes a list names)."""
    weight = np.ones(len(units))
    listed = (counts > 0).sum(axis=1) >= LIST_THEMES
    bare = _bare_lists(units, listed, count)
    for i, unit in enumerate(units):
        if _furniture(unit):
            weight[i] = FURNITURE
        elif (
            bare[i]
            or _priority_list(unit, listed[i])
            or _mission(unit)
            or _topics_list(unit)
            or (word_count(unit) <= _ASIDE_WORDS and _aside(unit))
        ):
            weight[i] = ASIDE
    return weight


def weigh(units: Sequence[str], counts: np.ndarray, count: Counter | None = None) -> np.ndarray:
    """Seed-term counts (sentences x themes) weighted by where each sentence sits; a
    sentence in passing counts one mention of a theme at most ("the Revised Arusha
    Declaration" is one programme named, not two terms). In a sentence whose aside is a
    trailing clause, what its main clause says counts in full."""
    weight = unit_context(units, counts, count)[:, None]
    weighted = np.where(weight < 1, np.minimum(counts, 1.0), counts) * weight
    if count is None:
        return weighted
    aside = [i for i in np.flatnonzero(weight[:, 0] == ASIDE) if _aside(units[i])]
    heads = {i: main_clause(units[i]) for i in aside}
    heads = {i: head for i, head in heads.items() if head}
    if heads:
        rows = list(heads)
        weighted[rows] = np.maximum(weighted[rows], count(list(heads.values())))
    return weighted
