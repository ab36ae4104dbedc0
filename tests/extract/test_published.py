"""Publication dates as real pages write them: six languages, datelines, metadata, clocks."""

import datetime as dt

import pytest

from analytics.extract.datelines import dateline
from analytics.extract.published import (
    leading_date,
    parse_date,
    published_from_lines,
    signed_by,
)

D = dt.date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15 марта 2017", D(2017, 3, 15)),
        ("09 六月 2016", D(2016, 6, 9)),
        ("2019年4月26日", D(2019, 4, 26)),
        ("15 مارس 2017", D(2017, 3, 15)),
        ("١٥ مارس ٢٠١٧", D(2017, 3, 15)),
        ("02 febrero 2022", D(2022, 2, 2)),
        ("News February 27, 2023", D(2023, 2, 27)),
        ("2025-08-25 23:28", D(2025, 8, 25)),
        ("22:08, November 24, 2011", D(2011, 11, 24)),
        ("2024-02-28 (Gulf Wire Service)", D(2024, 2, 28)),
        ("21.09.07", D(2007, 9, 21)),
        ("03 - 02 - 2019 12:00 138", D(2019, 2, 3)),
        ("Note dated 14 October 2016", D(2016, 10, 14)),
        ("Summary issued 2 July 2018", D(2018, 7, 2)),
        ("Accra, 7th November 2015", D(2015, 11, 7)),
        ("Ереван, 21 мая 2014 года", D(2014, 5, 21)),
        ("Posted: 09/11/2020 08:40 | Customs news", D(2020, 11, 9)),
        ("Thursday, March 8, 2018 | Gulf News Service", D(2018, 3, 8)),
        ("Harare, Zimbabwe | Friday, 7 June 2019", D(2019, 6, 7)),
        ("Posted on 5th July 2019 by Webmaster", D(2019, 7, 5)),
        ("05 Jul 2019, 09:40 GMT+2", D(2019, 7, 5)),
        ("July 5, 2019 at 9:40 am", D(2019, 7, 5)),
        ("الجمعة 2 ذو القعدة 1440 هـ - 5 يوليو 2019", D(2019, 7, 5)),
        ("Written by Webmaster on 05 July 2019", D(2019, 7, 5)),
        ("Viernes, 5 de julio de 2019 - 09:40 h", D(2019, 7, 5)),
        ("Mis à jour le 05/07/2019 à 09:40", D(2019, 7, 5)),
        ("来源：海关总署 2019-07-05", D(2019, 7, 5)),
    ],
)
def test_date_lines_in_every_site_language_and_form(line, expected):
    assert published_from_lines(["A title", line, "Body text."]) == (expected, 1)


@pytest.mark.parametrize(
    "line", ["TODAY IS WEDNESDAY, MARCH 20, 2019, 7:23:11 PM", "7 months ago", "il y a 3 jours"]
)
def test_page_clocks_and_ages_are_not_publication_dates(line):
    assert published_from_lines(["A title", line, "Body text."]) == (None, -1)


def test_a_date_before_the_text_of_a_line():
    assert leading_date("date 2024-02-28 The delegates met in Amman.") == (
        D(2024, 2, 28),
        "The delegates met in Amman.",
    )
    assert leading_date("The delegates met on 2024-02-28.") == (
        None,
        "The delegates met on 2024-02-28.",
    )


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        ("Brussels, 28 June 2022 (TDI): Experts met.", D(2022, 6, 28), "Brussels – Experts met."),
        (
            "Amman, Mar. 3 (Agency) -- Heads met on Tuesday.",
            D(2019, 3, 3),
            "Amman – Heads met on Tuesday.",
        ),
        ("Dakar, le 3 mai 2017 – La réunion", D(2017, 5, 3), "Dakar – La réunion"),
    ],
)
def test_datelines_give_the_filing_date_and_keep_the_place(line, date, rest):
    assert dateline(line, years=(2019,)) == (date, rest)


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        ("NIAMEY, 9 juin (Agence) - Les douaniers", D(2019, 6, 9), "NIAMEY – Les douaniers"),
        ("Kampala, June 4 - Officials", D(2019, 6, 4), "Kampala – Officials"),
        ("PORT LOUIS, Mauritius, Aug. 2 (Wire) - Heads", D(2019, 8, 2),
         "PORT LOUIS, Mauritius – Heads"),
        ("Asunción, 8 jun (Agencia).- Los directores", D(2019, 6, 8), "Asunción – Los directores"),
        ("Quito, 5 de junio de 2018 (Agencia).- Los", D(2018, 6, 5), "Quito – Los"),
        ("DOHA, 2nd March, 2018 (Agency) -- Heads", D(2018, 3, 2), "DOHA – Heads"),
    ],
)  # fmt: skip
def test_wire_datelines_without_a_year_or_an_agency(line, date, rest):
    assert dateline(line, years=(2019,)) == (date, rest)


def test_a_yearless_dateline_takes_the_likely_year_its_weekday_fits():
    # 12 June is a Wednesday in 2019, a Friday in 2020.
    line = "Windhoek, June 12 (Agency) - The workshop closed on Wednesday."
    assert dateline(line, years=(2020, 2019, 2021))[0] == D(2019, 6, 12)
    assert dateline("Windhoek, June 12 (Agency) - It closed.", years=(2020, 2019))[0] == (
        D(2020, 6, 12)
    )
    # no year to read the day in: the place is kept as a dateline's, the day as text
    assert dateline(line, years=()) == (
        None,
        "Windhoek – June 12 – The workshop closed on Wednesday.",
    )


@pytest.mark.parametrize(
    "line",
    [
        "The meeting opened in Lusaka on May 5 - six delegations came.",
        "Lusaka, 5-7 May: the workshop on valuation",
    ],
)
def test_a_sentence_with_a_date_is_not_a_yearless_dateline(line):
    assert dateline(line, years=(2019,)) == (None, line)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Bangui, le 19 mars 2019", "Bangui"),
        ("Kingston, Jamaica, May 16, 2024", "Kingston, Jamaica"),
        ("Note dated 22 March 2019", ""),
        ("WCO News, 20 June 2018", ""),
        ("Tuesday, January 10, 2012 | News Agency", ""),
        ("Harare, Zimbabwe | Friday, 7 June 2019", "Harare, Zimbabwe"),
        ("Par la rédaction | 12 mars 2019", ""),
        ("Mon, 03/02/2020 - 10:15", ""),
    ],
)
def test_the_place_a_date_line_is_signed_with(line, place):
    assert signed_by(line) == place


def test_parse_date_reads_arabic_indic_digits_and_rejects_ages():
    assert parse_date("٢٨/٠٦/٢٠٢٢") == D(2022, 6, 28)
    assert parse_date("3 years ago") is None


def test_a_date_before_a_metadata_line():
    assert leading_date("November 25,2011 Editor: News desk | Source: wire") == (
        D(2011, 11, 25),
        "",
    )
    assert leading_date("3 May 2017 The delegates met in Lima.") == (
        None,
        "3 May 2017 The delegates met in Lima.",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [("24 εδΈ€ζœˆ 2015", dt.date(2015, 11, 24)), ("03 δΈ‰ζœˆ 2018", dt.date(2018, 3, 3))],
    ids=["november", "march"],
)
def test_a_chinese_month_misdecoded_in_a_date_line(line, expected):
    # 十一月 and 三月 as UTF-8 bytes read as Greek and Western code pages
    assert published_from_lines([line]) == (expected, 0)
