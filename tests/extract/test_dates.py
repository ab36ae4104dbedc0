"""Dates in report text: date lines, meeting date forms, years read from the report."""

import datetime as dt

import pytest

from analytics.extract.dates import find_meeting_dates
from analytics.extract.published import parse_date, published_from_lines

D = dt.date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24 abril 2017", D(2017, 4, 24)),
        ("12 mars 2015", D(2015, 3, 12)),
        ("19 May 2017", D(2017, 5, 19)),
        ("2019-01-31", D(2019, 1, 31)),
        ("Published: 3 February 2020", D(2020, 2, 3)),
        ("**Date:** 2018-07-02", D(2018, 7, 2)),
    ],
)
def test_published_date_lines(line, expected):
    assert published_from_lines(["A title", line, "Body text."]) == (expected, 1)


def test_a_sentence_is_not_a_date_line():
    assert published_from_lines(["A title", "The meeting was on 3 May 2017 in Rome."]) == (
        None,
        -1,
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("held in Havana (Cuba) on 15 and 16 May 2017", D(2017, 5, 15), D(2017, 5, 16)),
        ("on 6 and 7 April 2017", D(2017, 4, 6), D(2017, 4, 7)),
        ("from 3 to 5 March", D(2017, 3, 3), D(2017, 3, 5)),
        ("on 1 February 2022", D(2022, 2, 1), None),
        ("from 30 November to 2 December 2021", D(2021, 11, 30), D(2021, 12, 2)),
        ("on 27–29 June", D(2017, 6, 27), D(2017, 6, 29)),
        ("du 12 au 14 juin 2013", D(2013, 6, 12), D(2013, 6, 14)),
        ("del 3 al 5 de marzo de 2015", D(2015, 3, 3), D(2015, 3, 5)),
        ("on March 3-5, 2015", D(2015, 3, 3), D(2015, 3, 5)),
        # weekdays before the days, a comma before the month
        ("from Tuesday 14 to Thursday 16, November 2017", D(2017, 11, 14), D(2017, 11, 16)),
    ],
)
def test_meeting_date_forms(text, start, end):
    span = find_meeting_dates(text, D(2017, 7, 1))[0]
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("decorreu nos dias 9 e 10 de outubro de 2018 na Beira", D(2018, 10, 9), D(2018, 10, 10)),
        ("teve lugar entre os dias 21 e 23 de novembro", D(2016, 11, 21), D(2016, 11, 23)),
        ("realizou-se de 4 a 6 de abril de 2017 em Luanda", D(2017, 4, 4), D(2017, 4, 6)),
        ("se celebró entre el 8 y el 10 de junio en Quito", D(2017, 6, 8), D(2017, 6, 10)),
        ("s'est tenue entre le 2 et le 4 février à Niamey", D(2017, 2, 2), D(2017, 2, 4)),
        ("si è svolto dal 18 al 20 settembre 2016 a Roma", D(2016, 9, 18), D(2016, 9, 20)),
        ("il 7 e 8 marzo 2017", D(2017, 3, 7), D(2017, 3, 8)),
    ],
)
def test_ranges_in_other_languages_start_on_their_first_day(text, start, end):
    """The connector ("e", "y el", "et le") is part of the range: missing it would read the
    range's last day alone, a day or more late."""
    spans = find_meeting_dates(text, D(2017, 7, 1))
    assert [(s.start, s.end) for s in spans] == [(start, end)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("关长于六月二十七日至二十九日率团出席会议", D(2017, 6, 27), D(2017, 6, 29)),
        ("会议今日(十月二十五日)闭幕", D(2016, 10, 25), None),
        ("二○一九年三月十日举行", D(2019, 3, 10), None),
        ("十二月三日至五日", D(2016, 12, 3), D(2016, 12, 5)),
    ],
)
def test_dates_in_chinese_numerals(text, start, end):
    spans = find_meeting_dates(text, D(2017, 7, 1))
    assert [(s.start, s.end) for s in spans] == [(start, end)]


def test_year_from_publication_crosses_new_year():
    span = find_meeting_dates("held on 28 and 29 December", D(2018, 1, 4))[0]
    assert span.start == D(2017, 12, 28)


def test_parse_date_rejects_nonsense():
    assert parse_date("not a date") is None
    assert parse_date("2019-02-30") is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("с 23 по 24 апреля 2015 года", D(2015, 4, 23), D(2015, 4, 24)),
        ("于2019年4月26日举行", D(2019, 4, 26), None),
        ("5月28日至31日在布鲁塞尔", D(2017, 5, 28), D(2017, 5, 31)),
        ("يومي 15 و 16 مارس 2017", D(2017, 3, 15), D(2017, 3, 16)),
        ("في ١٥ آذار ٢٠١٧", D(2017, 3, 15), None),
        ("on 23rd & 24th May 2024", D(2024, 5, 23), D(2024, 5, 24)),
        ("from the 18th to the 20th November 2014", D(2014, 11, 18), D(2014, 11, 20)),
        ("le 16novembre 2019", D(2019, 11, 16), None),
        ("on 28/06/2022", D(2022, 6, 28), None),
        ("on 06/28/2022", D(2022, 6, 28), None),
        ("on 2022.06.28", D(2022, 6, 28), None),
        ("on Feb. 28 in Amman", D(2017, 2, 28), None),
    ],
)
def test_dates_in_other_languages_and_forms(text, start, end):
    span = find_meeting_dates(text, D(2017, 7, 1))[0]
    assert (span.start, span.end) == (start, end)


def test_version_numbers_are_not_dates():
    assert find_meeting_dates("Release 2.5.1 of the system, page 12/3", D(2017, 7, 1)) == []
