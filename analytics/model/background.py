"""Names and life stories that carry a seed word: blanked before seed terms are counted.

A body named head first ("the Department of Revenue and Customs", "the Directorate of Risk
Management", "Revenue and Customs" for the British service) is a name, not a discussion of
revenue or of risk. A biographical clause ("who was elected Secretary General in 2008",
"took office on 1 January", "since her appointment as Director") tells who a speaker is,
not what the meeting decided about the organisation's governance.
"""

from __future__ import annotations

import re

__all__ = ["without_background"]

_TITLE = r"[A-Z][\w'’-]*"
# Head first, then its field in capitals: "Department of Revenue and Customs", "Ministry of
# Finance and Economic Planning", "Directorate for Risk Management" (case-sensitive: "the
# department of revenue" in lower case is a description).
_HEAD_FIRST = re.compile(
    r"\b(?:Department|Ministry|Directorate|Division|Bureau|Office|Unit|Agency|Authority|"
    r"Commission|Board|Service|Secretariat|Centre|Center)s?\s+(?:of|for)\s+(?:the\s+)?"
    rf"{_TITLE}(?:\s+(?:(?:and|&|of|for)\s+(?:the\s+)?)?{_TITLE}){{0,5}}"
    # the British service by its short name: "officers from Revenue and Customs"
    r"|\b(?:Inland\s+)?Revenue\s+(?:and|&)\s+Customs\b"
)
# A guide, guidelines or resolution named by what it is about, head first: "the WCO-UPU
# Guidelines on the exchange of electronic advance data between designated operators", "the
# Resolution on the role of Customs in facilitating the movement of vaccines"; and guidelines
# named in capitals ("the Immediate Release Guidelines"): a tool named, not discussed.
_INSTRUMENT = re.compile(
    rf"\b(?:{_TITLE}\s+){{0,5}}(?:Guidelines|Guide|Resolution|Handbook|Compendium|Toolkit|Recommendation)\s+"
    r"(?:on|for|to|concerning|regarding)\s+(?:the\s+)?[\w'’-]+(?:\s+(?!and\s+the\b)[\w'’-]+){0,11}"
    rf"|(?:{_TITLE}\s+){{1,5}}Guidelines\b"
)
# The rest of a clause, to its comma or its "and": eight words at most.
_CLAUSE = r"(?:\s+(?!and\b|but\b|to\b)[\w'’-]+){0,8}"
# Who a speaker is: elected or appointed before, in office since.
_BIOGRAPHY = re.compile(
    rf"\bwho\s+(?:was|had\s+been|has\s+been|were)\s+(?:re-?)?(?:elected|appointed)\b{_CLAUSE}"
    rf"|\b(?:took|takes|assumed|assumes|has\s+held|held)\s+(?:up\s+)?(?:office|(?:his|her|their)\s+"
    rf"(?:post|position|functions))\b{_CLAUSE}"
    r"|\b(?:since|after|before|upon|on|following)?\s*(?:his|her|their)\s+(?:re-?)?"
    rf"(?:appointment|election|nomination)\s+(?:as|to)\b{_CLAUSE}",
    re.IGNORECASE,
)
_BIOGRAPHY_WORDS = ("who ", "office", "post", "position", "functions", "appointment", "election",
                    "nomination")  # fmt: skip


def without_background(sentence: str) -> str:
    """The sentence with head-first names of bodies and biographical clauses blanked."""
    if "of" in sentence or "for" in sentence or "Revenue" in sentence:
        sentence = _HEAD_FIRST.sub(" ", sentence)
    if (
        "Guid" in sentence
        or "Resolution" in sentence
        or "Handbook" in sentence
        or ("Compendium" in sentence or "Toolkit" in sentence or "Recommendation" in sentence)
    ):
        sentence = _INSTRUMENT.sub(" ", sentence)
    lower = sentence.lower()
    if any(word in lower for word in _BIOGRAPHY_WORDS):
        sentence = _BIOGRAPHY.sub(" ", sentence)
    return sentence
