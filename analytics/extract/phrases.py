"""Place phrases of a sentence and the place each names.

Every phrase that could name a venue ("held in Havana (Cuba)", "Lomé, Togo, was the
venue", "Venue: Seoul", "BRUSSELS: ...") is found by the patterns below and scored by
what the phrase itself says (a city, a country after it, a verb of meeting before it, a
person's office, a dateline); :mod:`analytics.extract.venue` adds what its sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from analytics.extract.capital import capital_places
from analytics.extract.clauses import in_another_meeting_clause
from analytics.extract.dates import DateSpan
from analytics.extract.places import MONTHS_AND_DAYS, Gazetteer, Place, normalise
from analytics.extract.scripts import in_other_script, script_places
from analytics.extract.seat import LANDMARKS, headquarters_named

__all__ = ["DATELINES", "phrase_places", "places_with_country"]

# --- the weights of a place phrase: its score is the sum of those that apply -------------
LABELLED = 6  # "Venue: Seoul" in a meeting summary says it outright
IS_CITY = 1  # a city says more than a country alone
PARTIAL = -2  # only the first words of the phrase are a known place
AFTER_VERB = 1  # "held in", "hosted ... in": the place of the meeting, not of a person
WITH_COUNTRY = 1  # "Lomé, Togo", "Havana (Cuba)": the writer placed it on the map
DATE_FOLLOWS = 1  # "in Cairo, Egypt, on 18 May": place and date of one event
IN_ROLE = -3  # "President of Customs Affairs in Bahrain": a person's office, not the venue
DATELINE = -2  # "Brussels, 3 May 2021 –": where the report was written; the venue the text
# names wins, and the dateline's place is the venue only when the text names none, or
# when its sentence says the meeting is "here" ("kicked off here today", "in this city")
AWAY = -3  # "away from the organisation's headquarters in Brussels"
GUESSED = -4  # "in the country's capital": a place named outright anywhere says more
DATE_FOLLOWS_WITHIN = 10  # characters between a place phrase and the date after it

_NAME = r"[A-ZÀ-Ý][\w'’.-]*"
# "Côte d'Ivoire", "Sharm el-Sheikh", "Ciudad de México"
_JOIN = (
    r"(?:[ -](?:de la |de las |de los |de |del |da |du |des |do |dos |es |el |al |of |of the |"
    r"d['’]|(?:el|al|ad|as)-)?)"
)
_PLACE_NAME = rf"{_NAME}(?:{_JOIN}{_NAME}){{0,3}}"
_HINT_NAME = rf"{_NAME}(?:\s+(?:{_NAME}|d['’]\w+|and|of|the|de|du|et|y)){{0,4}}"
# ", in Zimbabwe", ", au Sénégal", ", no Zimbabué": the country after a preposition
_HINT_IN = r"(?:(?:in|en|au|aux|em|no|na)\s+)?"
# ... or without a comma after "au": "à l'Hôtel Labadi d'Accra au GHANA"
_HINT = (
    rf"(?:\s*\((?P<paren>[^)]{{2,40}})\)|"
    rf"(?P<comma>(?:,\s*{_HINT_IN}{_HINT_NAME}){{1,2}}|\s+(?:au|aux)\s+{_HINT_NAME}))"
)
# "welcomed all the delegates to Colombo"; "in the coastal city of Mombasa"
_GUESTS = r"(?:(?:all|the|our|them|participants|delegates|delegations|guests|everyone)\s+){1,3}"
_CITY_OF = (
    r"(?:(?:[a-z]+\s+){0,2}(?:city|town|port|village|ville|ciudad|cidade)\s+(?:of|de|d['’])\s*)?"
)
# "held in Havana (Cuba)", "in Nusa Dua, Bali, Indonesia", "in the Kingdom of Bahrain"
_PLACE = re.compile(
    rf"\b(?:in|at|en|à|a|au|aux|em|no|na|visit(?:ed|ing)|(?:travel\w*|came|come|went|flew|headed|arrived|moved|visits?|"
    rf"trip|tour|mission|[Ww]elcome[sd]?|welcoming)\s+to|welcom\w*\s+{_GUESTS}to)"
    rf"\s+(?:(?:the|la|le|el)\s+)?{_CITY_OF}(?P<place>{_PLACE_NAME}){_HINT}?"
)
# "Venue: Seoul, South Korea" in meeting summaries
_VENUE_LABEL = re.compile(
    rf"(?<!\w)(?i:venue|location|lieu|lugar|sede)\s*:\s*(?P<place>{_PLACE_NAME}){_HINT}?"
)
# What stays of a newswire dateline once its date is gone: "TOKYO – The Secretary ..."
# ... and a Spanish-American one: "Punta Cana.- Directores de aduanas iniciaron ..."
_DATELINE_PLACE = re.compile(rf"^(?P<place>{_PLACE_NAME}){_HINT}?(?:\s+–|\.[-–—])\s")
# "Kuala Lumpur, Malaysia, was the venue", "travelled to Shenzhen, China, for"
_NOT_A_PLACE = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_PLACE_COUNTRY = re.compile(rf"(?<![\w'’-]){_NOT_A_PLACE}(?P<place>{_PLACE_NAME}){_HINT}")
_PREPOSITION = re.compile(rf"^{_HINT_IN}")
_NO_HINT = r"(?P<paren>(?!))?(?P<comma>(?!))?"  # the groups a place phrase has, never set
# "on Langkawi Island", "on the resort island of Jeju": an island is a place "on"
_ISLAND_OF = re.compile(
    rf"\bon\s+the\s+(?:[a-z]+\s+)?island(?:\s+(?:city|nation|state))?\s+of\s+(?P<place>{_PLACE_NAME}){_HINT}?"
)
_ISLAND_NAMED = re.compile(rf"\bon\s+(?P<place>{_NAME}(?: {_NAME})?)(?=\s+Island\b){_NO_HINT}")
# ... and a capitalised one with a colon: "BRUSSELS: The director-general ..."
_DATELINE_COLON = re.compile(
    rf"^(?P<place>[A-ZÀ-Ý'’.-]{{3,}}(?: [A-ZÀ-Ý'’.-]+){{0,3}}):\s{_NO_HINT}"
)
DATELINES = (_DATELINE_PLACE, _DATELINE_COLON)
_CAPITAL = (
    r"(?:(?:[Ll]a|[Tt]he|[Ee]l|a)\s+(?:[A-Za-zé]+\s+)?capital(?:e)?(?:\s+[a-zé]+)?|"
    r"[A-Z][\w-]+['’]s\s+capital)"  # "Ghana's capital, Accra"
)
# "dans la capitale centrafricaine, Bangui", "in the Kenyan capital, Nairobi"
_CAPITAL_NAMED = re.compile(rf"{_CAPITAL},\s+(?P<place>{_PLACE_NAME}){_HINT}?")
# "in the Belgian capital", "dans la capitale malienne", "na capital moçambicana": the
# capital of the country the adjective names (the place aliases table), never a city named
# after the adjective's first word ("Central")
_CAPITAL_ONLY = re.compile(
    r"\b(?:(?:in|at|en|à|dans|em)\s+(?:the|this|la|el|a)|na)\s+"
    rf"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)? capital|capital(?:e)? [a-zà-ÿ-]+){_NO_HINT}"
)
_AFTER_RELATIVE = "|".join(
    f"(?<=\\b{w} )" for w in ("lesquelles", "lesquels", "desquelles", "desquels", "laquelle",
                               "lequel", "où", "when", "where", "donde", "cuando", "quand")
)  # fmt: skip
# "Brazzaville la capitale abrite ...", "Nairobi hosts the ...": the place hosts the meeting
_HOST_SUBJECT = re.compile(  # ... also after a relative ("au cours desquelles Yaoundé a accueilli")
    rf"(?:^|(?<=[.;:,]\s)|{_AFTER_RELATIVE})(?:(?i:la ville|the city|la ciudad|a cidade) (?:de |of |d['’]))?"
    rf"(?P<place>{_PLACE_NAME})(?:,?\s+{_CAPITAL},?)?(?:\s+\([A-Z]{{2}}\))?\s+"
    rf"(?:abrite|accueille|acoge|hosts|hosted|is hosting|a accueilli|ha acogido|will host|"
    rf"accueillera|abritera|acoger[áa]|albergar[áa]|sediar[áa]|sediou|foi palco|recebeu|"
    rf"a abrité|abritait|accueillait|fue (?:el )?escenario|hosting|(?:will )?play(?:s|ed)? host to|"
    rf"(?:será|fue|es) (?:la )?sede de)\b{_NO_HINT}"
)
# "à l'hôtel Azalaï de Niamey", "au Palais des Congrès de Cotonou": a building of a city
_BUILDING_OF = re.compile(
    r"(?i:\b(?:h[ôo]tel|centre|palais|salle|auditorium))\s+(?:[\w'’-]+\s+){1,4}?(?:de\s+|du\s+|d['’])"
    rf"(?P<place>{_PLACE_NAME}){_HINT}?"
)
_BUILDING_WORD = re.compile(r"(?i:h[ôo]tel|centre|palais|salle|auditorium)")
# "at the Royal Customs Academy (RCA), Melaka", "au Centre de Formation (CFD), Ouagadougou":
# a building, its acronym, then its city
_ACRONYM_THEN_CITY = re.compile(
    rf"\b(?:at|in|au|à|en|no|na)\s+(?:(?:the|la|le|el|a|o)\s+|l['’])?{_NAME}\s+"
    rf"(?:(?:{_NAME}|of|for|on|and|de|des|du|la|le|del|da|do|d['’][\w-]+)\s+){{0,8}}?"
    rf"\([A-Z][A-Z0-9&./-]{{1,11}}\),\s*(?P<place>{_PLACE_NAME}){_HINT}?"
)
_POSSESSIVE = re.compile(r"['’]s$")  # "Havana's": the city of the building named after it
# "Customs of Bangladesh, Bolivia, Colombia ...": an administration of a list, no place
_NOT_A_NAME = set(MONTHS_AND_DAYS) | {"customs", "douane", "douanes", "aduana", "aduanas",
    "ministry", "ministere", "ministerio", "authority", "administration", "department"}  # fmt: skip
_HERE = re.compile(
    r"\b(?:here|ici|aqu[ií]|in this (?:[\w-]+ ){0,3}(?:city|town|capital)|"
    r"dans cette (?:[\w-]+ )?ville|en esta (?:[\w-]+ )?ciudad)\b",
    re.IGNORECASE,
)
_AWAY = re.compile(r"\b(?:away from|far from|loin de|lejos de)\b[^,.;()]{0,40}$", re.IGNORECASE)
_AWAY_REACH = 60  # characters before a place phrase read for "away from"
_ROLE_BEFORE_PLACE = re.compile(
    r"\b(?:President|Director(?:[- ]General)?|Minister|Commissioner|Chair(?:person|man)?|"
    r"Head|Ambassador|Secretary|Governor)\b[^,.;()]{0,40}\b(?:of|in|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(
    r"(?:held|hosted|took place|takes place|met|meet|convened|gathered|organi[sz]ed|"
    r"decorr\w+|teve lugar|se tien(?:t|nent)|se d[ée]roul\w+|"
    r"staged|tenue?s?|celebr\w+|realiz\w+|session|sessions|open(?:ed|s)|start(?:ed|s)|"
    r"began|begins|kicked off|under way|underway)\s*(?:\w+\s*){0,3}$",
    re.IGNORECASE,
)


_PATTERNS = (
    (_DATELINE_PLACE, False), (_DATELINE_COLON, False), (_HOST_SUBJECT, False),
    (_CAPITAL_NAMED, False),
    (_CAPITAL_ONLY, False), (_PLACE, False), (_ISLAND_OF, False), (_ISLAND_NAMED, False),
    (_BUILDING_OF, False), (_ACRONYM_THEN_CITY, False), (_PLACE_COUNTRY, True),
)  # fmt: skip


@lru_cache(maxsize=2**14)
def _phrases(sentence: str) -> tuple[tuple[int, ...], re.Match[str] | None, tuple]:
    """The landmarks a sentence names, its venue label, and each place pattern with its
    matches: what depends on the sentence alone, kept per sentence (reports of one
    archive share sentences)."""
    landmarks = tuple(i for i, (pattern, _, _) in enumerate(LANDMARKS) if pattern.search(sentence))
    buildings = _BUILDING_WORD.search(sentence)  # most sentences name none: spare the pattern
    found = tuple(
        (pattern, needs_hint, tuple(pattern.finditer(sentence)))
        for pattern, needs_hint in _PATTERNS
        if (pattern is not _BUILDING_OF or buildings)
        and (pattern is not _ACRONYM_THEN_CITY or "), " in sentence)
    )
    return landmarks, _VENUE_LABEL.search(sentence), found


def phrase_places(
    gaz: Gazetteer,
    sentence: str,
    named: set[str],
    known: dict[str, Place],
    dates: tuple[DateSpan, ...],
) -> Iterator[tuple[Place, int]]:
    """(place, score of the phrase itself) for every place phrase of a sentence."""
    landmarks, label, found = _phrases(sentence)
    for landmark in landmarks:
        _, city, iso3 = LANDMARKS[landmark]
        yield Place(city, gaz.name_of(iso3), iso3), IS_CITY + WITH_COUNTRY
    if headquarters_named(sentence) is not None:  # "au siège de l'OMD", "在世界海关组织总部"
        yield gaz.city("Brussels", {"BEL"}), IS_CITY + WITH_COUNTRY + AFTER_VERB
    for place, start, guessed in capital_places(gaz, sentence, named):  # "in the capital"
        verb = AFTER_VERB if _VERB_BEFORE.search(sentence[:start]) else 0
        yield place, IS_CITY + verb + (GUESSED if guessed else 0)
    if in_other_script(sentence):
        for place in script_places(sentence):
            bonus = (IS_CITY if place.city else 0) + (AFTER_VERB if place.locative else 0)
            yield Place(place.city, gaz.name_of(place.iso3), place.iso3), bonus
    seen: set[int] = set()
    if label and (resolved := _resolve(gaz, label, named)):
        seen.add(label.start("place"))
        yield resolved[0], LABELLED
    for pattern, needs_hint, matches in found:
        for match in matches:
            start = match.start("place")
            if start in seen or (needs_hint and not _hint_country(gaz, match)):
                continue
            resolved = _resolve(gaz, match, named, known)
            if resolved is None:
                continue
            seen.add(start)
            place, whole = resolved
            if pattern is _CAPITAL_ONLY and not whole:
                continue  # an adjective the aliases lack: no capital, never "Central"
            if needs_hint and not place.city:
                continue  # "Cameroon, Gabon, Mali": a list of countries, not a venue
            hinted = needs_hint or match.group("paren") or match.group("comma")
            follows = any(0 <= d.position - match.end() <= DATE_FOLLOWS_WITHIN for d in dates)
            before = sentence[: match.start("place")]
            verb = pattern is _HOST_SUBJECT or _VERB_BEFORE.search(before)
            yield (
                place,
                (
                    (IS_CITY if place.city else 0)
                    + (_dateline_weight(sentence) if pattern in DATELINES else 0)
                    + (AWAY if _AWAY.search(before[-_AWAY_REACH:]) else 0)
                    + (2 * AWAY if in_another_meeting_clause(before) else 0)
                    + (0 if whole else PARTIAL)
                    + (AFTER_VERB if verb else 0)
                    + (IN_ROLE if _ROLE_BEFORE_PLACE.search(before) else 0)
                    + (WITH_COUNTRY if hinted else 0)
                    + (DATE_FOLLOWS if follows else 0)
                ),
            )


def _dateline_weight(sentence: str) -> int:
    """A dateline's place is only where the report was written, unless its sentence says
    the meeting is held there ("opened here today")."""
    return AFTER_VERB if _HERE.search(sentence) else DATELINE


def _hint_country(gaz: Gazetteer, match: re.Match[str]) -> str | None:
    """The country a place phrase names after it: "(Cuba)", ", Bali, Indonesia"."""
    if match.group("paren"):
        return gaz.country(match.group("paren"))
    parts = [_PREPOSITION.sub("", p.strip()) for p in (match.group("comma") or "").split(",")]
    for part in reversed([p for p in parts if p]):
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
    if _POSSESSIVE.search(words[0]):  # "in Havana's Hotel Nacional": a building of that city
        words = [_POSSESSIVE.sub("", words[0])]
    hint_iso = _hint_country(gaz, match)
    if match.group("comma") and (iso3 := gaz.country(" ".join(words) + match.group("comma"))):
        # "Hong Kong, China": the whole phrase is the member's name
        return gaz.city(" ".join(words), {iso3}) or Place("", gaz.name_of(iso3), iso3), True
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
        if iso3 and not (city and city.iso3 == iso3 and normalise(city.city) == normalise(name)):
            return Place("", gaz.name_of(iso3), iso3), whole
        if city and (not hint_iso or city.iso3 == hint_iso):
            return city, whole
    if not hint_iso and (city := _hint_city(gaz, match, wanted)):  # "in Nasese, Suva"
        return city, True
    if hint_iso and len(words) <= 3 and normalise(words[0]) not in _NOT_A_NAME:
        # A place the gazetteer lacks, but the text says which country it is in.
        name = " ".join(words)
        return Place(
            name.title() if name.isupper() else name, gaz.name_of(hint_iso), hint_iso
        ), True
    return None


def _hint_city(gaz: Gazetteer, match: re.Match[str], wanted: set[str]) -> Place | None:
    """The city a place phrase names after it ("Nasese, Suva"), if any."""
    parts = [_PREPOSITION.sub("", p.strip()) for p in (match.group("comma") or "").split(",")]
    return next((c for p in parts if p and (c := gaz.city(p, wanted))), None)


def places_with_country(gaz: Gazetteer, sentences: list[str]) -> dict[str, Place]:
    """Places the report names together with their country ("Goa, India"): each
    sentence's kept with the gazetteer (an archive's reports share sentences)."""
    known: dict[str, Place] = {}
    for sentence in sentences:
        for name, place in gaz.kept("places with country", sentence, _with_country, sentence):
            known.setdefault(name, place)
    return known


def _with_country(gaz: Gazetteer, sentence: str) -> tuple[tuple[str, Place], ...]:
    matches = _PLACE_COUNTRY.finditer(sentence)
    found = ((m, _resolve(gaz, m, set()) if _hint_country(gaz, m) else None) for m in matches)
    return tuple((normalise(m["place"].rstrip(".,")), r[0]) for m, r in found if r and r[0].city)
