"""The one Event schema, and the extraction of an event from a report.

:class:`Event` names every column of the events table with its dtype and help; the
extractor fills it, the store and the command line write it, and the README's table is
checked against it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields

import pandas as pd

from analytics.extract.gate import Gated
from analytics.extract.host import host_venue
from analytics.extract.kinds import EVENT_TYPES, classify_event
from analytics.extract.online import is_virtual, this_meeting_online
from analytics.extract.people import find_organisations, find_people
from analytics.extract.places import Gazetteer
from analytics.extract.region import find_region
from analytics.extract.served import countries_region, served_administration
from analytics.extract.table_place import table_place
from analytics.extract.text import read_report
from analytics.extract.venue import find_venue, named_places, without_other_meetings
from analytics.extract.when import meeting_dates
from analytics.ingest.base import RawDocument

__all__ = [
    "EVENT_COLUMNS",
    "EXTRACTOR_VERSION",
    "Event",
    "doc_id",
    "empty_events",
    "events_frame",
    "extract_event",
]

# Bump when extraction changes, so that cached rows are recomputed.
EXTRACTOR_VERSION = "30"
_OPENING_SENTENCES = 3  # of the body, read for the meeting's type when title and lead say none


def _column(dtype: str, help_: str) -> object:
    return field(metadata={"dtype": dtype, "help": help_})


@dataclass(frozen=True)
class Event:
    """One row of the events table: a report and the meeting it describes."""

    doc_id: str = _column("string", "stable hash of the report's text")
    source: str = _column(
        "string",
        "path relative to the corpus root's parent (`demo/2017/x.txt`), `file.csv#row` for "
        "table rows",
    )
    title: str = _column("string", "the report's title")
    published: dt.date | None = _column(
        "datetime64[s]",
        "publication date (date line or page metadata; English, French, Spanish, ISO)",
    )
    date: dt.date | None = _column(
        "datetime64[s]", "first day of the meeting (from the body; falls back to `published`)"
    )
    end_date: dt.date | None = _column(
        "datetime64[s]", "last day of a multi-day meeting, else empty"
    )
    year: int | None = _column("Int64", "year of `date`")
    city: str = _column("string", "the venue's city; empty when unknown or virtual")
    country: str = _column("string", "the venue's country (English short name)")
    iso3: str = _column("string", "the venue's country as ISO 3166 alpha-3")
    region: str = _column(
        "string",
        "the region the meeting concerns: a region named as its scope, `Global` for "
        "meetings of the whole organisation, else the venue country's region",
    )
    virtual: bool = _column("bool", "held online / by video conference")
    event_type: str = _column("string", "one of " + ", ".join(f"`{t}`" for t in EVENT_TYPES))
    people: list[str] = _column(
        "object", "people named with their role, e.g. `Kunio Mikuriya (WCO Secretary General)`"
    )
    organisations: list[str] = _column("object", "organisations named")
    text: str = _column(
        "string", "the report's text without banners and title (not in the CLI output)"
    )
    n_words: int = _column("Int64", "words in `text`")
    provenance: str = _column(
        "string",
        "JSON: for `published`, `date`, `venue`, `region` and `virtual`, the line or sentence "
        "they were read from, or the fallback used",
    )


EVENT_COLUMNS: dict[str, str] = {f.name: f.metadata["dtype"] for f in fields(Event)}
_LIST_COLUMNS = [name for name, dtype in EVENT_COLUMNS.items() if dtype == "object"]


def doc_id(text: str) -> str:
    """Stable identifier of a report: a hash of its whitespace-normalised text."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def extract_event(doc: RawDocument, gaz: Gazetteer) -> Event:
    """The event a report describes: when, where, which region, what kind, who, and where
    in the report each of these was read."""
    report = read_report(doc)
    span, date_from = meeting_dates(report)
    lead = report.lead
    virtual, virtual_from = _virtual(gaz, report, lead)
    venue, venue_from = None, "held online: no venue"
    if not virtual:
        venue = table_place(gaz, doc) if doc.location else None
        venue_from = "the table's place columns"
        if venue is None:
            # namesakes ("Beau Vallon") are read in the countries the title names, else
            # in those the body names
            named = gaz.countries_named(report.title) or gaz.countries_named(report.body)
            venue, venue_from = find_venue(gaz, report, named, span)
    start = span.start if span else report.published
    own = without_other_meetings(lead)  # "on the heels of the MENA workshop in Riyadh"
    opening = " ".join(s.text for s in report.sentences[:_OPENING_SENTENCES])
    event_type = classify_event(report.title, own, virtual, opening)
    scope = venue
    if virtual:  # online: the organiser's country ("organized by China Customs") is its region's
        organiser = host_venue(gaz, (s.text for s in report.sentences[:_OPENING_SENTENCES]))
        scope = organiser[0] if organiser else None
    region, region_from = find_region(
        gaz, report.title, own, scope, event_type == "bilateral_visit", report.body
    )
    if virtual and scope is not None:
        region_from = region_from.replace("the venue country", "the organiser's country")
    opening_texts = [own, report.title, *report.texts[:_OPENING_SENTENCES]]
    # online, or with no venue at all: "for the Zambia Revenue Authority", "for Uzbekistan"
    if (
        (virtual or venue is None)
        and not region
        and (served := served_administration(gaz, opening_texts))
    ):
        region = gaz.region_of.get(served[0].iso3, "")
        region_from = f"the region of the administration it was held for: {served[1]!r}"
    if (virtual or venue is None) and not region and (region := countries_region(gaz, own)):
        region_from = f"the region of every country it gathered: {own!r}"
    provenance = {
        "published": report.published_from or "no publication date found",
        "date": date_from
        or ("no meeting date found: publication date used" if start else "no date found"),
        "venue": venue_from if venue else (venue_from or "no venue found"),
        "region": region_from,
        "virtual": virtual_from,
    }
    return Event(
        doc_id=doc_id(report.body),
        source=doc.source,
        title=report.title,
        published=report.published,
        date=start,
        end_date=span.end if span else None,
        year=start.year if start else None,
        city=venue.city if venue else "",
        country=venue.country if venue else "",
        iso3=venue.iso3 if venue else "",
        region=region,
        virtual=virtual,
        event_type=event_type,
        people=find_people(report.body),
        organisations=find_organisations(report.body),
        text=report.body,
        n_words=len(report.body.split()),
        provenance=json.dumps(provenance, ensure_ascii=False),
    )


# A sentence of the opening about an earlier meeting ("the previous one was held online")
_EARLIER_MEETING = Gated(
    re.compile(
        r"\b(?:previous|preceding|pr[ée]c[ée]dente?|anterior|pasad[oa]|precedente)\b|"
        r"предыдущ|прошл[аоы]\w*",
        re.IGNORECASE,
    )
)


def _virtual(gaz: Gazetteer, report, lead: str) -> tuple[bool, str]:
    """Online if the sentence reporting the meeting (or the title) says so, or if the
    opening says so (but not of an earlier meeting) and that sentence names no place
    ("After meetings held by video link, ... met in Bishkek"); and the text that says so."""
    if is_virtual(report.title, lead):
        return True, f"{report.title} {lead}".strip()
    opening = " ".join(t for t in report.texts[:3] if not _EARLIER_MEETING.search(t))
    if is_virtual("", opening) and (not named_places(gaz, lead) or this_meeting_online(opening)):
        return True, opening
    return False, "no sign of an online meeting"


def events_frame(events: Iterable[Event] | pd.DataFrame) -> pd.DataFrame:
    """The events table of ``events`` (objects or a frame), columns and dtypes as
    :class:`Event` says."""
    if isinstance(events, pd.DataFrame):
        frame = events
    else:
        frame = pd.DataFrame([asdict(e) for e in events], columns=list(EVENT_COLUMNS))
    frame = frame[list(EVENT_COLUMNS)].copy()
    for column, dtype in EVENT_COLUMNS.items():
        if column in _LIST_COLUMNS:
            frame[column] = [_as_list(v) for v in frame[column].tolist()]
        elif dtype.startswith("datetime"):
            frame[column] = pd.to_datetime(frame[column]).astype(dtype)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame


def _as_list(value: object) -> list:
    if type(value) is list:
        return value
    return list(value) if value is not None else []


def empty_events() -> pd.DataFrame:
    """An events table with the right columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in EVENT_COLUMNS.items()})
