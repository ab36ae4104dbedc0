"""Ordinary words the city tables list as a town's name are never read as a place."""

import pytest

from analytics.extract.scripts import script_places
from tests.extract.reading import read_event


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت دولة الإمارات العربية المتحدة التزامها",  # "the State of the UAE"
        "وافتتح مجلس إدارة الجديدة أعماله",  # "the new"
        "Совет таможенного сотрудничества одобрил план",  # "the Council"
        "Порт и Новый терминал",  # "port", "new"
        "中心与合作",  # "centre", "cooperation"
    ],
    ids=["ar-state", "ar-new", "ru-council", "ru-port-new", "zh-centre-cooperation"],
)
def test_a_common_word_in_another_script_names_no_town(text):
    assert [p.city for p in script_places(text) if p.city] == []


def test_the_state_of_the_emirates_is_no_town_in_india(gaz):
    event = read_event(
        "ورشة عمل حول المخاطر\n\nأكدت دولة الإمارات العربية المتحدة أن دولة الإمارات استضافت ورشة عمل "
        "حول إدارة المخاطر يومي 4 و5 مارس 2024.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "")  # no place named: no venue, never Dhule


@pytest.mark.parametrize("word", ["Centro", "Union", "Central", "Federal", "Port", "Puerto"])
def test_a_common_latin_word_is_no_town(word, gaz):
    assert gaz.city(word) is None


def test_a_city_named_in_full_stays_a_city(gaz):
    assert (gaz.city("Port Louis").iso3, gaz.city("Porto").iso3) == ("MUS", "PRT")
