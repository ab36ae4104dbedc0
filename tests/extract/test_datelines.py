"""Datelines and signed date lines: the filing date and place of a report, and how they
give way to the meeting's own date and venue."""

import datetime as dt
import json

import pytest

from tests.extract.reading import read_event as _event

D = dt.date


def test_a_wire_without_a_year_takes_it_from_the_page(gaz):
    # 17 October is a Tuesday in 2017; the year is only named as next year's meeting.
    event = _event(
        "Border chiefs meet in Lesotho\n\nMASERU, Oct. 17 (Agency) - Customs heads of the "
        "region opened a two-day workshop on Tuesday on transit guarantees.\n\nThe next "
        "workshop will be held in 2018.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2017, 10, 17), D(2017, 10, 17), "LSO")
    assert "MASERU, Oct. 17 (Agency) -" in json.loads(event.provenance)["published"]


def test_a_wire_with_no_year_anywhere_has_no_date(gaz):
    event = _event(
        "Talks in Maseru\n\nMASERU, Oct. 17 (Agency) - Customs heads opened a workshop.", gaz
    )
    assert (event.published, event.date) == (None, None)


def test_the_venue_the_text_names_beats_the_dateline_city(gaz):
    event = _event(
        "Regional conference ends\n\nBrussels, 9 November 2018 – The Secretary General "
        "thanked the host administration on Thursday.\n\nThe conference, held in Kigali, "
        "Rwanda, on 7 and 8 November 2018, adopted a regional strategy.",
        gaz,
    )
    assert (event.city, event.iso3, event.date) == ("Kigali", "RWA", D(2018, 11, 7))


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commission opened here today its session, with staff of the organization's "
        "headquarters in Brussels.",
        "The Commission opened today its session, far from the organization's headquarters "
        "in Brussels.",
    ],
    ids=["here", "far-from"],
)
def test_a_dateline_is_the_venue_when_the_text_says_so(sentence, gaz):
    event = _event(
        f"Commission meets\n\nHURGHADA, Nov. 6 (Wire) -- {sentence}\n\nIt closes on "
        "8 November 2019.",
        gaz,
    )
    assert (event.city, event.iso3, event.date) == ("Hurghada", "EGY", D(2019, 11, 6))


def test_a_signed_date_line_gives_the_venue_when_the_text_names_none(gaz):
    event = _event(
        "La douane accueille ses homologues\n\nNiamey, le 6 juin 2018\n\nLe Directeur "
        "général a accueilli, du 4 au 5 juin, les experts de la région pour leur réunion.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2018, 6, 6), D(2018, 6, 4), "Niamey")
    assert json.loads(event.provenance)["venue"].startswith("the place the date line")


def test_a_signed_date_line_gives_way_to_the_venue_named(gaz):
    event = _event(
        "Participação na conferência regional\n\nLuanda, 20 de junho de 2017\n\nA delegação "
        "participou, nos dias 12 e 13 de junho, na conferência realizada na Beira, em "
        "Moçambique.",
        gaz,
    )
    assert (event.date, event.end_date, event.city, event.iso3) == (
        D(2017, 6, 12), D(2017, 6, 13), "Beira", "MOZ",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Note dated 3 April 2019", D(2019, 4, 3)),
        ("Published: 03/04/2019 10:12 | Regional news", D(2019, 4, 3)),
        ("Wednesday, April 3, 2019 | National News Agency", D(2019, 4, 3)),
    ],
)
def test_date_lines_with_labels_and_sections_date_the_report(line, published, gaz):
    event = _event(f"Workshop\n\n{line}\n\nThe workshop was held yesterday in Dodoma.", gaz)
    assert (event.published, event.date, event.iso3) == (published, D(2019, 4, 2), "TZA")


def test_a_month_in_the_pages_metadata_gives_the_year_of_the_meeting(gaz):
    event = _event(
        "Le DG aux sessions du Conseil\n\ndate 2016-06 Le directeur général a pris part aux "
        "sessions du Conseil, a annoncé hier la direction. La réunion, tenue du 14 au 16 juin "
        "dans la capitale belge, a porté sur le transit.",
        gaz,
    )
    assert (event.published, event.date, event.end_date, event.city) == (
        None, D(2016, 6, 14), D(2016, 6, 16), "Brussels",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentences", "start", "end"),
    [
        ("Delegates opened a three-day workshop on Tuesday.", D(2018, 9, 11), D(2018, 9, 13)),
        ("The heads wrapped up their meeting on Tuesday. The two-day meeting adopted a plan.",
         D(2018, 9, 10), D(2018, 9, 11)),
        ("Les experts ont clôturé ce mardi leur réunion de trois jours.", D(2018, 9, 9),
         D(2018, 9, 11)),
        ("Delegates met on Tuesday for a two-day workshop.", D(2018, 9, 11), None),
    ],
    ids=["opened", "wrapped-up", "cloture", "neither"],
)  # fmt: skip
def test_a_day_and_the_meetings_length_give_its_other_end(sentences, start, end, gaz):
    # 11 September 2018 is a Tuesday.
    event = _event(f"Meeting in Gaborone\n\nGABORONE, Sept. 11, 2018 (Wire) - {sentences}", gaz)
    assert (event.date, event.end_date, event.iso3) == (start, end, "BWA")


def test_a_spanish_dateline_with_a_full_stop_and_dash(gaz):
    event = _event(
        "Directores inician su conferencia\n\nFecha: 11/06/2018\n\nLa Romana.- Los directores "
        "de aduanas de la región iniciaron este lunes su conferencia anual.",
        gaz,
    )
    assert (event.date, event.city, event.iso3) == (D(2018, 6, 11), "La Romana", "DOM")


@pytest.mark.parametrize(
    ("text", "virtual"),
    [
        ("La reunión regional, celebrada de forma virtual el 3 de junio de 2021, concluyó.",
         True),
        ("La réunion régionale s'est tenue en format virtuel le 3 juin 2021.", True),
        ("La reunión trató el comercio virtual el 3 de junio de 2021 en Quito.", False),
    ],
)  # fmt: skip
def test_meetings_held_online_in_spanish_and_french(text, virtual, gaz):
    assert _event(f"Reunión\n\n4 de junio de 2021\n\n{text}", gaz).virtual is virtual


def test_a_future_host_names_the_venue(gaz):
    event = _event(
        "Se anuncian dos conferencias\n\nDomingo, Marzo 10, 2019 - 09:30\n\nHonduras acogerá "
        "la conferencia regional del 11 al 15 de marzo.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2019, 3, 10), D(2019, 3, 11), "HND")


def test_saint_and_the_city_of_a_city(gaz):
    event = _event(
        "Heads meet\n\n2019-04-28\n\nThe Europe Region Heads of Customs Conference was held in "
        "St. Petersburg on 25 and 26 April 2019.",
        gaz,
    )
    assert event.iso3 == "RUS"
    arabic = _event(
        "ختام الاجتماعات\n\n1 يوليو 2018\n\nاختتمت أمس اجتماعات المجلس التي عقدت بمدينة "
        "بروكسل البلجيكية.",
        gaz,
    )
    assert (arabic.date, arabic.city) == (D(2018, 6, 30), "Brussels")


def test_french_wires_date_a_meeting_by_its_weekday_alone(gaz):
    # 10 March 2013 is a Sunday: "samedi" is the day before.
    event = _event(
        "La réunion régionale\n\nRiyad, 10 mars 2013 (Agence)\n\nLe Maroc a plaidé, samedi à "
        "Riyad, pour la formation lors de la réunion des directeurs généraux de la région.",
        gaz,
    )
    assert (event.date, event.iso3) == (D(2013, 3, 9), "SAU")
    habit = _event(
        "Réunion\n\n10 mars 2013\n\nLes experts se réunissent chaque lundi à Dakar.", gaz
    )
    assert habit.date == D(2013, 3, 10)  # no meeting date: the publication date


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("date 2022-06-25 DOHA: The director of customs on Saturday opened the regional "
         "meeting, which brought together the heads of customs of the region.", "Doha"),
        ("2024-03-06 07:05:10\n(NEWSWIRE- National Agency (NA)) MUSCAT, March 6 (NA) -- The "
         "regional customs meeting opened here today.", "Muscat"),
    ],
    ids=["colon", "source-before"],
)  # fmt: skip
def test_wire_datelines_with_a_colon_or_a_source_before_them(text, city, gaz):
    event = _event(f"Customs heads meet\n\n{text}", gaz)
    assert event.city == city and event.published is not None
    assert event.date == event.published


def test_another_meeting_with_its_place_and_date_is_not_the_venue(gaz):
    event = _event(
        "Customs experts meet in Niamey\n\n14 June 2016\n\nThe 9th Meeting of Experts of the "
        "region opened yesterday in Niamey and will continue until 16 June. The previous "
        "meeting was held in Lomé, Togo, on 3 and 4 February 2016.",
        gaz,
    )
    assert (event.date, event.end_date, event.iso3) == (D(2016, 6, 13), D(2016, 6, 16), "NER")


def test_a_meeting_that_started_yesterday_and_concludes_today(gaz):
    event = _event(
        "Council meets in Lusaka\n\nThursday, June 09, 2016\n\nCommissioners are concluding "
        "today a two-day Governing Council, which started yesterday in Lusaka. The region's "
        "AEO conference, held in Harare, Zimbabwe, on 10-12 March, was also reviewed.",
        gaz,
    )
    assert (event.date, event.end_date, event.iso3) == (D(2016, 6, 8), D(2016, 6, 9), "ZMB")


def test_closed_today_a_session_held_since_a_weekday(gaz):
    event = _event(
        "La Comisión clausuró hoy su sesión\n\nViernes 10 de junio de 2016\n\nLima.- La "
        "sesión concluyó hoy, tras tres jornadas celebradas desde el miércoles 8 de junio "
        "en esta ciudad.",
        gaz,
    )
    assert (event.date, event.end_date, event.iso3) == (D(2016, 6, 8), D(2016, 6, 10), "PER")


def test_a_dateline_place_of_several_words_with_its_country(gaz):
    event = _event(
        "Reunión regional\n\n21 de abril de 2016\n\nSanta Cruz de la Sierra, Bolivia.- Los "
        "directores se reunieron el 18 y 19 de abril de 2016 en esta ciudad.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Santa Cruz de la Sierra", "BOL")


def test_since_yesterday_and_ends_this_day(gaz):
    event = _event(
        "Conferencia regional en línea\n\nFecha: 15/06/2021\n\nLa Conferencia Regional de "
        "Directores de Aduanas, que se desarrolla desde ayer de forma virtual y termina este "
        "día, trató la reactivación del comercio.",
        gaz,
    )
    assert (event.date, event.end_date, event.virtual) == (D(2021, 6, 14), D(2021, 6, 15), True)


def test_a_hotel_of_a_city_then_its_country_after_au(gaz):
    event = _event(
        "Conférence régionale à Accra\n\n20 mars 2014\n\nLa conférence des Directeurs généraux "
        "s'est tenue à l'Hôtel Labadi d'Accra au GHANA, du 11 au 14 mars 2014.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Accra", "GHA")


def test_a_district_named_with_its_city(gaz):
    event = _event(
        "Pacific workshop\n\n10 September 2019\n\nA WCO workshop for the Pacific Islands "
        "commenced yesterday at the Regional Training Centre in Nasese, Suva, with officers "
        "from Tonga and Samoa.",
        gaz,
    )
    assert (event.date, event.city, event.iso3) == (D(2019, 9, 9), "Suva", "FJI")


@pytest.mark.parametrize(
    ("text", "published", "date", "iso3"),
    [
        (  # Arabic: the city, the Arabic comma, the day it was filed, a dash
            "لقاء جمركي في عمّان\n\nعمّان، 12 مايو 2021 - اختتمت ورشة العمل الإقليمية حول "
            "إدارة المخاطر في عمّان، الأردن، في 11 مايو 2021 بمشاركة خبراء من المنطقة.",
            D(2021, 5, 12),
            D(2021, 5, 11),
            "JOR",
        ),
        (  # Russian: the city, the day with "г.", a dash
            "Семинар в Ташкенте\n\nТашкент, 9 октября 2019 г. – Региональный семинар по "
            "оценке рисков прошёл в Ташкенте 8 октября 2019 года.",
            D(2019, 10, 9),
            D(2019, 10, 8),
            "UZB",
        ),
    ],
    ids=["arabic", "russian"],
)
def test_a_dateline_in_arabic_or_cyrillic_script_gives_way_to_the_meeting_date(
    text, published, date, iso3, gaz
):
    event = _event(text, gaz)
    assert (event.published, event.date, event.iso3) == (published, date, iso3)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Praia,9 Mar. 22(NAC) – O vice-presidente regional", D(2022, 3, 9)),
        ("Mindelo, Mar. 9, 22 (NAC) - O vice-presidente regional", D(2022, 3, 9)),
    ],
    ids=["day-first-glued", "month-first"],
)
def test_a_tight_wire_dateline_with_a_two_digit_year(line, published, gaz):
    # No space after the comma, the year in two digits, the agency's bracket glued to it.
    event = _event(
        f"Cooperação aduaneira\n{line} chegou segunda-feira a Cabo Verde para uma visita "
        "de três dias às alfândegas do país.",
        gaz,
    )
    assert (event.published, event.iso3) == (published, "CPV")
    assert "(NAC)" in json.loads(event.provenance)["published"]


@pytest.mark.parametrize(
    "line",
    ["Guatemala City, June 7, 2022. The regional office", "Tegucigalpa, 7 de junio de 2022. La"],
    ids=["en", "es"],
)
def test_a_dateline_ended_by_a_full_stop(line, gaz):
    event = _event(f"Course on money laundering\n\n{line} opened a course for officers.", gaz)
    assert event.published == D(2022, 6, 7)
    assert "2022." in json.loads(event.provenance)["published"]


def test_a_first_sentence_dated_on_its_end_is_no_dateline(gaz):
    event = _event(
        "WCO at a forum\n\n12/03/2019\n\nThe WCO took part in a forum in Vienna on 5 March "
        "2019. Delegates from Austria joined.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2019, 3, 12), D(2019, 3, 5), "AUT")


def test_a_yearless_dateline_with_no_year_anywhere_still_places_the_meeting(gaz):
    # No year in the page: no date, but the wire's city is where the workshop was held.
    event = _event(
        "Officers learn about integrity\n\n  Lviv, 9 June - A workshop for customs officers "
        "on 8-9 June looked at the vetting of recruits.",
        gaz,
    )
    assert (event.date, event.city, event.iso3, event.region) == (None, "Lviv", "UKR", "Europe")


def test_a_title_cut_from_a_statement_sentence_gives_the_meeting_day(gaz):
    # No headline: the first sentence is cut to make the title; the day the WCO announced
    # it on is not the meeting's.
    event = _event(
        "On 6 November 2024, the World Customs Organization (WCO) announced that it had hosted "
        "the third meeting of its network of valuation experts on 9 October 2024, with "
        "speakers from academia and the private sector.\n\nThe meeting looked at related-party "
        "transactions.",
        gaz,
    )
    assert event.title.endswith("…")
    assert event.date == D(2024, 10, 9)
