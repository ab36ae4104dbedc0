"""A meeting at the WCO's headquarters, said in any of the site's languages, is in Brussels,
whatever countries its participants come from."""

import pytest

from tests.extract.reading import read_event


@pytest.mark.parametrize(
    "text",
    [
        "Un séminaire s'est tenu au siège de l'OMD du 2 au 4 mars 2021 avec des experts du "
        "Gabon, du Chili et de l'Inde.",
        "Un seminario se celebró en la sede de la OMA del 2 al 4 de marzo de 2021 con expertos "
        "de Gabón, Chile y la India.",
        "Со 2 по 4 марта 2021 года в штаб-квартире ВТамО прошел семинар для экспертов из "
        "Армении и Чили.",
        "2021年3月2日至4日，研讨会在世界海关组织总部举行，来自印度和智利的专家参加。",
        "عقدت ورشة عمل بمقر منظمة الجمارك العالمية يومي 2 و3 مارس 2021 بمشاركة خبراء من مصر وتونس.",
        "L'Organisation mondiale des douanes (OMD) a réuni à son siège, du 2 au 4 mars 2021, "
        "des experts du Gabon, du Chili et de l'Inde.",
        "A seminar was held at WCO Headquarters from 2 to 4 March 2021 for experts from Gabon, "
        "Chile and India.",
    ],
    ids=["fr", "es", "ru", "zh", "ar", "fr-its-seat", "en"],
)
def test_the_headquarters_in_any_language_are_in_brussels(text, gaz):
    event = read_event(f"Seminar\n\n{text}", gaz)
    assert (event.city, event.iso3, event.region) == ("Brussels", "BEL", "Global")


def test_another_body_s_own_seat_is_not_the_wco_s(gaz):
    event = read_event(
        "Séminaire à Dakar\n\nLa Douane sénégalaise a accueilli à son siège de Dakar, du 2 au 4 "
        "mars 2021, un séminaire de l'OMD pour les experts de la région.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Dakar", "SEN")
