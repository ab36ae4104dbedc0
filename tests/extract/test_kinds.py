"""Meeting types from the title and the sentence reporting the meeting."""

import pytest

from analytics.extract.kinds import classify_event


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("ESA Governing Council meets in Maputo", "governing_council"),
        ("86th Session of the WCO Policy Commission", "policy_commission_or_council"),
        ("Regional Conference of Directors General", "regional_conference"),
        ("Workshop on rules of origin", "workshop_or_training"),
        ("Global Green Customs Forum", "international_forum"),
        ("Secretary General visits Mongolia", "bilateral_visit"),
        ("Launch of a new regional office", "other"),
        ("Le Conseil de l'OMD tient ses 141e et 142e sessions", "policy_commission_or_council"),
        ("Sesiones del Consejo de la OMA en Bruselas", "policy_commission_or_council"),
        ("Совет ВТамО завершил сессию в Брюсселе", "policy_commission_or_council"),
        ("Conselho de Direção da região reúne-se em Lusaka", "governing_council"),
        ("Conférence des Directeurs généraux des douanes à Lomé", "regional_conference"),
        ("Conferência Regional dos Diretores-Gerais em Luanda", "regional_conference"),
        ("В Минске прошла конференция руководителей таможенных служб", "regional_conference"),
    ],
)
def test_event_types(title, expected):
    assert classify_event(title, "", virtual=False) == expected
