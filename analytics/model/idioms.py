"""Set phrases and circumstances of real pages that carry a seed word: blanked before seed
terms are counted, as the names of bodies are.

The pandemic as the reason a meeting was held online ("given the impact of COVID-19, the
meeting was convened virtually", "considering the COVID-19 situation, it was held in a
hybrid way") or as a point in time ("since the start of the pandemic") says how or when
the meeting met, not that it discussed health. "Seized the opportunity" is an idiom, not a
seizure. The governance or strategy of a field ("AI governance", "data analytics
strategies") is that field's, not the organisation's. A minister's portfolio in lower case
("the Minister of finance and budget") is a title. The balance between facilitation and
control ("the delicate balance between border enforcement and trade facilitation") is a
stock phrase of every speech, not a discussion of either; nor is "the use of technology" in
general a discussion of any system.
"""

from __future__ import annotations

import re

__all__ = ["without_idioms"]

_PANDEMIC = (
    r"(?:the\s+)?(?:(?:global|ongoing|current|severe)\s+)?(?:(?:adverse\s+)?impact\s+of\s+(?:the\s+)?)?"
    r"(?:COVID(?:-19)?|coronavirus|pandemic|health crisis)"
    r"(?:\s+(?:pandemic|situation|crisis|outbreak|restrictions|context))?"
)
# How the meeting met: online, virtually, in a hybrid way.
_FORMAT = re.compile(
    r"\b(?:held|convened|met|took place|organi[sz]ed|conducted|attended|participated|took part)\b"
    r"[^.;]{0,40}?\b(?:virtually|online|remotely|by video(?:conference)?|in a hybrid)\b"
    r"|\b(?:hybrid|virtual|online) (?:format|mode|way)\b",
    re.IGNORECASE,
)
_FORMAT_PANDEMIC = re.compile(
    rf"\b(?:considering|given|in view of|in light of|because of|owing to|due to|as|with)\s+"
    rf"(?:(?:the\s+)?consideration\s+(?:to|of)\s+)?{_PANDEMIC}"
    rf"|{_PANDEMIC}",
    re.IGNORECASE,
)
_SINCE_THE_START = re.compile(
    rf"\b(?:since|from|at)\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+{_PANDEMIC}",
    re.IGNORECASE,
)
_KINDS: list[tuple[tuple[str, ...], re.Pattern, str]] = [
    # "seized the opportunity", "saisi l'occasion"
    (("seiz",), re.compile(r"\bseiz(?:e|es|ed|ing)\s+(?:the|this|that|every)\s+(?:opportunity|occasion|chance|moment)\b",
                           re.IGNORECASE), " "),
    # a field's governance: "AI governance", "data governance", "E-Commerce Governance"
    (("governance",), re.compile(
        r"\b((?:AI|data|IT|ICT|internet|digital|e-commerce|information|technology|cyber)\s+)governance\b",
        re.IGNORECASE), r"\1"),
    # a minister's portfolio in lower case: "the Minister of finance and budget"
    (("minist",), re.compile(
        r"\b[Mm]inist(?:er|ry|re|ère|erio|ro|ra)\s+(?:of|for|de|des|du|del)\s+(?:la\s+|l['’]\s*)?"
        r"[a-zà-ÿ][\w'’-]*(?:(?:,\s*|\s+(?:and|et|y|e|of|de|du|des|la)\s+)[a-zà-ÿ][\w'’-]*){0,4}"), " "),
    # technology in general, not a system discussed: "the extensive use of technology", "the
    # integration of new technologies" (a named technology still counts)
    (("technolog",), re.compile(
        r"\b(?:use|integration|adoption|application|utili[sz]ation|deployment)\s+of\s+"
        r"(?:(?:new|modern|advanced|emerging|innovative|the latest|latest)\s+)?technolog(?:y|ies)\b",
        re.IGNORECASE), " "),
    # the balance between facilitation and control, either way round
    (("balanc",), re.compile(
        r"\bbalanc(?:e|es|ing)\s+(?:(?:between|of)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:facilitation|control|controls|enforcement|security|compliance)\s+(?:and|with|against)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:facilitation|control|controls|enforcement|security|compliance)\b",
        re.IGNORECASE), " "),
]  # fmt: skip


def without_idioms(sentence: str) -> str:
    """The sentence with those set phrases and circumstances blanked out."""
    lower = sentence.lower()
    if (
        "pandemic" in lower
        or "covid" in lower
        or "coronavirus" in lower
        or "health crisis" in lower
    ):
        sentence = _SINCE_THE_START.sub(" ", sentence)
        if _FORMAT.search(sentence):
            sentence = _FORMAT_PANDEMIC.sub(" ", sentence)
    for words, pattern, replacement in _KINDS:
        if any(word in lower for word in words):
            sentence = pattern.sub(replacement, sentence)
    return sentence
