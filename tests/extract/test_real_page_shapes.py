"""Shapes met on real newsroom pages (national administrations, regional bodies, wires),
each on a report we wrote in that shape."""

import datetime as dt

import pytest

from tests.extract.reading import read_event as _event

D = dt.date


def test_a_meeting_that_came_just_before_is_not_the_venue(gaz):
    event = _event(
        "WCO chief to visit Kenya\n\ndate 2020-02-02\n\nKunio Mikuriya, the WCO's head, is due in "
        "Kenya for a two-day visit, on the heels of the recently concluded regional workshop "
        "on e-commerce held in Riyadh, Saudi Arabia.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "KEN")


def test_a_town_that_was_the_stage_with_its_state_abbreviation(gaz):
    event = _event(
        "Encontro em Manaus\n\nEntre os dias 17 e 25 de setembro, Manaus (AM) foi palco de um "
        "encontro internacional de aduanas com dez países.",
        gaz,
    )
    # No year anywhere on the page: the meeting's date is unknown, its place is not.
    assert (event.city, event.iso3, event.date) == ("Manaus", "BRA", None)


def test_the_days_delegates_attended_beat_another_meeting_they_thanked(gaz):
    event = _event(
        "Aduana en el Consejo\n\nBruselas, Bélgica.- La Aduana participó en las sesiones del "
        "Consejo de la OMA en Bruselas.\n\nSus delegados asistieron a las jornadas del 22 al 24 "
        "de junio. Agradecieron a los países que acudieron a la reunión regional celebrada del "
        "18 al 19 de mayo de 2023 en Punta Cana, República Dominicana.",
        gaz,
    )
    assert (event.date, event.end_date, event.iso3) == (D(2023, 6, 22), D(2023, 6, 24), "BEL")


@pytest.mark.parametrize(
    ("head", "published"),
    [("", None), ("Training heads meet\n\ndate 2014-12-08\n\n", D(2014, 12, 8))],
    ids=["no-year", "page-date"],
)
def test_an_agency_dateline_of_dots_and_a_slash(head, published, gaz):
    event = _event(
        f"{head}Baku. 8 December. AGENCY.AZ/ Today the WCO held a conference of the heads of "
        "national customs training centres of the European region, devoted to the regional office "
        "for capacity building.\n\nTwenty-one delegations took part.",
        gaz,
    )
    assert (event.city, event.iso3, event.published) == ("Baku", "AZE", published)
    assert event.date == published  # no year anywhere: no date at all


def test_an_online_conference_of_the_caribbean_enforcement_council(gaz):
    event = _event(
        "CCLEC meets despite the pandemic\n\nThe Caribbean Customs Law Enforcement Council "
        "held its annual conference by video conference on 2 and 3 June 2021.",
        gaz,
    )
    assert (event.virtual, event.region, event.iso3) == (True, "Americas and Caribbean", "")


def test_the_page_clock_is_not_the_publication_date(gaz):
    event = _event(
        "Explore More\n\nPhilippine Standard Time:\n30 May 2025, 03:30 AM\n\nCustoms at the "
        "regional conference in Hong Kong\n\nMay 27, 2025\n\nThe Commissioner led the delegation "
        "to the regional heads of customs conference held in Hong Kong, China, from May 18 to "
        "22, 2025.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2025, 5, 27), D(2025, 5, 18), "HKG")


def test_a_site_date_above_the_headline_gives_way_to_the_article_date(gaz):
    event = _event(
        "Tuesday, June 18, 2024\n\nRevenue authority praises WCO support\n\n25 June 2023\n\n"
        "The authority thanked the WCO for its help with valuation and origin. Its Commissioner "
        "spoke in Brussels, Belgium, where the Council sessions were held.",
        gaz,
    )
    assert (event.published, event.date) == (D(2023, 6, 25), D(2023, 6, 25))


def test_the_recently_concluded_conference_is_the_meeting_reported(gaz):
    event = _event(
        "Customs at the regional conference\n\nJune 13, 2023\n\nThe Bureau took an active part "
        "in the recently concluded regional heads of customs conference held from 28-31 May "
        "2023 in Perth, Australia.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Perth", "AUS")


def test_the_country_visited_beats_a_city_of_a_later_conference(gaz):
    event = _event(
        "WCO supports the UAE\n\n17 October 2019\n\nThe WCO Deputy Secretary General visited "
        "the UAE from 8 to 11 October 2019 to meet the heads of its customs. They also "
        "discussed the AEO Conference that will be held in Dubai in 2020.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "ARE")


@pytest.mark.parametrize(
    ("published", "said", "start"),
    [
        ("10 de mayo de 2022", "del 23 al 25 de junio pasado", D(2021, 6, 23)),
        ("10 de agosto de 2022", "del 23 al 25 de junio pasado", D(2022, 6, 23)),
        ("10 mai 2022", "du 23 au 25 juin dernier", D(2021, 6, 23)),
    ],
    ids=["pasado-last-year", "pasado-this-year", "dernier"],
)
def test_a_month_the_text_calls_past_is_before_the_publication(published, said, start, gaz):
    event = _event(f"La Aduana en el Consejo\n\n{published}\n\nEl Director participó {said}.", gaz)
    assert event.date == start


def test_a_post_line_with_its_sections_and_comments(gaz):
    event = _event(
        "Uganda hosts the regional council\n\nPosted on May 11, 2017 in Business, News, Uganda "
        "| 0 comments\n\nDelegates of the region are in Uganda for the two-day Governing "
        "Council, opened at a lakeside resort by the Commissioner General.",
        gaz,
    )
    assert (event.published, event.city, event.iso3) == (D(2017, 5, 11), "", "UGA")


@pytest.mark.parametrize(
    "report",
    [
        "Chair of the WCO Council\n\ndate 2019-06-29\n\nUganda's customs head was elected "
        "Chairperson of the WCO Council. The Council met in Brussels, Belgium from 27 to 29 "
        "June 2019.",
        "Cruise ships group meets\n\n30 November 2019\n\nThe WCO's working group on cruise "
        "ships held its first meeting in Brussels on 27 November 2019.",
    ],
    ids=["council", "working-group"],
)
def test_a_body_of_the_wco_meeting_in_brussels_is_global(report, gaz):
    assert _event(report, gaz).region == "Global"


def test_a_date_glued_to_the_text_by_a_lost_dash(gaz):
    event = _event(
        "Training centre opens in Jordan\n\n• February 24, 2015\n\nFebruary 24, 2015?On "
        "February 19, the WCO Secretary General attended the opening of a regional training "
        "centre in Amman.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (D(2015, 2, 24), D(2015, 2, 19), "JOR")


@pytest.mark.parametrize(
    ("town", "city", "iso3"),
    [
        ("Ezulwini", "Ezulwini", "SWZ"),
        ("the Dead Sea", "Dead Sea", "JOR"),
        ("Tsaghkadzor", "Tsaghkadzor", "ARM"),
        ("Rubavu", "Rubavu", "RWA"),
        ("Nosy Be", "Nosy Be", "MDG"),
        ("Sun City", "Sun City", "ZAF"),  # the resort town, not Arizona's
        ("Sun City, USA", "Sun City", "USA"),
    ],
)
def test_resort_towns_and_districts_the_gazetteer_lacked(town, city, iso3, gaz):
    event = _event(
        f"Regional workshop\n\n9 June 2016\n\nThe workshop was held in {town} from 6 to 8 June "
        "2016 for twenty administrations.",
        gaz,
    )
    assert (event.city, event.iso3) == (city, iso3)


def test_the_region_of_a_meeting_on_the_heels_of_another_regions_meeting(gaz):
    event = _event(
        "WCO chief in Kenya\n\n5 February 2020\n\nKunio Mikuriya, the WCO Secretary General, "
        "visited Kenya on 3 and 4 February 2020, on the heels of the recently concluded "
        "workshop for the Middle East and North Africa held in Riyadh, Saudi Arabia.",
        gaz,
    )
    assert (event.iso3, event.region) == ("KEN", "East and Southern Africa")


def test_a_resort_named_alone_gives_no_venue_rather_than_a_wrong_one(gaz):
    event = _event(
        "Heads of customs meet\n\n12 May 2016\n\nHeads of customs of the region met at the "
        "Leela Kempinski Resort & Spa from 3 to 5 May 2016 to adopt the regional plan.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "")


def test_the_weekday_named_with_a_yearless_day_picks_its_year(gaz):
    # 19 November is a Wednesday in 2025, not in 2024; the page names only May 2025.
    event = _event(
        "Experts meet in Dakar\n\nLa 31e réunion du Comité des experts se tient en ce moment à "
        "Dakar. La cérémonie d'ouverture a eu lieu ce mercredi, 19 novembre.\n\nElle suit la "
        "Conférence des Directeurs généraux, tenue en mai 2025 à Kinshasa.",
        gaz,
    )
    assert (event.date, event.city) == (D(2025, 11, 19), "Dakar")


@pytest.mark.parametrize(
    ("sentence", "city", "iso3"),
    [
        ("Sous l'égide de l'OMD, Dakar a abrité la rencontre régionale du 12 au 16 octobre 2015.",
         "Dakar", "SEN"),
        ("El Hotel Nacional fue el escenario el 21 de mayo de 2019 de la conferencia, que sigue "
         "hasta el viernes en La Habana.", "Havana", "CUB"),
        ("The workshop was held in Guangzhou, P. R. China, from 19 to 22 May 2015.", "Guangzhou",
         "CHN"),
    ],
    ids=["a-abrite", "la-habana", "p-r-china"],
)  # fmt: skip
def test_more_ways_real_pages_name_the_venue(sentence, city, iso3, gaz):
    event = _event(f"Regional meeting\n\n{sentence}", gaz)
    assert (event.city, event.iso3) == (city, iso3)


def test_a_wire_dateline_ended_by_its_source_and_a_meeting_opening_tomorrow(gaz):
    event = _event(
        "Caribbean customs conference opens tomorrow\n\n2019-05-21 07:54:37\n\nLa Habana, 21 may "
        "(RHC) La XLI Conferencia Anual del Consejo comenzará mañana sus sesiones en el Hotel "
        "Nacional, hasta el próximo viernes.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2019, 5, 21), D(2019, 5, 22), "Havana")


def test_the_arab_league_seat_written_lil_jamia_is_in_cairo(gaz):
    event = _event(
        "اجتماع مدراء الجمارك\n\nعقد مدراء الجمارك بالمنطقة اجتماعهم الـ ٤١ بمقر الأمانة العامة "
        "للجامعة العربية برئاسة رئيس الجمارك بمملكة البحرين.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Cairo", "EGY")


def test_a_russian_meeting_said_in_the_present_beats_the_countries_of_the_title(gaz):
    event = _event(
        "Главы таможен Беларуси, Украины и Молдовы подписали заявление\n\nВ Одессе проходит "
        "рабочая встреча руководителей таможенных служб Беларуси, Украины и Молдовы.",
        gaz,
    )
    assert event.iso3 == "UKR"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "The heads of customs met in the coastal city of Mombasa on 1 and 2 March 2023.",
            ("Mombasa", "KEN"),
        ),
        (
            "The meeting took place on 1 and 2 March 2023 on the island city of Penang in the north "
            "of the country.",
            ("George Town", "MYS"),
        ),
        (
            "The meeting was held on 1 and 2 March 2023. The Director General welcomed all the "
            "delegates to Colombo.",
            ("Colombo", "LKA"),
        ),
    ],
    ids=["city-of", "island-city-of", "welcomed-delegates-to"],
)
def test_a_city_said_as_the_city_of_or_where_delegates_were_welcomed(sentence, place, gaz):
    event = _event(f"Customs heads meet\n\n3 March 2023\n\n{sentence}", gaz)
    assert (event.city, event.iso3) == place


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        (
            "Kochi hosting conference of customs heads\n\n8 May 2019\n\nThe heads of customs of the "
            "region arrived on Tuesday for their three-day conference.",
            "IND",
        ),
        (
            "Bolivia played host to the conference of heads of customs from 8 to 10 March 2016.",
            "BOL",
        ),
        (
            "República Dominicana será sede de la reunión de directores de aduanas del 15 al 19 de "
            "mayo de 2023.",
            "DOM",
        ),
    ],
    ids=["title-hosting", "played-host-to", "es-sera-sede"],
)
def test_a_place_that_hosts_in_other_words(text, iso3, gaz):
    event = _event(text if "\n" in text else f"Customs heads meet\n\n12 March 2016\n\n{text}", gaz)
    assert event.iso3 == iso3


def test_a_weekday_before_the_verb_that_opened_a_meeting_of_some_days(gaz):
    # 20 March 2017 was a Monday: a three-day meeting opened that day ends on the Wednesday
    event = _event(
        "Customs chiefs meet\n\nKAMPALA, March 20, 2017 (Agency) -- East African customs chiefs "
        "on Monday opened a three-day meeting on a regional single window.",
        gaz,
    )
    assert (event.date, event.end_date) == (D(2017, 3, 20), D(2017, 3, 22))


def test_a_length_in_digits_or_over_some_days(gaz):
    # 12 October 2017 was a Thursday: opened on the Wednesday, for three days
    fr = _event(
        "Réunion régionale\n\n12 octobre 2017\n\nLa réunion des correspondants de la région a été "
        "ouverte, mercredi à Conakry, et verra pendant 3 jours des discussions.",
        gaz,
    )
    assert (fr.date, fr.end_date, fr.city) == (D(2017, 10, 11), D(2017, 10, 13), "Conakry")
    en = _event(
        "Regional meeting\n\n12 October 2017\n\nCustoms heads on Wednesday opened their meeting "
        "in Conakry, Guinea, which runs over three days.",
        gaz,
    )
    assert (en.date, en.end_date) == (D(2017, 10, 11), D(2017, 10, 13))


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("05/ أبريل 2021م", D(2021, 4, 5)),  # a slash after the day, the era letter
        ("بيروت ٣ أبريل ٢٠٢١", D(2021, 4, 3)),  # a city and the date, no comma
        ("بيروت، 3 أبريل 2021", D(2021, 4, 3)),  # the Arabic comma
    ],
    ids=["slash-era", "city-no-comma", "arabic-comma"],
)
def test_arabic_date_lines_give_the_year_of_a_meeting_day_without_one(line, published, gaz):
    event = _event(
        f"Customs chiefs meet\n\n{line}\n\nThe heads of customs of the region met in Beirut, "
        "Lebanon on 2 April to review their regional plan.",
        gaz,
    )
    assert (event.published, event.date, event.iso3) == (published, D(2021, 4, 2), "LBN")


def test_a_page_section_before_publie_le_is_no_place(gaz):
    event = _event(
        "Atelier douanier\n\nPolitique Publié le jeudi 6 juin 2019 |\n\nUn atelier régional "
        "sur la valeur en douane se tient du 3 au 7 juin à Lomé, Togo.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2019, 6, 6), D(2019, 6, 3), "Lomé")


def test_this_meeting_online_beats_the_organisers_country(gaz):
    event = _event(
        "Contact points meet\n\n10 June 2021\n\nThe Asia/Pacific contact points meeting was held "
        "in Thailand on 8 and 9 June 2021. Because of the pandemic the meeting was held by video "
        "conference.",
        gaz,
    )
    assert (event.virtual, event.iso3, event.region) == (True, "", "Asia/Pacific")


def test_a_country_held_in_person_stays_the_venue(gaz):
    # Only an online sentence about the meeting itself drops the venue.
    event = _event(
        "Contact points meet\n\n10 June 2021\n\nThe regional contact points meeting was held in "
        "Thailand on 8 and 9 June 2021. Officers later followed webinars on risk.",
        gaz,
    )
    assert (event.virtual, event.iso3) == (False, "THA")


def test_customs_of_a_list_of_countries_is_no_place(gaz):
    event = _event(
        "Audit exchange\n\n4 May 2023\n\nFrom 24 to 26 April 2023 WCO Headquarters hosted a "
        "meeting on audit.\n\nCustoms of Armenia, Ghana, Peru and Chile took part.",
        gaz,
    )
    assert (event.city, event.iso3, event.region) == ("Brussels", "BEL", "Global")


def test_a_lower_case_adjective_administration_hosts(gaz):
    event = _event(
        "Valuation workshop\n\n2 July 2018\n\nThe rwandan administration hosted a regional "
        "workshop on valuation from 25 to 29 June 2018.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "RWA")


def test_the_day_a_body_reported_is_not_the_meetings(gaz):
    event = _event(
        "Committee sessions\n\nOn 2 April 2024, the WCO announced that from 18 to 22 March 2024 "
        "the Harmonized System Committee met in Brussels, Belgium.",
        gaz,
    )
    assert (event.date, event.end_date) == (D(2024, 3, 18), D(2024, 3, 22))


def test_a_dash_before_the_datelines_date(gaz):
    event = _event(
        "Experts meet\n\nKigali, Rwanda – June 4, 2024- Customs experts today opened a meeting "
        "on transit.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2024, 6, 4), D(2024, 6, 4), "Kigali")


def test_a_bylines_place_is_where_the_report_was_filed_from(gaz):
    event = _event(
        "Officials meet on data\n\nFrom Amina Yusuf, Kano\n\nCustoms officials of the region met "
        "on 3 May 2022 at the headquarters of the service.",
        gaz,
    )
    assert (event.title, event.city, event.iso3) == ("Officials meet on data", "Kano", "NGA")


def test_an_aggregators_dateline_with_its_date_in_the_sources_bracket(gaz):
    event = _event(
        "Customs meeting opens\n\nMUSCAT, (Daily Desk / Regional Wire / ONA - 2nd Feb, 2021) "
        "Customs officials of the region today began a meeting on transit.",
        gaz,
    )
    assert (event.published, event.date, event.city) == (D(2021, 2, 2), D(2021, 2, 2), "Muscat")


@pytest.mark.parametrize(
    "sentence",
    [
        "Our delegation attended the 141st/142nd sessions of the WCO Council from 22 to 24 June "
        "2023.",
        "Nos délégués ont pris part aux sessions du Conseil de l'OMD du 22 au 24 juin 2023.",
    ],
    ids=["en", "fr"],
)
def test_the_councils_sessions_sit_at_headquarters(sentence, gaz):
    event = _event(f"Council sessions\n\n30 June 2023\n\n{sentence}", gaz)
    assert (event.city, event.iso3, event.region) == ("Brussels", "BEL", "Global")


def test_a_regions_governing_council_is_not_the_wco_council(gaz):
    event = _event(
        "Governing Council\n\n30 June 2023\n\nDelegates attended the sessions of the ESA "
        "Governing Council from 22 to 24 June 2023.",
        gaz,
    )
    assert event.iso3 == ""


@pytest.mark.parametrize(
    ("lead", "region"),
    [
        ("The Secretary General received a high-level delegation of the Government of Lao PDR "
         "on 3 May 2022 at WCO headquarters in Brussels.", "Asia/Pacific"),
        ("The Secretary General received a delegation from Senegal on 3 May 2022 at WCO "
         "headquarters in Brussels.", "West and Central Africa"),
        ("Delegates from Senegal joined a workshop on 3 May 2022 at WCO headquarters in "
         "Brussels.", "Global"),  # not a delegation received: a meeting at headquarters
    ],
    ids=["government-of", "from", "no-delegation"],
)  # fmt: skip
def test_a_delegation_received_at_headquarters_gives_its_countrys_region(lead, region, gaz):
    event = _event(f"Meeting at the WCO\n\n5 May 2022\n\n{lead}", gaz)
    assert (event.iso3, event.region) == ("BEL", region)


def test_an_online_meetings_region_is_its_organisers(gaz):
    event = _event(
        "Online seminar\n\n12 May 2022\n\nA seminar on data was held online on 10 May 2022, "
        "organized by Thai Customs.",
        gaz,
    )
    assert (event.virtual, event.iso3, event.region) == (True, "", "Asia/Pacific")
