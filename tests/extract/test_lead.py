"""A wire's lead paragraph above its headline: the headline is the title."""

import datetime as dt

from tests.extract.reading import read_event

LEAD = (
    "KAMPALA, March 20, 2017 (Agency) -- East African customs chiefs on Monday opened a "
    "meeting on a regional single window."
)
BODY = "The meeting brought together the commissioners of customs of five countries."


def test_the_headline_under_an_agency_lead_is_the_title(gaz):
    event = read_event(
        f"{LEAD}\n\nCustoms chiefs of East Africa meet on single window\n\n{BODY}", gaz
    )
    assert event.title == "Customs chiefs of East Africa meet on single window"
    assert "opened a meeting on a regional single window" in event.text  # the lead stays text
    assert (event.published, event.city) == (dt.date(2017, 3, 20), "Kampala")


def test_a_section_heading_under_the_lead_is_no_headline(gaz):
    event = read_event(f"{LEAD}\n\nKey points\n\n{BODY}", gaz)
    assert event.title.startswith("KAMPALA")
