"""Weeks and months said relative to the publication, on reports we wrote."""

import datetime as dt
import json

import pytest

from tests.extract.reading import read_event

D = dt.date
# 2 September 2019 is a Monday: "next week" starts on Monday 9 September
HEAD = "Regional meeting ahead\n\n2 September 2019\n\n"


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Customs heads will meet early next week in Bangkok, Thailand.", D(2019, 9, 9)),
        (
            "Les douanes de la région se réuniront la semaine prochaine à Dakar, au Sénégal.",
            D(2019, 9, 9),
        ),
        ("A regional workshop will take place later this month in Nairobi, Kenya.", D(2019, 9, 1)),
        ("The heads of customs will convene next month in Vilnius, Lithuania.", D(2019, 10, 1)),
        ("Los directores se reunieron el mes pasado en Lima, Perú.", D(2019, 8, 1)),
    ],
    ids=[
        "early-next-week",
        "fr-semaine-prochaine",
        "later-this-month",
        "next-month",
        "es-mes-pasado",
    ],
)
def test_a_week_or_month_said_relative_to_the_publication(sentence, start, gaz):
    event = read_event(HEAD + sentence, gaz)
    assert (event.date, event.end_date) == (start, None)
    assert json.loads(event.provenance)["date"] == sentence


def test_a_day_the_report_gives_beats_its_month(gaz):
    event = read_event(
        HEAD + "The heads of customs will convene next month in Vilnius, Lithuania. They will "
        "meet on 8 and 9 October 2019.",
        gaz,
    )
    assert (event.date, event.end_date) == (D(2019, 10, 8), D(2019, 10, 9))
