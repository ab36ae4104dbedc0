"""A visitor's title that names their country ("the head of the South African Revenue
Service") is not the place of the visit: the administration or city visited is."""

import pytest

from tests.extract.reading import read_event


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Visit to China Customs\n\nThe Commissioner of the South African Revenue Service "
            "visited the General Administration of China Customs on 16 May 2019.",
            "",
        ),
        (
            "南非税务局局长访问海关总署\n\n2019年5月16日，海关总署署长在京会见南非税务局局长一行。",
            "Beijing",
        ),
        (
            "南非税务局局长访问海关总署\n\n2019年5月16日，南非税务局局长在北京访问海关总署。",
            "Beijing",
        ),
    ],
    ids=["en-administration-visited", "zh-in-the-capital", "zh-in-beijing"],
)
def test_the_place_visited_beats_the_visitor_s_country(text, city, gaz):
    event = read_event(text, gaz)
    assert (event.city, event.iso3, event.region) == (city, "CHN", "Asia/Pacific")


def test_a_country_s_administration_visited_without_a_title_stays_a_place(gaz):
    event = read_event("访问南非海关\n\n2019年5月16日，代表团访问南非海关。", gaz)
    assert event.iso3 == "ZAF"
