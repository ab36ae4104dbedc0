"""Where the meeting was held, in the forms real reports use."""

import pytest

from analytics.extract.event import extract_event
from analytics.ingest.base import RawDocument
from tests.extract.reading import read_event


def _venue(text: str, gaz) -> tuple[str, str, bool]:
    event = extract_event(RawDocument(source="t.txt", text=text), gaz)
    return event.city, event.iso3, event.virtual


@pytest.mark.parametrize(
    ("report", "city", "iso3"),
    [
        ("Réunion des experts\n\n22 novembre 2019\n\nDu 19 au 21 novembre 2019, Brazzaville la "
         "capitale abrite la réunion du comité des experts de la région.", "Brazzaville", "COG"),
        ("Conférence régionale\n\n14 mars 2019\n\nLa conférence s'ouvre ce 13 mars dans la "
         "capitale centrafricaine, Bangui, pour trois jours.", "Bangui", "CAF"),
        ("Seminar on valuation\n\n4 May 2017\n\nExperts met in the Belgian capital on 2 May "
         "2017 to discuss valuation.", "Brussels", "BEL"),
        ("Reunión en Ginebra\n\n12 mayo 2016\n\nLa reunión se celebró en Ginebra el 10 de mayo "
         "de 2016.", "Geneva", "CHE"),
        ("Regional workshop\n\n9 June 2014\n\nThe workshop took place in Samui, Thailand, on 5 "
         "and 6 June 2014.", "Ko Samui", "THA"),
        ("Conférence des DG\n\n25 mars 2013\n\nLa conférence s'est tenue du 18 au 22 mars 2013 "
         "au GHANA, à Accra.", "Accra", "GHA"),
        ("Visit\n\n3 May 2012\n\nThe Secretary General met officials in the Former Yugoslav "
         "Republic of Macedonia on 2 May 2012.", "", "MKD"),
        ("2016 IT Conference, 1-3 June, Dakar, Senegal\n\n9 June 2016\n\nThe closing session "
         "drew conclusions on connectivity.", "Dakar", "SEN"),
    ],
    ids=["hosts", "capital-named", "belgian-capital", "ginebra", "samui", "au-pays", "fyrom",
         "title"],
)  # fmt: skip
def test_venues_in_other_forms_and_languages(report, city, iso3, gaz):
    assert _venue(report, gaz)[:2] == (city, iso3)


@pytest.mark.parametrize(
    ("sentence", "city", "iso3"),
    [
        ("Delegates gathered in the Central African capital on 11 March 2019.", "Bangui", "CAF"),
        ("The forum opened in the Ivorian capital on 11 March 2019.", "Abidjan", "CIV"),
        ("Les experts se sont réunis le 11 mars 2019 dans la capitale malienne.", "Bamako",
         "MLI"),
        ("Os peritos reuniram-se a 11 de março de 2019 na capital moçambicana.", "Maputo",
         "MOZ"),
        ("Los jefes se reunieron el 11 de marzo de 2019 en la capital hondureña.", "Tegucigalpa",
         "HND"),
        # An adjective the table lacks names no capital, and never a city named "Central".
        ("Delegates gathered in the Central Asian capital on 11 March 2019.", "", ""),
    ],
    ids=["central-african", "ivorian", "malienne", "mocambicana", "hondurena", "unknown"],
)  # fmt: skip
def test_a_capital_named_by_its_countrys_adjective(sentence, city, iso3, gaz):
    assert _venue(f"Regional meeting\n\n12 March 2019\n\n{sentence}", gaz)[:2] == (city, iso3)


@pytest.mark.parametrize(
    ("sentence", "city", "iso3"),
    [
        ("The seminar was held on 12 March 2019 in Kenya's capital, Nairobi.", "Nairobi", "KEN"),
        ("The seminar was held on 12 March 2019 in Hong Kong, China.", "Hong Kong", "HKG"),
        ("El seminario se celebró el 12 de marzo de 2019 en la Ciudad de México.",
         "Mexico City", "MEX"),
        ("Le séminaire s'est tenu le 12 mars 2019 en Côte d'Ivoire.", "", "CIV"),
        ("The seminar took place on 12 March 2019 in Sharm el-Sheikh.", "Sharm el-Sheikh",
         "EGY"),
        # a city's building, the city in the possessive; an older meeting named after it
        ("The seminar, held 12 through 14 March 2019 in Kingston's Courtleigh Hotel, drew 80 "
         "delegates. The council was founded at a meeting held in Miami on 7 November 1989.",
         "Kingston", "JAM"),
    ],
    ids=["countrys-capital", "member-name", "la-ciudad", "d-apostrophe", "el-hyphen",
         "citys-building"],
)  # fmt: skip
def test_place_names_with_articles_possessives_and_members_names(sentence, city, iso3, gaz):
    assert _venue(f"Seminar\n\n14 March 2019\n\n{sentence}", gaz)[:2] == (city, iso3)


@pytest.mark.parametrize(
    ("sentence", "city", "iso3"),
    [
        ("La conférence s'est tenue le 12 mars 2019 à l'hôtel Sarakawa de Lomé.", "Lomé", "TGO"),
        ("L'atelier s'est ouvert le 12 mars 2019 en République du Niger.", "", "NER"),
        ("L'atelier s'est ouvert le 12 mars 2019 au Palais des Congrès de Cotonou.", "Cotonou",
         "BEN"),
        # the building's acronym between its name and its city
        ("L'atelier s'est tenu le 12 mars 2019 au Centre de Formation Douanière (CFD), "
         "Ouagadougou.", "Ouagadougou", "BFA"),
        ("The workshop was held on 12 March 2019 at the Regional Training Academy (RTAC), "
         "Entebbe.", "Entebbe", "UGA"),
    ],
    ids=["hotel-de", "republique-du", "palais-de", "acronym-fr", "acronym-en"],
)  # fmt: skip
def test_venues_in_the_names_of_buildings_and_countries(sentence, city, iso3, gaz):
    assert _venue(f"Atelier\n\n14 mars 2019\n\n{sentence}", gaz)[:2] == (city, iso3)


def test_a_persons_office_is_not_the_venue(gaz):
    report = (
        "Policy Commission\n\n16 December 2021\n\nThe Vice-Chair attended the Policy Commission "
        "on 13-15 December 2021, chaired by the President of Customs Affairs in Bahrain. It was "
        "held at the WCO Headquarters in Brussels, Belgium."
    )
    assert _venue(report, gaz)[:2] == ("Brussels", "BEL")


def test_a_virtual_meeting_naming_its_host_city_has_no_venue(gaz):
    report = (
        "Regional meeting\n\n2 February 2022\n\nHosted virtually by Dubai Customs, the heads of "
        "customs of the region met by video conference on 1 February 2022."
    )
    assert _venue(report, gaz) == ("", "", True)


@pytest.mark.parametrize(
    ("sentence", "city", "iso3"),
    [
        ("The heads of customs gathered on Langkawi Island from 10 to 12 September 2019.",
         "Kuah", "MYS"),
        ("Customs chiefs met on the resort island of Jeju on 18 and 19 May 2022.",
         "Jeju City", "KOR"),
        ("The conference was held in Bali on 18 and 19 May 2022.", "Bali", "IDN"),
    ],
    ids=["island-named", "island-of", "bali-not-india"],
)  # fmt: skip
def test_meetings_on_islands(sentence, city, iso3, gaz):
    assert _venue(f"Regional meeting\n\n{sentence}", gaz)[:2] == (city, iso3)


def test_a_namesake_town_is_read_in_the_country_the_title_names(gaz):
    report = (
        "Seychelles to chair the islands' customs committee\n\n14 October 2023\n\nThe "
        "committee's first meeting was held yesterday at a resort in Beau Vallon, with "
        "delegations from Mauritius, Comoros and Madagascar."
    )
    assert _venue(report, gaz)[:2] == ("Beau Vallon", "SYC")


@pytest.mark.parametrize(
    "sentence",
    [
        "A delegação participou, nos dias 23 e 24 de maio, na reunião do Conselho de Direção "
        "da Organização Mundial das Alfândegas (OMA), que decorreu na cidade costeira de "
        "Swakopmund, na Namíbia.",
        "La delegación participó en la conferencia de la Organización Mundial de Aduanas "
        "(OMA), que tuvo lugar en la ciudad costera de Swakopmund, en Namibia.",
    ],
)
def test_the_wcos_acronym_in_spanish_and_portuguese_is_not_oman(sentence, gaz):
    # "(OMA)" is no country hint ("Omã" is Oman in Portuguese): the venue is read as said
    city, iso3, _ = _venue(f"Reunião em Swakopmund\n\n28 de maio de 2024\n\n{sentence}", gaz)
    assert (city, iso3) == ("Swakopmund", "NAM")


def test_an_earlier_meeting_held_online_does_not_make_this_one_online(gaz):
    lead = ("La Direction générale se félicite du succès de la 28e Conférence, tenue les 26 et "
            "27 mai dans notre capitale.")  # fmt: skip
    earlier = "C'était la première en présentiel, la précédente s'étant tenue par visioconférence."
    report = f"Brazzaville a accueilli la Conférence\n\nBrazzaville, le 28 mai 2022\n\n{lead} "
    assert _venue(report + earlier, gaz)[2] is False
    this_one = "La conférence s'est tenue par visioconférence, en raison de la pandémie."
    assert _venue(report + this_one, gaz)[2] is True


def test_the_city_of_a_place_that_hosted(gaz):
    event = read_event(
        "Séminaire régional\n\nDu 14 au 16 mars 2016, la ville de Lomé a accueilli un séminaire "
        "régional sur la valeur en douane.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Lomé", "TGO")


def test_a_capital_named_after_its_capitalised_adjective(gaz):
    event = read_event(
        "Delegations welcomed\n\nThe Cameroonian capital, Yaoundé, welcomed the delegations of "
        "twenty administrations on 3 March 2015.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Yaoundé", "CMR")


@pytest.mark.parametrize(
    "sentence",
    [
        "Deux jours, les 4 et 5 mai 2016, pendant lesquels Niamey a accueilli l'atelier régional.",
        "It was a week in May 2016 when Kigali hosted the regional workshop.",
    ],
    ids=["fr", "en"],
)
def test_a_city_hosting_after_a_relative_is_the_venue(sentence, gaz):
    city, _, _ = _venue(f"Atelier\n\n{sentence}", gaz)
    assert city in {"Niamey", "Kigali"} and city in sentence


def test_a_speech_that_welcomes_guests_to_a_city(gaz):
    city, iso3, _ = _venue(
        "Opening remarks\n\n3 May 2016\n\nWelcome to Apia and to this regional meeting.", gaz
    )
    assert (city, iso3) == ("Apia", "WSM")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        (  # the administration visited is abroad; the visitors' own country is not the venue
            "Officers learn about risk management\n\n12 April 2019\n\nOfficers of the Zambia "
            "Revenue Authority completed a study tour to Mauritius from 1 to 5 April 2019.",
            "MUS",
        ),
        (
            "Learning from a neighbour\n\n3 August 2018\n\nOfficials of the Namibia Revenue "
            "Agency went on a benchmarking tour to Rwanda from 23 to 27 July 2018.",
            "RWA",
        ),
    ],
    ids=["study-tour", "benchmarking-tour"],
)
def test_a_tour_to_a_country_is_held_there(text, iso3, gaz):
    assert read_event(text, gaz).iso3 == iso3
