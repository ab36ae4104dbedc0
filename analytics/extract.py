"""From the text of a report to an event: when, where, which region, what kind, who.

Every function here is pure: text in, values out. :func:`extract_event` combines them into
one row of the events table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analytics.dates import (
    DateSpan,
    find_meeting_dates,
    month_without_year,
    parse_date,
    published_from_lines,
)
from analytics.documents import RawDocument
from analytics.geo import Gazetteer, Place, normalise
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
    r"\b(?:held|hold|holds|host|hosted|hosting|hosts|took place|takes place|taking place|"
    r"convened|convenes|met|meet|meets|gathered|gather|organi[sz]ed|staged|opened|"
    r"attended|attends|visited|visit|participated|took part|welcomed|chaired|"
    r"ran|run|launched|celebrated|came together|got together|come together|"
    r"tenue?s?|celebr[oó]|realiz[oó]|reuni[oó]|r[ée]uni\w*|accueill\w*|acogi[oó]|"
    r"se reunieron|organis[ée]e?s?)\b",
    re.IGNORECASE,
)


_DATE_LABEL = re.compile(r"(?:^|\n)\W*(?i:dates?|fechas?|date de la réunion)\s*:\s*")


def pick_meeting_dates(body: str, published: dt.date | None) -> DateSpan | None:
    """The meeting's own dates: the first date in a sentence that says the meeting
    happened (held, took place, met ...), else the body's first date."""
    labelled = _DATE_LABEL.search(body)  # "Date: 6-7 April 2021" in a meeting summary
    if labelled:
        spans = find_meeting_dates(body[labelled.end() : labelled.end() + 60], published)
        if spans:
            return spans[0]
    found: list[DateSpan] = []
    reported: list[DateSpan] = []  # dates of sentences that say the meeting happened
    for sentence in split_sentences(body):
        spans = find_meeting_dates(sentence, published)
        found += spans
        if _VENUE_VERBS.search(sentence):
            reported += spans
    # A day-precise date beats a month ("launched in July 2016"), wherever it stands.
    ranked = [[s for s in group if s.precise] for group in (reported, found)] + [reported, found]
    chosen = next((group[0] for group in ranked if group), None)
    if chosen is None and published is not None:  # "the Council met in June"
        happened = [s for s in split_sentences(body) if _VENUE_VERBS.search(s)]
        chosen = next(filter(None, (month_without_year(s, published) for s in happened)), None)
    if chosen is not None and chosen.end is None:
        # "ended on 18 February ... held on 17 and 18 February": the range says more.
        for span in found:
            if span.end is not None and span.start <= chosen.start <= span.end:
                return span
    return chosen


# --- venue -------------------------------------------------------------------------------

_ONLINE = r"(?:online|on-line|virtual(?:ly)?|en ligne|en l[ií]nea|virtuelle?)"
_GATHERING = (
    r"(?:meeting|meetings|conference|session|sessions|workshop|forum|event|format|caucus|"
    r"seminar|edition|gathering|dialogue|training|course|exchange|consultation|summit|"
    r"platform|mode|réunion|reunión|conférence|conferencia|séance|sesión)"
)
_VIRTUAL = re.compile(
    r"\b(?:video[- ]?conferenc\w*|videoconferencia|visioconf[ée]rence|webinars?|webinaires?|"
    r"webinarios?|"
    r"by video(?: link)?|via (?:zoom|teams|webex|video\w*)|"
    rf"(?:held|met|meet|meets|gathered|took place|convened|organi[sz]ed|hosted|conducted|"
    rf"run|tenue?s?|celebrad[ao]|realizad[ao])\s+(?:\w+\s+){{0,2}}?{_ONLINE}|"
    rf"{_ONLINE}\s+(?:\w+\s+)?{_GATHERING}|virtually)\b",
    re.IGNORECASE,
)
_HYBRID = re.compile(
    r"\bhybrid\b|\bhybride?\b|\bin person and online\b|\bin the room\b|"
    r"\b(?:following|joined|joining|connected|participating)\s+(?:\w+\s+)?(?:online|remotely)\b",
    re.IGNORECASE,
)
_NAME = r"[A-ZÀ-Ý][\w'’.-]*"
_JOIN = r"(?:[ -](?:de |del |da |es |el |al |of |of the )?)"
_PLACE_NAME = rf"{_NAME}(?:{_JOIN}{_NAME}){{0,3}}"
_HINT_NAME = rf"{_NAME}(?:\s+(?:{_NAME}|d['’]\w+|and|of|the|de|du|et|y)){{0,4}}"
_HINT = rf"(?:\s*\((?P<paren>[^)]{{2,40}})\)|(?P<comma>(?:,\s*{_HINT_NAME}){{1,2}}))"
# "held in Havana (Cuba)", "in Nusa Dua, Bali, Indonesia", "in the Kingdom of Bahrain"
_PLACE = re.compile(
    rf"\b(?:in|at|en|à|a|(?:travel\w*|came|come|went|flew|headed|arrived|moved|visits?|"
    rf"trip|mission|welcome[sd]?|welcoming)\s+to)"
    rf"\s+(?:the\s+)?(?P<place>{_PLACE_NAME}){_HINT}?"
)
# "Venue: Seoul, South Korea" in meeting summaries
_VENUE_LABEL = re.compile(
    rf"(?<!\w)(?i:venue|location|lieu|lugar|sede)\s*:\s*(?P<place>{_PLACE_NAME}){_HINT}?"
)
# What stays of a newswire dateline once its date is gone: "TOKYO – The Secretary ..."
_DATELINE_PLACE = re.compile(rf"^(?P<place>{_PLACE_NAME}){_HINT}?\s+–\s")
# "Kuala Lumpur, Malaysia, was the venue", "travelled to Shenzhen, China, for"
_PLACE_COUNTRY = re.compile(rf"(?<![\w'’-])(?P<place>{_PLACE_NAME}){_HINT}")
_VERB_BEFORE = re.compile(
    r"(?:held|hosted|took place|takes place|met|meet|convened|gathered|organi[sz]ed|"
    r"staged|tenue?s?|celebr\w+|realiz\w+|session|sessions)\s*(?:\w+\s*){0,3}$",
    re.IGNORECASE,
)


def _hint_country(gaz: Gazetteer, match: re.Match[str]) -> str | None:
    """The country a place phrase names after it: "(Cuba)", ", Bali, Indonesia"."""
    if match.group("paren"):
        return gaz.country(match.group("paren"))
    parts = [p.strip() for p in (match.group("comma") or "").split(",") if p.strip()]
    for part in reversed(parts):
        iso3 = gaz.country(part)
        if iso3:
            return iso3
    return None


def _resolve(
    gaz: Gazetteer, match: re.Match[str], prefer: set[str], known: dict[str, Place] | None = None
) -> tuple[Place, bool] | None:
    """The place a phrase names and whether the whole phrase was recognised. ``known``
    holds the places the report names with their country elsewhere ("GOA, India"), so
    that a bare "in Goa" means the same place."""
    words = match.group("place").rstrip(".,").split()
    hint_iso = _hint_country(gaz, match)
    if not hint_iso and known and normalise(" ".join(words)) in known:
        return known[normalise(" ".join(words))], True
    wanted = {hint_iso} if hint_iso else prefer
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        iso3 = gaz.country(name)
        city = gaz.city(name, wanted)
        whole = size == len(words)
        if hint_iso and city and city.iso3 == hint_iso:  # "Granada, Spain"
            return city, whole
        if iso3 and not (city and city.iso3 == iso3 and _same(city.city, name)):
            return Place("", gaz.name_of(iso3), iso3), whole
        if city and (not hint_iso or city.iso3 == hint_iso):
            return city, whole
    if hint_iso and len(words) <= 3:
        # A place the gazetteer lacks, but the text says which country it is in.
        name = " ".join(words)
        return Place(
            name.title() if name.isupper() else name, gaz.name_of(hint_iso), hint_iso
        ), True
    return None


def _same(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


def _places_with_country(gaz: Gazetteer, sentences: list[str]) -> dict[str, Place]:
    """Places the report names together with their country ("Goa, India")."""
    known: dict[str, Place] = {}
    for sentence in sentences:
        for match in _PLACE_COUNTRY.finditer(sentence):
            resolved = _resolve(gaz, match, set()) if _hint_country(gaz, match) else None
            if resolved and resolved[0].city:
                known.setdefault(normalise(match.group("place").rstrip(".,")), resolved[0])
    return known


def _date_follows(sentence: str, end: int) -> bool:
    """True when a date comes right after a place phrase ("in Cairo, Egypt, on 18 ...")."""
    spans = find_meeting_dates(sentence[end : end + 45], None)
    return bool(spans) and spans[0].position <= 10


def _place_candidates(
    gaz: Gazetteer, sentence: str, named: set[str], known: dict[str, Place] | None = None
):
    """(place, score bonus) for every place phrase of a sentence."""
    seen: set[int] = set()
    label = _VENUE_LABEL.search(sentence)
    if label and (resolved := _resolve(gaz, label, named)):
        seen.add(label.start("place"))
        yield resolved[0], 6
    for pattern, needs_hint in ((_DATELINE_PLACE, False), (_PLACE, False), (_PLACE_COUNTRY, True)):
        for match in pattern.finditer(sentence):
            start = match.start("place")
            if start in seen or (needs_hint and not _hint_country(gaz, match)):
                continue
            resolved = _resolve(gaz, match, named, known)
            if resolved is None:
                continue
            seen.add(start)
            place, whole = resolved
            if needs_hint and not place.city:
                continue  # "Cameroon, Gabon, Mali": a list of countries, not a venue
            bonus = (1 if place.city else 0) + (0 if whole else -2)
            bonus += 1 if _VERB_BEFORE.search(sentence[: match.start()]) else 0
            bonus += 1 if needs_hint or match.group("paren") or match.group("comma") else 0
            bonus += 1 if _date_follows(sentence, match.end()) else 0
            yield place, bonus


def find_venue(
    gaz: Gazetteer,
    title: str,
    sentences: list[str],
    named: set[str],
    meeting_date: dt.date | None = None,
) -> Place | None:
    """Where the meeting was held: the best place phrase ("held in Havana (Cuba)", "Lomé,
    Togo, was the venue") in the title or in a sentence that says the meeting happened,
    above all in the sentence that gives the meeting's date."""
    best: tuple[int, int, Place] | None = None
    candidates = [title, *sentences]
    known = _places_with_country(gaz, candidates)
    for order, sentence in enumerate(candidates):
        is_event_sentence = order == 0 or bool(_VENUE_VERBS.search(sentence))
        dates = [d.start for d in find_meeting_dates(sentence, None)] if order else []
        dated = 2 if meeting_date in dates else (1 if dates else 0)
        for place, bonus in _place_candidates(gaz, sentence, named, known):
            score = (2 if is_event_sentence else 0) + dated + bonus
            rank = (score, -order)
            if best is None or rank > best[:2]:
                best = (*rank, place)
        if best and best[0] >= 8:
            break
    if best and best[0] > 0:
        return best[2]
    if any(_HEADQUARTERS.search(s) for s in candidates):
        return gaz.city("Brussels", {"BEL"})
    return None


_HEADQUARTERS = re.compile(
    r"\b(?:WCO|Organi[sz]ation's) (?:Headquarters|HQ|head office)\b|\bsi[èe]ge de l'OMD\b|\bsede de la OMA\b",
    re.IGNORECASE,
)


def is_virtual(title: str, lead: str) -> bool:
    """True when the title or the sentence that reports the meeting says it was held
    online (not merely that it discussed online trade, nor that some joined online)."""
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


# A mention of the Council that is not the meeting itself: "ahead of the Council Sessions".
_NOT_THIS_MEETING = re.compile(
    r"(?:ahead of|before|upcoming|forthcoming|next|follow[- ]up (?:to|of)|prepar\w+ (?:for|of)|"
    r"adopted by|approved by|endorsed by|decided by|presented to|submitted to|report(?:ed)? to|"
    r"into|chairs?|chairing|(?:the|its) (?:decisions?|agenda) of)\s+(?:the\s+)?(?:annual\s+|"
    r"next\s+|upcoming\s+|\w+\s+)?$",
    re.IGNORECASE,
)


def _regions_named(gaz: Gazetteer, text: str) -> list[tuple[int, str]]:
    """(position, region) of each region alias in the text, first mention of each."""
    found: dict[str, int] = {}
    for alias, region in gaz.region_aliases:
        flags = 0 if alias.isupper() or "/" in alias else re.IGNORECASE
        match = re.search(rf"(?<![\w/]){re.escape(alias)}(?![\w/])", text, flags)
        if match and match.start() < found.get(region, len(text) + 1):
            found[region] = match.start()
    return sorted((position, region) for region, position in found.items())


def _global_scope(text: str) -> int | None:
    """Where the text names a meeting of the whole organisation as such, if it does."""
    for match in _GLOBAL_SCOPE.finditer(text):
        if not _NOT_THIS_MEETING.search(text[max(0, match.start() - 40) : match.start()]):
            return match.start()
    return None


def find_region(
    gaz: Gazetteer, title: str, lead: str, venue: Place | None, visit: bool = False
) -> str:
    """The region the meeting concerns.

    In the sentence reporting the meeting, then in the title: a region named as the
    meeting's scope wins (the venue's region when several are named); a meeting of the
    whole organisation (Council, Policy Commission, global conference, all regions) is
    Global, whichever of the two comes first. Otherwise a meeting at WCO headquarters is
    Global (unless it is a ``visit`` to the Secretariat), and any other the venue
    country's region ("" when unknown).
    """
    venue_region = gaz.region_of.get(venue.iso3, "") if venue is not None and venue.iso3 else ""
    in_title = [region for _, region in _regions_named(gaz, title)]
    for text in (lead, title):
        regions = _regions_named(gaz, text)
        whole = _global_scope(text)
        if whole is not None and (not regions or whole < regions[0][0]):
            return GLOBAL
        if regions:
            names = [region for _, region in regions]
            if len(names) > 1:  # several named: the venue's, else the title's
                names = (
                    [n for n in names if n == venue_region]
                    or [n for n in names if n in in_title]
                    or names
                )
            return names[0]
    if not visit and (_HEADQUARTERS.search(lead) or _HEADQUARTERS.search(title)):
        return GLOBAL
    return venue_region


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
    first_is_date = bool(lines) and (
        parse_date(lines[0]) is not None or published_from_lines(lines[:1], limit=1)[1] == 0
    )
    if not title and lines and len(lines[0]) <= 250 and not first_is_date:
        title = lines[0]
    if lines and title and lines[0] == title:
        if _is_sentence(title):  # no headline: the report starts with its first paragraph
            title = _shortened(split_sentences(title)[0])
        else:
            lines = lines[1:]
    published = parse_date(doc.published) if doc.published else None
    found, index = published_from_lines(lines, limit=3)
    if index >= 0:
        lines = lines[:index] + lines[index + 1 :]
        published = published or found
    if lines:
        dated, lines[0] = _dateline(lines[0])
        published = published or dated
    if not title and lines:  # no headline at all: the opening words stand in for one
        title = _shortened(split_sentences(lines[0])[0])
    return _Parts(title=title, published=published, body="\n\n".join(lines))


def _is_sentence(line: str) -> bool:
    """A line that reads as body text, not as a headline (long and ends like a sentence)."""
    return len(line) > 120 and line.rstrip().endswith((".", "!", "?"))


def _shortened(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][^–—:\n]{1,60}?)\s*,?\s+(?:\(\w+\)\s*)?(?:le |el |on )?"
    r"(?P<date>\d{1,2}(?:er|º)?\s+(?:de\s+)?\w+\.?,?\s+(?:de\s+)?\d{4}|\w+\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{4}-\d\d-\d\d)(?:\s*\([^)]{1,20}\))?"
    r"\s*[–—-]+\s*"
)


def _dateline(line: str) -> tuple[dt.date | None, str]:
    """The date of a newswire dateline ("TOKYO, 5 May 2010 – ...", "Dakar, le 3 mai 2017
    – ...") opening the body, and the line without that date: it is when the report was
    filed, not when the meeting took place. The place stays (it is often the venue)."""
    match = _DATELINE.match(line)
    if not match:
        return None, line
    date = parse_date(match.group("date"))
    if date is None:
        return None, line
    return date, f"{match.group('place').rstrip(', ')} – {line[match.end() :]}"


def _table_place(gaz: Gazetteer, doc: RawDocument) -> Place | None:
    loc = doc.location
    parts = [loc.get("city", ""), loc.get("country", "")]
    if not any(parts) and loc.get("location"):
        parts = [p.strip() for p in re.split(r"[,(]", loc["location"].rstrip(")"))] + [""]
    parts = [p for p in parts if p]
    city_name = parts[0] if parts else ""
    iso3 = next((gaz.country(p) for p in reversed(parts[1:]) if gaz.country(p)), None)
    if iso3 is None and city_name and gaz.country(city_name):
        return Place("", gaz.name_of(gaz.country(city_name)), gaz.country(city_name))
    city = gaz.city(city_name, {iso3} if iso3 else set()) if city_name else None
    if city and (not iso3 or city.iso3 == iso3):
        return city
    if iso3:
        return Place(city_name, gaz.name_of(iso3), iso3)
    return gaz.city(city_name) if city_name else None


def _lead(sentences: list[str], published: dt.date | None) -> str:
    """The sentence that reports the meeting: says it happened and when, else the first
    that says it happened, else the first sentence."""
    happened = [s for s in sentences if _VENUE_VERBS.search(s)]
    dated = [s for s in happened if find_meeting_dates(s, published)]
    return (dated or happened or sentences or [""])[0]


def extract_event(doc: RawDocument, gaz: Gazetteer) -> dict[str, object]:
    """One events-table row (without ``doc_id``) for a report."""
    parts = _parts(doc)
    sentences = split_sentences(parts.body)
    span = pick_meeting_dates(parts.body, parts.published)
    lead = _lead(sentences, parts.published)
    # Online if the sentence reporting the meeting says so, or if the opening says so and
    # that sentence names no place ("After meetings held by video link, ... met in Bishkek").
    opening = " ".join(sentences[:3])
    virtual = is_virtual(parts.title, lead) or (
        is_virtual("", opening) and not any(_place_candidates(gaz, lead, set()))
    )
    venue = None
    if not virtual:
        venue = _table_place(gaz, doc) if doc.location else None
        venue = venue or find_venue(
            gaz, parts.title, sentences, gaz.countries_named(parts.body),
            span.start if span else None,
        )  # fmt: skip
    start = span.start if span else parts.published
    end = span.end if span else None
    event_type = classify_event(parts.title, lead, virtual)
    visit = event_type == "bilateral_visit"
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
        "region": find_region(gaz, parts.title, lead, venue, visit),
        "virtual": virtual,
        "event_type": event_type,
        "people": find_people(parts.body),
        "organisations": find_organisations(parts.body),
        "text": parts.body,
        "n_words": len(parts.body.split()),
    }
