"""Whether a meeting was held online: the ways reports say so, and hybrid meetings."""

import pytest

from analytics.extract.online import is_virtual
from tests.extract.reading import read_event


@pytest.mark.parametrize(
    "sentence",
    [
        "The heads of customs had online face-to-face meetings on 20 May 2020.",
        "Delegates met through a video link on 20 May 2020.",
        "The workshop was held in a virtual format.",
        "The meeting was held online on 20 May 2020.",
        "A reunião foi realizada por videoconferência.",
        "O seminário decorreu em formato virtual.",
        "El taller se realizó en formato virtual.",
        "L'OMD a organisé une formation en ligne pour les agents des douanes.",
        "The region's first virtual Risk Management (RM) workshop took place on 20 May 2020.",
        "The WCO pressed ahead by hosting a virtual data analytics workshop for the region.",
    ],
    ids=[
        "online-face-to-face",
        "video-link",
        "virtual-format",
        "held-online",
        "pt-video",
        "pt-format",
        "es-format",
        "fr-noun-first",
        "words-between",
        "hosting",
    ],
)
def test_ways_of_saying_a_meeting_was_online(sentence):
    assert is_virtual("", sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The conference took place in person and online on 20 May 2020.",
        "Delegates met face-to-face and online in Nairobi on 20 May 2020.",
        "La réunion s'est tenue en présentiel et à distance le 20 mai 2020.",
        "La reunión se celebró de forma presencial y virtual el 20 de mayo de 2020.",
    ],
    ids=["in-person-and-online", "face-to-face-and-online", "fr", "es"],
)
def test_a_hybrid_meeting_is_not_online(sentence):
    assert not is_virtual("", sentence)


def test_a_report_that_calls_the_meeting_a_webinar_is_online(gaz):
    # The countries named are the participants'; the meeting itself is a webinar.
    event = read_event(
        "Course on trade-based money laundering\n\n9 June 2022\n\nOn 7 June 2022, the regional "
        "office ran a course on trade-based money laundering for the officers who investigate "
        "it in Costa Rica, Nicaragua and Belize.\n\nThe webinar covered the use of invoices and "
        "shell companies to move illicit funds.",
        gaz,
    )
    assert (event.virtual, event.iso3) == (True, "")


@pytest.mark.parametrize(
    "sentence",
    [
        "In Nairobi on 20 May 2020, the WCO presented its virtual reality training modules.",
        "The seminar in Accra on 20 May 2020 discussed online sales platforms.",
    ],
    ids=["virtual-reality", "online-trade"],
)
def test_a_topic_said_with_virtual_or_online_is_no_online_meeting(sentence):
    assert not is_virtual("", sentence)
