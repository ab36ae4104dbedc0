"""Where the meeting was held.

Every place phrase of the title and the body ("held in Havana (Cuba)", "Lomé, Togo, was
the venue", "Venue: Seoul") is scored by what it says itself (:mod:`analytics.extract.phrases`)
and by what its sentence says (the weights below); the best one is the venue.
"""

from __future__ import annotations

import datetime as dt

from analytics.extract.clauses import without_other_meetings
from analytics.extract.dates import DateSpan
from analytics.extract.host import host_venue, hosted_by
from analytics.extract.phrases import DATELINES, phrase_places, places_with_country
from analytics.extract.places import Gazetteer, Place
from analytics.extract.seat import at_headquarters, council_session
from analytics.extract.text import Report, Sentence

__all__ = ["at_headquarters", "find_venue", "named_places", "without_other_meetings"]

# --- the weights of a sentence: added to those of each place phrase it holds ------------
IN_EVENT_SENTENCE = 2  # the title, or a sentence that says the meeting happened
ON_MEETING_DATE = 2  # the sentence gives the meeting's own date
DATED = 1  # the sentence gives some other date near the meeting's
OTHER_TIME = -1  # ... or only dates far from it: another meeting ("the 30th was held in ...")
OTHER_TIME_DAYS = 31  # days from the meeting beyond which a date is another time
CERTAIN = 8  # a phrase scoring this much ends the search


def named_places(gaz: Gazetteer, sentence: str) -> bool:
    """True when the sentence names a place that could be a venue."""
    return any(phrase_places(gaz, sentence, set(), {}, ()))


def find_venue(
    gaz: Gazetteer, report: Report, named: set[str], meeting: DateSpan | None
) -> tuple[Place | None, str]:
    """Where the meeting was held, and the sentence that says so: the best-scoring place
    phrase in the title or the body, above all in the sentence that reports the meeting on
    its date; else the WCO's headquarters when the report says it met there; else the
    country of the administration that hosted it ("hosted by the Kenya Revenue
    Authority"), or the place of the report's dateline."""
    title = Sentence(report.title, (), True)
    candidates = [title, *report.sentences]
    known = places_with_country(gaz, [s.text for s in candidates])
    best: tuple[int, int, Place, str] | None = None
    for order, sentence in enumerate(candidates):
        score = IN_EVENT_SENTENCE if sentence.happened else 0
        score += _date_weight(meeting, sentence.dates)
        for place, bonus in phrase_places(gaz, sentence.text, named, known, sentence.dates):
            rank = (score + bonus, -order)
            if best is None or rank > best[:2] or _named_more(gaz, report, rank, place, best):
                best = (*rank, place, sentence.text)
        if best and best[0] >= CERTAIN:
            break
    if best and best[0] > 0:  # a country from "the Uganda Revenue Authority hosted" says so
        host = None if best[2].city else host_venue(gaz, [best[3]])
        return best[2], hosted_by(best[3]) if host and host[0] == best[2] else best[3]
    at_hq = next((s.text for s in candidates if at_headquarters(s.text)), None)
    if at_hq is not None:
        return gaz.city("Brussels", {"BEL"}), at_hq
    written = _dateline_place(gaz, report, named)
    host = host_venue(gaz, (s.text for s in candidates))
    council = council_session(s.text for s in candidates)
    if host is None and written[0] is None and council is not None:  # the Council sits at HQ
        return gaz.city("Brussels", {"BEL"}), f"the WCO Council's sessions: {council!r}"
    if host is None or (written[0] is not None and written[0].iso3 == host[0].iso3):
        return written  # the dateline's city, in the host's country
    return host[0], hosted_by(host[1])


def _named_more(gaz: Gazetteer, report: Report, rank: tuple, place: Place, best: tuple) -> bool:
    """Of two cities scoring alike in two sentences, the later wins when more sentences
    name it: the city the meeting is held in, said again ("began in Vientiane ... the
    workshop in Vientiane"), beats one named once of another event ("a project launched in
    Bangkok")."""
    cities = (place.city, best[2].city)
    if rank[0] != best[0] or rank[0] <= 0 or rank[1] == best[1] or not all(cities):
        return False
    named = [sum(gaz.names_city(s.text, c) for s in report.sentences) for c in cities]
    return cities[0] != cities[1] and named[0] > named[1] > 0  # any language: "Alger"


def _date_weight(meeting: DateSpan | None, dates: tuple[DateSpan, ...]) -> int:
    """What the dates of a sentence say of its places: the meeting's own, some date near
    it, or only days far from it (another meeting's)."""
    if not dates:
        return 0
    if meeting is None:  # the report's dates were all another event's ("launched in 2017")
        return OTHER_TIME
    if any(_on(meeting, d.start) for d in dates):
        return ON_MEETING_DATE
    if meeting is not None and all(  # a month ("en mai 2025") may be a month further off
        abs((d.start - meeting.start).days) > OTHER_TIME_DAYS * (1 if d.precise else 2)
        for d in dates
    ):
        return OTHER_TIME
    return DATED


def _on(meeting: DateSpan | None, day: dt.date) -> bool:
    """True when the day is the meeting's first day, or its last ("wrapped up on ...")."""
    return meeting is not None and day in (meeting.start, meeting.end)


def _dateline_place(gaz: Gazetteer, report: Report, named: set[str]) -> tuple[Place | None, str]:
    """The place the report was written in, when the text names no venue: that of its
    date line ("Bangui, le 19 mars 2019") or of its dateline ("BANGUI – Customs chiefs")."""
    if report.signed_at:
        line = f"{report.signed_at} – "
        found = next(phrase_places(gaz, line, named, {}, ()), None)
        if found:
            return found[0], f"the place the date line is signed with: {report.signed_at!r}"
    first = report.sentences[0].text if report.sentences else ""
    dated = any(pattern.match(first) for pattern in DATELINES)
    found = next(phrase_places(gaz, first, named, {}, ()), None) if dated else None
    return (found[0], first) if found else (None, "")
