"""The venue's country from the administration that hosted the meeting, when no place is
named: reports we wrote in the shapes of administrations' and the WCO's pages."""

import json

import pytest

from tests.extract.reading import read_event


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        (
            "A regional workshop on risk management took place from 4 to 8 March 2019, hosted by "
            "the Kenya Revenue Authority.",
            "KEN",
        ),
        (
            "At the invitation of the Customs Administration of Peru, the directors of the Andean "
            "administrations met on 12 and 13 March 2019.",
            "PER",
        ),
        (
            "The Uganda Revenue Authority hosted a regional meeting on transit on 12 and 13 March "
            "2019.",
            "UGA",
        ),
        (
            "L'atelier régional, organisé par la Direction générale des douanes du Sénégal, s'est "
            "tenu du 12 au 13 mars 2019.",
            "SEN",
        ),
        (
            "A invitación de la Aduana de Chile, los directores se reunieron el 12 y 13 de marzo de "
            "2019.",
            "CHL",
        ),
        (
            "La République centrafricaine a accueilli la réunion des experts les 12 et 13 mars "
            "2019.",
            "CAF",
        ),
        (
            "The conference of heads of customs was held on 12 and 13 March 2019, with Bolivian "
            "Customs as host.",
            "BOL",
        ),
        (
            "The contact points meeting was held from 12 to 14 March 2019, hosted by the "
            "Australian Border Force, Vice-Chair for the region.",
            "AUS",
        ),
        (
            "The regional workshop took place on 12 and 13 March 2019, hosted by the Canada "
            "Border Services Agency.",
            "CAN",
        ),
    ],
    ids=[
        "hosted-by",
        "invitation",
        "subject",
        "fr-organise-par",
        "es-invitacion",
        "fr-country",
        "with-as-host",
        "border-force-adjective",
        "border-agency",
    ],
)
def test_the_host_administration_gives_the_country(sentence, iso3, gaz):
    event = read_event(f"Regional meeting\n\n15 March 2019\n\n{sentence}", gaz)
    assert (event.city, event.iso3) == ("", iso3)
    assert "host administration" in json.loads(event.provenance)["venue"]


def test_a_place_named_outright_beats_the_host(gaz):
    event = read_event(
        "Regional meeting\n\n15 March 2019\n\nHosted by the Kenya Revenue Authority, the "
        "workshop was held in Kampala, Uganda, on 12 and 13 March 2019.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Kampala", "UGA")


@pytest.mark.parametrize(
    "sentence",
    [
        # a donor or the WCO is no host; a person's office is not the administration's name
        "The workshop was organised by the WCO with the support of Japan Customs.",
        "The seminar was organised by the Customs Cooperation Fund of Japan.",
        "At the invitation of Mr. Lee, Director General of Korea Customs, delegates met.",
        "The workshop was co-hosted by the WCO and the Korea Customs Service.",
    ],
    ids=["donor", "donor-fund", "person", "two-hosts"],
)
def test_no_single_host_administration_gives_no_venue(sentence, gaz):
    event = read_event(f"Regional meeting\n\n15 March 2019\n\n{sentence}", gaz)
    assert event.iso3 == ""


def test_the_head_of_a_countrys_administration_hosts_for_that_country(gaz):
    # The office says the country; the person's name would not.
    event = read_event(
        "Regional meeting\n\n15 March 2019\n\nThe meeting of the region's training heads was "
        "hosted by the Commissioner General of Lesotho from 12 to 14 March 2019.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", "LSO")


@pytest.mark.parametrize(
    ("headline", "iso3"),
    [
        ("Risk management workshop took place at Nigeria Customs Service", "NGA"),
        ("WCO tariff seminar took place at the Russian FCS", "RUS"),
        ("Valuation workshop was held at the FCS of Russia", "RUS"),
        ("Valuation workshop took place at the Grand Hotel", ""),
    ],
    ids=["country-customs", "adjective-fcs", "fcs-of-country", "a-hotel"],
)
def test_a_headline_that_says_it_took_place_at_an_administration(headline, iso3, gaz):
    event = read_event(
        f"{headline}\n\nThe workshop was held from 9 to 11 April 2018 for the tariff experts of "
        "the administration.",
        gaz,
    )
    assert (event.city, event.iso3) == ("", iso3)
