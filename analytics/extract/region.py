"""Which region a meeting concerns: the one it names as its scope, the whole
organisation (Global), or the venue country's region."""

from __future__ import annotations

import re
from functools import lru_cache

from analytics.extract.gate import Gated, ascii_literal
from analytics.extract.places import Gazetteer, Place
from analytics.extract.seat import at_headquarters

__all__ = ["GLOBAL", "find_region"]

GLOBAL = "Global"
# Meetings of the whole organisation, wherever they are held: its governing bodies and
# committees, and its global conferences (IT and technology, AEO, PICARD, Knowledge
# Academy, the global meeting of regional entities), in the site's languages.
_GLOBAL_SCOPE = Gated(
    re.compile(
        r"\b(?:Council Sessions?|(?:Annual )?Sessions? of the (?:WCO |World Customs "
        r"Organi[sz]ation(?:['’]s| \(WCO\))? |Customs Co-?operation )?Council|WCO Council|Policy Commission|"
        r"Customs Co-?operation Council|Global [\w -]{0,40}?(?:Conference|Meeting|Forum|Summit|Webinar)|"
        r"(?:WCO )?(?:IT(?:/TI)?|Technology(?: and Innovation)?|TECH-CON) (?:Conference|Forum)|"
        r"TECH-CON|PICARD|Knowledge Academy|(?:Permanent Technical|Enforcement|Harmonized System|"
        r"Capacity Building|Finance|Audit|Integrity|Private Sector Consultative) "
        r"(?:Sub-)?Committee|"
        r"all (?:six |6 |the )?(?:WCO )?regions|every region|(?:from|of) the (?:six|6) (?:WCO )?regions|"
        r"(?:from|across) (?:around|across|all over) the (?:world|globe)|from around the world|"
        r"WCO-wide|"
        r"Conseil de coop[ée]ration douani[èe]re|Commission de politique g[ée]n[ée]rale|"
        r"sessions du Conseil|Conseil de l['’]OMD|Consejo de Cooperaci[óo]n Aduanera|"
        r"sesiones del Consejo|Consejo de la OMA|Conselho da OMA|"
        r"Comisi[óo]n (?:de )?Pol[íi]tica)\b|"
        r"Совет\w* таможенного сотрудничества|Совет\w* ВТамО|Политическ\w+ комисси\w+|海关合作理事会|海關合作理事會|"
        r"政策委员会|政策委員會|مجلس التعاون الجمركي|لجنة السياسات",
        re.IGNORECASE,
    )
)
# A region named in a role or an office is not the meeting's scope: "the Asia/Pacific
# Vice-Chair attended the Policy Commission", "hosted by the ROCB for West Africa".
_ROLE_BEFORE = (
    r"(?:(?:Vice[- ]?Chair(?:person)?(?:['’]s Office)?|Regional Office|representative|"
    r"delegation|Vice-?presiden\w*)(?:\s+of the WCO Council)?\s+(?:for|of)|ROCB|RILO|RTC)"
    r"\s+(?:(?:for|of)\s+)?(?:the\s+)?(?:WCO\s+)?"
)
_ROLE_AFTER = r"(?:\s+region(?:['’]s)?)?\s+(?:Vice[- ]?Chair|ROCB|RILO|representative|delegation)"
_REGION_LABEL = re.compile(
    r"(?:^|\n)\W*(?:Region|Région|Región)\s*:\s*([^\n]{2,80})", re.IGNORECASE
)
_ROLE_BEFORE_RE = re.compile(rf"{_ROLE_BEFORE}$", re.IGNORECASE)
_ROLE_AFTER_RE = re.compile(_ROLE_AFTER, re.IGNORECASE)
# A mention of the Council that is not the meeting itself: "ahead of the Council Sessions".
_NOT_THIS_MEETING = re.compile(
    r"(?:ahead of|before|upcoming|forthcoming|next|follow[- ]up (?:to|of)|prepar\w+ (?:for|of)|"
    r"adopted by|approved by|endorsed by|decided by|presented to|submitted to|report(?:ed)? to|"
    r"into|chairs?|chairing|(?:vice[- ]?)?chair(?:person|man|woman)? of|"
    r"(?:the|its) (?:decisions?|agenda) of)\s+(?:the\s+)?(?:annual\s+|"
    r"next\s+|upcoming\s+|\w+\s+)?$",
    re.IGNORECASE,
)
_WCO_BODY = re.compile(
    r"\b(?:Council|Working (?:Group|Party)|Committee|Task Force|Conseil|Comit[ée]|"
    r"Groupe de travail|Consejo|Grupo de trabajo)\b|"
    # ... or an event of the WCO's own: its workshops, academies and accreditations
    r"\b(?:WCO|OMD|OMA)\b[^.;]{0,60}?\b(?:workshops?|academy|accreditation|seminars?|"
    r"conferences?|ateliers?|s[ée]minaires?|acad[ée]mie|accr[ée]ditation|talleres?|"
    r"seminarios?|academia|acreditaci[óo]n)\b|"
    r"\b(?:accreditation|accr[ée]ditation|acreditaci[óo]n)\b",
    re.IGNORECASE,
)
_CONTEXT = 40  # characters before a Council mention read for "ahead of", "adopted by" ...
# "the Europe and Asia/Pacific regions": each is a region
_PAIRED = re.compile(r"\b([A-Z][\w/-]+)( (?:and|et) (?:the )?[A-Z][\w/ -]{1,30}? regions\b)")


def find_region(
    gaz: Gazetteer,
    title: str,
    lead: str,
    venue: Place | None,
    visit: bool = False,
    body: str = "",
) -> tuple[str, str]:
    """The region the meeting concerns, and why.

    In the sentence reporting the meeting, then in the title: a region named as the
    meeting's scope wins (the venue's region when several are named); a meeting of the
    whole organisation (Council, Policy Commission, global conference, all regions) is
    Global, whichever of the two comes first. Then the region of an office or role that
    organised it ("the Vice-Chair for MENA"); then, for a meeting at headquarters or with
    no venue, the region whose people it gathered ("five Southern African
    administrations"). Otherwise a meeting at WCO headquarters, or of a WCO body (Council,
    committee, working group) in Brussels, is Global (unless it is a ``visit`` to the
    Secretariat), and any other the venue country's region ("" when unknown).
    """
    label = _REGION_LABEL.search(body)  # "Region: WCO Asia/Pacific" in a meeting summary
    if label and (named := _regions_named(gaz, label.group(1))):
        return named[0][1], f"the region line {label.group(0).strip()!r}"
    venue_region = gaz.region_of.get(venue.iso3, "") if venue is not None and venue.iso3 else ""
    in_title = [region for _, region in _regions_named(gaz, title)]
    for text in (lead, title):
        regions = _regions_named(gaz, text)
        whole = _global_scope(text)
        if whole is not None and (not regions or whole < regions[0][0]):
            return GLOBAL, f"a meeting of the whole organisation: {text!r}"
        if regions:
            names = [region for _, region in regions]
            if len(names) > 1:  # several named: the venue's, else the title's
                names = (
                    [n for n in names if n == venue_region]
                    or [n for n in names if n in in_title]
                    or names
                )
            return names[0], f"named as the meeting's region: {text!r}"
    # A meeting organised by a region's Vice-Chair or office, with no other scope named.
    for text in (lead, title):
        in_roles = _regions_named(gaz, text, roles=True)
        if in_roles:
            return in_roles[0][1], f"the region of the office or role that held it: {text!r}"
    # A body of the WCO meeting in Brussels, its seat: "the WCO Council met in Brussels"
    in_brussels = venue is not None and (venue.city, venue.iso3) == ("Brussels", "BEL")
    in_brussels = in_brussels and any(_WCO_BODY.search(text) for text in (lead, title))
    at_hq = venue is None or in_brussels or any(at_headquarters(t) for t in (lead, title))
    for text in (lead, title) if at_hq else ():  # "at HQ for five Southern African administrations"
        peoples = _regions_named(gaz, text, peoples=True)
        if _one_region_alone(text, peoples):
            return peoples[0][1], f"held for that region's members: {text!r}"
    guest = _delegation_region(gaz, lead) if at_hq or in_brussels else None
    if guest:  # "received a delegation of the Government of Turkmenistan at headquarters"
        return guest, f"the region of the delegation received: {lead!r}"
    for text in (lead, title):
        if not visit and at_headquarters(text):
            return GLOBAL, f"held at WCO headquarters: {text!r}"
    if in_brussels and not visit:
        return GLOBAL, "a body of the WCO met in Brussels, its seat, for no one region"
    if venue_region:
        return venue_region, f"the region of the venue country ({venue.country})"
    return "", "no region named and no venue country"


# "participants from Africa, Asia and the Middle East": one of a list of parts of the world
_LISTED_BEFORE = re.compile(
    r"\b(?:Africa|Asia|Europe|Americas?|Oceania|Pacific|Caribbean|Afrique|Asie|Am[ée]riques?|"
    r"Europa|[ÁA]frica|[ÁA]sia|Am[ée]ricas?)(?:,| and| et| y| e)\s+(?:the\s+|la\s+|le\s+|l')?$"
)


def _one_region_alone(text: str, peoples: tuple[tuple[int, str], ...]) -> bool:
    """True when the people of one region only are named, and not as one of a list of
    parts of the world ("from West Africa, Central Asia and the Caribbean" is no region's)."""
    if len({region for _, region in peoples}) != 1:
        return False
    return not _LISTED_BEFORE.search(text[max(0, peoples[0][0] - 40) : peoples[0][0]])


_DELEGATION = re.compile(
    r"\b(?:received|welcomed|hosted)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}delegation\s+"
    r"(?:of|from)\s+(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?"
    r"(?P<country>[A-Z][\w'’-]+(?: (?:of (?:the )?)?[A-Z][\w'’-]+){0,3})"
)


def _delegation_region(gaz: Gazetteer, lead: str) -> str:
    """The region of the one country whose delegation the Secretariat received, or of the
    body of a region's countries that sent it ("a delegation of the East African
    Community", "of the ECOWAS Commission")."""
    match = _DELEGATION.search(lead)
    if not match:
        return ""
    iso3 = gaz.country(match.group("country"))
    if iso3:
        return gaz.region_of.get(iso3, "")
    members = _regions_named(gaz, match.group("country"), peoples=True)
    return members[0][1] if len(members) == 1 else ""


def _regions_named(
    gaz: Gazetteer, text: str, roles: bool = False, peoples: bool = False
) -> tuple[tuple[int, str], ...]:
    """(position, region) of each region alias in the text, first mention of each. An
    alias inside a role or an office's name ("the Asia/Pacific Vice-Chair", "ROCB ESA")
    is not the meeting's scope; with ``roles``, only those are listed; with ``peoples``,
    the names of a region's people instead. Kept per text with the gazetteer (titles and
    leads recur: copies of a release, an archive's boilerplate)."""
    return gaz.kept("regions named", (text, roles, peoples), _find_regions, text, roles, peoples)


def _find_regions(
    gaz: Gazetteer, text: str, roles: bool, peoples: bool
) -> tuple[tuple[int, str], ...]:
    """What :func:`_regions_named` says of a text, found."""
    found: dict[str, int] = {}
    key = tuple(gaz.region_peoples if peoples else gaz.region_aliases)
    text = _PAIRED.sub(r"\1 region\2", text.replace("’", "'"))
    plain = text.isascii()
    lower = text.lower()
    for (pattern, region), (literal, icase) in zip(
        _alias_patterns(key), _alias_literals(key), strict=True
    ):
        if plain and literal is not None and literal not in (lower if icase else text):
            continue  # a substring test rules most aliases out before their pattern runs
        for match in pattern.finditer(text):
            if _in_role(text, match) != roles:
                continue
            if peoples and _DONOR_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
                continue  # "funded by the European Union": who paid, not who met
            if match.start() < found.get(region, len(text) + 1):
                found[region] = match.start()
            break
    return tuple(sorted((position, region) for region, position in found.items()))


@lru_cache(maxsize=4)
def _alias_patterns(aliases: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """A pattern per region alias: Latin names stand alone (acronyms and "A/P" in their
    case); Chinese has no spaces and Arabic joins its prepositions, so theirs do not."""
    patterns = []
    for alias, region in aliases:
        flags = 0 if alias.isupper() or "/" in alias else re.IGNORECASE
        name = _ARABIC_LETTERS.sub(lambda m: _ARABIC_FORMS[m.group(0)], re.escape(alias))
        latin = alias.isascii() or alias[0] < "\u0400"
        patterns.append(
            (re.compile(rf"(?<![\w/]){name}(?![\w/])" if latin else name, flags), region)
        )
    return patterns


# Arabic writes alef with or without hamza, ta marbuta and alef maqsura loosely:
# "افريقيا" is "أفريقيا"
_ARABIC_FORMS = (
    dict.fromkeys("اأإآ", "[اأإآ]") | dict.fromkeys("ةه", "[ةه]") | dict.fromkeys("يى", "[يى]")
)
_ARABIC_LETTERS = re.compile("[اأإآةهيى]")


@lru_cache(maxsize=4)
def _alias_literals(aliases: tuple[tuple[str, str], ...]) -> list[tuple[str | None, bool]]:
    """Each alias as ASCII text holds it where its pattern matches (see
    :func:`ascii_literal`), and whether to look for it in the lower-cased text."""
    literals = []
    for (pattern, _), (alias, _) in zip(_alias_patterns(aliases), aliases, strict=True):
        icase = bool(pattern.flags & re.IGNORECASE)
        literals.append((ascii_literal(alias, icase), icase))
    return literals


# A body that paid for the meeting is not the people it gathered
_DONOR_BEFORE = re.compile(
    r"\b(?:(?:funded|financed|sponsored|supported)\s+by|(?:support|funding|financing|grant)\s+"
    r"(?:of|from)|financ[ée]e?s?\s+par|financiad[oa]s?\s+por|con el apoyo de|avec le soutien de)"
    r"\s+(?:the\s+|la\s+|l['’]\s*)?$",
    re.IGNORECASE,
)


def _in_role(text: str, match: re.Match[str]) -> bool:
    before = _ROLE_BEFORE_RE.search(text[max(0, match.start() - 60) : match.start()])
    return bool(before or _ROLE_AFTER_RE.match(text, match.end()))


def _global_scope(text: str) -> int | None:
    """Where the text names a meeting of the whole organisation as such, if it does."""
    for match in _GLOBAL_SCOPE.finditer(text):
        if not _NOT_THIS_MEETING.search(text[max(0, match.start() - _CONTEXT) : match.start()]):
            return match.start()
    return None
