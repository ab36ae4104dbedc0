"""Clauses about another meeting inside the sentence that reports this one.

"visited Kenya ..., on the heels of the recently concluded workshop held in Riyadh": an
earlier meeting's place (but "took part in the recently concluded conference held in
Perth" is the meeting). "Experts met at the Palais des Congrès to prepare the Council, which will be held in June
in Brussels": the sentence reports a meeting that happened, and a subordinate clause names
a later one and its place. That place is not this meeting's venue ("qui se tiendra en juin
à Bruxelles", "que se celebrará en junio en Bruselas", "to be held in Brussels").
"""

from __future__ import annotations

import re

from analytics.extract.text import reports_meeting

__all__ = ["in_another_meeting_clause", "in_later_meeting_clause", "without_other_meetings"]

_OTHER = r"\b(?:previous|preceding|on the heels of|after the (?:close|end) of)\b"
_EARLIER = re.compile(rf"{_OTHER}[^.;,()]{{0,150}}$", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(rf"{_OTHER}[^.;,()]*", re.IGNORECASE)
_EARLIER_REACH = 180  # characters before a place read for "on the heels of"

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


def without_other_meetings(text: str) -> str:
    """The text without its clauses on another meeting ("on the heels of the workshop for
    the MENA region held in Riyadh"): what it says of the meeting reported."""
    return _OTHER_CLAUSE.sub("", text)


def in_another_meeting_clause(before: str) -> bool:
    """True when the text before a place ends in a clause on another meeting: an earlier
    one ("on the heels of the workshop held in"), or one to come ("the Council, which will
    be held in June in")."""
    return bool(_EARLIER.search(before[-_EARLIER_REACH:])) or in_later_meeting_clause(before)
