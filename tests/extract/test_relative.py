"""Dates said relative to the publication day, read against it."""

import datetime as dt

import pytest

from analytics.extract.dates import find_meeting_dates
from analytics.extract.relative import with_relative
from tests.extract.reading import read_event

D = dt.date
PUBLISHED = D(2019, 10, 9)  # a Wednesday


def _dates(sentence: str, published=PUBLISHED):
    spans = with_relative(sentence, find_meeting_dates(sentence, published), published)
    return [(s.start, s.end) for s in spans]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The forum opened today in Yalta.", [(PUBLISHED, None)]),
        ("Les délégués se sont réunis hier à Tunis.", [(D(2019, 10, 8), None)]),
        ("La reunión se celebró ayer en Lima.", [(D(2019, 10, 8), None)]),
        ("The heads of customs convened on Tuesday.", [(D(2019, 10, 8), None)]),
        ("Last Friday the experts met in Cairo.", [(D(2019, 10, 4), None)]),
        ("انطلقت صباح اليوم أعمال الاجتماع", [(PUBLISHED, None)]),
        ("اختتمت أمس الأول اجتماعات اللجنة", [(D(2019, 10, 7), None)]),
        ("会议今天在北京开幕", [(PUBLISHED, None)]),
    ],
)
def test_relative_dates(sentence, expected):
    assert _dates(sentence) == expected


def test_today_until_a_date_is_one_range():
    assert _dates("The seminar opened today and will continue until 11 October.") == [
        (PUBLISHED, D(2019, 10, 11))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took place in Santo Domingo on 14 May 2019.",  # a city, not Sunday
        "Today's challenges were discussed on 3 October 2019.",
        "Posted 7 months ago.",
        "The Council met on Tuesday 8 October 2019.",  # an absolute date with its weekday
    ],
)
def test_words_that_are_no_relative_date(sentence):
    assert all(
        s.relative is False
        for s in with_relative(sentence, find_meeting_dates(sentence, PUBLISHED), PUBLISHED)
    )


def test_without_a_publication_date_nothing_relative_is_read():
    assert _dates("The forum opened today.", published=None) == []


def test_weekdays_before_an_absolute_date_are_its_weekdays():
    sentence = "The meeting was held on Thursday and Friday, 2 and 3 February, in Washington."
    assert _dates(sentence, published=D(2012, 2, 14)) == [(D(2012, 2, 2), D(2012, 2, 3))]


@pytest.mark.parametrize(
    "body",
    [
        "A national workshop on risk management began yesterday in Vientiane for customs "
        "officers. It belongs to a regional project launched in March 2017 in Bangkok. During "
        "the workshop in Vientiane, officers select consignments for inspection.",
        "The regional project on risk management, launched in March 2017 in Bangkok, now comes "
        "to Laos. A national workshop began yesterday in Vientiane for customs officers. During "
        "the workshop in Vientiane, officers select consignments for inspection.",
    ],
    ids=["other-event-after", "other-event-first"],
)
def test_a_day_said_by_an_undated_report_takes_no_other_event_s_date(body, gaz):
    event = read_event(f"Risk management workshop\n\n{body}", gaz)
    assert (event.date, event.city, event.iso3) == (None, "Vientiane", "LAO")


def test_a_day_said_by_a_dated_report_is_read_against_its_date(gaz):
    event = read_event(
        "Risk management workshop\n\n14 May 2019\n\nA national workshop on risk management began "
        "yesterday in Vientiane. It belongs to a project launched in March 2017 in Bangkok.",
        gaz,
    )
    assert (event.date, event.iso3) == (dt.date(2019, 5, 13), "LAO")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The meeting will be opened on Friday by the Minister.", D(2019, 10, 11)),
        ("The Council is going to be held on Monday.", D(2019, 10, 14)),
        ("The workshop is due to start on Friday.", D(2019, 10, 11)),
        ("The workshop opened on Friday.", D(2019, 10, 4)),  # said in the past: the last one
    ],
    ids=["will-be", "going-to-be", "due-to", "past"],
)
def test_a_weekday_said_in_the_future_is_the_coming_one(sentence, expected):
    assert _dates(sentence) == [(expected, None)]


@pytest.mark.parametrize(
    "body",
    [
        "Le projet régional, lancé en mars 2017 à Dakar, arrive au Mali. Un atelier national "
        "a débuté hier à Bamako pour les agents des douanes.",
        "El proyecto regional, lanzado en marzo de 2017 en Dakar, llega a Malí. Un taller "
        "nacional comenzó ayer en Bamako para funcionarios de aduanas.",
    ],
    ids=["french", "spanish"],
)
def test_a_day_said_in_french_or_spanish_by_an_undated_report_takes_no_other_date(body, gaz):
    event = read_event(f"Atelier national\n\n{body}", gaz)
    assert (event.date, event.iso3) == (None, "MLI")


def test_a_city_said_again_in_french_is_counted_under_its_french_name(gaz):
    # "Alger" twice beats "Tunis" once, as "Algiers" twice would in English
    event = read_event(
        "Séminaire et atelier\n\nUn séminaire sur le projet s'est tenu à Tunis. Un atelier "
        "national s'est tenu à Alger pour les agents. Pendant l'atelier à Alger, les agents "
        "ont étudié le transit.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Algiers", "DZA")
