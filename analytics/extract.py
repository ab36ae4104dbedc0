"""From the text of a report to an event: when, where, which region, what kind, who.

Every function here is pure: text in, values out. :func:`extract_event` combines them into
one row of the events table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analytics.dates import DateSpan, find_meeting_dates, parse_date, published_from_lines
from analytics.documents import RawDocument
from analytics.geo import Gazetteer, Place
from analytics.people import find_organisations, find_people

__all__ = ["EVENT_TYPES", "extract_event", "split_sentences", "strip_boilerplate"]

EVENT_TYPES = (
    "regional_conference",
    "governing_council",
    "policy_commission_or_council",
    "bilateral_visit",
    "international_forum",
    "workshop_or_training",
    "virtual_meeting",
    "other",
)

_BANNERS = re.compile(
    r"(no est[aá] disponible en el idioma seleccionado|"
    r"n'est pas disponible dans la langue s[ée]lectionn[ée]e|"
    r"not available in the selected language|"
    r"is not available in (?:your|this) language|"
    r"n[ãa]o est[aá] dispon[ií]vel no idioma)",
    re.IGNORECASE,
)
_FURNITURE = re.compile(
    r"^(?:share(?: this)?(?: page| article)?|print(?: this page)?|back to top|read more|"
    r"tweet|email this|related (?:news|articles)|tags?:.*)$",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*)|[*_`]+")


def strip_boilerplate(text: str) -> list[str]:
    """Non-empty lines of a report without language banners, sharing links and markup."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(_MARKDOWN.sub("", raw).split())
        if not line or _BANNERS.search(line) or _FURNITURE.match(line):
            continue
        lines.append(line)
    return lines


def split_sentences(text: str) -> list[str]:
    """Sentences of a text (a light splitter that keeps "Mr." and "D.C." together)."""
    text = re.sub(r"\s+", " ", text)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    sentences: list[str] = []
    for part in parts:
        if sentences and re.search(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|[A-Z])\.$", sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return [s.strip() for s in sentences if s.strip()]


# --- dates -------------------------------------------------------------------------------

_VENUE_VERBS = re.compile(
    r"\b(?:held|hold|holds|hosted|hosting|hosts|took place|takes place|taking place|"
    r"convened|convenes|met|meet|meets|gathered|gather|organi[sz]ed|staged|opened|"
    r"attended|attends|visited|visit|participated|took part|welcomed|chaired|"
    r"ran|run|launched|celebrated|tenue?s?|celebr[oó]|realiz[oó]|reuni[oó])\b",
    re.IGNORECASE,
)


def pick_meeting_dates(body: str, published: dt.date | None) -> DateSpan | None:
    """The meeting's own dates: the first date in a sentence that says the meeting
    happened (held, took place, met ...), else the body's first date."""
    sentences = split_sentences(body)
    first: DateSpan | None = None
    for sentence in sentences:
        spans = find_meeting_dates(sentence, published)
        if not spans:
            continue
        first = first or spans[0]
        if _VENUE_VERBS.search(sentence):
            return spans[0]
    return first


# --- venue -------------------------------------------------------------------------------

_VIRTUAL = re.compile(
    r"\b(?:virtual(?:ly)?|video[- ]?conferenc\w*|online|on-line|webinar|remotely|"
    r"by video|via (?:zoom|teams|webex|video)|en ligne|visioconf[ée]rence|en l[ií]nea|"
    r"videoconferencia|virtuelle?)\b",
    re.IGNORECASE,
)
_HYBRID = re.compile(r"\bhybrid\b|\bin person and online\b|\bhybride?\b", re.IGNORECASE)
_NAME = r"[A-ZÀ-Ý][\w'’.-]*"
_PLACE = re.compile(
    rf"\b(?:in|at|en|à|a)\s+(?:the\s+)?(?P<place>{_NAME}(?:[ -](?:de |del |da |es |el |al )?{_NAME}){{0,3}})"
    rf"(?:\s*\((?P<paren>[^)]{{2,40}})\)|,\s*(?P<comma>{_NAME}(?:\s+{_NAME}){{0,3}}))?"
)


def _resolve(gaz: Gazetteer, match: re.Match[str], prefer: set[str]) -> Place | None:
    words = match.group("place").rstrip(".,").split()
    hint = match.group("paren") or match.group("comma") or ""
    hint_iso = gaz.country(hint) if hint else None
    wanted = {hint_iso} if hint_iso else prefer
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        iso3 = gaz.country(name)
        city = gaz.city(name, wanted)
        if iso3 and not (city and city.iso3 == iso3 and _same(city.city, name)):
            return Place("", gaz.name_of(iso3), iso3)
        if city and (not hint_iso or city.iso3 == hint_iso):
            return city
    return None


def _same(a: str, b: str) -> bool:
    from analytics.geo import normalise

    return normalise(a) == normalise(b)


def find_venue(gaz: Gazetteer, title: str, sentences: list[str], named: set[str]) -> Place | None:
    """Where the meeting was held: the best place phrase ("in Havana (Cuba)", "in Lomé,
    Togo") in the title or in a sentence that says the meeting happened."""
    best: tuple[int, int, Place] | None = None
    candidates = [title, *sentences]
    for order, sentence in enumerate(candidates):
        is_event_sentence = order == 0 or bool(_VENUE_VERBS.search(sentence))
        for match in _PLACE.finditer(sentence):
            place = _resolve(gaz, match, named)
            if place is None:
                continue
            score = (2 if is_event_sentence else 0) + (1 if place.city else 0)
            score += 1 if find_meeting_dates(sentence, None) else 0
            rank = (score, -order)
            if best is None or rank > best[:2]:
                best = (*rank, place)
        if best and best[0] >= 4:
            break
    if best:
        return best[2]
    if any(_HEADQUARTERS.search(s) for s in candidates):
        return gaz.city("Brussels", {"BEL"})
    return None


_HEADQUARTERS = re.compile(
    r"\bWCO (?:Headquarters|HQ|head office)\b|\bsi[èe]ge de l'OMD\b|\bsede de la OMA\b",
    re.IGNORECASE,
)


def is_virtual(title: str, lead: str) -> bool:
    """True when the title or the sentence that reports the meeting says it was online."""
    text = f"{title} {lead}"
    return bool(_VIRTUAL.search(text)) and not _HYBRID.search(text)


# --- region --------------------------------------------------------------------------------

GLOBAL = "Global"
_GLOBAL_SCOPE = re.compile(
    r"\b(?:Council Sessions?|Sessions? of the (?:WCO )?Council|WCO Council|Policy Commission|"
    r"Global [\w -]{0,40}?(?:Conference|Meeting|Forum|Summit)|"
    r"all (?:six |6 |the )?(?:WCO )?regions|every region|"
    r"Conseil de coop[ée]ration douani[èe]re|Commission de politique g[ée]n[ée]rale)\b",
    re.IGNORECASE,
)


def _region_alias(gaz: Gazetteer, text: str) -> str | None:
    for alias, region in gaz.region_aliases:
        flags = 0 if alias.isupper() or "/" in alias else re.IGNORECASE
        if re.search(rf"(?<![\w/]){re.escape(alias)}(?![\w/])", text, flags):
            return region
    return None


def find_region(gaz: Gazetteer, title: str, lead: str, venue: Place | None) -> str:
    """The region the meeting concerns: a region named in the title or in the sentence
    reporting the meeting wins; a meeting of the whole organisation is Global; otherwise
    the venue country's region ("" when unknown)."""
    for text in (title, lead):
        region = _region_alias(gaz, text)
        if region:
            return region
        if _GLOBAL_SCOPE.search(text):
            return GLOBAL
    if venue is not None and venue.iso3:
        return gaz.region_of.get(venue.iso3, "")
    return ""


# --- event type ------------------------------------------------------------------------------

_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("policy_commission_or_council", r"\bPolicy Commission\b|\bCouncil Sessions?\b|"
         r"\bSessions? of the (?:WCO )?Council\b|\bWCO Council\b"),
        ("governing_council", r"\bGoverning Council\b|\bConseil d'orientation\b"),
        ("virtual_meeting", r"^$"),  # decided by the venue, see classify_event
        ("regional_conference", r"\bRegional (?:Conference|Heads|Meeting)\b|"
         r"\bConference of (?:the )?(?:Customs )?Directors[- ]General\b|"
         r"\bHeads of Customs (?:Conference|Meeting)\b|\bConf[ée]rence r[ée]gionale\b|"
         r"\br[ée]union r[ée]gionale\b|\breuni[oó]n regional\b|\bconferencia regional\b"),
        ("workshop_or_training", r"\bworkshop|\btraining\b|\bseminar\b|\bcourse\b|"
         r"\bwebinar\b|\batelier\b|\btaller\b|\bformation\b"),
        ("international_forum", r"\bforum\b|\bsummit\b|\bsymposium\b|\bconvention\b|"
         r"\bglobal conference\b|\bconference\b|\bcommittee\b|\bsession of\b"),
        ("bilateral_visit", r"\bvisit|\bvisite\b|\bvisita\b|\bbilateral\b|\bmet with\b"),
    )
)  # fmt: skip


def classify_event(title: str, lead: str, virtual: bool) -> str:
    """One of :data:`EVENT_TYPES`, from the title first and then the reporting sentence."""
    for text in (title, lead):
        for name, pattern in _TYPE_RULES:
            if name == "virtual_meeting":
                if virtual and not _TYPE_RULES_FORUM.search(title):
                    return name
                continue
            if pattern.search(text):
                return name
    return "virtual_meeting" if virtual else "other"


_TYPE_RULES_FORUM = re.compile(
    r"\bforum\b|\bsummit\b|\bconvention\b|\bASEM\b|\bworkshop\b", re.IGNORECASE
)


# --- the whole event -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    title: str
    published: dt.date | None
    body: str


def _parts(doc: RawDocument) -> _Parts:
    lines = strip_boilerplate(doc.text)
    title = " ".join(doc.title.split())
    if not title and lines and len(lines[0]) <= 250 and parse_date(lines[0]) is None:
        title = lines[0]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    published = parse_date(doc.published) if doc.published else None
    found, index = published_from_lines(lines, limit=3)
    if index >= 0:
        lines = lines[:index] + lines[index + 1 :]
        published = published or found
    if published is None and lines:
        published = _dateline(lines[0])
    return _Parts(title=title, published=published, body="\n\n".join(lines))


_DATELINE = re.compile(r"^[A-ZÀ-Ý][\w .'’-]{1,40},\s+(?P<date>[^–—-]{6,30}?)\s*[–—-]\s")


def _dateline(line: str) -> dt.date | None:
    """The date of a newswire dateline ("TOKYO, 5 May 2010 – ...") opening the body."""
    match = _DATELINE.match(line)
    return parse_date(match.group("date")) if match else None


def _table_place(gaz: Gazetteer, doc: RawDocument) -> Place | None:
    loc = doc.location
    parts = [loc.get("city", ""), loc.get("country", "")]
    if not any(parts) and loc.get("location"):
        parts = [p.strip() for p in re.split(r"[,(]", loc["location"].rstrip(")"))] + [""]
    city_name, country_name = parts[0], parts[-1] if len(parts) > 1 else ""
    iso3 = gaz.country(country_name) if country_name else None
    city = gaz.city(city_name, {iso3} if iso3 else set()) if city_name else None
    if city and (not iso3 or city.iso3 == iso3):
        return city
    if iso3:
        return Place("", gaz.name_of(iso3), iso3)
    return gaz.city(city_name) if city_name else None


def extract_event(doc: RawDocument, gaz: Gazetteer) -> dict[str, object]:
    """One events-table row (without ``doc_id``) for a report."""
    parts = _parts(doc)
    sentences = split_sentences(parts.body)
    span = pick_meeting_dates(parts.body, parts.published)
    lead = next((s for s in sentences if _VENUE_VERBS.search(s)), sentences[0] if sentences else "")
    virtual = is_virtual(parts.title, lead)
    venue = None
    if not virtual:
        venue = _table_place(gaz, doc) if doc.location else None
        venue = venue or find_venue(gaz, parts.title, sentences, gaz.countries_named(parts.body))
    start = span.start if span else parts.published
    end = span.end if span else None
    return {
        "source": doc.source,
        "title": parts.title,
        "published": parts.published,
        "date": start,
        "end_date": end,
        "year": start.year if start else None,
        "city": venue.city if venue else "",
        "country": venue.country if venue else "",
        "iso3": venue.iso3 if venue else "",
        "region": find_region(gaz, parts.title, lead, venue),
        "virtual": virtual,
        "event_type": classify_event(parts.title, lead, virtual),
        "people": find_people(parts.body),
        "organisations": find_organisations(parts.body),
        "text": parts.body,
        "n_words": len(parts.body.split()),
    }
