"""A meeting to come, named in a clause of the sentence reporting this one, is not its venue."""

import pytest

from tests.extract.reading import read_event


@pytest.mark.parametrize(
    "text",
    [
        "Experts met from 3 to 5 March 2015 at the Palais des Sports to prepare the Council, "
        "which will be held in June in Brussels. The Malian capital, Bamako, welcomed twenty "
        "delegations.",
        "Les experts se sont réunis du 3 au 5 mars 2015 au Palais des Sports pour préparer le "
        "Conseil, qui se tiendra en juin à Bruxelles. La ville de Bamako a accueilli vingt "
        "délégations.",
        "Los expertos se reunieron del 3 al 5 de marzo de 2015 para preparar el Consejo, que se "
        "celebrará en junio en Bruselas. La ciudad de Bamako fue el escenario del encuentro.",
    ],
    ids=["en", "fr", "es"],
)
def test_the_place_of_a_meeting_to_come_gives_way(text, gaz):
    event = read_event(f"Experts prepare the Council\n\n{text}", gaz)
    assert (event.city, event.iso3) == ("Bamako", "MLI")


def test_a_report_announcing_the_meeting_keeps_its_place(gaz):
    event = read_event(
        "The Council in June\n\nThe Council, which will be held in Brussels from 27 to 29 June "
        "2024, will elect the chairs of its committees.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Brussels", "BEL")
