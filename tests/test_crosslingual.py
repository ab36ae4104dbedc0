"""What reports of one meeting share across languages: Latin letters, ordinals, datelines."""

from __future__ import annotations

import pytest

from analytics.crosslingual import day_and_month, latin, ordinals, weekdays


def test_other_scripts_are_written_in_latin_letters_and_latin_ones_left_alone():
    assert latin("Баку, Таможня Норвегии") == "Baku, Tamozhnya Norvegii"
    assert latin("Αθήνα") == "Athina"
    assert latin("القاهرة") == "alqahrh"
    assert latin("Conférence à Bangui, 第24届") == "Conférence à Bangui, 第24届"
    assert latin("the 24th Conference in Bangui") == "the 24th Conference in Bangui"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the 24th Conference", {24}),
        ("la 24e Conférence, la XXIVe session", {24}),
        ("su 35.ª reunión y la 93ª sesión", {35, 93}),
        ("la XII Conferencia Regional", {12}),
        ("24-я конференция", {24}),
        ("第24届会议", {24}),
        ("the Fourth Donor Conference; la quatrième Conférence; la duodécima", {4, 12}),
        ("the 143rd/144th Council Sessions", {143, 144}),
        ("I Conferencia de la OMA, Article 5, 2019, 12.5 %", set()),
        ("on March 13th, the 13th of March, le 1er mars: the 24th Conference", {24}),
        ("Le Secrétaire général, on Monday 3rd and Tuesday 4th February", set()),
        ("la XXIVe Conférence, the X Conference", {24, 10}),
    ],
)
def test_ordinals_are_read_however_each_language_writes_them(text, found):
    assert ordinals(text) == found


def test_a_dateline_without_a_year_gives_its_day_and_month():
    assert day_and_month("BANGUI, March 13 (Agency) - Customs chiefs") == (3, 13)
    assert day_and_month("LUSAKA, 20 mars (Agence) - Les douanes") == (3, 20)
    assert day_and_month("Bangui, le 11 mars 2019 - La conférence") is None
    assert day_and_month("Held on March 13, 2019 in Bangui") is None


def test_the_weekdays_a_wire_names_in_any_language():
    assert weekdays("Customs chiefs opened their conference on Wednesday") == {2}
    assert weekdays("Les directeurs ont ouvert jeudi, arrivés mercredi soir") == {2, 3}
    assert weekdays("Los directores inauguraron el martes su conferencia") == {1}
    assert weekdays("BANGUI, March 13 (Agency) - no day named") == frozenset()
