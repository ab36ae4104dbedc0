"""Whether a meeting was held online: the ways reports say so, and hybrid meetings."""

import pytest

from analytics.extract.online import is_virtual


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
