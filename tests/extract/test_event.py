"""Extraction of dates, places, regions, types and people from report text."""

import datetime as dt
import json

import pytest

from analytics.extract.event import Event, extract_event
from analytics.ingest.base import RawDocument
from analytics.ingest.readers import read_bytes
from tests.conftest import SEEDS
from tests.extract.reading import read_event as _event

D = dt.date


def _seed(name: str, gaz) -> Event:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return extract_event(read_bytes(path.read_bytes(), path.name)[0], gaz)


def test_seed_000_washington(gaz):
    event = _seed("000", gaz)
    assert event.title.startswith("WCO attends the 17th Session")
    assert (event.published, event.date, event.end_date) == (
        D(2017, 4, 24),
        D(2017, 4, 6),
        D(2017, 4, 7),
    )
    assert (event.city, event.country, event.iso3) == (
        "Washington",
        "United States",
        "USA",
    )
    assert event.region == "Americas and Caribbean"
    assert "Sergio Mujica (WCO Deputy Secretary General)" in event.people


def test_seed_003_havana(gaz):
    event = _seed("003", gaz)
    assert (event.published, event.date, event.end_date) == (
        D(2017, 5, 19),
        D(2017, 5, 15),
        D(2017, 5, 16),
    )
    assert (event.city, event.country, event.iso3) == ("Havana", "Cuba", "CUB")
    assert event.region == "Americas and Caribbean"
    assert event.event_type == "regional_conference"
    assert "Kunio Mikuriya (WCO Secretary General)" in event.people


def test_date_falls_back_to_published(gaz):
    event = _event("A visit\n\n4 May 2016\n\nThe Director visited the port.", gaz)
    assert event.date == D(2016, 5, 4)
    assert event.end_date is None


def test_venue_not_other_countries(gaz):
    event = _event(
        "Delegates from Chile, Peru and Brazil\n\n7 June 2018\n\nDelegates from Chile, Peru "
        "and Brazil attended the workshop, which took place in Lomé, Togo, on 4 and 5 June.",
        gaz,
    )
    assert (event.city, event.iso3, event.region) == (
        "Lomé",
        "TGO",
        "West and Central Africa",
    )
    assert event.event_type == "workshop_or_training"


def test_virtual_meeting_has_no_venue_and_keeps_region(gaz):
    event = _event(
        "Virtual meeting of the West and Central Africa region\n\n1 October 2020\n\nHeads of "
        "Customs of the WCA region met by video conference on 25 September 2020; Senegal chaired.",
        gaz,
    )
    assert event.virtual is True
    assert (event.city, event.country, event.iso3) == ("", "", "")
    assert event.region == "West and Central Africa"
    assert event.event_type == "virtual_meeting"


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("Regional Conference of the Americas/Caribbean Region", "Americas and Caribbean"),
        ("MENA regional meeting in Cairo", "North of Africa, Near and Middle East"),
        ("129th/130th Sessions of the WCO Council", "Global"),
        ("WCO Policy Commission meets in Luxor", "Global"),
    ],
)
def test_region_scope_beats_venue(gaz, title, region):
    event = _event(f"{title}\n\n2 May 2017\n\nThe meeting was held in Luxor, Egypt.", gaz)
    assert event.region == region


def test_region_from_venue_country(gaz):
    event = _event("Visit to Japan\n\n5 May 2010\n\nThe visit took place in Tokyo.", gaz)
    assert (event.country, event.region) == ("Japan", "Asia/Pacific")
    assert event.event_type == "bilateral_visit"


def test_table_location_columns(gaz):
    doc = RawDocument(
        source="t.csv#0",
        text="The seminar discussed transit.",
        published="2016-03-09",
        location={"location": "Almaty, Kazakhstan"},
    )
    event = extract_event(doc, gaz)
    assert (event.city, event.iso3, event.region) == ("Almaty", "KAZ", "Europe")


OTHER_PHRASINGS = [
    ("Customs chiefs gather in Bangkok\n\nMarch 12, 2019\n\nCustoms chiefs from 20 Asian nations "
     "gathered in Bangkok, Thailand, on March 7-8 for the Asia/Pacific Regional Heads of Customs "
     "conference. Japan and Korea presented.",
     (D(2019, 3, 7), D(2019, 3, 8), "THA", "Asia/Pacific", "regional_conference")),
    ("WCO at the OSCE\n\n12/03/2019\n\nThe WCO took part in an OSCE conference in Vienna on "
     "5 March 2019. Delegates from Austria, Germany and Italy joined.",
     (D(2019, 3, 5), None, "AUT", "Europe", "international_forum")),
    ("Visite du Secrétaire général au Sénégal\n\n12 mars 2015\n\nLe Secrétaire général s'est "
     "rendu à Dakar (Sénégal) du 9 au 11 mars 2015 pour une visite officielle.",
     (D(2015, 3, 9), D(2015, 3, 11), "SEN", "West and Central Africa", "bilateral_visit")),
    ("Reunión regional en Panamá\n\n24 abril 2017\n\nLa reunión regional se celebró en la Ciudad "
     "de Panamá del 18 al 20 de abril de 2017 con delegados de Colombia y Costa Rica.",
     (D(2017, 4, 18), D(2017, 4, 20), "PAN", "Americas and Caribbean", "regional_conference")),
    ("Heads of Customs meet\n\n3 November 2018\n\nThe meeting took place at the WCO Headquarters "
     "on 29 and 30 October 2018, bringing together the Vice-Chairs of all six WCO regions.",
     (D(2018, 10, 29), D(2018, 10, 30), "BEL", "Global", "other")),
    ("Kenya hosts ESA Governing Council\n\n5 May 2016\n\nKenya Revenue Authority hosted the 22nd "
     "ESA Governing Council in Mombasa on 2-4 May 2016. Uganda handed over the chair.",
     (D(2016, 5, 2), D(2016, 5, 4), "KEN", "East and Southern Africa", "governing_council")),
    ("SG in Tokyo\n\nTOKYO, 5 May 2010 - Secretary General Kunio Mikuriya met Japanese officials "
     "during a visit to Japan.",
     (D(2010, 5, 5), None, "JPN", "Asia/Pacific", "bilateral_visit")),
    ("ASEM Customs chiefs meet in Goa\n\nGOA, India, 9 October 2015 — Heads of Customs from "
     "Asia and Europe met in Goa from 7 to 9 October for their 11th meeting.",
     (D(2015, 10, 7), D(2015, 10, 9), "IND", "Asia/Pacific", "other")),
    ("Dakar accueille la conférence régionale\n\nDakar, le 3 mai 2017 – La 22e Conférence "
     "régionale des Directeurs généraux s'est tenue du 26 au 28 avril 2017 à Dakar (Sénégal).",
     (D(2017, 4, 26), D(2017, 4, 28), "SEN", "West and Central Africa", "regional_conference")),
    ("SADC capacity building conference\n\nPosted on 23 February 2010\n\nThe conference ran "
     "from Wednesday 3 to Friday 5 February in Gaborone, Botswana.",
     (D(2010, 2, 3), D(2010, 2, 5), "BWA", "East and Southern Africa", "international_forum")),
    ("Meeting summary: rules of origin\n\nDate: 21–25 November 2022\nVenue: Botswana (city "
     "not specified)\nRegion: WCO East and Southern Africa\nParticipants: SADC Member States",
     (D(2022, 11, 21), D(2022, 11, 25), "BWA", "East and Southern Africa", "other")),
    ("Project closes\n\n31 October 2014\n\nThe beneficiaries Cameroon, Gabon, Mali and "
     "Mauritania travelled to South Africa, where the South African Revenue Service hosted "
     "the closing workshop from 21 to 23 October 2014.",
     (D(2014, 10, 21), D(2014, 10, 23), "ZAF", "East and Southern Africa",
      "workshop_or_training")),
    ("Posted on 5 June 2020\n\nGreat to see so many colleagues last Tuesday (2 June)! The WCO "
     "Europe region's contact points got together by video conference.",
     (D(2020, 6, 2), None, "", "Europe", "virtual_meeting")),
    ("Reunión en República Dominicana\n\n20 mayo 2015\n\nLa reunión se celebró en Santo "
     "Domingo, República Dominicana, los días 14 y 15 de mayo de 2015.",
     (D(2015, 5, 14), D(2015, 5, 15), "DOM", "Americas and Caribbean", "other")),
    ("Brussels (WCO) – The WCO Council met in Brussels, Belgium, from 11 to 13 June 2015 for "
     "its 125th/126th Sessions, chaired by Morocco, with the Secretary General presenting.",
     (D(2015, 6, 11), D(2015, 6, 13), "BEL", "Global", "policy_commission_or_council")),
    ("Notes on the Council\n\nPosted on 5 July 2010\n\nThe WCO Council Sessions took place "
     "at our headquarters in Brussels in June, paired with a forum.",
     (D(2010, 6, 1), None, "BEL", "Global", "policy_commission_or_council")),
    ("KRA to host WCO Secretary General\n\nWe are honoured to announce that the Kenya Revenue "
     "Authority will host the Secretary General for a two-day working visit to Nairobi on "
     "Monday 3 and Tuesday 4 February 2020.\n\nNairobi, 1 February 2020",
     (D(2020, 2, 3), D(2020, 2, 4), "KEN", "East and Southern Africa", "bilateral_visit")),
    ("Summary of the meeting\n\nPrepared: 8 April 2021\n\n- Date: 6–7 April 2021\n- Venue: "
     "Online – held by video conference\n- Region: WCO Asia/Pacific",
     (D(2021, 4, 6), D(2021, 4, 7), "", "Asia/Pacific", "virtual_meeting")),
    ("Conferencia regional\n\nMontevideo, 26 de abril de 2012 – Los días 23, 24 y 25 de abril "
     "de 2012 se celebró en Punta del Este, Uruguay, la Conferencia Regional.",
     (D(2012, 4, 23), D(2012, 4, 25), "URY", "Americas and Caribbean", "regional_conference")),
    ("WCO chief in Japan\n\nTOKYO, 30 January 2013 — The Secretary General is holding meetings "
     "with Japan's new leaders during a visit running from 30 January to 1 February 2013.",
     (D(2013, 1, 30), D(2013, 2, 1), "JPN", "Asia/Pacific", "bilateral_visit")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), OTHER_PHRASINGS, ids=lambda v: str(v)[:30])
def test_reports_written_by_others(gaz, text, expected):
    event = _event(text, gaz)
    got = (event.date, event.end_date, event.iso3, event.region, event.event_type)
    assert got == expected


def test_a_meeting_date_without_its_year_takes_the_publication_year(gaz):
    event = _event(
        "Experts meet\n\n12 July 2013\n\nFrom 6 to 8 July in Brussels, experts met.", gaz
    )
    assert (event.date, event.end_date) == (D(2013, 7, 6), D(2013, 7, 8))


def test_a_report_without_any_year_has_no_date_never_the_current_year(gaz):
    event = _event("Experts meet\n\nFrom 6 to 8 July in Brussels, experts met on transit.", gaz)
    assert (event.date, event.year) == (None, None)


def test_without_a_publication_date_the_year_comes_from_the_report(gaz):
    event = _event(
        "Experts meet\n\nFrom 6 to 8 July in Brussels, experts met on transit. The next "
        "meeting was set for 3 March 2015.",
        gaz,
    )
    assert event.date == D(2014, 7, 6)  # the latest 6 July before the report's own date


def test_every_field_says_where_it_was_read(gaz):
    event = _seed("003", gaz)
    sources = json.loads(event.provenance)
    assert set(sources) == {"published", "date", "venue", "region", "virtual"}
    assert "Havana" in sources["venue"] and "15 and 16 May" in sources["date"]
    assert "19 May 2017" in sources["published"]


def test_a_fallback_says_so(gaz):
    event = _event("A visit\n\n4 May 2016\n\nThe Director visited the port.", gaz)
    sources = json.loads(event.provenance)
    assert sources["date"] == "no meeting date found: publication date used"
    assert sources["venue"] == "no venue found"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a print header or a picture's file name above the report, no full stop after it
        ("Regional conference\n\n9/29/2020 Customs News\n\nOn 25 September 2020 the heads "
         "of customs held their first virtual conference.", D(2020, 9, 25)),
        ("PICARD 2021\n\nScreenshot 2023-11-13 at 18.52.26\n\nThe conference was held from 9 "
         "to 10 December 2021 at the WCO headquarters.", D(2021, 12, 9)),
        # a wire's bare weekday under its date line
        ("Drug trafficking a challenge\n\nUpdated: 2011-06-02 16:48\n\nSANTO DOMINGO - "
         "Customs heads met with the Secretary General, who said Wednesday that trafficking "
         "is the main threat.", D(2011, 6, 1)),
        ("Workshop in Suva\n\n30 November 2016\n\nThe workshop was held in Suva from 21-25 "
         "November2016.", D(2016, 11, 21)),
        # a date line without its year is no headline: the next line is
        ("22 Jun\n2015 Council Sessions\n\nThe Council took place in Brussels from 11 to 13 "
         "June 2015.", D(2015, 6, 11)),
    ],
    ids=["print-header", "file-name", "wire-weekday", "glued-year", "yearless-line"],
)  # fmt: skip
def test_real_page_layouts(text, date, gaz):
    assert _event(text, gaz).date == date
