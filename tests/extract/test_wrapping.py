"""Text hard-wrapped in mid-sentence reads as its sentences."""

from analytics.extract.wrapping import unwrapped
from tests.extract.reading import read_event


def test_lines_cut_in_mid_sentence_are_joined():
    lines = [
        "Du 14 au 16 mars 2016, la ville de Lomé a",
        "accueilli un séminaire régional sur la valeur, organisé pour",
        "les administrations de la région.",
        "Les participants ont étudié les méthodes.",
    ]
    assert unwrapped(lines) == [
        "Du 14 au 16 mars 2016, la ville de Lomé a accueilli un séminaire régional sur la "
        "valeur, organisé pour les administrations de la région.",
        "Les participants ont étudié les méthodes.",
    ]


def test_short_lines_and_ended_sentences_stay_apart():
    lines = ["Regional seminar", "on valuation", "The seminar ended on Friday.", "the next"]
    assert unwrapped(lines) == lines


def test_a_wrapped_report_gives_its_venue(gaz):
    event = read_event(
        "Séminaire sur l'intégrité\n\nDu 14 au 16 mars 2016, Lomé a\n"
        "accueilli un séminaire régional sur l'intégrité et\nla lutte contre la corruption.",
        gaz,
    )
    assert (event.city, event.iso3) == ("Lomé", "TGO")
