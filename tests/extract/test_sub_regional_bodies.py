"""Bodies of a region's countries (ECOWAS, the EAC, ASEAN, the GCC, the CIS ...) and
regions named in Spanish, Portuguese and Russian: the region of a meeting held online or at
headquarters, where no venue gives one; and the WCO's Spanish acronym, which is no country."""

import pytest

from tests.extract.reading import read_event


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (  # a delegation of a community at headquarters: the community's region, not Belgium's
            "Talks at the Secretariat\n\n9 May 2016\n\nThe Secretary General received a "
            "delegation of the SADC Secretariat at WCO headquarters on 4 May 2016 to discuss "
            "transit guarantees.",
            "East and Southern Africa",
        ),
        (
            "Community officials in Brussels\n\n2 June 2017\n\nThe WCO received a delegation of "
            "the UEMOA Commission at its Headquarters on 30 May 2017 about the common tariff.",
            "West and Central Africa",
        ),
        (  # online: the bloc whose officers it gathered
            "Webinar on origin\n\n8 July 2021\n\nThe WCO held a webinar on 6 July 2021 for "
            "customs officers of ASEAN Member States on rules of origin.",
            "Asia/Pacific",
        ),
        (
            "Gulf customs heads meet by video\n\n5 May 2020\n\nThe heads of the GCC customs "
            "administrations met by video conference on 4 May 2020 on the movement of goods.",
            "North of Africa, Near and Middle East",
        ),
        (
            "Heads of customs meet online\n\n3 April 2021\n\nThe council of heads of customs "
            "services of CIS member states met online on 2 April 2021 on transit.",
            "Europe",
        ),
        (
            "Heads of customs meet online\n\n5 November 2021\n\nOn 3 November 2021, the "
            "European Anti-Fraud Office hosted an online meeting of the heads of customs of the "
            "European Union on fraud in e-commerce.",
            "Europe",
        ),
    ],
    ids=["sadc-at-hq", "uemoa-at-hq", "asean-online", "gcc-online", "cis-online", "eu-online"],
)
def test_a_body_of_a_regions_countries_gives_the_region(text, region, gaz):
    assert read_event(text, gaz).region == region


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "Taller en línea\n\n9 de marzo de 2022\n\nLa OMA organizó el 8 de marzo de 2022 un "
            "taller virtual para las aduanas de África Oriental y Austral sobre el tránsito.",
            "East and Southern Africa",
        ),
        (
            "Seminário online\n\n10 de maio de 2022\n\nA OMA realizou em 9 de maio de 2022 um "
            "seminário virtual para as aduanas da África Ocidental e Central sobre origem.",
            "West and Central Africa",
        ),
        (
            "Онлайн-семинар\n\n15 апреля 2021 года\n\nВ онлайн-формате прошёл семинар для "
            "таможенных служб Ближнего и Среднего Востока по вопросам транзита.",
            "North of Africa, Near and Middle East",
        ),
    ],
    ids=["spanish", "portuguese", "russian"],
)
def test_a_region_named_in_another_language(text, region, gaz):
    event = read_event(text, gaz)
    assert (event.virtual, event.region) == (True, region)


def test_the_wco_spanish_acronym_is_not_oman(gaz):
    # "La OMA organizó": the WCO organised it; the administration it was for gives the region
    event = read_event(
        "Taller virtual\n\n20 de abril de 2021\n\nLa OMA organizó un taller virtual sobre "
        "clasificación para funcionarios de la Aduana de Chile del 12 al 14 de abril de 2021.",
        gaz,
    )
    assert (event.virtual, event.region) == (True, "Americas and Caribbean")


def test_a_workshop_with_no_venue_takes_the_region_of_the_administration_it_was_for(gaz):
    event = read_event(
        "National workshop on valuation\n\nThe WCO delivered a national workshop on customs "
        "valuation for the State Customs Service of Kyrgyzstan on 3-4 March 2021.",
        gaz,
    )
    assert (event.iso3, event.region) == ("", "Europe")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (  # the WCO's region in the other order
            "Contact points meet\n\n5 March 2021\n\nThe contact points of the Southern and "
            "Eastern Africa region met online on 4 March 2021.",
            "East and Southern Africa",
        ),
        (  # a part of a region named alone, online: the WCO region it lies in
            "Formation en ligne\n\n3 juin 2021\n\nL'OMD a organisé le 2 juin 2021 une formation "
            "en ligne pour les douanes d'Afrique centrale sur le transit.",
            "West and Central Africa",
        ),
        (  # Central Asia is in the WCO's Europe region
            "Online course\n\n9 June 2021\n\nThe WCO held an online course on 8 June 2021 for "
            "customs officers of Central Asia on risk management.",
            "Europe",
        ),
        (
            "Семинар онлайн\n\n2 июня 2021 года\n\nВ режиме онлайн прошёл семинар для таможенных "
            "служб Ближнего Востока.",
            "North of Africa, Near and Middle East",
        ),
        (  # at headquarters, for one region's members
            "Workshop at the Secretariat\n\n3 May 2019\n\nA workshop was held at WCO headquarters "
            "on 2 May 2019 for officers of South-East Asia's customs administrations.",
            "Asia/Pacific",
        ),
    ],
    ids=["word-order", "central-africa", "central-asia", "middle-east-ru", "south-east-asia"],
)
def test_a_part_of_a_region_named_alone_where_no_venue_gives_one(text, region, gaz):
    assert read_event(text, gaz).region == region


def test_a_part_of_a_region_named_in_passing_does_not_beat_the_venue(gaz):
    # the venue (Vienna) gives the region; the Middle East office's name is a role
    event = read_event(
        "Operation debrief\n\n5 October 2019\n\nThe RILO for the Middle East took part in the "
        "debriefing of a joint operation held in Vienna, Austria, on 2 and 3 October 2019.",
        gaz,
    )
    assert (event.iso3, event.region) == ("AUT", "Europe")


@pytest.mark.parametrize(
    "lead",
    [
        "for participants from Africa, Asia and the Middle East",
        "for participants from West Africa, Central Asia and the Caribbean",
    ],
    ids=["listed-with-continents", "parts-of-several-regions"],
)
def test_parts_of_the_world_in_a_list_are_no_one_region(lead, gaz):
    # at headquarters for people of several parts of the world: the whole organisation's
    event = read_event(
        f"Workshop at headquarters\n\n5 May 2019\n\nA workshop on AEO was held at WCO "
        f"headquarters on 3 May 2019 {lead}.",
        gaz,
    )
    assert event.region == "Global"


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 November 2021, the WCO held an online workshop for West African administrations "
        "on transit guarantees, funded by the European Union.",
        "Le 3 novembre 2021, l'OMD a tenu en ligne un atelier financé par l'Union européenne "
        "pour les douanes d'Afrique de l'Ouest.",
    ],
    ids=["funded-by", "finance-par"],
)
def test_the_body_that_paid_for_an_online_meeting_is_not_its_people(sentence, gaz):
    event = read_event(f"Online workshop\n\n5 November 2021\n\n{sentence}", gaz)
    assert (event.virtual, event.region) == (True, "West and Central Africa")


def test_the_union_as_a_partner_is_not_the_people_met(gaz):
    # The Union organised it with the WCO; the experts came from another continent.
    event = read_event(
        "Origin experts at headquarters\n\n30 May 2023\n\nFrom 22 to 24 May 2023, the WCO and "
        "the European Union held a refresher workshop at WCO headquarters for accredited "
        "experts on rules of origin from across the continent.",
        gaz,
    )
    assert (event.iso3, event.region) == ("BEL", "Global")


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("On 7 June 2022, a webinar on cash smuggling was held for customs officers of Panama, "
         "Guatemala and Honduras.", "Americas and Caribbean"),
        ("On 7 June 2022, a webinar on cash smuggling was held for customs officers of Panama, "
         "Kenya and Nepal.", ""),
    ],
    ids=["one-region", "three-regions"],
)  # fmt: skip
def test_an_online_meeting_of_one_regions_countries_is_that_region(sentence, region, gaz):
    event = read_event(f"Webinar on cash smuggling\n\n9 June 2022\n\n{sentence}", gaz)
    assert (event.virtual, event.region) == (True, region)
