"""People (with their roles) and organisations named in a report."""

from __future__ import annotations

import re

from analytics.text import MONTHS

__all__ = ["find_organisations", "find_people"]

_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ'’-]+)?"
_PARTICLE = r"(?:de|da|del|dos|van|von|bin|al|el|y|la|le)"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:{_PARTICLE}\s+)?(?:{_WORD}|[A-Z]\.)){{1,4}})"
_ROLE_WORDS = (
    r"(?:Deputy |Acting |Vice[- ]|Former |Executive |Assistant )*"
    r"(?:Secretary[- ]General|Director[- ]General|Director|Commissioner(?:[- ]General)?|"
    r"Minister|President|Prime Minister|Chair(?:person|man|woman)?|Ambassador|Head|"
    r"Permanent Representative|Governor|Chief Executive Officer|CEO|Secretary|Coordinator|"
    r"Manager|Advisor|Adviser)"
)
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|H\.E|Doctor)\.?"
# Every match of these opens with a capital: the look-ahead saying so first spares the
# rest of the pattern at every other position of the text (a third of the time).
_CAPITAL_FIRST = "(?=[A-Z])"
# "WCO Secretary General Kunio Mikuriya", "Deputy Director General of X, Jane Doe"
_ROLE_THEN_NAME = re.compile(
    rf"{_CAPITAL_FIRST}(?P<role>(?:[A-Z][\w'’-]*\s+){{0,3}}{_ROLE_WORDS}(?:\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:(?:[A-Z][\w'’-]*|and)\s*){{1,6}})?),?\s+(?:{_TITLE}\s+)?{_NAME}"
)
# "Mr. Pedro Perez, Director General of Cuban Customs"
_NAME_THEN_ROLE = re.compile(
    rf"(?:{_TITLE}|Ambassador|Doctor|Minister)\s+{_NAME},\s+(?:the\s+)?"
    rf"(?P<role>{_ROLE_WORDS}[^,.;()]{{0,80}})"
)
_NOT_NAMES = re.compile(
    r"^(?:General|Deputy|Secretary|Director|Acting|Vice|Chair|Head|Doctor)\b|"
    r"\b(?:Customs|Organization|Organisation|Region|Council|Conference|Commission|Programme|"
    r"Agreement|Committee|Secretariat|Administration|Authority|Service|Union|Office|"
    + "|".join(month.title() for month in MONTHS)
    + r")\b"
)
_ORG_HEAD = (
    r"Organi[sz]ation|Committee|Commission|Authority|Agency|Union|Community|Bank|Fund|"
    r"Secretariat|Council|Office|Customs|Service|Forum|Association|Institute|Centre|Center|"
    r"Programme|Federation|Ministry|Administration|Directorate|Group|Partnership"
)
_ORG = re.compile(
    rf"{_CAPITAL_FIRST}(?P<org>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|against|de|des|du)\s+(?:the\s+)?)?){{0,6}}"
    rf"(?:{_ORG_HEAD})(?:\s+(?:of|for|on|against)\s+(?:the\s+)?[A-Z][\w'’-]*"
    rf"(?:\s+[A-Z][\w'’-]*){{0,3}}){{0,2}})"
    rf"(?:\s+\((?P<acronym>[A-Z][A-Za-z&-]{{1,10}})\))?"
)
_LEADING_NOISE = re.compile(r"^(?:The|A|An|At|In|On|By|For|With|From|During|And|Both)\s+")
_ROLE_PREFIX = re.compile(
    rf"^(?:[A-Z][\w'’-]*\s+)*?(?:{_ROLE_WORDS}|Session|Regular Session)\s+(?:of|to)\s+(?:the\s+)?"
)


def _clean_role(role: str) -> str:
    return " ".join(_LEADING_NOISE.sub("", role.strip(" ,")).split())


def find_people(text: str) -> list[str]:
    """People named with a role, as "Name (Role)", in order of first mention."""
    found: dict[str, str] = {}
    for pattern in (_NAME_THEN_ROLE, _ROLE_THEN_NAME):
        for match in pattern.finditer(text):
            name = match.group("name").strip()
            role = _clean_role(match.group("role"))
            if _NOT_NAMES.search(name) or len(name.split()) < 2 or role.endswith((" and", " of")):
                continue
            if any(other.split()[-1] == name.split()[-1] for other in found if other != name):
                continue
            found.setdefault(name, role)
    by_position = sorted(found, key=text.find)
    return [f"{name} ({found[name]})" for name in by_position]


def find_organisations(text: str) -> list[str]:
    """Organisations named in the text (with their acronym when given), de-duplicated."""
    found: dict[str, None] = {}
    for match in _ORG.finditer(text):
        org = _LEADING_NOISE.sub("", match.group("org")).strip()
        org = _ROLE_PREFIX.sub("", org)
        org = re.sub(r"^(?:[A-Z][\w'’-]*\s+){1,4}of\s+(?=[A-Z]\w+\s+Customs$)", "", org)
        if len(org.split()) < 2 or (" and " in org and not match.group("acronym")):
            continue
        acronym = match.group("acronym")
        found.setdefault(f"{org} ({acronym})" if acronym else org, None)
    return list(found)
