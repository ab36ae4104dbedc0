"""A capital said without its name, on reports we wrote in the shapes of real pages."""

import pytest

from tests.extract.reading import read_event

HEAD = "Directors General meet\n\n3 May 2022\n\n"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Heads of customs met in the capital of Senegal from 27 to 29 April 2022.",
            ("Dakar", "SEN"),
        ),
        ("Heads of customs met in Kenya's capital from 27 to 29 April 2022.", ("Nairobi", "KEN")),
        (
            "Senegal welcomed the heads of customs of the region, who met in the country's capital "
            "from 27 to 29 April 2022.",
            ("Dakar", "SEN"),
        ),
        (
            "Les experts se sont réunis dans la capitale du Niger du 27 au 29 avril 2022.",
            ("Niamey", "NER"),
        ),
        # the aliases' capital where meetings are held, not geonames' official one
        (
            "Heads of customs met in the capital of Côte d'Ivoire from 27 to 29 April 2022.",
            ("Abidjan", "CIV"),
        ),
    ],
    ids=["of-country", "possessive", "country-s-capital", "fr-capitale-du", "seat-of-meetings"],
)
def test_the_capital_of_the_country_named(sentence, place, gaz):
    event = read_event(HEAD + sentence, gaz)
    assert (event.city, event.iso3) == place


def test_a_capital_guessed_from_the_report_gives_way_to_a_place_named(gaz):
    # "in the capital" of the one country the report names ...
    alone = read_event(
        HEAD + "The heads of customs met in the capital from 27 to 29 April 2022, at the "
        "invitation of the customs of Senegal.",
        gaz,
    )
    assert (alone.city, alone.iso3) == ("Dakar", "SEN")
    # ... but a list of countries names no one, and a city named elsewhere wins
    listed = read_event(
        "Directors General meet in Lomé\n\n3 May 2022\n\nDelegates of Benin, Ghana and Togo "
        "met in the capital from 27 to 29 April 2022.",
        gaz,
    )
    assert (listed.city, listed.iso3) == ("Lomé", "TGO")
