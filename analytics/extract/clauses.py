"""Clauses about another meeting inside the sentence that reports this one.

"Experts met at the Palais des Congrès to prepare the Council, which will be held in June
in Brussels": the sentence reports a meeting that happened, and a subordinate clause names
a later one and its place. That place is not this meeting's venue ("qui se tiendra en juin
à Bruxelles", "que se celebrará en junio en Bruselas", "to be held in Brussels").
"""

from __future__ import annotations

import re

from analytics.extract.text import reports_meeting

__all__ = ["in_later_meeting_clause"]

# A clause on a meeting to come, after the noun it describes
_LATER = re.compile(
    r"(?:,\s*|\b)(?:which|that|who)\s+(?:will|is to|are to|shall)\s+(?:be\s+held|take\s+place|"
    r"meet|convene)\b|,\s*(?:to be|due to be|scheduled to be)\s+held\b|"
    r"\b(?:qui|laquelle|lequel)\s+(?:se tiendra|aura lieu|se réunira|se déroulera)\b|"
    r",\s*pr[ée]vue?s?\s+(?:pour|en|du|le|à)\b|"
    r"\bque\s+(?:se celebrar[áa]|tendr[áa] lugar|se realizar[áa]|sesionar[áa])\b|"
    r",\s*a celebrarse\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;()]|,\s+(?:and|et|y|while|where)\b")


def in_later_meeting_clause(before: str) -> bool:
    """True when the text before a place ends inside a clause about a meeting to come,
    after a part that reports a meeting that happened ("met ... to prepare the Council,
    which will be held in June in")."""
    clause = next(reversed(list(_LATER.finditer(before))), None)  # the last one
    if clause is None or _CLAUSE_END.search(before, clause.end()):
        return False
    return reports_meeting(before[: clause.start()])
