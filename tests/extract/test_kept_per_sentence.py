"""What extraction keeps per sentence, line or phrase depends on nothing else: the same
sentence in another report is read against that report's own year and publication date."""

import datetime as dt

import pytest

from analytics.extract.dates import find_meeting_dates
from analytics.extract.places import gazetteer
from analytics.extract.relative import with_relative
from analytics.extract.text import strip_boilerplate
from analytics.settings import Settings

D = dt.date


def _dates(sentence: str, published: dt.date) -> list[tuple[dt.date, dt.date | None]]:
    spans = with_relative(sentence, find_meeting_dates(sentence, published), published)
    return [(s.start, s.end) for s in spans]


def test_the_same_sentence_takes_each_reports_year():
    sentence = "The experts met in Lima from 6 to 8 July."
    assert _dates(sentence, D(2019, 9, 1)) == [(D(2019, 7, 6), D(2019, 7, 8))]
    assert _dates(sentence, D(2021, 9, 1)) == [(D(2021, 7, 6), D(2021, 7, 8))]
    assert _dates(sentence, D(2019, 9, 1)) == [(D(2019, 7, 6), D(2019, 7, 8))]
    assert find_meeting_dates(sentence, None) == []  # no year anywhere: no date


def test_the_same_sentence_is_dated_from_each_publication():
    sentence = "The heads of customs convened on Tuesday and closed the session yesterday."
    assert _dates(sentence, D(2019, 10, 9)) == [(D(2019, 10, 8), None), (D(2019, 10, 8), None)]
    assert _dates(sentence, D(2024, 3, 1)) == [(D(2024, 2, 27), None), (D(2024, 2, 29), None)]
    assert with_relative(sentence, [], None) == []


def test_lines_and_phrases_read_again_give_the_same():
    text = "Share this page\n\nDelegates met in Accra.\n\nDelegates met in Accra."
    assert strip_boilerplate(text) == ["Delegates met in Accra.", "Delegates met in Accra."]
    gaz = gazetteer(*Settings().place_tables)
    named = gaz.countries_named("Delegates of Ghana and Kenya met.")
    named.add("XXX")  # a caller's own set: what is kept is not changed by it
    assert gaz.countries_named("Delegates of Ghana and Kenya met.") == {"GHA", "KEN"}


def test_a_gazetteer_keeps_what_a_recurring_text_gives_once(monkeypatch):
    from analytics.extract import places

    gaz = gazetteer(*Settings().place_tables)
    made = []

    def make(g, text):
        made.append(text)
        return len(text)

    assert gaz.kept("test table", "Lima", make, "Lima") == 4
    assert gaz.kept("test table", "Lima", make, "Lima") == 4
    assert gaz.kept("other table", "Lima", make, "Lima!") == 5  # each table its own
    assert made == ["Lima", "Lima!"]
    monkeypatch.setattr(places, "_PHRASES", 1)  # full: emptied before the next one is kept
    assert gaz.kept("test table", "Quito", make, "Quito") == 5
    assert gaz.kept("test table", "Lima", make, "Lima") == 4
    assert made == ["Lima", "Lima!", "Quito", "Lima"]


def test_regions_and_places_with_their_country_are_kept_per_text(monkeypatch):
    from analytics.extract import phrases, region

    gaz = gazetteer(*Settings().place_tables)
    text = "The WCO Europe region met in Goa, India, with the Vice-Chair for Asia/Pacific."
    first = (region._regions_named(gaz, text), region._regions_named(gaz, text, roles=True))
    places = phrases.places_with_country(gaz, [text])
    monkeypatch.setattr(region, "_find_regions", lambda *a: pytest.fail("found again"))
    monkeypatch.setattr(phrases, "_with_country", lambda *a: pytest.fail("found again"))
    assert first == (((4, "Europe"),), ((65, "Asia/Pacific"),))
    assert (region._regions_named(gaz, text), region._regions_named(gaz, text, roles=True)) == first
    assert phrases.places_with_country(gaz, [text]) == places
    assert places["goa"].iso3 == "IND"


def test_date_lines_and_head_lines_are_read_once_per_line():
    from analytics.extract import published, text

    for kept in (published._date_line, published.leading_date, text._may_be_headline):
        kept.cache_clear()
    for _ in range(2):
        assert published._date_line("Nairobi, 1 February 2020") == D(2020, 2, 1)
        assert published.leading_date("date 2024-02-28 The council met") == (
            D(2024, 2, 28),
            "The council met",
        )
        assert not text._may_be_headline("Tuesday, 18 June 2024")
    for kept in (published._date_line, published.leading_date, text._may_be_headline):
        assert kept.cache_info().hits >= 1
