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
    ],
)
def test_event_types(title, expected):
    assert classify_event(title, "", virtual=False) == expected
