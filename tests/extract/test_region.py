"""The region a meeting concerns: global events anywhere, a region's meeting at HQ, roles."""

import pytest

from analytics.extract.event import extract_event
from analytics.ingest.base import RawDocument


def _region(text: str, gaz) -> str:
    return extract_event(RawDocument(source="t.txt", text=text), gaz).region


@pytest.mark.parametrize(
    "report",
    [
        "The 2014 WCO IT Conference\n\n3 June 2014\n\nThe WCO IT Conference and Exhibition "
        "was held in Shenzhen, China, from 1 to 3 June 2014.",
        "PICARD 2017\n\n20 September 2017\n\nResearchers met in Hammamet, Tunisia, for the "
        "PICARD Conference on 18 and 19 September 2017.",
        "Customs leaders meet in Recife\n\n5 May 2018\n\nThe Policy Commission met in Recife, "
        "Brazil, on 3 May 2018 under its Chairperson.",
        "Vice-Chair at the Policy Commission\n\n10 December 2021\n\nThe Asia/Pacific Vice-Chair "
        "attended the 85th Policy Commission, held online from 7 to 9 December 2021.",
        "Global meeting of regional structures\n\n2 March 2020\n\nThe Director of the ROCB ESA "
        "chaired the Global Meeting of the Regional Entities in Brussels on 2 March 2020.",
        "Las sesiones del Consejo\n\n30 junio 2022\n\nEl Director participó en Bruselas en las "
        "sesiones del Consejo de la OMA, celebradas del 23 al 25 de junio de 2022.",
        "Le Conseil de l'OMD à Bruxelles\n\n4 juillet 2019\n\nDu 27 au 29 juin 2019, les "
        "délégations ont siégé au Conseil de l'OMD, au siège de l'Organisation à Bruxelles.",
        "Заседание в Брюсселе\n\n5 июля 2019\n\nС 27 по 29 июня 2019 года в Брюсселе прошли "
        "сессии Совета ВТамО.",
    ],
    ids=["it-conference", "picard", "policy-commission", "vice-chair-role", "rocb-role", "es",
         "fr-conseil-de-l-omd", "ru-sovet-vtamo"],
)  # fmt: skip
def test_meetings_of_the_whole_organisation_are_global_wherever_held(report, gaz):
    assert _region(report, gaz) == "Global"


def test_a_meeting_at_headquarters_for_one_regions_members_is_that_region(gaz):
    report = (
        "Workshop at HQ\n\n12 April 2019\n\nA workshop held at WCO Headquarters in Brussels on "
        "10 April 2019 brought together five Southern African administrations."
    )
    assert _region(report, gaz) == "East and Southern Africa"


def test_a_chair_of_the_council_for_a_region_names_that_region(gaz):
    report = (
        "Heads of Customs review priorities\n\n7 April 2021\n\nJordan Customs, Vice-Chair of "
        "the WCO Council for the North of Africa, Near and Middle East, organised a virtual "
        "regional meeting on 4 April 2021."
    )
    assert _region(report, gaz) == "North of Africa, Near and Middle East"


def test_french_regions_with_their_articles_and_curly_apostrophes(gaz):
    report = (
        "Conférence régionale\n\n20 mars 2013\n\nLa conférence des Directeurs généraux pour la "
        "région Afrique de l’Ouest et du Centre s’est tenue à Accra du 18 au 20 mars 2013."
    )
    assert _region(report, gaz) == "West and Central Africa"


def test_two_regions_named_together_give_the_venues(gaz):
    report = (
        "Transit workshop in Tbilisi\n\n20 March 2019\n\nThe WCO held a workshop for Members "
        "of the Europe and Asia/Pacific regions in Tbilisi, Georgia, on 18 and 19 March 2019."
    )
    assert _region(report, gaz) == "Europe"


@pytest.mark.parametrize(
    "report",
    [
        "Data analytics workshop\n\nThe WCO organised a workshop on data analytics in Brussels "
        "from 6 to 8 March 2023 for participants from around the world.",
        "Valuation academy\n\nThe WCO Academy on customs valuation was held in Brussels from 6 "
        "to 8 March 2023.",
        "Advisers accredited\n\nAn accreditation workshop for audit advisers was held in Brussels "
        "from 6 to 8 March 2023.",
        "Council meets\n\nThe 143rd/144th Sessions of the World Customs Organization (WCO) "
        "Council took place from 27 to 29 June 2024.",
        "Virtual workshop on e-commerce\n\nThe WCO held a virtual WCO-wide workshop on "
        "e-commerce from 6 to 8 March 2023.",
    ],
    ids=["from-around-the-world", "academy", "accreditation", "council-full-name", "wco-wide"],
)
def test_events_of_the_whole_organisation_in_brussels_or_online_are_global(report, gaz):
    assert _region(report, gaz) == "Global"


def test_a_regional_workshop_in_brussels_stays_the_region_s(gaz):
    report = (
        "Europe workshop\n\nThe WCO held a workshop for the Europe region in Brussels from 6 to 8 "
        "March 2023."
    )
    assert _region(report, gaz) == "Europe"


@pytest.mark.parametrize(
    ("report", "region"),
    [
        (
            "Online training\n\nThe WCO delivered an online training on integrity for officers of "
            "the Zambia Revenue Authority from 8 to 10 September 2021.",
            "East and Southern Africa",
        ),
        (
            "Formation en ligne\n\nL'OMD a organisé une formation en ligne pour les agents de la "
            "Douane du Niger du 8 au 10 septembre 2021.",
            "West and Central Africa",
        ),
    ],
    ids=["en", "fr"],
)
def test_an_online_event_for_one_administration_is_of_its_country_s_region(report, region, gaz):
    assert _region(report, gaz) == region


def test_an_online_event_organised_by_one_administration_is_of_its_region(gaz):
    report = (
        "High-level seminar on smart borders\n\nThe seminar on smart borders was held online on "
        "7 and 8 November 2022. It was organized by the General Administration of China Customs."
    )
    assert _region(report, gaz) == "Asia/Pacific"


def test_a_delegation_received_at_headquarters_is_a_visit_in_europe(gaz):
    report = (
        "Delegation at headquarters\n\nThe Secretary General received a high-level delegation of "
        "Turkmenistan on 12 October 2018 at WCO headquarters in Brussels."
    )
    assert _region(report, gaz) == "Europe"
